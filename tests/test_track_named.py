"""Targets whose measure has no lexicon key (programme, budget and task figures: 公厕, 冷库, 县财政教育支出)
are tracked by their name: the name without the words that say how or when the figure is reached
(lexicon/data/measure_fillers.tsv) and without stage words (lexicon/data/stages.tsv). All sentences
and places here are invented."""

import pytest

from govlens.analysis.track import (
    ASPECT_HEADS,
    NOT_A_NAME_ROWS,
    aspect,
    fact_name,
    lists_several,
    lookup,
    name_core,
    name_in_list,
    named_measure,
    names_asked,
    same_name,
    track,
)
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.lexicon.load import rows
from govlens.store import open_store


@pytest.mark.parametrize("row", rows("measure_fillers.tsv"))
def test_each_filler_row_reads_its_example_as_its_name(row):
    where, word, name, core = row
    assert {"lead": name.startswith(word), "tail": name.endswith(word)}.get(where, word in name)
    assert name_core(name) == core


@pytest.mark.parametrize(("a", "b"), [
    ("建成街心公园", "改造新建街心公园"),
    ("街心公园建设", "年内建成“街心公园”"),
    ("县财政安排“双减”支出", "县财政用于“双减”的投入"),
    ("县财政拟投入养老服务资金", "县财政安排养老服务资金"),
    ("冷链仓储库建设任务", "新建成冷链仓储库"),
    ("改造老街巷", "集中改造老街巷全部完工"),
])
def test_one_measure_written_several_ways_has_one_name(a, b):
    assert named_measure(a) is not None
    assert same_name(named_measure(a), named_measure(b))


@pytest.mark.parametrize(("a", "b"), [
    ("新增菜市场营业面积", "新增菜市场面积"),   # one word more in the target's name
    ("社区食堂", "新建成社区食堂"),
])
def test_a_name_holding_most_of_the_other_is_the_same_measure(a, b):
    assert same_name(named_measure(a), named_measure(b))


@pytest.mark.parametrize(("a", "b"), [
    ("新建温室", "建成蔬菜温室"),          # a two-character name is the head of the longer one
    ("年内新建茶棚", "建成高山茶棚"),
    ("大规模扩招", "中职学校扩招"),
    ("改造水库", "小型水库"),
])
def test_a_two_character_head_is_the_thing_the_longer_name_qualifies(a, b):
    assert same_name(named_measure(a), named_measure(b))
    assert names_asked(named_measure(b), named_measure(a))


@pytest.mark.parametrize(("a", "b"), [
    ("造林", "新增造林面积"),            # a two-character name matches only itself
    ("国债", "发行建设国债"),            # a verb before the head: another measure of it
    ("公园", "改造提升公园"),
    ("县财政教育", "县财政文化"),
    ("猪牛羊肉等", "猪牛羊肉总产量"),    # three in four pairs is not enough
    ("社区食堂", "社区卫生室"),
])
def test_different_measures_do_not_pair(a, b):
    assert not same_name(name_core(a), name_core(b))


@pytest.mark.parametrize("name", ["投资", "完成投资", "中央财政拟安排资金", "县财政安排资金", "项目总投资",
                                  "比上年", "企业", "产量", "新建的"])
def test_a_name_that_says_too_little_is_no_measure(name):
    assert named_measure(name) is None


@pytest.mark.parametrize(("head", "earlier", "bare", "name"), ASPECT_HEADS)
def test_a_bare_aspect_after_another_names_the_lists_thing(head, earlier, bare, name):
    assert named_measure(bare) is None and bare.endswith(head)
    assert name_in_list(bare, earlier) == name


@pytest.mark.parametrize(("bare", "earlier"), [
    ("产量", "食用菌产量"),      # the same aspect twice: a second thing, not named
    ("产量", "新建冷库"),        # the earlier name ends in no aspect
    ("投资", "茶叶种植面积"),    # 投资 is no aspect of a thing
])
def test_a_bare_aspect_borrows_only_from_another_aspect(bare, earlier):
    assert name_in_list(bare, earlier) is None


def test_a_bare_aspect_takes_the_nearest_name_before_it_in_its_sentence():
    q = "年内新建茶棚300亩，高山茶叶种植面积达到5万亩，产量达到2万吨"
    facts = [{"doc": "d", "quote": q, "id": i, "metric": m, "metric_key": None}
             for i, m in enumerate(["新建茶棚", "高山茶叶种植面积", "产量"])]
    assert fact_name(facts[2], facts) == "高山茶叶产量"
    assert fact_name(facts[2], facts[2:]) is None      # alone in its sentence: says too little


@pytest.mark.parametrize(("one", "several"), [
    ("县财政安排科技投入", "县财政用于科技、教育和文化事业的支出"),
    ("新建公厕", "新建公厕、驿站和停车场"),
])
def test_a_list_of_things_is_their_sum_not_one_of_them(one, several):
    assert not lists_several(one) and lists_several(several)


@pytest.mark.parametrize("name", ["中心城区", "老城区", "农村", "北湾20万吨级", "级产业园", "培育省级"])
def test_a_place_or_a_grade_is_no_measure(name):
    assert named_measure(name) is None


@pytest.mark.parametrize("name", ["中央本级支出", "农村公路提档升级", "城区公厕"])
def test_a_level_of_government_or_an_upgrade_still_names_one(name):
    assert named_measure(name) is not None


@pytest.mark.parametrize(("pattern", "example"), NOT_A_NAME_ROWS)
def test_not_a_name_rows_reject_their_example(pattern, example):
    assert named_measure(example) is None


def test_a_user_asks_for_a_name_the_stored_one_holds():
    assert names_asked("公厕", "公厕")
    assert names_asked("养老服务", "县财政养老服务")       # asked less: found
    assert not names_asked("县财政养老服务", "县财政")     # asked more: the vaguer one is not it


REPORT = ("{y}年青石县政府工作报告\n——{y}年1月9日在青石县第九届人民代表大会第{n}次会议上\n各位代表：\n"
          "一、{p}年工作回顾\n{review}\n二、{y}年工作安排\n{plan}\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("named")
    (d / "in").mkdir()
    (d / "in" / "a.txt").write_text(REPORT.format(
        y=2051, n="二", p=2050, review="全年地区生产总值增长5.8%。",
        plan="年内建成社区食堂40个，完成8万平方米冷链仓储库建设任务。县财政拟安排养老服务资金6.5亿元。"
             "年内投资3亿元，新建口袋公园12处。年内完成1200户、9万平方米棚户区改造。"
             "年内新建蔬菜大棚300亩，茶叶种植面积达到3万亩，产量达到1.5万吨。县财政安排科技投入2亿元。"
             "高山马铃薯总产量达到6万吨，产值达到3亿元。"), encoding="utf-8")
    (d / "in" / "b.txt").write_text(REPORT.format(
        y=2052, n="三", p=2051,
        review="过去一年，改造新建社区食堂46个，新建成冷链仓储库6万平方米。县财政安排养老服务资金6.1亿元。"
               "完成投资5亿元。全年实施棚户区改造7万平方米。建成大棚320亩，茶叶产量达到1.2万吨。"
               "县财政用于科技、教育和文化的支出9亿元。",
        plan="年内新建口袋公园15处。"), encoding="utf-8")
    path = str(d / "t.db")
    with open_store(path) as store:
        ingest(store, walk([str(d / "in")]))
    return path


@pytest.mark.parametrize(("words", "verdict", "target", "outcome"), [
    ("社区食堂建设", "met", 40, 46),
    ("冷链仓储库", "missed", 8, 6),
    ("养老服务资金", "missed", 6.5, 6.1),
    ("口袋公园", "unclear", 12, None),   # the next report states no outcome, only its own plan
    ("蔬菜大棚", "met", 300, 320),       # the outcome names the thing by its head
    ("茶叶产量", "missed", 1.5, 1.2),    # the target's 产量 is the 茶叶 of the aspect before it
    ("县财政科技", "unclear", 2, None),  # the outcome is the sum of three things, not 科技's
])
def test_named_targets_pair_with_the_next_reports_outcome(db, words, verdict, target, outcome):
    with open_store(db, readonly=True) as store:
        r = lookup(store, "青石县", words, 2051)
    assert r is not None and r["metric_key"] is None and r["name"]
    assert r["verdict"] == verdict
    assert r["target"]["value"] == target
    assert (r["actual"] or {}).get("value") == outcome


def test_of_two_names_found_the_one_asked_as_written_answers(db):
    """高山马铃薯总产量达到6万吨，产值达到3亿元: 高山马铃薯总产值 holds four in five of the asked pairs too."""
    with open_store(db, readonly=True) as store:
        found = {r["name"] for r in track(store, region="青石县", metric="高山马铃薯总产量", year=2051)}
        r = lookup(store, "青石县", "高山马铃薯总产量", 2051)
    assert found == {"高山马铃薯总产量", "高山马铃薯总产值"}
    assert r["name"] == "高山马铃薯总产量" and r["target"]["value"] == 6


def test_a_bare_investment_is_not_tracked(db):
    """年内投资3亿元 against 完成投资5亿元: 投资 alone names no measure."""
    with open_store(db, readonly=True) as store:
        rows_ = track(store, region="青石县")
    assert rows_ and not any(r["name"] in (None, "投资") and r["metric_key"] is None for r in rows_)
    assert not any((r["target"].get("metric") or "").endswith("投资") for r in rows_)


@pytest.mark.parametrize("row", rows("measure_aspects.tsv"))
def test_each_aspect_row_asks_for_its_measure_in_its_unit(row):
    from govlens.analysis.track import measure

    word, unit, example = row
    rest, got = aspect(example)
    assert rest + word == example and got == unit and measure(rest)[0] is not None


def test_an_aspect_word_asks_for_the_level_in_its_unit(db):
    """年内完成1200户、9万平方米棚户区改造: 棚户区改造面积 is the area target, paired with the area outcome."""
    with open_store(db, readonly=True) as store:
        r = lookup(store, "青石县", "棚户区改造面积", 2051)
    assert r is not None and r["metric_key"] == "shantytown_renovation"
    assert (r["target"]["value"], r["target"]["unit"]) == (9, "万平方米")
    assert (r["actual"]["value"], r["verdict"]) == (7, "missed")


# --- figures that are no figure of their year in a sense (read on unannotated pairs) -------------------

def _fact(quote, metric, value=None, unit=None, change=None, period="2042"):
    return {"quote": quote, "metric": metric, "value": value, "unit": unit, "change": change,
            "change_unit": "%" if change is not None else None, "period": period, "metric_key": None}


@pytest.mark.parametrize(("f", "sense"), [
    (_fact("二〇四二年同二〇三九年相比，茶叶增长百分之三十", "茶叶", change=30), "growth"),
    (_fact("2042年预计同2040年比较，油料增长百分之十二", "油料", change=12), "growth"),
    (_fact("今明两年新建乡村驿站300个", "新建乡村驿站", value=300, unit="个"), "level"),
    (_fact("三年内改造农村公路5000公里", "改造农村公路", value=5000, unit="公里"), "level"),
    (_fact("城乡居民医保人均补助标准再提高30元", "城乡居民医保人均补助标准", value=30, unit="元"), "level"),
    (_fact("养老金最低标准提高了15元", "养老金最低标准", value=15, unit="元"), "level"),
])
def test_a_figure_the_sentence_makes_no_years_figure_has_no_such_sense(f, sense):
    from govlens.analysis.track import fact_senses

    assert sense not in fact_senses(f)


@pytest.mark.parametrize(("f", "sense"), [
    (_fact("2042年同2041年相比，茶叶增长百分之六", "茶叶", change=6), "growth"),   # the year before: the year's growth
    (_fact("茶叶产量比上年增长6%", "茶叶产量", change=6), "growth"),
    (_fact("城乡居民医保人均补助标准从580元提高到610元", "城乡居民医保人均补助标准", value=610, unit="元"), "level"),
    (_fact("今年再减少农村贫困人口120万人以上", "减少农村贫困人口", value=120, unit="万人"), "level"),
    (_fact("年内新建乡村驿站300个", "新建乡村驿站", value=300, unit="个"), "level"),
])
def test_the_years_own_figures_keep_their_sense(f, sense):
    from govlens.analysis.track import fact_senses

    assert sense in fact_senses(f)


@pytest.mark.parametrize("name", ["基本建设投资多", "化肥施用量少"])
def test_a_name_ending_in_more_or_less_is_an_increase(name):
    assert named_measure(name) is None


@pytest.mark.parametrize(("quote", "metric", "part"), [
    ("2043年上半年小学生有120万人，中等学校学生8万人，高等学校学生6000人", "高等学校学生", True),
    ("前三季度，社区食堂新增40个", "社区食堂新增", True),
    ("上半年开局良好，全年新增社区食堂46个", "新增社区食堂", False),   # 全年 closes the part of the year
    ("社区食堂新增46个，比上年同期多10个", "社区食堂新增", False),
])
def test_a_figure_for_a_part_of_the_year_is_no_outcome(quote, metric, part):
    from govlens.analysis.track import part_of_year

    assert part_of_year({"quote": quote, "metric": metric}) is part
