"""A checked file as the spam rules see it: prose paragraphs and links, with positions.

One builder per kind of file: Markdown (markdown-it-py), reStructuredText and HTML (small
readers of their own), gettext catalogues, and plain text, which is also how the prose regions
of a source file (its comments and docstrings) are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

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


class Document(NamedTuple):
    text: str
    kind: str
    paragraphs: list[_prose.Prose]
    links: list[Link]
    hidden: list[Span]  # regions hidden from readers by HTML styling
    regions: bool = False  # only the comment and docstring regions of a source file are prose


_SEPARATORS = re.compile(_prose.SEPARATORS)
_MARKDOWN_SEPARATORS = re.compile(_prose.MARKDOWN_SEPARATORS)
_PO_SEPARATORS = re.compile(_prose.PO_SEPARATORS)


def build(text: str, kind: str, regions: Sequence[tuple[int, int]] | None) -> Document:
    """The document of ``text``; with ``regions``, only those ranges are prose."""
    separators = _SEPARATORS
    hidden: list[Span] = []
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
    return Document(text, kind, normalised, links, hidden, regions is not None)


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
