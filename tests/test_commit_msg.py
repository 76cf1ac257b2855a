"""The commit-msg hook: the message as git will store it, through real git and pre-commit.

And the file hooks' stages: a commit-msg install must not run them on COMMIT_EDITMSG, where
``git commit -v`` puts the diff (with whatever the commit removes) below the scissors line.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from precommit_support import HookRepo, git, hook_repo, run, work_repo

from hooklint.commit_msg import CUT_LINE, as_stored, cleanup_mode, comment_prefix

MSG = ".git/COMMIT_EDITMSG"
SCISSORS = "# ------------------------ >8 ------------------------"


# -- what git keeps of the message file ---------------------------------------------------------


def test_strip_blanks_comment_lines_and_cuts_at_the_scissors() -> None:
    data = (
        f"Subject\n\nBody\n# Please enter the commit message\n{SCISSORS}\n"
        "# Do not modify or remove the line above.\ndiff --git a/x b/x\n-bad\u202e\n"
    ).encode()
    assert as_stored(data, b"#", "strip") == b"Subject\n\nBody\n\n"


def test_scissors_mode_keeps_comment_lines() -> None:
    data = f"Subject\n# kept by git\n{SCISSORS}\ndiff\n".encode()
    assert as_stored(data, b"#", "scissors") == b"Subject\n# kept by git\n"


@pytest.mark.parametrize("mode", ["whitespace", "verbatim"])
def test_whitespace_and_verbatim_keep_everything(mode: str) -> None:
    data = f"Subject\n# kept\n{SCISSORS}\ndiff\n".encode()
    assert as_stored(data, b"#", mode) == data


def test_a_line_that_only_resembles_the_scissors_is_not_a_cut() -> None:
    data = "Subject\n#  ------------------------ >8 ------------------------\nrest\u2028\n"
    assert as_stored(data.encode(), b"#", "strip") == "Subject\n\nrest\u2028\n".encode()


@pytest.mark.parametrize(
    ("configured", "editor", "mode"),
    [
        (None, True, "strip"),
        (None, False, "whitespace"),  # git commit -m: comment lines are kept
        ("default", True, "strip"),
        ("scissors", True, "scissors"),
        ("scissors", False, "whitespace"),
        ("verbatim", True, "verbatim"),
        ("strip", False, "strip"),
    ],
)
def test_cleanup_mode(configured: str | None, editor: bool, mode: str) -> None:
    assert cleanup_mode(configured, editor) == mode


@pytest.mark.parametrize(
    ("data", "configured", "prefix"),
    [
        (b"Subject\n# comment\n", None, b"#"),
        (b"Subject\n; comment\n", ";", b";"),
        (b"Subject\n// comment\n", "//", b"//"),  # core.commentString
        # auto: the character of git's own lines, never a character of the message.
        (b"#123 fixed\n\n; Please enter\n; " + CUT_LINE[1:] + b"\ndiff\n", "auto", b";"),
        (b"#123 fixed\n\n; Please enter the message\n", "auto", b";"),
        (b"Subject only\n", "auto", b"#"),
    ],
)
def test_comment_prefix(data: bytes, configured: str | None, prefix: bytes) -> None:
    assert comment_prefix(data, configured) == prefix


# -- real git commits ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    return hook_repo(tmp_path_factory)


@pytest.fixture
def work(tmp_path: Path, repo: HookRepo) -> Path:
    """Both hooks configured and installed as git's pre-commit and commit-msg hooks."""
    return work_repo(
        tmp_path / "w",
        repo,
        ["hooklint", "hooklint-commit-msg"],
        hook_types=("pre-commit", "commit-msg"),
    )


def _editor(tmp_path: Path, message: str) -> dict[str, str]:
    """GIT_EDITOR that writes ``message`` above the template git prepared (its comment lines
    and, for -v, the scissors line and the diff)."""
    (tmp_path / "message.txt").write_text(message, encoding="utf-8")
    script = tmp_path / "editor.sh"
    script.write_text(
        '#!/bin/sh\ncat "$MESSAGE_FILE" "$1" > "$1.new" && mv "$1.new" "$1"\n', encoding="utf-8"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return {"GIT_EDITOR": str(script), "MESSAGE_FILE": str(tmp_path / "message.txt")}


def _log(work: Path, env: dict[str, str]) -> list[str]:
    done = run(work, env, "git", "log", "--format=%s")
    return done.output.splitlines() if done.returncode == 0 else []


def test_a_bidi_control_in_git_commit_m_is_refused(work: Path, repo: HookRepo) -> None:
    (work / "a.txt").write_text("a\n", encoding="utf-8")
    git(work, repo.env, "add", "a.txt")
    refused = run(work, repo.env, "git", "commit", "-m", "Grant access to user\u202e nimda")
    assert refused.returncode != 0, refused.output
    assert refused.findings == [
        f"{MSG}:1:21: HL201 U+202E RIGHT-TO-LEFT OVERRIDE bidirectional control is never closed "
        "on this line, so the rest of the line is displayed reordered"
    ]
    assert _log(work, repo.env) == []
    # Near miss: a message in real Russian, with curly quotes and a dash, is committed.
    accepted = run(work, repo.env, "git", "commit", "-m", "Исправить «опечатку» — café")
    assert accepted.returncode == 0, accepted.output
    assert _log(work, repo.env) == ["Исправить «опечатку» — café"]


@pytest.mark.parametrize(
    ("message", "says"),
    [
        ("Update the office in Ankаra", f"{MSG}:1:25: HL101 'а' U+0430 CYRILLIC SMALL LETTER A"),
        ("Docs\n\nSee https://bit.ly/3xYz for details", f"{MSG}:3:5: HL305 "),
        ("Docs\n\nhidden\u200bspace", f"{MSG}:3:7: HL202 U+200B ZERO WIDTH SPACE"),
    ],
    ids=["lookalike", "shortener-link", "zero-width"],
)
def test_lookalikes_invisibles_and_spam_links_in_a_message_are_refused(
    work: Path, repo: HookRepo, message: str, says: str
) -> None:
    (work / "a.txt").write_text("a\n", encoding="utf-8")
    git(work, repo.env, "add", "a.txt")
    refused = run(work, repo.env, "git", "commit", "-m", message)
    assert refused.returncode != 0, refused.output
    assert len(refused.findings) == 1 and refused.findings[0].startswith(says), refused.output


def test_a_clean_verbose_commit_removing_a_bidi_control_is_accepted(
    tmp_path: Path, work: Path, repo: HookRepo
) -> None:
    (work / "label.py").write_text('label = "\u202eevil"\n', encoding="utf-8")
    git(work, repo.env, "add", "label.py")
    git(work, repo.env, "commit", "-q", "--no-verify", "-m", "poisoned before the hook")
    (work / "label.py").write_text('label = "evil"\n', encoding="utf-8")
    git(work, repo.env, "add", "label.py")
    env = {**repo.env, **_editor(tmp_path, "Remove the bidi control\n\nIt reordered a label.\n")}
    accepted = run(work, env, "git", "commit", "-v")
    assert accepted.returncode == 0, accepted.output
    assert _log(work, env)[0] == "Remove the bidi control"


def test_a_verbose_commit_is_refused_at_the_real_line_of_the_message(
    tmp_path: Path, work: Path, repo: HookRepo
) -> None:
    (work / "a.txt").write_text("a\n", encoding="utf-8")
    git(work, repo.env, "add", "a.txt")
    message = "Subject\n# a comment line of my own, with Ankаra: git drops it\n\nOffice in Ankаra\n"
    env = {**repo.env, **_editor(tmp_path, message)}
    refused = run(work, env, "git", "commit", "-v")
    assert refused.returncode != 0, refused.output
    assert [f.split(": ")[0] for f in refused.findings] == [f"{MSG}:4:14"]


def test_the_configured_comment_character_is_honoured(
    tmp_path: Path, work: Path, repo: HookRepo
) -> None:
    git(work, repo.env, "config", "core.commentChar", ";")
    (work / "a.txt").write_text("a\n", encoding="utf-8")
    git(work, repo.env, "add", "a.txt")
    # With ";" as the comment character, a "#" line is part of the message.
    env = {**repo.env, **_editor(tmp_path, "Subject\n\n#12 fixed in Ankаra\n; Ankаra dropped\n")}
    refused = run(work, env, "git", "commit")
    assert refused.returncode != 0, refused.output
    assert [f.split(": ")[0] for f in refused.findings] == [f"{MSG}:3:17"]
    env = {**repo.env, **_editor(tmp_path, "Subject\n\n#12 fixed\n; Ankаra dropped\n")}
    accepted = run(work, env, "git", "commit")
    assert accepted.returncode == 0, accepted.output
    assert _log(work, env) == ["Subject"]


def test_the_hook_needs_the_message_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hooklint.hook import run as hook_run

    monkeypatch.chdir(tmp_path)
    assert hook_run(["--commit-msg"]) == 2
    assert "--commit-msg expects exactly one file" in capsys.readouterr().err


def test_comment_lines_of_git_commit_m_are_kept_by_git_and_checked(
    tmp_path: Path, work: Path, repo: HookRepo
) -> None:
    (work / "a.txt").write_text("a\n", encoding="utf-8")
    git(work, repo.env, "add", "a.txt")
    message = "Subject\n\n# Ankаra stays in the stored message of git commit -m\n"
    refused = run(work, repo.env, "git", "commit", "-m", message)
    assert refused.returncode != 0, refused.output
    assert [f.split(": ")[0] for f in refused.findings] == [f"{MSG}:3:6"]
    # Near miss: written in the editor, the same line is a comment git drops.
    env = {**repo.env, **_editor(tmp_path, message)}
    accepted = run(work, env, "git", "commit")
    assert accepted.returncode == 0, accepted.output
    shown = run(work, env, "git", "log", "-1", "--format=%B").output
    assert "Ankаra" not in shown


def test_comment_char_auto_through_a_plain_git_hook(tmp_path: Path) -> None:
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, GIT_EDITOR="true")
    git(tmp_path, env, "init", "-q")
    git(tmp_path, env, "config", "user.email", "dev@example.org")
    git(tmp_path, env, "config", "user.name", "Dev")
    git(tmp_path, env, "config", "core.commentChar", "auto")
    hook = tmp_path / ".git" / "hooks" / "commit-msg"
    script = f'#!/bin/sh\nexec "{sys.executable}" -m hooklint.hook --commit-msg "$1"\n'
    hook.write_text(script, encoding="utf-8")
    hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    (tmp_path / "a.txt").write_text("a\n", encoding="utf-8")
    git(tmp_path, env, "add", "a.txt")
    # "#" starts a line of the message, so git comments with another character ("; ..."), and
    # the "#" line is message: checked, and (below) stored.
    refused = run(tmp_path, env, "git", "commit", "-v", "-e", "-m", "#123 fixed in Ankаra")
    assert refused.returncode != 0, refused.output
    assert [f.split(": ")[0] for f in refused.findings] == [f"{MSG}:1:18"]
    accepted = run(tmp_path, env, "git", "commit", "-v", "-e", "-m", "#123 fixed in Ankara")
    assert accepted.returncode == 0, accepted.output
    assert git(tmp_path, env, "log", "--format=%B").output.strip() == "#123 fixed in Ankara"
