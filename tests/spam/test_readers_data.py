"""The JSON and SQL readers (hooklint.spam.data): values with their keys or columns and
records, the link a record gives its name, the prefilter's quick look, hostile input."""

from __future__ import annotations

import time
from typing import Any

import pytest

from hooklint.spam.data import field_anchors, quick_view, read_json, read_sql, view_of
from hooklint.spam.document import build


def named(text: str, values: list) -> dict[str, list[tuple[str, int]]]:  # type: ignore[type-arg]
    view = view_of(text, values)
    out: dict[str, list[tuple[str, int]]] = {}
    for v in values:
        out.setdefault(v.key, []).append((" ".join(view[v.start : v.end].split()), v.record))
    return out


def test_json_values_not_keys_with_the_key_and_object_they_belong_to() -> None:
    text = (
        '{"site": "x", "comments": [\n'
        '  {"author": "Ann", "url": "https:\\/\\/ann.example", "body": "Hi \\"all\\""},\n'
        '  {"author": "Bo", "body": "Thanks", "tags": ["a", "b"]}]}\n'
    )
    got = named(text, read_json(text))
    assert got["author"][0][0] == "Ann" and got["url"][0][0] == "https://ann.example"
    assert got["body"][0][0] == 'Hi "all"'
    assert got["author"][0][1] == got["url"][0][1] == got["body"][0][1]
    assert got["author"][1][1] == got["body"][1][1] != got["author"][0][1]
    assert [v for v, _ in got["tags"]] == ["a", "b"]
    assert "comments" not in got and "site" in got


def test_sql_columns_come_from_the_insert() -> None:
    text = (
        "INSERT INTO `t_comments` (`id`, `author`, `url`, `body`) VALUES\n"
        "(1, 'Ann', 'https://ann.example', 'It''s fine'),\n"
        "(2, 'Bo', NULL, 'Don\\'t; (really)');\n"
    )
    got = named(text, read_sql(text))
    assert got["author"] == [("Ann", 0), ("Bo", 1)]
    assert got["url"] == [("https://ann.example", 0)]
    assert [v for v, _ in got["body"]] == ["It's fine", "Don't; (really)"]


def test_sql_rows_without_a_column_list_are_read_by_their_shape() -> None:
    text = (
        "(7, 3, 'Kai', 'kai@example.org', 'https://kai.example', '10.1.2.3', "
        "'2020-01-01 00:00:00', 'Great tutorial, it worked first time.', 0, "
        "'Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/100.0', 'comment');\n"
    )
    got = named(text, read_sql(text))
    assert got["author"] == [("Kai", 0)]
    assert got["email"] == [("kai@example.org", 0)]
    assert got["url"] == [("https://kai.example", 0)]
    assert got["content"] == [("Great tutorial, it worked first time.", 0)]


def test_postgres_copy_rows_are_read_by_their_columns() -> None:
    text = (
        "SET client_encoding = 'UTF8';\n"
        "COPY public.comments (id, author, author_url, body) FROM stdin;\n"
        "1\tKai\thttps://kai.example\tIt's fine\\nreally\n"
        "2\tBo\t\\N\tNo link, can't say\n"
        "\\.\n"
        "INSERT INTO notes (a) VALUES ('after');\n"
    )
    got = named(text, read_sql(text))
    assert got["author"] == [("Kai", 0), ("Bo", 1)]
    assert got["author_url"] == [("https://kai.example", 0)]
    assert [v for v, _ in got["body"]] == ["It's fine really", "No link, can't say"]
    assert [v for v, _ in got["a"]] == ["after"]


def test_sql_comments_do_not_open_strings() -> None:
    text = "-- it's a dump\n/* don't */\nINSERT INTO x (a) VALUES ('one');\n"
    assert [v for v, _ in named(text, read_sql(text))["a"]] == ["one"]


def test_sql_comment_row_is_a_comment_record() -> None:
    text = (
        "INSERT INTO wp_comments (comment_author, comment_author_email, comment_author_url, "
        "comment_content, comment_agent) VALUES ('Lu', 'lu@example.org', 'http://lu.example', "
        "'Nice <a href=\\\"http://other.example/\\\">post</a>', 'Mozilla/5.0 (X11)');\n"
    )
    doc = build(text, "sql", None)
    (comment,) = doc.comments
    assert (comment.author, comment.email) == ("Lu", "lu@example.org")
    assert doc.links[comment.link].url == "http://lu.example"
    assert [doc.links[i].url for i in comment.links] == ["http://other.example/"]
    assert text[doc.links[comment.links[0]].url_pos :].startswith("http://other.example/")
    # The user agent is no prose of the comment.
    assert not any("Mozilla" in p.text for p in doc.paragraphs)


def test_quick_view_undoes_the_escapes_that_hide_links() -> None:
    assert quick_view('"u": "http:\\/\\/x.example\\/a", "t": "a \\"b\\" it\\u2019s"') == (
        '"u": "http://x.example/a", "t": "a "b" it’s"'
    )


def test_field_anchors_pair_names_and_urls_of_one_record_only() -> None:
    text = (
        '[{"name": "Ann", "email": "a@x", "url": "https://ann.example"},\n'
        ' {"name": "Bo"}, {"url": "https://lonely.example"}]\n'
    )
    assert field_anchors(text, "json") == '<a href="https://ann.example">Ann</a>'
    yaml = "- name: Ann\n  url: https://ann.example\n- name: Bo\n- url: https://lonely.example\n"
    assert field_anchors(yaml, "yaml") == '<a href="https://ann.example">Ann</a>'


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        pytest.param("json", "[" * 200_000, id="json-deep"),
        pytest.param("json", '"\\' * 100_000, id="json-quote-backslash"),
        pytest.param("json", '{"a": "' + "x" * 1_000_000, id="json-unterminated"),
        pytest.param("json", '{"a":' * 50_000 + "}" * 10, id="json-keys-no-values"),
        pytest.param("sql", "(" * 200_000 + "'" + "\\'" * 100_000, id="sql-open"),
        pytest.param("sql", "INSERT INTO t (" * 20_000, id="sql-inserts"),
        pytest.param("sql", "/*" * 100_000, id="sql-comments"),
        pytest.param("sql", "COPY t FROM stdin;\n" + "\t" * 500_000, id="sql-copy-tabs"),
        pytest.param("sql", "COPY t FROM stdin;\n" * 50_000, id="sql-copies"),
    ],
)
def test_hostile_data_costs_linear_time_and_never_raises(kind: str, text: str) -> None:
    start = time.process_time()
    doc = build(text, kind, None)
    assert len(doc.text) == len(text)
    field_anchors(text, kind)
    assert time.process_time() - start < 10


def test_a_column_of_commenters_is_not_a_run_of_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """Thirty readers who each link their own site: the prefilter settles the file, the full
    check is never run; one keyword name among them is."""
    import hooklint.spam.rules

    calls: list[str] = []
    real = hooklint.spam.rules.check

    def counted(*args: Any) -> Any:
        calls.append("check")
        return real(*args)

    monkeypatch.setattr(hooklint.spam.rules, "check", counted)
    names = [f"Reader {chr(65 + i)}" for i in range(30)]
    rows = [
        {"author": n, "url": f"https://site{i}.example/", "body": "Thanks, this helped."}
        for i, n in enumerate(names)
    ]
    import json

    from hooklint.spam import check_spam

    assert check_spam(json.dumps(rows), "json") == []
    assert calls == []
    rows[7]["author"] = "buy tramadol online"
    assert [f.code for f in check_spam(json.dumps(rows), "json")] != []
    assert calls == ["check"]


def test_a_huge_dump_is_read_as_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    import hooklint.spam
    from hooklint.spam import check_spam

    row = (
        "INSERT INTO c (author, url, body) VALUES "
        "('buy tramadol online', 'http://rx.example/', 'hi');\n"
    )
    assert check_spam(row, "sql") != []  # the record's name links to the pharmacy
    monkeypatch.setattr(hooklint.spam, "DATA_LIMIT", 10)
    assert check_spam(row, "sql") == []  # as plain text, a name and a URL are two strings
