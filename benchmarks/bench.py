"""Speed benchmark for hooklint: prints ratios against references, never asserts timings.

Regimes (select a subset with ``--only NAME``, repeatable):

``small``
    The 10-file commit (``files-small.0``), every file on one command line, against
    ``python -c pass``.  Start-up and imports dominate.  Target: ratio <= 4.  Start-up ratios
    move between machines, so the commit is also measured against ruff:
``small-vs-ruff``
    The same commit against ``ruff check --select RUF001,RUF002,RUF003,PLE2502`` on the same
    files in the same run.  Target: ratio <= 1.0.  Skipped when ruff is not found.
``all``
    The whole 235 MB corpus (``files-all.0``) cut into chunks and run two at a time, the way
    ``pre-commit run --all-files`` does on a 2-core machine, against the pure-Python floor
    (read every file, ``bytes.isascii()``).  Target: ratio <= 6.
``py-vs-ruff``
    The ``.py`` part of the corpus (``files-py.0``) against ``ruff check --select
    RUF001,RUF002,RUF003,PLE2502``.  Target: ratio <= 0.6.  Skipped when ruff is not found.
``hostile``
    Generated worst-case inputs, each timed on its own with a 120 s timeout; seconds only,
    no target.

The first three regimes run the shared harness ``<shared>/eval/perf/bench_check.py`` as a
subprocess; it interleaves hooklint and the reference on the same file list and reports the
median of the pairwise time ratios.  Ratios carry between machines, seconds do not.

The shared folder is ``$HOOKLINT_SHARED`` or ``<repo>/../shared``.  The corpus is built once
with ``python3 <shared>/eval/perf/make_corpus.py``.

Exit status: 0 after measuring (whatever the ratios), 2 when a command could not run or the
corpus or harness is missing.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PERF_DIR = "/tmp/hooklint-perf"
OK_CODES = (0, 1)  # hooklint exits 1 when it reports something
HOSTILE_TIMEOUT = 120.0
RUFF_SELECT = "RUF001,RUF002,RUF003,PLE2502"


@dataclass(frozen=True)
class RatioRegime:
    """One bench_check.py run: a file list, a reference and the project's target ratio."""

    name: str
    files: str
    reference: str
    target: float
    extra: tuple[str, ...]
    about: str


RATIO_REGIMES: tuple[RatioRegime, ...] = (
    RatioRegime(
        name="small",
        files="files-small.0",
        reference="pass",
        target=4.0,
        extra=("--single",),
        about="10-file commit vs python -c pass",
    ),
    RatioRegime(
        name="small-vs-ruff",
        files="files-small.0",
        reference="ruff",
        target=1.0,
        extra=("--single",),
        about=f"10-file commit vs ruff --select {RUFF_SELECT}, same files, same run",
    ),
    RatioRegime(
        name="all",
        files="files-all.0",
        reference="floor",
        target=6.0,
        extra=("--jobs", "2"),
        about="whole corpus, chunked, 2 jobs, vs read+isascii floor",
    ),
    RatioRegime(
        name="py-vs-ruff",
        files="files-py.0",
        reference="ruff",
        target=0.6,
        extra=(),
        about=f"corpus .py files vs ruff --select {RUFF_SELECT}",
    ),
)
HOSTILE = "hostile"
REGIME_NAMES: tuple[str, ...] = (*(r.name for r in RATIO_REGIMES), HOSTILE)


@dataclass
class Outcome:
    """What one regime produced: a ratio, hostile timings, a skip or an error."""

    name: str
    target: float | None = None
    about: str = ""
    ratio: float | None = None
    timings: list[tuple[str, str]] = field(default_factory=list)
    skipped: str | None = None
    error: str | None = None

    def measured(self) -> str:
        if self.error is not None:
            return "error"
        if self.skipped is not None:
            return "skipped"
        if self.ratio is not None:
            return f"{self.ratio:.3f}"
        if any(value == "TIMEOUT" for _, value in self.timings):
            return "TIMEOUT"
        worst = max((float(value) for _, value in self.timings), default=0.0)
        return f"max {worst:.3f} s"

    def verdict(self) -> str:
        if self.ratio is None or self.target is None:
            return "-"
        return "ok" if self.ratio <= self.target else "over"

    def summary(self) -> str:
        if self.error is not None:
            return f"{self.name} error: {self.error}"
        if self.skipped is not None:
            return f"{self.name} skipped: {self.skipped}"
        if self.ratio is not None and self.target is not None:
            return f"{self.name} ratio={self.ratio:.3f} target<={self.target:g} {self.verdict()}"
        cells = " ".join(f"{label}={value}" for label, value in self.timings)
        return f"{self.name} {cells} (seconds, no target)"


def shared_dir() -> Path:
    env = os.environ.get("HOOKLINT_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--cmd",
        default=os.environ.get("HOOKLINT_CMD", "hooklint"),
        help="hooklint command, split with shlex, files appended; use absolute paths, "
        "it runs from the corpus directory (default: $HOOKLINT_CMD or hooklint)",
    )
    parser.add_argument(
        "--reps", type=int, default=3, help="timed repetitions per regime (default 3)"
    )
    parser.add_argument(
        "--perf-dir",
        type=Path,
        default=Path(os.environ.get("HOOKLINT_PERF_DIR", DEFAULT_PERF_DIR)),
        help=f"corpus directory (default: $HOOKLINT_PERF_DIR or {DEFAULT_PERF_DIR})",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=REGIME_NAMES,
        metavar="NAME",
        help=f"run only this regime; repeatable; one of: {', '.join(REGIME_NAMES)}",
    )
    args = parser.parse_args(argv)
    if args.reps < 1:
        parser.error("--reps must be at least 1")
    return args


def ruff_env() -> dict[str, str] | None:
    """Environment in which ``ruff`` resolves, or None when there is no ruff to be found."""
    env = measured_env()
    if shutil.which("ruff"):
        return env
    beside = Path(sys.executable).parent
    if shutil.which("ruff", path=str(beside)):
        env["PATH"] = os.pathsep.join([str(beside), env.get("PATH", "")])
        return env
    return None


def measured_env() -> dict[str, str]:
    """The environment of the measured commands: hooklint as an installed package runs, with
    its bytecode and its compiled-regex cache written on the first (warm-up) run. With
    PYTHONDONTWRITEBYTECODE set, an editable install compiles every module from source on
    every run (~30 ms of the 10-file commit), which no installed hook does."""
    env = dict(os.environ)
    if env.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
        print("note: PYTHONDONTWRITEBYTECODE is unset for the measured commands (see --help)")
    return env


def run_ratio(regime: RatioRegime, harness: Path, cmd: str, reps: int, perf_dir: Path) -> Outcome:
    outcome = Outcome(regime.name, target=regime.target, about=regime.about)
    env: dict[str, str] | None = measured_env()
    if regime.reference == "ruff":
        env = ruff_env()
        if env is None:
            outcome.skipped = "ruff not found"
            print(f"skipped: ruff not found (not on PATH, nor beside {sys.executable})")
            return outcome
    argv = [
        sys.executable,
        str(harness),
        "--hooklint-cmd",
        cmd,
        "--files",
        str(perf_dir / regime.files),
        "--reference",
        regime.reference,
        "--reps",
        str(reps),
        "--ok-codes",
        ",".join(str(c) for c in OK_CODES),
        *regime.extra,
    ]
    print("$ " + shlex.join(argv), flush=True)
    last = ""
    with subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True, env=env
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            print("  " + line.rstrip("\n"), flush=True)
            if line.strip():
                last = line.strip()
    if proc.returncode != 0:
        outcome.error = f"bench_check.py exited {proc.returncode}"
    elif last.startswith("ratio="):
        outcome.ratio = float(last.removeprefix("ratio="))
    else:
        outcome.error = f"no ratio= line from bench_check.py (last line: {last!r})"
    return outcome


def words_line(size: int) -> bytes:
    """One line of about ``size`` bytes of alternating ASCII and Cyrillic words."""
    unit = "the quick привет brown fox мир jumps over ленивую dog собаку ".encode()
    return unit * (size // len(unit) + 1) + b"\n"


def hostile_inputs() -> list[tuple[str, str, Callable[[], bytes]]]:
    """(label, file name, generator) for each hostile input."""
    return [
        ("20mb-line", "long-line.txt", lambda: words_line(20 * 2**20)),
        ("1m-lines", "million-lines.txt", lambda: "x = 1  # мир\n".encode() * 1_000_000),
        ("unclosed-tags", "unclosed-tags.md", lambda: b'[x <a href="' * 100_000 + b"\n"),
        (
            "100k-labels",
            "many-labels.md",
            lambda: b"see https://" + b"a." * 100_000 + b"com/page for more\n",
        ),
        (
            "spam-phrase",
            "spam-phrase.md",
            lambda: b"If you adored this short article " * 20_000 + b"\n",
        ),
        # A non-ASCII line with one long ASCII word: a token pattern that could start at any
        # letter would read to the word's end from each of them.
        ("5mb-word", "long-word.txt", lambda: "é ".encode() + b"a" * 5_000_000 + b"\n"),
        # One Markdown link again and again (4 MB): the full spam check judges every link.
        (
            "4mb-links",
            "repeated-link.md",
            lambda: b"[Roof Repair](https://s.example/)\n" * (4 * 2**20 // 34),
        ),
    ]


def time_one(argv: list[str], reps: int) -> str:
    """Median seconds over ``reps`` runs, ``TIMEOUT``, or raise RuntimeError on a bad exit."""
    times: list[float] = []
    for _ in range(reps):
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=HOSTILE_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return "TIMEOUT"
        times.append(time.perf_counter() - t0)
        if proc.returncode not in OK_CODES:
            raise RuntimeError(f"exit code {proc.returncode} from {shlex.join(argv)}")
    return f"{statistics.median(times):.3f}"


def run_hostile(cmd: list[str], reps: int) -> Outcome:
    outcome = Outcome(HOSTILE, about=f"generated worst cases, {HOSTILE_TIMEOUT:g} s timeout each")
    with tempfile.TemporaryDirectory(prefix="hooklint-hostile-") as tmp:
        for label, name, make in hostile_inputs():
            path = Path(tmp) / name
            data = make()
            path.write_bytes(data)
            del data
            size = path.stat().st_size
            try:
                result = time_one([*cmd, str(path)], reps)
            except RuntimeError as exc:
                outcome.error = f"{label}: {exc}"
                print(f"  {label:<14} {size:>11,} B  error: {exc}", flush=True)
                return outcome
            shown = result if result == "TIMEOUT" else f"{result} s"
            print(f"  {label:<14} {size:>11,} B  {shown}", flush=True)
            outcome.timings.append((label, result))
    return outcome


def print_table(outcomes: list[Outcome]) -> None:
    rows = [("regime", "measured", "target", "verdict", "what")]
    for o in outcomes:
        target = "-" if o.target is None else f"<= {o.target:g}"
        rows.append((o.name, o.measured(), target, o.verdict(), o.about))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for i, row in enumerate(rows):
        cells = [row[c].ljust(widths[c]) for c in range(4)]
        print("  ".join([*cells, row[4]]).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths) + "  " + "-" * len(row[4]))


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    selected: list[str] = args.only or list(REGIME_NAMES)
    shared = shared_dir()
    harness = shared / "eval" / "perf" / "bench_check.py"
    perf_dir: Path = args.perf_dir

    cmd = shlex.split(args.cmd)
    if not cmd or shutil.which(cmd[0]) is None:
        print(f"error: hooklint command not found: {args.cmd!r} (set --cmd or $HOOKLINT_CMD)")
        return 2
    ratio_regimes = [r for r in RATIO_REGIMES if r.name in selected]
    if ratio_regimes and not harness.is_file():
        print(f"error: {harness} not found (set $HOOKLINT_SHARED to the shared folder)")
        return 2
    missing = [r.files for r in ratio_regimes if not (perf_dir / r.files).is_file()]
    if missing:
        print(f"error: corpus lists missing from {perf_dir}: {', '.join(missing)}")
        make = shlex.join(
            ["python3", str(shared / "eval" / "perf" / "make_corpus.py"), str(perf_dir)]
        )
        print(f"build the corpus once (about 40 s) with:\n  {make}")
        return 2

    print(f"hooklint command: {args.cmd}   reps: {args.reps}   corpus: {perf_dir}")
    outcomes: list[Outcome] = []
    for regime in ratio_regimes:
        print(f"\n== {regime.name}: {regime.about} (target ratio <= {regime.target:g})")
        outcomes.append(run_ratio(regime, harness, args.cmd, args.reps, perf_dir))
    if HOSTILE in selected:
        print(f"\n== {HOSTILE}: seconds per input (median of {args.reps}), no target")
        outcomes.append(run_hostile(cmd, args.reps))

    print()
    print_table(outcomes)
    print()
    for outcome in outcomes:
        print(outcome.summary())
    return 2 if any(o.error is not None for o in outcomes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
