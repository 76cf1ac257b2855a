"""Real pre-commit and real git for the hook tests: this working tree as the hook repository.

The working tree (uncommitted changes included) is copied into a temporary repository and
committed there once per test process; pre-commit builds the hook environment from it once in
a private ``PRE_COMMIT_HOME``. Each test then makes a work repository whose
``.pre-commit-config.yaml`` uses the hooks, and runs real ``git commit`` or ``pre-commit run``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

ROOT = Path(__file__).resolve().parents[1]
FINDING = re.compile(r"\S.*:\d+:\d+: HL\d{3} ")
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "venv", "__pycache__", "*.egg-info", "build", "dist", ".*_cache", ".hypothesis"
)


class HookRepo(NamedTuple):
    path: Path
    rev: str
    env: dict[str, str]


class Run(NamedTuple):
    returncode: int
    output: str

    @property
    def findings(self) -> list[str]:
        return [line for line in self.output.splitlines() if FINDING.match(line)]


def run(cwd: Path, env: dict[str, str], *args: str, stdin: bytes | None = None) -> Run:
    proc = subprocess.run(
        args,
        cwd=cwd,
        env=env,
        input=stdin,
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


def hooklint(cwd: Path, *args: str) -> Run:
    """The plain command line, for the lines a hook must print."""
    return run(cwd, {**os.environ, "PYTHONUTF8": "1"}, sys.executable, "-m", "hooklint", *args)


def isolated_env(home: Path) -> dict[str, str]:
    """No user or system git configuration, no variables of a hook that may be running the
    tests, a private PRE_COMMIT_HOME."""
    (home / "gitconfig").write_text(
        "[user]\n\tname = hooklint tests\n\temail = tests@hooklint.invalid\n"
        "[init]\n\tdefaultBranch = main\n"
        "[commit]\n\tgpgsign = false\n",
        encoding="utf-8",
    )
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GIT_", "PRE_COMMIT")) and key not in ("SKIP", "EDITOR", "VISUAL")
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


def _copy_working_tree(destination: Path) -> None:
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:
        shutil.copytree(ROOT, destination, ignore=NOT_COPIED)
        return
    destination.mkdir()
    for name in listed.stdout.decode("utf-8").split("\0"):
        source = ROOT / name
        if name and source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)


_BUILT: list[HookRepo] = []


def hook_repo(factory: pytest.TempPathFactory) -> HookRepo:
    """This repository as a hook repository, with its environment built (once per process)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit", reason="pre-commit is not installed")
    if _BUILT:
        return _BUILT[0]
    home = factory.mktemp("hook-home")
    env = isolated_env(home)
    path = home / "hooklint"
    _copy_working_tree(path)
    git(path, env, "init", "-q")
    git(path, env, "add", "-A")
    git(path, env, "commit", "-q", "-m", "hooklint as it is being tested")
    repo = HookRepo(path, git(path, env, "rev-parse", "HEAD").output.strip(), env)
    work = work_repo(home / "install", repo, ["hooklint", "hooklint-commit-msg"])
    installed = pre_commit(work, env, "install-hooks")
    assert installed.returncode == 0, installed.output
    _BUILT.append(repo)
    return repo


def work_repo(
    path: Path,
    repo: HookRepo,
    hooks: list[str],
    args: dict[str, list[str]] | None = None,
    hook_types: tuple[str, ...] = (),
) -> Path:
    """A new repository using ``hooks`` (with ``args`` per hook id), installed as git hooks of
    ``hook_types`` (none: only ``pre-commit run`` runs them)."""
    path.mkdir(parents=True)
    git(path, repo.env, "init", "-q")
    entries: list[dict[str, object]] = []
    for hook_id in hooks:
        entry: dict[str, object] = {"id": hook_id}
        if args and hook_id in args:
            entry["args"] = args[hook_id]
        entries.append(entry)
    config = {"repos": [{"repo": str(repo.path), "rev": repo.rev, "hooks": entries}]}
    # JSON is YAML, and quotes whatever the values hold.
    (path / ".pre-commit-config.yaml").write_text(json.dumps(config, indent=2), encoding="utf-8")
    git(path, repo.env, "add", ".pre-commit-config.yaml")
    for hook_type in hook_types:
        installed = pre_commit(path, repo.env, "install", "--hook-type", hook_type)
        assert installed.returncode == 0, installed.output
    return path
