"""The question-reading tables run their own examples: each operation cue reads its example into
that operation, each sentence-choice cue moves its example's score the way its weight says."""

from __future__ import annotations

import re

import pytest

from conftest import SAMPLES
from govlens.analysis.ask import HANDLERS, read
from govlens.analysis.ask.answer import figure
from govlens.analysis.ask.choose import CLAUSE_CUES, KIND_SENTENCE_CUES, one_year, percent, score
from govlens.analysis.ask.define import DEFINITION_FORMS, in_text
from govlens.analysis.ask.handlers import NOTE_LABEL
from govlens.analysis.ask.plan import split
from govlens.analysis.ask.sentences import (
    ADOPTED_FORMS,
    COUNT_KIND_CUES,
    DIFFERENCE_FORMS,
    EFFECTIVE_FORMS,
    NO_TARGET_FORMS,
    count_in_text,
    stated_difference,
)
from govlens.analysis.ask.words import OPERATION_CUES, SPLITS
from govlens.analysis.compare import same_measure
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("plan") / "plan.db")
    with open_store(path) as s:
        ingest(s, walk([str(SAMPLES)]))
    with open_store(path, readonly=True) as s:
        yield s


@pytest.mark.parametrize(("op", "example"), [(op, ex) for op, _rx, ex in OPERATION_CUES])
def test_each_operation_cue_reads_its_example(store, op, example):
    p = read(store, example)
    # a cue may be refined by what else the question holds (两重指哪些 is a glossary list), never lost
    assert p.op == op or (op, p.op) in {("glossary_list", "glossary_list")}, p
    assert p.op in HANDLERS


def test_every_operation_has_a_handler():
    assert {op for op, *_ in OPERATION_CUES} | {"lookup", "compare", "glossary"} <= set(HANDLERS)


@pytest.mark.parametrize(
    ("question", "expect"),
    [
        ("明澜区和溪北县2021年地区生产总值分别是多少？", {"op": "compare", "places": ["云溪市明澜区", "溪北县"]}),
        ("溪北县与明澜区哪个区的地区生产总值更高？", {"op": "compare"}),
        ("明澜区2021年到2023年地区生产总值怎么变化？", {"op": "trend", "year_range": (2021, 2023)}),
        ("明澜区2023年地区生产总值比2021年增加了多少？", {"op": "change", "years": [2023, 2021]}),
        ("明澜区2023年经济增长目标是7.5%，实际增长了多少？", {"op": "track", "kind": "actual"}),
        ("2021年哪个区地区生产总值最低？", {"op": "rank", "level": "district", "order": "low"}),
        ("什么是全程代办？", {"op": "glossary", "term": "全程代办"}),
        # a term asked with a place and a year: the place and year choose the report, the term is the quoted words
        ("明澜区2023年政府工作报告里说的“三园”指什么？", {"op": "glossary", "term": "三园", "years": [2023]}),
        ("溪北县报告中的“两链”具体指哪些？", {"op": "glossary_list", "term": "两链"}),
        ("明澜区提出的“四个一批”是指哪四个？", {"op": "glossary_list", "term": "四个一批"}),
        ("云溪市绿色出行条例所称的“绿色出行”是指什么？", {"op": "glossary", "term": "绿色出行"}),
        # a short name after the quoted term, a count word of two characters, 怎么定义
        ("溪北县报告中的“三联一促”美丽村庄指哪些？", {"term": "三联一促"}),
        ("明澜区交通“两张表”是哪两张表？", {"term": "两张表"}),
        ("溪北县安全生产“四步工作法”是哪四步？", {"term": "四步工作法"}),
        ("云溪市绿色出行条例里的“绿色出行”是怎么定义的？", {"term": "绿色出行"}),
        ("明澜区“十五五”规划目标是什么？", {"term": None}),
        ("明澜区报告中的全程代办是什么意思？", {"op": "glossary", "term": "全程代办"}),
        ("2023年明澜区的民生实事包括哪些？", {"op": "glossary_list", "term": "民生实事", "years": [2023]}),
        # two years compared, however the comparison is worded; the kind is left to what the years state
        ("明澜区2023年经济增速比2022年快了多少？", {"op": "change", "kind": None, "want_change": True}),
        ("明澜区财政赤字率2023年比2022年提高了几个百分点？", {"op": "change", "kind": None}),
        ("明澜区2023年实际增长比2022年多了多少？", {"op": "change", "kind": "actual"}),
        ("明澜区2021年到2023年财政赤字率安排是怎样变化的？", {"op": "trend", "kind": "target", "measure": "财政赤字率"}),
        # a level asked over years (总量, 规模): the series is the level, not its growth
        ("明澜区2021年到2023年地区生产总值总量是怎么增长的？", {"op": "trend", "want_change": False}),
        # a position in a ranking; a count of stated items ranked; 今年 with no place has no year
        ("2023年地区生产总值增速排在各区第二位的是哪个区？", {"op": "rank", "constraints": ["nth 2"], "order": "high"}),
        ("2023年哪个区经济增速第三低？", {"op": "rank", "constraints": ["nth 3"], "order": "low"}),
        ("2023年哪些区计划办的民生实事件数最多？", {"op": "rank", "measure": "民生实事件数", "kind": "target"}),
        ("今年的民生实事一共有多少件？", {"op": "items", "constraints": ["year unresolved"]}),
        # the thing counted, named after or before the question word, is the measure
        ("明澜区一共建成了多少个党群服务站？", {"op": "lookup", "measure": "党群服务站"}),
        ("明澜区专精特新“小巨人”企业有几家？", {"op": "lookup", "measure": "专精特新小巨人企业"}),
        ("明澜区财政赤字率2023年比2022年提高了几个百分点？", {"measure": "财政赤字率"}),  # 百分点 is a unit
        ("明澜区2023年的民生实事清单一共列了几项？", {"op": "items", "noun": "民生实事"}),
        # a second place inside a name is no comparison; places side by side are
        ("明澜区有几处点位入选了2021版溪北县文化地图？", {"op": "lookup", "places": ["云溪市明澜区"]}),
        ("明澜区、溪北县2021年地区生产总值是多少？", {"op": "compare"}),
        ("与溪北县相比，明澜区2021年地区生产总值高多少？", {"op": "compare"}),
        ("云溪市明澜区2021年绿色出行促进条例什么时候起施行？", {"op": "date"}),
        # 以来 with a cumulative figure is one figure, not a series
        ("明澜区2021年以来累计建成了多少个党群服务站？", {"op": "lookup"}),
        ("明澜区2021年以来地区生产总值怎么变化？", {"op": "trend", "year_range": (2021, 2023)}),
        # the lowest asked in other words; a target compared with an outcome in other words
        ("2023年哪个区地区生产总值增速排名最后？", {"op": "rank", "order": "low"}),
        ("2023年哪个区一般公共预算收入增长目标垫底？", {"op": "rank", "order": "low"}),
        ("明澜区2023年城镇调查失业率是否控制在目标以内？", {"op": "track"}),
        # a year is never a stated target; a name before the year the library does not hold is a place it lacks
        ("2023年GDP增长目标相较2021年下调了多少个百分点？", {"op": "change", "stated_target": None}),
        ("雾川2023年GDP是多少？", {"unknown_place": "雾川"}),
        ("比较一下2021年明澜区、溪北县的地区生产总值", {"op": "compare", "unknown_place": None}),
        # a plan period with 每年/分别 is a series over its years; 哪一年…最多 over a range ranks the years
        ("“十四五”期间明澜区地区生产总值每年是多少？", {"op": "trend", "year_range": (2021, 2025), "period": None}),
        ("明澜区2021年以来哪一年地区生产总值最高？", {"op": "rank", "constraints": ["over years"]}),
        # a place that begins a company's name is not the place asked about
        ("溪北科创有限公司开建项目盘活了多少亩低效用地？", {"unknown_place": None, "op": "lookup"}),
        # a known measure that qualifies a share or a rate is not the measure asked
        ("明澜区2023年数字经济核心产业增加值占地区生产总值比重是多少？", {"key": None}),
        ("明澜区2023年工业在地区生产总值中所占比重是多少？", {"key": None}),  # the share of 工业, not the total
        ("明澜区2023年农业在地区生产总值中的比重是多少？", {"key": None}),
        ("明澜区2023年对全市经济增长的贡献率是多少？", {"key": None}),
        ("明澜区2023年经济增长目标是多少？", {"key": "gdp"}),
        # a target against its outcome, in other words; a report's glossary by count or by position
        ("明澜区2023年地区生产总值增长目标是否如期完成？", {"op": "track"}),
        ("明澜区2023年城镇新增就业有没有达到预期目标？", {"op": "track"}),
        ("明澜区2023年地区生产总值增长目标完成得好吗？", {"op": "track"}),
        ("明澜区2023年GDP实际增速比目标低了多少？", {"op": "track"}),
        ("明澜区2024年赤字率比2023年低多少？", {"op": "change", "years": [2024, 2023]}),  # two years: no ranking
        ("明澜区2023年一产、二产、三产增加值增长目标哪个最低？", {"op": "rank", "order": "low", "constraints": ["over parts"]}),
        ("明澜区2023年城乡居民收入增长目标哪个更高？", {"op": "rank", "constraints": ["over parts"]}),
        ("明澜区2023年地区生产总值增长目标是多少？", {"op": "lookup", "constraints": []}),
        ("明澜区2024年失业率比上年高了多少？", {"want_change": True, "years": [2024]}),
        ("明澜区2023年政府工作报告一共解释了多少个名词？", {"op": "glossary_count"}),
        ("明澜区2023年报告名词解释的第二条是什么？", {"op": "glossary_count"}),
        # a count of the library's documents, of a kind
        ("库里收录了多少篇2023年的政府工作报告？", {"op": "documents", "unknown_place": None, "years": [2023]}),
        ("数据库里有几部条例？", {"op": "documents"}),
        ("明澜区2021年到2023年地区生产总值和增速分别是多少？", {"op": "trend", "want_change": False}),
        ("明澜区2023年报告中的全程代办是什么？", {"op": "glossary", "term": "全程代办"}),
        ("明澜区2023年报告里“三张清单”是哪三张？", {"op": "glossary_list", "term": "三张清单"}),
        ("明澜区2023年报告中的经济增长目标是什么？", {"op": "lookup"}),
        # a ranking asked as 是哪三个 is no glossary list
        ("2023年地区生产总值增长目标最高的是哪两个区？", {"op": "rank", "constraints": ["top 2"]}),
        ("2023年地区生产总值增长目标最高的是哪三个？", {"op": "rank", "constraints": ["top 3"]}),
        # a figure asked is never a term: 是什么 with a year, 多少, 几项
        ("明澜区2023年经济增长目标是什么？", {"op": "lookup"}),
        # a source word (规划) that ends the term is the term's own; what an entry covers is a list asked
        ("溪北县的“两级三类”产业规划指什么？", {"op": "glossary", "term": "“两级三类”产业规划"}),
        ("明澜区3+1服务驿站覆盖哪些？", {"op": "glossary_list", "term": "3+1服务驿站"}),
        ("明澜区规划纲要中的“三园”指什么？", {"op": "glossary", "term": "三园"}),
        # a plan as the lexicon's table names it, quoted or in full; 平均每年 is one average, no series
        ("“六五”计划提出明澜区地区生产总值平均每年增长多少？", {"period": "1981-1985", "op": "lookup"}),
        ("第二个五年计划规定到1962年明澜区粮食产量达到多少？", {"period": "1958-1962"}),
        ("明澜区“十五”时期地区生产总值每年是多少？", {"op": "trend", "year_range": (2001, 2005)}),
        # 完成情况 over years: the outcomes when no target is named, the verdicts when one is
        ("明澜区2021年到2023年固定资产投资完成情况", {"op": "trend", "kind": "actual"}),
        ("明澜区2021年到2023年固定资产投资目标完成情况", {"op": "track"}),
        ("明澜区报告的注释部分一共有多少条？", {"op": "glossary_count"}),
        ("明澜区2023年报告后面的名词解释一共收了多少个词条？", {"op": "glossary_count"}),
    ],
)
def test_questions_read_into_plans(store, question, expect):
    p = read(store, question)
    for k, v in expect.items():
        got = getattr(p, k)
        if k == "places":
            assert [x for x in got if x] and all(any(g.endswith(e[-3:]) for g in got) for e in v), p
        else:
            assert got == v, (k, p)


def test_a_stated_target_is_read_from_the_question(store):
    p = read(store, "明澜区2023年经济增长目标是7.5%，实际增长了多少？")
    assert p.stated_target and p.stated_target["change"] == 7.5 and p.stated_target["qualifier"] is None


@pytest.mark.parametrize(("question", "change"), [
    ("明澜区2023年计划地区生产总值增长百分之七点五，当年实际增长了多少？", 7.5),
    ("明澜区2023年预期地区生产总值增长6%左右，实际完成了多少？", 6),
])
def test_a_target_stated_in_words_or_as_a_plan_keeps_the_measure(store, question, change):
    p = read(store, question)
    assert p.op == "track" and p.stated_target and p.stated_target["change"] == change, p
    assert p.key == "gdp", p  # the measure's words are not taken out with the figure


@pytest.mark.parametrize(("rx", "example"), NO_TARGET_FORMS)
def test_each_no_target_form_reads_its_example(rx, example):
    m = rx.search(example)
    assert m and "经济增速" in m.group("m")


@pytest.mark.parametrize(("rx", "weight", "example"), CLAUSE_CUES)
def test_each_clause_cue_moves_its_example(rx, weight, example):
    plain = {"quote": "地区生产总值100亿元", "metric": "地区生产总值", "value": 100, "unit": "亿元"}
    fact = {"quote": example, "metric": "", "value": 1, "unit": "人"}
    assert rx.search(example)
    assert (score(fact) > score(plain | {"metric": ""})) == (weight > 0)


def test_ten_year_figures_are_not_one_years_and_percent_is_one_measure():
    ten = {"quote": "十年来居民消费价格涨幅稳定在2%左右", "metric": "居民消费价格", "change": 2, "change_unit": "%"}
    assert not one_year(ten, "change")
    assert percent({"value": 3, "unit": "%", "change": None}) == percent({"change": 3, "change_unit": "%"}) == 3


@pytest.mark.parametrize(("name", "pattern", "example", "term", "holds"), DEFINITION_FORMS)
def test_each_definition_form_reads_its_example(name, pattern, example, term, holds):
    found = in_text("前文。" + example + "后文。", term)
    assert found is not None, name
    definition, s, e = found
    assert holds in definition and ("前文。" + example + "后文。")[s:e] == example


def test_a_list_before_a_term_needs_as_many_parts_as_the_term_counts():
    assert in_text("推进湖泊、湿地“三地”协同保护。", "三地") is None  # two parts for 三
    assert in_text("推进“三地”协同保护。", "三地") is None  # no definition at all


@pytest.mark.parametrize(("label", "is_note"), [("注解1", True), ("注2", True), ("说明", True), ("三张清单", False),
                                                ("注册制", False)])
def test_a_note_among_glossary_entries_is_not_a_term(label, is_note):
    assert bool(NOTE_LABEL.fullmatch(label)) == is_note


@pytest.mark.parametrize(("pattern", "example", "difference"), DIFFERENCE_FORMS)
def test_each_stated_difference_form_reads_its_example(pattern, example, difference):
    import re

    v = float(re.findall(r"\d+(?:\.\d+)?", example)[0])  # the example's own figure comes first
    fact = {"quote": example, "value": None, "change": v} if "增长" in example else {"quote": example, "value": v}
    d = stated_difference(fact, 2024)
    assert d is not None and f"{d['value']:g}{d['unit']}" == difference


def test_a_stated_difference_is_read_only_right_after_the_figure():
    fact = {"quote": "全年地区生产总值增长5%，民生支出占比达到七成，比上年提高2个百分点", "change": 5, "value": None}
    assert stated_difference(fact, 2024) is None  # the 比上年 clause belongs to another figure


@pytest.mark.parametrize(("rx", "kind", "example"), COUNT_KIND_CUES)
def test_each_count_kind_cue_reads_its_example(rx, kind, example):
    hit = count_in_text("前文。" + example + "。", "民生实事", kind)
    assert hit is not None and hit["kind"] == kind and hit["count"] == int(re.findall(r"\d+", example)[0])


def test_a_count_is_the_one_right_before_the_noun():
    hit = count_in_text("今年将办好12类45件民生实事。", "民生实事", "target")
    assert hit and hit["count"] == 45 and hit["unit"] == "件"


@pytest.mark.parametrize(("metric", "same"), [("一般公共预算收入同口径", True), ("赤字率拟", False),
                                              ("一般公共预算收入", False), ("农业总产值同口径", False)])
def test_a_trailing_word_does_not_change_the_measure(metric, same):
    # 赤字率 has no synonym-table key; a name that is the key already needs no stripping
    assert same_measure(metric, "budget_revenue") == same


@pytest.mark.parametrize(("name", "rx", "example"), SPLITS)
def test_each_split_form_reads_its_example(store, name, rx, example):
    parts = split(store, example)
    assert len(parts) >= 2 and all(re.search(r"多少|几", x) for x in parts), parts
    assert all(x.startswith("明澜区") for x in parts)  # the place is carried into every part


@pytest.mark.parametrize("q", [
    "明澜区和溪北县2021年地区生产总值分别是多少？",  # places compared
    "明澜区2025年地区生产总值是多少，增长了多少？",  # more of the first figure
    "明澜区要抓好的重点项目有多少个，总投资多少？",  # a count and its projects' investment, read whole
])
def test_one_question_is_not_split(store, q):
    assert split(store, q) == [q]


@pytest.mark.parametrize(("q", "parts"), [
    ("明澜区2031年要新建多少个口袋公园？改造老旧小区多少个？", ["明澜区2031年要新建多少个口袋公园？", "明澜区2031年改造老旧小区多少个"]),
    ("明澜区青禾产业园项目达产后年产值和年税收分别是多少？",
     ["明澜区青禾产业园项目达产后年产值是多少？", "明澜区青禾产业园项目达产后年税收是多少？"]),
])
def test_two_figures_asked_at_once_are_two_questions(store, q, parts):
    assert split(store, q) == parts


@pytest.mark.parametrize(("event", "rx", "example"), ADOPTED_FORMS)
def test_each_adoption_date_form_reads_its_example(event, rx, example):
    m = rx.search(example)
    assert m is not None and m.group().endswith(event)
    # the date read is the one right before its own event word, not the other event's
    assert example[m.end("d"):m.end()].count("年") == 0


@pytest.mark.parametrize(("rx", "example"), EFFECTIVE_FORMS)
def test_each_effective_date_form_reads_its_example(rx, example):
    m = rx.search(example)
    assert m and m.group("d") == "2031年5月1日"


@pytest.mark.parametrize(("kind", "rx", "weight", "example"), KIND_SENTENCE_CUES)
def test_each_kind_sentence_cue_moves_its_example_within_its_kind(kind, rx, weight, example):
    plain = {"quote": "新增就业40万人", "metric": "新增就业", "kind": kind}
    cued = plain | {"quote": example}
    assert rx.search(example) and score(cued, kind=kind) - score(plain, kind=kind) == weight
    assert score(cued) == score(plain)  # a kind the question does not ask: no cue counts


def test_a_measure_named_with_an_average_is_one_years_and_the_verb_is_the_nearest():
    pm = {"quote": "细颗粒物年均浓度控制在29微克/立方米左右", "metric": "细颗粒物年均浓度", "value": 29, "unit": "微克/立方米"}
    assert one_year(pm, "value")
    growth = {"quote": "规模工业增加值增长6%", "metric": "规模工业增加值", "change": 6, "change_unit": "%"}
    assert figure(growth) == "增长6%"


@pytest.mark.parametrize(("question", "unit"), [("明澜区有多少家医院？", "家"), ("审批压缩到了几天？", "天"),
                                               ("失业率是百分之几？", "%"), ("明澜区地区生产总值是多少？", None),
                                               ("明澜区地区生产总值是多少万亿元？", "万亿元")])
def test_the_unit_a_question_asks(question, unit):
    from govlens.analysis.ask.sentences import asked_unit

    assert asked_unit(question) == unit


def test_a_figure_keeps_every_digit_it_was_written_with():
    assert figure({"value": 60199.45, "unit": "亿元"}) == "60199.45亿元"  # :g would write 60199.4
    assert figure({"change": 1640.06, "change_unit": "万吨"}) == "增长1640.06万吨"


def test_a_company_named_after_a_place_is_no_place(store):
    assert read(store, "溪北科创有限公司开建项目盘活了多少亩低效用地？").places == []
    assert read(store, "溪北县2021年地区生产总值是多少？").places == ["溪北县"]


@pytest.mark.parametrize(("question", "value", "qualifier"), [
    ("2023年哪些区的地区生产总值增长目标是5%左右？", "5", "左右"),
    ("2023年哪些区的一般公共预算收入增长目标定为3%？", "3", None),
    ("2023年哪个区地区生产总值增长目标最高？", None, None),
])
def test_a_figure_stated_for_the_places_to_have(question, value, qualifier):
    from govlens.analysis.ask.words import FIGURE_STATED

    m = FIGURE_STATED.search(question)
    assert (m.group("v") if m else None) == value and (m.group("q") if m else None) == qualifier


def test_counted_nouns_are_found_anywhere_in_a_compared_measure():
    from govlens.analysis.ask.words import COUNTED_NOUN

    assert COUNTED_NOUN.search("计划办的民生实事各").group() == "民生实事"


@pytest.mark.parametrize("row", __import__("govlens.analysis.ask.words", fromlist=["RIVAL_WORDS"]).RIVAL_WORDS)
def test_a_rival_measure_does_not_answer(row):
    from govlens.analysis.ask.words import rival

    a, b, question, metric = row
    assert rival(question, metric)
    assert not rival(question, metric.replace(b, a))  # the measure asked itself
    assert not rival(question.replace(a, ""), metric)  # neither side asked: no verdict


@pytest.mark.parametrize(("q", "parts"), [
    ("明澜区2023年中央财政赤字和地方财政赤字分别是多少？", ["明澜区2023年中央财政赤字是多少？", "明澜区2023年地方财政赤字是多少？"]),
    ("明澜区青禾产业园项目建成后年营收和年利税分别是多少？", ["明澜区青禾产业园项目建成后年营收是多少？", "明澜区青禾产业园项目建成后年利税是多少？"]),
])
def test_a_pair_keeps_each_names_first_character(store, q, parts):
    """中央 after a year is a name's start, not the 中 of 报告中 (…年中央财政赤字和地方财政赤字分别)."""
    assert split(store, q) == parts


@pytest.mark.parametrize(("form", "rx", "example"), __import__("govlens.analysis.ask.words", fromlist=["X"]).STATED_TARGET_FORMS)
def test_each_stated_target_form_reads_its_example(store, form, rx, example):
    assert re.search(rx, example), form
    p = read(store, example)
    assert p.op == "track" and p.stated_target, (form, p)
    assert p.stated_target["value"] is not None or p.stated_target["change"] is not None, p
    assert not re.search(r"\d", p.measure or p.key or ""), p  # the figure (and its verb) left the measure
    assert not re.search(r"达到|要$", p.measure or ""), p


@pytest.mark.parametrize(("question", "target", "unit"), [
    ("云溪县2019年游客人数要达到80万人次，这个目标完成了吗？", 80, "万人次"),
    ("云溪县2020年林木蓄积量突破300万立方米的目标实现了吗？", 300, None),
    ("云溪县2021年预计新增市场主体达到1200户，实际达到了吗？", 1200, None),
    ("云溪县2022年农业产值预计达到46亿元，最后完成了多少？", 46, "亿元"),
    ("云溪县2018年新建学校目标是12所，实际建成多少？", 12, "所"),
])
def test_a_target_stated_as_a_verb_is_checked_against_the_outcome(store, question, target, unit):
    p = read(store, question)
    assert p.op == "track" and p.stated_target and p.stated_target["value"] == target, p
    assert unit is None or p.stated_target["unit"] == unit, p


@pytest.mark.parametrize("question", ["云溪县2019年游客人数达到80万人次的乡镇有哪些？", "哪些区地区生产总值达到1000亿元？"])
def test_a_figure_to_have_is_no_stated_target(store, question):
    assert read(store, question).stated_target is None


@pytest.mark.parametrize(("asked", "other"), [("接待游客人数", "旅游接待人数"), ("旅游接待人数", "接待游客"),
                                              ("游客人数", "接待国内外游客"), ("接待国内外旅游人数", "接待游客"),
                                              ("长期建设国债发行规模", "长期建设国债")])
def test_a_measure_worded_another_way_is_tried_in_its_other_wordings(asked, other):
    from govlens.analysis.ask.words import MEASURE_VARIANTS, measure_variants

    assert other in measure_variants(asked) and asked not in measure_variants(asked)
    assert measure_variants("旅游收入") == [] and measure_variants("接待") == []
    for rx, _names, example in MEASURE_VARIANTS:
        assert any(rx.fullmatch(example[i:j]) for i in range(len(example)) for j in range(i + 2, len(example) + 1))


@pytest.mark.parametrize(("question", "unit"), [("云溪县接待游客多少人次？", "人次"), ("云溪县接待游客多少万人次？", "万人次"),
                                                ("云溪县有多少人参保？", "人")])
def test_person_times_are_asked_as_such(question, unit):
    from govlens.analysis.ask.sentences import asked_unit

    assert asked_unit(question) == unit


@pytest.mark.parametrize(("pattern", "example", "first"), __import__("govlens.analysis.ask.sentences", fromlist=["X"]).FROM_TO_BARE_FORMS)
def test_a_sentence_going_from_one_figure_to_another_states_the_first(pattern, example, first):
    from govlens.analysis.ask.sentences import stated_from_bare

    last = float(re.findall(r"\d+(?:\.\d+)?", example)[-1])
    f = {"value": last, "unit": "%", "quote": "，" + example + "，"}
    got = stated_from_bare(f)
    assert got and got["value"] == float(first), got
    assert stated_from_bare(f | {"value": last + 1}) is None  # the second figure must be the fact's own


@pytest.mark.parametrize(("quote", "value", "unit", "first"), [
    ("乡村公路里程从820公里增加到1150公里", 1150, "公里", 820),
    ("人均补贴标准由450元/月提高至480元/月", 480, "元/月", 450),
    ("空置率从18%下降到9.5%", 9.5, "%", 18),
    ("绿化率达到45%", 45, "%", None),
])
def test_from_to_sentences_in_several_units(quote, value, unit, first):
    from govlens.analysis.ask.sentences import stated_from_bare

    got = stated_from_bare({"value": value, "unit": unit, "quote": quote})
    assert (got["value"] if got else None) == first


@pytest.mark.parametrize(("question", "year", "low"), [
    ("云溪县2015年到2020年粮食产量中，2018年的41.2万吨排第几高？", "2018", False),
    ("2015年至2020年云溪县财政收入里2016年排第几低？", "2016", True),
    ("云溪县2017年的工业产值在2015年到2020年间位列第几？", "2017", False),
    ("云溪县2015年到2020年哪一年粮食产量最高？", None, None),
])
def test_one_years_rank_within_a_series_is_read(question, year, low):
    from govlens.analysis.ask.words import RANK_IN_SERIES

    m = RANK_IN_SERIES.search(question)
    assert (m.group(1) or m.group(3) if m else None) == year
    if m:
        assert ((m.group("o") or m.group("o2") or "") in ("低", "少", "小")) == low


@pytest.mark.parametrize(("rx", "example"), __import__("govlens.analysis.ask.sentences", fromlist=["X"]).FINE_FORMS)
def test_each_fine_form_reads_its_example(rx, example):
    from govlens.analysis.ask.sentences import FINE

    assert re.search(rx, example) and re.search(r"\d+", FINE.search(example).group())


@pytest.mark.parametrize(("text", "fine"), [
    ("在公园内乱扔果皮的，处20元以上100元以下罚款", "20元以上100元以下"),
    ("违规张贴小广告的，处以500元罚款", "500元"),
    ("对违法行为处50元以下的罚款的，可当场收缴", "50元以下"),
    ("情节严重的，处1万元以上5万元以下罚款", "1万元以上5万元以下"),
])
def test_fines_are_read_as_written(text, fine):
    from govlens.analysis.ask.sentences import FINE

    assert re.sub(r"^以|的?罚款$|^罚款", "", FINE.search(text).group()) == fine


def test_a_fine_question_reads_the_regulations_sentence_holding_its_words(store):
    from govlens.analysis.ask.words import OPERATION_CUES

    assert read(store, "按云溪市市容条例，乱贴小广告罚多少钱？").op == "fine"
    assert read(store, "云溪市市容条例规定，多少元以下的罚款可以当场收缴？").op == "fine"
    assert read(store, "云溪市2023年罚没收入多少？").op != "fine"
    assert "fine" in {op for op, *_ in OPERATION_CUES}


@pytest.mark.parametrize(("question", "term"), [
    ("云溪县的五大新兴产业是哪些？", "五大新兴产业"),
    ("云溪县提出的三大攻坚行动有哪些？", "三大攻坚行动"),
    ("云溪县说的“两横”公路指哪两条？", "两横"),
    ("云溪县“三张清单”是指哪三张？", "三张清单"),
    ("2023年增长目标最高的省份是哪些？", None),
])
def test_a_named_sets_members_are_asked(store, question, term):
    p = read(store, question)
    assert p.term == term, p
    assert term is None or p.op == "glossary_list", p


@pytest.mark.parametrize(("pattern", "example", "figure"), __import__("govlens.analysis.ask.sentences", fromlist=["X"]).GROWTH_SINCE_FORMS)
def test_a_growth_over_a_named_base_year_is_read_only_for_that_year(pattern, example, figure):
    from govlens.analysis.ask.sentences import growth_since
    from govlens.stages.numbers import parse_number

    base = next(int(y) if y.isdigit() else int("".join(str("〇一二三四五六七八九".index(c)) for c in y))
                for y in re.findall(r"(\d{4}|[〇一二三四五六七八九]{4})年", example)[1:2] or re.findall(r"(\d{4})年", example))
    f = {"change": float(figure), "change_unit": "%", "quote": example}
    got = growth_since(f, base)
    assert got is not None and got["value"] == float(figure), got
    assert parse_number(figure) is not None
    assert growth_since(f, base - 3) is None  # another base year: not this growth
    assert growth_since(f | {"change": float(figure) + 1}, base) is None  # the figure must be the fact's own


@pytest.mark.parametrize(("quote", "base", "growth"), [
    ("二〇三五年同二〇三〇年相比，全县粮食增长百分之八，蔬菜增长百分之二十", 2030, 20),
    ("2035年全县外贸额达到86亿元，其中出口52亿元，分别比2030年增长41%和37%", 2030, 41),
    ("一九三五年预计同一九三○年比较，棉纱增长百分之十二点五", 1930, 12.5),
])
def test_growth_since_reads_each_wording(quote, base, growth):
    from govlens.analysis.ask.sentences import growth_since

    assert (got := growth_since({"change": growth, "change_unit": "%", "quote": quote}, base)) and got["value"] == growth
    # a growth over another base named later in the same sentence is not over this one
    assert growth_since({"change": 9.0, "change_unit": "%", "quote": "2035年同2030年相比，茶叶增长4%；比2025年增长9%"},
                        2030) is None


@pytest.mark.parametrize(("name", "pattern", "example", "question", "member"),
                         __import__("govlens.analysis.ask.sentences", fromlist=["X"]).MEMBER_FORMS)
def test_each_member_form_reads_its_example(name, pattern, example, question, member):
    from govlens.analysis.ask.sentences import members_in

    got = members_in(example, question)
    assert got is not None and member in got[0], (name, got)


@pytest.mark.parametrize(("text", "question", "expect"), [
    ("全乡将重点扶持蓝莓、高山茶和中药材等特色种植。", "全乡重点扶持哪几个特色种植？", ["蓝莓", "高山茶", "中药材"]),
    ("今年要加快打造北湖文旅片区、南山康养片区。", "要加快打造哪两个片区？", ["北湖文旅片区", "南山康养片区"]),
    ("今年要加快打造北湖文旅片区、南山康养片区和西岭物流片区。", "要加快打造哪两个片区？", None),  # three named, two asked
    ("全乡将重点扶持蓝莓等特色种植。", "全乡重点扶持哪几个特色种植？", None),  # one is no list
])
def test_members_are_read_from_the_sentence_after_the_verb(text, question, expect):
    from govlens.analysis.ask.sentences import members_in

    got = members_in(text, question)
    assert (got[0] if got else None) == expect


@pytest.mark.parametrize(("question", "term"), [
    ("“两链融合”包括哪两个方面？", "两链融合"),
    ("“七彩溪城”是哪七种颜色？", "七彩溪城"),
    ("“三网协同”分为哪三个层面？", "三网协同"),
    ("信用“432Y”工程里的4类主体是哪些？", "432Y"),
    ("“双廊”工程中的两条廊道分别是什么？", "双廊"),
])
def test_a_terms_parts_asked_read_the_term(store, question, term):
    p = read(store, question)
    assert p.op in ("glossary", "glossary_list") and p.term == term, p


@pytest.mark.parametrize("question", ["1984年全国棉花比上年增长了多少？", "2031年云溪县茶叶比2029年增加了多少？"])
def test_the_comparison_word_is_not_part_of_the_measure(store, question):
    p = read(store, question)
    assert p.measure and not p.measure.endswith("比"), p


@pytest.mark.parametrize(("text", "value"), [
    ("云溪大桥总投资相应调整约为12.4亿元", 12.4),
    ("总投资调整为7亿元", 7.0),
    ("总投资为36亿元的溪北污水处理厂建成投运", 36.0),
    ("计划总投资18.6亿元", 18.6),
])
def test_an_investment_figure_is_read_through_revision_words(text, value):
    from govlens.analysis.ask.sentences import INVEST

    m = INVEST.search(text)
    assert m is not None and float(m.group(3)) == value


@pytest.mark.parametrize(("question", "kind"), [
    ("第二个五年计划期间全县基本建设投资累计完成多少？", "actual"),
    ("五年计划时期云溪县粮食产量累计完成多少？", "actual"),
    ("云溪县2031年计划完成投资多少？", "target"),
])
def test_a_plans_name_is_no_target_cue(store, question, kind):
    assert read(store, question).kind == kind


@pytest.mark.parametrize(("question", "op"), [
    ("2031年全县粮食产量目标600万吨，最后是多少？", "track"),
    ("2031年云溪县失业率目标4.5%以内，后来实际是多少？", "track"),
])
def test_a_stated_target_then_its_outcome_asked_is_tracked(store, question, op):
    assert read(store, question).op == op


@pytest.mark.parametrize(("text", "fine"), [
    ("对个人处五千元以上二万元以下罚款", "五千元以上二万元以下"),
    ("逾期未恢复的，处绿化工程造价2%以上4%以下罚款", "绿化工程造价2%以上4%以下"),
])
def test_fines_in_chinese_numerals_or_shares_are_read(text, fine):
    from govlens.analysis.ask.sentences import FINE

    assert re.sub(r"^以|的?罚款$|^罚款", "", FINE.search(text).group()) == fine


@pytest.mark.parametrize("question", ["云溪市绿色出行促进条例对乱停单车的，罚款标准是多少？",
                                      "云溪市文明养犬条例对单位的罚款金额是多少？"])
def test_a_fines_standard_asked_is_a_fine(store, question):
    assert read(store, question).op == "fine"


def test_a_base_year_named_at_the_sentences_opening_holds_over_its_clauses():
    from govlens.analysis.ask.sentences import growth_since

    sentence = ("2035年同2030年相比，全县生产总值由120亿元增加到186亿元，增长55%；"
                "税收收入由9亿元增加到15亿元，增长67%")
    assert growth_since({"change": 67.0, "change_unit": "%", "quote": sentence}, 2030)["value"] == 67
    assert growth_since({"change": 67.0, "change_unit": "%", "quote": "税收收入由9亿元增加到15亿元，增长67%"}, 2030) is None


@pytest.mark.parametrize(("question", "op", "want_change"), [
    ("2031年云溪县粮食产量比上年增产多少？", "lookup", True),
    ("2031年云溪县粮食产量比2029年减产了多少？", "change", True),
])
def test_a_harvests_own_verbs_ask_a_change(store, question, op, want_change):
    p = read(store, question)
    assert p.op == op and p.want_change == want_change, p


def test_a_count_before_the_asked_words_beats_a_fact_read_by_fewer_of_them(tmp_path):
    from govlens.analysis.ask import ask

    text = ("云溪市2031年政务公开工作报告\n"
            "一、总体情况\n2031年，云溪市坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开，"
            "政府信息公开的深度和广度不断拓展，政务公开标准化规范化水平稳步提升。\n"
            "二、政府网站建设\n全市政府网站集约化建设取得新进展，网站内容保障和安全防护能力进一步增强。"
            "全市各部门网站中有27个开通了手机版，其中4个部门网站开通了无障碍版本。"
            "市政府门户网站全年发布政务信息1.2万条，回应网民留言860条。\n"
            "三、下一步工作\n继续完善政府网站与政务新媒体协同发布机制，提升政务服务的便捷度和群众满意度。\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "yx.txt").write_text(text, encoding="utf-8")
    with open_store(str(tmp_path / "s.db")) as s:
        ingest(s, walk([str(tmp_path / "in")]))
        a = ask(s, "各部门网站中有多少个开通了手机版？")
        assert "27个" in a.answer, a.answer
        assert "27个" in "".join(c["quote"] for c in a.citations)


@pytest.mark.parametrize(("name", "pattern", "example", "verb", "day"),
                         __import__("govlens.analysis.ask.sentences", fromlist=["X"]).EVENT_DATE_FORMS)
def test_each_event_date_form_reads_its_example(name, pattern, example, verb, day):
    m = re.search(pattern.format(v=verb), example)
    assert m is not None and m.group("d") == day, name


@pytest.mark.parametrize(("question", "subject", "verb", "before"), [
    ("溪北县政务服务网是哪天正式上线的？", "溪北县政务服务网", "上线", None),
    ("清理工作要求在什么时候前完成？", "清理工作", "完成", "前"),
    ("云溪大桥什么时候通车？", "云溪大桥", "通车", None),
])
def test_an_event_date_question_reads_subject_and_verb(question, subject, verb, before):
    from govlens.analysis.ask.words import EVENT_Q

    m = EVENT_Q.search(question)
    assert m and m.group("s") == subject and m.group("v") == verb and m.group("before") == before


@pytest.mark.parametrize(("question", "measure"), [
    ("“七五”期间工业年均增长多少？", "工业"),
    ("九五时期农业年均增长多少？", "农业"),
])
def test_a_plans_name_and_span_words_are_no_part_of_the_measure(store, question, measure):
    p = read(store, question)
    assert p.measure == measure and p.period, p


@pytest.mark.parametrize(("question", "noun"), [
    ("溪北县今年（2031年）要办的民生实事比去年完成的多几件？", "民生实事"),
    ("溪北县2031年计划实施的重点项目比2030年增加了多少个？", "重点项目"),
])
def test_two_years_counts_compared_read_as_items(store, question, noun):
    p = read(store, question)
    assert p.op == "items" and p.noun == noun, p


def test_two_years_counts_are_each_read_and_differenced(tmp_path):
    from govlens.analysis.ask import ask

    text = ("云溪市2031年政府工作报告\n一、2030年工作回顾\n过去一年，全市经济运行稳中向好，地区生产总值增长5.6%。"
            "坚持以人民为中心，民生投入持续加大，28件民生实事全部完成，群众获得感明显增强。\n"
            "二、2031年主要任务\n今年是实施新一轮发展规划的关键之年，地区生产总值预期增长5.5%左右。"
            "着力保障和改善民生，重点办好33件民生实事，让发展成果更多更公平惠及全体人民。\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "yx2031.txt").write_text(text, encoding="utf-8")
    with open_store(str(tmp_path / "s.db")) as s:
        ingest(s, walk([str(tmp_path / "in")]))
        a = ask(s, "今年（2031年）要办的民生实事比2030年完成的多几件？")
        assert "33件" in a.answer and "28件" in a.answer and "多5件" in a.answer, (a.answer, a.parsed)


@pytest.mark.parametrize(("quote", "y1", "shown"), [
    ("2031年，全县农业总产值约为八十六亿元，比2030年增加了四亿二千万元", 2030, "比2030年增加4.2亿元"),
    ("全县农业总产值86亿元，比上年增加4.2亿元", 2030, "比2030年增加4.2亿元"),
])
def test_an_absolute_change_the_sentence_states_answers_for_its_base_year(quote, y1, shown):
    from govlens.analysis.ask.handlers import _stated_absolute

    f = {"quote": quote, "span": [0, len(quote)], "doc": "x", "period": "2031", "metric": "农业总产值", "value": 86,
         "unit": "亿元", "change_abs": 42000, "change_abs_unit": "万元", "region": "溪北县", "kind": "actual"}
    a = _stated_absolute(f, y1)
    assert a is not None and shown in a.answer, a
    assert _stated_absolute(f, y1 - 2) is None  # another base year: not this amount


def test_a_list_is_read_only_from_a_document_about_whose_list_it_is(tmp_path):
    from govlens.analysis.ask import ask

    text = ("云溪市2031年政府工作报告\n一、2030年工作回顾\n过去一年，全市经济运行稳中向好，地区生产总值增长5.6%。"
            "我们始终坚持和衷共济、开放包容、务实创新三项原则，推动各项工作取得新进展。\n"
            "二、2031年主要任务\n今年要加快建设北湖文旅片区和南山康养片区，做强现代服务业，"
            "全年地区生产总值预期增长5.5%左右，城镇新增就业4万人以上。\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "yx2031.txt").write_text(text, encoding="utf-8")
    with open_store(str(tmp_path / "s.db")) as s:
        ingest(s, walk([str(tmp_path / "in")]))
        assert "南山康养片区" in ask(s, "云溪市要加快建设哪两个片区？").answer
        assert ask(s, "自由贸易试验区建设要坚持哪几项原则？").answer == ""  # another subject's principles
        assert "务实创新" in ask(s, "云溪市工作坚持哪几项原则？").answer


def test_chapters_and_ordinals_are_read_from_the_text(tmp_path):
    from govlens.analysis.ask import ask

    law = ("云溪市绿道保护条例\n（2031年3月1日云溪市第九届人民代表大会常务委员会第十二次会议通过）\n"
           "第一章　总则\n第一条　为了保护和利用绿道，改善人居环境，制定本条例。\n第二条　本市行政区域内绿道的规划、建设、"
           "管理和保护，适用本条例。\n第二章　规划建设\n第三条　市人民政府应当组织编制绿道专项规划。\n"
           "第四条　绿道建设应当尊重自然，保护生态。\n第三章　附则\n第五条　本条例自2031年6月1日起施行。\n")
    news = ("云溪要闻\n8月3日，云溪市市长林远航主持召开第57次市政府常务会议，研究部署绿道建设和防汛工作。"
            "会议强调，要压实责任，确保群众生命财产安全。会议还研究了其他事项。\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "law.txt").write_text(law, encoding="utf-8")
    (tmp_path / "in" / "news.txt").write_text(news * 3, encoding="utf-8")
    with open_store(str(tmp_path / "s.db")) as s:
        ingest(s, walk([str(tmp_path / "in")]))
        assert "共3章" in ask(s, "云溪市绿道保护条例分为几章？").answer
        assert "共5条" in ask(s, "云溪市绿道保护条例一共有多少条？").answer
        assert "第57次" in ask(s, "8月3日林远航主持召开的是第几次市政府常务会议？").answer
