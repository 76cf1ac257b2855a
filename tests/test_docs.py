"""Tests for the rule documentation printed by ``hooklint --explain CODE``."""

from __future__ import annotations

import re

import pytest

from hooklint.diagnostic import safe
from hooklint.docs import RULES, RuleDoc, explain

EXPECTED_CODES = (
    "HL001",
    "HL002",
    "HL004",
    "HL101",
    "HL102",
    "HL103",
    "HL104",
    "HL105",
    "HL106",
    "HL107",
    "HL201",
    "HL202",
    "HL203",
    "HL204",
    "HL205",
    "HL301",
    "HL302",
    "HL303",
    "HL304",
    "HL305",
    "HL306",
    "HL307",
    "HL308",
    "HL309",
    "HL310",
    "HL311",
    "HL312",
    "HL313",
)

HEADERS = (
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "## Use instead",
    "## Options",
)

KEBAB = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")

all_codes = pytest.mark.parametrize("code", EXPECTED_CODES, ids=list(EXPECTED_CODES))


def _explained(code: str) -> str:
    text = explain(code)
    assert text is not None, code
    return text


def test_every_code_is_documented_in_code_order() -> None:
    assert tuple(RULES) == EXPECTED_CODES


@all_codes
def test_rule_doc_matches_its_key(code: str) -> None:
    doc = RULES[code]
    assert isinstance(doc, RuleDoc)
    assert doc.code == code
    for field in ("name", "summary", "what", "why", "example", "fix", "options"):
        assert getattr(doc, field).strip(), f"{code}.{field} is empty"


@all_codes
def test_explain_starts_with_code_and_name(code: str) -> None:
    text = _explained(code)
    lines = text.split("\n")
    assert lines[0] == f"{code} ({RULES[code].name})"
    assert lines[1] == ""
    assert lines[2] == HEADERS[0]
    assert text.endswith("\n")
    assert not text.endswith("\n\n")


@all_codes
def test_explain_has_all_sections_in_order(code: str) -> None:
    lines = _explained(code).split("\n")
    positions = []
    for header in HEADERS:
        assert lines.count(header) == 1, f"{code}: {header!r} missing or repeated"
        index = lines.index(header)
        # Each header is preceded by a blank line and followed by text.
        assert lines[index - 1] == ""
        assert lines[index + 1].strip()
        positions.append(index)
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    ("query", "code"),
    [("hl101", "HL101"), ("Hl203", "HL203"), (" HL301 ", "HL301")],
    ids=["lower", "mixed-case", "surrounding-space"],
)
def test_explain_is_case_insensitive(query: str, code: str) -> None:
    assert explain(query) == explain(code)
    assert _explained(query).startswith(f"{code} (")


@pytest.mark.parametrize(
    "code", ["HL999", "HL10", "E501", ""], ids=["unknown", "prefix", "foreign", "empty"]
)
def test_explain_unknown_code_is_none(code: str) -> None:
    assert explain(code) is None


@all_codes
def test_summary_is_one_short_line_without_period(code: str) -> None:
    summary = RULES[code].summary
    assert len(summary) <= 80
    assert "\n" not in summary
    assert summary == summary.strip()
    assert not summary.endswith(".")


def test_names_are_unique_kebab_case() -> None:
    names = [doc.name for doc in RULES.values()]
    assert len(set(names)) == len(names)
    for name in names:
        assert KEBAB.fullmatch(name), name


@all_codes
def test_explain_output_is_safe_to_print(code: str) -> None:
    # safe() escapes "\n" too, so check line by line; split on "\n" only, because
    # str.splitlines() would also split on (and so hide) U+2028, U+0085 and friends.
    for line in _explained(code).split("\n"):
        assert safe(line) == line, f"{code}: unsafe character in {line!r}"
    assert safe(RULES[code].summary) == RULES[code].summary


@all_codes
def test_only_hl106_is_opt_in(code: str) -> None:
    assert RULES[code].default_enabled is (code != "HL106")


def test_opt_in_rule_says_how_to_enable_it() -> None:
    assert "--extend-select HL106" in RULES["HL106"].options


@pytest.mark.parametrize("code", ["HL201", "HL203"], ids=["bidi", "tags"])
def test_bare_ignore_warning_for_must_name_codes(code: str) -> None:
    assert "bare `hooklint: ignore` never silences" in RULES[code].options


@pytest.mark.parametrize("code", ["HL001", "HL002"], ids=["unreadable", "undecodable"])
def test_file_rules_say_they_cannot_be_ignored_per_line(code: str) -> None:
    assert "cannot be ignored per line" in RULES[code].options
