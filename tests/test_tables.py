"""The generated Unicode tables match their generator, and the hand-kept supplement is sound."""

from __future__ import annotations

import unicodedata

import pytest

from hooklint.unicode import _tables
from hooklint.unicode.chars import LOOKALIKES, WEAK_LOOKALIKES, script_and_kind, script_name
from hooklint.unicode.generate import OUT, build
from hooklint.unicode.supplement import SUPPLEMENT


def test_generated_tables_are_current() -> None:
    assert OUT.read_text(encoding="utf-8") == build(), (
        "hooklint/unicode/_tables.py is stale: run python -m hooklint.unicode.generate"
    )


@pytest.mark.parametrize("char", sorted(SUPPLEMENT), ids=lambda c: f"U+{ord(c):04X}")
def test_supplement_entry_is_needed_and_explained(char: str) -> None:
    looks, reason = SUPPLEMENT[char]
    assert looks.isascii() and looks.isalnum() and len(looks) == 1
    assert unicodedata.name(char) in reason
    # An entry the data already carries would be dead weight.
    assert _tables.LOOKALIKES.get(char) != looks


@pytest.mark.parametrize(
    ("char", "script", "kind"),
    [
        ("a", "Latin", "L"),
        ("а", "Cyrillic", "L"),
        ("ρ", "Greek", "L"),
        ("Ꮤ", "Cherokee", "L"),
        ("\u0301", "Inherited", "M"),
        ("Ⅰ", "Latin", "N"),
        ("٣", "Arabic", "N"),
        ("’", "Common", "O"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isascii() else None,
)
def test_script_and_kind(char: str, script: str, kind: str) -> None:
    found_script, found_kind = script_and_kind(char)
    assert (script_name(found_script), found_kind) == (script, kind)


@pytest.mark.parametrize(
    ("char", "looks"),
    [("а", "a"), ("ɑ", "a"), ("ⅾ", "d"), ("Ꮤ", "W"), ("ｓ", "s"), ("𝐁", "B"), ("᧐", "o")],
)
def test_lookalikes(char: str, looks: str) -> None:
    assert LOOKALIKES[char] == looks


@pytest.mark.parametrize("char", ["é", "ü", "ł", "ø", "đ", "ß", "µ", "’", "×", "ж"])
def test_ordinary_letters_and_typography_are_not_lookalikes(char: str) -> None:
    assert char not in LOOKALIKES


def test_weak_lookalikes_are_ordinary_latin_letters() -> None:
    assert "ı" in WEAK_LOOKALIKES
    assert "ɑ" not in WEAK_LOOKALIKES
    assert all(script_name(script_and_kind(c)[0]) == "Latin" for c in WEAK_LOOKALIKES)
