"""HTML to paragraphs with selectolax: block elements become lines, tables stay rows, scripts and
navigation go. Site chrome that survives is removed later by :mod:`govlens.stages.split`."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ..errors import NoText
from ..model import Page

_DROP = "script, style, noscript, iframe, svg, canvas, form, button, select, input, template, head"
_BLOCK = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
    "footer", "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr", "td", "th", "nav", "aside", "main",
}


def read_html(html: str, source: str, encoding: str = "utf-8") -> Page:
    tree = HTMLParser(html)
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node else ""
    for node in tree.css(_DROP):
        node.decompose()
    root = tree.body or tree.root
    if root is None:
        raise NoText("HTML has no body text", source)
    parts: list[str] = []

    def walk(node) -> None:  # iterative would be faster; pages are small
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                parts.append(child.text_content or "")
            elif tag in ("td", "th"):
                walk(child)
                parts.append(" | ")
            else:
                block = tag in _BLOCK
                if block:
                    parts.append("\n")
                walk(child)
                if block:
                    parts.append("\n")

    walk(root)
    text = "".join(parts)
    if not text.strip():
        raise NoText("HTML has no body text", source)
    page = Page(source=source, raw=text, fmt="html", encoding=encoding)
    if title:
        page.meta["html_title"] = title
    return page
