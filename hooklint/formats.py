"""Report formats: the flake8-style default, JSON, SARIF 2.1.0 and GitHub Actions annotations.

Whatever a checked file or its name contains, no format ever writes a raw control, bidi,
zero-width, tag or other invisible character: every text field goes through
:func:`hooklint.diagnostic.safe` first, and JSON and SARIF are written with ``ensure_ascii``.
Escaping happens here on purpose, so a file named with an ESC or a U+202E cannot attack the
terminal, the CI log or the code-scanning page that shows the report.

The one exception is the path in JSON and SARIF, which names the real file: a JSON ``\u202e``
escape (ensure_ascii) or a percent-encoded SARIF URI is already safe on the wire, and the escaped
display form (``U+202E``) would name a file that does not exist, so code scanning could not place
the alert and a baseline would never match. A reader that shows such a path must escape it.
"""

from __future__ import annotations

import json
import os
import re
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import PurePath
from urllib.parse import quote

from hooklint import __version__
from hooklint.diagnostic import Diagnostic, safe
from hooklint.docs import RULES, explain
from hooklint.settings import FORMATS as FORMATS  # re-exported: one table of format names

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(
    diagnostics: Sequence[Diagnostic],
    fmt: str,
    *,
    show_source: Callable[[Diagnostic], str | None] | None = None,
    warn: Callable[[str], None] | None = None,
    root: str | None = None,
) -> str:
    """The whole report in format ``fmt``, ending with a newline unless it is empty.

    ``show_source`` applies to the default format only (as flake8's ``--show-source``): when it
    returns the text of the diagnostic's line, that line and a caret under the column follow.
    ``warn`` gets each line to tell the user on stderr (what a SARIF log had to leave out);
    ``root`` is the directory relative paths are relative to (default: the current one).
    """
    if fmt == "default":
        return _lines(_default(d, show_source) for d in diagnostics)
    if fmt == "json":
        return _json([_json_finding(d) for d in diagnostics])
    if fmt == "sarif":
        return _json(_sarif_log(diagnostics, warn or _to_stderr, root))
    if fmt == "github":
        return _lines(_github(d) for d in diagnostics)
    raise ValueError(f"unknown format {safe(fmt)!r}; expected one of {', '.join(FORMATS)}")


def _to_stderr(line: str) -> None:
    print(safe(line), file=sys.stderr)


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
        "path": d.path,  # the real name (ensure_ascii writes it as escapes): a reader needs it
        "line": d.line,
        "col": d.col,
        "code": safe(d.code),
        "message": safe(d.message),
        "codepoint": _codepoint(d.char),
    }


# -------------------------------------------------------------------------------------- sarif

# GitHub code scanning's documented limits for an uploaded SARIF file ("SARIF support for code
# scanning"): a run with more results, rules or locations than this is rejected whole, and a
# rule's name and descriptions are cut at these lengths.
MAX_RESULTS = 25_000
MAX_RULES = 25_000
MAX_DESCRIPTION = 1_024
MAX_RULE_NAME = 255
# No documented limit on a result's message (the page shows its first sentence): a message is
# kept to this length all the same, so that no finding can make the log grow without bound.
MAX_MESSAGE = 1_000

#: codes about the run rather than the text (a file that cannot be read or decoded): SARIF tool
#: execution notifications, not alerts on the code
OPERATIONAL = ("HL001", "HL002")

#: the base that relative artifact URIs are resolved against: the directory hooklint ran in
SRCROOT = "%SRCROOT%"

# Which results are kept first when there are more than a run may hold: what a reviewer cannot
# see (bidi, tag characters, controls) first; then every file gets its first findings before any
# file gets many, so that one flooded file cannot push the findings of the others out; at equal
# count the other invisible characters before confusables, and those before spam.
_RANKS = (("HL201", "HL203", "HL204"), ("HL2",), ("HL1",))


def _rank(code: str) -> int:
    for rank, prefixes in enumerate(_RANKS):
        if code.startswith(prefixes):
            return rank
    return len(_RANKS)


def _kept(diagnostics: Sequence[Diagnostic], limit: int) -> list[Diagnostic]:
    """At most ``limit`` of the diagnostics, chosen by rank, in their own order."""
    if len(diagnostics) <= limit:
        return list(diagnostics)
    seen: dict[str, int] = {}
    keys = []
    for index, d in enumerate(diagnostics):
        nth = seen[d.path] = seen.get(d.path, -1) + 1
        rank = _rank(d.code)
        keys.append((rank > 0, nth, rank, index))
    chosen = sorted(key[-1] for key in sorted(keys)[:limit])
    return [diagnostics[index] for index in chosen]


def _truncated(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, at a paragraph, line or word break in its
    second half where there is one, and marked with an ellipsis."""
    if len(text) <= limit:
        return text
    room = text[: limit - 1]
    for sep in ("\n\n", "\n", " "):
        at = room.rfind(sep)
        if at > limit // 2:
            room = room[:at]
            break
    return room.rstrip() + "\u2026"


def _safe_lines(text: str) -> str:
    """``safe()`` for multi-line documentation: each line escaped, the line breaks kept."""
    return "\n".join(safe(line) for line in text.split("\n"))


def _markdown_code(text: str) -> str:
    """A fenced Markdown code block that shows ``text`` literally, whatever backticks it has."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def _help_markdown(code: str) -> str:
    """The rule's documentation as Markdown. The example is a code block: some examples are raw
    HTML (a hidden link) that must be shown, never rendered."""
    doc = RULES[code]
    sections = (
        ("What it does", _safe_lines(doc.what)),
        ("Why is this bad?", _safe_lines(doc.why)),
        ("Example", _markdown_code(_safe_lines(textwrap.dedent(doc.example).strip("\n")))),
        ("Use instead", _safe_lines(doc.fix)),
        ("Options", _safe_lines(doc.options)),
    )
    body = "\n\n".join(f"## {header}\n\n{text.strip(chr(10))}" for header, text in sections)
    return f"# {doc.code} ({doc.name})\n\n{body}\n"


_FAMILIES = {"HL0": "file", "HL1": "confusable", "HL2": "invisible", "HL3": "spam"}


def _rule_descriptor(code: str) -> dict[str, object]:
    doc = RULES.get(code)
    if doc is None:  # a code without documentation still needs a descriptor for its ruleIndex
        shown = safe(code)
        return {
            "id": shown,
            "shortDescription": {"text": shown},
            "fullDescription": {"text": shown},
            "help": {"text": shown},
            "defaultConfiguration": {"level": "error"},
        }
    # No helpUri: the project has no public home yet, and a placeholder link would mislead.
    return {
        "id": doc.code,
        "name": _truncated(doc.name, MAX_RULE_NAME),
        "shortDescription": {"text": _truncated(safe(doc.summary), MAX_DESCRIPTION)},
        "fullDescription": {"text": _truncated(_safe_lines(doc.what), MAX_DESCRIPTION)},
        "help": {"text": _safe_lines(explain(code) or ""), "markdown": _help_markdown(code)},
        "defaultConfiguration": {"level": "error", "enabled": doc.default_enabled},
        # Code scanning filters alerts by tag: the family of the rule.
        "properties": {"tags": [_FAMILIES.get(code[:3], "hooklint")]},
    }


def _rule_codes(diagnostics: Sequence[Diagnostic]) -> list[str]:
    """The rules of every run, whatever it found: each documented code but the operational
    ones, in code order; then any other code a finding has (from elsewhere: none of hooklint's)."""
    codes = [code for code in RULES if code not in OPERATIONAL]
    others = sorted({d.code for d in diagnostics if d.code not in RULES})
    return [*codes, *others][:MAX_RULES]


def _uri_text(path: str, safe_chars: str) -> str:
    """The path percent-encoded as UTF-8. A byte of a file name that is not UTF-8 (which
    ``os.fsdecode`` turned into a lone surrogate) is encoded as itself: ``%FF``."""
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        raw = path.encode("utf-8", "surrogatepass")
    return quote(raw, safe=safe_chars)


def _artifact_location(path: str) -> dict[str, str]:
    """The real path (not its escaped display form) as a SARIF artifact location.

    ``/`` separators, percent-encoded UTF-8. A relative path stays a relative reference with the
    base ``%SRCROOT%`` (code scanning resolves it against the repository root); ``:`` is encoded
    so that a first segment like ``c:notes.md`` cannot read as a URI scheme. An absolute path
    becomes a ``file:`` URI.
    """
    pure = PurePath(path)
    posix = pure.as_posix()
    if not pure.is_absolute():
        return {"uri": _uri_text(posix, "/"), "uriBaseId": SRCROOT}
    encoded = _uri_text(posix, "/:")
    if pure.drive and encoded.startswith("//"):  # a Windows share: its server is the URI's host
        return {"uri": f"file:{encoded}"}
    # "/home/x" -> file:///home/x, "C:/x" -> file:///C:/x
    return {"uri": f"file://{encoded}" if encoded.startswith("/") else f"file:///{encoded}"}


def _artifact_uri(path: str) -> str:
    return _artifact_location(path)["uri"]


def _directory_uri(directory: str) -> str:
    """An absolute directory as a ``file:`` URI ending in ``/``."""
    uri = _artifact_location(directory)["uri"]
    return uri if uri.endswith("/") else uri + "/"


def _region(d: Diagnostic) -> dict[str, int]:
    # SARIF requires positive numbers; a finding about a whole file is at 1:1.
    region = {"startLine": max(d.line, 1), "startColumn": max(d.col, 1)}
    if d.char:  # one code point: the region ends after it (columns count code points)
        region["endLine"] = region["startLine"]
        region["endColumn"] = region["startColumn"] + len(d.char)
    return region


def _line_hash(d: Diagnostic) -> str:
    """What identifies a finding in its file without its line number: the path, the code, the
    character, and the text of its line with the whitespace normalised (or the message, for a
    finding with no line text, such as one about the file name)."""
    import hashlib

    text = " ".join((d.source if d.source is not None else d.message).split())
    key = "\0".join((d.path, d.code, d.char or "", text))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _sarif_result(d: Diagnostic, rule_index: int, fingerprint: str) -> dict[str, object]:
    return {
        "ruleId": safe(d.code),
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": _truncated(safe(d.message), MAX_MESSAGE)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact_location(d.path),
                    "region": _region(d),
                }
            }
        ],
        "partialFingerprints": {"primaryLocationLineHash": fingerprint},
    }


def _notification(d: Diagnostic, index: int) -> dict[str, object]:
    return {
        "level": "error",
        "message": {"text": _truncated(safe(f"{d.code} {d.message}"), MAX_MESSAGE)},
        "descriptor": {"id": d.code, "index": index},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact_location(d.path),
                    "region": _region(d),
                }
            }
        ],
    }


def _sarif_log(
    diagnostics: Sequence[Diagnostic], warn: Callable[[str], None], root: str | None
) -> dict[str, object]:
    codes = _rule_codes(diagnostics)
    index = {code: i for i, code in enumerate(codes)}
    operational = [d for d in diagnostics if d.code in OPERATIONAL]
    findings = [d for d in diagnostics if d.code not in OPERATIONAL and d.code in index]
    kept = _kept(findings, MAX_RESULTS)
    notifications = [_notification(d, OPERATIONAL.index(d.code)) for d in operational]
    left_out = len(findings) - len(kept)
    if left_out:
        note = (
            f"{left_out} of {len(findings)} findings left out of the SARIF log: GitHub code "
            f"scanning rejects a run of more than {MAX_RESULTS} results (the invisible and "
            "control characters of every file were kept first)"
        )
        warn(f"hooklint: {note}")
        notifications.append({"level": "warning", "message": {"text": note}})
    seen: dict[str, int] = {}
    results = []
    for d in kept:
        line_hash = _line_hash(d)
        nth = seen[line_hash] = seen.get(line_hash, 0) + 1
        results.append(_sarif_result(d, index[d.code], f"{line_hash}:{nth}"))
    root = os.path.abspath(root if root is not None else os.getcwd())
    run: dict[str, object] = {
        "tool": {
            "driver": {
                "name": "hooklint",
                "version": __version__,
                "rules": [_rule_descriptor(code) for code in codes],
                "notifications": [_rule_descriptor(code) for code in OPERATIONAL],
            }
        },
        "invocations": [
            {
                "executionSuccessful": True,
                "workingDirectory": {"uri": _directory_uri(root)},
                "toolExecutionNotifications": notifications,
            }
        ],
        "originalUriBaseIds": {SRCROOT: {"uri": _directory_uri(root)}},
        # Diagnostic columns count code points, as Python indexes a str. SARIF's default is
        # UTF-16 code units, which differ after any astral character (emoji, tag characters,
        # mathematical letters), so say which one these are.
        "columnKind": "unicodeCodePoints",
        "results": results,
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
