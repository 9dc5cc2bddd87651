"""Linear time on pathological inputs (the same cases as benchmarks/bench_linear.py, smaller): doubling
the input must roughly double the time. A ratio, not a wall-clock limit: linear work gives ~2,
quadratic ~4; the bound 3.2 leaves room for a shared machine."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import bench_linear

# Sizes where each case takes ~0.05-0.3 s: big enough for the ratio to mean something.
SIZES = {"deep_div": 60_000, "deep_ul": 60_000, "unclosed_p": 20_000, "long_number": 40_000,
         "long_cn_number": 40_000, "many_percent": 40_000, "quoted_figures": 4_000, "growth_list": 6_000,
         "long_line_no_comma": 12_000}


@pytest.mark.parametrize("case", ["digits_and_percent_line", "growth_list", "long_line_no_comma", "long_number",
                                  "long_cn_number", "many_percent", "quoted_figures", "deep_div", "deep_ul"])
def test_doubling_the_input_doubles_the_time(case):
    n = SIZES.get(case, 8_000)
    ratios = []
    for _ in range(3):  # another try when the machine was busy (CI machines are shared too)
        _t1, _t2, r = bench_linear.ratio(case, n, repeat=2)
        ratios.append(r)
        if r < 3.2:
            break
    assert min(ratios) < 3.2, (case, ratios)
