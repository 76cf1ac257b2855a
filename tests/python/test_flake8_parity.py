"""flake8 and the command line agree: on a configured project, on ``# noqa``, on a lone CR; and
what each does with a file that does not parse. Everything runs through the real ``flake8`` and
the real ``hooklint`` program, side by side on the same files.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


def _run(cwd: Path, *command: str) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-m", *command], cwd=cwd, env=ENV, capture_output=True, check=False
    )
    assert proc.returncode in (0, 1), proc.stderr.decode("utf-8")
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8")
    return sorted(line.removeprefix("./") for line in proc.stdout.decode("utf-8").splitlines())


def flake8(cwd: Path, *args: str) -> list[str]:
    return _run(cwd, "flake8", *args)


def hooklint(cwd: Path, *args: str) -> list[str]:
    return _run(cwd, "hooklint", *args)


def write(directory: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))


def codes_at(lines: list[str]) -> list[str]:
    """``path:line:col: CODE`` of each output line."""
    return [line.split(" ", 2)[0] + " " + line.split(" ", 2)[1] for line in lines]


# ------------------------------------------------------------------- configuration (item 4)

PROJECT = {
    # HL101 reported; the zero-width space is ignored by the configuration; the en space (a
    # finding even in a string) is an allowed character.
    "app.py": "city = 'Ank\u0430ra'\nzw = 'a\u200bb'\nx = 'en\u2002space'\n",
    # A per-file ignore of HL101; the bidi control is still reported.
    "legacy/old.py": "city = 'Ank\u0430ra'\nlabel = '\u202eevil'\n",
    # Excluded.
    "vendor/lib.py": "city = 'Ank\u0430ra'\n",
    # A punycode homograph host in a comment, on the spam allow list.
    "links.py": "# see http://xn--pypal-4ve.com/ for our own site\n",
}
CONFIG = """\
[tool.hooklint]
ignore = ["HL202"]
per-file-ignores = { "legacy/*" = ["HL101"] }
exclude = ["vendor"]
allowed-characters = ["U+2002"]
allow-domains = ["xn--pypal-4ve.com"]
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("configured")
    write(directory, PROJECT)
    (directory / "pyproject.toml").write_text(CONFIG, encoding="utf-8")
    return directory


def test_flake8_and_hooklint_agree_on_a_configured_project(project: Path) -> None:
    by_flake8 = flake8(project, "--select", "HL", ".")
    by_hooklint = hooklint(project, ".")
    assert by_flake8 == by_hooklint
    assert codes_at(by_flake8) == ["app.py:1:12: HL101", "legacy/old.py:2:10: HL201"]


def test_without_the_configuration_both_report_everything(tmp_path: Path) -> None:
    # The near miss: the same files in a project without configuration.
    write(tmp_path, PROJECT)
    by_flake8 = flake8(tmp_path, "--select", "HL", ".")
    by_hooklint = hooklint(tmp_path, ".")
    assert by_flake8 == by_hooklint
    assert codes_at(by_flake8) == [
        "app.py:1:12: HL101",
        "app.py:2:8: HL202",
        "app.py:3:8: HL107",
        "legacy/old.py:1:12: HL101",
        "legacy/old.py:2:10: HL201",
        "links.py:1:7: HL304",
        "vendor/lib.py:1:12: HL101",
    ]


def test_a_broken_configuration_is_said_not_a_traceback(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": "city = 'Ank\u0430ra'\n"})
    (tmp_path / "pyproject.toml").write_text('[tool.hooklint]\nignore = "HL1"\n', "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--select", "HL", "app.py"],
        cwd=tmp_path,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "hooklint: error:" in proc.stderr and "ignore must be" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout.count("HL101") == 1  # the defaults are used


# ------------------------------------------------------------------------------ noqa (item 6)

NOQA = {
    "named.py": "city = 'Ank\u0430ra'  # noqa: HL101\n",
    "no_space.py": "city = 'Ank\u0430ra'  # noqa:HL102,HL101\n",
    "prefix.py": "city = 'Ank\u0430ra'  # noqa: HL1\n",
    "upper.py": "city = 'Ank\u0430ra'  # NOQA: HL101\n",
    "bare.py": "city = 'Ank\u0430ra'  # noqa\n",
    "multiline.py": "text = '''Ank\u0430ra\nMosc\u043ew'''  # noqa: HL101\n",
    # Near misses: another code, a lower-case code, a space before the colon (flake8 reads a
    # bare noqa there), a noqa on the next line.
    "other_code.py": "city = 'Ank\u0430ra'  # noqa: HL102\n",
    "lower_code.py": "city = 'Ank\u0430ra'  # noqa: hl101\n",
    "space_colon.py": "city = 'Ank\u0430ra'  # noqa : HL202\n",
    "next_line.py": "city = 'Ank\u0430ra'\n# noqa: HL101\n",
    "bidi_named.py": "label = '\u202eevil'  # noqa: HL201\n",
}


@pytest.fixture(scope="module")
def noqa_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("noqa")
    write(directory, NOQA)
    write(directory, {"bare_bidi.py": "label = '\u202eevil'  # noqa\n"})
    return directory


def test_one_noqa_serves_both_programs(noqa_dir: Path) -> None:
    by_flake8 = flake8(noqa_dir, "--isolated", "--select", "HL", *NOQA)
    by_hooklint = hooklint(noqa_dir, "--no-config", *NOQA)
    assert by_flake8 == by_hooklint
    assert sorted({line.split(":")[0] for line in by_flake8}) == [
        "lower_code.py",
        "next_line.py",
        "other_code.py",
    ]


def test_a_bare_noqa_never_silences_a_bidi_control_on_the_command_line(noqa_dir: Path) -> None:
    # flake8 applies its own bare noqa to every code; hooklint (the hook and CI) does not.
    assert codes_at(hooklint(noqa_dir, "--no-config", "bare_bidi.py")) == [
        "bare_bidi.py:1:10: HL201"
    ]
    assert flake8(noqa_dir, "--isolated", "--select", "HL", "bare_bidi.py") == []


def test_noqa_is_for_python_only(tmp_path: Path) -> None:
    write(tmp_path, {"notes.md": "Ank\u0430ra  # noqa: HL101\n"})
    assert codes_at(hooklint(tmp_path, "--no-config", "notes.md")) == ["notes.md:1:4: HL101"]


# ----------------------------------------------------------------------- lone CR (item 7)

LONE_CR = {
    # Lone CRs in a file with LF line ends: HL204 at each, and every other finding on the
    # line Python and flake8 count.
    "mixed.py": "x = 1\ry = 'Ank\u0430ra'\nz = 2  # ok\rw = 'a\u200bb'\n",
    # Only CR line ends: not a lone CR among LFs, and the lines still agree.
    "old_mac.py": "x = 1\ry = 'Ank\u0430ra'\rw = 3\r",
    # CRLF line ends: no finding about them.
    "windows.py": "x = 1\r\ny = 'Ank\u0430ra'\r\n",
    # A lone CR and a BOM.
    "bom.py": "\ufeffx = 'Ank\u0430ra'\ry = 1\n",
}


def test_lone_cr_flake8_and_hooklint_report_the_same_lines(tmp_path: Path) -> None:
    write(tmp_path, LONE_CR)
    by_flake8 = flake8(tmp_path, "--isolated", "--select", "HL", *LONE_CR)
    by_hooklint = hooklint(tmp_path, "--no-config", *LONE_CR)
    assert by_flake8 == by_hooklint
    assert codes_at(by_flake8) == [
        "bom.py:1:13: HL204",
        "bom.py:1:9: HL101",
        "mixed.py:1:6: HL204",
        "mixed.py:2:9: HL101",
        "mixed.py:3:12: HL204",
        "mixed.py:4:7: HL202",
        "old_mac.py:2:9: HL101",
        "windows.py:2:9: HL101",
    ]


def test_stdin_with_a_display_name_does_not_read_that_file(tmp_path: Path) -> None:
    # flake8 reads stdin; the file on disk with the display name holds something else.
    write(tmp_path, {"shown.py": "x = 1\ry = 2\n"})
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--select=HL", "--stdin-display-name=shown.py", "-"],
        cwd=tmp_path,
        env=ENV,
        input="city = 'Ank\u0430ra'\n".encode(),
        capture_output=True,
        check=False,
    )
    assert codes_at(proc.stdout.decode("utf-8").splitlines()) == ["shown.py:1:12: HL101"]


# ----------------------------------------------------- a file that does not parse (item 5)

BROKEN = "def f(:\n    x\xa0= 'Ank\u0430ra'\n    y = 1 if x else\u20192\n"


def test_flake8_runs_no_plugin_on_a_file_that_does_not_parse(tmp_path: Path) -> None:
    write(tmp_path, {"broken.py": BROKEN})
    # --select HL hides even the syntax error: nothing at all is reported.
    assert flake8(tmp_path, "--isolated", "--select", "HL", "broken.py") == []
    # --extend-select HL (the README's advice) keeps E999 in view.
    (error,) = flake8(tmp_path, "--isolated", "--extend-select", "HL", "broken.py")
    assert " E999 " in error


def test_hooklint_reports_a_file_that_does_not_parse(tmp_path: Path) -> None:
    write(tmp_path, {"broken.py": BROKEN, "fine.py": "x = 'plain'\n"})
    assert codes_at(hooklint(tmp_path, "--no-config", "broken.py", "fine.py")) == [
        "broken.py:2:13: HL101",
        "broken.py:2:6: HL107",
    ]
    assert codes_at(
        hooklint(tmp_path, "--no-config", "--extend-select", "HL106", "broken.py", "fine.py")
    ) == ["broken.py:2:13: HL101", "broken.py:2:6: HL107", "broken.py:3:20: HL106"]


# ------------------------------------------------------------- the file's path is context too


def test_flake8_and_the_cli_judge_a_right_to_left_locale_by_its_path(tmp_path: Path) -> None:
    # A date format with right-to-left marks, as translators write it for Arabic: its path
    # declares the language, in flake8 as in the command line.
    rlm = "\u200f"
    fmt = f"DATE_FORMAT = 'd{rlm}/m{rlm}/Y'\n"
    write(tmp_path, {"locale/ar/formats.py": fmt, "settings/formats.py": fmt})
    by_flake8 = flake8(tmp_path, "--select", "HL", ".")
    assert by_flake8 == hooklint(tmp_path, "--no-config", ".")
    # Near miss: the same marks in a file that declares no right-to-left language are reported.
    assert {line.split(":", 1)[0] for line in by_flake8} == {"settings/formats.py"}
