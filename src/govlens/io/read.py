"""Read a path or URL into a :class:`Page`: pick the reader by content, not only by extension."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import NotFound, ReadError, TooLarge, Unsupported
from ..model import Page
from .decode import count_replaced, decode

MAX_BYTES = int(os.environ.get("GOVLENS_MAX_BYTES", str(100 * 1024 * 1024)))
TEXT_EXT = {".txt", ".md", ".text", ".csv", ""}
HTML_EXT = {".html", ".htm", ".shtml", ".xhtml", ".asp", ".aspx", ".jsp", ".php"}
KNOWN_EXT = TEXT_EXT | HTML_EXT | {".pdf", ".docx"}
SKIP_NAMES = {"index.jsonl", "SOURCES.md", "README.md", "LICENSE"}


def is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def walk(paths: list[str]) -> Iterator[str]:
    """Files under each path (directories walked, sorted, hidden files skipped); URLs as given."""
    for p in paths:
        if is_url(p):
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts):
                    if f.name in SKIP_NAMES or f.suffix.lower() not in KNOWN_EXT:
                        continue
                    yield str(f)
        else:
            yield p


def sniff(data: bytes, name: str) -> str:
    head = data[:2048].lstrip().lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and (name.lower().endswith(".docx") or b"word/" in data[:4096]):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<div" in head:
        return "html"
    if Path(name).suffix.lower() in HTML_EXT:
        return "html"
    return "text"


def page_from_bytes(data: bytes, source: str, content_type: str | None = None) -> Page:
    if len(data) > MAX_BYTES:
        raise TooLarge(f"file too large ({len(data) / 1e6:.0f} MB > {MAX_BYTES / 1e6:.0f} MB limit)", source)
    fmt = sniff(data, source)
    if content_type and "html" in content_type:
        fmt = "html"
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(data, source)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(data, source)
    text, enc = decode(data, source)
    replaced = count_replaced(text, data) if "\ufffd" in text else 0
    if fmt == "html":
        from .html import read_html

        page = read_html(text, source, enc)
    else:
        page = Page(source=source, raw=text, fmt="text", encoding=enc)
    if replaced:
        page.stats["undecodable_bytes"] = replaced
    return page


def page_warnings(page: Page) -> list[str]:
    """What the user should know about an input that was read (one line each, naming the file)."""
    n = page.stats.get("undecodable_bytes", 0)
    if n:
        return [f"{page.source}: {n} undecodable byte{'s' if n > 1 else ''} in {page.encoding} text "
                f"replaced with U+FFFD"]
    return []


def read_page(path: str) -> Page:
    if is_url(path):
        from .fetch import fetch

        data, ctype = fetch(path)
        return page_from_bytes(data, path, ctype)
    p = Path(path)
    if not p.exists():
        raise NotFound("no such file", path)
    if p.is_dir():
        raise Unsupported("is a directory with no readable documents", path)
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise TooLarge(f"file too large ({size / 1e6:.0f} MB > {MAX_BYTES / 1e6:.0f} MB limit)", path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror}", path) from None
    return page_from_bytes(data, path)
