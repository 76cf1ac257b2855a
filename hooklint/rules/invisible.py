"""Invisible and control characters (HL201–HL205, and HL107 in code).

Each character is reported at its own column. Joiners, selectors and tags are judged by their
neighbours: a ZWJ inside an emoji sequence, a ZWNJ inside a Persian or Hindi word, a selector after
an emoji or an ideograph, and the tag sequence of a subdivision flag are how those scripts and
emoji are written, and pass.

The rest by the line and the file they stand in: a ZWSP by the scripts of its line (Thai, Khmer …
mark word breaks with it; Chinese and Japanese need none), a form feed by its place (a page break
starts a line), an unusual space by what a parser makes of it (text inside a string, a command in
a documentation code block), a control by what it lists (a regular expression class of controls,
mojibake in a string), a translator's embedding by the language the file declares.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise

from hooklint.diagnostic import describe, escape_char
from hooklint.rules import Finding
from hooklint.rules.typography import QUOTED

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
#: the spaces that text writes on purpose: no-break (a thousands separator, French « … »),
#: figure, thin, narrow no-break, ideographic. Inside a string they are text; the rarer ones
#: (en quad, em space, ogham …) stay findings even there, as ruff's RUF001 has it.
TEXT_SPACES = frozenset("\xa0\u2007\u2009\u202f\u3000")
#: any unusual space
UNUSUAL_SPACE = re.compile("[" + "".join(sorted(_UNUSUAL_SPACES)) + "]")
_ZERO_WIDTH = frozenset(
    "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\u2065\u206a\u206b"
    "\u206c\u206d\u206e\u206f\ufeff\xad\u180e\u115f\u1160\u3164\uffa0\u2800"
    "\u034f\u17b4\u17b5\ufff9\ufffa\ufffb"
)
# (The patterns of this module whose names end in _SOURCE are compiled by re where a character
# asks for them: most runs meet no such character.)
_CSI_SOURCE = r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])"
_TAG_FLAG_SOURCE = (
    "\U000e0067[\U000e0030-\U000e0039\U000e0061-\U000e007a]{2,6}\U000e007f|"
    "[\U000e0061-\U000e007a]{2}[\U000e0030-\U000e0039\U000e0061-\U000e007a]{1,4}"
    "\U000e007f"
)
_TAG_RUN_SOURCE = "[\U000e0000-\U000e007f]+"

# Scripts written with joiners inside words: Arabic-script and Syriac, N'Ko, the Indic scripts,
# Sinhala, Mongolian. And the scripts written without spaces whose writers mark word breaks
# with ZWSP: Thai, Lao, Tibetan, Myanmar, Khmer, Tai scripts, Balinese, Javanese. Chinese and
# Japanese are written without spaces too, but break lines between any two characters and
# need no ZWSP: one between two ideographs splits a word (and a search for it) invisibly.
_JOINING = (
    "[\u0600-\u08ff\u0700-\u074f\u07c0-\u07ff\u0900-\u0dff\u1800-\u18af"
    "\ua8e0-\ua8ff\ufb50-\ufdff\ufe70-\ufefc\U00011000-\U0001107f]"
)
_NO_SPACES = (
    "[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff"
    "\u1a20-\u1aaf\u1b00-\u1b7f\ua9e0-\ua9ff\uaa60-\uaa7f]"
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


def scan_line(
    lineno: int, line: str, code: bool, *, command: bool = False, rtl_catalogue: bool = False
) -> list[Finding]:
    """Findings for the invisible and control characters of one line (without its line end).

    ``code`` says the file is source code, where unusual spaces outside the line's strings are
    findings too (HL107); ``command`` says the line is a shell command of a code block in
    documentation, where they are findings outside a comment. ``rtl_catalogue`` says the file
    is declared to be in a right-to-left language, where a translator's embedding around
    right-to-left text only, and a bidirectional mark inside a quoted string, pass.
    """
    out: list[Finding] = []
    tag_end = -1
    stack: list[tuple[str, int, str]] = []
    bidi: list[tuple[int, str]] = []
    closed: list[tuple[int, int]] = []  # (opener, PDF) of each embedding closed on the line
    rtl_line: bool | None = None
    facts = _LineFacts(line)
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
                closed.append((stack.pop()[1], i))
        elif ch in _BIDI_MARKS:
            if rtl_line is None:
                rtl_line = bool(re.search(_RTL, line))
            if (
                not rtl_line
                and not (rtl_catalogue and facts.in_string(i))
                and not facts.sets_direction_of_symbols(i)
            ):
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
            run = re.compile(_TAG_RUN_SOURCE).match(line, i)
            assert run is not None
            tag_end = run.end()
            if _at(line, i - 1) == "\U0001f3f4" and re.compile(_TAG_FLAG_SOURCE).fullmatch(
                run.group()
            ):
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
            if command or code:
                if ch in TEXT_SPACES and (
                    facts.in_shell_comment(i) if command else facts.in_string(i)
                ):
                    continue  # text in a string (or a shell comment): no parser splits it
                where = (
                    "in a shell command looks like a plain space but is not one: "
                    "the command breaks when it is copied"
                    if command
                    else "in code looks like a plain space but is not one"
                )
                out.append(Finding(lineno, col, "HL107", f"{describe(ch)} {where}", ch))
        elif ch in _ZERO_WIDTH:
            if _named_alone(line, i, ch):
                continue
            why = _invisible_problem(facts, i, ch)
            if why:
                out.append(Finding(lineno, col, "HL202", f"{describe(ch)} {why}", ch))
        elif ch == "\x1b":
            if code and facts.listed_control(i):
                continue
            seq = re.compile(_CSI_SOURCE).match(line, i)
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
            if ch == "\f" and facts.page_break(i):
                continue
            if code and facts.listed_control(i):
                continue
            meant = _mojibake(line, i) if "\x80" <= ch <= "\x9f" else None
            if meant is not None and facts.in_string(i):
                continue  # data: a decoder's test case, a notebook's output
            what = (
                f"is a byte of mojibake (UTF-8 read as Latin-1, where {describe(meant)} was meant)"
                if meant is not None
                else f"control character '{escape_char(ch)}' in text"
            )
            out.append(Finding(lineno, col, "HL204", f"{describe(ch)} {what}", ch))
    if bidi:
        open_at = {i for _, i, _ in stack}
        if rtl_catalogue:
            passed = _translator_embeddings(line, closed, stack, bidi)
            bidi = [(i, ch) for i, ch in bidi if i not in passed]
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


#: a shell comment: from a ``#`` that starts a word to the end of the line
_SHELL_COMMENT_SOURCE = r"(?:^|(?<=\s))#.*"
#: a one-line string in ASCII quotes
_STRING_SOURCE = QUOTED
#: a ``[...]`` without brackets inside
_BRACKETS_SOURCE = r"\[[^\[\]]*\]"
_CONTROL_RUN_SOURCE = "[\x00-\x08\x0b-\x1f\x7f-\x9f]+"


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    """Whether ``i`` lies in one of ``spans`` (sorted, not overlapping)."""
    k = bisect_right(spans, (i, _AFTER_ALL)) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


_AFTER_ALL = 1 << 62


class _LineFacts:
    """What the rules ask about one line, each found out once, on first need (a line may hold a
    million suspects: every answer costs one pass over the line at most)."""

    def __init__(self, line: str) -> None:
        self.line = line
        self._blank_prefix = -1
        self._strings: list[tuple[int, int]] | None = None
        self._comment: list[tuple[int, int]] | None = None
        self._brackets: list[tuple[int, int]] | None = None
        self._run = (-1, -1, False)  # the last run looked up: start, end, listed
        self._no_spaces: bool | None = None
        self._zwsp = (-1, -1)  # the last run of ZWSP looked up: start, end

    def page_break(self, i: int) -> bool:
        """Whether the form feed at ``i`` starts the line (after other form feeds and blanks):
        a page break, as in licence texts, pdftotext output and Python source (PEP 8), and not a
        character inside a word."""
        if self._blank_prefix < 0:
            self._blank_prefix = len(self.line) - len(self.line.lstrip(" \t\f"))
        return i < self._blank_prefix

    def in_string(self, i: int) -> bool:
        """Whether ``i`` lies inside a one-line string in ASCII quotes (not on a quote)."""
        return self._string_at(i) is not None

    def _string_at(self, i: int) -> tuple[int, int] | None:
        """The ``[start, end)`` of the content of the one-line string that holds ``i``."""
        if self._strings is None:
            self._strings = [
                (m.start() + 1, m.end() - 1) for m in re.compile(_STRING_SOURCE).finditer(self.line)
            ]
        k = bisect_right(self._strings, (i, _AFTER_ALL)) - 1
        if k >= 0 and self._strings[k][0] <= i < self._strings[k][1]:
            return self._strings[k]
        return None

    def sets_direction_of_symbols(self, i: int) -> bool:
        """Whether the bidirectional mark at ``i`` opens or closes a string of symbols, digits
        and punctuation only (a button label ``"<LRM>( )"``): it fixes the direction those
        neutral characters take in an interface of the other direction, and can neither
        reorder nor disguise a word."""
        span = self._string_at(i)
        if span is None or i not in (span[0], span[1] - 1):
            return False
        import unicodedata  # (here: most runs ask no character's properties)

        rest = [c for c in self.line[span[0] : span[1]] if c not in _BIDI_MARKS]
        return bool(rest) and not any(unicodedata.category(c)[0] == "L" for c in rest)

    def in_shell_comment(self, i: int) -> bool:
        if self._comment is None:
            self._comment = [
                m.span() for m in re.compile(_SHELL_COMMENT_SOURCE).finditer(self.line)
            ]
        return _inside(self._comment, i)

    def listed_control(self, i: int) -> bool:
        """Whether the control at ``i`` is one of three or more different controls written in a
        row inside a ``[...]`` of code: a regular expression's class listing the controls to
        strip is a table, not a hidden character. (An escape sequence that rewrites a terminal
        is one control followed by printable text, so it is never such a run.)"""
        start, end, listed = self._run
        if not start <= i < end:
            run = re.compile(_CONTROL_RUN_SOURCE).match(self.line, i)
            start, end = i, run.end() if run else i + 1
            while start > 0 and re.compile(_CONTROL_RUN_SOURCE).match(self.line[start - 1]):
                start -= 1
            if self._brackets is None:
                self._brackets = [
                    m.span() for m in re.compile(_BRACKETS_SOURCE).finditer(self.line)
                ]
            listed = len(set(self.line[start:end])) >= 3 and _inside(self._brackets, start)
            self._run = (start, end, listed)
        return listed

    def has_no_space_script(self) -> bool:
        if self._no_spaces is None:
            self._no_spaces = re.search(_NO_SPACES, self.line) is not None
        return self._no_spaces

    def zwsp_run(self, i: int) -> tuple[int, int]:
        """The ``[start, end)`` of the run of ZWSP that holds ``i``."""
        start, end = self._zwsp
        if not start <= i < end:
            start = i
            while start > 0 and self.line[start - 1] == "\u200b":
                start -= 1
            end = i + 1
            while end < len(self.line) and self.line[end] == "\u200b":
                end += 1
            self._zwsp = (start, end)
        return start, end


def _mojibake(line: str, i: int) -> str | None:
    """The character meant, when the C1 control at ``i`` is a byte of a UTF-8 sequence that
    was decoded as Latin-1 (``Ã©`` for ``é``): mojibake shows as visible garbage, and the
    control inside it hides nothing. None otherwise, and for a sequence that stands for a
    control or format character (``Â`` + U+009B is the 8-bit CSI of a terminal)."""
    for lead in range(i - 1, max(i - 4, -1), -1):
        b = ord(line[lead])
        if 0xC2 <= b <= 0xF4:
            size = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
            seq = line[lead : lead + size]
            if len(seq) != size or lead + size <= i:
                return None
            if not all("\x80" <= c <= "\xbf" for c in seq[1:]):
                return None
            try:
                decoded = seq.encode("latin-1").decode("utf-8", "surrogatepass")
            except UnicodeDecodeError:
                return None
            import unicodedata

            if len(decoded) != 1 or unicodedata.category(decoded) in ("Cc", "Cf"):
                return None
            return decoded
        if not 0x80 <= b <= 0xBF:
            return None
    return None


#: what may stand inside a translator's embedding besides right-to-left letters: marks,
#: digits and neutral characters (spaces, punctuation), whose direction the embedding sets
_RTL_NEUTRAL = frozenset({"R", "AL", "NSM", "EN", "AN", "ES", "ET", "CS", "WS", "ON", "BN"})


#: a printf or format placeholder (``%(count)s``, ``%d``, ``%1$s``, ``{name}``, ``{0}``): the
#: slot of a number or a name, which a right-to-left translation places with an embedding
_PLACEHOLDER_SOURCE = r"%(?:\(\w+\)|\d+\$)?[-+ #0]*\d*(?:\.\d+)?[sdifgeExXuc]|\{\w*\}"


def _right_to_left_only(text: str) -> bool:
    """Whether ``text`` holds right-to-left letters and, apart from placeholders, no
    left-to-right letter (Latin words, code) and no other bidirectional control."""
    import unicodedata

    rtl = False
    for c in re.compile(_PLACEHOLDER_SOURCE).sub("", text):
        kind = unicodedata.bidirectional(c)
        if kind not in _RTL_NEUTRAL or c in _OPENERS or c in _CLOSERS or c in _BIDI_MARKS:
            return False
        rtl = rtl or kind in ("R", "AL")
    return rtl


def _translator_embeddings(
    line: str,
    closed: list[tuple[int, int]],
    still_open: list[tuple[str, int, str]],
    bidi: list[tuple[int, str]],
) -> set[int]:
    """The columns (0-based) of the RLE … PDF pairs that a translator of a right-to-left
    catalogue put around right-to-left text only, and of an RLE that opens such text up to the
    end of its quoted string. They reorder nothing: the text inside runs right to left anyway.
    Around Latin letters or code, or left open across anything else, they stay findings."""
    passed: set[int] = set()
    next_control = {i: j for (i, _), (j, _) in pairwise(bidi)}
    for opener, closer in closed:
        # Only a pair with no other control between (so the texts read are disjoint).
        if (
            line[opener] == "\u202b"
            and next_control.get(opener) == closer
            and _right_to_left_only(line[opener + 1 : closer])
        ):
            passed.update((opener, closer))
    if len(still_open) == 1 and still_open[0][2] == "\u202b":
        opener = still_open[0][1]
        rest = line[opener + 1 :].rstrip()
        if rest.endswith('"') and _right_to_left_only(rest[:-1].replace("\\n", "")):
            passed.add(opener)
    return passed


def _tag_text(t: str) -> str:
    value = ord(t) - 0xE0000
    if 0x20 <= value < 0x7F:
        return chr(value)
    import unicodedata

    return "<" + unicodedata.name(t, f"U+{ord(t):04X}").lower() + ">"


# What texts call an invisible character beside its Unicode name.
_ALIASES = {"\ufeff": ("byte order mark", "bom"), "\xad": ("shy",), "\u200b": ("zwsp",),
            "\u200c": ("zwnj",), "\u200d": ("zwj",)}  # fmt: skip


def _named_alone(line: str, i: int, ch: str) -> bool:
    """The character stands alone between quotes and its line names it (``"\xad"  ; soft
    hyphen``, ``('\ufeff', '')  # U+FEFF``): an entry of a table about such characters, which
    hides nothing from a reader told what it is."""
    before, after = _at(line, i - 1), _at(line, i + 1)
    if not before or before not in "\"'" or after != before:
        return False
    import unicodedata

    rest = (line[: i - 1] + line[i + 2 :]).lower()
    names = (f"u+{ord(ch):04x}", unicodedata.name(ch, "").lower(), *_ALIASES.get(ch, ()))
    return any(name and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", rest) for name in names)


def _invisible_problem(facts: _LineFacts, i: int, ch: str) -> str | None:
    line = facts.line
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
        return _word_break_problem(facts, i)
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


def _word_break_problem(facts: _LineFacts, i: int) -> str | None:
    """Why the ZWSP at ``i`` is a problem, or None when it marks a word break of a script
    written without spaces. Beside a letter of such a script it is how the script is written;
    elsewhere on a line of that script (beside a space, a punctuation mark or another ZWSP) it
    marks a break that is there anyway. Between two letters or digits of any other script, or
    on a line without such a script, it splits a word invisibly."""
    start, end = facts.zwsp_run(i)
    before, after = _at(facts.line, start - 1), _at(facts.line, end)
    if re.match(_NO_SPACES, before) or re.match(_NO_SPACES, after):
        return None
    if not (before.isalnum() and after.isalnum()) and facts.has_no_space_script():
        return None
    return "is invisible and splits the text where no break shows"


def _selector_problem(line: str, i: int, ch: str) -> str | None:
    import unicodedata

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
