"""The prefilter's cheap gates never drop what the full check reports, on generated input:
phrases linked again and again, in Markdown, HTML and the values of JSON data."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint.spam import SpamOptions, check_spam
from hooklint.spam.rules import check

# Link texts: trades and services (what HL302 reports when repeated), site names, entities,
# lookalikes and plain chapter titles (what a reference repeats).
WORDS = st.sampled_from(
    [
        "roof", "repair", "dental", "implants", "moving", "cheap", "service", "services",
        "amazon", "web", "example", "guide", "quotas", "&amp;", "r&#101;pair", "rоof",
        "Movers", "User", "Using", "the", "Shop", "loans",
    ]
)  # fmt: skip
TARGETS = st.sampled_from(
    [
        "https://docs.example.com/guide/a.html",
        "https://www.roofrepair.example/",
        "https://aws.amazon.com/x",
        "https://moving-company.example/page?id=1",
        "https://shop.example/a&amp;b",
        "https://xn--80ak6aa92e.com/",
        "/relative/page",
    ]
)


@st.composite
def repeated_links(draw: st.DrawFn) -> tuple[str, str]:
    text = " ".join(draw(st.lists(WORDS, min_size=2, max_size=5)))
    target = draw(TARGETS)
    times = draw(st.integers(1, 5))
    style = draw(st.sampled_from(["markdown", "html", "json"]))
    filler = draw(st.sampled_from(["See", "Read more in", "For details, see", "and"]))
    if style == "markdown":
        body = "\n\n".join(f"{filler} [{text}]({target}) now." for _ in range(times))
        return body, "markdown"
    anchors = [f'{filler} <a href="{target}">{text}</a> now.' for _ in range(times)]
    if style == "html":
        return "\n<p>".join(anchors), "html"
    return json.dumps({"shapes": [{"documentation": a} for a in anchors]}, indent=1), "json"


@settings(max_examples=300, deadline=None)
@given(repeated_links())
def test_the_prefilter_keeps_every_repeated_phrase_the_full_check_reports(
    case: tuple[str, str],
) -> None:
    text, kind = case
    full = check(text, kind, SpamOptions(), None)
    assert check_spam(text, kind) == full


def test_a_reference_linking_its_own_chapters_is_settled_by_the_prefilter() -> None:
    """Chapter titles that name the site they link (a docs set) do not reach the full check,
    while a trade phrase to an unrelated site does, and is reported."""
    from hooklint.spam.triage import worth_checking

    own = "\n\n".join(
        f"See [Amazon Web Services quotas](https://docs.aws.amazon.com/q{i}.html) now."
        for i in (1, 1, 1)
    )
    assert not worth_checking(own, "markdown", SpamOptions(), None)
    trade = own.replace("Amazon Web Services quotas", "cheap roof repair service").replace(
        "docs.aws.amazon.com", "roofing.example"
    )
    assert worth_checking(trade, "markdown", SpamOptions(), None)
    assert any(f.code == "HL302" for f in check_spam(trade, "markdown"))


# Comment-bot sentences and sales lines, in text with letters of other scripts around them:
# the prefilter reads the ASCII words of such text as bytes.
SENTENCES = st.sampled_from(
    [
        "I'm interested in trading links with you, or guest posting or vice versa.",
        "I've been surfing online more than three hours today.",
        "Buy tramadol online overnight no prescription.",
        "Write my essay cheap, click here for order.",
        "Great post, thanks admin!",
        "The service and the device work well.",
        "Theme by [cheap roof repair service](https://roof.example/).",
        "毕业证 办理 文凭",
        "casino bonusu giriş",
    ]
)
FOREIGN = st.sampled_from(["été", "Привет", "日本語", "ẞ", "İstanbul", "ǅ", "😀", "\u0301"])


@st.composite
def mixed_texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(SENTENCES, FOREIGN), min_size=1, max_size=8))
    link = draw(st.sampled_from(["", "[my site](https://shop.example/a)", "https://x.example/"]))
    return " ".join(parts) + " " + link


@settings(max_examples=300, deadline=None)
@given(mixed_texts(), st.sampled_from(["markdown", "text", "json"]))
def test_the_prefilter_keeps_every_finding_in_text_of_several_scripts(text: str, kind: str) -> None:
    if kind == "json":
        text = json.dumps({"comment": text}, ensure_ascii=False)
    full = check(text, kind, SpamOptions(), None)
    assert check_spam(text, kind) == full


_STYLED_ALPHABET = ["a", " ", "\n", "é", "日", "\uff20", "\uff21", "Ｗ", "ａ", "𝐖", "\U0010ffff"]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(_STYLED_ALPHABET), max_size=40))
def test_styled_runs_are_looked_for_exactly_when_a_styled_letter_may_be_there(text: str) -> None:
    """The quick test before the search (no character from U+FF21 up) drops no run."""
    from hooklint.spam.structure import STYLED_RUN, styled_runs

    found = [m.span() for m in styled_runs(text)]
    if not text or max(text) < "\uff21":
        assert found == []
    assert all(STYLED_RUN.fullmatch(text, *span) for span in found)
    if STYLED_RUN.search(text) and not any(ord(c) > 0x3000 and c not in "Ｗａ" for c in text):
        assert found  # fullwidth or mathematical letters with no East Asian text around


# Hosts in raw text followed by a character that is not ASCII: punctuation (an ellipsis, a
# curly quote, a dash, an ideographic full stop), a space, a letter. The prefilter's host regex
# takes them all in; linkify-it ends a bare URL's host at the punctuation and the spaces.
HOSTS = st.sampled_from(
    [
        "www.djangoproject.com", "www.gоogle.com", "bit.ly/abc", "xn--80ak6aa92e.com",
        "пример.рф", "www.exam", "roof-repair-cheap.example", "docs.python.org/3/",
    ]
)  # fmt: skip
AFTER_HOST = st.sampled_from(["…", "”", "»", "—", "。", "、", "\u00a0", "\u3000", "é", "х", ""])


@st.composite
def hosts_in_prose(draw: st.DrawFn) -> str:
    host = draw(HOSTS)
    if draw(st.booleans()):  # a host cut short inside, as a truncated address shows it
        cut = draw(st.integers(1, len(host) - 1))
        host = host[:cut] + draw(AFTER_HOST) + host[cut:]
    start = draw(st.sampled_from(["https://", "http://", "//", ""]))
    if not start and not host.startswith("www."):
        start = "www."
    url = start + host + draw(AFTER_HOST)
    shape = draw(st.sampled_from(["{u} is the site", "[link]({u})", '<a href="{u}">x</a>', "{u}"]))
    return "See " + shape.format(u=url) + draw(AFTER_HOST) + " for more."


@settings(max_examples=400, deadline=None)
@given(hosts_in_prose(), st.sampled_from(["markdown", "text", "rst"]))
def test_the_prefilter_keeps_every_host_finding_whatever_follows_the_host(
    text: str, kind: str
) -> None:
    full = check(text, kind, SpamOptions(), None)
    assert check_spam(text, kind) == full


def test_an_address_cut_short_by_an_ellipsis_is_settled_by_the_prefilter() -> None:
    from hooklint.spam.triage import worth_checking

    # A documentation page that shows a truncated link text: nothing to report, and no full
    # check spent on it; the same page with a lookalike in the host is checked and reported.
    page = "Shows ``'<a href=\"http://www.djangoproject.com/\">www.djangoproj…</a>'``.\n"
    assert not worth_checking(page, "text", SpamOptions(), None)
    assert check(page, "text", SpamOptions(), None) == []
    lookalike = "Read it on www.djangоproject.com… today.\n"  # a Cyrillic о in the host
    assert worth_checking(lookalike, "text", SpamOptions(), None)
    assert [f.code for f in check_spam(lookalike, "text")] == ["HL304"]


# The ``hidden`` attribute spelled every way an HTML reader takes it (styles.attributes), and
# the words that only look like it.
HIDDEN_SPELLINGS = st.sampled_from(
    [
        "<div hidden>", "<div HIDDEN>", '<div hidden="">', "<section hidden=hidden>",
        '<div class="note"hidden>', "<div/hidden>", "<p\thidden\n>", "<span Hidden >",
    ]
)  # fmt: skip
NOT_HIDDEN = st.sampled_from(
    [
        '<span aria-hidden="true">', '<div class="visually-hidden">', '<div data-hidden="x">',
        '<div class="hidden">', "<div>hidden</div><div>", '<div title="a hidden gem">',
    ]
)  # fmt: skip
README_TOP = "# Widget\n\nA small library. See the [guide](https://docs.example.org/guide).\n\n"


@settings(max_examples=100, deadline=None)
@given(st.one_of(HIDDEN_SPELLINGS, NOT_HIDDEN), st.sampled_from(["markdown", "html"]))
def test_the_prefilter_keeps_a_link_in_an_element_hidden_by_its_attribute(
    opening: str, kind: str
) -> None:
    text = README_TOP + f'{opening}\n<a href="https://spam-shop.example/buy">deals</a>\n</div>\n'
    full = check(text, kind, SpamOptions(), None)
    assert check_spam(text, kind) == full


def test_a_hidden_element_hides_its_link_and_a_tab_panel_does_not() -> None:
    # An ASCII README whose only oddity is a link inside <div hidden>: reported (the prefilter
    # used to look only at style attributes). The near miss: the same link in a tab panel of a
    # page's tabs (WAI-ARIA), hidden until its tab is chosen.
    hidden = (
        README_TOP + '<div hidden>\n<a href="https://spam-shop.example/buy">deals</a>\n</div>\n'
    )
    assert [f.code for f in check_spam(hidden, "markdown")] == ["HL307"]
    tabs = (
        README_TOP
        + '<button role="tab" id="tab-uber" aria-controls="panel-uber">Uber</button>\n'
        + '<div id="panel-uber" role="tabpanel" aria-labelledby="tab-uber" hidden>\n'
        + '<a href="https://www.uber.example/blog/ludwig/">(ref)</a>\n</div>\n'
    )
    assert check_spam(tabs, "markdown") == []
    assert check(tabs, "markdown", SpamOptions(), None) == []
