"""The generated language data of the context model stays what its generator gives.

Everywhere: each module's recorded SHA-256 matches its data (a hand edit shows). Where PyICU and
wordfreq are installed (generation time, not CI): the modules match a fresh generation.
"""

from __future__ import annotations

import importlib.util

import pytest

from hooklint.unicode import _english, _exemplars, generate_context


def test_exemplars_match_their_recorded_hash() -> None:
    rows = [
        (tag, script, name, main, aux)
        for tag, (script, name, main, aux) in _exemplars.LANGUAGES.items()
    ]
    assert generate_context.digest(rows) == _exemplars.SHA256
    assert "ICU" in _exemplars.SOURCE


def test_english_words_match_their_recorded_hash() -> None:
    words = sorted(set(" ".join(_english.WORDS).split()))
    assert generate_context.digest(words) == _english.SHA256
    assert len(words) == generate_context.ENGLISH_WORDS


def test_known_letters_are_there() -> None:
    assert "ɗ" in _exemplars.LANGUAGES["ha"][2]
    assert "ɣ" in _exemplars.LANGUAGES["kab"][2]
    assert "ı" in _exemplars.LANGUAGES["tr"][2]
    assert "ı" not in _exemplars.LANGUAGES["en"][2]


@pytest.mark.skipif(
    importlib.util.find_spec("icu") is None or importlib.util.find_spec("wordfreq") is None,
    reason="PyICU and wordfreq are needed to regenerate",
)
def test_generated_modules_are_fresh() -> None:
    assert generate_context.main(["--check"]) == 0
