"""HL202 and the zero width space, through the real CLI.

Thai, Lao, Khmer, Myanmar and Tibetan are written without spaces, and their writers mark word
boundaries with ZWSP: beside their letters, and beside a space or a punctuation mark on their
lines, it passes. Chinese and Japanese need none (a line breaks between any two characters): a
ZWSP between two ideographs splits a word, and a search for it, invisibly.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import positions

ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}
ZW = "\u200b"

# Each file: one line, and the columns of the CLI's HL202 findings on it.
FILES: dict[str, tuple[str, list[int]]] = {
    "zh.md": (f"代码要灵{ZW}活\n", [5]),
    "ja.md": (f"日本{ZW}語のテキ{ZW}スト\n", [3, 8]),
    "zh-beside-a-space.md": (f"灵活 {ZW}的\n", [4]),
    "th.md": (f"ภาษา{ZW}ไทย\n", []),
    "lo.md": (f"ພາສາ{ZW}ລາວ\n", []),
    "km.md": (f"ភាសា{ZW}ខ្មែរ\n", []),
    "my.md": (f"မြန်မာ{ZW}စာ\n", []),
    "bo.md": (f"བོད{ZW}ཡིག\n", []),
    # On a Khmer line: beside a space, a bracket, after Latin before a space, and a run.
    "km-boundaries.md": (f"ពាក្យ{ZW}{ZW}{ZW}\xa0ទៀត (domain name{ZW}) True{ZW} ពាក្យ\n", []),
    # On a Khmer line, but inside a Latin word: it splits the word.
    "km-latin-word.md": (f"ពាក្យ Goal{ZW}Kicker\n", [11]),
    "en.md": (f"the word{ZW} and a{ZW}word\n", [9, 16]),
}


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[int]]:
    directory = tmp_path_factory.mktemp("zwsp")
    found = positions(directory, {name: text for name, (text, _) in FILES.items()}, "HL202")
    return {name: [col for _, col in at] for name, at in found.items()}


@pytest.mark.parametrize("name", list(FILES))
def test_zero_width_space_passes_only_where_its_script_needs_it(
    reported: dict[str, list[int]], name: str
) -> None:
    assert reported[name] == FILES[name][1]


def test_message_names_the_split(tmp_path: Path) -> None:
    (tmp_path / "zh.md").write_text(f"灵{ZW}活\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "hooklint", "zh.md"],
        cwd=tmp_path,
        env=ENV,
        capture_output=True,
        check=False,
    )
    assert proc.stdout.decode("utf-8") == (
        "zh.md:1:2: HL202 U+200B ZERO WIDTH SPACE is invisible and splits the text where no "
        "break shows\n"
    )
    assert proc.returncode == 1
