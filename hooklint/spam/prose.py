"""Prose normalised for phrase matching, with a map from every normalised character back home.

A paragraph arrives as spans of the original text that are prose (markup, code and comment
prefixes already left out by the document builders). Here the spans are cut into words at
whitespace and markup separators, every word goes through :func:`hooklint.unicode.chars.skeleton`
(the one lookalike mapping the whole project uses), and the words are joined with single spaces.
Because the skeleton maps one character to one character, a word's characters keep their
offsets, and a position found in the normalised text points back into the original.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from hooklint.spam.phrases import fold_punctuation

Span = tuple[int, int]

# What separates words: whitespace and quote and bracket characters everywhere; in Markdown
# also emphasis delimiters at the edge of a word and backslash escapes; in a gettext catalogue
# also the escapes \n, \t and \" inside a string.
_SEPARATOR = r"[\s\"“”„()\[\]<>]"
_MARKDOWN_SEPARATOR = _SEPARATOR + r"|(?<!\w)[*_~]+|[*_~]+(?!\w)|\\(?=[^\w\s])"
_PO_SEPARATOR = _SEPARATOR + r"|\\[ntr\"]"


def _runs(separator: str) -> str:
    """A run of separators that is anything but one plain space. A single space is already
    what normalised text has between words, so the common case costs no work at all."""
    return rf"(?:\x20(?=(?:{separator}))|(?!\x20)(?=(?:{separator})))(?:{separator})+"


SEPARATORS = _runs(_SEPARATOR)
MARKDOWN_SEPARATORS = _runs(_MARKDOWN_SEPARATOR)
PO_SEPARATORS = _runs(_PO_SEPARATOR)


class Prose:
    """One paragraph: ``text`` (skeleton, original case), ``lower`` (same length), offsets."""

    __slots__ = ("_origins", "_starts", "body", "lower", "text")

    def __init__(self, text: str, starts: list[int], origins: list[int], body: bool) -> None:
        self.text = text
        self.lower = fold_punctuation(_lower(text))
        self._starts = starts
        self._origins = origins
        self.body = body

    def origin(self, index: int) -> int:
        """Offset in the original text of the character at ``index`` of :attr:`text`."""
        k = bisect.bisect_right(self._starts, index) - 1
        if k < 0:
            return self._origins[0] if self._origins else 0
        return self._origins[k] + (index - self._starts[k])


def normalise(
    source: str, spans: Iterable[Span], separators: re.Pattern[str], *, body: bool = True
) -> Prose:
    """The normalised prose of ``spans`` of ``source``; see the module docstring.

    ``separators`` matches separator runs other than a single space (see ``_runs``): the text
    between two of them is copied as it is, single spaces included.
    """
    from hooklint.unicode.chars import skeleton

    pieces: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    length = 0
    for start, end in spans:
        pos = start
        for cut in (*separators.finditer(source, start, end), None):
            stop = end if cut is None else cut.start()
            # A lone space at the very edge of a span is a separator too.
            if pos < stop and source[pos] == " ":
                pos += 1
            if stop > pos and source[stop - 1] == " ":
                stop -= 1
            if stop > pos:
                piece = source[pos:stop]
                if length:
                    pieces.append(" ")
                    length += 1
                starts.append(length)
                origins.append(pos)
                pieces.append(piece if piece.isascii() else skeleton(piece))
                length += len(piece)
            if cut is not None:
                pos = cut.end()
    return Prose("".join(pieces), starts, origins, body)


def join(paragraphs: Sequence[Prose]) -> Prose:
    """All paragraphs as one stream, separated by newlines (for rules that span paragraphs)."""
    parts: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    length = 0
    for prose in paragraphs:
        if not prose.text:
            continue
        if parts:
            parts.append("\n")
            length += 1
        starts.extend(s + length for s in prose._starts)
        origins.extend(prose._origins)
        parts.append(prose.text)
        length += len(prose.text)
    return Prose("".join(parts), starts, origins, True)


def _lower(text: str) -> str:
    """``text.lower()``, but one character for one (``İ`` lowercases to two code points)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
