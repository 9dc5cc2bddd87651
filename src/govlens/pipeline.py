"""The pipeline, listed in one place.

Page stages turn one input into documents; document stages are ``Document -> Document`` functions
that each declare what they need and what they add (:func:`check` verifies the order). Every stage
is pure (no I/O, no globals that change), so the same list can run inside Ray ``map_batches``
unchanged; the Ray runner itself is not written yet. A failing input records its error and the batch
goes on; inside one input, a document whose stages fail is left out with its own error and the other
documents of the page go on (errors per document, not per file).

``tests/test_pipeline.py`` runs every stage on real pages with a document that records what it reads
and writes, and checks both against the stage's declared ``requires`` and ``assigns``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .errors import GovlensError, InternalError
from .io.read import page_warnings, read_page
from .model import Document, Page
from .stages.cap import cap_documents
from .stages.glossary import parse_glossary, strip_markers
from .stages.metadata import fill_from_siblings, metadata
from .stages.normalize import normalize
from .stages.sections import sections
from .stages.split import split

VERSION = "176"  # bump when output changes, so stores re-extract


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
        Stage("glossary_facts", _glossary_facts, ("text", "glossary"), ("facts",)),
        Stage("indicators", indicators, ("text", "sections", "glossary", "year", "kind", "region", "title"), ("facts",)),
        Stage("projects", projects, ("text", "facts", "region"), ("facts",)),
        Stage("programmes", programmes, ("text", "facts", "glossary", "region"), ("facts",)),
        Stage("validate", validate, ("text", "facts"), ("facts", "warnings")),
    ]


# What split() gives every document before the document stages run.
FROM_SPLIT = ("id", "source", "text", "offsets", "header", "origin", "title")

DOC_STAGES: list[Stage] = [
    Stage("strip_markers", strip_markers, ("text", "offsets"), ("markers", "text", "offsets")),
    Stage("glossary", parse_glossary, ("text", "markers"), ("glossary",)),
    Stage("metadata", metadata, ("text", "header", "glossary", "origin", "title"),
          ("title", "region", "level", "region_code", "region_path", "region_source", "year", "year_source", "kind",
           "date", "issuer", "index_no", "doc_no")),
    # year: a plan heading names the report's year; kind: a work report presenting next year's plan (year_end_report)
    Stage("sections", sections, ("text", "year", "kind"), ("sections",)),
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
    have = set(FROM_SPLIT)
    out = []
    for st in stages:
        missing = [r for r in st.requires if r not in have]
        if missing:
            out.append(f"stage {st.name} requires {missing} which nothing before it assigns")
        have.update(st.assigns)
    return out


def page_to_docs(page: Page) -> list[Document]:
    return cap_documents(split(normalize(page)))


def run_doc(doc: Document, stages: list[Stage] | None = None) -> Document:
    for st in DOC_STAGES if stages is None else stages:
        doc = st.fn(doc)
    return doc


def _doc_error(page: Page, k: int, n: int, doc: Document, stage: str, e: Exception) -> GovlensError:
    if isinstance(e, GovlensError):
        return type(e)(f"document {k + 1} of {n} ({doc.title or doc.id}): {e.message}", page.source)
    return InternalError(f"document {k + 1} of {n} ({doc.title or doc.id}): internal error in stage {stage}: "
                         f"{type(e).__name__}: {e} (GOVLENS_DEBUG=1 shows where)", page.source)


def _run(docs: list[Document], stages: list[Stage], page: Page, n: int, index: dict[str, int],
         errors: list[GovlensError] | None) -> list[Document]:
    """Each document through ``stages``; one that fails is left out (its error recorded), the rest go on."""
    kept = []
    for d in docs:
        st = stages[0] if stages else None
        try:
            for st in stages:
                d = st.fn(d)
            kept.append(d)
        except Exception as e:
            if os.environ.get("GOVLENS_DEBUG") or errors is None:
                raise
            errors.append(_doc_error(page, index.get(d.id, -1), n, d, st.name if st else "?", e))
    return kept


@dataclass(slots=True)
class Result:
    source: str
    docs: list[Document]
    error: GovlensError | None = None
    chars: int = 0
    warnings: list[str] = field(default_factory=list)  # the input was read, with damage worth saying
    doc_errors: list[GovlensError] = field(default_factory=list)  # documents left out, the others kept


def process_page(page: Page, extract: bool = False, errors: list[GovlensError] | None = None,
                 doc_stages: list[Stage] | None = None) -> list[Document]:
    """The documents of one page through the stages. With ``errors`` given, a document whose stages
    fail is left out and its error (naming the document) appended, and the page's other documents go
    on: one bad entry of a listing must not drop the other nine. Without it, the failure is raised."""
    docs = page_to_docs(page)
    index = {d.id: k for k, d in enumerate(docs)}
    n = len(docs)
    docs = _run(docs, DOC_STAGES if doc_stages is None else doc_stages, page, n, index, errors)
    docs = fill_from_siblings(docs)
    if extract:
        docs = _run(docs, _extract_stages(), page, n, index, errors)
    return docs


def process(path: str, extract: bool = False) -> Result:
    """Read one input and run it through the pipeline; user-facing errors are returned, not raised."""
    try:
        page = read_page(path)
        errors: list[GovlensError] = []
        docs = process_page(page, extract, errors)
        return Result(path, docs, chars=len(page.raw), warnings=page_warnings(page), doc_errors=errors)
    except GovlensError as e:
        return Result(path, [], e)
    except Exception as e:  # a bug of ours: one line for the user, the traceback with GOVLENS_DEBUG=1
        if os.environ.get("GOVLENS_DEBUG"):
            raise
        return Result(path, [], InternalError(f"internal error {type(e).__name__}: {e} (GOVLENS_DEBUG=1 shows where)", path))


def process_streaming(path: str, extract: bool = False) -> Result:
    """:func:`process`, but with ``extract`` the documents' facts are extracted one document at a time
    as ``docs`` (then an iterator) is consumed: a caller that writes each document out and lets it go
    holds the facts of one document at a time, not of the whole file. Errors of documents left out are
    appended to ``doc_errors`` as they happen."""
    r = process(path, extract=False)
    if r.error or not extract:
        return r
    r.docs = _extract_each(r.docs, r)  # type: ignore[assignment]
    return r


def _extract_each(docs: list[Document], r: Result) -> Iterator[Document]:
    stages, n = _extract_stages(), len(docs)
    index = {d.id: k for k, d in enumerate(docs)}
    page = Page(source=r.source, raw="")
    docs.reverse()
    while docs:
        yield from _run([docs.pop()], stages, page, n, index, r.doc_errors)


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
