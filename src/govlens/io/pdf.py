"""PDF text layer with pypdfium2. An image-only PDF has no text layer: that is an error, not an
empty document (OCR is out of scope and would need models we cannot download)."""

from __future__ import annotations

from ..errors import MissingExtra, NoText, Undecodable
from ..model import Page


def read_pdf(data: bytes, source: str) -> Page:
    try:
        import pypdfium2 as pdfium
    except ImportError:  # pragma: no cover - dependency is required
        raise MissingExtra("PDF support needs pypdfium2: pip install pypdfium2", source) from None
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise Undecodable(f"not a readable PDF ({e})", source) from None
    pages: list[str] = []
    try:
        for page in pdf:
            tp = page.get_textpage()
            pages.append(tp.get_text_range())
            tp.close()
            page.close()
    finally:
        pdf.close()
    text = "\n".join(pages).replace("\r\n", "\n")
    if len(text.strip()) < 20:
        raise NoText("PDF has no text layer (scanned image?); OCR it first", source)
    return Page(source=source, raw=text, fmt="pdf", encoding="pdf")
