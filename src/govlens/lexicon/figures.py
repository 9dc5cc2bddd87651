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


def unsupported_figures(text: str, support: str, skip_years: bool = False) -> list[str]:
    """Figures in ``text`` that ``support`` does not contain. An answer, or an LLM's wording of it,
    may state only figures its cited sentences hold."""
    return [n for n in figures(text, skip_years) if n not in support]
