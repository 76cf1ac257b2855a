"""Inline suppression comments and the baseline file.

``hooklint: ignore[HL301]`` after any comment marker (``#``, ``//``, ``<!--``, ``..``, ``;``,
``--``, ``%``, ``/*``) silences those codes (or prefixes) on its own line;
``hooklint: ignore-next-line[...]`` on the next line. A bare ``hooklint: ignore`` silences every
code but HL201 and HL203: bidi and tag characters must be named to be let through. The directive
is plain ASCII, so a lookalike inside it does not match (and is itself reported).

A baseline records findings by path, code, message and the text of their line, not by line
number, so a finding keeps matching when lines above it move.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from hooklint.diagnostic import Diagnostic
from hooklint.rules import Finding
from hooklint.source import LINE_END

_DIRECTIVE = re.compile(
    r"(?:#|//|<!--|\.\.|;|--|%|/\*)[ \t]*hooklint:[ \t]*(ignore-next-line|ignore)"
    r"(?:\[([A-Z0-9, \t]*)\])?(?![\w-])"
)
#: codes a bare ``ignore`` never silences
MUST_BE_NAMED = frozenset({"HL201", "HL203"})


def apply_directives(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` less those silenced by a directive in ``text``."""
    if not findings or "hooklint:" not in text:
        return findings
    bare: set[int] = set()  # lines silenced by a bare ignore
    named: dict[int, list[str]] = {}  # line → codes or prefixes named for it
    for lineno, line in enumerate(LINE_END.split(text), 1):
        if "hooklint:" not in line:
            continue
        for m in _DIRECTIVE.finditer(line):
            target = lineno + 1 if m.group(1) == "ignore-next-line" else lineno
            if m.group(2) is None:
                bare.add(target)
            else:
                named.setdefault(target, []).extend(
                    c.strip() for c in m.group(2).split(",") if c.strip()
                )
    return [
        f
        for f in findings
        if not (
            (f.line in bare and f.code not in MUST_BE_NAMED)
            or any(f.code.startswith(c) for c in named.get(f.line, ()))
        )
    ]


def fingerprint(d: Diagnostic, line_text: str) -> str:
    """What identifies a finding across edits that move it: path, code, message, line text."""
    import hashlib  # (here, as json below: only a baseline needs them, and they load slowly)

    digest = hashlib.sha256(line_text.strip().encode("utf-8", "surrogatepass")).hexdigest()
    return f"{d.path}\0{d.code}\0{d.message}\0{digest[:16]}"


def write_baseline(path: str, entries: Sequence[str]) -> None:
    import json

    data = {"version": 1, "findings": sorted(entries)}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=True)
        f.write("\n")


def read_baseline(path: str) -> Counter[str]:
    """The recorded fingerprints, counted (the same finding may stand on several lines)."""
    import json

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ValueError('not a hooklint baseline (expected {"version": 1, "findings": [...]})')
    return Counter(str(e) for e in data["findings"])
