"""Compiled regular expressions kept between runs, as Python keeps compiled bytecode in ``.pyc`` files.

govlens compiles ~400 patterns when it starts; Python's ``re`` builds each one's engine code in Python
(parsing, and a bitmap over every code point of each CJK character class), ~0.3 s of every process's
start-up. The engine code depends only on the pattern, its flags and the Python version, so it is kept in
``$XDG_CACHE_HOME/govlens`` (``~/.cache/govlens``; ``GOVLENS_CACHE_DIR`` moves it) and handed back to the C
engine (``_sre.compile``) on the next run: the same pattern object, built from the same code.

Installed by ``import govlens`` before any of its modules compiles a pattern. ``GOVLENS_RE_CACHE=0`` turns it
off. Any problem (an unknown Python, an unreadable or stale file, a directory that cannot be written) leaves
``re`` as it is: the cache only ever saves time.
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import marshal
import os
import sys
import zlib
from pathlib import Path
from re import _compiler, _constants, _parser

# The versions whose re._compiler.compile this module repeats (parse, _code, _sre.compile with these arguments).
_KNOWN = {(3, 11), (3, 12), (3, 13)}
_FORMAT = 2  # in the file name: a run of another version of this module never reads this one's file
_MAX_ENTRIES = 8000  # past this, a run keeps only the patterns it used (patterns built from input don't pile up)

_original = _compiler.compile
# (pattern, flags) -> what _sre.compile takes besides the pattern, marshalled: the file is read as one dict
# of bytes, and only the entries a run asks for are decoded (the whole package holds ~2 600 patterns, an
# extraction uses ~400).
_table: dict[tuple[str | bytes, int], bytes] = {}
_used: set[tuple[str | bytes, int]] = set()
_state = {"dirty": False, "pid": 0, "path": None}


def _path() -> Path:
    base = os.environ.get("GOVLENS_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "govlens")
    key = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{_sre.MAXREPEAT}|{_sre.MAXGROUPS}"
    tag = f"{sys.version_info[0]}{sys.version_info[1]}-{zlib.crc32(key.encode()):08x}"
    return Path(base) / f"re{_FORMAT}-{tag}.marshal"  # no hashlib, no tempfile: ~30 ms of imports


def _args(pattern: str | bytes, flags: int) -> tuple:
    """What re._compiler.compile hands _sre.compile for ``pattern`` (besides the pattern itself)."""
    p = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(p, flags)]  # opcodes are int subclasses marshal refuses
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (int(flags | p.state.flags), code, int(p.state.groups - 1), groupindex, tuple(indexgroup))


def _ours() -> bool:
    """Whether the pattern being compiled is govlens' own (the first caller outside re is a govlens
    module): other libraries' and the tests' patterns are no part of its start-up, and stay out."""
    f = sys._getframe(2)
    while f is not None:
        name = f.f_globals.get("__name__", "")
        if name != "re" and not name.startswith("re.") and name != __name__:
            return name.startswith("govlens")
        f = f.f_back
    return False


def _compile(p, flags=0):
    if not isinstance(p, str | bytes) or flags & _constants.SRE_FLAG_DEBUG or not _ours():
        return _original(p, flags)
    key = (p, flags)
    args = _table.get(key)
    if args is not None:
        try:
            rx = _sre.compile(p, *marshal.loads(args))
        except Exception:  # a damaged entry: compile as re does, and store that
            args = None
        else:
            _used.add(key)
            return rx
    try:
        args = _args(p, flags)
        rx = _sre.compile(p, *args)
    except Exception:  # a bad pattern: let re raise its own error
        return _original(p, flags)
    _table[key] = marshal.dumps(args)
    _used.add(key)
    _state["dirty"] = True
    return rx


def _save() -> None:
    if not _state["dirty"] or os.getpid() != _state["pid"]:
        return  # nothing new, or a forked worker (the parent keeps the file)
    table = _table if len(_table) <= _MAX_ENTRIES else {k: _table[k] for k in _used}
    path: Path = _state["path"]
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            f.write(marshal.dumps(table))
        os.replace(tmp, path)  # atomic: concurrent runs each leave a whole file
    except Exception:  # a read-only home, a full disk: the next run compiles again
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def install() -> bool:
    """Serve re's compilations from the cache file; True if installed."""
    if _compiler.compile is _compile:
        return True
    if sys.version_info[:2] not in _KNOWN or os.environ.get("GOVLENS_RE_CACHE", "1") == "0":
        return False
    try:
        path = _path()
        _state["path"], _state["pid"] = path, os.getpid()
        try:
            loaded = marshal.loads(path.read_bytes())
            if isinstance(loaded, dict):
                _table.update((k, v) for k, v in loaded.items() if isinstance(v, bytes))
        except Exception:  # no file yet, or one from a broken write: start empty
            pass
        _compiler.compile = _compile
        atexit.register(_save)
    except Exception:
        return False
    return True


install()
