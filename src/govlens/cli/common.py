"""Shared CLI plumbing: output formats, one-line errors on stderr, a progress bar that counts files."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import GovlensError, NoDocuments
from ..io.read import walk
from ..pipeline import Result, process

err = Console(stderr=True, highlight=False)
out = Console(highlight=False)


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"
    json = "json"
    csv = "csv"


def emit_jsonl(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def report_error(e: GovlensError | str) -> None:
    err.print(f"[red]error:[/red] {e}", markup=True, soft_wrap=True)


def run_paths(paths: list[str], extract: bool) -> Iterator[Result]:
    """Walk the paths and run each input; a progress bar on stderr when it is a terminal."""
    files = list(walk(paths))
    if not files:
        e = NoDocuments("no readable files (txt, html, pdf, docx) found", ", ".join(paths))
        report_error(e)
        yield Result(", ".join(paths), [], e)
        return
    show = err.is_terminal and len(files) > 1
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=err, transient=True, disable=not show,
    ) as bar:
        task = bar.add_task("reading", total=len(files))
        for f in files:
            r = process(f, extract)
            bar.advance(task)
            if r.error:
                report_error(r.error)
            yield r
