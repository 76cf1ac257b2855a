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
from collections.abc import Iterator, Sequence
from functools import lru_cache

from hooklint.records import TYPE_CHECKING
from hooklint.spam import domains
from hooklint.spam.search import find_all, holds, positions, windows

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
_TITLE_REST = r"[ \t*_]{0,4}[A-Z][a-z]+[ \t\n]{1,4}[A-Z][a-z]+"
_TITLE_LINK = re.compile(r"[\[>`]" + _TITLE_REST)
# The same, one pattern for each first character: a pattern that starts with a literal is
# searched for by a tight loop over the text, one that starts with a class tests each character
# against it (about twice as slow over a document). A match starts with one of the three, so
# the first match of _TITLE_LINK is the first of theirs.
_TITLE_LINKS = tuple(re.compile(re.escape(first) + _TITLE_REST) for first in "[>`")


def _title_link_start(view: str) -> int | None:
    """Where the first match of _TITLE_LINK in ``view`` starts, or None."""
    starts = [m.start() for pattern in _TITLE_LINKS if (m := pattern.search(view))]
    return min(starts) if starts else None


def _contains(low: bytes | str, needles: tuple[str, ...]) -> bool:
    if isinstance(low, bytes):
        return any(n.encode() in low for n in needles)
    return any(n in low for n in needles)


def _holds_any(low: bytes | str, needles: tuple[str, ...]) -> bool:
    """``_contains(low, needles)`` for needles that start with punctuation or "w" (search.holds)."""
    if isinstance(low, bytes):
        return any(holds(low, n.encode()) for n in needles)
    return any(holds(low, n) for n in needles)


def _holds_one(piece: bytes, needles: tuple[bytes, ...]) -> bool:
    """Whether ``piece`` (a window's slice, made once for all the needles) holds a needle."""
    return any(n in piece for n in needles)


def _link_needle(low: bytes | str) -> bool:
    """``_contains(low, _LINK_NEEDLES)``: four of the needles hold "//", so text without it is
    searched for "www." alone."""
    return _holds_any(low, ("www.",)) or (
        _holds_any(low, ("//",)) and _holds_any(low, _LINK_NEEDLES)
    )


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
    # The ASCII letters of the text as bytes at the offsets of ``low`` ("?" for each other
    # character, which no needle holds) when lowering kept its length: bytes are searched
    # faster than text of wide characters, and the needles are found at the same offsets.
    narrow: bytes | None = None
    # Lowercase bytes of ASCII text are made at memory speed; other text is lowered as str.
    low: bytes | str | None
    if words_view.isascii():
        low = narrow = words_view.encode("ascii").lower()
    elif _latin1(words_view):
        # No Latin-1 character lowercases to ASCII, to another script or to two characters
        # (a test tries each): the lowercase ASCII letters of the bytes, at the same offsets,
        # are those of the lowered text, made at memory speed (str.lower walks the text
        # character by character). The lowered text itself is made where it is needed.
        narrow = words_view.encode("latin-1").lower().translate(_NARROW_LATIN1)
        low = None
    else:
        low = words_view.lower()
        if len(low) == len(words_view):
            narrow = low.encode("ascii", "replace")
    searched = narrow if narrow is not None else low
    assert searched is not None  # narrow is None only when low was made
    links = _link_needle(searched)
    # The phrase needles are the key words _phrases_suspicious looks for: found once.
    key_hits = _key_word_hits(narrow) if narrow is not None else None
    if key_hits is not None:
        words = bool(key_hits[0] or key_hits[1])
    else:
        words = _contains(searched, _PHRASE_NEEDLES)
    spintax = _SPINTAX_NEEDLE.search(words_view) is not None
    # Title-Case stuffing is looked for in documents, not in code comments, UI catalogues or
    # the values of data files (names and labels, Title-Case by nature).
    title = (
        _title_link_start(words_view)
        if regions is None
        and kind not in ("po", "yaml", "json", "sql")
        and _holds_any(searched, _LINK_MARKUP)
        else None
    )
    titles = title is not None
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
    if words and _phrases_suspicious(words_view, key_hits, kind, narrow):
        return True
    if title is not None and _stuffing_suspicious(
        words_view,
        options,
        low.decode("ascii") if isinstance(low, bytes) else low,  # None: made there if needed
        title,
    ):
        return True
    if links and _comments_suspicious(words_view, low, narrow):
        return True
    # Styled letters start at U+FF21 (structure.STYLED_RUN): text in Latin-1 has none, nor
    # has text without a character from there up (styled_runs' own first test, asked here
    # before the module, which costs more to import than most files cost to search).
    if links and not view.isascii() and not _latin1(view) and _STYLED_RANGE.search(view):
        from hooklint.spam.structure import styled_runs

        if styled_runs(view):
            return True
    # ``narrow`` is the view's lowercase at its offsets when no lookalike was resolved.
    return links and _links_suspicious(view, options, narrow if words_view is view else None)


# Latin-1 bytes, lowercased, as ``narrow``: ASCII stays, every other byte is "?" (as in
# ``text.lower().encode("ascii", "replace")``).
_NARROW_LATIN1 = bytes(range(128)) + b"?" * 128
# structure._STYLED_RANGE: any character from the first styled letter up.
_STYLED_RANGE = re.compile("[\uff21-\U0010ffff]")


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


def _latin1(text: str) -> bool:
    """Whether every character of ``text`` is below U+0100: an encoding to Latin-1 copies
    such text at memory speed, and stops at the first other character."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _has_astral(text: str) -> bool:
    """Whether ``text`` holds a character above U+FFFF: each takes four bytes in UTF-16 (a
    surrogate pair) and every other character two. Encoding copies text of narrower
    characters at memory speed, where the regex tests every character against the range."""
    return len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)


_WINDOW = 400  # characters either side of a lookalike that are put through the skeleton


def resolve_lookalikes(text: str) -> str:
    """``text`` with the neighbourhood of every suspicious lookalike mapped to ASCII."""
    from hooklint.unicode.chars import skeleton

    if _latin1(text):
        # No lookalike of the pattern (nor an astral letter) is a Latin-1 character (a test
        # says so): text in Latin-1 alone, accents and all, has none to resolve.
        return text
    pattern = _suspect_pattern()
    pieces: list[str] = []
    done = 0
    found = [m.start() for m in pattern.finditer(text)]
    astral = [m.start() for m in _ASTRAL.finditer(text)] if _has_astral(text) else []
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


@lru_cache(maxsize=1)
def _comment_needle_lists() -> tuple[tuple[str, ...], ...]:
    """The needle lists _comments_suspicious searches for by their words."""
    from hooklint.spam import comments, phrases

    return (
        comments.FAMILY_NEEDLES,
        _CREDIT_NEEDLES,
        phrases.PROSE_NEEDLES,
        phrases.RECOVERY_NEEDLES,
    )


@lru_cache(maxsize=16)
def _needles_by_word(
    needles: tuple[str, ...],
) -> dict[bytes, tuple[tuple[int, frozenset[bytes]], ...]]:
    """Each form of the first word of the ASCII needles (_split_needles), with the needles it
    starts: their places in the list, and their inner words. A text's needles are then found
    from the few of its words that start one, not by asking every needle about its words."""
    starting: dict[bytes, list[tuple[int, frozenset[bytes]]]] = {}
    for at, (_, forms, inner) in enumerate(_split_needles(needles)[0]):
        for form in forms:
            starting.setdefault(form, []).append((at, inner))
    return {form: tuple(places) for form, places in starting.items()}


@lru_cache(maxsize=1)
def _wanted_words() -> frozenset[bytes]:
    """Every word _comments_suspicious asks the text's words about: the first-word forms and
    the inner words of the ASCII needles of its lists."""
    wanted: set[bytes] = set()
    for needles in _comment_needle_lists():
        for _, forms, inner in _split_needles(needles)[0]:
            wanted.update(forms)
            wanted.update(inner)
    return frozenset(wanted)


@lru_cache(maxsize=1)
def _comment_anchor_bytes() -> tuple[tuple[bytes, ...], tuple[bytes, ...]]:
    """The family anchors and the praise needles of :mod:`hooklint.spam.comments` as bytes,
    made once (they are searched in the lowercase bytes of windows)."""
    from hooklint.spam import comments

    return (
        tuple(a.encode() for a in comments.ANCHORS),
        tuple(n.encode() for n in comments.PRAISE_NEEDLES),
    )


# The same names, link texts and trade words recur across the files of a project (a site's
# menus, its authors): the judgments below are pure functions of their string, kept per process.
@lru_cache(maxsize=4096)
def _keyword_commenter(name: str) -> bool:
    """Whether a commenter name is a keyword phrase or names a spam trade."""
    from hooklint.spam import comments, phrases

    return comments.keyword_name(name) or phrases.spam_anchor(name.lower()) is not None


def _comments_suspicious(view: str, low: bytes | str | None, narrow: bytes | None) -> bool:
    """A comment-bot family near its key words, praise within a comment's reach after a link
    (rules._comment_spam), or a sales line in prose (rules._commerce_prose)."""
    from hooklint.spam import comments

    # ``narrow``: the ASCII letters of ``low`` as bytes at its offsets, None when lowering
    # changed the length of the text (see worth_checking). "?", for any other character, is
    # in no needle and separates words, as in ASCII text. ``low`` is None for text in Latin-1
    # (not lowered as str): its lowercase is in Latin-1 too, so only a needle in Latin-1 can be
    # there.
    text: bytes | str | None = view if narrow is None else low
    # Its words, made once: a needle whose first word or an inner word is absent costs no scan.
    # Only the words the needles ask about are kept (the intersection hashes each word of the
    # text but stores none of the others: half the cost of a set of all of them on data files).
    wanted = _wanted_words()
    words = (
        wanted.intersection(narrow.translate(_WORD_BYTES).split()) if narrow is not None else None
    )

    def hits(needles: tuple[str, ...]) -> list[int]:
        if narrow is not None:
            assert words is not None
            assert needles in _comment_needle_lists()  # whose words ``wanted`` holds
            ascii_needles, wide = _split_needles(needles)
            # The needles one of whose first-word forms is a word of the text, and all of whose
            # inner words are, in their order in the list.
            starting = _needles_by_word(needles)
            places = sorted(
                {at for word in words for at, inner in starting.get(word, ()) if inner <= words}
            )
            present = tuple(ascii_needles[at][0] for at in places)
            found = positions(narrow, present) if present else []
            if isinstance(text, str) and wide:  # needles in other scripts ("文凭") in the text
                found = sorted(found + positions(text, wide))
            elif text is None and any(_latin1(n) for n in wide):
                found = sorted(found + positions(view.lower(), wide))
            return found
        return positions(view.lower(), needles)

    anchors, praise = _comment_anchor_bytes()
    for start, end in windows(hits(comments.FAMILY_NEEDLES), len(view), 400, 400):
        # The anchors are letters: one in the window read as prose is one in its lowercase
        # bytes (markup only turns into spaces), so a window without any holds no family.
        if narrow is not None and not _holds_one(narrow[start:end], anchors):
            continue
        if comments.family(_window(view, start, end)):
            return True
    # Praise counts only after a commenter name that is a keyword phrase (rules._comment_spam).
    named = sorted(
        m.end()
        for pattern in _NAME_CANDIDATES
        for m in pattern.finditer(view)
        if " " in m.group(1) and _keyword_commenter(m.group(1))
    )
    for start, end in windows(named, len(view), 0, 1400):
        # praise_in wants one of its needles, which are letters: as for the families, a window
        # whose lowercase bytes hold none holds none once read as prose.
        if narrow is not None and not _holds_one(narrow[start:end], praise):
            continue
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


@lru_cache(maxsize=1)
def _boilerplate_anchors() -> tuple[bytes, ...]:
    """A piece that every match of the strong boilerplate labels holds in the lowercase bytes
    of its window (``narrow``): the longest run of letters of each ASCII label (its letters
    stand together in the pattern, and reading a window as prose neither makes nor joins
    ASCII letters: markup turns into spaces, typographic dashes and quotes into ASCII ones),
    and "?" for the labels with a character not ASCII (which such a window holds, as "?")."""
    from hooklint.spam.phrases import boilerplate_markers

    anchors = set()
    for marker in boilerplate_markers(strong_only=True):
        if not marker.isascii():
            anchors.add(b"?")
            continue
        anchors.add(max(re.findall("[a-z]+", marker), key=len).encode())
    return tuple(sorted(anchors))


def _phrases_suspicious(
    view: str,
    key_hits: tuple[list[int], list[int]] | None,
    kind: str,
    narrow: bytes | None = None,
) -> bool:
    """A call to action near a site word (HL301) or a boilerplate label (HL310).

    ``key_hits``: the offsets of the key words (_key_word_hits of the view lowercased, as
    bytes, "?" for each character not ASCII) when lowering kept the offsets of the view, None
    otherwise; the loose patterns then
    run only in merged windows around them, lowercased window by window, so the work stays
    linear however often the words occur. ``narrow``: those lowercase bytes, when given.
    """
    from hooklint.spam import phrases

    if key_hits is not None:
        boilerplate_hits, site_hits = key_hits
    else:
        # Lowercasing may change the length of non-ASCII text: search the cases as written.
        variants = [(w, w.capitalize(), w.upper()) for w in _BOILERPLATE_WORDS]
        boilerplate_hits = positions(view, [v for group in variants for v in group])
        site_words = [(w, w.capitalize(), w.upper()) for w in phrases.SITE_WORDS]
        site_hits = positions(view, [v for group in site_words for v in group])
    if kind != "po":
        boilerplate = phrases.boilerplate(strong_only=True)
        anchors = _boilerplate_anchors()
        for start, end in windows(boilerplate_hits, len(view), 60, 60):
            # A window whose lowercase bytes hold no anchor holds no label (_boilerplate_anchors).
            if narrow is not None and not _holds_one(narrow[start:end], anchors):
                continue
            if boilerplate.search(_window(view, start, end)):
                return True
    for start, end in phrases.site_windows(view, 300, 44, site_hits):
        if phrases.call_to_action().search(_window(view, start, end)):
            return True
    return False


def _key_word_hits(low: bytes) -> tuple[list[int], list[int]]:
    """The offsets of the boilerplate words and of the site words in lowercase bytes: what
    ``positions`` gives for ``_BOILERPLATE_BYTES`` and ``_SITE_BYTES``, with "site" (in both)
    searched once and "weblog" read from the hits of "blog"."""
    site = list(find_all(low, b"site"))
    blog = list(find_all(low, b"blog"))
    weblog = [at - 2 for at in blog if at >= 2 and low.startswith(b"we", at - 2)]
    boilerplate = sorted(site + positions(low, (b"reply", b"publish", b"this:")))
    return boilerplate, sorted(site + list(find_all(low, b"page")) + blog + weblog)


def _window(view: str, start: int, end: int) -> str:
    from hooklint.spam.phrases import raw_window

    return raw_window(view[start:end])


# A link text of two to four Title-Case words, and the destination of a Markdown inline link.
_TITLE_TEXT_REST = (
    r"[ \t*_]{0,4}([A-Z][a-z]+(?:[ \t\n]{1,4}[A-Z][a-z]+){1,3})[ \t*_]{0,4}"
    r"(?:\]\(\s{0,10}<?([^\s()<>]{1,2048})|\]|<|`)"
)
_TITLE_LINK_TEXT = re.compile(r"[\[>`]" + _TITLE_TEXT_REST)
# The same, one pattern for each first character, as _TITLE_LINKS (searched for twice as fast).
_TITLE_LINK_TEXTS = tuple(re.compile(re.escape(first) + _TITLE_TEXT_REST) for first in "[>`")


def _title_link_texts(view: str, pos: int) -> Iterator[re.Match[str]]:
    """The matches of ``_TITLE_LINK_TEXT.finditer(view, pos)``, found with _TITLE_LINK_TEXTS.

    Each match of the class starts with one of the three characters, and from there is the
    match of that character's pattern: the next one is the leftmost of the three patterns'
    next matches from where the last one ended. A pattern's next match is searched for again
    only when the last match taken has passed its start (from further on, no match of it
    starts before that one; nor does one start at all once it has none).
    """
    found = [pattern.search(view, pos) for pattern in _TITLE_LINK_TEXTS]
    while True:
        for i, pattern in enumerate(_TITLE_LINK_TEXTS):
            m = found[i]
            if m is not None and m.start() < pos:
                found[i] = pattern.search(view, pos)
        next_ones = [m for m in found if m is not None]
        if not next_ones:
            return
        first = min(next_ones, key=lambda m: m.start())
        yield first
        pos = first.end()  # never where it started: a match holds two words


_LOOSE_GAP = r"(?:[ \t\n*_\[\]>#~]|\]\([^()\s]{0,2048}\)|<[^<>\n]{0,2048}>)+"


def _stuffing_suspicious(
    view: str, options: SpamOptions, low: str | None = None, start: int = 0
) -> bool:
    """A Title-Case link text to an unrelated site that occurs three times or more, and whose
    words occur (almost) nowhere else (rules._stuffing also wants it pushed into a name).
    ``low``: ``view.lower()``, when the caller has it; ``start``: where the first match of
    _TITLE_LINK is (every link text found here starts with one)."""
    from hooklint.spam.context import context, related_link

    ctx = context(options)
    targets: dict[str, list[str | None]] = {}  # each link text, with its links' targets
    for m in _title_link_texts(view, start):
        targets.setdefault(" ".join(m.group(1).split()), []).append(m.group(2))

    def unrelated(text: str) -> bool:
        """Whether a link with this text may go to an unrelated site: not when each of them is
        a relative link, or goes to a trusted site or the phrase's own site."""
        for target in targets[text]:
            if target is None:
                return True
            url = domains.parse_url(target)
            if url is not None and not related_link(text, url.host, ctx):
                return True
        return False

    # At most 500 texts are counted. When there are no more than that, the targets are judged
    # only for a text whose counts pass, which are few (parsing a URL costs more than counting).
    if len(targets) > 500:
        texts = sorted(text for text in targets if unrelated(text))[:500]
    else:
        texts = sorted(targets)
    for text in texts:
        # A text with a few targets is judged first when they are few: parsing them costs less
        # than the five counts over the whole view below (both tests are pure: the order of
        # the two halves of the condition cannot change its answer).
        if len(targets) <= 500 and len(targets[text]) <= 8 and not unrelated(text):
            continue
        words = text.split()
        if any(view.count(w) < 3 for w in words):
            continue
        count = len(_phrase_pattern(words).findall(view))
        if count < 3:
            continue
        low = low or view.lower()
        inside = len(_phrase_pattern([w.lower() for w in words]).findall(low))
        # Raw text also holds code and markup: allow more stray uses than the full check.
        if all(len(w) < 3 or _word_count(low, w.lower()) - inside <= 3 for w in words) and (
            len(targets) > 500 or unrelated(text)
        ):
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
_ANCHOR_START = re.compile(r"<[aA]")  # "<a" in view or "<A" in view, at the speed of holds
_RST_LINK = re.compile(r"([^`<>]{1,500}?)\s*(?:<([^`<>\s]{1,2048})>)?\Z")
# The ".. _name: target" lines of reST, searched in "\n" + text: the same matches (groups and
# order) as "^" in MULTILINE mode in the text, whose line starts follow a newline but the
# first; a match ends with a character that is not a newline, so the newline before the next
# match's line is never inside the last one. "^" gives the engine nothing to skip ahead to, so
# it tries every offset (three times slower over a document than the literal "\n").
_RST_TARGET = re.compile(r"\n[ \t]*\.\.[ \t]+_(`[^`]{1,300}`|[^:`]{1,300}):[ \t]*(\S+)")
_HOSTLIKE = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_TAG = re.compile(r"<[^<>]{0,4000}>")
_STYLE_VALUE = re.compile(r"\s*=\s*[\"']?([^\"'<>]{0,4000})")
# A tag with an attribute named ``hidden``, in any case: after a space, a quote that ends the
# value before it, or a slash (what styles.attributes reads as the start of a name), and
# before what ends a name. (Not aria-hidden, nor a class named visually-hidden.)
_HIDDEN_ATTRIBUTE = re.compile(r"<[^<>]*?[\s\"'/]hidden(?=[\s=/>])", re.IGNORECASE)


def _label(text: str) -> str:
    return " ".join(text.strip("`").lower().split())


def _cased(view: str, low: bytes | None, word: str, cases: tuple[str, ...]) -> list[int]:
    """The offsets of ASCII ``word`` in ``view`` written in one of ``cases``: found in ``low``
    (``view`` lowercased, as bytes at its offsets, "?" for a character not ASCII) by one
    search for every case, when given."""
    if low is None:
        return [at for case in cases for at in find_all(view, case)]
    n = len(word)
    return [at for at in find_all(low, word.encode()) if view[at : at + n] in cases]


def _links_suspicious(view: str, options: SpamOptions, low: bytes | None = None) -> bool:
    """Hosts and URLs that could make a link rule fire; ``low``: ``view`` lowercased, as bytes
    at its offsets ("?" for a character not ASCII), or None."""
    from hooklint.spam.context import context

    ctx = context(options)
    urls: set[tuple[str, str]] = set()
    if holds(view, "//"):
        urls.update(_URL.findall(view))
    for at in _cased(view, low, "www.", ("www.", "WWW.", "Www.")):
        if at and (view[at - 1].isalnum() or view[at - 1] in "._@/-"):
            continue
        m = _HOST_REST.match(view, at)
        if m:
            urls.add((m.group(1), m.group(2) or ""))
    for host, rest in urls:
        host = host.lower().rstrip(".")
        if _host_suspicious(_linked_part(host), ctx):
            return True
        if rest and _rest_suspicious(host, rest, ctx):
            return True
    return _link_texts_suspicious(view, ctx, low)


# Where linkify-it ends a bare URL's host: a punctuation, space or control character (Unicode
# categories P, Z and Cc). No host a link rule reads holds one either: a link's target host
# must be labels of letters, digits and hyphens (domains.valid_host).
_HOST_END_CATEGORIES = frozenset(("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Zs", "Zl", "Zp", "Cc"))


def _linked_part(host: str) -> str:
    """The part of a host found in raw text that a link rule can read: up to its first
    punctuation, space or control character that is not ASCII (``www.example…`` at the end of
    a sentence is ``www.example``; the regex that found it stops at ASCII ones)."""
    if host.isascii():
        return host
    from unicodedata import category

    for at, char in enumerate(host):
        if not char.isascii() and category(char) in _HOST_END_CATEGORIES:
            return host[:at].rstrip(".")
    return host


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
    if ctx.deny is not None and ctx.deny.match(host + rest):
        return not ctx.trusted(domains.strip_www(host))
    # What comes before the first "?" or "#" (re.split(r"[?#]", rest, maxsplit=1)[0]).
    path = rest.partition("?")[0].partition("#")[0].rstrip(").,;:!']")
    if path and domains.lookalike_shortener(host, path):
        return not ctx.trusted(domains.strip_www(host))
    sells = ("-" in path or "_" in path) and not _describing_host(host)
    words = domains.path_words(path) if sells else ""
    if words:
        from hooklint.spam import phrases

        if phrases.may_sell(words) and phrases.spam_anchor(words):
            return not ctx.trusted(domains.strip_www(host))
    if "?" not in rest and "/ref=" not in rest.lower():
        return False
    if ctx.trusted(domains.strip_www(host)):
        return False
    url = domains.parse_url("http://" + host + rest)
    return url is not None and bool(domains.affiliate_tag(url) or domains.redirect_target(url))


@lru_cache(maxsize=4096)  # a few hundred hosts carry the corpus's ten thousand URL paths
def _describing_host(host: str) -> bool:
    """Whether ``host`` is a site whose URL paths describe what they link to
    (domains.DESCRIBING_HOSTS)."""
    return domains.under(domains.strip_www(host), domains.DESCRIBING_HOSTS)


_GAP_MARKUP = re.compile(r"<[^<>]{0,2000}>|\]\([^()\s]{0,2048}\)|!\[|\[|\]")


# One scan of a gap for its markup and its words at once: reads the same words as
# ``re.findall(r"[^\W_]{2,}", _GAP_MARKUP.sub(" ", gap))``. Markup starts with "<", "[", "]" or "!",
# never a word character, so a word never swallows the start of markup, and the markup is
# found at the same places as by ``sub`` (tried first at every place a word does not cover).
_GAP_TOKEN = re.compile(r"(?:" + _GAP_MARKUP.pattern + r")|([^\W_]{2,})")


def _wordy_gap(gap: str) -> bool:
    """Whether a gap between two links has more than three words outside its markup."""
    words = 0
    for m in _GAP_TOKEN.finditer(gap):
        if m.group(1) is not None:
            words += 1
            if words > 3:
                return True  # the rest of the gap cannot change the answer
    return False


def _bomb_suspicious(spans: list[tuple[int, int, str, str | None]], view: str) -> bool:
    """Eight links in a row (a few words at most between them) with short texts, to six
    different hosts or more (structure.link_bombs wants more)."""
    # A run counts the hosts of absolute targets only (_short_run): with fewer than six
    # different absolute targets among all the links, no run can reach six hosts.
    # (Each distinct target is asked once: a page links to the same few places again and again.)
    targets = {target for _, _, _, target in spans if target}
    if sum(1 for target in targets if domains.absolute(target.strip())) < 6:
        return False
    run: list[tuple[str, str | None]] = []
    last_end = -1
    for start, end, text, target in sorted(spans):
        gap = view[last_end:start] if last_end >= 0 else ""
        if last_end < 0 or len(gap) > 2500 or _wordy_gap(gap):
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


def _link_texts_suspicious(view: str, ctx: Context, low: bytes | None = None) -> bool:
    """Link texts that name an address (HL303) or sell something (HL306), HTML anchors with
    the attributes HL307 looks at, and styles that hide an element."""
    from hooklint.spam import phrases

    pairs: list[tuple[str, str | None]] = []  # (link text, target)
    spans: list[tuple[int, int, str, str | None]] = []  # the same with where they are
    if holds(view, "]("):
        for m in _INLINE.finditer(view):
            pairs.append((m.group(1), m.group(2)))
            spans.append((m.start(), m.end(), m.group(1), m.group(2)))
    if holds(view, "]:"):
        defined = {_label(m.group(1)): m.group(2) for m in _DEFINITION.finditer("\n" + view)}
        if defined:
            for m in _BRACKETED.finditer(view):
                if m.group(2) is not None:
                    continue  # an inline link, taken above
                label = _label(m.group(3) or m.group(1))
                if label in defined:
                    pairs.append((m.group(1), defined[label]))
    if holds(view, "`_"):
        targets = {}
        if ".. _" in view:
            targets = {_label(m.group(1)): m.group(2) for m in _RST_TARGET.finditer("\n" + view)}
        for end in find_all(view, "`_"):
            start = view.rfind("`", max(0, end - 2600), end)
            rst = _RST_LINK.match(view, start + 1, end) if start >= 0 else None
            if rst:
                target = rst.group(2) or targets.get(_label(rst.group(1)))
                if target is not None:
                    pairs.append((rst.group(1), target))
    if _ANCHOR_START.search(view):
        from hooklint.spam.styles import attributes, hiding_reason

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
    for at in _cased(view, low, "style", ("style", "STYLE", "Style")):
        from hooklint.spam.styles import hiding_style

        value = _STYLE_VALUE.match(view, at + 5)
        if value and hiding_style(value.group(1)):
            return True
    # An element with the ``hidden`` attribute hides the links inside it (links.hidden_regions).
    if (b"hidden" in low if low is not None else "hidden" in view.lower()) and (
        _HIDDEN_ATTRIBUTE.search(view)
    ):
        return True
    if _sells(pairs):
        return True
    if len(spans) >= 8 and _bomb_suspicious(spans, view):
        return True
    if len(pairs) >= 3 and _repeated_phrase(pairs, ctx):
        return True  # one phrase linked again and again (rules._repeated_anchor)
    return any(
        target and "." in shown and _names_other_site(shown, target, ctx) for shown, target in pairs
    )


@lru_cache(maxsize=4096)  # pure: a site's menus and footers repeat their links on every page
def _names_other_site(shown: str, target: str, ctx: Context) -> bool:
    """Whether a link text that reads as an address names a site its target is not (HL303)."""
    if not _HOSTLIKE.search(shown):
        return False
    named = domains.text_host(" ".join(shown.split()))
    url = domains.parse_url(target) if named else None
    if named is None or url is None:
        return False
    a = domains.strip_www(domains.decode_host(named) or named)
    b = domains.strip_www(domains.decode_host(url.host) or url.host)
    return not ctx.trusted(b) and not domains.names_its_target(a, b, target, url.path, psl=False)


def _sells(pairs: Sequence[tuple[str, str | None]]) -> bool:
    """Whether a link text names a spam trade (HL306), as read by phrases.spam_anchor."""
    from hooklint.spam import phrases
    from hooklint.unicode.chars import skeleton

    # Each text as it is tested is a line of ``lines`` (lowercasing and the skeleton go
    # character by character), so a text can sell only if it holds one of the key words of
    # ``lines``; a phone number or a Chinese stem there (which the words cannot place) sends
    # every text to the test, and no key word at all settles it.
    shown = [" ".join(text.lower().split()) for text, _ in pairs]
    lines = "\n".join(shown)
    keys = phrases.sale_words(skeleton(lines))
    if keys is not None and not lines.isascii():
        more = phrases.sale_words(lines)
        keys = None if more is None else keys | more
    if keys is not None and not keys:
        return False
    # One test over all link texts at once (as written); the texts one by one only if it passes.
    joined = "\n".join(text for text, _ in pairs).lower()
    if not (
        phrases.may_sell(skeleton(joined)) or (not joined.isascii() and phrases.may_sell(joined))
    ):
        return False
    for text in shown:
        plain = skeleton(text)
        if keys is not None and not any(k in plain or k in text for k in keys):
            continue  # neither reading of the text holds a key word: may_sell says no
        if _text_sells(text, plain):
            return True
    return False


@lru_cache(maxsize=4096)
def _text_sells(text: str, plain: str) -> bool:
    """Whether one link text (lowercase, ``plain`` its skeleton) names a spam trade."""
    from hooklint.spam import phrases

    return phrases.spam_anchor(plain) is not None or (
        not text.isascii() and phrases.spam_anchor(text) is not None
    )


def _repeated_phrase(pairs: Sequence[tuple[str, str | None]], ctx: Context) -> bool:
    """A phrase naming a trade or service linked three times or more to one unrelated target
    (rules._repeated_anchor). Only a trade's phrase counts: the texts of a reference's links
    to its own chapters repeat too, and entities may hide its word."""
    from hooklint.spam.comments import commercial_name

    # The links are grouped by phrase and target first: a group of fewer than three cannot
    # count however its texts read, which spares most texts the word split (and html).
    linked: dict[tuple[str, str], list[str]] = {}
    for text, target in pairs:
        if target and " " in text.strip():
            key = (" ".join(text.lower().split()), target.split("#")[0])
            linked.setdefault(key, []).append(text)
    for key, texts in linked.items():
        if len(texts) < 3:
            continue
        trade = sum(
            1
            for text in texts
            if commercial_name(text, strict=True)
            or ("&" in text and commercial_name(_unescape(text), strict=True))
        )
        if trade >= 3 and _repeated_foreign(*key, ctx):
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
