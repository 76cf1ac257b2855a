"""Markdown through markdown-it-py: prose paragraphs and links, with positions in the source.

markdown-it-py gives block tokens line ranges but inline tokens no positions. The inline rules
that make links, images, autolinks, code spans and inline HTML are therefore wrapped: each wrapper
notes where its token starts and ends in the inline content, and the content is mapped back to
the source line by line (it is each line's tail, after the block markers and indentation).
Link destinations are kept as written (the parser's URL normalisation is switched off).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from hooklint.records import TYPE_CHECKING
from hooklint.source import LINE_END
from hooklint.spam.links import (
    Link,
    Parts,
    Span,
    bare_urls,
    hidden_regions,
    html_anchors,
    html_prose,
    inside,
    subtract,
)

if TYPE_CHECKING:
    from typing import Any

_parser: Any = None

# The inline rules to wrap, and the token type each one produces.
_WRAPPED = {
    "link": "link_open",
    "image": "image",
    "autolink": "link_open",
    "backticks": "code_inline",
    "html_inline": "html_inline",
}


def _same(url: str) -> str:
    return url


def _valid(url: str) -> bool:
    return True


def _markdown() -> Any:
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark", {"inline_definitions": True, "linkify": False})
        md.enable(["table", "strikethrough"])
        # Keep destinations as the author wrote them: the rules decode hosts themselves, and a
        # javascript: link must not vanish before it is looked at.
        md.normalizeLink = _same  # type: ignore[method-assign]
        md.normalizeLinkText = _same  # type: ignore[method-assign,assignment]
        md.validateLink = _valid  # type: ignore[method-assign]
        for name, token_type in _WRAPPED.items():
            md.inline.ruler.at(name, _recording(md.inline.ruler, name, token_type))
        _parser = md
    return _parser


def _recording(ruler: Any, name: str, token_type: str) -> Callable[[Any, bool], bool]:
    """The inline rule ``name``, also noting the [start, end) it consumed on its token."""
    rule = next(r.fn for r in ruler.__rules__ if r.name == name)
    label_end = None
    if name == "link":
        from markdown_it.helpers import parseLinkLabel

        label_end = parseLinkLabel

    def recorded(state: Any, silent: bool) -> bool:
        start = state.pos
        count = len(state.tokens)
        matched: bool = rule(state, silent)
        if matched and not silent:
            for token in state.tokens[count:]:
                if token.type == token_type:
                    token.meta["span"] = (start, state.pos)
                    if label_end is not None:
                        # Where the link text ends: found again only for a link that was
                        # made, so the work stays that of the parser itself.
                        end = state.pos
                        token.meta["label"] = (start + 1, label_end(state, start, True))
                        state.pos = end
                    break
        return matched

    return recorded


class _Lines:
    """Where each line of the source starts and ends (before its line break)."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        self.ends = []
        for m in LINE_END.finditer(text):
            self.ends.append(m.start())
            self.starts.append(m.end())
        self.ends.append(len(text))

    def span(self, first: int, last: int) -> Span:
        """[start, end) of lines first..last-1."""
        last = min(last, len(self.starts)) - 1
        return self.starts[first], self.ends[max(first, last)]


class _Inline:
    """Maps offsets in an inline token's content to offsets in the source."""

    def __init__(self, text: str, lines: _Lines, content: str, first_line: int) -> None:
        self.offsets: list[int] = []  # content offset where each content line starts
        self.homes: list[int] = []  # source offset of that content line's first character
        self.lengths: list[int] = []
        at = 0
        for i, part in enumerate(content.split("\n")):
            line = min(first_line + i, len(lines.starts) - 1)
            start, end = lines.starts[line], lines.ends[line]
            source_line = text[start:end]
            core = part.strip()
            lead = len(part) - len(part.lstrip())
            found = source_line.rfind(core) if core else -1
            if found < 0:
                found = len(source_line) - len(source_line.lstrip())
            self.offsets.append(at)
            self.homes.append(start + found - lead)
            self.lengths.append(len(part))
            at += len(part) + 1

    def home(self, offset: int) -> int:
        i = bisect.bisect_right(self.offsets, offset) - 1
        return self.homes[i] + offset - self.offsets[i]

    def spans(self, start: int, end: int) -> list[Span]:
        """The source spans of content[start:end], cut at line breaks."""
        out = []
        i = bisect.bisect_right(self.offsets, start) - 1
        while i < len(self.offsets) and self.offsets[i] < end:
            a = max(start, self.offsets[i])
            b = min(end, self.offsets[i] + self.lengths[i])
            if b > a:
                out.append((self.home(a), self.home(a) + b - a))
            i += 1
        return out


def parse(text: str) -> Parts:
    """Paragraphs (source spans, running text or not), links, code and hidden regions."""
    parts = Parts()
    lines = _Lines(text)
    tokens = _markdown().parse(text, {})
    definitions: dict[str, tuple[str, int]] = {}
    for token in tokens:
        if token.type == "definition" and token.map:
            url = token.meta.get("url", "")
            start, end = lines.span(*token.map)
            found = text.find(url, start, end) if url else -1
            definitions[token.meta.get("id", "")] = (url, found if found >= 0 else start)
    html_blocks: list[Span] = []
    body = True
    for token in tokens:
        kind = token.type
        if kind in ("heading_open", "th_open", "td_open"):
            body = False
        elif kind in ("heading_close", "th_close", "td_close"):
            body = True
        elif kind in ("fence", "code_block") and token.map:
            parts.code.append(lines.span(*token.map))
        elif kind == "html_block" and token.map:
            html_blocks.append(lines.span(*token.map))
        elif kind == "inline" and token.map:
            _inline(text, lines, token, body, definitions, parts)
    for start, end in html_blocks:
        paragraphs, code = html_prose(text, start, end)
        parts.paragraphs.extend((spans, True) for spans in paragraphs)
        parts.code.extend(code)
    parts.code.sort()
    skip = inside(parts.code)
    parts.links.extend(html_anchors(text, 0, len(text), skip))
    parts.hidden = hidden_regions(text, 0, len(text), skip)
    return parts


def _inline(
    text: str,
    lines: _Lines,
    token: Any,
    body: bool,
    definitions: dict[str, tuple[str, int]],
    parts: Parts,
) -> None:
    from markdown_it.common.utils import normalizeReference

    content: str = token.content
    where = _Inline(text, lines, content, token.map[0])
    holes: list[Span] = []  # content spans that are not prose
    labels: list[Span] = []  # link texts: prose, but not where bare URLs are looked for
    children = token.children or []
    i = 0
    while i < len(children):
        child = children[i]
        span = child.meta.get("span")
        if child.type in ("code_inline", "html_inline", "image") and span:
            holes.append(span)
            if child.type == "code_inline":
                parts.code.extend(where.spans(*span))
        elif child.type == "link_open" and span:
            j = i + 1
            depth = 1
            pieces: list[str] = []
            images = 0
            others = 0
            codes = 0  # code spans among the pieces with text
            while j < len(children) and depth:
                inner = children[j]
                if inner.type == "link_open":
                    depth += 1
                elif inner.type == "link_close":
                    depth -= 1
                elif inner.type in ("text", "code_inline"):
                    pieces.append(inner.content)
                    others += bool(inner.content.strip())
                    codes += inner.type == "code_inline" and bool(inner.content.strip())
                elif inner.type == "image":
                    pieces.append(inner.content)
                    images += 1
                elif inner.type in ("softbreak", "hardbreak"):
                    pieces.append(" ")
                if inner.type == "image" and inner.meta.get("span"):
                    holes.append(inner.meta["span"])
                j += 1
            visible = " ".join("".join(pieces).split())
            if codes == others == 1 and not images:
                # A text that is all one code span names code (`theme.name`, `setup.py`), not a
                # site: its backticks stay, as the rules that read link texts know them.
                visible = f"`{visible}`"
            href = child.attrs.get("href", "")
            if child.markup == "autolink":
                holes.append(span)
                at = where.home(span[0] + 1)
                parts.links.append(Link(str(href), at, visible, at, "autolink"))
            else:
                label = child.meta.get("label", (span[0] + 1, span[0] + 1))
                holes.append((span[0], label[0]))
                holes.append((label[1], span[1]))
                labels.append(label)
                url, url_at, kind = _destination(
                    content, span, label, str(href), where, definitions, normalizeReference
                )
                lead = len(content[label[0] : label[1]]) - len(
                    content[label[0] : label[1]].lstrip()
                )
                parts.links.append(
                    Link(
                        url,
                        url_at,
                        visible,
                        where.home(label[0] + lead),
                        kind,
                        images > 0 and not others,
                    )
                )
            i = j
            continue
        i += 1
    holes.sort()
    prose = subtract([(0, len(content))], holes)
    searchable = subtract(prose, sorted(labels))
    urls: list[Span] = []
    for start, end in searchable:
        for a, b in where.spans(start, end):
            for at, url in bare_urls(text, a, b):
                parts.links.append(Link(url, at, "", at, "bare"))
                urls.append((at, at + len(url)))
    spans = [s for start, end in prose for s in where.spans(start, end)]
    parts.paragraphs.append((subtract(spans, urls), body))


def _destination(
    content: str,
    span: Span,
    label: Span,
    href: str,
    where: _Inline,
    definitions: dict[str, tuple[str, int]],
    normalise: Callable[[str], str],
) -> tuple[str, int, str]:
    """(url, offset of the url, kind) of a link: inline, or through a reference definition."""
    after = label[1] + 1
    if after < span[1] and content[after] == "(":
        pos = after + 1
        while pos < span[1] and content[pos] in " \t\n":
            pos += 1
        if pos < span[1] and content[pos] == "<":
            pos += 1
        return href, where.home(pos), "inline"
    name = content[label[0] : label[1]]
    if after < span[1] and content[after] == "[":
        second = content[after + 1 : span[1] - 1]
        if second.strip():
            name = second
    url, at = definitions.get(normalise(name), (href, where.home(label[0])))
    return url, at, "reference"
