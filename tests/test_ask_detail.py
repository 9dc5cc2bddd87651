"""A detail read from the one sentence naming what the question names (analysis/ask/detail.py): each
row of READ_FORMS answers its invented question from its invented sentence, in a real store."""

from __future__ import annotations

import pytest

from govlens.analysis.ask import ask
from govlens.analysis.ask.detail import FROM_TO, FROM_TO_EXAMPLES, READ_FORMS, WHICH_TARGET_EXAMPLES, slots
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store

_HEAD = "2030年云溪市政府工作报告\n——2030年1月12日在云溪市第九届人民代表大会第一次会议上\n各位代表：\n"
_MORE = [
    "推行“双审合一”后，审批平均减少60天，整体提速约30%，企业满意率提高12%。",  # two clauses: 提速 chooses
    "“快办通”平台：指在全市政务服务网上线、接入四十个部门的办事平台。",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    root = tmp_path_factory.mktemp("detail")
    (root / "in").mkdir()
    text = _HEAD + "".join(example + "\n" for _n, _q, _s, _eq, example, _a in READ_FORMS) + "\n".join(_MORE) + "\n"
    (root / "in" / "report.txt").write_text(text, encoding="utf-8")
    with open_store(str(root / "t.db")) as s:
        ingest(s, walk([str(root / "in")]))
    with open_store(str(root / "t.db"), readonly=True) as s:
        yield s


@pytest.mark.parametrize(("name", "asks", "states", "question", "sentence", "expect"), READ_FORMS)
def test_each_read_form_is_found_in_its_question(name, asks, states, question, sentence, expect):
    assert name in [n for n, _m, _p in slots(question)]


@pytest.mark.parametrize(("name", "asks", "states", "question", "sentence", "expect"), READ_FORMS)
def test_each_read_form_answers_its_question_from_its_sentence(store, name, asks, states, question, sentence, expect):
    a = ask(store, question)
    assert expect in a.answer, (name, a.answer, a.parsed)
    assert any(sentence.rstrip("。") in c["quote"] for c in a.citations)


@pytest.mark.parametrize(("question", "expect"), [
    ("“双审合一”整体提速了多少？", "约30%"),  # the clause saying 提速, not the one saying 提高
    ("推行“双审合一”后企业满意率提高了多少？", "12%"),
    ("“快办通”平台是在哪个网站上线的？", "全市政务服务网"),
    ("“快办通”平台接入了多少个部门？", "四十个|40个"),
])
def test_the_clause_with_the_slots_own_words_answers(store, question, expect):
    answer = ask(store, question).answer
    assert any(e in answer for e in expect.split("|")), answer


@pytest.mark.parametrize("question", [
    "“双审联办”整体提速了多少？",  # the quoted name is in no sentence
    "“快办通”平台投资了多少亿元？",  # no figure of the asked form in its sentence
    "近年来培育了多少高级技师？",  # the sentence names another thing
    "“全程帮办”的办事窗口在每年几月开放？",  # no month in the sentence
])
def test_a_detail_no_sentence_states_is_declined(store, question):
    assert ask(store, question).answer == ""


def test_several_slots_are_answered_from_one_sentence_or_not_at_all():
    got = slots("有几家企业进入全省百强，数量全省排第几？")
    assert [n for n, _m, _p in got] == ["count", "rank"]
    assert slots("春节放假是哪几天？") == []  # 哪几天 asks for days by name, not a count


@pytest.mark.parametrize(("sentence", "question", "expect"), FROM_TO_EXAMPLES)
def test_a_change_between_two_years_is_read_from_one_from_to_phrase(tmp_path, sentence, question, expect):
    (tmp_path / "in").mkdir()
    head = "2026年云溪市政府工作报告\n——2026年1月12日在云溪市第九届人民代表大会第一次会议上\n各位代表：\n"
    (tmp_path / "in" / "r.txt").write_text(head + "过去五年，全市经济稳步增长。" + sentence + "\n", encoding="utf-8")
    with open_store(str(tmp_path / "t.db")) as s:
        ingest(s, walk([str(tmp_path / "in")]))
    with open_store(str(tmp_path / "t.db"), readonly=True) as s:
        a = ask(s, question)
        other = ask(s, question.replace("2020年", "2015年").replace("2025年", "2020年"))
    assert all(e in a.answer for e in expect), (a.answer, a.parsed)
    assert not any(e in other.answer for e in expect[:2])  # another span is not this sentence's


def test_pairs_of_levels_each_give_their_difference():
    m = FROM_TO.search("城乡低保标准分别从2020年的600元/月、4000元/年提高到2025年的750元/月、6500元/年")
    assert m is not None and m.group("each") and m.group("v") == "提高"


@pytest.mark.parametrize(("paragraph", "question", "expect", "absent"), WHICH_TARGET_EXAMPLES)
def test_which_of_a_reports_growth_targets_is_highest_or_lowest(tmp_path, paragraph, question, expect, absent):
    (tmp_path / "in").mkdir()
    head = "2026年云溪市政府工作报告\n——2026年1月12日在云溪市第九届人民代表大会第一次会议上\n各位代表：\n"
    body = "过去一年，全市地区生产总值增长6%，服务业增加值增长9%。\n" + paragraph + "\n"  # outcomes are no targets
    (tmp_path / "in" / "r.txt").write_text(head + body, encoding="utf-8")
    with open_store(str(tmp_path / "t.db")) as s:
        ingest(s, walk([str(tmp_path / "in")]))
    with open_store(str(tmp_path / "t.db"), readonly=True) as s:
        a = ask(s, question)
    assert all(e in a.answer for e in expect), (a.answer, a.parsed)
    assert not any(e in a.answer for e in absent), a.answer


_REGULATIONS = {
    "a.txt": "云溪市文明出行条例\n（2030年3月1日云溪市人民代表大会常务委员会通过）\n第一条 为了促进文明出行，制定本条例。\n"
             "第二十条 在公共场所随意丢弃烟头的，由城市管理部门责令清理，拒不清理的，处以三十元罚款。\n"
             "第二十一条 辱骂、推搡劝阻人的，处警告或者一百元以下的罚款。\n",
    "b.txt": "丽水市市容管理条例\n（2030年5月1日丽水市人民代表大会常务委员会通过）\n第一条 为了加强市容管理，制定本条例。\n"
             "第九条 随意丢弃烟头、乱扔果皮的，由市容部门责令清除，处20元以上60元以下罚款。\n",
}


@pytest.mark.parametrize(("question", "expect"), [
    # a place's regulation named by its place only, each of two places, and 怎么处罚 asking the fine
    ("云溪市和丽水市的条例对随意丢弃烟头的罚款分别是多少？", ["三十元", "20元以上60元以下"]),
    ("丽水市的条例对随意丢弃烟头罚多少钱？", ["20元以上60元以下"]),
    ("云溪市文明出行条例对辱骂、推搡劝阻人的怎么处罚？", ["一百元以下"]),
])
def test_a_fine_of_a_places_own_regulation_and_of_two_places(tmp_path, question, expect):
    (tmp_path / "in").mkdir()
    for name, text in _REGULATIONS.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    with open_store(str(tmp_path / "t.db")) as s:
        ingest(s, walk([str(tmp_path / "in")]))
    with open_store(str(tmp_path / "t.db"), readonly=True) as s:
        a = ask(s, question)
    assert all(e in a.answer for e in expect), (a.answer, a.parsed)
