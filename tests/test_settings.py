"""Options from the command line and from [tool.hooklint] / .hooklint.toml: one definition."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hooklint.settings import (
    Selection,
    UsageError,
    allowed_character,
    find_config,
    make_settings,
    matches,
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("select", "extend", "ignore", "on", "off"),
    [
        pytest.param(["HL"], [], [], ["HL101", "HL201", "HL301"], ["HL106"], id="default"),
        pytest.param(["HL"], [], ["HL2"], ["HL101"], ["HL201", "HL205"], id="ignore-prefix"),
        pytest.param(["HL"], [], ["HL2"], ["HL101"], ["HL202"], id="ignore-prefix-2"),
        pytest.param(["HL101"], [], [], ["HL101"], ["HL102", "HL201"], id="select-one"),
        pytest.param(["HL"], ["HL106"], [], ["HL106"], [], id="opt-in-by-name"),
        pytest.param(["HL1"], [], [], ["HL105"], ["HL106"], id="opt-in-not-by-prefix"),
        pytest.param(["HL"], [], ["HL2", "HL201"], [], ["HL201"], id="ignore-wins-at-length"),
        pytest.param(["HL201"], [], ["HL2"], ["HL201"], ["HL202"], id="specific-select-wins"),
    ],
)
def test_selection(
    select: list[str], extend: list[str], ignore: list[str], on: list[str], off: list[str]
) -> None:
    selection = Selection(select, extend, ignore)
    assert all(code in selection for code in on)
    assert not any(code in selection for code in off)


def test_selection_without_per_file_codes() -> None:
    narrowed = Selection(["HL"], [], []).without(["HL3", "HL101"])
    assert "HL102" in narrowed and "HL201" in narrowed
    assert "HL101" not in narrowed and "HL305" not in narrowed


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("é", (0xE9, 0xE9), id="character"),
        pytest.param("U+00E9", (0xE9, 0xE9), id="code-point"),
        pytest.param("u+0400-U+04FF", (0x400, 0x4FF), id="range"),
        pytest.param("Cyrillic", "CYRILLIC", id="script"),
        pytest.param("old italic", "OLD_ITALIC", id="script-with-space"),
    ],
)
def test_allowed_character(value: str, expected: object) -> None:
    assert allowed_character(value) == expected


@pytest.mark.parametrize("value", ["U+04FF-U+0400", "Klingon", "ab", "U+110000"])
def test_allowed_character_rejects(value: str) -> None:
    with pytest.raises(Exception, match=r"\w"):
        allowed_character(value)


def test_pyproject_options_and_command_line_wins(tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "x"\n[project.urls]\nHomepage = "https://www.example.org/docs"\n'
        '[tool.hooklint]\nselect = ["HL1"]\nignore = ["HL104"]\nformat = "json"\n'
        'allowed-characters = ["U+0430"]\nexclude = ["build"]\n'
        'per-file-ignores = { "docs/*.md" = ["HL101"] }\n',
    )
    settings, _ = make_settings(["a.md"], cwd=str(tmp_path))
    assert settings.fmt == "json"
    assert "HL101" in settings.selection and "HL201" not in settings.selection
    assert "HL104" not in settings.selection
    assert settings.allows("а") and not settings.allows("a")
    assert settings.excluded(str(tmp_path / "build" / "x.md"))
    assert not settings.excluded(str(tmp_path / "src" / "x.md"))
    assert "HL101" not in settings.selection_for(str(tmp_path / "docs" / "a.md"))
    assert "HL101" in settings.selection_for(str(tmp_path / "src" / "a.md"))
    if settings.spam is not None:
        assert "example.org" in settings.spam.own_domains

    # The command line wins for single values and adds to lists.
    settings, _ = make_settings(
        ["--select", "HL2", "--ignore", "HL205", "--format", "github"], cwd=str(tmp_path)
    )
    assert settings.fmt == "github"
    assert "HL201" in settings.selection and "HL101" not in settings.selection
    assert "HL205" not in settings.selection


def test_hooklint_toml_is_preferred_and_found_from_a_subdirectory(tmp_path: Path) -> None:
    write(tmp_path / ".hooklint.toml", 'ignore = ["HL2"]\n')
    write(tmp_path / "pyproject.toml", '[tool.hooklint]\nignore = ["HL1"]\n')
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    assert find_config(str(tmp_path / "sub" / "deeper")) == str(tmp_path / ".hooklint.toml")
    settings, _ = make_settings([], cwd=str(tmp_path / "sub" / "deeper"))
    assert "HL201" not in settings.selection and "HL101" in settings.selection


def test_pyproject_without_hooklint_table_stops_the_search(tmp_path: Path) -> None:
    write(tmp_path / ".hooklint.toml", 'ignore = ["HL2"]\n')
    write(tmp_path / "project" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(str(tmp_path / "project")) is None


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        pytest.param('[tool.hooklint]\nselcet = ["HL1"]\n', "unknown option 'selcet'", id="typo"),
        pytest.param('[tool.hooklint]\nselect = "HL1"\n', "must be a list", id="not-a-list"),
        pytest.param('[tool.hooklint]\nselect = ["HL9"]\n', "unknown rule code", id="bad-code"),
        pytest.param('[tool.hooklint]\nformat = "xml"\n', "expected one of", id="bad-format"),
        pytest.param(
            '[tool.hooklint]\nallowed-characters = ["Klingon"]\n', "script name", id="bad-script"
        ),
        pytest.param("[tool.hooklint\n", "cannot read configuration", id="bad-toml"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, toml: str, message: str) -> None:
    write(tmp_path / "pyproject.toml", toml)
    with pytest.raises(UsageError, match=message) as raised:
        make_settings([], cwd=str(tmp_path))
    assert "pyproject.toml" in str(raised.value)


def test_no_config_ignores_the_file(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.hooklint]\nselcet = ["HL1"]\n')
    settings, _ = make_settings(["--no-config"], cwd=str(tmp_path))
    assert "HL101" in settings.selection


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        pytest.param("docs/a.md", "docs/*.md", True, id="glob"),
        pytest.param("docs/a.md", "*.md", True, id="basename"),
        pytest.param("docs/sub/a.md", "docs", True, id="directory"),
        pytest.param("src/a.md", "docs/*.md", False, id="other-dir"),
        pytest.param("docs/a.rst", "*.md", False, id="other-suffix"),
    ],
)
def test_matches(tmp_path: Path, path: str, pattern: str, expected: bool) -> None:
    assert matches(os.path.join(str(tmp_path), path), pattern, str(tmp_path)) is expected
