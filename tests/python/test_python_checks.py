"""Tests for the Python-aware checks (``hooklint.python``): HL105 and the prose regions.

Every positive is paired with a near miss: the same lookalike where it is no name (a comment, a
string, a docstring) keeps its plain-text code, and names that Python reads as one, or that do
not look alike, stay silent. Columns are 1-based, counted in code points, and computed from the
text, never written by hand.
"""

from __future__ import annotations

import ast
import sys
import warnings
from typing import NamedTuple

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from hooklint.check import check_text
from hooklint.diagnostic import describe
from hooklint.python import (
    _identifiers,
    _judge_names,
    _may_hold_non_ascii_names,
    _parse,
    check_python,
    prose_regions,
)
from hooklint.rules import Finding
from hooklint.source import non_ascii_lines


def rendered(text: str) -> list[str]:
    """``line:col: CODE message`` for each finding of ``check_python``."""
    return [f"{f.line}:{f.col}: {f.code} {f.message}" for f in check_python(text)]


def positions(text: str, char: str) -> list[tuple[int, int]]:
    """1-based (line, column) of every occurrence of ``char``; lines end as Python ends them."""
    found: list[tuple[int, int]] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for lineno, line in enumerate(lines, 1):
        found.extend((lineno, col) for col, c in enumerate(line, 1) if c == char)
    assert found, f"{char!r} does not occur in {text!r}"
    return found


def codes_at(text: str, char: str) -> list[str]:
    """The code of the finding at each occurrence of ``char`` (``-`` where there is none)."""
    by_place = {(f.line, f.col): f.code for f in check_python(text)}
    return [by_place.get(place, "-") for place in positions(text, char)]


# -- a lookalike inside a name is HL105 -------------------------------------------------------


class InName(NamedTuple):
    """Python source where every occurrence of ``char`` stands in the name ``name``."""

    id: str
    text: str
    char: str
    name: str
    looks_like: str


IN_NAMES = [
    InName(
        "function-defined-and-called",
        "def sayНello():\n    return 1\n\n\nsayНello()\n",
        "Н",
        "sayНello",
        "'H'",
    ),
    InName("attribute", "import os\n\nos.pаth.join('a', 'b')\n", "а", "pаth", "'a'"),
    InName("keyword-argument", "print(1, 2, sеp='')\n", "е", "sеp", "'e'"),
    InName("f-string-field", "print(f'{vаlue!r:>{8}}')\n", "а", "vаlue", "'a'"),
    InName("triple-quoted-f-string-field", 'x = f"""\n{vаlue}\n"""\n', "а", "vаlue", "'a'"),
    InName("fullwidth-letter", "ｐrint('x')\n", "ｐ", "ｐrint", "'p'"),
    InName(
        "latin-letter-in-cyrillic-name",
        "Москвa = 1\nprint(Москвa)\n",
        "a",
        "Москвa",
        "Cyrillic 'а'",
    ),
]


@pytest.mark.parametrize("case", IN_NAMES, ids=[c.id for c in IN_NAMES])
def test_lookalike_in_a_name_is_hl105_at_its_own_column(case: InName) -> None:
    expected = [
        f"{line}:{col}: HL105 {describe(case.char)} in identifier '{case.name}' "
        f"looks like {case.looks_like}"
        for line, col in positions(case.text, case.char)
    ]
    assert rendered(case.text) == expected


class Prose(NamedTuple):
    """Python source where the lookalike ``char`` is text, not a name."""

    id: str
    text: str
    char: str
    code: str


PROSE = [
    Prose("comment", "# call sayНello\nx = 1\n", "Н", "HL101"),
    Prose("string", "x = 'sayНello'\n", "Н", "HL101"),
    Prose("docstring", 'def f():\n    """Call sayНello."""\n', "Н", "HL101"),
    Prose("f-string-literal-part", "x = 1\ny = f'sayНello {x}'\n", "Н", "HL101"),
    Prose("fullwidth-in-string", "x = 'ｐrint'\n", "ｐ", "HL102"),
    Prose("cyrillic-word-in-string", "x = 'Москвa'\n", "a", "HL101"),
]


@pytest.mark.parametrize("case", PROSE, ids=[c.id for c in PROSE])
def test_lookalike_in_prose_keeps_its_plain_text_code(case: Prose) -> None:
    assert check_python(case.text) == check_text(case.text, code=True)
    assert codes_at(case.text, case.char) == [case.code] * case.text.count(case.char)


# -- names whose skeletons collide --------------------------------------------------------------


class Collision(NamedTuple):
    id: str
    text: str
    expected: list[str]


COLLISIONS = [
    Collision(
        "cyrillic-er-and-a-in-paypal",
        "paypal = 'https://paypal.example'\nраypal = paypal\n",
        [
            "2:1: HL105 'р' U+0440 CYRILLIC SMALL LETTER ER in identifier 'раypal' looks like 'p'",
            "2:1: HL105 identifier 'раypal' looks the same as 'paypal' on line 1 but is another "
            "name: 'р' U+0440 CYRILLIC SMALL LETTER ER looks like 'p'",
            "2:2: HL105 'а' U+0430 CYRILLIC SMALL LETTER A in identifier 'раypal' looks like 'a'",
        ],
    ),
    Collision(
        # Cyrillic is verified by the Russian text, so the lone 'о' is no HL103: only the
        # collision with the Latin 'o' tells.
        "cyrillic-o-beside-latin-o",
        "greeting = 'Привет, как дела? Хорошо, спасибо.'\no = 1\nо = o + 1\n",
        [
            "3:1: HL105 identifier 'о' looks the same as 'o' on line 2 but is another name: "
            "'о' U+043E CYRILLIC SMALL LETTER O looks like 'o'",
        ],
    ),
    Collision(
        "two-non-ascii-names",
        "greeting = 'Привет, как дела? Хорошо, спасибо.'\nо = 1\nο = 2\n",
        [
            "2:1: HL105 identifier 'о' looks the same as 'ο' on line 3 but is another name: "
            "'о' U+043E CYRILLIC SMALL LETTER O looks like 'o'",
            "3:1: HL105 'ο' U+03BF GREEK SMALL LETTER OMICRON in identifier 'ο' looks like 'o'",
            "3:1: HL105 identifier 'ο' looks the same as 'о' on line 2 but is another name: "
            "'ο' U+03BF GREEK SMALL LETTER OMICRON looks like 'o'",
        ],
    ),
]


@pytest.mark.parametrize("case", COLLISIONS, ids=[c.id for c in COLLISIONS])
def test_names_with_colliding_skeletons(case: Collision) -> None:
    assert rendered(case.text) == case.expected


class Silent(NamedTuple):
    id: str
    text: str


SILENT = [
    Silent("ascii-module", "import os\n\n\ndef main() -> None:\n    print(os.sep)\n"),
    Silent("accented-and-greek-names", "café = 1\nπ = 3.14\nprint(café * π)\n"),
    Silent("russian-names-and-text", "привет = 'мир'\nprint(привет)\n"),
    Silent("lone-cyrillic-name-in-russian-file", "text = 'Привет, как дела?'\nо = 1\nprint(о)\n"),
    Silent("names-with-combining-marks", "नमस्ते = 'नमस्ते'\nprint(नमस्ते)\n"),
    Silent("middle-dot-in-name", "a·b = 1\nprint(a·b)\n"),
    Silent("names-differ-beyond-lookalikes", "café = 1\ncafe = 2\n"),
]


@pytest.mark.parametrize("case", SILENT, ids=[c.id for c in SILENT])
def test_legitimate_names_are_silent(case: Silent) -> None:
    assert rendered(case.text) == []


def test_a_name_python_reads_as_the_same_name_is_no_collision() -> None:
    # NFKC turns the fullwidth p into p: one name to Python, so only the lookalike is reported.
    text = "ｐaypal = 1\nprint(paypal)\n"
    assert rendered(text) == [
        "1:1: HL105 'ｐ' U+FF50 FULLWIDTH LATIN SMALL LETTER P in identifier 'ｐaypal' "
        "looks like 'p'"
    ]


def test_a_name_in_prose_only_is_no_collision() -> None:
    text = "# раypal\npaypal = 1\n"
    assert check_python(text) == check_text(text, code=True)
    assert {f.code for f in check_python(text)} == {"HL101"}


@pytest.mark.parametrize(
    "text",
    [
        "def sayНello(:\n    pass\n",
        "x = '''sayНello\n",
        "sayНello = = 1\n",
    ],
    ids=["bad-parameters", "unterminated-string", "bad-assignment"],
)
def test_invalid_python_keeps_the_plain_text_findings(text: str) -> None:
    assert check_python(text) == check_text(text, code=True)
    assert [f.code for f in check_python(text)] == ["HL101"]


def test_other_rules_pass_through_unchanged() -> None:
    text = "label = '\u202eevil'\nx = 1  # zero\u200bwidth\nsayНello = '\u2003'\n"
    plain = check_text(text, code=True)
    assert [f for f in check_python(text) if f.code != "HL105"] == [
        f for f in plain if f.code != "HL101"
    ]
    assert {f.code for f in plain} >= {"HL201", "HL202", "HL107"}


# -- what the cheap scan must not be fooled by ------------------------------------------------


class Tricky(NamedTuple):
    """A name after a construct that could fool a line-by-line reading, and the same construct
    with the lookalike moved into the string (``near_miss``)."""

    id: str
    text: str
    near_miss: str


TRICKY = [
    Tricky(
        "after-a-docstring-with-hash-and-quotes",
        '"""Doc # with "quotes" and \'\'\' inside.\n"""\nsayНello = 1\n',
        '"""Doc # sayНello "quotes" and \'\'\' inside.\n"""\nx = 1\n',
    ),
    Tricky(
        "on-the-closing-line-of-a-docstring",
        '"""Doc\nends here"""; sayНello = 1\n',
        '"""Doc\nsayНello ends here"""; x = 1\n',
    ),
    Tricky(
        "after-a-string-continued-by-a-backslash",
        'x = "abc \\\ndef"; sayНello = 1\n',
        'x = "abc \\\nsayНello"; y = 1\n',
    ),
    Tricky(
        # Read from the wrong place, the continuation line would be one closed string.
        "after-a-continued-string-before-a-comment-with-a-quote",
        'x = "abc \\\n" + sayНello  # "\n',
        'x = "abc \\\n" + "sayНello"  # "\n',
    ),
    Tricky(
        "after-an-explicit-line-join",
        "x = 1 + \\\n    sayНello\n",
        "x = 1 + \\\n    'sayНello'\n",
    ),
    Tricky(
        "in-a-multi-line-f-string-field",
        'x = f"""\n{sayНello}\n"""\n',
        'x = f"""\nsayНello {x}\n"""\n',
    ),
    Tricky(
        "after-a-string-with-a-hash",
        "x = '#'; sayНello = 1\n",
        "x = '# sayНello'; y = 1\n",
    ),
    Tricky(
        "after-a-raw-string-ending-in-an-escaped-quote",
        "x = r'\\''; sayНello = 1\n",
        "x = r'\\' sayНello'; y = 1\n",
    ),
    Tricky("crlf-line-ends", "x = 1\r\nsayНello = 2\r\n", "x = 1\r\ny = 'sayНello'\r\n"),
    Tricky("lone-cr-line-ends", "x = 1\rsayНello = 2\r", "x = 1\ry = 'sayНello'\r"),
]


@pytest.mark.parametrize("case", TRICKY, ids=[c.id for c in TRICKY])
def test_names_are_found_after_tricky_strings(case: Tricky) -> None:
    assert codes_at(case.text, "Н") == ["HL105"]
    assert codes_at(case.near_miss, "Н") == ["HL101"]


def test_a_name_after_an_f_string_that_nests_its_own_quotes() -> None:
    # Python 3.12 reads this f-string to its last quote; older Pythons reject the file, so the
    # lookalike is HL101 there. Read from the first inner quote, the rest would be one string.
    text = 'x = f"{\'"\'}" + sayНello  # "\'\n'
    assert codes_at(text, "Н") == ["HL105" if sys.version_info >= (3, 12) else "HL101"]


@pytest.mark.parametrize(
    "text",
    [
        "# Привет, мир\nx = 1\n",
        "x = ['Привет', \"мир\"]  # комментарий\n",
        'def f():\n    """Документация.\n\n    Ещё строка с "кавычками" и # решёткой.\n    """\n',
        "x = 'Привет, \\\nмир'\n",
        "x = f'Привет, {name}!'\n",
        "x = 1\n# café\n",
    ],
    ids=[
        "comment",
        "strings-and-comment",
        "docstring",
        "continued-string",
        "f-string-literal-part",
        "comment-after-code",
    ],
)
def test_the_cheap_scan_spares_the_tokenizer_when_non_ascii_is_only_text(text: str) -> None:
    assert not _may_hold_non_ascii_names(text, non_ascii_lines(text))


@pytest.mark.parametrize(
    "text",
    [
        "café = 1\n",
        "x = f'{café}'\n",
        'x = f"""Привет,\n{имя}"""\n',
        "x = 1  # \\\nимя = 2\n",
    ],
    ids=["name", "f-string-field", "multi-line-f-string", "backslash-in-a-comment"],
)
def test_the_cheap_scan_sends_possible_names_to_the_tokenizer(text: str) -> None:
    assert _may_hold_non_ascii_names(text, non_ascii_lines(text))


# -- prose regions ------------------------------------------------------------------------------

MODULE = (
    "#!/usr/bin/env python\n"
    '"""Module docstring."""\n'
    "import os  # a comment\n"
    "\n"
    "\n"
    "class A:\n"
    "    '''Class\n"
    "    docstring.'''\n"
    "\n"
    "    def f(self):\n"
    '        "fé" "x"\n'
    '        return "not a docstring"  # last\n'
    "\n"
    "\n"
    "async def g():\n"
    "    r'''raw'''\n"
    "\n"
    "\n"
    "x = 'not a docstring either'\n"
)
MODULE_PROSE = [
    "#!/usr/bin/env python",
    '"""Module docstring."""',
    "# a comment",
    "'''Class\n    docstring.'''",
    '"fé" "x"',
    "# last",
    "r'''raw'''",
]


def spans(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    """The offsets of each piece (each occurs once in ``text``)."""
    out = []
    for piece in pieces:
        assert text.count(piece) == 1, piece
        start = text.index(piece)
        out.append((start, start + len(piece)))
    return out


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (MODULE, MODULE_PROSE),
        (MODULE.replace("\n", "\r\n"), [p.replace("\n", "\r\n") for p in MODULE_PROSE]),
        ("\ufeff# comment\r\nx = 1  # another\r\n", ["# comment", "# another"]),
        ("def f():\n    x = 1\n    '''Not first.'''\n", []),
        ("f'''Not {1} a docstring.'''\n", []),
        ("b'''Bytes are no docstring.'''\n", []),
        ("x = 1\n", []),
    ],
    ids=[
        "module",
        "crlf",
        "bom",
        "string-after-the-first-statement",
        "f-string",
        "bytes",
        "no-prose",
    ],
)
def test_prose_regions_are_comments_and_docstrings(text: str, pieces: list[str]) -> None:
    regions = prose_regions(text)
    assert regions == spans(text, pieces)
    assert [text[start:end] for start, end in regions] == pieces


@pytest.mark.parametrize(
    "text",
    ["def f(:\n    '''Doc.'''  # comment\n", "x = '''never closed  # comment\n"],
    ids=["syntax-error", "unterminated-string"],
)
def test_prose_regions_of_invalid_python_are_empty(text: str) -> None:
    assert prose_regions(text) == []


# -- skipping the tokenizer never changes the result -------------------------------------------

# Pieces of string literals: quotes, escapes, comment markers, braces, lookalikes, real text.
_PIECES = [
    "a",
    " ",
    "#",
    "'",
    '"',
    "\\'",
    "\\n",
    "\\\n",
    "\n",
    "{x}",
    "{sayНello!r}",
    "{{",
    "}}",
    "{раypal}",
]
_PIECES += ["Привет", "Ankаra", "sayНello", "é", "\\"]
_NAMES = ["x", "имя", "café", "sayНello", "paypal", "раypal", "o", "о", "π"]


@st.composite
def _string_literal(draw: st.DrawFn) -> str:
    quote = draw(st.sampled_from(["'", '"', "'''", '"""']))
    prefix = draw(st.sampled_from(["", "r", "f", "rf", "b", "u"]))
    body = "".join(draw(st.lists(st.sampled_from(_PIECES), max_size=6)))
    return f"{prefix}{quote}{body}{quote}"


@st.composite
def _line(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(_NAMES))
    literal = draw(_string_literal())
    comment = "# " + "".join(draw(st.lists(st.sampled_from(_PIECES), max_size=4)))
    shape = draw(
        st.sampled_from(
            [
                f"{name} = {literal}",
                f"{name} = {literal}  {comment}",
                f"print({literal}, {name})",
                literal,
                comment,
                f"{name} = 1 + \\\n    {name}",
                f"{literal}; {name} = 2",
                f"y = {literal} + {name}  {comment}",
            ]
        )
    )
    return shape.replace("\n", "\n" if draw(st.booleans()) else "\r\n")


def _judged_with_the_tokenizer(text: str) -> list[Finding]:
    """What ``check_python`` gives when it tokenizes every file."""
    findings = check_text(text, code=True)
    parsed = _parse(text)
    return findings if parsed is None else _judge_names(findings, _identifiers(parsed))


def _assume_python(text: str) -> None:
    """Let hypothesis draw again unless ``text`` is Python that 3.11 can parse."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(text)
        except (SyntaxError, ValueError):
            assume(False)


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(st.lists(_line(), min_size=1, max_size=6))
def test_skipping_the_tokenizer_never_changes_the_findings(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    _assume_python(text)
    assert check_python(text) == _judged_with_the_tokenizer(text)


# Lines of ASCII that the cheap scan cannot read without the tokenizer, or that open strings.
_ASCII_TAILS = [
    'x = f"""{\'{\'}"""',
    'y = """',
    '"""',
    "z = 1 + \\",
    "    2",
    "s = 'a' # '''",
    "",
]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    st.lists(_line(), min_size=1, max_size=4),
    st.lists(st.sampled_from(_ASCII_TAILS), max_size=5),
)
def test_the_cheap_scan_reads_nothing_after_the_last_non_ascii_line(
    lines: list[str], tail: list[str]
) -> None:
    head = "\n".join(lines) + "\n"
    assume(not head.isascii())
    text = head + "".join(line + "\n" for line in tail)
    assert _may_hold_non_ascii_names(text, non_ascii_lines(text)) == _may_hold_non_ascii_names(
        head, non_ascii_lines(head)
    )
    _assume_python(text)
    assert check_python(text) == _judged_with_the_tokenizer(text)


def test_an_unreadable_ascii_line_after_the_last_non_ascii_one_costs_no_tokenizer() -> None:
    # A line with a triple quote is read for the state it leaves; in this one a brace is quoted
    # inside an f-string's field, and the cheap scan cannot count the braces.
    text = '# café\nx = f"""{\'{\'}"""\n'
    assert not _may_hold_non_ascii_names(text, non_ascii_lines(text))
    before = 'x = f"""{\'{\'}"""\n# café\n'  # the same lines, the other way round: read
    assert _may_hold_non_ascii_names(before, non_ascii_lines(before))


def test_the_name_scan_looks_for_quotes_up_to_the_last_non_ascii_line_it_finds_last() -> None:
    # The last non-ASCII line ("# é") stands on line 1 as well: the quotes of lines 2 and 4,
    # before the last one, are looked for all the same, and line 3 is inside a string.
    inside = '# é\n"""\nnaïve = 1\n"""\n# é\nx = 1\n'
    assert not _may_hold_non_ascii_names(inside, non_ascii_lines(inside))
    # A near miss: no quotes, and the name on line 3 is in code.
    code = "# é\nx = 1\nnaïve = 1\ny = 2\n# é\nx = 1\n"
    assert _may_hold_non_ascii_names(code, non_ascii_lines(code))
    # The last line's text inside a longer line before it, and a backslash on the last line.
    longer = 'y = 1  # é\n"""\nnaïve = 1\n"""\n# é \\\nz = 2\n'
    assert not _may_hold_non_ascii_names(longer, non_ascii_lines(longer))
