"""Unusual spaces in Python code (HL107) that stand in a comment or a string pass.

``_spaces_in_code`` passes the spaces of a line that holds only a comment without the parser;
these tests hold it to the tokenizer's reading (``_spaces_by_tokens``) on generated texts, valid
Python or not, and show that the shortcut spares the parser.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hooklint.python
from hooklint.check import check_text
from hooklint.python import _spaces_by_tokens, _spaces_in_code
from hooklint.source import LINE_END

# No-break and thin spaces (prose may hold them), an em space (it may not), blanks, quotes,
# triple quotes, comment marks, backslashes, letters of several scripts, an f prefix.
_PIECES = [
    "\u00a0", "\u2009", "\u2003", " ", "\t", "\f", "#", "'", '"', '"""', "'''", "\\", "f",
    "x", "= 1", "(", ")", "é", "я", "中",
]  # fmt: skip


@st.composite
def _source(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        indent = draw(st.sampled_from(["", "    ", "\t", "\f"]))
        head = draw(st.sampled_from(["", "# ", "#", "x = 1  # ", "s = '", 'd = """', "y(\\"]))
        body = "".join(draw(st.lists(st.sampled_from(_PIECES), max_size=8)))
        lines.append(indent + head + body)
    end = draw(st.sampled_from(["\n", "\r\n"]))
    return end.join(lines) + end


@settings(max_examples=500, deadline=None)
@given(_source())
def test_the_comment_lines_shortcut_passes_what_the_tokenizer_passes(text: str) -> None:
    findings = check_text(text, code=True)
    expected = _spaces_by_tokens(text, findings, LINE_END.split(text))
    assert _spaces_in_code(text, findings) == expected


def _parser_refused(text: str) -> None:
    raise AssertionError("the parser was asked")


@pytest.mark.skipif(not hooklint.python._WHOLE_FSTRINGS, reason="Python 3.11 and older")
def test_a_space_in_a_comment_line_passes_without_the_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "def f():\n    # a\u00a0comment\n    return 1\n"
    findings = check_text(text, code=True)
    assert [f.code for f in findings] == ["HL107"]
    monkeypatch.setattr(hooklint.python, "_parse", _parser_refused)
    assert _spaces_in_code(text, findings) == []


def test_a_space_in_code_beside_a_comment_line_is_found() -> None:
    # Near miss: the comment line's space passes, the one in code is a finding.
    text = "def f():\n    # a\u00a0comment\n    return\u00a01\n"
    findings = check_text(text, code=True)
    assert [(f.line, f.code) for f in _spaces_in_code(text, findings)] == [(3, "HL107")]


def test_a_space_after_code_and_a_comment_mark_is_left_to_the_tokenizer() -> None:
    # The "#" of this line follows code: the tokenizer reads it (a comment all the same), and
    # an em space, which prose does not hold, is a finding even in a comment line.
    text = "x = 1  # a\u00a0b\n# c\u2003d\n"
    findings = check_text(text, code=True)
    assert [(f.line, f.char) for f in _spaces_in_code(text, findings)] == [(2, "\u2003")]


def test_a_comment_mark_inside_a_string_that_closes_on_its_line_is_not_a_comment() -> None:
    # Found by the test above: the "#" line stands inside the string the line before opens,
    # and the string closes before the no-break space, which is code. The tokenizer decides.
    text = 'd = """\n# """\u00a0\n'
    findings = check_text(text, code=True)
    assert [(f.line, f.col) for f in _spaces_in_code(text, findings)] == [(2, 6)]
    # Near miss: with no quote before it, the space is in the string or in a comment.
    text = 'd = """\n# a\u00a0b\n"""\n'
    assert _spaces_in_code(text, check_text(text, code=True)) == []
