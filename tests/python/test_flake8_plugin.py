"""Tests for the flake8 plugin, run through the real flake8 (``python -m flake8``).

The fixtures are written to a temporary directory and checked by one flake8 run with
``--isolated`` (no user or project configuration) and ``--select HL``. For each file flake8 must
print exactly the lines that ``check_python`` gives for its text (less what an inline
``hooklint: ignore`` silences), whatever the file's line ends, BOM or coding cookie; and the same
lines as ``hooklint file.py``. ``# noqa`` is flake8's own mechanism, and is tested through it.
"""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

import hooklint
from hooklint import flake8_plugin, run
from hooklint.flake8_plugin import Plugin
from hooklint.python import check_python
from hooklint.rules import Finding
from hooklint.suppress import apply_directives

# flake8 writes with the locale's encoding: fix it, so that the comparison does not depend on
# the machine running the tests.
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


class Fixture(NamedTuple):
    """A file for flake8: its text, how it is stored, and whether ``check_python`` must find
    something in it (``None``: no claim)."""

    name: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    found: bool | None = True


def lines_for(path: str, text: str) -> list[str]:
    """What flake8 must print for a file: ``check_python``'s findings in flake8's format, less
    those an inline directive silences and the opt-in rules ``--select HL`` does not name."""
    return [
        f"{path}:{f.line}:{f.col}: {f.code} {f.message}"
        for f in apply_directives(text, check_python(text))
        if f.code not in flake8_plugin.OPT_IN
    ]


SAME_AS_CHECK_PYTHON = [
    Fixture(
        "names_and_strings",
        "def sayНello():\n"
        '    """Say Неllo."""  # and a comment\n'
        "    return 'Ankаra'\n"
        "\n"
        "\n"
        "sayНello()\n",
    ),
    Fixture("collision", "paypal = 'https://paypal.example'\nраypal = paypal\n"),
    Fixture("bidi_in_a_string", 'label = "\u202eevil"\nok = "fine"\n'),
    Fixture("zero_width_in_a_comment", "x = 1  # zero\u200bwidth\n"),
    Fixture("unusual_space", "x = 'em\u2003space'\n"),
    Fixture("no_break_space_in_a_string", "sep = '\xa0'  # thousands\xa0separator\n", found=False),
    Fixture("bom", "cіty = 'Ankаra'\nprint(cіty)\n", bom=True),
    Fixture("crlf_line_ends", "x = 1\r\n\r\ncіty = 'Ankаra'\r\n"),
    Fixture(
        "coding_cookie",
        "# -*- coding: cp1251 -*-\ncity = 'Ankаra'  # Москва\n",
        encoding="cp1251",
    ),
    Fixture(
        "f_strings",
        "value = 1\nprint(f'{vаlue} Ankаra {value!r:>{8}}')\n",
    ),
    Fixture("hooklint_ignore", "city = 'Ankаra'  # hooklint: ignore[HL101]\n", found=False),
    Fixture("hooklint_ignore_other", "city = 'Ankаra'  # hooklint: ignore[HL102]\n"),
    Fixture("ascii", "import os\n\nprint(os.sep)\n", found=False),
    Fixture(
        "multilingual",
        "greeting = 'Привет, мир'  # Łódź, İstanbul, 21 °C, “quotes” – dashes\n"
        "café = 'naïve'\n"
        "π = 3.14\n",
        found=False,
    ),
]

NOQA = [
    # (fixture, whether flake8 reports it)
    (Fixture("noqa_code", "city = 'Ankаra'  # noqa: HL101\n"), False),
    (Fixture("noqa_other_code", "city = 'Ankаra'  # noqa: HL102\n"), True),
    (Fixture("noqa_prefix", "city = 'Ankаra'  # noqa: HL1\n"), False),
    (Fixture("noqa_other_prefix", "city = 'Ankаra'  # noqa: HL2\n"), True),
    (Fixture("noqa_bidi", 'label = "\u202eevil"  # noqa: HL201\n'), False),
    (Fixture("noqa_other_bidi", 'label = "\u202eevil"  # noqa: HL202\n'), True),
    (Fixture("noqa_name", "def sayНello():  # noqa: HL105\n    pass\n"), False),
    (Fixture("noqa_name_as_text", "def sayНello():  # noqa: HL101\n    pass\n"), True),
]

INVALID = Fixture("invalid", "def sayНello(:\n    pass\n")


def write(directory: Path, fixture: Fixture) -> str:
    path = f"{fixture.name}.py"
    data = fixture.text.encode(fixture.encoding)
    (directory / path).write_bytes(b"\xef\xbb\xbf" + data if fixture.bom else data)
    return path


def flake8(cwd: Path, *args: str) -> tuple[int, list[str]]:
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr.decode("utf-8")
    return proc.returncode, proc.stdout.decode("utf-8").splitlines()


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """flake8's lines for each fixture file, from one run over all of them."""
    directory = tmp_path_factory.mktemp("flake8")
    fixtures = [*SAME_AS_CHECK_PYTHON, *(f for f, _ in NOQA), INVALID]
    paths = [write(directory, fixture) for fixture in fixtures]
    _, output = flake8(directory, "--select", "HL", *paths)
    by_path: dict[str, list[str]] = {path: [] for path in paths}
    for line in output:
        by_path[line.split(":", 1)[0]].append(line)
    return by_path


@pytest.mark.parametrize(
    "fixture", SAME_AS_CHECK_PYTHON, ids=[f.name for f in SAME_AS_CHECK_PYTHON]
)
def test_flake8_prints_the_lines_of_check_python(
    reported: dict[str, list[str]], fixture: Fixture
) -> None:
    path = f"{fixture.name}.py"
    expected = lines_for(path, fixture.text)
    if fixture.found is not None:
        assert bool(expected) == fixture.found, expected
    assert reported[path] == expected


# Every fixture, the cp1251 one too: hooklint decodes Python source by its coding cookie, as
# flake8 does.
SAME_AS_HOOKLINT = SAME_AS_CHECK_PYTHON


@pytest.fixture(scope="module")
def printed_by_hooklint(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """``hooklint``'s lines for each fixture file, from one run over all of them."""
    directory = tmp_path_factory.mktemp("hooklint")
    paths = [write(directory, fixture) for fixture in SAME_AS_HOOKLINT]
    proc = subprocess.run(
        [sys.executable, "-m", "hooklint", *paths],
        cwd=directory,
        env=ENV,
        capture_output=True,
        check=False,
    )
    by_path: dict[str, list[str]] = {path: [] for path in paths}
    for line in proc.stdout.decode("utf-8").splitlines():
        by_path[line.split(":", 1)[0]].append(line)
    return by_path


@pytest.mark.parametrize("fixture", SAME_AS_HOOKLINT, ids=[f.name for f in SAME_AS_HOOKLINT])
def test_flake8_prints_the_lines_of_hooklint(
    reported: dict[str, list[str]], printed_by_hooklint: dict[str, list[str]], fixture: Fixture
) -> None:
    path = f"{fixture.name}.py"
    assert reported[path] == printed_by_hooklint[path]


@pytest.mark.parametrize(("fixture", "shown"), NOQA, ids=[f.name for f, _ in NOQA])
def test_noqa_works_through_flake8(
    reported: dict[str, list[str]], fixture: Fixture, shown: bool
) -> None:
    path = f"{fixture.name}.py"
    expected = lines_for(path, fixture.text)
    assert expected, "the fixture must have a finding for noqa to silence"
    assert reported[path] == (expected if shown else [])


def test_flake8_does_not_run_plugins_on_invalid_python(tmp_path: Path) -> None:
    # flake8 reports the syntax error and nothing else; `hooklint file.py` falls back to the
    # plain-text checks there (an HL101 for this lookalike).
    path = write(tmp_path, INVALID)
    returncode, output = flake8(tmp_path, "--select", "HL,E999", path)
    assert returncode == 1
    assert [line.split(" ", 2)[1] for line in output] == ["E999"]
    assert [f.code for f in check_python(INVALID.text)] == ["HL101"]


def test_a_clean_file_gives_no_output_and_exit_0(tmp_path: Path) -> None:
    clean = Fixture("clean", "text = 'Привет, мир'\n\n\ndef f() -> None:\n    pass\n")
    path = write(tmp_path, clean)
    assert flake8(tmp_path, "--select", "HL", path) == (0, [])


def test_flake8_lists_the_plugin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "flake8", "--version"], env=ENV, capture_output=True, check=True
    )
    assert f"hooklint: {hooklint.__version__}" in proc.stdout.decode("utf-8")


def test_the_plugin_module_does_not_import_flake8() -> None:
    code = "import sys, hooklint.flake8_plugin\n"
    code += "print(sorted(m for m in sys.modules if 'flake8' in m))"
    proc = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, check=True)
    assert proc.stdout.decode("utf-8").strip() == "['hooklint.flake8_plugin']"


# -- the class itself, as flake8 uses it --------------------------------------------------------


def test_run_yields_flake8_tuples_with_0_based_columns() -> None:
    text = "def sayНello():\n    return 'Ankаra'\n"
    plugin = Plugin(ast.parse(text), text.splitlines(keepends=True))
    assert list(plugin.run()) == [
        (f.line, f.col - 1, f"{f.code} {f.message}", Plugin) for f in check_python(text)
    ]
    assert (Plugin.name, Plugin.version) == ("hooklint", hooklint.__version__)


@pytest.mark.parametrize(
    ("select", "extend_select", "shown"),
    [
        (["HL"], None, ["HL101"]),
        (["HL1"], ["HL2"], ["HL101"]),
        (["HL", "HL106"], None, ["HL101", "HL106"]),
        (["E", "W"], ["HL106"], ["HL101", "HL106"]),
    ],
    ids=["prefix", "prefixes", "selected", "extend-selected"],
)
def test_hl106_is_opt_in_by_its_full_code(
    monkeypatch: pytest.MonkeyPatch,
    select: list[str],
    extend_select: list[str] | None,
    shown: list[str],
) -> None:
    found = [Finding(1, 5, "HL101", "one", "а"), Finding(1, 9, "HL106", "two", "–")]
    monkeypatch.setattr(run, "python_findings", lambda text, spam, path=None: found)
    monkeypatch.setattr(Plugin, "opted_in", Plugin.opted_in)  # restored after the test
    Plugin.parse_options(argparse.Namespace(select=select, extend_select=extend_select))
    plugin = Plugin(ast.parse(""), ["x = 1\n"])
    assert [text.split()[0] for _, _, text, _ in plugin.run()] == shown
