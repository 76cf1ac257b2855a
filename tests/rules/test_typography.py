"""HL106: typographic lookalikes of ASCII syntax in code (opt-in)."""

from __future__ import annotations

import pytest

from hooklint.check import check_text


def hl106(text: str, *, code: bool = True) -> list[tuple[int, str]]:
    return [(f.col, f.code) for f in check_text(text, code=code) if f.code == "HL106"]


@pytest.mark.parametrize(
    ("line", "char"),
    [
        pytest.param("run: pip install \u2013upgrade hooklint", "\u2013", id="en-dash-option"),
        pytest.param("x = a \u2212 b", "\u2212", id="minus-sign"),
        pytest.param("name: \u201chooklint\u201d", "\u201c", id="curly-quotes-as-quotes"),
    ],
)
def test_flagged_in_code(line: str, char: str) -> None:
    assert hl106(line)[0] == (line.index(char) + 1, "HL106")


@pytest.mark.parametrize(
    "line",
    [
        pytest.param('msg = "it\u2019s done \u2013 really"', id="inside-double-quotes"),
        pytest.param("msg = 'a \u201cquote\u201d'", id="inside-single-quotes"),
        pytest.param("x = 1  # it\u2019s the user\u2019s value \u2013 fine", id="hash-comment"),
        pytest.param("int x = 1; // don\u2019t \u2013 ever", id="slash-comment"),
    ],
)
def test_silent_in_strings_and_comments(line: str) -> None:
    assert hl106(line) == []


def test_silent_in_prose() -> None:
    assert hl106("It\u2019s done \u2013 really.", code=False) == []


def test_double_dash_option_is_not_a_comment() -> None:
    line = "pip install --upgrade \u2013pre hooklint"
    assert hl106(line) == [(line.index("\u2013") + 1, "HL106")]
