"""Check one file's text: the line loop that feeds every rule family.

Pure-ASCII text without control characters is cleared with two C-level calls; the rule modules
(and the Unicode tables behind them) are imported only when a file has something to look at.
"""

from __future__ import annotations

import re
from operator import itemgetter

from hooklint.records import TYPE_CHECKING
from hooklint.rules import Finding
from hooklint.source import LINE_END, lines_matching, non_ascii_lines

if TYPE_CHECKING:
    from hooklint.context import TextContext

_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# (The patterns of this module whose names end in _SOURCE are compiled by re where they are
# asked: most files hold no carriage return.)
_LONE_CR_SOURCE = r"\r(?!\n)"


def check_text(
    text: str,
    *,
    code: bool = False,
    rows: list[tuple[int, str]] | None = None,
    kind: str = "",
    path: str | None = None,
    utf8: bytes | None = None,
) -> list[Finding]:
    """Every finding of the character rules in ``text``, sorted by position.

    ``code`` marks source code, where unusual spaces are findings (HL107). ``rows`` is
    ``non_ascii_lines(text)``, when the caller has it already. ``kind`` (``markdown``, ``rst``
    …, as :func:`hooklint.run.kind_of` names it) tells where shell commands stand; ``path``
    is where the text comes from: a locale folder or file name can declare its language (see
    ``hooklint.context``). ``utf8`` is ``text`` in UTF-8, when the caller has those bytes.
    """
    findings: list[Finding] = []
    lone_cr = "\r" in text and re.compile(_LONE_CR_SOURCE).search(text) is not None
    if lone_cr and "\n" in text:
        findings.extend(_lone_carriage_returns(text))
    if text.isascii() and not _ASCII_CONTROL.search(text):
        return findings

    from hooklint.context import TextContext
    from hooklint.rules.confusables import ConfusableScan
    from hooklint.rules.invisible import SUSPECT
    from hooklint.rules.typography import CANDIDATES, SKIPPED
    from hooklint.rules.typography import scan_line as typography

    text_context = TextContext(text, path)
    scan = ConfusableScan(text_context)
    context = _LineContext(text, kind, text_context)
    if lone_cr:
        # A lone CR ends a line too: number every line the slow way (rare).
        for lineno, line in enumerate(LINE_END.split(text), 1):
            if SUSPECT.search(line):
                findings.extend(context.scan(lineno, line, code))
            if not line.isascii():
                scan.line(lineno, line)
                if code:
                    findings.extend(typography(lineno, line))
        findings.extend(scan.finish())
        findings.sort()
        return findings

    if rows is None:
        rows = non_ascii_lines(text, utf8)
    joined = "\n".join(map(itemgetter(1), rows))  # searched first, as one text
    # Outside the non-ASCII lines, only an ASCII control can be a suspect.
    suspects = _suspect_bytes(text, utf8)
    if suspects.translate(None, _NO_CONTROL_BYTES):  # an ASCII control
        for lineno, line in lines_matching(SUSPECT, text):
            findings.extend(context.scan(lineno, line, code))
    elif suspects:  # (the n-th line of the joined text is rows[n - 1])
        for index, _ in lines_matching(SUSPECT, joined):
            lineno, line = rows[index - 1]
            findings.extend(context.scan(lineno, line, code))
    # Typography in code counts outside strings and comments only, which a line's own ASCII
    # quotes and comment marker delimit: the lines with a candidate, joined, without them tell
    # if any is left. (SKIPPED never spans a line end, so it finds the same spans in a line
    # alone as among other lines; most non-ASCII lines hold no candidate, and are not searched.)
    if code and CANDIDATES.search(joined):
        candidates = list(lines_matching(CANDIDATES, joined))
        if CANDIDATES.search(SKIPPED.sub("", "\n".join(line for _, line in candidates))):
            for index, _ in candidates:
                lineno, line = rows[index - 1]
                findings.extend(typography(lineno, line))
    if rows:
        findings.extend(scan.lines(rows, joined))
    findings.sort()
    return findings


_DOCUMENTATION = ("markdown", "rst")
# A right-to-left embedding or a bidirectional mark: what a right-to-left file may write.
_RTL_HINTS = re.compile("[\u202b\u200e\u200f\u061c]")


class _LineContext:
    """What the invisible rules need to know of a line beyond its text, found out on first
    need: whether it is a shell command of a documentation code block, whether the file
    declares a right-to-left language."""

    def __init__(self, text: str, kind: str, context: TextContext) -> None:
        self.text = text
        self.kind = kind
        self.context = context
        self._commands: set[int] | None = None

    def scan(self, lineno: int, line: str, code: bool) -> list[Finding]:
        from hooklint.rules.invisible import UNUSUAL_SPACE, scan_line

        command = False
        if self.kind in _DOCUMENTATION and UNUSUAL_SPACE.search(line):
            if self._commands is None:
                from hooklint.rules.commands import command_lines

                lines = LINE_END.split(self.text)
                self._commands = command_lines(lines, rst=self.kind == "rst")
            command = lineno in self._commands
        rtl = bool(_RTL_HINTS.search(line)) and self.context.right_to_left
        return scan_line(lineno, line, code, command=command, rtl_catalogue=rtl)


# The bytes that are no ASCII control: printable ASCII, tab, line ends, and every byte of a
# UTF-8 sequence.
_NO_CONTROL_BYTES = bytes([9, 10, 13, *range(0x20, 0x7F), *range(0x80, 0x100)])
# The first byte in UTF-8 of each suspect character that is not ASCII (U+0080-U+00AD,
# U+034F, U+061C, U+115F-U+180F, U+2000-U+2800, U+3000-U+3164, U+FE00-U+FFFB, U+1D173-U+1D17A,
# U+E0000-U+E01EF)
_SUSPECT_LEAD_BYTES = b"\xc2\xcd\xd8\xe1\xe2\xe3\xef\xf0\xf3"
# The bytes that start no suspect character: deleted, they leave the ASCII controls and the
# first bytes of the other suspects.
_NO_SUSPECT_BYTES = bytes(b for b in _NO_CONTROL_BYTES if b not in _SUSPECT_LEAD_BYTES)


def _suspect_bytes(text: str, utf8: bytes | None = None) -> bytes:
    """The bytes of ``text`` in UTF-8 (``utf8``, if given) that may start a suspect character:
    its ASCII controls, and the first bytes of its characters that start as a suspect does
    (``_SUSPECT_LEAD_BYTES``). Empty when ``text`` holds no suspect: most texts of Cyrillic,
    CJK or Latin letters then need no search for one. (Bytes are deleted faster than characters
    are searched.)"""
    if utf8 is None:
        utf8 = text.encode("utf-8", "surrogatepass")
    return utf8.translate(None, _NO_SUSPECT_BYTES)


def _lone_carriage_returns(text: str) -> list[Finding]:
    """A CR that ends no CRLF in a file that also has LF line ends: it hides what precedes it."""
    out = []
    lineno, start = 1, 0
    for m in LINE_END.finditer(text):
        if m.group() == "\r":
            out.append(
                Finding(
                    lineno,
                    m.start() - start + 1,
                    "HL204",
                    "U+000D CARRIAGE RETURN "
                    "alone, in a file whose other lines end with LF: a terminal "
                    "returns to the start of the line and overwrites it",
                    "\r",
                )
            )
        lineno += 1
        start = m.end()
    return out
