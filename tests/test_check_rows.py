"""check_text finds the non-ASCII lines that hold a suspect character or typography in their
joined text; the lines it hands to the rules are those that a search of each line finds."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hooklint.check import check_text
from hooklint.rules.invisible import SUSPECT
from hooklint.rules.typography import CANDIDATES
from hooklint.rules.typography import scan_line as typography
from hooklint.source import lines_matching, non_ascii_lines

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
