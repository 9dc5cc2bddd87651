"""A new user's first hour: make test with no Chromium, a taken port, piped output, error codes, progress."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli
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
