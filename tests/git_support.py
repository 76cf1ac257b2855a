"""A throwaway git repository and the installed ``hooklint`` program, for the tests that run
``--diff`` and ``--config-from`` against real revisions."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HOOKLINT = str(Path(sys.executable).with_name("hooklint"))
ENV = {**os.environ, "PYTHONUTF8": "1", "LC_ALL": "C.UTF-8"}


def git(cwd: Path, *args: str) -> str:
    """What ``git ARGS`` prints in ``cwd``; it must succeed."""
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


def hooklint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [HOOKLINT, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        check=False,
    )


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def init_repo(path: Path) -> Path:
    """A new repository at ``path`` (branch ``main``) that can commit without a user setup."""
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "dev@example.org")
    git(path, "config", "user.name", "Dev")
    git(path, "config", "commit.gpgsign", "false")
    return path


def commit(repo: Path, files: dict[str, str], message: str = "commit") -> None:
    """Write ``files`` and commit everything in the work tree."""
    write(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
