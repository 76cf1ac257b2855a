"""Where findings point: 1-based lines and code-point columns in the original text, whatever the
line endings, the characters before them, or the markup around them."""

from __future__ import annotations

import pytest

from hooklint.spam import check_spam


def positions(text: str, kind: str = "markdown") -> list[tuple[int, int, str]]:
    return [(f.line, f.col, f.code) for f in check_spam(text, kind)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\nb https://bit.ly/x\n", [(2, 3, "HL305")]),
        ("a\r\nb https://bit.ly/x\r\n", [(2, 3, "HL305")]),
        ("a\rb https://bit.ly/x\r", [(2, 3, "HL305")]),
        ("\U0001f600\U0001f600 https://bit.ly/x\n", [(1, 4, "HL305")]),
        ("e\u0301\te\u0301 https://bit.ly/x\n", [(1, 7, "HL305")]),
    ],
    ids=["lf", "crlf", "lone-cr", "astral-characters", "combining-marks-and-tab"],
)
def test_line_and_code_point_column(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert positions(text, "text") == expected
    assert positions(text, "markdown") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("> quoted: [Download it](https://bit.ly/x)\n", [(1, 25, "HL305")]),
        ("- item\n  - nested [Download it](https://bit.ly/x)\n", [(2, 26, "HL305")]),
        ("| a | b |\n|---|---|\n| x | [Download it](https://bit.ly/x) |\n", [(3, 21, "HL305")]),
        ("See [Download it][dl].\n\n[dl]: https://bit.ly/x\n", [(3, 7, "HL305")]),
        ("See <https://bit.ly/x>.\n", [(1, 6, "HL305")]),
        ("Text\n\n    [Download it](https://bit.ly/x)\n", []),
        ("Run `curl https://bit.ly/x`.\n", []),
    ],
    ids=[
        "blockquote",
        "nested-list",
        "table-cell",
        "reference-definition",
        "autolink",
        "indented-code",
        "code-span",
    ],
)
def test_markdown_positions(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert positions(text) == expected


def test_link_text_position_inside_a_paragraph() -> None:
    text = "First line of a paragraph\nand then [buy essay online](https://essays.example/)\n"
    assert positions(text) == [(2, 11, "HL306")]


def test_template_reported_at_its_start_across_lines() -> None:
    text = (
        "Nice.\n> If you liked this post and you would like to get more\n"
        "> details about cheap flights please visit our own web page.\n"
    )
    assert positions(text) == [(2, 3, "HL301")]


def test_regions_positions_refer_to_the_whole_text() -> None:
    text = 'url = "https://bit.ly/in-code"\n# docs: https://bit.ly/in-comment\n'
    start = text.index("#")
    found = check_spam(text, "text", regions=[(start, len(text) - 1)])
    assert [(f.line, f.col, f.code) for f in found] == [(2, 9, "HL305")]


def test_findings_are_sorted_by_line_and_column() -> None:
    text = "https://tinyurl.com/b x https://bit.ly/a\nhttps://xn--pple-43d.com/\n"
    found = check_spam(text, "text")
    assert [(f.line, f.col) for f in found] == sorted((f.line, f.col) for f in found)
    assert len(found) == 3


def test_messages_escape_unsafe_characters() -> None:
    # A bidi control inside a link text must never reach the terminal raw.
    text = "[buy essay\u202e online](https://essays.example/)\n"
    (finding,) = check_spam(text, "markdown")
    assert "\u202e" not in finding.message
    assert "U+202E" in finding.message
    assert "\n" not in finding.message
