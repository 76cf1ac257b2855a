"""File names are text: the path of each checked file, judged as one line of text.

Review pages, ``git status`` and file managers show a file name raw, so a bidi control can make
``invoice<U+202E>fdp.exe.md`` read as ``invoicedm.exe.pdf``, a Cyrillic ``а`` can make
``pаypаl-login.md`` pass for the real thing, and a zero-width space can make two names look the
same. The path (every directory in it too) goes through the same character rules as the text of
a file, with the same judgement: a name in real Russian, Greek, Chinese or with accents passes.

A path is reported once, at ``1:1``, under the code of its most serious finding, so that
``--select``/``--ignore``, per-file ignores, ``allowed-characters`` and a baseline treat it as
they treat the file's text. An ASCII name without control characters (nearly every name) costs
two C-level calls.
"""

from __future__ import annotations

from hooklint.diagnostic import Diagnostic
from hooklint.records import TYPE_CHECKING
from hooklint.rules import Finding

if TYPE_CHECKING:
    from hooklint.settings import Settings

# The most serious first: what reorders or hides the name, then what imitates letters.
_ORDER = ("HL201", "HL203", "HL204", "HL202", "HL205", "HL101", "HL102", "HL103", "HL104")


#: how the message of every finding about a file name begins
PREFIX = "in the file name"


def is_about_name(d: Diagnostic) -> bool:
    """Whether ``d`` is a finding about the file name (from :func:`check_name`)."""
    return d.line == 1 and d.col == 1 and d.source is None and d.message.startswith(PREFIX)


def plain(path: str) -> bool:
    """Whether ``path`` cannot hold anything to report: printable ASCII."""
    return path.isascii() and path.isprintable()


def name_findings(path: str) -> list[Finding]:
    """The character rules' findings in ``path`` read as one line of text, in position order;
    a line break in the name is HL204 (it would end the line as text)."""
    if plain(path):
        return []
    from hooklint.check import check_text
    from hooklint.diagnostic import describe

    found: list[Finding] = []
    text = []
    for col, ch in enumerate(path, 1):
        if ch in "\n\r":
            found.append(
                Finding(1, col, "HL204", f"{describe(ch)} breaks the name in two lines", ch)
            )
            ch = " "
        elif "\ud800" <= ch <= "\udfff":
            # A byte that is not UTF-8 (os.fsdecode's lone surrogate) separates words; not
            # U+FFFD, beside which a word counts as broken text and would pass.
            ch = " "
        text.append(ch)
    found.extend(check_text("".join(text)))
    found.sort()
    return found


def check_name(path: str, settings: Settings) -> Diagnostic | None:
    """The one finding about the name of the file at ``path``, or None when it is clean (or
    its findings are not selected for this path, or their characters are allowed)."""
    if plain(path):
        return None
    selection = settings.selection_for(path)
    found = [
        f
        for f in name_findings(path)
        if f.code in selection and not (f.char is not None and settings.allows(f.char))
    ]
    if not found:
        return None
    first = min(found, key=lambda f: (_ORDER.index(f.code) if f.code in _ORDER else 99, f.col))
    message = f"{PREFIX}, character {first.col} of the path: {first.message}"
    if len(found) > 1:
        message += f" (and {len(found) - 1} more finding(s) in the name)"
    return Diagnostic(path, 1, 1, first.code, message, first.char)
