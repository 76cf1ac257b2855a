"""The YAML reader and the view of data files (hooklint.spam.data): string values with their
keys, records and positions; escapes decoded in place; front matter; hostile input."""

from __future__ import annotations

import time

import pytest

from hooklint.spam.data import decoded, front_matter, read, read_yaml, view_of
from hooklint.spam.document import build


def values_of(text: str) -> list[tuple[str, str, int]]:
    """(key, decoded value with its spaces collapsed, record) of every string value."""
    values = read_yaml(text)
    view = view_of(text, values)
    return [(v.key, " ".join(view[v.start : v.end].split()), v.record) for v in values]


def test_scalars_of_every_style_are_read_with_their_keys() -> None:
    text = (
        "plain: just words # a comment\n"
        "single: 'it''s here'\n"
        'double: "say \\"hi\\"\\tnow"\n'
        "block: |\n"
        "  first line\n"
        "  second line\n"
        "folded: >-\n"
        "  folded\n"
        "  text\n"
        "flow: [one, 'two', \"three\"]\n"
        "anchored: &a !!str tagged\n"
        "alias: *a\n"
    )
    got = {(k, v) for k, v, _ in values_of(text)}
    assert ("plain", "just words") in got
    assert ("single", "it's here") in got
    assert ("double", 'say "hi" now') in got
    assert ("block", "first line second line") in got
    assert ("folded", "folded text") in got
    assert {("flow", "one"), ("flow", "two"), ("flow", "three")} <= got
    assert ("anchored", "tagged") in got
    assert not any(k == "alias" for k, _ in got)


def test_a_plain_scalar_goes_on_over_deeper_lines_only() -> None:
    text = "- id: 1\n  content: first part\n    second part\n  date: x\n"
    got = values_of(text)
    assert ("content", "first part second part", got[1][2]) in got
    assert ("date", "x", got[1][2]) in got


def test_each_list_entry_is_its_own_record() -> None:
    text = "comments:\n- author: A\n  url: http://a.example\n- author: B\n  url: http://b.example\n"
    got = values_of(text)
    records = {record for _, _, record in got}
    assert len(records) == 2
    assert got[0][2] == got[1][2] != got[2][2] == got[3][2]


def test_the_view_keeps_length_line_breaks_and_word_starts() -> None:
    text = 'a: "it\\u2019s \\"quoted\\" http:\\/\\/x.example\\/p and\\r\\nmore"\nb: c\n'
    values = read_yaml(text)
    view = view_of(text, values)
    assert len(view) == len(text)
    assert view.count("\n") >= text.count("\n")
    assert "it’s" in view and '"quoted"' in view and "http://x.example/p" in view
    # Every word of the value starts where it starts in the file.
    for word in ("and", "more"):
        assert view.index(word) == text.index(word)
    assert view.startswith("   ")  # the key is blank


@pytest.mark.parametrize(
    ("source", "style", "want"),
    [
        pytest.param("don''t", "single", "don't ", id="yaml-single-doubled-quote"),
        pytest.param("don\\'t stop", "sql", "don't  stop", id="sql-backslash-quote"),
        pytest.param('href=\\"http://x\\"', "json", 'href= "http://x" ', id="opening-quote-first"),
        pytest.param("caf\\u00e9 ok", "json", "café      ok", id="unicode-escape"),
        pytest.param("smile \\ud83d\\ude00!", "json", "smile 😀!" + " " * 11, id="surrogate-pair"),
        pytest.param("I&#39;m here", "plain", "I'm     here", id="character-reference"),
        pytest.param("&lt;a&gt; stays", "plain", "&lt;a&gt; stays", id="escaped-tag-stays-text"),
        pytest.param("x\\u0000y", "json", "x      y", id="control-becomes-space"),
    ],
)
def test_escapes_are_decoded_in_place(source: str, style: str, want: str) -> None:
    got = decoded(source, 0, len(source), style)
    assert got == want
    assert len(got) == len(source)


def test_front_matter_is_found_only_between_opening_dashes() -> None:
    text = "---\ntitle: x\n---\nbody\n"
    span = front_matter(text)
    assert span is not None and text[span[0] : span[1]] == "title: x\n"
    assert front_matter("--- not front matter\na: b\n---\n") is None
    assert front_matter("text\n---\na: b\n---\n") is None
    assert front_matter("---\nnever closed: x\n") is None


def test_front_matter_comment_is_a_record_with_author_link_and_body() -> None:
    text = (
        "---\n"
        "comments:\n"
        "- author: Kim\n"
        "  author_url: http://kim.example\n"
        '  content: "Nice write-up,\\r\\nthanks! See <a href=\\"http://x.example/\\">this</a>"\n'
        "---\n"
        "Body text.\n"
    )
    doc = build(text, "markdown", None)
    assert len(doc.text) == len(text)
    (comment,) = doc.comments
    assert comment.author == "Kim"
    link = doc.links[comment.link]
    assert (link.url, link.text, link.kind) == ("http://kim.example", "Kim", "field")
    assert text[link.url_pos :].startswith("http://kim.example")
    assert text[comment.author_pos :].startswith("Kim")
    body = [doc.links[i] for i in comment.links]
    assert [(b.url, b.text) for b in body] == [("http://x.example/", "this")]
    assert text[body[0].url_pos :].startswith("http://x.example/")
    prose = " ".join(doc.paragraphs[i].text for i in comment.paragraphs)
    assert "Nice write-up," in prose and "thanks!" in prose
    assert any("Body text." in p.text for p in doc.paragraphs)


def test_a_list_entry_without_text_gives_a_link_but_no_comment() -> None:
    doc = build("- name: Bagel Shop\n  url: https://bagels.example\n", "yaml", None)
    assert doc.comments == ()
    assert [(link.text, link.kind) for link in doc.links] == [("Bagel Shop", "field")]


def test_the_reading_is_shared_by_the_prefilter_and_the_rules() -> None:
    text = "a: b http://x.example\n"
    assert read(text, "yaml") is read(text, "yaml")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('a: "' + "\\" * 200_000, id="unterminated-escapes"),
        pytest.param("a: '" + "x''" * 100_000, id="unterminated-single"),
        pytest.param("".join(" " * i + f"k{i}:\n" for i in range(3000)), id="deep-nesting"),
        pytest.param("- " * 100_000 + "x\n", id="dash-run"),
        pytest.param("a: [" * 50_000 + "\n", id="open-flow"),
        pytest.param('"' * 100_000 + "\n" + ": " * 50_000, id="quotes-and-colons"),
        pytest.param("x: |\n" + "  line\n" * 100_000, id="long-block"),
        pytest.param("\x00\x01---\n\r\r\n:\t- '", id="control-junk"),
    ],
)
def test_hostile_yaml_costs_linear_time_and_never_raises(text: str) -> None:
    start = time.process_time()
    doc = build(text, "yaml", None)
    assert len(doc.text) == len(text)
    assert time.process_time() - start < 10


def test_each_flow_mapping_is_a_record_with_its_keys() -> None:
    text = (
        "comments:\n"
        '- {author: Ann, url: "https://ann.example", message: "Hi, all"}\n'
        "- {author: Bo, message: Thanks}\n"
        "tags: [x, y]\n"
    )
    got = values_of(text)
    assert [(k, v) for k, v, _ in got] == [
        ("author", "Ann"),
        ("url", "https://ann.example"),
        ("message", "Hi, all"),
        ("author", "Bo"),
        ("message", "Thanks"),
        ("tags", "x"),
        ("tags", "y"),
    ]
    assert got[0][2] == got[2][2] != got[3][2] == got[4][2]
    (first, second) = build(text, "yaml", None).comments
    assert (first.author, second.author) == ("Ann", "Bo")


def test_a_page_signed_in_its_front_matter_is_a_comment_but_a_post_is_not() -> None:
    entry = "---\nname: Ola\nemail: 9a8b\nurl: http://ola.example\n---\nThanks, [see](http://x.example).\n"
    doc = build(entry, "markdown", None)
    (comment,) = doc.comments
    assert comment.author == "Ola" and doc.links[comment.link].url == "http://ola.example"
    assert entry[comment.body[0] :].startswith("---\nThanks")
    assert [doc.links[i].url for i in comment.links] == ["http://x.example"]
    assert "Thanks," in " ".join(doc.paragraphs[i].text for i in comment.paragraphs)
    post = entry.replace("name: Ola", "title: Release notes\nauthor: Ola")
    assert build(post, "markdown", None).comments == ()
