"""The phrase rules' patterns: spun templates (HL301), commercial spam anchors (HL306), scraped
page boilerplate (HL310), leaked spintax (HL311), the Title-Case runs HL302 counts, and the
keyword-stuffed titles of HL307.

The patterns are written with ``~`` where words are separated and match normalised prose
(lowercase skeleton, single spaces, markup gone). The prefilter runs the same patterns on
windows of raw text read the same way (``raw_window``), which is what lets it settle a file
without parsing it. Patterns are compiled on first use: most files never need them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from hooklint.spam.search import Span, positions, windows

# Only ASCII in the separator: typographic dashes and quotes are folded to ASCII before any
# matching (fold_punctuation), and a class with non-Latin-1 members costs the regex compiler
# tens of milliseconds each time it appears. ``~`` in a pattern stands for it.
_SEP = r"(?:[,;:.!?\-]*\x20)"

_FOLD = str.maketrans(
    {"\u2013": "-", "\u2014": "-", "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}
)


def fold_punctuation(text: str) -> str:
    """``text`` with typographic dashes and quotes written in ASCII (one for one)."""
    return text if text.isascii() else text.translate(_FOLD)


# Markup that may stand between two words of raw text: whitespace, comment and quote markers,
# emphasis, brackets, a link destination, an HTML tag, a code span. The punctuation a sentence
# keeps (, ; : . ! ? -) stays, as it does in normalised prose.
_MARKUP_CHARS = r"\s\"()*_#>/\[\]|~<`{}=\\"
_MARKUP = r"\]\([^()\s]{0,2048}\)|<[^<>\n]{0,2048}>|`[^`\n]{0,300}`|[" + _MARKUP_CHARS + "]"
_MARKUP_RUN = re.compile(f"(?:{_MARKUP})+")
# The same runs but those that are a single space, which replacing leaves as they are (most runs
# of prose): the same text out of ``sub``, made of a fifth of the pieces. Written to start with
# a class of every first character of a run, which the regex engine skips ahead to in a tight
# loop (a pattern that starts with a repeat is tried at every offset, letters and all). After
# that character comes what the first repetition of _MARKUP_RUN adds to it: a link
# destination after "]", the rest of a tag after "<", of a code span after "`" (each tried
# first, as there), or nothing; a lone space must be followed by more markup.
_MARKUP_SPAN = re.compile(
    f"[{_MARKUP_CHARS}]"
    r"(?:(?<!\x20)|(?=" + _MARKUP + "))"
    r"(?:(?<=\])\([^()\s]{0,2048}\)|(?<=<)[^<>\n]{0,2048}>|(?<=`)[^`\n]{0,300}`|)"
    f"(?:{_MARKUP})*"
)


def raw_window(text: str) -> str:
    """A piece of raw text read the way normalised prose is: lowercase, ASCII punctuation, and
    each run of markup between words a single space. The prefilter matches the same patterns
    as the rules on such windows, so it never rejects what a rule would report."""
    return _MARKUP_SPAN.sub(" ", fold_punctuation(text.lower()))


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace("~", _SEP))


def _any(words: str) -> str:
    """``(?:a|b~c)`` from ``"a|b c"``: alternatives with ``~`` between their words."""
    return "(?:" + words.replace(" ", "~") + ")"


# ------------------------------------------------------------------------- finding key words

#: The words a template's call to action ends in ("our own web-site", "my homepage").
SITE_WORDS = ("site", "page", "blog", "weblog")
# Every template names whose site it is right before the site word: "our (very) own web-site",
# "my homepage", "the web page". Tested on the 40 characters before each site word.
_OWNER = re.compile(
    r"(?i:(?<![^\W_])(?:our|my|the))(?:[\W_]{1,12}(?:very[\W_]{1,12})?own)?[\W_]{1,12}"
    r"(?i:(?:web|internet|home)[\W_]{0,12})?\Z"
)


def site_windows(
    text: str, before: int, after: int, hits: list[int] | None = None
) -> Iterator[Span]:
    """Windows around the site words of ``text`` (lowercase, or their offsets in ``hits``)
    that have an owner word right before them: the only places a spun template can end."""
    if hits is None:
        hits = positions(text, SITE_WORDS)
    owned = [at for at in hits if _OWNER.search(text, max(0, at - 40), at)]
    return windows(owned, len(text), before, after)


# --------------------------------------------------------------------------- HL301 templates

_SITE = _any(
    "web-site|website|web site|web page|webpage|web-page|internet site|homepage|home page|"
    "weblog|web blog|web-blog|blog post|site|page|blog|internet page"
)
# The odd site words of spinners, which a person writing about their own site rarely uses.
_ODD_SITE = _any(
    "web-site|web site|web page|webpage|web-page|internet site|web blog|web-blog|weblog"
)
_VISIT = _any(
    "visit|check out|stop by|pay a visit to|go to|go to see|look at|see|browse through|"
    "have a look at|take a look at|look into|drop by|swing by|visit to|take a peek at|check|"
    "go over to|surf to|surf over to"
)
_CONTACT = _any("contact|call|get hold of|e-mail|email|speak to|reach|contact us at")
_PLEASE = _any(
    "kindly|please|i implore you to|i implore you|generously|you can|you could|you should"
)
_PREP = _any(
    "about|regarding|relating to|concerning|pertaining to|with regards to|with regard to|"
    "in regards to|in regard to|on|for|related to|in relation to"
)
_INFO = _any("info|information|details|facts|data|guidance|material|stuff")
_MORE = _any("more|additional|much more|a lot more|further|even more|extra|more and more")
_GET = _any(
    "receive|get|obtain|acquire|be given|gather|collect|take|get hold of|have|find|be given|"
    "read|learn|see|get more"
)
_LOVED = _any(
    "adored|loved|liked|enjoyed|treasured|cherished|appreciated|valued|savored|favored|"
    "admired|preferred"
)
_OPEN = _any("if|in case|should|when|whenever|once|as soon as")
_ANCHOR = r"(?P<anchor>\S{1,60}?(?:~\S{1,60}?){0,7}?)"

# "If you adored this short article and you would like to receive more info regarding X
# kindly visit our own web-site."
_FRAME_INFO = (
    _OPEN + r"~you(?:~\S+){0,2}?~" + _LOVED + r"~this(?:~\S+){1,4}?~and(?:~\S+){0,5}?~"
    + _GET + r"(?:~\S+){0,2}?~" + _MORE + r"(?:~\S+)?~" + _INFO + "~" + _PREP + "~" + _ANCHOR
    + r"~(?:" + _PLEASE + "~)?" + _VISIT + r"~(?:our|the)(?:~(?:own|very~own))?~" + _SITE
)  # fmt: skip
# "... questions regarding where and how to use X, you can contact us at our web-page."
_FRAME_WHERE = (
    r"(?:(?:" + _OPEN + r"~you~(?:have|had|possess)(?:~\S+){0,3}?~)?"
    + _any("questions|concerns|inquiries|queries|issues") + "~)?"
    + _PREP + "~" + _any("where|wherever|exactly where|where by|the place|where and also")
    + r"(?:~\S+){0,2}?~" + _any("how|ways|the best way|tips on how|how you can") + r"~to~"
    + _any("use|utilize|make use of|work with|employ|get|find|buy|obtain") + "~" + _ANCHOR
    + "~" + _any("you can|you could|you'll be able to|you will be able to|it is possible to|"
                 "you are able to|you may") + r"(?:~\S+){0,2}?~" + _CONTACT
    + r"(?:~us)?(?:~(?:at|on|in|with|by|through))?~(?:our|the)(?:~(?:own|very~own))?~" + _SITE
)  # fmt: skip
# "Here's more information regarding X, look at our own site."
_FRAME_HERE = (
    _any("here is|here's|heres|here are") + r"(?:~\S+){0,2}?~" + _INFO
    + r"(?:~\S+)?~" + _PREP + "~" + _ANCHOR + "~" + _VISIT
    + r"~(?:our|the|my)~(?:own|very~own)~" + _SITE
)  # fmt: skip
# Comment-spam signatures: "Feel free to surf to my web page", "my homepage :: X".
_SIGNATURE = (
    r"(?P<sig>feel~free~to~surf(?:~over)?~to~my~" + _SITE
    + r"|feel~free~to~" + _VISIT + "~my~" + _ODD_SITE
    + r"|(?:my|our)~" + _SITE + r"\x20?(?:::|;)"
    + r"|" + _any("look into|stop by|also visit|here is|here's|take a look at|have a look at")
    + "~my~" + _ODD_SITE + r"\x20?(?:-|:|::|;))"
)  # fmt: skip

# The patterns are compiled on first use: most files never need them.


@cache
def templates() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(name, strict pattern) of every template family."""
    return tuple(
        (name, _compile(source))
        for name, source in (
            ("If you adored this … kindly visit our own site", _FRAME_INFO),
            ("questions regarding where and how to use … contact us at our web-page", _FRAME_WHERE),
            ("Here's more information regarding … look at our own site", _FRAME_HERE),
            ("comment-spam signature", _SIGNATURE),
        )
    )


@cache
def call_to_action() -> re.Pattern[str]:
    """The closing call to action every template has (for the prefilter's windows)."""
    return _compile(
        r"(?:" + _VISIT + "|" + _CONTACT + r")(?:~us)?(?:~(?:at|on|in|with|by|through))?"
        r"~(?:our|the|my)(?:~(?:own|very~own))?~" + _SITE + r"|(?:my|our)~" + _SITE + r"\s?(?:::|;)"
    )


# --------------------------------------------------------------------------- HL310 boilerplate

# Labels only the comment form or sharing block of a blog page has. Each contains "reply",
# "publish", "site" or "this:", the prefilter's needles for them (triage._PHRASE_NEEDLES).
_STRONG_MARKERS = (
    "leave a reply",
    "cancel reply",
    "your email address will not be published",
    "save my name, email, and website in this browser",
    "share this:",
    "this site uses akismet to reduce spam",
)
# Labels that also occur in ordinary writing, or only beside a strong one: they count only
# together with a strong one.
_WEAK_MARKERS = (
    "required fields are marked",
    "notify me of follow-up comments",
    "notify me of new posts by email",
    "like this:",
    "like loading",
    "leave a comment",
    "post comment",
    "related posts",
    "you must be logged in to post a comment",
    "click to share on",
)


# The same form in the languages sites are built in (WordPress's own translations, written
# here as they appear on pages). Each is matched after the lookalike skeleton, as prose is.
_FOREIGN_STRONG = (
    "电子邮件地址不会被公开", "取消回复", "您可以使用这些 HTML 标签和属性",
    "電子郵件地址不會被公開", "取消回覆", "Ваш адрес email не будет опубликован", "Отменить ответ",
    "Tu dirección de correo electrónico no será publicada", "Cancelar la respuesta",
    "O seu endereço de email não será publicado", "O seu endereço de e-mail não será publicado",
    "Seu endereço de e-mail não será publicado", "Cancelar resposta",
    "Deine E-Mail-Adresse wird nicht veröffentlicht",
    "Ihre E-Mail-Adresse wird nicht veröffentlicht",
    "Antworten abbrechen", "Votre adresse e-mail ne sera pas publiée",
    "Votre adresse de messagerie ne sera pas publiée", "Annuler la réponse",
    "E-posta adresiniz yayınlanmayacak", "Yanıtı iptal et",
    "Il tuo indirizzo email non sarà pubblicato", "Annulla risposta",
    "Je e-mailadres wordt niet gepubliceerd", "Reactie annuleren",
    "Twój adres e-mail nie zostanie opublikowany", "Anuluj pisanie odpowiedzi",
    "メールアドレスが公開されることはありません", "コメントをキャンセル",
)  # fmt: skip
_FOREIGN_WEAK = (
    "必填项已用", "必填欄位標示為", "发表评论", "發表迴響", "Обязательные поля помечены",
    "Добавить комментарий", "Los campos obligatorios están marcados con", "Deja una respuesta",
    "Campos obrigatórios são marcados com", "Deixe um comentário", "Erforderliche Felder sind mit",
    "Schreibe einen Kommentar", "Les champs obligatoires sont indiqués avec",
    "Laisser un commentaire", "Gerekli alanlar", "Bir yanıt yazın",
    "I campi obbligatori sono contrassegnati", "Lascia un commento",
    "Vereiste velden zijn gemarkeerd met", "Geef een reactie", "Wymagane pola są oznaczone",
    "Dodaj komentarz", "は必須項目です", "コメントを残す",
)  # fmt: skip
#: Substrings of the foreign labels for the prefilter (raw text, any case).
FOREIGN_NEEDLES = (
    "不会被公开", "不會被公開", "опубликован", "publicad", "veröffentlicht", "publiée",
    "yayınlanmayacak", "pubblicato", "gepubliceerd", "opublikowany", "公開されることはありません",
    "取消回复", "取消回覆",
)  # fmt: skip


def _normalised(marker: str) -> str:
    from hooklint.unicode.chars import skeleton

    plain = marker if marker.isascii() else skeleton(marker)
    low = plain.lower()
    if len(low) != len(plain):
        # prose._lower, one character for one, differs from lower() only here: the prose
        # module (and bisect) is imported only then, which the prefilter mostly never needs.
        from hooklint.spam.prose import _lower

        low = _lower(plain)
    return fold_punctuation(low)


def _marker_pattern(markers: tuple[str, ...]) -> str:
    return "(?:" + "|".join("~".join(map(re.escape, m.split(" "))) for m in markers) + ")"


@cache
def boilerplate_markers(*, strong_only: bool = False) -> tuple[str, ...]:
    """The boilerplate labels as :func:`boilerplate` matches them (lowercase, normalised)."""
    foreign = _FOREIGN_STRONG if strong_only else _FOREIGN_STRONG + _FOREIGN_WEAK
    markers: tuple[str, ...] = _STRONG_MARKERS if strong_only else _STRONG_MARKERS + _WEAK_MARKERS
    return markers + tuple(_normalised(m) for m in foreign)


@cache
def boilerplate(*, strong_only: bool = False) -> re.Pattern[str]:
    """The boilerplate labels: all of them, or the strong ones only."""
    return _compile(_marker_pattern(boilerplate_markers(strong_only=strong_only)))


BOILERPLATE_WINDOW = 1200  # normalised characters within which two markers make boilerplate

# ------------------------------------------------------------------------------ HL311 spintax

_ALTERNATIVE = r"[^\W\d_](?:[\w'’ -]{0,40}[^\W_])?"
# A "{" not after "{", "\\", "$", "%" or "#". The brace comes first and the test of the character
# before it looks back from after it: a pattern that starts with a literal is searched for by
# a tight loop over the text, one that starts with a look-behind is tried at every offset
# (thirty times slower over the Django docs, whose templates hold "{{ value|filter }}").
SPINTAX = re.compile(
    r"\{(?<![{\\$%#]\{)(" + _ALTERNATIVE + r"(?:\|" + _ALTERNATIVE + r"){1,30})\}(?!\})"
)


def spun_groups(text: str) -> list[re.Match[str]]:
    """The spintax groups of a paragraph that are spinner output rather than a list of
    choices: there are two groups or more, or an alternative has several words or is a word
    spinners use; and some alternative has three letters or more."""
    groups = [m for m in SPINTAX.finditer(text) if not _type_union(m)]
    out = []
    for m in groups:
        options = [o.strip() for o in m.group(1).split("|")]
        if not any(sum(c.isalpha() for c in o) >= 3 for o in options):
            continue
        if (
            len(groups) >= 2
            or any(" " in o for o in options)
            or any(o.lower() in SPIN_WORDS for o in options)
        ):
            out.append(m)
    return out


# Type names of JSDoc, TypeScript, Closure and Flow annotations: ``{string|number|Array}`` is
# a type union (a value of any of these types), not a spinner's alternatives.
_TYPE_NAMES = frozenset(
    """
    string number boolean bool null undefined void any unknown never object array function
    symbol bigint int integer float double char byte long short date regexp promise map set
    error element node nodelist htmlelement event window document buffer iterable iterator
    record partial readonly true false this self none str list dict tuple bytes
    """.split()
)
_TYPE_TAG = re.compile(
    r"@(?:param|arg|argument|returns?|type|typedef|property|prop|throws|"
    r"yields?|template|callback|member|var|const|enum)\b[^\n{]{0,40}\Z"
)


def _type_union(m: re.Match[str]) -> bool:
    """Whether a braced group is a type annotation: it follows a JSDoc tag (``@param``), or
    every alternative is one word and one of them names a type."""
    if _TYPE_TAG.search(m.string, max(0, m.start() - 60), m.start()):
        return True
    options = [o.strip() for o in m.group(1).split("|")]
    if any(" " in o for o in options):
        return False
    return any(o.lower().rstrip("[]") in _TYPE_NAMES for o in options)


SPIN_WORDS = frozenset(
    """
    adored loved liked enjoyed treasured article post write-up writeup visit info information
    details facts great awesome nice fantastic excellent wonderful good website site blog web-site
    webpage page hi hello hey thanks thank kindly please short
    """.split()
)

# ------------------------------------------------------------------------ HL306 spam anchors

_DRUGS = (
    "viagra|cialis|levitra|kamagra|tramadol|xanax|valium|oxycodone|oxycontin|adderall|ambien|"
    "phentermine|modafinil|propecia|clomid|ivermectin|sildenafil|tadalafil|hydrocodone|ativan|"
    "klonopin|percocet|vicodin|codeine|diazepam|alprazolam|lorazepam|dilaudid|hydromorphone|"
    "painkillers?|pain~pills|opioids?|soma|carisoprodol|gabapentin|pregabalin|suboxone|"
    "methadone|fentanyl|morphine|ritalin|vyvanse|armodafinil|zolpidem|clonazepam|roxicodone|"
    "nembutal|ketamine|pills|tablets|meds"
)
# What follows a drug in a shop's sales line: where, how fast, and without which paper.
_SHOP_TAIL = (
    r"(?:online|without~(?:a~)?(?:prescription|rx)|no~(?:prescription|rx)|for~sale|cheap"
    r"|overnight|next~day~delivery|same~day~delivery)"
)


class _Trade:
    """One spam trade: its name in messages, its pattern, and the words that must be present
    before the pattern is worth running (a whole word, or a word starting with a prefix)."""

    def __init__(self, name: str, pattern: str, words: str, prefixes: str = "") -> None:
        self.name = name
        self.source = pattern.replace("~?", "(?:~)?").replace("~", r"[\s\-]{1,3}")
        self.words = frozenset(words.replace("|", " ").split())
        self.prefixes = tuple(prefixes.split())
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use)."""
        if self._pattern is None:
            self._pattern = re.compile(self.source)
        return self._pattern

    def wanted(self, words: frozenset[str], prefixed: list[str]) -> bool:
        """Whether the words of a text (and those of them that start with a key prefix of any
        trade) include a key word of this trade."""
        if not self.words.isdisjoint(words):
            return True
        return bool(self.prefixes) and any(w.startswith(self.prefixes) for w in prefixed)


TRADES = (
    _Trade(
        "gambling",
        r"\b(?:slot~gacor|situs~(?:slot|judi|togel)|slot~online|online~slot|judi~(?:online|slot"
        r"|bola)|togel(?:~online)?|online~casino|casino~online|best~casinos?|casino~bonus"
        r"|free~spins|no~deposit~bonus|sports~betting|betting~(?:tips|sites)|bet~online"
        r"|online~betting|poker~online|online~poker|daftar~slot|agen~(?:slot|judi|togel)"
        r"|bandar~(?:togel|judi)|deneme~bonusu|canl[ıi]~bahis|ka[çc]ak~bahis|bahis~siteleri"
        r"|(?:visit|play~at|join|sign~up~at|register~at|claim~at)(?:~\w+){1,2}~casino"
        r"|casino~(?:login|review|no~deposit|free~spins|sign~up)|pola~gacor|\w+~gacor|gacor"
        r"|(?:login|daftar|link)~(?:\w+~)?\w*(?:slot|togel|judi)\w*|rtp~slot|maxwin"
        r"|bahis~(?:sitesi|forumu)|\w+bet~giri[şs]"
        r"|mejores~casinos?|casinos?~en~l[ií]nea|apuestas~(?:deportivas|online|en~l[ií]nea)"
        r"|cassinos?~online|apostas~(?:esportivas|online)|tragamonedas|tragaperras"
        r"|online~spielothek|casino~en~ligne|paris~sportifs~en~ligne"
        r"|casino~siteleri|bonus~veren~siteler|онлайн~казино|казино~онлайн|ставки~на~спорт"
        r"|букмекерск\w*~контор\w*|کازینو|شرط~?بندی)\b|博彩|网赌|菠菜|赌场",
        "gacor situs judi togel casinos spins deposit betting bet poker daftar agen bandar bonusu"
        " bahis siteleri slot онлайн ставки maxwin rtp login link vs mejores apuestas"
        " cassino cassinos apostas tragamonedas tragaperras spielothek ligne paris",
        "casino казино букмекер کازینو شرط giri",
    ),
    _Trade(
        "pharmacy with a call to buy",
        r"\b(?:(?:buy|order|purchase|shop|cheap|discount|generic)(?:~\w+)?~(?:"
        + _DRUGS
        + r")(?:~\d+~?mg)?(?:~(?:tablets|pills|capsules))?~"
        + _SHOP_TAIL
        + r"|(?:buy|order|purchase|shop|cheap|discount|generic)(?:~\w+)?~(?:"
        + _DRUGS.replace("|pills|tablets|meds", "")
        + r")|(?:"
        + _DRUGS.replace("|pills|tablets|meds", "")
        + r")~"
        + _SHOP_TAIL
        + r"|(?:buy|order|purchase|get)~(?:\w+~){1,3}(?:online~)?(?:overnight|without~(?:a~)?"
        r"prescription|with~no~prescription|no~prescription)"
        r"|(?:trusted~|best~|cheap~|legit~)?online~pharmac(?:y|ies)|canadian~pharmac(?:y|ies)"
        r"|pharmacy~online|without~(?:a~)?prescription|no~prescription~needed"
        r"|click~here~(?:for|to)~(?:order|buy|purchase)|rush~(?:your|my)~order"
        r"|(?:comprar|kaufen|acheter|comprare)~(?:\w+~)?(?:"
        + _DRUGS.replace("|pills|tablets|meds", "")
        + r")|(?:"
        + _DRUGS.replace("|pills|tablets|meds", "")
        + r")~(?:kaufen|sin~receta|sem~receita|ohne~rezept|sans~ordonnance|senza~ricetta)"
        r"|(?:comprar|kaufen|acheter)~\w+~(?:sin~receta|sem~receita|ohne~rezept"
        r"|sans~ordonnance))\b|купить~\w+~без~рецепта",
        _DRUGS.replace("~", " ")
        + " pharmacy pharmacies prescription overnight click rush shop order buy purchase"
        " comprar kaufen acheter comprare купить",
    ),
    _Trade(
        "essay writing",
        r"\b(?:(?:buy|cheap|custom|order|pay~for)(?:~an?)?~(?:essays?|term~papers?"
        r"|research~papers?|dissertations?|coursework)|write~my~(?:essay|paper|assignment)"
        r"|essay~writ(?:ing|ers?)(?:~service)?|do~my~(?:homework|assignment|essay)"
        r"|(?:write|do)~(?:an?|my)~(?:essay|paper)~(?:for~(?:me|cheap|money)|cheap|online)"
        r"|essays?~(?:help|for~cheap|online~cheap)|(?:top|best|cheap|uk|us)~essay~\w+"
        r"|comprar~(?:ensayos?|tesis|monograf[ií]as?)|(?:hausarbeit|bachelorarbeit|masterarbeit"
        r"|seminararbeit)~schreiben~lassen|acheter~(?:un~)?m[ée]moire"
        r"|pay~someone~to~(?:do"
        r"|write)|(?:homework|assignment|dissertation)~help(?:~online)?|paper~writing~service)\b"
        r"|代写|代考",
        "coursework homework assignment someone write comprar hausarbeit bachelorarbeit"
        " masterarbeit seminararbeit acheter",
        "essay paper dissertation",
    ),
    _Trade(
        "escorts",
        r"\b(?:escorts?~(?:service|agency|girls?|in)|call~girls?|vip~escorts?|\w+~escorts)\b"
        r"|эскорт",
        "girls girl",
        "escort эскорт",
    ),
    _Trade(
        "payday loans",
        r"\b(?:payday~loans?|cash~advance|loans?~online|bad~credit~loans?|same~day~loans?"
        r"|title~loans?|instant~(?:cash~)?loans?|no~credit~check~loans?)\b",
        "payday advance",
        "loan",
    ),
    _Trade(
        "replica goods",
        r"\b(?:replica~(?:watch(?:es)?|handbags?|bags?|rolex|shoes|designer|jerseys?"
        r"|louis~vuitton|gucci)|fake~(?:rolex|watches|handbags)|cheap~(?:jordans|nike|uggs?"
        r"|louis~vuitton|michael~kors|ray-?bans?|oakleys?|jerseys)|(?:louis~vuitton|rolex|gucci"
        r"|prada|chanel|michael~kors)~(?:outlet|replica))\b",
        "fake cheap outlet",
        "replica",
    ),
    _Trade(
        "support phone number",
        r"\b(?:(?:customer|tech|technical)~)?(?:support|helpline|help~desk|customer"
        r"~(?:care|service))~(?:phone~)?(?:number|no\.?|#)|toll~?free~(?:number|phone)\b"
        r"|\+?1?~?\(?8[0-9]{2}\)?~?[0-9]{3}~?[0-9]{4}\b",
        "number no toll",
    ),
    _Trade(
        "selling backlinks or SEO",
        r"\b(?:buy~(?:(?:cheap|quality|dofollow|high~da|edu)~)?(?:backlinks?|traffic"
        r"|followers|likes|views|reviews|youtube~views|instagram~followers|facebook~likes"
        r"|google~reviews)|seo~services?|link~building~services?|guest~post(?:ing)?~services?"
        r"|high~(?:da|pa|dr)~backlinks?|pbn~(?:links|backlinks)|cheap~seo|best~seo~(?:company"
        r"|agency|services?)|backlinks?~(?:service|package)s?|(?:white~?hat|black~?hat|high~da"
        r"|dofollow|do~follow|contextual|authority|quality|manual)~(?:seo~)?backlinks?"
        r"|keyword~targeted~(?:traffic|visitors)|(?:targeted|organic)~(?:web~)?(?:traffic|visitors)"
        r"~(?:to|for|from)|high~da~pa|da~pa~tf~cf|rank~(?:1|#1|first|one)~on~google"
        r"|google~(?:1st|first)~page)\b|خرید~بک~?لینک|خرید~فالوور",
        "traffic likes views reviews seo building guest pbn targeted organic da rank google",
        "backlink follower خرید",
    ),
    _Trade(
        "crypto airdrop",
        r"\b(?:(?:claim|get|receive)(?:~(?:your|free))?~(?:airdrop|tokens|crypto|nft|usdt|btc"
        r"|eth)|crypto~airdrop|free~(?:airdrop|crypto|bitcoin|btc|usdt|eth|nft)"
        r"|airdrop~(?:claim|live|now)|connect~(?:your~)?wallet~to~claim)\b",
        "tokens crypto nft usdt btc eth bitcoin wallet",
        "airdrop",
    ),
    _Trade(
        "selling diplomas",
        r"купить~(?:диплом|аттестат|права|справку|водительские|удостоверение)\w*"
        r"|диплом\w*~(?:купить|без~предоплаты)"
        r"|\b(?:(?:buy|order|purchase|get|make)~(?:an?~)?(?:fake|real|registered|novelty"
        r"|original|verified)~(?:\w+~)?(?:degrees?|diplomas?|transcripts?|certificates?|passports?"
        r"|ielts|toefl)|(?:buy|order|purchase)~(?:an?~)?(?:degrees?|diplomas?|transcripts?)"
        r"|fake~(?:degrees?|diplomas?|transcripts?|certificates?)|(?:comprar|compra)~(?:un~)?"
        r"(?:diploma|t[íi]tulo)s?)\b"
        r"|(?:购买|办理|定制|买|仿制|代办)\S{0,6}?(?:文凭|毕业证|学位证|成绩单|学历)"
        r"|(?:国外|假)文凭|(?:文凭|毕业证|学位证)(?:购买|办理|定制)",
        "купить buy order purchase get make fake comprar compra",
        "диплом",
    ),
    _Trade(
        "pirate streaming",
        r"\b(?:watch~(?:\S+~){0,6}?(?:full~movies?|online~(?:for~)?free|free~online|full~hd)"
        r"|full~movies?~(?:online|free|download|watch|streaming|hd)|(?:123|f|go|yes)movies"
        r"|putlocker|soap2day|(?:streaming|stream)~(?:the~)?full~movie"
        r"|(?:live~stream(?:ing)?|livestream)~(?:free|online|hd)~(?:free|online|hd)?"
        r"|pel[íi]cula~completa~(?:online|gratis)|filme~completo~(?:online|gr[áa]tis)"
        r"|film~complet~(?:en~)?(?:streaming|gratuit))\b"
        r"|смотреть~онлайн|в~хорошем~качестве|在线观看|完整版",
        "watch movie movies putlocker soap2day streaming stream livestream pelicula película"
        " filme film смотреть",
        "123 fmovies gomovies yesmovies",
    ),
    _Trade(
        "crypto recovery scam",
        r"\b(?:(?:crypto|bitcoin|btc|funds?|assets?|scam|wallet|money|usdt)~recovery~(?:hackers?"
        r"|experts?|specialists?|services?|agency|company)|recovery~hackers?"
        r"|hackers?~(?:for~hire|recovery)|hire~(?:an?~)?(?:legit|genuine|certified|real)?~?hackers?"
        r"|(?:legit|genuine|certified|trusted)~(?:crypto~|recovery~)?hackers?"
        r"|\w+~ultimate~hackers?)\b",
        "recovery hacker hackers hire legit genuine certified trusted ultimate",
    ),
    _Trade(
        "cracked software",
        r"\b(?:\w+~\d*~?activator|(?:crack|serial|free)~keygen|keygen~(?:download|free|crack)"
        r"|(?:crack|cracked)~(?:download|free|full|version)"
        r"|serial~keys?~(?:free|generator)|(?:free|full)~version~(?:crack|download~free)"
        r"|license~key~(?:free|crack|generator))\b",
        "activator keygen crack cracked serial license",
    ),
    _Trade(
        "supplements",
        r"\b(?:(?:keto|acv|cbd|hemp|slimming)~(?:\w+~)?gummies|cbd~(?:oil|gummies)~(?:for~sale"
        r"|online|buy)|cbd~with~thc|(?:buy|order)~cbd|male~enhancement|last~longer~in~bed"
        r"|erectile~dysfunction~(?:pills|cure)|weight~loss~(?:pills|gummies|supplements?)"
        r"|diet~pills)\b",
        "gummies cbd enhancement longer erectile weight diet",
    ),
    _Trade(
        "event tickets and streams",
        r"\b(?:\w+~vs\.?~\w+~(?:tickets|live~stream\w*|live~online|online~free)"
        r"|tickets~for~sale|cheap~tickets~(?:online|for))\b",
        "tickets vs live",
    ),
)
_CJK_STEMS = (
    "博彩", "网赌", "菠菜", "赌场", "代写", "代考", "文凭", "毕业证", "学位证", "成绩单", "学历",
    "在线观看", "完整版",
)  # fmt: skip
_KEY_WORDS = frozenset().union(*(t.words for t in TRADES))
_KEY_PREFIXES = tuple(p for t in TRADES for p in t.prefixes)
_PHONE = re.compile(r"\d{3}\W{0,3}\d{4}")
# Digits of a phone number say nothing on their own: they count beside a support word only.
_SUPPORT_WORDS = re.compile(r"support|helpline|help desk|customer|toll|call|contact|dial")

# Link texts that disclose a paid link: the owner put it there openly (HL309 passes them).
DISCLOSED = re.compile(r"\b(?:referral|affiliate|sponsor(?:ed|s)?|partner|advert\w*|ad)\b")
_DOWNLOAD_TEXT = (
    r"\b(?:download\w*|install\w*|setup|get\s+it|latest\s+version|free\s+download|crack"
    r"|keygen|patch|mod\s+apk)\b|\.(?:exe|zip|apk|dmg|msi|rar|7z|tar|gz|tgz|deb|rpm|jar|pkg|iso"
    r"|appimage)\b"
)


_INVITE = re.compile(
    r"(?<![^\W_])(?:slack|discord|gitter|matrix|zulip|mattermost|telegram|irc|chat|community"
    r"|forum|invite|mailing[\s_-]?list)(?![^\W\d_])",
    re.IGNORECASE,
)


def invite(text: str) -> bool:
    """Whether a link text or path names a chat or community invite (``our Slack``,
    ``/join-xyz-slack``)."""
    return _INVITE.search(text.replace("-", " ").replace("_", " ")) is not None


@cache
def download_text() -> re.Pattern[str]:
    """Link text that promises a download (HL305 says so louder)."""
    return re.compile(_DOWNLOAD_TEXT, re.IGNORECASE)


def may_sell(text: str) -> bool:
    """Whether lowercase ``text`` (one link text, or many joined) holds a key word of some
    trade: the cheap test that lets most link texts skip the trade patterns."""
    words = frozenset(WORD.findall(text))
    return (
        not _KEY_WORDS.isdisjoint(words)
        or any(w.startswith(_KEY_PREFIXES) for w in words)
        or (not text.isascii() and any(stem in text for stem in _CJK_STEMS))
        or _PHONE.search(text) is not None
    )


def sale_words(text: str) -> frozenset[str] | None:
    """The words of lowercase ``text`` that make :func:`may_sell` say yes (key words, and
    words that start with a key prefix), or None when a Chinese stem or a phone number does:
    ``may_sell(text)`` is ``sale_words(text) != frozenset()``."""
    if (not text.isascii() and any(stem in text for stem in _CJK_STEMS)) or _PHONE.search(text):
        return None
    words = frozenset(WORD.findall(text))
    return (words & _KEY_WORDS) | frozenset(w for w in words if w.startswith(_KEY_PREFIXES))


def spam_anchor(text: str) -> str | None:
    """The spam trade a lowercase link text sells (``buy essay online`` -> essay writing).

    Each trade's pattern runs only when the text holds one of its key words, which keeps the
    common case (a link text that sells nothing) to one word split.
    """
    if not may_sell(text):
        return None
    words = frozenset(WORD.findall(text))
    prefixed = [w for w in words if w.startswith(_KEY_PREFIXES)]
    cjk = not text.isascii() and any(stem in text for stem in _CJK_STEMS)
    phone = _PHONE.search(text) is not None
    for trade in TRADES:
        wanted = trade.wanted(words, prefixed) or cjk
        if not (wanted or (phone and trade.name == "support phone number")):
            continue
        m = trade.pattern.search(text)
        if m is None:
            continue
        if trade.name == "support phone number" and not _SUPPORT_WORDS.search(text):
            continue
        return trade.name
    return None


# ----------------------------------------------------------------------- HL302 Title-Case runs

#: A Title-Case word (ASCII after the skeleton, or Latin-1 letters).
TITLE_WORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:['’-][a-zß-öø-ÿ]+)?"


@cache
def title_run() -> re.Pattern[str]:
    """A run of two or more Title-Case words separated by single spaces (normalised prose)."""
    return re.compile(r"(?<![\w'’-])" + TITLE_WORD + r"(?:\x20" + TITLE_WORD + r")+(?![\w'’-])")


WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Capitalised words that start sentences or headings rather than names.
FUNCTION_WORDS = frozenset(
    """
    The A An In On At For And Of By With From To As Or But If When While This That These Those
    It Its Our Your Their My His Her We You They He She I Is Are Was Were Be Also Then So Not
    """.split()
)


# ----------------------------------------------------------------------- HL307 stuffed titles


def stuffed_title(title: str) -> bool:
    """Whether a link's title attribute is a keyword list rather than a description: a word
    repeated three times, four comma-separated items, or a spam trade."""
    from hooklint.unicode.chars import skeleton

    low = " ".join(skeleton(title).lower().split())
    words = WORD.findall(low)
    if len(words) < 4:
        return False
    counts = Counter(w for w in words if len(w) >= 4)
    items = len(re.findall(r"[,|;]", low)) + 1
    return bool((counts and counts.most_common(1)[0][1] >= 3) or items >= 4 or spam_anchor(low))


# ------------------------------------------------------------------ HL306 commerce in prose

# The strongest sales lines, matched in running text (not only in link text) when a link to
# another site is near: spam issues and comments often say what they sell in a sentence and
# put a bare URL, a code span or a commenter link beside it. Only frames a project would not
# write about itself: "online pharmacy" or "essay" alone never count here.
_PROSE_FRAMES = (
    (
        "pharmacy with a call to buy",
        r"(?:buy|order|purchase|get)~(?:"
        + _DRUGS.replace("|pills|tablets|meds", "|pills|meds")
        + r")(?:~\d+~?mg)?(?:~(?:tablets|pills|capsules))?~(?:online~)?(?:overnight|without~"
        r"(?:a~)?prescription|with~no~prescription|no~prescription|no~rx)"
        r"|click~here~(?:for~order|to~order)",
    ),
    (
        "essay writing",
        r"write~my~(?:essay|paper|assignment)|(?:write|do)~(?:an?|my)~(?:essay|paper)~for~"
        r"(?:me|cheap|money)",
    ),
    (
        "selling diplomas",
        r"(?:buy|order|purchase|get)~(?:\S+~){0,3}?fake~(?:\S+~){0,2}?(?:degree|diploma"
        r"|transcript|certificate|passport|ielts|toefl|driver'?s?~licen[cs]e|id~card)s?"
        r"|(?:购买|办理|定制|仿制|代办)\S{0,6}?(?:文凭|毕业证|学位证|成绩单)|(?:国外|假)文凭",
    ),
    (
        "selling backlinks or SEO",
        r"(?:white~?hat|black~?hat|dofollow|high~da|pbn)~(?:seo~)?backlinks?"
        r"|keyword~targeted~(?:traffic|visitors)|high~da~pa",
    ),
    (
        "pirate streaming",
        r"watch~(?:\S+~){0,6}?full~movies?~(?:online|free)|full~movies?~(?:online~)?free"
        r"|123movies|putlocker|soap2day",
    ),
    ("escorts", r"call~girls?~(?:in|near)~\S+|escort~services?~in~\S+"),
    # "slot gacor" alone is quoted by the tools that fight it: only the mirror-login frames.
    ("gambling", r"deneme~bonusu~veren|\S+bet~giri[şs]"),
    (
        "crypto recovery scam",
        r"(?:crypto|bitcoin|btc|funds?|wallet|scam)~recovery~(?:hackers?|experts?|specialists?"
        r"|services?|company|agency)|recovery~hackers?|hackers?~for~hire",
    ),
)
PROSE_NEEDLES = (
    "prescription", "overnight", "click here", "essay", "write my", "fake deg", "fake dip",
    "fake tran", "fake cert", "fake ielts", "fake toefl", "fake pass", "fake driv", "fake id",
    "recovery serv", "recovery comp", "recovery agen", "文凭", "毕业证", "学位证", "成绩单",
    "backlink", "targeted",
    "high da", "movie", "123movies", "fmovies", "gomovies", "yesmovies", "putlocker",
    "soap2day", "call girl", "escort", "bonusu", "giriş",
    "giris", "hacker", "recovery expert", "recovery specialist",
)  # fmt: skip


@cache
def prose_frames() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (name, _compile(r"(?<![^\W_])(?:" + source + r")(?![^\W_])"))
        for name, source in _PROSE_FRAMES
    )


def prose_frame(lower: str) -> tuple[str, re.Match[str]] | None:
    """The first strong sales line in normalised lowercase prose, with its trade."""
    if not any(n in lower for n in PROSE_NEEDLES):
        return None
    for name, pattern in prose_frames():
        m = pattern.search(lower)
        if m:
            return name, m
    return None


_MONEY = re.compile(r"\b(?:bitcoin|crypto|btc|usdt|eth|wallet|funds|investment|savings)\b")
_HACKER = re.compile(
    r"\bhackers?\b|\brecovery~(?:expert|specialist|agent|company)".replace("~", " ")
)
_RECOVERED = re.compile(
    r"\b(?:recover\w*|retriev\w*|restor\w*|regain\w*|got~back|get~back)\b".replace("~", " ")
)
_TESTIMONY = re.compile(
    r"\b(?:i~reached~out|reached~out~to|i~contacted|contact~them|recommended|suggested"
    r"|i~turned~to|helped~me|hired)\b".replace("~", " ")
)


RECOVERY_NEEDLES = ("hacker", "recovery expert", "recovery specialist", "recovery agent",
                    "recovery company")  # fmt: skip


def recovery_testimony(lower: str) -> bool:
    """A crypto-recovery scam testimonial: money lost, a "hacker" who got it back, and the
    first-person story that recommends them, within one stretch of text."""
    if not any(n in lower for n in RECOVERY_NEEDLES):
        return False
    return all(p.search(lower) for p in (_MONEY, _HACKER, _RECOVERED, _TESTIMONY))
