"""A finding, and how any text that came from a checked file is made safe to print."""

from __future__ import annotations

import re

from hooklint.records import NamedTuple


class Diagnostic(NamedTuple):
    """One finding: where (1-based line, 1-based column in code points), which rule, and why."""

    path: str
    line: int
    col: int
    code: str
    message: str
    char: str | None = None  # the offending code point, where there is one
    source: str | None = None  # the text of the line, when the output needs it

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"


# Everything that could move the cursor, recolour the terminal, reorder the line or hide text:
# C0/C1 controls, DEL, bidi controls, zero-width and other format characters, line and
# paragraph separators, variation selectors, tag characters and unassigned/private code points.
# (Left to re's cache to compile on first use: most runs print nothing that needs it.)
_UNSAFE = (
    "[\x00-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0"
    "\ufff0-\ufffb\U0001d173-\U0001d17a\U000e0000-\U000e0fff\ud800-\udfff]"
)


def escape_char(ch: str) -> str:
    """How one unsafe character is shown: ``\\x1b`` for ASCII controls, ``U+202E`` otherwise."""
    cp = ord(ch)
    if cp < 0x80:
        return f"\\x{cp:02x}"
    return f"U+{cp:04X}"


def safe(text: str) -> str:
    """``text`` with every control, bidi, invisible or tag character written as an escape."""
    if text.isascii() and text.isprintable():
        return text
    out = re.sub(_UNSAFE, lambda m: escape_char(m.group()), text)
    # Anything else that is not printable (unassigned, private use, other Cf) is escaped too.
    if not out.isprintable():
        out = "".join(c if c.isprintable() or c == " " else escape_char(c) for c in out)
    return out


def describe(ch: str) -> str:
    """``'а' U+0430 CYRILLIC SMALL LETTER A``, with the character itself only when it is safe."""
    import unicodedata  # (here: a run over ASCII files describes no character)

    name = unicodedata.name(ch, "") or _fallback_name(ch)
    shown = safe(ch)
    if shown == ch:
        return f"'{ch}' U+{ord(ch):04X} {name}"
    return f"U+{ord(ch):04X} {name}"


def _fallback_name(ch: str) -> str:
    cp = ord(ch)
    if cp < 0x20 or 0x7F <= cp < 0xA0:
        return "<control>"
    if 0xE0000 <= cp <= 0xE007F:
        return "TAG CHARACTER"
    return "<unnamed>"
