"""HL204 on controls that are data: a regular expression class listing the controls to strip
(in code), and C1 controls that are bytes of mojibake (UTF-8 read as Latin-1). Through the CLI.

An escape sequence that rewrites a terminal, a lone control, a class of fewer than three
different controls, the same list in prose, and mojibake that stands for a control (the 8-bit
CSI) stay findings.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import lines_of, positions

ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}
CONTROLS = "\x01\x02\x03\x0b\x0e\x1b\x1f"

# Each file: its text, and the lines where the CLI must report HL204.
FILES: dict[str, tuple[str, list[int]]] = {
    "cleaner.py": (
        f'STRIP = re.compile(r"[{CONTROLS}]")\n'  # a class of seven controls: a table
        'CLEAR = "\x1b[2K"\n'  # an escape sequence
        'TWO = re.compile("[\x01\x02]")\n'  # two controls: too few to be a table
        f'NOT_A_CLASS = "{CONTROLS}"\n',  # no brackets
        [2, 3, 4],
    ),
    "cleaner.txt": (f"strip [{CONTROLS}] from the text\n", [1]),  # prose: not code
    # In a quoted string mojibake is data (a decoder's test case, a notebook's output).
    "mojibake.ipynb": (
        '  "text": ["caf\xc3\xa9 and \xe2\x80\x9cquoted\xe2\x80\x9d",\n'  # é and “ ” as Latin-1
        '  "\xed\xa0\xbd\xed\xb8\x80 emoji halves",\n'  # CESU-8 surrogates read as Latin-1
        '  "\xc2\x9b2K erases the line",\n'  # U+009B: the 8-bit CSI itself
        '  "lone \x85 control"]\n',  # no lead byte before it
        [3, 4],
    ),
    # In prose it is corrupted text: reported, and named.
    "mojibake.txt": ("it\xe2\x80\x99s\n", [1]),
}


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[int]]:
    directory = tmp_path_factory.mktemp("controls")
    found = positions(directory, {name: text for name, (text, _) in FILES.items()}, "HL204")
    return {name: lines_of(at) for name, at in found.items()}


@pytest.mark.parametrize("name", list(FILES))
def test_controls_that_are_data_pass(reported: dict[str, list[int]], name: str) -> None:
    assert reported[name] == FILES[name][1]


def test_mojibake_in_prose_names_the_character_meant(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("it\xe2\x80\x99s\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "hooklint", "notes.txt"],
        cwd=tmp_path,
        capture_output=True,
        env=ENV,
        check=False,
    )
    assert result.stdout.decode("utf-8").splitlines() == [
        f"notes.txt:1:{col}: HL204 U+{cp} <control> is a byte of mojibake (UTF-8 read as "
        "Latin-1, where '\u2019' U+2019 RIGHT SINGLE QUOTATION MARK was meant)"
        for col, cp in ((4, "0080"), (5, "0099"))
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ('(merge-rule "\\IeC {\\-}" "\xad" :string) ; soft hyphen\n', []),
        ('(merge-rule "\\IeC {\\-}" "\xad" :string) ; separator\n', ["HL202"]),
        ("SEP = '\ufeff'  # a BOM, U+FEFF\n", []),
        ("SEP = '\ufeff'  # used to separate options\n", ["HL202"]),
        # Named on its line, but not alone in its quotes: a word split invisibly.
        ("NAME = 'pay\u200bpal'  # a zero width space inside\n", ["HL202"]),
    ],
    ids=["soft-hyphen-named", "soft-hyphen", "bom-named", "bom", "inside-a-word"],
)
def test_an_invisible_character_alone_in_quotes_and_named_on_its_line(
    text: str, codes: list[str]
) -> None:
    from hooklint.check import check_text

    assert [f.code for f in check_text(text, code=True)] == codes
