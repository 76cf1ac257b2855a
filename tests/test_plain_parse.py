"""The command line's own parser of plain words gives what argparse gives, or leaves it to argparse.

``settings._parse_plain`` reads the common shape of a command line without argparse; on any other
shape it returns None and argparse parses. These tests hold it to argparse (of the running Python)
on every option spelling, with good and bad values, in any order.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint.hook import hook_options
from hooklint.settings import OPTIONS, UsageError, _parse_plain, build_parser, parse_options

VALUES = [
    "HL3", "HL101,HL2", "all", "HL9", "XX", "", " ", "4", "0", "-1", "json", "sarif", "bogus",
    "docs/*.md:HL301", "nocolon", ":HL1", "U+0400-U+04FF", "U+0410", "U+04FF-U+0400", "Cyrillic",
    "Klingon", "é", "example.org", "www.Example.org.", "http://x", "Turkish Law Firm", "a=b",
]  # fmt: skip
PATHS = ["README.md", "a.py", "docs/x.rst", "-", "a b", "x=y"]
ODD = [
    "--", "-", "-qq", "-qj2", "-j4", "-j=4", "-jx", "-x", "--exit", "--ign", "--conf",
    "--config-f", "--exit-zero=1", "--staged=", "--nope", "-h", "--help", "--ignore=HL3=x",
]  # fmt: skip


def _spellings() -> list[str]:
    words: list[str] = []
    for option in OPTIONS:
        words.extend(option.flags)
        long = option.flags[-1]
        if option.takes_value:
            words.extend(f"{long}={value}" for value in VALUES)
    return words


WORDS = [*_spellings(), *VALUES, *PATHS, *ODD]


def argparse_result(words: list[str]) -> dict[str, object] | None:
    """What argparse makes of ``words``: the options, or None for a usage error (or help)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return vars(build_parser().parse_args(words))
        except (UsageError, SystemExit):
            return None


def check(words: list[str]) -> None:
    plain = _parse_plain(words)
    if plain is not None:
        assert vars(plain) == argparse_result(words), words
        # the known-only parse of the settings' first look is the same
        known = build_parser().parse_known_args(words)[0]
        assert vars(parse_options(words, known_only=True)) == vars(known)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=8))
def test_the_plain_parse_is_argparses_or_none(words: list[str]) -> None:
    check(words)


@pytest.mark.parametrize("word", WORDS)
def test_every_spelling_alone_before_and_after_a_path(word: str) -> None:
    for words in ([word], [word, "a.py"], ["a.py", word], [word, "HL3", "a.py"], [word, word]):
        check(words)


@pytest.mark.parametrize(
    "words",
    [
        ["--exit-zero", "a.py", "b.md"],
        ["--ignore", "HL3", "a.py"],
        ["--select=HL1", "--jobs", "2", "-q", "-q", "x", "-"],
        ["--ignore=", "--extend-select=HL106", "--per-file-ignores=t/*:HL1,HL2", "a b"],
        ["--allowed-characters=U+0400-U+04FF", "--allowed-characters", "Cyrillic", "-j", "3"],
        ["--own-domains=www.Example.org.", "--format=json", "--exclude", "vendor", "--no-config"],
        ["--config=x.toml", "--deny-list", "d.txt", "--allow-phrases=Turkish Law Firm"],
        [],
    ],
    ids=lambda words: " ".join(words) or "nothing",
)
def test_the_common_shapes_are_read_without_argparse(words: list[str]) -> None:
    plain = _parse_plain(words)
    assert plain is not None
    assert vars(plain) == argparse_result(words)


@pytest.mark.parametrize(
    "words",
    [
        ["a.py", "--exit-zero"],  # an option after a path
        ["--exit", "a.py"],  # an abbreviation
        ["--ignore", "-x"],  # a value that looks like an option
        ["--ignore=HL9"],  # a bad value: argparse says what is wrong
        ["-qq"],
        ["-j4"],
        ["--", "a.py"],
        ["--help"],
        ["--exit-zero=yes"],
    ],
    ids=lambda words: " ".join(words),
)
def test_other_shapes_are_left_to_argparse(words: list[str]) -> None:
    assert _parse_plain(words) is None


def test_a_bad_value_is_argparses_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown rule code or prefix: 'HL9'"):
        parse_options(["--ignore=HL9", "a.py"])


def test_the_option_table_is_the_parsers() -> None:
    """hooklint-hook knows the options from the table; argparse builds the parser from it."""
    from_parser = {
        spelling: action.nargs != 0
        for action in build_parser()._actions
        for spelling in action.option_strings
    }
    assert {k: v for k, v in hook_options().items() if k != "--commit-msg"} == from_parser
    dests = {action.dest for action in build_parser()._actions} - {"help", "files"}
    assert dests == {option.dest for option in OPTIONS}


def test_a_plain_command_line_never_imports_argparse(tmp_path: Path) -> None:
    code = (
        "import sys; from hooklint.settings import make_settings; "
        "make_settings(['--exit-zero', '--ignore', 'HL3', 'a.py']); "
        "print('argparse' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert done.stdout.strip() == "False"
