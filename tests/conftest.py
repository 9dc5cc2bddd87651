"""Shared fixtures. ``../shared`` (seeds and corpus) sits beside the project in CI and on dev machines."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def serving(app) -> Iterator[str]:
    """A real uvicorn server for ``app`` on a free loopback port, in a thread; yields its base URL."""
    import threading
    import time

    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


# --- stores: every store test runs on SQLite and on a throwaway PostgreSQL -------------------------

BACKENDS = ["sqlite", "postgres"]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL server for the session (Debian's package); skipped when it is not installed,
    unless GOVLENS_REQUIRE_POSTGRES=1 (CI), where a missing server fails."""
    import os

    from pgserver import binaries, throwaway_postgres

    try:
        import psycopg
    except ImportError:
        psycopg = None
    if binaries() is None or psycopg is None:
        if os.environ.get("GOVLENS_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL (apt postgresql) and psycopg (govlens[postgres]) are required")
        pytest.skip("PostgreSQL or psycopg not installed")
    with throwaway_postgres() as server:
        yield server
        from govlens.store.postgres import close_pools

        close_pools()


_TABLES = "sources, documents, sections, glossary, facts, users, sessions, submissions"


def new_target(request, backend: str, path: Path, shared: bool = True) -> str:
    """An empty store of ``backend``: a file under ``path``, or a PostgreSQL database (``shared``: one
    database per session, emptied for each test; else a database of its own)."""
    if backend == "sqlite":
        return str(path / "lib.db")
    from pgserver import fresh_database

    server = request.getfixturevalue("pg_server")
    if not shared:
        return fresh_database(server)
    target = getattr(new_target, "shared", None)
    if target is None:
        target = new_target.shared = fresh_database(server)
    from govlens.store import open_store

    with open_store(target) as s:  # creates the schema the first time
        s._run(f"TRUNCATE {_TABLES} RESTART IDENTITY CASCADE")
    return target


@pytest.fixture(params=BACKENDS)
def store_target(request, tmp_path) -> str:
    """The address of an empty store, once per backend."""
    return new_target(request, request.param, tmp_path)


def pytest_terminal_summary(terminalreporter) -> None:
    """A skipped browser suite is one "s" among hundreds of dots: say it loudly at the end instead."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "BROWSER TESTS NOT RUN" in str(r.longrepr)]
    if skipped:
        terminalreporter.write_sep("!", "BROWSER TESTS NOT RUN", red=True, bold=True)
        terminalreporter.write_line(str(skipped[0].longrepr[-1]), red=True)
        terminalreporter.write_line("make test refuses this; install Chromium with `make browsers` (see README, Tests)",
                                    red=True)
