"""The fixture files: the seed-like spam article and the other spam pages are reported exactly
where their inline ``expect`` markers say, and every real-world-shaped legitimate file is silent.

Markers: ``expect: HL301 HL302`` names codes reported on its own line; ``expect line 21: HL301``
names another line (for comments that cannot share the reported line).
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

from hooklint.spam import SpamOptions, check_spam
from hooklint.spam.rules import check

FIXTURES = Path(__file__).parent / "fixtures"
KINDS = {".md": "markdown", ".rst": "rst", ".html": "html", ".po": "po", ".txt": "text"}
MARKER = re.compile(r"expect(?: line (\d+))?: ((?:HL\d{3}\s*)+)")

SPAM = ["seed_article.md", "spam_page.rst", "spam_page.html", "module_source.py"]
LEGITIMATE = [
    "readme_badges.md",
    "awesome_list.md",
    "changelog.md",
    "official_shorteners.md",
    "readme_ru.md",
    "readme_tr.md",
    "readme_fa.md",
    "readme_zh.md",
    "spam_filter_docs.md",
    "law_firm_readme.md",
    "docs_legit.rst",
    "theme.po",
    "landing.html",
    "notes.txt",
]


def python_regions(source: str) -> list[tuple[int, int]]:
    """[start, end) offsets of the comments and docstrings of Python source, via tokenize."""
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(row: int, col: int) -> int:
        return starts[row - 1] + col

    regions = []
    previous = tokenize.NEWLINE
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT or (
            token.type == tokenize.STRING
            and previous
            in (
                tokenize.NEWLINE,
                tokenize.INDENT,
                tokenize.DEDENT,
            )
        ):
            regions.append((offset(*token.start), offset(*token.end)))
        if token.type not in (tokenize.NL, tokenize.COMMENT):
            previous = token.type
    return regions


def run(name: str, *, full: bool = False) -> list[tuple[int, str]]:
    path = FIXTURES / name
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        kind, regions = "text", python_regions(text)
    else:
        kind, regions = KINDS[path.suffix], None
    found = (check if full else check_spam)(text, kind, SpamOptions(), regions)
    return [(f.line, f.code) for f in found]


def expected(name: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    lines = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines, 1):
        for m in MARKER.finditer(line):
            target = int(m.group(1)) if m.group(1) else number
            out.extend((target, code) for code in m.group(2).split())
    return sorted(out)


@pytest.mark.parametrize("name", SPAM, ids=SPAM)
def test_spam_fixture_is_reported_where_marked(name: str) -> None:
    assert expected(name), "a spam fixture must mark what it expects"
    assert sorted(run(name)) == expected(name)


@pytest.mark.parametrize("name", LEGITIMATE, ids=LEGITIMATE)
def test_legitimate_file_is_silent(name: str) -> None:
    assert run(name) == []
    assert run(name, full=True) == []


@pytest.mark.parametrize("name", SPAM + LEGITIMATE, ids=SPAM + LEGITIMATE)
def test_prefilter_loses_nothing(name: str) -> None:
    assert run(name) == run(name, full=True)


def test_every_fixture_is_listed() -> None:
    on_disk = {p.name for p in FIXTURES.iterdir() if p.is_file()}
    assert on_disk == set(SPAM + LEGITIMATE)


def test_seed_article_reports_all_three_kinds_of_spam() -> None:
    """The acceptance test of issue 3: the template (written with lookalikes), the phrase
    stuffed through the article, and the comment-form boilerplate each get a finding."""
    text = (FIXTURES / "seed_article.md").read_text(encoding="utf-8")
    found = check_spam(text, "markdown")
    by_code = {code: [f for f in found if f.code == code] for code in ("HL301", "HL302", "HL310")}
    template = by_code["HL301"]
    assert len(template) == 1
    assert "anchor 'Turkish Law Firm'" in template[0].message
    assert "written with lookalike letters" in template[0].message
    assert text.split("\n")[template[0].line - 1][template[0].col - 1 :].startswith("If you")
    stuffed = by_code["HL302"]
    assert len(stuffed) == 3
    for finding in stuffed:
        line = text.split("\n")[finding.line - 1]
        assert line[finding.col - 1 :].startswith("Turkish Law Firm")
    boilerplate = by_code["HL310"]
    assert len(boilerplate) == 1
    assert "'Leave a Reply'" in boilerplate[0].message
