"""The library on a real SQLite file: ingest (idempotent, resumable), search, compare, track, export."""

from __future__ import annotations

import json
import sqlite3

import pytest

from conftest import SAMPLES, jsonl, run_cli
from govlens import ingest as ingest_mod
from govlens.analysis.compare import compare
from govlens.analysis.track import track, verdict
from govlens.errors import QueryError
from govlens.ingest import ingest
from govlens.io.read import walk
from govlens.store import open_store


@pytest.fixture
def db(store_target):
    """The samples ingested into a store (once on SQLite, once on PostgreSQL)."""
    with open_store(store_target) as store:
        rep = ingest(store, walk([str(SAMPLES)]))
    assert (rep.inserted, rep.failed) == (5, 0)
    return store_target


sqlite_only = pytest.mark.parametrize("store_target", ["sqlite"], indirect=True)


def test_reingest_stores_nothing_twice_and_resumes(db, tmp_path):
    with open_store(db) as store:
        before = store.counts()
        rep = ingest(store, walk([str(SAMPLES)]))
        assert (rep.inserted, rep.skipped) == (0, 5)
        assert store.counts() == before
    # A run that was killed after one file: the next run stores only the rest.
    fresh = str(tmp_path / "fresh.db")
    files = list(walk([str(SAMPLES)]))
    with open_store(fresh) as store:
        ingest(store, files[:1])
        rep = ingest(store, files)
        assert (rep.inserted, rep.skipped) == (4, 1)
        assert store.counts() == before


def test_newer_pipeline_reextracts_in_place(db, monkeypatch):
    with open_store(db) as store:
        before = store.counts()
        monkeypatch.setattr(ingest_mod, "VERSION", "999")
        rep = ingest(store, walk([str(SAMPLES)]))
        assert rep.inserted == 5
        assert store.counts() == before
        assert store.stats()["pipelines"] == {"999": 5}


def test_search_ranks_highlights_and_filters(db):
    with open_store(db, readonly=True) as store:
        hits = store.search("一网通办")
        assert "mingaln-2023-report.txt" in [h["doc"] for h in hits]
        assert all("【一网通办】" in h["snippet"] for h in hits)
        assert "mingaln-news-page.txt#1" not in [h["doc"] for h in hits]
        assert all(h["score"] >= hits[-1]["score"] for h in hits)
        assert {h["region"] for h in store.search("一网通办", region="溪北县")} <= {"溪北县"}
        assert store.search("明澜"), "two-character names are found"
        assert store.search("拿地即开工 全程网办率")
        assert store.search('AND OR ( "') == []  # never an SQL error
        with pytest.raises(QueryError):
            store.search("   ")


def test_cli_search_contract_and_errors(db, tmp_path):
    r = run_cli("search", "一网统管", "--db", db, "--format", "jsonl")
    assert r.returncode == 0
    hits = jsonl(r.stdout)
    assert hits and set(hits[0]) >= {"doc", "title", "region", "year", "score", "snippet"}
    r = run_cli("search", "x", "--db", str(tmp_path / "none.db"))
    assert r.returncode == 1 and "no such database" in r.stderr and "Traceback" not in r.stderr


def test_compare_across_regions(db):
    with open_store(db, readonly=True) as store:
        rows = {r["region"]: r for r in compare(store, "GDP", year=2021, kind="actual")}
    assert rows["云溪市明澜区"]["value"] == 1065 and rows["溪北县"]["value"] == 326  # the listing's 明澜区
    assert rows["溪北县"]["change"] == 7.4 and "326亿元" in rows["溪北县"]["quote"]


def test_track_targets_against_next_year(db):
    with open_store(db, readonly=True) as store:
        rows = {(r["metric_key"], r["year"]): r for r in track(store, region="云溪市明澜区")}
    gdp = rows[("gdp", 2023)]
    assert (gdp["target"]["change"], gdp["target"]["change_max"], gdp["actual"]["change"]) == (6, 7, 6.2)
    assert gdp["verdict"] == "met"
    assert rows[("unemployment_surveyed", 2023)]["verdict"] == "met"  # 4.6% within 5%以内
    assert rows[("gdp", 2024)]["verdict"] == "pending"


@pytest.mark.parametrize(
    ("target", "actual", "key", "expect"),
    [
        ({"change": 6, "change_unit": "%", "qualifier": "左右"}, {"change": 5.6, "change_unit": "%"}, "gdp", "met"),
        ({"change": 6, "change_unit": "%", "qualifier": "左右"}, {"change": 5.4, "change_unit": "%"}, "gdp", "missed"),
        ({"value": 5, "unit": "%", "qualifier": "以内"}, {"value": 5.2, "unit": "%"}, "unemployment_surveyed", "missed"),
        ({"value": 100, "unit": "家", "qualifier": "以上"}, {"value": 99, "unit": "家"}, None, "missed"),
        ({"change": 6, "change_max": 7, "change_unit": "%"}, {"change": 6.0, "change_unit": "%"}, "gdp", "met"),
        ({"value": 3, "unit": "%", "qualifier": "左右"}, {"value": 3.4, "unit": "%"}, "cpi", "met"),
        ({"value": 3, "unit": "亿元"}, {"change": 3, "change_unit": "%"}, None, "unclear"),
    ],
)
def test_verdict_rule(target, actual, key, expect):
    assert verdict(target, actual, key) == expect


def test_export_csv_json_parquet(db, tmp_path):
    r = run_cli("export", "--db", db, "--what", "facts", "--format", "json")
    facts = json.loads(r.stdout)
    assert r.returncode == 0 and any(f["type"] == "glossary" for f in facts)
    r = run_cli("export", "--db", db, "--what", "documents", "--format", "csv")
    assert r.returncode == 0 and r.stdout.splitlines()[0].startswith("doc,region,year,kind,") and "云溪市明澜区" in r.stdout
    out = tmp_path / "facts.parquet"
    r = run_cli("export", "--db", db, "--what", "facts", "--format", "parquet", "--out", str(out))
    import pyarrow.parquet as pq

    assert r.returncode == 0 and pq.read_table(out).num_rows == len(facts)


@sqlite_only
def test_plain_sqlite_can_read_it(db):
    """No govlens needed to read the file (Datasette, the sqlite3 shell): tables, the trigram index
    (substrings, through GLOB) and the word index (words as rjieba segments them, space-separated)."""
    import os

    assert sorted(f for f in os.listdir(os.path.dirname(db)) if not f.endswith(("-wal", "-shm"))) == ["lib.db"]
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 7
    assert con.execute("SELECT count(*) FROM facts WHERE metric_key = 'gdp'").fetchone()[0] >= 5
    rows = con.execute("SELECT rowid FROM doc_tri WHERE text GLOB '*一网统管*'").fetchall()
    assert len(rows) >= 2
    rows = con.execute("SELECT rowid FROM doc_words WHERE doc_words MATCH '\"一网 统管\"'").fetchall()
    assert len(rows) >= 2
    assert con.execute("SELECT count(*) FROM doc_words WHERE doc_words MATCH '明澜'").fetchone()[0] >= 5


def test_diff_two_reports_of_one_region(db):
    from govlens.analysis.diff import diff

    with open_store(db, readonly=True) as store:
        d = diff(store, "mingaln-2023-report.txt", "mingaln-2024-report.txt")
    changes = {t["metric_key"]: t["change"] for t in d["targets"]}
    assert d["same_region"] and changes["unemployment_surveyed"] == "same" and changes["new_jobs"] == "same"
    assert changes["online_services"] == "dropped"
    assert "一网通办" in d["programmes"]["dropped"]
    r = run_cli("diff", "nope", "x", "--db", db)
    assert r.returncode == 1 and "no document 'nope'" in r.stderr


@sqlite_only
def test_opens_in_datasette_as_it_is(db):
    import asyncio

    from datasette.app import Datasette

    async def get(path: str):
        ds = Datasette([db])
        return await ds.client.get(path)

    name = db.rsplit("/", 1)[-1].removesuffix(".db")
    r = asyncio.run(get(f"/{name}/documents.json?_shape=array"))
    assert r.status_code == 200 and len(r.json()) == 7
    r = asyncio.run(get(f"/{name}/facts.json?_shape=array&metric_key=gdp"))
    assert r.status_code == 200 and r.json()
    r = asyncio.run(get(f"/{name}/documents.json?_shape=array&_where=id+in+(select+rowid+from+doc_tri+where+text+glob+'*一网统管*')"))
    assert r.status_code == 200 and len(r.json()) >= 2  # the trigram index, through GLOB


@sqlite_only
def test_word_index_is_rebuilt_when_missing(db):

    con = sqlite3.connect(db)
    con.execute("INSERT INTO doc_words(doc_words) VALUES ('delete-all')")
    con.commit()
    con.close()
    with open_store(db, readonly=True) as store:
        assert store.search("一网统管")  # trigram still answers
    with open_store(db) as store:  # a writable open rebuilds the word index
        assert store.stats()["documents"] == 7
        assert store.search("明澜") and store.search("一网统管")[0]["score"] != 0
        assert store.search("明澜")


@pytest.mark.parametrize("order", [1, -1])
def test_a_district_named_without_its_city_joins_the_full_name(store_target, order):
    files = [str(SAMPLES / "mingaln-listing.html"), str(SAMPLES / "mingaln-2023-report.txt")][::order]
    with open_store(store_target) as store:
        ingest(store, files)
        regions = set(store.regions())
        assert "明澜区" not in regions and "云溪市明澜区" in regions
        facts = list(store.facts("indicator"))
        assert facts and not [f for f in facts if f.get("region") == "明澜区"]
        assert store.indicators(metric_key="gdp", region="明澜区") == []
        rows = {r["region"] for r in compare(store, "地区生产总值")}
        assert "明澜区" not in rows and "云溪市明澜区" in rows


def test_an_older_file_is_migrated_in_place(tmp_path):
    """A version-1 file (as written before accounts, submissions and the facets index) opens, keeps
    its documents, gains the new tables and index, and search uses them."""
    import apsw

    from govlens.store import fts
    from govlens.store.sqlite import MIGRATIONS, SCHEMA_VERSION

    path = str(tmp_path / "old.db")
    con = apsw.Connection(path)
    fts.register(con)
    con.execute(MIGRATIONS[1])
    con.execute("PRAGMA user_version = 1")
    con.close()
    with open_store(path) as store:  # writable open: migrations run, then an ingest
        ingest(store, [str(SAMPLES / "mingaln-2023-report.txt")])
    with open_store(path, readonly=True) as store:
        assert store.con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        names = {r[0] for r in store.con.execute("SELECT name FROM sqlite_master")}
        assert {"users", "sessions", "submissions", "documents_facets"} <= names
        assert store.search("地区生产总值", region="云溪市明澜区")


def test_stats_count_the_same_on_both_backends(db, tmp_path):
    """`govlens stats --format json` on this backend equals the counts of a fresh SQLite store of the
    same files; it names the files (SQLite) or the database (PostgreSQL) the store lives in."""
    r = run_cli("stats", "--db", db, "--format", "json")
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    ref = str(tmp_path / "ref.db")
    with open_store(ref) as s:
        ingest(s, walk([str(SAMPLES)]))
        want = s.stats()
    where = {"sqlite": "files", "postgresql": "database"}[got["backend"]]
    assert got.pop(where)
    files = want.pop("files")
    assert "ref.db" in files and set(files) <= {"ref.db", "ref.db-wal", "ref.db-shm"}  # no side file
    for st in (got, want):
        st.pop("backend")
    assert got == want
    assert got["documents"] == 7 and got["facts_by_type"]["indicator"] > 50 and got["schema_version"] == 5

