"""Tests for hooklint.git, each in a fresh repository (or plain directory) under tmp_path.

The fixture repositories are made by the real git, and the functions under test run it too.
"""

from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import hooklint
from hooklint.git import ALL_LINES, GitError, changed_lines, list_files, staged_files

LOOKALIKE = "pаypal.com\n".encode()  # with a Cyrillic а
CLEAN = b"paypal.com\n"
FIVE = b"one\ntwo\nthree\nfour\nfive\n"

# File names git has to quote or that a shell or a pathspec would take apart.
STRANGE_NAMES = [
    pytest.param("a b\nc é.md", id="space-newline-non-ascii"),
    pytest.param('tab\t"quote"\\back.md', id="tab-quote-backslash"),
    pytest.param("*.md", id="glob"),
    pytest.param("dir ü/x y.md", id="subdirectory"),
]


@pytest.fixture(autouse=True)
def _isolated_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Neither the machine's git configuration nor a repository around tmp_path may leak in."""
    config = tmp_path / "gitconfig"
    config.write_bytes(b"")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
        monkeypatch.delenv(name, raising=False)


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)
    return done.stdout.decode()


def write(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def init(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q")
    git(root, "config", "user.name", "Test")
    git(root, "config", "user.email", "test@example.com")
    git(root, "config", "commit.gpgsign", "false")
    return root


def commit(repo: Path, files: dict[str, bytes]) -> None:
    write(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "fixture")


def index_modes(repo: Path) -> dict[str, str]:
    entries = git(repo, "ls-files", "-s", "-z").split("\0")
    return {entry.split("\t")[1]: entry.split(" ")[0] for entry in entries if entry}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return init(tmp_path / "repo")


# --- staged_files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("staged", "working"),
    [
        pytest.param(LOOKALIKE, CLEAN, id="bad-staged-then-fixed-in-tree"),
        pytest.param(CLEAN, LOOKALIKE, id="clean-staged-then-broken-in-tree"),
    ],
)
def test_staged_reads_the_index_not_the_working_tree(
    repo: Path, staged: bytes, working: bytes
) -> None:
    commit(repo, {"a.md": b"start\n"})
    write(repo, {"a.md": staged})
    git(repo, "add", "a.md")
    write(repo, {"a.md": working})
    assert staged_files(str(repo)) == [("a.md", staged)]


def test_staged_leaves_out_changes_that_are_not_staged(repo: Path) -> None:
    commit(repo, {"a.md": CLEAN})
    write(repo, {"a.md": LOOKALIKE, "new.md": LOOKALIKE})
    assert staged_files(str(repo)) == []


def test_staged_lists_added_and_modified_files_not_deleted_ones(repo: Path) -> None:
    commit(repo, {"gone.md": CLEAN, "kept.md": CLEAN, "edited.md": CLEAN})
    git(repo, "rm", "-q", "gone.md")
    write(repo, {"edited.md": LOOKALIKE, "added.md": b"new\n"})
    git(repo, "add", "edited.md", "added.md")
    assert staged_files(str(repo)) == [("added.md", b"new\n"), ("edited.md", LOOKALIKE)]


def test_staged_rename_is_listed_by_its_new_path(repo: Path) -> None:
    commit(repo, {"old.md": LOOKALIKE})
    git(repo, "mv", "old.md", "new.md")
    assert staged_files(str(repo)) == [("new.md", LOOKALIKE)]


@pytest.mark.parametrize("name", STRANGE_NAMES)
def test_staged_file_names_git_would_quote(repo: Path, name: str) -> None:
    write(repo, {name: LOOKALIKE})
    git(repo, "add", "-A")
    assert staged_files(str(repo)) == [(name, LOOKALIKE)]


def test_staged_paths_are_relative_to_cwd(repo: Path) -> None:
    write(repo, {"top.md": CLEAN, "sub/x.md": LOOKALIKE})
    git(repo, "add", "-A")
    assert staged_files(str(repo / "sub")) == [("x.md", LOOKALIKE), ("../top.md", CLEAN)]


def test_staged_binary_file_is_returned_as_its_bytes(repo: Path) -> None:
    data = bytes(range(256)) * 3
    write(repo, {"image.bin": data})
    git(repo, "add", "image.bin")
    assert staged_files(str(repo)) == [("image.bin", data)]


def test_staged_leaves_out_symlinks_and_submodules(repo: Path) -> None:
    write(repo, {"target.md": CLEAN})
    os.symlink("target.md", repo / "link.md")
    inner = init(repo / "inner")
    commit(inner, {"x.md": LOOKALIKE})
    git(repo, "add", "-A")  # adds the embedded repository as a gitlink (with a hint)
    assert index_modes(repo) == {"inner": "160000", "link.md": "120000", "target.md": "100644"}
    assert staged_files(str(repo)) == [("target.md", CLEAN)]


@pytest.mark.parametrize(
    ("count", "cat_files", "gits"),
    [pytest.param(0, 0, 2, id="nothing-staged"), pytest.param(6, 1, 3, id="six-files")],
)
def test_staged_reads_every_blob_through_one_cat_file(
    repo: Path, monkeypatch: pytest.MonkeyPatch, count: int, cat_files: int, gits: int
) -> None:
    commit(repo, {"base.md": CLEAN})
    write(repo, {f"f{n}.md": b"%d\n" % n for n in range(count)})
    git(repo, "add", "-A")
    commands: list[list[str]] = []
    real_popen = subprocess.Popen

    def counting_popen(args: list[str], *rest: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        commands.append(list(args))
        return real_popen(args, *rest, **kwargs)

    # subprocess.run starts its process through subprocess.Popen, so this sees both.
    monkeypatch.setattr(subprocess, "Popen", counting_popen)
    found = staged_files(str(repo))
    assert found == [(f"f{n}.md", b"%d\n" % n) for n in range(count)]
    assert sum("cat-file" in command for command in commands) == cat_files
    assert len(commands) == gits


@pytest.mark.parametrize(
    ("commit_args", "expected"),
    [
        pytest.param((), [("b.md", CLEAN)], id="commit"),
        pytest.param(("-a",), [("a.md", LOOKALIKE), ("b.md", CLEAN)], id="commit-a"),
    ],
)
def test_staged_in_a_hook_reads_the_index_being_committed(
    repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    commit_args: tuple[str, ...],
    expected: list[tuple[str, bytes]],
) -> None:
    """``git commit -a`` stages into a temporary index and names it in GIT_INDEX_FILE."""
    commit(repo, {"a.md": CLEAN})
    seen = tmp_path / "seen.txt"
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text(
        f"#!{sys.executable}\n"
        "from hooklint.git import staged_files\n"
        f"open({str(seen)!r}, 'w').write(repr(staged_files()))\n"
    )
    hook.chmod(0o755)
    monkeypatch.setenv("PYTHONPATH", str(Path(hooklint.__file__).parents[1]))
    write(repo, {"a.md": LOOKALIKE, "b.md": CLEAN})
    git(repo, "add", "b.md")
    git(repo, "commit", "-q", "-m", "edit", *commit_args)
    assert seen.read_text() == repr(expected)


# --- errors ---------------------------------------------------------------------------------


def test_staged_outside_a_repository(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(GitError) as caught:
        staged_files(str(plain))
    assert str(caught.value) == f"not a git repository: {plain}"


def test_git_is_not_installed(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(GitError) as caught:
        staged_files(str(repo))
    assert str(caught.value) == "git is not installed (there is no git command on PATH)"


@pytest.mark.parametrize(
    ("rev", "message"),
    [
        pytest.param("no-such-rev", "git diff failed: bad revision 'no-such-rev'", id="unknown"),
        pytest.param("--output=x", "not a revision: '--output=x'", id="option"),
        pytest.param("", "not a revision: ''", id="empty"),
    ],
)
def test_changed_lines_bad_revision(repo: Path, rev: str, message: str) -> None:
    commit(repo, {"f.txt": FIVE})
    with pytest.raises(GitError) as caught:
        changed_lines(rev, cwd=str(repo))
    assert str(caught.value) == message
    assert caught.value.__cause__ is None
    assert not (repo / "x").exists()


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(GitError) as caught:
        staged_files(str(tmp_path / "nowhere"))
    assert str(caught.value) == f"not a directory: {tmp_path / 'nowhere'}"


# --- changed_lines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        pytest.param(FIVE, FIVE, set(), id="unchanged"),
        pytest.param(FIVE, FIVE.replace(b"three", b"THREE"), {3}, id="modified"),
        pytest.param(FIVE, FIVE + b"six\n", {6}, id="added-at-end"),
        pytest.param(FIVE, b"zero\n" + FIVE, {1}, id="added-at-start"),
        pytest.param(FIVE, FIVE.replace(b"two\n", b""), set(), id="deleted"),
        pytest.param(
            FIVE, FIVE.replace(b"two\n", b"").replace(b"four", b"FOUR"), {3}, id="deleted-modified"
        ),
        pytest.param(FIVE, FIVE.replace(b"two\nthree", b"2\n2.5\n3"), {2, 3, 4}, id="grown"),
        pytest.param(b"a\nb", b"a\nb\nc", {2, 3}, id="no-newline-at-end"),
        pytest.param(b"x\n-- a\n", b"x\n++ b\n", {2}, id="lines-like-headers"),
    ],
)
def test_changed_lines_of_an_edited_file(
    repo: Path, before: bytes, after: bytes, expected: set[int]
) -> None:
    commit(repo, {"f.txt": before, "other.txt": FIVE})
    write(repo, {"f.txt": after})
    by_path = {"f.txt": expected} if expected else {}
    assert changed_lines("HEAD", cwd=str(repo)) == by_path
    assert changed_lines("HEAD", ["f.txt", "other.txt"], cwd=str(repo)) == by_path


def test_changed_lines_since_an_older_revision(repo: Path) -> None:
    commit(repo, {"f.txt": FIVE})
    commit(repo, {"f.txt": FIVE + b"six\n", "later.txt": b"new\n"})
    write(repo, {"f.txt": b"ONE\n" + FIVE[4:] + b"six\n"})
    assert changed_lines("HEAD~1", cwd=str(repo)) == {"f.txt": {1, 6}, "later.txt": ALL_LINES}


def test_changed_lines_new_and_untracked_files(repo: Path) -> None:
    commit(repo, {"f.txt": FIVE, ".gitignore": b"*.log\n"})
    write(repo, {"added.txt": b"a\n", "untracked.txt": b"u\n", "ignored.log": b"i\n"})
    git(repo, "add", "added.txt")
    assert changed_lines("HEAD", cwd=str(repo)) == {"added.txt": ALL_LINES}
    named = ["added.txt", "untracked.txt", "ignored.log", "f.txt", "missing.txt"]
    found = changed_lines("HEAD", named, cwd=str(repo))
    assert found == dict.fromkeys(["added.txt", "untracked.txt", "ignored.log"], ALL_LINES)
    assert all(lines is ALL_LINES for lines in found.values())


@pytest.mark.parametrize("paths", [None, ["g.txt"]], ids=["whole-tree", "named"])
def test_changed_lines_follow_a_rename(repo: Path, paths: list[str] | None) -> None:
    commit(repo, {"f.txt": FIVE})
    git(repo, "mv", "f.txt", "g.txt")
    write(repo, {"g.txt": FIVE.replace(b"two", b"TWO")})
    assert changed_lines("HEAD", paths, cwd=str(repo)) == {"g.txt": {2}}


def test_changed_lines_leave_out_binary_files(repo: Path) -> None:
    commit(repo, {"blob.bin": b"\0\1\2\n", "f.txt": FIVE})
    write(repo, {"blob.bin": b"\0\1\3\nmore\n", "new.bin": b"\0new\n", "f.txt": FIVE + b"6\n"})
    git(repo, "add", "new.bin")
    assert changed_lines("HEAD", cwd=str(repo)) == {"f.txt": {6}}


@pytest.mark.parametrize("name", STRANGE_NAMES)
def test_changed_lines_file_names_git_would_quote(repo: Path, name: str) -> None:
    commit(repo, {name: FIVE})
    write(repo, {name: FIVE + b"six\n", name + ".new": b"new\n"})
    assert changed_lines("HEAD", cwd=str(repo)) == {name: {6}}
    named = changed_lines("HEAD", [name, name + ".new"], cwd=str(repo))
    assert named == {name: {6}, name + ".new": ALL_LINES}


def test_changed_lines_keys_are_relative_to_cwd(repo: Path) -> None:
    commit(repo, {"top.txt": FIVE, "sub/x.txt": FIVE})
    write(repo, {"top.txt": FIVE + b"six\n", "sub/x.txt": FIVE + b"six\n"})
    sub = str(repo / "sub")
    assert changed_lines("HEAD", cwd=sub) == {"../top.txt": {6}, "x.txt": {6}}
    named = changed_lines("HEAD", ["./x.txt", "../top.txt"], cwd=sub)
    assert named == {"./x.txt": {6}, "../top.txt": {6}}


def test_changed_lines_named_directory(repo: Path) -> None:
    commit(repo, {"sub/a.txt": FIVE, "sub/b.txt": FIVE, "top.txt": FIVE, ".gitignore": b"*.log\n"})
    write(
        repo,
        {
            "sub/a.txt": FIVE + b"six\n",
            "top.txt": FIVE + b"six\n",
            "sub/new.txt": b"new\n",
            "sub/skip.log": b"ignored\n",
        },
    )
    found = changed_lines("HEAD", ["sub"], cwd=str(repo))
    assert found == {"sub/a.txt": {6}, "sub/new.txt": ALL_LINES}


def _mutate_add(lines: set[int]) -> None:
    lines.add(1)


def _mutate_update(lines: set[int]) -> None:
    lines.update({1})


def _mutate_in_place(lines: set[int]) -> None:
    lines |= {1}


def _mutate_discard(lines: set[int]) -> None:
    lines.discard(1)


def _mutate_clear(lines: set[int]) -> None:
    lines.clear()


@pytest.mark.parametrize(
    "mutate",
    [_mutate_add, _mutate_update, _mutate_in_place, _mutate_discard, _mutate_clear],
    ids=["add", "update", "in-place-or", "discard", "clear"],
)
def test_all_lines_cannot_be_changed(mutate: Callable[[set[int]], None]) -> None:
    with pytest.raises(TypeError, match="ALL_LINES cannot be changed"):
        mutate(ALL_LINES)
    assert 7 in ALL_LINES


def test_all_lines_holds_every_line_and_stays_itself() -> None:
    assert 1 in ALL_LINES
    assert 10**9 in ALL_LINES
    assert ALL_LINES
    assert set() != ALL_LINES  # set's own comparison would call two empty sets equal
    assert ALL_LINES == ALL_LINES
    assert repr(ALL_LINES) == "ALL_LINES"
    assert copy.copy(ALL_LINES) is ALL_LINES
    assert pickle.loads(pickle.dumps(ALL_LINES)) is ALL_LINES


# --- list_files -----------------------------------------------------------------------------


def test_list_files_in_a_repository(repo: Path) -> None:
    commit(
        repo,
        {
            ".gitignore": b"*.log\nbuild/\n",
            ".github/ci.yml": b"",
            "a.txt": b"",
            "sub/b.txt": b"",
            "gone.txt": b"",
        },
    )
    os.symlink("a.txt", repo / "tracked-link.txt")
    git(repo, "add", "tracked-link.txt")
    (repo / "gone.txt").unlink()  # deleted, still in the index
    write(
        repo,
        {
            "untracked.txt": b"",
            "node_modules/x.js": b"",  # not ignored here, so git lists it
            "debug.log": b"",
            "build/out.txt": b"",
        },
    )
    commit(init(repo / "inner"), {"x.txt": b""})  # a nested repository is not ours to list
    assert list_files(["."], cwd=str(repo)) == [
        ".github/ci.yml",
        ".gitignore",
        "a.txt",
        "node_modules/x.js",
        "sub/b.txt",
        "untracked.txt",
    ]


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        pytest.param("sub", ["sub/b.txt", "sub/deeper/c.txt"], id="relative"),
        pytest.param("./sub/", ["sub/b.txt", "sub/deeper/c.txt"], id="dotted"),
        pytest.param("sub/deeper", ["sub/deeper/c.txt"], id="deeper"),
    ],
)
def test_list_files_spells_paths_under_the_argument(
    repo: Path, arg: str, expected: list[str]
) -> None:
    commit(repo, {"a.txt": b"", "sub/b.txt": b"", "sub/deeper/c.txt": b""})
    assert list_files([arg], cwd=str(repo)) == expected


def test_list_files_absolute_directory(repo: Path) -> None:
    commit(repo, {"a.txt": b"", "sub/b.txt": b""})
    assert list_files([str(repo / "sub")]) == [str(repo / "sub" / "b.txt")]


def test_list_files_order_and_duplicates(repo: Path) -> None:
    commit(repo, {"a.txt": b"", "sub/c.txt": b"", "sub/b.txt": b"", "z.txt": b""})
    args = ["z.txt", "sub", "a.txt", "./sub/b.txt", "missing.txt", "z.txt"]
    expected = ["z.txt", "sub/b.txt", "sub/c.txt", "a.txt", "missing.txt"]
    assert list_files(args, cwd=str(repo)) == expected


def _plain_directory(root: Path) -> Path:
    write(
        root,
        {
            "b.txt": b"",
            "a/c.md": b"",
            ".editorconfig": b"",
            ".venv/lib.py": b"",
            ".tox/log.txt": b"",
            "a/.cache/x.txt": b"",
            "node_modules/x.js": b"",
            "__pycache__/m.pyc": b"",
        },
    )
    os.symlink("b.txt", root / "link.txt")
    return root


PLAIN_FILES = ["plain/.editorconfig", "plain/a/c.md", "plain/b.txt", "plain/missing.txt"]


def test_list_files_outside_a_repository(tmp_path: Path) -> None:
    _plain_directory(tmp_path / "plain")
    assert list_files(["plain", "plain/missing.txt"], cwd=str(tmp_path)) == PLAIN_FILES


def test_list_files_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _plain_directory(tmp_path / "plain")
    commit(init(tmp_path / "repo"), {"a.txt": b""})
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert list_files(["plain", "plain/missing.txt"], cwd=str(tmp_path)) == PLAIN_FILES
    with pytest.raises(GitError) as caught:
        list_files(["repo"], cwd=str(tmp_path))
    assert str(caught.value) == (
        "git is not installed (there is no git command on PATH);"
        " it is needed to list the files of the repository"
    )


def test_changed_lines_count_text_git_calls_binary_as_new(repo: Path) -> None:
    commit(repo, {"u.txt": "one\n".encode("utf-16"), "blob.bin": b"\0\1\2\n", "gone.txt": b"\0"})
    write(repo, {"u.txt": "one\ntwo\n".encode("utf-16"), "blob.bin": b"\0\1\3\n"})
    git(repo, "mv", "u.txt", "renamed.txt")
    (repo / "gone.txt").unlink()
    assert changed_lines("HEAD", cwd=str(repo)) == {"renamed.txt": ALL_LINES}
