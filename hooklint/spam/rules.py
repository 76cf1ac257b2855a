"""The spam rules HL301–HL311 over a :class:`~hooklint.spam.document.Document`.

Each rule looks for intent (a spun sentence, a hidden link, a shortener behind "Download"), never
for a number of links. Findings carry the offset of what they report in the original text; the
offsets become 1-based lines and code-point columns at the end, in one pass over the text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from functools import lru_cache

from hooklint.diagnostic import describe, safe
from hooklint.records import TYPE_CHECKING, NamedTuple
from hooklint.rules import Finding
from hooklint.source import LINE_END
from hooklint.spam import domains, phrases
from hooklint.spam.context import Context, context, related_link
from hooklint.spam.document import Document, build
from hooklint.spam.links import Link, inside
from hooklint.spam.prose import Prose, join
from hooklint.spam.styles import hiding_reason

if TYPE_CHECKING:
    from hooklint.spam import SpamOptions


class Hit(NamedTuple):
    offset: int
    code: str
    message: str


def check(
    text: str, kind: str, options: SpamOptions, regions: Sequence[tuple[int, int]] | None
) -> list[Finding]:
    """Every spam finding in ``text``, sorted by position (the full check, no prefilter)."""
    ctx = context(options)
    doc = build(text, kind, regions)
    hits = link_hits(doc, ctx)
    hits.extend(phrase_hits(doc, ctx))
    hits.extend(structure_hits(doc, ctx))
    return findings(text, hits)


def findings(text: str, hits: list[Hit]) -> list[Finding]:
    """Hits as findings with 1-based lines and code-point columns, sorted, duplicates dropped.

    The hits are visited in offset order and the line breaks between two of them counted once,
    so the conversion costs one pass over the text however many findings there are.
    """
    out: list[Finding] = []
    seen: set[tuple[int, str]] = set()
    line, line_start, pos = 1, 0, 0
    for hit in sorted(hits):
        if (hit.offset, hit.code) in seen:
            continue
        seen.add((hit.offset, hit.code))
        offset = max(pos, min(hit.offset, len(text)))
        for m in LINE_END.finditer(text, pos, offset):
            line += 1
            line_start = m.end()
        pos = offset
        out.append(Finding(line, offset - line_start + 1, hit.code, hit.message))
    out.sort(key=lambda f: (f.line, f.col, f.code))
    return out


# --------------------------------------------------------------------------- link structure


def structure_hits(doc: Document, ctx: Context) -> list[Hit]:
    """HL312 link bombs and HL313 styled letters beside an off-site link (see
    :mod:`hooklint.spam.structure`)."""
    hits = _styled(doc, ctx)
    if len(doc.links) < 8:
        return hits
    from hooklint.spam.structure import link_bombs

    def named(text: str, host: str) -> bool:
        # Three letters found somewhere in a host name do not name it ("amb" in amber…), but
        # an acronym or a region code that starts one of its labels does (IBM → ibm.com,
        # AWS → aws.amazon.com, EU → eu.mirror.example).
        squashed = re.sub(r"[\W_]", "", text.lower())
        if squashed and any(
            label.startswith(squashed) for label in domains.name_labels(domains.site(host))
        ):
            return True
        long_enough = len(squashed) >= 4
        return (long_enough and related_link(text, host, ctx)) or domains.text_host(
            text
        ) is not None

    for bomb in link_bombs(doc.text, doc.links, named):
        anchor, site = bomb.example
        hits.append(
            Hit(
                bomb.first.text_pos,
                "HL312",
                f"link bomb: {bomb.links} links in a row to {bomb.sites} different sites, behind "
                f"short anchors that do not name them (such as '{safe(_clip(anchor, 30))}' → "
                f"'{safe(site)}')",
            )
        )
    return hits


def _styled(doc: Document, ctx: Context) -> list[Hit]:
    """HL313: words in styled letters beside a link to an unrelated site, reported once."""
    if doc.text.isascii() or not doc.links:
        return []
    from hooklint.spam.structure import calls_to_action, near, styled_runs

    for m in styled_runs(doc.text):
        plain = calls_to_action(doc.text, m)
        if plain is None:
            continue
        for link in near(doc.links, m.start(), m.end()):
            site = _foreign(link, ctx)
            if site is None or domains.under(site, _NEUTRAL_HOSTS):
                continue
            return [
                Hit(
                    m.start(),
                    "HL313",
                    f"'{safe(plain)}' written in styled letters beside a link to "
                    f"'{safe(site)}': the styling of streaming and giveaway spam, which "
                    "dodges word filters",
                )
            ]
    return []


# ------------------------------------------------------------------------------- link rules


def link_hits(doc: Document, ctx: Context) -> list[Hit]:
    hits: list[Hit] = []
    hidden = inside(doc.hidden)
    page = _page_sites(doc, hidden)
    roots = _relative_roots(doc)
    for link in doc.links:
        url = domains.parse_url(link.url)
        if url is None:
            continue
        site = domains.site(url.host)
        if ctx.trusted(site) or ctx.trusted(domains.strip_www(url.host)):
            continue
        shown = safe(site)
        _homograph(link, url, hits)
        _shortener(link, url, site, ctx, hits)
        _commercial(link, site, ctx, hits, doc)
        _mismatch(link, url, site, hits)
        same_site = site in page or _own_hidden(link, url, roots)
        _hidden(link, shown, same_site, hidden, hits)
        if ctx.deny is not None:
            pattern = ctx.deny.match(url.host + url.path) or ctx.deny.match(site)
            if pattern:
                hits.append(
                    Hit(
                        link.url_pos,
                        "HL308",
                        f"link to '{shown}' matches the deny-list pattern '{safe(pattern)}'",
                    )
                )
        tag = domains.affiliate_tag(url)
        if tag and not phrases.DISCLOSED.search(link.text.lower()):
            hits.append(
                Hit(
                    link.url_pos,
                    "HL309",
                    f"affiliate or referral tag '{safe(_clip(tag, 60))}' on a link to '{shown}': "
                    "it earns someone money from your readers",
                )
            )
    return hits


def _homograph(link: Link, url: domains.Url, hits: list[Hit]) -> None:
    """HL304: a host label that mixes in lookalikes, or is made of lookalikes of ASCII."""
    if url.host.isascii() and "xn--" not in url.host:
        return
    decoded = domains.decode_host(url.host)
    if decoded is None:
        return
    from hooklint.unicode.chars import LOOKALIKES, SYMBOL_LOOKALIKES, WEAK_LOOKALIKES, skeleton

    def lookalikes(label: str) -> list[str]:
        return [
            c
            for c in label
            if not c.isascii()
            and (c in LOOKALIKES or c in SYMBOL_LOOKALIKES)
            and c not in WEAK_LOOKALIKES
        ]

    whole = skeleton(decoded)
    for label in decoded.split("."):
        if label.isascii():
            continue
        found = lookalikes(label)
        if not found:
            continue
        mixed = any(c.isascii() and c.isalpha() for c in label)
        if not mixed and not whole.isascii():
            # A label of another script that only resembles ASCII, under a name that as a
            # whole cannot pass for an ASCII one (a Cyrillic label under .рф): not a disguise.
            continue
        written = url.host if "xn--" in url.host else decoded
        how = "mixes lookalikes into the label" if mixed else "is written in lookalikes of"
        hits.append(
            Hit(
                link.url_pos,
                "HL304",
                f"homograph host '{safe(written)}'"
                + (f" (decodes to '{safe(decoded)}')" if written != decoded else "")
                + f": {how} '{safe(skeleton(label))}' ({describe(found[0])} looks like "
                f"'{skeleton(found[0])}'); it imitates '{safe(whole)}'",
            )
        )
        return


def _shortener(link: Link, url: domains.Url, site: str, ctx: Context, hits: list[Hit]) -> None:
    """HL305: a shortener or redirector between the reader and the target."""
    name = domains.shortener(url.host, url.path, ctx.shorteners)
    text = " ".join(link.text.split())
    if name and phrases.invite(text + " " + url.path):
        # A project's own chat invite (Slack, Discord, Gitter …) is usually a short link,
        # because the invite URLs are long and expire: the text says where it leads.
        return
    download = bool(text) and phrases.download_text().search(text) is not None
    behind = f" behind the download-looking text '{safe(_clip(text, 60))}'" if download else ""
    if name:
        hits.append(
            Hit(
                link.url_pos,
                "HL305",
                f"link through the URL shortener '{safe(name)}'{behind} hides where it "
                "really goes, and can be repointed after review",
            )
        )
        return
    target = domains.redirect_target(url)
    if target:
        hits.append(
            Hit(
                link.url_pos,
                "HL305",
                f"link through the redirector '{safe(site + url.path)}'{behind} hides its "
                f"real target '{safe(_clip(target, 80))}'",
            )
        )


def _normal(text: str) -> str:
    from hooklint.unicode.chars import skeleton

    return " ".join(skeleton(text).lower().split())


_CREDIT = re.compile(
    r"(?i:(?:designed|theme|template|sponsored)\s+by"
    r"|in\s+(?:collaboration|association|partnership)\s+with)"
)
_SALES_NOUNS = frozenset(
    """
    hosting tickets themes insurance loans loan casino deals reviews seo cheap best free buy
    discount coupons coupon vps outlet sale shop store pills essays backlinks traffic
    """.split()
)


def _credit_link(doc: Document, link: Link, site: str, ctx: Context) -> str | None:
    """A credit line ("Designed by …", "In collaboration with …") whose link is a keyword
    phrase to a site it does not name: the sponsored footer link of a free theme. Returns
    the anchor, or None."""
    from hooklint.spam.comments import keyword_name

    if not link.text or _foreign(link, ctx) is None:
        return None
    before = doc.text[max(0, link.text_pos - 240) : link.text_pos]
    # Every credit ends in "by" or "with": the letters _CREDIT matches there, in any case, are
    # those whose lowercase is "by" or "th" (a test tries every character), so text whose
    # lowercase holds neither has no credit, and the regex (tried at every offset) is spared.
    low = before.lower()
    if "by" not in low and "th" not in low:
        return None
    credits = list(_CREDIT.finditer(before))
    credit = credits[-1] if credits else None
    if credit is None:
        return None
    if domains.under(site, _NEUTRAL_HOSTS):
        return None
    # Only links and list punctuation between the credit and this link.
    between = re.sub(r"\[[^\[\]]*\]\([^()]*\)|<[^<>]*>", " ", before[credit.end() :])
    if len(re.findall(r"[^\W\d_]{2,}", between)) > 4:
        return None
    anchor = " ".join(link.text.split())
    words = anchor.lower().split()
    if keyword_name(anchor) or (len(words) >= 2 and _SALES_NOUNS.intersection(words)):
        return anchor
    return None


def _commercial(link: Link, site: str, ctx: Context, hits: list[Hit], doc: Document) -> None:
    """HL306: a spam trade in the link's domain name, its path or its text."""
    trade = domains.keyword_domain(site, tokens=False)
    if trade:
        hits.append(
            Hit(
                link.url_pos,
                "HL306",
                f"keyword domain '{safe(site)}' advertises {trade}",
            )
        )
    if domains.under(site, domains.REFERENCE_HOSTS):
        return
    anchor = _anchor_trade(link, ctx)
    if anchor:
        hits.append(
            Hit(
                link.text_pos,
                "HL306",
                f"commercial spam anchor text '{safe(_clip(' '.join(link.text.split()), 60))}' "
                f"({anchor}) links to '{safe(site)}'",
            )
        )
        return
    credited = _credit_link(doc, link, site, ctx) if not trade else None
    if credited:
        hits.append(
            Hit(
                link.text_pos,
                "HL306",
                f"credit line links the keyword phrase '{safe(_clip(credited, 60))}' to the "
                f"unrelated site '{safe(site)}': a sponsored footer link",
            )
        )
        return
    token = None if trade else domains.keyword_domain(site)
    if token:
        hits.append(Hit(link.url_pos, "HL306", f"keyword domain '{safe(site)}' advertises {token}"))
        return
    url = domains.parse_url(link.url)
    described = trade or url is None or domains.under(site, _PATH_HOSTS)
    words = domains.path_words(url.path) if url is not None and not described else ""
    path_trade = phrases.spam_anchor(words) if words else None
    if path_trade:
        hits.append(
            Hit(
                link.url_pos,
                "HL306",
                f"the path of the link to '{safe(site)}' advertises {path_trade} "
                f"('{safe(_clip(words, 60))}')",
            )
        )


def _anchor_trade(link: Link, ctx: Context) -> str | None:
    """The spam trade a link's text sells, unless the user allowed the phrase."""
    return _text_trade(link.text, ctx) if link.text else None


@lru_cache(maxsize=4096)  # pure: a page repeats its link texts
def _text_trade(shown: str, ctx: Context) -> str | None:
    text = _normal(shown)
    trade = phrases.spam_anchor(text)
    if trade is None and not shown.isascii():
        # Lexicon entries in scripts with lookalikes (купить диплом) match the text as written.
        trade = phrases.spam_anchor(" ".join(shown.lower().split()))
    return trade if trade and not ctx.allowed_phrase(text) else None


_PATH_HOSTS = domains.DESCRIBING_HOSTS


def _mismatch(link: Link, url: domains.Url, site: str, hits: list[Hit]) -> None:
    """HL303: the link text is an address, and the link goes to another site."""
    if not link.text or link.kind in ("bare", "autolink") or link.image_only:
        return
    named = domains.text_host(link.text)
    if named is None:
        return
    named_site = domains.site(named)
    if domains.names_its_target(named_site, site, link.url, url.path) is not False:
        return
    hits.append(
        Hit(
            link.text_pos,
            "HL303",
            f"link text names the host '{safe(named_site)}' but the link goes to '{safe(site)}'",
        )
    )


def _page_sites(doc: Document, hidden: Callable[[int], bool]) -> frozenset[str]:
    """The sites a page visibly links to twice or more: its own site, in a saved page or a
    theme (a hidden tag list or mobile menu pointing there hides nothing from anyone)."""
    counts: Counter[str] = Counter()
    for link in doc.links:
        if hiding_reason(link.attrs) or hidden(link.text_pos if link.text else link.url_pos):
            continue
        url = domains.parse_url(link.url)
        if url is not None:
            counts[domains.site(url.host)] += 1
    return frozenset(site for site, n in counts.items() if n >= 2)


def _relative_roots(doc: Document) -> frozenset[str]:
    """The first two path segments of the page's site-relative links (``/owner/repo/fork``)."""
    return frozenset(
        "/".join(link.url.lower().split("/")[1:3])
        for link in doc.links
        if link.url.startswith("/") and not link.url.startswith("//") and link.url.count("/") >= 2
    )


def _own_hidden(link: Link, url: domains.Url, roots: frozenset[str]) -> bool:
    """A hidden link that declares itself part of the page's own site: a microformat tag or
    author link (``rel="tag"`` to a ``/tag/`` page), or a link into the same path as the
    page's own relative links (an owner-only button of a saved page)."""
    rel = (link.attr("rel") or "").lower().split()
    path = url.path.lower()
    if any(r in rel and f"/{r}/" in path for r in ("tag", "author", "category")):
        return True
    first = "/".join(path.split("/")[1:3]) if path.count("/") >= 2 else ""
    return "/" in first and first in roots


def _hidden(
    link: Link, shown: str, same_site: bool, hidden: Callable[[int], bool], hits: list[Hit]
) -> None:
    """HL307: a link readers cannot see, or the tells of SEO link building."""
    reason = hiding_reason(link.attrs)
    if reason is None and hidden(link.text_pos if link.text else link.url_pos):
        reason = "inside an element hidden by its style"
    if reason and not same_site:
        hits.append(
            Hit(link.url_pos, "HL307", f"hidden link to '{shown}' ({safe(_clip(reason, 60))})")
        )
    rel = (link.attr("rel") or "").lower().split()
    if "dofollow" in rel:
        hits.append(
            Hit(
                link.url_pos,
                "HL307",
                f"rel=\"dofollow\" on a link to '{shown}': no such rel value exists; it is "
                "written by link sellers",
            )
        )
    title = link.attr("title")
    if title and phrases.stuffed_title(title):
        hits.append(
            Hit(
                link.url_pos,
                "HL307",
                f"keyword-stuffed title '{safe(_clip(' '.join(title.split()), 60))}' on a link "
                f"to '{shown}'",
            )
        )


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ----------------------------------------------------------------------------- phrase rules


class _Template(NamedTuple):
    paragraph: int
    start: int
    end: int
    anchor: str  # lowercase normalised


def phrase_hits(doc: Document, ctx: Context) -> list[Hit]:
    hits: list[Hit] = []
    templates = _templates(doc, ctx, hits)
    _comment_spam(doc, ctx, hits)
    _commerce_prose(doc, ctx, hits)
    _spintax(doc, hits)
    if doc.kind != "po":
        _boilerplate(doc, ctx, hits)
    _stuffing(doc, ctx, templates, hits)
    return hits


_ANCHOR_STOP = frozenset("it this that them these those here there you your our the a an".split())


def _templates(doc: Document, ctx: Context, hits: list[Hit]) -> list[_Template]:
    """HL301: the spun sentence frames, reported with the anchor they promote."""
    found: list[_Template] = []
    for index, prose in enumerate(doc.paragraphs):
        # Every template ends in (or, for a signature, starts right by) a site word with an
        # owner before it ("our own web-site"): look only around those.
        spans = list(phrases.site_windows(prose.lower, 3000, 60))
        for name, pattern in phrases.templates() if spans else ():
            for m in (m for a, b in spans for m in pattern.finditer(prose.lower, a, b)):
                end = m.end()
                if "anchor" in (m.groupdict() or {}) and m.group("anchor") is not None:
                    a, b = m.span("anchor")
                    anchor = prose.text[a:b].strip(" ,.;:!?-–—")
                else:
                    # A signature: the anchor is what follows it, and belongs to the template.
                    anchor, end = _following_words(prose.text, m.end())
                matched = prose.lower[m.start() : m.end()]
                if ctx.allowed_phrase(matched):
                    continue
                if name == "comment-spam signature" and _signs_own_site(
                    doc, prose.origin(m.end() - 1), ctx
                ):
                    continue
                origin = prose.origin(m.start())
                source = doc.text[origin : prose.origin(m.end() - 1) + 1]
                disguised = _disguised(source)
                hits.append(
                    Hit(
                        origin,
                        "HL301",
                        f'spun spam template ("{name}")'
                        + (f", anchor '{safe(_clip(anchor, 60))}'" if anchor else "")
                        + (", written with lookalike letters" if disguised else ""),
                    )
                )
                found.append(_Template(index, m.start(), end, anchor.lower()))
    return found


def _signs_own_site(doc: Document, at: int, ctx: Context) -> bool:
    """Whether the link right after a signature (within a line or so) shows its own address
    or goes to a trusted site: an author pointing at their own page ("feel free to visit my
    webpage https://me.example"), where the reader sees where the link leads."""
    for link in doc.links:
        if not at <= link.text_pos <= at + 160:
            continue
        url = domains.parse_url(link.url)
        if url is None:
            return False
        if ctx.trusted(domains.site(url.host)):
            return True
        if link.kind in ("bare", "autolink"):
            return False
        named = domains.text_host(link.text.strip("*_ "))
        return named is not None and domains.site(named) == domains.site(url.host)
    return False


_FOLLOWING = re.compile(r"[\s:;,\-–—]*((?:[^\s.!?]+[\s]?){1,6})")


def _following_words(text: str, start: int) -> tuple[str, int]:
    """The few words after a signature such as "my homepage ::" (the anchor it promotes),
    and where they end."""
    m = _FOLLOWING.match(text, start, start + 160)
    if m is None:
        return "", start
    return m.group(1).strip(" ,.;:!?-"), m.end()


def _disguised(source: str) -> bool:
    if source.isascii():
        return False
    from hooklint.unicode.chars import skeleton

    return skeleton(source) != source


def _foreign(link: Link, ctx: Context) -> str | None:
    """The site of a link to an untrusted site that its text does not name and that is no
    person's profile page, or None."""
    return _foreign_site(link.url, link.text, ctx)


@lru_cache(maxsize=4096)  # a link's target and text decide: a page repeats its links
def _foreign_site(target: str, text: str, ctx: Context) -> str | None:
    url = domains.parse_url(target)
    if url is None or domains.profile_page(url):
        return None
    site = domains.site(url.host)
    if ctx.trusted(site) or ctx.trusted(domains.strip_www(url.host)):
        return None
    if text and related_link(text, url.host, ctx):
        return None
    return site


def _comment_spam(doc: Document, ctx: Context, hits: list[Hit]) -> None:
    """HL301: the comment-bot families, and generic praise whose commenter name is a keyword
    phrase linked to an unrelated site (see :mod:`hooklint.spam.comments`)."""
    from hooklint.spam import comments

    if not doc.links:
        return

    def untrusted(link: Link) -> bool:
        url = domains.parse_url(link.url)
        return url is not None and not ctx.trusted(domains.site(url.host))

    if not any(untrusted(link) for link in doc.links):
        return
    foreign = [(link, _foreign(link, ctx)) for link in doc.links]
    for prose in doc.paragraphs:
        found = comments.family(prose.lower)
        if found is None or ctx.allowed_phrase(found[1].group()):
            continue
        hits.append(
            Hit(
                prose.origin(found[1].start()),
                "HL301",
                f'comment-spam template ("{found[0]}"): a bot\'s sentence that fits any page',
            )
        )
    reported: set[int] = set()

    def praise_signed(index: int, body: str) -> None:
        link, site = foreign[index]
        if site is None or index in reported or ctx.allowed_phrase(body):
            return
        if not (comments.keyword_name(link.text) or phrases.spam_anchor(_normal(link.text))):
            return
        if not (comments.generic_praise(body) or comments.family(body)):
            return
        reported.add(index)
        hits.append(
            Hit(
                link.text_pos,
                "HL301",
                f"comment spam: the commenter name '{safe(_clip(link.text, 60))}' is a keyword "
                f"phrase linked to the unrelated site '{safe(site)}', beside praise that fits "
                "any page",
            )
        )

    # Comments of a data file or front matter: the name's link and the body belong together.
    for comment in getattr(doc, "comments", ()):
        if comment.link >= 0:
            body = " ".join(doc.paragraphs[i].lower for i in comment.paragraphs)
            praise_signed(comment.link, body)
    # A comment thread rendered in a page: the commenter's link ends shortly before the body.
    starts = sorted((link.text_pos, i) for i, link in enumerate(doc.links) if link.text)
    positions = [at for at, _ in starts]
    for prose in doc.paragraphs:
        if len(prose.lower) > comments.MAX_PRAISE or not prose.text:
            continue
        begin = prose.origin(0)
        k = bisect.bisect_right(positions, begin) - 1
        if k >= 0 and begin - positions[k] <= 300:
            praise_signed(starts[k][1], prose.lower)


_RAW_URL = re.compile(r"(?:https?://|www\.)([^\s/?#<>\"'`()\[\]{}|\\^:,;]{1,253})")
_REACH = 1500  # characters between a sales line and the link it sells
_MAX_PROSE_HITS = 5


def _commerce_prose(doc: Document, ctx: Context, hits: list[Hit]) -> None:
    """HL306: a strong sales line in running text with a link to another site near it (a
    bare URL, a link, a URL in a code span or a data field), and the crypto-recovery
    testimonial."""
    if doc.kind == "po" or doc.regions:
        return
    sites = [
        (m.start(), domains.site(m.group(1).lower().rstrip(".")))
        for m in _RAW_URL.finditer(doc.text)
    ]
    sites = [
        (at, site)
        for at, site in sites
        if "." in site and not ctx.trusted(site) and not domains.under(site, _NEUTRAL_HOSTS)
    ]
    if not sites:
        return
    anchors = inside([(link.text_pos, link.text_pos + len(link.text)) for link in doc.links])
    found = 0
    for prose in doc.paragraphs:
        frame = phrases.prose_frame(prose.lower)
        testimony = (
            frame is None and len(prose.lower) > 200 and phrases.recovery_testimony(prose.lower)
        )
        if frame is None and not testimony:
            continue
        start = prose.origin(frame[1].start() if frame else 0)
        if frame is not None and anchors(start):
            continue  # a link's own text: HL306 judges it as an anchor
        near = [site for at, site in sites if abs(at - start) <= _REACH]
        if not near:
            continue
        if frame is not None:
            if ctx.allowed_phrase(frame[1].group()):
                continue
            original = doc.text[start : prose.origin(frame[1].end() - 1) + 1]
            what = f"sales line '{safe(_clip(' '.join(original.split()), 60))}' ({frame[0]})"
        else:
            what = "crypto-recovery testimonial (money lost, a 'hacker' who got it back)"
        hits.append(Hit(start, "HL306", f"{what} beside a link to '{safe(near[0])}'"))
        found += 1
        if found >= _MAX_PROSE_HITS:
            return


# Hosts that a sales line does not sell: reference works and code hosting.
_NEUTRAL_HOSTS = frozenset((
    *domains.REFERENCE_HOSTS, "github.com", "gitlab.com", "bitbucket.org", "img.shields.io",
    "shields.io", "githubusercontent.com",
))  # fmt: skip


def _spintax(doc: Document, hits: list[Hit]) -> None:
    """HL311: spinner alternatives left unexpanded in prose."""
    for prose in doc.paragraphs:
        for m in phrases.spun_groups(prose.text):
            hits.append(
                Hit(
                    prose.origin(m.start()),
                    "HL311",
                    f"leaked spintax '{safe(_clip(m.group(), 60))}': spinner alternatives "
                    "left unexpanded, the mark of an article-spinning tool",
                )
            )


_FORM_MARKUP = re.compile(r"<(?:form|textarea|input)\b", re.IGNORECASE)
_CATALOGUE_QUOTE = re.compile(r"\bmsgid\b[\s\S]{0,2000}?\bmsgstr\b|\bmsgstr\b|\bmsgid_plural\b")


def _boilerplate(doc: Document, ctx: Context, hits: list[Hit]) -> None:
    """HL310: the comment-form and sharing labels of a scraped web page.

    Not in a template that has the form itself (``<form>``, ``<textarea>``, ``<input>``: the
    labels are its own user interface), nor in a text that quotes catalogue entries.
    """
    if _FORM_MARKUP.search(doc.text) or _CATALOGUE_QUOTE.search(doc.text):
        return
    stream = join(doc.paragraphs)
    markers = [
        (
            m.start(),
            m.group(),
            phrases.boilerplate(strong_only=True).fullmatch(m.group()) is not None,
        )
        for m in phrases.boilerplate().finditer(stream.lower)
    ]
    i = 0
    while i < len(markers):
        start = markers[i][0]
        cluster = [markers[i]]
        j = i + 1
        while j < len(markers) and markers[j][0] - cluster[-1][0] <= phrases.BOILERPLATE_WINDOW:
            cluster.append(markers[j])
            j += 1
        names = {" ".join(text.split()) for _, text, _ in cluster}
        if len(names) >= 2 and any(strong for _, _, strong in cluster):
            shown = [
                " ".join(doc.text[stream.origin(s) : stream.origin(s + len(t) - 1) + 1].split())
                for s, t, _ in cluster[:2]
            ]
            if not any(ctx.allowed_phrase(" ".join(t.split())) for _, t, _ in cluster):
                hits.append(
                    Hit(
                        stream.origin(start),
                        "HL310",
                        "scraped web-page boilerplate: "
                        + " … ".join(f"'{safe(_clip(s, 50))}'" for s in shown)
                        + " (the comment form and sharing labels of a copied page)",
                    )
                )
        i = j


# ----------------------------------------------------------------------------- HL302 stuffing

_MAX_RUN = 12  # a longer Title-Case run is a heading or a title, not a sentence
# Runs holding a linked phrase that are looked at: stuffing shows long before, and the bound
# keeps the work on a hostile file proportional to its size with a small constant.
_MAX_RUNS = 20_000
_SENTENCE_END = re.compile(r"[.!?;:]\s*$")


class _Occurrence(NamedTuple):
    paragraph: int
    start: int  # in the paragraph's normalised text
    end: int
    intrusive: bool
    context: tuple[str, str]


def _stuffing(doc: Document, ctx: Context, templates: list[_Template], hits: list[Hit]) -> None:
    """HL302: a Title-Case phrase pushed through unrelated sentences, or a template's anchor
    repeated elsewhere."""
    reported: set[tuple[int, int]] = set()
    inside = defaultdict(list)
    for t in templates:
        inside[t.paragraph].append((t.start, t.end))

    def in_template(index: int, start: int) -> bool:
        return any(a <= start < b for a, b in inside.get(index, ()))

    # The anchor of a spun template, repeated anywhere else in the file.
    for anchor in {t.anchor for t in templates}:
        words = anchor.split()
        if not words or not any(len(w) >= 3 and w not in _ANCHOR_STOP for w in words):
            continue
        if ctx.allowed_phrase(anchor):
            continue
        pattern = re.compile(r"(?<!\w)" + r"\W{1,3}".join(map(re.escape, words)) + r"(?!\w)")
        for index, prose in enumerate(doc.paragraphs):
            for m in pattern.finditer(prose.lower):
                if in_template(index, m.start()) or (index, m.start()) in reported:
                    continue
                reported.add((index, m.start()))
                hits.append(
                    Hit(
                        prose.origin(m.start()),
                        "HL302",
                        f"keyword phrase '{safe(_clip(prose.text[m.start() : m.end()], 60))}' "
                        "repeated from the anchor of a spun spam template",
                    )
                )
    _repeated_anchor(doc, ctx, hits)
    # Title-Case phrases stuffed into sentences: looked for in documents only, not in code
    # comments, in the UI strings of a catalogue or in the values of a data file.
    if doc.regions or doc.kind in ("po", "yaml", "json", "sql"):
        return
    linked = {text: site for text, site in _foreign_link_texts(doc, ctx).items() if " " in text}
    if not linked:
        return
    occurrences = _title_phrases(doc.paragraphs, frozenset(linked))
    counts: Counter[str] | None = None
    chosen: list[tuple[tuple[str, ...], list[_Occurrence]]] = []
    for phrase, found in sorted(occurrences.items(), key=lambda kv: -len(kv[0])):
        if len(found) < 3:
            continue
        intrusive = [o for o in found if o.intrusive]
        text = " ".join(phrase).lower()
        if not intrusive or ctx.allowed_phrase(text):
            continue
        if counts is None:
            counts = Counter(
                w.lower() for p in doc.paragraphs for w in phrases.WORD.findall(p.text)
            )
        if not _island(phrase, doc.paragraphs, counts):
            continue
        # A shorter phrase inside a longer one already reported is the same stuffing.
        spans = [(o.paragraph, o.start, o.end) for _, occ in chosen for o in occ]
        if all(any(p == o.paragraph and a <= o.start < b for p, a, b in spans) for o in found):
            continue
        chosen.append((phrase, found))
        example = _clip(_context_example(doc.paragraphs, intrusive[0]), 60)
        why = (
            f"{len(found)} times, linked to the unrelated site '{safe(linked[text])}', pushed "
            f"into other names as in '{safe(example)}', and its words appear nowhere else in "
            "the text"
        )
        for o in found:
            if in_template(o.paragraph, o.start) or (o.paragraph, o.start) in reported:
                continue
            reported.add((o.paragraph, o.start))
            hits.append(
                Hit(
                    doc.paragraphs[o.paragraph].origin(o.start),
                    "HL302",
                    f"keyword phrase '{safe(' '.join(phrase))}' stuffed through the text: {why}",
                )
            )


def _repeated_anchor(doc: Document, ctx: Context, hits: list[Hit]) -> None:
    """HL302: the same commercial phrase (a trade or service word in it: "dental implants
    cost") linked three times or more to one unrelated site."""
    from hooklint.spam.comments import commercial_name

    seen: dict[tuple[str, str], list[Link]] = defaultdict(list)
    for link in doc.links:
        if not link.text or link.kind in ("bare", "autolink", "field"):
            continue
        text = " ".join(link.text.lower().split())
        if len(text.split()) >= 2:
            seen[(text, link.url.split("#")[0])].append(link)
    for (text, _), links in seen.items():
        if len(links) < 3 or ctx.allowed_phrase(text):
            continue
        site = _foreign(links[0], ctx)
        if site is None or domains.under(site, _NEUTRAL_HOSTS):
            continue
        if not commercial_name(links[0].text, strict=True):
            continue
        hits.append(
            Hit(
                links[0].text_pos,
                "HL302",
                f"keyword phrase '{safe(_clip(' '.join(links[0].text.split()), 60))}' linked "
                f"{len(links)} times to the unrelated site '{safe(site)}'",
            )
        )


def _island(phrase: tuple[str, ...], paragraphs: list[Prose], counts: Counter[str]) -> bool:
    """Whether the words of ``phrase`` occur (almost) only inside the phrase itself: a phrase
    pushed into unrelated text, rather than a name the text is about ("Azure Data Lake" in a
    changelog that says "Azure" everywhere)."""
    words = [w.lower() for w in phrase]
    pattern = re.compile(r"(?<![^\W_])" + r"\W{1,3}".join(map(re.escape, words)) + r"(?![^\W_])")
    inside = sum(len(pattern.findall(p.lower)) for p in paragraphs)
    for word in words:
        if len(word) < 3 or word.capitalize() in phrases.FUNCTION_WORDS:
            continue
        if counts[word] - inside * words.count(word) > 1:
            return False
    return True


def _context_example(paragraphs: list[Prose], o: _Occurrence) -> str:
    text = paragraphs[o.paragraph].text
    before = text[: o.start].split()[-1:] if o.context[0] else []
    after = text[o.end :].split()[:1] if o.context[1] else []
    return " ".join([*before, text[o.start : o.end], *after])


def _foreign_link_texts(doc: Document, ctx: Context) -> dict[str, str]:
    """Link text (lowercase skeleton) -> site, for links to sites that are neither trusted nor
    named by the text itself (see related_link)."""
    from hooklint.unicode.chars import skeleton

    out: dict[str, str] = {}
    for link in doc.links:
        if not link.text:
            continue
        url = domains.parse_url(link.url)
        if url is None or related_link(link.text, url.host, ctx):
            continue
        if domains.profile_page(url):
            # A person's name linked to their own profile cites someone; it pushes no keyword.
            continue
        out.setdefault(skeleton(" ".join(link.text.lower().split())), domains.site(url.host))
    return out


def _title_phrases(
    paragraphs: list[Prose], wanted: frozenset[str]
) -> dict[tuple[str, ...], list[_Occurrence]]:
    """Where each of the ``wanted`` phrases (lowercase) stands as Title-Case words in running
    text.

    An occurrence is *intrusive* when it sits inside a longer run of Title-Case words that
    extends it on both sides (or by two words on one side) and that run occurs only once: a
    phrase pushed into a name ("Director Turkish Law Firm William Burns"), not a part of a
    longer name the text keeps using ("Fully Qualified Collection Name").
    """
    runs: list[tuple[int, list[tuple[int, int]], list[str], bool]] = []
    budget = _MAX_RUNS
    for index, prose in enumerate(paragraphs):
        if not prose.body or budget <= 0:
            continue
        text = prose.text
        for m in phrases.title_run().finditer(text):
            run = m.group()
            lowered = run.lower()
            if not any(phrase in lowered for phrase in wanted):
                continue
            names = run.split(" ")
            if len(names) > _MAX_RUN:
                continue
            spans = []
            at = m.start()
            for name in names:
                spans.append((at, at + len(name)))
                at += len(name) + 1
            before = text[max(0, m.start() - 3) : m.start()]
            sentence_start = m.start() == 0 or bool(_SENTENCE_END.search(before))
            runs.append((index, spans, names, sentence_start))
            budget -= 1
            if budget <= 0:
                break
    run_counts = Counter(tuple(names) for _, _, names, _ in runs)
    out: dict[tuple[str, ...], list[_Occurrence]] = defaultdict(list)
    for index, spans, names, sentence_start in runs:
        lead = 1 if sentence_start or names[0] in phrases.FUNCTION_WORDS else 0
        unique = run_counts[tuple(names)] == 1
        for size in range(2, min(4, len(names)) + 1):
            for s in range(len(names) - size + 1):
                phrase = tuple(names[s : s + size])
                if " ".join(phrase).lower() not in wanted:
                    continue
                left = s - (lead if s > 0 else 0)
                right = len(names) - (s + size)
                intrusive = unique and ((left >= 1 and right >= 1) or left >= 2 or right >= 2)
                context = (names[s - 1] if s else "", names[s + size] if right else "")
                out[phrase].append(
                    _Occurrence(index, spans[s][0], spans[s + size - 1][1], intrusive, context)
                )
    return out
