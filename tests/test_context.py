"""The context model (hooklint.context): declared and evident languages, English words, and the
characters a text is about; asked by the confusable rules and the fixer (issue 10)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hooklint.check import check_text
from hooklint.context import TextContext, declared_in_path, declared_in_text, english_word
from hooklint.fix import fix_text


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("locale/ru/LC_MESSAGES/django.po", ["ru"]),
        ("po/ky/LC_MESSAGES/app.po", ["ky"]),
        ("docs/ha/index.md", ["ha"]),
        ("README.tr.md", ["tr"]),
        ("notes.fa.md", ["fa"]),
        ("src/i18n/el.json", ["el"]),
        ("po/kab.po", ["kab"]),
        ("po/uz@cyrillic.po", ["uz_cyrl"]),
        ("guide-el.md", ["el"]),
        ("faker/providers/ssn/el_GR/__init__.py", ["el"]),
    ],
)
def test_language_declared_by_path(path: str, expected: list[str]) -> None:
    assert declared_in_path(path) == expected


@pytest.mark.parametrize(
    "path",
    [
        "src/docs/api.md",
        "README.md",
        "lib/is/thing.py",
        "setup.cfg",
        "a/b/c",
        "docs/how_to.md",
        "tests/to_be.py",
        "img/hero_bg.md",
    ],
)
def test_path_that_declares_nothing(path: str) -> None:
    assert declared_in_path(path) == []


def test_language_declared_by_text() -> None:
    assert declared_in_text('msgid ""\nmsgstr ""\n"Language: kab\\n"\n') == ["kab"]
    assert declared_in_text('<html lang="ha">\n<body>x</body>') == ["ha"]
    assert declared_in_text("---\ntitle: X\nlang: tr\n---\nText\n") == ["tr"]
    assert declared_in_text("Language: kab\n") == []  # not a gettext header line
    assert declared_in_text("text\n---\nlang: tr\n") == []  # no front matter at the start


def test_english_words() -> None:
    assert english_word("relationship")
    assert english_word("Dec")
    assert english_word("staticfiles")  # two English words written together
    assert english_word("DataModel")
    assert not english_word("Kapali")
    assert not english_word("dan")  # Hausa ɗan read with its lookalike
    assert not english_word("meyres")


def codes(text: str, path: str | None = None) -> list[str]:
    return [f.code for f in check_text(text, path=path)]


HAUSA = "Fayil ɗin mazaɓa. Naƙasan mutum ya ɗauki ƙasa.\n"


def test_declared_language_letters_pass_and_english_words_do_not() -> None:
    assert codes(HAUSA, path="po/ha.po") == []
    found = check_text("The ɗate of the meeting was moved.\n")
    assert [f.code for f in found] == ["HL102"]
    assert "Hausa" in found[0].message and "English word" in found[0].message


def test_evident_language_passes_in_its_text() -> None:
    kabyle = "Azul, ɣer-d. Ur ɛlimeɣ ara, tameɣra n tɣawsa. Ameɣnas n tɣawsiwin.\n"
    assert codes(kabyle) == []
    # the same letter in an English word of that file is still a finding
    assert codes(kabyle + "Please read the ɣuide first.\n") == ["HL102"] or codes(
        kabyle + "Please reaɗ the guide first.\n"
    ) == ["HL102"]


@pytest.mark.parametrize(
    "text",
    [
        HAUSA,
        "Azul, ɣer-d. Ur ɛlimeɣ ara, tameɣra n tɣawsa.\n",
        "Ẹ káàrọ̀, ṣé dáadáa ni? Ọmọ náà lọ sí ilé ìwé.\n",
        "Tiếng Việt có dấu: người, được, những, không.\n",
        "Kapalı Çarşı ve Kadıköy; ılık bir gün, sıcak çay.\n",
        "Azərbaycan dilində yazılmış mətn: şəhər, ağac, ölkə.\n",
        "Desktop файлынын туура эмес IDси; GNOMEдо колдонулуучу меню.\n",
        "Москва — столица России, он пришёл с работы.\n",
        "The Kapalı market is open, said Erdoğan.\n",
    ],
)
def test_real_text_is_silent_and_left_byte_for_byte(text: str) -> None:
    assert codes(text) == []
    assert fix_text(text) == (text, 0)


@pytest.mark.parametrize(
    ("text", "char", "code"),
    [
        ("Call the pόlice now.\n", "ό", "HL101"),
        ("Он пришёл c работы и сел за стол.\n", "c", "HL101"),
        ("Read thıs before you start.\n", "ı", "HL102"),
        ("It is buſy here today.\n", "ſ", "HL102"),
        ("Enter your n⍺me here.\n", "⍺", "HL102"),
        ("Set v⍺r to one.\n", "⍺", "HL102"),
        ("Keep the session ID -- 𝕟𝞂𝖙 the data.\n", "𝕟", "HL103"),
        ("Stop recompilıng the server.\n", "ı", "HL102"),
        ("Москвa — столица России.\n", "a", "HL101"),
        ("Sets A∪B and B∩C are equal.\n", None, None),
        ("Ankаra is the capital.\n", "а", "HL101"),
    ],
)
def test_misses_are_flagged(text: str, char: str | None, code: str | None) -> None:
    found = [(f.code, f.char) for f in check_text(text)]
    if code is None:
        assert found == []  # the near miss: notation between single letters
    else:
        assert (code, char) in found


@pytest.mark.parametrize(
    ("flagged", "silent"),
    [
        ("Press 'Ⅰ' to continue.\n", "A \"Roman Numeral One\", 'Ⅰ', is not an I.\n"),
        ("Enter ℯ here and there, and then again.\n", "    ℯ\n"),
        ("Say 𝑥 and 𝑦 when you see them all.\n", "Solve ``4258𝑥 + 147𝑦 = 369`` first.\n"),
        ("The word “с” is shown.\n", "The Russian preposition “с” is shown.\n"),
        (
            'ROW = "Α"\n',
            '    "CapitalAlpha": "Α",\n    "CapitalBeta": "Β",\n    "CapitalEta": "Η",\n',
        ),
        ("Cрпски", "Cрп\ufffdки"),
        ("Type ａbc now.\n", "RE = '[a-zA-Zａ-ｚＡ-Ｚ]'\n"),
        ("Ｂad request.\n", "SCORES = {'Ｂ１あ': 1404, '本当': -2423}\n"),
        # The style of the letters named beside them: test data about fullwidth forms.
        (
            "('', 'ｓｐｈｉｎｘ', 'sphinx'),\n",
            "('', 'ｓｐｈｉｎｘ', 'sphinx'),  # the alphabet in unicode full-width letters\n",
        ),
        ("Enter ℯ in JavaScript, then again.\n", "Enter ℯ (a script small e), then again.\n"),
        # One more glyph among a terminal spinner's frames, beside the same glyphs among words.
        (
            '    "a": {"frames": "ab"},\n    "b": {"frames": "ဝ၀"},\n    "c": {"frames": "cd"},\n',
            '    "a": {"frames": "▫▪"},\n    "b": {"frames": "ဝ၀"},\n    "c": {"frames": "▮▯"},\n'
            '    "d": {"frames": "□■"},\n',
        ),
        # A longer word of lookalikes is no glyph, whatever the table around it.
        (
            '    "a": "▫▪",\n    "b": "аррӏе",\n    "c": "▮▯",\n    "d": "□■",\n',
            '    "a": "▫▪",\n    "b": "ဝ",\n    "c": "▮▯",\n    "d": "□■",\n',
        ),
    ],
)
def test_subject_of_the_text_passes(flagged: str, silent: str) -> None:
    assert codes(flagged) != []
    assert codes(silent) == []


def test_declared_script_and_letter_lists() -> None:
    greek_note = "# Valid format accd to ΥΑ 3021/19 of the ministry\n"
    assert codes(greek_note) == ["HL103"]
    assert codes(greek_note, path="providers/ssn/el_GR/__init__.py") == []
    assert codes('LETTERS = "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"\n') == []  # each letter once, in order
    assert codes('WORD = "ΑΒΕ"\n') != []


def test_code_span_in_a_paragraph_about_the_character() -> None:
    about = "The long s, 'ſ' (U+017F), folds to s:\n``'ſpam'`` matches ``'spam'``.\n"
    assert codes(about) == []
    assert codes("Nothing here:\n``'ſpam'`` matches ``'spam'``.\n") == ["HL102"]
    assert codes("The long s, 'ſ' (U+017F), folds to s:\nſpam matches spam.\n") == ["HL102"]


def test_fixer_restores_a_lone_latin_c_among_cyrillic_words() -> None:
    text = "Он пришёл c работы и сел за стол.\n"
    assert fix_text(text) == ("Он пришёл с работы и сел за стол.\n", 1)
    assert fix_text("Set c to 3 and o to 4.\n") == ("Set c to 3 and o to 4.\n", 0)


def test_fixer_restores_greek_tonos_in_latin_words() -> None:
    assert fix_text("Ó jόkòό ní ilé.\n") == ("Ó jókòó ní ilé.\n", 2)
    assert fix_text("Η όμορφη μέρα.\n") == ("Η όμορφη μέρα.\n", 0)


def test_the_model_is_lazy() -> None:
    context = TextContext("plain text", path="locale/ru/LC_MESSAGES/x.po")
    assert "declared" not in context.__dict__
    assert context.declared == ("ru",)
    assert "subject" not in context.__dict__


def test_fixer_restores_an_attack_and_keeps_real_words() -> None:
    poisoned = "Ɗec 4 — they met in Ιstanbul ɑnd signed; the relɑtionship held. Kadıköy, Şişli.\n"
    clean = "Dec 4 — they met in Istanbul and signed; the relationship held. Kadıköy, Şişli.\n"
    assert fix_text(poisoned)[0] == clean
    found = {f.char: f.message for f in check_text(poisoned)}
    assert "looks like 'I'" in found["Ι"]


def test_fixer_leaves_a_declared_catalogue_byte_for_byte(tmp_path: Path) -> None:
    catalogue = (
        'msgid ""\nmsgstr ""\n"Language: kab\\n"\n\n'
        'msgid "The session was saved to the store and then to the database"\n'
        'msgstr "Taɣult"\n'
    )
    assert fix_text(catalogue, path="po/kab.po") == (catalogue, 0)
    # without header or path, a msgstr is still the catalogue's language, not English
    bare = catalogue.replace('"Language: kab\\n"\n', "")
    assert codes(bare) == []
    assert codes(bare.replace('msgstr "Taɣult"', 'msgstr "The ɗate"')) == ["HL102"]
    folder = tmp_path / "locale" / "kab" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    target = folder / "django.po"
    target.write_bytes(catalogue.encode("utf-8"))
    run = subprocess.run(
        [sys.executable, "-m", "hooklint", "--no-config", "--fix", "locale"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert run.stdout == "", run.stdout
    assert target.read_bytes() == catalogue.encode("utf-8")


def test_cli_reads_the_language_from_the_path(tmp_path: Path) -> None:
    folder = tmp_path / "po"
    folder.mkdir()
    (folder / "ha.po").write_text('msgid "Menu file"\nmsgstr "Fayil ɗin"\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("The ɗate was moved.\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "hooklint", "--no-config", "po/ha.po", "notes.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    lines = run.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("notes.md:1:5: HL102"), run.stdout
