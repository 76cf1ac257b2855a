"""source._declares_utf8_or_nothing: the coding declarations that name UTF-8 (or none at all)
are read without tokenize, and the decoding is the same as tokenize's for every first two lines."""

from __future__ import annotations

import io
import tokenize

from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint.source import _declared_encoding, _declares_utf8_or_nothing, decode

PIECES = [
    b"#", b" ", b"\t", b"\f", b"coding", b"coding:", b"coding=", b"coding: ", b"-*- ", b" -*-",
    b"utf-8", b"UTF_8", b"utf-8-unix", b"utf8", b"utf-80", b"utf-8.x", b"Utf-8-Sig",
    b"latin-1", b"iso-8859-15", b"cp1252", b"koi8-r", b"nonsense", b"vim: set fileencoding=",
    b"\n", b"\r\n", b"\r", b"x = 1", b"\xc3\xa9", b"\xff", b"\xe2\x80\xa8", b"'", b"\x00",
]  # fmt: skip


def _by_tokenize(data: bytes) -> str | None:
    """_declared_encoding as it was: tokenize's answer, UTF-8 and errors read as None."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        return None
    return None if encoding in ("utf-8", "utf-8-sig") else encoding


# A line as declarations are written: indent, comment mark, words, "coding" and a name.
_LINE = st.tuples(
    st.sampled_from([b"", b" ", b"\t", b"\f"]),
    st.sampled_from([b"", b"#", b"# ", b"#!/usr/bin/env python", b"x = 1 #"]),
    st.sampled_from([b"", b"-*- ", b"vim: set file", b"\xc3\xa9 ", b"\xff"]),
    st.sampled_from([b"", b"coding: ", b"coding=", b"coding:", b"encoding: ", b"coding "]),
    st.sampled_from([b"", b"utf-8", b"UTF_8", b"utf-8-unix", b"utf8", b"latin-1", b"cp1252"]),
    st.sampled_from([b"", b" -*-", b"\r"]),
).map(b"".join)


@settings(max_examples=3000, deadline=None, derandomize=True, database=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(PIECES), max_size=14).map(b"".join),
        st.lists(_LINE, max_size=3).map(b"\n".join),
    )
)
def test_the_shortcut_answers_as_tokenize_does(data: bytes) -> None:
    if data.startswith(b"\xef\xbb\xbf"):
        return  # (a BOM is read before any declaration is looked for)
    assert _declared_encoding(data) == _by_tokenize(data)
    if _declares_utf8_or_nothing(data):
        assert _by_tokenize(data) is None


def test_utf8_declarations_are_read_without_tokenize() -> None:
    for data in (
        b"# -*- coding: utf-8 -*-\nx = '\xc3\xa9'\n",
        b"#!/usr/bin/env python\n# coding=UTF_8\n",
        b"x = 1\n# coding: latin-1\n",  # on line 2 after code: not a declaration at all
    ):
        assert _declares_utf8_or_nothing(data)
        assert decode(data, python=True).text == data.decode("utf-8")


def test_a_declaration_of_another_encoding_is_left_to_tokenize() -> None:
    # Near misses of the UTF-8 declaration: another encoding, on line 1 or after a comment.
    for data in (b"# coding: latin-1\nx = '\xe9'\n", b"#!/usr/bin/env python\n# coding: latin-1\n"):
        assert not _declares_utf8_or_nothing(data)
        assert _declared_encoding(data) == "iso-8859-1"
    assert (
        decode(b"# coding: latin-1\nx = '\xe9'\n", python=True).text
        == "# coding: latin-1\nx = 'é'\n"
    )
