"""check_text finds the non-ASCII lines that hold a suspect character or typography in their
joined text; the lines it hands to the rules are those that a search of each line finds."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hooklint.check import _LineContext, _suspect_bytes, check_text
from hooklint.context import TextContext
from hooklint.rules.invisible import SUSPECT
from hooklint.rules.typography import CANDIDATES
from hooklint.rules.typography import scan_line as typography
from hooklint.source import LINE_END, lines_matching, non_ascii_lines

_ALPHABET = "ab é\u00a0\u200b\u2019\u201c\u2014\x0b\x1f\r\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=120))
def test_the_rows_found_in_the_joined_text_are_those_each_line_holds(text: str) -> None:
    rows = non_ascii_lines(text)
    joined = "\n".join(line for _, line in rows)
    for pattern in (SUSPECT, CANDIDATES):
        found = [rows[index - 1] for index, _ in lines_matching(pattern, joined)]
        assert found == [row for row in rows if pattern.search(row[1])]


def test_the_line_of_a_suspect_character() -> None:
    text = "é\nplain\nx = 'é'\ny\u00a0= 'é'\n"
    assert [(f.line, f.code) for f in check_text(text, code=True)] == [(4, "HL107")]


def test_the_line_of_typography_in_code() -> None:
    text = "é = 1\nplain\nx = 1 \u2014 'é'\n"
    assert [f.line for f in check_text(text, code=True)] == [3]


# Code, quotes, comment markers, backslashes, typography, letters of several scripts, line ends.
_CODE_ALPHABET = "ab =(#/\\'\"é\u0430\u05d0\u4e2d\u2019\u201c\u2014\u2026\r\n"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_CODE_ALPHABET, max_size=160))
def test_typography_in_code_is_what_each_line_holds_outside_strings(text: str) -> None:
    assume("\r" not in text.replace("\r\n", ""))  # (a lone CR numbers lines its own way)
    # The plain path: every non-ASCII line scanned on its own.
    expected = [f for lineno, line in non_ascii_lines(text) for f in typography(lineno, line)]
    found = [f for f in check_text(text, code=True) if f.code == "HL106"]
    assert found == sorted(expected)


def test_typography_outside_strings_is_found_beside_lines_with_it_inside() -> None:
    text = "x = '\u2014'\ny = 1 \u2014 2\nz = \"\u2026\"  # \u2014\n"
    assert [(f.line, f.code) for f in check_text(text, code=True)] == [(2, "HL106")]


def test_typography_only_inside_strings_and_comments_is_silent() -> None:
    text = "x = '\u2014'\ny = 1  # \u2014 2\nz = \"\u2026\"  // \u2014\n"
    assert check_text(text, code=True) == []


def test_every_suspect_starts_with_a_byte_the_gate_keeps() -> None:
    for cp in [*range(0xD800), *range(0xE000, 0x110000)]:
        ch = chr(cp)
        if SUSPECT.match(ch):
            assert _suspect_bytes(ch), f"U+{cp:04X}"


# Suspects whose first byte in UTF-8 differs, and characters that share those first bytes
# without being suspects (typography, Latin-1 letters, Arabic, CJK punctuation, emoji).
_SUSPECT_ALPHABET = (
    "a 'é\u00a0\u00ad\u0085\u034f\u061c\u0628\u1680\u180e\u200b\u200e\u2019\u2014\u202e"
    "\u2800\u3000\u3001\ufe0f\ufeff\uff01\U0001d173\U0001f600\U000e0041\x07\t\r\n"
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_SUSPECT_ALPHABET, max_size=80), st.booleans())
def test_the_invisible_findings_are_those_of_every_line_scanned(text: str, bytes_: bool) -> None:
    assume("\r" not in text.replace("\r\n", ""))  # (a lone CR numbers lines its own way)
    context = _LineContext(text, "", TextContext(text))
    expected = [
        f
        for lineno, line in enumerate(LINE_END.split(text), 1)
        if SUSPECT.search(line)
        for f in context.scan(lineno, line, True)
    ]
    utf8 = text.encode("utf-8") if bytes_ else None
    found = check_text(text, code=True, utf8=utf8)
    assert [f for f in found if f.code == "HL107" or f.code.startswith("HL2")] == sorted(expected)


def test_a_suspect_beside_characters_of_its_first_byte_is_found() -> None:
    text = "x = '\u2019'\ny = '\u200b'\n"  # a quote and a zero-width space: both start with E2
    assert [(f.line, f.code) for f in check_text(text, code=True)] == [(2, "HL202")]
    # Near miss: the quote alone, whose first byte a suspect shares, is no finding.
    assert check_text("x = '\u2019'\n", code=True) == []
