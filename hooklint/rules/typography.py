"""Typographic lookalikes of ASCII syntax in code (HL106, opt-in).

A curly quote, an en dash or a minus sign where code needs ``'``, ``"`` or ``-`` breaks a command
line (``pip install –upgrade``), a YAML value or a string comparison while looking right. Inside
ASCII-quoted strings and after a comment marker they are typography, and pass.
"""

from __future__ import annotations

import re

from hooklint.diagnostic import describe
from hooklint.rules import Finding

#: typographic character → the ASCII character it stands in for
TYPOGRAPHY = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\uff07": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\uff02": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\uff0d": "-", "\u2044": "/", "\u2215": "/", "\uff0f": "/", "\u02bc": "'", "\u00b4": "'",
}  # fmt: skip
#: any character of ``TYPOGRAPHY``
CANDIDATES = re.compile("[" + "".join(sorted(TYPOGRAPHY)) + "]")
#: a one-line string in ASCII quotes (never across a line end, so that it can run on many lines
#: joined)
QUOTED = r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'"""
#: such a string, or a comment to the end of the line: typography there is fine
SKIPPED = re.compile(QUOTED + r"|(?:^|(?<=\s))(?:#|//).*")


def scan_line(lineno: int, line: str) -> list[Finding]:
    """HL106 findings on one line of code."""
    if not CANDIDATES.search(line):
        return []
    skipped = [m.span() for m in SKIPPED.finditer(line)]
    out = []
    for m in CANDIDATES.finditer(line):
        i = m.start()
        if any(start <= i < end for start, end in skipped):
            continue
        ch = m.group()
        out.append(
            Finding(
                lineno,
                i + 1,
                "HL106",
                f"{describe(ch)} in code stands where '{TYPOGRAPHY[ch]}' is expected",
                ch,
            )
        )
    return out
