"""Properties of the data readers on generated input: the view is as long as the file, every
link found points at its own URL in the file, and nothing raises."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint.spam import check_spam
from hooklint.spam.data import decoded
from hooklint.spam.document import build

WORDS = st.sampled_from(
    ["hello", "it's", "café", "naïve", "a\tb", 'say "hi"', "back\\slash", "line\nbreak", "x&y"]
)
URLS = st.sampled_from(
    ["https://docs.example.org/a", "http://shop.example/buy?x=1", "https://ünï.example/p"]
)


@st.composite
def comments(draw: st.DrawFn) -> list[dict[str, str]]:
    out = []
    for _ in range(draw(st.integers(1, 4))):
        words = draw(st.lists(WORDS, min_size=1, max_size=6))
        url = draw(URLS)
        body = " ".join(words) + f' <a href="{url}">{draw(WORDS)}</a> ' + draw(URLS)
        out.append({"author": draw(WORDS), "author_url": draw(URLS), "content": body})
    return out


def _yaml_quoted(value: str) -> str:
    return json.dumps(value)  # a JSON string is a YAML double-quoted scalar


def check_links(text: str, kind: str) -> None:
    doc = build(text, kind, None)
    assert len(doc.text) == len(text)
    for link in doc.links:
        # What the file holds at the link's offset is its URL, once its escapes are undone.
        source = decoded(text, link.url_pos, min(len(text), link.url_pos + 200), "double")
        assert "".join(source.split()).startswith(link.url), (link, source)
    check_spam(text, kind)


@settings(max_examples=60, deadline=None)
@given(comments(), st.booleans())
def test_json_links_point_at_their_urls(records: list[dict[str, str]], ascii_only: bool) -> None:
    text = json.dumps({"comments": records}, ensure_ascii=ascii_only, indent=1)
    check_links(text, "json")


@settings(max_examples=60, deadline=None)
@given(comments())
def test_yaml_front_matter_links_point_at_their_urls(records: list[dict[str, str]]) -> None:
    lines = ["---", "comments:"]
    for record in records:
        first = True
        for key, value in record.items():
            lines.append(("- " if first else "  ") + f"{key}: {_yaml_quoted(value)}")
            first = False
    text = "\n".join([*lines, "---", "Body.", ""])
    check_links(text, "markdown")


@settings(max_examples=60, deadline=None)
@given(comments())
def test_sql_links_point_at_their_urls(records: list[dict[str, str]]) -> None:
    def quoted(value: str) -> str:
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"

    rows = ",\n".join(
        "(" + ", ".join(quoted(r[k]) for k in ("author", "author_url", "content")) + ")"
        for r in records
    )
    text = f"INSERT INTO c (author, author_url, content) VALUES\n{rows};\n"
    check_links(text, "sql")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("{}[]:,\"'\\-# |>\n\tabu0?<%&;()*!")), max_size=300))
def test_any_punctuation_soup_is_read_without_error(text: str) -> None:
    for kind in ("yaml", "json", "sql", "template", "markdown"):
        doc = build(text, kind, None)
        assert len(doc.text) == len(text)
        check_spam(text, kind)
