"""No file name can act as an option: the pre-commit hook, ``--staged`` and directory walks.

pre-commit runs ``entry + args + filenames`` with no ``--``. A contributor who stages a file
named ``--exit-zero`` (or any other option) must not change what the hook does. The option
names are derived from the argument parser, so a new option is covered at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from precommit_support import (
    HookRepo,
    git,
    hook_repo,
    hooklint,
    pre_commit,
    run,
    work_repo,
)

from hooklint.hook import (
    DROP_SAFE,
    REFUSED,
    HookUsageError,
    check_options,
    hook_options,
    split_words,
)

TROJAN = 'access = "user\u202e \u2066# admin\u2069 \u2066"\n'  # Trojan Source
HIDDEN = "a hidden\u200bspace\n"  # HL202 in every option-named file, so each must be reported
CLEAN = "Кафе «Łódź», café, 21 °C.\n"
# The names the issue shows switching the hook off, each tried alone through a real git commit.
FROM_THE_ISSUE = ["--exit-zero", "--version", "--ignore=HL", "--exclude=*", "--select=HL9",
                  "--explain=HL101", "--write-baseline=x", "-q"]  # fmt: skip

# A value that would do harm if the name were read as that option.
_VALUES = {
    "--select": "HL9",
    "--extend-select": "HL106",
    "--ignore": "HL",
    "--per-file-ignores": "*:HL",
    "--exclude": "*",
    "--allowed-characters": "U+0000-U+10FFFF",
    "--format": "json",
    "--explain": "HL101",
    "--write-baseline": "x",
    "--baseline": "x",
    "--jobs": "1",
    "--config": "x.toml",
    "--diff": "HEAD",
}


def hostile_names() -> list[str]:
    """A file name for every option the hook knows: each spelling alone, and with a value."""
    names: list[str] = []
    for spelling, takes_value in hook_options().items():
        names.append(spelling)
        if spelling.startswith("--"):
            names.append(f"{spelling}={_VALUES.get(spelling, 'x')}")
        elif takes_value:
            names.append(f"{spelling}1")  # -j1
        else:
            names.append(spelling + spelling[1])  # -qq
    return [*names, "--", "-"]


def test_the_names_cover_every_option_of_the_parser() -> None:
    from hooklint.settings import build_parser

    names = set(hostile_names())
    for action in build_parser()._actions:
        for spelling in action.option_strings:
            assert spelling in names
    for issue_name in FROM_THE_ISSUE:
        assert issue_name in names


# -- the words pre-commit passes, told apart ------------------------------------------------------


def test_a_word_naming_an_existing_path_is_a_file() -> None:
    existing = {"--exit-zero", "notes.md"}
    options, files = split_words(
        ["--ignore=HL3", "notes.md", "--exit-zero"], exists=existing.__contains__
    )
    assert options == ["--ignore=HL3"]
    assert files == ["notes.md", "--exit-zero"]


def test_a_word_the_user_wrote_stays_an_option_beside_a_file_of_that_name() -> None:
    # The user's args hold --exit-zero, and a contributor staged a file of that name: pre-commit
    # passes the word twice. One is the file, the other the user's option.
    options, files = split_words(
        ["-q", "--exit-zero", "a.md", "--exit-zero", "-q"],
        exists={"--exit-zero", "a.md"}.__contains__,
    )
    assert options == ["-q", "--exit-zero", "-q"]
    assert files == ["a.md", "--exit-zero"]


def test_a_word_that_names_nothing_and_looks_like_no_option_is_a_file() -> None:
    options, files = split_words(["--fix", "gone.md", "-"], exists=lambda word: False)
    assert (options, files) == (["--fix"], ["gone.md", "-"])


@pytest.mark.parametrize(
    ("word", "says"),
    [
        ("--ignore", "--ignore needs its value in the same word"),
        ("-j", "-j needs its value in the same word"),
        ("--exit", "unknown option '--exit'"),  # an abbreviation argparse would accept
        ("--exit-zero=1", "--exit-zero takes no value"),
        ("-q1", "-q takes no value"),
        *((name, f"{name} cannot be used in the hook") for name in sorted(REFUSED)),
    ],
)
def test_options_the_hook_cannot_take_fail_closed(word: str, says: str) -> None:
    with pytest.raises(HookUsageError, match=says.replace("(", r"\(")):
        check_options([word], hook_options())


WHOLE = [["--ignore=HL3"], ["-qq"], ["-j2"], ["--exit-zero", "--fix"], ["--no-config"],
         ["--extend-select=HL106"], ["--commit-msg"]]  # fmt: skip


@pytest.mark.parametrize("words", WHOLE)
def test_whole_options_are_taken(words: list[str]) -> None:
    check_options(words, hook_options())


# -- the hook program itself, one hostile name at a time (cheap: no pre-commit) -----------------


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("hostile")
    (where / "trojan.py").write_text(TROJAN, encoding="utf-8")
    for name in hostile_names():
        (where / name).write_text(HIDDEN, encoding="utf-8")
    return where


def _hook(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hooklint.hook", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONUTF8": "1"},
        check=False,
    )


def _outcome(cwd: Path, name: str) -> str:
    """How the hook takes a staged file ``name`` beside trojan.py: "file" (both are checked and
    reported, exit 1) or "stops" (exit 2, naming the file: it may be the user's option)."""
    result = _hook(cwd, "trojan.py", name)
    if result.returncode == 2:
        assert result.stdout == ""
        assert f"the file {name!r} is named like the option" in result.stderr, result.stderr
        return "stops"
    assert result.returncode == 1, result.stdout + result.stderr
    shown = "./-" if name == "-" else name
    assert f"{shown}:1:9: HL202 U+200B ZERO WIDTH SPACE" in result.stdout, result.stdout
    assert "trojan.py:1:15: HL201 U+202E RIGHT-TO-LEFT OVERRIDE" in result.stdout
    assert result.stderr == ""
    return "file"


# Names the hook must stop at: each spells in full an option whose loss would weaken the hook.
STOPS = ["--extend-select=HL106", "--config=x.toml", "--no-config", "--deny-list=x",
         "--commit-msg"]  # fmt: skip


@pytest.mark.parametrize("name", hostile_names())
def test_no_option_named_file_acts_as_an_option(hostile_dir: Path, name: str) -> None:
    outcome = _outcome(hostile_dir, name)
    if name in FROM_THE_ISSUE or name in ("--", "-"):
        assert outcome == "file"
    if name in STOPS:
        assert outcome == "stops"
    if outcome == "stops":  # only for an option whose loss could make the hook report less
        from hooklint.settings import build_parser

        action = build_parser()._option_string_actions.get(name.partition("=")[0])
        assert action is None or action.dest not in DROP_SAFE


def hostile_files() -> list[str]:
    """The hostile names the hook checks as files (the others stop it)."""
    return [name for name in hostile_names() if name not in STOPS]


def test_a_users_option_beside_an_unpassed_file_of_its_name(tmp_path: Path) -> None:
    # The file lies in the tree but pre-commit does not pass it (it did not change): the one
    # word may be the user's option. A drop-safe option is dropped (the hook reports more)...
    (tmp_path / "trojan.py").write_text(TROJAN, encoding="utf-8")
    (tmp_path / "--exit-zero").write_text("x\n", encoding="utf-8")
    assert _hook(tmp_path, "--exit-zero", "trojan.py").returncode == 1
    # ... any other stops the hook, so that it never reports less than the user asked for.
    (tmp_path / "--extend-select=HL106").write_text("x\n", encoding="utf-8")
    stopped = _hook(tmp_path, "--extend-select=HL106", "trojan.py")
    assert stopped.returncode == 2
    assert "the file '--extend-select=HL106' is named like the option" in stopped.stderr
    # Near miss: passed as a file too, the word occurs twice: option and file, both honoured.
    both = _hook(tmp_path, "--extend-select=HL106", "trojan.py", "--extend-select=HL106")
    assert both.returncode == 1 and both.stderr == ""


# -- through real pre-commit and a real git commit -----------------------------------------------


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> HookRepo:
    return hook_repo(tmp_path_factory)


def _stage(work: Path, env: dict[str, str], files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        target = work / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    git(work, env, "add", "--", *files)


def _committed(work: Path, env: dict[str, str]) -> bool:
    return run(work, env, "git", "rev-parse", "--verify", "-q", "HEAD").returncode == 0


def test_git_commit_with_a_file_for_every_option_is_refused(tmp_path: Path, repo: HookRepo) -> None:
    work = work_repo(tmp_path / "w", repo, ["hooklint"], hook_types=("pre-commit",))
    names = hostile_files()
    _stage(work, repo.env, {"trojan.py": TROJAN, **dict.fromkeys(names, HIDDEN)})
    refused = run(work, repo.env, "git", "commit", "-m", "hostile names")
    assert refused.returncode != 0, refused.output
    assert not _committed(work, repo.env)
    # "-" on the command line is standard input; the hook reports the file "-" as "./-".
    as_files = ["./-" if name == "-" else name for name in names]
    expected = hooklint(work, "--no-config", "--", "trojan.py", *as_files).output.splitlines()
    # pre-commit spreads the files over processes: the same lines, in chunks.
    assert sorted(refused.findings) == sorted(expected)
    assert len(expected) == 4 + len(names)
    assert "error" not in refused.output


def test_git_commit_with_files_named_like_strengthening_options_is_refused(
    tmp_path: Path, repo: HookRepo
) -> None:
    work = work_repo(tmp_path / "w", repo, ["hooklint"], hook_types=("pre-commit",))
    _stage(work, repo.env, {"trojan.py": TROJAN, **dict.fromkeys(STOPS, HIDDEN)})
    refused = run(work, repo.env, "git", "commit", "-m", "hostile names")
    assert refused.returncode != 0, refused.output
    assert not _committed(work, repo.env)
    assert "is named like the option" in refused.output


def test_a_users_strengthening_option_beside_a_committed_file_of_its_name_stops_the_hook(
    tmp_path: Path, repo: HookRepo
) -> None:
    work = work_repo(
        tmp_path / "w", repo, ["hooklint"], args={"hooklint": ["--extend-select=HL106"]},
        hook_types=("pre-commit",),
    )  # fmt: skip
    _stage(work, repo.env, {"--extend-select=HL106": "x\n"})
    git(work, repo.env, "commit", "-q", "--no-verify", "-m", "merged from a contributor")
    _stage(work, repo.env, {"trojan.py": TROJAN})
    refused = run(work, repo.env, "git", "commit", "-m", "t")
    assert refused.returncode != 0, refused.output
    assert "the file '--extend-select=HL106' is named like the option" in refused.output


@pytest.mark.parametrize("name", FROM_THE_ISSUE)
def test_git_commit_with_one_option_named_file_is_refused(
    tmp_path: Path, repo: HookRepo, name: str
) -> None:
    work = work_repo(tmp_path / "w", repo, ["hooklint"], hook_types=("pre-commit",))
    _stage(work, repo.env, {"trojan.py": TROJAN, name: "x\n"})
    refused = run(work, repo.env, "git", "commit", "-m", "t")
    assert refused.returncode != 0, refused.output
    assert not _committed(work, repo.env)
    assert [line.split(":")[0] for line in refused.findings] == ["trojan.py"] * 4
    assert not (work / "x").exists()  # --write-baseline=x wrote nothing


def test_near_miss_the_same_clean_files_are_committed(tmp_path: Path, repo: HookRepo) -> None:
    work = work_repo(tmp_path / "w", repo, ["hooklint"], hook_types=("pre-commit",))
    _stage(work, repo.env, {"notes.md": CLEAN, "--exit-zero": "x\n", "-q": CLEAN})
    accepted = run(work, repo.env, "git", "commit", "-m", "clean")
    assert accepted.returncode == 0, accepted.output
    assert _committed(work, repo.env)


def test_the_users_own_args_still_work(tmp_path: Path, repo: HookRepo) -> None:
    work = work_repo(tmp_path / "w", repo, ["hooklint"], args={"hooklint": ["--ignore=HL2", "-q"]})
    _stage(work, repo.env, {"hidden.md": HIDDEN})
    assert pre_commit(work, repo.env, "run").returncode == 0  # HL202 ignored, as the user asked
    _stage(work, repo.env, {"notes.md": "Welcome to Ankаra.\n"})  # HL101 is still reported
    result = pre_commit(work, repo.env, "run")
    assert result.returncode == 1
    assert "notes.md" in result.output.splitlines()  # -q: the file name only
    assert "hidden.md" not in result.output


def test_the_users_exit_zero_holds_beside_a_file_of_that_name(
    tmp_path: Path, repo: HookRepo
) -> None:
    work = work_repo(tmp_path / "w", repo, ["hooklint"], args={"hooklint": ["--exit-zero"]})
    _stage(work, repo.env, {"trojan.py": TROJAN, "--exit-zero": HIDDEN})
    result = pre_commit(work, repo.env, "run", "--verbose")  # a passing hook's output too
    assert result.returncode == 0, result.output  # the user's choice: report, never fail
    assert {line.split(":")[0] for line in result.findings} == {"trojan.py", "--exit-zero"}


def test_a_value_in_its_own_word_fails_the_hook_with_a_clear_message(
    tmp_path: Path, repo: HookRepo
) -> None:
    work = work_repo(tmp_path / "w", repo, ["hooklint"], args={"hooklint": ["--ignore", "HL2"]})
    _stage(work, repo.env, {"notes.md": CLEAN})
    result = pre_commit(work, repo.env, "run")
    assert result.returncode == 1, result.output  # pre-commit's own status: a hook failed
    assert "- exit code: 2" in result.output  # hooklint's: a usage error
    assert "--ignore needs its value in the same word" in result.output
    assert "write --ignore=VALUE" in result.output


# -- UTF-16 and extension-less files reach the hook ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("settings.reg", lambda text: "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")),
        ("NOTES", lambda text: text.encode("utf-16-le")),  # no BOM: known by its NUL bytes
    ],
    ids=["utf16-bom-reg", "utf16-no-bom-no-extension"],
)
def test_utf16_files_reach_the_hook(
    tmp_path: Path, repo: HookRepo, name: str, encode: object
) -> None:
    assert callable(encode)
    work = work_repo(tmp_path / "w", repo, ["hooklint"], hook_types=("pre-commit",))
    poisoned = 'Windows Registry Editor\r\n"Owner"="adm\u202enimda"\r\n'
    _stage(work, repo.env, {name: encode(poisoned)})
    refused = run(work, repo.env, "git", "commit", "-m", "utf-16")
    assert refused.returncode != 0, refused.output
    assert refused.findings and all(f.startswith(f"{name}:2:") for f in refused.findings)
    assert "HL201 U+202E RIGHT-TO-LEFT OVERRIDE" in refused.findings[0]
    # Near miss: the same file without the control is committed.
    _stage(work, repo.env, {name: encode(poisoned.replace("\u202e", ""))})
    accepted = run(work, repo.env, "git", "commit", "-m", "utf-16")
    assert accepted.returncode == 0, accepted.output


def test_real_binary_files_pass_the_hook(tmp_path: Path, repo: HookRepo) -> None:
    work = work_repo(tmp_path / "w", repo, ["hooklint"])
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    _stage(work, repo.env, {"logo.png": png, "lib.so": b"\x7fELF\x02\x01\x01" + bytes(2048)})
    result = pre_commit(work, repo.env, "run")
    assert result.returncode == 0, result.output


# -- --staged and directory walks: file names come from git, never from the command line --------


def test_staged_and_walks_check_option_named_files_as_files(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONUTF8": "1", "GIT_CONFIG_NOSYSTEM": "1"}
    git(tmp_path, env, "init", "-q")
    names = ["--exit-zero", "--version", "-q", "--ignore=HL", "-"]
    for name in names:
        (tmp_path / name).write_text(HIDDEN, encoding="utf-8")
    (tmp_path / "trojan.py").write_text(TROJAN, encoding="utf-8")
    git(tmp_path, env, "add", "-A")
    for how in (["--staged"], ["."], []):
        result = hooklint(tmp_path, "--no-config", *how)
        assert result.returncode == 1, (how, result.output)
        reported = {line.split(":")[0] for line in result.findings}
        assert reported == {*names, "trojan.py"}, how
    # Near miss: a file named on the command line after "--" is a file too, and nothing else.
    result = hooklint(tmp_path, "--no-config", "--", "--exit-zero")
    assert result.returncode == 1
    assert result.findings == ["--exit-zero:1:9: HL202 U+200B ZERO WIDTH SPACE is invisible and "
                               "splits the text where no break shows"]  # fmt: skip


def test_the_fix_hook_repairs_and_fails_beside_option_named_files(
    tmp_path: Path, repo: HookRepo
) -> None:
    work = work_repo(tmp_path / "w", repo, ["hooklint-fix"])
    _stage(work, repo.env, {"notes.md": "Office in Ankаra.\n", "--exit-zero": "x\n", "-q": "y\n"})
    result = pre_commit(work, repo.env, "run")
    assert result.returncode == 1, result.output  # a file changed: stage it again
    assert (work / "notes.md").read_text(encoding="utf-8") == "Office in Ankara.\n"
    assert (work / "--exit-zero").read_text(encoding="utf-8") == "x\n"
    git(work, repo.env, "add", "notes.md")
    assert pre_commit(work, repo.env, "run").returncode == 0  # near miss: nothing left to fix


def test_the_file_hook_runs_at_pre_push_and_manual_stages(tmp_path: Path, repo: HookRepo) -> None:
    work = work_repo(tmp_path / "w", repo, ["hooklint"], hook_types=("pre-push",))
    remote = tmp_path / "remote.git"
    git(tmp_path, repo.env, "init", "-q", "--bare", str(remote))
    git(work, repo.env, "remote", "add", "origin", str(remote))
    _stage(work, repo.env, {"notes.md": CLEAN})
    git(work, repo.env, "commit", "-q", "-m", "clean")
    pushed = run(work, repo.env, "git", "push", "-q", "origin", "HEAD:main")
    assert pushed.returncode == 0, pushed.output  # near miss: a clean push
    _stage(work, repo.env, {"trojan.py": TROJAN})
    git(work, repo.env, "commit", "-q", "--no-verify", "-m", "poisoned")
    refused = run(work, repo.env, "git", "push", "-q", "origin", "HEAD:main")
    assert refused.returncode != 0, refused.output
    assert [f.split(":")[0] for f in refused.findings] == ["trojan.py"] * 4
    manual = pre_commit(work, repo.env, "run", "--hook-stage", "manual", "--all-files")
    assert manual.returncode == 1 and len(manual.findings) == 4, manual.output
