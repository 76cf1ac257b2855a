"""Lookalike letters hidden in words (HL101–HL104).

The unit is the word: a run of letters, marks and digits (a run of CJK characters is a word of
its own, since those scripts do not separate words with spaces). Only words with a non-ASCII
character are looked at. A word is judged by the scripts of its letters and by which of its
non-ASCII letters pass for an ASCII letter (``LOOKALIKES``):

- a word with ASCII letters whose non-ASCII letters are all lookalikes was written to pass for a
  Latin word (``Ankаra``, ``ɑnd``, ``Ѕуѕtеm``): HL101 across scripts, HL102 within Latin/Common;
- otherwise the majority script decides, and minority letters that look like a letter of the
  majority script are flagged (``Москвa``): HL101;
- a word made only of lookalikes (``а``, ``Տ``, ``Α``, ``ｓｓｓ``) is flagged unless its own script
  is used around it: HL103;
- digits of two systems in one number, or a lookalike between digits (``1О0``): HL104.

"Used around it" is decided at the end of the file: a script counts as really used when the line
has other words in it, or the file has at least three different words that need it (or, in words
too short to count, eight different letters of it that pass for nothing: an alphabet table).

Everything else about the file is asked of its context (``hooklint.context.TextContext``): whether
a letter of a real alphabet (Kabyle ``ɣ``, Hausa ``ɗ``, Turkish ``ı``) is ordinary here or sits
in an English word, whether a character is the subject of the text (named beside itself, in a
table, in a formula), and which language the file declares.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from functools import lru_cache
from itertools import compress, filterfalse, pairwise, repeat
from operator import eq, gt, not_

from hooklint.context import TextContext, without_notation
from hooklint.diagnostic import describe, safe
from hooklint.rules import Finding
from hooklint.unicode.chars import (
    CJK_SCRIPTS,
    COMMON,
    CYRILLIC,
    GREEK,
    LATIN,
    LOOKALIKES,
    NEUTRAL_SCRIPTS,
    SCRIPTS,
    SYMBOL_LOOKALIKES,
    WEAK_LOOKALIKES,
    imitations,
    script_and_kind,
    script_name,
    skeleton,
)

# Combining marks of the common scripts (a coarse class: compiling an exact one costs more than
# the marks it would add).
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0dff\u0e31-\u0e4e\u0eb1-\u0ecd\u0f18-\u0fbc\u102b-\u103e\u1056-\u109d"
    "\u17b4-\u17d3\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20f0\u302a-\u302f\u3099\u309a"
)
_SYMBOLS = "".join(sorted(SYMBOL_LOOKALIKES))
#: a word: a run of letters, digits, combining marks and symbols that pass for letters (``⍺nd``);
#: runs of CJK characters inside it are split off later (see ``_cjk_runs``)
WORD = re.compile(f"(?:[^\\W_]+|[{_MARKS}{_SYMBOLS}]+)+")  # runs, not characters: far faster
ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_WITHOUT_ASCII_LETTERS = dict.fromkeys(map(ord, ASCII_LETTERS))
_NON_ASCII = re.compile("[^\x00-\x7f]")
# A token: a run of ASCII letters, digits and non-ASCII characters, with at least one of the
# latter. Every word with a non-ASCII character lies within one.
_TOKEN_CHAR = "[^\\x00-/:-@\\[-`{-\\x7f]"
# Each ASCII byte that is no letter or digit made a space: UTF-8 writes every non-ASCII
# character in bytes of 0x80 and above only, so the text's bytes translated by this table and
# split at spaces are its runs of token characters (see ``_tokens``).
_TOKEN_BYTES = bytes(b if b >= 0x80 or chr(b).isalnum() else 0x20 for b in range(256))
# More tokens to look for than this, and every line is scanned.
_MAX_SOUGHT = 64
_DIGIT = re.compile(r"\d")  # a decimal digit of any system, as str.isdecimal
# Roman numerals and fullwidth forms are ordinary in Chinese, Japanese and Korean text.
# (The patterns of this module whose names end in _SOURCE are compiled by re where they are
# asked: most runs find no candidate that needs them.)
_CJK_FORMS_SOURCE = "[\u2150-\u218f\uff01-\uff5e]"
_MAX_SHOWN = 40
# Latin Extended-B and IPA Extensions: rare in English, ordinary in some African alphabets.
_EXTENDED_LATIN = range(0x0180, 0x02B0)
_EVIDENCE_WORDS = 3
# Or this many different letters, none of them a lookalike, in short words of the script: a
# transliteration table ("Б" → "b", "Ж" → "zh") writes the alphabet one letter at a time.
_EVIDENCE_LETTERS = 8


def _numbers_key(script: int) -> int:
    """Evidence key: the file writes numbers in the digits of ``script``."""
    return -1000 - script


def _shown(word: str) -> str:
    if len(word) > _MAX_SHOWN:
        word = word[: _MAX_SHOWN - 1] + "…"
    return safe(word)


class _Pending:
    """A finding that waits for the verdict on the whole file: an extended-Latin lookalike that
    may turn out to be a letter of the file's alphabet, or a whole-word lookalike (HL103)."""

    __slots__ = ("col", "finding", "line", "line_scripts", "script", "text", "word")

    def __init__(
        self,
        finding: Finding | None,
        *,
        line: int = 0,
        col: int = 0,
        word: str = "",
        script: int = 0,
        line_scripts: frozenset[int] = frozenset(),
        text: str = "",
    ) -> None:
        self.finding = finding
        self.line = line
        self.col = col
        self.word = word
        self.script = script
        self.line_scripts = line_scripts
        self.text = text  # the line the word stands in


class ConfusableScan:
    """One file's scan: findings, evidence of the scripts the file uses, and pending verdicts."""

    def __init__(self, context: TextContext | None = None) -> None:
        #: what is ordinary in this file (asked only about letters that need it)
        self.context = context if context is not None else TextContext("")
        self.findings: list[Finding] = []
        # evidence key (a script, or the digits of a script) -> words showing it
        self.evidence: dict[int | str, set[str]] = {}
        # script -> the letters (no lookalikes) of its words too short to count as words
        self.letters: dict[int, set[str]] = {}
        self.pending: list[_Pending] = []
        self.lone: list[Finding] = []  # lone Latin letters among Cyrillic words

    def line(self, lineno: int, text: str) -> None:
        """Look at every word of one line that has a non-ASCII character."""
        text = without_notation(text)
        self._lone_latin(lineno, text)
        line_scripts: frozenset[int] | None = None
        for m in WORD.finditer(text):
            word = m.group()
            if word.isascii():
                continue
            # Most words are plainly written in one script: settle those from the set of their
            # character classes alone, without judging letter by letter.
            shape = _word_shape(word)
            if shape >= _NO_SCRIPT:
                if shape != _NO_SCRIPT and not self._verified(shape):
                    self._witness(shape, word)
                continue
            parts = _cjk_runs(m.start(), word) if shape == _SPLIT else ((m.start(), word),)
            for start, part in parts:
                if part.isascii():
                    continue
                whole = self._word(lineno, start, part, text)
                if whole is not None:
                    if line_scripts is None:
                        line_scripts = _line_scripts(text)
                    self.pending.append(
                        _Pending(
                            None,
                            line=lineno,
                            col=start + 1,
                            word=part,
                            script=whole,
                            line_scripts=line_scripts,
                            text=text,
                        )
                    )

    def lines(self, rows: list[tuple[int, str]], joined: str) -> list[Finding]:
        """Scan a text given as its lines with a non-ASCII character, (number, text) in order,
        and those lines joined by line ends; returns every finding.

        The distinct tokens of those lines are surveyed first, at C speed. Most are plain words
        of one script, which only count as evidence; the lines that hold a token needing a
        closer look are then scanned as :meth:`line` scans them.
        """
        # Notation is blanked out of the joined text; the lines keep it, and those looked at
        # closer lose it one by one (``line`` does). It never spans a line end.
        if "\\" in joined or "%" in joined:
            joined = without_notation(joined)
        needy = self._survey(joined)
        if _may_hold_lone_latin(joined) and _LONE_LATIN.search(joined):
            for lineno, line in rows:
                self._lone_latin(lineno, without_notation(line))
        if len(needy) > _MAX_SOUGHT:
            for lineno, line in rows:
                self.line(lineno, line)
        elif needy:
            sought = "|".join(map(re.escape, sorted(needy, key=len, reverse=True)))
            # (No look behind first: a pattern that starts with its tokens' first characters is
            # searched for at C speed. A match that a token character stands before is the end
            # of a longer token, which holds no other match: passed over.)
            pattern = re.compile(f"(?:{sought})(?!{_TOKEN_CHAR})")
            # Searched in the joined text, whose n-th line is rows[n] (no token holds a line
            # end, and a line end is no token character): the line ends before a match number
            # its line.
            index = position = 0
            scanned = -1
            for m in pattern.finditer(joined):
                start = m.start()
                if start and (joined[start - 1] >= "\x80" or joined[start - 1].isalnum()):
                    continue
                index += joined.count("\n", position, start)
                position = start
                if index != scanned:
                    scanned = index
                    self.line(*rows[index])
        return self.finish()

    def _survey(self, text: str) -> set[str]:
        """Gather the evidence of every distinct token of ``text``; return the tokens that may
        hold a finding."""
        joined = _tokens(text)
        if not joined:
            return set()
        tokens = joined.split("\n")
        classes = joined.translate(_CLASSES)
        # A plain word of one script holds no finding; three of them show that the file is
        # written in that script. Most tokens are plain words of the file's own script or two:
        # one regex over the classes of all tokens (a line each) finds those of one script.
        for _ in range(_PLAIN_ROUNDS):
            letter = _FIRST_LETTER.search(classes) if len(tokens) >= _FEW_TOKENS else None
            if letter is None:
                break
            script = (ord(letter.group()) - 0x100) >> 3
            # '' for a plain word of the script, the word's classes for any other
            others = _plain_words(script).findall(classes)
            if script not in NEUTRAL_SCRIPTS and script != LATIN:  # (else _NO_SCRIPT)
                for token in compress(tokens, map(not_, others)):
                    if self._verified(script):
                        break
                    self._witness(script, token)
            tokens = list(compress(tokens, others))
            classes = "\n".join(filter(None, others))
        shapes = list(map(_shape, map(frozenset, classes.split("\n")))) if tokens else []
        for script in set(shapes):
            if script >= 0:  # (the other shapes are negative)
                for token in compress(tokens, map(eq, shapes, repeat(script))):
                    if self._verified(script):
                        break
                    self._witness(script, token)
        return self._judge_tokens(compress(tokens, map(gt, repeat(_NO_SCRIPT), shapes)))

    def _judge_tokens(self, tokens: Iterable[str]) -> set[str]:
        """Judge the words of tokens that are no plain word of one script; return the tokens
        that may hold a finding."""
        needy = set()
        wholes: list[tuple[str, str, int]] = []  # (token, word, script) of whole-word lookalikes
        for token in tokens:
            for word in WORD.findall(token):
                if word.isascii():
                    continue
                shape = _word_shape(word)
                if shape >= _NO_SCRIPT:
                    if shape != _NO_SCRIPT:
                        self._witness(shape, word)
                    continue
                parts = _cjk_split(word) if shape == _SPLIT else ((0, word),)
                for _, part in parts:
                    if part.isascii():
                        continue
                    verdict = self._judged(part)
                    if verdict.marks:
                        if not self._ordinary_everywhere(part, verdict.marks):
                            needy.add(token)
                    elif verdict.whole is not None:
                        wholes.append((token, part, verdict.whole))
        for token, word, script in wholes:
            if not self._passes_anywhere(word, script):
                needy.add(token)
        return needy

    def _ordinary_everywhere(self, word: str, marks: tuple[tuple[int, str, str], ...]) -> bool:
        """Whether every mark of the word is a letter of a real alphabet that the context makes
        ordinary wherever the word stands: a letter of a declared language, or of a language the
        file shows in use, in a word that is not English (the word is then skipped at once: a
        Turkish text has thousands of words with ``ı``)."""
        if any(code == "HL104" for _, code, _ in marks):
            return False
        letters = {word[i] for i, _, _ in marks}
        if not all(map(_alphabet_candidate, letters)):
            return False
        context = self.context
        if all(context.declared_writes(c) for c in letters):
            return True
        from hooklint.context import english_word

        return all(context.evident(c) for c in letters) and not english_word(skeleton(word))

    def _passes_anywhere(self, word: str, script: int) -> bool:
        """Whether a whole-word lookalike passes whatever line it stands in: a lone lowercase
        Greek letter other than omicron (a symbol: α = 0.05, μm, density ρ), or a word of a
        script that the evidence gathered so far shows the file to be written in. (A lone Greek
        capital identical to a Latin one still depends on its line: ``_whole_word_verdict``.)"""
        if word.isdecimal() and self._verified(_numbers_key(script)):
            return True  # a digit among numbers written in its system: "+৫৯ ৭"
        if script in (LATIN, COMMON):
            return False
        if script == GREEK and sum(c.isalpha() for c in word) == 1:
            return word[0].islower() and word[0] != "\u03bf"
        return self._verified(script)

    def _lone_latin(self, lineno: int, text: str) -> None:
        """A Latin ``c`` or ``o`` standing alone between two Cyrillic words, where the Russian
        prepositions ``с`` and ``о`` are meant: judged at the end, when the file's Cyrillic is
        known."""
        for m in _LONE_LATIN.finditer(text):
            ch = m.group()
            twin = imitations()[CYRILLIC][ch]
            self.lone.append(
                Finding(
                    lineno,
                    m.start() + 1,
                    "HL101",
                    f"{describe(ch)} stands alone among Cyrillic words, where the Cyrillic "
                    f"word '{twin}' looks the same",
                    ch,
                )
            )

    def finish(self) -> list[Finding]:
        """Resolve what waited for the whole file; returns every finding."""
        if self.lone and self._verified(CYRILLIC):
            self.findings.extend(self.lone)
            self.lone = []
        for p in self.pending:
            if p.finding is not None:
                letter = p.finding.char or ""
                why = self.context.letter_verdict(letter, p.word, skeleton(p.word), p.text)
                if why is not None:
                    f = p.finding
                    said = f"{f.message}: {why}" if why else f.message
                    self.findings.append(f._replace(message=said))
                continue
            message = self._whole_word_verdict(p)
            if message is not None:
                offset, ch = next((i, c) for i, c in enumerate(p.word) if c in LOOKALIKES)
                self.findings.append(
                    Finding(p.line, p.col + offset, "HL103", f"{describe(ch)} {message}", ch)
                )
        return self.findings

    def _verified(self, key: int) -> bool:
        return (
            len(self.evidence.get(key, ())) >= _EVIDENCE_WORDS
            or len(self.letters.get(key, ())) >= _EVIDENCE_LETTERS
        )

    def _witness(self, key: int | str, word: str) -> None:
        seen = self.evidence.setdefault(key, set())
        if len(word) >= 3:
            if len(seen) < _EVIDENCE_WORDS:
                seen.add(word)
        elif isinstance(key, int) and key >= 0 and key != GREEK:
            # (Lone Greek letters are a mathematician's symbols, no sign of Greek text.)
            letters = self.letters.setdefault(key, set())
            letters.update(c for c in word if c.isalpha() and c not in LOOKALIKES)

    def _whole_word_verdict(self, p: _Pending) -> str | None:
        if self._passes_anywhere(p.word, p.script):
            return None
        first = p.word[0]
        looks = "".join(_looks(c) for c in p.word)
        script = p.script
        if self._whole_word_is_subject(p):
            return None
        if script in (LATIN, COMMON):
            if re.compile(_CJK_FORMS_SOURCE).match(first) and p.line_scripts & CJK_SCRIPTS:
                return None
            if (ord(first) in _EXTENDED_LATIN or first in WEAK_LOOKALIKES) and (
                self.context.letter_verdict(first, p.word, looks, p.text) is None
            ):
                return None
            return f"in word '{_shown(p.word)}' is a lookalike of '{looks}'"
        if script in p.line_scripts:
            return None
        name = script_name(script)
        if script == GREEK and sum(c.isalpha() for c in p.word) == 1:
            if LATIN in p.line_scripts or not self._verified(script):
                return f"stands alone as a {name} word among Latin text and looks like '{looks}'"
            return None
        return (
            f"in word '{_shown(p.word)}' is all {name} lookalikes of '{looks}', and the file "
            f"does not otherwise use {name}"
        )

    def _subject_of_text(
        self,
        lineno: int,
        start: int,
        word: str,
        text: str,
        marks: tuple[tuple[int, str, str], ...],
    ) -> bool:
        """Whether the marked characters of a word are what the text is about rather than a
        disguise: broken text (U+FFFD), an entry of a character table or range, characters
        named next to themselves (``U+212A``, ``&Jscr;``)."""
        if "\ufffd" in text[max(0, start - 1) : start + len(word) + 1]:
            return True  # mojibake or test data of a decoder: nothing here imitates a word
        if all(re.compile(_FULLWIDTH_LETTER_SOURCE).match(word[i]) for i, _, _ in marks) and (
            _cjk_letter(text[start - 1 : start])
            or _cjk_letter(text[start + len(word) : start + len(word) + 1])
        ):
            return True  # Japanese writes Latin letters fullwidth, glued to its text: Ｂ１あ
        subject = self.context.subject
        if subject.in_table(lineno, text, start, start + len(word)):
            return True
        if _in_code_span(text, start) and all(
            subject.named_nearby(word[i], lineno) for i, _, _ in marks
        ):
            return True  # ``'ſpam'`` in a paragraph about U+017F
        # A styled letter inside a word named nearby (``&Jscr;ohn`` → ``𝒥ohn``, ``'ｓｐｈｉｎｘ'  #
        # fullwidth``); a lookalike of a plain letter is a disguise even where the text explains it.
        return all(
            _styled(word[i]) and subject.named(word[i], lineno, text, start + i)
            for i, _, _ in marks
        )

    def _whole_word_is_subject(self, p: _Pending) -> bool:
        """A word made of lookalikes that the text is about: the ℹ emoji, a character named
        next to itself or listed in a table, a mathematical letter in a formula, a word quoted
        in a line that names its language (``the Russian preposition “с”``)."""
        lookalikes = [c for c in p.word if c in LOOKALIKES]
        if not lookalikes or lookalikes == ["\u2139"]:
            return True  # INFORMATION SOURCE: an emoji
        if p.script not in (LATIN, COMMON) and self.context.declares_script(SCRIPTS[p.script]):
            return True  # "ΥΑ" in a file of a Greek locale
        letters = [c for c in p.word if c.isalpha()]
        if len(letters) >= _ALPHABET_RUN and letters == sorted(set(letters)):
            return True  # letters in alphabetical order, each once: a list of letters
        subject = self.context.subject
        start = p.col - 1
        end = start + len(p.word)
        if subject.in_table(p.line, p.text, start, end) or subject.glyph_table(
            p.line, p.text, start, end
        ):
            return True
        if all(subject.named(c, p.line, p.text, start + p.word.index(c)) for c in lookalikes):
            return True
        if (
            all(_mathematical(c) for c in lookalikes)
            and sum(c.isalpha() for c in p.word) <= _MAX_NOTATION_LETTERS
            and subject.formula(p.text, start, end)
        ):
            return True
        return p.script not in (LATIN, COMMON) and subject.language_named(SCRIPTS[p.script], p.line)

    def _judged(self, word: str) -> _Verdict:
        """The verdict on one word, whose evidence is recorded."""
        verdict = _judge(word)
        for key in verdict.witness:
            self._witness(key, word)
        return verdict

    def _word(self, lineno: int, start: int, word: str, text: str) -> int | None:
        """Judge one word; returns the script of a whole-word lookalike to resolve later."""
        verdict = self._judged(word)
        if verdict.marks and self._subject_of_text(lineno, start, word, text, verdict.marks):
            return None
        # Letters of extended Latin alphabets (Hausa ɗ, Kabyle ɣ, Turkish ı) are findings or
        # ordinary letters depending on the text: the context decides at the end of the file,
        # unless the word holds another lookalike too (then it is a disguise whatever the text).
        contextual = all(
            _alphabet_candidate(word[i]) for i, code, _ in verdict.marks if code != "HL104"
        )
        for i, code, message in verdict.marks:
            ch = word[i]
            finding = Finding(lineno, start + i + 1, code, message, ch)
            if code != "HL104" and contextual:
                self.pending.append(_Pending(finding, word=word, text=text))
            else:
                self.findings.append(finding)
        return verdict.whole


class _Verdict:
    """What a word says on its own, whatever file it stands in (so it can be cached). (A plain
    class: a named tuple's class costs ~0.05 ms more to build when the module is imported.)"""

    __slots__ = ("marks", "whole", "witness")

    def __init__(
        self,
        marks: tuple[tuple[int, str, str], ...],
        whole: int | None,
        witness: tuple[int | str, ...],
    ) -> None:
        self.marks = marks  # (offset, code, message) of each finding
        self.whole = whole  # the script of a whole-word lookalike, judged later in context
        self.witness = witness  # evidence keys this word supports


@lru_cache(maxsize=1 << 16)
def _judge(word: str) -> _Verdict:
    counts: dict[int, int] = {}
    strong: list[int] = []
    weak: list[int] = []
    other = False
    # ASCII letters are only counted: count them at C speed, then visit the other characters.
    ascii_letters = len(word) - len(word.translate(_WITHOUT_ASCII_LETTERS))
    witnesses: set[int] = set()
    digit_systems: set[int] = set()  # scripts of the digits that pass for nothing
    for m in _NON_ASCII.finditer(word):
        i, ch = m.start(), m.group()
        if ch in SYMBOL_LOOKALIKES:
            if _glued(word, i):
                strong.append(i)
            continue
        script, kind = script_and_kind(ch)
        if kind == "M":
            continue
        if ch in LOOKALIKES:
            (weak if ch in WEAK_LOOKALIKES else strong).append(i)
        elif ch in ACCENTED_LOOKALIKES and ascii_letters:
            strong.append(i)  # a Greek ό among Latin letters passes for ó
            continue
        elif kind == "N":
            other = True
            if ch.isdecimal():
                digit_systems.add(script)
            continue
        elif kind == "L":
            other = True
            witnesses.add(script)
        if kind == "L" and script not in NEUTRAL_SCRIPTS:
            counts[script] = counts.get(script, 0) + 1
    if ascii_letters:
        counts[LATIN] = counts.get(LATIN, 0) + ascii_letters
    majority = max(counts, key=lambda s: (counts[s], s == LATIN)) if counts else LATIN
    # A word is evidence that the file is written in a script only when it is mostly that
    # script: "Alloτ" is no evidence of Greek.
    witness: list[int | str] = []
    if majority in witnesses:
        witness.append(majority)
    if not counts:  # a number: evidence that the file writes numbers in these digits
        witness.extend(_numbers_key(script) for script in digit_systems)

    marks = _digits(word)
    skip = {i for i, _, _ in marks}
    whole = None
    if len(counts) == 2 and LATIN in counts and _glued_words(word):
        return _Verdict(tuple(marks), None, tuple(witness))
    if (counts or not other) and (strong or (ascii_letters and other)):
        if not other:
            scripts = {script_and_kind(word[i])[0] for i in strong}
            if ascii_letters or len(scripts) > 1:
                marks.extend(_marks(word, [*strong, *weak], skip, None))
            elif not skip:
                whole = scripts.pop()
        elif majority == LATIN:
            if strong:
                marks.extend(_marks(word, [*strong, *weak], skip, None))
        else:
            imitated = imitations().get(majority, {})
            picks = []
            for i in sorted([*strong, *(i for i, ch in enumerate(word) if ch in ASCII_LETTERS)]):
                ch = word[i]
                script = LATIN if ch.isascii() else script_and_kind(ch)[0]
                if script != majority and _looks(ch) in imitated:
                    picks.append(i)
            marks.extend(_marks(word, picks, skip, majority))
    elif weak and ascii_letters and not other:
        # Turkish ı or the long ſ among ASCII letters: "thıs" or "Kapalı", as the context says
        marks.extend(_marks(word, weak, skip, None))
    return _Verdict(tuple(marks), whole, tuple(witness))


def _marks(
    word: str, offsets: Iterable[int], skip: set[int], majority: int | None
) -> list[tuple[int, str, str]]:
    out = []
    for i in offsets:
        if i in skip:
            continue
        ch = word[i]
        if majority is None:
            script = script_and_kind(ch)[0]
            looks = _looks(ch)
            if script in (LATIN, COMMON) or ch in SYMBOL_LOOKALIKES:
                code = "HL102"
                why = f"in word '{_shown(word)}' looks like '{looks}'"
            else:
                code = "HL101"
                why = f"in Latin word '{_shown(word)}' looks like '{looks}'"
        else:
            code = "HL101"
            twin = imitations()[majority][_looks(ch)]
            name = script_name(majority)
            why = f"in {name} word '{_shown(word)}' looks like {name} '{twin}'"
        out.append((i, code, f"{describe(ch)} {why}"))
    return out


def _digits(word: str) -> list[tuple[int, str, str]]:
    """HL104: a number that mixes digit systems, or has a lookalike between digits."""
    digits = [m.start() for m in _DIGIT.finditer(word)]
    if len(digits) < 2:
        return []
    import unicodedata  # (here: most runs ask no character's properties)

    out = []
    systems: dict[int, list[int]] = {}
    for i in digits:
        systems.setdefault(ord(word[i]) - unicodedata.decimal(word[i]), []).append(i)
    if len(systems) > 1:
        main = max(systems, key=lambda zero: (len(systems[zero]), zero == 0x30))
        for zero, offsets in systems.items():
            if zero != main:
                for i in offsets:
                    out.append(
                        (i, "HL104", f"{describe(word[i])} mixes digit systems in '{_shown(word)}'")
                    )
    for i in range(digits[0] + 1, digits[-1]):
        ch = word[i]
        if ch in LOOKALIKES and not ch.isdecimal():
            out.append(
                (
                    i,
                    "HL104",
                    f"{describe(ch)} looks like '{LOOKALIKES[ch]}' between "
                    f"digits in '{_shown(word)}'",
                )
            )
    return sorted(out)


# Each character of a word is translated to a class: "a" an ASCII letter, "0" an ASCII digit,
# other ASCII dropped, and for the rest one character that encodes (script, kind) as
# 0x100 + 8 * script + kind, kind being one of:
_LETTER, _LOOKALIKE, _WEAK, _MARK, _NUMBER, _SYMBOL, _OTHER, _EXTENDED_LETTER = range(8)
# A lone Latin c or o between two Cyrillic words (one space on each side). (The letter comes
# first, the look behind after it: a pattern that starts with a class is searched for at C
# speed, one that starts with a look behind is tried at every character.)
_LONE_LATIN = re.compile("[co](?<=[\u0400-\u04ff] [co])(?= [\u0400-\u04ff])")


def _may_hold_lone_latin(text: str) -> bool:
    """Whether ``text`` holds " c " or " o ", as each ``_LONE_LATIN`` match does (a text found
    at memchr speed, where the regex stops at every c and o of the text)."""
    return " c " in text or " o " in text


_NO_SCRIPT = -1  # shape: a plain word that is evidence of no script
_SPLIT = -2  # shape: CJK runs to split off first
_JUDGE = -3  # shape: judge letter by letter


#: the class of every combining mark (of script 0)
_ANY_MARK = chr(0x100 + _MARK)


def _decomposition(ch: str) -> str:
    import unicodedata  # (here: most runs ask no character's properties)

    return unicodedata.decomposition(ch)


class _ClassTable(dict[int, "str | None"]):
    """``str.translate`` table from code point to class, filled on first sight of each one."""

    def __missing__(self, cp: int) -> str | None:
        ch = chr(cp)
        value: str | None
        if cp < 0x80:
            value = "a" if ch in ASCII_LETTERS else "0" if ch.isdigit() else None
        else:
            script, kind = script_and_kind(ch)
            if ch in SYMBOL_LOOKALIKES:
                code = _SYMBOL
            elif ch in LOOKALIKES:
                code = _WEAK if ch in WEAK_LOOKALIKES else _LOOKALIKE
            elif kind == "L" and cp in _EXTENDED_LATIN and not _decomposition(ch):
                code = _EXTENDED_LETTER
            elif kind == "M":
                return self.setdefault(cp, _ANY_MARK)  # (the script of a mark matters not)
            else:
                code = {"L": _LETTER, "N": _NUMBER}.get(kind, _OTHER)
            value = chr(0x100 + 8 * script + code)
        self[cp] = value
        return value


_CLASSES = _ClassTable()
_CLASSES[ord("\n")] = "\n"  # kept, to translate many words joined by line ends at once


# Rounds of ``_plain_words`` over the tokens of a file, each for one script, while this many
# tokens are left (the rest are shaped one by one).
_PLAIN_ROUNDS = 3
_FEW_TOKENS = 8
# The class of a letter of any script that is no lookalike (the first one names the script
# of the next round).
_FIRST_LETTER = re.compile(
    "[" + "".join(chr(0x100 + 8 * script + _LETTER) for script in range(len(SCRIPTS))) + "]"
)


def _tokens(text: str) -> str:
    """The distinct tokens of ``text``, joined by line ends ('' when there are none).

    A token is a run of token characters (``_TOKEN_CHAR``) with a non-ASCII character in it: in
    the text's UTF-8 bytes, a run between ASCII bytes that are no letter or digit, with a byte
    of 0x80 or above. (Splitting the bytes is C work all through, where a regex tries a match
    at every character.) Lone surrogates pass through both ways.
    """
    runs: list[bytes] = text.encode("utf-8", "surrogatepass").translate(_TOKEN_BYTES).split()
    distinct = set(filterfalse(bytes.isascii, runs))
    return b"\n".join(distinct).decode("utf-8", "surrogatepass")


@lru_cache(maxsize=64)
def _plain_words(script: int) -> re.Pattern[str]:
    """A pattern over words' classes, a line each: for each line, its ``findall`` gives '' when
    ``_shape`` would find the word plainly of ``script`` (every class a letter of the script, a
    lookalike or weak lookalike of it, or a mark, with at least one letter that is no
    lookalike; in Latin, ASCII letters too and no strong lookalike), else the line's classes.
    (And a last '' at the end of the text.)"""
    letter = chr(0x100 + 8 * script + _LETTER)
    others = chr(0x100 + 8 * script + _WEAK) + _ANY_MARK
    if script == LATIN:
        others += "a"
    else:
        others += chr(0x100 + 8 * script + _LOOKALIKE)
    # The first run cannot hold the letter, so neither repeat has to give anything back.
    repeat = "*+" if sys.version_info >= (3, 11) else "*"
    return re.compile(
        f"[{others}]{repeat}{letter}[{letter}{others}]{repeat}(?:\n|\\Z)|([^\n]*)(?:\n|\\Z)"
    )


@lru_cache(maxsize=1 << 16)
def _word_shape(word: str) -> int:
    return _shape(frozenset(word.translate(_CLASSES)))


@lru_cache(maxsize=4096)
def _shape(classes: frozenset[str]) -> int:
    """How a word with these character classes must be looked at: a script index (or
    ``_NO_SCRIPT``) when it is plainly one script with at least one letter that is no lookalike,
    so nothing in it can be a finding; else ``_SPLIT`` or ``_JUDGE``."""
    scripts: set[int] = set()
    plain_letter = lookalike = False
    cjk = other = False
    for c in classes:
        if c in "a0":
            other = True
            scripts.add(LATIN if c == "a" else _NO_SCRIPT)
            continue
        script, kind = divmod(ord(c) - 0x100, 8)
        if kind in (_LETTER, _LOOKALIKE, _WEAK):
            scripts.add(script)
            plain_letter |= kind == _LETTER
            lookalike |= kind == _LOOKALIKE
            if script in CJK_SCRIPTS:
                cjk = True
            else:
                other = True
        elif kind != _MARK:
            scripts.add(_NO_SCRIPT)
    if cjk and other:
        return _SPLIT
    if len(scripts) == 1 and plain_letter:
        script = scripts.pop()
        if script == LATIN:
            # Accented Latin (café, Müller) is plain unless it holds a lookalike (judged), or a
            # letter of an extended alphabet (evidence that is collected in full).
            return _JUDGE if lookalike else _NO_SCRIPT
        if script != _NO_SCRIPT:
            return _NO_SCRIPT if script in NEUTRAL_SCRIPTS else script
    return _JUDGE


def _cjk_runs(start: int, word: str) -> list[tuple[int, str]]:
    return [(start + offset, part) for offset, part in _cjk_split(word)]


@lru_cache(maxsize=1 << 16)
def _cjk_split(word: str) -> tuple[tuple[int, str], ...]:
    """Split ``word`` where it passes between CJK and other letters: Chinese and Japanese put no
    spaces between words, so ``请点击OK保存`` is three words."""
    cuts = []
    previous: bool | None = None
    for i, ch in enumerate(word):
        if ch.isascii():
            cjk = False
        else:
            script, kind = script_and_kind(ch)
            if kind != "L":
                continue
            cjk = script in CJK_SCRIPTS
        if previous is not None and cjk != previous:
            cuts.append(i)
        previous = cjk
    if not cuts:
        return ((0, word),)
    bounds = [0, *cuts, len(word)]
    return tuple((a, word[a:b]) for a, b in pairwise(bounds))


def _line_scripts(text: str) -> frozenset[int]:
    """The scripts that the words of a line show to be in use. A whole-word lookalike adds none
    (its letters are all lookalikes), so this is also the context of each such word."""
    found: set[int] = set()
    for word in WORD.findall(text):
        found |= _letter_scripts(word)
    return frozenset(found)


#: Greek letters with an accent that pass for an accented Latin letter (``pόlice``,
#: Yoruba typed with ``ό`` for ``ó``)
ACCENTED_LOOKALIKES = {
    "\u03ac": "á",
    "\u03af": "í",
    "\u03cc": "ó",
    "\u03cd": "ú",
    "\u03ca": "ï",
    "\u03cb": "ü",
    "\u0386": "Á",
    "\u038a": "Í",
    "\u038c": "Ó",
}

# Scripts written without spaces between words: an English word glued to their text is no trick.
_NO_SPACE_SCRIPTS = frozenset(
    SCRIPTS.index(s) for s in ("MYANMAR", "THAI", "LAO", "KHMER", "TIBETAN")
)
_ASCII_HEAD_SOURCE = "[A-Za-z]{2,}"
_ASCII_TAIL_SOURCE = "[A-Za-z]{2,}$"


def _glued_words(word: str) -> bool:
    """Two words of two scripts written together, each plainly its own: a suffix glued to a
    Latin acronym or name (Kyrgyz ``IDси``, ``GNOMEдо``, Uzbek ``Webдан``), or an English word
    glued to text of a script that puts no spaces between words (Burmese, Thai). Each part has
    two letters or more, and the other script's part holds a letter that imitates nothing, so
    ``Москвa`` and ``Ankаra`` stay findings."""
    head = re.compile(_ASCII_HEAD_SOURCE).match(word)
    if head is not None:
        rest = word[head.end() :]
        ascii_first = True
    else:
        tail = re.compile(_ASCII_TAIL_SOURCE).search(word)
        if tail is None:
            return False
        rest = word[: tail.start()]
        ascii_first = False
    scripts = set()
    letters = plain = 0
    for ch in rest:
        script, kind = script_and_kind(ch)
        if kind == "M":
            continue
        if kind != "L" or ch.isascii():
            return False
        scripts.add(script)
        letters += 1
        plain += ch not in LOOKALIKES
    if len(scripts) != 1 or letters < 2 or not plain:
        return False
    (script,) = scripts
    return script in _NO_SPACE_SCRIPTS or (ascii_first and script not in (LATIN, GREEK))


# This many letters or more, each once and in alphabetical order, are a list of letters.
_ALPHABET_RUN = 5
# A mathematical letter in a formula is one symbol (``𝑥``) or two (``𝑑𝑥``), not a word (``𝕟𝞂𝖙``).
_MAX_NOTATION_LETTERS = 2


_BACKTICKS_SOURCE = "`+"
_FULLWIDTH_LETTER_SOURCE = "[\uff21-\uff3a\uff41-\uff5a]"


def _cjk_letter(ch: str) -> bool:
    """Whether ``ch`` (one character or none) is a letter of Chinese, Japanese or Korean."""
    if not ch or ch.isascii():
        return False
    script, kind = script_and_kind(ch)
    return kind == "L" and script in CJK_SCRIPTS


def _in_code_span(line: str, start: int) -> bool:
    """Whether ``start`` lies inside a code span or literal of its line (after an odd number of
    runs of backticks: `x`, ``x``)."""
    return "`" in line and len(re.compile(_BACKTICKS_SOURCE).findall(line, 0, start)) % 2 == 1


def _mathematical(ch: str) -> bool:
    """A letterlike symbol or a mathematical alphanumeric: notation in a formula (ℯ, ℤ, 𝑥)."""
    cp = ord(ch)
    return 0x2100 <= cp <= 0x214F or 0x1D400 <= cp <= 0x1D7FF


def _styled(ch: str) -> bool:
    """A styled form of a plain letter (mathematical, letterlike, fullwidth or halfwidth): a
    text may be about the style."""
    return _mathematical(ch) or 0xFF00 <= ord(ch) <= 0xFFEF


def _alphabet_candidate(ch: str) -> bool:
    """A lookalike that is a letter of some real alphabet: its verdict depends on the text."""
    return ord(ch) in _EXTENDED_LATIN or ch in WEAK_LOOKALIKES


def _looks(ch: str) -> str:
    """The ASCII character that ``ch`` passes for (itself for ASCII; an accented Latin vowel for
    a Greek vowel with tonos)."""
    return LOOKALIKES.get(ch) or SYMBOL_LOOKALIKES.get(ch) or ACCENTED_LOOKALIKES.get(ch, ch)


def _glued(word: str, i: int) -> bool:
    """A symbol lookalike counts when two ASCII letters stand on one side of it (``⍺nd``) or the
    word reads as an English word, not in notation between single letters (``A∪B``)."""
    import unicodedata

    before = word[max(0, i - 2) : i]
    after = word[i + 1 : i + 3]
    if (len(before) == 2 and before.isascii() and before.isalpha()) or (
        len(after) == 2 and after.isascii() and after.isalpha()
    ):
        return True
    # A symbol that is no mathematical operator between two letters: ``v⍺r``, ``U𝈖L``.
    if (
        before[-1:].isascii()
        and before[-1:].isalpha()
        and after[:1].isascii()
        and after[:1].isalpha()
        and unicodedata.category(word[i]) != "Sm"
    ):
        return True
    # Or the word, read with its lookalikes, is an English word (``n⍺m℮``).
    from hooklint.context import english_word

    return len(word) >= 3 and english_word(skeleton(word))


@lru_cache(maxsize=1 << 14)
def _letter_scripts(word: str) -> frozenset[int]:
    """The scripts that ``word`` shows to be in use: ASCII letters count as Latin, and letters of
    other scripts count unless they are lookalikes (a lone ``ρ`` is no sign of Greek text)."""
    if word.isascii():
        return frozenset() if word.isdigit() else frozenset({LATIN})
    out = set()
    for ch in word:
        if ch in ASCII_LETTERS:
            out.add(LATIN)
        elif not ch.isascii() and ch not in LOOKALIKES:
            script, kind = script_and_kind(ch)
            if kind == "L" and script not in NEUTRAL_SCRIPTS:
                out.add(script)
    return frozenset(out)
