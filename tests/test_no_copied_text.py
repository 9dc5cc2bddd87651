"""The repository holds no text copied from ../shared (the guide: fixtures and rule examples are
invented). Any run of 24 or more characters of Chinese text in src/ or tests/*.py that also stands in a
corpus or seed file fails, unless it is the standard wording every report shares (a formula)."""

import re
from pathlib import Path

import pytest

from conftest import CORPUS

ROOT = Path(__file__).resolve().parents[1]
N = 24
RUN = re.compile(r"[\u4e00-\u9fff，、；：“”（）％%0-9.．·]{" + str(N) + ",}")
# Wording that every report of a kind uses; quoting it copies no document.
FORMULAS = ("向大会报告工作，请予审议", "向大会报告政府工作，请予审议", "关于政府工作报告的决议", "总体要求、主要目标和重点任务",
            "时期发展成就和", "时期目标任务和", "主要预期目标是")


def _windows() -> dict[str, str]:
    """Every N-character window of every run in the repository's code and tests, with where it is."""
    out: dict[str, str] = {}
    for path in sorted([*ROOT.glob("src/**/*.py"), *ROOT.glob("tests/*.py")]):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for m in RUN.finditer(line):
                run = m.group()
                if any(f in run for f in FORMULAS):
                    continue
                for i in range(len(run) - N + 1):
                    out.setdefault(run[i:i + N], f"{path.relative_to(ROOT)}:{no}")
    return out


def test_no_sentence_of_the_shared_documents_is_copied_into_the_repository():
    shared = CORPUS.parent
    if not CORPUS.is_dir():
        pytest.skip("no ../shared corpus")
    windows = _windows()
    found = {}
    for path in sorted([*CORPUS.glob("*.txt"), *(shared / "seeds").glob("*")]):
        text = path.read_text(encoding="utf-8", errors="ignore")
        for i in range(len(text) - N + 1):
            w = text[i:i + N]
            if w in windows:
                found[windows[w]] = (w, path.name)
    assert not found, found
