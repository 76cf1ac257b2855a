"""The commit-msg hook: the commit message, as git will store it, is text like any other.

git hands a commit-msg hook the file it wrote for the message (``.git/COMMIT_EDITMSG``). What
git keeps of that file depends on its cleanup mode (``commit.cleanup``; the default strips
when an editor was used and only trims whitespace for ``-m``/``-F``):

- ``strip``: everything from the scissors line (``# ------------------------ >8 ----...``, where
  ``git commit -v`` puts the diff) down is cut, and comment lines (those starting with git's
  comment character) are dropped;
- ``scissors``: the scissors cut only, comment lines are kept;
- ``whitespace`` and ``verbatim``: the whole file is kept.

git tells its hook whether an editor was used (``GIT_EDITOR=:`` when none was). The lines git
drops are blanked, not removed, so every finding is reported at its line in the file. The
comment character is ``core.commentChar`` (or ``core.commentString``), ``#`` by default; for
``auto`` it is the character of git's own comment lines: that of the scissors line, or else the
first character of the file's last non-empty line when it is one git may choose, or else ``#``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence

from hooklint.diagnostic import safe

CUT_LINE = b" ------------------------ >8 ------------------------"
#: the characters git may pick for ``core.commentChar=auto``, in its order
AUTO_CANDIDATES = "#;@!$%^&|:"


def _git_config(key: str) -> str | None:
    """``git config --get KEY`` in the current repository; None when unset or without git."""
    try:
        done = subprocess.run(
            ["git", "config", "--get", key], capture_output=True, check=False, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "replace").rstrip("\n")


def comment_prefix(data: bytes, configured: str | None) -> bytes:
    """The comment character (or string) git uses for this message file."""
    if configured is None or configured == "":
        return b"#"
    if configured != "auto":
        return configured.encode("utf-8")
    lines = data.split(b"\n")
    for line in lines:
        if line[:1] and line[1:] == CUT_LINE and line[:1].decode("latin-1") in AUTO_CANDIDATES:
            return line[:1]
    for line in reversed(lines):
        if line.strip():
            first = line[:1].decode("latin-1")
            return line[:1] if first in AUTO_CANDIDATES else b"#"
    return b"#"


def cleanup_mode(configured: str | None, editor_used: bool) -> str:
    """strip, scissors, whitespace or verbatim: what git does to the message file."""
    mode = (configured or "default").strip().lower()
    if mode not in ("strip", "scissors", "whitespace", "verbatim"):
        mode = "strip" if editor_used else "whitespace"  # git's "default" (and anything unknown)
    if mode == "scissors" and not editor_used:
        mode = "whitespace"  # git cuts at the scissors only in a message it had edited
    return mode


def as_stored(data: bytes, prefix: bytes, mode: str) -> bytes:
    """The message file with what git will drop blanked: each dropped line becomes empty (the
    line breaks stay, so line numbers do not move), and the scissors line and all below it go."""
    if mode in ("whitespace", "verbatim"):
        return data
    lines = data.split(b"\n")
    kept: list[bytes] = []
    for line in lines:
        if line == prefix + CUT_LINE or line == prefix + CUT_LINE + b"\r":
            kept.append(b"")  # the line above keeps its line break
            break
        if mode == "strip" and line.startswith(prefix):
            kept.append(b"\r" if line.endswith(b"\r") else b"")
        else:
            kept.append(line)
    return b"\n".join(kept)


def check_message_files(options: Sequence[str], files: Sequence[str]) -> int:
    """Check the one commit message file pre-commit (or git) passes; the exit status of a run."""
    if len(files) != 1:
        print(
            "hooklint-hook: error: --commit-msg expects exactly one file, the commit message "
            f"(got {len(files)})",
            file=sys.stderr,
        )
        return 2
    path = files[0]
    from hooklint.cli import _report
    from hooklint.run import check_sources, read_file
    from hooklint.settings import UsageError, make_settings

    try:
        settings, _ = make_settings(options)
    except UsageError as exc:
        print(f"hooklint: error: {safe(str(exc))}", file=sys.stderr)
        return 2
    data = read_file(path)
    if isinstance(data, bytes):
        configured = _git_config("core.commentString") or _git_config("core.commentChar")
        prefix = comment_prefix(data, configured)
        mode = cleanup_mode(_git_config("commit.cleanup"), os.environ.get("GIT_EDITOR") != ":")
        found = check_sources([(path, as_stored(data, prefix, mode))], settings)
    else:  # the file cannot be read: HL001, and the hook fails
        found = [data]
    found.sort(key=lambda d: (d.path, d.line, d.col, d.code))
    _report(found, settings)
    return 1 if found and not settings.exit_zero else 0
