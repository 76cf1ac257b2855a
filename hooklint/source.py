"""From bytes to checkable text: BOMs, UTF-16/32 recognition, invalid UTF-8 and binary files.

``decode`` never raises. It returns the text to check (``None`` for a binary file, which is
skipped silently) and, where the bytes are not clean, one finding that says where they go wrong.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from itertools import compress, count
from operator import not_

from hooklint.records import NamedTuple
from hooklint.rules import Finding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
LINE_END = re.compile(r"\r\n|\r|\n")


class Decoded(NamedTuple):
    """The text of a file (``None`` when it is binary), its encoding and any decoding problem."""

    text: str | None
    encoding: str
    bom: bytes
    problem: Finding | None


def decode(data: bytes, *, python: bool = False) -> Decoded:
    """Decode a file's bytes for checking. See the module docstring. Python source (``python``)
    is decoded by its coding declaration (PEP 263), as Python and flake8 read it."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], encoding, bom)
    if python and b"coding" in data[:1024]:
        declared = _declared_encoding(data)
        if declared is not None:
            return _decode_as(data, declared, b"")
    if b"\x00" in data:
        guessed = _nul_pattern(data)
        if guessed is not None:
            return _decode_as(data, guessed, b"")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return Decoded(None, "binary", b"", None)
        # Valid UTF-8 with an odd NUL is text with a stray control (HL204); many NULs is data.
        if data.count(b"\x00") * 10 > len(data):
            return Decoded(None, "binary", b"", None)
        return Decoded(text, "utf-8", b"", None)
    return _decode_as(data, "utf-8", b"")


def _declared_encoding(data: bytes) -> str | None:
    """The encoding that a coding declaration on line 1 or 2 names, when it is not UTF-8 and
    Python knows it."""
    if _declares_utf8_or_nothing(data):
        return None  # (most declarations: "# -*- coding: utf-8 -*-")
    import io
    import tokenize

    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:  # an unknown encoding: the file is read as UTF-8, like any other
        return None
    return None if encoding in ("utf-8", "utf-8-sig") else encoding


# tokenize's own patterns (PEP 263), for bytes: a coding declaration, and a line that lets the
# next one declare the encoding instead.
# (The patterns of this module whose names end in _SOURCE are compiled by re where they are
# asked: most files need no coding declaration read.)
_COOKIE_SOURCE = rb"[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)"
_BLANK_SOURCE = rb"[ \t\f]*(?:[#\r\n]|$)"


def _declares_utf8_or_nothing(data: bytes) -> bool:
    """Whether ``tokenize.detect_encoding`` would find UTF-8 in ``data`` (which starts with no
    BOM): no declaration on the line it reads it from, or one that names UTF-8 as it spells it
    (``utf-8``, ``UTF_8``, ``utf-8-unix``…). ``False`` leaves the answer to tokenize.

    tokenize reads line 1, and line 2 when line 1 has no declaration and is blank or a comment;
    it matches its pattern against each line decoded, which reads a line's ASCII characters as
    these bytes (a line that does not decode is refused there, and also means UTF-8 here).
    """
    first_end = data.find(b"\n") + 1 or len(data)
    line = data[:first_end]
    declared = re.compile(_COOKIE_SOURCE).match(line)
    if declared is None and re.compile(_BLANK_SOURCE).match(line):
        second_end = data.find(b"\n", first_end) + 1 or len(data)
        declared = re.compile(_COOKIE_SOURCE).match(data, first_end, second_end)
    if declared is None:
        return True
    name = declared.group(1)[:12].lower().replace(b"_", b"-")
    return name == b"utf-8" or name.startswith(b"utf-8-")


def _decode_as(data: bytes, encoding: str, bom: bytes) -> Decoded:
    try:
        return Decoded(data.decode(encoding), encoding, bom, None)
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode(encoding)
        lines = LINE_END.split(good)
        line, col = len(lines), len(lines[-1]) + 1
        bad = data[exc.start : max(exc.end, exc.start + 1)].hex(" ")
        shown = encoding.upper().replace("-LE", "LE").replace("-BE", "BE")
        problem = Finding(
            line,
            col,
            "HL002",
            f"not valid {shown}: byte(s) {bad} at offset "
            f"{exc.start + len(bom)} ({exc.reason}); the rest is checked as if "
            "they were U+FFFD",
        )
        text = data.decode(encoding, errors="replace")
        return Decoded(text, encoding, bom, problem)


def _nul_pattern(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM, recognised by where its NUL bytes fall (in mostly-ASCII
    text, the high bytes of each code unit)."""
    sample = data[:4096]
    n = len(sample) - len(sample) % 4
    if n < 4:
        return None
    sample = sample[:n]
    quarter = n // 4
    if sample[0::4].count(0) * 10 < quarter and all(
        sample[k::4].count(0) * 10 >= 9 * quarter for k in (1, 2, 3)
    ):
        return "utf-32-le"
    if sample[3::4].count(0) * 10 < quarter and all(
        sample[k::4].count(0) * 10 >= 9 * quarter for k in (0, 1, 2)
    ):
        return "utf-32-be"
    if sample[1::2].count(0) * 10 >= 9 * (n // 2) and sample[0::2].count(0) * 10 < n // 2:
        return "utf-16-le"
    if sample[0::2].count(0) * 10 >= 9 * (n // 2) and sample[1::2].count(0) * 10 < n // 2:
        return "utf-16-be"
    return None


def lines_matching(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, str]]:
    """(number, text) of each line of ``text`` where ``pattern`` matches, without its line end.

    Lines end at ``\\n`` or ``\\r\\n`` (a text with a lone ``\\r`` must be split with
    ``LINE_END`` instead). Lines without a match are passed over by C-level searches, not
    visited one by one.
    """
    lineno, counted, pos = 1, 0, 0
    while (m := pattern.search(text, pos)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        if end < 0:
            end = len(text)
        lineno += text.count("\n", counted, start)
        counted = start
        line = text[start:end]
        yield lineno, line[:-1] if line.endswith("\r") else line
        pos = end + 1


def non_ascii_lines(text: str, utf8: bytes | None = None) -> list[tuple[int, str]]:
    """(number, text) of each line with a non-ASCII character, without its line end, in a text
    whose lines end at ``\\n`` or ``\\r\\n``. ``utf8``, when given, is ``text`` in UTF-8 (the
    bytes it was decoded from).

    Splitting the whole text and asking each line ``isascii`` costs less than searching the
    text for the lines, even when they are few: all of it runs at C speed. Searching the bytes
    costs less still when the non-ASCII characters are very few (a name or a dash in a large
    source file): a text wider than Latin-1 takes two or four bytes a character.
    """
    if utf8 is not None and (len(utf8) - len(text)) * _FEW_NON_ASCII < len(text):
        return _non_ascii_lines_of(utf8)
    lines = text.split("\n")
    wanted = list(map(not_, map(str.isascii, lines)))
    texts = list(compress(lines, wanted))
    if "\r" in text:
        texts = [line[:-1] if line.endswith("\r") else line for line in texts]
    return list(zip(compress(count(1), wanted), texts, strict=True))


# At most one byte of a multi-byte character in this many characters: few enough to search for.
_FEW_NON_ASCII = 1000
_ASCII_BYTES = bytes(range(0x80))
# The bytes that start a character of two to four bytes in UTF-8 (the others of 0x80 and above
# only continue one).
_LEAD_BYTES = frozenset(range(0xC2, 0xF5))


def _non_ascii_lines_of(utf8: bytes) -> list[tuple[int, str]]:
    """``non_ascii_lines`` of the text that the UTF-8 bytes ``utf8`` encode: a line end is the
    same byte in both, and no other byte of a line is ASCII but an ASCII character.

    Each non-ASCII character starts with a lead byte. The bytes less the ASCII ones name the
    few lead bytes that occur; each is then found where it stands by ``bytes.find``, which skips
    at memchr speed where a regex looks at each byte in turn.
    """
    leads = _LEAD_BYTES.intersection(utf8.translate(None, _ASCII_BYTES))
    starts = []  # where each non-ASCII character starts
    for lead in leads:
        byte = bytes((lead,))
        found = utf8.find(byte)
        while found >= 0:
            starts.append(found)
            found = utf8.find(byte, found + 1)
    starts.sort()
    rows = []
    lineno, counted, end = 1, 0, -1
    for found in starts:
        if found < end:
            continue  # on the line already taken
        start = utf8.rfind(b"\n", 0, found) + 1
        end = utf8.find(b"\n", found)
        if end < 0:
            end = len(utf8)
        lineno += utf8.count(b"\n", counted, start)
        counted = start
        line = utf8[start:end].decode("utf-8")
        rows.append((lineno, line[:-1] if line.endswith("\r") else line))
    return rows
