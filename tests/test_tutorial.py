"""docs/TUTORIAL.md works as written: each govlens command in it runs on the bundled samples, the DuckDB
query returns the rows shown, and every screenshot it shows exists."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES

TUTORIAL = ROOT / "docs" / "TUTORIAL.md"


def commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", TUTORIAL.read_text(encoding="utf-8"), re.S)
    lines = [re.sub(r"\s+#.*", "", line).strip() for b in blocks for line in b.splitlines()]
    return [line for line in lines if line.startswith("govlens ") and not line.startswith("govlens serve")]


def test_screenshots_exist():
    shots = re.findall(r"\]\((screenshots/[^)]+)\)", TUTORIAL.read_text(encoding="utf-8"))
    assert {"screenshots/track.png", "screenshots/home.png"} <= set(shots)
    for s in shots:
        assert (TUTORIAL.parent / s).stat().st_size > 10_000, s


def test_every_command_runs(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    for f in [*SAMPLES.glob("*.txt"), *SAMPLES.glob("*.html")]:
        shutil.copy(f, reports)
    cmds = commands()
    assert len(cmds) >= 8 and any("--format parquet" in c for c in cmds)
    for c in cmds:
        r = subprocess.run([sys.executable, "-m", "govlens", *shlex.split(c)[1:]], cwd=tmp_path,
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, (c, r.stderr)
        assert "Traceback" not in r.stderr
    track = subprocess.run([sys.executable, "-m", "govlens", "track", "--db", "reports.db", "--region", "云溪市明澜区",
                            "--metric", "地区生产总值"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert "+6.2%" in track.stdout and "met" in track.stdout and "growth" in track.stdout
    duckdb = pytest.importorskip("duckdb")
    rows = duckdb.sql(f"SELECT period, kind, value, change FROM '{tmp_path / 'indicators.parquet'}' "
                      "WHERE region = '云溪市明澜区' AND metric_key = 'gdp' ORDER BY period, kind").fetchall()
    assert ("2023", "actual", 1206.0, 6.2) in rows and ("2023", "target", None, 6.0) in rows
