"""Every format, --explain and every stderr note under any output encoding; crashes are not
findings; standard input, the default path, and -q with JSON and SARIF.

Each test runs the real ``hooklint`` console script (or ``python -m hooklint``) in a
subprocess, with ``PYTHONIOENCODING`` set as a Windows pipe, ``> out.txt`` or a C locale sets it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hooklint.docs import RULES

ENCODINGS = ["cp1252", "ascii", "latin-1"]
# A lookalike, a bidi control, Cyrillic and CJK words, and a name outside every 8-bit code page.
POISONED = "Office in Ankаra, «Москвa».\nlabel = \u202eevil 東京\nfine café\n"
NAME = "заметки-café.md"


def _hooklint() -> list[str]:
    script = shutil.which("hooklint", path=os.path.dirname(sys.executable))
    return [script] if script else [sys.executable, "-m", "hooklint"]


def hooklint(
    cwd: Path, *args: str, encoding: str = "utf-8", stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUTF8", "PYTHONIOENCODING")}
    env.update(PYTHONIOENCODING=encoding)
    return subprocess.run(
        [*_hooklint(), "--no-config", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        check=False,
    )


@pytest.fixture
def poisoned(tmp_path: Path) -> Path:
    (tmp_path / NAME).write_text(POISONED, encoding="utf-8")
    return tmp_path


FORMS = [
    [],
    ["--format", "github"],
    ["--show-source", "--statistics"],
    ["-q"],
]


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("form", FORMS, ids=lambda f: " ".join(f) or "default")
def test_reports_are_written_whole_under_any_output_encoding(
    poisoned: Path, encoding: str, form: list[str]
) -> None:
    reference = hooklint(poisoned, *form, NAME)
    assert reference.returncode == 1
    expected = reference.stdout.decode("utf-8")
    assert "Москв" in expected or form == ["-q"]  # the report has text no 8-bit page can hold
    result = hooklint(poisoned, *form, NAME, encoding=encoding)
    assert result.returncode == 1, result.stderr
    assert result.stderr == b""
    # What the encoding cannot hold is written as an escape (\u0430); the rest is unchanged.
    assert result.stdout.decode(encoding) == expected.encode(encoding, "backslashreplace").decode(
        encoding
    )
    # Near miss: the same run with --exit-zero exits 0 with the same report.
    zero = hooklint(poisoned, *form, "--exit-zero", NAME, encoding=encoding)
    assert (zero.returncode, zero.stdout) == (0, result.stdout)


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_and_sarif_are_the_same_document_under_any_output_encoding(
    poisoned: Path, encoding: str, fmt: str
) -> None:
    reference = json.loads(hooklint(poisoned, "--format", fmt, NAME).stdout)
    result = hooklint(poisoned, "--format", fmt, NAME, encoding=encoding)
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout.decode(encoding)) == reference


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_explain_writes_every_page_under_any_output_encoding(tmp_path: Path, encoding: str) -> None:
    for code in sorted(RULES):
        reference = hooklint(tmp_path, "--explain", code)
        result = hooklint(tmp_path, "--explain", code, encoding=encoding)
        assert (result.returncode, result.stderr) == (0, b""), code
        expected = reference.stdout.decode("utf-8")
        assert result.stdout.decode(encoding) == expected.encode(
            encoding, "backslashreplace"
        ).decode(encoding)
        if code == "HL101":
            assert not expected.isascii()  # the page has letters cp1252 cannot hold


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_stderr_notes_under_any_output_encoding(tmp_path: Path, encoding: str) -> None:
    result = hooklint(tmp_path, "--baseline", "нет.json", "x.md", encoding=encoding)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr
    assert result.stderr.decode(encoding).startswith("hooklint: error: baseline ")


# -- a crash is not a finding ---------------------------------------------------------------------


def test_a_crash_exits_3_with_one_line_even_with_exit_zero(poisoned: Path) -> None:
    crash = (
        "import hooklint.run, hooklint.cli\n"
        "def boom(*args, **kwargs):\n"
        "    raise RuntimeError('disk on fire')\n"
        "hooklint.run.check_sources = boom\n"
        "raise SystemExit(hooklint.cli.main())\n"
    )
    for extra in ([], ["--exit-zero"]):
        result = subprocess.run(
            [sys.executable, "-c", crash, "--no-config", *extra, NAME],
            cwd=poisoned,
            capture_output=True,
            check=False,
        )
        assert result.returncode == 3
        assert result.stdout == b""
        lines = result.stderr.decode().splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith("hooklint: internal error in ")
        assert "RuntimeError: disk on fire" in lines[0]
    # Near miss: the same run without the crash exits 1 (findings) or 0 (--exit-zero).
    assert hooklint(poisoned, NAME).returncode == 1
    assert hooklint(poisoned, "--exit-zero", NAME).returncode == 0


def test_a_closed_pipe_is_not_a_traceback() -> None:
    # (A real closed pipe needs more output than this machine's pipes buffer: the reader going
    # away is simulated where the program would meet it, in a write.)
    body = (
        "import sys\n"
        "from hooklint.console import guarded\n"
        "def report():\n"
        "    raise BrokenPipeError(32, 'Broken pipe')\n"
        "raise SystemExit(guarded(report))\n"
    )
    result = subprocess.run([sys.executable, "-c", body], capture_output=True, check=False)
    assert (result.returncode, result.stderr) == (3, b"")


# -- standard input and the default path ------------------------------------------------------


def test_dash_reads_standard_input(tmp_path: Path) -> None:
    (tmp_path / "-").write_text("a file named dash, clean\n", encoding="utf-8")
    result = hooklint(tmp_path, "-", stdin="Office in Ankаra\n".encode())
    assert result.returncode == 1
    assert result.stdout.decode().startswith("-:1:14: HL101 'а' U+0430")
    # Near miss: the file named "-" is read when spelled as a path.
    assert hooklint(tmp_path, "./-", stdin="Ankаra\n".encode()).returncode == 0


def test_stdin_filename_names_the_report_and_the_kind(tmp_path: Path) -> None:
    code = "x\u00a0= 1\n".encode()  # a no-break space: a trap in code, typography in prose
    result = hooklint(tmp_path, "-", "--stdin-filename", "src/app.py", stdin=code)
    assert result.returncode == 1
    assert result.stdout.decode().startswith("src/app.py:1:2: HL107 U+00A0 NO-BREAK SPACE")
    prose = hooklint(tmp_path, "-", "--stdin-filename", "docs/notes.md", stdin=code)
    assert (prose.returncode, prose.stdout) == (0, b"")
    ignored = hooklint(
        tmp_path, "-", "--stdin-filename", "src/app.py", "--per-file-ignores=src/*:HL107",
        stdin=code,
    )  # fmt: skip
    assert (ignored.returncode, ignored.stdout) == (0, b"")


def test_stdin_filename_without_dash_is_a_usage_error(tmp_path: Path) -> None:
    result = hooklint(tmp_path, "--stdin-filename", "a.md", "x.md")
    assert result.returncode == 2
    assert b"--stdin-filename" in result.stderr


def test_no_path_checks_the_current_directory(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "bad.md").write_text("Office in Ankаra\n", encoding="utf-8")
    (tmp_path / "good.md").write_text("Москва, café\n", encoding="utf-8")
    result = hooklint(tmp_path)
    assert result.returncode == 1
    assert result.stdout.decode().splitlines()[0].startswith("docs/bad.md:1:14: HL101")
    assert len(result.stdout.splitlines()) == 1
    # Near miss: a clean directory.
    (tmp_path / "docs" / "bad.md").write_text("Office in Ankara\n", encoding="utf-8")
    assert hooklint(tmp_path).returncode == 0


# -- -q and -qq keep JSON and SARIF whole -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "sarif"])
@pytest.mark.parametrize("quiet", ["-q", "-qq"])
def test_quiet_keeps_json_and_sarif_documents_whole(poisoned: Path, fmt: str, quiet: str) -> None:
    full = hooklint(poisoned, "--format", fmt, NAME)
    result = hooklint(poisoned, quiet, "--format", fmt, NAME)
    assert result.returncode == 1
    assert json.loads(result.stdout) == json.loads(full.stdout)
    # Near miss: the formats people read are quietened.
    names = hooklint(poisoned, quiet, NAME).stdout.decode().splitlines()
    assert names == ([NAME] if quiet == "-q" else [])
