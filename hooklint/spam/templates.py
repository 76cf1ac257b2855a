"""The markup of a page template (PHP, ERB, Jinja, Twig, Liquid, Handlebars, Vue): what the
page shows its readers, with the template's code left out.

The view is the template with its code blanked (``<?php … ?>``, ``<% … %>``, ``{{ … }}``,
``{% … %}``, ``{# … #}``, and script and style elements), as long as the template and with its
line breaks kept, so the HTML reader finds the links, their anchors and the styles that hide
them at their own offsets. A ``<?php`` block that is never closed runs to the end of the file,
as PHP reads it; any other opener without its closer is only blanked itself. A PHP string that
holds markup (``echo '<a href="…">…</a>';``, the way themes print their credits) is markup the
page shows: it is kept, its escapes decoded in place.
"""

from __future__ import annotations

import re

from hooklint.spam.data import blank, decoded

_OPENER = re.compile(r"<\?|<%|\{\{|\{%|\{#|<(script|style)\b", re.IGNORECASE)
_CLOSERS = {"<?": "?>", "<%": "%>", "{{": "}}", "{%": "%}", "{#": "#}"}
# A PHP string literal (bounded: an unclosed quote costs a bounded look ahead).
_PHP_STRING = re.compile(r"'((?:[^'\\]|\\.){0,4000})'|\"((?:[^\"\\]|\\.){0,4000})\"", re.DOTALL)


def template_view(text: str) -> str:
    """``text`` with its template code blanked (see the module docstring)."""
    out: list[str] = []
    pos = 0
    end = len(text)
    missing: set[str] = set()  # closers that occur nowhere after the current position
    while (m := _OPENER.search(text, pos)) is not None:
        out.append(text[pos : m.start()])
        element = m.group(1)
        if element:
            close = re.compile(r"</" + element + r"\s*>", re.IGNORECASE).search(text, m.end())
            stop = end if close is None else close.end()
        else:
            closer = _CLOSERS[m.group()]
            found = -1 if closer in missing else text.find(closer, m.end())
            if found < 0:
                missing.add(closer)
            if found >= 0:
                stop = found + len(closer)
            elif m.group() == "<?":
                stop = end
            else:
                stop = m.end()
        if m.group() == "<?" and "<" in text[m.end() : stop]:
            out.append(_php(text, m.start(), stop))
        else:
            out.append(blank(text[m.start() : stop]))
        pos = stop
    out.append(text[pos:])
    return "".join(out)


def _php(text: str, start: int, end: int) -> str:
    """A PHP block blanked but for the markup in its string literals."""
    out: list[str] = []
    pos = start
    for m in _PHP_STRING.finditer(text, start, end):
        group = 1 if m.group(1) is not None else 2
        a, b = m.span(group)
        if "<" not in text[a:b]:
            continue
        out.append(blank(text[pos:a]))
        out.append(decoded(text, a, b, "sql" if group == 1 else "double"))
        pos = b
    out.append(blank(text[pos:end]))
    return "".join(out)
