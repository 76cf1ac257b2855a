"""A checked file as the spam rules see it: prose paragraphs and links, with positions.

One builder per kind of file: Markdown (markdown-it-py), reStructuredText and HTML (small
readers of their own), gettext catalogues, and plain text, which is also how the prose regions
of a source file (its comments and docstrings) are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hooklint.records import TYPE_CHECKING, NamedTuple
from hooklint.source import LINE_END
from hooklint.spam import prose as _prose
from hooklint.spam.links import (
    Link,
    Span,
    bare_urls,
    cutter,
    hidden_regions,
    html_anchors,
    html_prose,
    inside,
    merge,
    never,
    text_links,
)

if TYPE_CHECKING:
    from typing import Any


class Comment(NamedTuple):
    """One comment of a data file or of front matter (an imported blog comment, a Staticman
    entry, a ``wp_comments`` row): who wrote it, the link their name carries, what they wrote.

    The rules judge the author's link together with the body: a keyword name linking to an
    unrelated host beside generic praise is comment spam. Entries of a list with a name and a
    URL but no text (a YAML link list) are no comment; their link is still a ``field`` link.
    """

    author: str  # the name as written (decoded), "" when the record has none
    author_pos: int  # offset of the name; of the body when there is no name
    link: int  # index in Document.links of the author's link (kind "field"), -1 for none
    email: str
    body: Span  # the body value's span; (-1, -1) for none
    paragraphs: tuple[int, ...]  # indexes in Document.paragraphs of the body's paragraphs
    links: tuple[int, ...]  # indexes in Document.links of the links inside the body


class Document(NamedTuple):
    text: str  # for data files, templates and front matter: the view the readers made of it
    kind: str
    paragraphs: list[_prose.Prose]
    links: list[Link]
    hidden: list[Span]  # regions hidden from readers by HTML styling
    regions: bool = False  # only the comment and docstring regions of a source file are prose
    comments: tuple[Comment, ...] = ()  # the comments of a data file or front matter


_SEPARATORS = re.compile(_prose.SEPARATORS)
_MARKDOWN_SEPARATORS = re.compile(_prose.MARKDOWN_SEPARATORS)
_PO_SEPARATORS = re.compile(_prose.PO_SEPARATORS)


def build(text: str, kind: str, regions: Sequence[tuple[int, int]] | None) -> Document:
    """The document of ``text``; with ``regions``, only those ranges are prose."""
    separators = _SEPARATORS
    hidden: list[Span] = []
    if regions is None and kind in DATA_KINDS:
        from hooklint.spam.data import read

        reading = read(text, kind)
        return _data_document(reading.view, kind, reading.values, _SEPARATORS)
    head: Document | None = None
    body_start = 0
    if regions is None and kind in ("markdown", "html") and text.startswith("---"):
        from hooklint.spam.data import blank, front_matter, read

        matter = front_matter(text)
        if matter is not None:
            reading = read(text, kind)
            head = _data_document(reading.view, kind, reading.values, _SEPARATORS)
            text = blank(text[: matter[1]]) + text[matter[1] :]
            body_start = matter[1]
    if regions is None and (
        kind == "template" or (kind == "html" and any(m in text for m in _TEMPLATE_MARKS))
    ):
        # A page template, or an HTML page that is one (a Jekyll layout, a Django template).
        from hooklint.spam.templates import template_view

        text, kind = template_view(text), "html"
    if regions is not None:
        paragraphs, links = _plain(text, regions, code_aware=True)
    elif kind == "markdown":
        from hooklint.spam.markdown import parse

        parts = parse(text)
        paragraphs, links, hidden = parts.paragraphs, parts.links, parts.hidden
        separators = _MARKDOWN_SEPARATORS
    elif kind == "rst":
        from hooklint.spam.rst import parse as parse_rst

        rst = parse_rst(text)
        paragraphs, links, hidden = rst.paragraphs, rst.links, rst.hidden
    elif kind == "html":
        found, _ = html_prose(text, 0, len(text))
        paragraphs = [(spans, True) for spans in found]
        links = list(html_anchors(text, 0, len(text), never))
        hidden = hidden_regions(text, 0, len(text), never)
        for spans, _ in paragraphs:
            for start, end in spans:
                links.extend(
                    Link(url, at, "", at, "bare") for at, url in bare_urls(text, start, end)
                )
    elif kind == "po":
        paragraphs, links = _catalogue(text)
        separators = _PO_SEPARATORS
    else:
        paragraphs, links = _plain(text, [(0, len(text))], code_aware=False)
    normalised = [
        _prose.normalise(text, spans, separators, body=body) for spans, body in paragraphs if spans
    ]
    if head is not None:
        # The front matter comes first: its paragraphs and links keep their indexes.
        signed = _signed_page(
            head, reading.values, len(normalised), len(links), (body_start, len(text))
        )
        return Document(
            head.text,  # the front matter decoded, the rest as it is
            kind,
            head.paragraphs + normalised,
            head.links + links,
            head.hidden + hidden,
            False,
            head.comments + signed,
        )
    return Document(text, kind, normalised, links, hidden, regions is not None)


# ------------------------------------------------------------------------------ data files

_TEMPLATE_MARKS = ("{{", "{%", "<?php", "<%")

#: The kinds read as data: their string values are the prose (see :mod:`hooklint.spam.data`).
DATA_KINDS = ("yaml", "json", "sql")


def _data_document(
    view: str, kind: str, values: Sequence[Any], separators: re.Pattern[str]
) -> Document:
    """The document of the string values of a data file (or front matter), read in ``view``:
    each value its own paragraphs (HTML and Markdown in it read as such), the link each
    record's URL field gives its name, and the comments those records are."""
    from hooklint.spam.data import AUTHOR_KEYS, BODY_KEYS, EMAIL_KEYS, URL_KEYS

    by_record: dict[int, dict[str, Any]] = {}
    for value in values:
        if value.record >= 0:
            by_record.setdefault(value.record, {}).setdefault(value.key, value)
    field_links: dict[int, Link] = {}  # record -> the link its URL field gives its name
    consumed: set[int] = set()  # offsets of values that are no prose (URL fields, e-mails)
    metadata: dict[int, set[str]] = {}  # record -> its keys that are no prose
    for record, fields in by_record.items():
        url = next((fields[k] for k in fields if k in URL_KEYS), None)
        if url is not None:
            address = view[url.start : url.end].strip()
            if "://" in address or address.lower().startswith("www."):
                author = next((fields[k] for k in fields if k in AUTHOR_KEYS), None)
                name = " ".join(view[author.start : author.end].split()) if author else ""
                at = (
                    url.start
                    + len(view[url.start : url.end])
                    - len(view[url.start : url.end].lstrip())
                )
                field_links[record] = Link(
                    address, at, name, author.start if author else at, "field"
                )
            consumed.add(url.start)
        if any(k in BODY_KEYS for k in fields) and any(
            k in AUTHOR_KEYS or k in URL_KEYS or k in EMAIL_KEYS for k in fields
        ):
            # A comment: its name, link and text are what it says; its dates, addresses,
            # user agent and status are no prose.
            metadata[record] = {k for k in fields if k not in _COMMENT_PROSE}
        for k in fields:
            if k in EMAIL_KEYS:
                consumed.add(fields[k].start)
    paragraphs: list[_prose.Prose] = []
    links: list[Link] = []
    hidden: list[Span] = []
    comments: list[Comment] = []
    placed: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {}  # value start -> indexes
    for value in values:
        if value.start in consumed or value.end <= value.start:
            continue
        if value.key in metadata.get(value.record, ()):
            continue
        if not _LETTER.search(view, value.start, value.end):
            continue
        found, found_links, found_hidden = _fragment(view, value.start, value.end)
        body = value.key not in AUTHOR_KEYS
        first_paragraph, first_link = len(paragraphs), len(links)
        paragraphs.extend(
            _prose.normalise(view, spans, separators, body=body) for spans in found if spans
        )
        links.extend(found_links)
        hidden.extend(found_hidden)
        placed[value.start] = (
            tuple(range(first_paragraph, len(paragraphs))),
            tuple(range(first_link, len(links))),
        )
    for record, fields in by_record.items():
        link = field_links.get(record)
        link_index = -1
        if link is not None:
            link_index = len(links)
            links.append(link)
        body_value = next((fields[k] for k in fields if k in BODY_KEYS), None)
        if body_value is None:
            continue
        author = next((fields[k] for k in fields if k in AUTHOR_KEYS), None)
        email = next((fields[k] for k in fields if k in EMAIL_KEYS), None)
        if author is None and link is None and email is None:
            continue
        body_paragraphs, body_links = placed.get(body_value.start, ((), ()))
        comments.append(
            Comment(
                " ".join(view[author.start : author.end].split()) if author else "",
                author.start if author else body_value.start,
                link_index,
                view[email.start : email.end].strip() if email else "",
                (body_value.start, body_value.end),
                body_paragraphs,
                body_links,
            )
        )
    comments.sort(key=lambda c: c.body)
    return Document(view, kind, paragraphs, links, hidden, False, tuple(comments))


def _signed_page(
    head: Document, values: Sequence[Any], paragraphs: int, links: int, body: Span
) -> tuple[Comment, ...]:
    """A page whose front matter signs it as a comment (Staticman's "frontmatter" entries: a
    name and a URL or e-mail, and neither a text field nor a title or layout, as a post has):
    the comment whose body is the page."""
    from hooklint.spam.data import AUTHOR_KEYS, BODY_KEYS, EMAIL_KEYS, URL_KEYS

    if not values:
        return ()
    top = values[0].record
    fields: dict[str, Any] = {}
    for value in values:
        if value.record == top:
            fields.setdefault(value.key, value)
    if any(k in BODY_KEYS or k in ("title", "layout") for k in fields):
        return ()
    author = next((fields[k] for k in fields if k in AUTHOR_KEYS), None)
    email = next((fields[k] for k in fields if k in EMAIL_KEYS), None)
    url = next((fields[k] for k in fields if k in URL_KEYS), None)
    if author is None or (url is None and email is None):
        return ()
    link = next(
        (
            i
            for i, lk in enumerate(head.links)
            if lk.kind == "field" and lk.text_pos == author.start
        ),
        -1,
    )
    first_paragraph, first_link = len(head.paragraphs), len(head.links)
    return (
        Comment(
            " ".join(head.text[author.start : author.end].split()),
            author.start,
            link,
            head.text[email.start : email.end].strip() if email else "",
            body,
            tuple(range(first_paragraph, first_paragraph + paragraphs)),
            tuple(range(first_link, first_link + links)),
        ),
    )


_LETTER = re.compile(r"[^\W\d_]")
# What makes a value more than words: a tag, a link, an address, a reST or Markdown link.
_MARKUP = re.compile(r"[<`\]]|://|[wW]{3}\.")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


_COMMENT_PROSE = frozenset(
    "author name author_name comment_author username nickname display_name commenter fullname"
    " full_name content body comment message text comment_content msg review description"
    " comment_body excerpt title subject".split()
)


def _fragment(text: str, start: int, end: int) -> tuple[list[list[Span]], list[Link], list[Span]]:
    """The paragraphs, links and hidden regions of one string value: HTML markup in it is
    markup, Markdown and reStructuredText links are links, bare URLs are found apart."""
    if not _MARKUP.search(text, start, end):
        # Words only (most values): its paragraphs are what blank lines leave.
        found = []
        pos = start
        for m in _BLANK_LINE.finditer(text, start, end):
            found.append([(pos, m.start())])
            pos = m.end()
        found.append([(pos, end)])
        return found, [], []
    found, _ = html_prose(text, start, end)
    hidden = hidden_regions(text, start, end, never) if "<" in text[start:end] else []
    links: list[Link] = []
    labels: list[Span] = []
    holes: list[Span] = []
    for link, whole, label in text_links(text, start, end):
        links.append(link)
        labels.append(label)
        holes.extend(((whole[0], label[0]), (label[1], whole[1])))
    cut = cutter(holes)
    paragraphs = _without_bare_urls(text, [(cut(spans), True) for spans in found], labels, links)
    return [spans for spans, _ in paragraphs], links, hidden


# --------------------------------------------------------------- plain text and source comments

# A comment or quote marker at the start of a line, and the closers of comments and docstrings.
_PREFIX = re.compile(
    r"[ \t]*(?:(?:#+!?|//+!?|/\*+!?|\*+(?!/)|>(?!>> )|--(?=\s|$)|<!--"
    r"|[rRbBuUfF]{0,2}(?:\"\"\"|'''))[ \t]*)*"
)
_CLOSERS = ("*/", '"""', "'''", "-->")
_DOCTEST = re.compile(r">>>(?:[ \t]|$)")
_FENCE = re.compile(r"(?:```|~~~)")
_CODE_SPAN = re.compile(r"``[^`\n]{1,2000}?``|`[^`\n]{1,2000}`")

Paragraphs = list[tuple[list[Span], bool]]
_BREAK = (-1, -1)


def _plain(
    text: str, regions: Sequence[tuple[int, int]], *, code_aware: bool
) -> tuple[Paragraphs, list[Link]]:
    """Paragraphs and links of plain text, or of the comment and docstring regions of code.

    Comment markers and quote markers are left out of each line and blank lines end a
    paragraph. In ``code_aware`` mode (regions of a source file) doctest lines, fenced blocks,
    literal blocks after ``::`` and code spans in backticks are not prose either.
    """
    paragraphs: Paragraphs = []
    links: list[Link] = []
    for region_start, region_end in _blocks(text, regions):
        region_start, region_end = max(0, region_start), min(len(text), region_end)
        if region_end <= region_start:
            continue
        lines = _region_lines(text, region_start, region_end, code_aware)
        prose_lines = [line for line in lines if line != _BREAK]
        in_prose = inside(prose_lines)
        holes: list[Span] = []
        if code_aware:
            for start, end in prose_lines:
                holes.extend(m.span() for m in _CODE_SPAN.finditer(text, start, end))
        in_code = inside(holes)
        labels: list[Span] = []
        for link, whole, label in text_links(text, region_start, region_end):
            if not in_prose(whole[0]) or in_code(whole[0]):
                continue
            links.append(link)
            holes.extend(((whole[0], label[0]), (label[1], whole[1])))
            labels.append(label)
        own: Paragraphs = []
        current: list[Span] = []
        cut = cutter(holes)
        for line in lines:
            if line == _BREAK:
                if current:
                    own.append((cut(current), True))
                    current = []
            else:
                current.append(line)
        if current:
            own.append((cut(current), True))
        paragraphs.extend(_without_bare_urls(text, own, labels, links))
    return paragraphs, links


def _blocks(text: str, regions: Sequence[tuple[int, int]]) -> list[Span]:
    """The regions, with single-line regions on consecutive lines joined into one block: the
    lines of a comment block arrive as one region per line, and are one text."""
    out: list[Span] = []
    joinable = False  # the last block is made of single-line regions
    for start, end in merge([(max(0, a), min(len(text), b)) for a, b in regions]):
        single = "\n" not in text[start:end] and "\r" not in text[start:end]
        if out and joinable and single:
            gap = text[out[-1][1] : start]
            if not gap.strip() and gap.count("\n") + gap.count("\r") <= 2 and "\n\n" not in gap:
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
        joinable = single
    return out


def _without_bare_urls(
    text: str, paragraphs: Paragraphs, labels: list[Span], links: list[Link]
) -> Paragraphs:
    """Find the bare URLs of ``paragraphs`` (outside link texts), add them to ``links``, and
    return the paragraphs without them."""
    urls: list[Span] = []
    without_labels = cutter(labels)
    for spans, _ in paragraphs:
        for a, b in without_labels(spans):
            for at, url in bare_urls(text, a, b):
                links.append(Link(url, at, "", at, "bare"))
                urls.append((at, at + len(url)))
    if not urls:
        return paragraphs
    without_urls = cutter(urls)
    return [(without_urls(spans), body) for spans, body in paragraphs]


def _region_lines(text: str, start: int, end: int, code_aware: bool) -> list[Span]:
    """The prose part of each line in text[start:end]; ``_BREAK`` ends a paragraph."""
    out: list[Span] = []
    literal_indent = -1  # > -1: in a literal block introduced by a line with this indent
    pending_literal = -1  # a line ended in "::": a literal block may follow a blank line
    fenced = False
    doctest = False
    pos = start
    while pos < end:
        m = LINE_END.search(text, pos, end)
        line_end, next_pos = (m.start(), m.end()) if m else (end, end)
        prefix = _PREFIX.match(text, pos, line_end)
        content_start = prefix.end() if prefix else pos
        content = text[content_start:line_end].rstrip()
        for closer in _CLOSERS:
            if content.endswith(closer):
                content = content[: -len(closer)].rstrip()
                break
        content_end = content_start + len(content)
        indent = content_start - pos
        pos = next_pos
        if not content:
            doctest = False
            out.append(_BREAK)
            if pending_literal >= 0:
                literal_indent, pending_literal = pending_literal, -1
            continue
        if code_aware:
            if _FENCE.match(content):
                fenced = not fenced
                out.append(_BREAK)
                continue
            if fenced:
                continue
            if literal_indent >= 0:
                if indent > literal_indent:
                    continue
                literal_indent = -1
            pending_literal = -1
            if doctest or _DOCTEST.match(content):
                doctest = True
                out.append(_BREAK)
                continue
            if content.endswith("::"):
                pending_literal = indent
        out.append((content_start, content_end))
    return out


# ------------------------------------------------------------------------ gettext catalogues

_PO_ENTRY = re.compile(r'[ \t]*(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+"')
_PO_CONTINUATION = re.compile(r'[ \t]*"')
_PO_COMMENT = re.compile(r"#[ .]")


def _catalogue(text: str) -> tuple[Paragraphs, list[Link]]:
    """The strings of a ``.po``/``.pot`` file (one paragraph per msgid or msgstr) and its
    translator comments, with their links.

    Links are looked for in a view of the file where ``\\"`` reads as a space and a quote: the
    same length, so offsets in the view are offsets in the file.
    """
    view = text.replace('\\"', ' "') if '\\"' in text else text
    paragraphs: Paragraphs = []
    current: list[Span] | None = None
    pos = 0
    while pos < len(view):
        m = LINE_END.search(view, pos)
        line_end, next_pos = (m.start(), m.end()) if m else (len(view), len(view))
        opened = _PO_ENTRY.match(view, pos, line_end)
        quote = opened or (_PO_CONTINUATION.match(view, pos, line_end) if current else None)
        if opened or not quote:
            if current:
                paragraphs.append((current, True))
            current = [] if opened else None
        if quote and current is not None:
            close = view.rfind('"', quote.end(), line_end)
            if close > quote.end():
                current.append((quote.end(), close))
        elif not quote:
            comment = _PO_COMMENT.match(view, pos, line_end)
            if comment and line_end > comment.end():
                paragraphs.append(([(comment.end(), line_end)], True))
        pos = next_pos
    if current:
        paragraphs.append((current, True))
    links: list[Link] = []
    labels: list[Span] = []
    holes: list[Span] = []
    for spans, _ in paragraphs:
        for start, end in spans:
            for link, whole, label in text_links(view, start, end):
                links.append(link)
                labels.append(label)
                holes.extend(((whole[0], label[0]), (label[1], whole[1])))
    if holes:
        cut = cutter(holes)
        paragraphs = [(cut(spans), body) for spans, body in paragraphs]
    return _without_bare_urls(view, paragraphs, labels, links), links
