"""The compiled-regex cache (govlens/_recache.py) changes nothing but start-up time: every pattern it serves
equals the one re compiles (same engine code, flags and groups), the output of `extract` is the same bytes
with and without it, and a missing, damaged or unwritable cache is only a slower start. Timing lives in
benchmarks/."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT

# Invented text (regions and figures made up).
TEXT = (
    "青禾县2024年政府工作报告\n"
    "一、2023年工作回顾\n"
    "全县地区生产总值达到231.5亿元，增长6.2%；一般公共预算收入12.4亿元，同比增长3.1%。\n"
    "二、2024年主要目标\n"
    "地区生产总值增长6%左右，城镇调查失业率控制在5.5%以内。\n"
)

# Run in a fresh interpreter: import what `govlens extract` imports, then report on the cache.
PROBE = """
import json, marshal, sys
import govlens, govlens.stages.indicators, govlens.cli
from govlens import _recache as r
bad = [p for (p, f), a in r._table.items() if r._sre.compile(p, *marshal.loads(a)) != r._original(p, f)]
print(json.dumps({"installed": r._compiler.compile is r._compile, "entries": len(r._table),
                  "dirty": r._state["dirty"], "bad": bad[:3]}))
"""


def _probe(env: dict[str, str]) -> dict:
    import json

    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, **env}, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _extract(path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "govlens", "extract", str(path), "--format", "jsonl"],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env}, timeout=120)


def test_second_run_compiles_nothing_and_every_served_pattern_equals_re(tmp_path):
    env = {"GOVLENS_CACHE_DIR": str(tmp_path / "c"), "GOVLENS_RE_CACHE": "1"}
    first = _probe(env)
    assert first["installed"] and first["dirty"] and first["entries"] > 100
    files = list((tmp_path / "c").iterdir())
    assert len(files) == 1 and files[0].suffix == ".marshal"
    second = _probe(env)
    assert second["installed"] and not second["dirty"]  # every pattern came from the file
    assert second["entries"] == first["entries"]
    assert second["bad"] == []  # Pattern equality compares the engine code byte for byte


def test_same_bytes_with_and_without_the_cache(tmp_path):
    page = tmp_path / "report.txt"
    page.write_text(TEXT, encoding="utf-8")
    cache = {"GOVLENS_CACHE_DIR": str(tmp_path / "c"), "GOVLENS_RE_CACHE": "1"}
    plain = _extract(page, {"GOVLENS_RE_CACHE": "0"})
    cold, warm = _extract(page, cache), _extract(page, cache)
    assert plain.returncode == cold.returncode == warm.returncode == 0, plain.stderr
    assert '"增长"' in plain.stdout or "6.2" in plain.stdout
    assert plain.stdout == cold.stdout == warm.stdout


def test_damaged_or_unwritable_cache_is_only_slower(tmp_path):
    page = tmp_path / "report.txt"
    page.write_text(TEXT, encoding="utf-8")
    want = _extract(page, {"GOVLENS_RE_CACHE": "0"}).stdout
    d = tmp_path / "c"
    _probe({"GOVLENS_CACHE_DIR": str(d), "GOVLENS_RE_CACHE": "1"})
    (f,) = d.iterdir()
    f.write_bytes(b"\x00not a marshal file" * 10)
    got = _extract(page, {"GOVLENS_CACHE_DIR": str(d), "GOVLENS_RE_CACHE": "1"})
    assert got.returncode == 0 and got.stdout == want and got.stderr == ""
    assert _probe({"GOVLENS_CACHE_DIR": str(d), "GOVLENS_RE_CACHE": "1"})["dirty"] is False  # rewritten whole
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    got = _extract(page, {"GOVLENS_CACHE_DIR": str(blocker / "sub"), "GOVLENS_RE_CACHE": "1"})
    assert got.returncode == 0 and got.stdout == want and got.stderr == ""


def test_errors_and_flags_as_re_has_them():
    from govlens import _recache as r

    for bad in ("[一-", "(?P<a>x)(?P<a>y)", "增长(", b"(?<=a+)b"):
        try:
            r._compile(bad)
        except re.error as e:
            assert str(e)
        else:
            raise AssertionError(f"{bad!r} compiled")
    rx = r._compile(r"(?P<v>\d+(?:\.\d+)?)(?P<u>亿元|%)", re.I)
    assert rx == re.compile(r"(?P<v>\d+(?:\.\d+)?)(?P<u>亿元|%)", re.I)
    assert rx.flags & re.I and rx.groupindex == {"v": 1, "u": 2}
    assert rx.findall("增长6.2%，收入12亿元") == [("6.2", "%"), ("12", "亿元")]
    assert r._compile(b"a|b").pattern == b"a|b"


def test_only_govlens_patterns_are_kept():
    """A pattern compiled by another module (a library, a test) is compiled by re as before and never
    stored: the file holds govlens' own start-up, not whatever else ran in the process."""
    from govlens import _recache as r

    pattern = "青禾县(?:第[一二三]|东湖)片区测试模式"
    re.compile(pattern)
    assert (pattern, 0) not in r._table
