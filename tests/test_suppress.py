"""Inline suppression directives, in any file type."""

from __future__ import annotations

import pytest

from hooklint.check import check_text
from hooklint.suppress import apply_directives

LOOKALIKE = "The Ankаra office"  # Cyrillic а: HL101
BIDI = "x = 1 \u202e"  # HL201


def codes(text: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in apply_directives(text, check_text(text))]


@pytest.mark.parametrize(
    "comment",
    [
        pytest.param("# hooklint: ignore[HL101]", id="hash"),
        pytest.param("// hooklint: ignore[HL101]", id="slashes"),
        pytest.param("<!-- hooklint: ignore[HL101] -->", id="html"),
        pytest.param(".. hooklint: ignore[HL101]", id="rst"),
        pytest.param("# hooklint: ignore[HL1]", id="prefix"),
        pytest.param("# hooklint: ignore[HL205, HL101]", id="list"),
        pytest.param("# hooklint: ignore", id="bare"),
    ],
)
def test_directive_silences_its_line(comment: str) -> None:
    assert codes(f"{LOOKALIKE} {comment}\n{LOOKALIKE}\n") == [(2, "HL101")]


@pytest.mark.parametrize(
    "comment",
    [
        pytest.param("# hooklint: ignore[HL2]", id="other-code"),
        pytest.param("hooklint: ignore[HL101]", id="no-comment-marker"),
        pytest.param("# hooklint: ignorance", id="not-the-word"),
        pytest.param("# hооklint: ignore[HL101]", id="lookalike-in-name"),
        pytest.param("# hooklint: ignоre[HL101]", id="lookalike-in-ignore"),
    ],
)
def test_near_misses_do_not_silence(comment: str) -> None:
    found = codes(f"{LOOKALIKE} {comment}\n")
    assert (1, "HL101") in found


def test_ignore_next_line() -> None:
    text = f"<!-- hooklint: ignore-next-line[HL101] -->\n{LOOKALIKE}\n{LOOKALIKE}\n"
    assert codes(text) == [(3, "HL101")]


def test_bare_ignore_never_silences_bidi_or_tags() -> None:
    tag = "\U000e0068\U000e0069"
    assert codes(f"{BIDI} # hooklint: ignore\n") == [(1, "HL201")]
    assert codes(f"x{tag} # hooklint: ignore\n") == [(1, "HL203")]
    assert codes(f"{BIDI} # hooklint: ignore[HL201]\n") == []
    assert codes(f"x{tag} # hooklint: ignore[HL203]\n") == []
