"""HTML attributes and the inline styles that hide an element (HL307).

Kept apart from :mod:`hooklint.spam.links` so that the prefilter can judge an anchor's
attributes without loading the extractors.
"""

from __future__ import annotations

import re
from functools import cache

# (The patterns of this module whose names end in _SOURCE are compiled by re where they are
# asked: most runs read no tag that needs them.)
_ATTR_SOURCE = (
    r"""([^\s"'<>/=]{1,100})(?:\s*=\s*(?:"([^"]{0,4000})"|'([^']{0,4000})'"""
    r"""|([^\s"'=<>`]{1,4000})))?"""
)

_SPACES_SOURCE = r"\s+"


def attributes(source: str) -> tuple[tuple[str, str], ...]:
    """The attributes of a tag's inside (``a href="x" rel=nofollow``), names lowercased."""
    out = []
    for m in re.compile(_ATTR_SOURCE).finditer(source):
        value = m.group(2) if m.group(2) is not None else m.group(3)
        if value is None:
            value = m.group(4) or ""
        if "&" in value:  # html (and its entity table) is imported only when needed
            from html import unescape

            value = unescape(value)
        out.append((m.group(1).lower(), value))
    return tuple(out)


# Styles that hide an element from readers: what HL307 reports.
_HIDING_SOURCE = (
    r"(?P<display>display\s*:\s*none)"
    r"|(?P<visibility>visibility\s*:\s*hidden)"
    r"|(?P<fontsize>font-size\s*:\s*0*(?:\.0+)?(?:px|pt|em|rem|%|vw|vh)?\s*(?:!important\s*)?(?:;|$))"
    r"|(?P<offscreen>(?:left|top|right|text-indent|margin-left|margin-top)\s*:\s*(?:-\d{3,}(?:\.\d+)?"
    r"\s*(?:px|pt|em|rem|vw|vh|%)?|-(?:[5-9]\d|\d{3,})(?:\.\d+)?\s*(?:%|vw|vh)))"
    r"|(?P<clip>clip\s*:\s*rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?\s*\)"
    r"|transform\s*:\s*scale\(\s*0(?:\.0+)?\s*\)|font-size\s*:\s*(?:0?\.\d+|1)px)"
    r"|(?P<opacity>opacity\s*:\s*0*(?:\.0+)?\s*(?:!important\s*)?(?:;|$))"
    r"|(?P<transparent>(?:^|[;\s])color\s*:\s*transparent)"
    r"|(?P<size>(?:height|width|max-height|max-width)\s*:\s*0(?:px)?\s*(?:!important\s*)?(?:;|$)"
    r"(?=.*overflow\s*:\s*hidden))"
)
_COLOR_SOURCE = r"(?:^|[;\s])(color|background-color|background)\s*:\s*([^;!]{1,40})"


@cache
def _hiding() -> re.Pattern[str]:
    return re.compile(_HIDING_SOURCE, re.IGNORECASE)


@cache
def _color() -> re.Pattern[str]:
    return re.compile(_COLOR_SOURCE, re.IGNORECASE)


def hiding_style(style: str) -> str | None:
    """Why a ``style`` attribute hides its element (``display:none``), or None."""
    style = style[:4000]
    m = _hiding().search(style)
    if m:
        return re.compile(_SPACES_SOURCE).sub("", m.group().strip("; ")).lower()
    colours = {k.lower(): v.strip().lower() for k, v in _color().findall(style)}
    fg = colours.get("color")
    bg = colours.get("background-color") or colours.get("background")
    if fg and bg and fg == bg:
        return f"color:{fg} on background {bg}"
    return None


def hiding_reason(attrs: tuple[tuple[str, str], ...]) -> str | None:
    for key, value in attrs:
        if key == "hidden":
            return "hidden attribute"
        if key == "style":
            reason = hiding_style(value)
            if reason:
                return reason
    return None


# Class and id words of the widgets a page shows and hides by script: a mobile menu, a
# dropdown, a modal, a tab. Their ``display:none`` is a state, not a hiding place.
_WIDGET_SOURCE = (
    r"(?i)(?:^|[\s_-])(?:menu|submenu|nav|navbar|navigation|dropdown|drawer|modal|popup|popover"
    r"|tooltip|collapse|collapsible|accordion|offcanvas|sidebar|tabs?|tab-pane|dialog|toggle"
    r"|mobile|hamburger)(?:$|[\s_-])"
)
# The ARIA roles of the same widgets: a tab panel is hidden until its tab is chosen, a dialog
# or menu until it is opened (the WAI-ARIA tabs, dialog and menu patterns).
_WIDGET_ROLES = frozenset(("tabpanel", "dialog", "alertdialog", "menu", "listbox", "tooltip"))
# The hiding styles a script toggles; moving an element off-screen or shrinking its text to
# nothing is no widget state.
_TOGGLED = ("hidden attribute", "display:none", "visibility:hidden")


def toggled_widget(attrs: tuple[tuple[str, str], ...], reason: str) -> bool:
    """Whether an element hidden for ``reason`` is a widget a script shows on demand: hidden
    by ``display:none`` (or ``hidden``) and named as a menu, dropdown, modal or tab by its
    class or id, or by its ARIA role."""
    if reason not in _TOGGLED:
        return False
    return any(
        (key in ("class", "id") and re.compile(_WIDGET_SOURCE).search(value))
        or (key == "role" and value.strip().lower() in _WIDGET_ROLES)
        for key, value in attrs
    )
