"""The context of a text: which letters, scripts and conventions are ordinary here?

One :class:`TextContext` is made per file and asked by the confusable rules and the fixer. It
costs nothing until it is asked (a pure-ASCII file never asks), and each answer is computed once.
Its inputs, most trusted first:

1. what the file declares (:attr:`TextContext.declared`): a gettext ``Language:`` header, a
   locale path segment (``locale/ru/``, ``ky/LC_MESSAGES/``, ``docs/ha/``, ``po/kab.po``,
   ``i18n/el.json``), a language in the file name (``README.tr.md``, ``notes.fa.md``,
   ``guide-el.md``), ``<html lang="…">``, front matter ``lang:``;
2. what the text shows: the letters of a language used as a system in many words of text that is
   not English (:meth:`TextContext.evident`), English lines and English words
   (:meth:`TextContext.english_line`, :func:`english_word`), notation glued to words (escapes and
   printf conversions, :func:`without_notation`), and characters that are the subject of the
   text rather than a disguise (:class:`Subject`: named beside themselves, in tables and ranges,
   in formulas, quoted in a line that names their language);
3. the language data generated into the package: CLDR exemplar characters (main and auxiliary)
   of every language (``hooklint/unicode/_exemplars.py``) and the common English words
   (``hooklint/unicode/_english.py``), both loaded on first use.

The confusable rules ask :meth:`TextContext.letter_verdict` about a letter of an extended Latin
alphabet (Hausa ``ɗ``, Kabyle ``ɣ``, Turkish ``ı``) that stands in a Latin word: it is ordinary
when a declared language writes it, and when the word is not English and the text is not English
(or the language is evident); inside an English word, or in English text that shows no such
language, it is a finding, and the verdict says why.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

# Parent folders whose child folder names a language (``locale/ru/``), and the folder that
# follows one (``ky/LC_MESSAGES``).
_LOCALE_PARENTS = frozenset(
    {"locale", "locales", "i18n", "l10n", "lang", "langs", "translations", "po", "docs", "content"}
)
# A folder named as a locale with its region: el_GR, pt-BR, sr_Latn_RS.
# (The patterns of this module whose names end in _SOURCE are compiled by re where they are
# asked: most runs read no path, header or line they look at.)
_LOCALE_FOLDER_SOURCE = "[a-z]{2,3}(?:[_-][A-Z][a-z]{3})?[_-](?:[A-Z]{2}|[0-9]{3})"
# Words that end file names (how_to.md, to_be.py, image_bg.md) and are also language codes: after
# an underscore they name no language.
_NOT_A_LANGUAGE_SUFFIX = frozenset(
    "am an as at be bg do id in is it me my no on or so to up us".split()
)
_GETTEXT_LANGUAGE_SOURCE = r'(?m)^"Language: *([A-Za-z@_-]+)'
_HTML_LANG_SOURCE = r"(?i)<html\b[^>]*?\blang=[\"']?([A-Za-z_-]+)"
_FRONT_MATTER_LANG_SOURCE = r"(?m)^(?:lang|language|locale): *[\"']?([A-Za-z_-]+)"
_HEAD = 4096  # headers and front matter are looked for this far
_ASCII_WORD = re.compile("[A-Za-z]+")
# A run of word characters with a non-ASCII one, found from its start only; its letters.
_NON_ASCII_WORD_SOURCE = r"(?<!\w)\w*[^\x00-\x7f]\w*"
_LETTERS = re.compile(r"[^\W\d_]+")
# English words that are not also common words of the languages hooklint meets most (no "a",
# "de", "da", "la", "i", "o").
_FUNCTION_WORDS = frozenset(
    "the and of to in is it that for with as on by this be are was from or an at not which have "
    "has you your can will if when should would there their they we our into than then these "
    "those been its but all any each only also more must may such other what how does do".split()
)
_ENGLISH_SHORT = frozenset(
    _FUNCTION_WORDS
    | set(
        "he she his her him who why yes yet via per off ago run try ask big get set add key end "
        "few own new now old see two way day one out use got let put say too did can no so up "
        "my me us am go dec jan feb mar apr jun jul aug sep oct nov mon tue wed thu fri sat sun "
        "is isn ok off log ago age art bad bar bit box bug bus buy car cat cut dog due eye far fix "
        "fly fun gas guy hat hit hot job kid law lay leg lie lot low map mix net nor odd oil pay "
        "pen pet pin pop pot raw red row sea sex sit six sky son sum tax tea ten tie tip top toy "
        "war web win yet zip init url api arg args var str int len dict obj src dst utf json "
        "html http https sql xml csv pdf uri uuid regex repo config".split()
    )
)
_ENGLISH_LINE_SHARE = 0.15
# A translation in a gettext catalogue: its language is the catalogue's, whatever the msgids'.
_TRANSLATION = re.compile(r"\s*(?:#~\s*)?msgstr(?:\[\d+\])?\s")
_MAX_NAMES = 5  # languages named in a message
# Endings of English derivations (no Turkish, Azerbaijani or Hausa word ends so), and the
# shortest word read as one.
_ENGLISH_ENDINGS = ("ing", "ings", "tion", "tions", "sion", "sions", "llion", "ness", "ment")
_MIN_DERIVED = 6
# Latin Extended-B and the IPA extensions start here: letters of less common alphabets.
_EXTENDED_LATIN_START = 0x0180


def _tag(raw: str) -> str | None:
    """The key of the language data for a locale name (``pt_BR`` → ``pt``, ``uz@cyrillic`` →
    ``uz_cyrl``, ``sr-Latn`` → ``sr_latn``), or None when it names no known language."""
    from hooklint.unicode._exemplars import LANGUAGES

    name = raw.strip().lower().replace("-", "_")
    name = name.replace("@cyrillic", "_cyrl").replace("@latin", "_latn")
    parts = [p for p in re.split(r"[_@.]", name) if p]
    if not parts or not parts[0].isalpha() or not 2 <= len(parts[0]) <= 3:
        return None
    if len(parts) > 1 and f"{parts[0]}_{parts[1]}" in LANGUAGES:
        return f"{parts[0]}_{parts[1]}"
    if len(parts) > 1 and parts[1] in _SCRIPT_VARIANTS:
        return None  # ckb@latin: a script the data does not hold, not the language's usual one
    return parts[0] if parts[0] in LANGUAGES else None


# Script variants a locale name can ask for (``uz@cyrillic``, ``sr-Latn``).
_SCRIPT_VARIANTS = frozenset(("latn", "cyrl", "arab", "hans", "hant"))
# Scripts written right to left, by their ISO 15924 codes.
_RIGHT_TO_LEFT = frozenset(("Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr"))


def declared_in_path(path: str) -> list[str]:
    """Languages named by a file's path: ``locale/ru/…``, ``ky/LC_MESSAGES/…``, ``po/kab.po``,
    ``i18n/el.json``, ``README.tr.md``, ``guide-el.md``."""
    segments = [s for s in re.split(r"[\\/]", path) if s and s != "."]
    if not segments:
        return []
    found: list[str] = []
    for i, segment in enumerate(segments[:-1]):
        nxt = segments[i + 1]
        if nxt == "LC_MESSAGES" or segment.lower() in _LOCALE_PARENTS:
            tag = _tag(segment if nxt == "LC_MESSAGES" else nxt.split(".")[0])
            if tag:
                found.append(tag)
    for segment in segments[:-1]:  # a locale folder anywhere: providers/el_GR/, fr-FR/
        if re.compile(_LOCALE_FOLDER_SOURCE).fullmatch(segment):
            tag = _tag(segment)
            if tag:
                found.append(tag)
    name = segments[-1]
    pieces = name.split(".")
    stem = pieces[0]
    if len(pieces) >= 3:  # README.tr.md
        tag = _tag(pieces[-2])
        if tag:
            found.append(tag)
    if len(pieces) == 2 and pieces[1].lower() == "po":  # ha.po, uz@cyrillic.po
        tag = _tag(stem)
        if tag:
            found.append(tag)
    m = re.search(r"([-_])([A-Za-z]{2,3}(?:[-_@][A-Za-z]+)?)$", stem)  # guide-el.md, x_ha.po
    if m and not (m.group(1) == "_" and m.group(2).lower() in _NOT_A_LANGUAGE_SUFFIX):
        tag = _tag(m.group(2))
        if tag:
            found.append(tag)
    return list(dict.fromkeys(found))


def declared_in_text(text: str) -> list[str]:
    """Languages a text declares near its start: gettext header, ``<html lang>``, front matter."""
    head = text[:_HEAD]
    found = []
    for source in (_GETTEXT_LANGUAGE_SOURCE, _HTML_LANG_SOURCE):
        for m in re.finditer(source, head):
            tag = _tag(m.group(1))
            if tag:
                found.append(tag)
    if head.startswith("---"):
        end = head.find("\n---", 3)
        for m in re.compile(_FRONT_MATTER_LANG_SOURCE).finditer(
            head[: end if end > 0 else len(head)]
        ):
            tag = _tag(m.group(1))
            if tag:
                found.append(tag)
    return found


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    from hooklint.unicode._english import WORDS

    return frozenset(" ".join(WORDS).split()) | _ENGLISH_SHORT


_CAMEL_SOURCE = "[A-Z]?[a-z]+|[A-Z]+(?![a-z])"


def english_word(word: str, *, derived: bool = True) -> bool:
    """Whether ``word`` (its lookalikes already read as the ASCII letters they pass for) is an
    English word, or two of them written together (``staticfiles``, ``ModelBackend``), or (with
    ``derived``) reads as an English derivation (``recompiling``)."""
    if not word.isascii() or not word.isalpha():
        return False
    words = _english_words()
    lower = word.lower()
    if lower in words:
        return True
    parts = re.compile(_CAMEL_SOURCE).findall(word)
    if len(parts) > 1 and all(p.lower() in words for p in parts):
        return True
    if any(lower[:cut] in words and lower[cut:] in words for cut in range(3, len(lower) - 2)):
        return True
    # An English derivation of a word that is not in the list: "recompiling", "nonillion".
    return derived and len(lower) >= _MIN_DERIVED and lower.endswith(_ENGLISH_ENDINGS)


@lru_cache(maxsize=4096)
def languages_writing(letter: str) -> tuple[tuple[str, str], ...]:
    """(tag, English name) of each language whose main exemplar set holds ``letter``."""
    from hooklint.unicode._exemplars import LANGUAGES

    low = letter.lower()
    return tuple(
        (tag, data[1])
        for tag, data in sorted(LANGUAGES.items())
        if low in data[2] and "_" not in tag
    )


def _names(languages: tuple[tuple[str, str], ...]) -> str:
    names = sorted({name for _, name in languages})
    if len(names) > _MAX_NAMES:
        return ", ".join(names[:_MAX_NAMES]) + " or other"
    if len(names) > 1:
        return ", ".join(names[:-1]) + " or " + names[-1]
    return names[0]


class TextContext:
    """What is ordinary in one file: built lazily, asked by the rules and the fixer."""

    def __init__(self, text: str, path: str | None = None) -> None:
        self.text = text
        self.path = path
        self._evident: dict[str, str | None] = {}

    @cached_property
    def declared(self) -> tuple[str, ...]:
        """The languages the file declares (path first, then its own header), as data keys."""
        found = declared_in_path(self.path) if self.path else []
        found += declared_in_text(self.text)
        return tuple(dict.fromkeys(found))

    @cached_property
    def declared_scripts(self) -> frozenset[str]:
        """The ISO 15924 scripts of the declared languages (``Cyrl``, ``Latn``)."""
        from hooklint.unicode._exemplars import LANGUAGES

        return frozenset(LANGUAGES[tag][0] for tag in self.declared)

    @cached_property
    def right_to_left(self) -> bool:
        """Whether the file declares a language written right to left. A catalogue's own
        header says what it holds, so it wins over the path (``locale/fa/x.po`` whose header
        says ``Language: fr`` is French)."""
        from hooklint.unicode._exemplars import LANGUAGES

        own = declared_in_text(self.text)
        tags = own or (declared_in_path(self.path) if self.path else [])
        return any(LANGUAGES[tag][0] in _RIGHT_TO_LEFT for tag in tags)

    def declares_script(self, script_name: str) -> bool:
        """Whether a declared language is written in the script (``GREEK`` for ``el``)."""
        iso = _ISO_SCRIPTS.get(script_name)
        return iso is not None and bool(self.declared) and iso in self.declared_scripts

    def declared_writes(self, letter: str) -> str | None:
        """The name of a declared language whose exemplars (main or auxiliary) hold ``letter``."""
        from hooklint.unicode._exemplars import LANGUAGES

        low = letter.lower()
        for tag in self.declared:
            _, name, main, aux = LANGUAGES[tag]
            if low in main or low in aux:
                return name
        return None

    def english_line(self, line: str) -> bool:
        """Whether a line reads as English: English function words make a share of its words."""
        words = _ASCII_WORD.findall(line)
        hits = sum(w.lower() in _FUNCTION_WORDS for w in words)
        return hits >= 2 and hits >= _ENGLISH_LINE_SHARE * len(words)

    @cached_property
    def english_text(self) -> bool:
        """Whether the file as a whole reads as English."""
        words = _ASCII_WORD.findall(self.text)
        hits = sum(w.lower() in _FUNCTION_WORDS for w in words)
        return hits >= 5 and hits >= _ENGLISH_LINE_SHARE * len(words)

    @cached_property
    def _letter_words(self) -> dict[str, set[str]]:
        """Non-ASCII letter (lowercase) -> the distinct words holding it that are no English
        words read with their lookalikes (an attack's ``ɗate`` shows no Hausa)."""
        out: dict[str, set[str]] = {}
        for token in set(re.compile(_NON_ASCII_WORD_SOURCE).findall(self.text)):
            for word in _LETTERS.findall(token.lower()):
                if word.isascii():
                    continue
                from hooklint.unicode.chars import skeleton

                if english_word(skeleton(word)):
                    continue
                for ch in set(word):
                    if not ch.isascii():
                        out.setdefault(ch, set()).add(word)
        return out

    def evident(self, letter: str) -> str | None:
        """The name of a language that the text shows in use and that writes ``letter``: at least
        three different words that are not English, written with at least two of its letters."""
        if letter not in self._evident:
            self._evident[letter] = self._find_evident(letter)
        return self._evident[letter]

    def _find_evident(self, letter: str) -> str | None:
        """(See :meth:`evident`.)"""
        for tag, name in languages_writing(letter):
            from hooklint.unicode._exemplars import LANGUAGES

            main = LANGUAGES[tag][2]
            words: set[str] = set()
            letters = 0
            for ch in main:
                used = self._letter_words.get(ch)
                if used:
                    letters += 1
                    words |= used
            if letters >= 2 and len(words) >= 3:
                return name
        return None

    @cached_property
    def subject(self) -> Subject:
        """Questions about characters that are the subject of the text."""
        return Subject(self.text)

    def letter_verdict(self, letter: str, word: str, skeleton: str, line: str) -> str | None:
        """None when ``letter`` (a lookalike that is a letter of some alphabet) is ordinary in
        ``word`` here; else why it is not (appended to the finding's message)."""
        if not letter:
            return ""
        if self.declared_writes(letter):
            return None
        languages = languages_writing(letter)
        if not languages:
            return ""  # a letter no language writes: a lookalike, nothing more to say
        names = _names(languages)
        article = "an" if names[0] in "AEIOU" else "a"
        english_line = self.english_line(line)
        evident = self.evident(letter)
        if evident and not english_line:
            return None
        if english_word(skeleton):
            return f"{article} {names} letter in an English word"
        if evident or ord(letter) < _EXTENDED_LATIN_START:
            # (A letter of an everyday alphabet, Turkish ı, outside English words is a name or
            # a word quoted in English text: "the Kapalı market".)
            return None
        if english_line or (self.english_text and not _TRANSLATION.match(line)):
            return f"{article} {names} letter in English text that shows no {names}"
        return None


# ---------------------------------------------------------------------------------- notation

# An escape (``\\n``, ``\\d``, ``\\u00e9``) or a printf conversion (``%s``, ``%(count)d``) glued to
# a non-ASCII word is notation, not a letter of that word: "%(cnt)sнерседен", "\\nЕгор".
_NOTATION = re.compile(
    r"(?:\\[nrtabfvdDwWsSbB]|\\u[0-9a-fA-F]{4}|\\x[0-9a-fA-F]{2}"
    r"|%(?:\([^()\n]{0,64}\))?[-#0 +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"[diouxXeEfFgGcrsa])(?=[^\x00-\x7f])"
)


def without_notation(text: str) -> str:
    """``text`` with the letter of each escape or printf conversion that is glued to a
    non-ASCII word made a space (columns stay where they are)."""
    if "\\" not in text and "%" not in text:
        return text
    return _NOTATION.sub(lambda m: m.group()[0] + " " * (len(m.group()) - 1), text)


# ------------------------------------------------------------------ characters as the subject

# Scripts of the confusable data (hooklint.unicode._tables.SCRIPTS) by their ISO 15924 code.
_ISO_SCRIPTS = {
    "CYRILLIC": "Cyrl",
    "GREEK": "Grek",
    "ARMENIAN": "Armn",
    "GEORGIAN": "Geor",
    "CHEROKEE": "Cher",
    "HEBREW": "Hebr",
    "ARABIC": "Arab",
    "COPTIC": "Copt",
    "LATIN": "Latn",
}
_NAMED_SPAN = 40  # characters on each side of a character where its name counts
_WINDOW = 2  # lines before and after a word that can name its character or its language
_QUOTED_CHAR_SOURCE = r"([\"'`])[^\x00-\x7f]\ufe0f?\1"
# A quoted run of characters that are neither ASCII nor letters or digits: "⊶⊷", "▮▯".
_QUOTED_GLYPHS_SOURCE = r"([\"'`])[^\x00-\x7f\w]{1,8}\1"
_MAX_GLYPHS = 4  # characters of a quoted string that can be one more glyph of such a table
_RANGE_SOURCE = r"[^\x00-\x7f]-[^\x00-\x7f]"
_FORMULA_NEIGHBOURS = frozenset(
    "0123456789=+-*/^_<>()[]{}|\u00b7\u00d7\u2212\u2261\u22c5\u2248\u2264\u2265"
)
_ENTITY_SOURCE = r"&([A-Za-z][A-Za-z0-9]*);"


@lru_cache(maxsize=64)
def _language_pattern(script_name: str) -> re.Pattern[str] | None:
    """Words that name a language written in the script (``Russian``, ``"ru"``)."""
    from hooklint.unicode._exemplars import LANGUAGES

    iso = _ISO_SCRIPTS.get(script_name)
    if iso is None:
        return None
    # (The script's own name is left out: "Cyrillic small letter A" explains a disguise.)
    names = set()
    codes = set()
    for tag, (script, name, _, _) in LANGUAGES.items():
        if script == iso and "_" not in tag:
            names.add(name.split(" (")[0])
            codes.add(tag)
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    code_alternatives = "|".join(sorted(codes))
    return re.compile(rf"\b(?:{alternatives})\b|[\"']({code_alternatives})[\"']")


# The words that open the name of a styled letter: a line that names the style of a letter is
# about that kind of letter ("fullwidth characters", "double-struck ℤ", "a circled digit").
_STYLE_SOURCE = (
    r"(FULLWIDTH|HALFWIDTH|MATHEMATICAL(?: (?:BOLD|ITALIC|SANS-SERIF|MONOSPACE))?|DOUBLE-STRUCK"
    r"|CIRCLED|PARENTHESIZED|SUPERSCRIPT|SUBSCRIPT|ROMAN NUMERAL|SMALL CAPITAL)\b"
)


@lru_cache(maxsize=32)
def _style_named(style: str) -> re.Pattern[str]:
    """The style's name as a text writes it: any case, with a space, hyphen or nothing between
    its words (``fullwidth``, ``Full-width``, ``double struck``, ``Mathematical Bold``)."""
    words = re.split(r"[ -]", style.lower().replace("width", " width"))
    return re.compile(r"\b" + r"[ -]?".join(map(re.escape, words)), re.IGNORECASE)


def _quoted(line: str, start: int, end: int, closing: str = "") -> bool:
    """Whether ``line[start:end]`` is the whole of a string in quotes: a quote before it, and the
    same quote after it (or ``closing``, a character that may stand before that quote)."""
    before, after = line[start - 1 : start], line[end : end + 1]
    return (
        bool(before)
        and before in "\"'`"
        and (after == before or (bool(closing) and after == closing))
    )


class Subject:
    """Questions about a character that may be the subject of its text rather than a disguise:
    named next to itself, listed in a table of characters, written as notation in a formula.
    Asked only about a finding, with the file's lines at hand."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def lines(self) -> list[str]:
        from hooklint.source import LINE_END

        return LINE_END.split(self.text)

    def window(self, lineno: int, radius: int = _WINDOW) -> str:
        lines = self.lines
        return "\n".join(lines[max(0, lineno - 1 - radius) : lineno + radius])

    def named(self, ch: str, lineno: int, line: str, col: int) -> bool:
        """The character is named next to itself, on its line (``'K' (U+212A, Kelvin sign)``,
        ``"Roman Numeral One", 'Ⅰ'``), its style is named on its line (``fullwidth``), or a
        styled letter is written nearby as its HTML entity (``&Jscr;``)."""
        import unicodedata

        beside = line[max(0, col - _NAMED_SPAN) : col + _NAMED_SPAN]
        if f"U+{ord(ch):04X}" in beside.upper():
            return True
        name = unicodedata.name(ch, "")
        if name and name.lower() in beside.lower():
            return True
        style = re.compile(_STYLE_SOURCE).match(name)
        if style and _style_named(style.group(1)).search(line):
            return True  # "alphabets in unicode fullwidth characters": the style is the subject
        near = self.window(lineno)
        if "&" in near:
            from html.entities import html5

            for m in re.compile(_ENTITY_SOURCE).finditer(near):
                if html5.get(m.group(1) + ";") == ch:
                    return True
        return False

    def named_nearby(self, ch: str, lineno: int) -> bool:
        """The character's code point or name is written within a few lines (a paragraph about
        it)."""
        import unicodedata

        near = self.window(lineno).lower()
        name = unicodedata.name(ch, "").lower()
        return f"u+{ord(ch):04x}" in near or bool(name and name in near)

    def in_table(self, lineno: int, line: str, start: int, end: int) -> bool:
        """The word is an entry of a table of characters: one quoted character among several
        (``"Α",`` in a dict of named characters), part of a run of ranges (``À-ÖØ-ö``) or a
        range of a regex character class (``[ａ-ｚ]``)."""
        at_dash = line[start - 1 : start] == "-" or line[end : end + 1] == "-"
        if at_dash and len(re.compile(_RANGE_SOURCE).findall(line)) >= 3:
            return True
        if at_dash and line.rfind("[", 0, start) > line.rfind("]", 0, start):
            return True  # a range of a regex character class: [a-zA-Zａ-ｚ]
        if _quoted(line, start, end, "\ufe0f"):
            return len(re.compile(_QUOTED_CHAR_SOURCE).findall(self.window(lineno))) >= 3
        return False

    def glyph_table(self, lineno: int, line: str, start: int, end: int) -> bool:
        """The word is a whole quoted string of a few characters among quoted strings of
        symbols: one more glyph of a table of them (``"ဝ၀"`` among the frames of a terminal
        spinner, ``"⊶⊷"``, ``"▮▯"``), chosen for its shape."""
        if end - start > _MAX_GLYPHS or not _quoted(line, start, end):
            return False
        return len(re.compile(_QUOTED_GLYPHS_SOURCE).findall(self.window(lineno))) >= 3

    def language_named(self, script_name: str, lineno: int) -> bool:
        """A language written in the script (or its code in quotes) is named near the word:
        ``the Russian preposition “с”``, ``if "ru" in languages``."""
        pattern = _language_pattern(script_name)
        return pattern is not None and pattern.search(self.window(lineno)) is not None

    def formula(self, line: str, start: int, end: int) -> bool:
        """A mathematical letter written as notation: next to a digit or an operator, or on a
        line that holds no prose (fewer than two words of three ASCII letters)."""
        before = line[:start].rstrip()[-1:]
        after = line[end:].lstrip()[:1]
        if (before and before in _FORMULA_NEIGHBOURS) or (after and after in _FORMULA_NEIGHBOURS):
            return True
        if not before and not after:
            return True
        return len(re.findall(r"[A-Za-z]{3,}", line)) < 2
