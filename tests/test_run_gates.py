"""The byte-level gates of hooklint.run: each cheap test must never skip a file that the full
check would report on (property tests against the plain definition), and must still skip
the files it is there to skip (near misses)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint.run import _TEMPLATE_WORDS, _may_hold_spam

# Bytes that make up the needles, their neighbours, and a few others: random texts over them
# hold the needles, their pieces and near misses often.
_NEEDLE_BYTES = sorted(set(b"xn-- our own web") | set(b"wWxXo\n\t\x80"))


def _spam_needle_in(data: bytes) -> bool:
    """The plain definition of what a source file or catalogue must hold to be read for spam."""
    return b"xn--" in data or any(word.encode() in data for word in _TEMPLATE_WORDS)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_NEEDLE_BYTES), max_size=40).map(bytes))
def test_source_spam_gate_is_the_needle_search(data: bytes) -> None:
    for kind in ("python", "po"):
        assert _may_hold_spam(kind, data) is _spam_needle_in(data)


@settings(max_examples=500, deadline=None)
@given(
    st.binary(max_size=30),
    st.sampled_from(["xn--", *_TEMPLATE_WORDS]),
    st.binary(max_size=30),
)
def test_source_spam_gate_finds_each_needle_anywhere(
    before: bytes, needle: str, after: bytes
) -> None:
    assert _may_hold_spam("python", before + needle.encode() + after)


@pytest.mark.parametrize(
    ("data", "read"),
    [
        pytest.param(b"# see http://xn--80ak6aa92e.com", True, id="punycode"),
        pytest.param(b"# visit our own site", True, id="our-own"),
        pytest.param(b'"""Contact us at our web-page"""', True, id="our-web"),
        pytest.param(b"our own", False, id="no-space-before"),
        pytest.param(b"# write your own parser", False, id="your-own"),
        pytest.param(b"x = our_own + our_web", False, id="names"),
        pytest.param(b"n = x-n--1  # xn-", False, id="near-punycode"),
        pytest.param(b"w", False, id="lone-w"),
        pytest.param(b"", False, id="empty"),
    ],
)
def test_source_spam_gate_cases(data: bytes, read: bool) -> None:
    assert _may_hold_spam("python", data) is read
    assert _may_hold_spam("po", data) is read
