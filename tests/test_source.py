"""Tests for reading files: ``hooklint.source.decode``, line ends, and the same through the CLI.

``decode`` is tested directly; each behaviour is then checked once through the real program, in
one shared run over a directory holding one file per case.
"""

from __future__ import annotations

import codecs
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from hooklint.check import check_text
from hooklint.source import decode

ENV = {**os.environ, "PYTHONUTF8": "1"}

# A line that hides a right-to-left override: the finding shows where the decoding put it.
BIDI_TEXT = "plain first line\nsee \u202eevil here\n"
BIDI_AT = (2, "see \u202eevil here".index("\u202e") + 1, "HL201")


class Run(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def run_hooklint(cwd: Path, *args: str) -> Run:
    """Run ``python -m hooklint ARGS`` in ``cwd``; output must be valid UTF-8."""
    proc = subprocess.run(
        [sys.executable, "-m", "hooklint", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        check=False,
    )
    return Run(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def positions(text: str) -> list[tuple[int, int, str]]:
    """(line, column, code) of every finding in ``text``."""
    return [(f.line, f.col, f.code) for f in check_text(text)]


def end_of(before: str) -> tuple[int, int]:
    """1-based (line, column in code points) just after ``before``; lines end at LF, CRLF, CR."""
    lines = before.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return len(lines), len(lines[-1]) + 1


def at(text: str, needle: str) -> tuple[int, int]:
    """1-based (line, column) of the first ``needle`` in ``text``."""
    return end_of(text[: text.index(needle)])


# ------------------------------------------------------------------------- encodings and BOMs

ENCODED = [
    ("utf-8-bom", codecs.BOM_UTF8 + BIDI_TEXT.encode("utf-8"), "utf-8", codecs.BOM_UTF8),
    (
        "utf-16-le-bom",
        codecs.BOM_UTF16_LE + BIDI_TEXT.encode("utf-16-le"),
        "utf-16-le",
        codecs.BOM_UTF16_LE,
    ),
    (
        "utf-16-be-bom",
        codecs.BOM_UTF16_BE + BIDI_TEXT.encode("utf-16-be"),
        "utf-16-be",
        codecs.BOM_UTF16_BE,
    ),
    (
        "utf-32-le-bom",
        codecs.BOM_UTF32_LE + BIDI_TEXT.encode("utf-32-le"),
        "utf-32-le",
        codecs.BOM_UTF32_LE,
    ),
    (
        "utf-32-be-bom",
        codecs.BOM_UTF32_BE + BIDI_TEXT.encode("utf-32-be"),
        "utf-32-be",
        codecs.BOM_UTF32_BE,
    ),
    ("utf-16-le-nul-pattern", BIDI_TEXT.encode("utf-16-le"), "utf-16-le", b""),
    ("utf-16-be-nul-pattern", BIDI_TEXT.encode("utf-16-be"), "utf-16-be", b""),
    ("utf-32-le-nul-pattern", BIDI_TEXT.encode("utf-32-le"), "utf-32-le", b""),
    ("utf-32-be-nul-pattern", BIDI_TEXT.encode("utf-32-be"), "utf-32-be", b""),
    # near miss: plain UTF-8 without a BOM or a NUL is just UTF-8
    ("utf-8", BIDI_TEXT.encode("utf-8"), "utf-8", b""),
]


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [case[1:] for case in ENCODED],
    ids=[case[0] for case in ENCODED],
)
def test_decode_recognises_the_encoding(data: bytes, encoding: str, bom: bytes) -> None:
    decoded = decode(data)
    assert (decoded.text, decoded.encoding, decoded.bom, decoded.problem) == (
        BIDI_TEXT,
        encoding,
        bom,
        None,
    )


def test_utf8_bom_is_not_text_but_a_second_one_is() -> None:
    once = decode(codecs.BOM_UTF8 + b"Ank\xd0\xb0ra\n")
    assert once.text == "Ank\u0430ra\n"
    # columns count from after the BOM: the Cyrillic letter is the 4th character
    assert positions(once.text) == [(1, once.text.index("\u0430") + 1, "HL101")]
    twice = decode(codecs.BOM_UTF8 * 2 + b"text\n")
    assert twice.text == "\ufefftext\n"
    assert positions(twice.text) == [(1, 1, "HL202")]


# ----------------------------------------------------------------------------- invalid UTF-8

# (id, bytes before the first bad byte, the bad bytes, bytes after)
INVALID = [
    ("bad-start-byte", b"ok\nab", b"\xff", b"cd\n"),
    ("after-bom", codecs.BOM_UTF8 + b"ok\nab", b"\xff", b"cd\n"),
    # columns are code points, not bytes: "naïve " is 6 characters and 7 bytes
    ("after-multibyte", "naïve ".encode(), b"\xe2\x28\xa1", b" x\n"),
    ("truncated-at-end", b"first\ncaf", b"\xc3", b""),
    ("overlong-encoding", b"x", b"\xc0\xaf", b"y\n"),
    ("encoded-surrogate", b"x", b"\xed\xa0\x80", b"y\n"),
    ("after-crlf", b"a\r\nb\r\n", b"\xfe", b"\n"),
    ("after-lone-cr", b"a\rb", b"\xff", b"\n"),
]


@pytest.mark.parametrize(
    ("before", "bad", "after"), [case[1:] for case in INVALID], ids=[case[0] for case in INVALID]
)
def test_invalid_utf8_is_hl002_at_the_first_bad_byte(
    before: bytes, bad: bytes, after: bytes
) -> None:
    decoded = decode(before + bad + after)
    assert decoded.problem is not None
    where = end_of(before.decode("utf-8-sig"))
    assert (decoded.problem.line, decoded.problem.col, decoded.problem.code) == (*where, "HL002")
    assert "not valid UTF-8" in decoded.problem.message
    # the rest of the file is kept for checking, the bad bytes replaced
    assert decoded.text is not None
    assert decoded.text.startswith(before.decode("utf-8-sig") + "\ufffd")
    assert decoded.text.endswith(after.decode("utf-8"))


def test_contract_example_of_invalid_utf8() -> None:
    # the example of the contract, checked by hand: line 2, column 3
    problem = decode(b"ok\nab\xffcd\n").problem
    assert problem is not None
    assert (problem.line, problem.col, problem.code) == (2, 3, "HL002")


VALID_NON_ASCII = [
    ("two-byte", "naïve café Łódź\n"),
    ("three-byte", "漢字とかな — “quoted”\n"),
    ("four-byte", "emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n"),
]


@pytest.mark.parametrize(
    "text", [case[1] for case in VALID_NON_ASCII], ids=[case[0] for case in VALID_NON_ASCII]
)
def test_valid_utf8_has_no_problem(text: str) -> None:
    assert decode(text.encode("utf-8")) == (text, "utf-8", b"", None)


def test_invalid_utf16_after_a_bom_is_hl002() -> None:
    # a lone high surrogate on line 2
    data = codecs.BOM_UTF16_LE + "ok\nx".encode("utf-16-le") + b"\x00\xd8" + "y".encode("utf-16-le")
    problem = decode(data).problem
    assert problem is not None
    assert (problem.line, problem.col, problem.code) == (2, 2, "HL002")


# ------------------------------------------------------------------------ NUL bytes, binaries

# A README-sized text with one NUL on line 3.
README_WITH_NUL = (
    "# Project\n\n"
    "Install it with pip and run it on your files.\x00 It prints one line per finding,\n"
    "and exits with status 1 when it finds something, 0 when the files are clean.\n"
)
SHORT_WITH_NUL = "hello\x00world\n"


def test_nul_in_valid_utf8_text_is_hl204() -> None:
    decoded = decode(README_WITH_NUL.encode("utf-8"))
    assert decoded.text == README_WITH_NUL
    assert decoded.problem is None
    assert positions(README_WITH_NUL) == [(*at(README_WITH_NUL, "\x00"), "HL204")]


def test_nul_in_short_valid_utf8_text_is_hl204() -> None:
    decoded = decode(SHORT_WITH_NUL.encode("utf-8"))
    assert decoded.text == SHORT_WITH_NUL
    assert positions(SHORT_WITH_NUL) == [(1, SHORT_WITH_NUL.index("\x00") + 1, "HL204")]


def png_like() -> bytes:
    rng = random.Random(2024)
    body = bytearray(rng.randbytes(3000))
    body[::5] = bytes(len(body[::5]))  # plenty of NULs, as in real image data
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(body)


BINARIES = [
    ("png-like", png_like()),
    ("all-byte-values", bytes(range(256)) * 4),
    ("elf-header", b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x03\x00>\x00\x01\x00\x00\x00" * 40),
]


@pytest.mark.parametrize("data", [b for _, b in BINARIES], ids=[i for i, _ in BINARIES])
def test_binary_is_skipped_without_a_finding(data: bytes) -> None:
    assert decode(data) == (None, "binary", b"", None)


def test_zero_filled_file_is_skipped_as_binary() -> None:
    assert decode(bytes(4096)).text is None


def test_empty_file_is_empty_text() -> None:
    assert decode(b"") == ("", "utf-8", b"", None)


# -------------------------------------------------------------------------------- line ends


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_every_line_end_counts_for_numbering(newline: str) -> None:
    text = newline.join(["one", "two", "the Ankаra line", ""])
    assert positions(text) == [(3, "the Ankаra line".index("а") + 1, "HL101")]


@pytest.mark.parametrize(
    "separator",
    ["\u2028", "\u2029", "\x85", "\x0b", "\x0c"],
    ids=["line-separator", "paragraph-separator", "next-line", "vertical-tab", "form-feed"],
)
def test_other_line_breaks_do_not_end_lines_and_are_hl204(separator: str) -> None:
    text = f"one{separator}two\nthe Ankаra line\n"
    assert positions(text) == [
        (1, len("one") + 1, "HL204"),
        (2, "the Ankаra line".index("а") + 1, "HL101"),
    ]


# (id, text before the lone CR, text after it)
LONE_CR = [
    ("lone-cr-in-lf-file", "a\nb", "c\nd\n"),
    ("lone-cr-in-crlf-file", "a\r\nb", "c\r\nd\r\n"),
    ("cr-before-crlf", "a", "\r\nb\r\n"),
    ("cr-at-end-of-lf-file", "a\nb", ""),
]
CONSISTENT_LINE_ENDS = [
    ("consistent-crlf", "a\r\nb\r\nc\r\n"),
    ("consistent-cr", "a\rb\rc\r"),
    ("consistent-lf", "a\nb\nc\n"),
]


@pytest.mark.parametrize(
    ("before", "after"), [case[1:] for case in LONE_CR], ids=[case[0] for case in LONE_CR]
)
def test_lone_cr_in_an_lf_or_crlf_file_is_hl204(before: str, after: str) -> None:
    assert positions(before + "\r" + after) == [(*end_of(before), "HL204")]


@pytest.mark.parametrize(
    "text", [t for _, t in CONSISTENT_LINE_ENDS], ids=[i for i, _ in CONSISTENT_LINE_ENDS]
)
def test_consistent_line_ends_are_silent(text: str) -> None:
    assert check_text(text) == []


def test_lone_cr_message_names_the_character() -> None:
    (finding,) = check_text("a\nb\rc\n")
    assert finding.message.startswith("U+000D CARRIAGE RETURN ")
    assert "\r" not in finding.message


# --------------------------------------------------------------------- the same through the CLI

CYRILLIC_LINE = "the Ankаra line"
# Python source in cp1251, as its coding declaration (PEP 263) says.
COOKIE_SOURCE = f"# -*- coding: cp1251 -*-\nx = '{CYRILLIC_LINE}'  # Москва\n"
CLI_FILES: dict[str, tuple[bytes, list[tuple[int, int, str]]]] = {
    # columns count from after the BOM, and the BOM itself is no finding
    "bom.md": (codecs.BOM_UTF8 + "Ankаra\n".encode(), [(1, "Ankаra".index("а") + 1, "HL101")]),
    **{
        f"{case_id}.md": (data, [BIDI_AT])
        for case_id, data, _, _ in ENCODED
        if case_id != "utf-8-bom"
    },
    # HL002 at the first bad byte, and the lines after it are still checked
    "invalid.md": (
        b"ok\nab\xffcd\n" + CYRILLIC_LINE.encode() + b"\n",
        [(2, len("ab") + 1, "HL002"), (3, CYRILLIC_LINE.index("а") + 1, "HL101")],
    ),
    "nul.md": (README_WITH_NUL.encode(), [(*at(README_WITH_NUL, "\x00"), "HL204")]),
    **{
        f"lines-{name}.md": (
            newline.join(["one", "two", CYRILLIC_LINE, ""]).encode(),
            [(3, CYRILLIC_LINE.index("а") + 1, "HL101")],
        )
        for name, newline in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r"))
    },
    "separators.md": (
        "a\u2028b\u2029c\x85d\n".encode() + CYRILLIC_LINE.encode() + b"\n",
        [
            *((1, "a\u2028b\u2029c\x85d".index(c) + 1, "HL204") for c in "\u2028\u2029\x85"),
            (2, CYRILLIC_LINE.index("а") + 1, "HL101"),
        ],
    ),
    # Python source is decoded by its coding declaration, as Python and flake8 decode it...
    "cookie.py": (COOKIE_SOURCE.encode("cp1251"), [(*at(COOKIE_SOURCE, "а"), "HL101")]),
    # ...which is no declaration in any other file: there the bytes are not UTF-8.
    "cookie.md": (COOKIE_SOURCE.encode("cp1251"), [(*at(COOKIE_SOURCE, "а"), "HL002")]),
    "crlf.md": (b"one\r\ntwo\r\nthree\r\n", []),
    "lone-cr.md": (b"one\r\ntwo\rthree\r\n", [(2, len("two") + 1, "HL204")]),
}


@pytest.fixture(scope="module")
def cli_positions(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, list[tuple[int, int, str]]]:
    """(line, col, code) of every line that one run over all of CLI_FILES prints, by file."""
    root = tmp_path_factory.mktemp("source")
    for name, (data, _) in CLI_FILES.items():
        (root / name).write_bytes(data)
    result = run_hooklint(root, *CLI_FILES)
    assert result.returncode == 1
    assert result.stderr == ""
    found: dict[str, list[tuple[int, int, str]]] = {name: [] for name in CLI_FILES}
    for line in result.stdout.splitlines():
        path, lineno, col, rest = line.split(":", 3)
        found[path].append((int(lineno), int(col), rest.split()[0]))
    return found


@pytest.mark.parametrize("name", list(CLI_FILES), ids=list(CLI_FILES))
def test_cli_reads_the_file(
    cli_positions: dict[str, list[tuple[int, int, str]]], name: str
) -> None:
    assert cli_positions[name] == CLI_FILES[name][1]


def test_cli_skips_binary_files_silently(tmp_path: Path) -> None:
    for name, data in BINARIES:
        (tmp_path / f"{name}.bin").write_bytes(data)
    (tmp_path / "clean.md").write_text("Clean text.\n", encoding="utf-8")
    result = run_hooklint(tmp_path, *(f"{name}.bin" for name, _ in BINARIES), "clean.md")
    assert result == Run(0, "", "")
