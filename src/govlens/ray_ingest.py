"""Ingest on Ray Data (``pip install 'govlens[ray]'``): files become a dataset, extraction runs in
``map_batches`` with the same function the in-process executor calls (:func:`govlens.ingest.extract_file`,
i.e. the stage list of :mod:`govlens.pipeline`), and this process stays the one writer, storing
batches of files in one transaction each.

This process reads each file once to hash it (what is already stored by this pipeline version is
skipped, as in-process). Workers read local files themselves (on a cluster, the paths must be
readable by every node: a shared file system); pages fetched from URLs travel with the task.

Ray is started locally with ``workers`` CPUs unless ``address`` names a running cluster. It never
reaches the network on its own: usage statistics are off (``RAY_USAGE_STATS_ENABLED=0``) and the
dashboard is not started.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Iterable
from typing import Any

from . import errors
from .errors import GovlensError, MissingExtra
from .ingest import IngestReport, _count, _internal, _read, extract_file
from .pipeline import VERSION
from .store.api import StoreAPI
from .store.base import sha256


def _ray():
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    os.environ.setdefault("RAY_DISABLE_IMPORT_WARNING", "1")
    try:
        import ray
        import ray.data
    except ImportError:
        raise MissingExtra("the Ray executor needs Ray: pip install 'govlens[ray]' "
                           "(or use the default in-process executor)") from None
    return ray


def start(workers: int | None = None, address: str | None = None) -> bool:
    """Start (or join) Ray; True when this call started it (and should shut it down)."""
    ray = _ray()
    if ray.is_initialized():
        return False
    quiet: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False}
    if address:
        ray.init(address=address, **quiet)
    else:
        ray.init(num_cpus=workers or os.cpu_count() or 1, include_dashboard=False, **quiet)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    for name in ("enable_operator_progress_bars", "enable_rich_progress_bars", "print_on_execution_start"):
        if hasattr(ctx, name):
            setattr(ctx, name, False)
    return True


def _extract_batch(batch: dict[str, Any]) -> dict[str, Any]:
    """map_batches: each file's documents (or its error), pickled for the writer."""
    out = []
    for path, data, ctype in zip(batch["path"], batch["data"], batch["ctype"], strict=True):
        try:
            raw = bytes(data) if data is not None and len(data) else _read(str(path))[0]
            doc_errors: list[GovlensError] = []
            docs = extract_file(str(path), raw, str(ctype) or None, doc_errors)
            result: tuple = ("ok", docs, [(type(e).__name__, e.message, e.source) for e in doc_errors])
        except GovlensError as e:
            result = ("error", type(e).__name__, e.message, e.source)
        except Exception as e:  # a bug of ours: this file fails, the batch goes on
            e2 = _internal(e, str(path))
            result = ("error", type(e2).__name__, e2.message, e2.source)
        out.append(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return {"path": batch["path"], "digest": batch["digest"], "size": batch["size"], "result": out}


def ingest_ray(store: StoreAPI, paths: Iterable[str], on_file: Callable[[str, str], None] | None = None,
               workers: int | None = None, address: str | None = None, batch: int = 16) -> IngestReport:
    ray = _ray()
    rep = IngestReport()
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for path in paths:
        try:
            data, ctype = _read(path)
        except GovlensError as e:
            rep.failed += 1
            rep.errors.append(e)
            if on_file:
                on_file(path, "failed")
            continue
        digest = sha256(data)
        state = store.source_state(digest)
        if (state and state[1] == VERSION) or digest in seen:
            rep.skipped += 1
            if on_file:
                on_file(path, "skipped")
            continue
        seen.add(digest)
        remote = ctype is not None or "://" in path
        items.append({"path": path, "digest": digest, "size": len(data), "ctype": ctype or "",
                      "data": data if remote else b""})
    if not items:
        return rep
    started = start(workers, address)
    try:
        n = workers or int(ray.available_resources().get("CPU", 1)) or 1
        ds = ray.data.from_items(items, override_num_blocks=min(len(items), max(n * 4, 1)))
        pool: dict[str, Any] = ({"compute": ray.data.TaskPoolStrategy(size=n)} if hasattr(ray.data, "TaskPoolStrategy")
                                else {"concurrency": n})
        ds = ds.map_batches(_extract_batch, batch_size=4, batch_format="numpy", num_cpus=1, **pool)
        for b in ds.iter_batches(batch_size=batch, batch_format="numpy", prefetch_batches=2):
            done: list[tuple[str, str, int, str, list]] = []
            outcomes: list[tuple[str, str]] = []
            for path, digest, size, blob in zip(b["path"], b["digest"], b["size"], b["result"], strict=True):
                result = pickle.loads(blob)
                if result[0] == "ok":
                    done.append((str(path), str(digest), int(size), VERSION, result[1]))
                    outcomes.append((str(path), "inserted"))
                    rep.errors.extend(getattr(errors, c, GovlensError)(m, src) for c, m, src in result[2])
                else:
                    cls = getattr(errors, result[1], GovlensError)
                    rep.failed += 1
                    rep.errors.append(cls(result[2], result[3]))
                    outcomes.append((str(path), "failed"))
            if done:
                store.replace_sources(done)  # one writer, one transaction per batch
                for item in done:
                    _count(rep, item[4])
            if on_file:
                for path, outcome in outcomes:
                    on_file(path, outcome)
    finally:
        if started:
            ray.shutdown()
    return rep
