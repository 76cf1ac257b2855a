"""cli._is_directory answers as os.path.isdir does, for every kind of path name it can meet."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hooklint.cli import _is_directory


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "inner.py").write_text("x = 1\n")
    (tmp_path / "file.py").write_text("x = 1\n")
    (tmp_path / "dir.py").mkdir()  # a directory named like a file
    (tmp_path / "link-to-dir").symlink_to(tmp_path / "dir")
    (tmp_path / "link-to-file").symlink_to(tmp_path / "file.py")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    os.mkfifo(tmp_path / "fifo")
    return tmp_path


NAMES = [
    "dir", "dir/", "dir//", "dir/.", "dir/..", "dir/inner.py", "dir/inner.py/", "file.py",
    "file.py/", "file.py/x", "dir.py", "dir.py/", "link-to-dir", "link-to-dir/", "link-to-file",
    "link-to-file/", "dangling", "dangling/", "loop", "loop/", "fifo", "fifo/", "nowhere",
    "nowhere/", ".", "./dir", "x" * 5000, "dir/" + "y" * 300, "a\0b", "dir\0",
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_is_directory_answers_as_isdir(
    tree: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree)
    assert _is_directory(name) == os.path.isdir(name)
    assert _is_directory(str(tree / name)) == os.path.isdir(str(tree / name))


def test_is_directory_positive_and_near_miss(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    assert _is_directory("dir.py")  # a directory, whatever its name
    assert not _is_directory("file.py")  # a file beside it
    assert not _is_directory("")  # not the root, which "" + "/" would name


def test_a_directory_named_on_the_command_line_is_walked(
    tree: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from hooklint.cli import _sources
    from hooklint.settings import make_settings

    monkeypatch.chdir(tree)
    (tree / "dir" / "bad.py").write_text("pаssword = 1\n")  # a Cyrillic a
    settings, _ = make_settings(["--no-config", "dir", "file.py"])
    assert [path for path, _ in _sources(settings)] == [
        "dir/bad.py", "dir/inner.py", "file.py",
    ]  # fmt: skip
