"""Reading the lexicon's data files (tab-separated, ``#`` comments) and building regex alternations."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")


def data_text(name: str) -> str:
    """The text of ``lexicon/data/NAME``. Read beside this module: the package is installed as files, and
    importlib.resources would cost every process ~25 ms of imports (zipfile, tempfile, shutil, bz2, lzma)."""
    return (_DATA / name).read_text(encoding="utf-8")


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``lexicon/data/NAME``: tab-separated fields, stripped; blank and ``#`` lines skipped."""
    text = data_text(name)
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
            got = None if av[1] & re.IGNORECASE else _needed(av[3])  # (?i:…) matches other cases too
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


def _nullable(items) -> bool:
    """Whether the parsed pattern ``items`` can match the empty string (zero-width items can)."""
    from re import _constants as C

    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY, C.CATEGORY):
            return False
        if op is C.SUBPATTERN and not _nullable(av[3]):
            return False
        if op is C.BRANCH and not any(_nullable(b) for b in av[1]):
            return False
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1 and not _nullable(av[2]):
            return False
        if op in (C.GROUPREF, C.GROUPREF_EXISTS, C.ATOMIC_GROUP):
            return False  # unknown: taken as consuming, which only makes the caller give up sooner
    return True


def _last(items) -> frozenset[str] | None:
    """The characters a non-empty match of ``items`` can end with, or None if unknown (a class with
    ranges or categories, a backreference …)."""
    from re import _constants as C

    out: set[str] = set()
    for op, av in reversed(list(items)):
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width
        if op is C.LITERAL:
            got: frozenset[str] | None = frozenset(chr(av))
        elif op is C.IN and all(o is C.LITERAL for o, _ in av):
            got = frozenset(chr(a) for _, a in av)
        elif op is C.SUBPATTERN:
            got = None if av[1] & re.IGNORECASE else _last(av[3])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            got = _last(av[2])
        elif op is C.BRANCH:
            parts = [_last(b) for b in av[1]]
            got = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        else:
            return None
        if got is None:
            return None
        out |= got
        if not _nullable([(op, av)]):
            return frozenset(out)
    return None  # the whole pattern may match empty: it can end anywhere


def may_end_match(rx: re.Pattern[str]) -> Callable[[str], bool]:
    """For a pattern anchored at the end (``(?:了|的|达到)+$``): a test that is False only when no match
    can end the text, looking at its last character (or the one before a final newline, where ``$`` also
    matches). Saves trying the pattern at every position of a text that ends in none of them."""
    from re import _constants as C
    from re import _parser

    items = list(_parser.parse(rx.pattern, rx.flags).data)
    anchored = bool(items) and items[-1] == (C.AT, C.AT_END)  # a final $ (\Z would need no newline case)
    chars = None if rx.flags & (re.IGNORECASE | re.MULTILINE) or not anchored else _last(items)
    if chars is None:
        return lambda text: True
    return lambda text: text[-1:] in chars or text[-1:] == "\n"
