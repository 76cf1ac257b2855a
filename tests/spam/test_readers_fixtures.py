"""Spam where it lands, through the command line: each fixture of ``reader_fixtures`` that
holds spam is reported exactly where its ``expect`` markers say, and each legitimate one beside
it (real-shaped imported comments, a package manifest, a docs-site dump, a form template) is
silent.

Markers: ``expect: HL306`` names codes reported on its own line; ``expect line 14: HL306``
names another line (a marker cannot always share the line it speaks of).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hooklint.cli import main

FIXTURES = Path(__file__).parent / "reader_fixtures"
MARKER = re.compile(r"expect(?: line (\d+))?: ((?:HL\d{3}\s*)+)")
DIAGNOSTIC = re.compile(r"^.+?:(\d+):(\d+): (HL\d{3}) ")

SPAM = [
    "jekyll_spam_comments.md",
    "staticman_entry_spam.md",
    "staticman_spam.yml",
    "comments_spam.json",
    "wp_dump_spam.sql",
    "footer_hidden.php",
]
LEGITIMATE = [
    "jekyll_legit_comments.md",
    "staticman_entry_legit.md",
    "staticman_legit.yml",
    "links_legit.json",
    "docs_dump_legit.sql",
    "subscribe_form.php",
]


def expected(path: Path) -> set[tuple[int, str]]:
    out: set[tuple[int, str]] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for m in MARKER.finditer(line):
            at = int(m.group(1)) if m.group(1) else number
            out.update((at, code) for code in m.group(2).split())
    return out


def reported(path: Path, capsys: pytest.CaptureFixture[str]) -> set[tuple[int, str]]:
    main(["--no-config", "--exit-zero", "--select", "HL3", str(path)])
    out = capsys.readouterr().out
    return {
        (int(m.group(1)), m.group(3)) for line in out.splitlines() if (m := DIAGNOSTIC.match(line))
    }


@pytest.mark.parametrize("name", SPAM)
def test_spam_is_reported_where_it_lands(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / name
    want = expected(path)
    assert want, "a spam fixture says what it expects"
    assert want <= reported(path, capsys)


@pytest.mark.parametrize("name", LEGITIMATE)
def test_legitimate_file_of_the_same_shape_is_silent(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert reported(FIXTURES / name, capsys) == set()


@pytest.mark.parametrize(
    ("name", "renamed"),
    [
        ("staticman_spam.yml", "entry.txt"),
        ("wp_dump_spam.sql", "dump.txt"),
        ("footer_hidden.php", "footer.py"),
    ],
)
def test_the_reader_is_what_finds_it(
    name: str, renamed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same bytes under a name the readers do not take are read as before: the quoted
    comment row and the name-to-URL pair of a record are not found there."""
    path = FIXTURES / name
    copy = tmp_path / renamed
    copy.write_bytes(path.read_bytes())
    if name == "staticman_spam.yml":
        # Plain text reads the anchor too: the reader adds the record, not the anchor.
        assert reported(copy, capsys)
    else:
        assert reported(copy, capsys) == set()


def test_position_is_that_of_the_value_in_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "jekyll_spam_comments.md"
    main(["--no-config", "--exit-zero", "--select", "HL301", str(path)])
    line = capsys.readouterr().out.strip()
    _, number, column, _ = line.split(":", 3)
    source = path.read_text(encoding="utf-8").splitlines()[int(number) - 1]
    assert source[int(column) - 1 :].startswith("Feel free to surf")
