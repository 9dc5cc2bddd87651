"""HTML to paragraphs with selectolax: block elements become lines, tables stay rows, scripts and
navigation go. Site chrome that survives is removed later by :mod:`govlens.stages.split`."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ..errors import NoText
from ..model import Page

_DROP = "script, style, noscript, iframe, svg, canvas, form, button, select, input, template, head"
_BLOCK = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header",
    "footer", "table", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr", "td", "th", "nav", "aside", "main",
}


# Containers that close an open <p>: the HTML5 tree builder scans the stack of open elements for each
# one, so N of them nested cost N² (40 000 nested <div> take seconds). Real pages nest a few dozen;
# beyond MAX_NESTING such tags become plain line breaks before parsing, which keeps parsing linear.
MAX_NESTING = 256
_NEST = frozenset(
    ["address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "main", "menu", "nav", "ol", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "table"]
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")


def flatten_deep(html: str, limit: int = MAX_NESTING) -> str:
    """``html`` with container tags nested deeper than ``limit`` replaced by line breaks (linear)."""
    if html.count("<") <= limit:
        return html
    depth = 0
    out: list[str] = []
    last = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name not in _NEST:
            continue
        if m.group(1):
            deep = depth > limit
            depth = max(0, depth - 1)
        else:
            depth += 1
            deep = depth > limit
        if deep:
            out.append(html[last : m.start()])
            out.append("\n")
            last = m.end()
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


def read_html(html: str, source: str, encoding: str = "utf-8") -> Page:
    tree = HTMLParser(flatten_deep(html))
    title_node = tree.css_first("title")
    title = title_node.text(strip=True) if title_node else ""
    for node in tree.css(_DROP):
        node.decompose()
    root = tree.body or tree.root
    if root is None:
        raise NoText("HTML has no body text", source)
    text = _text_of(root)
    if not text.strip():
        raise NoText("HTML has no body text", source)
    page = Page(source=source, raw=text, fmt="html", encoding=encoding)
    if title:
        page.meta["html_title"] = title
    return page


def _text_of(root) -> str:
    """Block elements on their own lines, table cells separated by `` | ``. Iterative with an explicit
    stack: a page of 100 000 nested ``<div>`` must not hit Python's recursion limit."""
    parts: list[str] = []
    # Items are nodes to expand or strings to emit, popped in document order.
    stack: list = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        pending: list = []
        for child in item.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                pending.append(child.text_content or "")
            elif tag in ("td", "th"):
                pending.extend((child, " | "))
            elif tag in _BLOCK:
                pending.extend(("\n", child, "\n"))
            else:
                pending.append(child)
        stack.extend(reversed(pending))
    return "".join(parts)
