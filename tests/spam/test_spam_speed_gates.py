"""Shortcuts of the second round of spam speed work give the answers of the plain forms they
replace: each is compared with its plain form on generated input, and has a positive case and
a near miss."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint.spam import domains, triage

# ------------------------------------------------------------------- domains.under on sets

HOST_PIECES = st.sampled_from(["a", "b", "ab", ".", "..", "x.a", "com", "a.com", "", "-"])


def _plain_under(host: str, entries: frozenset[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in entries)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(HOST_PIECES, max_size=6).map("".join),
    st.frozensets(st.lists(HOST_PIECES, max_size=4).map("".join), max_size=5),
)
def test_under_a_set_is_the_plain_suffix_test(host: str, entries: frozenset[str]) -> None:
    assert domains.under(host, entries) == _plain_under(host, entries)
    assert domains.under(host, set(entries)) == _plain_under(host, entries)
    assert domains.under(host, tuple(entries)) == _plain_under(host, entries)


def test_under_positive_and_near_miss() -> None:
    hosts = frozenset({"example.com", "b.org"})
    assert domains.under("example.com", hosts)
    assert domains.under("docs.example.com", hosts)
    assert not domains.under("badexample.com", hosts)  # no dot before the domain
    assert not domains.under("example.com.evil", hosts)
    assert not domains.under("com", hosts)


# ------------------------------------------------------------ styled letters, before import


def test_the_styled_range_is_the_one_styled_runs_asks_first() -> None:
    from hooklint.spam import structure

    assert triage._STYLED_RANGE.pattern == structure._STYLED_RANGE.pattern


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(["a", " ", "é", "日", "\uff20", "\uff21", "ａ", "𝐖"]), max_size=30))
def test_no_styled_run_without_a_character_of_the_styled_range(text: str) -> None:
    from hooklint.spam.structure import styled_runs

    if triage._STYLED_RANGE.search(text) is None:
        assert styled_runs(text) == []


def test_styled_gate_positive_and_near_miss() -> None:
    from hooklint.spam import SpamOptions, check_spam
    from hooklint.spam.rules import check
    from hooklint.spam.structure import styled_runs

    styled = "Visit ｃｈｅａｐ ｐｉｌｌｓ → now at https://pills.example/ for more\n"
    near = "Visit cheap pills → now at https://pills.example/ for more\n"
    assert triage._STYLED_RANGE.search(styled) and styled_runs(styled)
    assert not triage._STYLED_RANGE.search(near) and not styled_runs(near)
    for text in (styled, near):
        assert check_spam(text, "text") == check(text, "text", SpamOptions(), None)


# ------------------------------------------------------- boilerplate markers, normalised


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(["a", "B", "İ", "ß", "Ω", "о", "—", "“", " ", "é", "ﬁ", "ǅ"])))
def test_markers_are_normalised_as_prose_normalises_them(marker: str) -> None:
    """phrases._normalised lowers with str.lower where that keeps one character for one, which
    is what prose._lower does then; otherwise it is prose._lower."""
    from hooklint.spam import phrases
    from hooklint.spam.prose import _lower
    from hooklint.unicode.chars import skeleton

    plain = marker if marker.isascii() else skeleton(marker)
    assert phrases._normalised(marker) == phrases.fold_punctuation(_lower(plain))


def test_normalised_marker_positive_and_near_miss() -> None:
    from hooklint.spam import phrases

    assert phrases._normalised("Отменить ответ") == "oтмeнить oтвeт"  # skeleton, lowercase
    assert phrases._normalised("İptal") == "İptal"  # İ kept: it lowercases to two characters
    assert phrases._normalised("Antworten abbrechen") == "antworten abbrechen"


# ------------------------------------------------------------------ credit lines (HL306)


def test_the_credit_letters_match_only_characters_lowering_to_them() -> None:
    """rules._credit_link skips _CREDIT when the text's lowercase holds neither "by" nor "th":
    sound only if every character the pattern's final letters match (case-insensitively) is
    a character whose lowercase is that letter. Every code point is tried."""
    import re

    for letter in "bthy":
        pattern = re.compile("(?i:" + letter + ")")
        for cp in range(0x110000):
            c = chr(cp)
            if pattern.fullmatch(c):
                assert c.lower() == letter, (letter, hex(cp))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Designed", "by", "BY", "theme", "\t", " ", "with", "WITH", "in", "partnership",
             "Sponsored", "x", "template", "ſ", "İ", "K", "collaboration", "Association", "\n"]
        ),
        max_size=12,
    ).map(" ".join)
)  # fmt: skip
def test_no_credit_without_by_or_th_in_the_lowercase(before: str) -> None:
    from hooklint.spam.rules import _CREDIT

    low = before.lower()
    if "by" not in low and "th" not in low:
        assert _CREDIT.search(before) is None


def test_credit_link_positive_and_near_miss() -> None:
    from hooklint.spam import SpamOptions, check_spam
    from hooklint.spam.rules import check

    credit = "Footer text.\n\nDesigned by [cheap roof repair](https://roofs.example/)\n"
    near = "Footer text.\n\nDesigned in [cheap roof repair](https://roofs.example/)\n"
    for text in (credit, near):
        assert check_spam(text, "markdown") == check(text, "markdown", SpamOptions(), None)
    assert any("credit line" in f.message for f in check(credit, "markdown", SpamOptions(), None))
    assert not any("credit line" in f.message for f in check(near, "markdown", SpamOptions(), None))


# ------------------------------------------------------------- Latin-1 text, lowercased


def test_no_latin1_character_lowercases_to_ascii_another_script_or_two() -> None:
    """worth_checking makes the lowercase ASCII letters of Latin-1 text from its bytes."""
    for code in range(256):
        c = chr(code)
        low = c.lower()
        assert len(low) == 1 and ord(low) < 256 and low.isascii() == c.isascii(), hex(code)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(["a", "Z", "é", "É", "ß", "ÿ", "µ", "\xa0", "?", " ", "\n", "/"])))
def test_latin1_narrow_bytes_are_those_of_the_lowered_text(text: str) -> None:
    narrow = text.encode("latin-1").lower().translate(triage._NARROW_LATIN1)
    assert narrow == text.lower().encode("ascii", "replace")


def test_latin1_prefilter_positive_and_near_miss() -> None:
    from hooklint.spam import SpamOptions, check_spam
    from hooklint.spam.rules import check

    spam = (
        "Très bien. Leave a Reply. Your email address will not be published. Ça va.\n\n"
        "[Cheap Roof Repair](https://roofs.example/) à Paris\n"
    )
    near = "Très bien. Ça va. Une réponse.\n\n[Réparer le toit](https://docs.example/) à Paris\n"
    for text in (spam, near):
        assert check_spam(text, "markdown") == check(text, "markdown", SpamOptions(), None)
    assert triage.worth_checking(spam, "markdown", SpamOptions(), None)
    assert not triage.worth_checking(near, "markdown", SpamOptions(), None)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Great post", "instead of", "click here", "désolé", "É", " ", "\n", "giriş",
             "[Cheap Essays](https://x.example/)", "designed by", "author: best cheap loans"]
        ),
        max_size=12,
    ).map(" ".join)
)  # fmt: skip
def test_comments_of_latin1_text_need_no_lowered_text(view: str) -> None:
    if not triage._latin1(view):
        return
    narrow = view.encode("latin-1").lower().translate(triage._NARROW_LATIN1)
    assert triage._comments_suspicious(view, None, narrow) == triage._comments_suspicious(
        view, view.lower(), narrow
    )


# --------------------------------------------------------- the first Title-Case link text

TITLE_PIECES = st.sampled_from(
    ["[Roof Repair](https://a.example/)", "> Best Movers <", "`Aa Bb`", "[aa Bb]", "[Aa]", "[",
     ">", "`", " ", "\n", "Roof", "Repair", "*", "_", "\t", "Aa Bb", "[ Aa\n Bb", ">Aa"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(TITLE_PIECES, max_size=16).map("".join))
def test_the_first_title_link_is_found_by_its_three_first_characters(view: str) -> None:
    first = triage._TITLE_LINK.search(view)
    assert triage._title_link_start(view) == (None if first is None else first.start())


def test_title_link_start_positive_and_near_miss() -> None:
    assert triage._title_link_start("see `Aa` and > Roof Repair and [Best Movers]") == 13
    assert triage._title_link_start("see [roof Repair] and Roof Repair") is None
