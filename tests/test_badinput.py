"""Bad input: one clear line naming the file and the reason, the rest of the batch goes on, exit 1."""

from __future__ import annotations

import os

from conftest import SAMPLES, jsonl, run_cli


def _lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.strip()]


def test_each_bad_file_fails_alone(tmp_path):
    good = SAMPLES / "mingaln-2024-report.txt"
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "broken.html").write_text("<html><body><div><p>", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:  # sparse: 500 MB on paper, nothing on disk
        f.truncate(500 * 1024 * 1024)
    r = run_cli("docs", str(tmp_path / "empty.txt"), str(good), str(tmp_path / "image.txt"),
                str(tmp_path / "broken.html"), str(tmp_path / "scan.pdf"), str(huge), "--format", "jsonl")
    assert r.returncode == 1
    docs = jsonl(r.stdout)
    assert [d["doc"] for d in docs] == ["mingaln-2024-report.txt"]
    errs = _lines(r.stderr)
    assert len(errs) == 5, r.stderr
    assert "Traceback" not in r.stderr
    for name, reason in [("empty.txt", "empty"), ("image.txt", "binary"), ("broken.html", "no body text"),
                         ("scan.pdf", "PDF"), ("huge.txt", "too large")]:
        line = next(ln for ln in errs if name in ln)
        assert reason in line, line


def test_undecodable_bytes(tmp_path):
    bad = tmp_path / "noise.txt"
    bad.write_bytes(bytes([0x81, 0x30, 0xFF, 0xFE, 0xFD]) * 500)
    r = run_cli("docs", str(bad), "--format", "jsonl")
    assert r.returncode == 1
    assert "noise.txt" in r.stderr and "Traceback" not in r.stderr


def test_directory_with_no_documents(tmp_path):
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    r = run_cli("docs", str(tmp_path), "--format", "jsonl")
    assert r.returncode == 1
    assert "no readable files" in r.stderr and r.stdout == ""


def test_only_chrome_is_no_document(tmp_path):
    page = tmp_path / "nav.txt"
    page.write_text("设为首页\n收藏本站\n登录 | 注册\n共 28 页\n1 2 3 尾页\n", encoding="utf-8")
    r = run_cli("docs", str(page), "--format", "jsonl")
    assert r.returncode == 1
    assert "[E009]" in r.stderr and "nav.txt" in r.stderr


def test_wrong_flags_are_a_usage_error_not_a_traceback():
    r = run_cli("docs", "x.txt", "--format", "yaml")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and "yaml" in r.stderr
    r = run_cli("extract", "--no-such-flag")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_missing_file(tmp_path):
    r = run_cli("extract", str(tmp_path / "nope.txt"), "--format", "jsonl")
    assert r.returncode == 1 and "[E007]" in r.stderr


def test_max_bytes_is_configurable(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_text("各位代表：" * 100, encoding="utf-8")
    env = dict(os.environ, GOVLENS_MAX_BYTES="100")
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "govlens", "docs", str(f)], capture_output=True, text=True, env=env)
    assert r.returncode == 1 and "too large" in r.stderr
