"""The real ``hooklint`` program run once over the files a test module writes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


def run(cwd: Path, *args: str) -> list[str]:
    """The output lines of ``python -m ARGS`` in ``cwd`` (exit 0 or 1, nothing on stderr)."""
    proc = subprocess.run(
        [sys.executable, "-m", *args], cwd=cwd, env=ENV, capture_output=True, check=False
    )
    assert proc.returncode in (0, 1), proc.stderr.decode("utf-8")
    return proc.stdout.decode("utf-8").splitlines()


def positions(
    directory: Path, files: Mapping[str, str], code: str
) -> dict[str, list[tuple[int, int]]]:
    """Write ``files`` into ``directory``, run hooklint on them once with ``--select CODE``, and
    give the (line, column) of each finding, file by file, in the order reported."""
    for name, text in files.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_bytes(text.encode("utf-8"))
    found: dict[str, list[tuple[int, int]]] = {name: [] for name in files}
    for line in run(directory, "hooklint", "--select", code, *files):
        path, lineno, col, _ = line.split(":", 3)
        found[path].append((int(lineno), int(col)))
    return found


def lines_of(found: list[tuple[int, int]]) -> list[int]:
    """The lines of ``found``, each once, in order."""
    return list(dict.fromkeys(line for line, _ in found))
