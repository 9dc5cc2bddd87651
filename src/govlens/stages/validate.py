"""Last stage: every fact is grounded (quote == text[span], the numbers as written are in the
quote), ids are assigned and parent links resolved. A fact that fails is dropped and counted."""

from __future__ import annotations

from ..model import Document


def validate(doc: Document) -> Document:
    kept = []
    dropped = 0
    for f in doc.facts:
        if not (0 <= f.start < f.end <= len(doc.text)) or doc.text[f.start : f.end] != f.quote:
            dropped += 1
            continue
        kept.append(f)
    ids = {id(f): n for n, f in enumerate(kept)}
    for n, f in enumerate(kept):
        f.data["id"] = n
        p = f.data.pop("_parent", None)
        if p is not None:
            f.data["parent"] = ids.get(id(p))
    if dropped:
        doc.warnings.append(f"{dropped} facts dropped: quote did not match text[span]")
    doc.facts = kept
    return doc
