"""The string values of data files, where spam lands: YAML (front matter, Staticman comment
files), JSON exports and SQL dumps.

Each reader finds the string values of a file with their keys (or SQL columns) and the record
(mapping, object, row) they belong to; nothing is executed, no object is built, and every loop
moves forward through the text, so hostile input (deep nesting, unterminated quotes, huge
files) costs time in proportion to its length.

What the spam rules read is a *view* of the file: a string of the same length in which
everything but the string values is blank (line breaks kept) and each value is decoded in place
(``\\"`` → ``"``, ``''`` → ``'``, ``\\u00e9`` → ``é``, ``&#39;`` → ``'``). A decoded character is
shorter than its escape: the spaces that keep the length are put at the next whitespace of the
value, so words stay whole and every word starts at its own offset in the file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from hooklint.records import NamedTuple


class Value(NamedTuple):
    """One string value: its span in the file (quotes left out), its key or column name
    (lowercase, "" when it has none), and the record it belongs to (-1 for none)."""

    start: int
    end: int
    key: str
    record: int
    style: str = "plain"  # how it is escaped: plain, single, double (YAML), json, sql


class Reading(NamedTuple):
    """A data file as the spam rules read it: the view (see the module docstring) and the
    string values, in file order."""

    view: str
    values: list[Value]


# Keys (and SQL columns) by the part they play in a comment or a list entry.
AUTHOR_KEYS = frozenset(
    "author name author_name comment_author username user nickname display_name commenter"
    " fullname full_name".split()
)
URL_KEYS = frozenset(
    "author_url url website web site homepage home_page link comment_author_url author_link"
    " author_website author_uri uri web_site author_site".split()
)
EMAIL_KEYS = frozenset("email author_email comment_author_email mail e-mail".split())
BODY_KEYS = frozenset(
    "content body comment message text comment_content msg review description comment_body"
    " excerpt".split()
)

# ---------------------------------------------------------------------- decoding in place

_WHITESPACE = re.compile(r"\s")
_YAML_ESCAPES = {
    "0": " ", "a": " ", "b": " ", "t": " ", "\t": " ", "n": "\n", "v": " ", "f": " ",
    "r": " ", "e": " ", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\n", "_": " ",
    "L": "\n", "P": "\n", "'": "'", "Z": " ", "%": "%",
}  # fmt: skip
_BACKSLASH = (
    r"\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|x[0-9a-fA-F]{2}"
    r"|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|\r\n|[\s\S])"
)
# HTML character references, but not the markup ones: an escaped tag is text, not a tag.
_ENTITY = (
    r"&(?!(?:lt|gt|LT|GT|#0*60|#0*62|#[xX]0*3[cCeE]);)"
    r"(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,30});"
)
_PATTERNS = {
    "plain": re.compile(_ENTITY),
    "single": re.compile("''|" + _ENTITY),
    "double": re.compile(_BACKSLASH + "|" + _ENTITY),
    "json": re.compile(_BACKSLASH + "|" + _ENTITY),
    "sql": re.compile(_BACKSLASH + "|''|" + _ENTITY),
}


def _decode_one(escape: str) -> str:
    """What one escape or character reference stands for, as the view shows it: line breaks
    as line breaks, other controls as a space."""
    if escape.startswith("&"):
        char = html.unescape(escape)
    elif escape == "''":
        return "'"
    elif len(escape) == 2:
        if escape[1] in "\r\n":
            return " " + escape[1]
        return _YAML_ESCAPES.get(escape[1], escape[1])
    elif escape[1] == "\r":  # a backslash before CRLF: an escaped line break
        return " \r\n"
    elif len(escape) == 12:  # a JSON surrogate pair
        high, low = int(escape[2:6], 16), int(escape[8:12], 16)
        char = chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    else:
        code = int(escape[2:], 16)
        char = chr(code) if code < 0x110000 and not 0xD800 <= code < 0xE000 else " "
    if len(char) != 1:
        return " "
    if char in "\n\r\u0085\u2028\u2029":
        return "\n"
    if ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0:
        return " "
    return char


def decoded(text: str, start: int, end: int, style: str) -> str:
    """``text[start:end]`` with its escapes (per ``style``) decoded, as long as it was."""
    pattern = _PATTERNS[style]
    out: list[str] = []
    pos = start
    debt = 0  # characters saved by decoding, owed as spaces at the next whitespace
    for m in pattern.finditer(text, start, end):
        segment = text[pos : m.start()]
        if debt:
            paid = _pay(segment, debt)
            if len(paid) > len(segment):
                debt = 0
            segment = paid
        out.append(segment)
        char = _decode_one(m.group())
        owed = m.end() - m.start() - len(char)
        if char.isspace():
            out.append(char + " " * (owed + debt))
            debt = 0
        elif char in "\"'" and owed and _opens(text, start, m.start(), m.end()):
            # An opening quote (href=\"…): the spaces go before it, so what it opens (a URL,
            # a quoted word) starts where it starts in the file.
            out.append(" " * (owed + debt) + char)
            debt = 0
        else:
            out.append(char)
            debt += owed
        pos = m.end()
    tail = text[pos:end]
    if debt:
        paid = _pay(tail, debt)
        tail = paid if len(paid) > len(tail) else tail + " " * debt
    out.append(tail)
    return "".join(out)


def _opens(text: str, start: int, at: int, after: int) -> bool:
    """Whether the quote escaped at ``at`` opens something: nothing or a space, ``=`` or an
    opening bracket before it, something other than a space after it."""
    before = text[at - 1] if at > start else " "
    return before in " \t\n=([{:" and after < len(text) and not text[after].isspace()


def _pay(segment: str, debt: int) -> str:
    """``segment`` with ``debt`` spaces put before its first whitespace (unchanged if none)."""
    m = _WHITESPACE.search(segment)
    if m is None:
        return segment
    return segment[: m.start()] + " " * debt + segment[m.start() :]


_NOT_LINE_BREAK = re.compile(r"[^\r\n]+")


def blank(text: str) -> str:
    """``text`` with every character but line breaks turned into a space."""
    return _NOT_LINE_BREAK.sub(lambda m: " " * len(m.group()), text)


def view_of(text: str, values: list[Value], start: int = 0, end: int | None = None) -> str:
    """The view of ``text[start:end]`` (see the module docstring)."""
    end = len(text) if end is None else end
    out: list[str] = []
    pos = start
    for value in values:
        if value.start < pos or value.end > end:
            continue
        out.append(blank(text[pos : value.start]))
        out.append(decoded(text, value.start, value.end, value.style))
        pos = value.end
    out.append(blank(text[pos:end]))
    return "".join(out)


# ----------------------------------------------------------------------------------- YAML

_KEY = re.compile(
    r"""(?:"((?:[^"\\\n]|\\.){0,200})"|'((?:[^'\n]|''){0,200})'"""
    r"""|([^\s#'"\[\]{},&*!|>%@`](?:[^\n#:]|:(?![ \t\r\n])|(?<![ \t])#){0,200}?))"""
    r"""[ \t]*:(?=[ \t\r\n]|$)"""
)
_PROPERTIES = re.compile(r"(?:[!&][^\s]*[ \t]+)*")
_BLOCK_HEADER = re.compile(r"[|>][0-9+-]{0,3}[ \t]*(?:#.*)?$")
_FLOW_ITEM = re.compile(
    r"""[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\s,\[\]{}#'"][^,\[\]{}\n]*?))"""
    r"""[ \t]*(?=[,\]}:]|$)"""
)


class _Lines:
    """The lines of text[start:end]: where each starts, where its content (after the
    indentation) starts and where it ends (before its line break)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.end = end
        self.pos = start

    def next(self) -> tuple[int, int, int] | None:
        if self.pos >= self.end:
            return None
        start = self.pos
        stop = self.text.find("\n", start, self.end)
        if stop < 0:
            stop = self.end
            self.pos = self.end
        else:
            self.pos = stop + 1
        line_end = stop - 1 if stop > start and self.text[stop - 1] == "\r" else stop
        content = start
        while content < line_end and self.text[content] in " \t":
            content += 1
        return start, content, line_end


def _closing_quote(
    text: str, start: int, end: int, quote: str, *, doubled: bool, backslash: bool
) -> int:
    """Offset of the quote that closes a quoted string whose content starts at ``start``, or -1.
    Inside it, a quote written twice (``doubled``) or after an odd number of backslashes
    (``backslash``) is a quote of the content."""
    pos = start
    while True:
        found = text.find(quote, pos, end)
        if found < 0:
            return -1
        if doubled and found + 1 < end and text[found + 1] == quote:
            pos = found + 2
            continue
        slashes = 0
        while backslash and found - slashes - 1 >= start and text[found - slashes - 1] == "\\":
            slashes += 1
        if slashes % 2 == 0:
            return found
        pos = found + 1


def _closing_yaml_quote(text: str, start: int, end: int, quote: str) -> int:
    """The quote that closes a YAML (or JSON) scalar: a double quote is escaped by a backslash,
    a single quote by another single quote."""
    return _closing_quote(text, start, end, quote, doubled=quote == "'", backslash=quote == '"')


def read_yaml(text: str, start: int = 0, end: int | None = None) -> list[Value]:
    """The string values of the YAML in ``text[start:end]`` (block and flow style, plain,
    quoted and block scalars), with their keys and records (the mapping holding them)."""
    end = len(text) if end is None else end
    values: list[Value] = []
    stack: list[tuple[int, int]] = []  # (column, record) of the open mappings
    records = 0
    lines = _Lines(text, start, end)
    line = lines.next()
    while line is not None:
        line_start, at, line_end = line
        line = lines.next()
        if at >= line_end or text[at] == "#":
            continue
        if (
            at == line_start
            and text.startswith(("---", "..."), at)
            and (at + 3 == line_end or text[at + 3] in " \t")
        ):
            stack.clear()
            continue
        if text[at] == "%":  # a directive
            continue
        column = at - line_start
        parent = column  # a value's lines must be indented more than this
        item = False
        while text[at] == "-" and (at + 1 == line_end or text[at + 1] in " \t"):
            item = True
            parent = at - line_start
            at += 1
            while at < line_end and text[at] in " \t":
                at += 1
            column = at - line_start
            if at >= line_end:
                break
        if item:
            while stack and stack[-1][0] >= column:
                stack.pop()
        key = ""
        m = _KEY.match(text, at, line_end) if at < line_end else None
        if m is not None:
            key = (m.group(1) or m.group(2) or m.group(3) or "").strip().lower()
            while stack and stack[-1][0] > column:
                stack.pop()
            if not stack or stack[-1][0] != column:
                stack.append((column, records))
                records += 1
            parent = column
            at = m.end()
            while at < line_end and text[at] in " \t":
                at += 1
        record = stack[-1][1] if stack else -1
        prop = _PROPERTIES.match(text, at, line_end)
        if prop:
            at = prop.end()
        if at >= line_end or text[at] in "#*":
            continue
        first = text[at]
        if first in "\"'":
            close = _closing_yaml_quote(text, at + 1, end, first)
            if close < 0:
                close = line_end
            values.append(Value(at + 1, close, key, record, "double" if first == '"' else "single"))
            # Go on after the line that holds the closing quote.
            while line is not None and line[0] <= close:
                line = lines.next()
        elif first in "|>" and _BLOCK_HEADER.match(text, at, line_end):
            block_start = block_end = -1
            while line is not None:
                next_start, next_at, next_end = line
                if next_at < next_end and next_at - next_start <= parent:
                    break
                if next_at < next_end:
                    if block_start < 0:
                        block_start = next_at
                    block_end = next_end
                line = lines.next()
            if block_start >= 0:
                values.append(Value(block_start, block_end, key, record))
        elif first in "[{":
            records = _flow(text, at, line_end, key, record, records, values)
        else:
            value_end = _plain_end(text, at, line_end)
            # A plain scalar goes on over the lines indented more than its key.
            while line is not None:
                next_start, next_at, next_end = line
                if next_at < next_end:
                    if next_at - next_start <= parent or text[next_at] == "#":
                        break
                    value_end = _plain_end(text, next_at, next_end)
                line = lines.next()
            if value_end > at:
                values.append(Value(at, value_end, key, record))
    return values


def _plain_end(text: str, start: int, end: int) -> int:
    """Where a line's part of a plain scalar ends: before a comment and trailing spaces."""
    comment = text.find(" #", start, end)
    tab_comment = text.find("\t#", start, end)
    if tab_comment >= 0 and (comment < 0 or tab_comment < comment):
        comment = tab_comment
    stop = end if comment < 0 else comment
    while stop > start and text[stop - 1] in " \t":
        stop -= 1
    return stop


def _flow(
    text: str, start: int, end: int, key: str, record: int, records: int, values: list[Value]
) -> int:
    """The scalars of a flow collection (``[a, "b"]``, ``{k: v}``) on one line; each mapping
    in it is a record of its own (numbered from ``records``; the new count is returned)."""
    pos = start
    outer = [(key, record)]
    while pos < end:
        m = _FLOW_ITEM.match(text, pos, end)
        if m is None or m.end() == pos:
            if text[pos] == "{":
                outer.append(("", records))
                records += 1
            elif text[pos] in "}]" and len(outer) > 1:
                outer.pop()
            pos += 1
            continue
        is_key = m.end() < end and text[m.end()] == ":"
        for group, style in ((1, "double"), (2, "single"), (3, "plain")):
            if m.group(group):
                if is_key:
                    outer[-1] = (m.group(group).strip().lower(), outer[-1][1])
                else:
                    values.append(Value(m.start(group), m.end(group), *outer[-1], style))
        pos = m.end() if text[m.end() : m.end() + 1] in "}]" else m.end() + 1
    return records


# ----------------------------------------------------------------------------- front matter

_FRONT_MATTER_CLOSE = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")


def front_matter(text: str) -> tuple[int, int] | None:
    """[start, end) of the YAML between the ``---`` lines that open ``text``, or None."""
    if not text.startswith("---"):
        return None
    first = text.find("\n", 3)
    if first < 0 or text[3:first].strip():
        return None
    m = _FRONT_MATTER_CLOSE.search(text, first)
    if m is None:
        return None
    return first + 1, m.start() + 1


# ----------------------------------------------------------------------------------- JSON

_JSON_TOKEN = re.compile(r'[\s,]*([{}\[\]:"]|[^\s{}\[\]:,"]{1,4000})')


def read_json(text: str) -> list[Value]:
    """The strings of a JSON document that are values (not keys), with the key they stand
    under and the object that holds them."""
    values: list[Value] = []
    stack: list[tuple[str, int]] = []  # ("{" or "[", record) of the open containers
    keys: list[str] = []  # the last key of each open container
    records = 0
    pos = 0
    end = len(text)
    pending: tuple[int, int] | None = None  # a string not yet known to be a key or a value
    while pos < end:
        m = _JSON_TOKEN.match(text, pos)
        if m is None:
            break
        token = m.group(1)
        pos = m.end()
        if pending is not None:
            a, b = pending
            pending = None
            if token == ":":
                if keys:
                    keys[-1] = text[a:b].lower()
                continue
            _json_value(text, a, b, stack, keys, values)
        if token == '"':
            close = _closing_yaml_quote(text, pos, end, '"')
            if close < 0:
                break
            pending = (pos, close)
            pos = close + 1
        elif token in "{[":
            stack.append((token, records if token == "{" else stack[-1][1] if stack else -1))
            records += token == "{"
            keys.append(keys[-1] if token == "[" and keys else "")
        elif token in "}]" and stack:
            stack.pop()
            keys.pop()
    if pending is not None:
        _json_value(text, *pending, stack, keys, values)
    return values


def _json_value(
    text: str,
    start: int,
    end: int,
    stack: list[tuple[str, int]],
    keys: list[str],
    values: list[Value],
) -> None:
    record = stack[-1][1] if stack else -1
    values.append(Value(start, end, keys[-1] if keys else "", record, "json"))


# ------------------------------------------------------------------------------------ SQL

_INSERT = re.compile(
    r"INSERT\s+(?:IGNORE\s+)?INTO\s+[`\"\[]?([\w.$]{1,200})[`\"\]]?\s*"
    r"(?:\(([^()]{0,20000})\))?\s*VALUES",
    re.IGNORECASE,
)
_SQL_TOKEN = re.compile(r"[(),;']|--(?=[ \t\r\n])|/\*|INSERT\s|COPY\s", re.IGNORECASE)
# PostgreSQL's dump format: tab-separated rows after COPY … FROM stdin, up to a line "\.".
_COPY = re.compile(
    r"COPY\s+([\w.\"]{1,200})\s*(?:\(([^()]{0,20000})\))?\s+FROM\s+stdin;[^\n]{0,200}\n",
    re.IGNORECASE,
)
# The columns of WordPress's comments table, in the order its dumps write them.
_WP_COMMENTS = (
    "comment_id comment_post_id comment_author comment_author_email comment_author_url"
    " comment_author_ip comment_date comment_date_gmt comment_content comment_karma"
    " comment_approved comment_agent comment_type comment_parent user_id"
).split()
_EMAIL = re.compile(r"[^@\s'\"<>]{1,200}@[^@\s'\"<>]{1,200}\.[a-zA-Z]{2,20}")


def read_sql(text: str) -> list[Value]:
    """The quoted strings of an SQL dump, named by their column where an ``INSERT``'s column
    list tells it, or by the shape of a comment row (name, e-mail, URL … text) otherwise;
    each row is a record."""
    values: list[Value] = []
    columns: list[str] | None = None
    table = ""
    records = 0
    depth = 0
    row: list[tuple[int, int] | None] = []  # the fields of the row being read
    pos = 0
    end = len(text)
    while (m := _SQL_TOKEN.search(text, pos)) is not None:
        token = m.group()
        pos = m.end()
        if token == "'":
            # SQL: '' and \' are quotes inside a string.
            close = _closing_quote(text, pos, end, "'", doubled=True, backslash=True)
            if close < 0:
                break
            if depth == 1 and row:
                row[-1] = (pos, close)
            elif depth != 1:
                values.append(Value(pos, close, "", -1, "sql"))
            pos = close + 1
        elif token == "(":
            depth += 1
            if depth == 1:
                row = [None]
        elif token == ")":
            if depth == 1:
                _sql_row(row, columns, table, records, text, values)
                records += 1
                row = []
            depth = max(0, depth - 1)
        elif token == ",":
            if depth == 1:
                row.append(None)
        elif token == ";":
            depth = 0
            columns, table = None, ""
        elif token == "--":  # a comment to the end of the line
            line_end = text.find("\n", pos)
            pos = end if line_end < 0 else line_end + 1
        elif token == "/*":
            close = text.find("*/", pos)
            pos = end if close < 0 else close + 2
        elif token[:4].upper() == "COPY":
            copy = _COPY.match(text, m.start())
            if copy is not None and depth == 0:
                table = copy.group(1).replace('"', "").lower().rsplit(".", 1)[-1]
                names = copy.group(2)
                copied = [c.strip(' \t\r\n"').lower() for c in names.split(",")] if names else None
                pos, records = _copy_rows(text, copy.end(), copied, table, records, values)
                columns, table = None, ""
        else:  # INSERT
            insert = _INSERT.match(text, m.start())
            if insert is not None:
                table = insert.group(1).lower().rsplit(".", 1)[-1]
                names = insert.group(2)
                columns = (
                    [c.strip(' \t\r\n`"[]').lower() for c in names.split(",")] if names else None
                )
                depth = 0
                pos = insert.end()
    return values


def _copy_rows(
    text: str,
    start: int,
    columns: list[str] | None,
    table: str,
    records: int,
    values: list[Value],
) -> tuple[int, int]:
    """The rows of a COPY block from ``start``: where the block ends, and the record count."""
    pos = start
    end = len(text)
    while pos < end:
        line_end = text.find("\n", pos)
        if line_end < 0:
            line_end = end
        stop = line_end - 1 if line_end > pos and text[line_end - 1] == "\r" else line_end
        if text.startswith("\\.", pos) and stop - pos == 2:
            return line_end + 1, records
        row: list[tuple[int, int] | None] = []
        field = pos
        while True:
            tab = text.find("\t", field, stop)
            field_end = stop if tab < 0 else tab
            row.append(None if text[field:field_end] == "\\N" else (field, field_end))
            if tab < 0:
                break
            field = tab + 1
        if len(row) > 1:
            _sql_row(row, columns, table, records, text, values, "double")
            records += 1
        pos = line_end + 1
    return end, records


def _sql_row(
    row: list[tuple[int, int] | None],
    columns: list[str] | None,
    table: str,
    record: int,
    text: str,
    values: list[Value],
    style: str = "sql",
) -> None:
    names = columns
    if names is None and table.endswith("comments") and len(row) in (13, 14, 15):
        names = _WP_COMMENTS
    if names is None or len(names) != len(row):
        names = _names_by_shape(row, text)
    for name, field in zip(names, row, strict=False):
        if field is not None:
            values.append(Value(field[0], field[1], name, record, style))


def _names_by_shape(row: list[tuple[int, int] | None], text: str) -> list[str]:
    """Column names read off a comment row's shape: the string before an e-mail address is
    the author, a URL (or nothing) after it the author's link, the longest text with spaces
    after those the comment."""
    names = [""] * len(row)
    fields = [text[f[0] : f[1]] if f is not None else None for f in row]
    email = next(
        (i for i, f in enumerate(fields) if f is not None and _EMAIL.fullmatch(f.strip())), -1
    )
    if email <= 0 or fields[email - 1] is None:
        return names
    names[email - 1] = "author"
    names[email] = "email"
    after = email + 1
    if after < len(fields) and fields[after] is not None:
        field = fields[after] or ""
        if not field.strip() or "://" in field or field.startswith("www."):
            names[after] = "url"
            after += 1
    body = -1
    for i in range(after, len(fields)):
        candidate = fields[i]
        if candidate is None or " " not in candidate or candidate.startswith("Mozilla/"):
            continue
        if body < 0 or len(candidate) > len(fields[body] or ""):
            body = i
    if body >= 0:
        names[body] = "content"
    return names


# -------------------------------------------------------------------------------- reading

_READERS: dict[str, Callable[[str], list[Value]]] = {
    "yaml": read_yaml,
    "json": read_json,
    "sql": read_sql,
}
_last: list[tuple[str, str, Reading]] = []  # the last file read: rules and prefilter share it


def read(text: str, kind: str) -> Reading:
    """The reading of a data file of ``kind`` (yaml, json or sql), or of the front matter of
    a Markdown or HTML file (the rest of which the view keeps as it is)."""
    if _last and _last[0][0] is text and _last[0][1] == kind:
        return _last[0][2]
    if kind in _READERS:
        values = _READERS[kind](text)
        reading = Reading(view_of(text, values), values)
    else:
        span = front_matter(text)
        if span is None:
            reading = Reading(text, [])
        else:
            values = read_yaml(text, span[0], span[1])
            view = view_of(text, values, 0, span[1]) + text[span[1] :]
            reading = Reading(view, values)
    _last[:] = [(text, kind, reading)]
    return reading


# What the prefilter reads of a data file: its text with the common escapes undone (a quick
# look, not the reading: keys and all are left in, and lengths change).
_QUICK = (
    ("\\\"", '"'), ("\\/", "/"), ("\\'", "'"), ("''", "'"), ("\\n", "\n"), ("\\r", " "),
    ("&#39;", "'"), ("&#039;", "'"), ("&quot;", '"'), ("&amp;", "&"),
)  # fmt: skip
_UNICODE_ESCAPE = re.compile(r"\\u[0-9a-fA-F]{4}")


def quick_view(text: str) -> str:
    """``text`` with the escapes that hide links and words from the prefilter undone (each
    a C-level replace; ``\\u`` escapes only where there are some)."""
    for escape, plain in _QUICK if "\\" in text or "&" in text or "''" in text else ():
        if escape in text:
            text = text.replace(escape, plain)
    if "\\u" in text:
        text = _UNICODE_ESCAPE.sub(lambda m: _decode_one(m.group()), text)
    return text


def field_anchors(text: str, kind: str) -> str:
    """The links that records give their names (a commenter's name and URL fields), written
    as HTML anchors, one a line: what the prefilter needs to judge them, since in the file a
    name and its URL are two values apart. JSON gets a quick look; YAML, SQL and front matter
    are read."""
    pairs: list[tuple[str, str]] = []
    if kind == "json":
        _json_pairs(text, pairs)
        return _anchors_of(pairs)
    reading = read(text, kind)
    records: dict[int, dict[str, Value]] = {}
    for value in reading.values:
        if value.record >= 0:
            records.setdefault(value.record, {}).setdefault(value.key, value)
    for fields in records.values():
        url = next((v for k, v in fields.items() if k in URL_KEYS), None)
        name = next((v for k, v in fields.items() if k in AUTHOR_KEYS), None)
        if url is not None and name is not None:
            pairs.append(
                (reading.view[name.start : name.end], reading.view[url.start : url.end].strip())
            )
    return _anchors_of(pairs)


_JSON_FIELD = re.compile(
    r'"(' + "|".join(sorted(AUTHOR_KEYS | URL_KEYS)) + r')"'
    r'\s{0,20}:\s{0,20}"((?:[^"\\\n]|\\.){0,2000})"',
    re.IGNORECASE,
)


def _json_pairs(text: str, pairs: list[tuple[str, str]]) -> None:
    """(name, URL) of the JSON objects with both: a name field and a URL field with no brace
    between them (a quick look with one regex, not a parse)."""
    last: dict[bool, tuple[int, str]] = {}  # is a URL -> (end, value) of the last field seen
    for m in _JSON_FIELD.finditer(text):
        is_url = m.group(1).lower() in URL_KEYS
        value = quick_view(m.group(2))
        other = last.pop(not is_url, None)
        if (
            other is not None
            and "{" not in text[other[0] : m.start()]
            and ("}" not in text[other[0] : m.start()])
        ):
            pairs.append((other[1], value) if is_url else (value, other[1]))
        else:
            last[is_url] = (m.end(), value)


def _anchors_of(pairs: list[tuple[str, str]]) -> str:
    """One anchor a line, each pair once."""
    return "\n".join(
        dict.fromkeys(
            f'<a href="{url}">{" ".join(re.sub(r"[<>]", " ", name).split())}</a>'
            for name, url in pairs
            if ("://" in url or url.lower().startswith("www.")) and not re.search(r"[\s\"<>]", url)
        )
    )
