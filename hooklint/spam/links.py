"""Links with their positions: bare URLs, HTML anchors, and the link forms of plain text.

Markdown has its own extractor (:mod:`hooklint.spam.markdown`, built on markdown-it-py) and so
has reStructuredText (:mod:`hooklint.spam.rst`); both use the helpers here for what their
markup leaves to HTML or to plain text. Every pattern has bounded repetitions or stops at a
character it cannot cross, so hostile input costs time in proportion to its length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from hooklint.records import TYPE_CHECKING, NamedTuple
from hooklint.spam.domains import MAX_URL
from hooklint.spam.styles import attributes, hiding_style, toggled_widget

if TYPE_CHECKING:
    from typing import Any


class Link(NamedTuple):
    """One link: where its target and its visible text are in the checked text."""

    url: str  # as written (HTML entities decoded)
    url_pos: int  # offset of the URL (for a reference link, in its definition)
    text: str  # visible text, markup flattened; "" for a bare URL
    text_pos: int  # offset of the visible text (the URL's for a bare URL)
    kind: str  # "inline", "reference", "autolink", "bare", "html", "rst"
    image_only: bool = False  # the visible text is only images (a badge)
    attrs: tuple[tuple[str, str], ...] = ()  # HTML attributes, names lowercase

    def attr(self, name: str) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return None


Span = tuple[int, int]


class Parts:
    """What the spam rules need from a parsed Markdown or reStructuredText file: paragraphs
    (source spans, and whether they are running text), links, code and hidden regions."""

    def __init__(self) -> None:
        self.paragraphs: list[tuple[list[Span], bool]] = []
        self.links: list[Link] = []
        self.code: list[Span] = []
        self.hidden: list[Span] = []


def never(offset: int) -> bool:
    """A ``skip`` test that skips nothing."""
    return False


def merge(spans: list[Span]) -> list[Span]:
    """``spans`` sorted, with overlapping and touching spans merged."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        elif end > start:
            out.append((start, end))
    return out


def inside(spans: list[Span]) -> Callable[[int], bool]:
    """A test for "offset lies in one of ``spans``"."""
    merged = merge(spans)
    starts = [s for s, _ in merged]

    def test(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < merged[i][1]

    return test


def subtract(spans: list[Span], holes: list[Span]) -> list[Span]:
    """``spans`` (sorted, not overlapping) without the parts covered by ``holes``."""
    return cutter(holes)(spans) if holes else spans


def cutter(holes: list[Span]) -> Callable[[list[Span]], list[Span]]:
    """``subtract`` with ``holes`` merged once, for cutting them out of many lists of spans."""
    merged = merge(holes)
    ends = [b for _, b in merged]

    def cut(spans: list[Span]) -> list[Span]:
        out = []
        for start, end in spans:
            pos = start
            i = bisect.bisect_right(ends, start)
            while i < len(merged) and merged[i][0] < end:
                a, b = merged[i]
                if a > pos:
                    out.append((pos, a))
                pos = max(pos, b)
                i += 1
            if end > pos:
                out.append((pos, end))
        return out

    return cut


# ----------------------------------------------------------------------------------- bare URLs

# Where a bare URL may start: a web scheme, or "www." not glued to a word, path or address.
_URL_START = re.compile(r"(?:[hH][tT][tT][pP][sS]?|[fF][tT][pP])://|(?<![\w.@/-])[wW]{3}\.")
_LONGEST = str(MAX_URL)  # the longest URL looked at, for regex repetition bounds
_NO_SPACE = re.compile(r"\S{1," + _LONGEST + "}")

_linkifier: Any = None


def _linkify() -> Any:
    global _linkifier
    if _linkifier is None:
        from linkify_it import LinkifyIt

        _linkifier = LinkifyIt(options={"fuzzy_email": False, "fuzzy_link": False})
    return _linkifier


@lru_cache(maxsize=4096)
def _url_at_start(window: str) -> tuple[str, int] | None:
    """The URL linkify-it reads at the start of ``window`` (no spaces in it), and its length."""
    www = window[:4].lower() == "www."
    match = _linkify().match_at_start("http://" + window if www else window)
    if match is None:
        return None
    url = match.url[len("http://") :] if www else match.url
    length = len(match.text) - (len("http://") if www else 0)
    return (url, length) if length > 0 else None


def bare_urls(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """(offset, url) of every bare URL in ``text[start:end]``.

    Candidates are found with one regex; linkify-it then decides where each URL ends (trailing
    punctuation, balanced parentheses) on a window no longer than a URL may be.
    """
    pos = start
    while (m := _URL_START.search(text, pos, end)) is not None:
        at = m.start()
        token = _NO_SPACE.match(text, at, end)
        found = _url_at_start(token.group() if token else "")
        if found is None:
            pos = m.end()
            continue
        yield at, found[0]
        pos = at + found[1]


# ----------------------------------------------------------------------------------------- HTML

_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]{0,30})\b([^<>]{0,4000})>")
_ANCHOR_OPEN = re.compile(r"<[aA]\b([^<>]{0,4000})>")
_ANCHOR_CLOSE = re.compile(r"</[aA]\s*>")
_ANCHOR_TEXT_LIMIT = 4000
_IMG_ALT = re.compile(r"""<img\b[^<>]{0,4000}?\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_ANY_TAG = re.compile(r"<[^<>]{0,4000}>")
_SPACES = re.compile(r"\s+")


def flatten_html(fragment: str) -> str:
    """The visible text of an HTML fragment: tags dropped, image alt text kept, spaces joined."""
    fragment = _IMG_ALT.sub(lambda m: " " + (m.group(1) or m.group(2) or "") + " ", fragment)
    from html import unescape

    return _SPACES.sub(" ", unescape(_ANY_TAG.sub(" ", fragment))).strip()


def html_anchors(text: str, start: int, end: int, skip: Callable[[int], bool]) -> Iterator[Link]:
    """Every ``<a href=…>text</a>`` in ``text[start:end]`` whose tag ``skip`` does not reject."""
    for link, _, _ in _anchors(text, start, end, skip):
        yield link


def _anchors(
    text: str, start: int, end: int, skip: Callable[[int], bool]
) -> Iterator[tuple[Link, Span, Span]]:
    """(link, span of the whole element, span of its content) of each HTML anchor."""
    pos = start
    while (m := _ANCHOR_OPEN.search(text, pos, end)) is not None:
        pos = m.end()
        if skip(m.start()):
            continue
        attrs = attributes(m.group(1))
        href = next((v for k, v in attrs if k == "href"), None)
        if href is None:
            continue
        href_at = _href_offset(text, m.start() + 2, m.end())
        close = _ANCHOR_CLOSE.search(text, m.end(), min(end, m.end() + _ANCHOR_TEXT_LIMIT))
        inner_end = close.start() if close else m.end()
        inner = text[m.end() : inner_end]
        visible = flatten_html(inner)
        only_images = bool(inner.strip()) and not _ANY_TAG.sub("", inner).strip()
        text_at = m.end() + (len(inner) - len(inner.lstrip())) if visible else m.start()
        link = Link(href.strip(), href_at, visible, text_at, "html", only_images, attrs)
        yield link, (m.start(), close.end() if close else m.end()), (m.end(), inner_end)


_HREF_VALUE = re.compile(r"""\bhref\s*=\s*["']?\s*""", re.IGNORECASE)


def _href_offset(text: str, start: int, end: int) -> int:
    """Offset of the value of the href attribute inside the tag text[start:end]."""
    m = _HREF_VALUE.search(text, start, end)
    return m.end() if m else start - 2


def hidden_regions(text: str, start: int, end: int, skip: Callable[[int], bool]) -> list[Span]:
    """[start, end) of every element in ``text[start:end]`` hidden by its style or ``hidden``."""
    out: list[Span] = []
    covered = start
    for m in _TAG.finditer(text, start, end):
        # A tag inside a region already found is hidden with it; skipping it keeps the
        # search for element ends linear however many hidden tags are nested.
        if m.group(1) or m.start() < covered or skip(m.start()):
            continue
        inside = m.group(3)
        if "style" not in inside.lower() and "hidden" not in inside.lower():
            continue
        pairs = attributes(inside)
        attrs = dict(pairs)
        reason = "hidden attribute" if "hidden" in attrs else hiding_style(attrs.get("style", ""))
        if not reason or toggled_widget(pairs, reason):
            continue  # shown, or a menu or dialog that a script opens
        out.append((m.start(), _element_end(text, m, end)))
        covered = out[-1][1]
    return out


_ELEMENT_LIMIT = 50_000


def _element_end(text: str, opening: re.Match[str], end: int) -> int:
    """Where the element opened by ``opening`` closes (nesting of the same tag counted)."""
    if opening.group(3).rstrip().endswith("/"):
        return opening.end()
    name = opening.group(2).lower()
    limit = min(end, opening.end() + _ELEMENT_LIMIT)
    depth = 1
    same = re.compile(r"<(/?)" + re.escape(name) + r"\b[^<>]{0,4000}>", re.IGNORECASE)
    for m in same.finditer(text, opening.end(), limit):
        depth += -1 if m.group(1) else 1
        if depth == 0:
            return m.end()
    return limit


# Elements whose content is not prose.
_NOT_PROSE = ("script", "style", "pre", "code", "textarea", "kbd", "samp", "tt")
_BLOCK_TAGS = frozenset(
    """
    p div br li ul ol h1 h2 h3 h4 h5 h6 table tr td th thead tbody section article header footer
    blockquote hr form nav aside main dl dt dd figure figcaption details summary body html title
    """.split()
)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def html_prose(text: str, start: int, end: int) -> tuple[list[list[Span]], list[Span]]:
    """The prose of an HTML fragment, as paragraphs of text spans, and its code-like spans.

    Tags, comments, and the content of script, style, pre and code elements are not prose;
    block-level tags and blank lines end a paragraph.
    """
    paragraphs: list[list[Span]] = []
    code: list[Span] = []
    current: list[Span] = []

    def flush() -> None:
        if current:
            paragraphs.append(current.copy())
            current.clear()

    def add(a: int, b: int) -> None:
        pos = a
        for m in _BLANK_LINE.finditer(text, a, b):
            if m.start() > pos:
                current.append((pos, m.start()))
            flush()
            pos = m.end()
        if b > pos:
            current.append((pos, b))

    pos = start
    while pos < end:
        lt = text.find("<", pos, end)
        if lt < 0:
            add(pos, end)
            break
        add(pos, lt)
        if text.startswith("<!--", lt):
            comment_end = text.find("-->", lt + 4, end)
            pos = end if comment_end < 0 else comment_end + 3
            code.append((lt, pos))
            continue
        m = _TAG.match(text, lt, end)
        if m is None:
            add(lt, lt + 1)
            pos = lt + 1
            continue
        name = m.group(2).lower()
        pos = m.end()
        if name in _BLOCK_TAGS:
            flush()
        if not m.group(1) and name in _NOT_PROSE:
            close = _closing(name).search(text, pos, end)
            stop = end if close is None else close.end()
            code.append((lt, stop))
            pos = stop
    flush()
    return paragraphs, code


def _closing(name: str) -> re.Pattern[str]:
    return re.compile(r"</" + re.escape(name) + r"\s*>", re.IGNORECASE)


# ------------------------------------------------------------------- links in plain text

# [text](url), with one level of nested brackets for an image inside the text.
_MD_INLINE = re.compile(
    r"\[((?:[^\[\]\n]|\[[^\[\]\n]{0,500}\](?:\([^()\s]{0," + _LONGEST + r"}\))?){1,500})\]"
    r"\(\s{0,10}<?((?:(?:[hH][tT][tT][pP][sS]?|[fF][tT][pP]):)?//[^\s()<>]{1," + _LONGEST + "}"
    r"|[wW]{3}\.[^\s()<>]{1," + _LONGEST + "})"
)
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]{0,500})\]\([^()\s]{0," + _LONGEST + r"}\)")
# `text <url>`_ in reStructuredText.
_RST_INLINE = re.compile(r"`([^`<>]{1,500}?)\s*<([^`<>\s]{1," + _LONGEST + r"})>`__?")


def text_links(text: str, start: int, end: int) -> Iterator[tuple[Link, Span, Span]]:
    """Markdown inline, reStructuredText inline and HTML links written in plain text or in a
    comment: (link, the span of its markup, the span of its text). Bare URLs are found apart."""
    for m in _MD_INLINE.finditer(text, start, end):
        label = m.group(1)
        visible = _SPACES.sub(" ", _MD_IMAGE.sub(lambda i: " " + i.group(1) + " ", label)).strip()
        only_images = bool(label.strip()) and not _MD_IMAGE.sub("", label).strip()
        link = Link(m.group(2), m.start(2), visible, m.start(1), "inline", only_images)
        yield link, (m.start(), m.end()), m.span(1)
    for m in _RST_INLINE.finditer(text, start, end):
        link = Link(m.group(2), m.start(2), m.group(1).strip(), m.start(1), "rst")
        yield link, (m.start(), m.end()), m.span(1)
    for link, whole, content in _anchors(text, start, end, never):
        yield link, whole, content
