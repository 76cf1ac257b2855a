"""Commerce frames (HL306): the grammar of a sales line, not a list of product names. Each
spam family has a positive and a legitimate near miss that must stay silent. All texts are
written for these tests."""

from __future__ import annotations

import pytest

from hooklint.spam import SpamOptions, check_spam
from hooklint.spam.phrases import spam_anchor
from hooklint.spam.rules import check

NONE = SpamOptions()


def codes(text: str, kind: str = "markdown") -> set[str]:
    found = {f.code for f in check_spam(text, kind, NONE)}
    assert {f.code for f in check(text, kind, NONE, None)} <= found
    return found


@pytest.mark.parametrize(
    ("anchor", "trade"),
    [
        ("Order Oxycodone Online Overnight", "pharmacy with a call to buy"),
        ("buy sleeping pills online without prescription", "pharmacy with a call to buy"),
        ("⏩ Click Here To Order ⏪", "pharmacy with a call to buy"),
        ("Tramorex giriş", None),  # a brand without a betting stem: see the host rule
        ("Kingbet giriş", "gambling"),
        ("Visit Golden Reel Casino", "gambling"),
        ("DAFTAR SLOT VIP", "gambling"),
        ("write my paper for cheap", "essay writing"),
        ("essays help online cheap", "essay writing"),
        ("buy a registered diploma online", "selling diplomas"),
        ("办理国外毕业证", "selling diplomas"),
        ("white hat SEO backlinks", "selling backlinks or SEO"),
        ("keyword targeted visitors", "selling backlinks or SEO"),
        ("Watch The Heist (2024) Full Movie Online Free", "pirate streaming"),
        ("office 2021 activator", "cracked software"),
        ("bitcoin recovery expert", "crypto recovery scam"),
        ("Lions vs Tigers live stream", "event tickets and streams"),
        ("keto burn gummies", "supplements"),
    ],
)
def test_commerce_frames(anchor: str, trade: str | None) -> None:
    assert spam_anchor(anchor.lower()) == trade


@pytest.mark.parametrize(
    "anchor",
    [
        "buy the book online",
        "order pizza from the demo shop",
        "automated essay scoring",
        "Giriş",
        "casino server",
        "diploma thesis template",
        "SEO guide for documentation sites",
        "watch the talk",
        "password recovery",
        "activate the license",
        "alphabet",
        "pain management study",
    ],
)
def test_near_misses(anchor: str) -> None:
    assert spam_anchor(anchor.lower()) is None


PHARMACY_PROJECT = """# MediCart

A student project: a full online pharmacy shop with a cart. Users add medicines to the
cart and purchase them; admins manage stock and prescriptions.

Demo: [medicart demo](https://medicart-demo.example/)
"""
PHARMACY_SPAM = """Need relief fast? [Order Hydromorphone Online Overnight](https://rx-depot.example/shop)
with discreet delivery.
"""


def test_pharmacy_project_beside_pharmacy_spam() -> None:
    assert "HL306" not in codes(PHARMACY_PROJECT)
    assert "HL306" in codes(PHARMACY_SPAM)
    assert "HL306" in codes(PHARMACY_PROJECT + "\n" + PHARMACY_SPAM)
