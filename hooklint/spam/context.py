"""The user's options prepared once per run: domains in both spellings, phrases as skeletons,
the deny list compiled. Shared by the prefilter and the rules, and light to import."""

from __future__ import annotations

import re
from functools import lru_cache

from hooklint.records import TYPE_CHECKING, NamedTuple
from hooklint.spam import domains

if TYPE_CHECKING:
    from hooklint.spam import SpamOptions


class Context(NamedTuple):
    """The options, prepared once: domains in both spellings, phrases as skeletons."""

    own: frozenset[str]
    allowed: frozenset[str]
    shorteners: frozenset[str]
    phrases: tuple[str, ...]
    deny: domains.DenyList | None

    def trusted(self, host: str) -> bool:
        return domains.under(host, self.own) or domains.under(host, self.allowed)

    def allowed_phrase(self, text: str) -> bool:
        """Whether normalised lowercase ``text`` contains, or lies within, an allowed phrase."""
        return any(p in text or (len(text) >= 3 and text in p) for p in self.phrases)


@lru_cache(maxsize=16)
def context(options: SpamOptions) -> Context:
    from hooklint.unicode.chars import skeleton

    deny = domains.DenyList(options.deny_patterns) if options.deny_patterns else None
    return Context(
        domains.domain_forms(options.own_domains),
        domains.domain_forms(options.allow_domains),
        domains.domain_forms(options.allow_shorteners),
        tuple(" ".join(skeleton(p).lower().split()) for p in options.allow_phrases if p.strip()),
        deny,
    )


@lru_cache(maxsize=4096)  # pure: a page repeats its links
def related_link(text: str, host: str, ctx: Context) -> bool:
    """Whether a link from ``text`` to ``host`` is one a site makes to itself: a trusted site,
    or a site whose name is the text ("[Red Hat](https://www.redhat.com/)")."""
    site = domains.site(host)
    if ctx.trusted(site):
        return True
    from hooklint.unicode.chars import skeleton

    squashed = re.sub(r"[\W_]", "", skeleton(text.lower()))
    labels = domains.name_labels(site)
    return any(len(label) >= 4 and (label in squashed or squashed in label) for label in labels)
