"""Every corpus file: at least one document, no exception, glossary found wherever one exists."""

from __future__ import annotations

import json
import re

from conftest import CORPUS, needs_shared

pytestmark = needs_shared


def test_whole_corpus_reads_and_extracts():
    from govlens.pipeline import process

    index = [json.loads(line) for line in (CORPUS / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(index) >= 150
    right = {"region": 0, "year": 0, "kind": 0}
    for entry in index:
        path = CORPUS / entry["file"]
        r = process(str(path), extract=True)
        assert r.error is None, (entry["file"], r.error)
        assert r.docs, entry["file"]
        raw = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(?:《[^》]+》)?[^。\n]{0,12}(?:名词解释|名词注释|注释)\s*$", raw, re.M):
            assert sum(len(d.glossary) for d in r.docs) >= 5, entry["file"]
        d = max(r.docs, key=lambda d: len(d.text))
        right["year"] += d.year == entry["year"]
        right["kind"] += d.kind == entry["kind"] or (entry["kind"] == "other" and d.kind in ("regulation", "news"))
        right["region"] += bool(d.region) and entry["region_zh"].endswith(d.region)
    # Floors: the corpus index is the label; these only move up.
    n = len(index)
    assert right["year"] >= 0.9 * n, right
    assert right["kind"] >= 0.9 * n, right
    assert right["region"] >= 0.97 * n, right
