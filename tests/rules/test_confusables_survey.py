"""The survey of a file's tokens (``ConfusableScan._survey``) against the plain way of doing it:
every token found by a regex, every token shaped by the set of its classes. The fast survey
must find the same tokens, gather the same evidence and ask for the same closer looks."""

from __future__ import annotations

import re
from itertools import compress, repeat
from operator import eq, gt

from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint.context import TextContext, without_notation
from hooklint.rules import Finding, confusables
from hooklint.rules.confusables import (
    _ANY_MARK,
    _CLASSES,
    _LETTER,
    _LONE_LATIN,
    _LOOKALIKE,
    _MAX_SOUGHT,
    _NO_SCRIPT,
    _TOKEN_CHAR,
    _WEAK,
    ConfusableScan,
    _may_hold_lone_latin,
    _plain_words,
    _shape,
    _tokens,
)
from hooklint.source import non_ascii_lines
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


# The lone Latin letter, looked for behind first
_LONE_LATIN_BEHIND = re.compile("(?<=[\u0400-\u04ff] )[co](?= [\u0400-\u04ff])")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="co еды\u0400\u04ff\u0500x\n", max_size=60))
def test_the_lone_latin_letter_is_found_where_it_was(text: str) -> None:
    found = [m.span() for m in _LONE_LATIN.finditer(text)]
    assert found == [m.span() for m in _LONE_LATIN_BEHIND.finditer(text)]


def test_a_lone_latin_letter() -> None:
    assert [m.start() for m in _LONE_LATIN.finditer("дом c домом o дом, o c x")] == [4, 12]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="co еды\u0400\u04ff\u0500x\t\n", max_size=60))
def test_a_text_the_gate_passes_over_holds_no_lone_latin_letter(text: str) -> None:
    if _LONE_LATIN.search(text):
        assert _may_hold_lone_latin(text)


def test_the_gate_of_the_lone_latin_letter() -> None:
    for text in ("дом c домом", "дом o домом"):
        assert _may_hold_lone_latin(text) and _LONE_LATIN.search(text)
    # Near miss: a tab beside the letter, which the regex does not take for a space either.
    assert not _may_hold_lone_latin("дом c\tдомом") and not _LONE_LATIN.search("дом c\tдомом")


class _LineByLine(_PlainSurvey):
    """Every line cleared of notation first, each searched on its own for the sought tokens."""

    def lines(self, rows: list[tuple[int, str]], joined: str) -> list[Finding]:
        if "\\" in joined or "%" in joined:
            joined = without_notation(joined)
            rows = [(lineno, without_notation(line)) for lineno, line in rows]
        needy = self._survey(joined)
        if _LONE_LATIN_BEHIND.search(joined):
            for lineno, line in rows:
                self._lone_latin(lineno, line)
        if len(needy) > _MAX_SOUGHT:
            for lineno, line in rows:
                self.line(lineno, line)
        elif needy:
            sought = "|".join(map(re.escape, sorted(needy, key=len, reverse=True)))
            pattern = re.compile(f"(?<!{_TOKEN_CHAR})(?:{sought})(?!{_TOKEN_CHAR})")
            for lineno, line in rows:
                if pattern.search(line):
                    self.line(lineno, line)
        return self.finish()


_NOTATION_TEXT = _ALPHABET + "\\%ns(x)d\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_NOTATION_TEXT, max_size=300))
def test_the_lines_looked_at_are_those_of_the_line_by_line_scan(text: str) -> None:
    rows = non_ascii_lines(text)
    joined = "\n".join(line for _, line in rows)
    fast = ConfusableScan(TextContext(text)).lines(rows, joined)
    plain = _LineByLine(TextContext(text)).lines(rows, joined)
    assert fast == plain


def test_a_line_with_a_finding_after_notation() -> None:
    text = "река %sМосква\nдом \\nМосквa поле\nлес"
    rows = non_ascii_lines(text)
    found = ConfusableScan().lines(rows, "\n".join(line for _, line in rows))
    assert [(f.line, f.col, f.code) for f in found] == [(2, 12, "HL101")]
