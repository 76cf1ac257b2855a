"""Compiled regular expressions kept between runs, the way Python keeps compiled bytecode.

Compiling the rules' regular expressions (large character classes, long alternations) costs a
short run more than checking its files does. The ``re`` module keeps what it compiles in a
per-process cache keyed by (type, pattern, flags); :func:`load` fills that cache from the
compiled programs a previous run saved, and :func:`save` adds the ones this run compiled. A
module that calls ``re.compile`` then finds its pattern ready and changes nothing.

The programs are CPython's own (``_sre`` code), saved beside the package's bytecode in
``__pycache__``, for this interpreter only (its version and ``_sre.MAGIC`` name the file),
and written under the same rule as bytecode: never when ``sys.dont_write_bytecode`` is set
(``PYTHONDONTWRITEBYTECODE``, ``-B``). Anything unexpected (another interpreter, a file that
does not load, an ``re`` without these internals) falls back to ordinary compiling: the
cache only ever saves time, and a pattern comes out the same either way.
"""

from __future__ import annotations

import os
import re
import sys

# At most this many patterns in the file (re keeps 512 per process).
_LIMIT = 400

_loaded: set[tuple[type, str | bytes, int]] = set()
_entries: dict[tuple[type, str | bytes, int], tuple[object, ...]] = {}
_state = {"loaded": False}


def _path() -> str | None:
    try:
        import _sre  # type: ignore[import-not-found]

        magic = _sre.MAGIC
    except (ImportError, AttributeError):
        return None
    tag = sys.implementation.cache_tag
    if tag is None or sys.implementation.name != "cpython":
        return None
    here = os.path.dirname(os.path.abspath(__file__))
    prefix = sys.pycache_prefix
    folder = (
        os.path.join(prefix, os.path.splitdrive(here)[1].lstrip(os.sep))
        if prefix
        else os.path.join(here, "__pycache__")
    )
    return os.path.join(folder, f"regex.{tag}-{magic}.marshal")


def _header() -> str:
    return f"hooklint regex cache 1 {sys.version} {sys.hexversion}"


def load() -> None:
    """Put the saved compiled patterns into ``re``'s cache (once per process)."""
    if _state["loaded"]:
        return
    _state["loaded"] = True
    path = _path()
    if path is None:
        return
    try:
        import _sre
        import marshal

        with open(path, "rb") as f:
            header, entries = marshal.loads(f.read())
        if header != _header():
            return
        cache = re._cache  # type: ignore[attr-defined]
        for key_pattern, key_flags, flags, code, groups, groupindex in entries:
            key = (type(key_pattern), key_pattern, key_flags)
            indexgroup: list[str | None] = [None] * (groups + 1)
            for name, index in groupindex.items():
                indexgroup[index] = name
            if key not in cache:
                cache[key] = _sre.compile(
                    key_pattern, flags, code, groups, groupindex, tuple(indexgroup)
                )
            _loaded.add(key)
            _entries[key] = (key_pattern, key_flags, flags, code, groups, groupindex)
    except Exception:  # a cache that does not load is no cache: compile as usual
        _loaded.clear()
        _entries.clear()


def save() -> None:
    """Add the patterns this process compiled and the file lacks, if bytecode may be written."""
    if not _state["loaded"] or sys.dont_write_bytecode:
        return
    path = _path()
    if path is None:
        return
    try:
        cache = re._cache  # type: ignore[attr-defined]
        new = [
            (key, pattern)
            for key, pattern in list(cache.items())
            if key not in _loaded
            and isinstance(key[1], (str, bytes))
            and isinstance(pattern, re.Pattern)
        ]
        if not new:
            return
        try:
            from re import _compiler, _parser  # type: ignore[attr-defined]
        except ImportError:  # Python 3.10
            import sre_compile as _compiler
            import sre_parse as _parser
        import marshal

        entries = dict(_entries)
        if len(entries) + len(new) > _LIMIT:  # keep what this run used
            entries = {key: entries[key] for key in entries if key in cache}
        for key, compiled in new[: max(0, _LIMIT - len(entries))]:
            _, source, key_flags = key
            if key_flags & re.DEBUG:
                continue
            code = [int(op) for op in _compiler._code(_parser.parse(source, key_flags), key_flags)]
            groupindex = dict(compiled.groupindex)
            entries[key] = (source, key_flags, compiled.flags, code, compiled.groups, groupindex)
        data = marshal.dumps((_header(), list(entries.values())))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        try:
            with open(temporary, "wb") as f:
                f.write(data)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        _loaded.update(entries)
        _entries.update(entries)
    except Exception:  # no cache written: the next run compiles again
        return
