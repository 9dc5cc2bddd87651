"""Numerals and units: Arabic and Chinese numbers, fractions, 成, ranges, magnitude prefixes."""

from __future__ import annotations

import math
import re

_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}

# No real figure has more digits than this; longer runs (a 400-digit number, a line of digits) are not
# numbers, and parsing them would overflow floats or hit Python's int-from-string digit limit.
MAX_DIGITS = 24
_DIGITS = re.compile(r"[0-9零〇○一二两三四五六七八九]")

CN_NUM = "[零〇○一二两三四五六七八九十百千]"
# Units as written, magnitude prefix included. Longest first inside each alternative.
MAGNITUDE = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千)"
BASE_UNIT = (
    r"(?:平方公里|平方千米|平方米|立方米|公里/平方公里|微克/立方米|千瓦小时|千瓦时|千瓦|兆瓦|吨标准煤|吨标煤|标准煤|吨|公顷|亩|公里|千米|米|"
    r"美元|欧元|港元|日元|元|人民币|人次|户次|架次|艘次|车次|班次|航次|批次|场次|个工作日|工作日|条段|人|户|家|个|项|件|套|张|台|辆|架|艘|座|所|间|条|段|宗|批|场|次|篇|部|棵|株|头|"
    r"只|盏|处|栋|幢|层|床|岁|天|小时|箱|标箱|吨公里|千克|公斤|斤|克|度|立方|元/人|元/吨|万元/人|孔|口|份|单|笔|例|名|位|"
    r"门|类|种|款|块|片|张床|村|镇|校|园|楼|站|根|节|支|组|队)"
)
UNIT = rf"(?:个百分点|百分点|{MAGNITUDE}?{BASE_UNIT}|{MAGNITUDE}|%|‰)"


def cn_int(s: str) -> int | None:
    """``一千二百`` -> 1200, ``二十万`` -> 200000, ``一九五四`` -> 1954 (digit by digit when no 十百千)."""
    if not s or len(s) > 2 * MAX_DIGITS:
        return None
    if all(c in _DIGIT for c in s):
        return int("".join(str(_DIGIT[c]) for c in s))
    total = 0
    section = 0
    num = 0
    for c in s:
        if c in _DIGIT:
            num = _DIGIT[c]
        elif c in _SMALL:
            section += (num or 1) * _SMALL[c]
            num = 0
        elif c in _BIG:
            section += num
            total += section * _BIG[c]
            section = 0
            num = 0
        else:
            return None
    return total + section + num


def cn_year(s: str) -> int:
    return int(s) if s.isdigit() else (cn_int(s) or 0)


def parse_number(s: str) -> float | None:
    """Arabic (``1,134.5``), Chinese (``一千二百``), ``百分之十五`` (-> 15), ``三分之一`` (-> 33.33),
    ``两成`` (-> 20)."""
    s = s.strip()
    if not s or len(_DIGITS.findall(s)) > MAX_DIGITS:
        return None
    try:
        v = float(s.replace(",", ""))
        return v if math.isfinite(v) else None
    except ValueError:
        pass
    m = re.fullmatch(r"百分之(.+)", s)
    if m:
        return parse_number(m.group(1))
    m = re.fullmatch(r"(.+)分之(.+)", s)
    if m:
        den, num = parse_number(m.group(1)), parse_number(m.group(2))
        return round(num / den * 100, 2) if den and num is not None else None
    m = re.fullmatch(r"(.+)成", s)
    if m:
        v = parse_number(m.group(1))
        return v * 10 if v is not None else None
    if "点" in s:
        whole, _, frac = s.partition("点")
        w = cn_int(whole)
        f = "".join(str(_DIGIT.get(c, "")) for c in frac)
        return float(f"{w}.{f}") if w is not None and f else None
    v = cn_int(s)
    return float(v) if v is not None else None


def clean_number(v: float | None) -> float | int | None:
    if v is None or not math.isfinite(v):
        return None
    return int(v) if v == int(v) and abs(v) < 1e15 else round(v, 6)


# --- putting quantities in one unit (1300万吨 vs 840亿斤), for ranking, charts and range merging ---
# A unit is an optional magnitude (MAGNITUDE above) and a base (吨, 斤, 元 …). Bases of one dimension
# convert through a common one (mass in kilograms); others compare only with themselves.

_MAGNITUDE_VALUE = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6,
                    "十万": 1e5, "万": 1e4, "千": 1e3}
_MAGNITUDE_PREFIX = re.compile("^" + MAGNITUDE)
# base unit -> (dimension, factor to the dimension's own unit)
_BASES = {"吨": ("kg", 1000.0), "公斤": ("kg", 1.0), "千克": ("kg", 1.0), "斤": ("kg", 0.5),
          "平方公里": ("m2", 1e6), "平方米": ("m2", 1.0), "亩": ("m2", 666.6667), "公顷": ("m2", 1e4),
          "公里": ("m", 1000.0), "千米": ("m", 1000.0), "米": ("m", 1.0)}


def base_unit(unit: str | None) -> str | None:
    """The unit without its magnitude: 亿元 -> 元."""
    return _MAGNITUDE_PREFIX.sub("", unit) if unit else None


def in_base(value: float, unit: str | None) -> tuple[float, str] | None:
    """``value`` in the dimension's own unit, and that unit's name; None without a unit."""
    if unit is None:
        return None
    factor, rest = 1.0, unit
    m = _MAGNITUDE_PREFIX.match(unit)
    if m:  # 万, 亿 alone: a count
        factor, rest = _MAGNITUDE_VALUE[m.group()], unit[m.end() :]
    dim, f2 = _BASES.get(rest, (rest, 1.0))
    return value * factor * f2, dim


def convert(value: float | None, unit: str | None, to: str | None) -> float | None:
    """``value unit`` expressed in ``to``, or None when the two do not measure the same thing."""
    if value is None:
        return None
    if unit == to:
        return value
    a, b = in_base(value, unit), in_base(1.0, to)
    if a is None or b is None or a[1] != b[1]:
        return None
    return a[0] / b[0]
