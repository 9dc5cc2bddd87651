"""Putting quantities in one unit so they can be ranked and charted: 1300万吨 vs 840亿斤.

A unit is an optional magnitude (万, 亿, 万亿 …) and a base (吨, 斤, 元 …). Bases of one dimension
convert through a common one (mass in kilograms); others compare only with themselves.
"""

from __future__ import annotations

import re

_MAGNITUDES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "十亿": 1e9, "亿": 1e8, "千万": 1e7, "百万": 1e6,
               "十万": 1e5, "万": 1e4, "千": 1e3}
_MAGNITUDE = re.compile("^(" + "|".join(sorted(_MAGNITUDES, key=len, reverse=True)) + ")")
# base unit -> (dimension, factor to the dimension's own unit)
_BASES = {"吨": ("kg", 1000.0), "公斤": ("kg", 1.0), "千克": ("kg", 1.0), "斤": ("kg", 0.5),
          "平方公里": ("m2", 1e6), "平方米": ("m2", 1.0), "亩": ("m2", 666.6667), "公顷": ("m2", 1e4),
          "公里": ("m", 1000.0), "千米": ("m", 1000.0), "米": ("m", 1.0)}


def base(value: float, unit: str | None) -> tuple[float, str] | None:
    """``value`` in the dimension's own unit, and that unit's name; None without a unit."""
    if unit is None:
        return None
    factor = 1.0
    m = _MAGNITUDE.match(unit)
    rest = unit
    if m and len(unit) > len(m.group(1)):
        factor, rest = _MAGNITUDES[m.group(1)], unit[len(m.group(1)) :]
    elif m:  # 万, 亿 alone: a count
        factor, rest = _MAGNITUDES[m.group(1)], ""
    dim, f2 = _BASES.get(rest, (rest, 1.0))
    return value * factor * f2, dim


def convert(value: float | None, unit: str | None, to: str | None) -> float | None:
    """``value unit`` expressed in ``to``, or None when the two do not measure the same thing."""
    if value is None:
        return None
    if unit == to:
        return value
    a, b = base(value, unit), base(1.0, to)
    if a is None or b is None or a[1] != b[1]:
        return None
    return a[0] / b[0]
