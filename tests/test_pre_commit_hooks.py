"""Tests for ``.pre-commit-hooks.yaml``, run through the real pre-commit in temporary git repos.

pre-commit installs a hook from a git repository at a revision. The working tree of this
repository (committed or not) is copied into a temporary repository and committed there once per
test process (``precommit_support``); pre-commit then builds the hook's environment from it
with pip, once, in a temporary ``PRE_COMMIT_HOME`` (this takes tens of seconds and needs PyPI).
Each test makes its own work repository that uses the hook, stages files, and runs ``pre-commit
run`` or a real ``git commit``. The report must be the lines that ``hooklint`` prints for the
same files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from precommit_support import ROOT, HookRepo, git, hook_repo, hooklint, pre_commit, run, work_repo

pre_commit_clientlib = pytest.importorskip(
    "pre_commit.clientlib", reason="pre-commit is not installed (pip install -e '.[dev]')"
)

MANIFEST = ROOT / ".pre-commit-hooks.yaml"

POISONED_MARKDOWN = "# Release notes\n\nWe opened an office in Ankаra.\n"  # Cyrillic а
CLEAN_MARKDOWN = "# Заметки\n\nКафе «Łódź» в Москве, café, 21 °C, “quotes” – dashes.\n"
POISONED_PYTHON = 'label = "\u202eevil"\n'  # RIGHT-TO-LEFT OVERRIDE in a string
CLEAN_PYTHON = "greeting = 'Привет, мир'\nπ = 3.14\n"


@pytest.fixture(scope="module", name="hook_repo")
def _hook_repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    """This repository, committed into a temporary one, with the hook environment built."""
    return hook_repo(tmp_path_factory)


@pytest.fixture
def work(tmp_path: Path, hook_repo: HookRepo) -> Iterator[Path]:
    yield work_repo(tmp_path / "work", hook_repo, ["hooklint"])


def stage(work: Path, env: dict[str, str], files: dict[str, str]) -> None:
    for name, text in files.items():
        (work / name).write_text(text, encoding="utf-8")
    git(work, env, "add", *files)


def hooklint_lines(work: Path, *names: str) -> list[str]:
    """What ``hooklint`` itself prints for these files."""
    return hooklint(work, *names).output.splitlines()


# -- the manifest -------------------------------------------------------------------------------


def test_manifest_declares_the_file_hooks_and_the_commit_message_hook() -> None:
    hooks = {hook["id"]: hook for hook in pre_commit_clientlib.load_manifest(str(MANIFEST))}
    assert sorted(hooks) == ["hooklint", "hooklint-commit-msg", "hooklint-fix"]
    assert hooks["hooklint"]["entry"] == "hooklint-hook"
    assert hooks["hooklint-fix"]["entry"] == "hooklint-hook --fix"
    assert hooks["hooklint-commit-msg"]["entry"] == "hooklint-hook --commit-msg"
    for hook_id in ("hooklint", "hooklint-fix"):
        # Every staged file (UTF-16 text is "binary" to pre-commit), never the commit message.
        assert hooks[hook_id]["types"] == ["file"]
        assert hooks[hook_id]["stages"] == ["pre-commit", "pre-merge-commit", "pre-push", "manual"]
    assert hooks["hooklint-commit-msg"]["stages"] == ["commit-msg"]
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["require_serial"] is False
        assert hook["minimum_pre_commit_version"] != "0"


# -- pre-commit run -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("notes.md", POISONED_MARKDOWN, "HL101 'а' U+0430 CYRILLIC SMALL LETTER A"),
        ("label.py", POISONED_PYTHON, "HL201 U+202E RIGHT-TO-LEFT OVERRIDE"),
    ],
    ids=["markdown-lookalike", "python-bidi-control"],
)
def test_hook_fails_on_a_staged_file_with_the_findings(
    work: Path, hook_repo: HookRepo, name: str, text: str, says: str
) -> None:
    stage(work, hook_repo.env, {name: text, "clean.md": CLEAN_MARKDOWN})
    result = pre_commit(work, hook_repo.env, "run")
    assert result.returncode == 1, result.output
    expected = hooklint_lines(work, name)
    assert expected and all(line.startswith(f"{name}:") for line in expected)
    assert says in expected[0]
    assert result.findings == expected


def test_hook_passes_clean_staged_files(work: Path, hook_repo: HookRepo) -> None:
    stage(work, hook_repo.env, {"notes.md": CLEAN_MARKDOWN, "greeting.py": CLEAN_PYTHON})
    result = pre_commit(work, hook_repo.env, "run")
    assert result.returncode == 0, result.output
    assert re.search(r"^hooklint\.+Passed$", result.output, re.MULTILINE), result.output
    assert result.findings == []


@pytest.mark.parametrize(
    ("staged", "unstaged", "fails"),
    [(CLEAN_MARKDOWN, POISONED_MARKDOWN, False), (POISONED_MARKDOWN, CLEAN_MARKDOWN, True)],
    ids=["clean-staged-poisoned-unstaged", "poisoned-staged-clean-unstaged"],
)
def test_hook_checks_what_is_staged(
    work: Path, hook_repo: HookRepo, staged: str, unstaged: str, fails: bool
) -> None:
    stage(work, hook_repo.env, {"notes.md": staged})
    (work / "notes.md").write_text(unstaged, encoding="utf-8")
    result = pre_commit(work, hook_repo.env, "run")
    assert result.returncode == (1 if fails else 0), result.output
    assert bool(result.findings) == fails
    assert (work / "notes.md").read_text(encoding="utf-8") == unstaged


# -- git commit, through the installed git hook -------------------------------------------------


def test_git_commit_is_refused_with_the_findings_then_accepted(
    work: Path, hook_repo: HookRepo
) -> None:
    env = hook_repo.env
    installed = pre_commit(work, env, "install")
    assert installed.returncode == 0, installed.output
    stage(work, env, {"notes.md": POISONED_MARKDOWN, "label.py": POISONED_PYTHON})

    refused = run(work, env, "git", "commit", "-m", "poisoned")
    assert refused.returncode != 0, refused.output
    expected = hooklint_lines(work, "label.py", "notes.md")
    assert {line.split(":")[0] for line in expected} == {"label.py", "notes.md"}
    assert refused.findings == expected
    assert run(work, env, "git", "rev-parse", "--verify", "-q", "HEAD").returncode != 0

    stage(work, env, {"notes.md": CLEAN_MARKDOWN, "label.py": CLEAN_PYTHON})
    accepted = run(work, env, "git", "commit", "-m", "clean")
    assert accepted.returncode == 0, accepted.output
    assert git(work, env, "log", "--format=%s").output.split() == ["clean"]
