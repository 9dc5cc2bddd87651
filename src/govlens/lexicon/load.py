"""Reading the lexicon's data files (tab-separated, ``#`` comments) and building regex alternations."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``lexicon/data/NAME``: tab-separated fields, stripped; blank and ``#`` lines skipped."""
    text = resources.files("govlens.lexicon").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(tuple(f.strip() for f in line.split("\t")))
    return tuple(out)


def words(name: str) -> tuple[str, ...]:
    """The first field of every row of ``NAME``, in file order."""
    return tuple(r[0] for r in rows(name))


def longest_first(items: Iterable[str]) -> list[str]:
    """Distinct items, longest first, then in code-point order (deterministic whatever the hash seed)."""
    return sorted(set(items), key=lambda w: (-len(w), w))


def alternation(items: Iterable[str], escape: bool = True) -> str:
    """``(?:a|b|…)`` over ``items``, longest first so a regex prefers 同比增长 to 增长 to 增.
    ``escape=False`` for items that are patterns themselves."""
    alts = longest_first(items)
    return "(?:" + "|".join(re.escape(w) if escape else w for w in alts) + ")"


def first_chars(items: Iterable[str]) -> str:
    """A character class of the items' first characters, for a lookahead that lets the regex engine
    skip to candidate positions (``(?=[增降…])``)."""
    return "[" + "".join(sorted({re.escape(w[0]) for w in items})) + "]"
