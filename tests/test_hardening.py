"""Hostile input: nothing raises, nothing hangs, nothing dangerous is printed, no network."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hooklint.check import check_text
from hooklint.diagnostic import Diagnostic
from hooklint.formats import FORMATS, render
from hooklint.rules.confusables import WORD
from hooklint.run import check_data, check_sources
from hooklint.settings import Settings, make_settings
from hooklint.source import LINE_END
from hooklint.unicode.chars import LOOKALIKES

ENV = {**os.environ, "PYTHONUTF8": "1"}
SETTINGS, _ = make_settings(["--no-config"])
# Every character that must never reach a terminal raw.
DANGEROUS = frozenset(
    [chr(c) for c in range(0x20) if c not in (0x09, 0x0A)]  # tab and newline are layout
    + [chr(c) for c in range(0x7F, 0xA0)]
    + [chr(c) for c in range(0x200B, 0x2010)]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u2028", "\u2029", "\ufeff"]
    + [chr(c) for c in range(0xE0000, 0xE0080)]
)

# Text that is likely to trigger the rules: ASCII words, lookalikes, invisible characters.
_PLAIN = ["word", " ", "\n", "\r\n", "\r", "1", "Москва", "α", "👩\u200d💻", "\t", "[", "<a"]
_PIECES = st.sampled_from([*_PLAIN, "http://", *sorted(LOOKALIKES)[:200], *sorted(DANGEROUS)[:60]])
hostile_text = st.lists(_PIECES, max_size=60).map("".join) | st.text(max_size=200)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_any_text_never_raises_and_columns_lie_on_their_line(text: str) -> None:
    lines = LINE_END.split(text)
    for finding in check_text(text, code=True):
        assert 1 <= finding.line <= len(lines)
        assert 1 <= finding.col <= len(lines[finding.line - 1]) + 1
        assert not (set(finding.message) & DANGEROUS)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["a.md", "a.py", "a.txt", "a.js", "a.rst"]))
def test_any_bytes_never_raise(data: bytes, name: str) -> None:
    for d in check_data(name, data, SETTINGS):
        assert d.path == name and d.line >= 1 and d.col >= 1


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=30), st.text(max_size=60)), max_size=5))
def test_json_and_sarif_always_parse(items: list[tuple[str, str]]) -> None:
    found = [Diagnostic(p, 1, 1, "HL101", m, None) for p, m in items]
    for fmt in ("json", "sarif"):
        json.loads(render(found, fmt))


def test_no_format_prints_a_dangerous_character(tmp_path: Path) -> None:
    # Every dangerous character, in a file name and in the file.
    line = "x " + "".join(sorted(DANGEROUS)) + " y"
    name = "f\x1b[31m\u202e.md"
    (tmp_path / name).write_text(line + "\n", encoding="utf-8", newline="\n")
    for fmt in FORMATS:
        for extra in ([], ["--show-source"], ["--statistics"]):
            result = subprocess.run(
                [sys.executable, "-m", "hooklint", "--no-config", "--format", fmt, *extra, name],
                cwd=tmp_path,
                capture_output=True,
                env=ENV,
                check=False,
            )
            out = result.stdout.decode("utf-8") + result.stderr.decode("utf-8")
            assert result.returncode == 1, (fmt, extra, out)
            assert not (set(out) & DANGEROUS), (fmt, extra)


HOSTILE = {
    "20mb-line": ("Ankara мир " * 1_900_000)[:20_000_000],
    "million-short-lines": "x = 1  # мир\n" * 1_000_000,
    "unclosed-brackets": "[" * 100_000 + "\n" + "<a " * 100_000,
    "many-labels": "https://" + "a." * 100_000 + "com/\n",
    "template-openers": "If you adored this short article " * 20_000,
    "long-ascii-word-with-lookalike": "a" * 5_000_000 + "а",
    "long-ascii-word-after-a-lookalike": "é а " + "a" * 5_000_000 + "\n",
    "bidi-storm": "\u202e\u2066" * 200_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_shapes_finish(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.md"
    path.write_text(HOSTILE[name], encoding="utf-8")
    # A generous hang guard, not a speed assertion: the benchmark measures the time.
    result = subprocess.run(
        [sys.executable, "-m", "hooklint", "--no-config", "-qq", str(path)],
        capture_output=True,
        env=ENV,
        timeout=240,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]


def test_word_search_is_linear_on_one_huge_word() -> None:
    assert [len(w) for w in WORD.findall("a" * 1_000_000 + " б")] == [1_000_000, 1]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


def test_no_network_on_a_whole_run(no_network: None, tmp_path: Path) -> None:
    readme = (
        "# Project\n[![ci](https://img.shields.io/badge/ci-passing-green)](https://ci.example.org)\n"
        "See [bit.ly/x](https://bit.ly/abc) and https://xn--pple-43d.com and "
        "[www.example.com](https://evil.example.net/).\nThe office in Ankаra.\n"
    )
    (tmp_path / "README.md").write_text(readme, encoding="utf-8")
    found = check_sources([(str(tmp_path / "README.md"), None)], SETTINGS)
    assert any(d.code == "HL101" for d in found)


def test_thousands_of_files_and_vanished_ones(tmp_path: Path) -> None:
    sources: list[tuple[str, bytes | None]] = []
    for i in range(3000):
        path = tmp_path / f"f{i}.md"
        path.write_text("fine\n" if i % 100 else "Ankаra\n", encoding="utf-8")
        sources.append((str(path), None))
    for i in range(0, 3000, 500):
        os.unlink(tmp_path / f"f{i + 1}.md")  # vanished between listing and reading
    found = check_sources(sources, SETTINGS)
    assert sum(d.code == "HL101" for d in found) == 30
    assert sum(d.code == "HL001" for d in found) == 6


def _worker_dies(
    items: list[tuple[str, bytes | Diagnostic]], options: Settings
) -> list[list[Diagnostic]]:
    Path(os.environ["HOOKLINT_TEST_WORKER_RAN"]).touch()  # proof that a worker got files
    os._exit(3)  # as a worker killed by the system would end


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked here")
def test_a_worker_that_dies_costs_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Enough non-ASCII text (over 256 KiB of non-ASCII bytes) for --jobs 2 to start workers.
    russian = ("Москва — столица России, а Санкт-Петербург стоит на Неве. " * 20 + "\n") * 100
    sources: list[tuple[str, bytes | None]] = []
    for i in range(8):
        path = tmp_path / f"r{i}.md"
        path.write_text(russian + f"The Ankаra office {i}\n", encoding="utf-8")
        sources.append((str(path), None))
    serial = check_sources(sources, make_settings(["--no-config", "--jobs", "1"])[0])
    assert [d.path for d in serial] == [path for path, _ in sources]  # one HL101 a file
    monkeypatch.setattr("hooklint.run._check_items", _worker_dies)
    monkeypatch.setenv("HOOKLINT_TEST_WORKER_RAN", str(tmp_path / "worker-ran"))
    parallel = check_sources(sources, make_settings(["--no-config", "--jobs", "2"])[0])
    assert parallel == serial
    assert (tmp_path / "worker-ran").exists()
