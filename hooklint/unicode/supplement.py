"""Lookalikes that the Unicode confusables data misses or maps to a non-ASCII skeleton.

Each entry was checked by eye in common fonts; the reason says why the data alone is not enough.
The generated tables are merged with this one when they are loaded.
"""

from __future__ import annotations

# character -> (the ASCII letter or digit it passes for, why it is listed here)
SUPPLEMENT: dict[str, tuple[str, str]] = {
    "\u049d": (
        "k",
        "CYRILLIC SMALL LETTER KA WITH VERTICAL STROKE: reads as k; not in confusables.txt",
    ),
    "\u0500": ("d", "CYRILLIC CAPITAL LETTER KOMI DE: the shape of d; not in confusables.txt"),
    "\u1959": ("u", "TAI LE LETTER PA: the shape of u; not in confusables.txt"),
    "\u07cb": ("o", "NKO LETTER EE: a round o; not in confusables.txt"),
    "\u19d0": ("o", "NEW TAI LUE DIGIT ZERO: a round o; Unicode maps it to U+199E, not to o"),
    "\u018a": ("D", "LATIN CAPITAL LETTER D WITH HOOK: a D; Unicode maps it to apostrophe + D"),
    "\u0257": ("d", "LATIN SMALL LETTER D WITH HOOK: a d; Unicode keeps the hook in its skeleton"),
    "\u0253": ("b", "LATIN SMALL LETTER B WITH HOOK: a b; Unicode keeps the hook in its skeleton"),
    "\u0188": ("c", "LATIN SMALL LETTER C WITH HOOK: a c; Unicode keeps the hook in its skeleton"),
    "\u0199": ("k", "LATIN SMALL LETTER K WITH HOOK: a k; Unicode keeps the hook in its skeleton"),
    "\u01a5": ("p", "LATIN SMALL LETTER P WITH HOOK: a p; Unicode keeps the hook in its skeleton"),
}
