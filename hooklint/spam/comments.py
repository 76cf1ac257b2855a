"""Comment spam (HL301): the template families of comment bots and the generic praise that
carries a link in the commenter's name.

Blog-comment spam says nothing about the page it sits on. Its sentences come from a few spun
families (the link-exchange pitch, "surfing online more than three hours", the targeted-traffic
pitch), or it is praise that fits any page ("what a information, thanks admin"), and its link is
in the commenter's name rather than in the text. This module finds both: the families wherever
they are, and praise when a commenter name that is a keyword phrase (not a person's name) links
to an unrelated site. A comment is a record of a data file or front matter
(:class:`~hooklint.spam.document.Comment`) or, in a page, a short paragraph right after a
link, as comment threads are rendered.

The patterns match normalised prose (lowercase skeleton, ``~`` between words) and are compiled
on first use.
"""

from __future__ import annotations

import re
from functools import cache

from hooklint.spam.phrases import _compile

# Comment-bot families, written as frames. Each names its family in the finding.
_FAMILIES = (
    (
        "link-exchange pitch",
        r"(?:interested~in|open~to|like~to)~(?:trading|exchanging|swapping|exchange|trade)~links"
        r"|(?:link|links)~exchange~(?:with|program)|exchange~links~with"
        r"|guest~(?:authoring|posting|writing)~(?:a~)?(?:\S+~){0,3}?or~vice(?:-|~)?versa"
        r"|(?:came|come)~to~[\"']?return~the~(?:favor|favour)",
    ),
    (
        "surfing online more than three hours",
        r"(?:surfing|browsing|searching)~(?:\S+~){0,2}?(?:online|the~(?:web|internet|net))~"
        r"(?:for~)?more~than~(?:\d+|two|three|four|five)~hours",
    ),
    (
        "spun blog-comment opener",
        r"just~wrote~an?~(?:\S+~){0,2}?long~comment~but~after~i~clicked~submit"
        r"|my~(?:brother|sister|cousin|friend|coworker|uncle|aunt|spouse|partner|family~member)~"
        r"(?:suggested|recommended)~i~(?:might|would|may)~like~this~(?:web~?site|blog|site)"
        r"|(?:extremely|very|really|truly)~impressed~with~your~writing~skills"
        r"|do~you~mind~if~i~quote~a~(?:couple|few)~of~your~(?:posts|articles)"
        r"|(?:thought|considered)~about~(?:adding|including)~a~little~(?:bit~)?more~than~just"
        r"~your~articles|(?:shame|pity)~you~don't~have~a~donate~button"
        r"|heya~i'?m~for~the~(?:first|primary)~time~here"
        r"|attractive~(?:section|portion|component|element)~of~content"
        r"|give~a~quick~shout~out~and~say~i~(?:\S+~)?enjoy~reading"
        r"|wish~to~apprentice~(?:while|at~the~same~time~as|even~as)~you~amend"
        r"|i~know~this~is~(?:\S+~)?off~topic~but~i~was~wondering~if~you~knew",
    ),
    (
        "targeted-traffic pitch",
        r"(?:a~)?quick~note~here~instead~of~calling"
        r"|noticed~(?:that~)?you~could~(?:have|get|use)~a~lot~more~(?:visitors|traffic|hits)"
        r"|try~(?:their|the|our)~service~for~free~for~\S+~days"
        r"|(?:over|about)~\d+~targeted~visitors",
    ),
)

# Praise that fits any page. Written as families of phrasing, each spun many ways.
_PRAISE = (
    r"(?:great|nice|good|awesome|excellent|terrific|fantastic|wonderful|superb|brilliant"
    r"|remarkable|pleasant|fastidious|informative|useful|helpful|valuable|amazing|outstanding"
    r"|impressive|magnificent|marvelous|lovely)~(?:(?!(?:for|to|of|in|on|with|by|as|at|when|if"
    r"|than|and|or)~)\S+~)?(?:post|article|blog|site|website"
    r"|web~site|write-?up|piece|information|info|content|weblog|webpage|web~page|data|paragraph)"
    r"|thanks?~(?:you~)?(?:for~sharing|admin|a~lot~for~sharing)|keep~up~the~(?:\S+~)?work"
    r"|(?:i~will|i'll|i~am~going~to)~(?:\S+~)?(?:bookmark|come~back|return|revisit)|bookmarked"
    r"|what~an?~(?:\S+~)?(?:information|info|post|article|blog)"
    r"|(?:that's|thats|that~is)~what~i~(?:was|am)~(?:searching|looking)~for"
    r"|pay~a~(?:quick~)?visit~(?:this|to~this|at~this)|get~(?:nice|good|fastidious)~(?:data|info)"
    r"|(?:hello|hi|hey)~(?:there~)?(?:admin|webmaster|mates)"
    r"|(?:this|your)~(?:web~site|website|blog|site|weblog)~(?:is|has)~(?:\S+~)?(?:great|nice"
    r"|awesome|excellent|fantastic|wonderful|informative|useful|helpful)"
)
FAMILY_NEEDLES = (
    "trading", "exchanging", "swapping", "links exchange", "exchange links", "vice", "favor",
    "favour", "surfing", "browsing", "instead of", "visitors", "clicked", "might like",
    "would like this", "may like this", "impressed", "quote a", "donate", "heya", "attractive",
    "shout", "apprentice", "off topic",
)  # fmt: skip
PRAISE_NEEDLES = (
    "post", "article", "blog", "site", "write", "info", "content", "page", "data", "thank",
    "work", "bookmark", "visit", "admin", "webmaster", "looking", "searching", "paragraph",
)  # fmt: skip


# Anchors of each family, in the order of _FAMILIES: every match of a family's pattern holds one
# of its anchors (a word the pattern spells out in every alternative, or the part of it all
# its spellings share: "trad" of trading and trade). A text without any of them cannot match
# the family, which spares the pattern (tests match them on generated texts).
FAMILY_ANCHORS = (
    ("trad", "exchang", "swapping", "vice", "favo"),
    ("hours",),
    (
        "submit", "suggested", "recommended", "impressed", "quote", "articles", "donate",
        "heya", "attractive", "shout", "apprentice", "wondering",
    ),
    ("calling", "noticed", "service", "targeted"),
)  # fmt: skip
#: Every family's anchors: a text without one holds no family.
ANCHORS = tuple(a for anchors in FAMILY_ANCHORS for a in anchors)


@cache
def families() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(name, pattern) of each comment-bot family."""
    return tuple((name, _compile(source)) for name, source in _FAMILIES)


@cache
def _praise() -> re.Pattern[str]:
    return _compile(r"(?<![^\W_])(?:" + _PRAISE + r")(?![^\W_])")


def family(lower: str) -> tuple[str, re.Match[str]] | None:
    """The comment-bot family a paragraph (normalised lowercase) is written in, or None."""
    if not any(n in lower for n in FAMILY_NEEDLES):
        return None
    for (name, pattern), anchors in zip(families(), FAMILY_ANCHORS, strict=True):
        if not any(a in lower for a in anchors):
            continue
        m = pattern.search(lower)
        if m:
            return name, m
    return None


#: A comment longer than this is about something; generic praise is short.
MAX_PRAISE = 700


def generic_praise(lower: str) -> bool:
    """Whether a short comment (normalised lowercase) is praise that fits any page."""
    if len(lower) > MAX_PRAISE or not any(n in lower for n in PRAISE_NEEDLES):
        return False
    return _praise().search(lower) is not None


def praise_in(lower: str) -> bool:
    """Whether normalised lowercase text of any length holds generic praise (the prefilter)."""
    return any(n in lower for n in PRAISE_NEEDLES) and _praise().search(lower) is not None


_NAME_WORD = re.compile(r"[^\W_]+")


# Words of trades and services that people's names do not contain ("Miami Roof Repair").
_SERVICE_WORDS = frozenset(
    """
    services service company repair repairs lawyer lawyers attorney insurance loans loan dentist
    dental plumber plumbing movers moving packers cleaning agency online cheap best buy review
    reviews store shop sale sales hosting seo marketing casino deals coupon coupons discount
    calculator download free rental rentals clinic treatment pills essay essays writing
    """.split()
)


# The trades themselves, without the words every product page uses (download, online, free).
# "Service" and "company" name every product's own parts too ("Service Quotas", "Company
# settings"): a phrase is a trade's by the trade itself.
_TRADE_WORDS = _SERVICE_WORDS - frozenset(
    "online best buy review reviews store shop sale sales download free calculator deals"
    " service services company agency".split()
)


def commercial_name(name: str, *, strict: bool = False) -> bool:
    """Whether a phrase of two words or more names a trade or service ("roof repair");
    ``strict`` leaves out the words every product page uses ("online demo", "free download")."""
    words = [w.lower() for w in _NAME_WORD.findall(name)]
    vocabulary = _TRADE_WORDS if strict else _SERVICE_WORDS
    return len(words) >= 2 and not vocabulary.isdisjoint(words)


def keyword_name(name: str) -> bool:
    """Whether a commenter name is a keyword phrase rather than a person's or a handle's name:
    three words or more all in lowercase ("cheap flights to rome"), four words or more, or a
    name of two words or more with the word of a trade or service in it ("Miami Roof Repair")."""
    words = _NAME_WORD.findall(name)
    if len(words) >= 4:
        return True
    if commercial_name(name):
        return True
    return len(words) >= 3 and all(not w[:1].isupper() for w in words)
