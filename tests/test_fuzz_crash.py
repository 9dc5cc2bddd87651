"""Crash safety, short form: SIGKILL during `govlens ingest` 5 times (scripts/killtest.py runs 50)."""

from __future__ import annotations

import sys

from conftest import CORPUS, ROOT, needs_shared

sys.path.insert(0, str(ROOT / "scripts"))
import killtest


@needs_shared
def test_sigkill_during_ingest_loses_and_duplicates_nothing(capsys):
    assert killtest.run(kills=5, n_files=3, seed=1, corpus=CORPUS) == 0
    out = capsys.readouterr().out
    assert "5 kills" in out and "0 failures" in out and "integrity ok" in out
