"""Comment spam (HL301): bot families and generic praise signed with a keyword link, beside
the real comments and sign-offs that must stay silent. All texts are written for these tests."""

from __future__ import annotations

from hooklint.spam import SpamOptions, check_spam
from hooklint.spam.comments import generic_praise, keyword_name
from hooklint.spam.rules import check

NONE = SpamOptions()


def codes(text: str, kind: str = "markdown") -> set[str]:
    found = {f.code for f in check_spam(text, kind, NONE)}
    assert {f.code for f in check(text, kind, NONE, None)} <= found
    return found


THREAD_SPAM = """* [cheap garden furniture sets](https://patio-deals.example/) March 3, 2014

Hi there admin, what a fastidious post! I am coming back to this site every day.

* [Ana Costa](https://anacosta.example/) March 4, 2014

The second example fails on Python 3.12 because `asyncio.get_event_loop` is deprecated.
"""
THREAD_REAL = """* [Ana Costa](https://anacosta.example/) March 4, 2014

Great post! The second example fails on Python 3.12, though.

* [Bo Li](https://github.com/boli) March 5, 2014

Thanks for sharing, it helped me fix my parser.
"""


def test_praise_signed_with_a_keyword_name() -> None:
    assert "HL301" in codes(THREAD_SPAM)
    # People's names (or a profile) beside praise: a real reader.
    assert "HL301" not in codes(THREAD_REAL)


EXCHANGE = """Hello! Would you be open to exchanging links with my site? I write about the same
topics. [Rolf](https://rolfs-gadgets.example/)
"""
HOURS = """I have been browsing the web for more than four hours today and found nothing this
good. https://deals.example/
"""
TRAFFIC = """I noticed you could have a lot more visitors. Try the service for free for 14 days:
https://visitors.example/go
"""


def test_bot_families() -> None:
    for text in (EXCHANGE, HOURS, TRAFFIC):
        assert "HL301" in codes(text), text


def test_family_words_in_ordinary_text() -> None:
    text = (
        "The build takes more than three hours on CI; we exchange links to artifacts in the "
        "[wiki](https://wiki.example/ci).\n"
    )
    assert "HL301" not in codes(text)


def test_front_matter_comment_record() -> None:
    spam = """---
title: Notes
comments:
- author: best hiking boots for women
  author_url: https://boots-outlet.example/
  content: Wow, what a information! Thanks admin of this web site.
---
Body text.
"""
    real = spam.replace("best hiking boots for women", "Mia").replace(
        "Wow, what a information! Thanks admin of this web site.",
        "Does this still work with the 2.0 API? The import path changed.",
    )
    assert "HL301" in codes(spam)
    assert "HL301" not in codes(real)


def test_helpers() -> None:
    assert keyword_name("structured loan calculator online")
    assert not keyword_name("Mia Lindqvist")
    assert not keyword_name("davezor")
    assert generic_praise("what a information! thanks admin")
    assert not generic_praise("the second example fails on python 3.12")


OPENERS = [
    "Odd. I just wrote a really long comment but after I clicked submit it vanished. "
    "https://gutters.example/",
    "My sister suggested I might like this website. She was right! https://tiles.example/",
    "I know this is somewhat off topic but I was wondering if you knew a good host? "
    "https://hosting-deals.example/",
]
OPENER_NEAR_MISSES = [
    "I wrote a long comment on the pull request; see https://git.example/acme/pr/4.",
    "Off topic, but does the CLI support Windows? https://docs.example/windows",
]


def test_spun_openers_beside_ordinary_sentences() -> None:
    for text in OPENERS:
        assert "HL301" in codes(text + "\n"), text
    for text in OPENER_NEAR_MISSES:
        assert "HL301" not in codes(text + "\n"), text


def test_service_names_are_keyword_names() -> None:
    assert keyword_name("Miami Roof Repair")
    assert keyword_name("Best Running Shoes Online")
    assert not keyword_name("Jo Park")
    assert not keyword_name("Ana Lucia Costa")


def test_json_comment_record_on_one_line() -> None:
    spam = (
        '{"comments": [{"name": "Best Garage Door Repair", "url": "https://doors.example/", '
        '"message": "Very nice article, thanks for sharing. I will bookmark your blog."}]}\n'
    )
    real = spam.replace("Best Garage Door Repair", "Sam Lee")
    assert "HL301" in codes(spam, "json")
    assert "HL301" not in codes(real, "json")
