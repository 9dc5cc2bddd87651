"""Track targets: each target a report sets for its year Y, paired with the outcome for Y that the
same region's report of year Y+1 states.

One row per region, measure, sense and year. The measure is the lexicon's metric key (one measure has
one key however written: 国内生产总值, 地区生产总值, GDP -> ``gdp``); the sense is how the figure is
meant (``lexicon/data/senses.tsv``):

=========  ===============================================  ======================================
sense      a figure stated as …                              example
=========  ===============================================  ======================================
``growth`` a change (增长8%, 上涨2%, 降低4%), or a percent    国内生产总值增长8%；居民消费价格涨幅3%
           level whose name or key names a change
``ratio``  a percent level of a measure named as a rate       城镇登记失业率4.5%以内；赤字率2.8%左右
           or share (率, 比重, 比例, 强度)
``level``  an amount in a unit                               地区生产总值达到296亿元；新增就业5700人
=========  ===============================================  ======================================

A target stating two senses (地区生产总值增长8%，达到296亿元) gives two rows. The outcome is the year's
own figure for the whole place in the same sense (not a total, a five-year or 十年来 figure, a part of
the year or of the place — see ``ask.choose``): growth with growth in the same unit (% or 百分点),
a ratio in the same unit, a level in one unit family (亿公斤 against 万吨, 万人 against 人).

Verdict rule (README "Track verdicts"; each row says which rule decided, ``rule``):

=============  ===========================================  ==========================================
rule           target written as                            met when the outcome …
=============  ===========================================  ==========================================
``approx``     左右, 约, 大约, 近, 接近                     is within the tolerance of it (0.5 for % and
                                                            百分点, else 2 %): at least target − tol
``at_least``   no qualifier (增长7.5%), 以上, 不低于,       reaches it: at least the target
               力争, 超过, 突破, 至少
``range``      6%-7%, 4.5%—5%                               reaches the lower bound
``ceiling``    以内, 以下, 控制在, 不超过, 不高于, 低于     stays at or under it
=============  ===========================================  ==========================================

For measures where lower is better (unemployment, prices, energy intensity, deficit, PM2.5)
``approx``, ``at_least`` and ``range`` are mirrored (at most target + tol / at most the target / at
most the upper bound) and the rule's name ends in ``-mirrored``. No comparable figure in the next
report: ``unclear`` (rule ``no_outcome``); no next report in the store: ``pending`` (rule
``no_report``).

:func:`lookup` finds the row a user means by a place, the measure in words and a year — the one
lookup the CLI (``govlens track --region --metric --year``), the portal and the scorer share.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..lexicon.load import rows as lexicon_rows
from ..lexicon.metrics import metric_key, metric_stem
from ..lexicon.words import APPROX, AT_MOST, CUES, YEAR_ANY
from ..stages.numbers import convert
from ..store.api import StoreAPI

LOWER_IS_BETTER = ("unemployment_registered", "unemployment_surveyed", "cpi", "retail_prices", "energy_intensity",
                   "pm25", "deficit_ratio", "deficit", "carbon_intensity",
                   "so2_emissions", "cod_emissions", "nox_emissions")
# Units that count people or things (a bare 万 beside them means that many of them)
COUNT_UNITS = ("人", "户", "套", "个", "家", "项", "件", "所", "座", "辆", "台", "人次")
SENSES = ("level", "ratio", "growth")  # the order a measure named without a sense word is looked up in
PERCENT = ("%", "‰")


@lru_cache(maxsize=1)
def _sense_words() -> list[tuple[str, str]]:
    """(word, sense), longest word first (增长率 is a growth, 率 a ratio)."""
    return sorted(((r[1], r[0]) for r in lexicon_rows("senses.tsv")), key=lambda p: -len(p[0]))


def _ending(words: str) -> tuple[str, str] | None:
    """The sense word that ends ``words`` and its sense, or None."""
    return next(((w, s) for w, s in _sense_words() if words.endswith(w) and len(words) > len(w)), None)


# A programme measure named object first with its stage after it is the stage's measure: reports
# write the stage first (新建改建农村公路3800公里), people and tables often after (农村公路新建改建).
# (stage word, measure written object first, as the reports write it) — lexicon/data/stages.tsv, the
# one list of stage words the indicator stage reads too.
ACTION_AFTER: list[tuple[str, str, str]] = [(r[0], r[1], r[2]) for r in lexicon_rows("stages.tsv")]


def _action_first(words: str) -> str | None:
    """``words`` with a trailing action word moved to the front (农村公路新建改建 -> 新建改建农村公路)."""
    act = next((a for a, _, _ in sorted(ACTION_AFTER, key=lambda r: -len(r[0]))
                if words.endswith(a) and len(words) > len(a)), None)
    return act + words[: -len(act)] if act else None


# --- measures the lexicon has no key for ----------------------------------------------------------
# Programme, budget and task figures (街心公园, 冷库, 县财政教育支出) are targets too. Their measure is
# their name without the words that say how or when the figure is reached (measure_fillers.tsv) and
# without stage words (stages.tsv): 建成街心公园 and 改造新建街心公园 are one measure, 街心公园. A target
# and an outcome pair when one name holds most of the other (see :func:`same_name`).
_NAME_MARKS = re.compile(r"[“”\"‘’'《》〈〉「」（）()\[\]【】、，,·\s]")
# A name left too general to be one measure: a bare noun (投资 of which project?) or only the payer
# (中央财政拟安排资金130亿元 says who pays, not for what). A comparison read as a name (比上年) is none either.
GENERIC_NAMES = frozenset(("投资", "资金", "任务", "面积", "项目", "总额", "总量", "规模", "数量", "人数", "个数",
                           "金额", "产值", "收入", "支出", "建设", "工作", "比重", "增长", "增加", "减少",
                           "财政", "中央财政", "地方财政", "各级财政", "省财政", "市财政", "县财政", "区财政",
                           "政府", "中央", "国家", "全国", "全区", "全市", "全省", "全县"))


# A name that is no measure's: it opens a clause (把…, 比上年…, 在…), names a part of the year (三月份的
# 日产量, 一季度), or ends in a change word, so its figure is an increase of something (补助标准再提高5元).
# (pattern, example of a name it rejects)
NOT_A_NAME_ROWS: list[tuple[str, str]] = [
    (r"^(?:把|比|在|对|使|为|由|从|向|按)", "把乡镇卫生院"),
    (r"[一二三四1-4]季度|[上下]半年|[一二三四五六七八九十\d]+月|月份", "三月份平均日产量"),
    # a count of projects by category (农业类21个, 城市建设类28个) or of meetings is no measure
    (r"类$|全委会|会议", "城市建设类"),
    (r"(?:提高|增加|增长|提升|下降|降低|减少|扩大|多|少)$", "人均补助标准再提高"),
    # a figure followed by 级 grades a thing (20万吨级航道, 五百亿级开发区2个): it counts nothing itself
    (r"^级|(?<![升本])级$", "深水港级"),   # not 升级 (提档升级 of 14公里) nor 本级 (中央本级支出)
    # only a place: where the figure is, not what (中心城区68公里 of which network?)
    (r"^(?:中心|主|老|新)?城区$|^(?:农村|城乡|城镇|乡村|镇区|园区|开发区)$", "中心城区"),
]
NOT_A_NAME = re.compile("|".join(f"(?:{p})" for p, _ in NOT_A_NAME_ROWS))
GENERIC_NAMES = GENERIC_NAMES | {"人口", "产量", "企业", "学生", "道路", "绿化", "总投资", "工程", "小区", "上级", "今年",
                                 "年内", "全年", "明年"}


@lru_cache(maxsize=1)
def _fillers() -> tuple[list[str], list[str], list[str]]:
    """(lead, anywhere, tail) filler words, longest first; stage words count as anywhere."""
    rows_ = lexicon_rows("measure_fillers.tsv")
    lead = [r[1] for r in rows_ if r[0] == "lead"]
    tail = [r[1] for r in rows_ if r[0] == "tail"]
    anywhere = [r[1] for r in rows_ if r[0] == "any"] + [r[0] for r in ACTION_AFTER]
    by_len = lambda ws: sorted(set(ws), key=lambda w: (-len(w), w))  # noqa: E731
    return by_len(lead), by_len(anywhere), by_len(tail)


@lru_cache(maxsize=4096)
def name_core(metric: str | None) -> str:
    """A measure's name as track compares names the lexicon has no key for: no marks, no filler and
    no stage words (年内建成“街心公园” -> 街心公园; 县财政拟安排教育支出 -> 县财政教育)."""
    lead, anywhere, tail = _fillers()
    name = _NAME_MARKS.sub("", metric or "")
    changed = True
    while changed:
        changed = False
        for w in lead:
            if name.startswith(w) and len(name) > len(w):
                name, changed = name[len(w):], True
    for w in anywhere:
        if len(name) > len(w):
            name = name.replace(w, "")
    changed = True
    while changed:
        changed = False
        for w in tail:
            if name.endswith(w) and len(name) > len(w):
                name, changed = name[: -len(w)], True
    return name


def named_measure(metric: str | None) -> str | None:
    """The name of a measure without a lexicon key, or None when the name says too little to be one
    measure (投资, 任务, a lone character, a comparison such as 比上年)."""
    core = name_core(metric)
    if len(core) < 2 or core in GENERIC_NAMES or core.endswith("总投资") or NOT_A_NAME.search(core):
        return None
    return core


def _covers(long_: str, short: str) -> bool:
    """Most (four in five) of ``short``'s character pairs stand in ``long_``."""
    pairs = [short[i:i + 2] for i in range(len(short) - 1)]
    return bool(pairs) and sum(p in long_ for p in pairs) / len(pairs) >= 0.8


# Word classes (jieba's tags) of the words that may stand before a head and leave it the same thing:
# nouns, abbreviations, distinguishing words, places, adjectives (蔬菜大棚, 高职院校扩招, 小型水库). A verb
# before it makes another measure of the head (发行建设国债 is no 国债 spent).
_MODIFIER_TAGS = ("n", "j", "b", "s", "a")


@lru_cache(maxsize=4096)
def _head_of(long_: str, short: str) -> bool:
    """A two-character name is the head that ends the longer one, whose other words only qualify it
    (大棚 of 蔬菜大棚, 扩招 of 高职院校扩招): a report names the thing once in full and then by its head."""
    if len(short) != 2 or len(long_) <= 2 or not long_.endswith(short):
        return False
    import rjieba

    return all(tag.startswith(_MODIFIER_TAGS) for _, tag in rjieba.tag(long_[:-2]))


def _pairs_shared(name: str, asked: str) -> float:
    """The share of ``asked``'s character pairs that stand in ``name``."""
    pairs = [asked[i:i + 2] for i in range(len(asked) - 1)]
    return sum(p in name for p in pairs) / len(pairs) if pairs else 0.0


def same_name(a: str, b: str) -> bool:
    """Two name cores of a target and an outcome name one measure: equal, or the shorter one, of three
    characters or more, mostly stands in the longer one (新增商业营业面积 and 新增商业面积), or a
    two-character one ends it (大棚 and 蔬菜大棚; else a two-character name only as itself: 造林 is not
    新增造林面积)."""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return (a == b or (len(short) >= 3 and _covers(long_, short)) or _head_of(long_, short)
            or same_words(long_, short))


def names_asked(asked: str, name: str) -> bool:
    """A stored name answers the name a user asked for when it holds most of it (公厕 finds 公厕改造)
    or is its two-character head (蔬菜大棚 finds 大棚), but 县财政教育 does not find the vaguer 县财政."""
    return asked == name or _covers(name, asked) or _head_of(asked, name) or same_words(name, asked)


# Heads naming one aspect of a thing (its output, its area). A list that names the thing once and its
# aspects after it (蔬菜种植面积达到2万亩，产量达到15万吨) leaves the later aspects bare: 产量 there is the
# 蔬菜 output. (head, example: earlier name, bare name, the name it reads as)
ASPECT_HEADS: list[tuple[str, str, str, str]] = [
    ("产量", "露地茶叶种植面积", "产量", "露地茶叶产量"),
    ("面积", "食用菌产量", "面积", "食用菌面积"),
    ("产值", "花卉苗木面积", "产值", "花卉苗木产值"),
]
_ASPECTS = tuple(h for h, *_ in ASPECT_HEADS)


def name_in_list(metric: str | None, earlier: str | None) -> str | None:
    """The name of a bare aspect (产量) that follows, in one sentence, a name ending in another aspect
    (地产蔬菜种植面积): the earlier name's thing with this aspect (地产蔬菜产量); else None."""
    core, before = name_core(metric), name_core(earlier)
    if core not in _ASPECTS or not before.endswith(_ASPECTS) or before.endswith(core):
        return None
    thing = name_core(before[: -2])
    return named_measure(thing + core) if len(thing) >= 2 else None


def lists_several(metric: str | None) -> bool:
    """The name lists several things (科技、教育、卫生和文化事业的支出): its figure is their sum, no one
    thing's, so it pairs only with another list."""
    return "、" in (metric or "")


# A figure whose measure the sentence names only after it, as the problem it solves: 再解决3200万山区群众的
# 饮水困难问题 counts people whose 饮水困难 is solved, and the words before the figure (再解决, 山区群众) name
# no measure. The name is the words between the figure (and its count unit) and 问题/难题/困难.
# (pattern, example sentence, the name it reads as)
_FIGURE = r"(?P<num>\d+(?:\.\d+)?)多?[万亿]?(?:人|名|户|个)?"
OBJECT_AFTER_ROWS: list[tuple[str, str, str]] = [
    (rf"解决了?{_FIGURE}(?P<obj>[^，；。,;\d]{{2,16}}?)(?:的)?(?:问题|难题)", "年内再解决150万山区群众的吃水难问题",
     "山区群众吃水难"),
    (rf"解决了?{_FIGURE}(?P<obj>[^，；。,;\d]{{2,16}}?困难)", "新解决20万户牧民的冬季取暖困难", "牧民冬季取暖困难"),
]
OBJECT_AFTER = [re.compile(p) for p, _, _ in OBJECT_AFTER_ROWS]


# A name that ends in its verb (国务院各部门全年取消和下放) before a count (246项) leaves the thing counted
# after the figure: the name is the verbs and that thing (取消和下放行政审批事项). (example sentence, the
# name before the figure, its value, the name it reads as)
VERB_THEN_THING_ROWS: list[tuple[str, str, float, str]] = [
    ("省直部门全年取消和调整38项收费项目，减轻企业负担", "省直部门全年取消和调整", 38, "取消和调整收费项目"),
    ("全年新认定127家专精特新企业", "全年新认定", 127, "认定专精特新企业"),
]
_VERB_TAGS = ("v", "c")


def _verbs_ending(metric: str) -> str | None:
    """The verbs (and the words joining them) that end ``metric``, when it ends in a verb."""
    import rjieba

    tags = rjieba.tag(metric)
    if not tags or not tags[-1][1].startswith("v"):
        return None
    i = len(tags)
    while i > 0 and tags[i - 1][1].startswith(_VERB_TAGS):
        i -= 1
    return "".join(w for w, _ in tags[i:]).lstrip("和及与")


def object_after(f: dict[str, Any]) -> str | None:
    """The name read after the fact's own figure in its sentence (:data:`OBJECT_AFTER_ROWS`, then
    :data:`VERB_THEN_THING_ROWS` for a name ending in its verb), else None."""
    quote, value = f.get("quote") or "", f.get("value")
    if value is None:
        return None
    for rx in OBJECT_AFTER:
        for m in rx.finditer(quote):
            if float(m["num"]) == float(value):
                return named_measure(m["obj"].replace("的", ""))
    unit = f.get("unit") or ""
    if unit in COUNT_UNITS and (verbs := _verbs_ending(f.get("metric") or "")):
        m = re.search(rf"(?<![\d.]){re.escape(f'{float(value):g}')}多?{re.escape(unit)}(?P<thing>[^，；。、,;\d]{{2,12}})",
                      quote)
        if m and (thing := named_measure(m["thing"])):
            return named_measure(verbs + thing)
    return None


def _words(name: str) -> set[str]:
    import rjieba

    return {w for w in rjieba.cut(name) if len(w) >= 2}


def same_words(long_: str, short: str) -> bool:
    """Every word (two characters or more, at least two of them) of ``short`` stands in ``long_``, in any
    order: 饮水安全 and 安全饮水 are one measure as the reports word it one year and the next."""
    words = _words(short)
    return len(words) >= 2 and all(w in long_ for w in words)


# A 把 clause that raises (or lowers, widens) a standard to the figure names the measure between 把 and
# the verb: 把村医补助标准由每人每月300元提高到400元 sets the 村医补助标准 at 400元, so a name opening on 把
# is that measure's here, though elsewhere 把… opens no name (NOT_A_NAME_ROWS). (pattern, example, name)
BA_RAISED_ROWS: list[tuple[str, str, str]] = [
    (r"把(?P<name>[^，；。,;把]{2,24}?)(?:由[^，；。,;]{1,16}?)?(?:提高|提升|扩大|增加|降低|下调|上调|调整)到",
     "把村医补助标准由每人每月300元提高到400元", "村医补助标准"),
]
BA_RAISED = [re.compile(p) for p, _, _ in BA_RAISED_ROWS]


def raised_by_ba(f: dict[str, Any]) -> str | None:
    """The measure a 把 clause raises to the fact's figure (:data:`BA_RAISED_ROWS`) when the fact's name
    opens on that 把, else None."""
    metric = f.get("metric") or ""
    if not metric.startswith("把"):
        return None
    for rx in BA_RAISED:
        for m in rx.finditer(f.get("quote") or ""):
            if metric[1:].replace("的", "").startswith(m["name"].replace("的", "")):
                return named_measure(m["name"])
    return None


def fact_name(f: dict[str, Any], facts: list[dict[str, Any]]) -> str | None:
    """The name a keyless fact is tracked by: the problem named after its figure (:func:`object_after`),
    :func:`named_measure`, or for a bare aspect its list's thing (:func:`name_in_list`, the nearest
    figure before it in its sentence among ``facts``)."""
    if not f.get("metric_key") and (after := object_after(f)):
        return after
    if not f.get("metric_key") and (raised := raised_by_ba(f)):
        return raised
    name = named_measure(f.get("metric"))
    if name is not None or f.get("metric_key") or name_core(f.get("metric")) not in _ASPECTS:
        return name
    at = f.get("id")
    if at is None:
        return None
    before = [g for g in facts if g.get("doc") == f.get("doc") and g.get("quote") == f.get("quote")
              and g.get("id") is not None and g["id"] < at]  # a document's facts are numbered in text order
    if not before:
        return None
    return name_in_list(f.get("metric"), max(before, key=lambda g: g["id"]).get("metric"))


@lru_cache(maxsize=1)
def _aspects() -> list[tuple[str, str]]:
    """(word, unit of its family) of measure_aspects.tsv, longest word first."""
    return sorted(((r[0], r[1]) for r in lexicon_rows("measure_aspects.tsv")), key=lambda p: -len(p[0]))


def aspect(words: str) -> tuple[str, str] | None:
    """(the measure without an aspect word that ends it, the unit the word asks for) when the words
    without it name a lexicon key: 棚户区改造面积 -> (棚户区改造, 平方米); else None."""
    words = (words or "").strip()
    for w, unit in _aspects():
        rest = words[: -len(w)]
        if words.endswith(w) and len(rest) >= 2 and (metric_key(rest) or metric_key(_action_first(rest) or "")):
            return rest, unit
    return None


def in_family(f: dict[str, Any], unit: str) -> bool:
    """The fact states a level in ``unit``'s family (58万平方米 for 平方米; 3800户 is not)."""
    got = fact_senses(f).get("level")
    return got is not None and convert(1.0, got[2], unit) is not None


def measure(words: str) -> tuple[str | None, str | None]:
    """A measure as a user writes it -> (metric key, sense or None when the words name none).
    国内生产总值增长 -> (gdp, growth); 城镇登记失业率 -> (unemployment_registered, ratio);
    地区生产总值 -> (gdp, None); 居民消费价格涨幅 -> (cpi, growth); 农村公路新建改建 -> (rural_roads, None)."""
    key, sense, _ = _measure_words(words)
    return key, sense


def _measure_words(words: str) -> tuple[str | None, str | None, str]:
    """(key, sense, the words without their sense words)."""
    words = (words or "").strip()
    end = _ending(words)
    sense = end[1] if end else None
    key = metric_key(words)
    rest = words
    while key is None and end is not None:  # the key without its sense words (能耗变化, 零售物价上涨幅度)
        rest = rest[: -len(end[0])]
        key = metric_key(rest)
        end = _ending(rest)
    if key is None and (moved := _action_first(rest)):  # 城镇老旧小区改造新开工
        key = metric_key(moved)
    return key, sense, rest


@lru_cache(maxsize=256)
def key_sense(key: str | None) -> str | None:
    """How a percent level of a measure is meant when its own name says nothing: ``ratio`` when a
    synonym of its key names a rate (城镇登记失业率), ``growth`` when one names a change (居民消费价格涨幅:
    a price's 3% is its rise), else None (钢完成96.4% is a share of the plan, no growth of steel)."""
    from ..lexicon.metrics import metric_table

    ends = {e[1] for w, k in metric_table(exact=False) if k == key and (e := _ending(w))}
    return "ratio" if "ratio" in ends else "growth" if "growth" in ends else None


# What a sentence says of its figures that makes them no figure of the year in a sense, read before
# the figure's measure (or, for an increase, at the figure). (sense it takes away, pattern, example)
_CN_YEAR = rf"(?P<base>{YEAR_ANY})年"
NOT_THE_YEARS: list[tuple[str, re.Pattern[str], str]] = [
    # a change over a named base year that is not the year before: a two- or four-year growth
    ("growth", re.compile(rf"(?:同|比|与|较){_CN_YEAR}(?:相比|比较)?"), "二〇四二年同二〇三九年相比，茶叶增长百分之三十"),
    # a level set for this year and the next together (今明两年…扩招200万人) is no one year's
    ("level", re.compile(r"今明两年|今后[两三五]年|[两三五]年内|两年间"), "今明两年新建乡村驿站300个"),
]
# A raise written right before the figure (标准再提高30元, 再增加了5元), not a level reached (提高到610元):
# the figure is the raise of a standard, no level. A count a programme cuts or adds (减少贫困人口1000万,
# 贫困人口减少1200万) is its level and is not read here. (pattern, example)
INCREASE_AT = (r"(?:提高|提升|再增加)了?{num}", "人均补助标准再提高30元")


def _year_of(y: str) -> int | None:
    from ..stages.numbers import cn_year

    return int(y) if y.isdigit() else cn_year(y)


def not_the_years(f: dict[str, Any], sense: str) -> bool:
    """The sentence makes the figure no figure of its year in ``sense`` (NOT_THE_YEARS, INCREASE_AT)."""
    quote, metric = f.get("quote") or "", f.get("metric") or ""
    at = quote.find(metric) if metric else -1
    before = quote[: at] if at > 0 else ""
    period = str(f.get("period") or "")
    for sense_, rx, _ in NOT_THE_YEARS:
        if sense_ != sense:
            continue
        for m in rx.finditer(before):
            base = m.groupdict().get("base")
            if base is None:
                if "每年" not in quote:
                    return True
            elif period.isdigit() and (y := _year_of(base)) is not None and y != int(period) - 1 and y != int(period):
                return True
    if sense == "level" and f.get("value") is not None and f.get("change") is None:
        num = re.escape(f"{f['value']:g}")
        if re.search(INCREASE_AT[0].format(num=num) + r"(?![\d.])", quote):
            return True
    return False


def fact_senses(f: dict[str, Any], key: str | None = None) -> dict[str, tuple[float, float | None, str | None]]:
    """The senses a stated figure has: sense -> (figure, upper bound, unit). A change counts only
    when it is the year's own (not a five-year average or growth since a base year)."""
    from .ask.choose import one_year

    out: dict[str, tuple[float, float | None, str | None]] = {}
    if f.get("change") is not None and one_year(f, "change") and not not_the_years(f, "growth"):
        out["growth"] = (f["change"], f.get("change_max"), f.get("change_unit"))
    if f.get("value") is not None and one_year(f, "value") and not not_the_years(f, "level"):
        unit = f.get("unit")
        if unit in PERCENT:
            end = _ending(metric_stem(f.get("metric")))
            sense = end[1] if end else key_sense(f.get("metric_key") or key)
            if sense in ("ratio", "growth"):  # not 钢完成96.4% (of the plan) nor a share of something
                out.setdefault(sense, (f["value"], f.get("value_max"), unit))
        elif not (end := _ending(metric_stem(f.get("metric")))) or end[1] != "growth":
            out["level"] = (f["value"], f.get("value_max"), unit)  # 棉花增加673万担 is an increase, no level
    return out


def shown(side: dict[str, Any] | None, sense: str, key: str | None = None) -> str:
    """A side's figure in the row's sense, as the tracker shows it: 296亿元, +8%, 4.5%, with its
    qualifier (the other figures of its sentence belong to other rows)."""
    if not side:
        return "—"
    got = fact_senses(side, key).get(sense)
    if got is None:
        return "—"
    v, hi, unit = got
    num = f"{v:g}" + (f"–{hi:g}" if hi is not None else "")
    sign = "+" if sense == "growth" and v >= 0 and side.get("change") is not None else ""
    q = side.get("qualifier")
    return f"{sign}{num}{unit or ''}" + (f" {q}" if q else "")


def _side(f: dict[str, Any]) -> dict[str, Any]:
    return {k: f.get(k) for k in ("doc", "value", "value_max", "change", "change_max", "unit", "change_unit",
                                  "qualifier", "quote", "metric", "period", "span")}


def _tolerance(unit: str | None, target: float) -> float:
    return 0.5 if unit in ("%", "百分点", "个百分点") else abs(target) * 0.02


def _bare_count(value: float, unit: str | None, to: str | None) -> float | None:
    """``value unit`` in ``to`` when one of the two is a bare magnitude (万, 亿) and the other that
    magnitude of a count (万人, 万套): the count is understood."""
    from ..stages.numbers import base_unit

    if not unit or not to:
        return None
    bu, bt = base_unit(unit), base_unit(to)
    if bu and bt:
        return None
    rest = bu if bu else bt  # the count the other side names
    if rest in COUNT_UNITS:
        return convert(value, unit + (rest if not bu else ""), to + (rest if not bt else ""))
    return None


def _default_sense(target: dict[str, Any], actual: dict[str, Any], key: str | None = None) -> str | None:
    """The sense both figures state (for callers that pass no sense): growth first, as a target
    sentence's change is what it sets (增长8%，达到296亿元)."""
    a = fact_senses(actual, key)
    return next((s for s in ("growth", "ratio", "level") if s in fact_senses(target, key) and s in a), None)


def figures(target: dict[str, Any], actual: dict[str, Any], sense: str | None = None,
            key: str | None = None) -> tuple[float, float | None, float, str | None] | None:
    """(target, target upper bound, outcome, unit) in one sense and one unit, or None when they do
    not compare."""
    key = key or target.get("metric_key")
    sense = sense or _default_sense(target, actual, key)
    t, a = fact_senses(target, key).get(sense or ""), fact_senses(actual, key).get(sense or "")
    if t is None or a is None:
        return None
    tv, tmax, unit = t
    av, _, aunit = a
    if sense == "level":
        got = convert(av, aunit, unit)
        if got is None:  # 减少1240万 against 1000万人以上: a bare magnitude counts what the other names
            got = _bare_count(av, aunit, unit)
        return None if got is None else (tv, tmax, got, unit)
    same = unit == aunit or {unit, aunit} <= {"百分点", "个百分点"}
    return (tv, tmax, av, unit) if same else None


def _qualifier(target: dict[str, Any]) -> str:
    """The target's qualifier, or a cue word of the lexicon's list in the clause that sets it
    (城镇登记失业率控制在4.6% is a ceiling though no word stands next to the figure)."""
    from .ask.choose import clause_before

    if target.get("qualifier"):
        return target["qualifier"]
    clause = clause_before(target) if target.get("quote") else ""
    return next((w for w in CUES if w in clause), "")


def rule_for(target: dict[str, Any], key: str | None, sense: str | None = None) -> str:
    q = _qualifier(target)
    t = fact_senses(target, key).get(sense or "") if sense else None
    hi = t[1] if t else target.get("change_max") if target.get("change") is not None else target.get("value_max")
    if q in AT_MOST:
        return "ceiling"
    # a bare target and every at-least word (以上, 不低于, 力争 … in the lexicon) must be reached
    rule = "range" if hi is not None else "approx" if q in APPROX else "at_least"
    return rule + ("-mirrored" if key in LOWER_IS_BETTER else "")


def verdict(target: dict[str, Any], actual: dict[str, Any] | None, key: str | None, sense: str | None = None) -> str:
    if actual is None:
        return "unclear"
    got = figures(target, actual, sense, key)
    if got is None:
        return "unclear"
    t, tmax, a, unit = got
    rule = rule_for(target, key, sense)
    if rule == "ceiling":
        return "met" if a <= t else "missed"
    if rule == "range":
        return "met" if a >= t else "missed"
    if rule == "range-mirrored":
        return "met" if a <= (tmax if tmax is not None else t) else "missed"
    if rule == "approx":
        return "met" if a >= t - _tolerance(unit, t) else "missed"
    if rule == "approx-mirrored":
        return "met" if a <= t + _tolerance(unit, t) else "missed"
    if rule == "at_least-mirrored":
        return "met" if a <= t else "missed"
    return "met" if a >= t else "missed"


# A next year's report restating the year's target (its figure is the plan, not the outcome): a cue
# naming the plan before the figure, with no outcome word between the cue and the figure.
# (cue, example of a restated target)
RESTATED_TARGET: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"曾经?提出|年初(?:确定|提出|预定|制定)|原定|预定|原计划|计划要求"),
     "全市没有实现年初确定的单位地区生产总值能耗降低3.5%左右"),
    (re.compile(r"(?:提出|确定|制定)的(?:预期)?目标|预期目标(?:是|为)|目标(?:是|为|定为)"), "去年提出的目标是增长8%"),
    # a clause that opens with 把 (要把, 力争把) sets a figure as an aim
    (re.compile(r"(?:^|[，；：。])\s*(?:今年|明年)?(?:要|力争|努力|争取|必须|务必)?把"),
     "把全市居民消费价格涨幅控制在3%左右，是统筹多方面情况后提出的"),
]
OUTCOME_WORD = re.compile(r"实际|结果|执行|完成了?|实现了|达到了|但|而|却")
# the cue's clause may hand the plan to the next one (曾提出，要把…) but a finished clause ends it
# (圆满完成年初确定的主要目标，地区生产总值增长6.9% is an outcome)
PLAN_CONTINUES = re.compile(r"[^，；。：]*(?:[，：]\s*(?:要把|要|把|力争|努力把?|争取)[^，；。：]*)?")


def part_of_same(f: dict[str, Any], facts: list[dict[str, Any]]) -> bool:
    """The fact is a 其中 part of a figure of the same measure (区级一般公共预算收入 under 一般公共预算收入);
    a part that is a measure of its own (其中棚户区改造580万套 under 保障性安居工程) is not."""
    parent = f.get("parent")
    if parent is None:
        return False
    return any(g.get("doc") == f.get("doc") and g.get("id") == parent and _same_measure(g, f) for g in facts)


def _same_measure(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """One lexicon key, or (neither has one) one name (:func:`same_name`)."""
    if a.get("metric_key") or b.get("metric_key"):
        return a.get("metric_key") == b.get("metric_key")
    na, nb = named_measure(a.get("metric")), named_measure(b.get("metric"))
    return bool(na and nb and same_name(na, nb))


def narrower_than_key(f: dict[str, Any]) -> bool:
    """The fact's measure is a part of its key's measure: a narrowing word (工业, 农业, 人均 …, see
    ``ask.choose.NARROWER``) before the key's longest synonym in its name (工业生产总值 is no GDP)."""
    from ..lexicon.metrics import metric_table
    from .ask.choose import narrower

    metric, key = f.get("metric") or "", f.get("metric_key")
    syn = next((w for w, k in metric_table(exact=False) if k == key and w in metric), None)
    return bool(syn) and narrower(f, syn)


def restated_target(f: dict[str, Any]) -> bool:
    """The figure restates a plan (上年我们曾提出，要把全市零售物价涨幅控制在百分之八以内)."""
    quote, metric = f.get("quote") or "", f.get("metric") or ""
    at = quote.find(metric) if metric else -1
    before = quote[: at + len(metric)] if at != -1 else quote
    for rx, _ in RESTATED_TARGET:
        cues = list(rx.finditer(before))
        if not cues:
            continue
        between = before[cues[-1].end():]
        if PLAN_CONTINUES.fullmatch(between) and not OUTCOME_WORD.search(between):
            return True
    return False


_YEAR_NAMED = re.compile(rf"({YEAR_ANY})年")


def names_another_year(f: dict[str, Any], year: int) -> bool:
    """The sentence up to the figure's measure names years, and not this one (一九六二年比一九五七年，生铁增加了
    二百万吨 is no outcome of 1958)."""
    from ..stages.numbers import cn_year

    quote, metric = f.get("quote") or "", f.get("metric") or ""
    at = quote.find(metric) if metric else -1
    before = quote[: at + len(metric)] if at != -1 else quote
    named = {int(y) if y.isdigit() else cn_year(y) for y in _YEAR_NAMED.findall(before)}
    return bool(named) and year not in named


def pair(target: dict[str, Any], candidates: list[dict[str, Any]], sense: str | None = None) -> dict[str, Any] | None:
    """The outcome that answers a target among the next report's figures for its year: the best
    figure for the whole place and year that states the target's sense in a comparable unit, and
    is no restated target."""
    from .ask.choose import best

    if sense is None:
        sense = next((s for s in ("growth", "ratio", "level") if s in fact_senses(target)), None)
    year = target.get("doc_year") or (int(target["period"]) if str(target.get("period") or "").isdigit() else None)
    from .ask.choose import clause_before

    whole_year = "全年" in clause_before(target)
    whole = [c for c in candidates if not part_of_same(c, candidates) and not restated_target(c)
             and not narrower_than_key(c) and not (year and names_another_year(c, year))
             and not part_of_year(c)]
    comparable = [c for c in whole if figures(target, c, sense) is not None]
    if whole_year:  # 全年控制在5.5%以内: a reading for the whole year (平均为5.6%) before a year-end one (年末…5.5%),
        # which answers only when the report gives no other (as the dev pairs read it)
        comparable = [c for c in comparable if "年末" not in clause_before(c)] or comparable
    ranked = best(comparable, target.get("metric"), sense == "growth")
    return ranked[0] if ranked else None


# Words that set a figure as the year's aim, before it in its sentence (预期目标是：…, 拟定为, 计划安排).
TARGET_CUE = re.compile(r"目标|预期|计划|拟定|拟按|拟|力争|争取|安排|要求|控制在|确保")
PART_OF_YEAR = re.compile(r"(?:一|二|三|四|1|2|3|4)季度|上半年|下半年|前三季度|同期|\d{1,2}[-—至到]\d{1,2}月|\d{1,2}月份?")


WHOLE_YEAR_AFTER = re.compile(r"全年|年末|年底|年终")
# a part of the year opening the sentence (比上年同期 compares, it names no part of the year)
OPENING_PART_OF_YEAR = re.compile(PART_OF_YEAR.pattern.replace("|同期", ""))


def part_of_year(f: dict[str, Any]) -> bool:
    """The figure is for a part of the year: its clause names one (上半年…增长13.6%), or the sentence
    opens on one that no later 全年/年末 closes (一九五八年上半年小学生有…，…高等学校学生一万六千人)."""
    from .ask.choose import clause_before

    clause = clause_before(f)
    if PART_OF_YEAR.search(clause):
        return True
    quote = f.get("quote") or ""
    end = quote.find(clause) + len(clause) if clause and clause in quote else len(quote)
    last = None
    for m in OPENING_PART_OF_YEAR.finditer(quote[:end]):
        last = m
    return last is not None and not WHOLE_YEAR_AFTER.search(quote[last.end():end])


# An outcome whose name says only that it is the outcome (一九八一年实际执行结果为二十五亿元) is a figure of
# the measure the sentence right before it names (…平均每年有财政赤字三十亿元左右。). (pattern, example)
BARE_OUTCOME_ROWS: list[tuple[str, str]] = [
    (r"(?:实际)?执行(?:结果|数)", "实际执行结果"),
    (r"实际(?:完成数?|达到|数)?", "实际完成数"),
    (r"完成数|执行情况|完成情况", "完成情况"),
]
BARE_OUTCOME = re.compile("|".join(f"(?:{p})" for p, _ in BARE_OUTCOME_ROWS))


def said_before(store: StoreAPI, facts: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """The bare outcomes among ``facts`` (BARE_OUTCOME) whose sentence follows one whose last figure is
    of ``key``, read as figures of ``key``."""
    out = []
    for f in facts:
        span = f.get("span") or []
        if not BARE_OUTCOME.fullmatch(f.get("metric") or "") or len(span) != 2:
            continue
        doc_id = store.document_ids([f["doc"]]).get(f["doc"])
        before = store.facts_within(doc_id, max(0, span[0] - 400), span[0]) if doc_id is not None else []
        last = max((g for g in before if (g.get("span") or [0, 0])[1] >= span[0] - 2),
                   key=lambda g: g.get("id") or 0, default=None)
        if last is not None and last.get("metric_key") == key:
            out.append(f | {"metric_key": key})
    return out


# A sentence that opens on its measure, glossed in brackets (一九五七年的工业总产值（不包括手工业产值），…，
# 预计达到…), leaves its figures named by what they include or what they are compared with; they are
# figures of that measure. (pattern of such a name, example)
OF_THE_SUBJECT_ROWS: list[tuple[str, str]] = [
    (r"^(?:包括|不包括|不含|含)|在内$", "包括新建企业在内"),
    (r"^(?:比|较|同)上一?年(?:同期)?(?:相比)?$", "比上一年"),
]
OF_THE_SUBJECT = re.compile("|".join(f"(?:{p})" for p, _ in OF_THE_SUBJECT_ROWS))
_OPENING_MEASURE = re.compile(rf"^(?:{YEAR_ANY}年)?的?(?P<m>[^，,（(：:；]{{2,14}})(?:[（(][^）)]*[）)])?[，,]")


def of_the_subject(facts: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """Figures of ``facts`` named only by what they include or are compared with (OF_THE_SUBJECT) in a
    sentence that opens on a measure of ``key``, read as figures of ``key``."""
    out = []
    for f in facts:
        m = _OPENING_MEASURE.match(f.get("quote") or "")
        if m and OF_THE_SUBJECT.search(f.get("metric") or "") and metric_key(m.group("m")) == key:
            out.append(f | {"metric_key": key})
    return out


def target_rank(t: dict[str, Any]) -> tuple[int, int, int, int]:
    """Which of a report's figures for one measure, sense and year is its target: one for the whole
    year, then a target over a forecast for the year (预计全年…), then one set with a target word (钢产量拟定为五百三十万吨 over 新增加的生产能力有：…钢八十万吨; 调控目标定为7% over a
    misdated 比上年增长9.6%), then one named by its measure's full name, then the first."""
    from ..lexicon.metrics import metric_table
    from .ask.choose import clause_before

    quote, metric = t.get("quote") or "", t.get("metric") or ""
    at = quote.find(metric) if metric else -1
    before = (quote[: at + len(metric)] if at != -1 else quote) + " " + clause_before(t)  # 钢产量拟定为…
    full = metric_stem(metric) in {w for w, k in metric_table(exact=True) if k == t.get("metric_key")}
    whole_year = not PART_OF_YEAR.search(clause_before(t))  # 今年上半年…增长了13.6% is no year's target
    return int(whole_year), int(t.get("kind") != "forecast"), int(bool(TARGET_CUE.search(before))), int(full)


NATION = ("全国", "中国", "我国", "国家", "中华人民共和国", "国务院")
LEVEL_WORDS = ("省", "市", "区", "县", "旗", "自治区", "自治州", "自治县", "盟", "地区")
AUTONOMOUS_TAIL = re.compile(r"(?:[\u4e00-\u9fff]{1,3}族|维吾尔)自治(?:区|州|县|旗)")


def _regions(store: StoreAPI, place: str) -> list[str]:
    """Stored regions a user means by ``place``: the name itself, or a stored name it ends
    (海拉尔区 -> 呼伦贝尔市海拉尔区), or one it ends but for a level word (江苏 -> 江苏省, 海拉尔 ->
    呼伦贝尔市海拉尔区); 中国, 我国 and 国务院 mean 全国."""
    names = store.regions()
    place = place.strip()
    if place in NATION and "全国" in names:
        return ["全国"]
    if place in names:
        return [place]
    ends = [r for r in names if r.endswith(place)]
    if ends:
        return ends
    # a name without its level word: 江苏 -> 江苏省, 海拉尔 -> 呼伦贝尔市海拉尔区; or without the people an
    # autonomous region is named for as well: 广西 -> 广西壮族自治区, 新疆 -> 新疆维吾尔自治区
    return [r for r in names if any(r.endswith(place + w) for w in LEVEL_WORDS)
            or (r.startswith(place) and AUTONOMOUS_TAIL.fullmatch(r[len(place):]))]


def track(store: StoreAPI, region: str | None = None, metric: str | None = None,
          key: str | None = None, year: int | None = None, sense: str | None = None) -> list[dict[str, Any]]:
    """Every stored target with its outcome and verdict, one row per region, measure key, sense and
    year. ``region``: a place as a user names it; ``metric``: a measure in words (its key, and its
    sense when the words name one); ``key``: a metric key."""
    want: str | None = None
    family: str | None = None
    if metric and not key and (asp := aspect(metric)):  # 棚户区改造面积: the 棚户区改造 level in area
        metric, family, sense = asp[0], asp[1], "level"
    if metric and not key:
        key, words_sense, rest = _measure_words(metric)
        sense = sense or words_sense
        want = None if key else named_measure(rest)
    # words the lexicon does not know are matched in the stored names (as compare does)
    like = {"metric_like": metric} if metric and not key else {}
    regions = _regions(store, region) if region else [None]
    targets = [t for r in regions for t in store.targets(region=r, metric_key=key, year=year, **like)]
    if not key and (not metric or want):
        # measures without a lexicon key, by their name (公厕, 县财政教育支出): every one, or the one asked
        keyless = [t for r in regions for t in store.targets(region=r, year=year, keyless=True)]
        targets += [t for t in keyless if (n := fact_name(t, keyless)) and (want is None or names_asked(want, n))]
    else:
        keyless = []
    if family:
        targets = [t for t in targets if in_family(t, family)]
    reports = store.report_years()
    out: list[dict[str, Any]] = []
    chosen: dict[tuple, tuple[tuple[int, int, int, int, int], dict[str, Any]]] = {}
    for order, t in enumerate(targets):
        if part_of_same(t, targets) or narrower_than_key(t):
            continue
        name = None if t.get("metric_key") else fact_name(t, keyless)
        for s in fact_senses(t):
            if sense is not None and s != sense:
                continue
            ident = (t["region"], t.get("metric_key"), name, s, t["doc_year"])
            rank = (*target_rank(t), -order)
            if ident not in chosen or rank > chosen[ident][0]:
                chosen[ident] = (rank, t)
    asked: dict[tuple[str, str | None, int], list[dict[str, Any]]] = {}  # one query per region, key and year
    for (region_, key_, name, s, y), (_, t) in chosen.items():
        if (region_, key_, y) not in asked:
            asked[region_, key_, y] = store.outcomes(region_, key_, str(y), y + 1)
        candidates = asked[region_, key_, y]
        if name is not None:  # the next report's figures of the same name
            candidates = [c for c in candidates if (n := fact_name(c, candidates)) and same_name(n, name)
                          and lists_several(c.get("metric")) == lists_several(t.get("metric"))]
        actual = pair(t, candidates, s)
        if actual is None and key_ is not None and (region_, y + 1) in reports:
            if (region_, None, y) not in asked:
                asked[region_, None, y] = store.outcomes(region_, None, str(y), y + 1)
            actual = pair(t, said_before(store, asked[region_, None, y], key_)
                          + of_the_subject(asked[region_, None, y], key_), s)
        if actual is None and (region_, y + 1) not in reports:
            v, rule = "pending", "no_report"
        elif actual is None:
            v, rule = "unclear", "no_outcome"
        else:
            v, rule = verdict(t, actual, key_, s), rule_for(t, key_, s)
        out.append({"region": region_, "metric": t.get("metric"), "metric_key": key_, "name": name, "sense": s,
                    "year": y, "target": _side(t), "actual": _side(actual) if actual else None, "verdict": v,
                    "rule": rule})
    out.sort(key=lambda r: (r["region"] or "", r["metric_key"] or "", r["name"] or "", r["year"],
                            SENSES.index(r["sense"])))
    return out


def lookup(store: StoreAPI, region: str, words: str, year: int) -> dict[str, Any] | None:
    """The tracked row a user means by a place, a measure in words and a year: the sense the words
    name, else a level, then a ratio, then a growth (地区生产总值 -> the 296亿元 target when one is
    set, else the 增长8% one)."""
    rows = track(store, region=region, metric=words, year=year)
    if not rows:
        return None
    _, sense = measure(words) if not aspect(words) else (None, "level")
    order = [sense, *SENSES] if sense == "ratio" else [sense] if sense else list(SENSES)
    # of several names found, the one the words name as written, then the one holding most of them
    # (马铃薯总产量 before 马铃薯总产值)
    want = named_measure(_measure_words(words)[2]) or ""
    close = {id(r): (r["name"] == want, _pairs_shared(r["name"] or "", want)) for r in rows}
    rows = sorted(rows, key=lambda r: close[id(r)], reverse=True)
    by_sense = {r["sense"]: r for r in reversed(rows)}
    return next((by_sense[s] for s in order if s in by_sense), None)
