"""Report formats: the flake8-style default, JSON, SARIF 2.1.0 and GitHub Actions annotations.

Whatever a checked file or its name contains, no format ever writes a raw control, bidi,
zero-width, tag or other invisible character: every text field goes through
:func:`hooklint.diagnostic.safe` first, and JSON and SARIF are written with ``ensure_ascii``.
Escaping happens here on purpose, so a file named with an ESC or a U+202E cannot attack the
terminal, the CI log or the code-scanning page that shows the report.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePath
from urllib.parse import quote

from hooklint import __version__
from hooklint.diagnostic import Diagnostic, safe
from hooklint.docs import RULES, explain
from hooklint.settings import FORMATS as FORMATS  # re-exported: one table of format names

# Where the SARIF log sends readers for the rules; the README's "Rules" section.
# OWNER is a placeholder until the project has its public home.
PROJECT_URI = "https://github.com/OWNER/hooklint"
RULES_URI = f"{PROJECT_URI}#rules"

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(
    diagnostics: Sequence[Diagnostic],
    fmt: str,
    *,
    show_source: Callable[[Diagnostic], str | None] | None = None,
) -> str:
    """The whole report in format ``fmt``, ending with a newline unless it is empty.

    ``show_source`` applies to the default format only (as flake8's ``--show-source``): when it
    returns the text of the diagnostic's line, that line and a caret under the column follow.
    """
    if fmt == "default":
        return _lines(_default(d, show_source) for d in diagnostics)
    if fmt == "json":
        return _json([_json_finding(d) for d in diagnostics])
    if fmt == "sarif":
        return _json(_sarif_log(diagnostics))
    if fmt == "github":
        return _lines(_github(d) for d in diagnostics)
    raise ValueError(f"unknown format {safe(fmt)!r}; expected one of {', '.join(FORMATS)}")


def statistics(diagnostics: Sequence[Diagnostic]) -> str:
    """flake8's ``--statistics``: per code, in code order, the count and the first message."""
    counts: dict[str, int] = {}
    first_message: dict[str, str] = {}
    for d in diagnostics:
        counts[d.code] = counts.get(d.code, 0) + 1
        first_message.setdefault(d.code, d.message)
    return _lines(
        f"{counts[code]:<5} {safe(code)} {safe(first_message[code])}" for code in sorted(counts)
    )


def _lines(lines: Iterable[str]) -> str:
    """Lines joined with a newline after each; empty when there are none."""
    return "".join(f"{line}\n" for line in lines)


def _json(value: object) -> str:
    # ensure_ascii: anything outside ASCII (safe() leaves printable letters alone) is written
    # as a \uXXXX escape, so the bytes on the wire are plain ASCII.
    return json.dumps(value, ensure_ascii=True, indent=2) + "\n"


# ------------------------------------------------------------------------------------ default


def _default(d: Diagnostic, show_source: Callable[[Diagnostic], str | None] | None) -> str:
    line = safe(d.format())
    if show_source is None:
        return line
    source = show_source(d)
    if source is None:
        return line
    shown, caret = _source_and_caret(source, d.col)
    return f"{line}\n{shown}\n{caret}"


def _source_and_caret(source: str, col: int) -> tuple[str, str]:
    """The escaped source line and a line with ``^`` under column ``col`` (1-based code points).

    The caret is placed on the *escaped* line: an escape such as ``U+202E`` before the column
    makes the line longer than the original, and wide (CJK) characters take two cells. Tabs
    are kept in both lines, so the terminal expands them to the same stops.
    """
    if source.endswith("\r\n"):
        source = source[:-2]
    elif source.endswith("\n"):
        source = source[:-1]
    pieces = ["\t" if ch == "\t" else safe(ch) for ch in source]
    before = pieces[: max(col - 1, 0)]
    indent = "".join("\t" if piece == "\t" else " " * _cells(piece) for piece in before)
    # A column past the end of the line (a finding about the line ending) still gets its caret.
    indent += " " * max(col - 1 - len(pieces), 0)
    return "".join(pieces), f"{indent}^"


def _cells(text: str) -> int:
    """How many terminal cells ``text`` takes: wide characters two, combining marks none."""
    cells = 0
    for ch in text:
        if unicodedata.category(ch) in ("Mn", "Me"):
            continue
        cells += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return cells


# --------------------------------------------------------------------------------------- json


def _codepoint(char: str | None) -> str | None:
    if not char:
        return None
    return " ".join(f"U+{ord(c):04X}" for c in char)


def _json_finding(d: Diagnostic) -> dict[str, object]:
    return {
        "path": safe(d.path),
        "line": d.line,
        "col": d.col,
        "code": safe(d.code),
        "message": safe(d.message),
        "codepoint": _codepoint(d.char),
    }


# -------------------------------------------------------------------------------------- sarif


def _safe_lines(text: str) -> str:
    """``safe()`` for multi-line documentation: each line escaped, the line breaks kept."""
    return "\n".join(safe(line) for line in text.split("\n"))


def _rule_descriptor(code: str) -> dict[str, object]:
    doc = RULES.get(code)
    if doc is None:  # a code without documentation still needs a descriptor for its ruleIndex
        return {"id": safe(code), "defaultConfiguration": {"level": "error"}}
    # help.text only, no help.markdown: some examples are raw HTML (hidden links) that a
    # Markdown renderer would turn into live elements instead of showing them.
    return {
        "id": doc.code,
        "name": doc.name,
        "shortDescription": {"text": safe(doc.summary)},
        "fullDescription": {"text": _safe_lines(doc.what)},
        "help": {"text": _safe_lines(explain(code) or "")},
        "helpUri": RULES_URI,
        "defaultConfiguration": {"level": "error"},
    }


def _artifact_uri(path: str) -> str:
    """The path as a SARIF artifact URI: ``/`` separators, percent-encoded, relative as given.

    A relative path stays a relative reference (code scanning resolves it against the
    repository root); ``:`` is encoded so that a first segment like ``c:notes.md`` cannot read
    as a URI scheme. An absolute path becomes a ``file:`` URI.
    """
    pure = PurePath(path)
    posix = pure.as_posix()  # before safe(): its escapes contain backslashes
    shown = safe(posix)
    if not pure.is_absolute():
        return quote(shown, safe="/")
    encoded = quote(shown, safe="/:")
    if pure.drive and encoded.startswith("//"):  # a Windows share: its server is the URI's host
        return f"file:{encoded}"
    # "/home/x" -> file:///home/x, "C:/x" -> file:///C:/x
    return f"file://{encoded}" if encoded.startswith("/") else f"file:///{encoded}"


def _sarif_result(d: Diagnostic, rule_index: int) -> dict[str, object]:
    return {
        "ruleId": safe(d.code),
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": safe(d.message)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _artifact_uri(d.path)},
                    # SARIF requires positive numbers; a finding about a whole file is at 1:1.
                    "region": {"startLine": max(d.line, 1), "startColumn": max(d.col, 1)},
                }
            }
        ],
    }


def _sarif_log(diagnostics: Sequence[Diagnostic]) -> dict[str, object]:
    codes = sorted({d.code for d in diagnostics})
    index = {code: i for i, code in enumerate(codes)}
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "hooklint",
                "version": __version__,
                "informationUri": RULES_URI,
                "rules": [_rule_descriptor(code) for code in codes],
            }
        },
        # Diagnostic columns count code points, as Python indexes a str. SARIF's default is
        # UTF-16 code units, which differ after any astral character (emoji, tag characters,
        # mathematical letters), so say which one these are.
        "columnKind": "unicodeCodePoints",
        "results": [_sarif_result(d, index[d.code]) for d in diagnostics],
    }
    return {"version": SARIF_VERSION, "$schema": SARIF_SCHEMA, "runs": [run]}


# ------------------------------------------------------------------------------------- github


def _escape_data(text: str) -> str:
    """GitHub workflow-command escaping for the message after ``::``; ``%`` first."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Escaping for a ``key=value`` property, where ``:`` and ``,`` are separators."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(d: Diagnostic) -> str:
    # safe() first: it has already turned CR and LF into visible \x0d and \x0a, so the
    # workflow-command escaping below is what keeps % , : from being read as syntax.
    return (
        f"::error file={_escape_property(safe(d.path))},line={d.line},col={d.col},"
        f"title={_escape_property(safe(d.code))}::{_escape_data(safe(d.message))}"
    )
