"""Shared CLI plumbing: output formats, one-line errors on stderr, a progress bar that counts files."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from functools import partial
from typing import Any, TypeVar

from rich.console import Console
from rich.text import Text

from ..errors import GovlensError, NoDocuments
from ..io.read import walk
from ..model import Document
from ..parallel import ordered_map, plan, warm
from ..pipeline import Result, process, process_streaming

R = TypeVar("R")

# Messages carry file names, URLs, quotes and user input: never parse them as Rich markup (`[/x]` in a
# name crashed the batch, `[bold]` was eaten) or emoji codes. Styling goes through Text objects.
err = Console(stderr=True, highlight=False, markup=False, emoji=False)
# Piped or redirected output is never cut to 80 columns: tables take the width their cells need.
out = Console(highlight=False, markup=False, emoji=False, width=None if sys.stdout.isatty() else 1_000_000)


def cell(value: object, width: int) -> str:
    """A table cell: shortened to ``width`` characters on a terminal, whole when piped."""
    text = "" if value is None else str(value)
    return text[: width - 1] + "…" if out.is_terminal and len(text) > width else text


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"
    json = "json"
    csv = "csv"


# Line and paragraph separators that json.dumps(ensure_ascii=False) leaves raw: readers that split on
# str.splitlines() (Python) or treat them as line ends (JavaScript before ES2019) break a JSON line there.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"})


# One encoder for every line (json.dumps with a non-default option builds a new one per call).
_JSON = json.JSONEncoder(ensure_ascii=False)


def jsonl_line(obj: Any) -> str:
    """One JSON Lines record: UTF-8 text as is, but no character any reader takes for a line end."""
    line = _JSON.encode(obj)
    # str.translate with a table walks every character in Python-level steps: only when one is there.
    if "\u2028" in line or "\u2029" in line or "\u0085" in line:
        line = line.translate(_LINE_BREAKS)
    return line


def emit_jsonl(obj: dict[str, Any]) -> None:
    sys.stdout.write(jsonl_line(obj) + "\n")


def styled(message: str, style: str) -> Text:
    """A message in a style, its text taken literally."""
    return Text(message, style=style)


def report_error(e: GovlensError | str) -> None:
    err.print(Text.assemble(("error:", "red"), " ", str(e)), soft_wrap=True)


def note(message: str) -> None:
    """A plain line on stderr (progress, counts), taken literally."""
    err.print(Text(message), soft_wrap=True)


def summary(message: str) -> None:
    """A closing count for people: on stderr when it is a terminal, after any progress bar has gone."""
    if err.is_terminal:
        note(message)


class _NoBar:
    """What :func:`progress` gives when stderr is no terminal: a bar that shows nothing (as a disabled
    rich Progress), without importing rich.progress for it."""

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, *args: Any, **kwargs: Any) -> int:
        return 0

    def advance(self, *args: Any, **kwargs: Any) -> None:
        return None

    def update(self, *args: Any, **kwargs: Any) -> None:
        return None


def progress(label: str) -> Any:
    """A bar on stderr when it is a terminal (nothing otherwise); transient, so what follows it is the last word."""
    if not err.is_terminal:
        return _NoBar()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(label, style="bold"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True, redirect_stdout=False)  # data written to stdout during the bar stays on stdout


def _work(path: str, extract: bool, render: Callable[[Document], Any]) -> tuple[Result, list[Any]]:
    """In a worker process: one input through the pipeline, each document rendered to what the command
    writes (lines, table rows); the documents themselves stay in the worker."""
    r = process(path, extract)
    outs = [render(d) for d in r.docs]
    r.docs = []
    return r, outs


def run_paths(paths: list[str], extract: bool, render: Callable[[Document], R],
              workers: int | None = 1) -> Iterator[tuple[Result, Iterable[R]]]:
    """Walk the paths and run each input; a progress bar on stderr when it is a terminal. Yields each
    input's result with its documents rendered by ``render``, in input order; over several worker
    processes when ``workers`` and the batch's size call for it (:mod:`govlens.parallel`), with the
    same output and the same error lines as in one process."""
    files = list(walk(paths))
    if not files:
        e = NoDocuments("no readable files (txt, html, pdf, docx) found", ", ".join(paths))
        report_error(e)
        yield Result(", ".join(paths), [], e), []
        return
    n = plan(files, workers)
    if n > 1:
        warm(extract)
        results: Iterator[tuple[Result, Iterable[R]]] = ordered_map(partial(_work, extract=extract, render=render),
                                                                    files, n)
    else:
        # Facts are extracted document by document as the caller writes them out: memory holds
        # one document's facts, not a whole file's.
        results = ((r, map(render, r.docs)) for r in map(partial(process_streaming, extract=extract), files))
    with progress("reading") as bar:
        task = bar.add_task("reading", total=len(files))
        for r, outs in results:
            bar.advance(task)
            if r.error:
                report_error(r.error)
            for w in r.warnings:
                err.print(Text.assemble(("warning:", "yellow"), " ", w), soft_wrap=True)
            yield r, outs
            for e in r.doc_errors:  # documents left out of a page whose others were read
                report_error(e)
