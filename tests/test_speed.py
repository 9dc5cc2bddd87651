"""The shortcuts taken for speed change no result: each cheap test or guard agrees with the full
pattern it stands in front of, on invented sentences and (an annotation-free invariant) on every line
of the corpus. Speed itself is measured in benchmarks/, never in a timed test."""

from __future__ import annotations

import re

import pytest

from conftest import CORPUS, needs_shared
from govlens.lexicon.load import may_match
from govlens.lexicon.words import KIND_CUES, PERIOD_WORDS, PLAN_START
from govlens.stages import normalize as N
from govlens.stages.indicators import period as P
from govlens.stages.indicators import scan as S

# (pattern, sentences it matches, sentences may_match rules out: none of the characters every match holds)
MAY_MATCH = [
    (r"(?:全部|全面)?(?:达产|投产|建成)后", ["项目全部达产后年产值12亿元", "新厂建成后可安置300人"],
     ["今年新增就业5200人", "全面投产"]),
    (r"(?:好于|高于)预期|(?:实现|完成)了?[^，。；：]{0,12}目标", ["全年增速好于预期", "圆满完成了年度各项目标"],
     ["地区生产总值增长6%", "预算执行良好"]),
    (r"(?<=的)五年(?=[。，；])|过去一年", ["这是奋进的五年。", "过去一年，全县…"], ["五十个村", "全面推进"]),
    (r"[甲乙]{2,3}|丙+", ["甲乙丙", "丙"], ["丁戊"]),
]


@pytest.mark.parametrize(("pattern", "hits", "misses"), MAY_MATCH)
def test_may_match_rules_out_only_text_that_cannot_match(pattern, hits, misses):
    rx = re.compile(pattern)
    test = may_match(rx)
    for s in hits:
        assert rx.search(s) and test(s)
    for s in misses:
        assert not rx.search(s) and not test(s)


def test_may_match_knows_nothing_of_patterns_without_required_characters():
    for pattern in (r"\d+", r"[^，]{2}", r"(?:增长)?", r"(?i)ab", r"(?i:ab)"):
        assert may_match(re.compile(pattern))("无关的文字")
    assert may_match(re.compile(r"(?i:ab)c"))("ABc") and not may_match(re.compile(r"(?i:ab)c"))("AB")


def test_may_end_match_only_for_patterns_anchored_at_the_end():
    from govlens.lexicon.load import may_end_match

    assert may_end_match(re.compile(r"(?:了|的)+"))("了无关")  # not anchored: the guard says nothing
    assert may_end_match(re.compile(r"(?m)(?:了|的)+$"))("的\n无关")  # $ before every newline
    assert not may_end_match(re.compile(r"(?:了|的)+$"))("无关")


@needs_shared
def test_cheap_tests_agree_with_their_patterns_on_every_corpus_line():
    """Wherever a cue pattern matches, its cheap test says it may: over all lines of the corpus."""
    patterns = [rx for rx in KIND_CUES.values() if isinstance(rx, re.Pattern)] + [P._OUTCOME_CUE, P._PROSPECT_CUE]
    tests = [(rx, may_match(rx)) for rx in patterns]
    lines = [line for f in sorted(CORPUS.glob("*.txt")) for line in f.read_text(encoding="utf-8").split("\n")]
    assert len(lines) > 1000
    ruled_out = 0
    for line in lines:
        for rx, test in tests:
            ok = test(line)
            assert ok or not rx.search(line), (rx.pattern, line[:80])
            ruled_out += not ok
    assert ruled_out > len(lines)  # the tests do rule lines out, or they would be no shortcut


@pytest.mark.parametrize("word", sorted(PERIOD_WORDS))
def test_period_cue_guard_lets_every_period_word_through(word):
    """The first-character lookahead in front of the period cues is built from the word lists: a word
    added to periods.tsv is still found (also one opening with 一, which the guard writes out)."""
    m = P._PERIOD_CUES.search(f"，{word}，地区生产总值增长6%")
    assert m is not None and m.group() == word


@pytest.mark.parametrize("year", ["1949", "1978", "2026", "2099", "一九七八", "二〇二一", "二〇〇九"])
def test_period_cue_guard_lets_every_year_through(year):
    m = P._PERIOD_CUES.search(f"全区{year}年地区生产总值增长6%")
    assert m is not None and m.group("y") == year


@pytest.mark.parametrize("plan", sorted(PLAN_START))
def test_period_cue_guard_lets_every_plan_through(plan):
    m = P._PERIOD_CUES.search(f"回顾“{plan}”时期，全区财政收入年均增长8%")
    assert m is not None and m.group("plan") == plan


@pytest.mark.parametrize(("sentence", "change"), [("地区生产总值翻一番", 100), ("粮食产量翻两番，达到12万吨", 300),
                                                  ("工业产值增长12.5%", 12.5), ("财政赤字下降1.5个百分点", -1.5)])
def test_change_guard_covers_both_branches(sentence, change):
    ms = [m for m in S.find_mentions(sentence, 0, len(sentence), []) if m.kind == "change"]
    assert [m.change for m in ms] == [change]


@pytest.mark.parametrize(("left", "right"), [
    ("建设1个市", "民健身中心"), ("全面推进", "乡村振兴"), ("增长6.5%", "，全年"), ("完成投资12亿", "元"),
    ("科技", "创新能力"), ("。", "二、"), ("abc", "def")])
def test_word_across_prefilter_agrees_with_the_segmenter(left, right):
    """A break with a non-Chinese character on either side is decided without rjieba: the same answer."""
    import rjieba

    def slow(a: str, b: str) -> bool:
        la, rb = a[-3:], b[:3]
        pos = 0
        for tok in rjieba.cut(la + rb):
            if pos < len(la) < pos + len(tok) and re.fullmatch(N._C + "+", tok):
                return True
            pos += len(tok)
        return False

    assert N._word_across(left, right) == slow(left, right)


@pytest.mark.parametrize(("text", "out"), [
    ("预算收入２８，０４９，７８０，０００元", "预算收入２８,０４９,７８０,０００元"),  # \d: full-width digits too
    # one group before a unit is one number too (facts' rule, round 3); a list keeps its commas
    ("收入28，049，780，000元，支出3，154元", "收入28,049,780,000元，支出3,154元"),
    ("全年完成3，154万元", "全年完成3,154万元"),
    ("分别为120，150个和80个", "分别为120，150个和80个")])
def test_grouped_thousands_hint(text, out):
    assert N._fix_punct(text) == out


END_MATCH = [
    (r"(?:实现了?|达到|的|分别为|、)+$", ["地区生产总值实现了", "粮食产量分别为", "增加值的"], ["地区生产总值", "收入增长"]),
    (r"(?:较|比)(?:19|20)\d{2}年(?:同期)?$", ["比2020年", "较2019年同期"], ["比上年增长"]),
    (r"(?:了|的)?$", ["任何文字"], []),  # may match empty: can end anywhere
]


@pytest.mark.parametrize(("pattern", "hits", "misses"), END_MATCH)
def test_may_end_match_rules_out_only_text_no_match_can_end(pattern, hits, misses):
    from govlens.lexicon.load import may_end_match

    rx = re.compile(pattern)
    test = may_end_match(rx)
    for s in hits:
        assert test(s) and test(s + "\n")
    for s in misses:
        assert not rx.search(s) and not test(s)


@needs_shared
def test_metric_trailing_guard_agrees_on_corpus_windows():
    """The metric trimmer's end guard never skips a window its trailing pattern would have trimmed: checked
    on every clause end of the corpus (the text before each figure)."""
    from govlens.stages.indicators import metric as M

    n = 0
    for f in sorted(CORPUS.glob("*.txt"))[:60]:
        for m in re.finditer(r"[^，。；：\n\d]{1,48}(?=\d)", f.read_text(encoding="utf-8")):
            w = m.group()
            assert M._MAY_TRAIL(w) or not M._TRAILING.search(w), w
            n += 1
    assert n > 1000


@needs_shared
def test_project_count_hint_agrees_with_the_project_pattern():
    """A sentence the count hint skips holds no project count: checked on every corpus sentence with 项目."""
    from govlens.stages import projects as PR

    seen = 0
    for f in sorted(CORPUS.glob("*.txt")):
        for sent in PR._project_sentences(f.read_text(encoding="utf-8")):
            s = sent.group()
            assert PR._COUNT_HINT.search(s) or not PR._PROJECT.search(s), s[:80]
            seen += 1
    assert seen > 100
    assert PR._COUNT_HINT.search("新开工重大项目12个") and not PR._COUNT_HINT.search("推进项目建设")


@pytest.mark.parametrize("text", ["甲\r\n乙", "甲\r乙\r", "甲\r\r\n乙", "\ufeff甲\u200b乙\x00", "甲\n\r乙", "无"])
def test_newline_pattern_matches_as_written_before(text):
    """The line-end/zero-width pattern, rewritten to open with one class, finds the same spans as
    ``\\r\\n?|[zero-width and control characters]``."""
    before = re.compile(r"\r\n?|[\u200b-\u200f\u2028\u2029\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
    assert [m.span() for m in N._NEWLINE_ZW.finditer(text)] == [m.span() for m in before.finditer(text)]


def test_changed_character_count_of_a_conversion():
    text = "這是一個測試。" * 600 + "简体部分" * 700
    conv, _edits, changed = N.to_simplified(text)
    assert changed == 4 * 600 == sum(map(str.__ne__, text, conv))  # 這個測試, whatever block they fall in


def _clause_plain(text: str) -> str:
    return text[max(map(text.rfind, "，,；;：:")) + 1 :]


def _sentence_plain(text: str) -> str:
    return text[max(map(text.rfind, "。！？；;")) + 1 :]


@pytest.mark.parametrize("text", [
    "", "明澜区地区生产总值", "全年明澜区地区生产总值，比上年", "一是稳增长；二是促改革：全区财政收入",
    "工业增加值,同比", "去年完成目标。今年力争，", "，", "各项工作稳步推进！新增就业？城镇",
])
def test_last_clause_and_sentence_read_on_the_reversed_text_as_defined(text):
    assert P.last_clause(text) == _clause_plain(text)
    assert P.last_sentence(text) == _sentence_plain(text)


@pytest.mark.parametrize(("line", "years"), [
    ("明澜区人均受教育年限达到10.8年。", [10.8]),
    ("明澜区人均受教育年限约9.5年以上，高于全省。", [9.5]),
    ("明澜区2024.5年数据未列。", []),  # four digits before the point: no span of years
    ("明澜区新建学校3所，年内完成。", []),  # no decimal before 年: the scan is skipped
])
def test_decimal_years_behind_their_hint(line, years):
    assert [m.value for m in S.find_mentions(line, 0, len(line), []) if m.unit == "年"] == years


@needs_shared
def test_decimal_years_hint_and_clause_tails_agree_on_every_corpus_line():
    lines = [line for f in sorted(CORPUS.glob("*.txt")) for line in f.read_text(encoding="utf-8").split("\n")]
    assert len(lines) > 1000
    for line in lines:
        assert S._DECIMAL_YEARS_HINT.search(line) or not S._DECIMAL_YEARS.search(line), line[:80]
        assert P.last_clause(line) == _clause_plain(line) and P.last_sentence(line) == _sentence_plain(line)


def test_extraction_reads_the_lexicon_without_importlib_resources():
    """The lexicon's data files are read beside its modules: a process that extracts never imports
    importlib.resources (and the zipfile, tempfile, bz2, lzma it pulls in, ~25 ms of every start)."""
    import subprocess
    import sys

    text = ("东湖区2031年政府工作报告\\n一、2030年工作回顾\\n" + "过去一年，全区上下团结奋斗，经济运行稳中有进。" * 4
            + "全区地区生产总值512亿元，增长6.3%。一般公共预算收入41.2亿元，增长5.1%。\\n")
    code = ("import sys; from govlens.pipeline import read_text; "
            f"docs = read_text('{text}'); "
            "assert docs and docs[0].facts, 'no fact'; "
            "print(' '.join(m for m in ('importlib.resources', 'zipfile', 'tempfile') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""


def test_lexicon_data_text_is_the_packaged_file():
    from importlib import resources

    from govlens.lexicon.load import data_text

    for name in ("kind_cues.tsv", "places_not_short.txt"):
        assert data_text(name) == resources.files("govlens.lexicon").joinpath("data", name).read_text(encoding="utf-8")


@pytest.mark.parametrize("text", [
    "", "全区推行一网通办，一网统管平台上线。", "一网一网通办通办", "城运中心城运中心", "没有任何名称的句子。",
])
def test_programme_names_in_one_scan_as_found_one_by_one(text):
    from govlens.stages.programmes import known_programmes, names_in

    assert names_in(text) == {n for n in known_programmes() if n in text}


def test_programme_name_scan_finds_a_name_that_begins_a_longer_one(monkeypatch):
    """Where a longer name and a name it begins with start at one place, both occur."""
    from govlens.stages import programmes as PR

    names = ("一网通办平台", "一网通办", "通办")
    monkeypatch.setattr(PR, "known_programmes", lambda: names)
    PR._name_starts.cache_clear()
    try:
        assert PR.names_in("推行一网通办平台建设") == set(names)
        assert PR.names_in("推行一网通办") == {"一网通办", "通办"}
        assert PR.names_in("通办") == {"通办"}
    finally:
        PR._name_starts.cache_clear()


@needs_shared
def test_programme_name_scan_agrees_on_every_corpus_file():
    from govlens.stages.programmes import known_programmes, names_in

    names = known_programmes()
    found = 0
    for f in sorted(CORPUS.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        got = names_in(text)
        assert got == {n for n in names if n in text}, f.name
        found += len(got)
    assert found > 0
