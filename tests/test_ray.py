"""Ray Data ingest: a local Ray (2 CPUs) gives the same store as the in-process executor."""

from __future__ import annotations

import os

import pytest

from conftest import CORPUS, SAMPLES, needs_shared, run_cli
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store

ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'govlens[ray]'") \
    if not os.environ.get("GOVLENS_REQUIRE_RAY") else __import__("ray")


def snapshot(target: str) -> list[dict]:
    """Everything stored, without the row ids that depend on the order of writing."""
    with open_store(target, readonly=True) as s:
        docs = []
        for d in s.all_documents():
            d.pop("id")
            d["glossary"] = [{k: v for k, v in g.items() if k != "doc_id"} for g in d["glossary"]]
            docs.append(d)
        return sorted(docs, key=lambda d: (d["source"], d["doc"]))


@pytest.fixture(scope="module")
def local_ray():
    from govlens import ray_ingest

    started = ray_ingest.start(workers=2)
    yield
    if started:
        ray.shutdown()


@needs_shared
def test_ray_and_in_process_ingest_store_the_same(tmp_path, local_ray):
    """The whole corpus (and the samples): documents, sections, glossary entries and facts identical."""
    files = sorted(walk([str(CORPUS), str(SAMPLES)]))
    a, b = str(tmp_path / "inprocess.db"), str(tmp_path / "ray.db")
    with open_store(a) as s:
        rep_a = ingest(s, files)
    with open_store(b) as s:
        rep_b = ingest(s, files, executor="ray", workers=2, batch=8)
    assert (rep_a.inserted, rep_a.failed, rep_a.documents, rep_a.facts) == \
        (rep_b.inserted, rep_b.failed, rep_b.documents, rep_b.facts)
    assert rep_b.inserted == len(files) and rep_b.documents > len(files)
    left, right = snapshot(a), snapshot(b)
    assert len(left) == len(right) == rep_a.documents
    assert sum(len(d["glossary"]) for d in left) > 0 and sum(len(d["facts"]) for d in left) > 1000
    for x, y in zip(left, right, strict=True):
        assert x == y, x["doc"]
    with open_store(b) as s:  # a second run skips everything, as in-process does
        rep = ingest(s, files, executor="ray", workers=2)
    assert (rep.inserted, rep.skipped) == (0, len(files))


def test_ray_errors_are_one_line_and_the_batch_goes_on(tmp_path, local_ray):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    with open_store(str(tmp_path / "r.db")) as s:
        rep = ingest(s, [str(bad), str(SAMPLES / "mingaln-2023-report.txt"), str(tmp_path / "missing.txt")],
                     executor="ray", workers=2)
        assert (rep.inserted, rep.failed) == (1, 2)
        assert {e.code for e in rep.errors} == {"E001", "E007"}
        assert s.stats()["documents"] == 1


def test_cli_rejects_an_unknown_executor(tmp_path):
    r = run_cli("ingest", str(SAMPLES), "--db", str(tmp_path / "x.db"), "--executor", "spark")
    assert r.returncode == 1 and "unknown executor 'spark'" in r.stderr and "Traceback" not in r.stderr


def test_without_ray_the_message_names_the_extra(tmp_path):
    import subprocess
    import sys

    code = ("import sys; sys.modules['ray'] = None; sys.argv = ['govlens', 'ingest', sys.argv[1], '--db', sys.argv[2], "
            "'--executor', 'ray']; from govlens.cli import main; main()")
    r = subprocess.run([sys.executable, "-c", code, str(SAMPLES), str(tmp_path / "y.db")], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 1 and "pip install 'govlens[ray]'" in r.stderr and "Traceback" not in r.stderr
