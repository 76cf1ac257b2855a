"""The non-ASCII lines of a text found in its UTF-8 bytes (``hooklint.source``): the same rows
as splitting the text, whatever the text, and the bytes searched only when the non-ASCII
characters are few."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint import source
from hooklint.source import _non_ascii_lines_of, non_ascii_lines

# Characters of one to four bytes in UTF-8, of several lead bytes (and some of one lead byte).
_PIECES = [
    "a", " ", "\n", "\r\n", "\r", "é", "ß", "Ж", "я", "ب", "中", "😀", "\U00010348", "\u2028",
    "\x85", "\x00", "\t",
]  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join))
def test_the_rows_of_the_bytes_are_the_rows_of_the_text(text: str) -> None:
    assert _non_ascii_lines_of(text.encode("utf-8")) == non_ascii_lines(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=20).map("".join),
    st.integers(min_value=0, max_value=3000),
)
def test_either_way_is_taken_with_the_same_rows(text: str, padding: int) -> None:
    text = text + "x = 1\n" * padding  # long ASCII text around a few non-ASCII characters
    assert non_ascii_lines(text, text.encode("utf-8")) == non_ascii_lines(text)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=9000), st.sampled_from(_PIECES)), max_size=6
    )
)
def test_the_bytes_are_searched_across_their_blocks(placed: list[tuple[int, str]]) -> None:
    """Non-ASCII characters and line ends at any offset of a long text, at the edges of the
    blocks the search asks ``isascii`` of among them."""
    text = "y" * 9000
    for at, piece in sorted(placed, reverse=True):
        text = text[:at] + piece + text[at:]
    assert _non_ascii_lines_of(text.encode("utf-8")) == non_ascii_lines(text)


@pytest.mark.parametrize("at", [0, 1, 4095, 4096, 4097, 8191, 8192, 12287])
def test_a_non_ascii_character_at_a_block_edge_is_found(at: int) -> None:
    text = "x" * at + "\u00e9" + "z" * 5000 + "\n" + "w" * 9000
    assert _non_ascii_lines_of(text.encode("utf-8")) == [(1, text.split("\n")[0])]
    # Near miss: the same length all ASCII has no such line.
    assert _non_ascii_lines_of(text.replace("\u00e9", "e").encode("utf-8")) == []


def test_few_non_ascii_characters_are_searched_in_the_bytes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    searched: list[bytes] = []

    def spy(utf8: bytes) -> list[tuple[int, str]]:
        searched.append(utf8)
        return _non_ascii_lines_of(utf8)

    monkeypatch.setattr(source, "_non_ascii_lines_of", spy)
    sparse = "x = 1\n" * 2000 + "# café\n"
    assert non_ascii_lines(sparse, sparse.encode("utf-8")) == [(2001, "# café")]
    assert len(searched) == 1
    # Near miss: a text of many non-ASCII lines is split, as without the bytes.
    dense = "# café\n" * 2000
    rows = non_ascii_lines(dense, dense.encode("utf-8"))
    assert len(rows) == 2000
    assert len(searched) == 1


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_PIECES, "\x07", "\x1b", "а", "\u00a0", "\u202e"]), max_size=30),
    st.integers(min_value=0, max_value=2000),
)
def test_the_checks_given_the_bytes_find_what_they_find_without(
    pieces: list[str], padding: int
) -> None:
    from hooklint.check import check_text
    from hooklint.python import check_python

    text = "x = 1\n" * padding + "".join(pieces)
    utf8 = text.encode("utf-8")
    assert check_text(text, code=True, utf8=utf8) == check_text(text, code=True)
    assert check_python(text, None, utf8) == check_python(text)


def test_the_lines_of_several_lead_bytes_are_found_once_each_in_order() -> None:
    text = "x = 1\n# é 中 é\nplain\r\ny = 'Ж'\r\n😀"
    assert _non_ascii_lines_of(text.encode("utf-8")) == [
        (2, "# é 中 é"),
        (4, "y = 'Ж'"),
        (5, "😀"),
    ]
    # Near miss: the same lines with ASCII letters in place of those characters hold none.
    assert _non_ascii_lines_of(b"x = 1\n# e z e\nplain\r\ny = 'Z'\r\nS") == []
