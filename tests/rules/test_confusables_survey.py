"""The survey of a file's tokens (``ConfusableScan._survey``) against the plain way of doing it:
every token found by a regex, every token shaped by the set of its classes. The fast survey
must find the same tokens, gather the same evidence and ask for the same closer looks."""

from __future__ import annotations

import re
from itertools import compress, repeat
from operator import eq, gt

from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint.context import TextContext
from hooklint.rules import confusables
from hooklint.rules.confusables import (
    _ANY_MARK,
    _CLASSES,
    _LETTER,
    _LOOKALIKE,
    _NO_SCRIPT,
    _WEAK,
    ConfusableScan,
    _plain_words,
    _shape,
    _tokens,
)
from hooklint.unicode.chars import LATIN, NEUTRAL_SCRIPTS, SCRIPTS

# The token, as a regex says it: a run of ASCII letters and digits and non-ASCII characters with
# at least one of the latter, starting where no ASCII letter or digit stands before it.
_TOKEN = re.compile(f"(?<![A-Za-z0-9])[A-Za-z0-9]*[^\\x00-\\x7f]{confusables._TOKEN_CHAR}*")

# Letters of many kinds: plain and lookalike Cyrillic, Greek, Armenian; accented, weak and
# extended Latin; marks; CJK; digits of other systems; symbols that pass for letters; spaces,
# notation and punctuation.
_ALPHABET = (
    "abceopxyAKMOT019 _-.,'\"\\%\t"
    "абвгджзийклмнопрстуфхцчшщыэюяАВЕКМНОРСТХіјѕ"
    "αβγδεοριτυνΑΒΕΟΡΤάόΌ"
    "ՏօսհԱ"
    "éüçñÀßøıſ"
    "ɣɗɑƐʋ"
    "\u0301\u0308\u0483\u05b7"
    "中文字あアー한"
    "٣४৫０１"
    "⍺℮∪ℹ"
    "\u00a0\u2009\u200b—«»"
    "ｓｐ"
)
_texts = st.text(alphabet=_ALPHABET, max_size=80)
_lines = st.lists(_texts, min_size=1, max_size=12)


class _PlainSurvey(ConfusableScan):
    """The survey as it was: tokens by regex, each token shaped on its own."""

    def _survey(self, text: str) -> set[str]:
        tokens = list(set(_TOKEN.findall(text)))
        shapes = [_shape(frozenset(t.translate(_CLASSES))) for t in tokens]
        for script in set(shapes):
            if script >= 0:
                for token in compress(tokens, map(eq, shapes, repeat(script))):
                    if self._verified(script):
                        break
                    self._witness(script, token)
        judged = list(compress(tokens, map(gt, repeat(_NO_SCRIPT), shapes)))
        return self._judge_tokens(judged)


def _evidence(scan: ConfusableScan) -> dict[int | str, bool]:
    keys = {*scan.evidence, *scan.letters}
    return {key: scan._verified(key) for key in keys}  # type: ignore[arg-type]


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_the_tokens_are_those_the_regex_finds(text: str) -> None:
    joined = _tokens(text)
    found = joined.split("\n") if joined else []
    assert len(found) == len(set(found))
    assert set(found) == set(_TOKEN.findall(text))


def test_tokens_keep_lone_surrogates_and_drop_ascii_words() -> None:
    assert set(_tokens("x \ud800y z-ab\u00e9c 12").split("\n")) == {"\ud800y", "ab\u00e9c"}
    assert _tokens("plain ascii, only") == ""


def _plainly(script: int, classes: str) -> bool:
    """Every class a letter of the script, a (weak) lookalike of it or a mark, one of them a
    letter that is no lookalike; in Latin, ASCII letters too and no strong lookalike."""
    letter = chr(0x100 + 8 * script + _LETTER)
    allowed = {letter, chr(0x100 + 8 * script + _WEAK), _ANY_MARK}
    allowed.add("a" if script == LATIN else chr(0x100 + 8 * script + _LOOKALIKE))
    return letter in classes and set(classes) <= allowed


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=12)))
def test_plain_words_are_those_shaped_plainly(words: list[str]) -> None:
    classes = [w.translate(_CLASSES) for w in words if "\n" not in w]
    classes = [c for c in classes if c]
    scripts = {(ord(c) - 0x100) >> 3 for cls in classes for c in cls if c not in "a0"}
    for script in scripts | {LATIN}:
        plain = script if script not in NEUTRAL_SCRIPTS and script != LATIN else _NO_SCRIPT
        found = _plain_words(script).findall("\n".join(classes))
        assert found[len(classes) :] in ([], [""])
        for cls, verdict in zip(classes, found, strict=False):
            assert (verdict == "") == _plainly(script, cls)
            assert verdict in ("", cls)
            shape = _shape(frozenset(cls))
            if verdict == "":
                assert shape == plain
            elif plain != _NO_SCRIPT:
                assert shape != plain


def test_plain_words_of_cyrillic() -> None:
    cyrillic = SCRIPTS.index("CYRILLIC")
    words = ["Москва", "Москвa", "а", "ѕ\u0301ыр", "и5"]
    found = _plain_words(cyrillic).findall("\n".join(w.translate(_CLASSES) for w in words))
    assert [v == "" for v in found[: len(words)]] == [True, False, False, True, False]


@settings(max_examples=300, deadline=None)
@given(_lines)
def test_the_survey_is_the_plain_survey(lines: list[str]) -> None:
    text = "\n".join(lines)
    fast, plain = ConfusableScan(TextContext(text)), _PlainSurvey(TextContext(text))
    assert fast._survey(text) == plain._survey(text)
    assert _evidence(fast) == _evidence(plain)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Москва",
                "дом",
                "окно",
                "Ἀθῆναι",
                "Αθήνα",
                "café",
                "中文",
                "ёж",
                "Москвa",
                "Ankаra",
                "а",
                "ο",
                "٣٤",
                "ɣer",
                "12",
            ]
        ),
        max_size=40,
    )
)
def test_the_survey_is_the_plain_survey_on_many_words(words: list[str]) -> None:
    # enough tokens for the rounds of whole-script patterns (``_FEW_TOKENS``)
    text = " ".join(words) + " " + " ".join(f"{w}{i}x" for i, w in enumerate(words))
    fast, plain = ConfusableScan(TextContext(text)), _PlainSurvey(TextContext(text))
    assert fast._survey(text) == plain._survey(text)
    assert _evidence(fast) == _evidence(plain)


def test_a_finding_survives_among_plain_words() -> None:
    text = "Москва дом окно улица город Москвa река поле лес"
    assert ConfusableScan()._survey(text) == {"Москвa"}
    assert ConfusableScan()._survey(text.replace("Москвa", "Москва")) == set()
