"""The cheap first look that settles most files before any parsing.

Two stages, both done mostly by C-level searches:

1. **Needles.** Substring tests for every signal a rule needs: a URL (``://``, ``www.``), the
   words every spam template and boilerplate label contains (``site``, ``page``, ``blog``,
   ``Reply``, ``published``, ``this:``…), a spintax brace, a run of Title-Case words. A file
   with none of them has nothing any rule could report.
2. **A light pass.** The URLs' hosts are pulled out with one regex and judged on their own
   (shortener, punycode, keyword domain, deny list, affiliate tag, redirector); link texts are
   pulled out with bracket and anchor regexes and checked for an address or a spam trade; the
   loose forms of the phrase patterns (:mod:`hooklint.spam.phrases`) run near their key words.

Only a file with a candidate left is parsed and checked in full (:mod:`hooklint.spam.rules`).
Each light test accepts everything the rule behind it could report, so skipping the full check
loses nothing; the tests compare both paths on every fixture.

Lookalikes could hide a needle (``ѕitе``). In text with non-ASCII characters, the neighbourhood
of every lookalike that touches an ASCII letter is put through the project's ``skeleton`` first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from hooklint.records import TYPE_CHECKING
from hooklint.spam import domains
from hooklint.spam.search import find_all, positions, windows

if TYPE_CHECKING:
    from hooklint.spam import SpamOptions
    from hooklint.spam.context import Context

# Needles, looked for in the lowercased text: one C-level substring search each.
_LINK_NEEDLES = ("://", "www.", "(//", '"//', "'//")
# Every template's call to action names a site, page or blog; every strong boilerplate label
# (phrases._STRONG_MARKERS) holds "reply", "publish", "site" or "this:".
_PHRASE_NEEDLES = ("site", "page", "blog", "reply", "publish", "this:")
_SPINTAX_NEEDLE = re.compile(r"\{[^{}|\n]{1,80}\|")
# HL302 reports a phrase that is also the text of a link: a link text of Title-Case words,
# in a file that has links with text at all.
_LINK_MARKUP = ("](", "]:", "</a", "`_")
_TITLE_LINK = re.compile(r"[\[>`][ \t*_]{0,4}[A-Z][a-z]+[ \t\n]{1,4}[A-Z][a-z]+")


def _contains(low: bytes | str, needles: tuple[str, ...]) -> bool:
    if isinstance(low, bytes):
        return any(n.encode() in low for n in needles)
    return any(n in low for n in needles)


def worth_checking(
    text: str, kind: str, options: SpamOptions, regions: Sequence[tuple[int, int]] | None
) -> bool:
    """Whether ``text`` has anything a spam rule could report (see the module docstring)."""
    if regions is not None:
        view = "\n".join(text[max(0, a) : b] for a, b in sorted(regions) if b > a)
    else:
        view = text
    if not view:
        return False
    # Lookalikes are resolved for the phrase tests only: the link tests need the hosts as
    # written (a Cyrillic letter in a host is what HL304 reports).
    words_view = view if view.isascii() else resolve_lookalikes(view)
    # Lowercase bytes of ASCII text are made at memory speed; other text is lowered as str.
    low: bytes | str = (
        words_view.encode("ascii").lower() if words_view.isascii() else words_view.lower()
    )
    links = _contains(low, _LINK_NEEDLES)
    words = _contains(low, _PHRASE_NEEDLES)
    spintax = _SPINTAX_NEEDLE.search(words_view) is not None
    # Title-Case stuffing is looked for in documents, not in code comments, UI catalogues or
    # the values of data files (names and labels, Title-Case by nature).
    titles = (
        regions is None
        and kind not in ("po", "yaml", "json", "sql")
        and _contains(low, _LINK_MARKUP)
        and _TITLE_LINK.search(words_view) is not None
    )
    foreign_form = (
        kind != "po" and not view.isascii() and any(n in view for n in _foreign_needles())
    )
    if not (links or words or spintax or titles or foreign_form):
        return False
    from hooklint.spam import phrases

    if foreign_form:
        return True  # a comment form in another language: the full check decides

    if spintax and phrases.spun_groups(words_view):
        return True
    if words and _phrases_suspicious(words_view, low, kind):
        return True
    if titles and _stuffing_suspicious(words_view, options):
        return True
    if links and _comments_suspicious(words_view, low):
        return True
    if links and not view.isascii():
        from hooklint.spam.structure import styled_runs

        if styled_runs(view):
            return True
    return links and _links_suspicious(view, options)


def _foreign_needles() -> tuple[str, ...]:
    from hooklint.spam.phrases import FOREIGN_NEEDLES

    return FOREIGN_NEEDLES


# ------------------------------------------------------------------------------- lookalikes


@lru_cache(maxsize=1)
def _suspect_pattern() -> re.Pattern[str]:
    """A lookalike that touches an ASCII letter, as in a word written to pass for English.

    The pattern starts at the lookalike (a class the engine tests quickly) and looks around
    it; a word made only of lookalikes is found through the mixed words of its sentence.
    """
    from hooklint.unicode.chars import LOOKALIKES, SYMBOL_LOOKALIKES, WEAK_LOOKALIKES

    chars = sorted(
        c
        for c in (*LOOKALIKES, *SYMBOL_LOOKALIKES)
        if not c.isascii() and c not in WEAK_LOOKALIKES and ord(c) < 0x10000
    )
    look = "[" + re.escape("".join(chars)) + "]"
    return re.compile(f"{look}(?:(?<=[A-Za-z].)|(?=[A-Za-z]))")


# Astral lookalikes (mathematical letters), found apart: in one pattern with the class above,
# the engine would lose its fast test for the first character, and a class of thousands of
# astral members makes it crawl, so the whole plane is matched.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


_WINDOW = 400  # characters either side of a lookalike that are put through the skeleton


def resolve_lookalikes(text: str) -> str:
    """``text`` with the neighbourhood of every suspicious lookalike mapped to ASCII."""
    from hooklint.unicode.chars import skeleton

    pattern = _suspect_pattern()
    pieces: list[str] = []
    done = 0
    found = [m.start() for m in pattern.finditer(text)]
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if astral:
        found = sorted(found + astral)
    for start, end in windows(found, len(text), _WINDOW, _WINDOW + 1):
        pieces.append(text[done:start])
        pieces.append(skeleton(text[start:end]))
        done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


# --------------------------------------------------------------------------------- phrases


# A commenter name as a page or a data file writes it: a link text, an author field, a quoted
# value. Only lowercase word runs are candidates (keyword phrases, not people's names).
_NAME_CANDIDATES = (
    re.compile(r"\[([A-Za-z0-9][A-Za-z0-9 .'-]{6,100}?)\]\("),
    re.compile(r">[ \t]*([A-Za-z0-9][A-Za-z0-9 .'-]{6,100}?)[ \t]*</[aA]"),
    # One pattern per key: a literal start lets the engine skip ahead like ``str.find``
    # (an alternation at the start is tried at every offset, five times slower).
    *(
        re.compile(
            key + r"[\"']?[ \t]*[:=][ \t]*[\"']?([A-Za-z0-9][A-Za-z0-9 .'-]{6,100}?)"
            r"(?=[\"',}\]\r\n]|[ \t]*$)",
            re.MULTILINE,
        )
        for key in ("author", "name")
    ),
)
# Letters and digits stay, everything else separates words (for lowercase ASCII bytes).
_WORD_BYTES = bytes(c if chr(c).isalnum() and c < 128 else 32 for c in range(256))
_CREDIT_NEEDLES = (
    "designed by", "in collaboration with", "sponsored by", "theme by", "template by",
    "in association with", "in partnership with",
)  # fmt: skip


@lru_cache(maxsize=16)
def _split_needles(
    needles: tuple[str, ...],
) -> tuple[tuple[tuple[bytes, tuple[bytes, ...], frozenset[bytes]], ...], tuple[str, ...]]:
    """The ASCII needles as bytes, each with the forms of its first word that let it be
    searched for (the word, with "s", with "es") and its inner words (between two spaces of
    the needle, so whole words of any text that holds it), and the needles in other scripts."""
    ascii_needles = []
    for n in needles:
        if n.isascii():
            first, *inner = n.split(" ")[:-1] or [n]
            ascii_needles.append(
                (
                    n.encode(),
                    (first.encode(), first.encode() + b"s", first.encode() + b"es"),
                    frozenset(w.encode() for w in inner if w.isalnum()),
                )
            )
    return tuple(ascii_needles), tuple(n for n in needles if not n.isascii())


def _comments_suspicious(view: str, low: bytes | str) -> bool:
    """A comment-bot family near its key words, praise within a comment's reach after a link
    (rules._comment_spam), or a sales line in prose (rules._commerce_prose)."""
    from hooklint.spam import comments

    same = isinstance(low, bytes) or len(low) == len(view)
    text: bytes | str = low if same else view
    # The ASCII letters of the text as bytes at the offsets of ``low``: other characters become
    # "?", which no needle holds and which separates words, as in ASCII text.
    narrow: bytes | None = None
    if isinstance(low, bytes):
        narrow = low
    elif same:
        narrow = low.encode("ascii", "replace")
    # Its words, made once: a needle whose first word or an inner word is absent costs no scan.
    words = frozenset(narrow.translate(_WORD_BYTES).split()) if narrow is not None else None

    def hits(needles: tuple[str, ...]) -> list[int]:
        if narrow is not None:
            assert words is not None
            ascii_needles, wide = _split_needles(needles)
            present = tuple(
                needle
                for needle, forms, inner in ascii_needles
                if not words.isdisjoint(forms) and inner <= words
            )
            found = positions(narrow, present) if present else []
            if isinstance(text, str) and wide:  # needles in other scripts ("文凭") in the text
                found = sorted(found + positions(text, wide))
            return found
        return positions(view.lower(), needles)

    for start, end in windows(hits(comments.FAMILY_NEEDLES), len(view), 400, 400):
        if comments.family(_window(view, start, end)):
            return True
    # Praise counts only after a commenter name that is a keyword phrase (rules._comment_spam).
    from hooklint.spam import phrases

    named = sorted(
        m.end()
        for pattern in _NAME_CANDIDATES
        for m in pattern.finditer(view)
        if " " in m.group(1)
        and (comments.keyword_name(m.group(1)) or phrases.spam_anchor(m.group(1).lower()))
    )
    for start, end in windows(named, len(view), 0, 1400):
        if comments.praise_in(_window(view, start, end)):
            return True
    from hooklint.spam import phrases

    for at in hits(_CREDIT_NEEDLES):
        near = view[at : at + 300]
        if "](" in near or "<a " in near.lower() or "://" in near:
            return True  # a credit line with links: the full check judges its anchors
    for start, end in windows(hits(phrases.PROSE_NEEDLES), len(view), 300, 300):
        if phrases.prose_frame(_window(view, start, end)):
            return True
    for start, end in windows(hits(phrases.RECOVERY_NEEDLES), len(view), 2500, 2500):
        if phrases.recovery_testimony(_window(view, start, end)):
            return True
    return False


_BOILERPLATE_WORDS = ("reply", "publish", "site", "this:")
_SITE_BYTES = tuple(w.encode() for w in ("site", "page", "blog", "weblog"))
_BOILERPLATE_BYTES = tuple(w.encode() for w in _BOILERPLATE_WORDS)


def _phrases_suspicious(view: str, low: bytes | str, kind: str) -> bool:
    """A call to action near a site word (HL301) or a boilerplate label (HL310).

    The key words are found in ``low`` (the view lowercased: bytes for ASCII text) when its
    offsets are those of the view; the loose patterns then run only in merged windows around them,
    lowercased window by window, so the work stays linear however often the words occur.
    """
    from hooklint.spam import phrases

    if isinstance(low, bytes):
        boilerplate_hits = positions(low, _BOILERPLATE_BYTES)
        site_hits = positions(low, _SITE_BYTES)
    elif len(low) == len(view):
        # One byte per character (other scripts become "?", in no key word): bytes are
        # searched faster than text of wide characters, at the same offsets.
        narrow = low.encode("ascii", "replace")
        boilerplate_hits = positions(narrow, _BOILERPLATE_BYTES)
        site_hits = positions(narrow, _SITE_BYTES)
    else:
        # Lowercasing may change the length of non-ASCII text: search the cases as written.
        variants = [(w, w.capitalize(), w.upper()) for w in _BOILERPLATE_WORDS]
        boilerplate_hits = positions(view, [v for group in variants for v in group])
        site_words = [(w, w.capitalize(), w.upper()) for w in phrases.SITE_WORDS]
        site_hits = positions(view, [v for group in site_words for v in group])
    if kind != "po":
        boilerplate = phrases.boilerplate(strong_only=True)
        for start, end in windows(boilerplate_hits, len(view), 60, 60):
            if boilerplate.search(_window(view, start, end)):
                return True
    for start, end in phrases.site_windows(view, 300, 44, site_hits):
        if phrases.call_to_action().search(_window(view, start, end)):
            return True
    return False


def _window(view: str, start: int, end: int) -> str:
    from hooklint.spam.phrases import raw_window

    return raw_window(view[start:end])


# A link text of two to four Title-Case words, and the destination of a Markdown inline link.
_TITLE_LINK_TEXT = re.compile(
    r"[\[>`][ \t*_]{0,4}([A-Z][a-z]+(?:[ \t\n]{1,4}[A-Z][a-z]+){1,3})[ \t*_]{0,4}"
    r"(?:\]\(\s{0,10}<?([^\s()<>]{1,2048})|\]|<|`)"
)
_LOOSE_GAP = r"(?:[ \t\n*_\[\]>#~]|\]\([^()\s]{0,2048}\)|<[^<>\n]{0,2048}>)+"


def _stuffing_suspicious(view: str, options: SpamOptions) -> bool:
    """A Title-Case link text to an unrelated site that occurs three times or more, and whose
    words occur (almost) nowhere else (rules._stuffing also wants it pushed into a name)."""
    from hooklint.spam.context import context, related_link

    ctx = context(options)
    texts = set()
    for m in _TITLE_LINK_TEXT.finditer(view):
        text = " ".join(m.group(1).split())
        target = m.group(2)
        if target is not None:
            url = domains.parse_url(target)
            # A relative link, a trusted site or the phrase's own site: no stuffing to find.
            if url is None or related_link(text, url.host, ctx):
                continue
        texts.add(text)
    low = ""
    for text in sorted(texts)[:500]:
        words = text.split()
        if any(view.count(w) < 3 for w in words):
            continue
        count = len(_phrase_pattern(words).findall(view))
        if count < 3:
            continue
        low = low or view.lower()
        inside = len(_phrase_pattern([w.lower() for w in words]).findall(low))
        # Raw text also holds code and markup: allow more stray uses than the full check.
        if all(len(w) < 3 or _word_count(low, w.lower()) - inside <= 3 for w in words):
            return True
    return False


def _phrase_pattern(words: list[str]) -> re.Pattern[str]:
    """The words as a whole phrase, markup allowed between them. The first word comes first in
    the pattern (the check that no letter precedes it looks back from its end), so that the
    regex engine can search for it as a literal."""
    first = re.escape(words[0])
    rest = "".join(_LOOSE_GAP + re.escape(w) for w in words[1:])
    return re.compile(first + r"(?<![^\W_]" + first + ")" + rest + r"(?![^\W_])")


def _word_count(text: str, word: str) -> int:
    return len(_phrase_pattern([word]).findall(text))


# ----------------------------------------------------------------------------------- links

_URL = re.compile(
    r"//([^\s/?#<>\"'`()\[\]{}|\\^@:,;]{1,300})(?::\d{1,5})?([/?#][^\s<>\"'`]{0,2048})?"
)
_HOST_REST = re.compile(
    r"([^\s/?#<>\"'`()\[\]{}|\\^@:,;]{1,300})(?::\d{1,5})?([/?#][^\s<>\"'`]{0,2048})?"
)
# [text](url), [text][label], [text]; and the [label]: url definitions they refer to.
_BRACKETED = re.compile(
    r"\[([^\[\]]{1,500})\](?:\(\s{0,10}<?([^\s()<>]{1,2048})|\[([^\[\]]{0,500})\])?"
)
_INLINE = re.compile(r"\[([^\[\]]{1,500})\]\(\s{0,10}<?([^\s()<>]{1,2048})")
# Searched in "\n" + text: a literal first character is what lets the engine skip ahead.
_DEFINITION = re.compile(r"\n[ \t]{0,3}\[([^\[\]\n]{1,500})\]:[ \t]*<?(\S{1,2048})")
_ANCHOR = re.compile(r"<[aA]\b([^<>]{0,4000})>([^<]{0,500}(?:<(?!/[aA]\s*>)[^<]{0,500}){0,20})")
_RST_LINK = re.compile(r"([^`<>]{1,500}?)\s*(?:<([^`<>\s]{1,2048})>)?\Z")
_RST_TARGET = re.compile(
    r"^[ \t]*\.\.[ \t]+_(`[^`]{1,300}`|[^:`]{1,300}):[ \t]*(\S+)", re.MULTILINE
)
_HOSTLIKE = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_TAG = re.compile(r"<[^<>]{0,4000}>")
_STYLE_VALUE = re.compile(r"\s*=\s*[\"']?([^\"'<>]{0,4000})")


def _label(text: str) -> str:
    return " ".join(text.strip("`").lower().split())


def _links_suspicious(view: str, options: SpamOptions) -> bool:
    from hooklint.spam.context import context

    ctx = context(options)
    urls: set[tuple[str, str]] = set()
    if "//" in view:
        urls.update(_URL.findall(view))
    for needle in ("www.", "WWW.", "Www."):
        for at in find_all(view, needle):
            if at and (view[at - 1].isalnum() or view[at - 1] in "._@/-"):
                continue
            m = _HOST_REST.match(view, at)
            if m:
                urls.add((m.group(1), m.group(2) or ""))
    for host, rest in urls:
        if _host_suspicious(host.lower().rstrip("."), ctx):
            return True
        if rest and _rest_suspicious(host.lower().rstrip("."), rest, ctx):
            return True
    return _link_texts_suspicious(view, ctx)


@lru_cache(maxsize=4096)
def _host_suspicious(host: str, ctx: Context) -> bool:
    """Whether a host found in the raw text could make a link rule fire on its own."""
    if not (domains.valid_host(host) or (not host.isascii() and "." in host)):
        return False
    site = domains.strip_www(host)
    if ctx.trusted(site):
        return False
    if not host.isascii() or "xn--" in host:
        return not ctx.trusted(domains.strip_www(domains.decode_host(host) or host))
    if domains.shortener(host, "", frozenset()) or domains.keyword_domain(host):
        return True
    if ctx.deny is not None and ctx.deny.match(site):
        return True
    return domains.affiliate_network(host) is not None


@lru_cache(maxsize=4096)  # the same URLs recur across the files of a project
def _rest_suspicious(host: str, rest: str, ctx: Context) -> bool:
    """Whether the path and query of a URL carry an affiliate tag, a redirect, a denied
    pattern, a shortener's short code or the words of a spam trade."""
    from hooklint.spam import phrases

    if ctx.deny is not None and ctx.deny.match(host + rest):
        return not ctx.trusted(domains.strip_www(host))
    path = re.split(r"[?#]", rest, maxsplit=1)[0].rstrip(").,;:!']")
    if path and domains.lookalike_shortener(host, path):
        return not ctx.trusted(domains.strip_www(host))
    sells = ("-" in path or "_" in path) and not domains.under(
        domains.strip_www(host), domains.DESCRIBING_HOSTS
    )
    words = domains.path_words(path) if sells else ""
    if words and phrases.may_sell(words) and phrases.spam_anchor(words):
        return not ctx.trusted(domains.strip_www(host))
    if "?" not in rest and "/ref=" not in rest.lower():
        return False
    if ctx.trusted(domains.strip_www(host)):
        return False
    url = domains.parse_url("http://" + host + rest)
    return url is not None and bool(domains.affiliate_tag(url) or domains.redirect_target(url))


_GAP_MARKUP = re.compile(r"<[^<>]{0,2000}>|\]\([^()\s]{0,2048}\)|!\[|\[|\]")
_GAP_WORD = re.compile(r"[^\W_]{2,}")


def _bomb_suspicious(spans: list[tuple[int, int, str, str | None]], view: str) -> bool:
    """Eight links in a row (a few words at most between them) with short texts, to six
    different hosts or more (structure.link_bombs wants more)."""
    run: list[tuple[str, str | None]] = []
    last_end = -1
    for start, end, text, target in sorted(spans):
        gap = view[last_end:start] if last_end >= 0 else ""
        if last_end < 0 or len(gap) > 2500 or len(_GAP_WORD.findall(_GAP_MARKUP.sub(" ", gap))) > 3:
            if _short_run(run):
                return True
            run = []
        run.append((text, target))
        last_end = end
    return _short_run(run)


def _short_run(run: list[tuple[str, str | None]]) -> bool:
    if len(run) < 8:
        return False
    hosts = set()
    for text, target in run:
        shown = " ".join(text.split())
        words = shown.split()
        short = len(shown) <= 14 and len(words) <= 2
        keyword = len(words) >= 3 and all(not w[:1].isupper() for w in words)
        if target and (short or keyword):
            url = domains.parse_url(target)
            if url is not None:
                hosts.add(domains.strip_www(url.host))
    return len(hosts) >= 6


def _link_texts_suspicious(view: str, ctx: Context) -> bool:
    """Link texts that name an address (HL303) or sell something (HL306), HTML anchors with
    the attributes HL307 looks at, and styles that hide an element."""
    from hooklint.spam import phrases
    from hooklint.spam.styles import attributes, hiding_reason, hiding_style
    from hooklint.unicode.chars import skeleton

    pairs: list[tuple[str, str | None]] = []  # (link text, target)
    spans: list[tuple[int, int, str, str | None]] = []  # the same with where they are
    if "](" in view:
        for m in _INLINE.finditer(view):
            pairs.append((m.group(1), m.group(2)))
            spans.append((m.start(), m.end(), m.group(1), m.group(2)))
    if "]:" in view:
        defined = {_label(m.group(1)): m.group(2) for m in _DEFINITION.finditer("\n" + view)}
        if defined:
            for m in _BRACKETED.finditer(view):
                label = _label(m.group(3) or m.group(1))
                if m.group(2) is None and label in defined:
                    pairs.append((m.group(1), defined[label]))
    if "`_" in view:
        targets = {}
        if ".. _" in view:
            targets = {_label(m.group(1)): m.group(2) for m in _RST_TARGET.finditer(view)}
        for end in find_all(view, "`_"):
            start = view.rfind("`", max(0, end - 2600), end)
            rst = _RST_LINK.match(view, start + 1, end) if start >= 0 else None
            if rst:
                target = rst.group(2) or targets.get(_label(rst.group(1)))
                if target is not None:
                    pairs.append((rst.group(1), target))
    if "<a" in view or "<A" in view:
        for m in _ANCHOR.finditer(view):
            attrs = attributes(m.group(1))
            found = dict(attrs)
            href = found.get("href")
            url = domains.parse_url(href) if href else None
            if url is None or ctx.trusted(domains.strip_www(url.host)):
                continue
            title = found.get("title")
            if "dofollow" in found.get("rel", "").lower() or (
                title and phrases.stuffed_title(title)
            ):
                return True
            if hiding_reason(attrs):
                return True
            pairs.append((_TAG.sub(" ", m.group(2)), href))
            spans.append((m.start(), m.end(), pairs[-1][0], href))
    if not pairs:
        return False
    for needle in ("style", "STYLE", "Style"):
        for at in find_all(view, needle):
            value = _STYLE_VALUE.match(view, at + 5)
            if value and hiding_style(value.group(1)):
                return True
    # One test over all link texts at once; the texts one by one only if it passes.
    joined = "\n".join(text for text, _ in pairs).lower()
    if phrases.may_sell(skeleton(joined)) or (not joined.isascii() and phrases.may_sell(joined)):
        for text, _ in pairs:
            shown = " ".join(text.lower().split())
            if phrases.spam_anchor(skeleton(shown)) or (
                not shown.isascii() and phrases.spam_anchor(shown)
            ):
                return True
    if len(spans) >= 8 and _bomb_suspicious(spans, view):
        return True
    if len(pairs) >= 3:
        from hooklint.spam.comments import commercial_name

        # Only a phrase naming a trade or service counts (rules._repeated_anchor): the texts of
        # a reference's links to its own chapters repeat too. Its entities may hide the word.
        repeated = Counter(
            (" ".join(text.lower().split()), (target or "").split("#")[0])
            for text, target in pairs
            if target
            and " " in text.strip()
            and (
                commercial_name(text, strict=True)
                or ("&" in text and commercial_name(_unescape(text), strict=True))
            )
        )
        if any(n >= 3 and _repeated_foreign(*key, ctx) for key, n in repeated.items()):
            return True  # one phrase linked again and again (rules._repeated_anchor)
    for shown, target in pairs:
        if not target or "." not in shown or not _HOSTLIKE.search(shown):
            continue
        named = domains.text_host(" ".join(shown.split()))
        url = domains.parse_url(target) if named else None
        if named is None or url is None:
            continue
        a = domains.strip_www(domains.decode_host(named) or named)
        b = domains.strip_www(domains.decode_host(url.host) or url.host)
        if not ctx.trusted(b) and not domains.names_its_target(a, b, target, url.path, psl=False):
            return True
    return False


def _unescape(text: str) -> str:
    from html import unescape

    return unescape(text)


def _repeated_foreign(text: str, target: str, ctx: Context) -> bool:
    """Whether a phrase linked again and again may go to an unrelated site: not when the text
    names the target's site ("Amazon Web Services" to aws.amazon.com, rules._foreign). Asked
    only of plain texts and targets, which read the same as in the full check."""
    if "&" in text or "\\" in text or len(text) > 300 or "&" in target or "\\" in target:
        return True
    from hooklint.spam.context import related_link

    url = domains.parse_url(target)
    return url is None or not related_link(text, url.host, ctx)
