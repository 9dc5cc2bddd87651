"""The per-input stages over several worker processes, results in input order.

``govlens extract``, ``docs`` and ``ingest`` (in-process executor) run each input through the pipeline
on their own; with more than one worker they hand the inputs to forked worker processes and take the
results back in the order the inputs were given, so what they write is byte for byte what one process
writes. The workers are forked after the imports and after a warm-up run (lexicon loaded, patterns
compiled, OpenCC and the tokeniser ready), so none of them pays for start-up again.

When it pays: the default (``workers=None``) uses the machine's cores (at most :data:`MAX_WORKERS`)
only for at least two inputs holding :data:`MIN_BYTES` or more between them; a smaller batch runs in
this process, where forking would cost more than it saves. ``--workers N`` asks for N processes
whenever there are two inputs or more; ``--workers 1`` is the single-process path.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .io.read import is_url

MAX_WORKERS = 8
# Below this many input bytes the whole batch takes well under a second in one process: forking and
# shipping results back would cost more than a second core gives.
MIN_BYTES = 256 * 1024
URL_BYTES = 64 * 1024  # what a URL is counted as before it is fetched


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _size(path: str) -> int:
    if is_url(path):
        return URL_BYTES
    try:
        return Path(path).stat().st_size
    except OSError:  # missing or unreadable: its worker reports it
        return 0


def plan(paths: list[str], workers: int | None) -> int:
    """How many processes to run ``paths`` over (1: in this process)."""
    if len(paths) < 2 or workers == 1:
        return 1
    if workers is None:
        if sum(map(_size, paths)) < MIN_BYTES:
            return 1
        workers = min(cores(), MAX_WORKERS)
    return max(1, min(workers, len(paths)))


_WARM_TEXT = (
    "云溪县2025年政府工作报告\n一、2024年工作回顾\n全县地区生产总值达到120.5亿元，增长6.2%。\n"
    "二、2025年主要目标\n地区生产总值增长6%左右，新增城镇就业3000人以上。\n"
)


def warm(extract: bool) -> None:
    """Run an invented report through the stages once, so every lazy load happens before the fork."""
    from .pipeline import read_text

    read_text(_WARM_TEXT, source="<warm-up>", extract=extract)
    # The tokeniser (its dictionary loads on import, ~0.3 s) is needed only by lines broken between two
    # Chinese characters and by place names in running text: loaded here, not once in every worker.
    import rjieba  # noqa: F401


def _worker_start() -> None:
    """Ctrl-C reaches the whole process group: the parent stops the workers, they print nothing."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Ordered:
    """Jobs for a pool of forked workers, results given back in submission order, at most ``window``
    outstanding (memory stays bounded however many inputs there are). Ready values can be queued
    between jobs (an input the caller settled itself, e.g. one already stored).

    A worker that dies (killed for memory, a crash in a C library) breaks the pool: its job and every
    later one then run in this process, as with ``--workers 1`` (an input that kills a worker kills
    this process too, as it would have without workers), and one warning line says so."""

    def __init__(self, workers: int, window: int | None = None) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_start)
        self._started = False
        self._pending: deque[tuple[Any, tuple[Callable[..., Any], tuple[Any, ...]] | None]] = deque()
        self.window = window or workers * 4

    def submit(self, fn: Callable[..., Any], *args: Any) -> list[Any]:
        """Queue ``fn(*args)`` for a worker; returns the results now due (oldest first)."""
        if self._pool is None:  # broken: this process does the work
            self._pending.append((fn(*args), None))
        elif not self._started:
            # The workers are forked on the first job. Whatever is buffered would be written again by
            # each child when it flushes at exit; objects made before the fork stay out of the children's
            # collections (a collection writes to every object it visits, copying the parent's pages).
            sys.stdout.flush()
            sys.stderr.flush()
            gc.freeze()
            try:
                self._pending.append((self._pool.submit(fn, *args), (fn, args)))
            finally:
                gc.unfreeze()  # in this process they are collected as before
            self._started = True
        else:
            self._pending.append((self._pool.submit(fn, *args), (fn, args)))
        return self._due()

    def ready(self, value: Any) -> list[Any]:
        """Queue a value settled without a worker; returns the results now due."""
        self._pending.append((value, None))
        return self._due()

    def _due(self) -> list[Any]:
        due = []
        while self._pending and (len(self._pending) > self.window or self._pending[0][1] is None):
            due.append(self._pop())
        return due

    def _pop(self) -> Any:
        from concurrent.futures.process import BrokenProcessPool

        v, job = self._pending.popleft()
        if job is None:
            return v
        try:
            return v.result()
        except BrokenProcessPool:
            if self._pool is not None:
                sys.stderr.write("warning: a worker process died; the remaining inputs run in this process\n")
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
            fn, args = job
            return fn(*args)

    def drain(self) -> Iterator[Any]:
        while self._pending:
            yield self._pop()

    def __enter__(self) -> Ordered:
        return self

    def __exit__(self, *exc: object) -> None:
        """After a full drain the workers are idle and exit; otherwise the queued jobs are dropped."""
        cancel = bool(self._pending)
        self._pending.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=cancel)


def ordered_map(fn: Callable[[Any], Any], items: Iterable[Any], workers: int) -> Iterator[Any]:
    """``map(fn, items)`` over ``workers`` forked processes, in the order of ``items``."""
    with Ordered(workers) as jobs:
        for item in items:
            yield from jobs.submit(fn, item)
        yield from jobs.drain()
