"""The command line in the places users run it: git hooks, CI formats, configuration, baselines.

Every test runs the real program (``python -m hooklint``) in a temporary directory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ENV = {**os.environ, "PYTHONUTF8": "1"}
BAD = "Welcome to Ankаra.\n"  # Cyrillic а in a Latin word
BAD_COL = BAD.index("а") + 1
FINDING = "HL101 'а' U+0430 CYRILLIC SMALL LETTER A in Latin word 'Ankаra' looks like 'a'"
GOOD = "Welcome to Ankara.\n"


def hooklint(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hooklint", "--no-config", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        check=False,
    )


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.email", "dev@example.org")
    git(tmp_path, "config", "user.name", "Dev")
    return tmp_path


def test_staged_checks_the_index_not_the_working_tree(repo: Path) -> None:
    (repo / "notes.md").write_text(BAD, encoding="utf-8")
    git(repo, "add", "notes.md")
    (repo / "notes.md").write_text(GOOD, encoding="utf-8")  # fixed, but not staged
    (repo / "other.md").write_text(BAD, encoding="utf-8")  # bad, but not staged
    result = hooklint(repo, "--staged")
    assert (result.returncode, result.stdout) == (1, f"notes.md:1:{BAD_COL}: {FINDING}\n")
    git(repo, "add", "notes.md")  # the fix staged
    assert hooklint(repo, "--staged").returncode == 0


def test_staged_outside_a_repository_is_a_usage_error(tmp_path: Path) -> None:
    result = hooklint(tmp_path, "--staged")
    assert result.returncode == 2
    assert "not a git repository" in result.stderr


def test_diff_reports_only_changed_lines(repo: Path) -> None:
    (repo / "old.md").write_text(BAD + "fine\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "legacy")
    (repo / "old.md").write_text(BAD + "fine\nNew line in Ankаra too\n", encoding="utf-8")
    (repo / "new.md").write_text(BAD, encoding="utf-8")
    result = hooklint(repo, "--diff", "HEAD", "old.md", "new.md")
    col = "New line in Ankаra too".index("а") + 1
    assert result.stdout.splitlines() == [
        f"new.md:1:{BAD_COL}: {FINDING}",
        f"old.md:3:{col}: {FINDING}",
    ]
    # Without --diff the legacy line is reported too.
    assert len(hooklint(repo, "old.md").stdout.splitlines()) == 2


def test_directories_are_walked_honouring_gitignore(repo: Path) -> None:
    (repo / ".gitignore").write_text("build/\n", encoding="utf-8")
    for name in ("docs/a.md", "build/b.md"):
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(BAD, encoding="utf-8")
    result = hooklint(repo, ".")
    assert result.stdout == f"docs/a.md:1:{BAD_COL}: {FINDING}\n"


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        pytest.param("json", lambda out: json.loads(out)[0]["codepoint"] == "U+0430", id="json"),
        pytest.param(
            "sarif",
            lambda out: json.loads(out)["runs"][0]["results"][0]["ruleId"] == "HL101",
            id="sarif",
        ),
        pytest.param(
            "github",
            lambda out: out.startswith(f"::error file=a.md,line=1,col={BAD_COL},title=HL101::"),
            id="github",
        ),
    ],
)
def test_formats(tmp_path: Path, fmt: str, check: object) -> None:
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    result = hooklint(tmp_path, "--format", fmt, "a.md")
    assert result.returncode == 1
    assert callable(check) and check(result.stdout)


def test_show_source_statistics_exit_zero_and_quiet(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.md").write_text(GOOD, encoding="utf-8")
    shown = hooklint(tmp_path, "--show-source", "a.md")
    assert shown.stdout.splitlines() == [
        f"a.md:1:{BAD_COL}: {FINDING}",
        BAD.rstrip("\n"),
        " " * (BAD_COL - 1) + "^",
    ]
    stats = hooklint(tmp_path, "--statistics", "--exit-zero", "a.md", "b.md")
    assert stats.returncode == 0
    assert stats.stdout.splitlines()[-1].split()[:2] == ["1", "HL101"]
    assert hooklint(tmp_path, "-q", "a.md", "b.md").stdout == "a.md\n"
    quiet = hooklint(tmp_path, "-qq", "a.md", "b.md")
    assert (quiet.returncode, quiet.stdout) == (1, "")


def test_baseline_keeps_matching_when_lines_move(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(BAD, encoding="utf-8")
    written = hooklint(tmp_path, "--write-baseline", "base.json", "a.md")
    assert written.returncode == 0 and (tmp_path / "base.json").exists()
    (tmp_path / "a.md").write_text("New intro.\n\n" + BAD, encoding="utf-8")  # moved down
    assert hooklint(tmp_path, "--baseline", "base.json", "a.md").stdout == ""
    (tmp_path / "a.md").write_text("New intro in Ankаra.\n\n" + BAD, encoding="utf-8")
    fresh = hooklint(tmp_path, "--baseline", "base.json", "a.md")
    assert [line.split(":")[1] for line in fresh.stdout.splitlines()] == ["1"]


def test_configuration_and_inline_directives(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.hooklint]\nper-file-ignores = { "legacy/*" = ["HL1"] }\nexclude = ["vendor"]\n',
        encoding="utf-8",
    )
    for name in ("legacy/a.md", "vendor/b.md", "docs/c.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    (tmp_path / "docs" / "d.md").write_text(
        BAD.rstrip("\n") + " <!-- hooklint: ignore[HL101] -->\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "hooklint", "legacy/a.md", "vendor/b.md", "docs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        check=False,
    )
    assert result.stdout == f"docs/c.md:1:{BAD_COL}: {FINDING}\n"


def test_bad_configuration_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.hooklint]\nignroe = ["HL1"]\n', "utf-8")
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "hooklint", "a.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert result.returncode == 2
    assert "unknown option 'ignroe'" in result.stderr


def test_fix_repairs_what_is_certain_and_reports_the_rest(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(BAD + "Keep \u202e as reported.\n", encoding="utf-8")
    (tmp_path / "clean.md").write_text(GOOD, encoding="utf-8")
    result = hooklint(tmp_path, "--fix", "a.md", "clean.md")
    assert result.returncode == 1  # a file changed: pre-commit makes the user stage it again
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == GOOD + "Keep \u202e as reported.\n"
    assert "fixed 1 character(s) in a.md" in result.stderr
    assert [line.split(" ")[1] for line in result.stdout.splitlines()] == ["HL201"]
    again = hooklint(tmp_path, "--fix", "clean.md")
    assert (again.returncode, again.stdout, again.stderr) == (0, "", "")


TEMPLATE = (
    "If you adored this short article and you would like to receive more info regarding "
    "Turkish Law Firm kindly visit our own web-site."
)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param("module.py", f'"""Helpers."""\n\n# {TEMPLATE}\nx = 1\n', id="python-comment"),
        pytest.param("notes.md", f"# Notes\n\n{TEMPLATE}\n", id="markdown"),
        pytest.param("theme.po", f'msgid "About"\nmsgstr "{TEMPLATE}"\n', id="catalogue"),
    ],
)
def test_spam_template_is_found_in_each_kind_of_file(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    result = hooklint(tmp_path, name)
    assert [line.split(" ")[1] for line in result.stdout.splitlines()] == ["HL301"]


def test_spam_template_in_python_code_is_not_prose(tmp_path: Path) -> None:
    # The same words in a string literal that is no docstring are data, not prose.
    (tmp_path / "module.py").write_text(f'"""Helpers."""\n\nX = "{TEMPLATE}"\n', "utf-8")
    assert hooklint(tmp_path, "module.py").stdout == ""


def test_style_sheet_comment_is_code_not_prose(tmp_path: Path) -> None:
    # A theme's style sheets cite their workarounds by short links; a shortener in a prose
    # file stays reported (near miss), and so does a bidi control in the style sheet.
    rule = "// Safari needs this, see https://t.ly/AbCdE\n.nav { display: flex; }\n"
    (tmp_path / "_nav.scss").write_text(rule, "utf-8")
    (tmp_path / "notes.txt").write_text(rule, "utf-8")
    (tmp_path / "site.css").write_text("/* see \u202eabc */\n", "utf-8")
    result = hooklint(tmp_path, "_nav.scss", "notes.txt", "site.css")
    found = [line.split(" ")[:2] for line in result.stdout.splitlines()]
    assert [(where.split(":")[0], code) for where, code in found] == [
        ("notes.txt", "HL305"),
        ("site.css", "HL201"),
    ]


def test_source_map_is_code_not_prose(tmp_path: Path) -> None:
    # A source map carries its sources' comments: a shortened credit link in a JavaScript
    # comment is no more prose there than in the .js file. The same text in a file that is
    # not a source map ("routes.map") is still read, and so is the bidi control in the map.
    comment = "// Thanks to Jo (https://bit.ly/3xYzAbc) for this trick"
    sources = json.dumps({"version": 3, "sources": ["util.js"], "sourcesContent": [comment]})
    (tmp_path / "bundle.min.js.map").write_text(sources, "utf-8")
    (tmp_path / "routes.map").write_text(comment + "\n", "utf-8")
    (tmp_path / "style.css.map").write_text(sources.replace("Thanks", "Th\u202eanks"), "utf-8")
    result = hooklint(tmp_path, "bundle.min.js.map", "routes.map", "style.css.map")
    found = [line.split(" ")[:2] for line in result.stdout.splitlines()]
    assert [(where.split(":")[0], code) for where, code in found] == [
        ("routes.map", "HL305"),
        ("style.css.map", "HL201"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "# Download it from https://xn--pple-43d.com/app\nx = 1\n",
        'def f():\n    """Get it at https://xn--pple-43d.com/app today."""\n',
        '"""\nGet it at https://xn--pple-43d.com/app today.\n"""\n',
    ],
    ids=["comment", "one-line-docstring", "docstring"],
)
def test_punycode_host_in_python_prose_is_found(tmp_path: Path, text: str) -> None:
    (tmp_path / "module.py").write_text(text, "utf-8")
    result = hooklint(tmp_path, "module.py")
    assert [line.split(" ")[1] for line in result.stdout.splitlines()] == ["HL304"]


def test_punycode_host_in_a_one_line_string_is_test_data(tmp_path: Path) -> None:
    # Near miss: code that handles punycode hosts (as a URL parser's tests do) is not prose.
    text = 'CASES = [("https://xn--pple-43d.com/app", "xn--pple-43d.com")]\n'
    (tmp_path / "test_urls.py").write_text(text, "utf-8")
    assert hooklint(tmp_path, "test_urls.py").stdout == ""
