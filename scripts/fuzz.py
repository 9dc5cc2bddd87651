"""Fuzz the readers, the normaliser, the splitter and the extractors with a mutation corpus built at run
time from ../shared/seeds (nothing copied into the repository) plus generated pathological inputs.

Every input must end in documents or in a coded, expected error (E001-E010); an internal error (E099,
any other exception) is a failure: it is printed, and its bytes are written to --crashers for a
regression test.

    python scripts/fuzz.py                 # 20 000 inputs (the full run)
    python scripts/fuzz.py --n 1000        # the CI size (tests/test_fuzz.py runs it)
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govlens.errors import GovlensError, InternalError  # noqa: E402
from govlens.io.read import page_from_bytes  # noqa: E402
from govlens.pipeline import process_page  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
# Invented text (not from the seeds), used when ../shared is absent and as mutation material.
INVENTED = (
    "云溪市人民政府工作报告\n2024年1月12日\n各位代表：\n一、2023年工作回顾\n全市地区生产总值达到1234.5亿元，增长5.2%，"
    "城镇新增就业3.1万人。一般公共预算收入增长百分之八，粮食产量840亿斤。\n二、2024年主要目标\n预期目标是：增长6%左右；"
    "城镇调查失业率控制在5.5%以内。\n名词解释\n1.一网通办：指政务服务一个入口办理。\n"
)
Mutator = Callable[[random.Random, bytes], bytes]
SCALE = 1.0  # sizes of the generated pathologies; the CI run uses a tenth


def _sz(rng: random.Random, options: list[int]) -> int:
    return max(2, int(rng.choice(options) * SCALE))


def _window(rng: random.Random, data: bytes, size: int) -> bytes:
    if len(data) <= size:
        return data
    a = rng.randrange(0, len(data) - size)
    return data[a : a + size]


def flip_bytes(rng, d):
    b = bytearray(d)
    for _ in range(rng.randint(1, 20)):
        if b:
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
    return bytes(b)


def truncate(rng, d):
    return d[: rng.randrange(0, max(1, len(d)))]


def mixed_encodings(rng, d):
    t = d.decode("utf-8", "replace")
    cut = rng.randrange(0, max(1, len(t)))
    enc = rng.choice(["gbk", "big5", "utf-16-le", "latin-1", "gb18030", "utf-16"])
    return t[:cut].encode("utf-8") + t[cut:].encode(enc, "replace")


def nested_html(rng, d):
    tag = rng.choice(["div", "span", "ul", "table", "p", "font", "section", "li", "td"])
    n = _sz(rng, [10, 300, 3000, 30000])
    close = f"</{tag}>" * n if rng.random() < 0.5 else ""
    return b"<html><body>" + f"<{tag}>".encode() * n + d + close.encode()


def unclosed_html(rng, d):
    t = d.decode("utf-8", "replace")
    junk = rng.choice(["<p>", "<div", "<!--", "<script>", "<table><tr><td>", "<![CDATA[", "</body></html>", "<a href='"])
    cut = rng.randrange(0, max(1, len(t)))
    return ("<html><body>" + t[:cut] + junk * _sz(rng, [1, 50, 500]) + t[cut:]).encode("utf-8")


def huge_line(rng, d):
    return d.replace(b"\n", b"") * max(1, _sz(rng, [1, 2, 4]) // 2)


def long_number(rng, d):
    n = _sz(rng, [30, 400, 5000, 20000])
    digits = rng.choice(["9", "1", "0", "一", "十", "1,", "１"]) * n
    return d + ("增长" + digits + rng.choice(["%", "亿元", "万人", "", ".5%"]) + "。").encode("utf-8")


def digits_and_percent(rng, d):
    return "".join(rng.choice("0123456789%.,") for _ in range(_sz(rng, [50, 2000, 20000]))).encode()


def nul_and_zero_width(rng, d):
    t = d.decode("utf-8", "replace")
    out = []
    for ch in t:
        out.append(ch)
        if rng.random() < 0.05:
            out.append(rng.choice(["\x00", "\u200b", "\u200d", "\ufeff", "\u2028", "\u0085", "\u202e", "\x1b"]))
    return "".join(out).encode("utf-8")


def magic_headers(rng, d):
    head = rng.choice([b"%PDF-1.7\n", b"PK\x03\x04", b"PK\x03\x04\x14\x00word/document.xml", b"\x89PNG\r\n\x1a\n",
                       b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"<?xml version='1.0'?>",
                       b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"])
    return head + d[: rng.randrange(0, max(1, len(d)))]


def repeat_growth(rng, d):
    return d + ("增长1.5%，" * _sz(rng, [10, 500, 3000])).encode()


def splice(rng, d):
    a, b = sorted(rng.randrange(0, max(1, len(d))) for _ in range(2))
    return d[:a] + d[b:] + d[a:b]


def brackets(rng, d):
    return d + rng.choice(["（", "“", "【", "[", "《", "〔"]).encode() * _sz(rng, [10, 1000, 20000])


MUTATORS: list[Mutator] = [flip_bytes, truncate, mixed_encodings, nested_html, unclosed_html, huge_line,
                           long_number, digits_and_percent, nul_and_zero_width, magic_headers, repeat_growth,
                           splice, brackets]


def seed_material() -> list[bytes]:
    seeds = [p.read_bytes() for p in sorted(SEEDS.glob("*")) if p.is_file()] if SEEDS.is_dir() else []
    return [*seeds, INVENTED.encode("utf-8")]


def corpus(n: int, seed: int = 0, scale: float = 1.0) -> Iterator[tuple[str, bytes]]:
    """``n`` inputs: windows of the seeds (2-12 KB times ``scale``, so a run stays fast) through 1-3
    mutators, their generated pathologies (nesting depth, digits, repeats) also sized by ``scale``."""
    global SCALE
    SCALE = scale
    rng = random.Random(seed)
    material = seed_material()
    for i in range(n):
        data = _window(rng, rng.choice(material), _sz(rng, [2000, 6000, 12000]))
        names = []
        for m in rng.sample(MUTATORS, rng.randint(1, 3)):
            data = m(rng, data)
            names.append(m.__name__)
        ext = rng.choice([".txt", ".html", ".pdf", ".docx", ""])
        yield f"fuzz{i:05d}-{'+'.join(names)}{ext}", data


def check(name: str, data: bytes) -> str:
    """Run one input through reading and every stage. Returns "ok" or the expected error's code; raises
    on an internal error. Invariant checked on the way: every fact quotes ``text[span]``."""
    try:
        page = page_from_bytes(data, name)
        errors: list[GovlensError] = []
        docs = process_page(page, extract=True, errors=errors)
    except GovlensError as e:
        if isinstance(e, InternalError):
            raise
        return e.code
    for e in errors:
        if isinstance(e, InternalError):
            raise AssertionError(str(e))
    for d in docs:
        for f in d.facts:
            assert d.text[f.start : f.end] == f.quote, (d.id, f.start, f.end)
    return errors[0].code if errors else "ok"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--scale", type=float, default=1.0, help="size of inputs (CI: 0.15)")
    ap.add_argument("--crashers", default=str(ROOT / ".fuzz-crashers"))
    args = ap.parse_args()
    counts: collections.Counter[str] = collections.Counter()
    failures = 0
    t0 = time.perf_counter()
    for i, (name, data) in enumerate(corpus(args.n, args.seed, args.scale), 1):
        try:
            counts[check(name, data)] += 1
        except Exception as e:
            failures += 1
            counts["E099"] += 1
            out = Path(args.crashers)
            out.mkdir(exist_ok=True)
            (out / name).write_bytes(data)
            print(f"INTERNAL {name}: {type(e).__name__}: {e}", file=sys.stderr)
            traceback.print_exc(limit=3)
        if i % 1000 == 0:
            print(f"{i} inputs, {time.perf_counter() - t0:.0f} s, {dict(sorted(counts.items()))}", flush=True)
    dt = time.perf_counter() - t0
    print(f"{args.n} inputs in {dt:.0f} s: {dict(sorted(counts.items()))}; internal errors: {failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
