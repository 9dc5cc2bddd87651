"""Offset maps: every character of a derived string points back into the string it came from.

Normalisation edits text many times (line joins, removed markers, moved captions). Each step is
described by *pieces*: ``(src_start, src_end, out_text)`` meaning ``out_text`` was made from
``src[src_start:src_end]``. Pieces may come in any order (a caption moved after its paragraph),
so a map is a list of segments looked up by bisection, not a single shift.

Steps compose with :class:`OffsetChain`; a lookup walks the chain from the last step back to the
original decoded file. Lookups are rare (one per fact), building is cheap (one tuple per piece).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

Piece = tuple[int, int, str]


@dataclass(slots=True)
class OffsetMap:
    """Segments ``out[o:o+ol]`` <- ``src[s:s+sl]``; equal lengths map char to char."""

    out_starts: list[int] = field(default_factory=list)
    src_starts: list[int] = field(default_factory=list)
    out_lens: list[int] = field(default_factory=list)
    src_lens: list[int] = field(default_factory=list)
    src_length: int = 0

    def to_source(self, pos: int) -> int:
        """Source index of output index ``pos`` (``pos == len(out)`` maps to the end of the last piece)."""
        if not self.out_starts:
            return 0
        i = bisect_right(self.out_starts, pos) - 1
        if i < 0:
            return self.src_starts[0]
        o, s, ol, sl = self.out_starts[i], self.src_starts[i], self.out_lens[i], self.src_lens[i]
        d = pos - o
        if d >= ol:  # past the end of this segment (only possible at the very end)
            return s + sl
        if ol == sl:
            return s + d
        return s + (d * sl) // ol

    def is_exact(self, pos: int) -> bool:
        """True when output char ``pos`` was copied (or replaced one-for-one) from the source."""
        i = bisect_right(self.out_starts, pos) - 1
        return i >= 0 and self.out_lens[i] == self.src_lens[i] and pos < self.out_starts[i] + self.out_lens[i]


def build(pieces: Iterable[Piece], src_length: int) -> tuple[str, OffsetMap]:
    """Concatenate pieces into the output string and return it with its map."""
    m = OffsetMap(src_length=src_length)
    kept = [p for p in pieces if p[2]]
    m.out_lens = [len(t) for _, _, t in kept]
    m.src_starts = [s for s, _, _ in kept]
    m.src_lens = [e - s for s, e, _ in kept]
    m.out_starts = list(accumulate(m.out_lens, initial=0))[:-1]
    return "".join([t for _, _, t in kept]), m


def apply_edits(text: str, edits: Sequence[tuple[int, int, str]]) -> tuple[str, OffsetMap | None]:
    """Apply sorted, non-overlapping ``(start, end, replacement)`` edits.

    Returns ``(new_text, None)`` when nothing changed, so callers can skip identity steps.
    """
    if not edits:
        return text, None
    pieces: list[Piece] = []
    cur = 0
    for s, e, r in edits:
        if s < cur:
            raise ValueError(f"overlapping edit at {s}")
        if s > cur:
            pieces.append((cur, s, text[cur:s]))
        if r:
            pieces.append((s, e, r))
        cur = e
    if cur < len(text):
        pieces.append((cur, len(text), text[cur:]))
    return build(pieces, len(text))


@dataclass(slots=True)
class OffsetChain:
    """A stack of maps: output of step k is the source of step k+1."""

    maps: list[OffsetMap] = field(default_factory=list)

    def then(self, m: OffsetMap | None) -> OffsetChain:
        return OffsetChain([*self.maps, m]) if m is not None else self

    def to_source(self, pos: int) -> int:
        for m in reversed(self.maps):
            pos = m.to_source(pos)
        return pos

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span; the end is mapped through its last character so it stays tight."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1
