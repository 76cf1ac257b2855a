"""Command line: ``hooklint [options] FILE ...``; exit 0 clean, 1 findings, 2 usage error."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence

from hooklint import __version__
from hooklint.diagnostic import Diagnostic, safe

#: every rule code; HL106 is opt-in (selected only by its full code)
ALL_CODES = (
    "HL001", "HL002",
    "HL101", "HL102", "HL103", "HL104", "HL105", "HL106", "HL107",
    "HL201", "HL202", "HL203", "HL204", "HL205",
    "HL301", "HL302", "HL303", "HL304", "HL305", "HL306", "HL307", "HL308", "HL309", "HL310",
    "HL311",
)  # fmt: skip
OPT_IN = frozenset({"HL106"})
MAX_FILE_SIZE = 256 * 1024 * 1024

# Source code, where a no-break space or an en quad is a trap rather than typography (HL107).
CODE_SUFFIXES = frozenset(
    (
        ".py .pyi .pyw .js .mjs .cjs .jsx .ts .tsx .go .rs .c .h .cc .cpp .cxx .hpp .hh .cs .csx"
        " .java .kt .kts .scala .swift .m .mm .rb .php .pl .pm .lua .r .sh .bash .zsh .fish .ps1"
        " .sql .sol .s .asm .hs .ml .ex .exs .erl .clj .dart .vue .svelte .zig .nim .v .jl"
        " .groovy .gradle .cmake .mk .toml .yaml .yml .json .ini .cfg"
    ).split()
)


class Selection:
    """Which codes are reported, from --select / --extend-select / --ignore (prefixes allowed).

    As in ruff, the most specific matching prefix decides; at equal length, ignore wins.
    """

    def __init__(self, select: Sequence[str], extend: Sequence[str], ignore: Sequence[str]):
        chosen = [*select, *extend]
        self.enabled = frozenset(
            code
            for code in ALL_CODES
            if _best(code, chosen) > _best(code, ignore) and (code not in OPT_IN or code in chosen)
        )

    def __contains__(self, code: str) -> bool:
        return code in self.enabled


def _best(code: str, prefixes: Iterable[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def _codes(value: str) -> list[str]:
    codes = [c.strip().upper() for c in value.split(",") if c.strip()]
    for c in codes:
        if c != "ALL" and not any(code.startswith(c) for code in ALL_CODES):
            raise argparse.ArgumentTypeError(f"unknown rule code or prefix: {c!r}")
    return ["HL" if c == "ALL" else c for c in codes]


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of jobs, got {value!r}")
    return jobs


def _version() -> str:
    import unicodedata

    from hooklint.unicode._tables import SOURCE

    return (
        f"hooklint {__version__} (tables: {SOURCE}, Unicode 15.1 scripts and confusables; "
        f"Python unicodedata {unicodedata.unidata_version})"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hooklint",
        description="Find lookalike letters, invisible and control characters in text files.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="files to check")
    parser.add_argument(
        "--select",
        type=_codes,
        default=None,
        metavar="CODES",
        help="comma-separated codes or prefixes to report (default: all but opt-in rules)",
    )
    parser.add_argument(
        "--extend-select",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="codes or prefixes to add to the selection",
    )
    parser.add_argument(
        "--ignore",
        type=_codes,
        action="extend",
        default=[],
        metavar="CODES",
        help="codes or prefixes not to report",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=os.cpu_count() or 1,
        metavar="N",
        help="check files in N processes (default: the number of cores)",
    )
    parser.add_argument("--explain", metavar="CODE", help="print the documentation of a rule")
    parser.add_argument("--version", action="version", version="%(prog)s")
    return parser


def check_path(path: str, selection: Selection) -> list[Diagnostic]:
    """Read, decode and check one file; never raises for a bad file."""
    data = read_file(path)
    if isinstance(data, Diagnostic):
        return [data] if data.code in selection else []
    return check_data(path, data, selection)


def read_file(path: str) -> bytes | Diagnostic:
    """The bytes of a file, or the HL001 finding that says why they cannot be had."""
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_FILE_SIZE:
                return Diagnostic(
                    path,
                    1,
                    1,
                    "HL001",
                    f"not checked: the file is {size} bytes, "
                    f"more than the limit of {MAX_FILE_SIZE}",
                )
            return stream.read()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        if isinstance(exc, IsADirectoryError):
            reason = "is a directory"
        return Diagnostic(path, 1, 1, "HL001", f"cannot read the file: {safe(reason)}")


def check_data(path: str, data: bytes, selection: Selection) -> list[Diagnostic]:
    """Decode and check the bytes of the file at ``path``."""
    if data.isascii() and _clean_ascii(data):
        return []
    from hooklint.check import check_text
    from hooklint.source import decode

    decoded = decode(data)
    out: list[Diagnostic] = []
    if decoded.problem is not None:
        p = decoded.problem
        out.append(Diagnostic(path, p.line, p.col, p.code, p.message))
    if decoded.text is None:
        return out
    code = os.path.splitext(path)[1].lower() in CODE_SUFFIXES
    for f in check_text(decoded.text, code=code):
        out.append(Diagnostic(path, f.line, f.col, f.code, f.message, f.char))
    return [d for d in out if d.code in selection]


def _check_item(item: tuple[str, bytes, Selection]) -> list[Diagnostic]:
    return check_data(*item)


# Worker processes pay for themselves only when there is this much non-ASCII text to look at:
# pure-ASCII files are cleared faster than their bytes could be sent to a worker.
_PARALLEL_FROM_BYTES = 4 * 1024 * 1024


def check_paths(paths: Sequence[str], selection: Selection, jobs: int) -> list[Diagnostic]:
    """Check every path, in order. Files with non-ASCII text are checked in ``jobs`` worker
    processes when there is enough of them to pay for starting the workers."""
    results: list[list[Diagnostic]] = []
    waiting: list[tuple[int, str, bytes]] = []
    waiting_bytes = 0
    for path in paths:
        data = read_file(path)
        if isinstance(data, Diagnostic):
            results.append([data] if data.code in selection else [])
        elif data.isascii():
            results.append(check_data(path, data, selection))
        else:
            waiting.append((len(results), path, data))
            results.append([])
            waiting_bytes += len(data)
    if jobs >= 2 and len(waiting) >= 2 and waiting_bytes >= _PARALLEL_FROM_BYTES:
        import multiprocessing

        # Load the rules and tables once, before the workers are forked from this process.
        import hooklint.rules.confusables
        import hooklint.rules.invisible  # noqa: F401

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        items = [(path, data, selection) for _, path, data in waiting]
        with multiprocessing.get_context(method).Pool(min(jobs, len(waiting))) as pool:
            for (index, _, _), found in zip(waiting, pool.imap(_check_item, items), strict=True):
                results[index] = found
    else:
        for index, path, data in waiting:
            results[index] = check_data(path, data, selection)
    return [d for found in results for d in found]


# Bytes that need no further look in ASCII text: printable characters, tab and LF.
_PLAIN_ASCII = bytes([9, 10, *range(0x20, 0x7F)])


def _clean_ascii(data: bytes) -> bool:
    """ASCII text with no control character and no CR that ends anything but a CRLF."""
    rest = data.translate(None, _PLAIN_ASCII)
    if not rest:
        return True
    if rest.strip(b"\r"):
        return False
    return b"\n" not in data or data.count(b"\r") == data.count(b"\r\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    if argv is None:
        argv = sys.argv[1:]
    if "--version" in argv:
        print(_version())
        return 0
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse has printed the usage error
        return 0 if exc.code == 0 else 2
    if args.explain is not None:
        from hooklint.docs import explain

        text = explain(args.explain)
        if text is None:
            print(f"hooklint: unknown rule code '{safe(args.explain)}'", file=sys.stderr)
            return 2
        sys.stdout.write(text)
        return 0
    selection = Selection(
        args.select if args.select is not None else ["HL"], args.extend_select, args.ignore
    )
    found = check_paths(sorted(set(args.files)), selection, args.jobs)
    found.sort(key=lambda d: (d.path, d.line, d.col, d.code))
    if found:
        sys.stdout.write("".join(safe(d.format()) + "\n" for d in found))
        return 1
    return 0
