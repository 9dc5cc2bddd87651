"""Several worker processes change nothing a user sees: the same bytes on stdout, the same error lines,
the same exit code and the same store as one process, bad files included (one line each, batch goes on).
Timing is measured in benchmarks/, never here."""

from __future__ import annotations

import pickle
import shutil
import sqlite3

import pytest

from conftest import SAMPLES, needs_shared, run_cli
from govlens import parallel
from govlens.errors import InternalError, NotFound

# Invented reports (regions and figures made up), a few paragraphs each, so one batch has several inputs.
REPORT = (
    "{region}{year}年政府工作报告\n"
    "一、{prev}年工作回顾\n"
    "过去一年，全{unit}地区生产总值达到{gdp}亿元，增长{g}%；一般公共预算收入{rev}亿元，增长{r}%。\n"
    "新增城镇就业{jobs}人，城镇调查失业率控制在5.{u}%以内。\n"
    "二、{year}年主要目标\n"
    "地区生产总值增长{t}%左右，固定资产投资增长8%以上，居民人均可支配收入与经济增长同步。\n"
)


def _write_batch(d):
    regions = [("青禾县", "县"), ("白石区", "区"), ("云岭市", "市"), ("南屿县", "县"), ("北泽区", "区")]
    for k, (region, unit) in enumerate(regions):
        year = 2019 + k
        (d / f"r{k}.txt").write_text(REPORT.format(
            region=region, unit=unit, year=year, prev=year - 1, gdp=100 + 17 * k, g=5 + k % 3, rev=9 + k,
            r=3 + k, jobs=1200 + 50 * k, u=k, t=6 - k % 2), encoding="utf-8")
    for s in SAMPLES.iterdir():  # our invented samples: a listing page, Big5 text, a news page
        if s.suffix in (".txt", ".html"):
            shutil.copy(s, d / s.name)
    (d / "zz-empty.txt").write_bytes(b"")  # bad files inside the batch, one line each
    (d / "zz-image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (d / "a-broken.html").write_text("<html><body><div><p>", encoding="utf-8")


@pytest.mark.parametrize(("cmd", "fmt"), [("extract", "jsonl"), ("docs", "jsonl"), ("extract", "table"),
                                          ("docs", "table")])
def test_same_output_with_one_and_two_workers(tmp_path, cmd, fmt):
    _write_batch(tmp_path)
    missing = str(tmp_path / "nowhere.txt")
    one = run_cli(cmd, str(tmp_path), missing, "--format", fmt, "--workers", "1")
    two = run_cli(cmd, str(tmp_path), missing, "--format", fmt, "--workers", "2")
    assert "Traceback" not in one.stderr + two.stderr
    assert one.returncode == two.returncode == 1  # the bad files fail the batch either way
    assert len(one.stdout) > 1000
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    errs = [ln for ln in two.stderr.splitlines() if ln.startswith("error:")]
    assert len(errs) == 4, two.stderr  # empty, binary, body-less HTML, missing: one line each
    for name in ("zz-empty.txt", "zz-image.txt", "a-broken.html", "nowhere.txt"):
        assert sum(name in ln for ln in errs) == 1


def test_default_on_a_small_batch_is_one_process_and_the_same(tmp_path):
    _write_batch(tmp_path)
    default = run_cli("extract", str(tmp_path), "--format", "jsonl")
    two = run_cli("extract", str(tmp_path), "--format", "jsonl", "--workers", "2")
    assert default.stdout == two.stdout and default.returncode == two.returncode == 1


def test_one_file_and_a_directory_of_one_file(tmp_path):
    _write_batch(tmp_path)
    one_dir = tmp_path / "one"
    one_dir.mkdir()
    shutil.copy(tmp_path / "r1.txt", one_dir / "r1.txt")
    a = run_cli("extract", str(one_dir), "--format", "jsonl", "--workers", "4")
    b = run_cli("extract", str(one_dir / "r1.txt"), "--format", "jsonl", "--workers", "1")
    assert a.returncode == b.returncode == 0 and a.stdout and a.stdout == b.stdout
    empty = tmp_path / "nothing"
    empty.mkdir()
    r = run_cli("extract", str(empty), "--format", "jsonl", "--workers", "2")
    assert r.returncode == 1 and "Traceback" not in r.stderr and "no readable files" in r.stderr


def test_workers_must_be_positive():
    r = run_cli("extract", str(SAMPLES), "--workers", "0")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_a_document_failing_in_a_worker_leaves_its_siblings(tmp_path, monkeypatch, capsys):
    """A stage that fails on one document (patched before the fork, so the workers inherit it) leaves that
    document out with its own error line, the same in one process and in two."""
    from govlens.cli.extract import extract_command
    from govlens.stages import projects as projects_module

    real = projects_module.projects

    def fragile(doc):
        if "北泽区" in doc.text:
            raise ValueError("invented failure")
        return real(doc)

    monkeypatch.setattr(projects_module, "projects", fragile)
    _write_batch(tmp_path)
    outs = []
    for w in (1, 2):
        rc = extract_command([str(tmp_path)], fmt="jsonl", workers=w)
        o = capsys.readouterr()
        outs.append((rc, o.out, o.err))
    assert outs[0] == outs[1]
    rc, out, errtext = outs[0]
    assert rc == 1 and "r3.txt" in out and "r4.txt" not in out
    assert sum("r4.txt" in ln and "invented failure" in ln for ln in errtext.splitlines()) == 1


def _rows(db):
    con = sqlite3.connect(db)
    try:
        tables = [t for (t,) in con.execute("select name from sqlite_master where type='table' and name in "
                                            "('sources', 'documents', 'facts', 'sections')")]
        out = {}
        for t in tables:
            cols = [c[1] for c in con.execute(f"pragma table_info({t})") if "at" not in c[1].split("_")]
            out[t] = con.execute(f"select {', '.join(cols)} from {t} order by rowid").fetchall()
        return out
    finally:
        con.close()


def test_ingest_with_workers_stores_what_one_process_stores(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    _write_batch(src)
    dup = str(src / "r2.txt")  # the same bytes twice in one batch: stored once, then skipped
    reports = []
    for w in (1, 2):
        db = str(tmp_path / f"w{w}.db")
        r = run_cli("ingest", str(src), dup, "--db", db, "--workers", str(w))
        assert "Traceback" not in r.stderr
        *errs, last = r.stderr.splitlines()
        reports.append((r.returncode, errs, last.split(" chars/s")[0].rsplit(";", 1)[0]))  # no rate, no db
    assert reports[0] == reports[1]
    assert reports[0][0] == 1 and len(reports[0][1]) == 3 and "skipped 1, failed 3" in reports[0][2]
    one, two = _rows(str(tmp_path / "w1.db")), _rows(str(tmp_path / "w2.db"))
    assert set(one) >= {"sources", "documents", "facts"} and len(one["facts"]) > 20
    assert one == two
    again = run_cli("ingest", str(src), "--db", str(tmp_path / "w2.db"), "--workers", "2")
    assert "inserted 0, skipped" in again.stderr


def test_plan_uses_workers_only_when_it_pays(tmp_path):
    small = []
    for k in range(3):
        f = tmp_path / f"s{k}.txt"
        f.write_text("短文本。", encoding="utf-8")
        small.append(str(f))
    assert parallel.plan(small, None) == 1  # too little text to pay for a fork
    assert parallel.plan(small, 1) == 1
    assert parallel.plan(small, 2) == 2  # asked for: used
    assert parallel.plan(small, 16) == 3  # never more processes than inputs
    assert parallel.plan(small[:1], 8) == 1
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * parallel.MIN_BYTES)
    assert parallel.plan([*small, str(big)], None) == min(parallel.cores(), parallel.MAX_WORKERS, 4)


def test_errors_cross_the_process_boundary_whole():
    for e in (NotFound("no such file", "/tmp/x.txt"), InternalError("internal error ValueError: y", "a.html")):
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is type(e) and str(back) == str(e) and back.source == e.source


def test_ordered_map_keeps_input_order():
    got = list(parallel.ordered_map(_slow_square, range(23), 2))
    assert got == [k * k for k in range(23)]


def _slow_square(k: int) -> int:
    import time

    time.sleep(0.01 * (k % 3))  # later items often finish first
    return k * k


def test_urls_in_a_batch_come_back_in_order(tmp_path):
    """URLs are fetched by the workers like files are read: same output, a missing page one line."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    _write_batch(tmp_path)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        args = [f"{base}/r0.txt", f"{base}/gone.txt", str(tmp_path / "r1.txt"), f"{base}/mingaln-listing.html"]
        one = run_cli("extract", *args, "--format", "jsonl", "--workers", "1")
        two = run_cli("extract", *args, "--format", "jsonl", "--workers", "2")
    finally:
        server.shutdown()
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stdout.count("\n") > 10
    assert one.stderr == two.stderr and one.stderr.count("gone.txt") == 1 and "404" in one.stderr


def test_a_worker_that_dies_leaves_the_rest_to_this_process(tmp_path, monkeypatch, capsys):
    """A worker killed mid-input (memory, a crash in a C library: here it exits on one invented report)
    breaks the pool; that input and the rest run in this process, output unchanged, one warning line."""
    import os

    from govlens.cli.extract import extract_command
    from govlens.stages import projects as projects_module

    real, parent = projects_module.projects, os.getpid()

    def dies_in_a_worker(doc):
        if "南屿县" in doc.text and os.getpid() != parent:
            os._exit(3)
        return real(doc)

    monkeypatch.setattr(projects_module, "projects", dies_in_a_worker)
    _write_batch(tmp_path)
    rc1 = extract_command([str(tmp_path)], fmt="jsonl", workers=1)
    one = capsys.readouterr()
    rc2 = extract_command([str(tmp_path)], fmt="jsonl", workers=2)
    two = capsys.readouterr()
    assert rc1 == rc2 == 1  # the bad files of the batch
    assert two.out == one.out and "r3.txt" in one.out
    assert two.err.count("worker process died") == 1
    assert [ln for ln in two.err.splitlines() if "worker process died" not in ln] == one.err.splitlines()


@needs_shared
def test_ctrl_c_stops_the_workers_quietly():
    """Ctrl-C (SIGINT to the whole process group, as a terminal sends it) mid-batch: exit 130, no
    traceback from the parent or any worker, no worker left behind."""
    import os
    import signal
    import subprocess
    import sys

    from conftest import CORPUS, ROOT

    p = subprocess.Popen([sys.executable, "-m", "govlens", "extract", str(CORPUS), str(CORPUS), "--format", "jsonl",
                          "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                         start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert p.stdout.readline()  # the workers are running
    os.killpg(p.pid, signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130 and "Traceback" not in err, err
    left = subprocess.run(["pgrep", "-g", str(p.pid)], capture_output=True, text=True)
    assert not left.stdout.strip()
