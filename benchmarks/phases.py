#!/usr/bin/env python3
"""Where one cold run's CPU time goes: start-up imports, settings, each file's first check
(cold: modules imported and regexes compiled on first use) and the same check again (warm).

The cycle collector is off once the CLI is imported, as in a real run: its passes would
otherwise add ~1 ms to whichever phase crosses its threshold.

Each repetition is a fresh process (``--child``); the lowest CPU time of every phase over the
repetitions is printed, which is the steadiest figure on a loaded machine. Run it with the
Python of the install to measure, from the corpus directory or with ``--root``::

    .venv/bin/python benchmarks/phases.py --files /tmp/hooklint-perf/files-small.0 --reps 15
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time


def child(files: list[str], argv: list[str]) -> dict[str, float]:
    clock = time.process_time
    out: dict[str, float] = {}
    t0 = clock()
    import hooklint.cli  # noqa: F401

    # As in a real run (hooklint.console, once the CLI is imported): no cycle collection, whose
    # passes would otherwise land in whichever phase happens to cross the collector's threshold.
    gc.disable()

    try:
        from hooklint import recache
    except ImportError:  # a version without the regex cache
        pass
    else:
        recache.load()
    out["import cli + regex cache"] = clock() - t0
    t0 = clock()
    from hooklint.settings import make_settings

    settings, _ = make_settings([*argv, *files])
    out["settings"] = clock() - t0
    from hooklint.run import check_data, read_file

    for label in ("cold", "warm"):
        for path in files:
            t0 = clock()
            data = read_file(path)
            if isinstance(data, bytes):
                check_data(path, data, settings)
            out[f"{label} {path}"] = clock() - t0
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", default="/tmp/hooklint-perf/files-small.0")
    parser.add_argument("--root", default="/tmp/hooklint-perf/corpus")
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("args", nargs="*", help="hooklint options, e.g. --ignore=HL3")
    args = parser.parse_args()
    with open(args.files, "rb") as f:
        raw = f.read()
    sep = b"\0" if args.files.endswith(".0") else b"\n"
    files = [os.fsdecode(p) for p in raw.split(sep) if p]
    if args.child:
        os.chdir(args.root)
        print(json.dumps(child(files, args.args)))
        return 0
    best: dict[str, float] = {}
    for _ in range(args.reps):
        done = subprocess.run(
            [sys.executable, __file__, "--child", "--files", args.files, "--root", args.root,
             "--", *args.args],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        for phase, seconds in json.loads(done.stdout).items():
            best[phase] = min(seconds, best.get(phase, seconds))
    for phase, seconds in best.items():
        print(f"{seconds * 1000:8.2f} ms  {phase}")
    cold = sum(s for p, s in best.items() if not p.startswith("warm"))
    warm = sum(s for p, s in best.items() if p.startswith("warm"))
    print(f"{cold * 1000:8.2f} ms  total cold (after the interpreter start)")
    print(f"{warm * 1000:8.2f} ms  total warm checks")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
