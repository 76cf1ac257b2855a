"""Page templates (hooklint.spam.templates) and the wiring of the readers into the run: which
file is read as what, the byte gate in front of them, and the character rules unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooklint.cli import main
from hooklint.run import _may_hold_spam, is_code, kind_of
from hooklint.spam import check_spam
from hooklint.spam.templates import template_view


def test_template_code_is_blanked_and_markup_kept() -> None:
    text = (
        '<?php $x = 1; ?>\n<p>{{ user.name }} {% if a %}<a href="/x">x</a>{% endif %}</p>\n'
        "<%= link_to 'a', b %>{# note #}<script>var s = '<a href=\"http://e.example\">';</script>"
    )
    view = template_view(text)
    assert len(view) == len(text) and view.count("\n") == text.count("\n")
    assert '<a href="/x">x</a>' in view and "<p>" in view
    for code in ("$x", "user.name", "if a", "link_to", "note", "var s"):
        assert code not in view


def test_unclosed_php_runs_to_the_end_and_other_openers_stay_short() -> None:
    assert template_view("<p>a</p><?php echo 1;\n<a href='x'>").strip() == "<p>a</p>"
    assert template_view("{{ a <a href='x'>y</a>") == "   a <a href='x'>y</a>"


@pytest.mark.parametrize(
    ("name", "kind", "code"),
    [
        ("c.yml", "yaml", True),
        ("c.yaml", "yaml", True),
        ("x.json", "json", True),
        ("export.jsonl", "json", False),
        ("d.sql", "sql", True),
        ("f.php", "template", True),
        ("App.vue", "template", True),
        ("v.html.erb", "template", False),
        ("p.j2", "template", False),
        ("p.twig", "template", False),
        ("p.liquid", "template", False),
        ("package-lock.json", "code", True),
        ("x.js", "code", True),
        ("bootstrap.bundle.min.js.map", "code", True),
        ("site.css.map", "code", True),
        ("_nav.scss", "code", True),
        ("world.map", "text", False),  # a map of something else: not a source map
        ("README.md", "markdown", False),
    ],
)
def test_kind_and_code_by_name(name: str, kind: str, code: bool) -> None:
    assert kind_of(name) == kind
    assert is_code(name) is code


@pytest.mark.parametrize(
    ("kind", "data", "read"),
    [
        ("json", b'{"a": "b"}', False),
        ("json", b'{"a": "https:\\/\\/x.example"}', True),
        ("yaml", b"a: www.x.example", True),
        ("sql", b"INSERT INTO t VALUES ('no link');", False),
        ("template", b'<a href="/local">x</a>', True),
        ("template", b"<?php echo 1; ?>", False),
    ],
)
def test_byte_gate(kind: str, data: bytes, read: bool) -> None:
    assert _may_hold_spam(kind, data) is read


def test_no_break_space_in_yaml_is_still_a_code_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The readers change what the spam rules see, not how the character rules read code."""
    for name in ("conf.yml", "page.erb"):
        (tmp_path / name).write_text("key:\u00a0value\n", encoding="utf-8")
    main(["--no-config", "--exit-zero", "--select", "HL107", str(tmp_path)])
    out = capsys.readouterr().out
    assert "conf.yml:1:5: HL107" in out
    assert "page.erb" not in out


def test_hidden_link_in_vue_markup_but_not_in_its_script() -> None:
    markup = (
        '<template>\n  <footer><span style="display:none">'
        '<a href="https://slot-gacor.example/">slot gacor</a></span></footer>\n</template>\n'
    )
    script = (
        "<template><p>{{ msg }}</p></template>\n<script>\nexport default { data: () => ({ html:"
        ' \'<span style="display:none"><a href="https://slot-gacor.example/">x</a></span>\' }) }\n'
        "</script>\n"
    )
    assert {f.code for f in check_spam(markup, "template")} >= {"HL307"}
    assert check_spam(script, "template") == []


def test_template_expression_in_href_is_no_link() -> None:
    text = '<div style="display:none"><a href="{{ site.url }}/tags/">tags</a></div>\n'
    assert check_spam(text, "template") == []


def test_every_kind_read_for_spam_is_documented() -> None:
    from hooklint.docs import SPAM_PLACES, explain
    from hooklint.run import _READ_KINDS

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for suffix in _READ_KINDS:
        assert f"`{suffix}`" in SPAM_PLACES, suffix
        assert f"`{suffix}`" in readme, suffix
    assert "## Where it looks" in (explain("HL307") or "")
    assert "## Where it looks" not in (explain("HL101") or "")


def test_markup_printed_by_php_is_markup() -> None:
    hidden = (
        '<?php\nfunction credits() {\n    echo \'<span style="font-size:0"><a href='
        '"https://bet-bonus.example/">casino bonus</a></span>\';\n}\n'
    )
    shown = (
        '<?php\n$footer = "<p>Built with <a href=\\"https://docs.example.org/\\">Sphinx</a>'
        "</p>\";\n$n = count($items); echo '<!-- ' . $n . ' -->';\n"
    )
    found = check_spam(hidden, "template")
    assert "HL307" in {f.code for f in found}
    assert (found[0].line, hidden.splitlines()[2][found[0].col - 1 :][:5]) == (3, "https")
    assert check_spam(shown, "template") == []
    view = template_view(shown)
    assert len(view) == len(shown) and '<a href= "https://docs.example.org/">' in view
    assert "count" not in view


def test_an_html_page_that_is_a_template_is_read_without_its_code() -> None:
    layout = (
        "<html><body>\n{% assign promo = 'https://bit.ly/3xYzAbc' %}\n"
        "<p>Welcome to {{ site.title }}.</p>\n</body></html>\n"
    )
    page = layout.replace("{% assign promo = 'https://bit.ly/3xYzAbc' %}", "https://bit.ly/3xYzAbc")
    assert check_spam(layout, "html") == []
    assert [f.code for f in check_spam(page, "html")] == ["HL305"]
