"""``--config-from REV``: the configuration as it is in a trusted revision, read without a checkout.

Real git repositories in ``tmp_path``, the installed ``hooklint`` console script.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from git_support import commit, init_repo, write
from git_support import hooklint as run_hooklint

LOOKALIKE = "Pay with P\u0430yPal today\n"  # HL101 unless ignored
FINDING = "a.md:1:11: HL101"


def hooklint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = run_hooklint(cwd, *args)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return init_repo(tmp_path)


def codes(result: subprocess.CompletedProcess[str]) -> list[str]:
    return [line.split(" ")[1] for line in result.stdout.splitlines()]


def test_the_trusted_configuration_applies_and_the_changes_one_does_not(repo: Path) -> None:
    commit(repo, {"pyproject.toml": '[tool.hooklint]\nignore = ["HL302"]\n', "a.md": "x\n"})
    write(repo, {"pyproject.toml": '[tool.hooklint]\nignore = ["HL1"]\n', "a.md": LOOKALIKE})
    # the change's own configuration hides the lookalike from a plain run
    assert hooklint(repo, "a.md").returncode == 0
    result = hooklint(repo, "--config-from", "main", "a.md")
    assert (result.returncode, result.stdout.startswith(FINDING)) == (1, True)
    # in CI: the finding, and the widening the change tried
    result = hooklint(repo, "--diff", "main", "--config-from", "main")
    assert codes(result) == ["HL101", "HL004"]
    assert "ignore += HL1" in result.stdout


def test_near_miss_the_trusted_configuration_still_ignores_what_it_ignores(repo: Path) -> None:
    commit(repo, {".hooklint.toml": 'ignore = ["HL1"]\n', "a.md": "x\n"})
    # the change removes the ignore: the trusted one still holds, and nothing is widened
    write(repo, {".hooklint.toml": "ignore = []\n", "a.md": LOOKALIKE})
    assert hooklint(repo, "--config-from", "main", "a.md").returncode == 0
    result = hooklint(repo, "--diff", "main", "--config-from", "main")
    assert (result.returncode, result.stdout) == (0, "")
    # a plain run takes the change's configuration
    assert hooklint(repo, "a.md").stdout.startswith(FINDING)


def test_a_configuration_deleted_by_the_change_still_applies(repo: Path) -> None:
    commit(repo, {".hooklint.toml": 'ignore = ["HL1"]\n', "a.md": LOOKALIKE})
    (repo / ".hooklint.toml").unlink()
    assert hooklint(repo, "a.md").returncode == 1
    assert hooklint(repo, "--config-from", "main", "a.md").returncode == 0


def test_no_configuration_at_rev_means_the_defaults(repo: Path) -> None:
    commit(repo, {"a.md": "x\n"})
    write(repo, {".hooklint.toml": 'exclude = ["a.md"]\n', "a.md": LOOKALIKE})
    assert hooklint(repo, "a.md").returncode == 0  # excluded by the change
    result = hooklint(repo, "--config-from", "main", "a.md")
    assert result.stdout.startswith(FINDING)


def test_a_pyproject_without_hooklint_table_at_rev_ends_the_search(repo: Path) -> None:
    commit(repo, {".hooklint.toml": 'ignore = ["HL1"]\n', "sub/pyproject.toml": "[tool.x]\n"})
    write(repo, {"sub/a.md": LOOKALIKE})
    # sub/ is a project of its own: the configuration above it is not its
    assert hooklint(repo / "sub", "a.md").returncode == 1
    assert hooklint(repo / "sub", "--config-from", "main", "a.md").returncode == 1
    assert hooklint(repo, "--config-from", "main", "sub/a.md").returncode == 0


def test_the_configuration_is_found_above_a_subdirectory(repo: Path) -> None:
    commit(repo, {"pyproject.toml": '[tool.hooklint]\nignore = ["HL1"]\n', "docs/a.md": "x\n"})
    write(repo, {"pyproject.toml": "[tool.hooklint]\n", "docs/a.md": LOOKALIKE})
    assert hooklint(repo / "docs", "a.md").returncode == 1
    assert hooklint(repo / "docs", "--config-from", "main", "a.md").returncode == 0


def test_a_named_configuration_file_is_read_at_rev(repo: Path) -> None:
    commit(repo, {"ci/lint.toml": 'ignore = ["HL1"]\n', "a.md": LOOKALIKE})
    write(repo, {"ci/lint.toml": "ignore = []\n"})
    assert hooklint(repo, "--config", "ci/lint.toml", "a.md").returncode == 1
    args = ("--config", "ci/lint.toml", "--config-from", "main", "a.md")
    assert hooklint(repo, *args).returncode == 0
    result = hooklint(repo, "--config", "missing.toml", "--config-from", "main", "a.md")
    assert result.returncode == 2
    assert (
        result.stderr == "hooklint: error: --config missing.toml: no such file in revision main\n"
    )


def test_no_config_wins(repo: Path) -> None:
    commit(repo, {".hooklint.toml": 'ignore = ["HL1"]\n', "a.md": LOOKALIKE})
    assert hooklint(repo, "--config-from", "main", "a.md").returncode == 0
    assert hooklint(repo, "--no-config", "--config-from", "main", "a.md").returncode == 1


@pytest.mark.parametrize(
    ("rev", "message"),
    [
        ("nope", "unknown revision 'nope' (is it fetched?)"),
        ("main:a.md", "unknown revision 'main:a.md' (is it fetched?)"),
        ("main two", "not a revision: 'main two'"),
    ],
    ids=["unknown", "not-a-commit", "space"],
)
def test_a_bad_revision_is_a_usage_error(repo: Path, rev: str, message: str) -> None:
    commit(repo, {"a.md": "x\n"})
    result = hooklint(repo, f"--config-from={rev}", "a.md")
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.startswith("hooklint: error: ")


def test_outside_a_repository_is_a_usage_error(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": "x\n"})
    result = hooklint(tmp_path, "--config-from", "main", "a.md")
    assert result.returncode == 2
    assert "not a git repository" in result.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ignore = [\n", "cannot read configuration .hooklint.toml at main: "),
        ('ignore = "HL1"\n', ".hooklint.toml at main: ignore must be a list of strings"),
        ('ignore = ["XX9"]\n', ".hooklint.toml at main: argument --ignore: unknown rule code"),
        ("colour = 1\n", ".hooklint.toml at main: unknown option 'colour'"),
        ("ignore = ['\udcff']\n", ""),  # bytes that are not UTF-8, written below
    ],
    ids=["toml", "type", "code", "key", "not-utf8"],
)
def test_a_configuration_at_rev_that_is_not_valid(repo: Path, text: str, message: str) -> None:
    if "\udcff" in text:
        (repo / ".hooklint.toml").write_bytes(b"ignore = ['\xff']\n")
        message = "cannot read configuration .hooklint.toml at main: "
    else:
        write(repo, {".hooklint.toml": text})
    commit(repo, {"a.md": "x\n"})
    write(repo, {".hooklint.toml": "ignore = []\n"})  # the work tree's is fine
    result = hooklint(repo, "--config-from", "main", "a.md")
    assert result.returncode == 2
    assert result.stderr.startswith(f"hooklint: error: {message}"), result.stderr


@pytest.mark.parametrize(
    ("text", "status"),
    [("tool = 1\n", 2), ("[tool]\nhooklint = 3\n", 2), ("project = 1\n[tool.hooklint]\n", 0)],
    ids=["tool-not-table", "hooklint-not-table", "project-not-table"],
)
def test_a_pyproject_of_the_wrong_shape_is_a_clear_error(
    repo: Path, text: str, status: int
) -> None:
    write(repo, {"pyproject.toml": text + "# [tool.hooklint\n", "a.md": "x\n"})
    result = hooklint(repo, "a.md")
    assert result.returncode == status
    if status:
        assert result.stderr.startswith("hooklint: error: ")
        assert "pyproject.toml [tool.hooklint]: " in result.stderr
        assert result.stderr.endswith(": expected a table of options\n")
    commit(repo, {})
    write(repo, {"pyproject.toml": "[tool.hooklint]\n"})
    assert hooklint(repo, "--config-from", "main", "a.md").returncode == status
