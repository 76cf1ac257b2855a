"""The README's hook recipes, as written, through real pre-commit and git.

The pre-commit snippet names a placeholder repository and commit; the test puts this working
tree (committed into a temporary repository) and its commit in their place and changes nothing
else. The commands are the README's own.
"""

from __future__ import annotations

import os
import re
import shlex
import stat
import sys
from pathlib import Path

import pytest
from precommit_support import ROOT, HookRepo, git, hook_repo, run

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block(after: str, lang: str, index: int = 0) -> str:
    """The ``index``-th fenced block of ``lang`` after the heading ``after``."""
    section = README[README.index(after) :]
    blocks: list[str] = re.findall(rf"```{lang}\n(.*?)```", section, re.DOTALL)
    return blocks[index]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    return hook_repo(tmp_path_factory)


def test_the_pre_commit_recipe_works_as_written(tmp_path: Path, repo: HookRepo) -> None:
    config = _block("### pre-commit", "yaml")
    assert "rev: v0.1.0" not in config and "OWNER" not in config
    config = re.sub(r"(repo: )\S+", lambda m: m.group(1) + str(repo.path), config, count=1)
    config = re.sub(r"(rev: )[0-9a-f]{40}", lambda m: m.group(1) + repo.rev, config, count=1)
    work = tmp_path / "w"
    work.mkdir()
    git(work, repo.env, "init", "-q")
    (work / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    git(work, repo.env, "add", ".pre-commit-config.yaml")
    install = shlex.split(_block("### pre-commit", "sh").strip())
    assert install[0] == "pre-commit"
    installed = run(work, repo.env, sys.executable, "-m", "pre_commit", *install[1:])
    assert installed.returncode == 0, installed.output

    (work / "notes.md").write_text("Office in Ankаra\n", encoding="utf-8")
    git(work, repo.env, "add", "notes.md")
    refused = run(work, repo.env, "git", "commit", "-m", "notes")
    assert refused.returncode != 0 and len(refused.findings) == 1, refused.output
    (work / "notes.md").write_text("Office in Ankara\n", encoding="utf-8")
    git(work, repo.env, "add", "notes.md")
    refused = run(work, repo.env, "git", "commit", "-m", "notes \u202e")
    assert refused.returncode != 0, refused.output
    assert refused.findings[0].startswith(".git/COMMIT_EDITMSG:1:7: HL201"), refused.output
    accepted = run(work, repo.env, "git", "commit", "-m", "Заметки: офис в Анкаре")
    assert accepted.returncode == 0, accepted.output


def test_the_plain_git_hooks_work_as_written(tmp_path: Path, repo: HookRepo) -> None:
    section = "### A plain git hook"
    env = {**repo.env, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"]}
    git(tmp_path, env, "init", "-q")
    for script in (_block(section, "sh", 0), _block(section, "sh", 1)):
        name = re.search(r"\.git/hooks/([a-z-]+)", script)
        assert name is not None
        hook = tmp_path / ".git" / "hooks" / name.group(1)
        hook.write_text(script, encoding="utf-8")
        hook.chmod(hook.stat().st_mode | stat.S_IXUSR)
    (tmp_path / "notes.md").write_text("Office in Ankаra\n", encoding="utf-8")
    git(tmp_path, env, "add", "notes.md")
    refused = run(tmp_path, env, "git", "commit", "-m", "notes")
    assert refused.returncode != 0 and refused.findings[0].startswith("notes.md:1:14: HL101")
    (tmp_path / "notes.md").write_text("Office in Ankara\n", encoding="utf-8")
    git(tmp_path, env, "add", "notes.md")
    refused = run(tmp_path, env, "git", "commit", "-m", "ok\n\nvisit https://bit.ly/3xYz")
    assert refused.returncode != 0 and refused.findings[0].startswith(".git/COMMIT_EDITMSG:3:")
    accepted = run(tmp_path, env, "git", "commit", "-m", "Office in Ankara")
    assert accepted.returncode == 0, accepted.output
