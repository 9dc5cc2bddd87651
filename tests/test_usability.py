"""A new user's first hour: make test with no Chromium, a taken port, piped output, error codes, progress."""

from __future__ import annotations

import ast
import os
import re
import socket
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES, jsonl, run_cli
from govlens import errors
from govlens.cli.net import DEFAULT_PORT, choose_port, port_free


def make(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env=os.environ | env)


# --- 1. browser tests never skipped silently ---------------------------------------------------------

def test_make_test_stops_when_chromium_is_missing():
    r = make("check-browser", "CHROMIUM=/nonexistent/chromium")
    assert r.returncode != 0
    assert "/nonexistent/chromium is missing" in r.stderr and "make browsers" in r.stderr


def test_make_test_requires_the_browser_suite():
    dry = make("-n", "test", "CHROMIUM=/usr/bin/true")
    assert "GOVLENS_REQUIRE_BROWSER=1" in dry.stdout
    assert "GOVLENS_REQUIRE_BROWSER=1" not in make("-n", "test", "CHROMIUM=/usr/bin/true",
                                                   GOVLENS_SKIP_BROWSER="1").stdout


def test_skipped_browser_suite_is_announced_and_fails_when_required():
    env = os.environ | {"GOVLENS_CHROMIUM": "/nonexistent/chromium"}
    env.pop("GOVLENS_REQUIRE_BROWSER", None)
    cmd = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "tests/test_browser.py"]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode in (0, 5)  # 5: the module skipped, nothing collected
    assert any("!! BROWSER TESTS NOT RUN !!" in line for line in r.stdout.splitlines()[-5:])
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120,
                       env=env | {"GOVLENS_REQUIRE_BROWSER": "1"})
    assert r.returncode != 0 and "BROWSER TESTS NOT RUN" in r.stdout


# --- 2. ports --------------------------------------------------------------------------------------

@pytest.fixture()
def taken():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen()
    yield s.getsockname()[1]
    s.close()


def test_an_explicit_taken_port_is_refused_before_any_url(taken, tmp_path):
    r = run_cli("serve", "--port", str(taken), "--db", str(tmp_path / "x.db"))
    assert r.returncode == 1
    assert f"[E017] 127.0.0.1:{taken}: port {taken} is taken" in r.stderr
    assert "http://" not in r.stderr + r.stdout


def test_demo_checks_the_port_before_ingesting(taken, tmp_path):
    r = run_cli("demo", "--port", str(taken), "--db", str(tmp_path / "x.db"))
    assert r.returncode == 1 and "[E017]" in r.stderr and "http://" not in r.stderr + r.stdout
    assert not (tmp_path / "x.db").exists()


def test_without_a_port_the_next_free_one_is_taken():
    held = []
    try:
        if port_free("127.0.0.1", DEFAULT_PORT):
            s = socket.socket()
            s.bind(("127.0.0.1", DEFAULT_PORT))
            s.listen()
            held.append(s)
        port, note = choose_port("127.0.0.1", None)
        assert port > DEFAULT_PORT and port_free("127.0.0.1", port)
        assert note == f"port {DEFAULT_PORT} is taken; using {port}"
    finally:
        for s in held:
            s.close()


def test_make_demo_passes_the_port():
    assert make("-n", "demo", "PORT=8123").stdout.strip().endswith("govlens demo --port 8123")
    assert make("-n", "demo").stdout.strip().endswith("govlens demo")


# --- 5. every error has a documented code ---------------------------------------------------------

def _error_classes() -> list[type]:
    import importlib
    import pkgutil

    import govlens

    for m in pkgutil.walk_packages(govlens.__path__, "govlens."):
        if not m.name.startswith(("govlens.web", "govlens.cli")) and not m.name.endswith("__main__"):
            importlib.import_module(m.name)
    seen, todo = [], [errors.GovlensError]
    while todo:
        c = todo.pop()
        seen.append(c)
        todo.extend(c.__subclasses__())
    return seen[1:]


def test_every_error_class_has_a_code_listed_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Errors"):]
    classes = _error_classes()
    assert len(classes) >= 17
    for c in classes:
        assert re.fullmatch(r"E0\d\d", c.code) and c.code != "E000", c
        assert f"| {c.code} |" in table, f"{c.__name__} ({c.code}) is not in the README's error table"


def test_no_error_is_raised_or_reported_without_a_code():
    """GovlensError itself (E000) is never instantiated, and report_error never gets a bare string."""
    for path in (ROOT / "src" / "govlens").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            assert name != "GovlensError", f"{path}:{node.lineno}: raise a subclass with its own code"
            if name == "report_error" and node.args:
                assert not isinstance(node.args[0], ast.Constant | ast.JoinedStr), f"{path}:{node.lineno}"


def test_parquet_without_out_is_a_usage_error(tmp_path):
    db = str(tmp_path / "x.db")
    assert run_cli("ingest", str(SAMPLES / "mingaln-2024-report.txt"), "--db", db).returncode == 0
    r = run_cli("export", "--db", db, "--format", "parquet")
    assert r.returncode == 1 and "[E014]" in r.stderr and "--out" in r.stderr
    r = run_cli("export", "--db", db, "--format", "xlsx")
    assert r.returncode == 1 and "error: [E014] --what documents|facts and --format csv|json|parquet" in r.stderr


# --- 5. piped output is whole ----------------------------------------------------------------------

def test_piped_tables_are_never_cut(tmp_path):
    quotes = [f["quote"] for f in jsonl(run_cli("extract", str(SAMPLES), "-f", "jsonl").stdout)]
    longest = max(quotes, key=len)
    assert len(longest) > 60
    r = run_cli("extract", str(SAMPLES))  # stdout is a pipe here
    assert r.returncode == 0 and longest in r.stdout and "…" not in r.stdout
    assert max(len(line) for line in r.stdout.splitlines()) > 120  # not folded to 80 columns


# --- 5. progress bars on a terminal, summaries after them -------------------------------------------

def on_terminal(*args: str) -> tuple[str, str]:
    """Run govlens with stderr on a pseudo-terminal (as in a shell) and stdout piped; (stdout, stderr)."""
    import pty

    master, slave = pty.openpty()
    env = os.environ | {"TERM": "xterm-256color", "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    p = subprocess.Popen([sys.executable, "-m", "govlens", *args], cwd=ROOT, stdout=subprocess.PIPE,
                         stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    stdout = p.communicate(timeout=120)[0]
    os.close(master)
    return stdout.decode(), b"".join(chunks).decode(errors="replace")


@pytest.mark.parametrize(("args", "label", "summary"), [
    (["docs", str(SAMPLES), "-f", "jsonl"], "reading", "5 files, 7 documents, 0 failed"),
    (["extract", str(SAMPLES), "-f", "jsonl"], "reading", " facts, 0 failed"),
    (["ingest", str(SAMPLES)], "ingest", "inserted 5, skipped 0, failed 0 of 5 files"),
    (["export", "-f", "csv", "--out", "{tmp}/facts.csv"], "export facts", "wrote "),
])
def test_progress_bar_then_summary(args, label, summary, tmp_path):
    db = tmp_path / "lib.db"
    if args[0] == "export":
        assert run_cli("ingest", str(SAMPLES), "--db", str(db)).returncode == 0
    stdout, stderr = on_terminal(*[a.format(tmp=tmp_path) for a in args], *(["--db", str(db)] if args[0] in (
        "ingest", "export") else []))
    assert label in stderr and "━" in stderr, stderr  # the bar was drawn
    assert summary in stderr, stderr
    assert stderr.rindex("━") < stderr.index(summary)  # and the summary came after it
    if args[0] in ("docs", "extract"):
        assert stdout.count("\n") > 5 and "━" not in stdout  # the data stays clean on stdout


# --- 6. what was cut is said, with the way to the rest ---------------------------------------------

def test_search_says_how_many_were_left_out(tmp_path):
    db = str(tmp_path / "lib.db")
    assert run_cli("ingest", str(SAMPLES), "--db", db).returncode == 0
    r = run_cli("search", "地区生产总值", "--db", db, "--limit", "1", "-f", "jsonl")
    total = int(re.search(r"1 of (\d+) matching documents shown; more with --limit", r.stderr).group(1))
    assert len(jsonl(r.stdout)) == 1 and total > 1
    r = run_cli("search", "地区生产总值", "--db", db, "--limit", str(total), "-f", "jsonl")
    assert len(jsonl(r.stdout)) == total and "shown" not in r.stderr


def test_demo_says_which_indicators_it_left_out(tmp_path):
    r = run_cli("demo", "--no-serve", "--db", str(tmp_path / "d.db"))
    assert r.returncode == 0
    m = re.search(r"the first 3 indicators of each document: (\d+) of (\d+); all of them: govlens extract", r.stdout)
    assert m and int(m.group(1)) < int(m.group(2))


def test_track_table_fills_every_column(tmp_path):
    db = str(tmp_path / "lib.db")
    assert run_cli("ingest", str(SAMPLES), "--db", db).returncode == 0
    rows = jsonl(run_cli("track", "--db", db, "-f", "jsonl").stdout)
    table = run_cli("track", "--db", db).stdout
    for rule in {r["rule"] for r in rows if r.get("rule")}:
        assert rule in table
