"""The rule families. Each is a pure function of decoded text (plus settings) to findings."""

from __future__ import annotations

from hooklint.records import NamedTuple


class Finding(NamedTuple):
    """A rule's finding inside one file: position (1-based, code points), code, message, char."""

    line: int
    col: int
    code: str
    message: str
    char: str | None = None
