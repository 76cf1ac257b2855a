"""check_text finds the non-ASCII lines that hold a suspect character or typography in their
joined text; the lines it hands to the rules are those that a search of each line finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint.check import check_text
from hooklint.rules.invisible import SUSPECT
from hooklint.rules.typography import CANDIDATES
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
