"""The figures a text states, and the check that an answer states only figures its sources hold."""

from __future__ import annotations

import re

from .words import YEAR

_FIGURE = re.compile(r"\d+(?:\.\d+)?")
_YEAR_OF = re.compile(rf"{YEAR}(?=年)")


def figures(text: str, skip_years: bool = False) -> list[str]:
    """The Arabic figures written in ``text`` (``skip_years``: 2024年 is a date, not a figure)."""
    if skip_years:
        text = _YEAR_OF.sub("", text)
    return _FIGURE.findall(text)


_CN_DIGIT = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}
_CN_RUN = re.compile(r"[零〇○一二两三四五六七八九十百千]+(?:点[零〇○一二三四五六七八九]+)?")


# A figure in Chinese numerals across magnitudes (四亿零七百多万, 三千二百八十万)
_CN_MAGNITUDES = re.compile(r"(?:[零〇○一二两三四五六七八九十百千]+[多余]?亿)?(?:[零〇○一二两三四五六七八九十百千]+[多余]?万)"
                            r"|[零〇○一二两三四五六七八九十百千]+[多余]?亿(?:[零〇○一二两三四五六七八九十百千]+)?")


def _cn_value(run: str) -> str | None:
    """``一百零七`` -> "107", ``十二点三`` -> "12.3" (a run between 万/亿 magnitudes); None if malformed."""
    whole, _, frac = run.partition("点")
    total, digit = 0, None
    for ch in whole:
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            total += (1 if digit is None else digit) * _CN_UNIT[ch]
            digit = None
        else:
            return None
    total += digit or 0
    return f"{total}.{''.join(str(_CN_DIGIT[c]) for c in frac)}" if frac else str(total)


_GROUPED = re.compile(r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?")  # thousands separators, half or full width


def written_figures(text: str) -> str:
    """``text`` with the Arabic form of each figure written in Chinese numerals appended (百分之九 -> 9),
    so that a check for a figure finds it however the sentence wrote it."""
    extra = [v for m in _CN_RUN.finditer(text) if (v := _cn_value(m.group()))]
    extra += [m.group().replace(",", "").replace("，", "") for m in _GROUPED.finditer(text)]  # 33，212 is 33212
    for m in _CN_MAGNITUDES.finditer(text):  # 四亿零七百多万吨 is also 40700 (万吨) and 4.07 (亿吨)
        total, rest = 0.0, m.group()
        for mag, size in (("亿", 1e8), ("万", 1e4)):
            head, sep, tail = rest.partition(mag)
            if sep:
                total += float(_cn_value(head.rstrip("多余")) or 0) * size
                rest = tail
        total += float(_cn_value(rest.rstrip("多余")) or 0) if rest.rstrip("多余") else 0
        extra += [f"{total / size:.12g}" for size in (1, 1e4, 1e8) if total >= size]
    return text + " " + " ".join(extra) if extra else text


def unsupported_figures(text: str, support: str, skip_years: bool = False) -> list[str]:
    """Figures in ``text`` that ``support`` does not contain, written in digits or in Chinese numerals
    (百分之九). An answer, or an LLM's wording of it, may state only figures its cited sentences hold."""
    support = written_figures(support)
    return [n for n in figures(text, skip_years) if n not in support]
