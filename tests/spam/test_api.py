"""The engine's interface: check_spam's signature and defaults, read_deny_list, SpamOptions,
unknown kinds and empty input, and that importing the package stays cheap."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pytest

from hooklint.rules import Finding
from hooklint.spam import SpamOptions, check_spam, read_deny_list


def test_signature_is_the_one_the_cli_calls() -> None:
    parameters = inspect.signature(check_spam).parameters
    assert list(parameters) == ["text", "kind", "options", "regions"]
    assert parameters["options"].default == SpamOptions()
    assert parameters["regions"].default is None
    assert SpamOptions._fields == (
        "own_domains",
        "allow_domains",
        "deny_patterns",
        "allow_shorteners",
        "allow_phrases",
    )


def test_returns_findings() -> None:
    (finding,) = check_spam("https://bit.ly/x\n", "text")
    assert isinstance(finding, Finding)
    assert (finding.line, finding.col, finding.code) == (1, 1, "HL305")


@pytest.mark.parametrize(
    ("text", "kind", "regions"),
    [("", "markdown", None), ("https://bit.ly/x", "text", []), ("plain words", "text", None)],
    ids=["empty", "no-regions", "nothing-to-see"],
)
def test_nothing_to_report(text: str, kind: str, regions: list[tuple[int, int]] | None) -> None:
    assert check_spam(text, kind, SpamOptions(), regions) == []


def test_unknown_kind_is_read_as_text() -> None:
    assert check_spam("https://bit.ly/x", "asciidoc") == check_spam("https://bit.ly/x", "text")


def test_own_domains_are_never_spam() -> None:
    text = "[Download](https://dl.quickbuild.dev/?tag=oss-20) [github.com](https://quickbuild.dev/)"
    assert check_spam(text, "markdown")
    own = SpamOptions(own_domains=frozenset({"quickbuild.dev"}))
    assert check_spam(text, "markdown", own) == []


def test_own_domains_may_be_given_as_urls_or_unicode() -> None:
    text = "https://xn--bcher-kva.example/?aff_id=3"
    assert check_spam(text, "text")
    for entry in ("https://www.bücher.example/", "BÜCHER.example", "xn--bcher-kva.example"):
        assert check_spam(text, "text", SpamOptions(own_domains=frozenset({entry}))) == []


def test_read_deny_list(tmp_path: Path) -> None:
    path = tmp_path / "spam-domains.txt"
    path.write_text(
        "# SpamBlacklist-style file\n\ncheap-pills\\.example   # pharmacy\n"
        "\\bcasino-[a-z]+\\.example\\b\n   \n",
        encoding="utf-8",
    )
    assert read_deny_list(str(path)) == (r"cheap-pills\.example", r"\bcasino-[a-z]+\.example\b")


def test_read_deny_list_names_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "spam-domains.txt"
    path.write_text("good\\.example\n(unclosed\n", encoding="utf-8")
    with pytest.raises(
        ValueError, match=r"spam-domains\.txt:2: bad regular expression '\(unclosed'"
    ):
        read_deny_list(str(path))


def test_read_deny_list_missing_file(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        read_deny_list(str(tmp_path / "missing.txt"))


def test_deny_list_fragments_with_inline_flags_still_work() -> None:
    options = SpamOptions(deny_patterns=("(?i)SHADY\\.example", "other\\.example"))
    (finding,) = check_spam("https://www.shady.example/x", "text", options)
    assert finding.code == "HL308"


def test_importing_the_package_is_cheap() -> None:
    """The parsers and domain libraries are imported only when a file needs them."""
    code = (
        "import sys, hooklint.spam as s\n"
        "s.check_spam('plain README text without links', 'markdown')\n"
        "s.check_spam('see https://github.com/acme/widget and [docs](https://docs.example/)',"
        " 'markdown')\n"
        "heavy = {'markdown_it', 'linkify_it', 'tldextract', 'idna', 'requests'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
