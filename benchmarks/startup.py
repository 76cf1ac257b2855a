#!/usr/bin/env python3
"""What a short run costs before and around its checks: CPU time of whole commands, taken in
turns so that a busy machine slows each alike, and the import time of each module.

``compare`` runs each command in turn, ``--reps`` times, and prints the lowest and the median
CPU time (user+sys of the child) of each. ``imports`` runs one command under
``python -X importtime`` ``--reps`` times and prints each module's lowest self and cumulative
time, in import order. Both run from the corpus directory; the word ``FILES`` in a command
stands for the files of ``--files``::

    python3 benchmarks/startup.py compare "venv-a/bin/hooklint --exit-zero FILES" \\
        "venv-b/bin/hooklint --exit-zero FILES" "venv-b/bin/python -c 'import re'"
    python3 benchmarks/startup.py imports "venv-b/bin/python venv-b/bin/hooklint --exit-zero FILES"
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys


def words(command: str, files: list[str]) -> list[str]:
    """The command's words, ``FILES`` replaced by the files."""
    out: list[str] = []
    for word in shlex.split(command):
        out.extend(files if word == "FILES" else [word])
    return out


def child_cpu(argv: list[str], cwd: str, env: dict[str, str]) -> float:
    """User+sys CPU seconds of one run of ``argv``."""
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_utime + usage.ru_stime


def compare(commands: list[str], files: list[str], reps: int, cwd: str) -> None:
    env = measured_env()
    times: dict[str, list[float]] = {command: [] for command in commands}
    for _ in range(reps):
        for command in commands:
            times[command].append(child_cpu(words(command, files), cwd, env))
    for command, seconds in times.items():
        low, middle = min(seconds) * 1000, statistics.median(seconds) * 1000
        print(f"min {low:6.1f} ms  median {middle:6.1f} ms  {command}")


def imports(command: str, files: list[str], reps: int, cwd: str) -> None:
    argv = words(command, files)
    argv[1:1] = ["-X", "importtime"]
    best: dict[str, tuple[int, int]] = {}
    for _ in range(reps):
        done = subprocess.run(
            argv, cwd=cwd, env=measured_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True, check=False,
        )  # fmt: skip
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "[us]" in line:
                continue
            own_text, total_text, name = line.removeprefix("import time:").split("|")
            own, total = int(own_text), int(total_text)
            old = best.get(name.rstrip(), (own, total))
            best[name.rstrip()] = (min(old[0], own), min(old[1], total))
    for name, (own, total) in best.items():
        print(f"{own:7d} {total:7d} us  {name}")
    print(f"{sum(own for own, _ in best.values()):7d}         us  in all (self)")


def measured_env() -> dict[str, str]:
    """This environment, with bytecode written as users have it (see README)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("compare", "imports"))
    parser.add_argument("commands", nargs="+", help="commands (imports: a python command)")
    parser.add_argument("--files", default="/tmp/hooklint-perf/files-small.0")
    parser.add_argument("--root", default="/tmp/hooklint-perf/corpus")
    parser.add_argument("--reps", type=int, default=20)
    args = parser.parse_args()
    with open(args.files, "rb") as f:
        files = [os.fsdecode(p) for p in f.read().split(b"\0") if p]
    if args.what == "compare":
        compare(args.commands, files, args.reps, args.root)
    else:
        imports(args.commands[0], files, args.reps, args.root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
