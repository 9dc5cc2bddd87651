"""The pipeline, listed in one place.

Page stages turn one input into documents; document stages are ``Document -> Document`` functions
that each declare what they need and what they add (:func:`check` verifies the order). Every stage
is pure (no I/O, no globals that change), so the same list can run inside Ray ``map_batches``
unchanged; the Ray runner itself is not written yet. A failing input records its error and the batch
goes on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import GovlensError, InternalError
from .io.read import page_warnings, read_page
from .model import Document, Page
from .stages.glossary import parse_glossary, strip_markers
from .stages.metadata import fill_from_siblings, metadata
from .stages.normalize import normalize
from .stages.sections import sections
from .stages.split import split

VERSION = "17"  # bump when output changes, so stores re-extract


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    fn: Callable[[Document], Document]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _extract_stages() -> list[Stage]:
    from .stages.indicators import indicators
    from .stages.programmes import programmes
    from .stages.projects import projects
    from .stages.validate import validate

    return [
        Stage("glossary_facts", _glossary_facts, ("glossary",), ("facts",)),
        Stage("indicators", indicators, ("text", "sections", "year", "region"), ("facts",)),
        Stage("projects", projects, ("text", "facts"), ("facts",)),
        Stage("programmes", programmes, ("text", "facts"), ("facts",)),
        Stage("validate", validate, ("facts",), ("facts",)),
    ]


DOC_STAGES: list[Stage] = [
    Stage("strip_markers", strip_markers, ("text",), ("markers",)),
    Stage("glossary", parse_glossary, ("text", "markers"), ("glossary",)),
    Stage("metadata", metadata, ("text", "header", "glossary"), ("title", "region", "year", "kind", "date")),
    Stage("sections", sections, ("text",), ("sections",)),
]


def _glossary_facts(doc: Document) -> Document:
    from .model import Fact

    for g in doc.glossary:
        doc.facts.append(
            Fact("glossary", g.start, g.end, doc.text[g.start : g.end],
                 {"term": g.term, "definition": g.definition, "marker": g.marker})
        )
    return doc


def check(stages: list[Stage]) -> list[str]:
    """Warnings for stages that need an attribute nothing upstream assigns (spaCy-style analysis)."""
    have = {"text", "header", "title", "source", "id"}
    out = []
    for st in stages:
        missing = [r for r in st.requires if r not in have]
        if missing:
            out.append(f"stage {st.name} requires {missing} which nothing before it assigns")
        have.update(st.assigns)
    return out


def page_to_docs(page: Page) -> list[Document]:
    return split(normalize(page))


def run_doc(doc: Document) -> Document:
    for st in DOC_STAGES:
        doc = st.fn(doc)
    return doc


@dataclass(slots=True)
class Result:
    source: str
    docs: list[Document]
    error: GovlensError | None = None
    chars: int = 0
    warnings: list[str] = field(default_factory=list)  # the input was read, with damage worth saying


def process_page(page: Page, extract: bool = False) -> list[Document]:
    docs = [run_doc(d) for d in page_to_docs(page)]
    docs = fill_from_siblings(docs)
    if extract:
        for st in _extract_stages():
            docs = [st.fn(d) for d in docs]
    return docs


def process(path: str, extract: bool = False) -> Result:
    """Read one input and run it through the pipeline; user-facing errors are returned, not raised."""
    try:
        page = read_page(path)
        return Result(path, process_page(page, extract), chars=len(page.raw), warnings=page_warnings(page))
    except GovlensError as e:
        return Result(path, [], e)
    except Exception as e:  # a bug of ours: one line for the user, the traceback with GOVLENS_DEBUG=1
        if os.environ.get("GOVLENS_DEBUG"):
            raise
        return Result(path, [], InternalError(f"internal error {type(e).__name__}: {e} (GOVLENS_DEBUG=1 shows where)", path))


def process_many(paths: Iterable[str], extract: bool = False) -> Iterator[Result]:
    for p in paths:
        yield process(p, extract)


def read(path: str, extract: bool = True) -> list[Document]:
    """Library entry point: ``govlens.read(path)`` -> documents with facts. Raises on bad input."""
    r = process(path, extract)
    if r.error:
        raise r.error
    return r.docs


def read_text(text: str, source: str = "<text>", extract: bool = True) -> list[Document]:
    return process_page(Page(source=source, raw=text), extract)
