"""Check one file's text: the line loop that feeds every rule family.

Pure-ASCII text without control characters is cleared with two C-level calls; the rule modules
(and the Unicode tables behind them) are imported only when a file has something to look at.
"""

from __future__ import annotations

import re

from hooklint.rules import Finding
from hooklint.source import LINE_END

_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LONE_CR = re.compile(r"\r(?!\n)")


def check_text(text: str, *, code: bool = False) -> list[Finding]:
    """Every finding of the character rules in ``text``, sorted by position.

    ``code`` marks source code, where unusual spaces are findings (HL107).
    """
    findings: list[Finding] = []
    if "\r" in text and "\n" in text and _LONE_CR.search(text):
        findings.extend(_lone_carriage_returns(text))
    if text.isascii():
        if not _ASCII_CONTROL.search(text):
            return findings
        from hooklint.rules.invisible import scan_line

        for lineno, line in enumerate(LINE_END.split(text), 1):
            if _ASCII_CONTROL.search(line):
                findings.extend(scan_line(lineno, line, code))
        findings.sort()
        return findings

    from hooklint.rules.confusables import ConfusableScan
    from hooklint.rules.invisible import SUSPECT, scan_line

    scan = ConfusableScan()
    for lineno, line in enumerate(LINE_END.split(text), 1):
        if line.isascii():
            if _ASCII_CONTROL.search(line):
                findings.extend(scan_line(lineno, line, code))
            continue
        if SUSPECT.search(line):
            findings.extend(scan_line(lineno, line, code))
        scan.line(lineno, line)
    findings.extend(scan.finish())
    findings.sort()
    return findings


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
