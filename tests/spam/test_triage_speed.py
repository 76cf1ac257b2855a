"""The prefilter's faster searches find at least what the slower forms they replace found:
commenter names after an ``author``/``name`` key, and the needles a text's words allow."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint.spam import triage
from hooklint.spam.search import positions

# The single pattern the two keyed ones replace (an alternation at its start).
_JOINED = re.compile(
    r"(?:author|name)[\"']?[ \t]*[:=][ \t]*[\"']?([A-Za-z0-9][A-Za-z0-9 .'-]{6,100}?)"
    r"(?=[\"',}\]\r\n]|[ \t]*$)",
    re.MULTILINE,
)
PIECES = st.sampled_from(
    ["author", "name", "Author", ": ", "=", '"', "'", " ", "\t", "\n", "cheap roof repair",
     "Jane Doe", "best loans online", ",", "}", "]", "x", "nameauthor", "-", "."]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=24))
def test_keyed_name_patterns_find_every_joined_match(pieces: list[str]) -> None:
    text = "".join(pieces)
    keyed = {m.end() for p in triage._NAME_CANDIDATES[2:] for m in p.finditer(text)}
    assert {m.end() for m in _JOINED.finditer(text)} <= keyed


def test_keyed_name_patterns_near_miss() -> None:
    keyed = triage._NAME_CANDIDATES[2:]
    assert [m.group(1) for p in keyed for m in p.finditer('author: "cheap roof repair"\n')] == [
        "cheap roof repair"
    ]
    # A key without a separator is no field.
    assert not [m for p in keyed for m in p.finditer("the author cheap roof repair\n")]


NEEDLES = (
    "buy cheap",
    "cheap",
    "essay writing",
    "boxes",
    "文凭 a",
    "in touch with",
    "a b c d",
    "in touch wi",
    "x-y z",
)
WORDS = st.sampled_from(["buy", "buys", "cheap", "cheapest", "cheapes", "essay", "essays", "box",
                         "boxes", "writing", "文凭", "the", " ", "\n", "-", "in", "touch",
                         "touches", "with", "wit", "a", "b", "c", "d", "x", "y", "z"])  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=20))
def test_needles_by_words_match_the_former_selection(words: list[str]) -> None:
    """_comments_suspicious searches the needles whose first word (or its plural) is a word of
    the text, and of those only the ones whose inner words are all words of it: it drops no
    needle of the former word-by-word test that the text holds."""
    view = "".join(words)
    narrow = view.lower().encode("ascii", "replace")
    present_words = frozenset(narrow.translate(triage._WORD_BYTES).split())
    ascii_needles, wide = triage._split_needles(NEEDLES)
    selected = tuple(
        n
        for n, forms, inner in ascii_needles
        if not present_words.isdisjoint(forms) and inner <= present_words
    )
    former = tuple(
        n.encode()
        for n in NEEDLES
        if n.isascii()
        and (
            (first := n.split(" ", 1)[0].encode()) in present_words
            or first + b"s" in present_words
            or first + b"es" in present_words
        )
    )
    assert set(selected) <= set(former)
    assert {n for n in former if n in narrow} <= set(selected)
    assert wide == ("文凭 a",)
    # What is selected is found wherever it is.
    for needle in selected:
        assert (needle in narrow) == bool(positions(narrow, (needle,)))


def test_prefilter_imports_no_html_module() -> None:
    """A text the prefilter settles costs no import of html and its entity table; a text with
    an entity in a link attribute still has it unescaped."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from hooklint.spam import check_spam\n"
        "check_spam('See the [guide](https://docs.example.org/guide) and www.example.org.',"
        " 'markdown')\n"
        "print('html' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"
    from hooklint.spam.styles import attributes

    assert attributes('href="a&amp;b" rel=x') == (("href", "a&b"), ("rel", "x"))


KEY_PIECES = st.sampled_from(
    ["site", "Page", "blog", "reply", "THIS:", "publish", "ſ", "K", "é", "文", "😀", "?", " ",
     "web", "s", "ite"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(KEY_PIECES, max_size=20))
def test_key_words_found_in_bytes_at_the_offsets_of_the_text(pieces: list[str]) -> None:
    """_phrases_suspicious searches lowered non-ASCII text as bytes ("?" for each other
    character) when lowering kept its length: the offsets are those of the text itself."""
    low = "".join(pieces).lower()
    narrow = low.encode("ascii", "replace")
    assert len(narrow) == len(low)
    words = (*triage._BOILERPLATE_WORDS, "site", "page", "blog", "weblog")
    assert positions(narrow, tuple(w.encode() for w in words)) == positions(low, words)
