"""A detail read straight from the one sentence that names what the question names, when no stored fact
answers: a named programme or platform (“某某通”平台在哪个平台上线, 整体提速了多少), a 名词解释 entry
(“某某10条”指的是哪个文件, 集成了几个子系统), a regulation's sentence (宣传月是每年几月).

The question is cut into slots, one per thing asked (几个, 多大比例, 排第几, 哪个文件, 每年几月,
在哪个平台上线); READ_FORMS is the table saying, for each, how the question asks it and how a sentence
states it. A sentence answers only when it holds every quoted name of the question and most of its
other words, lies in a document of the place asked, and fills every slot — each from the clause that
holds most of that slot's own words. Each row has an invented example that ``tests/test_ask_detail.py``
runs."""

from __future__ import annotations

import re
from typing import Any

from ...errors import GovlensError
from ...lexicon.load import alternation
from ...lexicon.words import QUALIFIERS_AFTER
from ...store.api import StoreAPI
from . import words as W
from .sentences import words_of

_CN = "零〇一二两三四五六七八九十百千万"
_AFTER = alternation(QUALIFIERS_AFTER)  # the lexicon's qualifiers written after a figure (左右, 以上)
_UNITS = ("万人次|人次|万人|人|万亩|亩|万元|亿元|元|万吨|吨|平方公里|平方米|公里|米|天|个月|个|家|件|项|所|条|套|张|名|次|处|座|户|"
          "轮|场|届|批|期|栋|台|辆|艘|架|部|位|类|种|倍")

# (name, how the question asks (named groups feed the sentence's pattern), how a sentence states it
# (group a is the answer), invented question, invented sentence, the answer expected)
READ_FORMS: list[tuple[str, str, str, str, str, str]] = [
    ("document", r"(?:哪个|哪一个|哪份|哪一份|什么)(?:文件|政策|意见|规定|办法|通知)",
     r"(?P<a>《[^》]{2,60}》(?:[（(][^）)]{1,12}[）)])?)",
     "“惠企8条”指的是哪个文件？", "惠企8条：是指《云溪市关于支持中小企业发展的若干措施（试行）》。",
     "《云溪市关于支持中小企业发展的若干措施（试行）》"),
    ("month", r"(?:每年)?(?:几月|哪个月|哪一个月|几月份|哪一月)",
     r"(?P<a>(?:每年)?(?:[一二三四五六七八九十]{1,3}|\d{1,2})月份?)",
     "节水宣传周是每年几月？", "每年五月第三周为本市节水宣传周。", "每年五月"),
    ("where", r"在哪(?:个|一个|家|里)?[\u4e00-\u9fff]{0,3}?(?P<v>上线|开通|举办|召开|发布|落户|落地|挂牌|开业)",
     r"在(?P<a>[^，。；、在]{2,20}?){v}",
     "“云办事”小程序是在哪个平台上线的？", "“云办事”小程序：指在市民之家服务网上线的掌上办事入口。", "市民之家服务网"),
    ("rank", r"(?:排|居|位列|位居|排名)(?:在)?(?:全国|全省|全市|全区)?第几",
     r"(?P<a>第[一二三四五六七八九十\d]{1,3}(?:位|名)?)",
     "有几家企业进入全省百强，数量全省排第几？", "全市5家企业进入全省百强、数量居全省第3。", "第3"),
    ("count", rf"(?:多少|(?<!哪)几)(?P<u>{_UNITS})",
     rf"(?P<a>(?:约|近|超过|超|达|共)?(?:\d+(?:\.\d+)?(?:万|亿)?|[{_CN}]+){{u}})",
     "“智治平台”集成了几个子系统？", "“智治平台”：指集成地图系统、调度系统等五个子系统的治理平台。", "五个"),
    ("howmany", rf"多少(?!增加|增长|提高|减少|下降|降低|达到|上升|扩大|到|至|是|为|"
                rf"{_AFTER})(?P<n>(?:(?!多少|几)[\u4e00-\u9fff]){{2,8}}?)"
                r"(?=[？?，,；;。]|$)",
     rf"(?:{{n}}[^，。；\d]{{0,4}}?(?P<a>(?:约|近|超过|超|达|共)?\d+(?:\.\d+)?(?:万|亿)?(?:{_UNITS}|%))"
     rf"|(?P<b>(?:约|近|超过|超|达|共)?\d+(?:\.\d+)?(?:万|亿)?(?:{_UNITS}|%))(?:的)?{{n}})",
     "近年来培育了多少乡村工匠？", "近年来，全市已培育乡村工匠1260人，带动就业三千余人。", "1260人"),
    ("share", r"多大比例|多大比重|百分之几|多少%|多少个百分点"
              r"|(?P<w>提速|提高|降低|减少|增长|下降|增加|缩短|压缩|压减|提升|高|低|快|慢)了?多少(?![\u4e00-\u9fff])",
     rf"(?P<a>(?:约|近|超过|超)?\d+(?:\.\d+)?(?:%|个百分点){_AFTER}?)",
     "“全程帮办”整体提速了多少？", "实行“全程帮办”后，审批总时长平均减少约200天，整体提速约45%。", "约45%"),
]
_ASKS = [(name, re.compile(q)) for name, q, *_ in READ_FORMS]
_STATES = {name: s for name, _q, s, *_ in READ_FORMS}

# the forms whose figure is a bare number: its clause must hold one of the slot's own words
_OWN_WORDS = frozenset({"count", "howmany", "share", "rank"})
_PARTS = re.compile(r"[？?，,；;。]")
_CLAUSES = "，,；;。：:"
_STOPS = "。！？\n"


def slots(q: str) -> list[tuple[str, re.Match[str], str]]:
    """The things a question asks, in order: (form name, the match, the question part it is in)."""
    out: list[tuple[str, re.Match[str], str]] = []
    taken: list[tuple[int, int]] = []
    for name, rx in _ASKS:
        for m in rx.finditer(q):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            start = max((x.end() for x in _PARTS.finditer(q, 0, m.start())), default=0)
            end = next((x.start() for x in _PARTS.finditer(q, m.end())), len(q))
            out.append((name, m, q[start:end]))
            taken.append((m.start(), m.end()))
    return sorted(out, key=lambda x: x[1].start())


def _fill(name: str, m: re.Match[str], sentence: str, part_words: list[str]) -> tuple[str, str] | None:
    """The answer to one slot and the clause it was read from: the clause holding most of the slot's
    words among those stating a figure of the asked form (None when two clauses tie)."""
    pattern = _STATES[name]
    for k, v in m.groupdict().items():  # {v}, {u}: the question's own verb or unit
        pattern = pattern.replace("{" + k + "}", re.escape(v or ""))
    verb = m.groupdict().get("w")  # 提速了多少: only a clause saying 提速 states it
    states = re.compile(pattern)
    best: list[tuple[int, str, str]] = []
    start = 0
    for end in [*(i for i, c in enumerate(sentence) if c in _CLAUSES), len(sentence)]:
        clause = sentence[start:end]
        start = end + 1
        got = states.search(clause)
        if got is None or (verb and verb not in clause):
            continue
        score = sum(len(w) for w in part_words if w in clause)
        best.append((score, got.group("a") or got.groupdict().get("b"), clause))
    if not best:
        return None
    best.sort(key=lambda x: -x[0])
    if len(best) > 1 and best[0][0] == best[1][0]:
        return None  # two clauses state such a figure and the question's words choose neither
    if best[0][0] == 0 and part_words and name in _OWN_WORDS:
        return None  # no clause stating such a figure says what the slot asks about (抓一件是一件)
    return best[0][1], best[0][2]


def _within(region: str | None, place: str) -> bool:
    from ...lexicon.places import canonical_place

    if not region:
        return False
    if region == place or region.endswith(place):
        return True
    got, asked = canonical_place(region), canonical_place(place)
    return got is not None and asked is not None and got.within(asked)


def _docs(store: StoreAPI, words: list[str], places: list[str], limit: int) -> list[int]:
    """The documents best holding each word: the place's own (searched by its name) and those of the
    places within it (上海市 asked, 金山区's report)."""
    docs: dict[int, None] = {}
    for w in words:
        for region in (*places, None) if places else (None,):
            try:
                hits = store.search(w, region=region, limit=limit)
            except GovlensError:  # a word the index cannot take is no match
                continue
            docs.update((h["id"], None) for h in hits if not places or any(_within(h.get("region"), pl) for pl in places))
    return list(docs)


def answer(store: StoreAPI, q: str, places: list[str], years: list[int]) -> dict[str, Any] | None:
    """The sentence answering every slot of ``q`` and the answers: {"answers", "doc", "quote", "span"};
    None unless one sentence of a document of the place asked holds the question's names and fills
    every slot."""
    asked = slots(q)
    if not asked:
        return None
    quoted = [m.group(1) for m in W.QUOTED_TERM.finditer(q)]
    bare = q
    for pl in places:
        for name in {pl, pl[:-1], *(pl.split("市")[-1:] if "市" in pl[:-1] else [])}:
            if len(name) >= 2:
                bare = bare.replace(name, " ")
    for _n, m, _p in asked:
        bare = bare.replace(m.group(0), " ")
    words = [w for w in words_of(bare) if not any(w in t for t in quoted)]
    need = [*quoted, *words]
    if not need or sum(len(w) for w in need) < 4:
        return None
    docs = _docs(store, sorted(need, key=len, reverse=True)[:4], places, 6)
    best: tuple[float, dict[str, Any]] | None = None
    for doc_id in docs:
        d = store.document(doc_id)
        if d is None:
            continue
        if years and d.get("year") and not any(y - 1 <= d["year"] <= y + 1 for y in years):
            continue  # the year asked is told in that year's report or the next
        text = d["text"]
        anchor = max(need, key=len)
        at = text.find(anchor)
        while at != -1:
            lo = max(text.rfind(c, 0, at) for c in _STOPS) + 1
            ends = [e for c in _STOPS if (e := text.find(c, at)) != -1]
            hi = min(ends) + (text[min(ends)] != "\n") if ends else len(text)
            at = text.find(anchor, hi + 1)
            sentence = text[lo:hi]
            if not all(t in sentence for t in quoted):
                continue
            held = sum(len(w) for w in words if w in sentence)
            total = sum(len(w) for w in words)
            if total and held < 0.75 * total:
                continue
            got = [_fill(name, m, sentence, words_of(part.replace(m.group(0), " "))) for name, m, part in asked]
            if any(g is None for g in got):
                continue
            score = held + 0.001 * (total - len(sentence) / 100)
            if best is None or score > best[0]:
                best = (score, {"answers": got, "doc": d["doc"], "quote": sentence, "span": [lo, hi],
                                "region": d.get("region")})
    return best[1] if best else None


# A change between two years stated as one from-to phrase (…标准从98元/月提高到178元/月, 比重分别从2020年的
# 17.9%提升到2025年的35.5%): the measure is the clause's words before 由/从.
FROM_TO_VERBS = ("提高", "提升", "增加", "增长", "扩大", "上升", "跃升", "攀升", "下降", "减少", "降低", "缩小", "缩短", "压缩")
FROM_TO = re.compile(r"(?P<m>[^，,。；;：:]{2,40}?)(?P<each>分别)?(?:由|从)(?P<a>[^，,。；;]{1,40}?)"
                     rf"(?P<v>{'|'.join(FROM_TO_VERBS)})了?(?:到|至)(?P<b>[^，,。；;]{{1,40}})")
_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(%|个百分点|[\u4e00-\u9fff]{0,3}元(?:/[月年人])?|[万亿]?[\u4e00-\u9fff]{1,2})")
_YEAR = re.compile(rf"({W.YEAR})年")
_YEAR_OF = re.compile(rf"(?:{W.YEAR})年(?:的|底的|末的|底|末)?")
FROM_TO_EXAMPLES = [  # (invented sentence, question, what the answer holds)
    ("五年来，城乡居民医保财政补助标准从520元/年提高到670元/年。", "云溪市城乡居民医保财政补助标准2025年比2020年提高了多少？",
     ["520元/年", "670元/年", "150"]),
    ("2020年到2025年，服务业增加值占地区生产总值比重从48.2%提升到53.6%。", "云溪市2020年到2025年服务业增加值占地区生产总值比重是怎么变化的？",
     ["48.2%", "53.6%"]),
]


def from_to(store: StoreAPI, q: str, words: list[str], places: list[str], y1: int, y2: int) -> dict[str, Any] | None:
    """The from-to phrase of a document of the place (the report of ``y2`` or the next) whose measure
    clause holds most of ``words``, in a sentence naming one of the years or in the review of a
    five-year span: {"said", "clause", "doc", "quote", "span", "region", "diff"}."""
    total = sum(len(w) for w in words)
    if total < 3:
        return None
    docs = _docs(store, sorted(words, key=len, reverse=True)[:3], places, 8)
    best: tuple[int, dict[str, Any]] | None = None
    for doc_id in docs:
        d = store.document(doc_id)
        if d is None or d.get("year") not in (y2, y2 + 1):
            continue
        text = d["text"]
        for m in FROM_TO.finditer(text):
            held = sum(len(w) for w in words if w in m.group("m"))
            if held < 0.75 * total:
                continue
            lo = max(text.rfind(c, 0, m.start()) for c in _STOPS) + 1
            ends = [e for c in _STOPS if (e := text.find(c, m.end())) != -1]
            hi = min(ends) + (text[min(ends)] != "\n") if ends else len(text)
            sentence = text[lo:hi]
            ya, yb = _YEAR.findall(m.group("a")), _YEAR.findall(m.group("b"))
            if (ya or yb) and (ya != [str(y1)] or yb not in ([], [str(y2)])):
                continue  # the phrase's own years are another span's (由2010年的…增加到2015年的…)
            if not ya and not (f"{y1}年" in sentence or f"{y2}年" in sentence or (d["year"] == y2 + 1 and y2 - y1 == 5)):
                continue  # another span's change
            a, b = (_FIGURE.findall(_YEAR_OF.sub("", m.group(g))) for g in ("a", "b"))
            diff = None
            if a and len(a) == len(b) and all(x[1] == y[1] for x, y in zip(a, b, strict=True)):
                # 分别从645元/月、4318元/年提高到801元/月、7226元/年: each pair in its own unit
                gaps = [f"{round(abs(float(y[0]) - float(x[0])), 4):g}" for x, y in zip(a, b, strict=True)]
                units = ["个百分点" if x[1] == "%" else x[1] for x in a]
                diff = (gaps, "、".join(g + u for g, u in zip(gaps, units, strict=True)), m.group("v"))
            said = m.group(0)[len(m.group("m")):]
            got = {"said": m.group("m").strip() + said, "levels": [x[0] for x in (*a, *b)], "doc": d["doc"], "quote": sentence, "span": [lo, hi],
                   "region": d.get("region"), "diff": diff}
            if best is None or held > best[0]:
                best = (held, got)
    return best[1] if best else None


# Which of one report's growth targets is highest or lowest (主要预期目标里哪一项增长目标最高), or which of
# two it names (新能源产业产值和装备制造业增加值，哪个增长目标定得更高): read from the report's paragraph
# of main targets (the one opening with 主要预期目标), growth figures only (增长6%; not 涨幅, not 下降).
WHICH_TARGET = re.compile(r"(?:哪一项|哪项|哪个|哪一个|哪些)[^，。？]{0,8}?(?:目标)?[^，。？]{0,6}?(?P<o>最高|最低|更高|更低|最快|最慢|最大|最小)"
                          r"|(?P<o2>最高|最低|更高|更低)的?(?:是)?(?:哪一项|哪项|哪个|哪一个)")
MAIN_TARGET_WORDS = ("主要预期目标", "预期目标是", "主要目标")
MAIN_TARGETS = re.compile("|".join(MAIN_TARGET_WORDS))
_GROWTH_BEFORE = re.compile(r"增长(?:目标)?(?:为|是)?$")
WHICH_TARGET_EXAMPLES = [  # (invented main-targets paragraph, question, what the answer holds, what it must not)
    ("今年主要预期目标是：地区生产总值增长5%左右，规上工业增加值增长6.5%，居民消费价格涨幅3%左右，单位能耗下降2%。",
     "云溪市2026年主要预期目标里哪一项增长目标最高？", ["规上工业增加值", "6.5%"], ["3%左右"]),
    ("今年主要预期目标是：地区生产总值增长5%左右，一般公共预算收入增长1.5%，进出口总额增长3%。",
     "云溪市2026年主要预期目标中哪项增长目标最低？", ["一般公共预算收入", "1.5%"], ["进出口总额"]),
    ("今年主要预期目标是：地区生产总值增长5%左右，新材料产业产值增长8%以上，现代农业增加值增长4%左右。",
     "云溪市2026年新材料产业产值和现代农业增加值，哪个增长目标更高？", ["新材料产业产值", "8%以上", "4%左右"], []),
]


def which_target(store: StoreAPI, q: str, place: str, year: int) -> dict[str, Any] | None:
    """{"winner", "rows", "doc", "quote", "span", "region"}: the highest (or lowest) growth target of the
    place's report for ``year`` among the main targets, or among the measures the question names."""
    m = WHICH_TARGET.search(q)
    if m is None:
        return None
    low = (m.group("o") or m.group("o2") or "") in ("最低", "更低", "最慢", "最小")
    facts = [f for f in store.indicators(region=place, period=str(year), kind="target")
             if f.get("change_unit") == "%" and f.get("change") is not None and f["change"] > 0 and f.get("doc")]
    named = [f for f in facts if (f.get("metric") or "") and f["metric"] in q]
    pool = named if len({f["metric"] for f in named}) >= 2 else []
    if not pool:
        docs = {f["doc"] for f in facts}
        if len(docs) != 1 or not MAIN_TARGETS.search(q):
            return None
        doc = docs.pop()
        text = store.document_text(doc) or ""
        # the first paragraph naming its main targets, in the table's order (主要预期目标 before 主要目标)
        at = next((i for w in MAIN_TARGET_WORDS if (i := text.find(w)) != -1), -1)
        if at == -1:
            return None
        end = text.find("\n", at)
        lo, hi = text.rfind("\n", 0, at) + 1, (end if end != -1 else len(text))  # the whole paragraph
        pool = [f for f in facts if f.get("span") and lo <= f["span"][0] < hi]
    rows = []
    for f in pool:
        fig = re.escape(f"{f['change']:g}")
        said = re.search(rf"{re.escape(f['metric'])}[^，。；\d]{{0,6}}?增长(?:目标)?(?:为|是)?{fig}%{_AFTER}?",
                         f.get("quote") or "")
        if said is None:
            continue  # 涨幅3%, 下降2%: not a growth target
        rows.append((f["change"], f, said.group(0)))
    by_metric = {f["metric"]: (v, f, said) for v, f, said in rows}
    if len(by_metric) < 2:
        return None
    ranked = sorted(by_metric.values(), key=lambda r: r[0], reverse=not low)
    if ranked[0][0] == ranked[1][0]:
        return None  # a tie: no one answer
    return {"winner": ranked[0], "rows": ranked, "low": low, "named": bool(named) and len({f["metric"] for f in named}) >= 2}


# A document's own record asked (its 发文字号, 成文日期, 发文机关, 索引号), or the document a 文号 names:
# (field, how the question asks it after the document's name, invented question)
META_FORMS: list[tuple[str, str, str]] = [
    ("doc_no", r"的?(?:发文字号|文号|发文号|字号)(?:是|为)?(?:什么|多少|哪个)?", "云溪市关于加快数字经济发展的意见的发文字号是什么？"),
    ("date", r"(?:是)?(?:哪天|哪一天|什么时候|何时|哪年哪月哪日)(?:成文|印发|发布|下发)的?|的?(?:成文日期|成文时间|印发日期|印发时间)(?:是)?(?:哪天|什么时候|什么)?",
     "云溪市关于加快数字经济发展的意见是哪天成文的？"),
    ("issuer", r"(?:是)?(?:哪个|什么)(?:部门|机关|单位)(?:发布|印发|制发|发)的?|的?发文机关(?:是)?(?:哪个|谁|什么)?|是谁(?:发布|印发)的?",
     "云溪市关于加快数字经济发展的意见是哪个机关印发的？"),
    ("index_no", r"的?索引号(?:是)?(?:什么|多少)?", "云溪市关于加快数字经济发展的意见的索引号是多少？"),
]
_META = [(f, re.compile(rf"^(?P<name>.{{4,60}}?){rx}[？?]?$")) for f, rx, _ in META_FORMS]
DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［(（]\d{4}[〕\]］)）]\d{1,4}号")
_META_WORD = {"doc_no": "发文字号", "date": "成文日期", "issuer": "发文机关", "index_no": "索引号"}


def document_record(store: StoreAPI, q: str) -> dict[str, Any] | None:
    """{"answer", "doc", "quote", "span", "computed"}: a named document's record field, or the title of the
    document a 文号 in the question names (国发〔2030〕5号是什么文件)."""
    from .sentences import named_documents

    q = q.strip()
    no = DOC_NO.search(q)
    if no and not any(rx.match(q) for _f, rx in _META):
        try:
            hits = store.search(no.group(0), limit=5)
        except GovlensError:
            return None
        for row in hits:
            d = store.document(row["id"])
            if d is not None and d.get("doc_no") == no.group(0):
                return _cited(d, f"{no.group(0)}是《{d['title']}》", [no.group(0), d["title"]])
        return None
    for field, rx in _META:
        m = rx.match(q)
        if m is None:
            continue
        name = re.sub(r"^(?:请问)?|[《》“”\"]", "", m.group("name")).rstrip("的")
        docs = named_documents(store, name)
        if not docs and len(name) >= 8:  # the title without its issuer (关于…的意见 of 国务院关于…的意见)
            try:
                hits = store.search(name, limit=5)
            except GovlensError:
                hits = []
            docs = [(d, d["title"]) for h in hits if name in (h.get("title") or "") and (d := store.document(h["id"]))]
        docs = [(d, t) for d, t in docs if _alike(name, t)]
        if not docs:
            return None
        d, title = docs[0]
        value = d.get(field)
        if not value:
            return None
        if field == "date":
            y, mo, day = (int(x) for x in value.split("-"))
            value = f"{y}年{mo}月{day}日"
        return _cited(d, f"《{title}》的{_META_WORD[field]}：{value}", [title, value])
    return None


def _alike(name: str, title: str) -> bool:
    """The title holds nearly all the name's character pairs (关于加快人工智能发展的意见 is not the title
    关于加快数字经济发展的意见, though the two share their opening)."""
    pairs = {name[i:i + 2] for i in range(len(name) - 1)}
    return bool(pairs) and sum(p in title for p in pairs) >= 0.85 * len(pairs)


def _cited(d: dict[str, Any], answer: str, said: list[str]) -> dict[str, Any]:
    """The answer with the document's first line holding one of ``said`` cited (its title line, or the
    line with its 文号); figures read from the record, not a sentence, are marked computed."""
    text = d["text"]
    lo = hi = 0
    for s in said:
        at = text.find(s) if s else -1
        if at != -1:
            lo = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            hi = end if end != -1 else len(text)
            break
    if hi == 0:
        end = text.find("\n")
        hi = end if end != -1 else len(text)
    quote = text[lo:hi]
    computed = [n for n in re.findall(r"\d+(?:\.\d+)?", answer) if n not in quote]
    return {"answer": answer, "doc": d["doc"], "quote": quote, "span": [lo, hi], "computed": computed}
