"""Where a benchmark's time goes: the CPU seconds of each pre-commit-sized chunk of a file list.

``bench.py`` gives one ratio per regime; when a ratio moves, this tells which chunk moved it.
It cuts the list as pre-commit does (command lines under 128 KiB), runs each chunk on its own,
one after the other, and prints the CPU seconds of each (user + system, with any worker
processes), the number of files, and the most common file kinds of the heaviest chunks.
Optionally it runs a second command on the same chunks, for a side-by-side (``--against``).

    python3 benchmarks/chunks.py                                  # files-py.0, hooklint
    python3 benchmarks/chunks.py --files files-all.0 --cmd "hooklint --ignore HL3"
    python3 benchmarks/chunks.py --against "ruff check --no-cache --isolated --select RUF001"

It measures CPU, not wall time: a chunk that runs worker processes shows their work too.
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

MAX_CMDLINE = 2**17  # pre-commit's cap on one command line (POSIX)
DEFAULT_PERF_DIR = os.environ.get("HOOKLINT_PERF_DIR", "/tmp/hooklint-perf")


def read_list(path: Path) -> list[str]:
    raw = path.read_bytes()
    return [os.fsdecode(p) for p in raw.split(b"\0" if path.suffix == ".0" else b"\n") if p]


def chunk(files: list[str]) -> list[list[str]]:
    """The file list cut as pre-commit cuts it: each command line under 128 KiB."""
    out: list[list[str]] = []
    current: list[str] = []
    size = 0
    for name in files:
        n = len(os.fsencode(name)) + 1
        if current and size + n > MAX_CMDLINE:
            out.append(current)
            current, size = [], 0
        current.append(name)
        size += n
    if current:
        out.append(current)
    return out


def cpu_seconds(argv: list[str], cwd: Path) -> float:
    """CPU seconds (user + system) of one run of ``argv``, its child processes included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def kinds(files: list[str], most: int = 3) -> str:
    counted = Counter(os.path.splitext(name)[1] or "(none)" for name in files)
    return ", ".join(f"{suffix} {n}" for suffix, n in counted.most_common(most))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--perf-dir", default=DEFAULT_PERF_DIR, help="the corpus directory")
    parser.add_argument("--files", default="files-py.0", help="file list in the corpus directory")
    parser.add_argument("--cmd", default="hooklint", help="command; the files are appended")
    parser.add_argument("--against", default=None, help="a second command, run on each chunk too")
    parser.add_argument("--top", type=int, default=3, help="heaviest chunks to describe")
    args = parser.parse_args()

    perf = Path(args.perf_dir)
    root = perf / "corpus"
    if not (perf / args.files).is_file() or not root.is_dir():
        print(f"no corpus at {perf}: run <shared>/eval/perf/make_corpus.py", file=sys.stderr)
        return 2
    chunks = chunk(read_list(perf / args.files))
    commands = [shlex.split(args.cmd)] + ([shlex.split(args.against)] if args.against else [])
    totals = [0.0 for _ in commands]
    spent: list[float] = []
    header = "chunk  files  " + "  ".join(f"{c[0].rsplit('/', 1)[-1]:>10}" for c in commands)
    print(header)
    for i, files in enumerate(chunks):
        seconds = [cpu_seconds([*command, *files], root) for command in commands]
        for k, s in enumerate(seconds):
            totals[k] += s
        spent.append(seconds[0])
        print(f"{i:5d}  {len(files):5d}  " + "  ".join(f"{s:10.2f}" for s in seconds))
    print("total         " + "  ".join(f"{t:10.2f}" for t in totals))
    heaviest = sorted(range(len(chunks)), key=lambda i: spent[i], reverse=True)[: args.top]
    for i in heaviest:
        print(f"chunk {i}: {spent[i]:.2f} s, {kinds(chunks[i])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
