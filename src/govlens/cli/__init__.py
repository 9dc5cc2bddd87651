"""The ``govlens`` command line. Each command is a thin Typer function over an importable one."""

from __future__ import annotations

from typing import Annotated

import typer

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


@app.command()
def docs(paths: Paths, fmt: FormatOpt = Format.table) -> None:
    """The documents found in each input: title, region, year, kind and clean text."""
    from .docs import docs_command

    raise typer.Exit(docs_command(paths, fmt))


@app.command()
def extract(
    paths: Paths,
    fmt: FormatOpt = Format.table,
    type_: Annotated[list[str] | None, typer.Option("--type", "-t", help="Only these fact types.")] = None,
) -> None:
    """Grounded facts: indicators, glossary, projects, programmes, tasks."""
    from .extract import extract_command

    raise typer.Exit(extract_command(paths, fmt, type_))


@app.command(name="eval")
def eval_(
    gold: Annotated[str, typer.Argument(help="Folder with indicators.jsonl and glossary.jsonl.")] = "tests/gold",
    corpus: Annotated[str, typer.Option(help="Where the gold set's documents are.")] = "../shared/corpus",
    fmt: FormatOpt = Format.table,
    show_misses: Annotated[bool, typer.Option("--misses", help="List every miss.")] = False,
) -> None:
    """Precision/recall/F1 of extraction on the dev gold set, strict and lenient."""
    from .evalcmd import eval_command

    raise typer.Exit(eval_command(gold, corpus, fmt, show_misses))


@app.command()
def demo() -> None:
    """Run the pipeline over the bundled samples and show what it found."""
    from .demo import demo_command

    raise typer.Exit(demo_command())


def main() -> None:
    app()
