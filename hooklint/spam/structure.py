"""Link structure (HL312): a run of links to many different sites, none named by its text.

A link bomb (the XRumer kind) strings dozens of links to as many unrelated sites one after
the other, behind anchors that are fragments of words (``уда``, ``Sah``, ``165``): nothing in
it is there for a reader. Dense legitimate text looks different in a way that can be
measured: an awesome list or a friend-links section names each site in its anchor
(``Bagisto`` → bagisto.com), or describes each entry between the links; a changelog links
into one project; a row of badges is images. The rule judges the shape of the run, not any
word in it:

* links follow one another with at most a few words between them (a *run*);
* the run reaches :data:`MIN_LINKS` links and nearly every link goes to another site;
* the anchors are short (a fragment, a number, one or two words) and do not name their
  host. An anchor in a script that cannot spell a Latin host name (Chinese, Japanese, Korean)
  is left out of the count: ``淘宝网`` may well be taobao.com, and pinyin is out of reach.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hooklint.records import NamedTuple
from hooklint.spam import domains
from hooklint.spam.links import Link

MIN_LINKS = 8  # links in one run before it can be a bomb
MIN_SITES = 6  # different sites among them
_MAX_GAP_WORDS = 3  # words between two links of one run
_MAX_GAP = 200  # characters between two links of one run
_SHORT = 14  # characters of a short anchor

_TAG = re.compile(r"<[^<>]{0,2000}>|\]\([^()\s]{0,2048}\)|!\[|\[")
_WORD = re.compile(r"[^\W_]{2,}")
_UNSPELLABLE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


# What a link is, said in a word: a list that labels its links this way is no bomb.
_LINK_WORDS = frozenset(
    """
    link links website site homepage home here docs doc demo source code paper slides video
    download github twitter blog web url more read view details info pdf repo project
    """.split()
)


class Bomb(NamedTuple):
    first: Link
    links: int
    sites: int
    example: tuple[str, str]  # (anchor, site)


def link_bombs(text: str, links: list[Link], related: Callable[[str, str], bool]) -> list[Bomb]:
    """The link bombs among ``links`` (in the order of the text). ``related(text, host)``
    says whether an anchor names its host (or the host is trusted)."""
    candidates = [
        link
        for link in links
        if link.text and not link.image_only and link.kind not in ("bare", "autolink", "field")
    ]
    candidates.sort(key=lambda link: link.text_pos)
    out: list[Bomb] = []
    run: list[Link] = []
    for link in candidates:
        if run and not _adjacent(text, run[-1], link):
            out.extend(_judge(run, related))
            run = []
        run.append(link)
    out.extend(_judge(run, related))
    return out


def _adjacent(text: str, before: Link, after: Link) -> bool:
    start = before.text_pos + len(before.text)
    gap = text[start : after.text_pos]
    if len(gap) > _MAX_GAP + 2 * len(before.url) + 200:
        return False
    words = _WORD.findall(_TAG.sub(" ", gap.replace(before.url, " ")))
    return len(words) <= _MAX_GAP_WORDS


def _judge(run: list[Link], related: Callable[[str, str], bool]) -> list[Bomb]:
    if len(run) < MIN_LINKS:
        return []
    sites: list[str] = []
    unnamed: list[tuple[str, str]] = []
    judged = 0
    for link in run:
        url = domains.parse_url(link.url)
        if url is None:
            continue
        site = domains.site(url.host)
        sites.append(site)
        label = " ".join(link.text.split())
        if _UNSPELLABLE.search(label) or domains.profile_page(url):
            continue
        judged += 1
        words = label.split()
        short = len(label) <= _SHORT and len(words) <= 2
        # A phrase of three lowercase words or more is a keyword, not a name or a title.
        keyword = len(words) >= 3 and all(not w[:1].isupper() for w in words)
        if (short or keyword) and not related(label, url.host):
            unnamed.append((label, site))
    distinct = len(set(sites))
    if distinct < MIN_SITES or distinct < 0.8 * len(sites) or judged < MIN_SITES:
        return []
    if len(unnamed) < 0.75 * judged:
        return []
    # A label repeated down a list or table ("website", "demo", "paper") describes each entry
    # the same way; a bomb's anchors are fragments, each its own.
    labels = [anchor.lower() for anchor, _ in unnamed]
    if len(set(labels)) < 0.6 * len(labels) or sum(a in _LINK_WORDS for a in labels) > 2:
        return []
    return [Bomb(run[0], len(sites), distinct, unnamed[0])]


# ------------------------------------------------------------------ styled letters (HL313)

#: A word of four letters or more written in fullwidth Latin or in mathematical alphanumerics
#: (bold, italic, script, double-struck …): the styling of streaming and giveaway spam, which
#: also slips past filters that match plain words.
STYLED_RUN = re.compile(r"[\uff21-\uff3a\uff41-\uff5a]{4,}|[\U0001d400-\U0001d7ff]{4,}")
# Any character from the first styled letter up: one C-level scan, where max(text) walks the
# text in Python objects.
_STYLED_RANGE = re.compile("[\uff21-\U0010ffff]")
_EAST_ASIAN = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_REACH = 600  # characters between the styled words and the link


def styled_runs(text: str) -> list[re.Match[str]]:
    """Runs of styled letters that are not fullwidth letters inside East Asian text (where a
    fullwidth ``ＵＳＢ`` is ordinary typesetting)."""
    if text.isascii() or _STYLED_RANGE.search(text) is None:
        return []
    out = []
    for m in STYLED_RUN.finditer(text):
        if m.group()[0] < "\U00010000":
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            if _EAST_ASIAN.search(line):
                continue
        out.append(m)
    return out


_CALL = re.compile(
    r"\b(?:watch|click|here|download|free|live|stream\w*|movies?|full|hd|win|claim|bonus"
    r"|join|register|login|signup|now|visit|buy|offer|deal|gift|giveaway|tap)\b"
)


def calls_to_action(text: str, run: re.Match[str]) -> str | None:
    """The styled words of ``run``'s line read as plain letters, when they call to action
    ("WATCH HERE", "CLICK TO DOWNLOAD"); None for a styled name or title ("Open LLM
    Leaderboard" set in monospace letters)."""
    import unicodedata

    line_start = text.rfind("\n", 0, run.start()) + 1
    line_end = text.find("\n", run.end())
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    styled = " ".join(
        unicodedata.normalize("NFKC", m.group()) for m in _STYLED_WORDS.finditer(line)
    )
    return styled if _CALL.search(styled.lower()) else None


_STYLED_WORDS = re.compile(r"[\uff21-\uff3a\uff41-\uff5a]+|[\U0001d400-\U0001d7ff]+")


def near(links: list[Link], start: int, end: int) -> list[Link]:
    """The links whose text or target lies within reach of [start, end)."""
    return [
        link
        for link in links
        if start - _REACH <= link.text_pos <= end + _REACH
        or start - _REACH <= link.url_pos <= end + _REACH
    ]
