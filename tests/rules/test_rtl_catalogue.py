"""HL201 and a translator's embedding in a catalogue of a right-to-left language, via the CLI.

An RLE … PDF (or an RLE that opens a string and is closed by the string's end) around
right-to-left words and placeholders only reorders nothing, in a file that declares a
right-to-left language (gettext ``Language:``, a locale folder, the file name). Around Latin
words or code, left open across code, in a catalogue of a left-to-right language, and every
override or isolate (Trojan Source) stay findings.
"""

from __future__ import annotations

import os

import pytest
from cli_support import lines_of, positions

from hooklint.context import TextContext

ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}
RLE, PDF, RLO, LRI, PDI = "\u202b", "\u202c", "\u202e", "\u2066", "\u2069"
LRM, RLM = "\u200e", "\u200f"
SORANI = "\u0628\u06d5\u0634\u06cc \u062f\u0627\u0647\u0627\u062a\u0648\u0648"  # "next section"
PERSIAN = "\u0633\u0627\u0644"  # "year"


def catalogue(language: str, *msgstrs: str) -> str:
    header = f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n'
    entries = "".join(f'\nmsgid "m{n}"\nmsgstr "{s}"\n' for n, s in enumerate(msgstrs))
    return header + entries


# Each file: its text, and the lines where the CLI must report HL201.
FILES: dict[str, tuple[str, list[int]]] = {
    "ckb.po": (
        catalogue(
            "ckb",
            f"{RLE}{SORANI}{PDF}",  # line 6: a balanced pair around Sorani words
            f"{RLE}{SORANI}",  # line 9: the string's end closes it
            f"{RLE}%(num)d {PERSIAN}",  # line 12: a placeholder and words
            f"{RLE}{SORANI}{PDF}\\n",  # line 15: an escape after the pair
            f"{RLE}foo() {SORANI}{PDF}",  # line 18: code inside
            f"{RLE}{{}}th",  # line 21: an English suffix inside
            f"{RLE}{SORANI}{PDF} = x{RLE}",  # line 24: the second RLE is left open over nothing
            f"{RLO}{SORANI}{PDF}",  # line 27: an override
            f"{LRI}{SORANI}{PDI}",  # line 30: an isolate
            f"{RLE}",  # line 33: embeds nothing
        ),
        [18, 21, 24, 27, 30, 33],
    ),
    "fr.po": (catalogue("fr", f"{RLE}{SORANI}{PDF}"), [6]),
    "locale/fa/LC_MESSAGES/app.po": (f'msgid "y"\nmsgstr "{RLE}{PERSIAN}{PDF}"\n', []),
    "locale/de/LC_MESSAGES/app.po": (f'msgid "y"\nmsgstr "{RLE}{PERSIAN}{PDF}"\n', [2]),
    "po/he.po": (f'msgid "y"\nmsgstr "{RLE}\u05e9\u05e0\u05d4"\n', []),
    "locale/ar/formats.py": (f'DATE_FORMAT = "d{RLM}/m{RLM}/Y"\nx{RLM} = 1\n', [2]),
    "locale/en/formats.py": (f'DATE_FORMAT = "d{RLM}/m{RLM}/Y"\n', [1]),
    "evil.py": (f'access = "user{RLE} admin{PDF}"\n', [1]),
    # A mark that opens or closes a string of symbols sets their direction in an interface of
    # the other direction; after a letter (PEP 672's example) or inside the string it reorders.
    "labels.py": (
        f'parens = "{LRM}( )"\nsign = "+/\u2212{RLM}"\n'
        f'pep672 = "x{RLM}" * 100\nword = "{LRM}ok"\ninside = "({LRM})"\n',
        [3, 4, 5],
    ),
}


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[int]]:
    """The lines of the CLI's HL201 findings in each file, from one run over all of them."""
    directory = tmp_path_factory.mktemp("rtl")
    found = positions(directory, {name: text for name, (text, _) in FILES.items()}, "HL201")
    return {name: lines_of(at) for name, at in found.items()}


@pytest.mark.parametrize("name", list(FILES))
def test_translator_embedding_passes_only_around_right_to_left_text(
    reported: dict[str, list[int]], name: str
) -> None:
    assert reported[name] == FILES[name][1]


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("po/x.po", '"Language: ar_EG\\n"\n', True),
        ("locale/fa/x.po", '"Language: fr\\n"\n', False),  # the header wins over the path
        ("po/ckb@latin.po", "", False),
        ("docs/README.he.md", "", True),
        ("cases/fp_07_ckb.po", "", True),
        ("locale/pt_BR/LC_MESSAGES/x.po", "", False),
        ("src/parser.py", "", False),
    ],
    ids=["header", "header-wins", "latin-variant", "name-part", "name-part-2", "ltr", "none"],
)
def test_declared_right_to_left_language(path: str, text: str, expected: bool) -> None:
    assert TextContext(text, path).right_to_left is expected
