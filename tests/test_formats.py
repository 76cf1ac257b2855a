"""Tests for the report formats: default (with --show-source), JSON, SARIF, GitHub, statistics."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hooklint import formats
from hooklint.diagnostic import Diagnostic
from hooklint.docs import RULES
from hooklint.formats import FORMATS, render, statistics

# Characters that must never reach the output raw, written out here from their definitions
# rather than taken from hooklint.diagnostic, so that a gap there fails a test here.
C0 = [chr(c) for c in range(0x00, 0x20)]
C1 = [chr(c) for c in range(0x80, 0xA0)]
FORBIDDEN = [
    *C0,
    "\x7f",
    *C1,
    *(chr(c) for c in range(0x200B, 0x2010)),  # zero-width space … right-to-left mark
    *(chr(c) for c in range(0x202A, 0x202F)),  # bidi embeddings and overrides
    *(chr(c) for c in range(0x2066, 0x206A)),  # bidi isolates
    "\ufeff",
    "\u2028",
    "\u2029",
    *(chr(c) for c in range(0xE0000, 0xE0080)),  # tag characters
]
FORBIDDEN_SET = frozenset(FORBIDDEN)

DIAGNOSTICS = [
    Diagnostic(
        "docs/guide.md",
        3,
        7,
        "HL101",
        "ambiguous 'а' U+0430 CYRILLIC SMALL LETTER A. Did you mean 'a'?",
        "а",
    ),
    Diagnostic("src/app.py", 12, 20, "HL201", "U+202E RIGHT-TO-LEFT OVERRIDE, left open", "\u202e"),
    Diagnostic("docs/guide.md", 9, 1, "HL101", "ambiguous 'о' U+043E", "о"),
    Diagnostic("notes.txt", 1, 1, "HL001", "cannot read the file: Permission denied"),
]


def _strings(value: object) -> Iterator[str]:
    """Every string in a parsed JSON document, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)


def _uris(value: object) -> Iterator[str]:
    """Every ``uri`` value in a parsed SARIF log."""
    if isinstance(value, list):
        for item in value:
            yield from _uris(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "uri" and isinstance(item, str):
                yield item
            else:
                yield from _uris(item)


def _raw_unsafe(text: str) -> set[str]:
    return set(text) & FORBIDDEN_SET


def _unsafe_after_decoding(out: str, fmt: str) -> set[str]:
    """The raw unsafe characters a JSON reader gets back from a JSON or SARIF report."""
    parsed = json.loads(out)
    if fmt == "sarif":
        (run,) = parsed["runs"]
        driver = run["tool"]["driver"]
        docs = [driver.pop("rules"), driver.pop("notifications")]
        # Rule documentation is multi-line text: a line break is the one control it may hold.
        assert _raw_unsafe("".join(_strings(docs))) <= {"\n"}
        # URIs are percent-encoded: nothing raw at all.
        assert all(uri.isascii() and uri.isprintable() for uri in _uris(parsed))
    else:
        for finding in parsed:  # the path is the real name of the file, on purpose
            finding.pop("path")
    return _raw_unsafe("".join(_strings(parsed)))


# ------------------------------------------------------------------------------------ default


def test_default_exact() -> None:
    assert render(DIAGNOSTICS, "default") == (
        "docs/guide.md:3:7: HL101 ambiguous 'а' U+0430 CYRILLIC SMALL LETTER A. Did you mean 'a'?\n"
        "src/app.py:12:20: HL201 U+202E RIGHT-TO-LEFT OVERRIDE, left open\n"
        "docs/guide.md:9:1: HL101 ambiguous 'о' U+043E\n"
        "notes.txt:1:1: HL001 cannot read the file: Permission denied\n"
    )


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        pytest.param("evil\u202etxt.md", "evilU+202Etxt.md", id="bidi-escaped"),
        pytest.param("a\x1b[31mb.md", "a\\x1b[31mb.md", id="esc-escaped"),
        # the near miss: printable letters of any script are the file's real name
        pytest.param("docs/naïve/漢字.md", "docs/naïve/漢字.md", id="letters-kept"),
    ],
)
def test_default_path_is_escaped_only_where_unsafe(path: str, shown: str) -> None:
    diagnostic = Diagnostic(path, 1, 2, "HL202", "message")
    assert render([diagnostic], "default") == f"{shown}:1:2: HL202 message\n"


@pytest.mark.parametrize("fmt", ["default", "github"], ids=["default", "github"])
def test_line_formats_are_empty_without_findings(fmt: str) -> None:
    assert render([], fmt) == ""


# -------------------------------------------------------------------------------- show-source


def _source(line: str) -> Callable[[Diagnostic], str | None]:
    return lambda _d: line


@pytest.mark.parametrize(
    ("line", "col", "shown", "caret"),
    [
        pytest.param("x = 'а'\n", 6, "x = 'а'", "     ^", id="plain"),
        pytest.param("\tx = 'а'\n", 7, "\tx = 'а'", "\t     ^", id="tab-kept"),
        pytest.param("漢字 'а'\n", 5, "漢字 'а'", "      ^", id="cjk-two-cells"),
        pytest.param("a\u202eb c\n", 5, "aU+202Eb c", "         ^", id="escape-before"),
        pytest.param("a\u202eb c\n", 2, "aU+202Eb c", " ^", id="escape-at-column"),
        pytest.param(
            "\t漢\u202e = 'а'\r\n",
            8,
            "\t漢U+202E = 'а'",
            "\t" + " " * 2 + " " * 6 + " " * 4 + "^",
            id="tab-cjk-escape-crlf",
        ),
        pytest.param("e\u0301 'а'\n", 5, "e\u0301 'а'", "   ^", id="combining-mark-no-cell"),
        pytest.param("ab\n", 3, "ab", "  ^", id="column-at-line-end"),
    ],
)
def test_show_source_caret(line: str, col: int, shown: str, caret: str) -> None:
    diagnostic = Diagnostic("f.md", 4, col, "HL101", "m")
    out = render([diagnostic], "default", show_source=_source(line))
    assert out == f"f.md:4:{col}: HL101 m\n{shown}\n{caret}\n"


def test_show_source_none_prints_only_the_finding() -> None:
    out = render(DIAGNOSTICS[:2], "default", show_source=lambda d: None)
    assert out == render(DIAGNOSTICS[:2], "default")


def test_show_source_is_ignored_by_other_formats() -> None:
    for fmt in ("json", "sarif", "github"):
        assert render(DIAGNOSTICS, fmt, show_source=_source("text\n")) == render(DIAGNOSTICS, fmt)


# --------------------------------------------------------------------------------------- json


def test_json_round_trip() -> None:
    out = render(DIAGNOSTICS, "json")
    assert out.isascii()
    assert out.endswith("]\n")
    assert json.loads(out) == [
        {
            "path": d.path,
            "line": d.line,
            "col": d.col,
            "code": d.code,
            "message": d.message,
            "codepoint": None if d.char is None else f"U+{ord(d.char):04X}",
        }
        for d in DIAGNOSTICS
    ]
    assert [f["codepoint"] for f in json.loads(out)] == ["U+0430", "U+202E", "U+043E", None]


def test_json_carries_the_real_path() -> None:
    # The real name, written as a \u escape on the wire (ensure_ascii): the escaped display
    # form "aU+202Eb.md" would name a file that does not exist. The message stays escaped.
    out = render([Diagnostic("a\u202eb.md", 1, 1, "HL201", "m\u202e", "\u202e")], "json")
    assert out.isascii()
    assert "\\u202e" in out
    (finding,) = json.loads(out)
    assert finding["path"] == "a\u202eb.md"
    assert finding["message"] == "mU+202E"
    assert finding["codepoint"] == "U+202E"


def test_json_carries_an_undecodable_file_name_byte_back() -> None:
    # os.fsdecode() turns the byte 0xFF of a file name into a lone surrogate: a JSON reader in
    # Python gets the same string back, and os.fsencode() the same bytes.
    path = "a\udcffb.md"
    (finding,) = json.loads(render([Diagnostic(path, 1, 1, "HL202", "m")], "json"))
    assert finding["path"] == path
    assert finding["path"].encode("utf-8", "surrogateescape") == b"a\xffb.md"


def test_json_without_findings_is_an_empty_list() -> None:
    assert render([], "json") == "[]\n"


# SARIF: tests/test_sarif.py


# ------------------------------------------------------------------------------------- github


@pytest.mark.parametrize(
    ("diagnostic", "expected"),
    [
        pytest.param(
            DIAGNOSTICS[0],
            "::error file=docs/guide.md,line=3,col=7,title=HL101::"
            "ambiguous 'а' U+0430 CYRILLIC SMALL LETTER A. Did you mean 'a'?",
            id="plain",
        ),
        pytest.param(
            Diagnostic("a,b:c%d\ne.md", 2, 5, "HL204", "50% of it: a, b"),
            "::error file=a%2Cb%3Ac%25d\\x0ae.md,line=2,col=5,title=HL204::50%25 of it: a, b",
            id="path-comma-colon-percent-newline",
        ),
        pytest.param(
            Diagnostic("x\u202e.md", 1, 1, "HL201", "left open"),
            "::error file=xU+202E.md,line=1,col=1,title=HL201::left open",
            id="path-bidi",
        ),
    ],
)
def test_github_exact(diagnostic: Diagnostic, expected: str) -> None:
    assert render([diagnostic], "github") == expected + "\n"


def test_github_one_line_per_finding() -> None:
    assert render(DIAGNOSTICS, "github").splitlines() == [
        render([d], "github").rstrip("\n") for d in DIAGNOSTICS
    ]


# safe() leaves no CR or LF for these to see; they are tested on their own because they are
# what stands between a raw line break and a forged workflow command if that ever changes.
@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        pytest.param("a%b", "a%25b", "a%25b", id="percent"),
        pytest.param("a\r\nb", "a%0D%0Ab", "a%0D%0Ab", id="crlf"),
        pytest.param("a:b,c", "a:b,c", "a%3Ab%2Cc", id="colon-comma"),
        pytest.param("%0A", "%250A", "%250A", id="escape-lookalike"),
        pytest.param("plain text", "plain text", "plain text", id="nothing-to-escape"),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert formats._escape_data(text) == data
    assert formats._escape_property(text) == prop


# ---------------------------------------------------------------------------------- statistics


def test_statistics_flake8_shape() -> None:
    extra = Diagnostic("z.md", 1, 1, "HL201", "a later, different message", "\u2066")
    assert statistics([*DIAGNOSTICS, extra]) == (
        "1     HL001 cannot read the file: Permission denied\n"
        "2     HL101 ambiguous 'а' U+0430 CYRILLIC SMALL LETTER A. Did you mean 'a'?\n"
        "2     HL201 U+202E RIGHT-TO-LEFT OVERRIDE, left open\n"
    )


def test_statistics_wide_count_and_escaped_message() -> None:
    many = [Diagnostic("a.md", n, 1, "HL202", "zero width\u200b here") for n in range(123456)]
    assert statistics(many) == "123456 HL202 zero widthU+200B here\n"


def test_statistics_empty() -> None:
    assert statistics([]) == ""


# -------------------------------------------------------------------------------------- misc


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render(DIAGNOSTICS, "xml")


@pytest.mark.parametrize("fmt", FORMATS, ids=list(FORMATS))
def test_every_format_renders(fmt: str) -> None:
    out = render(DIAGNOSTICS, fmt)
    assert out.endswith("\n")
    assert "HL201" in out


# -------------------------------------------------------------------- no raw unsafe character


def _hostile(ch: str) -> Diagnostic:
    return Diagnostic(f"dir/a{ch}b.md", 1, 2, "HL204", f"x{ch}y", ch)


@pytest.mark.parametrize("fmt", FORMATS, ids=list(FORMATS))
def test_no_raw_unsafe_character_in_any_format(fmt: str) -> None:
    diagnostics = [_hostile(ch) for ch in FORBIDDEN]
    out = render(diagnostics, fmt)
    # A line break may only end a line of the report; it never comes from a path or message.
    assert _raw_unsafe(out) <= {"\n"}
    if fmt in ("default", "github"):
        assert len(out.splitlines()) == len(diagnostics)
    else:
        assert out.isascii()
        # What a JSON reader gets back must be clean too, not just the encoded bytes.
        assert not _unsafe_after_decoding(out, fmt)


def test_no_raw_unsafe_character_in_shown_source() -> None:
    line = "".join(ch for ch in FORBIDDEN if ch not in "\t\n") + "end\n"
    out = render([_hostile("\u202e")], "default", show_source=_source(line))
    _finding, shown, caret = out.splitlines()
    assert _raw_unsafe(out) <= {"\n"}
    assert shown.startswith("\\x00\\x01")
    assert shown.endswith("end")
    assert caret == "    ^"  # under the four-character escape of U+0000 at column 2


def test_statistics_escapes_messages() -> None:
    out = statistics([_hostile(ch) for ch in FORBIDDEN])
    assert _raw_unsafe(out) <= {"\n"}
    assert out.splitlines() == [f"{len(FORBIDDEN):<5} HL204 x\\x00y"]


# ------------------------------------------------------------------------------------ property

# Any code point at all, lone surrogates included (os.fsdecode() makes those from file names
# that are not valid UTF-8), with the dangerous ones drawn often enough to matter.
ANY_CHAR = st.characters(exclude_categories=()) | st.sampled_from(FORBIDDEN)
ANY_TEXT = st.text(ANY_CHAR, max_size=40)
DIAGNOSTIC = st.builds(
    Diagnostic,
    path=ANY_TEXT,
    line=st.integers(min_value=1, max_value=10**6),
    col=st.integers(min_value=1, max_value=10**4),
    code=st.sampled_from(sorted(RULES)),
    message=ANY_TEXT,
    char=st.none() | ANY_CHAR,
)


@given(st.lists(DIAGNOSTIC, max_size=5))
def test_json_and_sarif_always_parse_as_ascii(diagnostics: list[Diagnostic]) -> None:
    for fmt in ("json", "sarif"):
        out = render(diagnostics, fmt)
        assert out.isascii()
        assert not _unsafe_after_decoding(out, fmt)
    assert len(json.loads(render(diagnostics, "json"))) == len(diagnostics)


@given(st.lists(DIAGNOSTIC, max_size=5))
def test_line_formats_keep_one_line_per_finding(diagnostics: list[Diagnostic]) -> None:
    for fmt in ("default", "github"):
        out = render(diagnostics, fmt)
        assert len(out.splitlines()) == len(diagnostics)
        assert _raw_unsafe(out) <= {"\n"}
