"""HL204 and the form feed used as a page break, through the real CLI and flake8.

A form feed that starts a line (alone, or before the first words of a page) is a page break:
licence texts, pdftotext output and Python source (PEP 8) write it so. Inside a line, and every
other C0 control or ESC, it stays a finding.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run

from hooklint.check import check_text

# Each file: its text, and the (line, column) of every HL204 the CLI must report in it.
FILES: dict[str, tuple[str, list[tuple[int, int]]]] = {
    "COPYING": ("Terms of the licence, first page.\n\f\n  Second page, indented.\n \f \n", []),
    "page-text.txt": ("last line of page one\n\fFirst line of page two\n\f\f\n", []),
    "module.py": ("import os\n\f\n\fdef f():\n    return os.sep\n", []),
    "inside-a-word.txt": ("a page\fbreak inside a word\n", [(1, 7)]),
    "after-text.txt": ("text then a form feed\f\n", [(1, 22)]),
    "between-words.py": ("x = 1 \f+ 2\n", [(1, 7)]),
    "other-controls.txt": ("\x0bvertical tab\n\x1b[2Kerased\nbell\x07\n", [(1, 1), (2, 1), (3, 5)]),
}


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[int, int]]]:
    """The HL204 positions the CLI reports in each file, from one run over all of them."""
    directory = tmp_path_factory.mktemp("page-breaks")
    for name, (text, _) in FILES.items():
        (directory / name).write_bytes(text.encode("utf-8"))
    by_file: dict[str, list[tuple[int, int]]] = {name: [] for name in FILES}
    for line in run(directory, "hooklint", "--select", "HL204", *FILES):
        path, lineno, col, _ = line.split(":", 3)
        by_file[path].append((int(lineno), int(col)))
    return by_file


@pytest.mark.parametrize("name", list(FILES))
def test_form_feed_is_a_finding_only_inside_a_line(
    reported: dict[str, list[tuple[int, int]]], name: str
) -> None:
    assert reported[name] == FILES[name][1]


def test_flake8_passes_the_page_break_and_reports_the_form_feed_in_a_line(
    tmp_path: Path,
) -> None:
    (tmp_path / "paged.py").write_bytes(b"import os\n\x0c\n\x0cX = os.sep\nY = 1 \x0c+ 2\n")
    lines = run(tmp_path, "flake8", "--isolated", "--select", "HL", "paged.py")
    assert [line.split(": ")[0] for line in lines] == ["paged.py:4:7"]
    assert "HL204" in lines[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\f", []),
        ("\t\f", []),
        ("\f\x0b", [(1, 2)]),  # a vertical tab after the page break is no page break
        ("a\f", [(1, 2)]),
    ],
    ids=["alone", "after-a-tab", "vertical-tab-after", "after-a-letter"],
)
def test_page_break_is_judged_by_what_precedes_it_on_the_line(
    text: str, expected: list[tuple[int, int]]
) -> None:
    assert [(f.line, f.col) for f in check_text(text + "\n")] == expected
