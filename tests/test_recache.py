"""The compiled-regex cache (hooklint.recache): what it loads is what re.compile makes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
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
    from_cache = sum(1 for p, _ in patterns if any(k[0] == p for k in recache._used))
    print(from_cache)
"""

# One of those patterns, alone.
ONE = r"""
import re
from hooklint import recache
recache.load()
re.compile("(?:leave|cancel|reply)\\W+(?:a|the)\\s+(?P<word>\\w+)", re.I)
print(len(recache._used), len(recache._saved) - len(recache._index))
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


def read_cache(path: Path) -> tuple[str, dict[tuple[object, int], tuple[bytes, int]], list[int]]:
    """(header, {(pattern, flags): (program, age)}, seen checksums) of a cache file."""
    import marshal

    data = path.read_bytes()
    size = int.from_bytes(data[:4], "little")
    header, index, seen = marshal.loads(data[4 : 4 + size])
    programs = {
        key: (data[4 + size + offset : 4 + size + offset + length], age)
        for key, (offset, length, age) in index.items()
    }
    return header, programs, seen


def write_cache(
    path: Path, header: str, programs: dict[tuple[object, int], tuple[bytes, int]], seen: list[int]
) -> None:
    import marshal

    index, offset = {}, 0
    for key, (blob, age) in programs.items():
        index[key] = (offset, len(blob), age)
        offset += len(blob)
    meta = marshal.dumps((header, index, seen))
    blobs = b"".join(blob for blob, _ in programs.values())
    path.write_bytes(len(meta).to_bytes(4, "little") + meta + blobs)


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
    one_off = "import re, sys\nfrom hooklint import recache\nrecache.load()\n"
    for word in ("alpha", "beta", "gamma"):
        body = one_off + f"re.compile('(?:{word}|{word}s)+')\nrecache.save()\n"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(tmp_path)
        subprocess.run([sys.executable, "-c", body], env=env, check=True)
    (path,) = cache_files(tmp_path)
    _, programs, seen = read_cache(path)
    assert not [k for k in programs if any(w in str(k[0]) for w in ("alpha", "beta", "gamma"))]
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
    header, programs, seen = read_cache(path)
    assert len(programs) >= 4
    broken = {}
    for key, (blob, age) in programs.items():
        source, key_flags, flags, code, groups, groupindex = marshal.loads(blob)
        half = (source, key_flags, flags, code[: len(code) // 2], groups, groupindex)
        broken[key] = (marshal.dumps(half), age)
    write_cache(path, header, broken, seen)
    assert run("check", tmp_path) == "0"


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's own regex programs")
def test_a_program_filed_under_another_pattern_is_refused(tmp_path: Path) -> None:
    """Each program names its pattern: one read at a wrong place is compiled as usual."""
    run("save", tmp_path)
    run("save", tmp_path)
    (path,) = cache_files(tmp_path)
    header, programs, seen = read_cache(path)
    keys, blobs = list(programs), list(programs.values())
    write_cache(path, header, dict(zip(keys, [*blobs[1:], blobs[0]], strict=True)), seen)
    assert run("check", tmp_path) == "0"  # (and each pattern equal to a fresh one)


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's own regex programs")
def test_a_run_reads_only_the_programs_it_builds(tmp_path: Path) -> None:
    run("save", tmp_path)
    run("save", tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-c", ONE], env=env, capture_output=True, text=True)
    assert done.stdout.split() == ["1", "1"]  # one program read, the others left


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's own regex programs")
def test_a_truncated_file_heals(tmp_path: Path) -> None:
    """Programs cut short (a full disk, a crash while copying) are compiled as usual, and the
    file is written whole again."""
    run("save", tmp_path)
    run("save", tmp_path)
    (path,) = cache_files(tmp_path)
    path.write_bytes(path.read_bytes()[:-10])
    assert int(run("check", tmp_path)) < 4  # (each pattern equal to a fresh one)
    for _ in range(3):
        run("save", tmp_path)
    assert run("check", tmp_path) == "4"
    _, programs, _ = read_cache(path)
    assert all(len(blob) > 0 for blob, _ in programs.values())


@pytest.mark.skipif(not hasattr(os, "pread"), reason="positioned reads")
@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's own regex programs")
def test_programs_are_read_without_moving_a_shared_position(tmp_path: Path) -> None:
    """Workers forked from the run share its descriptor of the file: a program is read by one
    positioned read, never by a seek that another process could move in between."""
    run("save", tmp_path)
    run("save", tmp_path)
    code = "import os\ndef refuse(*args):\n    raise OSError('seek')\nos.lseek = refuse\n" + ONE
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.stdout.split() == ["1", "1"]


# A run that compiles one pattern and saves; given two more paths, it makes the second once it
# has loaded the cache, and waits for the first to appear before it saves.
SIDE_BY_SIDE = r"""
import os, re, sys, time
from hooklint import recache
recache.load()
re.compile(sys.argv[1])
if len(sys.argv) > 3:
    open(sys.argv[3], "w").close()
deadline = time.monotonic() + 60
while len(sys.argv) > 2 and not os.path.exists(sys.argv[2]) and time.monotonic() < deadline:
    time.sleep(0.01)
recache.save()
"""


def _saved_beside(
    tmp_path: Path, waiting_pattern: str, beside: str, beside_pattern: str
) -> dict[tuple[object, int], tuple[bytes, int]]:
    """The programs in the cache after a run compiling ``waiting_pattern`` loads it, the program
    ``beside`` runs and saves meanwhile (given ``beside_pattern``), and the first run saves."""
    env = _env(tmp_path)
    go, loaded = tmp_path / "go", tmp_path / "loaded"
    waiting = subprocess.Popen(
        [sys.executable, "-c", SIDE_BY_SIDE, waiting_pattern, str(go), str(loaded)], env=env
    )
    try:
        deadline = time.monotonic() + 60
        while not loaded.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        subprocess.run([sys.executable, "-c", beside, beside_pattern], env=env, check=True)
    finally:
        go.touch()
        assert waiting.wait(timeout=60) == 0
    (path,) = cache_files(tmp_path / "cache")
    return read_cache(path)[1]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "cache")
    return env


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's own regex programs")
def test_runs_side_by_side_keep_each_others_patterns(tmp_path: Path) -> None:
    """pre-commit runs chunks of one file list at once: the run that ends last keeps what the
    others saved meanwhile, rather than writing the file it read at its start."""
    env = _env(tmp_path)
    first, second = "(?:first|premier)+x", "(?:second|deuxieme)+y"
    for pattern in (first, second):  # each seen once, so that its next run saves it
        subprocess.run([sys.executable, "-c", SIDE_BY_SIDE, pattern], env=env, check=True)
    programs = _saved_beside(tmp_path, first, SIDE_BY_SIDE, second)
    assert {first, second} <= {key[0] for key in programs}


@pytest.mark.skipif(sys.implementation.name != "cpython", reason="CPython's own regex programs")
def test_a_pattern_used_by_a_run_beside_keeps_the_age_of_that_use(tmp_path: Path) -> None:
    """A run that did not use a pattern, saving after one that did, keeps it as just used: the
    patterns of one chunk of a file list do not age while the other chunks run."""
    env = _env(tmp_path)
    used, other = "(?:used|utilise)+u", "(?:other|autre)+o"
    for pattern in (used, used, other):  # "used" saved, "other" seen once
        subprocess.run([sys.executable, "-c", SIDE_BY_SIDE, pattern], env=env, check=True)
    # Beside it, a run uses "used", and compiles a pattern of its own, so that it writes the file.
    beside = SIDE_BY_SIDE.replace(
        "re.compile(sys.argv[1])", "re.compile(sys.argv[1]); re.compile('b+eside')"
    )
    programs = _saved_beside(tmp_path, other, beside, used)
    ages = {key[0]: age for key, (_, age) in programs.items()}
    assert ages[used] == 0 and ages[other] == 0
