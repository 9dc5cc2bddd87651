"""Glossaries (名词解释/注释) and the footnote markers that point into them.

* Inline notes ``6.7%1（注解1：…）`` leave the sentence; the note goes to the end of the document.
* Markers in the body (``[3]``, ``【3】``, ``①``) are removed from the text the extractors see and
  kept as :class:`Marker` positions, so ``“两直”资金[3]1.43亿元`` reads ``1.43亿元``.
* The glossary block is parsed in all its shapes: ``1.term：def``, ``【1】term：def``, ``［1］term：``
  with the definition on the next line, ``①term def``, ``term：def``.
"""

from __future__ import annotations

import re

from ..model import Document, GlossaryEntry, Marker
from ..offsets import Piece, build

_GLOSSARY_HEAD = re.compile(
    r"^[^。，\n]{0,20}(?:名词解释|名词注释|名词说明|词语解释|注释|注解|附注|术语解释)[：:]?$"
)
_INLINE_NOTE = re.compile(
    r"(?=[\d（])(?P<glued>\d{1,2})?（\s*(?P<word>注(?:解|释)?)\s*(?P<label>\d{1,2})\s*[：:]\s*(?P<body>[^（）\n]{2,400})）"
)
# Starts with its bracket (so the regex engine can skip ahead); a marker must follow text, which
# strip_markers checks (a line-initial [1] is a list label, not a marker).
# One leading character class, so the engine skips ahead to candidates (an alternation here made
# it try every position); a bracket without a number after it is not a marker.
_MARKER = re.compile(r"[【\[［①-⑳](?:(?<=[【\[［])(?P<br>\d{1,3})[】\]］])?")
_NOT_BEFORE_MARKER = frozenset("：:；;，,。")
_NOTE_HINT = re.compile(r"（\s*注")
_LABEL = re.compile(
    r"^(?:(?P<num>\d{1,3})\s*[.．、)）]\s*|(?P<brw>[【\[［](?P<br>\d{1,3})[】\]］])\s*|(?P<circ>[①-⑳])\s*|注(?:解|释)?(?P<nn>\d{1,3})[：:]\s*)"
)
_TERM_SPLIT = re.compile(r"[：:]|\s")
_TERMINAL = set("。；;！？")
_CIRCLED = {chr(0x2460 + i): str(i + 1) for i in range(20)}


def _label_key(m: re.Match[str]) -> str:
    if m.group("circ"):
        return _CIRCLED[m.group("circ")]
    return m.group("num") or m.group("br") or m.group("nn") or ""


def strip_markers(doc: Document) -> Document:
    """Remove inline notes and footnote markers from ``doc.text``, keeping their positions."""
    text = doc.text
    gstart = _glossary_start(text)
    body_end = gstart if gstart is not None else len(text)
    notes: list[tuple[int, int, str]] = []
    edits: list[tuple[int, int, str, str | None, str | None]] = []  # start, end, replacement, label, written
    for m in _INLINE_NOTE.finditer(text, 0, body_end) if _NOTE_HINT.search(text, 0, body_end) else ():
        label = m.group("label")
        glued = m.group("glued")
        start = m.start("glued") if glued == label else m.start() + (len(glued) if glued else 0)
        edits.append((start, m.end(), "", label, m.group()))
        notes.append((m.start("word"), m.end("body"), f"{m.group('word')}{label}：{m.group('body')}"))
    taken = [(s, e) for s, e, *_ in edits]
    for m in _MARKER.finditer(text, 0, body_end):
        before = text[m.start() - 1] if m.start() else " "
        if (m.group() in "【[［" or before.isspace() or before in _NOT_BEFORE_MARKER
                or any(s <= m.start() < e for s, e in taken)):
            continue
        label = m.group("br") or _CIRCLED[m.group()]
        edits.append((m.start(), m.end(), "", label, m.group()))
    if not edits:
        return doc
    edits.sort()
    pieces: list[Piece] = []
    markers: list[Marker] = []
    cur = 0
    out_len = 0
    for s, e, _r, label, written in edits:
        if s < cur:
            continue
        if s > cur:
            pieces.append((cur, s, text[cur:s]))
            out_len += s - cur
        markers.append(Marker(pos=out_len, label=label or "", written=written or ""))
        cur = e
    pieces.append((cur, len(text), text[cur:]))
    for s, e, note in notes:
        pieces.append((s, s, "\n"))
        pieces.append((s, e, note))
    new_text, m = build(pieces, len(text))
    doc.text = new_text
    doc.offsets = doc.offsets.then(m)
    doc.markers = markers
    return doc


def _glossary_start(text: str) -> int | None:
    pos = 0
    found = None
    for line in text.split("\n"):
        if _GLOSSARY_HEAD.match(line):
            found = pos
        pos += len(line) + 1
    return found


def _clean_term(term: str) -> str:
    """Outer quotes go when they wrap the whole term (“两新” -> 两新); quotes inside it stay balanced
    (“一本三基四梁八柱”战略框架, “两重”“两新”)."""
    term = term.strip("\"' ")
    if term.startswith("“") and term.endswith("”") and term.count("“") == 1 and term.count("”") == 1:
        return term[1:-1]
    return term


def _split_term(rest: str) -> tuple[str, str]:
    m = _TERM_SPLIT.search(rest)
    if m and 0 < m.start() <= 40:
        return _clean_term(rest[: m.start()]), rest[m.end() :].strip()
    if len(rest) <= 30 and rest[-1:] not in _TERMINAL:
        return _clean_term(rest), ""
    return "", rest


def parse_glossary(doc: Document) -> Document:
    text = doc.text
    entries: list[GlossaryEntry] = []
    start = _glossary_start(text)
    if start is not None:
        pos = start
        lines = text[start:].split("\n")
        pos += len(lines[0]) + 1
        cur: GlossaryEntry | None = None
        for line in lines[1:]:
            lstart, lend = pos, pos + len(line)
            pos = lend + 1
            if not line:
                continue
            m = _LABEL.match(line)
            if m and m.group("nn"):  # 注解1：… — a note, named by its own label
                cur = GlossaryEntry(line[: m.end()].rstrip("：: "), line[m.end() :].strip(), None, m.group("nn"),
                                    lstart, lend)
                entries.append(cur)
                continue
            if m:
                term, definition = _split_term(line[m.end() :])
                if term:
                    cur = GlossaryEntry(term, definition, None, _label_key(m), lstart, lend)
                    cur_written = m.group("brw") or m.group("circ") or _label_key(m)
                    cur.label = cur_written
                    entries.append(cur)
                    continue
            if cur is not None and (not cur.definition or cur.definition[-1] not in _TERMINAL):
                cur.definition = (cur.definition + line).strip()
                cur.end = lend
                continue
            if ":" in line[:25] or "：" in line[:25]:
                term, definition = _split_term(line)
                if term and definition:
                    cur = GlossaryEntry(term, definition, None, None, lstart, lend)
                    entries.append(cur)
                    continue
            if len(line) <= 6 and "：" not in line:
                continue  # stray fragment (a ruby annotation, a page number)
            break  # the glossary ended (a signature line, a footer)
    # Inline notes moved to the end by strip_markers ("注解1：…").
    for m in re.finditer(r"(?m)^(注(?:解|释)?)(\d{1,2})：(.+)$", text):
        if start is not None and m.start() >= start and any(e.start <= m.start() < e.end for e in entries):
            continue
        entries.append(GlossaryEntry(m.group(1) + m.group(2), m.group(3), m.group(2), m.group(2), m.start(), m.end()))
    # Inline notes link to their 注解 entries only; bracket and circled markers to the glossary.
    note_marks = {mk.label for mk in doc.markers if "注" in mk.written}
    gloss_marks = {mk.label for mk in doc.markers if "注" not in mk.written}
    for e in entries:
        key = _CIRCLED.get(e.label or "") or re.sub(r"\D", "", e.label or "")
        is_note = e.term.startswith("注")
        if key and key in (note_marks if is_note else gloss_marks):
            e.marker = e.label
    doc.glossary = entries
    return doc
