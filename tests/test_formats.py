"""Other ways documents arrive: a URL (robots.txt respected), DOCX, PDF with and without text."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

import govlens
from conftest import SAMPLES, jsonl, run_cli
from govlens.errors import FetchError, NoText
from govlens.io.fetch import fetch
from govlens.io.pdf import read_pdf


@pytest.fixture
def site(tmp_path):
    (tmp_path / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n", encoding="utf-8")
    (tmp_path / "report.html").write_bytes((SAMPLES / "mingaln-listing.html").read_bytes())
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "x.html").write_text("<p>secret</p>", encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):
            super().__init__(*a, directory=str(tmp_path), **kw)

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_url_is_fetched_and_split(site):
    r = run_cli("docs", f"{site}/report.html", "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    docs = jsonl(r.stdout)
    assert [d["region"] for d in docs] == ["云溪市明澜区", "溪北县"]  # one name per place: the gazetteer knows its city


def test_robots_txt_is_respected(site):
    with pytest.raises(FetchError, match="robots"):
        fetch(f"{site}/private/x.html")
    r = run_cli("docs", f"{site}/private/x.html", f"{site}/missing.html")
    assert r.returncode == 1 and "robots.txt" in r.stderr and "HTTP 404" in r.stderr


def test_docx_paragraphs_and_tables(tmp_path):
    import docx

    d = docx.Document()
    text = (SAMPLES / "mingaln-2024-report.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        d.add_paragraph(line)
    table = d.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "指标", "数值"
    path = tmp_path / "report.docx"
    d.save(path)
    (doc,) = govlens.read(str(path))
    assert (doc.region, doc.year, doc.kind) == ("云溪市明澜区", 2024, "work_report")
    gdp = next(f for f in doc.facts if f.type == "indicator" and f.data["metric_key"] == "gdp")
    assert gdp.data["value"] == 1206


def _pdf(text: str | None) -> bytes:
    """A one-page PDF, with a text layer when ``text`` is given (Helvetica, ASCII)."""
    content = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode() if text else b"0 0 1 rg 72 72 200 200 re f"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_pdf_text_layer_and_image_only(tmp_path: Path):
    page = read_pdf(_pdf("Annual report 2023: output 1134, growth 6.5 percent"), "a.pdf")
    assert "1134" in page.raw and page.fmt == "pdf"
    with pytest.raises(NoText, match="no text layer"):
        read_pdf(_pdf(None), "scan.pdf")


def test_output_does_not_depend_on_hash_seed():
    """Set order must not leak into facts: the same file gives the same JSON Lines in every process."""
    import os
    import subprocess
    import sys

    from conftest import ROOT, SAMPLES

    outs = set()
    for seed in ("1", "2", "3"):
        r = subprocess.run([sys.executable, "-m", "govlens", "extract", str(SAMPLES), "--format", "jsonl"],
                           capture_output=True, text=True, cwd=ROOT, env=os.environ | {"PYTHONHASHSEED": seed},
                           timeout=120)
        assert r.returncode == 0, r.stderr
        outs.add(r.stdout)
    assert len(outs) == 1
