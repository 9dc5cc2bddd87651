"""The ``govlens`` command line. Each command is a thin Typer function over an importable one."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import GovlensError, MissingExtra, UsageError
from .common import Format

app = typer.Typer(
    name="govlens",
    help="Read Chinese government documents: clean text, grounded facts, search.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Paths = Annotated[list[str], typer.Argument(help="Files, directories (walked) or http(s) URLs.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="jsonl for machines, table for people.")]
WorkersOpt = Annotated[int | None, typer.Option(
    min=1, help="Worker processes (default: the machine's cores, at most 8, for batches of 256 KB or more; "
                "1: this process only). The output is the same whatever the number.")]


@app.command()
def docs(paths: Paths, fmt: FormatOpt = Format.table, workers: WorkersOpt = None) -> None:
    """The documents found in each input: title, region, year, kind and clean text."""
    from .docs import docs_command

    raise typer.Exit(docs_command(paths, fmt, workers))


@app.command()
def extract(
    paths: Paths,
    fmt: FormatOpt = Format.table,
    type_: Annotated[list[str] | None, typer.Option("--type", "-t", help="Only these fact types.")] = None,
    workers: WorkersOpt = None,
) -> None:
    """Grounded facts: indicators, glossary, projects, programmes, tasks."""
    from .extract import extract_command

    raise typer.Exit(extract_command(paths, fmt, type_, workers))


DbOpt = Annotated[str | None, typer.Option(
    "--db", help="SQLite file or postgresql://user@host/dbname (default: $GOVLENS_DB, else ./govlens.db).")]


def _run(fn, *args):
    """Store commands: a user mistake (bad query, missing database) is one line, exit 1."""
    from .common import report_error

    try:
        return fn(*args)
    except GovlensError as e:
        report_error(e)
        return 1


@app.command()
def ingest(
    paths: Paths,
    db: DbOpt = None,
    executor: Annotated[str, typer.Option(help="inprocess (default) or ray (pip install 'govlens[ray]').")] = "inprocess",
    workers: Annotated[int | None, typer.Option(
        min=1, help="inprocess: worker processes extracting while this one stores (default: the machine's cores, "
                    "at most 8, for batches of 256 KB or more; 1: this process only). Ray: CPUs of the local Ray "
                    "(default: all).")] = None,
    ray_address: Annotated[str | None, typer.Option(help="Ray: address of a running cluster (ray://… or host:port).")] = None,
) -> None:
    """Read, extract and store; files already stored by this pipeline version are skipped."""
    from .library import ingest_command

    raise typer.Exit(_run(ingest_command, paths, db, executor, workers, ray_address))


@app.command()
def stats(db: DbOpt = None, fmt: FormatOpt = Format.table) -> None:
    """What the store holds: documents, facts by type, glossary entries, sections, regions; the
    schema and pipeline versions; the files (SQLite) or database (PostgreSQL) it lives in."""
    from .library import stats_command

    raise typer.Exit(_run(stats_command, db, fmt))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find; each is matched as a phrase.")],
    db: DbOpt = None,
    fmt: FormatOpt = Format.table,
    region: Annotated[str | None, typer.Option(help="Only this region, e.g. 闵行区.")] = None,
    year: Annotated[int | None, typer.Option(help="Only documents of this year.")] = None,
    kind: Annotated[str | None, typer.Option(help="work_report, press, news, glossary, regulation, other.")] = None,
    level: Annotated[str | None, typer.Option(help="national, province, city, district, county.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
) -> None:
    """Full-text search (BM25, Chinese word segmentation), best first."""
    from .library import search_command

    raise typer.Exit(_run(search_command, query, db, fmt, region, year, kind, level, limit))


@app.command()
def compare(
    metric: Annotated[str, typer.Argument(help="Metric in the documents' words or a synonym: GDP, 地区生产总值 …")],
    db: DbOpt = None,
    fmt: FormatOpt = Format.table,
    year: Annotated[int | None, typer.Option(help="The period the figures are for.")] = None,
    kind: Annotated[str | None, typer.Option(help="actual, target or forecast.")] = None,
    level: Annotated[str | None, typer.Option(help="national, province, city, district, county.")] = None,
) -> None:
    """One row per region: value, change, unit, qualifier and the quote it came from."""
    from .library import compare_command

    raise typer.Exit(_run(compare_command, metric, db, fmt, year, kind, level))


@app.command()
def track(
    db: DbOpt = None,
    fmt: FormatOpt = Format.table,
    region: Annotated[str | None, typer.Option(help="A place as you name it (海拉尔区, 江苏, 全国).")] = None,
    metric: Annotated[str | None, typer.Option(help="A measure in words; a sense word picks growth or a rate "
                                                    "(国内生产总值增长, 城镇登记失业率, 粮食产量).")] = None,
    year: Annotated[int | None, typer.Option(help="The year the target was set for.")] = None,
) -> None:
    """Targets set for year Y against the outcome the report of Y+1 states: met, missed, unclear, pending."""
    from .library import track_command

    raise typer.Exit(_run(track_command, db, fmt, region, metric, year))


@app.command()
def diff(
    doc_a: Annotated[str, typer.Argument(help="Earlier report: a file, or a doc name or numeric id in the store.")],
    doc_b: Annotated[str, typer.Argument(help="Later report: a file, or a stored document.")],
    db: DbOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Two reports (files or stored): targets by metric raised/lowered/new/dropped, programmes, sections."""
    from .library import diff_command

    raise typer.Exit(_run(diff_command, doc_a, doc_b, db, fmt))


@app.command()
def export(
    db: DbOpt = None,
    what: Annotated[str, typer.Option("--what", help="documents or facts.")] = "facts",
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, json or parquet.")] = "csv",
    out_path: Annotated[str | None, typer.Option("--out", help="File to write (stdout for csv/json).")] = None,
    type_: Annotated[list[str] | None, typer.Option(
        "--type", "-t", help="Only these fact types: indicator, glossary, project, programme, task.")] = None,
) -> None:
    """Export documents or facts as CSV, JSON or Parquet (every field; Parquet with typed columns)."""
    from .export import export_command

    if what not in ("documents", "facts") or fmt not in ("csv", "json", "parquet"):
        from .common import report_error

        report_error(UsageError(f"--what documents|facts and --format csv|json|parquet (got {what}, {fmt})"))
        raise typer.Exit(1)
    raise typer.Exit(_run(export_command, db, what, fmt, out_path, type_))


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="A question in Chinese, e.g. 闵行区2021年经济增长目标是多少？")],
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    explain: Annotated[bool, typer.Option("--explain", help="Print the plan the question was read into.")] = False,
) -> None:
    """Answer from the library with the sentences it came from; empty when the library does not know."""
    from .library import ask_command

    if fmt not in ("text", "json"):
        from .common import report_error

        report_error(UsageError(f"--format text|json (got {fmt})"))
        raise typer.Exit(1)
    raise typer.Exit(_run(ask_command, question, db, fmt, explain))


PORT_HELP = "Port (default 8000, else the next free one); a port given here is used or refused."


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int | None, typer.Option(min=1, max=65535, help=PORT_HELP)] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes.")] = 1,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Cache anonymous reads in memory.")] = True,
    forwarded_allow_ips: Annotated[str, typer.Option(
        "--forwarded-allow-ips", help="Proxies whose X-Forwarded-For is believed (comma-separated IPs or "
        "networks); default none: throttles count the TCP peer.")] = "",
) -> None:
    """The portal and the REST API (GET /openapi.json describes it, /docs tries it)."""
    from .common import report_error

    try:
        import uvicorn

        from ..web import create_app
    except ImportError:
        report_error(MissingExtra("the portal needs the web extra: pip install 'govlens[web]'"))
        raise typer.Exit(1) from None
    import os

    from ..store import default_target, open_store
    from .common import err, note
    from .net import choose_port

    try:
        port, moved = choose_port(host, port)
    except GovlensError as e:
        report_error(e)
        raise typer.Exit(1) from None
    if moved:
        note(moved)
    os.environ["GOVLENS_DB"] = db or default_target()
    os.environ["GOVLENS_CACHE"] = "1" if cache else "0"
    try:
        open_store(os.environ["GOVLENS_DB"]).close()
    except GovlensError as e:
        report_error(e)
        raise typer.Exit(1) from None
    err.print(f"govlens portal: http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
    from ..web.security import uvicorn_options

    proxy = uvicorn_options(forwarded_allow_ips)
    if workers > 1:  # each worker process builds its own app from $GOVLENS_DB
        uvicorn.run("govlens.web:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning", **proxy)
    else:
        uvicorn.run(create_app(os.environ["GOVLENS_DB"], cache=cache), host=host, port=port, log_level="warning",
                    **proxy)


@app.command(name="eval")
def eval_(
    gold: Annotated[str, typer.Argument(help="Gold folder: dev/ and blind/ with indicators.jsonl (and glossary.jsonl), "
                                             "or one such folder.")] = "tests/gold",
    corpus: Annotated[str, typer.Option(help="Where the dev set's documents are (the blind set's paths are "
                                             "relative to its parent).")] = "../shared/corpus",
    sets: Annotated[str, typer.Option(help="Which parts to score: dev, blind or dev,blind.")] = "dev,blind",
    fmt: FormatOpt = Format.table,
    show_misses: Annotated[bool, typer.Option("--misses", help="List every miss.")] = False,
    docs: Annotated[bool, typer.Option("--docs", help="Score document metadata (region, level, year, kind, "
                                       "title) on the corpus index and the page sets instead.")] = False,
    invariants: Annotated[bool, typer.Option("--invariants", help="Count the facts breaking each invariant over "
                                             "--corpus (no annotation needed) instead.")] = False,
    examples: Annotated[int, typer.Option(help="Examples shown per invariant.")] = 3,
) -> None:
    """Precision/recall/F1 of extraction on the gold sets, dev and blind side by side (strict, lenient,
    numbers only, per attribute); or, with --invariants, what must hold of any extraction."""
    from .evalcmd import eval_command, eval_docs_command, eval_invariants_command

    if docs:
        raise typer.Exit(eval_docs_command(gold, corpus, fmt, show_misses))
    if invariants:
        raise typer.Exit(eval_invariants_command([corpus], fmt, examples))
    raise typer.Exit(eval_command(gold, corpus, fmt, show_misses, [x.strip() for x in sets.split(",") if x.strip()]))


@app.command(name="eval-ask")
def eval_ask(
    gold: Annotated[str, typer.Argument(help="Gold folder (dev/ and blind/ with ask.jsonl, track.jsonl), "
                                             "or one question file.")] = "tests/gold",
    db: DbOpt = None,
    corpus: Annotated[list[str] | None, typer.Option(help="Built into a temporary store when no --db is given "
                                                          "(repeat; default ../shared/corpus and ../shared/seeds).")] = None,
    sets: Annotated[str, typer.Option(help="Which parts to score: dev, blind or dev,blind.")] = "dev,blind",
    fmt: FormatOpt = Format.table,
    show_misses: Annotated[bool, typer.Option("--misses", help="List every wrong answer.")] = False,
) -> None:
    """Answer accuracy, citation accuracy, declined share, latency and track verdict agreement, dev and blind
    side by side."""
    from .evalcmd import eval_ask_command

    raise typer.Exit(eval_ask_command(gold, db, corpus or ["../shared/corpus", "../shared/seeds"],
                                      [x.strip() for x in sets.split(",") if x.strip()], fmt, show_misses))


@app.command()
def demo(
    db: DbOpt = None,
    serve_: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the portal afterwards.")] = True,
    port: Annotated[int | None, typer.Option(min=1, max=65535, help=PORT_HELP)] = None,
) -> None:
    """Ingest the bundled samples into the store, show what was found, serve the portal."""
    from .common import report_error
    from .demo import demo_command
    from .net import choose_port

    if serve_:  # before ingesting: a taken port is said first, not after a screenful of tables
        try:
            choose_port("127.0.0.1", port)
        except GovlensError as e:
            report_error(e)
            raise typer.Exit(1) from None
    code = _run(demo_command, db)
    if code or not serve_:
        raise typer.Exit(code)
    serve(db=db, host="127.0.0.1", port=port)


user_app = typer.Typer(help="Moderator accounts for the portal's 投稿 review queue.", no_args_is_help=True)
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="Login name.")],
    db: DbOpt = None,
    role: Annotated[str, typer.Option(help="moderator or admin.")] = "moderator",
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
) -> None:
    """Add a moderator; the password is asked for (twice) unless --password-stdin."""
    import sys

    from .. import accounts
    from ..store import open_store

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif not sys.stdin.isatty():
        from .common import report_error

        report_error(UsageError("no terminal to ask for the password on: pipe it in with --password-stdin"))
        raise typer.Exit(1)
    else:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)

    def add() -> int:
        with open_store(db) as s:
            accounts.add_user(s, name, password, role)
        return 0

    code = _run(add)
    if not code:
        from .common import err

        err.print(f"user {name} added ({role})")
    raise typer.Exit(code)


@user_app.command("list")
def user_list(db: DbOpt = None) -> None:
    """The accounts in the store."""
    from .. import accounts
    from ..store import open_store

    def show() -> int:
        with open_store(db) as s:
            for u in accounts.users(s):
                typer.echo(f"{u['name']}\t{u['role']}\t{u['created_at']}")
        return 0

    raise typer.Exit(_run(show))


@user_app.command("remove")
def user_remove(name: str, db: DbOpt = None) -> None:
    """Remove an account (its sessions end with it)."""
    from .. import accounts
    from ..store import open_store

    def remove() -> int:
        with open_store(db) as s:
            accounts.remove_user(s, name)
        return 0

    raise typer.Exit(_run(remove))


def main() -> None:
    app()
