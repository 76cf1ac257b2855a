"""Host names: parsing URLs, IDNA decoding, registrable domains, and the host lists of the rules.

Nothing here touches the network. The registrable domain comes from tldextract's bundled copy of
the Public Suffix List (``suffix_list_urls=()``, ``cache_dir=None``); tldextract, idna and
urllib.parse are imported on first use only, because most files are settled before any host
needs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from hooklint.records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from typing import Any

# DNS limits: longer names cannot be real hosts, and bounding them bounds the work per URL.
MAX_HOST = 253
MAX_LABEL = 63
MAX_URL = 2048

_LABEL = re.compile(r"[^\W_](?:[\w-]{0,61}[^\W_])?|xn--[\w-]{1,59}")
_PORT = re.compile(r":\d{1,5}$")


class Url(NamedTuple):
    """The parts of an absolute URL the rules look at; ``host`` is lowercase, as written."""

    scheme: str  # "http", "https", "ftp", "" for a protocol-relative or www. URL
    host: str
    path: str
    query: str
    fragment: str


@lru_cache(maxsize=4096)
def parse_url(url: str) -> Url | None:
    """The parts of an absolute web URL (``http``, ``https``, ``ftp``, ``//host``, ``www.host``).

    Relative links, ``mailto:`` and other schemes give None, and so does anything whose host
    could not be a DNS name.
    """
    url = url.strip()[:MAX_URL]
    if not absolute(url):
        return None
    if url[:8].lower().startswith("www."):
        url = "//" + url
    parts = split_plain(url) if _PLAIN_URL.fullmatch(url) else None
    if parts is None:
        from urllib.parse import urlsplit

        try:
            parts = urlsplit(url)
        except ValueError:
            return None
    scheme, netloc, path, query, fragment = parts
    netloc = netloc.rpartition("@")[2]
    if netloc.startswith("["):  # an IPv6 literal: no name to judge
        return None
    host = _PORT.sub("", netloc).rstrip(".").lower()
    if not valid_host(host):
        return None
    return Url(scheme.lower(), host, path, query, fragment)


# Printable ASCII without space: a URL made of these alone leaves nothing for urlsplit to
# strip, remove or normalise; split_plain splits it, unless its host part has a square bracket
# (which urlsplit checks as an IPv6 literal).
_PLAIN_URL = re.compile(r"[!-~]*")


def split_plain(url: str) -> tuple[str, str, str, str, str] | None:
    """``urllib.parse.urlsplit(url)`` for a URL of :data:`_PLAIN_URL` characters that starts
    with a scheme and "://" or with "//" (what :func:`parse_url` passes on), or None when its
    host part has a square bracket. Most URLs are of this kind, and splitting them here spares
    a short run the import of urllib.parse and ipaddress (a test compares the two)."""
    scheme = ""
    if not url.startswith("//"):
        scheme, _, url = url.partition(":")
        scheme = scheme.lower()
    end = len(url)
    for delimiter in "/?#":
        at = url.find(delimiter, 2)
        if at >= 0:
            end = min(end, at)
    netloc, rest = url[2:end], url[end:]
    if "[" in netloc or "]" in netloc:
        return None
    rest, _, fragment = rest.partition("#")
    path, _, query = rest.partition("?")
    return scheme, netloc, path, query, fragment


def absolute(url: str) -> bool:
    """Whether a link target (stripped) may be an absolute web URL: the only kind
    :func:`parse_url` reads, so a cheap upper bound of what has a host."""
    return url[:8].lower().startswith(("www.", "http://", "https://", "ftp://")) or url.startswith(
        "//"
    )


def valid_host(host: str) -> bool:
    """Whether ``host`` has the shape of a DNS name with at least two labels."""
    if not host or len(host) > MAX_HOST or "." not in host:
        return False
    return all(len(label) <= MAX_LABEL and _LABEL.fullmatch(label) for label in host.split("."))


def strip_www(host: str) -> str:
    return host[4:] if host.startswith("www.") and host.count(".") >= 2 else host


@lru_cache(maxsize=4096)
def decode_host(host: str) -> str | None:
    """``host`` with every ``xn--`` label decoded (IDNA 2008, else plain punycode), lowercase.

    None when a punycode label cannot be decoded at all.
    """
    if "xn--" not in host:
        return host.lower()
    labels = []
    for label in host.lower().split("."):
        if label.startswith("xn--"):
            decoded = _decode_label(label)
            if decoded is None:
                return None
            label = decoded
        labels.append(label)
    return ".".join(labels)


def _decode_label(label: str) -> str | None:
    import idna

    try:
        return str(idna.decode(label))
    except (idna.IDNAError, UnicodeError, ValueError):
        pass
    # IDNA 2008 refuses some labels (symbols, mixed directions) that browsers still show:
    # decode the punycode itself so that the rules can judge what a reader would see.
    try:
        return label[4:].encode("ascii").decode("punycode").lower()
    except (UnicodeError, ValueError):
        return None


@lru_cache(maxsize=4096)
def encode_host(host: str) -> str:
    """The ASCII (punycode) form of a host, or the host itself when it cannot be encoded."""
    if host.isascii():
        return host
    import idna

    try:
        return str(idna.encode(host, uts46=True).decode("ascii"))
    except (idna.IDNAError, UnicodeError, ValueError):
        return host


_extractor: Any = None


def _tld_extractor() -> Any:
    global _extractor
    if _extractor is None:
        import tldextract

        # The bundled snapshot only: no suffix list URLs to fetch, no cache directory to read.
        _extractor = tldextract.TLDExtract(
            suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
        )
    return _extractor


@lru_cache(maxsize=4096)
def registrable(host: str) -> str:
    """The registrable domain (eTLD+1) of a decoded host: ``docs.python.org`` -> ``python.org``.

    Private suffixes count (``user.github.io`` is its own site). A host under no known suffix
    keeps its last two labels.
    """
    host = host.lower().rstrip(".")
    if not valid_host(encode_host(host)) and not valid_host(host):
        return host
    result = _tld_extractor()(host)
    if result.suffix and result.domain:
        return f"{result.domain}.{result.suffix}"
    return ".".join(host.split(".")[-2:])


@lru_cache(maxsize=1)
def _top_level_domains() -> frozenset[str]:
    from linkify_it.tlds import TLDS

    return frozenset(t.lower() for t in TLDS)


def top_level_domain(label: str) -> bool:
    """Whether ``label`` is a top-level domain (IANA's list, as bundled with linkify-it-py)."""
    return label.lower() in _top_level_domains()


def under(host: str, domains: Iterable[str]) -> bool:
    """Whether ``host`` is one of ``domains`` or a subdomain of one."""
    if isinstance(domains, (set, frozenset)):
        # ``host.endswith("." + domain)`` says that ``domain`` is what follows one of the dots
        # of ``host``: each such tail is looked up, instead of every domain tried in turn.
        if not domains:
            return False
        if host in domains:
            return True
        dot = host.find(".")
        while dot >= 0:
            if host[dot + 1 :] in domains:
                return True
            dot = host.find(".", dot + 1)
        return False
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def normalise_domain(value: str) -> str:
    """A user's domain entry (``https://www.Example.org/x``) as a bare lowercase host."""
    value = value.strip().lower()
    if "//" in value:
        value = value.split("//", 1)[1]
    value = value.split("/", 1)[0].split("?", 1)[0].rpartition("@")[2]
    value = _PORT.sub("", value).strip(".")
    return strip_www(value)


def domain_forms(domains: Iterable[str]) -> frozenset[str]:
    """Every entry in both its Unicode and its punycode form."""
    out: set[str] = set()
    for entry in domains:
        host = normalise_domain(entry)
        if not host:
            continue
        out.add(host)
        decoded = decode_host(host)
        if decoded:
            out.add(decoded)
        out.add(encode_host(host))
    return frozenset(out)


# --------------------------------------------------------------------------- shorteners (HL305)

#: Public URL shorteners and ad-link services: the target is invisible until the link is opened.
SHORTENERS = frozenset(
    """
    bit.ly bitly.com bit.do j.mp tinyurl.com tiny.cc tiny.one tinu.be t.ly is.gd v.gd ow.ly
    buff.ly rebrand.ly rb.gy cutt.ly cutt.us shorturl.at shorturl.asia shorte.st sh.st adf.ly
    j.gs q.gs ouo.io ouo.press bc.vc linkvertise.com link-to.net exe.io exe.app shrinkme.io za.gl
    soo.gd s.id clck.ru qps.ru u.to vk.cc goo.gl t.co lnkd.in tr.im cli.gs x.co su.pr mcaf.ee
    po.st qr.net 1url.com shrtco.de 9qr.de urlz.fr lstu.fr tny.im n9.cl y2u.be dub.sh dub.co
    short.gy bl.ink t2m.io hyperurl.co zpr.io snip.ly smarturl.it gg.gg amzn.to shrinkearn.com
    shorturl.com tinyurl.es cutt.ly fc.lc ity.im adfoc.us corta.co acortar.link
    """.split()
)

#: First-party short links whose owner is the site itself: they pass unless the user says so.
OFFICIAL_SHORTENERS = frozenset(
    """
    aka.ms youtu.be forms.gle g.co goo.gle git.io redd.it t.me discord.gg wa.me fb.me wp.me
    apple.co spoti.fi nyti.ms bbc.in
    """.split()
)

# (host, path prefix) of redirectors that forward to a URL carried in the query.
_REDIRECTORS = (
    ("google.", "/url"),
    ("l.facebook.com", "/l.php"),
    ("lm.facebook.com", "/l.php"),
    ("l.instagram.com", "/"),
    ("out.reddit.com", "/"),
    ("away.vk.com", "/"),
    ("vk.com", "/away.php"),
    ("youtube.com", "/redirect"),
    ("t.umblr.com", "/redirect"),
    ("href.li", "/"),
    ("anon.to", "/"),
    ("nullrefer.com", "/"),
    ("dereferer.me", "/"),
    ("steamcommunity.com", "/linkfilter"),
    ("slack-redir.net", "/link"),
)
# Path names of generic click-through redirect endpoints, with a full URL in the query.
_REDIRECT_PATHS = re.compile(r"/(?:redirect|redir|out|go|goto|away|url|link|r|exit|leave|click)/?$")
_SHARE_INTENT = re.compile(r"/(?:share|sharer|sharing|intent|submit|sharearticle|share\.php)\b")
_REDIRECT_KEYS = frozenset("url u q redirect to target dest destination link out goto r".split())


# Pure, and asked once for each link: a page repeats its links (and a spam page one link
# thousands of times), and rules and prefilter ask the same links.
@lru_cache(maxsize=4096)
def shortener(host: str, path: str, allowed: frozenset[str]) -> str | None:
    """The shortener domain ``host`` belongs to, unless it is official or allowed.

    A link into the service's own site (its home page, its documentation, a subdomain such as
    ``dev.bitly.com``) hides nothing: only a short code on the short host itself is reported.
    An empty ``path`` (the prefilter, which judges hosts alone) counts as a short link.
    """
    host = strip_www(host)
    if host in OFFICIAL_SHORTENERS or under(host, allowed):
        return None
    if host == "go.microsoft.com" and path.lower().startswith("/fwlink"):
        return None
    if host in SHORTENERS:
        return host if not path or short_code(path) else None
    parent = host.split(".", 1)[1] if host.count(".") >= 2 else ""
    if parent in SHORTENERS:
        # A subdomain of a shortener is its website (dev.bitly.com, docs.…), not a short link,
        # unless it is the custom short domain shape ``x.short.host/code``.
        return (
            parent if not path or (short_code(path) and host.split(".")[0] in ("m", "go")) else None
        )
    return lookalike_shortener(host, path)


# Pages of a shortener's own site: a link there is about the service, not through it.
_SERVICE_PAGES = frozenset(
    """
    docs doc documentation api apis developer developers dev help support about pricing faq
    terms privacy tos legal app apps dashboard login signin signup register features blog
    pages enterprise contact
    """.split()
)
_SHORT_CODE = re.compile(r"/[\w\-+~]{1,64}/?")


def short_code(path: str) -> bool:
    """Whether a shortener URL's path is a short code (``/2HJbU1z``, ``/plyr-chat``): one
    segment, no file extension, not a page of the service's own site (``/docs``)."""
    if not _SHORT_CODE.fullmatch(path):
        return False
    return path.strip("/").lower() not in _SERVICE_PAGES


# Words shortener brands are made of: a host built on one of them, with a short code for a
# path, imitates a shortener (tinyurls.click, theyourl.xyz, shorturl-now.top).
_SHORTENER_STEMS = re.compile(
    r"tinyur|yourl|shorturl|shrtn|shorten|shrink|cutt|bitly|tinyl|tiny\.?cc"
)
# The path shapes of self-hosted shorteners (YOURLS and its kin) on any host: /yourls/3bt, /r/x1.
_SELF_HOSTED = re.compile(r"/(?:yourls|s|r|l|go|link|links)/[A-Za-z0-9]{2,12}/?")


def lookalike_shortener(host: str, path: str) -> str | None:
    """A host that is shaped like a shortener without being a known one: a shortener brand in
    its name with a short code for a path, or a self-hosted shortener path (``/yourls/3bt``)."""
    if path and short_code(path) and _SHORTENER_STEMS.search(host):
        return host
    m = _SELF_HOSTED.fullmatch(path) if path else None
    if m is None:
        return None
    if "/yourls/" in path.lower():
        return host + "/yourls"
    code = path.rstrip("/").rsplit("/", 1)[1]
    # /r/rust is a forum; a self-hosted short code mixes letters and digits (/r/3bT9x).
    mixed = any(c.isdigit() for c in code) and any(c.isalpha() for c in code)
    if mixed and not under(strip_www(host), ("reddit.com", "lemmy.ml")):
        return host + path.rstrip("/").rsplit("/", 1)[0] + "/"
    return None


@lru_cache(maxsize=4096)  # pure; a page repeats its links (see shortener)
def redirect_target(url: Url) -> str | None:
    """The URL a redirector link forwards to, when the link goes through one."""
    host = strip_www(url.host)
    path = url.path.lower()
    if _SHARE_INTENT.search(path):
        # A share button (t.me/share/url?url=…, facebook.com/sharer.php?u=…) takes the reader
        # to a form that shares the page, not to the page: nothing is hidden from them.
        return None
    known = any(
        (
            host == h or host.startswith(h)
            if h.endswith(".")
            else host == h or host.endswith("." + h)
        )
        and path.startswith(p)
        for h, p in _REDIRECTORS
    )
    if not known and not _REDIRECT_PATHS.search(path):
        return None
    for key, value in query_pairs(url.query[:MAX_URL], keep_blank_values=False):
        if key.lower() in _REDIRECT_KEYS and re.match(r"(?i)https?://|www\.", value):
            return value
    return None


# ------------------------------------------------------------------ affiliate parameters (HL309)

_AFFILIATE_KEYS = frozenset(
    """
    aff aff_id affid aff_sub aff_sub2 aff_code affcode affiliate affiliate_id affiliateid afftrack
    a_aid a_bid ascsubtag linkcode ranmid raneaid ransiteid irclickid irgwc clickref awc cjevent
    cjdata sscid refcode referral referral_code referralcode ref_code ref_id refid referrer_id
    partner_id partnerid
    """.split()
)
_AMAZON = re.compile(r"(?:^|\.)(?:amazon|amzn|audible)\.[a-z.]+$")
# (The patterns of this module whose names end in _SOURCE are compiled by re where they are
# asked: most runs read no link that needs them.)
_ASSOCIATE_TAG_SOURCE = r"[\w.-]+-2[0-2]$"
#: Affiliate networks whose links are click trackers whatever their parameters say.
AFFILIATE_NETWORKS = frozenset(
    """
    linksynergy.com go.skimresources.com skimresources.com anrdoezrs.net jdoqocy.com
    tkqlhce.com dpbolvw.net kqzyfj.com awin1.com prf.hn pjatr.com pntra.com pjtra.com
    avantlink.com sjv.io pxf.io 7eer.net shareasale.com
    """.split()
)


def affiliate_network(host: str) -> str | None:
    """The affiliate network ``host`` belongs to (the host or one of its parents), or None."""
    labels = host.split(".")
    for i in range(max(0, len(labels) - 4), len(labels) - 1):
        parent = ".".join(labels[i:])
        if parent in AFFILIATE_NETWORKS:
            return parent
    return None


def query_pairs(query: str, *, keep_blank_values: bool) -> list[tuple[str, str]]:
    """``urllib.parse.parse_qsl(query, keep_blank_values)``, split and decoded here: a short
    run is spared the import of urllib.parse and ipaddress (a test compares the two)."""
    decode = "%" in query or "+" in query
    pairs = []
    for field in query.split("&"):
        if not field:
            continue
        name, equals, value = field.partition("=")
        if (equals or keep_blank_values) and (value or keep_blank_values):
            if decode:
                name, value = unquote(name.replace("+", " ")), unquote(value.replace("+", " "))
            pairs.append((name, value))
    return pairs


# A run of ASCII characters: what urllib.parse.unquote decodes (others stand as they are).
_ASCII_RUN = re.compile("[\x00-\x7f]+")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def unquote(text: str) -> str:
    """``urllib.parse.unquote(text)``: each run of ASCII characters with its ``%XX`` escapes
    made bytes, read as UTF-8 (a byte that is not, U+FFFD); a ``%`` without two hex digits
    stays. (A test compares the two on generated text.)"""
    if "%" not in text:
        return text
    return _ASCII_RUN.sub(_unquote_run, text)


def _unquote_run(m: re.Match[str]) -> str:
    run = m.group()
    if "%" not in run:
        return run
    first, *escaped = run.split("%")
    data = bytearray(first.encode("ascii"))
    for piece in escaped:
        if len(piece) >= 2 and _HEX_DIGITS.issuperset(piece[:2]):
            data.append(int(piece[:2], 16))
            data += piece[2:].encode("ascii")
        else:
            data += b"%" + piece.encode("ascii")
    return data.decode("utf-8", "replace")


@lru_cache(maxsize=4096)  # pure; a page repeats its links (see shortener)
def affiliate_tag(url: Url) -> str | None:
    """The affiliate or referral parameter of ``url`` (``tag=name-20``), or None.

    Campaign parameters (``utm_*``) are not affiliate tags; ``ref=`` counts only in Amazon's
    ``as_li`` form, and ``tag=`` only on Amazon or in the ``name-20`` shape of an associate tag.
    """
    host = strip_www(url.host)
    network = affiliate_network(host)
    if network:
        return f"affiliate network {network}"
    amazon = bool(_AMAZON.search(host))
    if amazon and "/ref=as_" in url.path.lower():
        match = re.search(r"/(ref=as_[\w-]*)", url.path, re.IGNORECASE)
        return match.group(1) if match else "ref=as_"
    if not url.query:
        return None
    for key, value in query_pairs(url.query[:MAX_URL], keep_blank_values=True):
        low = key.lower()
        if low in _AFFILIATE_KEYS and value:
            return f"{key}={value}"
        if (
            low == "tag"
            and value
            and (amazon or re.compile(_ASSOCIATE_TAG_SOURCE).fullmatch(value))
        ):
            return f"{key}={value}"
        if low == "ref" and value.lower().startswith(("as_li", "as_sl")):
            return f"{key}={value}"
    return None


# --------------------------------------------------------------------- keyword domains (HL306)

# Spam trades spelled into domain names. Each compound is specific enough to stand alone;
# single words such as "casino" or "pharmacy" are not (a hotel, a real chemist).
_KEYWORD_DOMAIN_SOURCE = (
    r"(?P<pharma>viagra|cialis|levitra|kamagra|sildenafil|tadalafil|cheappills|buypills"
    r"|pillsonline|onlinepharmacy|pharmacyonline|nopresc|withoutpresc|buyrx|rxonline)"
    r"|(?P<gambling>gacor|togel|judionline|judislot|judibola|slotonline|onlineslot|slotgacor"
    r"|onlinecasino|casinoonline|bestcasino|casinobonus|freespins|nodeposit|sportsbet|betting"
    r"tips|bettingsites|casinosites|slot(?:88|777|303|dana|pulsa)|bahis|bonusveren)"
    r"|(?P<essays>essaywrit|writemyessay|buyessay|essayservice|essayhelp|cheapessay|paperwriting"
    r"|termpaper|homeworkhelp|domyhomework|dissertationhelp|assignmenthelp)"
    r"|(?P<escorts>escortservice|escortagency|escortgirl|callgirl|escorts?(?=$|[-.\d]))"
    r"|(?P<loans>payday|cashadvance|loansonline|badcreditloan|titleloan|instantloan)"
    r"|(?P<replicas>replica(?:watch|bag|handbag|rolex|shoe|designer)|fakerolex|replicas?(?=$|[-.\d]))"
    r"|(?P<seo>backlink|seoservice|buyfollowers|buylikes|buyviews|buyreviews|linkbuilding"
    r"service|guestpostservice)"
    r"|(?P<crypto>airdrop|freecrypto|claimtoken|freebitcoin|freeusdt)"
)
_KEYWORD_STEMS = tuple(
    """
    viagra cialis levitra kamagra sildenafil tadalafil pill pharmacy presc rx gacor togel judi
    slot casino spins deposit bet bahis bonus essay paper homework dissertation assignment
    escort callgirl payday cashadvance loan replica rolex backlink seo follower likes views
    review linkbuilding guestpost airdrop crypto claimtoken bitcoin usdt
    """.split()
)


@cache
def _keyword_domain() -> re.Pattern[str]:
    return re.compile(_KEYWORD_DOMAIN_SOURCE)


_TRADES = {
    "pharma": "pharmacy",
    "gambling": "gambling",
    "essays": "essay writing",
    "escorts": "escorts",
    "loans": "payday loans",
    "replicas": "replica goods",
    "seo": "SEO link selling",
    "crypto": "crypto airdrops",
}
# Second-level labels under a country code that are part of the suffix (example.co.uk).
SECOND_LEVEL = frozenset("co com net org ac gov edu or ne go gob mil nic".split())


def name_labels(host: str) -> list[str]:
    """The labels of a host that its owner chose: without ``www``, the top-level domain and a
    country's second level (``shop.example.co.uk`` -> ``shop``, ``example``), hyphens dropped."""
    labels = strip_www(host.lower()).split(".")
    if len(labels) < 2:
        return []
    labels = labels[:-1]
    if len(labels) >= 2 and labels[-1] in SECOND_LEVEL:
        labels = labels[:-1]
    return [label.replace("-", "") for label in labels]


@lru_cache(maxsize=4096)  # pure; a page repeats its links (see shortener)
def keyword_domain(host: str, *, tokens: bool = True) -> str | None:
    """The spam trade a host name advertises (``slot-gacor.example`` -> gambling), or None.

    ``tokens=False`` leaves out the trades read from word tokens (``lidyabet``): the rules
    report those only when the link text does not already say what is sold."""
    labels = strip_www(host.lower()).split(".")
    if len(labels) < 2:
        return None
    labels = labels[:-1]
    if len(labels) >= 2 and labels[-1] in SECOND_LEVEL:
        labels = labels[:-1]
    for label in labels:
        squashed = label.replace("-", "")
        trade = _token_trade(label, squashed) if tokens else None
        if trade:
            return trade
        # Every alternative of the pattern holds one of these stems: most names skip it.
        if not any(stem in squashed for stem in _KEYWORD_STEMS):
            continue
        match = _keyword_domain().search(squashed + "." + label)
        if match and match.lastgroup:
            return _TRADES[match.lastgroup]
    return None


# Trade words that stand out inside a glued name wherever they are (a drug name, "essay"),
# and compounds whose parts together name a trade (fakediploma, 123movies).
_GLUED_SOURCE = (
    r"(?P<pharma>tramadol|adderall|oxycodone|oxycontin|xanax|dilaudid|hydromorphone|hydrocodone"
    r"|percocet|phentermine|alprazolam|painkiller)"
    r"|(?P<essays>essays?(?:writ|help|pro(?!j)|service|shark|keeper|hub|box|club|tiger|master"
    r"|mill|cheap|online|uk|usa|london|now|buy|pay|order|expert|smith|4u|\d)"
    r"|(?:uk|us|my|cheap|best|top|buy|custom|expert|premium|pay|order|royal|\d)essays?)"
    r"|(?P<diplomas>(?:fake|buy|order|novelty)(?:diploma|degree|transcript)"
    r"|diploma(?:club|online|shop|store|mall|maker|forsale|sale|s4sale))"
    r"|(?P<streaming>\d{2,}\w{0,3}movies|putlocker|soap2day|fmovies|gomovies|yesmovies"
    r"|(?:free|watch|full|hd)movies?(?:online|free|hd)|fullmovie|moviesonline|movies?free)"
)
_GLUED_STEMS = ("tramadol", "adderall", "oxy", "xanax", "dilaudid", "hydro", "percocet",
                "phentermine", "alprazolam", "painkiller", "essay", "diploma", "degree",
                "transcript", "movie", "putlocker", "soap2day")  # fmt: skip
_GLUED_TRADES = {
    "pharma": "pharmacy",
    "essays": "essay writing",
    "diplomas": "fake diplomas",
    "streaming": "pirate streaming",
}
# English words that end in "bet": the betting suffix only counts when it is not one of them.
_BET_WORDS = frozenset("alphabet sorbet sherbet tibet abet gibbet barbet quodlibet".split())


def _token_trade(label: str, squashed: str) -> str | None:
    """The trade of a host label by its word tokens: a betting brand (``lidyabet``,
    ``1xbet``, ``bet-365``), or a trade word glued to another (``ukessayslondon``). A token
    counts only at a boundary (label edge, hyphen, digit), never inside a longer word
    (``alphabet``, ``bethesda``)."""
    if any(stem in squashed for stem in _GLUED_STEMS):
        m = re.compile(_GLUED_SOURCE).search(squashed)
        if m and m.lastgroup:
            return _GLUED_TRADES[m.lastgroup]
    if "bet" in squashed:
        for token in re.split(r"[-_]+", label):
            letters = re.sub(r"\d+", "", token)
            if letters in _BET_WORDS:
                continue
            glued_digits = re.search(r"\dbet|bet\d", token) is not None
            brand = letters.endswith("bet") and len(letters) >= (4 if letters != token else 5)
            if glued_digits or brand or token in ("bet", "bets"):
                return "gambling"
    return None


# ----------------------------------------------------------------------- deny lists (HL308)

_LEADING_FLAGS_SOURCE = r"(?:\(\?[aiLmsux]+\))+"
# As in MediaWiki's SpamBlacklist, a fragment may match anywhere from a host label on.
_HOST_PREFIX = r"[a-z0-9_\-.]*"


class DenyList:
    """SpamBlacklist-style regex fragments, matched against ``host/path`` of a URL."""

    def __init__(self, fragments: Iterable[str]) -> None:
        self.fragments = tuple(fragments)
        plain = [f for f in self.fragments if not re.compile(_LEADING_FLAGS_SOURCE).match(f)]
        self._combined: re.Pattern[str] | None = None
        if plain:
            body = "|".join(f"(?:{f})" for f in plain)
            try:
                self._combined = re.compile(_HOST_PREFIX + f"(?:{body})", re.IGNORECASE)
            except re.error:
                self._combined = None
        self._alone = [f for f in self.fragments if self._combined is None or f not in plain]

    def match(self, target: str) -> str | None:
        """The fragment that matches ``target`` (``host/path``, lowercase), or None."""
        target = target[:MAX_URL]
        if self._combined is not None and self._combined.match(target):
            for fragment in self.fragments:
                if fragment not in self._alone and _one(fragment).match(target):
                    return fragment
        for fragment in self._alone:
            if _one(fragment).match(target):
                return fragment
        return None


@lru_cache(maxsize=1024)
def _one(fragment: str) -> re.Pattern[str]:
    flags = re.compile(_LEADING_FLAGS_SOURCE).match(fragment)
    head = flags.group() if flags else ""
    try:
        return re.compile(head + _HOST_PREFIX + f"(?:{fragment[len(head) :]})", re.IGNORECASE)
    except re.error:
        return re.compile(r"(?!)")  # a fragment that cannot be compiled matches nothing


# ------------------------------------------------------------------- hosts that pass some rules

#: Reference works: a link there is about the subject, not selling it (HL306 anchor text).
REFERENCE_HOSTS = frozenset(
    """
    wikipedia.org wikimedia.org wiktionary.org wikidata.org wikivoyage.org drugbank.com
    drugbank.ca britannica.com nih.gov medlineplus.gov who.int fda.gov ema.europa.eu
    """.split()
)
#: Sites where people have profile pages (``twitter.com/name``, ``github.com/name``).
PROFILE_HOSTS = frozenset(
    """
    twitter.com x.com threads.net github.com gitlab.com codeberg.org linkedin.com bsky.app
    instagram.com facebook.com medium.com dev.to youtube.com mastodon.social fosstodon.org
    hachyderm.io stackoverflow.com keybase.io
    """.split()
)
_PROFILE_PATH_SOURCE = r"/(?:(?:in|profile|u|user|users|people|pub)/)?@?[\w.\-]{1,60}/?"


@lru_cache(maxsize=4096)  # pure; a page repeats its links (see shortener)
def profile_page(url: Url) -> bool:
    """Whether ``url`` is a person's profile: ``/@name`` anywhere, or one name on a site of
    profiles (``twitter.com/name``, ``linkedin.com/in/name``)."""
    if re.fullmatch(r"/@[\w.\-]{1,60}/?", url.path):
        return True
    return under(strip_www(url.host), PROFILE_HOSTS) and bool(
        re.compile(_PROFILE_PATH_SOURCE).fullmatch(url.path)
    )


#: Web archives: they show another site's page under their own host (HL303).
ARCHIVE_HOSTS = frozenset(
    "web.archive.org archive.org archive.ph archive.today archive.is webcache.googleusercontent.com"
    " ghostarchive.org".split()
)


# ------------------------------------------------------------ link texts that name a host (HL303)

_TEXT_URL = re.compile(
    r"(?P<scheme>(?:https?|ftp):)?(?P<slashes>//)?(?:[^\s/@]{1,64}@)?(?P<host>[^\s/?#:@\\]{1,300})"
    r"(?::\d{1,5})?(?P<rest>[/?#]\S*)?",
    re.IGNORECASE,
)
# Two-letter suffixes that are also file extensions: README.md, setup.py, main.rs, build.sh.
_FILE_SUFFIXES = frozenset(
    "py md rs sh pl pm cc cs ps ml mk in am tf so sc sv zip mov app rar exe bat cmd".split()
)
# Hosts of projects: a project named like a domain (socket.io) links to its repository there.
_PROJECT_HOSTS = frozenset(
    "github.com gitlab.com bitbucket.org codeberg.org sr.ht sourceforge.net npmjs.com pypi.org"
    " crates.io rubygems.org packagist.org nuget.org pkg.go.dev hex.pm".split()
)


@lru_cache(maxsize=4096)  # pure; a page repeats its links (see shortener)
def text_host(text: str) -> str | None:
    """The host a link text names, when the whole text is a URL or a host name.

    A bare name (no scheme, ``www.`` or path) counts only when it is written in lowercase and
    ends in a top-level domain that is not also a file extension: ``README.md``, ``setup.py``,
    ``community.general`` and ``Socket.IO`` are not addresses. Text in backticks is code.
    """
    t = text.strip()
    code = t.startswith("`")
    t = t.strip("<>\"'`*_").rstrip(".,;:!?)")
    if not t or len(t) > MAX_URL or any(c.isspace() for c in t):
        return None
    m = _TEXT_URL.fullmatch(t)
    if m is None or (m.group("scheme") and not m.group("slashes")):
        return None
    host = m.group("host").rstrip(".")
    if not (valid_host(host.lower()) or valid_host(encode_host(host))):
        return None
    suffix = host.rsplit(".", 1)[1]
    if not (suffix.isalpha() or suffix.lower().startswith("xn--")):
        return None
    if not m.group("slashes") and not host.lower().startswith("www.") and not m.group("rest"):
        if code or host != host.lower() or suffix in _FILE_SUFFIXES:
            return None
        if not top_level_domain(suffix):
            return None
    return host.lower()


def names_its_target(
    named: str, site: str, target: str, path: str, *, psl: bool = True
) -> bool | None:
    """Whether a link text naming the site ``named`` fairly describes a link to ``site``.

    None when only the Public Suffix List could tell and ``psl`` is False (the prefilter).
    """
    if named == site:
        return True
    if site in ARCHIVE_HOSTS and named in target.lower():
        return True
    if site in _PROJECT_HOSTS:
        # A project named like a domain, linked to its repository: [socket.io](github.com/…).
        stem = _squashed(named.rsplit(".", 1)[0])
        if stem and stem in _squashed(path.lower()):
            return True
    # A product named like a domain, linked to its own site: [postgres.app](postgresapp.com).
    squashed = _squashed(named)
    if any(squashed == label for label in name_labels(site)):
        return True
    # Different last two labels mean different registrable domains; only names that share
    # them (a.example.co.uk, b.example.co.uk) need the Public Suffix List.
    if named.split(".")[-2:] != site.split(".")[-2:]:
        return False
    if not psl:
        # The prefilter does without the list (loading it costs more than most files): one
        # host inside the other is the same site, unless the parent is a shared suffix.
        inner, outer = sorted((named, site), key=len)
        if outer.endswith("." + inner) and not _shared_suffix(inner):
            return True
        return None
    return registrable(named) == registrable(site)


# Two-label names under which unrelated owners get subdomains (a sample of the Public Suffix
# List's private section, and country second levels such as co.uk): the prefilter leaves
# such pairs to the full check.
_SHARED = frozenset(
    """
    github.io gitlab.io herokuapp.com blogspot.com netlify.app vercel.app pages.dev
    readthedocs.io appspot.com azurewebsites.net cloudfront.net amazonaws.com web.app
    firebaseapp.com glitch.me repl.co wordpress.com tumblr.com wixsite.com weebly.com
    github.dev workers.dev onrender.com fly.dev surge.sh bitbucket.io codeberg.page
    sourceforge.io ngrok.io duckdns.org no-ip.org blogspot.de substack.com medium.com
    """.split()
)


def _shared_suffix(host: str) -> bool:
    labels = host.split(".")
    return host in _SHARED or (len(labels) <= 2 and labels[0] in SECOND_LEVEL)


def _squashed(host: str) -> str:
    return re.sub(r"[.\-]", "", host)


# Hosts whose paths are titles of other people's pages (issues, searches, articles about a
# subject): their words describe, they do not sell (HL306 leaves their paths alone).
DESCRIBING_HOSTS = frozenset((
    "github.com", "gitlab.com", "stackoverflow.com", "stackexchange.com", "google.com",
    "bing.com", "duckduckgo.com", "youtube.com", "reddit.com", "news.ycombinator.com",
    "medium.com", "arxiv.org", "nytimes.com", "bbc.co.uk", "theguardian.com", "archive.org",
    *REFERENCE_HOSTS,
))  # fmt: skip
_PATH_WORDS = re.compile(r"[^\W\d_]+")


def path_words(path: str) -> str:
    """The words of a URL path, lowercase and space-separated (``/call-girl-in-x.html`` ->
    ``call girl in x``), without a file extension; "" when it has fewer than three words."""
    path = path[:300]
    path = unquote(path)
    path = path.lower()
    path = re.sub(r"\.(?:html?|php|aspx?|jsp)$", "", path)
    words = _PATH_WORDS.findall(path)
    return " ".join(words) if len(words) >= 3 else ""


def site(host: str) -> str:
    """A host as readers see it: decoded from punycode, lowercase, without ``www.``."""
    return strip_www(decode_host(host) or host)
