"""Linear time on pathological inputs: each case is read at size n and 2n (whole pipeline, extraction
included) and the time ratio printed; linear work doubles (ratio ~2), quadratic work quadruples.
Ratios, not wall-clock limits: the machine may be shared.

    python benchmarks/bench_linear.py [--n 20000] [--repeat 3] [CASE ...]

The test suite runs the same cases at a smaller n (tests/test_fuzz_linear.py).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from govlens.errors import GovlensError  # noqa: E402
from govlens.io.read import page_from_bytes  # noqa: E402
from govlens.pipeline import process_page  # noqa: E402

HEAD = "某某市人民政府工作报告\n2023年1月10日\n各位代表：\n"


def _digits_pct(n: int) -> str:
    rng = random.Random(n)
    return "".join(rng.choice("0123456789%") for _ in range(n))


def _deep(tag: str) -> Callable[[int], str]:
    return lambda n: ("<html><body>" + f"<{tag}>" * (n // 5) + "地区生产总值增长5.2%。" * 3 + f"</{tag}>" * (n // 5)
                      + "</body></html>")


# name -> (format, n chars -> input). Each was slower than linear once, or guards a pattern that could be.
CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    "digits_and_percent_line": ("txt", _digits_pct),
    "growth_list": ("txt", lambda n: "增长1.5%，" * (n // 7)),
    "long_line_no_comma": ("txt", lambda n: "全市地区生产总值增长5.2%城镇新增就业3.1万人" * (n // 24)),
    "long_number": ("txt", lambda n: "地区生产总值增长" + "9" * n + "亿元。"),
    "long_cn_number": ("txt", lambda n: "地区生产总值增长" + "十" * n + "亿元。"),
    "many_percent": ("txt", lambda n: "增长" + "%" * n),
    "percent_pairs": ("txt", lambda n: "1%" * (n // 2)),
    "quoted_figures": ("txt", lambda n: "“1”增长2%" * (n // 7)),
    "footnote_markers": ("txt", lambda n: "增长6.7%[3]" * (n // 9)),
    "sentences": ("txt", lambda n: "地区生产总值增长1.5%。" * (n // 13)),
    "headings": ("txt", lambda n: "".join(f"（{i}）推进工作。增长{i % 90}%。\n" for i in range(n // 16))),
    "zero_width_and_nul": ("txt", lambda n: "增长\u200b1.5%\u200d，" * (n // 8)),
    "open_brackets": ("txt", lambda n: "（“【" * (n // 3) + "增长5%"),
    "deep_div": ("html", _deep("div")),
    "deep_ul": ("html", _deep("ul")),
    "unclosed_p": ("html", lambda n: "<html><body>" + "<p>增长1.5%" * (n // 10)),
}


def run_case(name: str, n: int) -> None:
    fmt, gen = CASES[name]
    body = gen(n)
    data = (HEAD + body if fmt == "txt" else body.replace("<body>", "<body><p>" + HEAD + "</p>", 1)).encode("utf-8")
    with contextlib.suppress(GovlensError):  # a clean refusal is fine here: the time is what is measured
        process_page(page_from_bytes(data, f"case.{fmt}"), extract=True)


def timed(name: str, n: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        run_case(name, n)
        best = min(best, time.perf_counter() - t)
    return best


def ratio(name: str, n: int, repeat: int = 3) -> tuple[float, float, float]:
    """(time at n, time at 2n, ratio), each the best of ``repeat`` runs, measured alternately."""
    run_case(name, n // 4)  # warm caches (regex compilation, lazy imports)
    t1, t2 = timed(name, n, repeat), timed(name, 2 * n, repeat)
    return t1, t2, t2 / max(t1, 1e-6)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cases", nargs="*", default=list(CASES))
    ap.add_argument("--n", type=int, default=40_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"{'case':26s} {'n':>8s} {'t(n) s':>8s} {'t(2n) s':>8s} {'ratio':>6s}")
    worst = 0.0
    for name in args.cases:
        t1, t2, r = ratio(name, args.n, args.repeat)
        worst = max(worst, r)
        print(f"{name:26s} {args.n:8d} {t1:8.3f} {t2:8.3f} {r:6.2f}", flush=True)
    print(f"worst ratio {worst:.2f} (linear ~2, quadratic ~4)")


if __name__ == "__main__":
    main()
