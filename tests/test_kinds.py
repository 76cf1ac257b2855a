"""The kind of a file, by its name: what every file of a run is asked first."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hooklint.run import _suffix, is_code, kind_of


@given(st.text(alphabet="aB./\\ _-", max_size=12))
def test_suffix_is_splitext_lowercased(path: str) -> None:
    assert _suffix(path) == os.path.splitext(path)[1].lower()


@pytest.mark.parametrize(
    ("path", "kind", "code"),
    [
        ("README.md", "markdown", False),
        ("src/App.PY", "python", True),
        (".bashrc", "text", False),  # a name of dots and letters has no suffix
        ("conf.d/notes", "text", False),  # a dot in a folder's name is no suffix
        ("a/.hidden.md", "markdown", False),
        ("dist/app.min.js.map", "code", True),  # a source map is its sources' kind
        ("site/data.json.map", "code", True),
        ("web/package-lock.json", "code", True),  # generated: never read for spam
        ("web/settings.json", "json", True),
        ("locale/fr/LC_MESSAGES/django.po", "po", False),
        ("notes..TXT", "text", False),
        ("page.HTM", "html", False),
    ],
)
def test_kind_of_a_name(path: str, kind: str, code: bool) -> None:
    assert kind_of(path) == kind
    assert is_code(path) is code
