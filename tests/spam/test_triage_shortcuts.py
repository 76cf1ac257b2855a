"""The prefilter's shortcuts give the answers of the plain forms they replace: each shortcut is
compared with its plain form on generated input, and has a positive case and a near miss."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint.spam import triage

# ------------------------------------------------------------------------ link-bomb gaps

GAP_PIECES = st.sampled_from(
    [
        " ", "  ", "\n", "|", "a", "ab", "word", "_", "x_y", "é", "жук", "1", "12", "<b>", "</a>",
        "<a href='x'>", "<", ">", "[", "]", "](http://a.example/x)", "](/rel)", "](a b)", "![",
        "!", "(", ")", "-", ",", "<unclosed", "]( x)",
    ]
)  # fmt: skip


def _plain_wordy_gap(gap: str) -> bool:
    """The form the shortcut replaces: every word outside the markup counted."""
    return len(re.findall(r"[^\W_]{2,}", triage._GAP_MARKUP.sub(" ", gap))) > 3


@settings(max_examples=500, deadline=None)
@given(st.lists(GAP_PIECES, max_size=30).map("".join))
def test_a_gap_is_wordy_exactly_when_its_words_outside_markup_are_more_than_three(
    gap: str,
) -> None:
    assert triage._wordy_gap(gap) == _plain_wordy_gap(gap)


def test_wordy_gap_positive_and_near_miss() -> None:
    assert triage._wordy_gap(" and see the docs ")
    # Words inside markup do not count: three words and a tag full of them.
    assert not triage._wordy_gap(' and <a href="a b c d e"> the docs ')


Span = tuple[int, int, str, str | None]
TARGETS = st.sampled_from(
    [
        None, "", "/relative/page", "README.md", "#anchor", "mailto:a@b.example",
        *(f"https://site{i}.example/p" for i in range(8)),
        "http://site1.example/q", "//site2.example/", "www.site3.example", " HTTPS://Site4.example",
        "ftp://files.example/x", "https://site5.example/a",
    ]
)  # fmt: skip
TEXTS = st.sampled_from(["a", "link", "cheap pills online", "Read The Guide Here", "x y", ""])


def _plain_bomb(spans: list[Span], view: str) -> bool:
    """The link-bomb test without its gate on absolute targets."""
    run: list[tuple[str, str | None]] = []
    last_end = -1
    for start, end, text, target in sorted(spans):
        gap = view[last_end:start] if last_end >= 0 else ""
        if last_end < 0 or len(gap) > 2500 or _plain_wordy_gap(gap):
            if triage._short_run(run):
                return True
            run = []
        run.append((text, target))
        last_end = end
    return triage._short_run(run)


@st.composite
def link_runs(draw: st.DrawFn) -> tuple[list[Span], str]:
    pieces: list[str] = []
    spans: list[Span] = []
    for _ in range(draw(st.integers(0, 20))):
        pieces.append(draw(st.sampled_from([" ", " | ", " and more words here ", "\n"])))
        text, target = draw(TEXTS), draw(TARGETS)
        link = f"[{text}]({target})"
        at = sum(map(len, pieces))
        spans.append((at, at + len(link), text, target))
        pieces.append(link)
    return spans, "".join(pieces)


@settings(max_examples=500, deadline=None)
@given(link_runs())
def test_the_link_bomb_gate_drops_no_run_the_plain_test_finds(case: tuple[list[Span], str]) -> None:
    spans, view = case
    assert triage._bomb_suspicious(spans, view) == _plain_bomb(spans, view)


def _bomb(hosts: int) -> tuple[list[Span], str]:
    spans: list[Span] = []
    view = ""
    for i in range(8):
        target = f"https://shop{i % hosts}.example/"
        link = f"[pills]({target})"
        spans.append((len(view), len(view) + len(link), "pills", target))
        view += link + " | "
    return spans, view


def test_link_bomb_positive_and_near_miss() -> None:
    assert triage._bomb_suspicious(*_bomb(6))
    assert not triage._bomb_suspicious(*_bomb(5))  # five hosts: the gate settles it


# ------------------------------------------------------------------- repeated link phrases

PHRASES = st.sampled_from(
    ["roof repair", "Roof  Repair", "roof repair ", "user guide", "r&#101;pair roof", "cheap",
     "dental &amp; implants", "Amazon Web Services", "moving company"]
)  # fmt: skip
LINK_TARGETS = st.sampled_from(
    [None, "", "https://shop.example/", "https://shop.example/#a", "https://aws.amazon.com/x",
     "/docs/guide"]
)  # fmt: skip


def _plain_repeated(pairs: list[tuple[str, str | None]], ctx: object) -> bool:
    """The form the grouping replaces: every text tested, then counted."""
    from collections import Counter

    from hooklint.spam.comments import commercial_name

    repeated = Counter(
        (" ".join(text.lower().split()), (target or "").split("#")[0])
        for text, target in pairs
        if target
        and " " in text.strip()
        and (
            commercial_name(text, strict=True)
            or ("&" in text and commercial_name(triage._unescape(text), strict=True))
        )
    )
    return any(n >= 3 and triage._repeated_foreign(*key, ctx) for key, n in repeated.items())  # type: ignore[arg-type]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(PHRASES, LINK_TARGETS), max_size=12))
def test_repeated_phrases_are_found_as_by_counting_every_text(
    pairs: list[tuple[str, str | None]],
) -> None:
    from hooklint.spam import SpamOptions
    from hooklint.spam.context import context

    ctx = context(SpamOptions())
    assert triage._repeated_phrase(pairs, ctx) == _plain_repeated(pairs, ctx)


def test_repeated_phrase_positive_and_near_miss() -> None:
    from hooklint.spam import SpamOptions
    from hooklint.spam.context import context

    ctx = context(SpamOptions())
    trade = [("Roof Repair", "https://shop.example/"), ("roof  repair", "https://shop.example/#x")]
    assert triage._repeated_phrase([*trade, ("roof repair", "https://shop.example/")], ctx)
    assert not triage._repeated_phrase(trade, ctx)  # linked twice only
    hidden = [("roof r&#101;pair", "https://shop.example/")] * 3  # the word behind an entity
    assert triage._repeated_phrase(hidden, ctx)
    assert not triage._repeated_phrase([("user guide", "https://shop.example/")] * 3, ctx)


# ------------------------------------------------------------------------- substring search

SEARCH_PIECES = st.sampled_from(["a", "b", " ", "ab", "a b", "of", "instead", "é", "  "])
NEEDLES = st.sampled_from(["a b", "instead of", "b a b", " a", "a ", "ab", " ", "a  b", "of of"])


def _plain_positions(text: str, words: list[str]) -> list[int]:
    from hooklint.spam.search import find_all

    return sorted(at for word in words for at in find_all(text, word))


@settings(max_examples=500, deadline=None)
@given(st.lists(SEARCH_PIECES, max_size=40).map("".join), st.lists(NEEDLES, max_size=4))
def test_words_with_spaces_are_found_where_a_plain_search_finds_them(
    text: str, words: list[str]
) -> None:
    from hooklint.spam.search import positions

    assert positions(text, words) == _plain_positions(text, words)
    data = text.encode()
    assert positions(data, [w.encode() for w in words]) == sorted(
        at for w in words for at in _plain_positions(data.decode("latin-1"), [w])
    )


def test_words_with_spaces_positive_and_near_miss() -> None:
    from hooklint.spam.search import positions

    assert positions("go instead of here, instead\nof", ["instead of"]) == [3]
    assert positions(b"of instead ofof", [b"instead of"]) == [3]


KEY_WORD_PIECES = st.sampled_from(
    ["site", "blog", "weblog", "we", "page", "reply", "publish", "this:", " ", "websiteblog", "x"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(KEY_WORD_PIECES, max_size=20).map("".join))
def test_key_word_hits_are_those_of_every_word_searched_apart(text: str) -> None:
    from hooklint.spam.search import positions

    low = text.encode()
    assert triage._key_word_hits(low) == (
        positions(low, triage._BOILERPLATE_BYTES),
        positions(low, triage._SITE_BYTES),
    )


# ---------------------------------------------------------------------------- lookalikes


def test_no_lookalike_of_the_prefilter_is_a_latin1_character() -> None:
    """What lets Latin-1 text skip resolve_lookalikes: every character below U+0100, beside
    an ASCII letter on either side, is no match."""
    pattern = triage._suspect_pattern()
    for code in range(0x100):
        c = chr(code)
        assert pattern.search(f"a{c}a") is None or c.isascii()
        assert triage._ASTRAL.search(c) is None


def test_resolve_lookalikes_positive_and_near_miss() -> None:
    assert triage.resolve_lookalikes("visit t\u04bbis site") == "visit this site"
    latin1 = "caf\u00e9 na\u00efve \u00b5m \u00d7"
    assert triage.resolve_lookalikes(latin1) is latin1


ASTRAL_PIECES = st.sampled_from(
    ["a", " ", "\u00e9", "\u0430", "\u4e2d", "\ud7ff", "\ue000", "\uffff", "\U00010000",
     "\U0001d400", "\U0010ffff", "\ud800", "\udfff", "\ud83d\ude00"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(ASTRAL_PIECES, max_size=12).map("".join))
def test_has_astral_is_a_search_for_a_character_above_the_bmp(text: str) -> None:
    # Lone surrogates included: one is a character of its own, two bytes in UTF-16.
    assert triage._has_astral(text) == (triage._ASTRAL.search(text) is not None)


def test_has_astral_positive_and_near_miss() -> None:
    assert triage._has_astral("bold \U0001d400 letter")
    assert not triage._has_astral("the last of the plane \uffff and a pair \ud83d\ude00 apart")


# ------------------------------------------------------------------- windows as prose

MARKUP_PIECES = st.sampled_from(
    [" ", "  ", "\t", "\n", " \n ", "\u00a0", "\u2003", "word", "a", "é", ".", ",", "-",
     "](x)", "](a b)", "]( x)", "](", "]", "[", "<b>", "<", ">", "</a>", "<a\nb>", "`code`",
     "`", "``", "(", ")", "*", "_", "#", "/", "|", "~", "{", "}", "=", "\\", '"', "'"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(MARKUP_PIECES, max_size=30).map("".join))
def test_markup_spans_give_the_text_of_every_markup_run_replaced(text: str) -> None:
    from hooklint.spam import phrases

    assert phrases._MARKUP_SPAN.sub(" ", text) == phrases._MARKUP_RUN.sub(" ", text)


def test_raw_window_positive_and_near_miss() -> None:
    from hooklint.spam.phrases import raw_window

    assert raw_window("Great **post**, [admin](https://x.example) <b>thanks</b>") == (
        "great post , admin thanks "
    )
    # A lone space stays, a run of spaces becomes one, code and tags are markup.
    assert raw_window("a b  c\t`d` <e>f") == "a b c f"


# ------------------------------------------------------------------ link texts that sell

SALE_PIECES = st.sampled_from(
    ["buy", "Viagra", "vi\u0430gra", "online", "casino", "CASINO", "docs", "Guide", "800",
     "555", "1234", "\t\t\t\t", " ", "\n", "\u4ee3\u5199", "\u4ee3", "\u5199", "essay",
     "write my", "Login", "bet", "giri\u015f", "kazino", "\u03a3", "-", "'", "call",
     "800 555", "call 800 555 1234"]
)  # fmt: skip


def _plain_sells(pairs: list[tuple[str, str | None]]) -> bool:
    """The form the key-word filter replaces: every text tested once the joined texts pass."""
    from hooklint.spam import phrases
    from hooklint.unicode.chars import skeleton

    joined = "\n".join(text for text, _ in pairs).lower()
    if phrases.may_sell(skeleton(joined)) or (not joined.isascii() and phrases.may_sell(joined)):
        for text, _ in pairs:
            shown = " ".join(text.lower().split())
            if phrases.spam_anchor(skeleton(shown)) or (
                not shown.isascii() and phrases.spam_anchor(shown)
            ):
                return True
    return False


@settings(max_examples=800, deadline=None)
@given(
    st.lists(
        st.tuples(st.lists(SALE_PIECES, max_size=6).map(" ".join), st.just("https://a.example/")),
        max_size=6,
    )
)
def test_selling_link_texts_are_found_as_by_testing_every_text(
    pairs: list[tuple[str, str | None]],
) -> None:
    assert triage._sells(pairs) == _plain_sells(pairs)


def test_sells_positive_and_near_miss() -> None:
    docs = [("User guide", "https://a.example/")] * 20
    assert triage._sells([*docs, ("buy vi\u0430gra online", "https://b.example/")])
    assert not triage._sells([*docs, ("buy the guide online", "https://b.example/")])


# ------------------------------------------------------------------ Title-Case stuffing

STUFFING_PIECES = st.sampled_from(
    ["[Roof Repair](https://shop.example/)", "[Roof Repair](/local)", "Roof Repair",
     "[Roof Repair](https://roofrepair.example/)", "[Roof Repair]", "> Roof Repair <",
     "[Best Movers Now](http://movers.example/a)", "Best Movers Now", "roof", "Repair",
     "[Amazon Web](https://aws.amazon.com/)", "Amazon Web", "\n", " ", "`Roof Repair`"]
)  # fmt: skip


def _plain_stuffing(view: str) -> bool:
    """The form the deferred target test replaces: every target judged first."""
    from hooklint.spam import SpamOptions, domains
    from hooklint.spam.context import context, related_link

    ctx = context(SpamOptions())
    texts = set()
    for m in triage._TITLE_LINK_TEXT.finditer(view):
        text = " ".join(m.group(1).split())
        target = m.group(2)
        if target is not None:
            url = domains.parse_url(target)
            if url is None or related_link(text, url.host, ctx):
                continue
        texts.add(text)
    low = view.lower()
    for text in sorted(texts)[:500]:
        words = text.split()
        if any(view.count(w) < 3 for w in words):
            continue
        if len(triage._phrase_pattern(words).findall(view)) < 3:
            continue
        inside = len(triage._phrase_pattern([w.lower() for w in words]).findall(low))
        if all(len(w) < 3 or triage._word_count(low, w.lower()) - inside <= 3 for w in words):
            return True
    return False


@settings(max_examples=500, deadline=None)
@given(st.lists(STUFFING_PIECES, max_size=16).map(" ".join))
def test_stuffing_is_found_as_when_every_target_is_judged_first(view: str) -> None:
    from hooklint.spam import SpamOptions

    assert triage._stuffing_suspicious(view, SpamOptions()) == _plain_stuffing(view)


def test_stuffing_positive_near_miss_and_many_texts() -> None:
    from hooklint.spam import SpamOptions

    stuffed = " ".join(["[Roof Repair](https://shop.example/)"] * 3)
    assert triage._stuffing_suspicious(stuffed, SpamOptions())
    own = stuffed.replace("shop.example", "roofrepair.example")  # the phrase's own site
    assert not triage._stuffing_suspicious(own, SpamOptions())
    # Over 500 texts: the first 500 of those that may go to an unrelated site are counted.
    names = [f"{chr(65 + i % 26)}{chr(97 + i // 26)}x Page" for i in range(520)]
    assert len(set(names)) == 520
    many = " ".join(f"[{n}](/local)" for n in names) + " " + stuffed
    assert triage._stuffing_suspicious(many, SpamOptions()) == _plain_stuffing(many)
    local = " ".join(f"[{n}](https://shop.example/)" for n in names) + " " + stuffed
    assert triage._stuffing_suspicious(local, SpamOptions()) == _plain_stuffing(local)


# ------------------------------------------------------------------------ URL splitting

URL_CHARS = st.sampled_from([*"aZ09.-_~/?#:@%&=+!$'()*,;\\^`{|}\"<>[]", "www.", "xn--", "::1"])
URL_STARTS = st.sampled_from(["http://", "HTTPS://", "ftp://", "//", "Http://www.", "//www."])


@settings(max_examples=1000, deadline=None)
@given(URL_STARTS, st.lists(URL_CHARS, max_size=30).map("".join))
def test_plain_urls_are_split_as_urlsplit_splits_them(start: str, rest: str) -> None:
    from urllib.parse import urlsplit

    from hooklint.spam import domains

    url = start + rest
    assert domains._PLAIN_URL.fullmatch(url)
    parts = domains.split_plain(url)
    if parts is None:  # a bracket in the host part: urlsplit judges it
        assert "[" in url or "]" in url
    else:
        assert parts == tuple(urlsplit(url))


def test_plain_url_positive_and_near_miss() -> None:
    from hooklint.spam import domains

    url = "https://user@Shop.example:8080/a/b?x=1#top"
    assert domains._PLAIN_URL.fullmatch(url)
    assert domains.split_plain(url) == ("https", "user@Shop.example:8080", "/a/b", "x=1", "top")
    assert domains.split_plain("http://a.example/x?y)](http://b.example/)") == (
        "http", "a.example", "/x", "y)](http://b.example/)", ""
    )  # fmt: skip
    assert domains.split_plain("http://[::1]/") is None  # urlsplit's to judge
    # Spaces and other scripts go through urlsplit, as before.
    for other in ("http://a.example/a b", "http://\u0430.example/"):
        assert not domains._PLAIN_URL.fullmatch(other)
    assert domains.parse_url("http://[::1]/") is None
    assert domains.parse_url("http://\u0430pple.example/x")[1] == "\u0430pple.example"  # type: ignore[index]


QUERY_PIECES = st.sampled_from(["a", "Tag", "=", "&", "&&", "x-20", "ref", "%41", "+", ";", "=="])


@settings(max_examples=1000, deadline=None)
@given(st.lists(QUERY_PIECES, max_size=12).map("".join), st.booleans())
def test_queries_are_split_as_parse_qsl_splits_them(query: str, blank: bool) -> None:
    from urllib.parse import parse_qsl

    from hooklint.spam import domains

    assert domains.query_pairs(query, keep_blank_values=blank) == parse_qsl(
        query, keep_blank_values=blank
    )


ESCAPE_PIECES = st.sampled_from(
    [
        "a", "/", "%", "%%", "%4", "%41", "%c3%a9", "%C3", "%A9", "%e2%82%ac", "%E2%82", "%zz",
        "%ff", "%0", "%00", "+", "é", "€", "\u0430", "\U0001f600", "%%41", "x%2", "%g1",
    ]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(ESCAPE_PIECES, max_size=10).map("".join))
def test_escapes_are_decoded_as_unquote_decodes_them(text: str) -> None:
    from urllib.parse import unquote

    from hooklint.spam import domains

    assert domains.unquote(text) == unquote(text)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.one_of(QUERY_PIECES, ESCAPE_PIECES), max_size=12).map("".join), st.booleans())
def test_escaped_queries_are_split_as_parse_qsl_splits_them(query: str, blank: bool) -> None:
    from urllib.parse import parse_qsl

    from hooklint.spam import domains

    assert domains.query_pairs(query, keep_blank_values=blank) == parse_qsl(
        query, keep_blank_values=blank
    )


def test_a_url_path_is_decoded_without_urllib() -> None:
    # A path of escaped words, and a broken escape beside one that is whole: decoded as urllib
    # decodes them, in a process that never imports urllib.parse.
    code = (
        "import sys; from hooklint.spam.domains import path_words, unquote; "
        "print(path_words('/buy-%63heap-pills%20now.html')); print(unquote('%E2%82%AC%2')); "
        "print('urllib.parse' in sys.modules)"
    )
    # (-S: no site, whose path hooks, such as an editable install's, may import urllib.parse.)
    root = str(Path(triage.__file__).resolve().parents[2])
    out = subprocess.run(
        [sys.executable, "-S", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": root},
    )
    assert out.stdout.splitlines() == ["buy cheap pills now", "\u20ac%2", "False"]


def test_query_pairs_positive_and_near_miss() -> None:
    from hooklint.spam import domains

    assert domains.query_pairs("tag=shop-20&x", keep_blank_values=True) == [
        ("tag", "shop-20"),
        ("x", ""),
    ]
    assert domains.query_pairs("tag=&x", keep_blank_values=False) == []
    assert domains.query_pairs("t%61g=a+b", keep_blank_values=False) == [("tag", "a b")]


# ------------------------------------------------------------------ comment-bot families


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_every_match_of_a_family_holds_one_of_its_anchors(data: st.DataObject) -> None:
    from hooklint.spam import comments

    index = data.draw(st.integers(0, len(comments.FAMILY_ANCHORS) - 1))
    _, pattern = comments.families()[index]
    text = data.draw(st.from_regex(pattern, fullmatch=True))
    assert any(a in text for a in comments.FAMILY_ANCHORS[index])


_FAMILY_VOCABULARY = (
    "interested in like to trade trading exchange links with guest posting or vice versa came"
    " return the favor surfing online more than three hours just wrote a long comment but"
    " after i clicked submit my brother suggested might this blog extremely impressed your"
    " writing skills do you mind if quote couple of posts don't have donate button heya i'm"
    " for first time here attractive section content give quick shout out enjoy reading"
    " quick note here instead calling noticed could get lot visitors try service free 3 days"
    " over 500 targeted off topic was wondering knew"
)
FAMILY_WORDS = st.sampled_from([*_FAMILY_VOCABULARY.split(), ", ", ". ", "- ", "  "])


def _plain_family(lower: str) -> object:
    from hooklint.spam import comments

    if not any(n in lower for n in comments.FAMILY_NEEDLES):
        return None
    for name, pattern in comments.families():
        m = pattern.search(lower)
        if m:
            return name, m.span()
    return None


@settings(max_examples=800, deadline=None)
@given(st.lists(FAMILY_WORDS, max_size=30).map(" ".join))
def test_families_are_found_as_without_their_anchors(text: str) -> None:
    from hooklint.spam import comments

    found = comments.family(text)
    assert (found and (found[0], found[1].span())) == _plain_family(text)


def test_family_anchor_positive_and_near_miss() -> None:
    from hooklint.spam import comments, triage

    assert comments.family("i was surfing online more than three hours today")
    assert not comments.family("i was surfing online more than three days today")
    page = "x " * 300 + "i was surfing online more than three hours today"
    low = page.lower().encode()
    assert triage._comments_suspicious(page, low, low)
    assert not triage._comments_suspicious(page[:-12], low[:-12], low[:-12])


CASE_PIECES = st.sampled_from(
    ["www.", "WWW.", "Www.", "wWw.", "style", "STYLE", "Style", "sTyle", "w", ".", "\u00e9",
     "\u212a", "\u0131", "\u0441"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(CASE_PIECES, max_size=20).map("".join))
def test_cased_words_are_found_by_one_search_of_the_lowercase_bytes(view: str) -> None:
    for word, cases in (("www.", ("www.", "WWW.", "Www.")), ("style", ("style", "STYLE", "Style"))):
        plain = triage._cased(view, None, word, cases)
        low = view.lower().encode("ascii", "replace")
        assert len(low) == len(view)
        assert sorted(triage._cased(view, low, word, cases)) == sorted(plain)


def test_cased_positive_and_near_miss() -> None:
    view = "see www.a.example, WWW.B.EXAMPLE and wWw.c.example"
    assert triage._cased(view, view.lower().encode(), "www.", ("www.", "WWW.", "Www.")) == [4, 19]


NEEDLE_PIECES = st.sampled_from(
    ["://", "//", "/", ":", "www", "www.", "(", '"', "'", "site", "page", "blog", "weblog",
     "reply", "publish", "this", "this:", "we", "x", " "]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(NEEDLE_PIECES, max_size=12).map("".join))
def test_needles_are_found_as_by_searching_each(text: str) -> None:
    low = text.encode()
    assert triage._link_needle(low) == triage._contains(low, triage._LINK_NEEDLES)
    assert triage._link_needle(text) == triage._contains(text, triage._LINK_NEEDLES)
    boilerplate, sites = triage._key_word_hits(low)
    assert bool(boilerplate or sites) == triage._contains(low, triage._PHRASE_NEEDLES)


def test_needles_positive_and_near_miss() -> None:
    assert triage._link_needle(b'see "//cdn.example/x"')
    assert not triage._link_needle(b"see a/b and www")


TITLE_PIECES = st.sampled_from(
    ["[Roof Repair](https://a.example/)", "> Best Movers <", "`Aa Bb`", "[aa Bb]", "[Aa]", "[",
     ">", "`", " ", "\n", "Roof", "Repair", "*", "_", "](x)", "<", "[Aa\tBb\tCc Dd Ee]"]
)  # fmt: skip


# Pieces where link texts touch, nest and share characters, to try the merge of the three
# patterns: a match that runs over the start of another, a URL holding "[" or "`".
TOUCHING_PIECES = st.sampled_from(
    ["[Roof Repair](https://a.example/[Best Movers]", "](", "`Aa Bb` ", "> Aa Bb<", "[Aa Bb]",
     "<", "`", "[", ">", "Cc Dd", " ", "\n", "(x)", "[Aa\tBb](<u>)", ">[`Aa Bb`]"]
)  # fmt: skip


def test_title_link_texts_that_overlap_are_found_as_the_one_pattern_finds_them() -> None:
    # The first link's URL runs to the space after "[Best": the "[" pattern's match of
    # "[Best Movers]" starts inside it and is passed over, as finditer passes over it.
    view = "[Roof Repair](https://a.example/[Best Movers]`Aa Bb` x) and > Cc Dd < [Ee Ff]"
    spans = [m.span() for m in triage._title_link_texts(view, 0)]
    assert spans == [m.span() for m in triage._TITLE_LINK_TEXT.finditer(view)]
    assert [m.group(1) for m in triage._title_link_texts(view, 0)] == [
        "Roof Repair", "Aa Bb", "Cc Dd", "Ee Ff"
    ]  # fmt: skip
    assert list(triage._title_link_texts("no link text [here] or > there <", 0)) == []


@settings(max_examples=500, deadline=None)
@given(st.lists(TITLE_PIECES, max_size=16).map("".join))
def test_title_link_texts_start_at_or_after_the_first_title_link(view: str) -> None:
    first = triage._TITLE_LINK.search(view)
    every = [m.span() for m in triage._TITLE_LINK_TEXT.finditer(view)]
    if first is None:
        assert every == []
    else:
        assert [m.span() for m in triage._TITLE_LINK_TEXT.finditer(view, first.start())] == every


def test_window_gates_look_for_letters_only() -> None:
    """What lets a window be judged by its lowercase bytes: each needle and anchor is ASCII
    letters, which reading a window as prose neither makes nor splits (markup turns into
    spaces, typographic dashes and quotes into ASCII ones)."""
    from hooklint.spam import comments

    for word in (*comments.PRAISE_NEEDLES, *comments.ANCHORS):
        assert word.isascii() and word.isalpha(), word


RAW_PIECES = st.sampled_from(
    ["great", "post", "po", "st", "thank", "s", " ", "\n", "*", "_", "<b>", "`x`", "](u)", "[",
     "\u2014", "\u2019", "Great", "POST", "\u212a", "keep up the good work", "i'll return", "é"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(RAW_PIECES, max_size=16).map("".join))
def test_praise_read_as_prose_holds_a_needle_of_the_lowercase_bytes(raw: str) -> None:
    from hooklint.spam import comments
    from hooklint.spam.phrases import raw_window

    low = raw.lower()
    if len(low) != len(raw):
        return
    narrow = low.encode("ascii", "replace")
    if comments.praise_in(raw_window(raw)):
        assert any(n.encode() in narrow for n in comments.PRAISE_NEEDLES)
    if comments.family(raw_window(raw)):
        assert any(a.encode() in narrow for a in comments.ANCHORS)


HOLD_PIECES = st.sampled_from(
    ["](", "]", "(", ":", "`", "_", "<", "a", "A", "/", ".", "*", "\\", "é", " "]
)
HOLD_NEEDLES = ["](", "]:", "`_", "</a", "//", "://", "(//", "www.", ".*", "\\", "<a", "<A"]


@settings(max_examples=500, deadline=None)
@given(st.lists(HOLD_PIECES, max_size=20).map("".join))
def test_holds_is_substring_search(text: str) -> None:
    from hooklint.spam.search import holds

    data = text.encode()
    for needle in HOLD_NEEDLES:
        assert holds(text, needle) == (needle in text)
        assert holds(data, needle.encode()) == (needle.encode() in data)
    assert (triage._ANCHOR_START.search(text) is not None) == ("<a" in text or "<A" in text)
    for needles in (triage._LINK_NEEDLES, triage._LINK_MARKUP):
        assert triage._holds_any(data, needles) == triage._contains(data, needles)
        assert triage._holds_any(text, needles) == triage._contains(text, needles)


def test_holds_positive_and_near_miss() -> None:
    from hooklint.spam.search import holds

    assert holds("see [a](b)", "](")
    assert not holds("see [a] (b)", "](")
    assert not holds("a.b", ".*")  # a literal, not a pattern


# ------------------------------------------------------------------------ reST targets

_PLAIN_RST_TARGET = re.compile(
    r"^[ \t]*\.\.[ \t]+_(`[^`]{1,300}`|[^:`]{1,300}):[ \t]*(\S+)", re.MULTILINE
)
RST_PIECES = st.sampled_from(
    [
        "\n", " ", "\t", "..", ".", "_", ":", "`", "x", "a b", ".. _", "..\t_", ".. _a: ",
        ".. _`b c`: ", "http://x.example/", "text", "\n\n", "  .. _", ": ", "é",
    ]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(RST_PIECES, max_size=24).map("".join))
def test_rst_targets_searched_from_a_newline_are_those_of_line_starts(text: str) -> None:
    assert triage._RST_TARGET.findall("\n" + text) == _PLAIN_RST_TARGET.findall(text)


def test_rst_targets_positive_and_near_miss() -> None:
    text = "Intro\n.. _site: https://a.example/\n  .. _`Two Words`: https://b.example/\n"
    assert triage._RST_TARGET.findall("\n" + text) == [
        ("site", "https://a.example/"),
        ("`Two Words`", "https://b.example/"),
    ]
    # Not at the start of a line (only blanks may precede the dots), or an internal label.
    assert triage._RST_TARGET.findall("\nsee .. _x: https://a.example/\n.. _label:\n") == []


# ------------------------------------------------------------------- boilerplate windows

BOILER_PIECES = st.sampled_from(
    ["leave", "Leave", "LEAVE", "lea", "ve", "a", "reply", "Reply", "cancel", "share", "this:",
     "this", ":", "site", "uses", "akismet", "publish", "published", " ", "\n", "*", "_", "<b>",
     "`x`", "](u)", "[", "\u2014", "\u2019", "\u212a", "é", "取消回复", "cancelar la respuesta",
     "antworten abbrechen", "yaniti iptal et", "-", ",", "?"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(BOILER_PIECES, max_size=16).map("".join))
def test_boilerplate_read_as_prose_holds_an_anchor_of_the_lowercase_bytes(raw: str) -> None:
    from hooklint.spam import phrases

    low = raw.lower()
    if len(low) != len(raw):
        return  # no lowercase bytes at the offsets of the text: the gate is not used
    narrow = low.encode("ascii", "replace")
    if phrases.boilerplate(strong_only=True).search(phrases.raw_window(raw)):
        assert any(a in narrow for a in triage._boilerplate_anchors())


def test_boilerplate_anchors_cover_every_strong_label() -> None:
    from hooklint.spam import phrases

    for marker in phrases.boilerplate_markers(strong_only=True):
        narrow = marker.encode("ascii", "replace")
        assert any(a in narrow for a in triage._boilerplate_anchors()), marker


def test_boilerplate_gate_positive_and_near_miss() -> None:
    def judged(view: str) -> bool:
        narrow = view.lower().encode("ascii", "replace")
        return triage._phrases_suspicious(view, triage._key_word_hits(narrow), "md", narrow)

    assert judged("Thanks!\n\n## Leave a *Reply*\n\nYour name")
    assert judged("Footer. This site uses Akismet to reduce spam.")
    # "reply" and "site" without a label: no window is read.
    assert not judged("Send a reply to the list; the site has the archive.")


# ----------------------------------------------------------------------------- spintax

SPIN_PIECES = st.sampled_from(
    ["{", "}", "{{", "}}", "|", "a", "ab", "word", "two words", "\\", "$", "%", "#", " ", "\n",
     "1", "_", "é", "x|y", "{a|b}", "value|lower", "-", "'"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(SPIN_PIECES, max_size=20).map("".join))
def test_spintax_with_its_brace_first_matches_as_the_look_behind_first(text: str) -> None:
    from hooklint.spam import phrases

    plain = re.compile(
        r"(?<![{\\$%#])\{("
        + phrases._ALTERNATIVE
        + r"(?:\|"
        + phrases._ALTERNATIVE
        + r"){1,30})\}(?!\})"
    )
    assert [m.span(1) for m in phrases.SPINTAX.finditer(text)] == [
        m.span(1) for m in plain.finditer(text)
    ]
    assert [m.span() for m in phrases.SPINTAX.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


def test_spintax_positive_and_near_miss() -> None:
    from hooklint.spam import phrases

    assert [m.group(1) for m in phrases.SPINTAX.finditer("{Hi|Hello} there")] == ["Hi|Hello"]
    assert [m.group(1) for m in phrases.SPINTAX.finditer("at start{a|b}")] == ["a|b"]
    # After "$" (a shell or template variable) or inside "{{ }}": no spintax.
    assert list(phrases.SPINTAX.finditer("${a|b} {{a|b}}")) == []


# ------------------------------------------------------------------- the words asked about

WORD_PIECES = st.sampled_from(
    ["vice", "service", "favor", "favours", "in", "collaboration", "with", "designed", "by",
     "fake", "degree", "essay", "essays", "recovery", "expert", "hacker", "links", "exchange",
     "x", " ", "\n", "-", "?", "é", "_", "1"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(WORD_PIECES, max_size=30).map("".join))
def test_the_words_asked_about_give_the_needles_all_words_give(text: str) -> None:
    """_comments_suspicious keeps only the words its needles ask about: each needle passes the
    word test on those exactly when it passes on all the words of the text."""
    split = text.lower().encode("ascii", "replace").translate(triage._WORD_BYTES).split()
    every = frozenset(split)
    asked = triage._wanted_words().intersection(split)
    for needles in triage._comment_needle_lists():
        for needle, forms, inner in triage._split_needles(needles)[0]:
            plain = not every.isdisjoint(forms) and inner <= every
            assert (not asked.isdisjoint(forms) and inner <= asked) == plain, needle


def test_the_words_asked_about_cover_every_needle() -> None:
    wanted = triage._wanted_words()
    for needles in triage._comment_needle_lists():
        for _, forms, inner in triage._split_needles(needles)[0]:
            assert set(forms) <= wanted and inner <= wanted


def test_comment_words_positive_and_near_miss() -> None:
    def judged(view: str) -> bool:
        narrow = view.lower().encode("ascii", "replace")
        return triage._comments_suspicious(view, narrow, narrow)

    link = " https://pills.example/buy\n"
    assert judged("Buy fake degree certificates online." + link)
    # The same words apart: "fake" and "degree" do not make the needle "fake deg".
    assert not judged("A fake object; a degree of freedom." + link)


# ------------------------------------------------------------------------ URL paths

REST_PIECES = st.sampled_from(["/", "a", "?", "#", "=", "&", ")", ".", "-", "%20", "é", ""])


@settings(max_examples=500, deadline=None)
@given(st.lists(REST_PIECES, max_size=12).map("".join))
def test_a_path_is_what_comes_before_the_query_or_fragment(rest: str) -> None:
    assert rest.partition("?")[0].partition("#")[0] == re.split(r"[?#]", rest, maxsplit=1)[0]


def test_rest_suspicious_reads_the_path_before_the_query() -> None:
    from hooklint.spam import SpamOptions
    from hooklint.spam.context import context

    ctx = context(SpamOptions())
    assert triage._rest_suspicious("pills.example", "/buy-cheap-viagra-online?x=1", ctx)
    # The same words in the query are no path words.
    assert not triage._rest_suspicious("pills.example", "/p?q=buy-cheap-viagra-online", ctx)


def test_link_text_naming_another_site_positive_and_near_miss() -> None:
    from hooklint.spam import SpamOptions
    from hooklint.spam.context import context

    ctx = context(SpamOptions())
    # Asked twice: the second answer comes from the cache of _names_other_site.
    for _ in range(2):
        assert triage._link_texts_suspicious("See [paypal.com](https://evil.example/login)", ctx)
        assert not triage._link_texts_suspicious(
            "See [example.org](https://www.example.org/docs)", ctx
        )


# ------------------------------------------------------------------- Title-Case link texts

# (With TOUCHING_PIECES above, where matches run over the start of others.)
TITLE_TEXT_PIECES = st.sampled_from(
    ["[", ">", "`", "]", "](", "](http://a.example/x)", "]( <b.example>", "<", "</a>", "Read",
     "The", "Guide", "Best", "Cheap", "Pills", "read", "A", "X1", " ", "  ", "\t", "\n", "*",
     "_", "**", "é", "É", "ab"]
)  # fmt: skip


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[object, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.one_of(TITLE_TEXT_PIECES, TOUCHING_PIECES), max_size=30).map("".join),
    st.integers(0, 40),
)
def test_title_link_texts_are_the_matches_of_the_class_pattern(view: str, pos: int) -> None:
    assert _spans(triage._title_link_texts(view, pos)) == _spans(
        triage._TITLE_LINK_TEXT.finditer(view, pos)
    )


def test_title_link_texts_positive_and_near_miss() -> None:
    # The "`" of the target starts a match of its own pattern inside the "[" link: skipped.
    view = "[Best Guide](http://a.example/`Cheap Pills`) and >Read More</a>"
    found = [m.group(1) for m in triage._title_link_texts(view, 0)]
    assert found == ["Best Guide", "Read More"]
    assert found == [m.group(1) for m in triage._TITLE_LINK_TEXT.finditer(view)]
    # One word, or words in lowercase, are no Title-Case link text.
    assert list(triage._title_link_texts("[Guide](x) [read the guide](x) >Read", 0)) == []
