"""DOCX paragraphs and tables with python-docx, in document order."""

from __future__ import annotations

import io

from ..errors import MissingExtra, NoText, Undecodable
from ..model import Page


def read_docx(data: bytes, source: str) -> Page:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover
        raise MissingExtra("DOCX support needs python-docx: pip install python-docx", source) from None
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many types for broken zips
        raise Undecodable(f"not a readable DOCX ({type(e).__name__})", source) from None
    lines: list[str] = []
    for child in d.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, d).text)
        elif tag == "tbl":
            for row in Table(child, d).rows:
                lines.append(" | ".join(c.text.strip() for c in row.cells))
    text = "\n".join(lines)
    if not text.strip():
        raise NoText("DOCX has no text", source)
    return Page(source=source, raw=text, fmt="docx", encoding="docx")
