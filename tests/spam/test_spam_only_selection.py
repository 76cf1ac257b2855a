"""A run that selects only spam codes (``--select HL3``) skips the character rules, whose
findings it would drop: its report is the spam part of a full run's, file by file."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooklint.run import check_data
from hooklint.settings import make_settings

FIXTURES = sorted((Path(__file__).parent / "fixtures").iterdir())
SPAM_AND_LETTERS = (
    "If you adored this short article and you would like to receive more info regarding "
    "Turkish Law Firm kindly visit our own web-site.\n"
    "t\u04bbis w\u043er\u0501 and \u202ea bidi control\n"
    "[Turkish Law Firm](https://law.example/) \u0430nd [cheap pills](https://bit.ly/x)\n"
)


@pytest.mark.parametrize(
    "selection",
    [["--select", "HL3"], ["--select", "HL301,HL002"], ["--select", "HL0,HL3"], ["--select", "HL"]],
    ids=["HL3", "HL301+HL002", "HL0+HL3", "all"],
)
@pytest.mark.parametrize(
    "name, data",
    [
        ("spam.md", SPAM_AND_LETTERS.encode()),
        ("latin1.txt", "caf\xe9 ".encode("latin-1") + SPAM_AND_LETTERS.encode()),
        *((f.name, f.read_bytes()) for f in FIXTURES if f.is_file()),
    ],
)
def test_a_spam_only_selection_reports_what_a_full_run_reports_for_its_codes(
    tmp_path: Path, selection: list[str], name: str, data: bytes
) -> None:
    path = str(tmp_path / name)
    full, _ = make_settings(["--no-config", "--select", "HL", "--extend-select", "HL106", path])
    chosen, _ = make_settings(["--no-config", *selection, path])
    wanted = [d for d in check_data(path, data, full) if d.code in chosen.selection_for(path)]
    assert check_data(path, data, chosen) == wanted


def test_spam_only_selection_positive_and_near_miss(tmp_path: Path) -> None:
    path = str(tmp_path / "spam.md")
    spam_only, _ = make_settings(["--no-config", "--select", "HL3", path])
    codes = {d.code for d in check_data(path, SPAM_AND_LETTERS.encode(), spam_only)}
    assert codes and all(c.startswith("HL3") for c in codes)
    with_letters, _ = make_settings(["--no-config", "--select", "HL3,HL101", path])
    assert "HL101" in {d.code for d in check_data(path, SPAM_AND_LETTERS.encode(), with_letters)}
