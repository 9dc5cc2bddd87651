"""Reading the lexicon's data files (tab-separated, ``#`` comments) and building regex alternations."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
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


def _needed(items) -> frozenset[str] | None:
    """Characters one of which every match of the parsed pattern ``items`` holds, or None if unknown."""
    from re import _constants as C

    best: frozenset[str] | None = None
    for op, av in items:
        got: frozenset[str] | None = None
        if op is C.LITERAL:
            got = frozenset(chr(av))
        elif op is C.IN and all(o is C.LITERAL for o, _ in av):
            got = frozenset(chr(a) for _, a in av)
        elif op is C.SUBPATTERN:
            got = _needed(av[3])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
            got = _needed(av[2])
        elif op is C.BRANCH:
            parts = [_needed(b) for b in av[1]]
            got = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        if got is not None and (best is None or len(got) <= len(best)):
            best = got
    return best


def may_match(rx: re.Pattern[str]) -> Callable[[str], bool]:
    """A cheap test that is False only where ``rx`` cannot match: every match of a pattern holds one of
    some characters (后 for ``(?:全部|全面)?(?:达产|建成)后``), found in C by one charset search. Worth it
    for a pattern opening with an optional part or a lookbehind, which the engine tries at every position."""
    from re import _parser

    chars = None if rx.flags & re.IGNORECASE else _needed(_parser.parse(rx.pattern, rx.flags).data)
    if not chars:
        return lambda text: True
    hint = re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")
    return lambda text: hint.search(text) is not None
