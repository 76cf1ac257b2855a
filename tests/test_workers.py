"""When worker processes start: ``--jobs N`` always may, the default only on idle cores."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from hooklint import run
from hooklint.diagnostic import Diagnostic
from hooklint.run import check_sources
from hooklint.settings import Settings, make_settings

# Over 256 KiB of non-ASCII bytes in all: enough for workers to pay.
RUSSIAN = ("Москва — столица России, а Санкт-Петербург стоит на Неве. " * 20 + "\n") * 100


@pytest.mark.parametrize(
    ("text", "running"),
    [
        ("0.52 0.58 0.59 3/345 6789\n", 3),
        ("1.00 0.90 0.80 1/12 4\n", 1),
        ("", None),  # empty
        ("0.52 0.58 0.59\n", None),  # too few fields
        ("0.52 0.58 0.59 many/345 6789\n", None),  # not a number
        ("\x00\xff garbage", None),
    ],
)
def test_the_running_count_is_read_from_loadavg(
    tmp_path: Path, text: str, running: int | None
) -> None:
    loadavg = tmp_path / "loadavg"
    loadavg.write_bytes(text.encode("latin-1"))
    assert run._running(str(loadavg)) == running


def test_no_loadavg_means_the_load_cannot_be_told(tmp_path: Path) -> None:
    assert run._running(str(tmp_path / "missing")) is None


@pytest.mark.skipif(not os.path.exists("/proc/loadavg"), reason="Linux only")
def test_this_process_is_running_while_it_asks() -> None:
    running = run._running()
    assert running is not None and running >= 1


def _settings(*argv: str) -> Settings:
    return make_settings(["--no-config", *argv])[0]


@pytest.fixture
def sources(tmp_path: Path) -> list[tuple[str, bytes | None]]:
    found: list[tuple[str, bytes | None]] = []
    for i in range(8):
        path = tmp_path / f"r{i}.md"
        path.write_text(RUSSIAN + f"The Ankаra office {i}\n", encoding="utf-8")
        found.append((str(path), None))
    return found


class _Machine:
    """Two cores, and a load that the test sets: the processes running at each look."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *loads: int | None) -> None:
        self.loads = list(loads)
        self.looks = 0
        self.started: list[int] = []  # the worker count of each pool started
        monkeypatch.setattr(os, "cpu_count", lambda: 2)
        monkeypatch.setattr(run, "_running", self.running)
        monkeypatch.setattr(run._Cores, "every", 0.0)
        machine = self

        class Counted(run._Workers):
            def __init__(self, settings: Settings, count: int) -> None:
                machine.started.append(count)
                super().__init__(settings, count)

        monkeypatch.setattr(run, "_Workers", Counted)

    def running(self, loadavg: str = "") -> int | None:
        self.looks += 1
        return self.loads[min(self.looks, len(self.loads)) - 1]


def _serial(sources: list[tuple[str, bytes | None]]) -> list[Diagnostic]:
    serial = check_sources(sources, _settings("--jobs", "1"))
    assert [d.code for d in serial] == ["HL101"] * len(sources)
    return serial


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked here")
def test_an_idle_core_gets_a_worker(
    sources: list[tuple[str, bytes | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _serial(sources)
    machine = _Machine(monkeypatch, 1)  # only this process runs
    switch = sys.getswitchinterval()
    assert check_sources(sources, _settings()) == serial
    assert machine.started == [1]
    assert sys.getswitchinterval() == switch  # quicker switches only while the workers run


def test_no_worker_while_every_core_is_busy(
    sources: list[tuple[str, bytes | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _serial(sources)
    machine = _Machine(monkeypatch, 2)  # this process and another on the two cores
    assert check_sources(sources, _settings()) == serial
    assert machine.started == []
    assert machine.looks > 1  # it looked again after the first busy answer


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked here")
def test_a_core_that_comes_free_late_still_gets_a_worker(
    sources: list[tuple[str, bytes | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _serial(sources)
    # Busy while the files are read (a look at each file from the second on, where the text
    # becomes worth a worker: seven looks) and at the first file after reading; then free.
    machine = _Machine(monkeypatch, *[2] * 8, 1)
    assert check_sources(sources, _settings()) == serial
    assert machine.started == [1]
    assert machine.looks == 9


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked here")
def test_jobs_given_start_workers_whatever_the_load(
    sources: list[tuple[str, bytes | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _serial(sources)
    machine = _Machine(monkeypatch, 2)
    assert check_sources(sources, _settings("--jobs", "3")) == serial
    assert machine.started == [2]
    assert machine.looks == 0


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked here")
def test_an_unknown_load_is_taken_as_idle(
    sources: list[tuple[str, bytes | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _serial(sources)
    machine = _Machine(monkeypatch, None)  # no /proc/loadavg: as before, one worker a spare core
    assert check_sources(sources, _settings()) == serial
    assert machine.started == [1]


def test_one_job_neither_starts_workers_nor_looks_at_the_load(
    sources: list[tuple[str, bytes | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _serial(sources)
    machine = _Machine(monkeypatch, 1)
    assert check_sources(sources, _settings("--jobs", "1")) == serial
    assert machine.started == []
    assert machine.looks == 0


def test_too_little_non_ascii_text_starts_no_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small: list[tuple[str, bytes | None]] = []
    for i in range(8):
        path = tmp_path / f"s{i}.md"
        path.write_text("Москва — столица России.\nThe Ankаra office\n", encoding="utf-8")
        small.append((str(path), None))
    serial = _serial(small)
    machine = _Machine(monkeypatch, 1)
    assert check_sources(small, _settings("--jobs", "2")) == serial
    assert machine.started == []
