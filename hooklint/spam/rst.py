"""reStructuredText, read line by line: prose paragraphs, links and code, with positions.

No reStructuredText library is used: docutils would be a heavy dependency and reports no source
columns. The reading is deliberately small. Literal blocks (after ``::``), code directives and
doctest blocks are code; ``.. raw:: html`` content goes to the HTML reader; section adornments
are not prose. Inline, ````literals```` and interpreted text are code; links are
```text <url>`_``, named references ```text`_`` / ``word_`` resolved against ``.. _name: url``
targets, ``.. image::`` / ``.. figure::`` arguments and bare URLs.
"""

from __future__ import annotations

import bisect
import re

from hooklint.source import LINE_END
from hooklint.spam.links import (
    Link,
    Parts,
    Span,
    bare_urls,
    hidden_regions,
    html_anchors,
    html_prose,
    never,
    subtract,
)

_CODE_DIRECTIVES = frozenset(
    """
    code code-block sourcecode literalinclude doctest testcode testoutput testsetup
    testcleanup ipython jupyter-execute highlight math graphviz digraph graph uml prompt
    parsed-literal productionlist autoprogram program-output command-output literal
    """.split()
)
_DIRECTIVE = re.compile(r"\.\.[ \t]+([\w:+.-]{1,60})[ \t]*::[ \t]*(.*)")
_TARGET = re.compile(r"\.\.[ \t]+_(`[^`]{1,300}`|[^:`]{1,300}):[ \t]*(\S*)")
_ANONYMOUS_TARGET = re.compile(r"__[ \t]+(\S+)")
_COMMENT = re.compile(r"\.\.(?:[ \t]+|$)")
_ADORNMENT = re.compile(r"([!-/:-@\[-`{-~])\1{2,}[ \t]*")
_DOCTEST = re.compile(r">>>(?:[ \t]|$)")

_LITERAL = re.compile(r"``[^`]{1,2000}?``")
_ROLE = re.compile(r":[\w:+.-]{1,60}:`[^`]{0,2000}`")
_EXPLICIT_LINK = re.compile(r"`([^`<>]{0,500}?)\s*<([^`<>\s]{1,2048})>`__?")
_NAMED_REF = re.compile(r"`([^`<>]{1,500})`__?")
_INTERPRETED = re.compile(r"`[^`]{1,2000}`")
_WORD_REF = re.compile(r"(?<![\w`])([^\W_][\w.-]{0,100})__?(?![\w`])")


def _name(label: str) -> str:
    return " ".join(label.strip("`").lower().split())


def parse(text: str) -> Parts:
    parts = Parts()
    targets: dict[str, tuple[str, int]] = {}
    references: list[tuple[str, str, int]] = []  # (name, text, offset of the text)
    paragraph: list[Span] = []
    raw_html: list[Span] = []
    block_indent = -1  # > -1: inside an indented code (or raw HTML) block opened at this indent
    block_is_html = False
    block_ends_at_blank = False  # a doctest block ends at the first blank line
    literal_next = -1  # indentation of a paragraph that ended in "::"

    def flush() -> None:
        if paragraph:
            _paragraph(text, list(paragraph), parts, references)
            paragraph.clear()

    starts = [0, *(m.end() for m in LINE_END.finditer(text))]
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        line = text[start:end].rstrip("\r\n")
        end = start + len(line)
        body = line.lstrip(" \t")
        indent = len(line) - len(body)
        if not body.strip():
            flush()
            if block_ends_at_blank:
                block_indent, block_ends_at_blank = -1, False
            continue
        if block_indent >= 0:
            if indent > block_indent:
                (raw_html if block_is_html else parts.code).append((start, end))
                continue
            block_indent = -1
        if literal_next >= 0:
            if indent > literal_next:
                flush()
                parts.code.append((start, end))
                block_indent, block_is_html = literal_next, False
                literal_next = -1
                continue
            literal_next = -1
        at = start + indent
        directive = _DIRECTIVE.match(body)
        if directive:
            flush()
            name = directive.group(1).lower()
            argument = directive.group(2)
            if name in _CODE_DIRECTIVES or (name == "raw" and "html" not in argument.lower()):
                parts.code.append((start, end))
                block_indent, block_is_html = indent, False
            elif name == "raw":
                block_indent, block_is_html = indent, True
            elif name in ("image", "figure") and argument:
                parts.links.append(
                    Link(argument.strip(), at + directive.start(2), "", at + directive.start(2),
                         "bare")
                )  # fmt: skip
            elif argument:
                paragraph.append((at + directive.start(2), end))
            continue
        target = _TARGET.match(body)
        if target:
            flush()
            url = target.group(2)
            if url and not url.endswith("_"):
                url_at = at + target.start(2)
                targets[_name(target.group(1))] = (url, url_at)
                parts.links.append(Link(url, url_at, "", url_at, "reference"))
            continue
        anonymous = _ANONYMOUS_TARGET.match(body)
        if anonymous and indent == 0:
            flush()
            url_at = at + anonymous.start(1)
            parts.links.append(Link(anonymous.group(1), url_at, "", url_at, "reference"))
            continue
        if _ADORNMENT.fullmatch(body):
            flush()
            continue
        if _DOCTEST.match(body):
            flush()
            parts.code.append((start, end))
            block_indent, block_is_html, block_ends_at_blank = indent - 1, False, True
            continue
        comment = _COMMENT.match(body)
        if comment:
            flush()
            if comment.end() < len(body):
                paragraph.append((at + comment.end(), end))
            continue
        paragraph.append((at, end))
        if body.rstrip().endswith("::"):
            flush()
            literal_next = indent
    flush()
    for name, shown, shown_at in references:
        found = targets.get(name)
        if found:
            parts.links.append(Link(found[0], found[1], shown, shown_at, "reference"))
    for start, end in raw_html:
        paragraphs, code = html_prose(text, start, end)
        parts.paragraphs.extend((spans, True) for spans in paragraphs)
        parts.code.extend(code)
        parts.links.extend(html_anchors(text, start, end, never))
        parts.hidden.extend(hidden_regions(text, start, end, never))
    return parts


def _paragraph(
    text: str, spans: list[Span], parts: Parts, references: list[tuple[str, str, int]]
) -> None:
    """Inline markup of one paragraph: links and references out, literals masked."""
    start, end = spans[0][0], spans[-1][1]
    holes: list[Span] = []
    labels: list[Span] = []
    taken = _Taken()
    taken.next_pass()
    for m in _LITERAL.finditer(text, start, end):
        taken.add(m.span(), holes)
        parts.code.append(m.span())
    taken.next_pass()
    for m in _ROLE.finditer(text, start, end):
        if taken.add(m.span(), holes):
            parts.code.append(m.span())
    taken.next_pass()
    for m in _EXPLICIT_LINK.finditer(text, start, end):
        if taken.free(m.span()):
            shown = m.group(1).strip() or m.group(2)
            shown_at = m.start(1) if m.group(1).strip() else m.start(2)
            parts.links.append(Link(m.group(2), m.start(2), shown, shown_at, "rst"))
            taken.add((m.start(), m.start(1)), holes)
            taken.add((m.end(1), m.end()), holes)
            labels.append(m.span(1))
            taken.claim(m.span())
    taken.next_pass()
    for m in _NAMED_REF.finditer(text, start, end):
        if taken.free(m.span()):
            references.append((_name(m.group(1)), " ".join(m.group(1).split()), m.start(1)))
            taken.add((m.start(), m.start(1)), holes)
            taken.add((m.end(1), m.end()), holes)
            labels.append(m.span(1))
            taken.claim(m.span())
    taken.next_pass()
    for m in _INTERPRETED.finditer(text, start, end):
        if taken.add(m.span(), holes):
            parts.code.append(m.span())
    taken.next_pass()
    for m in _WORD_REF.finditer(text, start, end):
        if taken.free(m.span()):
            references.append((_name(m.group(1)), m.group(1), m.start(1)))
            holes.append((m.end(1), m.end()))
    prose = subtract(spans, sorted(holes))
    urls: list[Span] = []
    for a, b in subtract(prose, sorted(labels)):
        for at, url in bare_urls(text, a, b):
            parts.links.append(Link(url, at, "", at, "bare"))
            urls.append((at, at + len(url)))
    parts.paragraphs.append((subtract(prose, urls), True))


class _Taken:
    """Spans claimed by the inline constructs of a paragraph, found pass by pass.

    Each pass (one pattern's ``finditer``) claims spans in increasing order, so every pass keeps
    a sorted list and an overlap test is a binary search per earlier pass.
    """

    def __init__(self) -> None:
        self.passes: list[list[Span]] = []

    def next_pass(self) -> None:
        self.passes.append([])

    def free(self, span: Span) -> bool:
        for claimed in self.passes:
            i = bisect.bisect_left(claimed, (span[1], span[1]))
            if i and claimed[i - 1][1] > span[0]:
                return False
        return True

    def claim(self, span: Span) -> None:
        self.passes[-1].append(span)

    def add(self, span: Span, holes: list[Span]) -> bool:
        if not self.free(span):
            return False
        self.claim(span)
        holes.append(span)
        return True
