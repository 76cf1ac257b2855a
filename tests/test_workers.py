"""When worker processes start: ``--jobs N`` always may, the default only on idle cores."""

from __future__ import annotations

import os
import time
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
@pytest.mark.parametrize(
    ("loads", "argv", "started", "looks"),
    [
        # Only this process runs: a worker on the other core, at the first look.
        pytest.param((1,), (), [1], 1, id="an idle core"),
        # This process and another on the two cores: no worker, though it looks at each file
        # from the second on, where the text becomes worth one (seven), and again after
        # reading at each file while two or more are left (seven).
        pytest.param((2,), (), [], 14, id="every core busy"),
        # Busy while reading and at the first file after it; free at the second.
        pytest.param((2,) * 8 + (1,), (), [1], 9, id="a core free late"),
        pytest.param((2,), ("--jobs", "3"), [2], 0, id="jobs given"),
        # No /proc/loadavg: as before, a worker on every other core.
        pytest.param((None,), (), [1], 1, id="load unknown"),
        pytest.param((1,), ("--jobs", "1"), [], 0, id="one job"),
    ],
)
def test_when_workers_start(
    sources: list[tuple[str, bytes | None]],
    monkeypatch: pytest.MonkeyPatch,
    loads: tuple[int | None, ...],
    argv: tuple[str, ...],
    started: list[int],
    looks: int,
) -> None:
    serial = _serial(sources)
    machine = _Machine(monkeypatch, *loads)
    assert check_sources(sources, _settings(*argv)) == serial
    assert machine.started == started
    assert machine.looks == looks


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


@pytest.mark.parametrize("hold", [1, 10**9])
def test_files_held_for_a_worker_stay_within_the_hold_limit(
    sources: list[tuple[str, bytes | None]], monkeypatch: pytest.MonkeyPatch, hold: int
) -> None:
    serial = _serial(sources)
    _Machine(monkeypatch, 2)  # every core busy: no worker starts
    monkeypatch.setattr(run, "_HOLD_BYTES", hold)
    events: list[tuple[str, str]] = []  # ("read" | "check", path), in order
    read_file, check_data = run.read_file, run.check_data

    def reading(path: str) -> bytes | Diagnostic:
        events.append(("read", path))
        return read_file(path)

    def checking(path: str, data: bytes, settings: Settings, **kw: bool | None) -> list[Diagnostic]:
        events.append(("check", path))
        return check_data(path, data, settings, **kw)

    monkeypatch.setattr(run, "read_file", reading)
    monkeypatch.setattr(run, "check_data", checking)
    assert check_sources(sources, _settings()) == serial
    last_read = max(i for i, (what, _) in enumerate(events) if what == "read")
    checked_while_reading = [p for what, p in events[:last_read] if what == "check"]
    if hold == 1:  # each file is checked as soon as it is read: none is held
        assert checked_while_reading == [path for path, _ in sources[:-1]]
    else:  # every file held until all are read, for a core that might come free
        assert checked_while_reading == []


def test_ascii_prose_waits_for_a_worker_and_ascii_source_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ASCII prose is read whole by the spam prefilter, and costs what non-ASCII text does;
    # ASCII source costs less than its reading. With every core busy and no limit on what is
    # held, the prose is checked after the last file is read, the source as soon as it is read.
    files: list[tuple[str, bytes | None]] = []
    for name, text in [
        ("a.py", "x = 1\n"),
        ("b.md", "See [the guide](https://example.org/guide) first.\n"),
        ("c.py", "y = 2\n"),
        ("d.txt", "Plain notes.\n"),
    ]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        files.append((str(tmp_path / name), None))
    _Machine(monkeypatch, 2)
    monkeypatch.setattr(run, "_HOLD_BYTES", 10**9)
    order: list[str] = []
    check_data = run.check_data

    def checking(path: str, data: bytes, settings: Settings, **kw: bool | None) -> list[Diagnostic]:
        order.append(Path(path).name)
        return check_data(path, data, settings, **kw)

    monkeypatch.setattr(run, "check_data", checking)
    assert check_sources(files, _settings()) == check_sources(files, _settings("--jobs", "1"))
    assert order[:4] == ["a.py", "c.py", "b.md", "d.txt"]
    # Without the spam rules, prose in ASCII is cheap too: nothing waits.
    order.clear()
    check_sources(files, _settings("--select", "HL1,HL2"))
    assert order == ["a.py", "b.md", "c.py", "d.txt"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked here")
@pytest.mark.parametrize("batches", [1, 2, 512])
def test_workers_share_the_files_left_in_batches(
    sources: list[tuple[str, bytes | None]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    batches: int,
) -> None:
    # The worker starts at the second file; the six not read yet, a vanished one among them,
    # and one given as bytes (standard input) are shared in as many batches as allowed.
    vanished = tmp_path / "gone.md"
    given = ("-", b"The Ank\xd0\xb0ra office, from standard input\n")
    mixed = [*sources[:4], (str(vanished), None), given, *sources[4:]]
    serial = check_sources(mixed, _settings("--jobs", "1"))
    assert [d.code for d in serial].count("HL001") == 1
    machine = _Machine(monkeypatch, 1)
    monkeypatch.setattr(run, "_MAX_BATCHES", batches)
    assert check_sources(mixed, _settings()) == serial
    assert machine.started == [1]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked here")
def test_no_process_to_fork_means_fewer_workers(
    sources: list[tuple[str, bytes | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = _serial(sources)
    asked: list[int] = []

    def refuse() -> int:
        asked.append(1)
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    assert check_sources(sources, _settings("--jobs", "3")) == serial
    assert asked == [1]  # the first refusal: no second worker is tried


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked here")
def test_workers_and_this_process_check_each_file_once(
    sources: list[tuple[str, bytes | None]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every process writes down the files it checks, and this one takes its time over each:
    # the workers take the rest. Each file is checked once, and the findings of the workers'
    # files are in the report as this process would have made them.
    serial = _serial(sources)
    log = tmp_path / "checked"
    here = os.getpid()
    check_read = run._check_read

    def logged(path: str, data: bytes | Diagnostic, options: Settings) -> list[Diagnostic]:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid() == here} {path}\n")
        if os.getpid() == here:
            time.sleep(0.05)
        return check_read(path, data, options)

    monkeypatch.setattr(run, "_check_read", logged)
    assert check_sources(sources, _settings("--jobs", "3")) == serial
    checked = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(path for _, path in checked) == sorted(path for path, _ in sources)
    assert {here for here, _ in checked} == {"True", "False"}  # both took files


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked here")
def test_a_failing_run_leaves_no_worker_behind(
    sources: list[tuple[str, bytes | None]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This process fails on its first file of the shared ones while the workers are a second
    # into theirs: the error comes out at once, the workers are stopped before they finish a
    # file, and none is left running or unreaped.
    here = os.getpid()
    log = tmp_path / "finished"
    check_read = run._check_read

    def failing(path: str, data: bytes | Diagnostic, options: Settings) -> list[Diagnostic]:
        if os.getpid() == here:
            raise RuntimeError("this process fails")
        time.sleep(1.0)
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{path}\n")
        return check_read(path, data, options)

    monkeypatch.setattr(run, "_check_read", failing)
    with pytest.raises(RuntimeError, match="this process fails"):
        check_sources(sources, _settings("--jobs", "3"))
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child at all: each was stopped and reaped
    assert not log.exists()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the workers are forked here")
def test_progress_goes_on_while_the_files_are_shared(
    sources: list[tuple[str, bytes | None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worker starts at the second file; the files left are shared, and this process says
    # how many are read after each of its batches: counting on from the two read before the
    # worker started, up to all of them.
    here = os.getpid()
    check_read = run._check_read

    def slow_here(path: str, data: bytes | Diagnostic, options: Settings) -> list[Diagnostic]:
        if os.getpid() == here:
            time.sleep(0.02)
        return check_read(path, data, options)

    monkeypatch.setattr(run, "_check_read", slow_here)
    _Machine(monkeypatch, 1)
    told: list[int] = []
    check_sources(sources, _settings(), told.append)
    assert told[:2] == [1, 2]  # read one by one until the worker starts
    shared = told[2:-1]
    assert shared, "no progress while the files were shared"
    assert shared == sorted(shared) and all(2 <= n <= len(sources) for n in shared)
    assert told[-1] == len(sources)
