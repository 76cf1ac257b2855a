"""A news article poisoned with ten kinds of lookalikes, checked through the real command line.

``fixtures/news_clean.md`` is the article as its writer typed it; ``fixtures/news_poisoned.md`` is
the same article with one letter in each of ten words replaced by a lookalike. The injected
places are found by comparing the two files character by character, so the fixtures carry their
own expectations: every difference must be reported at its exact line and column, and nothing
else (no curly quote, dash, ellipsis, ``×`` or ``°C``) may be.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import NamedTuple

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CLEAN = FIXTURES / "news_clean.md"
POISONED = FIXTURES / "news_poisoned.md"

OUTPUT_LINE = re.compile(r"(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>HL\d{3}) (?P<msg>.+)")
WORD = re.compile(r"[^\W_]+")

# The ten kinds of lookalike: the prefix of the character's Unicode name, and its block.
KINDS: dict[str, tuple[str, range]] = {
    "Cyrillic": ("CYRILLIC ", range(0x0400, 0x0500)),
    "Greek": ("GREEK ", range(0x0370, 0x0400)),
    "Latin IPA": ("LATIN ", range(0x0250, 0x02B0)),
    "roman numeral": ("SMALL ROMAN NUMERAL ", range(0x2150, 0x2190)),
    "Cherokee": ("CHEROKEE ", range(0x13A0, 0x1400)),
    "Armenian": ("ARMENIAN ", range(0x0530, 0x0590)),
    "Coptic": ("COPTIC ", range(0x2C80, 0x2D00)),
    "Tai Le": ("TAI LE ", range(0x1950, 0x1980)),
    "NKo": ("NKO ", range(0x07C0, 0x0800)),
    "New Tai Lue digit": ("NEW TAI LUE DIGIT ", range(0x19D0, 0x19DA)),
}
TYPOGRAPHY = "’“”–—…×°"


class Injection(NamedTuple):
    line: int
    col: int  # 1-based, in code points
    original: str
    lookalike: str
    word: str  # the clean word the lookalike was put into


class Finding(NamedTuple):
    line: int
    col: int
    code: str
    message: str


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def word_at(line: str, index: int) -> str:
    for m in WORD.finditer(line):
        if m.start() <= index < m.end():
            return m.group()
    raise AssertionError(f"index {index} of {line!r} is not inside a word")


def injections() -> list[Injection]:
    clean, poisoned = read_lines(CLEAN), read_lines(POISONED)
    assert len(clean) == len(poisoned)
    found = []
    for lineno, (before, after) in enumerate(zip(clean, poisoned, strict=True), 1):
        assert len(before) == len(after), f"line {lineno} changed length"
        for i, (a, b) in enumerate(zip(before, after, strict=True)):
            if a != b:
                found.append(Injection(lineno, i + 1, a, b, word_at(before, i)))
    return found


def kind_of(char: str) -> str:
    name = unicodedata.name(char)
    kinds = [
        kind
        for kind, (prefix, block) in KINDS.items()
        if name.startswith(prefix) and ord(char) in block
    ]
    assert len(kinds) == 1, f"{name} matches {kinds}"
    return kinds[0]


def run_hooklint(path: Path) -> tuple[int, list[Finding], str]:
    result = subprocess.run(
        [sys.executable, "-m", "hooklint", str(path)],
        capture_output=True,
        encoding="utf-8",
        check=False,
    )
    findings = []
    for out in result.stdout.splitlines():
        m = OUTPUT_LINE.fullmatch(out)
        assert m is not None, f"not a flake8-format line: {out!r}"
        assert m["path"] == str(path)
        findings.append(Finding(int(m["line"]), int(m["col"]), m["code"], m["msg"]))
    return result.returncode, findings, result.stderr


def test_fixtures_are_the_article_with_ten_injected_words() -> None:
    found = injections()
    assert len(found) == 10
    assert len({(i.line, i.word) for i in found}) == 10, "one lookalike per word"
    for i in found:
        assert i.original.isascii() and i.original.isalpha()
        assert not i.lookalike.isascii()
        assert len(i.word) >= 3, "the lookalike is inside a word, not a word of its own"


def test_injections_come_from_ten_scripts_and_blocks() -> None:
    assert sorted(kind_of(i.lookalike) for i in injections()) == sorted(KINDS)


def test_article_has_the_typography_of_real_prose() -> None:
    text = CLEAN.read_text(encoding="utf-8")
    for char in TYPOGRAPHY:
        assert char in text, f"{char!r} U+{ord(char):04X} is missing from the article"
    assert "1920×1080" in text
    assert "°C" in text
    assert len(read_lines(CLEAN)) >= 25


def test_clean_article_passes() -> None:
    returncode, findings, stderr = run_hooklint(CLEAN)
    assert (returncode, findings, stderr) == (0, [], "")


@pytest.fixture(scope="module")
def poisoned_run() -> tuple[int, list[Finding], str]:
    return run_hooklint(POISONED)


def test_poisoned_article_is_flagged_exactly_at_each_lookalike(
    poisoned_run: tuple[int, list[Finding], str],
) -> None:
    returncode, findings, stderr = poisoned_run
    assert returncode == 1
    assert stderr == ""
    expected = sorted((i.line, i.col) for i in injections())
    assert [(f.line, f.col) for f in findings] == expected


@pytest.mark.parametrize(
    "injection",
    [pytest.param(i, id=f"{kind_of(i.lookalike)}-in-{i.word}") for i in injections()],
)
def test_each_lookalike_is_named_in_its_finding(
    injection: Injection, poisoned_run: tuple[int, list[Finding], str]
) -> None:
    _, findings, _ = poisoned_run
    at = [f for f in findings if (f.line, f.col) == (injection.line, injection.col)]
    assert len(at) == 1
    finding = at[0]
    assert finding.code in {"HL101", "HL102"}
    assert f"U+{ord(injection.lookalike):04X}" in finding.message
    assert unicodedata.name(injection.lookalike) in finding.message
    assert f"looks like '{injection.original}'" in finding.message
