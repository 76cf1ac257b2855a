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
        ("comprar tramadol sin receta", "pharmacy with a call to buy"),
        ("los mejores casinos online", "gambling"),
        ("Hausarbeit schreiben lassen", "essay writing"),
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
        "comprar libros",
        "apuestas",
        "Casino",
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


SEO_GIG = """Rank first with my manual link building.

- Dofollow SEO backlinks from real blogs
- Order here: `[my gig](https://gigs.example/seo-pro/backlinks)`
"""
SEO_GUIDE = """## SEO for documentation sites

Search engines rank pages by relevance; backlinks from other sites help. See the
[guide](https://developers.example/search/docs) for details.
"""
DIPLOMA = "Lost your certificate? Buy fake degree papers at http://papers-now.example today.\n"
RECOVERY = """Last year I lost my savings when a scam platform froze my bitcoin wallet. A friend
suggested a recovery expert and I reached out to them; within days they were able to
recover every coin. Contact them at https://coin-rescue.example and thank me later. They
are the most honest people I know and I will recommend them to anyone who lost funds.
"""
SECURITY = """## Threat model

If a hacker obtains the seed phrase, funds in the wallet cannot be recovered. Store the seed
offline; see [the wallet docs](https://wallet.example/docs/seed) for backups and restore.
"""
ANTI_SPAM_TOOL = """# Comment cleaner

Deletes gambling comments such as "SLOT GACOR MAXWIN" from your channel.
Install: https://tools.example/cleaner
"""


def test_sales_lines_in_prose() -> None:
    assert "HL306" in codes(SEO_GIG)
    assert "HL306" not in codes(SEO_GUIDE)
    assert "HL306" in codes(DIPLOMA, "text")
    assert "HL306" in codes(RECOVERY)
    assert "HL306" not in codes(SECURITY)
    rx_app = (
        "Patients can't buy anything without a prescription uploaded by their doctor. "
        "Docs: https://rx-app.example/docs\n"
    )
    assert "HL306" not in codes(rx_app)
    assert "HL306" not in codes(ANTI_SPAM_TOOL)
    # A sales line with no link anywhere near sells nothing a link linter can stop.
    assert "HL306" not in codes("Buy fake degree papers? Never.\n", "text")


FOOTER_SPAM = (
    "Theme by [Acme Themes](https://acmethemes.example/). Designed by "
    "[cheap web hosting](https://host-review-hub.example/), in collaboration with "
    "[Car Insurance Deals](https://quote-land.example/).\n"
)
FOOTER_REAL = (
    "Theme by [Acme Themes](https://acmethemes.example/). Designed by "
    "[Jo Park](https://jopark.example/), in collaboration with "
    "[Read the Docs](https://readthedocs.org/).\n"
)


def test_sponsored_credit_links() -> None:
    assert "HL306" in codes(FOOTER_SPAM)
    assert "HL306" not in codes(FOOTER_REAL)


REPEATED = "\n\n".join(
    f"Section {i}: for more, see [dental implants cost](https://smile-clinic.example/) today."
    for i in range(4)
)
REPEATED_DOCS = "\n\n".join(
    f"Part {i}: see [the user guide](https://widget.example/guide) for details." for i in range(4)
)


def test_one_keyword_phrase_linked_again_and_again() -> None:
    assert "HL302" in codes(REPEATED)
    assert "HL302" not in codes(REPEATED_DOCS)


def test_a_product_link_repeated_is_no_stuffing() -> None:
    text = "\n\n".join(
        f"Step {i}: get it from the [free download](https://widget.example/download) page."
        for i in range(4)
    )
    assert "HL302" not in codes(text)


def test_more_sales_lines() -> None:
    assert "HL306" in codes("Get real or fake TOEFL certificates fast: https://papers.example\n")
    assert "HL306" in codes("Trusted bitcoin recovery service: https://coin-back.example\n")
    wallet_tool = (
        "btcwidget helps you recover your lost wallet password from a seed you still own. "
        "See https://btcwidget.example/docs\n"
    )
    assert "HL306" not in codes(wallet_tool)
