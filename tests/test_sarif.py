"""Tests for the SARIF log: what GitHub code scanning documents that it accepts and uses.

GitHub's "SARIF support for code scanning" page sets the limits (25,000 results and 25,000 rules
per run, 1,024 characters of description, 255 of rule name) and the properties it reads (stable
``tool.driver.rules``, ``partialFingerprints.primaryLocationLineHash``, ``help``, regions with
their ends, relative URIs). The official schema cannot be fetched at test time, so each property
is tested directly, and through the real ``hooklint`` program where the run matters.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path, PureWindowsPath
from typing import Any

import pytest

import hooklint
from hooklint import formats
from hooklint.diagnostic import Diagnostic
from hooklint.docs import RULES, explain
from hooklint.formats import MAX_RESULTS, render

DOCUMENTED = [code for code in RULES if code not in formats.OPERATIONAL]
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}

A = Diagnostic("docs/a.md", 3, 7, "HL101", "ambiguous 'а' U+0430", "а", "The Аnkara office\n")
BIDI = Diagnostic("src/b.py", 12, 20, "HL201", "U+202E RIGHT-TO-LEFT OVERRIDE", "\u202e", "x\n")
SPAM = Diagnostic("docs/a.md", 9, 1, "HL301", "spun spam template", None, "If you adored\n")
UNREADABLE = Diagnostic("notes.txt", 1, 1, "HL001", "cannot read the file: not a regular file")
UNDECODABLE = Diagnostic("old.txt", 2, 5, "HL002", "not valid UTF-8: byte 0xff")


def sarif(diagnostics: list[Diagnostic], **kwargs: Any) -> dict[str, Any]:
    notes: list[str] = []
    log = json.loads(render(diagnostics, "sarif", warn=notes.append, root="/srv/repo", **kwargs))
    assert isinstance(log, dict)
    log["notes"] = notes
    return log


def only_run(log: dict[str, Any]) -> dict[str, Any]:
    (run,) = log["runs"]
    assert isinstance(run, dict)
    return run


def location(result: dict[str, Any]) -> dict[str, Any]:
    (where,) = result["locations"]
    physical = where["physicalLocation"]
    assert isinstance(physical, dict)
    return physical


# ------------------------------------------------------------------------------------- shape


def test_log_has_what_code_scanning_requires() -> None:
    log = sarif([A, BIDI, SPAM])
    assert log["version"] == "2.1.0"
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    run = only_run(log)
    driver = run["tool"]["driver"]
    assert driver["name"] == "hooklint"
    assert driver["version"] == hooklint.__version__
    assert run["columnKind"] == "unicodeCodePoints"
    for result in run["results"]:
        assert result["message"]["text"]
        assert result["ruleId"] == driver["rules"][result["ruleIndex"]]["id"]
        assert set(location(result)["region"]) >= {"startLine", "startColumn"}
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True


def test_no_placeholder_or_unknown_link() -> None:
    out = render([A, BIDI, SPAM, UNREADABLE], "sarif")
    assert "OWNER" not in out
    driver = only_run(json.loads(out))["tool"]["driver"]
    # The project has no public home to link to: no link rather than a made-up one.
    assert "informationUri" not in driver
    assert all("helpUri" not in rule for rule in driver["rules"])


# ------------------------------------------------------------------------------------- rules


@pytest.mark.parametrize(
    "found",
    [[], [A], [BIDI, SPAM], [UNREADABLE]],
    ids=["nothing", "one-confusable", "bidi-and-spam", "only-unreadable"],
)
def test_rules_are_the_same_whatever_was_found(found: list[Diagnostic]) -> None:
    rules = only_run(sarif(found))["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == DOCUMENTED
    assert "HL101" in DOCUMENTED and "HL001" not in DOCUMENTED


def test_a_code_from_elsewhere_is_added_after_the_documented_ones() -> None:
    run = only_run(sarif([Diagnostic("a.md", 1, 1, "XX999", "from elsewhere")]))
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [*DOCUMENTED, "XX999"]
    assert rules[-1]["shortDescription"] == {"text": "XX999"}
    assert run["results"][0]["ruleIndex"] == len(DOCUMENTED)


@pytest.mark.parametrize("code", DOCUMENTED)
def test_rule_descriptor_within_limits_and_from_the_docs(code: str) -> None:
    (rule,) = [r for r in only_run(sarif([]))["tool"]["driver"]["rules"] if r["id"] == code]
    doc = RULES[code]
    assert rule["name"] == doc.name and len(rule["name"]) <= 255
    assert rule["shortDescription"]["text"] == doc.summary
    full = rule["fullDescription"]["text"]
    assert 0 < len(full) <= 1024
    assert full == doc.what if len(doc.what) <= 1024 else full.endswith("\u2026")
    assert rule["help"]["text"] == explain(code)
    markdown = rule["help"]["markdown"]
    assert markdown.startswith(f"# {code} ({doc.name})\n")
    for header in ("What it does", "Why is this bad?", "Example", "Use instead", "Options"):
        assert f"\n## {header}\n" in markdown
    assert rule["defaultConfiguration"]["enabled"] is doc.default_enabled


def test_rules_are_tagged_with_their_family() -> None:
    rules = {r["id"]: r for r in only_run(sarif([]))["tool"]["driver"]["rules"]}
    tags = {code: rule["properties"]["tags"] for code, rule in rules.items()}
    assert tags["HL101"] == ["confusable"]
    assert tags["HL201"] == ["invisible"]
    assert tags["HL301"] == ["spam"]
    assert all(len(t) <= 10 for t in tags.values())  # code scanning shows at most 10


def test_opt_in_rule_is_listed_as_disabled_by_default() -> None:
    rules = {r["id"]: r for r in only_run(sarif([]))["tool"]["driver"]["rules"]}
    assert rules["HL106"]["defaultConfiguration"]["enabled"] is False
    assert rules["HL107"]["defaultConfiguration"]["enabled"] is True


def test_html_example_is_shown_in_a_code_block_never_rendered() -> None:
    rules = {r["id"]: r for r in only_run(sarif([]))["tool"]["driver"]["rules"]}
    markdown = rules["HL307"]["help"]["markdown"]
    example = markdown.split("## Example\n\n", 1)[1].split("\n\n## ", 1)[0]
    assert example.startswith("```text\n") and example.endswith("\n```")
    assert "<a" in example  # the hidden link is there, as text inside the fence


@pytest.mark.parametrize(
    ("text", "fence"),
    [
        pytest.param("plain", "```", id="plain"),
        pytest.param("a ``` b", "````", id="longer-than-backticks-inside"),
    ],
)
def test_markdown_code_fence(text: str, fence: str) -> None:
    assert formats._markdown_code(text) == f"{fence}text\n{text}\n{fence}"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        pytest.param("short", 10, "short", id="within"),
        pytest.param("x" * 10, 10, "x" * 10, id="exactly-at-limit"),
        pytest.param("one two three four", 13, "one two\u2026", id="at-a-word-break"),
        pytest.param("para one.\n\npara two is long", 16, "para one.\u2026", id="at-a-paragraph"),
        pytest.param("x" * 12, 10, "x" * 9 + "\u2026", id="no-break"),
    ],
)
def test_truncated(text: str, limit: int, expected: str) -> None:
    out = formats._truncated(text, limit)
    assert out == expected
    assert len(out) <= limit


def test_long_message_is_cut() -> None:
    long = Diagnostic("a.md", 1, 1, "HL301", "word " * 400)
    (result,) = only_run(sarif([long]))["results"]
    assert len(result["message"]["text"]) <= formats.MAX_MESSAGE
    (short,) = only_run(sarif([SPAM]))["results"]
    assert short["message"]["text"] == SPAM.message


# ----------------------------------------------------------------------------------- results


def test_regions_end_after_the_character_where_it_is_known() -> None:
    run = only_run(sarif([A, SPAM, Diagnostic("e.md", 2, 3, "HL203", "tag", "\U000e0041")]))
    regions = [location(r)["region"] for r in run["results"]]
    assert regions[0] == {"startLine": 3, "startColumn": 7, "endLine": 3, "endColumn": 8}
    # Spam has no single character: the region is the start only.
    assert regions[1] == {"startLine": 9, "startColumn": 1}
    # An astral character is one code point (columnKind unicodeCodePoints), not two.
    assert regions[2] == {"startLine": 2, "startColumn": 3, "endLine": 2, "endColumn": 4}


def test_operational_problems_are_notifications_not_alerts() -> None:
    run = only_run(sarif([A, UNREADABLE, UNDECODABLE]))
    assert [r["ruleId"] for r in run["results"]] == ["HL101"]
    notifications = run["invocations"][0]["toolExecutionNotifications"]
    driver = run["tool"]["driver"]
    assert [n["descriptor"]["id"] for n in notifications] == ["HL001", "HL002"]
    for notification in notifications:
        descriptor = driver["notifications"][notification["descriptor"]["index"]]
        assert descriptor["id"] == notification["descriptor"]["id"]
        assert notification["level"] == "error"
    assert location(notifications[0])["artifactLocation"]["uri"] == "notes.txt"
    assert location(notifications[1])["region"]["startLine"] == 2


def test_relative_paths_have_a_base_and_the_base_is_declared() -> None:
    run = only_run(sarif([A]))
    artifact = location(run["results"][0])["artifactLocation"]
    assert artifact == {"uri": "docs/a.md", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///srv/repo/"}}
    assert run["invocations"][0]["workingDirectory"] == {"uri": "file:///srv/repo/"}


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        pytest.param("docs/guide.md", "docs/guide.md", id="plain"),
        pytest.param("./docs/guide.md", "docs/guide.md", id="dot-segment"),
        pytest.param("my docs/a#1?.md", "my%20docs/a%231%3F.md", id="reserved-characters"),
        pytest.param("c:notes.md", "c%3Anotes.md", id="colon-not-a-scheme"),
        pytest.param("docs/naïve.md", "docs/na%C3%AFve.md", id="utf8-percent-encoded"),
        # The real name, percent-encoded: not the escaped display form "evilU+202E.md".
        pytest.param("bidi\u202ename.md", "bidi%E2%80%AEname.md", id="bidi-real-name"),
        pytest.param("a\x1bb.md", "a%1Bb.md", id="esc-real-name"),
        pytest.param("a\udcffb.md", "a%FFb.md", id="undecodable-byte"),
        pytest.param("/srv/repo/a b.md", "file:///srv/repo/a%20b.md", id="absolute-file-uri"),
    ],
)
def test_artifact_uri_is_the_real_path(path: str, uri: str) -> None:
    (result,) = only_run(sarif([Diagnostic(path, 1, 1, "HL202", "m")]))["results"]
    assert location(result)["artifactLocation"]["uri"] == uri


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        pytest.param("docs\\guide.md", "docs/guide.md", id="relative"),
        pytest.param("C:\\repo\\a b.md", "file:///C:/repo/a%20b.md", id="drive"),
        pytest.param("\\\\server\\share\\a.md", "file://server/share/a.md", id="unc"),
    ],
)
def test_artifact_uri_from_windows_paths(
    monkeypatch: pytest.MonkeyPatch, path: str, uri: str
) -> None:
    monkeypatch.setattr(formats, "PurePath", PureWindowsPath)
    assert formats._artifact_uri(path) == uri


# ------------------------------------------------------------------------------ fingerprints


def fingerprints(diagnostics: list[Diagnostic]) -> list[str]:
    results = only_run(sarif(diagnostics))["results"]
    return [r["partialFingerprints"]["primaryLocationLineHash"] for r in results]


def test_fingerprint_survives_lines_moving_above() -> None:
    moved = A._replace(line=A.line + 40)
    assert fingerprints([A]) == fingerprints([moved])
    (value,) = fingerprints([A])
    assert value.endswith(":1")


@pytest.mark.parametrize(
    "other",
    [
        pytest.param(A._replace(source="Another Аnkara line\n"), id="other-line-text"),
        pytest.param(A._replace(path="docs/b.md"), id="other-file"),
        pytest.param(A._replace(code="HL102"), id="other-code"),
    ],
)
def test_fingerprint_differs_for_another_finding(other: Diagnostic) -> None:
    assert fingerprints([A]) != fingerprints([other])


def test_fingerprint_ignores_whitespace_changes_but_counts_repeats() -> None:
    reindented = A._replace(source="  The   Аnkara office \r\n")
    assert fingerprints([reindented]) == fingerprints([A])
    twice = fingerprints([A, A._replace(line=20)])
    assert [f.rsplit(":", 1)[1] for f in twice] == ["1", "2"]
    assert twice[0].rsplit(":", 1)[0] == twice[1].rsplit(":", 1)[0]


# ------------------------------------------------------------------------------------ limits


def zero_widths(path: str, count: int) -> list[Diagnostic]:
    one = Diagnostic(path, 1, 1, "HL202", "zero width", "\u200b", "a\u200bb\n")
    return [one._replace(line=n) for n in range(1, count + 1)]


def test_at_the_limit_nothing_is_left_out() -> None:
    log = sarif(zero_widths("a.md", MAX_RESULTS))
    assert len(only_run(log)["results"]) == MAX_RESULTS
    assert log["notes"] == []
    assert only_run(log)["invocations"][0]["toolExecutionNotifications"] == []


def test_over_the_limit_the_run_is_cut_and_says_so() -> None:
    flood = zero_widths("flood.md", MAX_RESULTS + 4999)
    hidden = [
        Diagnostic("z.py", 3, 9, "HL201", "RIGHT-TO-LEFT OVERRIDE", "\u202e", "x\n"),
        Diagnostic("y.md", 1, 2, "HL101", "ambiguous", "а", "Аb\n"),
    ]
    log = sarif([*flood, *hidden])
    results = only_run(log)["results"]
    assert len(results) == MAX_RESULTS
    uris = [location(r)["artifactLocation"]["uri"] for r in results]
    # A flood of zero-width spaces in one file cannot push out the bidi control of another,
    # nor the first finding of any other file.
    assert "z.py" in uris and "y.md" in uris
    assert uris[-2:] == ["z.py", "y.md"]  # in the order they were given
    (note,) = log["notes"]
    assert note.startswith("hooklint: 5001 of 30001 findings left out of the SARIF log")
    (notification,) = only_run(log)["invocations"][0]["toolExecutionNotifications"]
    assert notification["level"] == "warning"


# --------------------------------------------------------------------- through the real CLI


def run_hooklint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hooklint", "--no-config", *args],
        cwd=cwd,
        env=ENV,
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_cuts_a_flood_to_the_limit_and_tells_stderr(tmp_path: Path) -> None:
    (tmp_path / "flood.md").write_text("a\u200bb\n" * (MAX_RESULTS + 10), encoding="utf-8")
    (tmp_path / "trojan.py").write_text('x = "\u202e"\n', encoding="utf-8")
    done = run_hooklint(tmp_path, "--format", "sarif", "flood.md", "trojan.py")
    assert done.returncode == 1
    results = only_run(json.loads(done.stdout))["results"]
    assert len(results) == MAX_RESULTS
    assert any(r["ruleId"] == "HL201" for r in results)
    assert "11 of 25011 findings left out of the SARIF log" in done.stderr


def test_cli_fingerprint_is_stable_when_lines_are_added_above(tmp_path: Path) -> None:
    def fingerprint_of(text: str) -> tuple[int, str]:
        (tmp_path / "doc.md").write_text(text, encoding="utf-8")
        done = run_hooklint(tmp_path, "--format", "sarif", "doc.md")
        (result,) = only_run(json.loads(done.stdout))["results"]
        line = location(result)["region"]["startLine"]
        return line, result["partialFingerprints"]["primaryLocationLineHash"]

    before = fingerprint_of("# Title\n\nThe office in Ankаra.\n")
    after = fingerprint_of("# Title\n\nA new paragraph.\n\nMore.\n\nThe office in Ankаra.\n")
    assert before[0] != after[0]
    assert before[1] == after[1]
    other = fingerprint_of("# Title\n\nThe embassy in Ankаra.\n")
    assert other[1] != before[1]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_cli_unreadable_file_is_a_notification(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "ok.md").write_text("Ankаra\n", encoding="utf-8")
    done = run_hooklint(tmp_path, "--format", "sarif", "pipe.md", "ok.md")
    run = only_run(json.loads(done.stdout))
    assert [r["ruleId"] for r in run["results"]] == ["HL101"]
    (notification,) = run["invocations"][0]["toolExecutionNotifications"]
    assert notification["descriptor"]["id"] == "HL001"
    assert location(notification)["artifactLocation"]["uri"] == "pipe.md"
    assert done.returncode == 1  # the file was not checked: the run still fails


def test_cli_sarif_and_json_carry_the_real_path(tmp_path: Path) -> None:
    name = "bidi\u202ename.md"
    (tmp_path / name).write_text("Ankаra\n", encoding="utf-8")
    (tmp_path / "plain.md").write_text("Ankаra\n", encoding="utf-8")
    sarif_out = run_hooklint(tmp_path, "--format", "sarif", name, "plain.md").stdout
    results = only_run(json.loads(sarif_out))["results"]
    uris = {location(r)["artifactLocation"]["uri"] for r in results}
    assert uris == {"bidi%E2%80%AEname.md", "plain.md"}
    json_out = run_hooklint(tmp_path, "--format", "json", name, "plain.md").stdout
    assert json_out.isascii()
    assert {f["path"] for f in json.loads(json_out)} == {name, "plain.md"}
    # Where a terminal shows the path, it stays escaped.
    default = run_hooklint(tmp_path, name).stdout
    assert "bidiU+202Ename.md:1:" in default and "\u202e" not in default


def test_cli_baseline_matches_the_real_path(tmp_path: Path) -> None:
    name = "bidi\u202ename.md"
    (tmp_path / name).write_text("Ankаra\n", encoding="utf-8")
    recorded = run_hooklint(tmp_path, "--write-baseline", "base.json", name)
    assert recorded.returncode == 0
    assert run_hooklint(tmp_path, "--baseline", "base.json", name).stdout == ""
    # A new finding in the same file is still reported.
    (tmp_path / name).write_text("Ankаra\nMoscоw\n", encoding="utf-8")
    again = run_hooklint(tmp_path, "--baseline", "base.json", name)
    assert again.returncode == 1
    assert [line.split(":")[1] for line in again.stdout.splitlines()] == ["2"]
