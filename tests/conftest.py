"""Shared fixtures. ``../shared`` (seeds and corpus) sits beside the project in CI and on dev machines."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
SAMPLES = ROOT / "src" / "govlens" / "samples"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared is not beside the project")


def run_cli(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real command line, in a subprocess, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "govlens", *args], capture_output=True, text=True,
                          input=input, timeout=300, cwd=ROOT)


def jsonl(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@cache
def seed_docs(name: str, extract: bool = True):
    from govlens.pipeline import process

    r = process(str(SEEDS / name), extract=extract)
    assert r.error is None, r.error
    return r.docs


def seed(prefix: str) -> str:
    return next(p.name for p in SEEDS.iterdir() if p.name.startswith(prefix))
