"""Tests for ``.pre-commit-hooks.yaml``, run through the real pre-commit in temporary git repos.

pre-commit installs a hook from a git repository at a revision. The working tree of this
repository (committed or not) is copied into a temporary repository and committed there once per
module; pre-commit then builds the hook's environment from it with pip, once, in a temporary
``PRE_COMMIT_HOME`` (this takes tens of seconds and needs PyPI). Each test makes its own work
repository that uses the hook, stages files, and runs ``pre-commit run`` or a real ``git
commit``. The report must be the lines that ``hooklint`` prints for the same files.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

pre_commit_clientlib = pytest.importorskip(
    "pre_commit.clientlib", reason="pre-commit is not installed (pip install -e '.[dev]')"
)
if shutil.which("git") is None:
    pytest.skip("git is not installed, and pre-commit needs it", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
FINDING = re.compile(r"\S+:\d+:\d+: HL\d{3} ")
# Left out of the copy when the repository's own file list cannot be had from git.
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "venv", "__pycache__", "*.egg-info", "build", "dist", ".*_cache", ".hypothesis"
)

POISONED_MARKDOWN = "# Release notes\n\nWe opened an office in Ankаra.\n"  # Cyrillic а
CLEAN_MARKDOWN = "# Заметки\n\nКафе «Łódź» в Москве, café, 21 °C, “quotes” – dashes.\n"
POISONED_PYTHON = 'label = "\u202eevil"\n'  # RIGHT-TO-LEFT OVERRIDE in a string
CLEAN_PYTHON = "greeting = 'Привет, мир'\nπ = 3.14\n"


class HookRepo(NamedTuple):
    """The repository the hook is installed from, its revision, and the environment to run in."""

    path: Path
    rev: str
    env: dict[str, str]


class Run(NamedTuple):
    returncode: int
    output: str

    @property
    def findings(self) -> list[str]:
        return [line for line in self.output.splitlines() if FINDING.match(line)]


def run(cwd: Path, env: dict[str, str], *args: str) -> Run:
    proc = subprocess.run(
        args,
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        check=False,
        timeout=900,
    )
    return Run(proc.returncode, proc.stdout.decode("utf-8", errors="replace"))


def git(cwd: Path, env: dict[str, str], *args: str) -> Run:
    result = run(cwd, env, "git", *args)
    assert result.returncode == 0, result.output
    return result


def pre_commit(cwd: Path, env: dict[str, str], *args: str) -> Run:
    return run(cwd, env, sys.executable, "-m", "pre_commit", *args)


def isolated_env(home: Path) -> dict[str, str]:
    """The environment for git and pre-commit: no user or system git configuration, no
    variables left by a git hook that may be running these tests, a private PRE_COMMIT_HOME."""
    (home / "gitconfig").write_text(
        "[user]\n\tname = hooklint tests\n\temail = tests@hooklint.invalid\n"
        "[init]\n\tdefaultBranch = main\n"
        "[commit]\n\tgpgsign = false\n",
        encoding="utf-8",
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PRE_COMMIT")) and key != "SKIP"
    }
    env.update(
        GIT_CONFIG_GLOBAL=str(home / "gitconfig"),
        GIT_CONFIG_NOSYSTEM="1",
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        PRE_COMMIT_COLOR="never",
        VIRTUALENV_OVERRIDE_APP_DATA=str(home / "virtualenv"),
        PYTHONUTF8="1",
    )
    return env


def copy_working_tree(destination: Path) -> None:
    """Copy this repository's files as they are now, uncommitted changes included."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:  # not a git checkout (an unpacked sdist, say)
        shutil.copytree(ROOT, destination, ignore=NOT_COPIED)
        return
    destination.mkdir()
    for name in listed.stdout.decode("utf-8").split("\0"):
        source = ROOT / name
        if name and source.is_file():  # a tracked file may have been deleted
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    """This repository, committed into a temporary one, with the hook environment built."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    env = isolated_env(home)
    path = home / "hooklint"
    copy_working_tree(path)
    git(path, env, "init", "-q")
    git(path, env, "add", "-A")
    git(path, env, "commit", "-q", "-m", "hooklint as it is being tested")
    rev = git(path, env, "rev-parse", "HEAD").output.strip()
    repo = HookRepo(path, rev, env)
    # Build the hook's environment once (pip, from PyPI); every test below reuses it.
    work = make_work_repo(home / "install", repo)
    installed = pre_commit(work, env, "install-hooks")
    assert installed.returncode == 0, installed.output
    return repo


def make_work_repo(path: Path, repo: HookRepo) -> Path:
    path.mkdir()
    git(path, repo.env, "init", "-q")
    config = {"repos": [{"repo": str(repo.path), "rev": repo.rev, "hooks": [{"id": "hooklint"}]}]}
    # JSON is YAML, and quotes the path whatever it holds.
    (path / ".pre-commit-config.yaml").write_text(json.dumps(config, indent=2), encoding="utf-8")
    git(path, repo.env, "add", ".pre-commit-config.yaml")
    return path


@pytest.fixture
def work(tmp_path: Path, hook_repo: HookRepo) -> Iterator[Path]:
    yield make_work_repo(tmp_path / "work", hook_repo)


def stage(work: Path, env: dict[str, str], files: dict[str, str]) -> None:
    for name, text in files.items():
        (work / name).write_text(text, encoding="utf-8")
    git(work, env, "add", *files)


def hooklint_lines(work: Path, *names: str) -> list[str]:
    """What ``hooklint`` itself prints for these files."""
    result = run(work, {**os.environ, "PYTHONUTF8": "1"}, sys.executable, "-m", "hooklint", *names)
    return result.output.splitlines()


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
