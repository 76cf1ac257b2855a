"""Keyword tokens of host names and URL paths (HL306): a trade word counts at a word
boundary, never inside a longer word."""

from __future__ import annotations

import pytest

from hooklint.spam import SpamOptions, check_spam
from hooklint.spam.domains import keyword_domain, path_words


@pytest.mark.parametrize(
    ("host", "trade"),
    [
        ("kingsbet.example", "gambling"),
        ("22bet.example", "gambling"),
        ("win-bet.example", "gambling"),
        ("alphabet.example", None),
        ("bethany-church.example", None),
        ("tibet-travel.example", None),
        ("oxycodone-rx-store.example", "pharmacy"),
        ("londonessaysmith.example", "essay writing"),
        ("essayist-journal.example", None),
        ("essaybot-demo.example", None),
        ("essay-grader.example", None),
        ("cheapessays-now.example", "essay writing"),
        ("buydiploma24.example", "fake diplomas"),
        ("diplomacy-lab.example", None),
        ("99movies.example", "pirate streaming"),
        ("moviemaker.example", None),
    ],
)
def test_host_tokens(host: str, trade: str | None) -> None:
    assert keyword_domain(host) == trade


def test_path_words() -> None:
    assert path_words("/en/call-girls-in-hotel-city.html") == "en call girls in hotel city"
    assert path_words("/docs/x") == ""


def codes(text: str) -> set[str]:
    return {f.code for f in check_spam(text, "markdown", SpamOptions())}


def test_path_that_sells_beside_a_path_that_describes() -> None:
    assert "HL306" in codes("Info: https://nightlife.example/escort-service-in-downtown.html\n")
    # An issue title in a path describes a bug report, it sells nothing.
    assert "HL306" not in codes(
        "See https://github.com/acme/app/issues/12-online-casino-demo-crashes for the bug.\n"
    )
    assert "HL306" not in codes("Read https://blog.example/how-we-test-our-parser today.\n")
