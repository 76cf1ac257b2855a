"""Hostile shapes for the context the invisible rules read (page breaks, control tables,
mojibake, word breaks, translator embeddings, strings and shell commands): each answer is found
once per line, so a line of 200,000 suspects finishes (a hang guard, not a speed assertion).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}
N = 200_000

HOSTILE = {
    "form-feeds-after-a-letter.txt": "a" + "\f" * N + "\n",
    "control-runs-outside-brackets.py": 'x = "' + "\x01\x02\x03a" * (N // 4) + '"\n',
    "one-long-control-class.py": 'x = "[' + "\x01\x02\x03\x04\x05\x06" * (N // 6) + ']"\n',
    "mojibake-continuations.txt": "\xc3" + "\x80" * N + "\n",
    "zwsp-in-latin-words-on-a-khmer-line.md": "\u1780 " + "ab\u200b" * (N // 3) + "\n",
    "zwsp-run.md": "\u1780 " + "\u200b" * N + "\n",
    "locale/ckb/nested-embeddings.po": 'msgstr "' + "\u202b" * N + "\u0628" + "\u202c" * N + '"\n',
    "locale/ckb/many-pairs.po": 'msgstr "' + "\u202b\u0628\u202c" * (N // 3) + '"\n',
    "locale/ar/marks-in-strings.py": "x = " + '"\u200f" + ' * (N // 6) + '""\n',
    "spaces-between-strings.js": "x = " + "'a' \xa0" * (N // 5) + "\n",
    "spaces-in-comments-of-no-python.py": "  bad\n" + "x = 'a' # \xa0" * (N // 10) + "\n",
    "many-fences.md": "```sh\n\xa0x\n```\n" * (N // 10),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_context_shapes_finish(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HOSTILE[name], encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "hooklint", "--no-config", "-qq", name],
        cwd=tmp_path,
        capture_output=True,
        env=ENV,
        timeout=240,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
