"""The pipeline's two promises: each stage reads and writes only what it declares, and errors are per
document, not per file (one bad entry of a listing page does not drop the others)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections import defaultdict

import pytest

from conftest import ROOT, SEEDS, needs_shared
from govlens import pipeline as P
from govlens.errors import InternalError
from govlens.io.read import read_page
from govlens.model import Document, Page

FIELDS = tuple(f.name for f in dataclasses.fields(Document))
_FIELD_SET = frozenset(FIELDS)


class Traced(Document):
    """A document that notes every field a stage reads; writes are found by comparing before/after."""

    def __init__(self, doc: Document) -> None:
        for f in FIELDS:
            object.__setattr__(self, f, getattr(doc, f))
        object.__setattr__(self, "reads", set())

    def __getattribute__(self, name: str):
        if name in _FIELD_SET:
            object.__getattribute__(self, "reads").add(name)
        return object.__getattribute__(self, name)


def _snapshot(d: Document) -> dict[str, str]:
    return {f: repr(object.__getattribute__(d, f)) for f in FIELDS}


REPORT = (
    "2024年云溪市明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
    "一、2023年工作回顾\n全区地区生产总值512亿元，比上年增长5.6%[1]。新建公共停车位900个。\n"
    "二、2024年主要工作安排\n地区生产总值增长5.5%左右，新增“专精特新”企业30家。\n名词解释：\n[1]专精特新：专业化、精细化、特色化、新颖化。\n"
)


def _pages() -> list[Page]:
    pages = [Page(source="invented.txt", raw=REPORT)]
    if SEEDS.is_dir():
        pages += [read_page(str(p)) for p in sorted(SEEDS.glob("*.txt"))]
    return pages


def test_stages_read_and_write_only_what_they_declare():
    reads: dict[str, set[str]] = defaultdict(set)
    writes: dict[str, set[str]] = defaultdict(set)

    def run(stage: P.Stage, d: Document) -> Document:
        t = Traced(d)
        before = _snapshot(t)
        out = stage.fn(t)
        after = _snapshot(out)
        reads[stage.name] |= t.reads
        writes[stage.name] |= {f for f in FIELDS if before[f] != after[f]}
        return out

    for page in _pages():
        docs = []
        for d in P.page_to_docs(page):
            for st in P.DOC_STAGES:
                d = run(st, d)
            docs.append(d)
        for d in P.fill_from_siblings(docs):
            for st in P._extract_stages():
                d = run(st, d)
    problems = []
    for st in P.DOC_STAGES + P._extract_stages():
        if extra := reads[st.name] - set(st.requires) - set(st.assigns):
            problems.append(f"{st.name} reads {sorted(extra)} without declaring them")
        if extra := writes[st.name] - set(st.assigns):
            problems.append(f"{st.name} writes {sorted(extra)} without declaring them")
        if unused := set(st.requires) - reads[st.name]:
            problems.append(f"{st.name} declares {sorted(unused)} but never reads them")
    assert not problems, problems
    assert P.check(P.DOC_STAGES + P._extract_stages()) == []


def test_check_names_a_stage_whose_input_nothing_assigns():
    stages = [P.Stage("early_sections", P.DOC_STAGES[-1].fn, ("text", "year"), ("sections",))]
    assert P.check(stages) == ["stage early_sections requires ['year'] which nothing before it assigns"]


LISTING = ROOT / "src" / "govlens" / "samples" / "mingaln-listing.html"  # two invented reports on one page


def _fails_on_xibei(doc: Document) -> Document:
    if "溪北县" in doc.text:
        raise ZeroDivisionError("division by zero")
    return doc


def test_one_failing_document_keeps_the_others_of_its_page():
    clean = P.process_page(read_page(str(LISTING)), extract=True, errors=[])
    assert len(clean) == 2 and any("溪北县" in d.text for d in clean)
    errors: list = []
    stages = [*P.DOC_STAGES, P.Stage("fragile", _fails_on_xibei, ("text",), ())]
    docs = P.process_page(read_page(str(LISTING)), extract=True, errors=errors, doc_stages=stages)
    assert len(docs) == 1 and "明澜区" in docs[0].title
    assert any(f.type == "indicator" for f in docs[0].facts)  # the other document was extracted in full
    (e,) = errors
    assert isinstance(e, InternalError) and e.source == str(LISTING)
    assert "document 2 of 2" in str(e) and "fragile" in str(e) and "ZeroDivisionError" in str(e)
    # Without an error list the failure is raised (library use), never swallowed.
    with pytest.raises(ZeroDivisionError):
        P.process_page(read_page(str(LISTING)), errors=None, doc_stages=stages)


@needs_shared
def test_extract_cli_reports_no_document_errors_on_the_seeds():
    r = subprocess.run([sys.executable, "-m", "govlens", "extract", str(SEEDS), "--format", "jsonl"],
                       capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "document " not in r.stderr
