"""govlens diff: files or stored documents, commitments by metric, session numbers are not changes."""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLES, run_cli
from govlens.analysis.diff import ORDINALS, diff, is_ordinal, ordinal_numbers, plain

# Two invented reports of one invented district; the 党委 session moves on (十三次 -> 十四次) as it does every year.
A = """2023年云溪市白鹭区政府工作报告
——2023年1月8日在云溪市白鹭区第七届人民代表大会第三次会议上
各位代表：
一、2022年工作回顾
全区地区生产总值880亿元，增长4.1%。
二、2023年主要预期目标
全面贯彻自治区党委九届十三次全委会、市委三届六次全委会精神。地区生产总值增长6%左右，一般公共预算收入增长5%，新建5G基站1200个，新增公办幼儿园学位3000个。
三、2023年重点工作
推进“一网通办”改革。
"""
B = A.replace("2023", "2024").replace("2022", "2023").replace("第三次会议", "第四次会议") \
    .replace("十三次", "十四次").replace("三届六次", "三届七次").replace("增长6%左右", "增长5.5%左右") \
    .replace("1200个", "1500个").replace("新增公办幼儿园学位3000个", "城镇调查失业率控制在5.5%以内") \
    .replace("“一网通办”改革", "“一网统管”建设")


@pytest.fixture()
def reports(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    return str(tmp_path / "a.txt"), str(tmp_path / "b.txt")


@pytest.mark.parametrize(("name", "pattern", "example"), ORDINALS)
def test_each_ordinal_shape_reads_its_example(name, pattern, example):
    assert ordinal_numbers(example), name
    assert plain(example) != example


@pytest.mark.parametrize("text", ["新建5G基站1200个", "全年接待游客13次", "举办展会20场次", "增长13%"])
def test_quantities_are_not_ordinals(text):
    fact = {"value": 13, "unit": "次", "quote": text}
    assert not is_ordinal(fact)


def test_diff_two_files_by_metric(reports):
    d = diff(None, *reports)
    changes = {t["metric"]: t["change"] for t in d["targets"]}
    assert changes == {"新建5G基站": "raised", "地区生产总值": "lowered", "城镇调查失业率": "new",
                       "新增公办幼儿园学位": "dropped", "一般公共预算收入": "same"}
    assert not any("届" in (t["metric"] or "") for t in d["targets"])  # 13次 -> 14次 is no commitment
    assert d["counts"]["ordinals_ignored"] == 2 and d["counts"]["raised"] == 1
    assert d["programmes"] == {"new": ["一网统管"], "dropped": ["一网通办"]}
    assert d["sections"] == {"added": [], "removed": []}  # 2023年重点工作 = 2024年重点工作
    assert [t["change"] for t in d["targets"]][:2] == ["raised", "lowered"]  # changes first


def test_cli_diff_files_table_and_jsonl(reports):
    r = run_cli("diff", *reports)
    assert r.returncode == 0, r.stderr
    assert "1 raised, 1 lowered" in r.stdout and "2 session numbers or ordinals ignored" in r.stdout
    assert "13次" not in r.stdout and "14次" not in r.stdout
    d = json.loads(run_cli("diff", *reports, "-f", "jsonl").stdout)
    assert {t["change"] for t in d["targets"]} == {"raised", "lowered", "new", "dropped", "same"}


def test_cli_diff_a_file_against_a_stored_document(reports, tmp_path):
    db = str(tmp_path / "lib.db")
    assert run_cli("ingest", reports[0], str(SAMPLES / "mingaln-2024-report.txt"), "--db", db).returncode == 0
    d = json.loads(run_cli("diff", "a.txt", reports[1], "--db", db, "-f", "jsonl").stdout)
    assert d["a"]["doc"] == "a.txt" and d["b"]["year"] == 2024 and d["same_region"]
    r = run_cli("diff", "nope.txt", reports[1], "--db", db)
    assert r.returncode == 1 and "[E011]" in r.stderr and "no document 'nope.txt'" in r.stderr
