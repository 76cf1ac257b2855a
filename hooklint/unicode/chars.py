"""Questions asked of single characters: script, kind, and the ASCII letter it passes for.

The generated tables are imported on first use, so a run over pure-ASCII files never pays for them.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

from hooklint.unicode import _tables
from hooklint.unicode.supplement import SUPPLEMENT

SCRIPTS: tuple[str, ...] = _tables.SCRIPTS
COMMON = SCRIPTS.index("COMMON")
INHERITED = SCRIPTS.index("INHERITED")
LATIN = SCRIPTS.index("LATIN")
GREEK = SCRIPTS.index("GREEK")
CYRILLIC = SCRIPTS.index("CYRILLIC")
HAN = SCRIPTS.index("HAN")
CJK_SCRIPTS = frozenset(
    SCRIPTS.index(s) for s in ("HAN", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO")
)
NEUTRAL_SCRIPTS = frozenset({COMMON, INHERITED})

#: non-ASCII letter or number -> the ASCII letter or digit it looks like
LOOKALIKES: dict[str, str] = {
    **_tables.LOOKALIKES,
    **{c: a for c, (a, _) in SUPPLEMENT.items()},
}
# A capital bar passes for the capital I, not for l, whatever the confusables data says (it
# folds I and l together): Greek Ι in "Ιstanbul" is an I. (Values replaced in place: the
# table keeps its order.)
LOOKALIKES.update(
    dict.fromkeys([c for c, a in LOOKALIKES.items() if a == "l" and c.isupper()], "I")
)
#: symbols (not letters) that look like an ASCII letter: suspicious only when glued to letters
SYMBOL_LOOKALIKES: dict[str, str] = _tables.SYMBOL_LOOKALIKES

# Letters of everyday Latin alphabets (Latin-1, Latin Extended-A, Latin Extended Additional) that
# happen to resemble an ASCII letter: Turkish ı, the long s.  Alone they are ordinary spelling;
# they count as lookalikes only beside a lookalike from a rare block in the same word.
# (Latin-1 and Extended-A: U+00C0-U+017F; Extended-B, U+0180-U+024F, is not everyday.)
WEAK_LOOKALIKES = frozenset(
    c for c in LOOKALIKES if "\u00c0" <= c <= "\u017f" or "\u1e00" <= c <= "\u1eff"
)


@lru_cache(maxsize=8192)
def script_and_kind(ch: str) -> tuple[int, str]:
    """(script index into SCRIPTS, kind) of ``ch``; kind is L letter, M mark, N number, O other."""
    i = bisect.bisect_right(_tables.RANGE_STARTS, ord(ch)) - 1
    return _tables.RANGE_SCRIPTS[i], _tables.RANGE_KINDS[i]


def script_name(script: int) -> str:
    """``Cyrillic`` for the index of CYRILLIC."""
    return SCRIPTS[script].replace("_", " ").title()


@lru_cache(maxsize=1)
def imitations() -> dict[int, dict[str, str]]:
    """script -> {ASCII letter: a letter of that script which looks like it}. (Built the first
    time a finding needs it, ~0.5 ms: most runs never do.)"""
    table: dict[int, dict[str, str]] = {}
    starts, scripts, after = _tables.RANGE_STARTS, _tables.RANGE_SCRIPTS, bisect.bisect_right
    for char, ascii_char in sorted(LOOKALIKES.items()):  # (script_and_kind, without its cache)
        table.setdefault(scripts[after(starts, ord(char)) - 1], {}).setdefault(ascii_char, char)
    return table


def skeleton(text: str) -> str:
    """``text`` with every lookalike replaced by the ASCII character it passes for."""
    if text.isascii():
        return text
    return "".join(LOOKALIKES.get(c) or SYMBOL_LOOKALIKES.get(c, c) for c in text)
