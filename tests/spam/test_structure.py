"""Link structure (HL312 link bombs, HL313 styled letters beside an off-site link) and the
comment form in other languages (HL310), each beside the legitimate text it resembles. All
texts are written for these tests."""

from __future__ import annotations

from hooklint.spam import SpamOptions, check_spam
from hooklint.spam.rules import check

NONE = SpamOptions()


def codes(text: str, kind: str = "markdown") -> set[str]:
    found = {f.code for f in check_spam(text, kind, NONE)}
    assert {f.code for f in check(text, kind, NONE, None)} <= found
    return found


_WORDS = "amber birch cedar delta ember fjord grove heron iris juniper kestrel lotus".split()
_FRAGMENTS = "дно Sov DVD жен Kal 165 Tor XXL мир Pol Ves рак".split()
BOMB = " ".join(
    f'<a href="http://{w}{w[::-1]}.example/shop/{i}">{f}</a>'
    for i, (w, f) in enumerate(zip(_WORDS, _FRAGMENTS, strict=True))
)
AWESOME = "\n".join(
    f"- [{w.capitalize()}](https://{w}.example/) - A {w} tool for shops. "
    f"([Demo](https://demo.{w}.example/), [Source](https://github.com/{w}/{w}))"
    for w in _WORDS
)
FRIENDS_ZH = "### 友情链接\n" + "".join(
    f"[{name}](https://www.{w}.example/)"
    for name, w in zip(
        "淘宝 天猫 支付宝 优酷 钉钉 高德 飞猪 闲鱼 菜鸟 盒马".split(), _WORDS, strict=False
    )
)
ARTICLES = "## Further reading\n\n" + "\n".join(
    f"- [Understanding {w} pipelines in depth](https://{w}-blog.example/posts/{w})" for w in _WORDS
)
BADGES = "\n".join(
    f"[![{w}](https://img.shields.io/badge/{w}-ok-green)](https://{w}.example/)" for w in _WORDS
)


def test_link_bomb_beside_an_awesome_list() -> None:
    assert "HL312" in codes(BOMB, "html")
    assert "HL312" not in codes(AWESOME)
    assert "HL312" in codes(AWESOME + "\n\n" + BOMB + "\n", "markdown")


def test_dense_legitimate_links() -> None:
    assert "HL312" not in codes(FRIENDS_ZH)
    assert "HL312" not in codes(ARTICLES)
    assert not codes(BADGES)


def test_readme_full_of_badges_beside_a_spam_link() -> None:
    spam = BADGES + "\n\nGet [slot gacor hari ini](https://win-reels.example/) now.\n"
    assert codes(spam) == {"HL306"}


STREAM = "🎬 ＷＡＴＣＨ ＨＥＲＥ 🎬 [full movie](https://films-mirror.example/x1)\n"
STREAM_MATH = "𝐂𝐋𝐈𝐂𝐊 𝐇𝐄𝐑𝐄 to see it: https://films-mirror.example/x1\n"
JAPANESE = (
    "ＰＣ版とＵＳＢメモリの使い方は[公式サイト](https://tools.example/ja)を参照してください。\n"
)
MATH_NOTE = "Let 𝑥 and 𝑦 be reals; see [the notes](https://math.example/notes).\n"
STYLED_NO_LINK = "ＷＡＴＣＨ this space.\n"
STYLED_NAME = "Boards such as the 𝙾𝚙𝚎𝚗 𝚂𝚌𝚘𝚛𝚎 𝙱𝚘𝚊𝚛𝚍 rank models; see https://bench.example/paper\n"


def test_styled_letters_beside_an_off_site_link() -> None:
    assert "HL313" in codes(STREAM)
    assert "HL313" in codes(STREAM_MATH)
    assert "HL313" not in codes(JAPANESE)
    assert "HL313" not in codes(MATH_NOTE)
    assert "HL313" not in codes(STYLED_NO_LINK)
    # A name set in monospace letters calls nobody to act.
    assert "HL313" not in codes(STYLED_NAME)


FORM_ZH = "一篇文章。\n\n发表评论\n\n电子邮件地址不会被公开。 必填项已用 * 标注\n"
FORM_ES = (
    "Un artículo.\n\nDeja una respuesta\n\n"
    "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están "
    "marcados con *\n"
)
FORM_DE_TEMPLATE = (
    '<h3>Schreibe einen Kommentar</h3><form action="/post"><p>Deine E-Mail-Adresse wird '
    'nicht veröffentlicht.</p><textarea name="c"></textarea></form>\n'
)
CATALOGUE_FR = (
    'msgid "Your email address will not be published."\n'
    'msgstr "Votre adresse e-mail ne sera pas publiée."\n\n'
    'msgid "Cancel reply"\nmsgstr "Annuler la réponse"\n'
)
RU_PROSE = "Статья будет опубликована завтра, а комментарии мы читаем каждый день.\n"


def test_comment_form_in_other_languages() -> None:
    assert "HL310" in codes(FORM_ZH)
    assert "HL310" in codes(FORM_ES)
    assert "HL310" not in codes(FORM_DE_TEMPLATE, "html")
    assert "HL310" not in codes(CATALOGUE_FR, "po")
    assert "HL310" not in codes(RU_PROSE)


ACRONYMS = " · ".join(
    f"[{a}](https://{h}/)"
    for a, h in [
        ("IBM", "ibm.example"),
        ("AWS", "aws.amazon.example"),
        ("SAP", "sap.example"),
        ("NEC", "nec.example"),
        ("MIT", "mit.example"),
        ("HP", "hp.example"),
        ("CERN", "home.cern.example"),
        ("ESA", "esa.example"),
        ("EU", "eu.mirror.example"),
    ]
)


def test_acronyms_and_region_codes_name_their_hosts() -> None:
    assert "HL312" not in codes("Supported by " + ACRONYMS + "\n")


TABLE = "| Project | Link |\n|---|---|\n" + "\n".join(
    f"| {w.capitalize()} | [website](https://{w}-tool.example/) |" for w in _WORDS
)


def test_a_table_of_website_links_is_no_bomb() -> None:
    assert "HL312" not in codes(TABLE)


KEYWORD_BOMB = "\n".join(
    f"[{phrase}](https://{w}-{i}.example/)"
    for i, (w, phrase) in enumerate(
        zip(
            _WORDS,
            [
                "cheap roof repair",
                "dental implants cost",
                "best running shoes",
                "used cars for sale",
                "emergency plumber near me",
                "wedding photographer rates",
                "garage door springs",
                "solar panel installers",
                "payday advance tips",
                "pet insurance quotes",
            ],
            strict=False,
        )
    )
)


def test_keyword_phrase_bomb_beside_a_reading_list() -> None:
    assert "HL312" in codes(KEYWORD_BOMB + "\n")
    assert "HL312" not in codes(ARTICLES)


HIDDEN_TRICKS = [
    "clip:rect(0,0,0,0);position:absolute",
    "transform:scale(0)",
    "font-size:1px",
]


def test_more_off_screen_tricks() -> None:
    for style in HIDDEN_TRICKS:
        text = f'<p>Footer.</p><div style="{style}"><a href="https://spam.example/">x</a></div>\n'
        assert "HL307" in codes(text, "html"), style
    visible = (
        '<p>Footer.</p><div style="font-size:12px"><a href="https://ok.example/">x</a></div>\n'
    )
    assert "HL307" not in codes(visible, "html")
