"""Tests for the command line, run through the real program (``python -m hooklint``).

Each test writes its inputs under a temporary directory, runs hooklint there with relative paths
and compares what it prints. Runs that several tests read are made once per module.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import pytest

import hooklint

# hooklint writes UTF-8; fix the child's I/O encoding so the comparison does not depend on the
# locale of the machine running the tests.
ENV = {**os.environ, "PYTHONUTF8": "1"}


class Run(NamedTuple):
    returncode: int
    stdout: str
    stderr: str


def _command(args: tuple[str | bytes, ...]) -> list[str | bytes]:
    return [sys.executable, "-m", "hooklint", *args]


def _result(returncode: int, stdout: bytes, stderr: bytes) -> Run:
    # Decoding strictly makes output that is not valid UTF-8 fail the test.
    return Run(returncode, stdout.decode("utf-8"), stderr.decode("utf-8"))


def run_hooklint(cwd: Path, *args: str | bytes) -> Run:
    """Run ``python -m hooklint ARGS`` in ``cwd``."""
    proc = subprocess.run(_command(args), cwd=cwd, env=ENV, capture_output=True, check=False)
    return _result(proc.returncode, proc.stdout, proc.stderr)


def run_many(cwd: Path, argsets: Sequence[tuple[str, ...]]) -> list[Run]:
    """Several ``run_hooklint`` at once (the runs are independent, and the machine has cores)."""
    procs = [
        subprocess.Popen(
            _command(args), cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for args in argsets
    ]
    results = []
    for proc in procs:
        stdout, stderr = proc.communicate()
        results.append(_result(proc.returncode, stdout, stderr))
    return results


def col_of(line: str, char: str) -> int:
    """1-based column, in code points, of the first ``char`` in ``line``."""
    return line.index(char) + 1


# The messages of the findings used below.
CYRILLIC_A = "HL101 'а' U+0430 CYRILLIC SMALL LETTER A in Latin word 'Ankаra' looks like 'a'"
LATIN_ALPHA = "HL102 'ɑ' U+0251 LATIN SMALL LETTER ALPHA in word 'ɑnd' looks like 'a'"
RLO_OPEN = (
    "HL201 U+202E RIGHT-TO-LEFT OVERRIDE bidirectional control is never closed on this line, "
    "so the rest of the line is displayed reordered"
)
ZWSP = "HL202 U+200B ZERO WIDTH SPACE is invisible and splits the text where no break shows"
BEL = "HL204 U+0007 <control> control character '\\x07' in text"
NBSP_IN_CODE = "HL107 U+00A0 NO-BREAK SPACE in code looks like a plain space but is not one"
NOT_FOUND = "HL001 cannot read the file: No such file or directory"


# ------------------------------------------------------------------------------ clean files

CLEAN_FILES = {
    "ascii.md": "# Title\n\nPlain ASCII prose, with a tab\tand numbers 1, 2, 3.\n",
    "typography.md": "“Quoted” – and — an ellipsis… 3 × 4 « guillemets » 20 °C, 5 µm.\n",
    "russian.md": "Москва — столица России, и в ней живут люди.\n",
    "persian.md": "من می\u200cخواهم بروم.\n",
    "emoji.md": "Developer 👩\u200d💻 and flag 🏳\ufe0f\u200d🌈 and heart ❤\ufe0f.\n",
    "crlf.md": "first line\r\nsecond line\r\n",
    "empty.md": "",
}


def test_clean_files_exit_0_and_print_nothing(tmp_path: Path) -> None:
    for name, text in CLEAN_FILES.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    result = run_hooklint(tmp_path, *CLEAN_FILES)
    assert result == Run(0, "", "")


# ------------------------------------------------------------- one run, several files, sorted

# b.md has findings on lines 2 and 10, and on line 2 at a one-digit and a two-digit column: they
# must sort as numbers, not as strings (where "10" < "2").
B_LINE_2 = "a\x07 and so\u200bon"
B_LINE_10 = "see \u202eevil"
B_MD = "# Notes\n" + B_LINE_2 + "\n" + "ok\n" * 7 + B_LINE_10 + "\n"
A_LINE_1 = "Welcome to Ankаra."
# A Cyrillic letter after an astral emoji, an emoji ZWJ sequence, a tab, CJK and kana: every code
# point is one column, whatever its UTF-8 or UTF-16 length or display width.
C_LINE_3 = "😀👩\u200d💻\t漢字かな Ankаra"
C_MD = "first\nsecond\n" + C_LINE_3 + "\n"

# The missing file comes early both in this order and in sorted order: files after it are checked.
GIVEN = ("b.md", "0-missing.md", "sub", "clean.md", "./sub/c.md", "a.md")
EXPECTED = [
    f"./sub/c.md:3:{col_of(C_LINE_3, 'а')}: {CYRILLIC_A}",
    f"0-missing.md:1:1: {NOT_FOUND}",
    f"a.md:1:{col_of(A_LINE_1, 'а')}: {CYRILLIC_A}",
    f"b.md:2:{col_of(B_LINE_2, chr(7))}: {BEL}",
    f"b.md:2:{col_of(B_LINE_2, chr(0x200B))}: {ZWSP}",
    f"b.md:10:{col_of(B_LINE_10, chr(0x202E))}: {RLO_OPEN}",
]


@pytest.fixture(scope="module")
def several_files(tmp_path_factory: pytest.TempPathFactory) -> Run:
    root = tmp_path_factory.mktemp("several")
    (root / "sub").mkdir()
    (root / "a.md").write_text(A_LINE_1 + "\n", encoding="utf-8")
    (root / "b.md").write_text(B_MD, encoding="utf-8", newline="")
    (root / "sub" / "c.md").write_text(C_MD, encoding="utf-8")
    (root / "clean.md").write_text(CLEAN_FILES["typography.md"], encoding="utf-8")
    return run_hooklint(root, *GIVEN)


def test_findings_exit_1_with_exact_lines(several_files: Run) -> None:
    assert several_files.returncode == 1
    assert several_files.stdout.splitlines() == EXPECTED
    assert several_files.stdout.endswith("\n")
    assert several_files.stderr == ""


def test_output_is_sorted_by_path_then_line_then_column_as_numbers(several_files: Run) -> None:
    keys = []
    for line in several_files.stdout.splitlines():
        path, lineno, col, _ = line.split(":", 3)
        keys.append((path, int(lineno), int(col)))
    assert keys == sorted(keys)
    # the cases where sorting numbers as strings would give another order
    bel = ("b.md", 2, col_of(B_LINE_2, "\x07"))
    zwsp = ("b.md", 2, col_of(B_LINE_2, "\u200b"))
    rlo = ("b.md", 10, col_of(B_LINE_10, "\u202e"))
    assert bel[2] < 10 <= zwsp[2]
    assert keys.index(bel) < keys.index(zwsp) < keys.index(rlo)


def test_path_is_printed_as_given(several_files: Run) -> None:
    paths = {line.split(":", 1)[0] for line in several_files.stdout.splitlines()}
    assert paths == {"./sub/c.md", "0-missing.md", "a.md", "b.md"}


def test_column_counts_code_points_after_emoji_and_cjk(several_files: Run) -> None:
    before = C_LINE_3[: C_LINE_3.index("а")]
    col = len(before) + 1
    # the line is built so that other ways of counting give other columns
    assert col != len(before.encode("utf-8")) + 1
    assert col != len(before.encode("utf-16-le")) // 2 + 1
    assert f"./sub/c.md:3:{col}: {CYRILLIC_A}" in several_files.stdout.splitlines()


def test_missing_file_is_reported_and_the_other_files_are_checked(several_files: Run) -> None:
    lines = several_files.stdout.splitlines()
    assert f"0-missing.md:1:1: {NOT_FOUND}" in lines
    # files after the missing one, in the order given and in sorted order, are still checked
    assert any(line.startswith("a.md:") for line in lines)
    assert any(line.startswith("b.md:") for line in lines)
    assert any(line.startswith("./sub/c.md:") for line in lines)


def test_directory_is_walked_and_a_file_named_twice_is_checked_once(several_files: Run) -> None:
    # "sub" is walked and finds sub/c.md, which "./sub/c.md" also names: one report, one spelling.
    assert [line for line in several_files.stdout.splitlines() if "c.md" in line] == [EXPECTED[0]]


def test_missing_file_beside_a_clean_one_exits_1(tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text("fine\n", encoding="utf-8")
    assert run_hooklint(tmp_path, "clean.md", "gone.md") == Run(
        1, f"gone.md:1:1: {NOT_FOUND}\n", ""
    )


def test_missing_file_is_silent_when_hl001_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text("fine\n", encoding="utf-8")
    assert run_hooklint(tmp_path, "--ignore", "HL001", "clean.md", "gone.md") == Run(0, "", "")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_reported_not_waited_on(tmp_path: Path) -> None:
    # Nothing ever writes to the FIFO: a reader that waits for one would hang (the timeout).
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "open.md").write_text(A_LINE_1 + "\n", encoding="utf-8")
    proc = subprocess.run(
        _command(("pipe.md", "open.md")), cwd=tmp_path, env=ENV, capture_output=True, timeout=60
    )
    assert _result(proc.returncode, proc.stdout, proc.stderr) == Run(
        1,
        f"open.md:1:{col_of(A_LINE_1, 'а')}: {CYRILLIC_A}\n"
        "pipe.md:1:1: HL001 cannot read the file: not a regular file\n",
        "",
    )


def test_unreadable_file_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    if sys.platform == "win32" or os.geteuid() == 0:
        pytest.skip("root (and Windows) can read a file whatever its mode")
    locked = tmp_path / "locked.md"
    locked.write_text("text\n", encoding="utf-8")
    (tmp_path / "open.md").write_text(A_LINE_1 + "\n", encoding="utf-8")
    locked.chmod(0)
    try:
        result = run_hooklint(tmp_path, "locked.md", "open.md")
    finally:
        locked.chmod(0o600)
    assert result == Run(
        1,
        "locked.md:1:1: HL001 cannot read the file: Permission denied\n"
        f"open.md:1:{col_of(A_LINE_1, 'а')}: {CYRILLIC_A}\n",
        "",
    )


# ------------------------------------------------------------------ --select / --ignore

SEL_LINES = (
    "Visit Ankаra today.",
    "The cat ɑnd the dog.",
    "see \u202eevil",
    "user\u200bname",
    "ring\x07bell",
)
SEL_CHARS = ("а", "ɑ", "\u202e", "\u200b", "\x07")
SEL_MESSAGES = (CYRILLIC_A, LATIN_ALPHA, RLO_OPEN, ZWSP, BEL)
SEL_FINDINGS = {
    message.split()[0]: f"sel.md:{n}:{col_of(line, char)}: {message}"
    for n, (line, char, message) in enumerate(
        zip(SEL_LINES, SEL_CHARS, SEL_MESSAGES, strict=True), 1
    )
}

# (id, options, the codes reported on sel.md)
SELECT_CASES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("default-all", (), ("HL101", "HL102", "HL201", "HL202", "HL204")),
    ("select-code", ("--select", "HL101"), ("HL101",)),
    ("select-prefix", ("--select", "HL1"), ("HL101", "HL102")),
    ("select-lowercase-comma-list", ("--select", "hl101,HL204"), ("HL101", "HL204")),
    ("ignore-prefix", ("--ignore", "HL2"), ("HL101", "HL102")),
    ("select-prefix-ignore-code", ("--select", "HL2", "--ignore", "HL202"), ("HL201", "HL204")),
    ("longer-select-beats-shorter-ignore", ("--ignore", "HL2", "--select", "HL201"), ("HL201",)),
    ("extend-select", ("--select", "HL101", "--extend-select", "HL201"), ("HL101", "HL201")),
    ("ignore-everything", ("--ignore", "HL"), ()),
)
# (id, options): each names a code that does not exist
UNKNOWN_CASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("select-unknown-in-list", ("--select", "HL101,XY1")),
    ("ignore-unknown-prefix", ("--ignore", "HL9")),
    ("extend-select-foreign-code", ("--extend-select", "E501")),
)


@pytest.fixture(scope="module")
def sel_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("select")
    (root / "sel.md").write_text("".join(line + "\n" for line in SEL_LINES), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def option_runs(sel_dir: Path) -> dict[str, Run]:
    """Every run of SELECT_CASES and UNKNOWN_CASES on sel.md, by case id."""
    cases = [(case_id, args) for case_id, args, _ in SELECT_CASES] + list(UNKNOWN_CASES)
    runs = run_many(sel_dir, [(*args, "sel.md") for _, args in cases])
    return {case_id: run for (case_id, _), run in zip(cases, runs, strict=True)}


@pytest.mark.parametrize(
    ("case_id", "codes"),
    [(case_id, codes) for case_id, _, codes in SELECT_CASES],
    ids=[case_id for case_id, _, _ in SELECT_CASES],
)
def test_select_and_ignore(
    option_runs: dict[str, Run], case_id: str, codes: tuple[str, ...]
) -> None:
    expected = "".join(SEL_FINDINGS[code] + "\n" for code in codes)
    assert option_runs[case_id] == Run(1 if codes else 0, expected, "")


@pytest.mark.parametrize(
    ("case_id", "args"), UNKNOWN_CASES, ids=[case_id for case_id, _ in UNKNOWN_CASES]
)
def test_unknown_code_is_a_usage_error(
    option_runs: dict[str, Run], case_id: str, args: tuple[str, ...]
) -> None:
    result = option_runs[case_id]
    assert result.returncode == 2
    assert result.stdout == ""
    unknown = args[1].split(",")[-1]
    assert f"unknown rule code or prefix: '{unknown}'" in result.stderr


# --------------------------------------------------------------- code files (HL107) by suffix


def test_unusual_space_is_a_finding_in_code_files_only(tmp_path: Path) -> None:
    line = "x =\xa01"
    names = ("settings.py", "settings.toml", "settings.md", "settings.txt")
    for name in names:
        (tmp_path / name).write_text(line + "\n", encoding="utf-8")
    result = run_hooklint(tmp_path, *names)
    nbsp = col_of(line, "\xa0")
    assert result == Run(
        1, f"settings.py:1:{nbsp}: {NBSP_IN_CODE}\nsettings.toml:1:{nbsp}: {NBSP_IN_CODE}\n", ""
    )


# ----------------------------------------------------------------- --explain and --version


@pytest.mark.parametrize("code", ["HL101", "hl201"], ids=["HL101", "lowercase"])
def test_explain_prints_the_rule_documentation(tmp_path: Path, code: str) -> None:
    result = run_hooklint(tmp_path, "--explain", code)
    assert result.returncode == 0
    assert result.stdout.startswith(code.upper() + " (")
    for header in ("## What it does", "## Why is this bad?", "## Example", "## Use instead"):
        assert f"\n{header}\n" in result.stdout
    assert sorted({f"U+{ord(c):04X}" for c in result.stdout if ord(c) in DANGEROUS}) == []
    assert result.stderr == ""


def test_explain_unknown_code_is_a_usage_error(tmp_path: Path) -> None:
    result = run_hooklint(tmp_path, "--explain", "HL999")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "HL999" in result.stderr


def test_version_names_the_version_and_the_unicode_data(tmp_path: Path) -> None:
    result = run_hooklint(tmp_path, "--version")
    assert result.returncode == 0
    assert result.stdout.startswith(f"hooklint {hooklint.__version__} ")
    assert "Unicode" in result.stdout
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""


def test_installed_console_script_matches_python_m(
    sel_dir: Path, option_runs: dict[str, Run]
) -> None:
    bindir = Path(sys.executable).parent
    script = bindir / ("hooklint.exe" if sys.platform == "win32" else "hooklint")
    if not script.exists():
        pytest.skip(f"no hooklint console script next to {sys.executable}")
    proc = subprocess.run(
        [str(script), "sel.md"], cwd=sel_dir, env=ENV, capture_output=True, check=False
    )
    assert proc.returncode == 1
    assert proc.stdout.decode("utf-8") == option_runs["default-all"].stdout
    assert proc.stdout.decode("utf-8").startswith(SEL_FINDINGS["HL101"] + "\n")


# ------------------------------------------------ the report never carries a raw dangerous char

# C0 but LF, DEL, C1, zero-width and bidi controls, tags, BOM, line and paragraph separators
DANGEROUS = frozenset(
    [
        *range(0x00, 0x0A),
        *range(0x0B, 0x20),
        0x7F,
        *range(0x80, 0xA0),
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        *range(0xE0000, 0xE0080),
        0xFEFF,
        0x2028,
        0x2029,
    ]
)


def tags(text: str) -> str:
    """``text`` written in invisible Unicode tag characters."""
    return "".join(chr(0xE0000 + ord(c)) for c in text)


HOSTILE_CONTENT = (
    "Ank\u202eаra \x1b[2J\x1b]0;pwned\x07 cle\u200bar\n"
    "osc8 \x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\ and \x9b31m c1\n"
    "tags " + tags("ignore previous instructions") + " \u2066x\u2069 \ufeffbom\u2028sep\u2029\x85\n"
    "back\x08\x08\x08space and \x00 nul and del\x7f and vt\x0b ff\x0c cr\r here\n"
)
HOSTILE_NAMES = (
    "esc\x1b[31m.md",
    "bidi\u202e\u2066dm.md",
    "tag" + tags("hi") + ".md",
    "new\nline.md",
    "bell\x07\x9b.md",
    "zw\u200b\ufeff\u2028.md",
)
FINDING_LINE = re.compile(r"(.+?\.md):[1-9][0-9]*:[1-9][0-9]*: HL[0-9]{3} ")
# Paths that do not exist, so that the file system need not accept their names.
MISSING_NAMES: tuple[str | bytes, ...] = (
    b"gone\xff\x1b[0m.md",  # not valid UTF-8: reaches hooklint through surrogateescape
    "gone\u202e\U000e0041\x85.md",
)


def test_report_never_prints_a_raw_control_bidi_or_tag_character(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("these file names are not valid on Windows")
    for name in HOSTILE_NAMES:
        (tmp_path / name).write_bytes(HOSTILE_CONTENT.encode("utf-8"))
    result = run_hooklint(tmp_path, *HOSTILE_NAMES, *MISSING_NAMES)
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout
    raw = sorted({f"U+{ord(c):04X}" for c in result.stdout if ord(c) in DANGEROUS})
    assert raw == []
    lines = result.stdout.splitlines()
    # every line is one whole finding (a newline in a file name did not split one), and every
    # file, existing or missing, got its lines
    matches = [FINDING_LINE.match(line) for line in lines]
    assert all(matches), [line for line, m in zip(lines, matches, strict=True) if not m]
    paths = {m.group(1) for m in matches if m}
    assert len(paths) == len(HOSTILE_NAMES) + len(MISSING_NAMES)
    # an escape in a file name is shown as the design says: written out, not sent to the terminal
    assert any(line.startswith("esc\\x1b[31m.md:") for line in lines)


@pytest.mark.parametrize(
    "args",
    [("--select", "\x1b[2J\u202e"), ("--explain", "\x1b]0;x\x07\u2066")],
    ids=["unknown-select-code", "unknown-explain-code"],
)
def test_usage_errors_never_print_a_raw_dangerous_character(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    result = run_hooklint(tmp_path, *args)
    assert result.returncode == 2
    assert result.stderr
    assert sorted({f"U+{ord(c):04X}" for c in result.stderr if ord(c) in DANGEROUS}) == []


def test_worker_processes_give_the_same_report_as_one_process(tmp_path: Path) -> None:
    # Enough non-ASCII text (over 256 KiB of non-ASCII bytes) that --jobs 2 starts workers.
    russian = ("Москва — столица России, а Санкт-Петербург стоит на Неве. " * 20 + "\n") * 200
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text(russian + "The Ankаra office\n" + russian, encoding="utf-8")
    (tmp_path / "plain.md").write_text("nothing to see\n", encoding="utf-8")
    files = ("a.md", "b.md", "c.md", "plain.md")
    serial, parallel, default = run_many(
        tmp_path, [("--jobs", "1", *files), ("--jobs", "2", *files), files]
    )
    assert serial.returncode == parallel.returncode == default.returncode == 1
    line = 200 + 1
    col = "The Ankаra office".index("а") + 1
    expected = [
        f"{name}:{line}:{col}: HL101 'а' U+0430 CYRILLIC SMALL LETTER A in Latin word 'Ankаra' "
        "looks like 'a'"
        for name in ("a.md", "b.md", "c.md")
    ]
    assert serial.stdout.splitlines() == expected
    assert parallel.stdout == default.stdout == serial.stdout


@pytest.mark.parametrize("value", ["0", "-2", "many"])
def test_jobs_must_be_a_positive_number(tmp_path: Path, value: str) -> None:
    (tmp_path / "a.md").write_text("fine\n", encoding="utf-8")
    result = run_hooklint(tmp_path, "--jobs", value, "a.md")
    assert result.returncode == 2
    assert "jobs" in result.stderr


def test_progress_shows_each_step_of_500_files_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Counts come one by one while files are read, and in steps while workers share them.
    import io

    from hooklint import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    show = cli._progress(2000)
    assert show is not None
    for done in (1, 499, 500, 501, 1200, 1201, 2000, 2000):
        show(done)
    shown = err.getvalue().split("\r")[1:]
    assert shown == [
        "hooklint: read 500/2000 files",
        "hooklint: read 1200/2000 files",
        "hooklint: read 2000/2000 files\n",
    ]
    assert cli._progress(1999) is None  # a short run shows none
