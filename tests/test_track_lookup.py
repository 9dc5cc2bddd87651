"""Track on a real store of invented reports: one row per region, measure key, sense and year, and the
one lookup (place + measure words + year) that the CLI, the portal and the scorer share."""

from __future__ import annotations

import pytest

from conftest import jsonl, run_cli
from govlens.analysis.track import lookup, track
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store

# Invented reports of an invented district (云溪市白鹭区), two years apart by one.
REPORT_2030 = """2030年云溪市白鹭区政府工作报告
——2030年1月12日在云溪市白鹭区第三届人民代表大会第五次会议上
各位代表：
一、2029年工作回顾
全区地区生产总值250亿元，同比增长7.5%。城镇登记失业率3.8%。
二、2030年主要预期目标
全区经济社会发展的主要预期目标是：地区生产总值增长8%，达到272亿元；居民消费价格涨幅3%左右；城镇登记失业率控制在4%以内；全年新增就业5000人以上；粮食总产量42亿斤。
"""
REPORT_2031 = """2031年云溪市白鹭区政府工作报告
——2031年1月10日在云溪市白鹭区第三届人民代表大会第六次会议上
各位代表：
一、2030年工作回顾
过去一年，全区地区生产总值完成266.5亿元，同比增长8.4%。居民消费价格上涨2.1%。城镇登记失业率为3.6%。全年实现新增就业4860人。粮食总产量达到225万吨。
二、2031年主要预期目标
地区生产总值增长7%左右。
"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    d = tmp_path_factory.mktemp("reports")
    (d / "bailu-2030.txt").write_text(REPORT_2030, encoding="utf-8")
    (d / "bailu-2031.txt").write_text(REPORT_2031, encoding="utf-8")
    db = str(d / "track.db")
    with open_store(db) as store:
        assert ingest(store, walk([str(d)])).failed == 0
    return db


def test_a_level_and_a_growth_target_of_one_measure_are_two_rows(store_path):
    with open_store(store_path, readonly=True) as store:
        rows = {(r["metric_key"], r["sense"]): r for r in track(store, region="白鹭区", year=2030)}
    assert rows[("gdp", "growth")]["verdict"] == "met"  # 8.4 reaches a bare 8
    assert rows[("gdp", "level")]["verdict"] == "missed"  # 266.5 short of 272亿元
    assert rows[("gdp", "level")]["rule"] == "at_least"
    assert rows[("cpi", "growth")]["verdict"] == "met"  # 涨幅3%左右 against 上涨2.1%
    assert rows[("cpi", "growth")]["rule"] == "approx-mirrored"
    assert rows[("unemployment_registered", "ratio")]["rule"] == "ceiling"
    assert rows[("new_jobs", "level")]["verdict"] == "missed"  # 4860 short of 5000人以上
    assert rows[("grain_output", "level")]["verdict"] == "met"  # 225万吨 = 45亿斤 reaches 42亿斤


@pytest.mark.parametrize(
    ("place", "words", "sense", "verdict"),
    [
        ("白鹭区", "地区生产总值增长", "growth", "met"),
        ("白鹭区", "地区生产总值", "level", "missed"),  # no sense word: the level target when one is set
        ("云溪市白鹭区", "GDP增速", "growth", "met"),  # another synonym, the full name
        ("白鹭区", "居民消费价格涨幅", "growth", "met"),
        ("白鹭区", "城镇登记失业率", "ratio", "met"),
        ("白鹭区", "新增就业", "level", "missed"),
        ("白鹭区", "粮食产量", "level", "met"),
        ("白鹭", "地区生产总值增长", "growth", "met"),  # the name without its level word
    ],
)
def test_lookup_as_a_user_names_it(store_path, place, words, sense, verdict):
    with open_store(store_path, readonly=True) as store:
        r = lookup(store, place, words, 2030)
    assert r is not None and (r["sense"], r["verdict"]) == (sense, verdict)


def test_lookup_finds_nothing_for_an_unknown_place_measure_or_year(store_path):
    with open_store(store_path, readonly=True) as store:
        assert lookup(store, "青石县", "地区生产总值增长", 2030) is None
        assert lookup(store, "白鹭区", "某某指数", 2030) is None  # words naming no stored measure
        assert lookup(store, "白鹭区", "地区生产总值增长", 2029) is None
        assert lookup(store, "白鹭区", "地区生产总值增长", 2031)["verdict"] == "pending"


def test_cli_track_shows_sense_and_the_rule_that_decided(store_path):
    r = run_cli("track", "--db", store_path, "--region", "白鹭区", "--metric", "地区生产总值", "--year", "2030",
                "-f", "jsonl")
    assert r.returncode == 0, r.stderr
    rows = {x["sense"]: x for x in jsonl(r.stdout)}
    assert set(rows) == {"growth", "level"}
    assert (rows["level"]["verdict"], rows["level"]["rule"]) == ("missed", "at_least")
    r = run_cli("track", "--db", store_path, "--region", "白鹭区", "--metric", "地区生产总值增长", "-f", "jsonl")
    assert [(x["year"], x["sense"], x["rule"]) for x in jsonl(r.stdout)] == [(2030, "growth", "at_least"),
                                                                             (2031, "growth", "no_report")]


@pytest.mark.parametrize(("words", "key", "sense"), [
    # measures of the plan era a user names as the reports do (a money-supply growth target, a count of
    # people back in work): each has a key, so its targets are tracked
    ("广义货币M2增长", "money_m2", "growth"),
    ("广义货币供应量增长", "money_m2", "growth"),
    ("再就业", "reemployment", None),
    ("下岗失业人员再就业", "reemployment", None),
])
def test_plan_era_measures_have_a_key(words, key, sense):
    from govlens.analysis.track import measure

    assert measure(words) == (key, sense)


@pytest.mark.parametrize(("target", "outcome", "words", "verdict"), [
    ("力争全区旅游人数突破520万人次，旅游收入达到61亿元。", "全年接待国内外游客540万人次，旅游收入完成58.5亿元。", "旅游接待人数", "met"),
    ("力争全区旅游人数突破520万人次，旅游收入达到61亿元。", "全年接待国内外游客540万人次，旅游收入完成58.5亿元。", "旅游收入", "missed"),
])
def test_a_tourism_target_is_tracked(tmp_path, target, outcome, words, verdict):
    (tmp_path / "in").mkdir()
    head = "{y}年明澜区政府工作报告\n——{y}年1月10日在明澜区第八届人民代表大会第{n}次会议上\n各位代表：\n"
    (tmp_path / "in" / "a.txt").write_text(head.format(y=2031, n="一") + "2031年，" + target + "\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(head.format(y=2032, n="二") + "过去一年，" + outcome + "\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    with open_store(db) as store:
        ingest(store, walk([str(tmp_path / "in")]))
    with open_store(db, readonly=True) as store:
        r = lookup(store, "明澜区", words, 2031)
    assert r is not None and r["verdict"] == verdict, r


@pytest.mark.parametrize(("target", "outcome", "words", "verdict"), [
    # a forecast for the report's own year is its aim (预计全年…), and the outcome names it otherwise
    ("预计全年为企业新增减负超过3.2万亿元。", "全年为市场主体减负超过3.4万亿元。", "企业新增减负", "met"),
    ("预计全年旅游接待人数达到640万人次。", "全年接待游客达到610万人次。", "旅游接待人数", "missed"),
    # a plan-era total named two ways (总投资额 in the plan, 投资总额 in the outcome)
    ("全区的基本建设总投资额，拟定为十二亿三千万元。", "经由本级预算的基本建设投资总额达到十四亿元。", "基本建设投资", "met"),
    # a target over a forecast of the same measure and year
    ("新增减税降费约6000亿元，预计全年为企业新增减负超过3.2万亿元。", "全年减税降费9000亿元。", "减税降费", "met"),
])
def test_a_forecast_for_the_year_is_tracked_as_its_target(tmp_path, target, outcome, words, verdict):
    test_a_tourism_target_is_tracked(tmp_path, target, outcome, words, verdict)


def test_a_reemployment_target_is_tracked(tmp_path):
    (tmp_path / "in").mkdir()
    head = "{y}年明澜区政府工作报告\n——{y}年1月10日在明澜区第八届人民代表大会第{n}次会议上\n各位代表：\n"
    (tmp_path / "in" / "a.txt").write_text(head.format(y=2031, n="一") + "今年全区新增就业5000人，失业人员再就业2000人。\n",
                                          encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(head.format(y=2032, n="二") + "过去一年，全区新增就业5200人，实现再就业2300人。\n",
                                          encoding="utf-8")
    db = str(tmp_path / "t.db")
    with open_store(db) as store:
        ingest(store, walk([str(tmp_path / "in")]))
    with open_store(db, readonly=True) as store:
        r = lookup(store, "明澜区", "再就业", 2031)
    assert r is not None and r["verdict"] == "met", r


@pytest.mark.parametrize(("words", "key"), [
    # programme measures of the 2010s national reports, as a user or a table names them
    ("易地扶贫搬迁", "poverty_relocation"),
    ("保障性安居工程新开工", "affordable_housing_starts"),
    ("保障性安居工程基本建成", "affordable_housing_completed"),
    ("农村危房改造", "rural_housing_renovation"),
    ("氮氧化物排放量", "nox_emissions"),
    ("城镇老旧小区改造", "old_community_renovation"),
])
def test_programme_measures_have_a_key(words, key):
    from govlens.analysis.track import measure

    assert measure(words)[0] == key


@pytest.mark.parametrize("row", __import__("govlens.analysis.track", fromlist=["ACTION_AFTER"]).ACTION_AFTER)
def test_a_measure_named_object_first_is_the_action_first_measure(row):
    """ACTION_AFTER (lexicon/data/stages.tsv): 农村公路新建改建 is the reports' 新建改建农村公路 — each row's
    two spellings are one measure: one key where the lexicon has one, else one name (建成街心公园)."""
    from govlens.analysis.track import measure, named_measure
    from govlens.lexicon.metrics import metric_key

    stage, object_first, action_first = row
    assert object_first.endswith(stage) and action_first.startswith(stage)
    if metric_key(action_first) is not None:
        assert measure(object_first)[0] == metric_key(action_first)
    else:
        assert named_measure(object_first) is not None
        assert named_measure(object_first) == named_measure(action_first)


def test_stage_words_are_one_list():
    """The indicator stage and track read the same stage words, in the lexicon's order."""
    from govlens.analysis.track import ACTION_AFTER
    from govlens.stages.indicators.actions import STAGES

    assert tuple(r[0] for r in ACTION_AFTER) == STAGES
    assert {"建成", "竣工"} <= set(STAGES)
    # a longer stage before the shorter one it holds (基本建成 before 建成), so it is tried first
    for i, a in enumerate(STAGES):
        assert not any(a in b for b in STAGES[i + 1:] if b != a)


def test_a_target_restated_by_the_next_report_is_not_tracked(tmp_path):
    """Targets come from the report of their own year: a 2041 report restating the 2040 aims beside
    the 2040 outcome gives no 2040 row when no 2040 report is stored (and its restated aim is no 2041
    target); its own 2041 targets are pending."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(
        "2041年青石县政府工作报告\n——2041年1月9日在青石县第九届人民代表大会第三次会议上\n各位代表：\n"
        "一、2040年工作回顾\n去年年初确定的地区生产总值增长6%左右的预期目标顺利实现，全年地区生产总值增长6.3%。\n"
        "二、2041年主要预期目标\n地区生产总值增长6.5%左右。\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    with open_store(db) as store:
        ingest(store, walk([str(tmp_path / "in")]))
    with open_store(db, readonly=True) as store:
        rows = track(store, region="青石县", metric="地区生产总值增长")
    assert [(r["year"], r["verdict"], r["rule"]) for r in rows] == [(2041, "pending", "no_report")]
    assert "6.5" in rows[0]["target"]["quote"]


@pytest.mark.parametrize(("quote", "metric", "clause"), [
    ("推行新一轮棚改计划，今年开工560万套", "棚改开工", "今年开工560万套"),  # made of two places: the later one
    ("全区新开工项目42个，竣工18个", "新开工项目", "全区新开工项目42个"),  # written as is
])
def test_the_clause_of_a_figure_whose_metric_joins_two_places(quote, metric, clause):
    from govlens.analysis.ask.choose import clause_before

    assert clause_before({"quote": quote, "metric": metric}) == clause


@pytest.mark.parametrize(("place", "stored"), [
    ("广西", "广西壮族自治区"),      # the people the region is named for left out with its level word
    ("广西壮族自治区", "广西壮族自治区"),
])
def test_an_autonomous_region_is_found_by_its_short_name(tmp_path, place, stored):
    """Figures invented; 广西 is the name people use for 广西壮族自治区 (AUTONOMOUS_TAIL)."""
    from govlens.analysis.track import AUTONOMOUS_TAIL, lookup

    assert AUTONOMOUS_TAIL.fullmatch("壮族自治区") and AUTONOMOUS_TAIL.fullmatch("维吾尔自治区")
    assert not AUTONOMOUS_TAIL.fullmatch("自治区")   # 西藏 + 自治区 is the plain level-word case
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "r.txt").write_text(
        "2061年广西壮族自治区政府工作报告\n——2061年1月12日在广西壮族自治区第二十届人民代表大会第二次会议上\n"
        "各位代表：\n一、2060年工作回顾\n全区地区生产总值增长5.1%。\n二、2061年主要预期目标\n"
        "全区地区生产总值增长5.5%左右，居民消费价格涨幅2%以内。\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    with open_store(db) as store:
        ingest(store, walk([str(tmp_path / "in")]))
    with open_store(db, readonly=True) as store:
        r = lookup(store, place, "居民消费价格涨幅", 2061)
    assert r is not None and r["region"] == stored and r["verdict"] == "pending"
    assert r["target"]["value"] == 2


@pytest.mark.parametrize(("pattern", "example"), __import__("govlens.analysis.track", fromlist=["x"]).BARE_OUTCOME_ROWS)
def test_bare_outcome_rows_read_their_example(pattern, example):
    from govlens.analysis.track import BARE_OUTCOME

    assert BARE_OUTCOME.fullmatch(example)
    assert not BARE_OUTCOME.fullmatch("实际利用外资")   # a measure of its own


def test_an_outcome_named_only_as_the_outcome_takes_the_measure_of_the_sentence_before(tmp_path):
    """2072: 财政赤字预计为40亿元; 2073 report: 这五年全县财政赤字平均每年为35亿元左右。2072年实际执行结果为38亿元。 —
    the bare 实际执行结果 is the deficit the sentence before names (lower is better: 38 <= 40, met)."""
    from govlens.analysis.track import lookup

    (tmp_path / "in").mkdir()
    head = "{y}年青石县政府工作报告\n——{y}年1月9日在青石县第九届人民代表大会第{n}次会议上\n各位代表：\n"
    (tmp_path / "in" / "a.txt").write_text(
        head.format(y=2072, n="二") + "一、2071年工作回顾\n全县地区生产总值增长5%。\n二、2072年工作安排\n"
        "全县财政赤字预计为40亿元。\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(
        head.format(y=2073, n="三") + "一、2072年工作回顾\n这五年全县财政赤字平均每年为35亿元左右。"
        "2072年实际执行结果为38亿元。\n二、2073年工作安排\n全县地区生产总值增长6%。\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    with open_store(db) as store:
        ingest(store, walk([str(tmp_path / "in")]))
    with open_store(db, readonly=True) as store:
        r = lookup(store, "青石县", "财政赤字", 2072)
    assert r is not None and r["target"]["value"] == 40
    assert r["actual"] is not None and r["actual"]["value"] == 38
    assert (r["verdict"], r["rule"]) == ("met", "at_least-mirrored")


@pytest.mark.parametrize(("pattern", "example"), __import__("govlens.analysis.track", fromlist=["x"]).OF_THE_SUBJECT_ROWS)
def test_of_the_subject_rows_read_their_example(pattern, example):
    from govlens.analysis.track import OF_THE_SUBJECT

    assert OF_THE_SUBJECT.search(example)
    assert not OF_THE_SUBJECT.search("轻工业产值")   # a measure of its own is never the subject's


@pytest.mark.parametrize(("words", "target", "outcome"), [("工业总产值", 60, 63), ("工业总产值增长", 5, 8)])
def test_figures_named_by_what_they_include_are_the_opening_measures(tmp_path, words, target, outcome):
    """2082 report: 2081年的工业总产值（不包括村办企业，下同），连同新建企业在内，预计达到六十三亿元，比上一年增长
    百分之八 — the level and the growth are 工业总产值's, the sentence's opening measure."""
    from govlens.analysis.track import lookup

    (tmp_path / "in").mkdir()
    head = "{y}年青石县政府工作报告\n——{y}年1月9日在青石县第九届人民代表大会第{n}次会议上\n各位代表：\n"
    (tmp_path / "in" / "a.txt").write_text(
        head.format(y=2081, n="二") + "一、2080年工作回顾\n全县地区生产总值增长5%。\n二、2081年工作安排\n"
        "2081年的工业总产值比2080年将增长百分之五，达到六十亿元。\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(
        head.format(y=2082, n="三") + "一、2081年工作回顾\n2081年的工业总产值（不包括村办企业，下同），连同新建企业在内，"
        "预计达到六十三亿元，比上一年增长百分之八。\n二、2082年工作安排\n全县地区生产总值增长6%。\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    with open_store(db) as store:
        ingest(store, walk([str(tmp_path / "in")]))
    with open_store(db, readonly=True) as store:
        r = lookup(store, "青石县", words, 2081)
    got = lambda side: side.get("value") if side.get("change") is None or words.endswith("总产值") else side["change"]  # noqa: E731
    assert r is not None and r["actual"] is not None and r["verdict"] == "met"
    assert got(r["target"]) == target and got(r["actual"]) == outcome
