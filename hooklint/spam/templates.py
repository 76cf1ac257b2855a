"""The markup of a page template (PHP, ERB, Jinja, Twig, Liquid, Handlebars, Vue): what the
page shows its readers, with the template's code left out.

The view is the template with its code blanked (``<?php … ?>``, ``<% … %>``, ``{{ … }}``,
``{% … %}``, ``{# … #}``, and script and style elements), as long as the template and with its
line breaks kept, so the HTML reader finds the links, their anchors and the styles that hide
them at their own offsets. A ``<?php`` block that is never closed runs to the end of the file,
as PHP reads it; any other opener without its closer is only blanked itself.
"""

from __future__ import annotations

import re

from hooklint.spam.data import blank

_OPENER = re.compile(r"<\?|<%|\{\{|\{%|\{#|<(script|style)\b", re.IGNORECASE)
_CLOSERS = {"<?": "?>", "<%": "%>", "{{": "}}", "{%": "%}", "{#": "#}"}


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
        out.append(blank(text[m.start() : stop]))
        pos = stop
    out.append(text[pos:])
    return "".join(out)
