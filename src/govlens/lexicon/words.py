"""The lexicon's word lists as Python values, read once from ``lexicon/data``. Every module takes its
words from here (one list of qualifiers, one of change words, one year pattern)."""

from __future__ import annotations

import re

from .load import alternation, rows, words

# --- years -------------------------------------------------------------------------------------------
YEAR = r"(?:19|20)\d{2}"  # 2021
YEAR_CN = r"[一二][〇零○一二三四五六七八九]{3}"  # 二〇二一
YEAR_ANY = rf"(?:{YEAR}|{YEAR_CN})"

# --- change words ------------------------------------------------------------------------------------
_CHANGE_ROWS = [(r[0], -1 if r[1] == "-" else 1, set(r[2].split(","))) for r in rows("change_verbs.tsv")]
CHANGE_SIGN: dict[str, int] = {w: s for w, s, _u in _CHANGE_ROWS}
CHANGE_BEFORE = tuple(w for w, _s, u in _CHANGE_ROWS if "before" in u)
CHANGE_AFTER = tuple(w for w, _s, u in _CHANGE_ROWS if "after" in u)
CHANGE_ABS = tuple(w for w, _s, u in _CHANGE_ROWS if "abs" in u)
CHANGE_COMPARE = tuple(w for w, _s, u in _CHANGE_ROWS if "compare" in u)
ANNUAL = tuple(w for w, _s, u in _CHANGE_ROWS if "annual" in u)
CHANGE_OBJECT = tuple(w for w, _s, u in _CHANGE_ROWS if "object" in u)
NEGATIVE = frozenset(w for w, s, _u in _CHANGE_ROWS if s < 0)
# "低于全国2个百分点", "降幅收窄4个百分点": a word just before N个百分点 that makes it a fall.
NEGATIVE_BEFORE_POINTS = re.compile(alternation(w for w in NEGATIVE if w in CHANGE_COMPARE))


def change_sign(word: str) -> int:
    """+1 or -1 for a change word (同比下降 -> -1); words not in the list count as rises."""
    s = CHANGE_SIGN.get(word)
    if s is None:
        s = -1 if any(word.endswith(n) for n in NEGATIVE if len(n) > 1) else 1
    return s


# --- qualifiers --------------------------------------------------------------------------------------
_QUAL_ROWS = [(r[0], r[1], r[2], r[3] if len(r) > 3 else "") for r in rows("qualifiers.tsv")]
QUALIFIERS = tuple(w for w, *_ in _QUAL_ROWS)  # the one list
QUALIFIERS_BEFORE = tuple(w for w, where, *_ in _QUAL_ROWS if where == "before")
QUALIFIERS_AFTER = tuple(w for w, where, *_ in _QUAL_ROWS if where == "after")
AT_LEAST = tuple(w for w, _where, b, _n in _QUAL_ROWS if b == "at_least")
AT_MOST = tuple(w for w, _where, b, _n in _QUAL_ROWS if b == "at_most")
APPROX = tuple(w for w, _where, b, _n in _QUAL_ROWS if b == "approx")
MORE = tuple(w for w, _where, b, _n in _QUAL_ROWS if b == "more")
CUES = tuple(w for w, where, _b, _n in _QUAL_ROWS if where == "cue")  # words of the clause: 控制在, 力争


def _qual_alt(where: str, exclude: tuple[str, ...] = ()) -> str:
    alts = []
    for w, wh, b, not_after in sorted(_QUAL_ROWS, key=lambda r: (-len(r[0]), r[0])):
        if wh != where or b in exclude:
            continue
        alts.append(f"(?<![{re.escape(not_after)}]){re.escape(w)}" if not_after else re.escape(w))
    return "(?:" + "|".join(alts) + ")"


QUALIFIER_BEFORE_RX = _qual_alt("before")  # 约, 近 (not 签约, 最近), 超过, 不低于 …
QUALIFIER_AFTER_RX = _qual_alt("after")  # 左右, 以上, 上下, 多, 余 …
QUALIFIER_AFTER_CHANGE_RX = _qual_alt("after", exclude=("more",))  # 增长6%左右; never 增长6%多


def qualifier_after(word: str) -> bool:
    """Whether a qualifier is written after its figure (80万人上下) rather than before (约80万人)."""
    return word in QUALIFIERS_AFTER


# --- periods -----------------------------------------------------------------------------------------
PERIOD_WORDS: dict[str, str] = {r[0]: r[1] for r in rows("periods.tsv")}
PLAN_START: dict[str, int] = {r[0]: int(r[1]) for r in rows("plans.tsv")}
PLAN_NAMES = alternation(PLAN_START)  # inside quotes: “十五”, “十四五”
PLAN_NAMES_BARE = alternation(r[0] for r in rows("plans.tsv") if r[2] == "yes")  # 十四五时期


def period_words(relation: str) -> str:
    """Alternation of the period words that name ``relation`` (this, last, next, five)."""
    return alternation(w for w, r in PERIOD_WORDS.items() if r == relation)


# --- units -------------------------------------------------------------------------------------------
MAGNITUDE_VALUE: dict[str, float] = {r[0]: float(r[2]) for r in rows("units.tsv") if r[1] == "magnitude"}
BASE_DIMENSION: dict[str, tuple[str, float]] = {
    r[0]: (r[2], float(r[3])) for r in rows("units.tsv") if r[1] == "base" and len(r) > 3}
BASE_UNITS = tuple(r[0] for r in rows("units.tsv") if r[1] == "base")
MAGNITUDE = alternation(MAGNITUDE_VALUE)
BASE_UNIT = alternation(BASE_UNITS)
UNIT = rf"(?:个百分点|百分点|{MAGNITUDE}?{BASE_UNIT}|{MAGNITUDE}|%|‰)"

# --- nouns naming a rate of change (涨幅, 增长速度): one list for the extractor and the scorer -----------
RATE_NOUNS: tuple[str, ...] = words("rate_nouns.txt")

# --- metrics that are one character: products of the plan era and after (钢二百十七万吨) --------------
ONE_CHAR_METRICS = frozenset(w for w in words("one_char_metrics.txt"))

# --- kind cues and non-fact patterns (regex patterns, see the data files) ----------------------------
KIND_CUES: dict[str, re.Pattern[str]] = {r[0]: re.compile(r[1]) for r in rows("kind_cues.tsv")}
NONFACT: dict[str, str] = {r[0]: r[1] for r in rows("nonfact.tsv")}
