"""Plain substring search and the windows around its hits, shared by the prefilter and rules.

One C-level ``str.find`` per word beats one regex alternation over the text by a factor of
ten or more, and merged windows keep the work of whatever runs inside them linear.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from hooklint.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import AnyStr

Span = tuple[int, int]


def find_all(text: AnyStr, needle: AnyStr) -> Iterator[int]:
    """Every offset of ``needle`` in ``text`` (plain substring search, overlapping)."""
    pos = text.find(needle)
    while pos >= 0:
        yield pos
        pos = text.find(needle, pos + 1)


def positions(text: AnyStr, words: Iterable[AnyStr]) -> list[int]:
    """Sorted offsets of every occurrence of any of ``words``: one C-level substring search per
    word, which is many times faster than one regex alternation over the text."""
    out: list[int] = []
    for word in words:
        out.extend(find_all(text, word))
    out.sort()
    return out


def windows(offsets: Iterable[int], length: int, before: int, after: int) -> Iterator[Span]:
    """Merged [start, end) windows from ``before`` characters ahead of each offset (in order)
    to ``after`` characters past it."""
    start = end = -1
    for at in offsets:
        a, b = max(0, at - before), min(length, at + after)
        if start >= 0 and a <= end:
            end = max(end, b)
            continue
        if start >= 0:
            yield start, end
        start, end = a, b
    if start >= 0:
        yield start, end
