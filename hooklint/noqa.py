"""flake8's ``# noqa`` in Python files, for the command line and the hook.

One suppression serves both programs: ``# noqa: HL101`` (or ``# noqa:HL101,HL102``, or a prefix
``# noqa: HL1``) silences those codes on the line as flake8 reads it, and the command line reads
it the same way: flake8's own pattern, searched in the whole logical line (a comment after a
multi-line string or call covers every line of it), the codes compared as flake8 compares them.

Where the two differ on purpose: a bare ``# noqa`` silences every code on the line but HL201 and
HL203 on the command line, as a bare ``hooklint: ignore`` does, because bidi and tag characters
must be named to be let through; flake8 applies its own bare ``# noqa`` to every code. A file
that does not tokenize gets no ``# noqa`` at all, as under flake8. ``# flake8: noqa`` (skip the
whole file) is not honoured: it would hide a whole file from the hook.
"""

from __future__ import annotations

import re

from hooklint.rules import Finding

# flake8's NOQA_INLINE_REGEXP (flake8/defaults.py), which is what flake8 matches.
NOQA = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
_SEPARATORS = re.compile(r"[,\s]")
_TRAILING = re.compile(r"[,\s]+\Z")
#: codes a bare noqa comment never silences (as for a bare ``hooklint: ignore``)
MUST_BE_NAMED = frozenset({"HL201", "HL203"})


def apply_noqa(text: str, findings: list[Finding]) -> list[Finding]:
    """``findings`` in the Python source ``text`` less those a ``# noqa`` silences."""
    if not findings or NOQA.search(text) is None or not _may_silence(text, findings):
        return findings
    logical = _logical_lines(text)
    kept = []
    for f in findings:
        found = NOQA.search(logical.get(f.line, ""))
        if found is None:
            kept.append(f)
            continue
        listed = found.group("codes")
        if listed is None:
            if f.code in MUST_BE_NAMED:
                kept.append(f)
            continue
        codes = tuple(c.strip() for c in _SEPARATORS.split(listed) if c.strip())
        if not f.code.startswith(codes):
            kept.append(f)
    return kept


def _may_silence(text: str, findings: list[Finding]) -> bool:
    """Whether any ``# noqa`` of ``text`` can silence one of ``findings``, before the file is
    tokenized: most Python files that have one name other linters' codes (``# noqa: E501``).

    Each match is searched in the whole text here and in its logical line in apply_noqa, with
    the same codes while they stay on its own physical line; a match whose codes run past a
    line end may read differently there, and counts as one that can silence."""
    codes = {f.code for f in findings}
    for found in NOQA.finditer(text):
        listed = found.group("codes")
        core = _TRAILING.sub("", found.group())  # a list may end with the line's own end
        if listed is None or "\n" in core or "\r" in core:
            return True
        named = tuple(c.strip() for c in _SEPARATORS.split(listed) if c.strip())
        if any(code.startswith(named) for code in codes):
            return True
    return False


def _logical_lines(text: str) -> dict[int, str]:
    """Line number → the text of every line of its logical line, joined (flake8's noqa line
    mapping); empty when the text does not tokenize."""
    import io
    import tokenize
    import warnings

    from hooklint.source import LINE_END

    lines = [f"{line}\n" for line in LINE_END.split(text.removeprefix("\ufeff"))]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tokens = list(tokenize.generate_tokens(io.StringIO("".join(lines)).readline))
    except (tokenize.TokenError, SyntaxError):
        return {}
    mapping: dict[int, str] = {}
    first, last = len(lines) + 2, -1
    for tok in tokens:
        if tok.type in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        first, last = min(first, tok.start[0]), max(last, tok.end[0])
        if tok.type in (tokenize.NL, tokenize.NEWLINE):
            joined = "".join(lines[first - 1 : last])
            mapping.update(dict.fromkeys(range(first, last + 1), joined))
            first, last = len(lines) + 2, -1
    return mapping
