"""Export: every fact type's fields, typed Parquet read back by pandas and DuckDB, CSV in reading order."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import SAMPLES, run_cli

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("export") / "lib.db")
    assert run_cli("ingest", str(SAMPLES), "--db", path).returncode == 0
    return path


@pytest.fixture(scope="module")
def facts_json(db):
    r = run_cli("export", "--db", db, "--format", "json")
    assert r.returncode == 0
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def parquet(db, tmp_path_factory):
    out = tmp_path_factory.mktemp("pq") / "facts.parquet"
    r = run_cli("export", "--db", db, "--format", "parquet", "--out", str(out))
    assert r.returncode == 0 and f"to {out}" in r.stderr
    return out


def test_every_field_of_every_fact_type_is_a_parquet_column(facts_json, parquet):
    types = {f["type"] for f in facts_json}
    assert {"indicator", "glossary", "project", "programme"} <= types
    fields = {k for f in facts_json for k in f}
    names = set(pq.read_schema(parquet).names)
    assert fields <= names, fields - names
    assert {"term", "definition", "name", "investment", "mentions", "indicators", "span"} <= names


def test_parquet_types(parquet):
    schema = pq.read_schema(parquet)
    assert schema.field("span").type in (pa.list_(pa.int32(), 2), pa.list_(pa.int32()))
    assert schema.field("year").type == pa.int32()
    for c in ("value", "value_max", "change", "change_max", "investment", "count"):
        assert schema.field(c).type == pa.float64(), c
    for c in ("doc", "region", "kind", "type", "metric", "unit", "quote", "term"):
        assert schema.field(c).type == pa.string(), c


def test_pandas_reads_typed_columns(parquet, facts_json):
    df = pd.read_parquet(parquet, dtype_backend="numpy_nullable")
    assert len(df) == len(facts_json)
    assert str(df["year"].dtype) == "Int32"
    assert str(df["value"].dtype) == "Float64"
    spans = df["span"].tolist()
    assert all(len(s) == 2 and s[0] < s[1] for s in spans)
    ind = df[df["type"] == "indicator"]
    assert ind["value"].notna().any() and (ind["value"].dropna() > 0).all()
    gl = df[df["type"] == "glossary"]
    assert gl["definition"].str.len().min() > 4 and gl["term"].notna().all()


def test_duckdb_reads_typed_columns(parquet):
    con = duckdb.connect()
    kinds = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{parquet}')").fetchall())
    assert kinds["year"] == "INTEGER" and kinds["value"] == "DOUBLE" and kinds["span"].startswith("INTEGER[")
    start, end, quote, doc = con.execute(
        f"SELECT span[1], span[2], quote, doc FROM '{parquet}' WHERE type = 'indicator' LIMIT 1").fetchone()
    assert isinstance(start, int) and end - start == len(quote) and doc
    n, total = con.execute(f"SELECT count(*), sum(value) FROM '{parquet}' WHERE type = 'indicator'").fetchone()
    assert n > 10 and total > 0


def test_csv_columns_in_reading_order_and_type_filter(db):
    r = run_cli("export", "--db", db, "--type", "indicator")
    assert r.returncode == 0
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0][:12] == ["doc", "region", "year", "kind", "type", "metric", "value", "value_max", "unit",
                            "change", "change_max", "change_unit"]
    body = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert body and {b["type"] for b in body} == {"indicator"}
    assert all(b["kind"] in ("actual", "target", "forecast") for b in body)
    assert all(json.loads(b["span"])[0] < json.loads(b["span"])[1] for b in body)
    r = run_cli("export", "--db", db, "--type", "glossary", "--type", "project", "--format", "json")
    assert {f["type"] for f in json.loads(r.stdout)} == {"glossary", "project"}


def test_unknown_type_and_type_with_documents_are_usage_errors(db):
    r = run_cli("export", "--db", db, "--type", "indicators")
    assert r.returncode == 1 and "[E014]" in r.stderr and "indicator, glossary" in r.stderr
    r = run_cli("export", "--db", db, "--what", "documents", "--type", "indicator")
    assert r.returncode == 1 and "[E014]" in r.stderr


def test_documents_parquet(db, tmp_path):
    out = tmp_path / "docs.parquet"
    assert run_cli("export", "--db", db, "--what", "documents", "-f", "parquet", "--out", str(out)).returncode == 0
    df = pd.read_parquet(out)
    assert list(df.columns[:4]) == ["doc", "region", "year", "kind"]
    assert (df["chars"] == df["text"].str.len()).all()
