"""Python-aware checks: lookalikes in identifiers, confusable names (HL105), and where the prose is.

The character rules see a Python file as plain text, which already covers its comments, strings,
docstrings, f-string literal parts and identifiers at each character's own column. What only the
Python tokenizer can add is which of those words are *names*: a lookalike there is HL105, and so
are two names of one module that look the same but are different names to Python (rustc's
``confusable_idents``: ``раypal`` with a Cyrillic ``р`` beside ``paypal``).

Tokenizing is slow next to the text scan, and almost no file needs it: a name with a lookalike,
and any pair of colliding names, needs a non-ASCII character in a name. So a file is parsed and
tokenized only when a cheap scan of its non-ASCII lines cannot rule out such a character in code
or in an f-string; most non-ASCII text in Python sits in comments, docstrings and strings. A
file that is not valid Python keeps the plain-text findings.

Positions are 1-based lines and columns in code points, lines ending at ``\\n``, ``\\r\\n`` or a
lone ``\\r`` (as Python and :func:`hooklint.check.check_text` count them).
"""

from __future__ import annotations

import io
import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Generator, Iterable, Iterator
from functools import lru_cache

from hooklint.check import check_text
from hooklint.diagnostic import describe, safe
from hooklint.records import TYPE_CHECKING, NamedTuple
from hooklint.rules import Finding
from hooklint.rules.typography import SKIPPED
from hooklint.source import LINE_END, non_ascii_lines

if TYPE_CHECKING:  # (ast and tokenize are imported where a file needs them: few files do)
    import ast
    import tokenize
    from typing import TypeAlias

#: the codes of the confusable rules, which become HL105 inside a name
CONFUSABLE_CODES = frozenset({"HL101", "HL102", "HL103", "HL104"})

# Before Python 3.12 the tokenizer returns an f-string as one STRING token, with the names of its
# replacement fields inside; from 3.12 on they come as NAME tokens of their own.
_WHOLE_FSTRINGS = sys.version_info < (3, 12)
# "looks like 'H'" or "looks like Cyrillic 'а'" in a confusable rule's message.
# (The patterns of this module whose names end in _SOURCE are compiled by re where they are
# asked: most runs make no finding.)
_LOOKS_LIKE_SOURCE = r"looks like ((?:[A-Z][\w ]*? )?'[^']+')"
_MAX_SHOWN = 40


class Name(NamedTuple):
    """One occurrence of a name in the source: 1-based line and column, and its spelling."""

    line: int
    col: int
    text: str


class _Parsed(NamedTuple):
    """A text that is valid Python, as the tokenizer is given it."""

    source: str  # without a leading BOM, every line ending in "\n"
    tree: ast.Module
    bom: int  # 1 when the text starts with a BOM (it shifts the columns of line 1), else 0


def check_python(text: str, path: str | None = None, utf8: bytes | None = None) -> list[Finding]:
    """Every finding in the Python source ``text`` (of the file at ``path``; ``utf8``: the text
    in UTF-8, when the caller has those bytes), sorted by position.

    The character rules' findings (HL107 for unusual spaces, since this is code), where a
    confusable inside a name becomes HL105, plus HL105 for names whose skeletons collide.
    """
    if text.isascii():
        # ASCII names have no lookalikes, and two of them never collide.
        return check_text(text, code=True, path=path)
    rows = non_ascii_lines(text, utf8)
    findings = check_text(text, code=True, rows=rows, path=path, utf8=utf8)
    if any(f.code == "HL107" for f in findings):
        findings = _spaces_in_code(text, findings)
    if not _may_hold_non_ascii_names(text, rows):
        return findings  # no name holds a lookalike, and no two names can collide
    parsed = _parse(text)
    if parsed is None:
        return findings
    import tokenize

    try:
        names = _identifiers(parsed)
    except (tokenize.TokenError, SyntaxError):
        return findings
    return _judge_names(findings, names)


def _spaces_in_code(text: str, findings: list[Finding]) -> list[Finding]:
    """The findings less the unusual spaces (HL107) inside a string or a comment.

    The line scan already passes the one-line strings and comments a line's own quotes and
    ``#`` delimit; the tokenizer adds the strings that run over many lines (docstrings), and the
    comments. Spaces that stand in a line of comment alone need no tokenizer (see
    ``_after_comment_mark``); the others are left to ``_spaces_by_tokens``.
    """
    from hooklint.rules.invisible import TEXT_SPACES

    lines = LINE_END.split(text)
    if _WHOLE_FSTRINGS and all(
        _after_comment_mark(lines[f.line - 1], f.col - 1)
        for f in findings
        if f.code == "HL107" and f.char in TEXT_SPACES
    ):
        # Each such space stands after the "#" of a line that holds only a comment: both ways
        # of ``_spaces_by_tokens`` pass it. The tokenizer reads the line as a comment, or as
        # part of a string that an earlier line opened; the plain-text reading finds the
        # comment there too. (Python 3.12 cuts an f-string into tokens, whose positions are
        # trusted no further than that.)
        return [f for f in findings if f.code != "HL107" or f.char not in TEXT_SPACES]
    return _spaces_by_tokens(text, findings, lines)


def _spaces_by_tokens(text: str, findings: list[Finding], lines: list[str]) -> list[Finding]:
    """``_spaces_in_code`` by the tokenizer (``lines``: ``text`` split at its line ends).

    Python refuses an unusual space in code, so the text is tokenized with them made plain
    spaces. A text that is not Python even so (an excerpt, a template) keeps the line scan's
    view, less the spaces beside a letter that is not ASCII: code is written in ASCII, prose of
    other languages is not.
    """
    import contextlib
    import token  # (here, with tokenize: most files are never tokenized)
    import tokenize

    from hooklint.rules.invisible import TEXT_SPACES, UNUSUAL_SPACE

    # The tokens whose text is data or prose, not code: a parser never splits it on a space.
    text_tokens = {token.STRING, token.COMMENT, getattr(token, "FSTRING_MIDDLE", token.STRING)}

    parsed = _parse(UNUSUAL_SPACE.sub(" ", text))
    spans = None
    if parsed is not None:
        with contextlib.suppress(tokenize.TokenError, SyntaxError):
            spans = [(t.start, t.end) for t in _tokens(parsed.source) if t.type in text_tokens]
    if parsed is None or spans is None:
        comments: dict[int, list[tuple[int, int]]] = {}
        return [
            f
            for f in findings
            if f.code != "HL107" or f.char not in TEXT_SPACES or not _in_text(lines, comments, f)
        ]
    starts = [start for start, _ in spans]
    out = []
    for f in findings:
        if f.code == "HL107" and f.char in TEXT_SPACES:
            at = (f.line, f.col - 1 - (parsed.bom if f.line == 1 else 0))
            k = bisect_right(starts, at) - 1
            if k >= 0 and spans[k][0] <= at < spans[k][1]:
                continue
        out.append(f)
    return out


def _after_comment_mark(line: str, i: int) -> bool:
    """Whether offset ``i`` of ``line`` follows the "#" of a line that holds only a comment
    (after blanks that Python reads as indentation), with no quote between them. Such a line
    may also stand inside a string that an earlier line opened, and only a quote could close
    that string before offset ``i``: after a line ``d = '''``, the line ``# '''`` ends the
    string, and what follows it is code."""
    mark = len(line) - len(line.lstrip(" \t\f"))
    if not (line.startswith("#", mark) and mark < i):
        return False
    between = line[mark:i]
    return '"' not in between and "'" not in between


def _in_text(lines: list[str], comments: dict[int, list[tuple[int, int]]], f: Finding) -> bool:
    """Whether the character of finding ``f`` stands in a comment or string of its line (the
    spans of each line kept in ``comments``), or touches a letter that is not ASCII (prose of
    a language; code is written in ASCII)."""
    line = lines[f.line - 1] if f.line <= len(lines) else ""
    i = f.col - 1
    if f.line not in comments:
        comments[f.line] = [m.span() for m in SKIPPED.finditer(line)]
    spans = comments[f.line]
    k = bisect_right(spans, (i, len(line) + 1)) - 1
    if k >= 0 and spans[k][0] <= i < spans[k][1]:
        return True
    near = line[max(i - 1, 0) : i] + line[i + 1 : i + 2]
    return any(c.isalpha() and not c.isascii() for c in near)


def prose_regions(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` offsets in ``text`` of its comments and docstrings, in order.

    A comment runs from its ``#`` to the end of its line; a docstring (of the module, a class or
    a function) is the whole string literal, prefix and quotes included. ``[]`` when ``text`` is
    not valid Python.
    """
    import ast
    import token
    import tokenize

    parsed = _parse(text)
    if parsed is None:
        return []
    starts = [0, *(m.end() for m in LINE_END.finditer(text))]
    bom = parsed.bom

    def offset(line: int, col: int) -> int:
        return starts[line - 1] + col + (bom if line == 1 else 0)

    regions = []
    try:
        for tok in _tokens(parsed.source):
            if tok.type == token.COMMENT:
                regions.append((offset(*tok.start), offset(*tok.end)))
    except (tokenize.TokenError, SyntaxError):
        return []
    lines = parsed.source.split("\n")
    for node in ast.walk(parsed.tree):
        literal = _docstring(node)
        if literal is not None and literal.end_lineno is not None:
            first, last = lines[literal.lineno - 1], lines[literal.end_lineno - 1]
            regions.append(
                (
                    offset(literal.lineno, _chars(first, literal.col_offset)),
                    offset(literal.end_lineno, _chars(last, literal.end_col_offset or 0)),
                )
            )
    regions.sort()
    return regions


def _identifiers(parsed: _Parsed) -> list[Name]:
    """Every name in the source, in order (keywords and the names inside f-strings included).

    Raises ``tokenize.TokenError`` or ``SyntaxError`` when the tokenizer does.
    """
    names: list[Name] = []
    _collect(_tokens(parsed.source), lambda r, c: (r, c + (parsed.bom if r == 1 else 0)), names)
    return names


def _parse(text: str) -> _Parsed | None:
    """The text as the tokenizer is to read it, with its syntax tree; ``None`` when it is not
    valid Python (for the Python running hooklint)."""
    import ast
    import warnings

    bom = 1 if text.startswith("\ufeff") else 0
    source = text[bom:]
    if "\r" in source:
        source = "\n".join(LINE_END.split(source))
    try:
        with warnings.catch_warnings():
            # Invalid escape sequences and the like are the compiler's business, not ours.
            warnings.simplefilter("ignore")
            tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return _Parsed(source, tree, bom)


def _tokens(source: str) -> list[tokenize.TokenInfo]:
    """The tokens of ``source``; raises ``tokenize.TokenError`` or ``SyntaxError``."""
    import tokenize
    import warnings

    with warnings.catch_warnings():
        # From 3.12 the tokenizer warns of invalid escape sequences: the compiler's business.
        warnings.simplefilter("ignore")
        # A StringIO splits lines at "\n" only, as the source was prepared.
        return list(tokenize.generate_tokens(io.StringIO(source).readline))


def _collect(
    tokens: Iterable[tokenize.TokenInfo],
    place: Callable[[int, int], tuple[int, int]],
    out: list[Name],
) -> None:
    """Append the names among ``tokens`` to ``out``; ``place`` maps a token's (row, col0) to the
    file's (line, col0).

    Before Python 3.12 the tokenizer splits a name at a character that is not ``\\w`` (a
    combining mark, U+00B7 MIDDLE DOT): touching pieces that together form one identifier are
    joined again.
    """
    import token  # (here, with tokenize: most files are never tokenized)

    name_pieces = (token.NAME, token.ERRORTOKEN, token.NUMBER)
    start, end, name = (0, 0), 0, ""  # the name being read: where it starts and ends, its text
    after_bang = False
    for tok in tokens:
        # From 3.12 the conversion of an f-string field (the r of {x!r}) is a NAME token too.
        conversion, after_bang = after_bang, tok.type == token.OP and tok.string == "!"
        if (
            name
            and tok.type in name_pieces
            and tok.start == (start[0], end)
            and (name + tok.string).isidentifier()
        ):
            end, name = tok.end[1], name + tok.string
            continue
        if name:
            out.append(_name(place, start, name))
            name = ""
        if conversion:
            continue
        if tok.type in (token.NAME, token.ERRORTOKEN) and tok.string.isidentifier():
            start, end, name = tok.start, tok.end[1], tok.string
        elif _WHOLE_FSTRINGS and tok.type == token.STRING:
            _fstring_names(tok, place, out)
    if name:
        out.append(_name(place, start, name))


def _name(place: Callable[[int, int], tuple[int, int]], start: tuple[int, int], text: str) -> Name:
    line, col0 = place(*start)
    return Name(line, col0 + 1, text)


def _fstring_names(
    tok: tokenize.TokenInfo, place: Callable[[int, int], tuple[int, int]], out: list[Name]
) -> None:
    """The names in the replacement fields of an f-string token (Python 3.11 and older)."""
    import tokenize

    literal = tok.string
    quote_at = min(i for i in (literal.find("'"), literal.find('"')) if i >= 0)
    if "f" not in literal[:quote_at].lower():
        return
    quote = literal[quote_at : quote_at + 3]
    if quote not in ('"""', "'''"):
        quote = literal[quote_at]
    for start, expression in _fields(literal, quote_at + len(quote), len(literal) - len(quote)):
        breaks = [i for i, c in enumerate(expression) if c == "\n"]

        def inner(row: int, col: int, start: int = start, breaks: list[int] = breaks) -> int:
            # The expression is tokenized inside parentheses, so that it may span lines.
            return start + (col - 1 if row == 1 else breaks[row - 2] + 1 + col)

        def placed(row: int, col: int, inner: Callable[[int, int], int] = inner) -> tuple[int, int]:
            return place(*_within(tok, inner(row, col)))

        try:
            _collect(_tokens(f"({expression})"), placed, out)
        except (tokenize.TokenError, SyntaxError):
            continue


def _within(tok: tokenize.TokenInfo, offset: int) -> tuple[int, int]:
    """(row, col0) of the character at ``offset`` in a token that may span lines."""
    text = tok.string
    newlines = text.count("\n", 0, offset)
    if not newlines:
        return tok.start[0], tok.start[1] + offset
    return tok.start[0] + newlines, offset - text.rfind("\n", 0, offset) - 1


def _fields(literal: str, i: int, end: int) -> Iterator[tuple[int, str]]:
    """(offset, text) of the expression of each replacement field in ``literal[i:end]``."""
    while i < end:
        if literal.startswith(("{{", "}}"), i):
            i += 2
        elif literal[i] == "{":
            i = yield from _field(literal, i + 1, end)
        else:
            i += 1


def _field(literal: str, i: int, end: int) -> Generator[tuple[int, str], None, int]:
    """The field whose expression starts at ``i``, and the fields nested in its format spec;
    returns the offset after its closing brace."""
    start, depth = i, 0
    while i < end:
        c = literal[i]
        if c in "'\"":
            # A nested string literal (before 3.12 it cannot hold the f-string's own quote).
            quote = c * 3 if literal.startswith(c * 3, i) else c
            close = literal.find(quote, i + len(quote))
            i = (close if close >= 0 else end) + len(quote)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if not depth:
                break
            depth -= 1
        elif not depth and (c == ":" or (c == "!" and not literal.startswith("!=", i))):
            break
        i += 1
    yield start, literal[start:i]
    if i < end and literal[i] == "!":
        i += 2  # the conversion: !r, !s or !a
    if i < end and literal[i] == ":":
        i += 1
        while i < end and literal[i] != "}":
            if literal[i] == "{":
                i = yield from _field(literal, i + 1, end)
            else:
                i += 1
    return i + 1


def _docstring(node: ast.AST) -> ast.Constant | None:
    """The docstring literal of a module, class or function node, if it has one."""
    import ast

    if not isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    if not node.body:
        return None
    first = node.body[0]
    if (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
    ):
        return first.value
    return None


def _chars(line: str, utf8_col: int) -> int:
    """The column in code points of the UTF-8 byte offset ``utf8_col`` (ast counts bytes)."""
    if line.isascii():
        return utf8_col
    return len(line.encode("utf-8")[:utf8_col].decode("utf-8", errors="ignore"))


# -- the verdicts -----------------------------------------------------------------------------


def _judge_names(findings: list[Finding], names: list[Name]) -> list[Finding]:
    """The findings with confusables inside names turned into HL105, plus name collisions."""
    inside: dict[tuple[int, int], Name] = {}
    for name in names:
        if not name.text.isascii():
            for i in range(len(name.text)):
                inside[name.line, name.col + i] = name
    out = []
    for f in findings:
        holder = inside.get((f.line, f.col)) if f.code in CONFUSABLE_CODES else None
        if holder is None or f.char is None:
            out.append(f)
        else:
            out.append(
                Finding(f.line, f.col, "HL105", _in_name_message(f, f.char, holder.text), f.char)
            )
    out.extend(_collisions(names))
    out.sort()
    return out


def _in_name_message(f: Finding, ch: str, name: str) -> str:
    """The message of a lookalike in a name: the character, the name, what it passes for."""
    from hooklint.unicode.chars import LOOKALIKES, SYMBOL_LOOKALIKES

    looks = re.compile(_LOOKS_LIKE_SOURCE).search(f.message)
    if looks is not None:
        reason = f"looks like {looks.group(1)}"
    elif ch in LOOKALIKES or ch in SYMBOL_LOOKALIKES:
        reason = f"looks like '{LOOKALIKES.get(ch) or SYMBOL_LOOKALIKES[ch]}'"
    elif ch.isdecimal():
        reason = "mixes digit systems"
    else:
        reason = "is a lookalike"
    return f"{describe(ch)} in identifier '{_shown(name)}' {reason}"


def _collisions(names: list[Name]) -> list[Finding]:
    """HL105 at the first occurrence of each non-ASCII name that has the skeleton of another
    name, naming that one (an ASCII one if there is one) and the line where it first occurs."""
    first: dict[str, Name] = {}  # the name as Python reads it (NFKC) -> its first occurrence
    for name in names:
        first.setdefault(_nfkc(name.text), name)
    by_skeleton: dict[str, list[str]] = {}
    for spelling in first:
        by_skeleton.setdefault(_name_skeleton(spelling), []).append(spelling)
    out = []
    for spellings in by_skeleton.values():
        if len(spellings) < 2:
            continue
        for spelling in spellings:
            if spelling.isascii():
                continue
            others = [s for s in spellings if s != spelling]
            other = first[min(others, key=lambda s: (not s.isascii(), first[s]))]
            here = first[spelling]
            offset, ch = _lookalike_in(here.text)
            looks = _name_skeleton(_nfkc(ch))
            out.append(
                Finding(
                    here.line,
                    here.col + offset,
                    "HL105",
                    f"identifier '{_shown(here.text)}' looks the same as "
                    f"'{_shown(other.text)}' on line {other.line} but is another name: "
                    f"{describe(ch)} looks like '{safe(looks)}'",
                    ch,
                )
            )
    return out


def _lookalike_in(name: str) -> tuple[int, str]:
    """Offset and character of the first lookalike in ``name`` (else its first non-ASCII one)."""
    for i, ch in enumerate(name):
        if not ch.isascii():
            normal = _nfkc(ch)
            if _name_skeleton(normal) != normal:
                return i, ch
    return next((i, ch) for i, ch in enumerate(name) if not ch.isascii())


def _shown(name: str) -> str:
    if len(name) > _MAX_SHOWN:
        name = name[: _MAX_SHOWN - 1] + "…"
    return safe(name)


@lru_cache(maxsize=1 << 14)
def _nfkc(name: str) -> str:
    """The name as Python reads it: identifiers are NFKC-normalised (PEP 3131)."""
    if name.isascii():
        return name
    import unicodedata  # (here: most runs meet no non-ASCII name)

    return unicodedata.normalize("NFKC", name)


@lru_cache(maxsize=1 << 14)
def _name_skeleton(name: str) -> str:
    from hooklint.unicode.chars import skeleton

    return skeleton(name)


# -- the cheap test that spares most files the tokenizer --------------------------------------

# A possessive repeat where the regex engine has them (3.11): each run below ends where what
# follows it must start (a quote, "#", a backslash, a line end, a character that is not ASCII),
# so it never needs to give a character back, and the engine is spared keeping the way back.
_ONCE = "+" if sys.version_info >= (3, 11) else ""
# Code outside strings and comments: ASCII, without quotes, "#", backslashes or line ends. (The
# class lists what it holds: one that excludes every non-ASCII code point costs the regex
# compiler ten milliseconds.)
_CODE = r"[\x00-\t\x0b-!$-&(-\[\]-\x7f]*" + _ONCE
# A line that starts outside any string and holds only such code, one-line string literals that
# are no f-strings (whatever their text), and a comment (whatever its text). A triple quote, or
# a backslash that continues the line, does not match. Any number of such lines, each ending
# in a line end, match as one run.
_PLAIN_LINE = (
    _CODE
    + "(?:(?<![fF])(?<![fF][rR])(?!'''|\"\"\")"
    + rf"""(?:'[^'\\\n]*{_ONCE}(?:\\.[^'\\\n]*{_ONCE})*{_ONCE}'"""
    + rf"""|"[^"\\\n]*{_ONCE}(?:\\.[^"\\\n]*{_ONCE})*{_ONCE}")"""
    + _CODE
    + f")*{_ONCE}(?:#.*)?"
)
_PLAIN_LINES = re.compile(f"(?:{_PLAIN_LINE}\n)*{_ONCE}")
_SPECIAL = re.compile(r"""[#'"\\]""")
_TRIPLE_QUOTES = ('"""', "'''")
# The rest of a string literal on a line, from after its opening quote(s) (or the start of a
# line it goes on to) to its closing quote(s).
_STRING_END = {q: re.compile(f"[^{q}\\\\]*(?:\\\\.[^{q}\\\\]*)*{q}") for q in "'\""} | {
    q * 3: re.compile(f"[^{q}\\\\]*(?:(?:\\\\.|{q}(?!{q}{q}))[^{q}\\\\]*)*{q}{q}{q}") for q in "'\""
}
# Where a line starts: outside strings, or in a string that an earlier line opened (its quote,
# and whether it is an f-string).
_State: TypeAlias = "tuple[str, bool] | None"


def _may_hold_non_ascii_names(text: str, rows: list[tuple[int, str]]) -> bool:
    """Whether a non-ASCII character of ``text`` may stand in a name: in code or in an f-string.

    Only some lines are read: those with a non-ASCII character (``rows``, which is
    ``non_ascii_lines(text)``), and those before the last of them with a triple quote or a final
    backslash (with the line after it), the only ones that can leave the next line inside a
    string. A ``False`` is certain for code that Python 3.11 can read; a ``True`` may be
    cautious, and only costs the tokenizer. (Python 3.12 lets an f-string nest its own quotes
    and spread a replacement field over lines; where that shows on a line that is read, the
    answer is ``True``.)
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:
            return True  # lone CR line ends: rare, left to the tokenizer
    lines = dict(rows)  # line number -> text
    # The lines after the last non-ASCII one change nothing that is read: a line's state comes
    # from the lines before it, and they hold no name to look at.
    last = max(lines, default=0)
    # Nor need the needles be looked for past the end of that line. Its text (non-ASCII, without
    # a line end) stands last in the text on that line: wherever else it stands, it makes a line
    # non-ASCII too, so an earlier one.
    limit = 0 if not last else text.rfind(lines[last]) + len(lines[last]) + 1
    for needle in (*_TRIPLE_QUOTES, "\\\n"):
        lineno, counted = 1, 0
        found = text.find(needle, 0, limit)
        while found >= 0:
            lineno += text.count("\n", counted, found)
            counted = found
            if lineno > last:
                break
            _add_line(lines, text, lineno, found)
            if needle == "\\\n" and lineno < last:
                _add_line(lines, text, lineno + 1, found + 2)
            found = text.find(needle, found + len(needle), limit)
    texts = list(map(lines.__getitem__, sorted(lines)))
    joined = "\n".join(texts) + "\n"
    state: _State = None
    k = at = 0  # the next line to read, and where it starts in ``joined``
    while k < len(texts):
        if state is None:
            # Pass over the plain lines from here in one match, to the first that is not. (It
            # matches no line at least, and ends after a line end: the lines passed are the
            # line ends it passes.)
            plain = _PLAIN_LINES.match(joined, at)
            end = plain.end() if plain else at
            k += joined.count("\n", at, end)
            at = end
            if k == len(texts):
                break
        line = texts[k]
        k += 1
        at += len(line) + 1
        if state is not None and len(state[0]) == 3 and not state[1] and state[0][0] not in line:
            continue  # a line inside a docstring or another long string
        state, unsure = _read_line(line, state)
        if unsure:
            return True
    return False


def _add_line(rows: dict[int, str], text: str, lineno: int, offset: int) -> None:
    """Add line ``lineno`` of ``text``, which holds ``offset``, to ``rows``."""
    if lineno not in rows:
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        rows[lineno] = text[start : end if end >= 0 else len(text)]


def _read_line(line: str, state: _State) -> tuple[_State, bool]:
    """Read one line from ``state``: the state at its end, and whether a non-ASCII character of
    it may stand in a name (or the line cannot be read without the tokenizer)."""
    i = 0
    if state is not None:
        quote, fstring = state
        end = _STRING_END[quote].match(line)
        if end is None:
            if len(quote) == 1 and not line.endswith("\\"):
                return None, True  # not Python
            return state, fstring and not line.isascii()
        if fstring and not line[: end.end()].isascii():
            return None, True
        i = end.end()
    while True:
        special = _SPECIAL.search(line, i)
        stop = len(line) if special is None else special.start()
        if not line[i:stop].isascii():
            return None, True  # in code
        if special is None:
            return None, False
        c = special.group()
        if c == "#":
            return None, False
        if c == "\\":
            return None, special.end() != len(line)  # the line goes on, else not Python
        fstring = "f" in line[max(0, stop - 2) : stop].lower()
        quote = c * 3 if line.startswith(c * 3, stop) else c
        end = _STRING_END[quote].match(line, stop + len(quote))
        if end is None:
            if len(quote) == 1 and not line.endswith("\\"):
                return None, True  # not Python
            return (quote, fstring), fstring and not line[stop:].isascii()
        if fstring and _fstring_may_hold_names(line[stop : end.end()], len(quote)):
            return None, True
        i = end.end()


def _fstring_may_hold_names(literal: str, quote: int) -> bool:
    """Whether a one-line f-string may hold a non-ASCII name in a replacement field, or was cut
    short (Python 3.12 lets a field hold the f-string's own quote)."""
    if literal.count("{") != literal.count("}"):
        return True
    if literal.isascii():
        return False
    return any(
        not expression.isascii() for _, expression in _fields(literal, quote, len(literal) - quote)
    )
