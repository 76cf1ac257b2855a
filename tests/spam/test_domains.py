"""Hosts and URLs: parsing, IDNA, registrable domains, and the host lists behind the link rules,
each case beside the near miss that must not be confused with it."""

from __future__ import annotations

import pytest

from hooklint.spam import domains, phrases


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://Docs.Python.org:443/3/?q=1#x", "docs.python.org"),
        ("//cdn.example.net/lib.js", "cdn.example.net"),
        ("www.example.com/path", "www.example.com"),
        ("http://user:pw@example.org/", "example.org"),
        ("https://bücher.de/", "bücher.de"),
        ("https://example.com./", "example.com"),
    ],
    ids=["port-query-fragment", "protocol-relative", "www", "userinfo", "unicode", "root-dot"],
)
def test_parse_url(url: str, host: str) -> None:
    parsed = domains.parse_url(url)
    assert parsed is not None
    assert parsed.host == host


@pytest.mark.parametrize(
    "url",
    [
        "docs/README.md",
        "mailto:someone@example.org",
        "javascript:alert(1)",
        "https://localhost/",
        "https://[::1]/",
        "https://" + "a." * 200 + "com/",
        "https://bad_label-.example/",
    ],
    ids=["relative", "mailto", "javascript", "single-label", "ipv6", "too-long", "bad-label"],
)
def test_parse_url_rejects(url: str) -> None:
    assert domains.parse_url(url) is None


@pytest.mark.parametrize(
    ("host", "decoded"),
    [
        ("xn--pple-43d.com", "\u0430pple.com"),
        ("xn--bcher-kva.de", "bücher.de"),
        ("example.com", "example.com"),
        ("xn--zzzzzzzzzzz.com", None),
    ],
    ids=["mixed-script", "single-script", "ascii", "undecodable"],
)
def test_decode_host(host: str, decoded: str | None) -> None:
    assert domains.decode_host(host) == decoded


@pytest.mark.parametrize(
    ("host", "registrable"),
    [
        ("docs.python.org", "python.org"),
        ("a.b.example.co.uk", "example.co.uk"),
        ("user.github.io", "user.github.io"),
        ("пример.рф", "пример.рф"),
        ("thing.invalid-tld-xyz", "thing.invalid-tld-xyz"),
    ],
    ids=["subdomain", "two-level-suffix", "private-suffix", "idn-tld", "unknown-suffix"],
)
def test_registrable(host: str, registrable: str) -> None:
    assert domains.registrable(host) == registrable


@pytest.mark.parametrize(
    ("host", "trade"),
    [
        ("slot-gacor-88.example", "gambling"),
        ("www.buyessayonline.example", "essay writing"),
        ("cheap-viagra-pills.example.co.uk", "pharmacy"),
        ("istanbul-escorts.example", "escorts"),
        ("fastpaydayloans.example", "payday loans"),
        ("replica-watches.example", "replica goods"),
        ("buy-backlinks-now.example", "SEO link selling"),
        ("claim-airdrop.example", "crypto airdrops"),
        ("casino-de-monte-carlo.com", None),
        ("www.replicated.com", None),
        ("escortsgroup.com", None),
        ("essayist.example", None),
        ("judith.example", None),
    ],
    ids=[
        "gambling",
        "essays",
        "pharma",
        "escorts",
        "loans",
        "replicas",
        "seo",
        "crypto",
        "near-miss-casino-alone",
        "near-miss-replicated",
        "near-miss-escorts-group",
        "near-miss-essayist",
        "near-miss-judith",
    ],
)
def test_keyword_domain(host: str, trade: str | None) -> None:
    assert domains.keyword_domain(host) == trade


@pytest.mark.parametrize(
    ("url", "tag"),
    [
        ("https://www.amazon.com/dp/1?tag=name-20", "tag=name-20"),
        ("https://amazon.co.uk/dp/1/ref=as_li_ss_tl?x=1", "ref=as_li_ss_tl"),
        ("https://shop.example/?utm_source=x&aff_id=9", "aff_id=9"),
        ("https://click.linksynergy.com/deeplink?id=1", "affiliate network linksynergy.com"),
        ("https://blog.example/?tag=python", None),
        ("https://github.com/a/b?ref=main", None),
        ("https://example.com/?utm_source=a&utm_medium=b&utm_campaign=c", None),
    ],
    ids=["amazon-tag", "amazon-path", "aff-id", "network", "blog-tag", "git-ref", "utm-only"],
)
def test_affiliate_tag(url: str, tag: str | None) -> None:
    parsed = domains.parse_url(url)
    assert parsed is not None
    assert domains.affiliate_tag(parsed) == tag


@pytest.mark.parametrize(
    ("host", "path", "name"),
    [
        ("bit.ly", "/x", "bit.ly"),
        ("www.tinyurl.com", "/x", "tinyurl.com"),
        ("aka.ms", "/x", None),
        ("go.microsoft.com", "/fwlink/?linkid=1", None),
        ("go.microsoft.com", "/other", None),
        ("youtu.be", "/x", None),
    ],
    ids=["bitly", "tinyurl-www", "aka-ms", "fwlink", "microsoft-other", "youtu-be"],
)
def test_shortener(host: str, path: str, name: str | None) -> None:
    assert domains.shortener(host, path, frozenset()) == name


def test_allowed_shortener() -> None:
    assert domains.shortener("bit.ly", "/x", frozenset({"bit.ly"})) is None


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("https://www.google.com/url?q=https://evil.example/&sa=D", "https://evil.example/"),
        ("https://l.facebook.com/l.php?u=https%3A%2F%2Fx.example%2F", "https://x.example/"),
        ("https://out.example/redirect?url=https://x.example", "https://x.example"),
        ("https://img.shields.io/endpoint?url=https://x.example/b.json", None),
        ("https://accounts.example/login?return_to=https://x.example", None),
    ],
    ids=["google-url", "facebook", "generic-redirect", "near-miss-badge", "near-miss-login"],
)
def test_redirect_target(url: str, target: str | None) -> None:
    parsed = domains.parse_url(url)
    assert parsed is not None
    assert domains.redirect_target(parsed) == target


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("https://github.com/psf/requests", "github.com"),
        ("www.Python.org", "www.python.org"),
        ("paypal.com", "paypal.com"),
        ("<https://example.org>", "example.org"),
        ("README.md", None),
        ("setup.py", None),
        ("community.general", None),
        ("Socket.IO", None),
        ("`example.com`", None),
        ("the example.com site", None),
        ("v1.2.3", None),
    ],
    ids=[
        "url",
        "www-mixed-case",
        "bare-domain",
        "angle-brackets",
        "near-miss-readme",
        "near-miss-setup-py",
        "near-miss-collection",
        "near-miss-product",
        "near-miss-code",
        "near-miss-sentence",
        "near-miss-version",
    ],
)
def test_text_host(text: str, host: str | None) -> None:
    assert domains.text_host(text) == host


def test_deny_list_reports_the_fragment_that_matched() -> None:
    deny = domains.DenyList([r"cheap-pills\.example", r"(?i)SHADY", r"(unbalanced"])
    assert deny.match("www.cheap-pills.example/offer") == r"cheap-pills\.example"
    assert deny.match("shady.example/") == r"(?i)SHADY"
    assert deny.match("pills.example.org/") is None


@pytest.mark.parametrize(
    ("text", "trade"),
    [
        ("buy essay online cheap", "essay writing"),
        ("slot gacor hari ini", "gambling"),
        ("canlı bahis siteleri", "gambling"),
        ("казино онлайн", "gambling"),
        ("博彩", "gambling"),
        ("купить диплом", "selling diplomas"),
        ("cheap viagra", "pharmacy with a call to buy"),
        ("istanbul escorts", "escorts"),
        ("payday loans online", "payday loans"),
        ("replica rolex", "replica goods"),
        ("quickbooks support phone number", "support phone number"),
        ("call +1 (888) 555-0199", "support phone number"),
        ("buy dofollow backlinks", "selling backlinks or SEO"),
        ("claim your airdrop", "crypto airdrop"),
        ("casino de monte-carlo", None),
        ("tramadol", None),
        ("research paper", None),
        ("views and templates", None),
        ("issue #1234567", None),
        ("community.crypto", None),
    ],
    ids=lambda v: str(v).replace(" ", "-") if isinstance(v, str) else str(v),
)
def test_spam_anchor(text: str, trade: str | None) -> None:
    assert phrases.spam_anchor(text) == trade
