"""Numerals and units: Arabic and Chinese numbers, fractions, 成, ranges, magnitude prefixes."""

from __future__ import annotations

import math
import re

from ..lexicon import words

_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10_000, "亿": 100_000_000}

# No real figure has more digits than this; longer runs (a 400-digit number, a line of digits) are not
# numbers, and parsing them would overflow floats or hit Python's int-from-string digit limit.
MAX_DIGITS = 24
_DIGITS = re.compile(r"[0-9零〇○一二两三四五六七八九]")

CN_NUM = "[零〇○一二两三四五六七八九十百千]"
# Units as written, magnitude prefix included (the lists live in lexicon/data/units.tsv).
MAGNITUDE = words.MAGNITUDE
BASE_UNIT = words.BASE_UNIT
UNIT = words.UNIT


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
    if s == "一半":  # a half is 50 % (fractions are percentages)
        return 50.0
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

_MAGNITUDE_VALUE = words.MAGNITUDE_VALUE
_MAGNITUDE_PREFIX = re.compile("^" + MAGNITUDE)
# base unit -> (dimension, factor to the dimension's own unit)
_BASES = words.BASE_DIMENSION


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
