"""The compiled-regex cache (hooklint.recache): what it loads is what re.compile makes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Patterns of the shapes the rules use: large classes, alternations, named groups, bytes, flags.
PROGRAM = r"""
import re, sys
from hooklint import recache
recache.load()
patterns = [
    ("[\u0400-\u04ff\u0370-\u03ff]+(?P<tail>[a-z]{2,})", 0),
    ("(?:leave|cancel|reply)\\W+(?:a|the)\\s+(?P<word>\\w+)", re.I),
    (b"[\x80-\xff]{2,}|\x00", 0),
    ("(?m)^[ \t]*#.*?coding[:=][ \t]*([-\\w.]+)", 0),
]
compiled = [re.compile(p, f) for p, f in patterns]
if sys.argv[1] == "save":
    recache.save()
else:
    import re as fresh_re
    for (p, f), c in zip(patterns, compiled):
        fresh_re.purge()
        fresh = fresh_re.compile(p, f)
        assert c == fresh and c.groupindex == fresh.groupindex and c.groups == fresh.groups
    from_cache = sum(1 for p, _ in patterns if any(k[1] == p for k in recache._used))
    print(from_cache)
"""


def run(step: str, prefix: Path, *, no_bytecode: bool = False) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(prefix)
    if no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, step],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def cache_files(prefix: Path) -> list[Path]:
    return list(prefix.rglob("regex.*.marshal"))


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's own regex programs")
def test_saved_patterns_load_equal_to_fresh_ones(tmp_path: Path) -> None:
    assert run("check", tmp_path) == "0"  # nothing saved yet: every pattern compiled as usual
    run("save", tmp_path)
    assert len(cache_files(tmp_path)) == 1
    assert run("check", tmp_path) == "0"  # seen once: not saved yet
    run("save", tmp_path)
    assert run("check", tmp_path) == "4"  # all four from the file, each equal to a fresh one


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's own regex programs")
def test_a_pattern_of_one_run_only_is_not_kept(tmp_path: Path) -> None:
    """A pattern made of one file's words (compiled by one run) never takes a place."""
    import marshal

    one_off = "import re, sys\nfrom hooklint import recache\nrecache.load()\n"
    for word in ("alpha", "beta", "gamma"):
        body = one_off + f"re.compile('(?:{word}|{word}s)+')\nrecache.save()\n"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(tmp_path)
        subprocess.run([sys.executable, "-c", body], env=env, check=True)
    (path,) = cache_files(tmp_path)
    _, entries, seen = marshal.loads(path.read_bytes())
    assert not [e for e in entries if "alpha" in e[0] or "beta" in e[0] or "gamma" in e[0]]
    assert len(seen) >= 3


def test_nothing_written_without_bytecode(tmp_path: Path) -> None:
    run("save", tmp_path, no_bytecode=True)
    assert cache_files(tmp_path) == []


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's own regex programs")
@pytest.mark.parametrize("damage", [b"", b"not marshal", b"\xff" * 64])
def test_damaged_file_is_ignored(tmp_path: Path, damage: bytes) -> None:
    run("save", tmp_path)
    run("save", tmp_path)
    (path,) = cache_files(tmp_path)
    path.write_bytes(damage)
    assert run("check", tmp_path) == "0"  # compiled as usual, the same patterns
    run("save", tmp_path)  # and written again whole
    run("save", tmp_path)
    assert run("check", tmp_path) == "4"


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's own regex programs")
def test_wrong_code_in_the_file_is_refused(tmp_path: Path) -> None:
    """A file whose programs are not valid (tampered, truncated lists) never crashes a run."""
    import marshal

    run("save", tmp_path)
    run("save", tmp_path)
    (path,) = cache_files(tmp_path)
    header, entries, seen = marshal.loads(path.read_bytes())
    assert entries
    broken = []
    for source, key_flags, blob, age in entries:
        flags, code, groups, groupindex = marshal.loads(blob)
        half = marshal.dumps((flags, code[: len(code) // 2], groups, groupindex))
        broken.append((source, key_flags, half, age))
    path.write_bytes(marshal.dumps((header, broken, seen)))
    assert run("check", tmp_path) == "0"
