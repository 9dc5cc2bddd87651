"""Questions answered from a real store built from the samples; no figure is ever made up."""

from __future__ import annotations

import pytest

from conftest import BACKENDS, CORPUS, ROOT, SAMPLES, needs_shared, new_target, run_cli
from govlens.analysis.ask import ask
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store


@pytest.fixture(scope="module", params=BACKENDS)
def db(request, tmp_path_factory):
    path = new_target(request, request.param, tmp_path_factory.mktemp("ask"), shared=False)
    with open_store(path) as store:
        ingest(store, walk([str(SAMPLES)]))
    return path


@pytest.mark.parametrize(
    ("question", "expect", "cited"),
    [
        ("明澜区2023年经济增长目标是多少？", "6-7%", "6%-7%"),
        ("溪北县2021年地区生产总值是多少？", "326亿元", "326亿元"),
        ("溪北縣２０２１年地區生產總值是多少？", "326亿元", "326亿元"),  # Traditional, full-width: read as stored
        ("2021年哪个区地区生产总值最高？", "明澜区", "1065亿元"),
        ("明澜区2023年的就业目标完成了吗？", "已完成", "2.7万个"),
        ("明澜区去年失业率目标完成了吗？", "已完成", "4.6%"),
        ("什么是全程代办？", "从立项到投产", "全程代办"),
    ],
)
def test_answers_cite_the_sentence_with_the_figure(db, question, expect, cited):
    with open_store(db, readonly=True) as store:
        a = ask(store, question)
        assert expect in a.answer, (a.answer, a.parsed)
        assert any(cited in c["quote"] for c in a.citations), a.citations
        for c in a.citations:
            start, end = c["span"]
            assert store.document_text(c["doc"])[start:end] == c["quote"]


@pytest.mark.parametrize(
    ("question", "op", "expect", "chart"),
    [
        ("明澜区和溪北县2021年地区生产总值分别是多少？", "compare", ["1065亿元", "326亿元"], "bar"),
        ("明澜区历年地区生产总值", "trend", ["2021年1065亿元", "2022年1134亿元", "2023年1206亿元"], "line"),
        ("明澜区2023年地区生产总值比2021年增加了多少？", "change", ["141亿元"], "bar"),
        ("明澜区2023年地区生产总值增长目标是7.5%，实际增长了多少？", "track", ["6.2%", "未完成"], None),
        ("明澜区2023年报告的名词解释有多少条？", "glossary_count", ["3条"], None),  # 注解1 is a note, not a term
        ("明澜区2023年报告名词解释的第二条是什么？", "glossary_count", ["一网通办", "一窗综合受理"], None),
    ],
)
def test_each_operation_answers_from_its_handler(db, question, op, expect, chart):
    with open_store(db, readonly=True) as store:
        a = ask(store, question)
        assert a.parsed["op"] == op, a.parsed
        assert all(e in a.answer for e in expect), a.answer
        assert a.chart == chart
        quotes = " ".join(c["quote"] for c in a.citations)
        from govlens.lexicon.figures import unsupported_figures

        # every figure is in a cited sentence, or listed as computed (a difference, a count, the question's own)
        assert not [n for n in unsupported_figures(a.answer, quotes, skip_years=True) if n not in a.computed]


@pytest.mark.parametrize("question", ["明澜区2023年首都机场旅客吞吐量是多少？", "全国2031年登月计划完成了吗？",
                                      # two places the library does not hold, compared: no ranking of the others answers
                                      "雾川和岭西2023年地区生产总值增长目标哪个高？"])
def test_unknown_questions_are_declined_with_passages(db, question):
    with open_store(db, readonly=True) as store:
        a = ask(store, question)
    assert a.answer == ""


def test_cli_json_contract(db):
    import json

    r = run_cli("ask", "溪北县2022年新增就业岗位目标是多少？", "--db", db, "--format", "json")
    out = json.loads(r.stdout)
    assert r.returncode == 0 and "8000个" in out["answer"]
    assert out["citations"] and set(out["citations"][0]) == {"doc", "quote", "span"}


@needs_shared
def test_question_dev_set_floors(tmp_path):
    """The issue's targets on the dev questions and track pairs over the corpus and the seeds; floors
    only move up. (The blind set is measured once, by hand: govlens eval-ask.)"""
    from govlens.evaluate_ask import evaluate_ask, evaluate_track, gold_files, load

    db = str(tmp_path / "corpus.db")
    with open_store(db) as store:
        assert ingest(store, walk([str(CORPUS), str(CORPUS.parent / "seeds")])).failed == 0
    gold = ROOT / "tests" / "gold"
    with open_store(db, readonly=True) as store:
        s = evaluate_ask(store, load(gold_files(gold, "ask.jsonl")["dev"]))
        pairs = gold_files(gold, "track.jsonl").get("dev")
        t = evaluate_track(store, load(pairs)) if pairs else None
    d = s.as_dict()
    assert s.n >= 60 and s.unanswerable >= 8
    # Round-2 blind questions and pairs joined dev on 2026-11-30 (0.65 / 0.42 when measured blind), so the
    # floors restart from what the joined set scores and move up from there (issue targets: 0.95 / 1.0 / 0.95).
    # Round 3's blind questions and pairs (measured once: 0.704 / 0.811) joined dev at 03:15 UTC.
    # Round 4's (measured once at 05:00 UTC: 0.800 / 0.765) joined dev after it: 0.973 -> 0.939, track 0.975 -> 0.921.
    # Round 5's (measured once at 05:52 UTC: 0.715 / 0.600) joined dev after it: 0.975 -> 0.926, track 0.970 -> 0.911.
    # Round 6's (measured once at 06:37 UTC: 0.717 / 0.703) joined dev after it: 0.952 -> 0.920, track 0.956 -> 0.908.
    assert d["answer_accuracy"] >= 0.928, s.misses  # round 8 joined (blind 0.656 at 08:44): 0.960 -> 0.922; a span trend from the level before it (由A增至B), a difference no level: 0.929; 甲和乙十四五期间…累计分别: one figure per place: 0.928; a span question (十四五期间, 过去五年…年均) takes the span's 年均 rate, across places too: 0.925; budget lines ending on their verb (赤字拟安排) and 长期建设国债发行规模 in a series: 0.927; a place's own regulation's fine, of two places, 怎么处罚: 0.960; which of a report's growth targets is highest (detail.which_target): 0.957; a change read from one from-to phrase: 0.954; a detail read from the one sentence naming it (detail.py): 0.951; round 7 joined (blind 0.821 at 07:38): 0.953 -> 0.936; round 6 joined: 0.920; growth over a named base year, a term's parts, members after a verb: 0.934; project totals (调整为, 该项目, all words together), a plan's name no target cue: 0.941; fines in Chinese numerals or shares, the asked clause's fine: 0.943; two years' counts compared (比去年完成的多几件): 0.948 (with VERSION 141's splitting); chapters, 第几次: 0.951
    assert d["citation_accuracy"] >= 0.985, s.misses
    assert d["declined"] >= 0.978, s.misses
    if t is not None:
        assert t.as_dict()["verdict_agreement"] >= 0.909, t.misses  # round 8 joined (blind 0.491): 0.948 -> 0.901; a measure named after its figure (解决N万人的…问题) and names worded in another order (饮水安全 / 安全饮水): 0.907; a name ending in its verb takes the thing counted after the figure (取消和下放 N项 …事项): 0.909; a 把 clause raising a standard names its measure (把…补助标准提高到…): 0.911; figures named by what they include in a sentence opening on its measure (1957 工业总产值 level and growth): 0.948; an outcome named only as the outcome takes the measure of the sentence before (1981 赤字): 0.944; 1957 基本建设投资 re-read from the text (unclear -> met, its outcome sentence was missed); two-character heads (大棚 / 蔬菜大棚), bare aspects in a list (…面积…，产量…): 0.933 -> 0.942; round 7 joined (blind 0.824): 0.954 -> 0.933; round 6 joined: 0.908; measures without a key tracked by name: 0.949; year-end reading when no other, aspect words (棚户区改造面积): 0.954; tourism keys: 0.911 -> 0.937; tax relief keys, forecasts for the year: 0.946; 基本建设: 0.949; an event year (2020年…冬运会) dates no figure: 0.956


def test_optional_llm_rephrases_but_never_adds_a_figure(db, monkeypatch):
    """A local fake OpenAI-compatible server: its wording is kept only when every number is cited."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    replies = iter(["明澜区2023年经济增长目标为6%至7%。", "明澜区2023年经济增长目标为8.8%。"])
    seen: list[dict] = []

    class Fake(BaseHTTPRequestHandler):
        def do_POST(self):
            seen.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            body = json.dumps({"choices": [{"message": {"content": next(replies)}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Fake)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("GOVLENS_LLM_URL", f"http://127.0.0.1:{server.server_port}/v1")
    monkeypatch.setenv("GOVLENS_LLM_MODEL", "fake")
    q = "明澜区2023年经济增长目标是多少？"
    with open_store(db, readonly=True) as store:
        first, second = ask(store, q), ask(store, q)
    server.shutdown()
    assert first.phrased == "明澜区2023年经济增长目标为6%至7%。" and "6-7%" in first.answer
    assert second.phrased is None and "6-7%" in second.answer  # 8.8 is in no cited sentence
    assert seen[0]["model"] == "fake" and q in seen[0]["messages"][1]["content"]
    monkeypatch.delenv("GOVLENS_LLM_URL")
    with open_store(db, readonly=True) as store:
        assert ask(store, q).phrased is None  # off unless configured


# The opening lines of an invented district report of 2023.
HEAD_2023 = "2023年云溪市明澜区政府工作报告\n——2023年1月10日在明澜区第八届人民代表大会第二次会议上\n各位代表：\n"


def _store_of(tmp_path, name: str, text: str) -> str:
    """A store file holding one invented document ``name`` with ``text``."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "t.db")
    with open_store(db) as store:
        ingest(store, walk([str(tmp_path / "in")]))
    return db


def _reports(tmp_path, texts: dict[str, str]) -> str:
    """A store file holding several invented documents."""
    (tmp_path / "in").mkdir()
    for name, text in texts.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "t.db")
    with open_store(db) as store:
        ingest(store, walk([str(tmp_path / "in")]))
    return db


_HEAD = "{y}年云溪市政府工作报告\n——{y}年1月12日在云溪市第九届人民代表大会第{n}次会议上\n各位代表：\n"
_TREND_REPORTS = {
    "y2031.txt": _HEAD.format(y=2031, n="一") + "过去一年，全市地区生产总值达到3.35万亿元，比上年增长8.7%。\n"
                 "今年经济增长预期目标为7%左右，居民消费价格涨幅控制在4.8%左右。\n",
    "y2032.txt": _HEAD.format(y=2032, n="二") + "过去一年，全市地区生产总值增长10.3%。\n"
                 "今年主要预期目标是：地区生产总值增长8%左右，居民消费价格涨幅4%左右。\n",
    "y2033.txt": _HEAD.format(y=2033, n="三") + "过去一年，全市教育经费支出占地区生产总值的4%。"
                 "全市地区生产总值4.72万亿元，比上年增长9.2%。\n"
                 "今年经济增长预期目标为7.5%左右，居民消费价格涨幅控制在3%左右。\n",
}


@pytest.mark.parametrize("question, expect, absent", [
    # targets over a range, one year's written as the growth (增长8%左右), another's as the rate (目标为7%左右)
    ("云溪市2031年到2033年经济增长预期目标分别是多少？", ["2031年7%左右", "2032年增长8%左右", "2033年7.5%左右"], []),
    ("云溪市2031年到2033年居民消费价格涨幅目标有什么变化？", ["4.8%左右", "2032年4%左右", "3%左右"], []),
    # outcomes over a range: a share of GDP (4%) is no level of it, and does not push a year out of the series
    ("云溪市地区生产总值2030年到2032年是怎么变化的？", ["2030年3.35万亿元", "2032年4.72万亿元"], ["2032年4%"]),
])
def test_a_range_of_years_lists_each_year_in_one_kind_and_unit(tmp_path, question, expect, absent):
    db = _reports(tmp_path, _TREND_REPORTS)
    with open_store(db, readonly=True) as store:
        a = ask(store, question)
    assert all(e in a.answer for e in expect), (a.answer, a.parsed)
    assert not any(x in a.answer for x in absent), a.answer


_RANK_REPORT = _HEAD.format(y=2032, n="二") + (
    "过去一年，全市地区生产总值增长5.6%。农业、工业、服务业增加值分别增长4%、6.1%、5.2%，分别居全省第三、第一、第五。"
    "社会消费品零售总额增长7%，居全省第二。2031年全市研发经费投入强度2.9%，比上年提高0.3个百分点，在全省排名第6，比上年提升2名。"
    "外贸进出口总额增长9%，位居全省前十。实际使用外资增速连续20个月居全省前五；实际使用外资增长12%，增速居全省第4位。"
    "地方税收收入增速居全省第三。\n")


@pytest.mark.parametrize("question, expect", [
    ("云溪市2031年社会消费品零售总额增速在全省排第几？", "第二"),
    ("云溪市2031年研发经费投入强度居全省第几位？", "第6"),
    ("云溪市2031年工业增加值增速在全省排名第几？", "第一"),  # 分别居…: the rank in the asked item's place
    ("云溪市2031年服务业增加值增速排第几？", "第五"),
    # 第几 asks a place in the order: a stated place wins over a band (前五) that holds as many words
    ("云溪市2031年实际使用外资增速在全省排第几？", "第4位"),
    ("云溪市2031年地方税收收入增速全省第几？", "第三"),  # 全省第几 with no verb asks it too
])
def test_a_rank_the_report_states_is_read_from_the_phrase_after_the_figure(tmp_path, question, expect):
    db = _store_of(tmp_path, "r.txt", _RANK_REPORT)
    with open_store(db, readonly=True) as store:
        a = ask(store, question)
    assert expect in a.answer and "居全省" in a.answer, (a.answer, a.parsed)
    assert any(expect in c["quote"] for c in a.citations)


_RANGE_REPORT = _HEAD.format(y=2036, n="一") + (
    "一、“十五五”时期工作回顾\n过去五年，全市地区生产总值年均增长5.6%，一般公共预算收入从320.5亿元增加到410.2亿元，"
    "城乡居民人均可支配收入从2030年的52100元和21400元分别提高到63800元和27900元。\n二、2036年工作安排\n地区生产总值增长5%左右。\n")


@pytest.mark.parametrize("question, expect", [
    # a range's sentence (over 2031-2035) gives the level it starts from (2030's) and the one it ends at
    ("云溪市2030年到2035年一般公共预算收入是怎么变化的？", ["2030年320.5亿元", "2035年410.2亿元"]),
    ("云溪市一般公共预算收入2035年比2030年增加了多少？", ["增加89.7亿元"]),
    ("云溪市2030年一般公共预算收入是多少？", ["320.5亿元"]),
    # two parts given together (城乡…A和B分别提高到C和D): the first figure of each pair is 城镇's
    ("云溪市城镇居民人均可支配收入2035年比2030年提高了多少？", ["52100元", "63800元", "增加11700元"]),
    ("云溪市农村居民人均可支配收入2035年比2030年提高了多少？", ["21400元", "27900元", "增加6500元"]),
    ("云溪市城乡居民人均可支配收入2030年到2035年怎么变化？", ["2030年52100元", "2035年63800元", "2030年21400元", "2035年27900元"]),
])
def test_a_range_sentence_gives_the_levels_it_starts_from_and_ends_at(tmp_path, question, expect):
    db = _store_of(tmp_path, "r.txt", _RANGE_REPORT)
    with open_store(db, readonly=True) as store:
        a = ask(store, question)
    assert all(e in a.answer for e in expect), (a.answer, a.parsed)
    assert a.citations and all("分别提高到" in c["quote"] or "增加到410.2亿元" in c["quote"] for c in a.citations)


_CHANGE_REPORTS = {
    "y2031.txt": _HEAD.format(y=2031, n="一") + "过去一年，全市地区生产总值3.35万亿元，比上年增长8%。"
                 "全市教育经费支出占地区生产总值的4%。\n",
    "y2033.txt": _HEAD.format(y=2033, n="三") + "过去一年，全市地区生产总值达到4.72万亿元，比上年增长9%。"
                 "粮食产量由二〇三一年的五百二十万吨增长到六百一十万吨。\n",
}


@pytest.mark.parametrize("question, expect", [
    # the earlier year's figure in the later year's unit (not the 4% share the same report states)
    ("云溪市地区生产总值2032年比2030年增加了多少？", "增加1.37万亿元"),
    # the earlier year's figure named in the later year's sentence (由…的X增长到Y)
    ("云溪市2032年粮食产量比2031年增加了多少？", "增加90万吨"),
])
def test_a_change_between_two_years_reads_both_in_one_unit(tmp_path, question, expect):
    db = _reports(tmp_path, _CHANGE_REPORTS)
    with open_store(db, readonly=True) as store:
        a = ask(store, question)
    assert expect in a.answer, (a.answer, a.parsed)
    assert "4%" not in a.answer


def test_a_term_defined_in_running_text_is_answered_from_its_sentence(tmp_path):
    """No 名词解释 holds the term: a regulation's 本条例所称…是指 (or “…”即…) answers, citing its sentence."""
    db = _store_of(tmp_path, "rule.txt",
        "云溪市绿色出行促进条例\n第一条 为了促进绿色出行，制定本条例。\n"
        "第二条 本条例所称绿色出行，是指步行、骑行和乘坐公共交通工具出行。\n"
        "第三条 推进“两园”（科技园、文创园）协同发展。\n第四条 本条例自2031年5月1日起施行。\n")
    with open_store(db, readonly=True) as store:
        a = ask(store, "绿色出行促进条例所称的“绿色出行”是指什么？")
        assert "步行、骑行" in a.answer and a.parsed["op"] == "glossary", a
        assert a.citations and "本条例所称绿色出行" in a.citations[0]["quote"]
        b = ask(store, "“两园”具体指哪些？")
        assert "科技园、文创园" in b.answer, b
        assert ask(store, "“三链”指什么？").answer == ""  # no definition anywhere: declined
        n = ask(store, "云溪市绿色出行促进条例一共有多少条？")  # its last article is 第四条
        assert "共4条" in n.answer and n.citations[0]["quote"].startswith("第四条") and n.computed == ["4"], n
        assert ask(store, "雾川市绿色出行促进条例一共有多少条？").answer == ""  # another place's regulation
        c = ask(store, "云溪市绿色出行促进条例从哪天起施行？")
        assert "2031年5月1日" in c.answer and c.citations[0]["quote"].startswith("第四条"), c
        assert ask(store, "雾川市绿色出行促进条例从哪天起施行？").answer == ""  # another place's regulation


def test_a_glossary_term_asked_with_quotes_and_a_noun_after_them_or_by_what_it_covers(tmp_path):
    """A 名词解释 entry is found when the question quotes part of the term and names the rest
    (“三横两纵”物流通道指哪些通道), names a source word as the term's own end (产业规划指什么), or
    asks what the entry covers (覆盖哪些)."""
    db = _store_of(tmp_path, "report.txt",
        "云溪市2031年政府工作报告\n一、过去一年工作回顾\n地区生产总值增长6.1%。\n名词解释\n"
        "1.“三横两纵”物流通道：东西向三条、南北向两条出市物流通道，东向云港通道、雾川通道，西向岭西通道。\n"
        "2.“三级两类”产业规划：“三级”为市、县、乡，“两类”指总体规划和专项规划。\n"
        "3.4+1便民驿站：覆盖市、县、乡、村四级和园区一类的便民服务平台。\n")
    with open_store(db, readonly=True) as store:
        for q, holds in [("“三横两纵”物流通道指哪些通道？", "云港通道"),
                         ("云溪市的“三级两类”产业规划指什么？", "总体规划和专项规划"),
                         ("云溪市4+1便民驿站覆盖哪些？", "四级")]:
            a = ask(store, q)
            assert holds in a.answer and a.parsed["op"].startswith("glossary"), (q, a)
            assert a.citations and holds in a.citations[0]["quote"]
        assert ask(store, "云溪市5+1便民驿站覆盖哪些？").answer == ""  # no such entry: declined


def test_the_day_a_regulation_was_passed_or_approved_is_read_from_its_head_line(tmp_path):
    """哪天通过 / 哪天批准: the date before 会议通过 (批准) in the regulation's head line; a date of another
    document it repeals (…通过的《旧条例》同时废止) is never its own."""
    db = _store_of(tmp_path, "rule.txt",
        "云溪市湖泊保护条例\n（2031年3月2日云溪市第九届人民代表大会常务委员会第五次会议通过　"
        "2031年4月1日岭南省第三届人民代表大会常务委员会第二次会议批准）\n第一条 为了保护湖泊，制定本条例。\n"
        "第二条 本条例自2031年6月1日起施行。2025年5月6日云溪市第八届人民代表大会常务委员会第九次会议通过的"
        "《云溪市湖泊管理办法》同时废止。\n")
    with open_store(db, readonly=True) as store:
        a = ask(store, "云溪市湖泊保护条例是哪一天通过的？")
        assert "2031年3月2日" in a.answer and a.parsed["op"] == "date", a
        assert a.citations and "2031年3月2日" in a.citations[0]["quote"]
        assert "2031年4月1日" in ask(store, "云溪市湖泊保护条例是哪天由省人大常委会批准的？").answer
        assert "2031年6月1日" in ask(store, "云溪市湖泊保护条例从哪天起施行？").answer
        assert ask(store, "雾川市湖泊保护条例是哪一天通过的？").answer == ""  # another place's regulation


@pytest.mark.parametrize("question, expect, cited", [
    ("云溪市实施了几大惠民工程？", "八大", "八大惠民工程"),  # 几大: never the sum read by the same words
    ("云溪市建设临港发展的重点片区有几个？", "三大", "临港发展三大重点片区"),  # 有几个, written N大
])
def test_a_count_of_kinds_written_with_da_answers_how_many(tmp_path, question, expect, cited):
    db = _store_of(tmp_path, "r.txt", _HEAD.format(y=2032, n="二") + (
        "过去一年，全市实施“八大惠民工程”，惠民投入累计超过300亿元。市区正在建设临港发展三大重点片区，"
        "这三大重点片区也是全市推动临港转型发展的重点。\n"))
    with open_store(db, readonly=True) as store:
        a = ask(store, question)
    assert expect in a.answer and "300亿元" not in a.answer, (a.answer, a.parsed)
    assert a.citations and cited in a.citations[0]["quote"]


def test_a_plan_named_in_quotes_and_a_yearly_average_asked(tmp_path):
    """A plan named as the lexicon's table names it (“十五五”) gives its years; 平均每年 asks the yearly
    average the plan states (平均每年增长百分之五点四), not the five-year total (增长百分之三十), and is no series."""
    db = _store_of(tmp_path, "r.txt", _HEAD.format(y=2026, n="一") + (
        "二、“十五五”时期的目标任务\n综合考虑各方面因素，“十五五”规划纲要草案提出，五年内全市工业总产值增长百分之三十八，"
        "地区生产总值增长百分之三十，一般公共预算收入增长百分之二十五。全市地区生产总值平均每年增长百分之五点四。\n"
        "三、2026年工作安排\n地区生产总值增长6%左右。\n"))
    with open_store(db, readonly=True) as store:
        a = ask(store, "云溪市“十五五”规划提出地区生产总值平均每年增长多少？")
    assert "5.4%" in a.answer and "30%" not in a.answer and a.parsed["op"] == "lookup", (a.answer, a.parsed)
    assert a.citations and "平均每年增长百分之五点四" in a.citations[0]["quote"]


@pytest.mark.parametrize("question, expect", [
    ("云溪市2031年一般公共预算收入增长5%的目标达到了吗？", ["增长6.5%", "已完成"]),
    ("云溪市2031年一般公共预算收入增长8%的目标达到了吗？", ["增长6.5%", "未完成"]),
])
def test_a_growth_stated_after_the_level_past_counting_words_judges_a_stated_target(tmp_path, question, expect):
    """完成52亿元，按可比口径增长6.5%: the growth is the level's own, so a growth target given in the question is judged."""
    db = _store_of(tmp_path, "r.txt", _HEAD.format(y=2032, n="二") + (
        "过去一年，全市地区生产总值增长5.2%。一般公共预算收入完成52亿元，按可比口径增长6.5%。\n"))
    with open_store(db, readonly=True) as store:
        a = ask(store, question)
    assert all(e in a.answer for e in expect), (a.answer, a.parsed)


@pytest.mark.parametrize("report, question, expect", [
    ("过去一年，全市工业总产值达到九百二十亿元，比二〇三〇年增长百分之二十四点五，平均每年增长百分之五点六。",
     "云溪市2034年工业总产值比2030年增长了百分之几？", "比2030年增长24.5%"),
    ("过去一年，全市工业总产值达到920亿元，比2030年增长24.5%。", "云溪市2034年工业总产值比2030年增长了多少？", "比2030年增长24.5%"),
])
def test_a_growth_over_an_earlier_year_the_later_sentence_states_answers_the_change(tmp_path, report, question, expect):
    """No figure for the earlier year: the later year's sentence states its growth over it (比一九七八年增长…)."""
    db = _store_of(tmp_path, "r.txt", _HEAD.format(y=2035, n="五") + report + "\n")
    with open_store(db, readonly=True) as store:
        a = ask(store, question)
    assert expect in a.answer and a.parsed["op"] == "change", (a.answer, a.parsed)
    assert a.citations and any(y in a.citations[0]["quote"] for y in ("2030", "二〇三〇"))


def test_expected_strings_compare_in_one_width_without_thousands_separators():
    from govlens.evaluate_ask import same_form

    assert same_form("６７７００多亿元，增长９．７％") == same_form("67700多亿元，增长9.7%")
    assert same_form("2，737万吨") == "2737万吨"
    assert same_form("增长7.5%，比上年") == "增长7.5%,比上年"  # a clause comma is not a thousands separator
    assert same_form("1,2万") == "1,2万"


@pytest.mark.parametrize("cite, quote", [
    ("減少辦理時間70%", "平均减少办理时间70%，群众少跑腿"),
    ("農業產業化聯合體12個", "组建农业产业化联合体12个"),
    ("增長６．５％", "地区生产总值增长6.5%"),
])
def test_a_gold_cite_in_traditional_script_matches_a_simplified_quote(cite, quote):
    from govlens.evaluate_ask import cite_form, same_form

    assert cite_form(cite) in same_form(quote)


def test_a_report_that_sets_no_target_and_a_measure_worded_as_asked(tmp_path):
    """没有提出…目标 answers a question about that target; 属地地区生产总值 asked is not 在地地区生产总值."""
    db = _store_of(tmp_path, "r.txt",
        HEAD_2023 +
        "今年经济社会发展的主要预期目标是：在地地区生产总值增长6.2%左右，属地地区生产总值增长6.5%左右，"
        "城镇调查失业率5.5%以内。需要说明的是，我们没有提出全年工业增速具体目标。\n"
        "过去一年，城镇常住居民人均可支配收入52310元，农村常住居民人均可支配收入31240元。\n")
    with open_store(db, readonly=True) as store:
        a = ask(store, "明澜区2023年属地地区生产总值预期增长多少？")
        assert "6.5%" in a.answer and "6.2%" not in a.answer, (a.answer, a.parsed)
        b = ask(store, "明澜区2023年工业增速目标定的是多少？")
        assert "没有提出全年工业增速具体目标" in b.answer, (b.answer, b.parsed)
        assert b.citations and "没有提出" in b.citations[0]["quote"]
        c = ask(store, "明澜区2022年城乡居民人均可支配收入是多少？")  # 城乡: both parts
        assert "52310元" in c.answer and "31240元" in c.answer, (c.answer, c.parsed)


def test_a_titled_list_is_counted_and_several_counts_are_answered_each(tmp_path):
    db = _store_of(tmp_path, "r.txt",
        HEAD_2023 +
        "过去一年，全区建成党群服务中心12个、党群服务站230个和党群服务点305个。\n附件\n2023年区民生实事\n"
        "1.新建社区食堂20家。\n2.改造老旧小区30个。\n3.新增托育托位500个。\n各位代表，让我们携手奋进。\n"
        "推动第二轮明澜地区河道综合整治收官，接续开展三轮明澜地区河道综合整治。\n")
    with open_store(db, readonly=True) as store:
        a = ask(store, "明澜区2023年的区民生实事清单一共列了几项？")
        assert "3项" in a.answer and a.computed == ["3"], (a.answer, a.parsed)
        assert any(c["quote"].startswith("3.新增托育托位") for c in a.citations)
        b = ask(store, "明澜区一共建成了多少个党群服务中心、党群服务站和党群服务点？")
        assert all(x in b.answer for x in ("12个", "230个", "305个")), (b.answer, b.parsed)
        c = ask(store, "明澜区开展了几轮地区河道综合整治？")  # a count in words; 第二轮 is an ordinal
        assert "三轮" in c.answer and c.computed == ["3"], (c.answer, c.parsed)


def test_an_investment_is_read_from_the_clause_that_names_what_it_builds(tmp_path):
    """投资多少 of something no measure names: the sentence's investment whose own clause (or the clause
    after it) names it, never another figure of the same sentence."""
    db = _store_of(tmp_path, "r.txt",
        HEAD_2023 +
        "过去一年，投资2600万元的背街小巷改造全面完成，投资1.8亿元的长途客运中心基本完工。"
        "全年计划投资4.2亿元，实施重点农业项目21个；全年计划投资9.6亿元，实施城市更新项目15个。\n")
    with open_store(db, readonly=True) as store:
        a = ask(store, "明澜区长途客运中心投资多少？")
        assert "1.8亿元" in a.answer and "2600" not in a.answer, (a.answer, a.parsed)
        b = ask(store, "明澜区城市更新项目全年计划投资多少？")
        assert "9.6亿元" in b.answer, (b.answer, b.parsed)


def test_a_handler_that_trips_declines_and_logs(db, monkeypatch, caplog):
    from govlens.analysis.ask import HANDLERS

    def broken(store, p, q):
        raise IndexError("a rule that did not expect this question")

    monkeypatch.setitem(HANDLERS, "lookup", broken)
    with open_store(db, readonly=True) as store:
        a = ask(store, "溪北县2021年地区生产总值是多少？")
    assert a.answer == "" and a.note and "ask failed" in caplog.text


def test_an_expected_string_in_traditional_script_matches_the_simplified_answer():
    from govlens.evaluate_ask import _contains, same_form

    answer = same_form("云溪区建成三园一区，投资１２亿元。")
    assert _contains(answer, ["三園一區", "12亿元"], every=True)
    assert not _contains(answer, ["四園"], every=False)


# A figure the sentence writes in Chinese numerals, or with 多 inside it, is shown as written next to govlens's
# digits (invented sentences): the answer holds the sentence's own wording of each figure it states.
@pytest.mark.parametrize("fact, expect", [
    ({"quote": "全县外贸总额达到356亿美元，比上年增长百分之十二点四", "metric": "外贸总额", "value": 356, "unit": "亿美元",
      "change": 12.4, "change_unit": "%"}, ["356亿美元", "增长12.4%", "原文“百分之十二点四”"]),
    ({"quote": "到去年钢材产量就增加到二千三百零五万吨", "metric": "钢材产量", "value": 2305, "unit": "万吨"},
     ["2305万吨", "原文“二千三百零五万吨”"]),
    ({"quote": "全市棉花产量达到三亿零二百多万斤，比上年增长4.2%", "metric": "棉花产量", "value": 30200, "unit": "万斤",
      "change": 4.2, "change_unit": "%", "qualifier": "多"}, ["30200多万斤", "增长4.2%", "原文“三亿零二百多万斤”"]),
    ({"quote": "全省生产总值达到45800多亿元，比上年增长8.3%", "metric": "生产总值", "value": 45800, "unit": "亿元",
      "change": 8.3, "change_unit": "%", "qualifier": "多"}, ["45800多亿元，增长8.3%"]),
    ({"quote": "工业总产值比上年增长百分之六", "metric": "工业总产值", "change": 6, "change_unit": "%"},
     ["增长6%", "原文“百分之六”"]),
])
def test_a_figure_is_shown_as_the_sentence_writes_it(fact, expect):
    from govlens.analysis.ask.answer import as_written, figure

    text = as_written(fact, figure(fact))
    for e in expect:
        assert e in text, text
    assert "%多" not in text  # a qualifier inside the level never trails the change


@pytest.mark.parametrize("answer, support", [
    ("粮食产量：48215万吨", "粮食产量达到48，215万吨"),
    ("出口：1,234亿元", "出口1,234亿元"),
])
def test_a_figure_with_thousands_separators_supports_the_answer(answer, support):
    from govlens.lexicon.figures import unsupported_figures

    assert unsupported_figures(answer, support, skip_years=True) == []
    assert unsupported_figures("粮食产量：48216万吨", support, skip_years=True) == ["48216"]


@pytest.mark.parametrize("row", __import__("govlens.analysis.ask.sentences", fromlist=["FROM_TO_FORMS"]).FROM_TO_FORMS)
def test_a_sentence_stating_the_earlier_years_figure_is_read(row):
    """Each FROM_TO_FORMS row's invented example gives the earlier year's figure (上年 only for the year before)."""
    import re as _re

    from govlens.analysis.ask.sentences import stated_from

    _pattern, example, expect = row
    unit = _re.search(r"(万亿元|万吨|万人)", example).group(1)
    years = [int(y) for y in _re.findall(r"(\d{4})年", example)]
    earlier = years[0] if years else 2031
    later = years[1] if len(years) > 1 else earlier + 1
    fact = {"quote": example, "unit": unit, "value": 1.0, "period": str(later)}
    if "〇" in example:
        earlier, fact["period"] = 2030, "2031"
    got = stated_from(fact, earlier)
    assert got is not None and got["value"] == float(expect), (example, got)
    if "上年" in example:  # 上年 is not three years before
        assert stated_from({**fact, "period": str(earlier + 3)}, earlier) is None


def test_a_term_asked_of_one_place_is_not_answered_by_another_places_entry(db):
    """明澜区's 名词解释 holds 全程代办; asked of 溪北县's report it is declined, asked of no place it answers."""
    with open_store(db, readonly=True) as store:
        assert "从立项到投产" in ask(store, "明澜区2023年报告名词解释里的“全程代办”是什么意思？").answer
        assert ask(store, "溪北县2021年报告名词解释里的“全程代办”是什么意思？").answer == ""
        assert "从立项到投产" in ask(store, "“全程代办”是什么意思？").answer


def test_a_target_asked_with_no_place_is_the_nations(tmp_path):
    """No place named: the nation's target and outcome are judged, not a district's of the same year."""
    filler = "各地区各部门坚持稳中求进，扎实推进各项工作，经济社会发展取得新成效。人民生活持续改善，社会大局保持稳定。\n" * 3
    db = _reports(tmp_path, {  # the national targets for 2032, named by their year (the time rules date 今年)
        "n1.txt": "2032年国务院政府工作报告\n" + filler + "2032年发展的主要预期目标是：城镇新增就业1200万人以上，城镇登记失业率4.5%以内。\n",
        "n2.txt": "2033年国务院政府工作报告\n" + filler + "过去一年，全年城镇新增就业1290万人，年末城镇登记失业率4.1%。\n",
        "d1.txt": "云溪区2032年政府工作报告\n" + filler + "2032年主要预期目标：新增就业8000人。\n",
        "d2.txt": "云溪区2033年政府工作报告\n" + filler + "2032年工作回顾：全年新增就业7100人。\n",
    })
    with open_store(db, readonly=True) as store:
        assert "7100人" in ask(store, "云溪区2032年新增就业目标完成了没有？").answer  # the district's, asked by name
        a = ask(store, "2032年城镇新增就业目标完成了没有？")
        assert "1290万人" in a.answer and "已完成" in a.answer and "7100" not in a.answer, a
        b = ask(store, "2032年城镇调查失业率目标是多少？")  # only 登记失业率 is stated: declined
        assert b.answer == "", b


@pytest.mark.parametrize("row", __import__("govlens.analysis.ask.words", fromlist=["PART_FAMILIES"]).PART_FAMILIES)
def test_the_parts_of_one_figure_are_ranked(tmp_path, row):
    """A ranking over the parts of one place's figure (一二三产, 城乡), the sentence giving them one by one or
    with 分别 (invented report): the part with the highest figure, every part's figure shown."""
    parts, _compound, question = row
    filler = "全市上下坚持稳中求进，扎实推进各项工作，经济社会发展取得新成效。人民生活持续改善，社会大局保持稳定。\n" * 3
    if len(parts) == 3:
        target = "全市生产总值增长5.5%上下，一二三产增加值分别增长3%左右、7%左右、5.5%左右"
        top, other = "二产", "一产"
    else:
        target = "城镇居民人均可支配收入增长4.5%左右，农村居民人均可支配收入增长6%左右"
        top, other = "农村", "城镇"
    db = _store_of(tmp_path, "r.txt", "云溪市2031年政府工作报告\n" + filler +
                   f"2031年主要预期目标是：{target}，城镇调查失业率5.5%左右。\n")
    with open_store(db, readonly=True) as store:
        a = ask(store, question)
        assert a.answer.split("：")[0].endswith(f"{top}最高") and other in a.answer, a
        assert a.citations and target.split("，")[-1][:6] in a.citations[0]["quote"]
        low = ask(store, question.replace("最高", "最低").replace("更高", "更低"))
        assert f"{other}最低" in low.answer, low


@pytest.mark.parametrize("quote, own, words, named", [
    ("外销订单从9月份开始明显回升，全年达到860亿美元，比上年增长4.2%", "全年达到860亿美元", ["外销订单"], True),
    ("木材采伐逐季回落，全年完成310万立方米", "全年完成310万立方米", ["木材采伐"], True),
    ("外销订单增长12%，全年达到860亿美元", "全年达到860亿美元", ["外销订单"], False),  # a figure between: its own
    ("港口吞吐稳步回升，全年达到860万吨", "全年达到860万吨", ["外销订单"], False),
])
def test_a_measure_named_in_the_clause_before_its_figure(quote, own, words, named):
    from govlens.analysis.ask.sentences import _named_before

    assert _named_before(quote, own, words) is named


@pytest.mark.parametrize("row", __import__("govlens.analysis.ask.sentences", fromlist=["RESTATED_FORMS"]).RESTATED_FORMS)
def test_a_target_read_back_next_year_is_no_outcome(row):
    from govlens.analysis.ask.sentences import restated_target

    _rx, sentence = row
    assert restated_target({"quote": sentence, "metric": "能耗", "change": -3.0, "change_unit": "%"})
    assert not restated_target({"quote": "全年单位产值能耗降低3.2%", "metric": "单位产值能耗", "change": -3.2,
                                "change_unit": "%"})  # an outcome stated as such


@pytest.mark.parametrize("row", __import__("govlens.analysis.ask.sentences", fromlist=["VERDICT_FORMS"]).VERDICT_FORMS)
def test_the_next_reports_own_verdict_on_a_target(row):
    from govlens.analysis.ask.sentences import verdict_said

    v, _rx, sentence = row
    assert verdict_said({"quote": sentence}) == v
    assert verdict_said({"quote": "全年粮食产量1210万吨"}) is None


def test_two_named_regulations_are_compared(tmp_path):
    """Which of two named regulations takes effect first, which has more articles (invented regulations)."""
    a = ("云溪市绿色出行促进条例\n第一条 为了促进绿色出行，制定本条例。\n第二条 本条例适用于本市行政区域。\n"
         "第三条 市人民政府统筹推进绿色出行。\n第四条 本条例自2031年5月1日起施行。\n")
    b = ("雾川市文明养犬条例\n第一条 为了规范养犬行为，制定本条例。\n第二条 养犬人应当依法登记。\n"
         "第三条 本条例自2030年10月1日起施行。\n")
    db = _reports(tmp_path, {"a.txt": a, "b.txt": b})
    with open_store(db, readonly=True) as store:
        first = ask(store, "云溪市绿色出行促进条例和雾川市文明养犬条例，哪个先施行？")
        assert first.parsed["op"] == "two_documents" and first.answer.endswith("《雾川市文明养犬条例》先施行。"), first
        assert len(first.citations) == 2
        more = ask(store, "云溪市绿色出行促进条例和雾川市文明养犬条例哪个条数更多？")
        assert "共4条" in more.answer and "共3条" in more.answer and more.answer.endswith("《云溪市绿色出行促进条例》条数较多。")
        assert ask(store, "云溪市绿色出行促进条例和火星市文明养犬条例，哪个先施行？").answer == ""


def test_a_rate_held_as_a_value_ranks_beside_the_same_rate_held_as_a_change(tmp_path):
    """One fact, two forms (tests/gold/README.md): 物价涨幅2.5%左右 (the rate noun's figure, a value) and
    物价上涨1.5%左右 (a change) are one measure when places are ranked or compared (invented reports)."""
    filler = "全省上下坚持稳中求进，扎实推进各项工作，经济社会发展取得新成效。人民生活持续改善，社会大局保持稳定。\n" * 3
    db = _reports(tmp_path, {name: f"{place}2031年政府工作报告\n{filler}2031年主要预期目标是：地区生产总值增长5%左右，{rate}。\n"
                             for name, place, rate in (("a.txt", "青海省", "居民消费价格涨幅2.5%左右"),
                                                       ("b.txt", "吉林省", "居民消费价格上涨1.5%左右"),
                                                       ("c.txt", "湖北省", "居民消费价格涨幅3%左右"))})
    with open_store(db, readonly=True) as store:
        low = ask(store, "哪个省2031年居民消费价格涨幅目标最低？")
        assert low.answer.startswith("吉林省") and "3个地区" in (low.note or ""), low
        two = ask(store, "青海和吉林2031年居民消费价格涨幅目标哪个高？")
        assert "青海省较高" in two.answer, two
