"""The repairs behind ``hooklint --fix``: what is certain, and nothing else.

``fix_text`` acts only on what ``check_text`` reports (less what an inline ``hooklint: ignore``
silences), and only where the repair is right by construction:

- a lookalike inside a word flagged HL101/HL102 becomes the letter it imitates, when the whole
  word then is a plain word of one script: the script of the word's other letters (``Ankаra`` →
  ``Ankara``, ``Müllеr`` → ``Müller``, ``Москвa`` → ``Москва``);
- zero-width and invisible formatting characters reported as HL202 that have no visible role
  (``REMOVABLE_INVISIBLES``), tag-character runs reported as HL203 and variation selectors
  reported as HL205 are removed.

Everything else is reported as before and left alone: bidi controls (HL201), control characters
(HL204), whole-word lookalikes and digits (HL103, HL104), spam, typography, and every word whose
repair is not certain (see ``_repair``). The same word is repaired everywhere in a text or
nowhere, so a name and its uses never part.

``fix_file`` reads a file, fixes its text and, only when something changed, replaces it
atomically with the same encoding, BOM, line ends and mode, after checking that the user may
write it.
"""

from __future__ import annotations

import bisect
import contextlib
import os
import re
import stat
import struct
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from hooklint.check import check_text
from hooklint.records import NamedTuple
from hooklint.rules import Finding
from hooklint.rules.confusables import ACCENTED_LOOKALIKES, ASCII_LETTERS, WORD
from hooklint.run import MAX_FILE_SIZE, kind_of, read_regular
from hooklint.source import LINE_END, decode
from hooklint.suppress import apply_directives
from hooklint.unicode.chars import (
    CJK_SCRIPTS,
    CYRILLIC,
    LATIN,
    LOOKALIKES,
    NEUTRAL_SCRIPTS,
    SYMBOL_LOOKALIKES,
    WEAK_LOOKALIKES,
    imitations,
    script_and_kind,
)

#: the codes whose findings fix_text may repair (each only where the repair is certain)
FIXABLE_CODES = frozenset({"HL101", "HL102", "HL202", "HL203", "HL205"})
#: the HL202 characters that are removed: each is invisible and changes nothing a reader sees
#: where check_text reports it. Left alone: Hangul fillers and the blank braille pattern (they
#: show as a blank, and removing one would join what it separates), the combining grapheme joiner
#: and the Mongolian vowel separator (they change how marks and letters are shaped), the Khmer
#: inherent vowels, the interlinear annotation marks and the deprecated format characters.
REMOVABLE_INVISIBLES = frozenset("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\xad\ufeff")
_BOM = "\ufeff"
_VANISHED = "not fixed: the file vanished while it was being fixed"
_BLACK_FLAG = "\U0001f3f4"
_CANCEL_TAG = "\U000e007f"
_TAG_RUN = re.compile("[\U000e0000-\U000e007f]+")
# A repair can uncover another (removing a ZWSP joins the halves of a word): repeat until nothing
# changes. Each pass removes or settles something, so a few passes always suffice.
_MAX_PASSES = 32
_NON_SPACE = re.compile(r"\S*")
_UP_TO_LAST_SPACE = re.compile(r".*\s", re.DOTALL)
# Latin Extended-B and IPA Extensions: letters of African and other extended Latin alphabets.
_EXTENDED_LATIN = range(0x0180, 0x02B0)
# A plain letter of an alphabet: "CYRILLIC SMALL LETTER A", not "... KA WITH VERTICAL STROKE",
# "... KOMI DE" or "GREEK LUNATE SIGMA SYMBOL".
_PLAIN_LETTER_NAME = re.compile(r"[A-Z]+ (?:CAPITAL|SMALL) LETTER [A-Z]+")


class FixResult(NamedTuple):
    """What fix_file did to one file."""

    path: str
    changed: bool  # the file was rewritten
    fixes: int  # number of characters replaced or removed
    error: str | None  # why the file could not be fixed, else None


class _Edit(NamedTuple):
    start: int  # offset in the text
    end: int
    replacement: str
    fixes: int  # characters replaced or removed


def fix_text(text: str, *, code: bool = False, path: str | None = None) -> tuple[str, int]:
    """The text with every certain repair made, and how many. Pure: no I/O.

    ``code`` and ``path`` (where the text comes from: it can declare a language) are passed on
    to ``check_text``. A byte order mark at offset 0 is kept: in a text read without decoding
    it, it is the file's BOM.
    """
    return _fix(text, code=code, keep_bom=True, path=path)


def _fix(text: str, *, code: bool, keep_bom: bool, path: str | None = None) -> tuple[str, int]:
    total = 0
    for _ in range(_MAX_PASSES):
        edits = _plan(text, code=code, keep_bom=keep_bom, path=path)
        if not edits:
            break
        text, fixes = _apply(text, edits)
        total += fixes
    return text, total


def _plan(text: str, *, code: bool, keep_bom: bool, path: str | None) -> list[_Edit]:
    """The edits of one pass, from one run of check_text."""
    # A finding silenced by an inline directive was written on purpose: it is not fixed either.
    findings = apply_directives(text, check_text(text, code=code, path=path))
    if not any(f.code in FIXABLE_CODES for f in findings):
        return []
    by_line: dict[int, list[Finding]] = {}
    for f in findings:
        by_line.setdefault(f.line, []).append(f)
    spans = _line_spans(text)
    edits: list[_Edit] = []
    words: list[_Word] = []
    for lineno, line_findings in by_line.items():
        if not any(f.code in FIXABLE_CODES for f in line_findings):
            continue
        start, end = spans[lineno - 1]
        line = text[start:end]
        flagged = []
        for f in line_findings:
            i = f.col - 1
            if not (0 <= i < len(line)) or line[i] != f.char:
                continue  # not where the finding says: never guess
            if f.code in ("HL101", "HL102"):
                flagged.append(i)
            elif f.code == "HL202":
                if f.char in REMOVABLE_INVISIBLES and not (
                    keep_bom and start + i == 0 and f.char == _BOM
                ):
                    edits.append(_Edit(start + i, start + i + 1, "", 1))
            elif f.code == "HL203":
                begin, stop = _tag_run_to_remove(line, i)
                edits.append(_Edit(start + begin, start + stop, "", stop - begin))
            elif f.code == "HL205":
                edits.append(_Edit(start + i, start + i + 1, "", 1))
        if flagged:
            others = sorted(f.col - 1 for f in line_findings if f.code not in ("HL101", "HL102"))
            words.extend(_flagged_words(line, start, sorted(flagged), others))
    edits.extend(_word_edits(text, words))
    return edits


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line without its line end, numbered as check_text numbers them."""
    spans = []
    pos = 0
    for m in LINE_END.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def _apply(text: str, edits: Iterable[_Edit]) -> tuple[str, int]:
    """The text with the edits made, and how many characters they replaced or removed."""
    parts = []
    pos = fixes = 0
    for e in sorted(edits):
        if e.start < pos:
            continue  # overlapping edits cannot come from one pass; never apply both
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
        fixes += e.fixes
    parts.append(text[pos:])
    return "".join(parts), fixes


def _tag_run_to_remove(line: str, i: int) -> tuple[int, int]:
    """The tag characters to remove from the run at ``i``: all of them, or, after the black flag
    of a subdivision flag that check_text accepts on its own, the tags that follow its end."""
    run = _TAG_RUN.match(line, i)
    end = run.end() if run else i + 1
    if i > 0 and line[i - 1] == _BLACK_FLAG:
        cancel = line.find(_CANCEL_TAG, i, end)
        if 0 <= cancel < end - 1 and not check_text(line[i - 1 : cancel + 1]):
            return cancel + 1, end
    return i, end


# ------------------------------------------------------------------------------ lookalike words


class _Word(NamedTuple):
    """A flagged word (or the non-CJK part of one) at one place in the text."""

    start: int  # offset of the word in the text
    text: str
    flagged: tuple[int, ...]  # offsets in the word of the characters flagged HL101/HL102
    settled: bool  # no other finding inside, and not part of a URL, path or address


def _flagged_words(
    line: str, line_start: int, flagged: Sequence[int], others: Sequence[int]
) -> list[_Word]:
    """The words of ``line`` that hold the characters at ``flagged``; ``others`` are the places
    of the line's other findings. Both are sorted offsets in the line."""
    out = []
    tokens = _Tokens(line)
    k = 0
    while k < len(flagged):
        i = flagged[k]
        word = WORD.match(line, i)
        if word is None:
            k += 1  # not inside a word: check_text judges words only, so never expected
            continue
        start, end = i, word.end()
        while start > 0 and WORD.fullmatch(line[start - 1]):
            start -= 1
        stop = bisect.bisect_left(flagged, end, k)
        for a, b, inside in _parts(line, start, end, flagged[k:stop]):
            n = bisect.bisect_left(others, a)
            settled = not (n < len(others) and others[n] < b) and not _in_reference(
                line, a, b, tokens
            )
            out.append(_Word(line_start + a, line[a:b], tuple(j - a for j in inside), settled))
        k = stop
    return out


def _parts(
    line: str, start: int, end: int, flagged: Sequence[int]
) -> list[tuple[int, int, list[int]]]:
    """(start, end, flagged offsets) of each part of the word ``line[start:end]`` that holds a
    flagged character: check_text judges a run of CJK letters apart from the letters around it
    (``请点击ОK保存``)."""
    cuts = [i for i in range(start, end) if _is_cjk_letter(line[i])]
    if not cuts:
        return [(start, end, list(flagged))]
    parts: dict[tuple[int, int], list[int]] = {}
    for i in flagged:
        n = bisect.bisect_left(cuts, i)
        if n < len(cuts) and cuts[n] == i:
            continue  # a CJK letter is a word of its own, judged as a whole (HL103)
        a = cuts[n - 1] + 1 if n else start
        b = cuts[n] if n < len(cuts) else end
        parts.setdefault((a, b), []).append(i)
    return [(a, b, inside) for (a, b), inside in parts.items()]


def _is_cjk_letter(ch: str) -> bool:
    if ch.isascii():
        return False
    script, kind = script_and_kind(ch)
    return kind == "L" and script in CJK_SCRIPTS


def _in_reference(line: str, start: int, end: int, tokens: _Tokens) -> bool:
    """Whether the word at ``line[start:end]`` belongs to a URL, host name, e-mail address, path,
    mention or anchor. Such a word names something (a host HL304 judges, a file, a user) rather
    than being prose, and rewriting it would change what it points to."""
    before = line[start - 1] if start > 0 else ""
    after = line[end] if end < len(line) else ""
    if before in ("/", "\\", "@", "#") or after in ("/", "\\", "@"):
        return True
    # A dot between letters: example.com, README.md, obj.attribute.
    if before == "." and start > 1 and line[start - 2].isalnum():
        return True
    if after == "." and end + 1 < len(line) and line[end + 1].isalnum():
        return True
    return tokens.in_link(start, end)


class _Tokens:
    """The whitespace-separated tokens of one line, found as its words are visited in order (so
    a line is scanned once, however many words it has)."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.end = 0  # the end of the last token found
        self.link = False  # whether that token is a URL or an e-mail address

    def in_link(self, start: int, end: int) -> bool:
        """Whether the token around ``line[start:end]`` holds ``://`` or ``@``."""
        if start >= self.end:
            last_space = _UP_TO_LAST_SPACE.match(self.line, self.end, start)
            token_start = last_space.end() if last_space else self.end
            rest = _NON_SPACE.match(self.line, end)
            self.end = rest.end() if rest else end
            token = self.line[token_start : self.end]
            self.link = "://" in token or "@" in token
        return self.link


def _word_edits(text: str, words: Sequence[_Word]) -> list[_Edit]:
    """Edits for the flagged words; a word that cannot be repaired at one place (a URL, another
    finding) is repaired nowhere, so every occurrence stays the same word.

    check_text flags a letter of a real alphabet (Hausa ``ɗ``, Kabyle ``ɣ``, Turkish ``ı``) only
    where the text's context says it is no letter of its language (see ``hooklint.context``);
    the fixer asks for more still: such a letter is replaced only when the repaired word is an
    English word (``Ɗec`` → ``Dec``). Letters that no language writes (``ɑ``, ``ɡ``) are
    replaced as every other lookalike is.
    """
    unsettled = {w.text for w in words if not w.settled}
    edits = []
    for w in words:
        if w.text in unsettled:
            continue
        if len(w.text) == 1 and w.text in ASCII_LETTERS:
            # A lone Latin c or o flagged among Cyrillic words: the Cyrillic word с or о.
            twin = imitations()[CYRILLIC].get(w.text)
            if twin is not None:
                edits.append(_Edit(w.start, w.start + 1, twin, 1))
            continue
        repair = _repair(w.text, w.flagged)
        if repair is None:
            continue
        for i, letter in repair:
            edits.append(_Edit(w.start + i, w.start + i + 1, letter, 1))
    return edits


def _alphabet_letter(ch: str) -> bool:
    """A lookalike that is a letter some language writes (CLDR main exemplars)."""
    from hooklint.context import languages_writing

    return (ord(ch) in _EXTENDED_LATIN or ch in WEAK_LOOKALIKES) and bool(languages_writing(ch))


@lru_cache(maxsize=4096)
def _repair(word: str, flagged: tuple[int, ...]) -> tuple[tuple[int, str], ...] | None:
    """(offset, letter) for each lookalike of ``word`` to replace, or None to leave the word.

    The target script is the script of the word's other letters, and must be one: a word that
    would still mix scripts is not repaired. Ordinary Latin letters that check_text flags only
    beside another lookalike (Turkish ``ı``, the long ``ſ``) are letters of real alphabets and
    stay. A repair is made only when every replaced letter has a certain counterpart (see
    ``_latin_letter`` and ``_twin``) and check_text finds no lookalike left in the result.
    """
    # Letters of everyday alphabets (Turkish ı) beside a lookalike stay: "Dıyarbаkır"; alone they
    # are flagged only in English words, and replaced only where the result is one.
    replace = {i for i in flagged if word[i] not in WEAK_LOOKALIKES} or set(flagged)
    scripts = set()
    has_digit = False
    for i, ch in enumerate(word):
        if i in replace:
            continue
        if ch in ASCII_LETTERS:
            scripts.add(LATIN)
            continue
        if ch.isascii():
            has_digit = True
            continue
        script, kind = script_and_kind(ch)
        if kind == "M":
            continue
        if kind != "L" or script in NEUTRAL_SCRIPTS:
            return None  # a digit of another system, a symbol: not a plain word
        scripts.add(script)
    if len(scripts) != 1:
        return None  # no letter to anchor the word, or letters of several scripts
    (script,) = scripts
    choices: list[tuple[int, tuple[str, ...]]] = []
    for i in sorted(replace):
        if script == LATIN:
            letters = _latin_letters(word[i], has_digit)
        else:
            twin = _twin(word[i], script)
            letters = (twin,) if twin else ()
        if not letters:
            return None
        choices.append((i, letters))
    out = _choose(word, choices)
    if out is None:
        return None
    fixed = list(word)
    for i, letter in out:
        fixed[i] = letter
    if any(_alphabet_letter(word[i]) for i in replace):
        from hooklint.context import english_word

        if not english_word("".join(fixed)):
            return None  # a letter of a real alphabet in a word that is not English: left
    if any(f.code in ("HL101", "HL102", "HL104") for f in check_text("".join(fixed))):
        return None
    return tuple(out)


_BARS = ("I", "l")  # one vertical stroke: a capital I or a small l, as the word says
_LONG_S = ("s", "f")  # the long s reads as s, and is typed for f


def _latin_letters(ch: str, has_digit: bool) -> tuple[str, ...]:
    """The ASCII letters that ``ch`` may stand for in a Latin word (none when nothing is sure).

    A styled letter (fullwidth, mathematical, a roman numeral) is its compatibility form: ``Ｂ``
    is ``B``. Otherwise the letter it looks like, a round letter beside digits excepted (it may
    be a zero). A vertical stroke (``І``, ``Ι``, ``Ⅰ``, ``𝐈``, ``ǀ``) may be I or l, and the long
    ``ſ`` s or f: the word decides between them (``_choose``).
    """
    compatible = unicodedata.normalize("NFKC", ch)
    looks = LOOKALIKES.get(ch) or SYMBOL_LOOKALIKES.get(ch)
    if compatible in _BARS or looks in _BARS:
        return _BARS
    if ch == "\u017f":
        return _LONG_S
    if compatible in ASCII_LETTERS:
        return (compatible,)
    if ch in ACCENTED_LOOKALIKES:
        return (ACCENTED_LOOKALIKES[ch],)  # Greek ό typed for ó in a Latin word
    if looks is None or looks not in ASCII_LETTERS:
        return ()
    if has_digit and looks in "Oo":
        return ()
    return (looks,)


_MAX_READINGS = 16


def _choose(word: str, choices: list[tuple[int, tuple[str, ...]]]) -> list[tuple[int, str]] | None:
    """One letter for each place: the only choice, or, where a place has two readings, the one
    reading of the whole word that is an English word (``Ιabel`` → ``label``, ``Ιstanbul`` →
    ``Istanbul``, ``ſully`` is left: ``sully`` and ``fully`` are both words)."""
    if all(len(letters) == 1 for _, letters in choices):
        return [(i, letters[0]) for i, letters in choices]
    from itertools import product

    from hooklint.context import english_word

    readings = list(product(*(letters for _, letters in choices)))
    if len(readings) > _MAX_READINGS:
        return None
    places = [i for i, _ in choices]
    english = []
    for reading in readings:
        fixed = list(word)
        for i, letter in zip(places, reading, strict=True):
            fixed[i] = letter
        if english_word("".join(fixed), derived=False):
            english.append(reading)
    if len(english) != 1:
        return None  # no reading is an English word, or several are: not certain
    return list(zip(places, english[0], strict=True))


def _twin(ch: str, script: int) -> str | None:
    """The letter of ``script`` that ``ch`` imitates (``a`` → Cyrillic ``а``), when that is
    certain: a plain letter of the alphabet, of the same case as ``ch``."""
    looks = ch if ch.isascii() else LOOKALIKES.get(ch) or SYMBOL_LOOKALIKES.get(ch)
    twin = imitations().get(script, {}).get(looks or "")
    if twin is None or not _PLAIN_LETTER_NAME.fullmatch(unicodedata.name(twin, "")):
        return None
    if twin.isupper() != ch.isupper() or twin.islower() != ch.islower():
        return None  # Latin b looks like a Cyrillic capital soft sign: not the letter meant
    return twin


# ------------------------------------------------------------------------------------- files


def fix_file(path: str, *, code: bool = False) -> FixResult:
    """Read, fix_text, and — only when something changed — write back atomically.

    A symbolic link is followed: its target is fixed and the link kept. Binary files are skipped
    without an error; text that does not decode cleanly is not fixed (an error says why).
    """
    target = os.path.realpath(path)
    try:
        data, before = read_regular(target, MAX_FILE_SIZE)
    except OSError as exc:
        return FixResult(path, False, 0, f"cannot read the file: {_reason(exc)}")
    decoded = decode(data, python=kind_of(path) == "python")
    if decoded.text is None:
        return FixResult(path, False, 0, None)
    shown = decoded.encoding.upper()
    if decoded.problem is not None:
        p = decoded.problem
        return FixResult(
            path,
            False,
            0,
            f"not fixed: the file is not valid {shown} (line {p.line}, column {p.col})",
        )
    # Bytes are written back only where a fix was made: the text must encode to the very bytes
    # it came from (it always does after a clean decode; checked rather than assumed).
    if _encode(decoded.text, decoded.encoding, decoded.bom) != data:
        return FixResult(path, False, 0, f"not fixed: the text does not encode back to its {shown}")
    fixed, count = _fix(decoded.text, code=code, keep_bom=False, path=path)
    if count == 0:
        return FixResult(path, False, 0, None)
    new_data = _encode(fixed, decoded.encoding, decoded.bom)
    if new_data is None:
        return FixResult(path, False, 0, f"not fixed: the fixed text cannot be written in {shown}")
    problem = _not_writable(target, before) or _replace(target, new_data, data, before)
    if problem is not None:
        return FixResult(path, False, 0, problem)
    return FixResult(path, True, count, None)


def _encode(text: str, encoding: str, bom: bytes) -> bytes | None:
    try:
        return bom + text.encode(encoding)
    except UnicodeError:
        return None


def _reason(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return exc.strerror or type(exc).__name__


def _not_writable(path: str, st: os.stat_result) -> str | None:
    """Why the file must be left as it is, or None.

    A rename ignores the file's own mode, so permission is checked before anything is written.
    The write bits are checked as well as ``os.access``: root may write anything, but a file or a
    directory without write bits was made read-only on purpose.
    """
    if not os.path.lexists(path):
        return _VANISHED
    if _immutable(path, st):
        return "not fixed: the file is immutable or append-only"
    if not os.access(path, os.W_OK) or not st.st_mode & 0o222:
        return "not fixed: the file is read-only"
    if st.st_nlink > 1:
        return (
            f"not fixed: the file has {st.st_nlink} hard links, and replacing it would "
            "leave the others unfixed"
        )
    directory = os.path.dirname(path) or os.curdir
    try:
        dst = os.stat(directory)
    except OSError as exc:
        return f"not fixed: cannot look at its directory: {_reason(exc)}"
    if not os.access(directory, os.W_OK | os.X_OK) or not dst.st_mode & 0o222:
        return "not fixed: its directory is read-only"
    return None


# FS_IOC_GETFLAGS = _IOR('f', 1, long) and its flags, from linux/fs.h (the asm-generic layout;
# on other layouts the call fails and os.replace refuses an immutable file on its own).
_FS_IOC_GETFLAGS = (2 << 30) | (struct.calcsize("l") << 16) | (ord("f") << 8) | 1
_FS_IMMUTABLE_FL = 0x10
_FS_APPEND_FL = 0x20


def _immutable(path: str, st: os.stat_result) -> bool:
    """The immutable or append-only attribute (chattr +i/+a, chflags uchg), where it can be read."""
    bsd_flags = getattr(st, "st_flags", 0)
    blocked = 0
    for name in ("UF_IMMUTABLE", "SF_IMMUTABLE", "UF_APPEND", "SF_APPEND"):
        blocked |= getattr(stat, name, 0)
    if bsd_flags & blocked:
        return True
    if not sys.platform.startswith("linux"):
        return False
    import fcntl

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        raw = fcntl.ioctl(fd, _FS_IOC_GETFLAGS, bytes(8))
    except OSError:
        return False
    finally:
        os.close(fd)
    flags = int.from_bytes(raw[:4], sys.byteorder)
    return bool(flags & (_FS_IMMUTABLE_FL | _FS_APPEND_FL))


def _replace(path: str, new_data: bytes, old_data: bytes, before: os.stat_result) -> str | None:
    """Write ``new_data`` to a temporary file beside ``path`` and rename it over ``path``, unless
    the file changed since it was read. Returns why it was not done, or None."""
    directory = os.path.dirname(path) or os.curdir
    try:
        fd, temporary = tempfile.mkstemp(
            dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".hooklint-fix"
        )
    except OSError as exc:
        return f"not fixed: cannot write in its directory: {_reason(exc)}"
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(new_data)
            stream.flush()
            if not _keep_owner(temporary, before):
                os.unlink(temporary)
                return "not fixed: the new file cannot be given the owner of the old one"
            os.chmod(temporary, stat.S_IMODE(before.st_mode))  # after chown, which clears setuid
            os.fsync(stream.fileno())
        changed = _changed_since(path, old_data, before)
        if changed is not None:
            os.unlink(temporary)
            return changed
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return f"not fixed: cannot replace the file: {_reason(exc)}"
    _sync_directory(directory)
    return None


def _keep_owner(path: str, before: os.stat_result) -> bool:
    """Give the new file the owner and group of the old one; False when that is not allowed
    (replacing a file must not hand it to someone else)."""
    now = os.stat(path)
    if (now.st_uid, now.st_gid) == (before.st_uid, before.st_gid) or not hasattr(os, "chown"):
        return True
    try:
        os.chown(path, before.st_uid, before.st_gid)
    except PermissionError:
        return False
    return True


def _changed_since(path: str, data: bytes, before: os.stat_result) -> str | None:
    try:
        now, st = read_regular(path, MAX_FILE_SIZE)
    except FileNotFoundError:
        return _VANISHED
    except OSError as exc:
        return f"not fixed: cannot read the file again: {_reason(exc)}"
    same = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns) == (
        before.st_dev,
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )
    if not same or now != data:
        return "not fixed: the file changed while it was being fixed"
    return None


def _sync_directory(directory: str) -> None:
    """Make the rename durable where the platform allows (best effort: it is already done)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
