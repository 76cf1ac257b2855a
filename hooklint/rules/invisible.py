"""Invisible and control characters (HL201–HL205, and HL107 in code).

Each character is reported at its own column. Joiners, selectors and tags are judged by their
neighbours: a ZWJ inside an emoji sequence, a ZWNJ inside a Persian or Hindi word, a selector after
an emoji or an ideograph, and the tag sequence of a subdivision flag are how those scripts and
emoji are written, and pass.
"""

from __future__ import annotations

import re
import unicodedata

from hooklint.diagnostic import describe, escape_char
from hooklint.rules import Finding

#: every character this module may report (the scan of a line starts with this one search)
SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xa0\xad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5"
    "\u180b-\u180f\u2000-\u200f\u2028-\u202f\u205f-\u206f\u2800\u3000\u3164\ufe00-\ufe0f\ufeff"
    "\uffa0\ufff9-\ufffb\U0001d173-\U0001d17a\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
#: the ASCII controls alone, for pure-ASCII text
ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

_OPENERS = {
    "\u202a": "E",
    "\u202b": "E",
    "\u202d": "E",
    "\u202e": "E",
    "\u2066": "I",
    "\u2067": "I",
    "\u2068": "I",
}
_CLOSERS = {"\u202c": "E", "\u2069": "I"}
_BIDI_MARKS = frozenset("\u200e\u200f\u061c")
# Right-to-left scripts. This class and the two of scripts below are left to re's cache to
# compile on first use: compiling a class of many big ranges costs milliseconds, and few files
# need them.
_RTL = (
    "[\u0590-\u061b\u061d-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_UNUSUAL_SPACES = frozenset(
    "\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_ZERO_WIDTH = frozenset(
    "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\u2065\u206a\u206b"
    "\u206c\u206d\u206e\u206f\ufeff\xad\u180e\u115f\u1160\u3164\uffa0\u2800"
    "\u034f\u17b4\u17b5\ufff9\ufffa\ufffb"
)
_CSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_TAG_FLAG = re.compile(
    "\U000e0067[\U000e0030-\U000e0039\U000e0061-\U000e007a]{2,6}\U000e007f|"
    "[\U000e0061-\U000e007a]{2}[\U000e0030-\U000e0039\U000e0061-\U000e007a]{1,4}"
    "\U000e007f"
)
_TAG_RUN = re.compile("[\U000e0000-\U000e007f]+")

# Scripts written with joiners inside words: Arabic-script and Syriac, N'Ko, the Indic scripts,
# Sinhala, Mongolian. And scripts written without spaces, where ZWSP marks word breaks.
_JOINING = (
    "[\u0600-\u08ff\u0700-\u074f\u07c0-\u07ff\u0900-\u0dff\u1800-\u18af"
    "\ua8e0-\ua8ff\ufb50-\ufdff\ufe70-\ufefc\U00011000-\U0001107f]"
)
_NO_SPACES = (
    "[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff"
    "\u1a20-\u1aaf\u1b00-\u1b7f\u3040-\u30ff\u3400-\u9fff\ua9e0-\ua9ff]"
)


def _is_emoji(ch: str) -> bool:
    if not ch:
        return False
    cp = ord(ch)
    return (
        cp >= 0x1F000
        or 0x2190 <= cp <= 0x21FF
        or 0x2300 <= cp <= 0x23FF
        or 0x2460 <= cp <= 0x27BF
        or 0x2900 <= cp <= 0x2BFF
        or cp in (0xA9, 0xAE, 0x203C, 0x2049, 0x2122, 0x2139, 0x3030, 0x303D, 0x3297, 0x3299)
    )


def _is_ideograph(ch: str) -> bool:
    if not ch:
        return False
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x3134F


def _at(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else ""


def scan_line(lineno: int, line: str, code: bool) -> list[Finding]:
    """Findings for the invisible and control characters of one line (without its line end).

    ``code`` says the file is source code, where unusual spaces are findings too (HL107).
    """
    out: list[Finding] = []
    tag_end = -1
    stack: list[tuple[str, int, str]] = []
    bidi: list[tuple[int, str]] = []
    rtl_line: bool | None = None
    for m in SUSPECT.finditer(line):
        i = m.start()
        ch = m.group()
        if i < tag_end:
            continue
        col = i + 1
        if ch in _OPENERS or ch in _CLOSERS:
            bidi.append((i, ch))
            if ch in _OPENERS:
                stack.append((_OPENERS[ch], i, ch))
            elif _CLOSERS[ch] == "I":
                # PDI closes the innermost isolate and every embedding opened inside it.
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == "I":
                        del stack[k:]
                        break
            elif stack and stack[-1][0] == "E":
                # PDF closes an embedding or override, but never across an open isolate.
                stack.pop()
        elif ch in _BIDI_MARKS:
            if rtl_line is None:
                rtl_line = bool(re.search(_RTL, line))
            if not rtl_line:
                out.append(
                    Finding(
                        lineno,
                        col,
                        "HL201",
                        f"{describe(ch)} bidirectional mark "
                        "outside right-to-left text changes how the line is displayed",
                        ch,
                    )
                )
        elif "\U000e0000" <= ch <= "\U000e007f":
            run = _TAG_RUN.match(line, i)
            assert run is not None
            tag_end = run.end()
            if _at(line, i - 1) == "\U0001f3f4" and _TAG_FLAG.fullmatch(run.group()):
                continue
            hidden = "".join(_tag_text(t) for t in run.group())
            if len(hidden) > 120:
                hidden = hidden[:119] + "…"
            out.append(
                Finding(
                    lineno,
                    col,
                    "HL203",
                    f"{len(run.group())} tag character(s) "
                    f"starting with {describe(ch)} hide the text '{hidden}'",
                    ch,
                )
            )
        elif "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef":
            why = _selector_problem(line, i, ch)
            if why:
                out.append(Finding(lineno, col, "HL205", f"{describe(ch)} {why}", ch))
        elif ch in _UNUSUAL_SPACES:
            if code:
                out.append(
                    Finding(
                        lineno,
                        col,
                        "HL107",
                        f"{describe(ch)} in code looks like a plain space but is not one",
                        ch,
                    )
                )
        elif ch in _ZERO_WIDTH:
            why = _invisible_problem(line, i, ch)
            if why:
                out.append(Finding(lineno, col, "HL202", f"{describe(ch)} {why}", ch))
        elif ch == "\x1b":
            seq = _CSI.match(line, i)
            shown = "".join(
                escape_char(c) if not c.isprintable() else c for c in (seq.group() if seq else ch)
            )
            what = f"ANSI escape sequence '{shown}'" if seq and len(shown) > 4 else "escape"
            out.append(
                Finding(
                    lineno,
                    col,
                    "HL204",
                    f"{describe(ch)} {what} can rewrite what a terminal shows",
                    ch,
                )
            )
        elif ch in "\u2028\u2029\x85":
            out.append(
                Finding(
                    lineno,
                    col,
                    "HL204",
                    f"{describe(ch)} is a line break to some programs and not to others",
                    ch,
                )
            )
        else:
            out.append(
                Finding(
                    lineno,
                    col,
                    "HL204",
                    f"{describe(ch)} control character '{escape_char(ch)}' in text",
                    ch,
                )
            )
    if bidi:
        open_at = {i for _, i, _ in stack}
        for i, ch in bidi:
            if i in open_at:
                why = "is never closed on this line, so the rest of the line is displayed reordered"
            elif ch in _CLOSERS:
                why = "closes a bidirectional run: text on this line may display in another order"
            else:
                why = "reorders how the text after it is displayed (Trojan Source)"
            out.append(
                Finding(lineno, i + 1, "HL201", f"{describe(ch)} bidirectional control {why}", ch)
            )
        out.sort()
    return out


def _tag_text(t: str) -> str:
    value = ord(t) - 0xE0000
    if 0x20 <= value < 0x7F:
        return chr(value)
    return "<" + unicodedata.name(t, f"U+{ord(t):04X}").lower() + ">"


def _invisible_problem(line: str, i: int, ch: str) -> str | None:
    before, after = _at(line, i - 1), _at(line, i + 1)
    if ch == "\u200d":
        if (_is_emoji(before) or before in "\ufe0f") and _is_emoji(after):
            return None
        if re.match(_JOINING, before) or re.match(_JOINING, after):
            return None
        return "(zero width joiner) is invisible here: it joins neither emoji nor letters"
    if ch == "\u200c":
        if re.match(_JOINING, before) or re.match(_JOINING, after):
            return None
        return "(zero width non-joiner) is invisible and has no effect between these characters"
    if ch == "\u200b":
        if re.match(_NO_SPACES, before) or re.match(_NO_SPACES, after):
            return None
        return "is invisible and splits the text where no break shows"
    if ch == "\u2800":
        if "\u2801" <= before <= "\u28ff" or "\u2801" <= after <= "\u28ff":
            return None
        return "is a blank braille pattern that looks like a space but is not one"
    if ch == "\ufeff":
        return "(a byte order mark) is invisible when it is not the first character of the file"
    if ch == "\xad":
        return "(soft hyphen) is invisible unless the line is broken there"
    if ch in "\u115f\u1160\u3164\uffa0":
        return "(Hangul filler) is blank and can stand in for a name or a space"
    return "is an invisible formatting character"


def _selector_problem(line: str, i: int, ch: str) -> str | None:
    before = _at(line, i - 1)
    if ("\ufe00" <= before <= "\ufe0f") or ("\U000e0100" <= before <= "\U000e01ef"):
        return "follows another variation selector: a run of selectors has no visible meaning"
    if ch >= "\U000e0100":
        if _is_ideograph(before):
            return None
        return "is an ideographic variation selector that does not follow an ideograph"
    if ch in "\ufe0e\ufe0f":
        # Digits, # and * have text and emoji presentations too (and start keycaps).
        if _is_emoji(before) or (before and before in "0123456789#*"):
            return None
    elif (
        _is_ideograph(before)
        or _is_emoji(before)
        or unicodedata.category(before or " ")
        in (
            "Sm",
            "Lo",
            "Mn",
        )
    ):
        return None
    if not before:
        return "starts the line: a variation selector has no character to vary"
    return (
        f"follows '{escape_char(before) if not before.isprintable() else before}', "
        "which has no variants: the selector is invisible"
    )
