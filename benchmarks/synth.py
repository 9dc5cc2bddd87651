"""Synthetic libraries for the benchmarks: corpus paragraphs recombined at run time (nothing committed)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"

REGIONS = ["闵行区", "青浦区", "嘉定区", "松江区", "徐汇区", "普陀区", "虹口区", "杨浦区", "金山区", "嘉兴市南湖区",
           "海拉尔区", "北京市", "四川省", "江苏省", "河南省", "海南省", "福建省", "云南省"]
QUERY_WORDS = ["一网通办", "一网统管", "地区生产总值", "高新技术企业", "乡村振兴", "营商环境", "城市更新", "养老服务",
               "新质生产力", "生态环境", "粮食产量", "城镇新增就业", "全程代办", "招商引资", "数字经济", "科技创新",
               "保障性住房", "垃圾分类", "文化旅游", "职业教育", "专精特新", "长三角", "碳达峰", "社区卫生"]


def paragraphs() -> list[str]:
    from govlens.io.read import read_page, walk
    from govlens.pipeline import process_page

    paras = []
    for path in walk([str(CORPUS)]):
        for d in process_page(read_page(path)):
            paras.extend(p for p in d.text.split("\n") if len(p) >= 80)
    return paras


def documents(n: int, rng: random.Random, paras: list[str]) -> Iterator[tuple[str, int, str, str]]:
    """(region, year, title, text) for n documents of three corpus paragraphs each."""
    for _ in range(n):
        region, year = rng.choice(REGIONS), rng.randint(2012, 2026)
        title = f"{year}年{region}政府工作报告"
        yield region, year, title, "\n".join(rng.sample(paras, 3))


def queries(n: int, rng: random.Random) -> list[tuple[str, dict]]:
    """Realistic searches: one or two policy words, with no filter, a region, a year, or both."""
    out = []
    for _ in range(n):
        q = " ".join(rng.sample(QUERY_WORDS, rng.choice([1, 1, 2])))
        f = rng.choice([{}, {"region": rng.choice(REGIONS)}, {"year": rng.randint(2012, 2026)},
                        {"region": rng.choice(REGIONS), "year": rng.randint(2012, 2026)}])
        out.append((q, f))
    return out
