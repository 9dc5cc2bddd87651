"""Ingest: read, extract and store files, one transaction per file, skipping what is stored.

A file is identified by the sha256 of its bytes. Same bytes and same pipeline version: skipped.
Same bytes, older pipeline: re-extracted and replaced. A killed ingest resumes where it stopped,
because every file that was committed is skipped the next time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GovlensError, InternalError, NotFound, UsageError
from .io.read import MAX_BYTES, is_url, page_from_bytes
from .model import Document
from .pipeline import VERSION, process_page
from .store.api import StoreAPI as Store
from .store.base import sha256


@dataclass
class IngestReport:
    inserted: int = 0  # files stored (new or re-extracted)
    skipped: int = 0  # files already stored by this pipeline version
    failed: int = 0
    documents: int = 0
    facts: int = 0
    chars: int = 0
    errors: list[GovlensError] = field(default_factory=list)


def _read(path: str) -> tuple[bytes, str | None]:
    if is_url(path):
        from .io.fetch import fetch

        return fetch(path)
    p = Path(path)
    if not p.is_file():
        raise NotFound("no such file", path)
    if p.stat().st_size > MAX_BYTES:
        from .errors import TooLarge

        raise TooLarge(f"file too large ({p.stat().st_size / 1e6:.0f} MB > {MAX_BYTES / 1e6:.0f} MB limit)", path)
    return p.read_bytes(), None


def extract_file(path: str, data: bytes, ctype: str | None,
                 errors: list[GovlensError] | None = None) -> list[Document]:
    """One file's bytes through the pipeline (the stage list of :mod:`govlens.pipeline`), as both
    executors run it: in this process, or inside Ray ``map_batches``. A document whose stages fail
    is left out and its error appended to ``errors``."""
    return process_page(page_from_bytes(data, path, ctype), extract=True, errors=errors)


def _internal(e: Exception, path: str) -> GovlensError:
    if os.environ.get("GOVLENS_DEBUG"):
        raise e
    return InternalError(f"internal error {type(e).__name__}: {e}", path)


def _count(rep: IngestReport, docs: list[Document]) -> None:
    rep.inserted += 1
    rep.documents += len(docs)
    rep.facts += sum(len(d.facts) for d in docs)
    rep.chars += sum(len(d.text) for d in docs)


def ingest(store: Store, paths: Iterable[str], on_file: Callable[[str, str], None] | None = None,
           executor: str = "inprocess", workers: int | None = None, ray_address: str | None = None,
           batch: int = 16, auto_workers: bool = False) -> IngestReport:
    """Ingest each path; ``on_file(path, outcome)`` is called after each (for progress bars).

    In process, ``workers`` > 1 extracts on that many forked processes (:mod:`govlens.parallel`; this
    process stays the one writer, the store ends the same); ``workers=None`` is one process unless
    ``auto_workers`` (the command line's default: the machine's cores for a batch large enough).
    ``executor="ray"`` extracts on Ray Data (``workers`` CPUs of a local Ray, or the cluster at
    ``ray_address``) while this process stays the one writer, storing ``batch`` files per
    transaction; see :mod:`govlens.ray_ingest`."""
    if executor == "ray":
        from .ray_ingest import ingest_ray

        return ingest_ray(store, paths, on_file, workers=workers, address=ray_address, batch=batch)
    if executor != "inprocess":
        raise UsageError(f"unknown executor {executor!r} (inprocess or ray)")
    paths = list(paths)
    from .parallel import plan

    n = plan(paths, workers if workers is not None or auto_workers else 1)
    if n > 1:
        return _ingest_parallel(store, paths, on_file, n)
    rep = IngestReport()
    for path in paths:
        def step(path: str = path) -> str:
            data, ctype = _read(path)
            digest = sha256(data)
            state = store.source_state(digest)
            if state and state[1] == VERSION:
                return "skipped"
            doc_errors: list[GovlensError] = []  # a document left out; the page's others are stored
            docs = extract_file(path, data, ctype, doc_errors)
            rep.errors.extend(doc_errors)
            store.replace_source(path, digest, len(data), VERSION, docs)
            _count(rep, docs)
            return "inserted"

        _settle(rep, path, on_file, step)
    return rep


def _settle(rep: IngestReport, path: str, on_file: Callable[[str, str], None] | None,
            step: Callable[[], str]) -> None:
    """One file's ``step`` (its outcome: inserted or skipped) counted in ``rep``: an error fails that file
    only, and the batch goes on."""
    try:
        outcome = step()
    except GovlensError as e:
        rep.failed += 1
        rep.errors.append(e)
        outcome = "failed"
    except Exception as e:  # a bug of ours: this file fails, the batch goes on
        rep.failed += 1
        rep.errors.append(_internal(e, path))
        outcome = "failed"
    if outcome == "skipped":
        rep.skipped += 1
    if on_file:
        on_file(path, outcome)


def _extract_job(path: str, data: bytes, ctype: str | None) -> tuple[list[Document] | None, list[GovlensError]]:
    """In a worker process: one file's bytes through the pipeline; a failure comes back as its error."""
    errors: list[GovlensError] = []
    try:
        return extract_file(path, data, ctype, errors), errors
    except GovlensError as e:
        return None, [e]
    except Exception as e:
        return None, [_internal(e, path)]


def _ingest_parallel(store: Store, paths: list[str], on_file: Callable[[str, str], None] | None,
                     workers: int) -> IngestReport:
    """:func:`ingest` with the extraction on ``workers`` forked processes; this process reads each file,
    skips what is stored, and stores the results one transaction per file in input order (the store has
    one writer, and it ends as the single-process run leaves it)."""
    from .parallel import Ordered, warm

    warm(extract=True)
    rep = IngestReport()

    def settle(item: tuple[str, str | None, int, GovlensError | None, Any]) -> None:
        path, digest, size, error, job = item

        def step() -> str:
            if error is not None:
                raise error
            if digest is None:
                return "skipped"
            done = job
            if done is None:  # the same bytes as an earlier file of this batch: as one process would
                state = store.source_state(digest)
                if state and state[1] == VERSION:
                    return "skipped"
                data, ctype = _read(path)
                done = _extract_job(path, data, ctype)
            docs, doc_errors = done
            if docs is None:
                raise doc_errors[0]
            rep.errors.extend(doc_errors)
            store.replace_source(path, digest, size, VERSION, docs)
            _count(rep, docs)
            return "inserted"

        _settle(rep, path, on_file, step)

    seen: set[str] = set()  # digests sent to a worker in this batch
    with Ordered(workers) as jobs:
        for path in paths:
            try:
                data, ctype = _read(path)
                digest = sha256(data)
                state = store.source_state(digest)
                if state and state[1] == VERSION:
                    done = jobs.ready((path, None, 0, None, None))
                elif digest in seen:  # decided when the earlier one is stored
                    done = jobs.ready((path, digest, len(data), None, None))
                else:
                    seen.add(digest)
                    done = jobs.submit(_pack, path, digest, data, ctype)
            except GovlensError as e:
                done = jobs.ready((path, None, 0, e, None))
            except Exception as e:
                done = jobs.ready((path, None, 0, _internal(e, path), None))
            for item in done:
                settle(item)
        for item in jobs.drain():
            settle(item)
    return rep


def _pack(path: str, digest: str, data: bytes, ctype: str | None) -> tuple[str, str, int, None, Any]:
    """In a worker: the job's result with what :func:`_ingest_parallel` needs to store it."""
    return path, digest, len(data), None, _extract_job(path, data, ctype)
