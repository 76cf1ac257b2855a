"""Check one file's text: the line loop that feeds every rule family.

Pure-ASCII text without control characters is cleared with two C-level calls; the rule modules
(and the Unicode tables behind them) are imported only when a file has something to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hooklint.rules import Finding
from hooklint.source import LINE_END

_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LONE_CR = re.compile(r"\r(?!\n)")
# A character that is not printable ASCII, tab or a line end.
_INTERESTING = re.compile("[^\t\n\r\x20-\x7e]")


def check_text(text: str, *, code: bool = False) -> list[Finding]:
    """Every finding of the character rules in ``text``, sorted by position.

    ``code`` marks source code, where unusual spaces are findings (HL107).
    """
    findings: list[Finding] = []
    if "\r" in text and "\n" in text and _LONE_CR.search(text):
        findings.extend(_lone_carriage_returns(text))
    if text.isascii() and not _ASCII_CONTROL.search(text):
        return findings

    from hooklint.rules.confusables import ConfusableScan
    from hooklint.rules.invisible import SUSPECT, scan_line

    scan = ConfusableScan()
    if code:
        from hooklint.rules import typography
    for lineno, line in _lines_to_look_at(text):
        if SUSPECT.search(line):
            findings.extend(scan_line(lineno, line, code))
        if not line.isascii():
            scan.line(lineno, line)
            if code:
                findings.extend(typography.scan_line(lineno, line))
    findings.extend(scan.finish())
    findings.sort()
    return findings


def _lines_to_look_at(text: str) -> Iterator[tuple[int, str]]:
    """(number, text) of each line with a non-ASCII or control character, without its line end.

    Lines without one are skipped by C-level searches rather than visited one by one.
    """
    if "\r" in text and _LONE_CR.search(text):
        # A lone CR ends a line too: number the lines the slow way (rare).
        for lineno, line in enumerate(LINE_END.split(text), 1):
            if not line.isascii() or _ASCII_CONTROL.search(line):
                yield lineno, line
        return
    lineno, counted, pos = 1, 0, 0
    while (m := _INTERESTING.search(text, pos)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        if end < 0:
            end = len(text)
        lineno += text.count("\n", counted, start)
        counted = start
        line = text[start:end]
        yield lineno, line[:-1] if line.endswith("\r") else line
        pos = end + 1


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
