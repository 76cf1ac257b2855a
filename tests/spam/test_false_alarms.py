"""False alarms of the spam rules that a rule now explains away, each beside the spam it must
still catch. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from hooklint.spam import SpamOptions, check_spam
from hooklint.spam.rules import check

NONE = SpamOptions()


def codes(text: str, kind: str = "markdown", options: SpamOptions = NONE) -> set[str]:
    found = check_spam(text, kind, options)
    # The prefilter never drops what the full check reports.
    assert {f.code for f in check(text, kind, options, None)} <= {f.code for f in found}
    return {f.code for f in found}


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # HL305: a short code on a shortener is still reported ...
        ("Get the tool [here](https://bit.ly/3xYz9Qa).\n", "markdown", {"HL305"}),
        # ... but not the shortener's own documentation, a chat invite, or a share button.
        ("| Bitly | [docs](https://dev.bitly.com/get_started.html) |\n", "markdown", set()),
        ("| Cuttly | [API](https://cutt.ly/api-documentation/links-api) |\n", "markdown", set()),
        ("Questions? Ask in [our Discord](https://bit.ly/3kQ8pLm).\n", "markdown", set()),
        ("Join at [bit.ly/acme-slack](https://bit.ly/acme-slack).\n", "markdown", set()),
        (
            '<a href="https://t.me/share/url?url=https://github.com/acme/widget">Share</a>\n',
            "html",
            set(),
        ),
        # A redirector that forwards elsewhere still is one.
        (
            "[docs](https://example.net/out?url=https://cheap-stuff.example/x)\n",
            "markdown",
            {"HL305"},
        ),
        # Look-alike shortener hosts and self-hosted YOURLS paths.
        ("Watch it [here](https://tinyurls.click/8Qz2) now.\n", "markdown", {"HL305"}),
        ("More at https://somemagazine.example/yourls/4kd\n", "markdown", {"HL305"}),
        # A subreddit is not a short code.
        ("Discuss on [reddit](https://www.reddit.com/r/python/).\n", "markdown", set()),
    ],
    ids=[
        "bitly-code",
        "shortener-own-docs",
        "shortener-api-page",
        "discord-invite",
        "slack-invite-shown",
        "telegram-share-intent",
        "redirector",
        "lookalike-shortener",
        "yourls-path",
        "subreddit",
    ],
)
def test_shorteners(text: str, kind: str, expected: set[str]) -> None:
    assert codes(text, kind) & {"HL305"} == expected


HIDDEN_TAGS = """<article>
<p>Posted in <a href="https://news.example/category/security/">Security</a> by
<a href="https://news.example/author/jo/">Jo</a>.</p>
<span style="display:none"><a href="https://news.example/tag/tor/" rel="tag">tor</a>
<a href="https://news.example/tag/privacy/" rel="tag">privacy</a></span>
</article>
"""
HIDDEN_FOREIGN = """<footer><p>Theme by us.</p>
<div style="position:absolute;left:-99%">
<a href="https://slider-vendor.example/">jquery carousel</a></div>
</footer>
"""
HIDDEN_OWNER_BUTTON = """<ul>
<li><a href="/jo/widget/watchers">Watchers</a></li>
<li><a href="/jo/widget/network">Network</a></li>
<li style="display:none"><a href="https://code.example/jo/widget/admin">Admin</a></li>
</ul>
"""


def test_hidden_same_site_passes_and_foreign_offscreen_is_reported() -> None:
    assert "HL307" not in codes(HIDDEN_TAGS, "html")
    assert "HL307" not in codes(HIDDEN_OWNER_BUTTON, "html")
    assert "HL307" in codes(HIDDEN_FOREIGN, "html")
    # The same off-screen trick written in pixels, and with text-indent.
    assert "HL307" in codes(HIDDEN_FOREIGN.replace("left:-99%", "text-indent:-9999px"), "html")


MOBILE_MENU = """<nav class="site-header">
  <a class="logo" href="/">Lantern</a>
  <div class="mobile-menu" style="display: none">
    <ul>
      <li><a href="https://lantern-docs.example/guide/"><img src="g.svg" alt=""> Guide</a></li>
      <li><a href="https://github.example/lantern/lantern">Source</a></li>
    </ul>
  </div>
</nav>
"""


@pytest.mark.parametrize(
    ("hiding", "reported"),
    [
        ('class="mobile-menu" style="display: none"', False),
        ('id="nav-drawer" hidden', False),
        ('class="dropdown_menu" style="visibility:hidden"', False),
        # No widget named: a hiding place.
        ('class="footer-extra" style="display: none"', True),
        # A widget's name does not excuse an off-screen trick.
        ('class="mobile-menu" style="position:absolute; left:-9999px"', True),
    ],
    ids=["mobile-menu", "drawer", "dropdown", "no-widget", "widget-offscreen"],
)
def test_a_menu_a_script_opens_is_no_hidden_link(hiding: str, reported: bool) -> None:
    text = MOBILE_MENU.replace('class="mobile-menu" style="display: none"', hiding)
    assert ("HL307" in codes(text, "html")) is reported


def test_hidden_tag_link_to_another_site_is_still_reported() -> None:
    text = HIDDEN_TAGS.replace("https://news.example/tag/tor/", "https://pills.example/buy/")
    assert "HL307" in codes(text, "html")


SIGN_OFF = (
    "Thanks for reading! Also, feel free to visit my webpage "
    "[*https://jo-writes.example*](https://www.jo-writes.example/).\n"
)
SPAM_SIGNATURE = (
    "Great post. Feel free to surf to my web site - [CheapWidgets](https://shop.example/)\n"
)


def test_own_sign_off_is_not_a_spam_signature() -> None:
    assert "HL301" not in codes(SIGN_OFF)
    assert "HL301" in codes(SPAM_SIGNATURE)


RECAP = """# Conference recap

Day one opened with [Dana Whitfield](https://twitter.com/danawhit), who introduced
Chief Host Officer [Dana Whitfield](https://twitter.com/danawhit) and the schedule.

Thank you [Dana Whitfield](https://twitter.com/danawhit) for hosting, and to everyone
who gave a talk.
"""


def test_person_linked_to_profile_is_not_stuffing() -> None:
    assert "HL302" not in codes(RECAP)
    stuffed = RECAP.replace("https://twitter.com/danawhit", "https://cheap-loans.example/apply")
    stuffed = stuffed.replace("Dana Whitfield", "Quick Cash Loans")
    assert "HL302" in codes(stuffed)


FORM_TEMPLATE = """<div id="respond"><h3>Leave a Reply</h3>
<a href="#" style="display:none">Cancel reply</a>
<form id="commentform"><p>Your email address will not be published. Required fields are
marked *</p><textarea name="comment"></textarea></form></div>
"""
SCRAPED = """Nice article about parsers.

Leave a Reply

Your email address will not be published. Required fields are marked *
"""
CATALOGUE_QUOTE = """The plugin reads entries such as:

    msgid "Leave a reply"
    msgstr "Laisser un commentaire"

and "Cancel reply", "Your email address will not be published".
"""


def test_boilerplate_not_in_form_templates_or_catalogue_quotes() -> None:
    assert "HL310" not in codes(FORM_TEMPLATE, "html")
    assert "HL310" not in codes(CATALOGUE_QUOTE, "text")
    assert "HL310" in codes(SCRAPED, "markdown")


JSDOC = """/**
 * Formats a value.
 * @param {string|number|Array} value the value
 * @returns {String|Object} the text
 */
"""
SPUN = "We {adored|loved|liked} this {short article|post|write-up} a lot.\n"


def test_type_unions_are_not_spintax() -> None:
    regions = [(0, len(JSDOC))]
    assert not [f for f in check_spam(JSDOC, "text", SpamOptions(), regions) if f.code == "HL311"]
    assert "HL311" not in codes("See {string|number|boolean} for the types.\n", "text")
    assert "HL311" in codes(SPUN, "text")


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("- [Keygen](https://keygen.example/) - Software licensing API. `Proprietary`\n", False),
        ("See [ssh-keygen](https://man.example/ssh-keygen.1) for the options.\n", False),
        ("Grab [Photoshop crack keygen free](https://soft-warez.example/ps) now.\n", True),
        ("Get the [keygen download](https://soft-warez.example/ps) here.\n", True),
    ],
    ids=["product", "ssh-keygen", "crack-keygen", "keygen-download"],
)
def test_a_key_generator_is_no_cracked_software_alone(text: str, reported: bool) -> None:
    # ssh-keygen, tarsnap-keygen, a licensing service called Keygen: key generators are tools;
    # cracked software is sold with "crack", "serial" or "free download" beside the word.
    assert ("HL306" in codes(text)) is reported


THREAD = """Posted by [{name}](https://roofing.example/)

{body}
"""


@pytest.mark.parametrize(
    ("body", "reported"),
    [
        ("Great informative post, thanks admin! I will bookmark it.", True),
        ("Nice and useful article.", True),
        (
            "Each box takes an option that makes it collapsible. This can be useful for content "
            "that is not always relevant.",
            False,
        ),
    ],
    ids=["praise", "praise-with-and", "useful-for-content"],
)
def test_praise_is_an_adjective_before_the_page_it_praises(body: str, reported: bool) -> None:
    text = THREAD.format(name="Best Miami Roof Repair Services", body=body)
    assert ("HL301" in codes(text)) is reported


@pytest.mark.parametrize(
    ("phrase", "reported"),
    [
        ("dental implants cost", True),
        ("emergency plumbing service", True),
        ("Service Quotas", False),
        ("Company settings", False),
    ],
    ids=["dental", "plumbing", "service-quotas", "company-settings"],
)
def test_a_phrase_linked_again_is_stuffing_by_its_trade(phrase: str, reported: bool) -> None:
    # A product's documentation links its own feature names again and again; "service" and
    # "company" are parts of every product, a trade is named by what it sells.
    line = f"See [{phrase}](https://docs.cloud.example/quotas/) for details.\n\n"
    assert ("HL302" in codes(line * 3)) is reported
