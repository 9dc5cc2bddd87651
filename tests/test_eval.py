"""The gold-set and invariant gates: dev floors only move up, invariant counts only move down. The
blind set is reported by ``govlens eval`` (dev and blind side by side), never gated or tuned on."""

from __future__ import annotations

import json

import pytest

from conftest import CORPUS, ROOT, needs_shared
from govlens.evaluate import (
    INVARIANTS,
    broken_invariants,
    check_invariants,
    evaluate,
    gold_sets,
    metric_match,
    same_fact,
)
from govlens.model import Fact
from govlens.pipeline import read_text

GOLD = ROOT / "tests" / "gold"
FLOORS = {"strict_f1": 0.961, "lenient_f1": 0.985, "numbers_f1": 0.988, "glossary_f1": 0.97, "kind": 0.997,
          "period": 0.998, "unit": 0.996}  # round-2 blind rows joined dev (2026-11-30): 0.965 -> 0.90 strict; fixed to 0.983;
# round-3 blind rows (measured once: strict 0.709) joined dev at 03:15 UTC: 0.983 -> 0.900 strict, period 0.959
# span rules (totals/averages over several years, plan-end levels, 以来, 自…起; period.py SPAN_RULES): 0.930, period 0.994
# round 5 (fmetric): one fact, two forms in the scorer (guide); subject of the clause (有, 为重点, 实现…的产值): 0.950 -> 0.956;
# subjects across a clause (占全市, 其中新建, 达到 after a subject clause), N年平均 apart from the level: 0.960;
# effort verb + object (推进X12个重点项目建设), 在…上, 如, rank moves, 为每月: 0.966
# round-4 blind rows (measured once at 05:00 UTC: strict 0.748, period 0.860) joined dev: 0.966 -> 0.924, period 0.973
# round 4's classes (fmetric): 总额 after a change is its level, bare 高于全国 gaps and plan-indicator counts no facts,
# 增产 after a level its change, 比…预计 a base, 等 examples, class bounds after a count: 0.924 -> 0.939
# 翻(一)番 = +100 %, multiples in numerals (增长二点二倍), 提出/…提出的 open no metric; with main's time fixes: 0.955
# 突破万亿元 (no number), 总量比…增加 of the measure before, ranks (前5名), a restated change: 0.958
# round 4's time classes (ftime): bases and event years date nothing, 比…预计 no forecast, review turns to the
# plan's span, the coming plan's document in a mixed review, 共规划, status clauses, estimated spans: kind 0.987 -> 0.997, period 0.973 -> 0.991
# the measure named short (总收入), bare gaps of any comparator, class heads (30户以上村民小组), a subject clause
# naming whose 存款: 0.961
# A、B等主要指标 one group, 增加N、规模M one fact, 表 a product, bounds before 的+a class noun, 一成: 0.967
# with main's time fixes 0.970; 按5%的幅度压减X a change of X, 总收入 after 旅游收入增长: 0.971
# round-5 blind rows (measured once at 05:52 UTC: strict 0.780, period 0.934) joined dev: 0.971 -> 0.937
# round-6 blind rows (measured once at 06:37 UTC: strict 0.778, kind 0.923, period 0.828) joined dev: 0.951 -> 0.926
# round-7 blind rows (measured once at 07:37 UTC: strict 0.932, kind 0.994, period 0.982) joined dev: 0.965 -> 0.961
# round-8 blind rows (measured once at 08:43 UTC: strict 0.885, kind 1.000, period 0.954) joined dev: 0.973 -> 0.962
# ftime pass 3: bounds after a stock noun (企业主体超, 营收超, 床位超过, 覆盖实现) the span's end; 规划和2035年远景目标 a name: period 0.992 -> 0.996; 平均每年 under a plan-review heading, N年增长 before the verb: 0.997; 长达 a length, 相当于A年到B年 a base: 0.998; A年比B年, bare stocks, 累计达到N条 a stock: 0.999
# ftime pass 2: 本世纪末 a year, 继/像…那样 precedents, 连续N年 rate runs, 吞吐量/容量 span levels: kind 0.996, period 0.998, strict 0.966 (with main); year-end reports (next year's plan presented): kind 0.998
# 列/对/亩次/人/亿元 units, N人制 a format, 按可比口径/同口径/按不变价格计算 no metric of a change: 0.942
# a change inside 在…的基础上 an earlier change of the measure; 比上年 a base, no period between: 0.944
# 都/均 + a change: every level before it; a share then 、增加N天 its count's absolute change: 0.945
# a span before a change (四年增长1.2倍, no average) completes the level before it; 出台稳就业20条政策措施 (verb, modifier, count, noun): 0.948
# 一半(以上) = 50 % (guide: fractions are percentages): 0.949
# a figure in brackets for a scope of the measure before (（包括X为6%）) its change: 0.951
# pass 3 (fmetric): 由“七五”末的/从不到 before a start, 即N% after an absolute change its rate, bare 总产量 after
# the product's clause, N年 after 年限, a fine in numerals scored where it is written: 0.926 -> 0.929
# a 年均 change after a one-year level its own row (guide), not after 累计 or 由A到B; 它/其; 城镇…，农村…; a span's
# change then its last year's level one row; 百分之一百二十七: 0.929 -> 0.931
# round 6 (ftime): figures over a span (README convention): a level reached at a review's or plan's end is the end
# year, a flow keeps the span (period.py SPAN_LEVEL_RULES); 30 dev rows re-dated to the convention: 0.926 -> 0.946,
# period 0.960 -> 0.981 (on the re-dated rows main's code scores 0.909 / 0.940)
# 要 inside a word (重要, 主要) no future cue (1989's 主要生产能力有：… list was read as 1989 targets): 0.952 -> 0.961,
# kind 0.985 -> 0.994, period 0.981 -> 0.990
# 这两年中 a span cue (1979's review of 1977-1978), 五年总体 a span word (2023): 0.965, period 0.995
# round 7 joined dev (0.961); round 7's classes (fmetric): 由五十年代的…左右，上升到 a start, 只要我们能够/连续N年/保持 no
# name, 在连续两年增长…的基础上 of the sentence before, 比去年预算高0.2个百分点 a sign: 0.961 -> 0.964, metric 0.983 -> 0.986
# 缩减为/压缩至 leave names, list sizes (入选全国首批20个) no facts, starts listed (从A年的X、B年的Y，预计降低到), X在…的基础上，
# 又增长, the sector opening a sentence (重工业生产，由于…，产值): 0.967, metric 0.988
# with main's time fixes and fmetric's 种植、收获 stages, 收入、支出, A、B均达到, brackets (县（市、区）): 0.973
# Facts breaking each invariant over ../shared/corpus (``govlens eval --invariants``); only move down.
# Before time from structure (pipeline v13; plan sections as today's stages/sections.py sees them):
# 652, 488, 247, 0, 25 of 10 993 facts.
CEILINGS = {"outcome_not_before_report": 8, "actual_in_plan_section": 16, "metric_not_a_word": 23,
            "percent_over_1000": 0, "period_outside_horizon": 12}


@needs_shared
def test_dev_set_meets_its_floors():
    s = evaluate(GOLD / "dev", CORPUS)
    assert s.gold >= 300, "the dev set must hold at least 300 indicator facts"
    assert s.strict_prf()[2] >= FLOORS["strict_f1"], s.misses
    assert s.lenient_prf()[2] >= FLOORS["lenient_f1"], s.misses
    assert s.numbers_prf()[2] >= FLOORS["numbers_f1"], s.misses
    assert s.glossary_prf()[2] >= FLOORS["glossary_f1"], s.misses
    for attr in ("kind", "period", "unit"):
        assert s.attr_ok[attr] / s.attr_n[attr] >= FLOORS[attr], (attr, s.misses)


@needs_shared
def test_invariant_counts_only_move_down():
    rep = check_invariants([str(CORPUS)])
    assert rep.facts > 5000
    over = {k: (rep.counts[k], CEILINGS[k], rep.examples.get(k)) for k in INVARIANTS if rep.counts[k] > CEILINGS[k]}
    assert not over, over


def test_both_gold_sets_are_there():
    assert "dev" in gold_sets(GOLD)  # blind is absent between a round's measurement and the next blind set
    assert (GOLD / "dev" / "ask.jsonl").exists() and (GOLD / "dev" / "glossary.jsonl").exists()


def test_metric_match_is_tolerant_but_not_blind():
    assert metric_match("全国居民人均可支配收入", "居民人均可支配收入")
    assert metric_match("限上新能源汽车零售额", "消费品以旧换新带动限上新能源汽车零售额")
    assert not metric_match("城镇新增就业", "粮食产量")


def _row(metric, value=None, unit=None, change=None, change_unit=None, value_max=None):
    return {"metric": metric, "value": value, "value_max": value_max, "unit": unit, "change": change,
            "change_max": None, "change_unit": change_unit}


@pytest.mark.parametrize(("gold", "pred", "same"), [
    # a magnitude in the number or in the unit (三亿五千万平方米)
    (_row("新建住宅", 3.5, "亿平方米"), _row("新建住宅", 35000, "万平方米"), True),
    (_row("储蓄余额", 1.2, "万亿元"), _row("储蓄余额", 12000, "亿元"), True),
    (_row("新建住宅", 3.5, "亿平方米"), _row("新建住宅", 35000, "万元"), False),
    (_row("新建住宅", 3.5, "亿平方米"), _row("新建住宅", 3.5, "万平方米"), False),
    # a rate named by its noun, as value or change
    (_row("居民消费价格涨幅", 2, "%"), _row("居民消费价格涨幅", change=2, change_unit="%"), True),
    (_row("工业增加值增幅高于全省", 0.7, "百分点"), _row("工业增加值增幅高于全省", change=0.7, change_unit="百分点"), True),
    (_row("居民消费价格涨幅", 2, "%"), _row("居民消费价格涨幅", change=2, change_unit="百分点"), False),
    # a level is never its change
    (_row("城镇化率", 2, "%"), _row("城镇化率", change=2, change_unit="%"), False),
    (_row("地区生产总值", 512, "亿元"), _row("地区生产总值", change=512, change_unit="亿元"), False),
])
def test_one_fact_two_forms(gold, pred, same):
    assert same_fact(gold, pred) is same


# An invented report, stored as a corpus file and as a seed, scored in both gold formats.
REPORT = (
    "2024年云溪市明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作，请予审议。\n"
    "一、2023年工作回顾\n全区地区生产总值512亿元，比上年增长5.6%；新建公共停车位900个，\n改造老旧小区26个。"
    "城镇新增就业1.1万人。\n二、2024年主要工作安排\n地区生产总值增长5.5%左右，新增规上工业企业30家。\n"
)
ROW_GDP = ["地区生产总值", 512, None, "亿元", 5.6, None, "%", "actual", "2023", None]
ROW_PARKING = ["新建公共停车位", 900, None, "个", None, None, None, "actual", "2023", None]
ROW_HOUSING = ["改造老旧小区", 26, None, "个", None, None, None, "actual", "2023", None]


def _gold(tmp_path, name: str, rows: list[dict]) -> None:
    (tmp_path / "gold" / name).mkdir(parents=True, exist_ok=True)
    (tmp_path / "gold" / name / "indicators.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture
def shared(tmp_path):
    for sub in ("corpus", "seeds"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "mingaln-2024.txt").write_text(REPORT, encoding="utf-8")
    return tmp_path


def test_dev_rows_score_the_line_of_their_anchor(shared):
    _gold(shared, "dev", [{"file": "mingaln-2024.txt", "anchor": "全区地区生产总值512亿元",
                           "facts": [ROW_GDP, ROW_PARKING]}])
    s = evaluate(shared / "gold" / "dev", shared / "corpus")
    assert (s.regions, s.gold, s.pred, s.strict) == (1, 2, 2, 2)  # 26个 on the next line is not in the region


def test_blind_rows_score_from_anchor_to_until_in_han_characters(shared):
    # Han-only anchor and until: "全区地区生产总值512亿元，比上年增长5.6%" is matched across the figures,
    # and the region ends with the 个 of "新建公共停车位900个".
    _gold(shared, "blind", [
        {"path": "seeds/mingaln-2024.txt", "anchor": "全区地区生产总值亿元比上年增长", "until": "新建公共停车位个",
         "facts": [ROW_GDP, ROW_PARKING]},
        {"path": "corpus/mingaln-2024.txt", "anchor": "个改造老旧小区", "until": "城镇新增就业万人",
         "facts": [ROW_HOUSING, ["城镇新增就业", 1.1, None, "万人", None, None, None, "actual", "2023", None]]},
    ])
    s = evaluate(shared / "gold" / "blind", shared / "corpus")
    assert (s.regions, s.gold) == (2, 4)
    # Only the figures inside each region count: the second region starts at the 个 of 900个 and
    # crosses a line break; 5.5% and 30家 of the plan section are outside both.
    assert s.pred == 4 and s.strict == 4 and s.numbers_prf()[2] == 1.0
    d = s.as_dict()
    assert d["attributes"]["kind"] == 1.0 and d["numbers"]["gold"] == 5


def test_a_figure_in_numerals_counts_where_it_is_written_not_where_its_quote_opens(shared):
    # the quote opens at 第十二条, before the region; the fine (二百元) is inside it: one prediction, matched
    (shared / "corpus" / "mingaln-rules.txt").write_text(
        "云溪市文明行为促进条例\n第一章 总则\n第十二条 违反本条例规定，在公共场所吸烟的，由卫生部门责令改正，"
        "拒不改正的，处以二百元罚款。\n第十三条 本条例自公布之日起施行。\n", encoding="utf-8")
    _gold(shared, "blind", [{"path": "corpus/mingaln-rules.txt", "anchor": "由卫生部门责令改正", "until": "元罚款",
                             "facts": [["在公共场所吸烟拒不改正罚款", 200, None, "元", None, None, None, "target", None, None,
                                        ["period"]]]}])
    s = evaluate(shared / "gold" / "blind", shared / "corpus")
    assert (s.gold, s.pred, s.lenient) == (1, 1, 1), s.misses


def test_a_wrong_kind_costs_strict_but_not_lenient_or_numbers(shared):
    wrong = [*ROW_PARKING[:7], "target", "2024", None]
    _gold(shared, "blind", [{"path": "corpus/mingaln-2024.txt", "anchor": "新建公共停车位", "until": "停车位个",
                             "facts": [wrong]}])
    s = evaluate(shared / "gold" / "blind", shared / "corpus")
    assert (s.gold, s.pred, s.lenient, s.strict) == (1, 1, 1, 0)
    assert s.attr_ok["kind"] == 0 and s.numbers_prf()[2] == 1.0


def test_a_missing_anchor_is_an_error_not_a_silent_zero(shared):
    _gold(shared, "blind", [{"path": "corpus/mingaln-2024.txt", "anchor": "没有这样的句子", "until": "停车位", "facts": []}])
    with pytest.raises(ValueError, match="anchor not found"):
        evaluate(shared / "gold" / "blind", shared / "corpus")


@pytest.mark.parametrize(
    ("body", "needle", "broken"),
    [
        # A plan section's figure read as an outcome of the report's own year.
        ("二、2024年主要工作安排\n新建公共停车位700个。\n", "700", {"kind": "actual", "period": "2024"}),
        ("一、2023年工作回顾\n一般公共预算收入下降8.5%。\n", "8.5", {"metric": "出现"}),
        ("一、2023年工作回顾\n一般公共预算收入下降8.5%。\n", "8.5", {"metric": "地区生产总值和"}),
        ("一、2023年工作回顾\n城镇新增就业1.1万人。\n", "1.1", {"unit": "%", "value": 1200}),
        ("一、2023年工作回顾\n城镇新增就业1.1万人。\n", "1.1", {"period": "1990"}),
    ],
)
def test_each_invariant_class_catches_its_fault(body, needle, broken):
    (doc,) = read_text("2024年云溪市明澜区政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作。\n" + body)
    (f,) = [f for f in doc.facts if f.type == "indicator" and needle in f.quote]
    assert broken_invariants(doc, f) == [], (f.data, broken_invariants(doc, f))
    bad = Fact(f.type, f.start, f.end, f.quote, f.data | broken)
    if "kind" in broken:
        assert set(broken_invariants(doc, bad)) == {"outcome_not_before_report", "actual_in_plan_section"}
    elif "metric" in broken:
        assert broken_invariants(doc, bad) == ["metric_not_a_word"]
    elif "unit" in broken:
        assert broken_invariants(doc, bad) == ["percent_over_1000"]
    else:
        assert broken_invariants(doc, bad) == ["period_outside_horizon"]


def test_eval_cli_reports_dev_and_blind_side_by_side(shared):
    import subprocess
    import sys

    _gold(shared, "dev", [{"file": "mingaln-2024.txt", "anchor": "全区地区生产总值512亿元", "facts": [ROW_GDP, ROW_PARKING]}])
    _gold(shared, "blind", [{"path": "seeds/mingaln-2024.txt", "anchor": "改造老旧小区", "until": "城镇新增就业万人",
                             "facts": [ROW_HOUSING]}])
    cmd = [sys.executable, "-m", "govlens", "eval", str(shared / "gold"), "--corpus", str(shared / "corpus")]
    r = subprocess.run([*cmd, "-f", "json"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert set(d) == {"dev", "blind"} and d["dev"]["gold"] == 2 and d["blind"]["gold"] == 1
    assert d["blind"]["pred"] == 2  # 1.1万人 is in the region too, unannotated: precision pays
    r = subprocess.run([*cmd, "--sets", "dev"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and "dev F1" in r.stdout and "blind" not in r.stdout
    r = subprocess.run([sys.executable, "-m", "govlens", "eval", "--invariants", "--corpus", str(shared / "corpus"),
                        "-f", "json"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and set(json.loads(r.stdout)["classes"]) == set(INVARIANTS)


@pytest.mark.parametrize(("text", "years"), [
    ("“十四五”期间，全区新建学校12所", {2025}),
    ("“一五”时期新建铁路", {1957}),
    ("“十五五”开局之年", {2030}),
    ("二十五个省", set()),
])
def test_plan_names_are_read_whole_not_inside_a_longer_numeral(text, years):
    from govlens.evaluate import _named_years

    assert _named_years(text) == years
