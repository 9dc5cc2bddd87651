"""User-facing messages are taken literally (no Rich markup, no emoji codes) and JSON Lines output has
no character a line-splitting reader takes for a line end."""

from __future__ import annotations

import io
import json

import pytest

from conftest import SAMPLES, jsonl, run_cli
from govlens.cli import common

NAMES = ["list[/x].html", "p[bold]q.txt", "a:thumbs_up:b[red].txt", "x[/]y[link=http://e]z.txt"]


def test_bracketed_names_neither_crash_the_batch_nor_are_eaten(tmp_path):
    good = (SAMPLES / "mingaln-2024-report.txt").read_bytes()
    paths = []
    for n in NAMES:
        p = tmp_path / n
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(good)
        paths.append(str(p))
    missing = str(tmp_path / "gone[/red].txt")
    r = run_cli("docs", missing, *paths, "--format", "jsonl")
    assert "Traceback" not in r.stderr
    assert r.returncode == 1
    assert f"{missing}: no such file" in r.stderr
    assert len({d["source"] for d in jsonl(r.stdout)}) == len(NAMES)


@pytest.mark.parametrize("message", [
    "pip install 'govlens[web]'", "a[/x]b", "[bold]q[/bold]", ":thumbs_up: [link=x]y[/link]", "\\[z]",
])
def test_report_error_prints_the_message_as_written(message, monkeypatch):
    buf = io.StringIO()
    monkeypatch.setattr(common, "err", common.Console(file=buf, highlight=False, markup=False, emoji=False,
                                                       width=200))
    common.report_error(message)
    assert buf.getvalue() == f"error: {message}\n"


def test_the_shared_consoles_do_not_parse_markup():
    for console in (common.err, common.out):
        with console.capture() as cap:
            console.print("a[/x]b [bold]c :smile:")
        assert cap.get() == "a[/x]b [bold]c :smile:\n"


@pytest.mark.parametrize("sep", ["\u2028", "\u2029", "\u0085"])
def test_jsonl_escapes_unicode_line_breaks(sep):
    obj = {"text": f"上{sep}下", "n": 1}
    line = common.jsonl_line(obj)
    assert sep not in line and len(line.splitlines()) == 1
    assert json.loads(line) == obj


def test_docs_jsonl_is_one_record_per_line(tmp_path):
    text = (SAMPLES / "mingaln-2024-report.txt").read_text(encoding="utf-8")
    f = tmp_path / "seps.txt"
    f.write_text(text.replace("，", "，\u2028", 3).replace("。", "。\u0085", 2), encoding="utf-8")
    r = run_cli("docs", str(f), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()  # str.splitlines splits at U+2028/U+0085 too
    assert lines and all(json.loads(ln) for ln in lines)
