"""A cap on document size: a document longer than MAX_DOC_CHARS is cut into consecutive parts at line
ends, each its own document (``NAME#k``), so memory and work per document stay bounded whatever the
file holds (a 50 MB text of one "document"). Real reports are far below the cap (the longest in the
corpus is under 100 000 characters)."""

from __future__ import annotations

import os

from ..model import Document
from ..offsets import OffsetMap

MAX_DOC_CHARS = int(os.environ.get("GOVLENS_MAX_DOC_CHARS", "1000000"))


def _cuts(text: str, limit: int) -> list[tuple[int, int]]:
    out, a = [], 0
    while len(text) - a > limit:
        b = text.rfind("\n", a + limit // 2, a + limit)
        b = a + limit if b < 0 else b + 1  # no line end in the second half: cut mid-line
        out.append((a, b))
        a = b
    out.append((a, len(text)))
    return out


def _part(doc: Document, a: int, b: int, doc_id: str) -> Document:
    m = OffsetMap(out_starts=[0], src_starts=[a], out_lens=[b - a], src_lens=[b - a], src_length=len(doc.text))
    part = Document(id=doc_id, source=doc.source, text=doc.text[a:b], offsets=doc.offsets.then(m))
    part.header, part.origin, part.title = doc.header, doc.origin, doc.title
    return part


def cap_documents(docs: list[Document], limit: int | None = None) -> list[Document]:
    limit = limit or MAX_DOC_CHARS
    if all(len(d.text) <= limit for d in docs):
        return docs
    name = docs[0].id.split("#", 1)[0]
    out: list[Document] = []
    for d in docs:
        for a, b in _cuts(d.text, limit):
            out.append(_part(d, a, b, ""))
    for k, d in enumerate(out, 1):
        d.id = f"{name}#{k}"
    return out
