"""A figure whose measure the sentence names only after it (再解决150万山区群众的吃水难问题) is tracked by
that name, and two names holding the same words in another order (饮水安全, 安全饮水) are one measure.
All sentences here are invented."""

import re

import pytest

from govlens.analysis.track import (
    BA_RAISED_ROWS,
    OBJECT_AFTER_ROWS,
    VERB_THEN_THING_ROWS,
    fact_name,
    names_asked,
    object_after,
    raised_by_ba,
    same_name,
)


@pytest.mark.parametrize(("pattern", "example", "name"), OBJECT_AFTER_ROWS)
def test_each_row_reads_the_name_after_the_figure(pattern, example, name):
    value = float(re.search(r"\d+", example)[0])
    fact = {"quote": example, "value": value, "metric": "再解决", "metric_key": None}
    assert object_after(fact) == name
    assert fact_name(fact, [fact]) == name


@pytest.mark.parametrize("quote", [
    "今年要再解决800万山区居民的吃水难问题，增加300万沼气用户",
    "全年解决了812多万山区居民的吃水难问题",
])
def test_the_name_is_of_the_figure_that_stands_before_it(quote):
    value = 800 if "800万" in quote else 812
    assert object_after({"quote": quote, "value": value}) == "山区居民吃水难"
    assert object_after({"quote": quote, "value": 300}) is None  # the other figure names no problem after it


def test_the_words_before_a_figure_name_it_when_no_problem_follows():
    fact = {"quote": "新增沼气用户450万户", "value": 450, "metric": "新增沼气用户", "metric_key": None}
    assert object_after(fact) is None


@pytest.mark.parametrize(("a", "b", "same"), [
    ("山区居民饮水安全", "山区居民安全饮水", True),
    ("牧区饮水安全工程", "牧区安全饮水", True),
    ("饮水安全", "用电安全", False),
    ("农村公路", "农村电网", False),
])
def test_names_in_another_order_are_one_measure(a, b, same):
    assert same_name(a, b) is same


def test_a_user_finds_a_name_worded_in_another_order():
    assert names_asked("山区安全饮水", "山区居民饮水安全")
    assert not names_asked("山区安全用电", "山区居民饮水安全")


@pytest.mark.parametrize(("quote", "metric", "value", "name"), VERB_THEN_THING_ROWS)
def test_a_name_ending_in_its_verb_takes_the_thing_counted_after_the_figure(quote, metric, value, name):
    unit = quote.split(f"{value:g}")[1][0]
    fact = {"quote": quote, "metric": metric, "value": value, "unit": unit, "metric_key": None}
    assert object_after(fact) == name
    assert fact_name(fact, [fact]) == name


def test_a_name_ending_in_a_noun_keeps_its_own_words():
    fact = {"quote": "新增停车泊位1200个，改造老旧管网", "metric": "新增停车泊位", "value": 1200, "unit": "个"}
    assert object_after(fact) is None


@pytest.mark.parametrize(("pattern", "example", "name"), BA_RAISED_ROWS)
def test_a_ba_clause_raising_a_standard_names_its_measure(pattern, example, name):
    metric = example.split("由")[0]
    fact = {"quote": example, "metric": metric, "value": 400, "unit": "元", "metric_key": None}
    assert raised_by_ba(fact) == name
    assert fact_name(fact, [fact]) == name


@pytest.mark.parametrize(("quote", "metric", "name"), [
    ("今年要把乡村教师生活补助标准提高到每月500元", "把乡村教师生活补助标准", "乡村教师生活补助标准"),
    ("把城乡低保对象的救助标准由每月600元上调到660元", "把城乡低保对象的救助标准", "城乡低保对象救助标准"),
    ("把乡镇卫生院建成120所标准化卫生院", "把乡镇卫生院", None),  # built, not raised: no name
])
def test_ba_names_only_a_raised_measure(quote, metric, name):
    assert raised_by_ba({"quote": quote, "metric": metric}) == name
