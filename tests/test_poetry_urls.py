"""Poetry's project URLs count as the project's own domains, as ``[project.urls]`` does: a
hidden block that links the project's own site is no hidden spam link (HL307)."""

from __future__ import annotations

from pathlib import Path

from hooklint.settings import make_settings

POETRY = """[tool.poetry]
name = "widget"
homepage = "https://widget.example.org"
repository = "https://code.example.net/acme/widget"

[tool.poetry.urls]
"Bug Tracker" = "https://bugs.widget.example.com/issues"

[tool.hooklint]
select = ["HL3"]
"""


def test_poetry_urls_are_own_domains(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(POETRY, encoding="utf-8")
    settings, _ = make_settings(["a.md"], cwd=str(tmp_path))
    assert settings.spam is not None
    own = settings.spam.own_domains
    assert {"widget.example.org", "code.example.net", "bugs.widget.example.com"} <= own


def test_without_poetry_urls_nothing_is_own(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.poetry]\nname = "widget"\n\n[tool.hooklint]\nselect = ["HL3"]\n', encoding="utf-8"
    )
    settings, _ = make_settings(["a.md"], cwd=str(tmp_path))
    assert settings.spam is not None
    assert not settings.spam.own_domains


# Hidden without naming a widget (a menu named so passes whatever its links: see HL307).
MENU = """<nav><a href="/">Home</a></nav>
<div class="extra" style="display:none">
<a href="https://widget.example.org/docs/">Docs</a>
</div>
"""


def test_hidden_menu_to_the_poetry_homepage_through_the_cli(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "page.html").write_text(MENU, encoding="utf-8")
    run = [sys.executable, "-m", "hooklint", "page.html"]
    alone = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert "HL307" in alone.stdout
    (tmp_path / "pyproject.toml").write_text(POETRY, encoding="utf-8")
    owned = subprocess.run(run, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert owned.returncode == 0, owned.stdout
