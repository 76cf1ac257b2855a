"""Compiled regular expressions kept between runs, the way Python keeps compiled bytecode.

Compiling the rules' regular expressions (large character classes, long alternations) costs a
short run more than checking its files does. :func:`load` reads the compiled programs a
previous run saved, and puts itself in front of ``re``'s own compiling: a pattern found there
is built from its program (no parsing, no optimising) the first time a module asks for it, and
goes into ``re``'s cache as if ``re`` had compiled it; any other pattern is compiled as usual.
A module that calls ``re.compile`` changes nothing and gets the same pattern.

:func:`save` adds the patterns this run compiled that an earlier run compiled too (a pattern
built from one file's own words is seldom seen again, and is never saved on its first run),
and drops the saved ones that many runs in a row did not use.

The programs are CPython's own (``_sre`` code), saved beside the package's bytecode in
``__pycache__``, for this interpreter only (its version and ``_sre.MAGIC`` name the file),
and written under the same rule as bytecode: never when ``sys.dont_write_bytecode`` is set
(``PYTHONDONTWRITEBYTECODE``, ``-B``). Anything unexpected (another interpreter, a file that
does not load, a program ``_sre`` refuses, an ``re`` without these internals) falls back to
ordinary compiling: the cache only ever saves time.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable

from hooklint.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    _Key = tuple[Any, int]  # (pattern, flags)
    _Entry = tuple[int, int, int]  # (offset, size, age) of a program

# At most this many patterns in the file (a whole-corpus run of the benchmark uses ~430, with
# the patterns built of repeated files' words; re keeps 512 per process).
_LIMIT = 600
# A saved pattern that this many runs in a row (runs that wrote the file) did not use goes.
# (A whole-repository run of pre-commit is a dozen runs or more, one a chunk, and the patterns
# of a commit's files must outlive a few of those.)
_MAX_AGE = 100
# Patterns seen in one run only, by checksum: a pattern is saved the second time a run compiles
# it, so the patterns a rule builds from one file's own words do not crowd out the rules' own.
_SEEN_LIMIT = 4000

# The file: the length of its index (4 bytes, little-endian), the index (marshal: header,
# {(pattern, flags): (offset, size, age)}, seen checksums), then the programs, each a marshal of
# (pattern, flags, code, groups, groupindex) at its offset after the index. A run reads the
# index only (~60 KB), and each program it builds (a small commit builds ~50 of ~300).

_index: dict[_Key, _Entry] = {}  # saved programs not built yet in this run
_saved: dict[_Key, _Entry] = {}  # every saved program
_used: set[_Key] = set()
_seen: list[int] = []
_state: dict[str, Any] = {"loaded": False, "compile": None, "fd": None, "start": 0}


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
    return f"hooklint regex cache 4 {sys.version} {sys.hexversion}"


def _checksum(key: _Key) -> int:
    import zlib

    source, flags = key
    data = source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass")
    return zlib.crc32(b"%d %d:" % (isinstance(source, bytes), flags) + data)


def load() -> None:
    """Read the index of the saved programs and serve them to ``re`` (once per process)."""
    if _state["loaded"]:
        return
    _state["loaded"] = True
    path = _path()
    if path is None:
        return
    try:
        # Kept open for the programs: a file another run puts in its place meanwhile is
        # another file, and this one's offsets stay true. (On Windows, where an open file
        # cannot be replaced, a run that saves meanwhile saves nothing; a later one does.)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
        try:
            start, index, seen = _read_index(fd)
            _index.update(index)
            _saved.update(index)
            _seen.extend(seen)
            original = re._compile  # type: ignore[attr-defined]
        except BaseException:
            os.close(fd)
            raise
    except Exception:  # a cache that does not load is no cache: compile as usual
        _index.clear()
        _saved.clear()
        _seen.clear()
        return
    _state["fd"], _state["start"] = fd, start
    _state["file"] = _identity(os.fstat(fd))
    _state["compile"] = original
    re._compile = _served(original)  # type: ignore[attr-defined]


def _read_index(fd: int) -> tuple[int, dict[_Key, _Entry], list[int]]:
    """(where the programs start, the index, the seen checksums) of the cache file open at
    ``fd``, read from its start; ValueError for a file cut short or of another interpreter."""
    import marshal

    size = int.from_bytes(os.read(fd, 4), "little")
    meta = os.read(fd, size)
    if len(meta) != size:
        raise ValueError("a truncated file")
    header, index, seen = marshal.loads(meta)
    if header != _header():
        raise ValueError("another interpreter's file")
    return 4 + size, index, seen


def _program(offset: int, size: int) -> bytes:
    """The saved program at ``offset``. (One positioned read where the system has it: the
    workers forked from this process share its descriptor, and with it a seek position.)"""
    fd, at = _state["fd"], _state["start"] + offset
    if hasattr(os, "pread"):
        return os.pread(fd, size, at)
    os.lseek(fd, at, os.SEEK_SET)  # (Windows, which forks no workers)
    return os.read(fd, size)


def _identity(st: os.stat_result) -> tuple[int, int, int, int]:
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def _saved_since(path: str) -> tuple[dict[_Key, tuple[bytes, int]], list[int]]:
    """The programs (with their ages) and seen checksums of the file at ``path`` when another
    run has put it there since this one loaded; nothing when it is the file this run read, or
    cannot be read whole."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return {}, []
    try:
        if _identity(os.fstat(fd)) == _state.get("file"):
            return {}, []
        _, index, seen = _read_index(fd)
        data = os.read(fd, 1 << 26)  # the programs, which follow the index
        programs: dict[_Key, tuple[bytes, int]] = {}
        for key, (offset, length, age) in index.items():
            blob = data[offset : offset + length]
            if len(blob) != length:
                return {}, []
            if age < _MAX_AGE:
                programs[key] = (blob, age)
        return programs, list(seen)
    except Exception:
        return {}, []
    finally:
        os.close(fd)


def _kept() -> dict[_Key, tuple[bytes, int]]:
    """The saved programs to save again, with their new age: those this run used, and those
    not too old; none when the file cannot be read as its index says (it is written anew)."""
    kept: dict[_Key, tuple[bytes, int]] = {}
    try:
        for key, (offset, size, age) in _saved.items():
            if key in _used or age < _MAX_AGE:
                blob = _program(offset, size)
                if len(blob) != size:
                    return {}
                kept[key] = (blob, 0 if key in _used else age + 1)
    except Exception:
        return {}
    return kept


def _served(original: Callable[[Any, int], Any]) -> Callable[[Any, int], Any]:
    def compile_or_build(pattern: Any, flags: int) -> Any:
        try:
            entry = _index.pop((pattern, flags), None)
        except TypeError:  # not a pattern re could compile: re says why
            entry = None
        if entry is None:
            return original(pattern, flags)
        try:
            import _sre
            import marshal

            offset, size, _ = entry
            source, _, final_flags, code, groups, groupindex = marshal.loads(_program(offset, size))
            if source != pattern or type(source) is not type(pattern):
                raise ValueError("not this pattern's program")
            indexgroup: list[str | None] = [None] * (groups + 1)
            for name, index in groupindex.items():
                indexgroup[index] = name
            built = _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup))
        except Exception:  # a program _sre refuses: compile it as usual, and save it anew
            _saved.pop((pattern, flags), None)
            return original(pattern, flags)
        _used.add((pattern, int(flags)))
        # Later calls find it in re's cache.
        re._cache[type(pattern), pattern, int(flags)] = built  # type: ignore[attr-defined]
        return built

    return compile_or_build


def save() -> None:
    """Save the patterns this run compiled for the second time, if bytecode may be written."""
    if not _state["loaded"] or sys.dont_write_bytecode:
        return
    path = _path()
    if path is None:
        return
    try:
        cache = re._cache  # type: ignore[attr-defined]
        new = [
            ((key[1], key[2]), pattern)
            for key, pattern in list(cache.items())
            if (key[1], key[2]) not in _saved
            and isinstance(key[1], (str, bytes))
            and isinstance(pattern, re.Pattern)
            and not key[2] & re.DEBUG
        ]
        if not new:
            return
        programs = _kept()
        # Runs that end meanwhile (pre-commit runs chunks of a file list side by side) saved
        # their own patterns: keep them too, or the last run to end would drop what the others
        # learned, and each of them would compile its patterns anew every time.
        theirs, their_seen = _saved_since(path)
        for key, (blob, age) in theirs.items():
            if key not in programs or age < programs[key][1]:
                programs[key] = (blob, age)  # (the age of its latest use by either run)
        seen = set(_seen)
        _seen.extend(checksum for checksum in their_seen if checksum not in seen)
        seen.update(their_seen)
        checksums = [_checksum(key) for key, _ in new]
        again = [item for item, checksum in zip(new, checksums, strict=True) if checksum in seen]
        once = [checksum for checksum in checksums if checksum not in seen]
        try:
            from re import _compiler, _parser  # type: ignore[attr-defined]
        except ImportError:  # Python 3.10
            import sre_compile as _compiler
            import sre_parse as _parser
        import marshal

        for key, compiled in again:
            source, key_flags = key
            code = [int(op) for op in _compiler._code(_parser.parse(source, key_flags), key_flags)]
            program = (source, key_flags, compiled.flags, code, compiled.groups,
                       dict(compiled.groupindex))  # fmt: skip
            programs[key] = (marshal.dumps(program), 0)
        if len(programs) > _LIMIT:  # the least recently used go first
            kept = sorted(programs, key=lambda key: programs[key][1])[:_LIMIT]
            programs = {key: programs[key] for key in kept}
        graduated = {checksum for checksum in checksums if checksum in seen}
        still = [checksum for checksum in _seen if checksum not in graduated] + once
        index: dict[_Key, _Entry] = {}
        offset = 0
        for key, (blob, age) in programs.items():
            index[key] = (offset, len(blob), age)
            offset += len(blob)
        meta = marshal.dumps((_header(), index, still[-_SEEN_LIMIT:]))
        data = b"".join([len(meta).to_bytes(4, "little"), meta, *(b for b, _ in programs.values())])
        if _state["fd"] is not None:  # (Windows replaces no file that is open)
            os.close(_state["fd"])
            _state["fd"] = None
            _index.clear()
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = f"{path}.{os.getpid()}.tmp"
        try:
            with open(temporary, "wb") as f:
                f.write(data)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        _saved.clear()
        _saved.update(index)
        _seen[:] = still[-_SEEN_LIMIT:]
    except Exception:  # no cache written: the next run compiles again
        return
