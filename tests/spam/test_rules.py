"""The spam rules HL301–HL311, one table per rule: each case that must be reported sits next to
a near miss that must stay silent.

Every case is also checked through the full path alone (no prefilter): the prefilter may only
ever skip files the full check would have passed.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from hooklint.spam import SpamOptions, check_spam
from hooklint.spam.rules import check


class Case(NamedTuple):
    text: str
    expected: tuple[tuple[str, int, int], ...]  # (code, line, col) of every finding, in order
    kind: str = "markdown"
    options: SpamOptions = SpamOptions()
    regions: tuple[tuple[int, int], ...] | None = None
    says: str = ""  # a fragment the first message must contain


def _run(case: Case) -> list[tuple[str, int, int]]:
    found = check_spam(case.text, case.kind, case.options, case.regions)
    full = check(case.text, case.kind, case.options, case.regions)
    assert found == full, "the prefilter skipped a file the full check reports"
    if case.says:
        assert found, "expected a finding"
        assert case.says in found[0].message, found[0].message
    return [(f.code, f.line, f.col) for f in found]


def _cases(table: dict[str, Case]) -> pytest.MarkDecorator:
    return pytest.mark.parametrize("case", list(table.values()), ids=list(table))


# ------------------------------------------------------------------------------------ HL301

HL301 = {
    "template": Case(
        "Intro.\n\nIf you adored this short article and you would like to receive more info "
        "regarding [Cheap Flights Istanbul](https://flights.example/) kindly visit our own "
        "web-site.\n",
        (("HL301", 3, 1),),
        says="anchor 'Cheap Flights Istanbul'",
    ),
    "near-miss-bug-reports": Case("Please visit our website for bug reports.\n", ()),
    "template-with-lookalikes": Case(
        "If you \u0430dored this post and you wish to obtain more facts concerning Bursa Real "
        "Estate, please check out our web s\u0456te.\n",
        (("HL301", 1, 1),),
        says="written with lookalike letters",
    ),
    "near-miss-support-me": Case(
        "If you liked this article and want to support me, buy me a coffee.\n", ()
    ),
    "template-split-in-comment-block": Case(
        "x = 1\n# If you enjoyed this post and you would like to get more\n"
        "# details about cheap flights please visit the web page.\ny = 2\n",
        (("HL301", 2, 3),),
        kind="text",
        regions=((6, 119),),
    ),
    "near-miss-template-outside-regions": Case(
        "x = 1\n# If you enjoyed this post and you would like to get more\n"
        "# details about cheap flights please visit the web page.\ny = 2\n",
        (),
        kind="text",
        regions=((0, 5),),
    ),
    "where-and-how": Case(
        "If you have any questions regarding where and how to use Ankara real estate, you "
        "can contact us at our own web-page.\n",
        (("HL301", 1, 1),),
        says="anchor 'Ankara real estate'",
    ),
    "near-miss-contact-forum": Case(
        "If you have questions about how to use quickbuild, you can contact us at our forum.\n",
        (),
    ),
    "here-is-more": Case(
        "Here's more information regarding fidget spinners, look at our own site.\n",
        (("HL301", 1, 1),),
    ),
    "near-miss-here-is-more": Case(
        "Here is more information about the release; see our blog.\n", ()
    ),
    "signature-surf": Case(
        "Great post.\n\nFeel free to surf to my web page; [bodrum boat tours](https://boats.example/)\n",
        (("HL301", 3, 1),),
        says="anchor 'bodrum boat tours'",
    ),
    "near-miss-visit-my-blog": Case("Feel free to visit my blog for more Python tips.\n", ()),
    "signature-homepage": Case(
        "my homepage :: [cheap jerseys](https://jerseys.example/)\n",
        (("HL301", 1, 1), ("HL306", 1, 17)),
        says="anchor 'cheap jerseys'",
    ),
    "weblog-and-very-own": Case(
        "When you enjoyed this post and you want to get more details regarding Izmir hotels, "
        "please stop by our very own weblog.\n",
        (("HL301", 1, 1),),
        says="anchor 'Izmir hotels'",
    ),
    "near-miss-project-homepage": Case(
        "See the project homepage: https://quickbuild.dev/ for news.\n", ()
    ),
    "allowed-phrase": Case(
        "If you enjoyed this post and you would like to get more details about Acme Cloud "
        "please visit our web page.\n",
        (),
        options=SpamOptions(allow_phrases=("more details about Acme Cloud",)),
    ),
}


@_cases(HL301)
def test_hl301_spun_template(case: Case) -> None:
    assert _run(case) == list(case.expected)


# ------------------------------------------------------------------------------------ HL302

_STUFFED = (
    "The council met Mayor Bodrum Yacht Charter Ahmet Aksu on Monday.\n\n"
    "The [Bodrum Yacht Charter](https://deals-travel.example/) report covered the roads, and "
    "the Bodrum Yacht Charter schools reopened in May.\n"
)
HL302 = {
    "stuffed-and-linked": Case(
        _STUFFED,
        (("HL302", 1, 23), ("HL302", 3, 6), ("HL302", 3, 93)),
        says="linked to the unrelated site 'deals-travel.example'",
    ),
    "near-miss-same-phrase-own-site": Case(
        _STUFFED.replace("deals-travel.example", "bodrumyachtcharter.example"), ()
    ),
    "template-anchor-repeated": Case(
        "Bursa Real Estate prices rose.\n\nIf you loved this post and you would like to get "
        "more details regarding Bursa Real Estate please visit our own web page.\n",
        (("HL302", 1, 1), ("HL301", 3, 1)),
    ),
    "near-miss-company-names": Case(
        "[Red Hat](https://www.redhat.com/) ships Red Hat Enterprise Linux. Red Hat Satellite "
        "manages it, and the Red Hat Ansible Automation Platform automates it.\n",
        (),
    ),
    "near-miss-law-firm": Case(
        "We are a Turkish law firm in Istanbul. As a Turkish law firm we publish articles; "
        "every Turkish law firm partner reviews them. See "
        "[our site](https://yilmaz.example/).\n",
        (),
    ),
}


@_cases(HL302)
def test_hl302_stuffed_phrase(case: Case) -> None:
    assert _run(case) == list(case.expected)


# ------------------------------------------------------------------------------------ HL303

HL303 = {
    "url-text-other-host": Case(
        "Get it from [https://github.com/psf/requests](https://requests-download.example.net/"
        "setup.zip).\n",
        (("HL303", 1, 14),),
        says="names the host 'github.com' but the link goes to 'requests-download.example.net'",
    ),
    "near-miss-www-and-path": Case(
        "[www.python.org](https://python.org/downloads/) and "
        "[docs.python.org/3/](https://docs.python.org/3/library/)\n",
        (),
    ),
    "bare-domain-text": Case(
        "Sign in at [paypal.com](https://paypal.com.account-check.example/).\n",
        (("HL303", 1, 13),),
    ),
    "near-miss-file-names": Case(
        "[README.md](https://github.com/a/b/blob/main/README.md), "
        "[setup.py](https://github.com/a/b/blob/main/setup.py), "
        "[community.general](https://github.com/ansible-collections/community.general)\n",
        (),
    ),
    "html-anchor": Case(
        '<p><a href="https://evil.example/">https://www.paypal.com/signin</a></p>\n',
        (("HL303", 1, 36),),
        kind="html",
    ),
    "near-miss-project-named-like-a-domain": Case(
        "[socket.io](https://github.com/socketio/socket.io) and "
        "[Postgres.app](https://postgresapp.com/)\n",
        (),
    ),
    "rst-link": Case(
        "Download from `github.com/psf/requests <https://evil.example/x.zip>`_ today.\n",
        (("HL303", 1, 16),),
        kind="rst",
    ),
    "near-miss-code-span-setting": Case(
        "Set [`theme.name`][theme] to `mkdocs` (see [`site.name`](https://docs.example.org/)).\n"
        "\n[theme]: https://www.mkdocs.example/user-guide/configuration/#name\n",
        (),
    ),
    "url-in-a-code-span": Case(
        "Clone [`https://github.com/psf/requests`](https://requests-mirror.example.net/r.git)\n",
        (("HL303", 1, 8),),
    ),
    "near-miss-idna-same-host": Case(
        "[bücher.de](https://xn--bcher-kva.de/) and [web.archive.org copy of example.com]"
        "(https://web.archive.org/web/2020/https://example.com/)\n",
        (),
    ),
}


@_cases(HL303)
def test_hl303_text_names_other_host(case: Case) -> None:
    assert _run(case) == list(case.expected)


# ------------------------------------------------------------------------------------ HL304

_WHOLE_SCRIPT = "\u0455\u0441\u043e\u0440\u0435"  # ѕ с о р е: Cyrillic letters that read "scope"
HL304 = {
    "punycode-mixed": Case(
        "Log in at https://xn--pple-43d.com/login to continue.\n",
        (("HL304", 1, 11),),
        says="decodes to '\u0430pple.com'",
    ),
    "near-miss-single-script-idn": Case(
        "Books from https://bücher.de/ and https://xn--bcher-kva.de/neu\n", ()
    ),
    "raw-unicode-host": Case("[Apple](https://\u0430pple.com/)\n", (("HL304", 1, 9),)),
    "near-miss-code-span": Case("The example `https://xn--pple-43d.com` shows a homograph.\n", ()),
    "whole-script-lookalike": Case(
        "Visit https://xn--" + _WHOLE_SCRIPT.encode("punycode").decode() + ".com/ now.\n",
        (("HL304", 1, 7),),
        says="written in lookalikes of 'scope'",
    ),
    "near-miss-cyrillic-rf-in-russian": Case(
        "Сайт сообщества: [пример](https://пример.рф/) и https://сайт.рф/новости\n", ()
    ),
    "near-miss-turkish-dotless-i": Case("Bakınız https://kırmızı.com.tr/ adresi.\n", ()),
}


@_cases(HL304)
def test_hl304_homograph_host(case: Case) -> None:
    assert _run(case) == list(case.expected)


# ------------------------------------------------------------------------------------ HL305

HL305 = {
    "download-behind-shortener": Case(
        "[Download the installer](https://bit.ly/3xAmpl3)\n",
        (("HL305", 1, 26),),
        says="behind the download-looking text 'Download the installer'",
    ),
    "near-miss-official-shortener": Case(
        "[Download the SDK](https://aka.ms/sdk) or https://go.microsoft.com/fwlink/?linkid=1, "
        "https://youtu.be/abc, https://forms.gle/xyz\n",
        (),
    ),
    "bare-shortener": Case("More at https://tinyurl.com/y7abc2\n", (("HL305", 1, 9),)),
    "near-miss-allowed-shortener": Case(
        "More at https://bit.ly/acme-news\n",
        (),
        options=SpamOptions(allow_shorteners=frozenset({"bit.ly"})),
    ),
    "redirector": Case(
        "[docs](https://www.google.com/url?q=https://evil.example/&sa=D)\n",
        (("HL305", 1, 8),),
        says="real target 'https://evil.example/'",
    ),
    "near-miss-badge-endpoint": Case(
        "![status](https://img.shields.io/endpoint?url=https%3A%2F%2Fexample.org%2Fb.json)\n",
        (),
    ),
}


@_cases(HL305)
def test_hl305_shortener(case: Case) -> None:
    assert _run(case) == list(case.expected)


# ------------------------------------------------------------------------------------ HL306

HL306 = {
    "essays": Case(
        "Stuck? [buy essay online cheap](https://essays-fast.example/)\n",
        (("HL306", 1, 9),),
        says="(essay writing)",
    ),
    "near-miss-monte-carlo": Case(
        "The [Casino de Monte-Carlo](https://en.wikipedia.org/wiki/Monte_Carlo_Casino) opened "
        "in 1863; see also [Slot machine](https://en.wikipedia.org/wiki/Slot_machine).\n",
        (),
    ),
    "gambling-indonesian": Case(
        "[slot gacor hari ini](https://links.example/)\n", (("HL306", 1, 2),), says="gambling"
    ),
    "near-miss-drugbank": Case(
        "[Tramadol](https://go.drugbank.com/drugs/DB00193) is an opioid.\n", ()
    ),
    "diploma-russian": Case(
        "[купить диплом](https://diplom.example/)\n", (("HL306", 1, 2),), says="diplomas"
    ),
    "near-miss-russian-diploma-word": Case(
        "Мой [диплом](https://github.com/me/thesis) о компиляторах.\n", ()
    ),
    "pharma-call-to-buy": Case(
        "[cheap viagra without prescription](https://rx.example/)\n", (("HL306", 1, 2),)
    ),
    "near-miss-pharmacy-word": Case(
        "The [pharmacy module](https://github.com/acme/hospital/tree/main/pharmacy) ships.\n",
        (),
    ),
    "support-number": Case(
        "[QuickBooks Support Phone Number +1-888-555-0199](https://help.example/)\n",
        (("HL306", 1, 2),),
    ),
    "near-miss-issue-number": Case(
        "Fixed in [#18885550199](https://github.com/acme/app/pull/18885550199).\n", ()
    ),
    "backlinks": Case("[buy dofollow backlinks](https://links.example/)\n", (("HL306", 1, 2),)),
    "near-miss-allowed-phrase": Case(
        "[SEO services](https://agency.example/)\n",
        (),
        options=SpamOptions(allow_phrases=("SEO services",)),
    ),
    "airdrop": Case("[Claim your airdrop](https://wallet.example/)\n", (("HL306", 1, 2),)),
    "keyword-domain": Case(
        "Results: https://slot-gacor-88.example/ today\n",
        (("HL306", 1, 10),),
        says="keyword domain 'slot-gacor-88.example'",
    ),
    "near-miss-replicated": Case("Deploy with https://www.replicated.com/ today\n", ()),
    "escorts": Case("[Istanbul escorts](https://vip.example/)\n", (("HL306", 1, 2),)),
    "loans": Case("[payday loans online](https://cash.example/)\n", (("HL306", 1, 2),)),
    "replicas": Case("[replica rolex watches](https://watch.example/)\n", (("HL306", 1, 2),)),
    "turkish-betting": Case("[canlı bahis siteleri](https://bet.example/)\n", (("HL306", 1, 2),)),
}


@_cases(HL306)
def test_hl306_commercial_anchor(case: Case) -> None:
    assert _run(case) == list(case.expected)


# ------------------------------------------------------------------------------------ HL307

HL307 = {
    "display-none": Case(
        'Text <a href="https://pills.example/" style="display:none">cheap pills</a>\n',
        (("HL307", 1, 15),),
        says="(display:none)",
    ),
    "near-miss-skip-link": Case(
        '<a href="#content" style="position:absolute;left:-9999px">Skip to content</a>\n', ()
    ),
    "off-screen-container": Case(
        '<div style="position:absolute; left:-9999px">\n\n'
        '<a href="https://casino.example/">casino</a>\n\n</div>\n',
        (("HL307", 3, 10),),
        says="inside an element hidden by its style",
    ),
    "near-miss-nofollow": Case('<a href="https://x.example/" rel="nofollow noopener">x</a>\n', ()),
    "dofollow": Case(
        '<a href="https://site.example/" rel="dofollow">site</a>\n',
        (("HL307", 1, 10),),
        says='rel="dofollow"',
    ),
    "near-miss-plain-title": Case(
        '<a href="https://docs.example/" title="Open the documentation">docs</a>\n', ()
    ),
    "stuffed-title": Case(
        '<a href="https://x.example/" title="best casino, online casino, casino bonus, free '
        'spins">x</a>\n',
        (("HL307", 1, 10),),
        says="keyword-stuffed title",
    ),
    "font-size-zero": Case(
        '<p>Read <span style="font-size:0"><a href="https://loans.example/">loans</a></span></p>\n',
        (("HL307", 1, 44),),
        kind="html",
    ),
    "text-coloured": Case(
        '<a href="https://x.example/" style="color:#ffffff;background-color:#ffffff">x</a>\n',
        (("HL307", 1, 10),),
    ),
}


@_cases(HL307)
def test_hl307_hidden_link(case: Case) -> None:
    assert _run(case) == list(case.expected)


# ------------------------------------------------------------------------------------ HL308

_DENY = SpamOptions(deny_patterns=(r"cheap-widgets\.example", r"\bspam-?links\b"))
HL308 = {
    "denied": Case(
        "[widgets](https://www.cheap-widgets.example/offer)\n",
        (("HL308", 1, 11),),
        options=_DENY,
        says="deny-list pattern 'cheap-widgets\\.example'",
    ),
    "near-miss-other-domain": Case("[pills](https://pills.example.org/)\n", (), options=_DENY),
    "denied-subdomain": Case(
        "See https://www.spamlinks.example.net/x\n", (("HL308", 1, 5),), options=_DENY
    ),
    "near-miss-allowed-domain": Case(
        "See https://spamlinks.example.net/x\n",
        (),
        options=_DENY._replace(allow_domains=frozenset({"spamlinks.example.net"})),
    ),
}


@_cases(HL308)
def test_hl308_deny_list(case: Case) -> None:
    assert _run(case) == list(case.expected)


# ------------------------------------------------------------------------------------ HL309

HL309 = {
    "amazon-tag": Case(
        "[the book](https://www.amazon.com/dp/0000000000?tag=someone-20)\n",
        (("HL309", 1, 12),),
        says="'tag=someone-20'",
    ),
    "near-miss-utm-only": Case(
        "[site](https://example.com/?utm_source=readme&utm_medium=badge&utm_campaign=x)\n", ()
    ),
    "amazon-path-ref": Case(
        "https://www.amazon.de/gp/product/B000/ref=as_li_tl?ie=UTF8\n", (("HL309", 1, 1),)
    ),
    "near-miss-own-domain": Case(
        "[our shop](https://shop.quickbuild.dev/?tag=oss-20&aff_id=7)\n",
        (),
        options=SpamOptions(own_domains=frozenset({"quickbuild.dev"})),
    ),
    "aff-id": Case("[hosting](https://host.example/?aff_id=1234)\n", (("HL309", 1, 11),)),
    "near-miss-git-ref": Case(
        "[tree](https://github.com/a/b/tree/main?ref=main) and [blog](https://blog.example/?tag=python)\n",
        (),
    ),
    "near-miss-disclosed-referral-badge": Case(
        "[![DigitalOcean Referral Badge](https://badge.example/do.svg)]"
        "(https://www.digitalocean.com/?refcode=0a1b2c&utm_source=badge)\n",
        (),
    ),
}


@_cases(HL309)
def test_hl309_affiliate_tag(case: Case) -> None:
    assert _run(case) == list(case.expected)


# ------------------------------------------------------------------------------------ HL310

_COMMENT_FORM = (
    "Great trip.\n\nLeave a Reply\n\n"
    "Your email address will not be published. Required fields are marked *\n"
)
HL310 = {
    "comment-form": Case(_COMMENT_FORM, (("HL310", 3, 1),), says="'Leave a Reply'"),
    "near-miss-po-catalogue": Case(
        'msgid "Leave a Reply"\nmsgstr "Yorum yapın"\n\n'
        'msgid "Your email address will not be published."\n'
        'msgstr "E-posta adresiniz yayınlanmayacak."\n\n'
        'msgid "Required fields are marked %s"\n'
        'msgstr "Gerekli alanlar %s ile işaretlenmişlerdir"\n',
        (),
        kind="po",
    ),
    "sharing-labels": Case(
        "Share this:\n\n- Twitter\n- Facebook\n\nLike this:\n\nLike Loading...\n",
        (("HL310", 1, 1),),
    ),
    "near-miss-like-this": Case("Call it like this:\n\n```\nrun()\n```\n", ()),
    "near-miss-in-code-block": Case(
        "```\nLeave a Reply\nYour email address will not be published.\n```\n", ()
    ),
}


@_cases(HL310)
def test_hl310_boilerplate(case: Case) -> None:
    assert _run(case) == list(case.expected)


# ------------------------------------------------------------------------------------ HL311

HL311 = {
    "two-groups": Case(
        "I {adored|loved|liked} this {post|article}.\n",
        (("HL311", 1, 3), ("HL311", 1, 29)),
        says="'{adored|loved|liked}'",
    ),
    "near-miss-code-span": Case("Run `service app {start|stop|restart}`.\n", ()),
    "greeting": Case("{Hi|Hello} there, what a read!\n", (("HL311", 1, 1),)),
    "near-miss-usage-line": Case("Usage: service app {start|stop|restart}\n", ()),
    "multi-word-alternative": Case(
        "It was a {short article|write-up} about boats.\n", (("HL311", 1, 10),)
    ),
    "near-miss-fenced-shell": Case("```sh\nmv file.{txt|md} out/\necho {a,b}\n```\n", ()),
    "near-miss-template-braces": Case("Use {{ value|default }} in templates.\n", ()),
}


@_cases(HL311)
def test_hl311_spintax(case: Case) -> None:
    assert _run(case) == list(case.expected)
