"""Page normalisation with an offset map.

Order matters and each step is cheap (a regex pass or ``str.translate``):

1. repair mojibake (see :mod:`govlens.io.decode`)
2. line endings, zero-width and control characters
3. Traditional -> Simplified (OpenCC ``t2s``; length-preserving, so no map is needed unless a
   phrase conversion changes a line's length)
4. full-width digits/letters/signs -> ASCII; ASCII punctuation inside Chinese -> full-width
   (length-preserving: the extractors see one form, readers see ordinary Chinese typography)
5. spaces: a lone space between Chinese characters or digits (PDF and crawler debris, "上 海",
   "产值 1.6 个百分点") is removed; paragraph breaks restored before inline headings
6. lines: stripped, empty ones dropped, lines broken inside a sentence re-joined, photo captions
   found inside a broken sentence moved after the paragraph.

The result is one paragraph per line; ``Page.line_kinds`` marks moved captions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..io.decode import repair_mojibake
from ..model import Page
from ..offsets import OffsetChain, Piece, apply_edits, build

CJK = "\u4e00-\u9fff\u3400-\u4dbf"

# \r\n, \r, or one zero-width/control character; written as one class first (then the \n of a \r\n) so
# the engine skips to candidates instead of trying \r at every position.
_NEWLINE_ZW = re.compile(r"[\r\u200b-\u200f\u2028\u2029\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f](?:(?<=\r)\n)?")

_WIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
        **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
        "％": "%", "﹪": "%", "．": ".", "＋": "+", "～": "~", "／": "/", "＝": "=", "－": "-",
        "＜": "<", "＞": ">", "＆": "&", "＃": "#", "＊": "*", "＠": "@",
        "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ", "\t": " ",
        "﹐": "，", "﹑": "、", "﹔": "；", "﹕": "：", "｡": "。",
        "〔": "〔", "［": "［",
    }
)

_WIDE = re.compile("[" + "".join(re.escape(chr(k)) for k in _WIDTH) + "]+")
_C = f"[{CJK}]"
_C1 = re.compile(_C)
# ASCII punctuation next to Chinese text becomes full-width; between digits it stays (1,000 / 10:31).
# ASCII punctuation touching non-ASCII text becomes full-width; "1,000", "10:31" and English stay.
_PUNCT = re.compile(r"[,;:?!](?:(?<=[^\x00-\x7f%][,;:?!])|(?=[^\x00-\x7f\s]))")
_PUNCT_MAP = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PAREN = re.compile(r"\(([^()\n]{0,80})\)")
# Thousands written with full-width commas (２８，０４９，７８０，０００元 in the 1950s reports): a figure of
# 1-3 digits and at least two groups of exactly three is one number, so its commas become ASCII. One
# group alone (3，154) stays a clause break: it could be two figures.
_GROUPED = re.compile(r"(?<![\d.,，])\d{1,3}(?:，\d{3}){2,}(?![\d.，])")
# Every such figure holds "，ddd，": a pattern opening with a literal, which the engine finds by a fast
# string search (the one above opens with a lookbehind and is tried at every position).
_GROUPED_HINT = re.compile(r"，\d{3}，")
# One group alone is one number too when a magnitude or a unit follows it at once (33，212万吨, 9，000万元,
# 7，000大卡): a second figure would open a clause of its own, not run into a unit; unless it is a list
# (分别为120，150个和80个).
_GROUPED_ONE = re.compile(r"(?<![\d.,，])(?<!分别为)(?<!分别是)(?<!分别达)\d{1,3}，\d{3}(?=(?:多|余)?(?:万|亿|千|元|吨|"
                          r"公斤|斤|亩|人|户|个|辆|台|项|家|所|件|套|头|只|架|部|公里|米|平方米|立方米|大卡|马力|度|千瓦|公顷|担)"
                          r"(?![和、及与]\d))")  # not a list: 分别为120，150个和80个
_GROUPED_ONE_HINT = re.compile(r"\d，\d{3}")

# A middle dot used as the decimal point before a percentage (增长14·1％ in a 1999 report); between
# a date's digits before a quote it names an event (“12·21”事故) and stays.
_DOT_DECIMAL = re.compile(r"(?<=\d)[·・](?=\d+%)")

# Stray semicolons left where a crawler dropped superscripts or padding: "3.73;公里", "”;⑥",
# "区长;陈宇剑", "高;香".
_STRAY_SEMI = re.compile(
    r"(?<=\d);(?=[公万亿千百米元人个平%])"
    r"|;(?=[①-⑳]|\[\d{1,2}\])|(?<=[！。!？?]);"
    r"|(?<=区长|市长|县长|省长|主任|书记|总理|旗长);"
    r"|(?<=[长;][\u4e00-\u9fff]);(?=[\u4e00-\u9fff]各位)"
)
# Patterns start with a literal so the regex engine can skip ahead (5-10x faster on long text).
# A figure spaced out character by character (PDF debris: "增长8 .8 %", "7 4 7 7 2亿元", "1 9 9 7年") is one
# figure: a space before a percent sign or a decimal point after a digit, or between two single digits.
_LONE_SPACE = re.compile(rf" (?:(?<=[{CJK}\d%] )(?=[{CJK}])|(?<=[{CJK}] )(?=\d)"
                         r"|(?<=\d )(?=[%％]|[.．]\d)|(?<=(?<![\d.．])\d )(?=\d(?![\d.．])))")
_SPACE_RUN = re.compile(r"  +(?<=\S  )(?=\S)|  +(?=\S)")
_HEAD_MARK = r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
_INLINE_HEAD = re.compile(rf" +(?<=[。！？；：”!?;:）)] )(?={_HEAD_MARK})")
_DEAR = re.compile(r"各位代表[：:]")
# A report that starts inside a line (a listing that runs several reports on one line): its title and
# its delivery note (2031年政府工作报告 （2031年1月9日在…会议上）) each start a paragraph. Found from the
# note (a literal the regex engine finds fast), the title looked back for.
_INLINE_NOTE = re.compile(r"[（(]\s*(?:19|20)\d\d年\d{1,2}月\d{1,2}日在[^（）()\n。]{2,60}?会议上[）)]")
_INLINE_TITLE = re.compile(r"(?:^|(?<=[。！？]))\s*([^\s，。；：、（）()]{4,40}?(?:报告|公报|讲话))\s*$", re.M)

# "新华社：", "李泽龙：" — a transcript turn or a label starts a new paragraph.
_SPEAKER = re.compile(r"^[^，。：:、\s]{2,16}[：:]")
_TERMINAL = set("。！？!?；;…：:”」』》】）)")
_CLAUSE = re.compile(r"[，,、；;：:]")
_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十\d]{1,3}）|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十]+[部章条节])"
)
_TRIM = " |\t"
# A page's field row (来源：… 发布时间：…, or a date then 来源：) is never a broken sentence, and a news
# item's opening (南方日报讯（记者…）, 新华社西宁8月22日电) always starts a paragraph: neither is joined.
_FIELD_ROW = re.compile(
    r"^(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*)?"
    r"【?\s*(?:来\s*源|信息来源|稿件来源|发布时间|发表时间|发布日期|更新时间|时\s*间|日\s*期|作\s*者|字\s*号|浏览次数|点击数)\s*[：:]"
)
# A site's navigation path (当前位置：首页 > 新闻中心 > 要闻, 首页 >> 频道 >> 区县动态) is a row of its own too: the
# headline line after it (王明在两县调研时强调) is never its continuation, however the words run across.
_NAV_ROW = re.compile(r"^(?:当前位置|您(?:现在)?的位置|所在位置)\s*[：:]|^[^，。；]{0,24}(?:>>?|＞|»|›)[^，。；]*(?:>>?|＞|»|›)")
# An info-disclosure page's index-table row (索引号：… 主题分类：…, 成文日期：…, 文　号：…) is a row of its
# own: never a broken sentence, never a photo caption a sentence runs past, never the end of another
# row. Only its title row (标　题：…关于加快推进 / 集群发展的实施意见) may run on to the next line: a short
# line with no clause mark and no label of its own (invented examples in tests/test_metadata_split.py).
INDEX_ROW_LABELS = ("索引号", "主题分类", "主题词", "公开分类", "发布机构", "发布单位", "发文机关", "发文单位", "发文字号", "文号",
                    "成文日期", "发文日期", "印发日期", "生成日期", "公布日期", "公开日期", "生效日期", "有效性", "效力状态", "公开方式")
TITLE_ROW_LABELS = ("标题", "信息名称", "文件名称", "名称")
_spaced = lambda labels: "|".join(r"\s*".join(w) for w in labels)  # noqa: E731  (标　　题, 文　　号)
_INDEX_ROW = re.compile(rf"^(?:{_spaced(INDEX_ROW_LABELS)})\s*[：:]")
_TITLE_ROW = re.compile(rf"^(?:{_spaced(TITLE_ROW_LABELS)})\s*[：:]")
_TITLE_ROW_TAIL = re.compile(r"^[^，。；：:！？]{2,40}$")
_NEWS_LEAD = re.compile(r"^(?:本报讯|[【\[]本报消息[】\]]|【[^】]{1,12}讯】|[^，。：:\s]{1,12}讯[（(]|新华社[^，。]{1,14}电|中新社[^，。]{1,14}电)")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _edits_from(regex: re.Pattern[str], text: str, repl) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), repl(m)) for m in regex.finditer(text)]


def to_simplified(text: str) -> tuple[str, list[tuple[int, int, str]], int]:
    """Convert with OpenCC. Returns (text, edits for lines whose length changed, chars changed)."""
    conv = _t2s().convert(text)
    if conv == text:
        return text, [], 0
    if len(conv) == len(text):
        # Characters changed, counted only in the blocks that differ (a block compares at memcmp speed).
        changed = 0
        for i in range(0, len(text), 2048):
            a, b = text[i : i + 2048], conv[i : i + 2048]
            if a != b:
                changed += sum(map(str.__ne__, a, b))
        return conv, [], changed
    # A phrase changed length somewhere: convert line by line, replacing only the lines that moved.
    out: list[str] = []
    edits: list[tuple[int, int, str]] = []
    pos = 0
    for line in text.split("\n"):
        c = _t2s().convert(line)
        if len(c) == len(line):
            out.append(c)
        else:
            edits.append((pos, pos + len(line), c))
            out.append(line)
        pos += len(line) + 1
    return "\n".join(out), edits, -1


def _fix_punct(text: str) -> str:
    """Length-preserving punctuation normalisation."""
    def paren(m: re.Match[str]) -> str:
        inner = m.group(1)
        s, e = m.start(), m.end()
        near = (s > 0 and re.match(_C, text[s - 1])) or (e < len(text) and re.match(_C, text[e]))
        if near or re.search(_C, inner):
            return "（" + inner + "）"
        return m.group()

    text = _PAREN.sub(paren, text)
    text = _PUNCT.sub(lambda m: _PUNCT_MAP[m.group()], text)
    if _GROUPED_ONE_HINT.search(text):
        text = _GROUPED_ONE.sub(lambda m: m.group().replace("，", ","), text)
    if not _GROUPED_HINT.search(text):
        return text
    return _GROUPED.sub(lambda m: m.group().replace("，", ","), text)


def _continues(line: str) -> bool:
    return (
        bool(line)
        and not _HEADING_START.match(line)
        and not _SPEAKER.match(line)
        and not _NEWS_LEAD.match(line)
        and not _INDEX_ROW.match(line)
        and not _TITLE_ROW.match(line)
        and not _NAV_ROW.match(line)
        and (len(line) >= 10 or line[-1] in _TERMINAL)
    )


def _word_across(a: str, b: str) -> bool:
    """A word runs across the break ("建设1个市" / "民健身中心"): the line was cut mid-word."""
    left, right = a[-3:], b[:3]
    if not (_C1.match(left[-1:]) and _C1.match(right)):
        return False  # a word of Chinese characters across the break holds the characters either side
    import rjieba

    pos = 0
    for tok in rjieba.cut(left + right):
        if pos < len(left) < pos + len(tok) and re.fullmatch(_C + "+", tok):
            return True
        pos += len(tok)
    return False


_UNIT_START = re.compile(r"(?:万亿|亿|万|千|百|%|元|人|吨|公斤|斤|个|家|项|平方)")


def _figure_across(a: str, b: str) -> bool:
    """A figure cut from its unit by the break ("国内生产总值达到74.4" / "万亿元，增长6.7%")."""
    return bool(a) and a[-1].isdigit() and bool(_UNIT_START.match(b))


def _caption_like(line: str) -> bool:
    return (len(line) <= 30 and line[-1] not in _TERMINAL and not _HEADING_START.match(line)
            and not _INDEX_ROW.match(line) and not _TITLE_ROW.match(line))


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of stripped, non-empty lines."""
    spans = []
    pos = 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        while s < e and text[s] in _TRIM:
            s += 1
        while e > s and text[e - 1] in _TRIM:
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


class _Para:
    """A paragraph being re-joined, with the state the joining rules read kept up to date as lines
    are added (re-scanning the growing text made long broken paragraphs quadratic)."""

    __slots__ = ("_first", "body", "field", "head", "length", "lines", "open", "tail", "title_row")

    def __init__(self, line: str):
        self.length = len(line)
        self.tail = line[-16:]
        # The rest is read only once the paragraph looks broken: most end on 。 and are never asked.
        self._first: str | None = line
        self.field = False
        self.title_row = False
        self.lines = 1

    def _read_first(self) -> None:
        line = self._first
        if line is None:
            return
        self._first = None
        self.field = bool(_FIELD_ROW.match(line) or _INDEX_ROW.match(line) or _NAV_ROW.match(line))
        self.title_row = bool(_TITLE_ROW.match(line))
        self.head = bool(_HEADING_START.match(line))
        self.open = [line.count(a) - line.count(b) for a, b in _PAIRS]
        self.body = len(line) >= 40 and bool(_CLAUSE.search(line)) and not self.head

    def add(self, line: str) -> None:
        self._read_first()
        self.lines += 1
        self.length += len(line)
        self.tail = (self.tail + line)[-16:]
        for k, (a, b) in enumerate(_PAIRS):
            self.open[k] += line.count(a) - line.count(b)
        if not self.body:
            self.body = self.length >= 40 and bool(_CLAUSE.search(line)) and not self.head

    def broken(self) -> bool:
        if self.length < 12 or self.tail[-1] in _TERMINAL or (self.tail[-1] == "摄" and _CREDIT_END.search(self.tail)):
            return False  # a photo caption ends on its credit (本报记者 王明 摄): the next line is new
        if self.tail[-1] in "知见定复法案定例告" and _DOC_END.search(self.tail):
            return False  # a document's name ends the line (…》的通知): a heading after it is new
        self._read_first()
        return not self.field

    def ends_open(self) -> bool:
        self._read_first()
        return any(n > 0 for n in self.open)


# A photo caption's credit ends the caption (invented example: 明澜港码头作业。 本报记者 王明 摄).
_CREDIT_END = re.compile(r"(?:记者|摄影|通讯员|图)\s*[\u4e00-\u9fff·]{2,4}\s*摄$")
# A document's name closing a line (invented example: 关于印发《明澜区河湖保护方案》的通知).
_DOC_END = re.compile(r"(?:》的|[^》]的)(?:通知|意见|决定|批复|办法|方案|规定|条例|通告|公告|报告)$")
_PAIRS = (("“", "”"), ("（", "）"), ("《", "》"))


def rebuild_lines(text: str) -> tuple[list[Piece], list[str]]:
    """Pieces of the output (one paragraph per line) and each output line's kind."""
    spans = _lines(text)
    pieces: list[Piece] = []
    kinds: list[str] = []
    i = 0
    n = len(spans)
    while i < n:
        s, e = spans[i]
        para: list[tuple[int, int]] = [(s, e)]
        captions: list[tuple[int, int]] = []
        cur = _Para(text[s:e])
        i += 1
        while cur.broken() and i < n:
            body = cur.body
            # A body paragraph cut by a photo caption: short lines, then the sentence goes on.
            j = i
            skipped: list[tuple[int, int]] = []
            if body and not cur.ends_open():  # inside an open 《/“/（ the next line goes on with it
                while j < n and len(skipped) < 2 and _caption_like(text[spans[j][0] : spans[j][1]]):
                    skipped.append(spans[j])
                    j += 1
                if skipped and (j >= n or not _continues(text[spans[j][0] : spans[j][1]])):
                    j, skipped = i, []
            nxt = text[spans[j][0] : spans[j][1]]
            if cur.title_row:  # a title row runs on to one short line of its own, nothing else
                if cur.lines == 1 and not skipped and _TITLE_ROW_TAIL.match(nxt) and _continues(nxt + "。") \
                        and not _INDEX_ROW.search(nxt) and not re.search(r"\S{2,5}\s*[：:]", nxt):
                    para.append(spans[j])
                    cur.add(nxt)
                    i = j + 1
                    continue
                break
            # Inside an open quote even a two-character line ("揭榜") is part of the sentence.
            if not (_continues(nxt) or (cur.ends_open() and not _HEADING_START.match(nxt) and not skipped)):
                break
            if not (skipped or body or cur.ends_open() or _word_across(cur.tail, nxt) or _figure_across(cur.tail, nxt)):
                break
            para.append(spans[j])
            captions.extend(skipped)
            cur.add(nxt)
            i = j + 1
        if pieces:
            pieces.append((s, s, "\n"))
        for k, (ps, pe) in enumerate(para):
            if k and text[para[k - 1][1] - 1].isascii() and text[ps].isascii() and text[ps].isalnum():
                pieces.append((ps, ps, " "))
            pieces.append((ps, pe, text[ps:pe]))
        kinds.append("text")
        for cs, ce in captions:
            pieces.append((cs, cs, "\n"))
            pieces.append((cs, ce, text[cs:ce]))
            kinds.append("caption")
    return pieces, kinds


def _inline_reports(text: str) -> list[tuple[int, int, str]]:
    """Line breaks before a report title met inside a line, and after its delivery note."""
    out: list[tuple[int, int, str]] = []
    for m in _INLINE_NOTE.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        if m.start() > line:
            t = _INLINE_TITLE.search(text, max(line, m.start() - 60), m.start())
            if t is None:
                continue
            if t.start(1) != line:
                out.append((t.start(1), t.start(1), "\n"))
            out.append((m.start(), m.start(), "\n"))
        if m.end() < len(text) and text[m.end()] != "\n":
            out.append((m.end(), m.end(), "\n"))
    return out


def normalize(page: Page) -> Page:
    text = page.raw
    chain = OffsetChain()

    edits, stats = repair_mojibake(text)
    text, m = apply_edits(text, edits)
    chain = chain.then(m)

    text, m = apply_edits(text, _edits_from(_NEWLINE_ZW, text, lambda m: "\n" if m.group()[0] in "\r" else ""))
    chain = chain.then(m)

    text, t_edits, changed = to_simplified(text)
    if t_edits:
        text, m = apply_edits(text, t_edits)
        chain = chain.then(m)
    stats["t2s_chars"] = changed

    text = _WIDE.sub(lambda m: m.group().translate(_WIDTH), text)
    if "·" in text or "・" in text:
        text = _DOT_DECIMAL.sub(".", text)  # one character for one: offsets unchanged
    if ";" in text:
        text, m = apply_edits(text, _edits_from(_STRAY_SEMI, text, lambda m: " " if text[m.start() - 1] in "长记任理" else ""))
        chain = chain.then(m)
    text = _INLINE_HEAD.sub(lambda m: "\n" * len(m.group()), text)
    text = _fix_punct(text)

    edits = _edits_from(_LONE_SPACE, text, lambda m: "") + _edits_from(_SPACE_RUN, text, lambda m: " ")
    edits += [(m.start(), m.start(), "\n") for m in _DEAR.finditer(text) if m.start() and text[m.start() - 1] not in "\n：:。，, "]
    edits += _inline_reports(text)
    edits.sort()
    text, m = apply_edits(text, edits)
    chain = chain.then(m)

    pieces, kinds = rebuild_lines(text)
    text, m = build(pieces, len(text))
    chain = chain.then(m)

    page.text = text
    page.offsets = chain
    page.line_kinds = kinds
    page.stats.update(stats)
    return page
