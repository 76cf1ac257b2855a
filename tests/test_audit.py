"""HL004: ``hooklint --diff REV`` reports the suppressions and the configuration a change adds.

Every test builds a real git repository in ``tmp_path``, commits a base, changes the work tree
and runs the installed ``hooklint`` console script. Each positive case stands beside a near miss
that must stay silent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from git_support import commit, git, hooklint, init_repo, write

from hooklint.settings import ALL_CODES

SPAM_CODES = [code for code in ALL_CODES if code.startswith("HL3")]

# A Cyrillic а in a Latin word: HL101 wherever it is not silenced.
LOOKALIKE = "Pay with P\u0430yPal today"
PLAIN = "Pay with PayPal today"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return init_repo(tmp_path)


def base(repo: Path, files: dict[str, str]) -> None:
    commit(repo, files, "base")


def audit(repo: Path, *args: str) -> list[str]:
    """The HL004 lines of ``hooklint --diff HEAD``, after checking it ran without a crash."""
    result = hooklint(repo, "--diff", "HEAD", *args)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr
    lines = result.stdout.splitlines()
    assert (result.returncode == 1) == bool(lines)
    return [line for line in lines if " HL004 " in line]


# ---------------------------------------------------------------------------- inline directives


def test_a_directive_added_beside_a_lookalike_is_reported_in_its_place(repo: Path) -> None:
    base(repo, {"docs/pay.md": "# Pay\n\nIntro.\n"})
    write(repo, {"docs/pay.md": f"# Pay\n\nIntro.\n{LOOKALIKE} <!-- hooklint: ignore[HL101] -->\n"})
    col = len(LOOKALIKE) + len(" <!-- ") + 1
    result = hooklint(repo, "--diff", "HEAD")
    assert (result.returncode, result.stdout) == (
        1,
        f"docs/pay.md:4:{col}: HL004 change adds a suppression: hooklint: ignore[HL101]\n",
    )


def test_near_miss_an_old_directive_on_an_untouched_line_is_silent(repo: Path) -> None:
    base(repo, {"docs/pay.md": f"# Pay\n\n{LOOKALIKE} <!-- hooklint: ignore[HL101] -->\n"})
    write(repo, {"docs/pay.md": f"# Pay\n\n{LOOKALIKE} <!-- hooklint: ignore[HL101] -->\nMore.\n"})
    assert audit(repo) == []


def test_near_miss_a_change_that_removes_a_directive_is_silent(repo: Path) -> None:
    base(repo, {"a.md": f"{LOOKALIKE} <!-- hooklint: ignore[HL101] -->\nsecond\n"})
    write(repo, {"a.md": f"{PLAIN}\nsecond\n"})
    result = hooklint(repo, "--diff", "HEAD")
    assert (result.returncode, result.stdout) == (0, "")


@pytest.mark.parametrize(
    ("name", "added", "shown"),
    [
        ("a.md", "<!-- hooklint: ignore -->", "hooklint: ignore"),
        ("a.rst", ".. hooklint: ignore-next-line[HL1]", "hooklint: ignore-next-line[HL1]"),
        ("a.txt", "# hooklint: ignore[HL101, HL3]", "hooklint: ignore[HL101, HL3]"),
        ("a.js", "// hooklint: ignore-next-line", "hooklint: ignore-next-line"),
        ("m.py", "x = 1  # noqa: HL101", "# noqa: HL101"),
        ("m.py", "x = 1  # NOQA:E501,HL1", "# NOQA:E501,HL1"),
        ("m.py", "x = 1  # noqa", "# noqa"),
    ],
    ids=["bare", "rst-next-line", "hash-two-codes", "slashes", "noqa", "noqa-upper", "bare-noqa"],
)
def test_every_directive_syntax_is_reported(repo: Path, name: str, added: str, shown: str) -> None:
    base(repo, {name: "x = 0\n"})
    write(repo, {name: f"x = 0\n{added}\n"})
    col = added.index(shown) + 1
    assert audit(repo) == [f"{name}:2:{col}: HL004 change adds a suppression: {shown}"]


@pytest.mark.parametrize(
    ("name", "added"),
    [
        ("m.py", "x = 1  # noqa: E501"),  # another linter's code: not hooklint's concern
        ("m.py", "x = 1  # noqa: hl101"),  # flake8 compares codes as written: no match
        ("a.md", "noqa: HL101 is written in prose here"),  # not flake8's syntax
        ("a.md", "<!-- hooklint ignore[HL101] -->"),  # no colon: not a directive
        ("a.md", "the word hooklint: ignored"),  # no comment marker
    ],
    ids=["other-linter", "lower-case", "prose", "no-colon", "no-marker"],
)
def test_near_miss_text_that_is_no_directive_is_silent(repo: Path, name: str, added: str) -> None:
    base(repo, {name: "x = 0\n"})
    write(repo, {name: f"x = 0\n{added}\n"})
    assert audit(repo) == []


def test_a_new_file_with_a_directive_is_reported_and_one_without_is_not(repo: Path) -> None:
    base(repo, {"README.md": "Hello.\n"})
    write(repo, {"new.md": "Hello.\n<!-- hooklint: ignore[HL3] -->\n", "clean.md": "Hi.\n"})
    git(repo, "add", "new.md", "clean.md")
    assert audit(repo) == ["new.md:2:6: HL004 change adds a suppression: hooklint: ignore[HL3]"]


def test_an_untracked_file_named_on_the_command_line_is_new(repo: Path) -> None:
    base(repo, {"README.md": "Hello.\n"})
    write(repo, {"new.md": "<!-- hooklint: ignore -->\n", "other.md": "Hi.\n"})
    assert audit(repo, "new.md", "other.md") == [
        "new.md:1:6: HL004 change adds a suppression: hooklint: ignore"
    ]


def test_a_lookalike_slipped_under_an_old_directive_is_reported(repo: Path) -> None:
    old = "Ank\u0430ra is a city <!-- hooklint: ignore[HL101] -->\n"
    base(repo, {"a.md": old + "second\n"})
    write(repo, {"a.md": old.replace("city", f"city; {LOOKALIKE}") + "second\n"})
    assert audit(repo) == [
        "a.md:1:1: HL004 change edits a line under an existing suppression "
        "(hooklint: ignore[HL101] on line 1), which silences HL101 there"
    ]


def test_near_miss_editing_a_line_under_an_old_directive_without_a_new_finding(
    repo: Path,
) -> None:
    old = "Ank\u0430ra is a city <!-- hooklint: ignore[HL101] -->\n"
    base(repo, {"a.md": old + "second\n"})
    write(repo, {"a.md": old.replace("city", "big city") + "second\n"})
    assert audit(repo) == []


def test_the_line_after_an_old_ignore_next_line_directive(repo: Path) -> None:
    base(repo, {"a.txt": "# hooklint: ignore-next-line[HL1]\nplain text\nlast\n"})
    write(repo, {"a.txt": f"# hooklint: ignore-next-line[HL1]\n{LOOKALIKE}\nlast\n"})
    assert audit(repo) == [
        "a.txt:2:1: HL004 change edits a line under an existing suppression "
        "(hooklint: ignore-next-line[HL1] on line 1), which silences HL101 there"
    ]
    # near miss: the same edit on a line no directive covers is an ordinary finding
    write(repo, {"a.txt": f"# hooklint: ignore-next-line[HL1]\nplain text\n{LOOKALIKE}\n"})
    result = hooklint(repo, "--diff", "HEAD")
    assert [line.split(" ")[1] for line in result.stdout.splitlines()] == ["HL101"]


# ------------------------------------------------------------- HL004 cannot silence itself


def test_the_configuration_under_audit_cannot_turn_hl004_off(repo: Path) -> None:
    base(repo, {"pyproject.toml": "[tool.hooklint]\nignore = []\n", "a.md": "x\n"})
    write(
        repo,
        {
            "pyproject.toml": '[tool.hooklint]\nignore = ["HL004", "HL101"]\n'
            'exclude = ["b.md"]\n\n[tool.hooklint.per-file-ignores]\n"*.md" = ["HL0"]\n',
            "a.md": f"x\n{LOOKALIKE} <!-- hooklint: ignore -->\n",
            "b.md": "<!-- hooklint: ignore -->\n",
        },
    )
    git(repo, "add", "b.md")
    col = len(LOOKALIKE) + len(" <!-- ") + 1
    assert audit(repo) == [
        f"a.md:2:{col}: HL004 change adds a suppression: hooklint: ignore",
        "pyproject.toml:2:1: HL004 change widens the configuration: ignore += HL004,HL101 "
        "(turns off HL004, HL101)",
        "pyproject.toml:3:13: HL004 change widens the configuration: exclude += b.md",
        "pyproject.toml:6:2: HL004 change widens the configuration: per-file-ignores += *.md:HL0",
    ]


def test_a_baseline_cannot_hide_hl004(repo: Path) -> None:
    from hooklint.diagnostic import Diagnostic
    from hooklint.suppress import fingerprint

    message = "change adds a suppression: hooklint: ignore"
    directive = "<!-- hooklint: ignore -->"
    entry = fingerprint(Diagnostic("a.md", 2, 6, "HL004", message), directive)
    base(repo, {"a.md": "x\n", "b.json": _baseline([entry])})
    write(repo, {"a.md": f"x\n{directive}\n"})
    assert audit(repo, "--baseline", "b.json") == [f"a.md:2:6: HL004 {message}"]


def test_the_command_line_can_turn_hl004_off(repo: Path) -> None:
    base(repo, {"a.md": "x\n"})
    write(repo, {"a.md": "x\n<!-- hooklint: ignore -->\n"})
    assert len(audit(repo)) == 1
    assert audit(repo, "--ignore", "HL004") == []
    assert audit(repo, "--select", "HL1") == []
    result = hooklint(repo, "--diff", "HEAD", "--exit-zero")
    assert (result.returncode, len(result.stdout.splitlines())) == (0, 1)


def test_without_diff_there_is_no_audit(repo: Path) -> None:
    base(repo, {"a.md": "x\n"})
    write(repo, {"a.md": "x\n<!-- hooklint: ignore -->\n"})
    result = hooklint(repo, "a.md")
    assert (result.returncode, result.stdout) == (0, "")


# ---------------------------------------------------------------------------- configuration

_WIDER = [
    ('ignore = ["HL302"]', 'ignore = ["HL302", "HL1"]', "ignore += HL1 (turns off HL101, HL102"),
    ('ignore = ["HL101"]', 'ignore = ["HL1"]', "ignore += HL1; ignore -= HL101 (turns off HL102,"),
    ("", 'select = ["HL2"]', "select = HL2 (was HL (default)) (turns off HL001,"),
    ('extend-select = ["HL106"]', "", "extend-select -= HL106 (turns off HL106)"),
    ("", 'exclude = ["docs/"]', "exclude += docs/"),
    ('exclude = ["a/"]', 'exclude = ["a/", "b/*.md"]', "exclude += b/*.md"),
    ("", 'allowed-characters = ["\u0430"]', "allowed-characters += 'а' U+0430 CYRILLIC SMALL"),
    ("", 'allowed-characters = ["Cyrillic"]', "allowed-characters += CYRILLIC"),
    ("", 'own-domains = ["spam.example"]', "own-domains += spam.example"),
    ("", 'allow-domains = ["casino.example"]', "allow-domains += casino.example"),
    ("", 'allow-shorteners = ["bit.ly"]', "allow-shorteners += bit.ly"),
    ("", 'allow-phrases = ["buy cheap pills"]', "allow-phrases += buy cheap pills"),
    ('deny-list = "deny.txt"', 'deny-list = "empty.txt"', "replaces the deny list"),
]

_NOT_WIDER = [
    ('ignore = ["HL1"]', 'ignore = ["HL101"]'),  # narrowed
    ('ignore = ["HL1"]', 'ignore = ["HL1", "HL102"]'),  # already covered by HL1
    ('ignore = ["HL1"]', ""),  # removed
    ('select = ["HL2"]', 'select = ["HL"]'),  # select widened
    ("", 'extend-select = ["HL106"]'),  # an opt-in rule turned on
    ('exclude = ["a/", "b/"]', 'exclude = ["a/"]'),
    ('allowed-characters = ["U+0400-U+04FF"]', 'allowed-characters = ["U+0430"]'),
    ('allowed-characters = ["U+0400-U+0410"]', 'allowed-characters = ["U+0400-U+0410", "U+0405"]'),
    ('own-domains = ["a.example", "b.example"]', 'own-domains = ["b.example"]'),
    ("", 'format = "github"'),  # how findings are shown, not which
    ('ignore = ["HL302"]', 'ignore = [\n    "HL302",  # a comment\n]'),  # same, reformatted
]


@pytest.mark.parametrize(("old", "new", "message"), _WIDER, ids=[m[:22] for *_, m in _WIDER])
def test_a_configuration_that_silences_more_is_reported(
    repo: Path, old: str, new: str, message: str
) -> None:
    files = {"a.md": "x\n", "deny.txt": "casino\n", "empty.txt": "\n"}
    base(repo, {**files, ".hooklint.toml": f"# hooklint settings\n{old}\n"})
    write(repo, {".hooklint.toml": f"# hooklint settings\n{new}\n"})
    found = audit(repo)
    assert len(found) == 1, found
    where, _, text = found[0].partition(" HL004 ")
    assert where.startswith(".hooklint.toml:")
    assert text.startswith("change ") and message in text, text
    if new:  # at the key that does it
        assert where.split(":")[1] == "2"


@pytest.mark.parametrize(("old", "new"), _NOT_WIDER, ids=[f"{o}->{n}"[:30] for o, n in _NOT_WIDER])
def test_near_miss_a_configuration_that_silences_no_more_is_silent(
    repo: Path, old: str, new: str
) -> None:
    base(repo, {"a.md": "x\n", "pyproject.toml": f"[tool.hooklint]\n{old}\n"})
    write(repo, {"pyproject.toml": f"[tool.hooklint]\n{new}\n"})
    assert audit(repo) == []


def test_the_finding_stands_at_the_entry_in_a_pyproject(repo: Path) -> None:
    head = '[project]\nname = "x"\n\n[tool.ruff]\nexclude = ["build/"]\n\n[tool.hooklint]\n'
    base(repo, {"pyproject.toml": head + 'exclude = [\n    "a/",\n]\n'})
    write(repo, {"pyproject.toml": head + 'exclude = [\n    "a/",\n    "vendor/",\n]\n'})
    assert audit(repo) == [
        "pyproject.toml:10:6: HL004 change widens the configuration: exclude += vendor/"
    ]


def test_project_urls_are_own_domains_too(repo: Path) -> None:
    head = '[tool.hooklint]\nignore = []\n\n[project.urls]\nHome = "https://ours.example"\n'
    base(repo, {"pyproject.toml": head})
    write(repo, {"pyproject.toml": head + 'Shop = "https://casino.example/x"\n'})
    [found] = audit(repo)
    assert found.endswith("HL004 change widens the configuration: own-domains += casino.example")


def test_a_new_hooklint_toml_that_shadows_the_pyproject_is_compared(repo: Path) -> None:
    base(repo, {"pyproject.toml": '[tool.hooklint]\nignore = ["HL302"]\n'})
    write(repo, {".hooklint.toml": 'ignore = ["HL302"]\n'})
    git(repo, "add", ".hooklint.toml")
    assert audit(repo) == []  # the same settings, moved
    write(repo, {".hooklint.toml": 'ignore = ["HL302", "HL2"]\n'})
    assert audit(repo) == [
        ".hooklint.toml:1:1: HL004 change widens the configuration: ignore += HL2 "
        "(turns off HL201, HL202, HL203, HL204, HL205)"
    ]


def test_a_subprojects_configuration_is_audited_too(repo: Path) -> None:
    """Run from the top, hooklint uses the top's configuration; but a subproject's own, which a
    run inside it (or its pre-commit hook) takes, is reported when the change widens it."""
    ruff = "[tool.ruff]\nline-length = 100\n"
    base(
        repo,
        {
            ".hooklint.toml": "ignore = []\n",
            "lib/.hooklint.toml": "ignore = []\n",
            "app/pyproject.toml": ruff + '\n[tool.hooklint]\nignore = ["HL302"]\n',
            "tool/pyproject.toml": ruff,
        },
    )
    write(repo, {"lib/.hooklint.toml": 'ignore = ["HL2"]\n'})
    assert audit(repo) == [
        "lib/.hooklint.toml:1:1: HL004 change widens the configuration: ignore += HL2 "
        "(turns off HL201, HL202, HL203, HL204, HL205)"
    ]
    # near misses: other tools' settings edited, beside hooklint's or without them
    write(repo, {"lib/.hooklint.toml": "ignore = []\n"})
    write(
        repo,
        {
            "app/pyproject.toml": ruff.replace("100", "88") + "\n[tool.hooklint]\n"
            'ignore = ["HL302"]\n',
            "tool/pyproject.toml": ruff.replace("100", "79"),
        },
    )
    assert audit(repo) == []
    # a hooklint table new in a pyproject that had none is compared with no configuration
    write(repo, {"tool/pyproject.toml": ruff + '[tool.hooklint]\nexclude = ["x/"]\n'})
    assert audit(repo) == [
        "tool/pyproject.toml:4:13: HL004 change widens the configuration: exclude += x/"
    ]


def test_a_configuration_removed_by_the_change(repo: Path) -> None:
    base(repo, {".hooklint.toml": 'extend-select = ["HL106"]\n', "a.md": "x\n"})
    (repo / ".hooklint.toml").unlink()
    assert audit(repo) == [
        ".hooklint.toml:1:1: HL004 change widens the configuration: extend-select -= HL106 "
        "(turns off HL106)"
    ]
    # near miss: removing a configuration that only ignored something
    base(repo, {".hooklint.toml": 'ignore = ["HL3"]\n'})
    (repo / ".hooklint.toml").unlink()
    assert audit(repo) == []


def test_a_config_from_a_subdirectory_run(repo: Path) -> None:
    base(repo, {"pyproject.toml": "[tool.hooklint]\nignore = []\n", "docs/a.md": "x\n"})
    write(repo, {"pyproject.toml": '[tool.hooklint]\nignore = ["HL3"]\n'})
    found = audit(repo / "docs")
    assert found == [
        "../pyproject.toml:2:1: HL004 change widens the configuration: ignore += HL3 "
        "(turns off HL301, HL302, HL303, HL304, HL305, HL306, HL307, HL308 and "
        f"{len(SPAM_CODES) - 8} more)"
    ]


def test_a_configuration_at_rev_that_does_not_parse(repo: Path) -> None:
    base(repo, {".hooklint.toml": "ignore = [\n", "a.md": "x\n"})
    write(repo, {".hooklint.toml": 'ignore = ["HL3"]\n'})
    result = hooklint(repo, "--diff", "HEAD")
    assert "Traceback" not in result.stderr
    assert "warning: cannot read configuration .hooklint.toml at HEAD" in result.stderr
    assert result.stdout.startswith(".hooklint.toml:1:1: HL004 change widens the configuration")


def test_a_configuration_in_the_tree_that_does_not_parse(repo: Path) -> None:
    base(repo, {".hooklint.toml": 'ignore = ["HL3"]\n', "a.md": "x\n"})
    write(repo, {".hooklint.toml": 'ignore = "HL3\n'})
    result = hooklint(repo, "--diff", "HEAD")  # the tree's configuration is the run's
    assert (result.returncode, "Traceback" in result.stderr) == (2, False)
    assert result.stderr.startswith("hooklint: error: cannot read configuration")
    # with a trusted configuration, the run goes on, and the unreadable one is a finding
    result = hooklint(repo, "--diff", "HEAD", "--config-from", "HEAD")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.startswith(
        ".hooklint.toml:1:1: HL004 change leaves a configuration that cannot be read: "
    )


def test_no_config_means_nothing_to_audit_in_it(repo: Path) -> None:
    base(repo, {".hooklint.toml": "ignore = []\n", "a.md": "x\n"})
    write(repo, {".hooklint.toml": 'ignore = ["HL3"]\n'})
    assert len(audit(repo)) == 1
    assert audit(repo, "--no-config") == []


def test_entries_removed_from_the_deny_list_in_use_are_reported(repo: Path) -> None:
    deny = "# denied\ncasino\\.example\npills\\.example  # pharma\n"
    base(repo, {".hooklint.toml": 'deny-list = "lists/deny.txt"\n', "lists/deny.txt": deny})
    write(repo, {"lists/deny.txt": "# denied\ncasino\\.example\n"})
    assert audit(repo) == [
        "lists/deny.txt:1:1: HL004 change removes deny-list entries: pills\\.example"
    ]
    # near miss: an entry added, or only a comment changed
    write(repo, {"lists/deny.txt": deny + "loans\\.example\n"})
    assert audit(repo) == []
    write(repo, {"lists/deny.txt": deny.replace("# pharma", "# drugs")})
    assert audit(repo) == []


# --------------------------------------------------------------------------------- baseline


def _baseline(entries: list[str]) -> str:
    return json.dumps({"version": 1, "findings": entries}, indent=1) + "\n"


def test_entries_added_to_the_baseline_are_reported(repo: Path) -> None:
    one = "a.md\0HL101\0message one\0" + "0" * 16
    two = "b.md\0HL301\0message two\0" + "1" * 16
    base(repo, {"base.json": _baseline([one]), "a.md": "x\n"})
    write(repo, {"base.json": _baseline([one, two])})
    assert audit(repo, "--baseline", "base.json") == [
        "base.json:5:1: HL004 change adds a baseline entry: b.md HL301"
    ]
    # near miss: an entry removed, or the baseline unchanged
    write(repo, {"base.json": _baseline([])})
    assert audit(repo, "--baseline", "base.json") == []
    write(repo, {"base.json": _baseline([one])})
    assert audit(repo, "--baseline", "base.json") == []


# ------------------------------------------------------------- settings hooklint cannot judge


def test_a_setting_without_a_known_effect_is_reported_when_it_changes() -> None:
    """A configuration key added to hooklint later (say, one like ``exit-zero``) is audited
    before anyone teaches the audit what it does: any change of it is reported."""
    from hooklint.audit import _View, _widenings
    from hooklint.settings import build_parser

    def view(**extra: object) -> _View:
        args = build_parser().parse_args([])
        for name, value in extra.items():
            setattr(args, name, value)
        return _View(args, ())

    found = list(_widenings(view(exit_zero=False), view(exit_zero=True)))
    message = "change alters a setting hooklint cannot judge: exit-zero"
    assert found == [("exit-zero", message, None)]
    # near misses: unchanged, and a change of the output format
    assert list(_widenings(view(exit_zero=True), view(exit_zero=True))) == []
    assert list(_widenings(view(format=None), view(format="json"))) == []


# ------------------------------------------------------- text that git calls binary, under --diff


def test_text_git_calls_binary_is_checked_whole_under_diff(repo: Path) -> None:
    """git's diff gives no lines for a file it calls binary: UTF-16 text, or any file a change
    marks ``binary`` in .gitattributes. Such a file is checked whole when it reads as text."""
    (repo / "u.txt").write_bytes("first\n".encode("utf-16"))
    (repo / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 4)
    base(repo, {"a.md": "x\n"})
    (repo / "u.txt").write_bytes(f"first\n{LOOKALIKE}\n".encode("utf-16"))
    with (repo / "image.png").open("ab") as f:
        f.write(bytes(range(256)))  # near miss: a real binary file, changed
    write(repo, {".gitattributes": "*.md binary\n", "a.md": f"x\n{LOOKALIKE}\n"})
    result = hooklint(repo, "--diff", "HEAD")
    found = [line.split(": ")[0] + " " + line.split(" ")[1] for line in result.stdout.splitlines()]
    assert found == ["a.md:2:11 HL101", "u.txt:2:11 HL101"], result.stdout
    # near miss: the same files unchanged since REV are not reported
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "more")
    result = hooklint(repo, "--diff", "HEAD")
    assert (result.returncode, result.stdout) == (0, "")
