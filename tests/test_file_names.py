"""Tests for file names checked as text (:mod:`hooklint.names`), and through the real program.

Every positive stands beside a near miss: a name with real accents, Russian, Greek or Chinese
words, an emoji, must pass as the same text would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hooklint.names import check_name, name_findings
from hooklint.settings import make_settings

ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}
needs_unicode_names = pytest.mark.skipif(
    sys.platform == "darwin", reason="the file system normalises names"
)


@pytest.mark.parametrize(
    ("path", "code", "col"),
    [
        pytest.param("p\u0430yp\u0430l-login.md", "HL101", 2, id="cyrillic-in-latin-word"),
        pytest.param("invoice\u202efdp.exe.md", "HL201", 8, id="bidi-override"),
        pytest.param("read\u200bme.md", "HL202", 5, id="zero-width-space"),
        pytest.param("docs/\u0441\u0430\u0440.md", "HL103", 6, id="all-lookalike-word"),
        pytest.param("\u210cello.md", "HL102", 1, id="black-letter-in-ascii-word"),
        pytest.param("a\x1bb.md", "HL204", 2, id="escape"),
        pytest.param("two\nlines.md", "HL204", 4, id="line-break"),
        pytest.param("tag\U000e0041.md", "HL203", 4, id="tag-character"),
        pytest.param("docs/p\u0430yp\u0430l/index.md", "HL101", 7, id="directory-component"),
        pytest.param("docs/ru/cоздание.md", "HL101", 9, id="latin-in-cyrillic-word"),
        # Two findings in one name: the bidi control is the one reported.
        pytest.param("p\u0430y\u202e.md", "HL201", 4, id="most-serious-first"),
    ],
)
def test_suspicious_name(path: str, code: str, col: int) -> None:
    settings, _ = make_settings(["--no-config"])
    found = check_name(path, settings)
    assert found is not None
    assert (found.line, found.col, found.code) == (1, 1, code)
    assert found.message.startswith(f"in the file name, character {col} of the path: ")
    assert found.path == path


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("README.md", id="ascii"),
        pytest.param("docs/caf\u00e9/r\u00e9sum\u00e9 na\u00efve.md", id="accents"),
        pytest.param("docs/руководство/установка.md", id="russian-words"),
        pytest.param("Ελληνικά/οδηγός.md", id="greek-words"),
        pytest.param("\u6587\u6863/\u8bf4\u660e.md", id="chinese"),
        pytest.param("M\u00fcller\u2013L\u00fcdenscheidt.md", id="en-dash"),
        pytest.param("notes \U0001f44d\U0001f3fd.md", id="emoji-with-skin-tone"),
        pytest.param("\u0631\u0627\u0647\u0646\u0645\u0627.md", id="persian"),
        pytest.param("tab\there.md", id="tab"),
        pytest.param("docs/tr/kılavuz-İstanbul-şubesi.md", id="turkish"),
        pytest.param("docs/vi/hướng-dẫn.md", id="vietnamese"),
        pytest.param("docs/uk/довідка.md", id="ukrainian"),
        pytest.param("ドキュメント/はじめに.md", id="japanese"),
        pytest.param("docs/he/מבוא.md", id="hebrew-letters-no-controls"),
        pytest.param("family_\U0001f468\u200d\U0001f469\u200d\U0001f467.md", id="emoji-zwj"),
        pytest.param("docs/fa/راهنمای\u200cکاربر.md", id="persian-zwnj"),
    ],
)
def test_ordinary_name_passes(path: str) -> None:
    settings, _ = make_settings(["--no-config"])
    assert check_name(path, settings) is None
    assert [f for f in name_findings(path) if f.code != "HL204"] == []


def test_more_findings_in_one_name_are_counted_not_repeated() -> None:
    settings, _ = make_settings(["--no-config"])
    found = check_name("p\u0430yp\u0430l.md", settings)
    assert found is not None
    assert found.message.endswith("(and 1 more finding(s) in the name)")


def test_undecodable_byte_in_a_name_is_no_crash() -> None:
    # os.fsdecode(b"a\xffb.md"): a lone surrogate; beside it, a real lookalike still counts.
    settings, _ = make_settings(["--no-config"])
    assert check_name("a\udcffb.md", settings) is None
    found = check_name("p\u0430yp\u0430l\udcff.md", settings)
    assert found is not None and found.code == "HL101"


@pytest.mark.parametrize(
    ("args", "reported"),
    [
        pytest.param([], True, id="default"),
        pytest.param(["--select", "HL201"], False, id="select-other-code"),
        pytest.param(["--select", "HL101"], True, id="select-its-code"),
        pytest.param(["--ignore", "HL1"], False, id="ignore-its-prefix"),
        pytest.param(["--allowed-characters", "Cyrillic"], False, id="allowed-script"),
        pytest.param(["--allowed-characters", "U+0431"], True, id="other-allowed-character"),
        pytest.param(["--per-file-ignores", "*login.md:HL101"], False, id="per-file-ignore"),
        pytest.param(["--per-file-ignores", "*.txt:HL101"], True, id="per-file-ignore-other"),
    ],
)
def test_name_follows_the_selection(args: list[str], reported: bool) -> None:
    settings, _ = make_settings(["--no-config", *args])
    assert (check_name("p\u0430yp\u0430l-login.md", settings) is not None) is reported


# ------------------------------------------------------------------ through the real program


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hooklint", "--no-config", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )


@needs_unicode_names
def test_walked_directory_reports_each_bad_name_once(tmp_path: Path) -> None:
    (tmp_path / "p\u0430yp\u0430l-login.md").write_text("Plain text.\n", encoding="utf-8")
    (tmp_path / "invoice\u202efdp.exe.md").write_text("Ank\u0430ra\n", encoding="utf-8")
    (tmp_path / "read\u200bme.bin").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "caf\u00e9 \u0440\u0443\u0441\u0441\u043a\u0438\u0439.md").write_text(
        "Fine.\n", encoding="utf-8"
    )
    (tmp_path / "dir\u200b").mkdir()
    (tmp_path / "dir\u200b" / "inner.md").write_text("Fine.\n", encoding="utf-8")
    done = run(tmp_path, ".")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    name_lines = [line for line in lines if "in the file name" in line]
    assert [line.split(": ")[0].rsplit(":", 2)[0] for line in name_lines] == [
        "dirU+200B/inner.md",
        "invoiceU+202Efdp.exe.md",
        "p\u0430yp\u0430l-login.md",
        "readU+200Bme.bin",
    ]
    assert all(":1:1: " in line for line in name_lines)
    # The file with a bad name and a lookalike in its text: both, each once.
    assert sum("invoiceU+202Efdp.exe.md:" in line for line in lines) == 2
    assert not any("caf" in line for line in lines)
    assert "\u202e" not in done.stdout and "\u200b" not in done.stdout


@needs_unicode_names
def test_unreadable_file_still_has_its_name_checked(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs a FIFO")
    os.mkfifo(tmp_path / "pipe\u202e.md")
    done = run(tmp_path, "pipe\u202e.md")
    codes = sorted(line.split(" ")[1] for line in done.stdout.splitlines())
    assert codes == ["HL001", "HL201"]


@needs_unicode_names
def test_json_and_sarif_carry_the_real_name(tmp_path: Path) -> None:
    name = "read\u200bme.md"
    (tmp_path / name).write_text("Fine.\n", encoding="utf-8")
    (finding,) = json.loads(run(tmp_path, "--format", "json", name).stdout)
    assert (finding["path"], finding["line"], finding["col"], finding["code"]) == (
        name,
        1,
        1,
        "HL202",
    )
    (run_,) = json.loads(run(tmp_path, "--format", "sarif", name).stdout)["runs"]
    (result,) = run_["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "read%E2%80%8Bme.md"


@pytest.mark.skipif(sys.platform != "linux", reason="needs byte file names")
def test_undecodable_file_name_through_the_program(tmp_path: Path) -> None:
    with open(os.path.join(os.fsencode(tmp_path), b"a\xffb.md"), "wb") as f:
        f.write("Ank\u0430ra\n".encode())
    done = run(tmp_path, "--format", "sarif", ".")
    (run_,) = json.loads(done.stdout)["runs"]
    (result,) = run_["results"]
    assert result["ruleId"] == "HL101"  # the text; the name itself is no finding
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "a%FFb.md"


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@needs_unicode_names
def test_staged_names_are_checked(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "core.quotepath", "false")
    (tmp_path / "invoice\u202efdp.exe.md").write_text("Fine.\n", encoding="utf-8")
    (tmp_path / "r\u00e9sum\u00e9.md").write_text("Fine.\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    done = run(tmp_path, "--staged")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "invoiceU+202Efdp.exe.md:1:1: HL201 in the file name, character 8 of the path: "
        "U+202E RIGHT-TO-LEFT OVERRIDE bidirectional control is never closed on this line, "
        "so the rest of the line is displayed reordered"
    ]
    # The near miss: only the accented name staged.
    git(tmp_path, "rm", "-q", "--cached", "invoice\u202efdp.exe.md")
    assert run(tmp_path, "--staged").stdout == ""


@needs_unicode_names
def test_diff_reports_a_name_a_pure_rename_brings(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "t@example.org")
    git(tmp_path, "config", "user.name", "t")
    (tmp_path / "login.md").write_text("Old text with Ank\u0430ra.\n", encoding="utf-8")
    (tmp_path / "other.md").write_text("Fine.\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "start")
    # A rename changes no line of the file, yet brings a hostile name.
    git(tmp_path, "mv", "login.md", "p\u0430yp\u0430l-login.md")
    git(tmp_path, "mv", "other.md", "renamed.md")  # the near miss: a plain new name
    done = run(tmp_path, "--diff", "HEAD", ".")
    assert done.returncode == 1
    codes = [line.split(" ")[0] + " " + line.split(" ")[1] for line in done.stdout.splitlines()]
    assert codes == ["p\u0430yp\u0430l-login.md:1:1: HL101"]
