"""The spam-link engine: spun templates, stuffed anchors and deceptive links (HL301–HL311).

:func:`check_spam` is the entry point. Importing this package is cheap: markdown-it-py,
linkify-it-py, tldextract and idna are imported only when a file needs them, and most files
never get that far, because a prefilter made of substring tests and a light pass over the URLs
and link texts settles them first (:mod:`hooklint.spam.triage`). The modules:

``triage``    the prefilter and light pass
``document``  a file as prose paragraphs and links; plain text, source comments, gettext
``markdown``  Markdown through markdown-it-py, with positions
``rst``       reStructuredText
``links``     the Link record, bare URLs (linkify-it-py), HTML anchors and hidden elements
``prose``     normalised prose (the lookalike skeleton) with a map back to the original
``domains``   URLs, IDNA, registrable domains (tldextract, offline), host lists
``phrases``   the patterns of the phrase rules
``rules``     the rules themselves
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hooklint.records import NamedTuple
from hooklint.rules import Finding

KINDS = ("markdown", "rst", "html", "text", "po", "yaml", "json", "sql", "template")
# A data file longer than this is read as plain text: its values and records would cost
# memory in proportion to their number (a dump of a whole site), for little more than the
# words and links plain text already shows.
DATA_LIMIT = 16 * 1024 * 1024


class SpamOptions(NamedTuple):
    """What the user told hooklint about their project (``[tool.hooklint]``)."""

    #: registrable domains of the project; never spam; a link to them is never HL303/HL305/HL309
    own_domains: frozenset[str] = frozenset()
    #: domains the user vouches for
    allow_domains: frozenset[str] = frozenset()
    #: SpamBlacklist-style regex fragments (HL308), already read from the deny-list file
    deny_patterns: tuple[str, ...] = ()
    #: extra shortener hosts to allow (HL305)
    allow_shorteners: frozenset[str] = frozenset()
    #: phrases (case-insensitive, matched on the skeleton) that never fire HL301/302/306/310
    allow_phrases: tuple[str, ...] = ()


def check_spam(
    text: str,
    kind: str,
    options: SpamOptions = SpamOptions(),  # noqa: B008 (an immutable NamedTuple)
    regions: Sequence[tuple[int, int]] | None = None,
) -> list[Finding]:
    """Every spam finding in ``text``, sorted by (line, col).

    kind: "markdown", "rst", "html", "text", "po" (gettext catalogue), "yaml", "json", "sql"
    (the string values of data files: :mod:`hooklint.spam.data`) or "template" (the markup of
    a page template: :mod:`hooklint.spam.templates`); anything else is read as "text". Front
    matter at the top of Markdown and HTML is read as YAML.

    regions: when given, only these [start, end) character ranges of text are prose
    (comments and docstrings of a source file); everything else is ignored, and positions
    still refer to the whole text.
    """
    if not text or (regions is not None and not regions):
        return []
    if kind not in KINDS or (kind in ("yaml", "json", "sql") and len(text) > DATA_LIMIT):
        kind = "text"
    from hooklint.spam.triage import worth_checking

    data = regions is None and (
        kind in ("yaml", "json", "sql") or (kind in ("markdown", "html") and text[:3] == "---")
    )
    view = text
    if data:
        # Escapes (\", &#39;, \u0430) would hide links and words from the prefilter.
        from hooklint.spam.data import quick_view

        view = quick_view(text)
    if not worth_checking(view, kind, options, regions):
        if not data:
            return []
        # A commenter's name and URL are two values apart: their link is judged apart.
        from hooklint.spam.data import field_anchors

        anchors = field_anchors(text, kind).split("\n")
        # A few at a time: each is a link of its own, never a run of links (a link bomb).
        if not any(
            worth_checking("\n".join(anchors[at : at + 5]), "yaml", options, None)
            for at in range(0, len(anchors), 5)
            if anchors[at]
        ):
            return []
    from hooklint.spam.rules import check

    return check(text, kind, options, regions)


def read_deny_list(path: str) -> tuple[str, ...]:
    """Regex fragments from a SpamBlacklist-style file (one per line, # comments).

    As in MediaWiki's SpamBlacklist, everything from a ``#`` to the end of its line is a
    comment, and blank lines are skipped. Raises ValueError naming the file, line and error
    for a fragment that is not a valid regular expression (and OSError if the file cannot be
    read).
    """
    from hooklint.diagnostic import safe

    with open(path, encoding="utf-8", errors="replace") as stream:
        lines = stream.read().splitlines()
    fragments: list[str] = []
    for number, line in enumerate(lines, 1):
        fragment = line.split("#", 1)[0].strip()
        if not fragment:
            continue
        try:
            re.compile(fragment)
        except re.error as exc:
            raise ValueError(
                f"{safe(path)}:{number}: bad regular expression {safe(fragment)!r} in the "
                f"deny list: {safe(str(exc))}"
            ) from None
        fragments.append(fragment)
    return tuple(fragments)


__all__ = ["KINDS", "SpamOptions", "check_spam", "read_deny_list"]
