"""Command line: ``hooklint [options] PATH ...``; exit 0 clean, 1 findings, 2 usage error,
3 internal error (see hooklint.console).

``argv → Settings → sources (files, directories, staged blobs) → check → filters (--diff,
baseline) → sort → format → exit status``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence

from hooklint import __version__
from hooklint.diagnostic import Diagnostic, safe
from hooklint.records import TYPE_CHECKING
from hooklint.settings import Settings, UsageError, make_settings

if TYPE_CHECKING:
    from types import SimpleNamespace

# Above this many files, a run on a terminal shows its progress on stderr.
_PROGRESS_FROM = 2000


def _version() -> str:
    import unicodedata

    from hooklint.unicode._tables import SOURCE

    return (
        f"hooklint {__version__} (tables: {SOURCE}, Unicode 15.1 scripts and confusables; "
        f"Python unicodedata {unicodedata.unidata_version})"
    )


def main(argv: Sequence[str] | None = None, *, paths: Sequence[str] | None = None) -> int:
    """Run the command line ``argv``. ``paths``, when given, are the files to check, never
    parsed: the hook (hooklint.hook) passes the file names there and only options in ``argv``."""
    if argv is None:  # the console script and ``python -m hooklint``: guard streams and crashes
        from hooklint.console import guarded

        return guarded(lambda: main(sys.argv[1:]))
    # Before the configuration, which may be what is broken; never a word after "--", which is
    # a file name (the hook passes file names there).
    if "--version" in argv[: argv.index("--") if "--" in argv else len(argv)]:
        print(_version())
        return 0
    try:
        settings, args = make_settings(argv)
        if paths is not None:
            settings = settings._replace(files=tuple(paths))
        if args.explain is not None:
            return _explain(args.explain)
        if args.fix and settings.staged:
            raise UsageError("--fix works on files, not on the staged blobs of --staged")
        stdin = _stdin_source(settings, args.fix, args.stdin_filename)
        sources = [*_sources(settings), *stdin]
        changed = _changed_lines(settings, sources)
        audited = _audit(argv, args, settings, sources, changed)
    except UsageError as exc:
        print(f"hooklint: error: {safe(str(exc))}", file=sys.stderr)
        return 2
    from hooklint.run import check_sources

    fixed = _fix([path for path, given in sources if given is None]) if args.fix else 0
    found = check_sources(sources, settings, _progress(len(sources)))
    if changed is not None:
        found = _only_changed(found, changed)
    if settings.write_baseline:
        return _write_baseline(settings.write_baseline, found)
    if settings.baseline:
        try:
            found = _not_in_baseline(settings.baseline, found)
        except (OSError, ValueError) as exc:
            print(f"hooklint: error: baseline {safe(settings.baseline)}: {safe(str(exc))}",
                  file=sys.stderr)  # fmt: skip
            return 2
    found.extend(audited)  # after every filter: what it reports must not be silenced
    found.sort(key=lambda d: (d.path, d.line, d.col, d.code))
    _report(found, settings)
    if fixed:  # pre-commit's convention: a changed file fails the hook, so it is staged again
        return 1
    return 1 if found and not settings.exit_zero else 0


def _fix(paths: Sequence[str]) -> int:
    """Repair what is certain in each file; returns how many files changed or failed."""
    from hooklint.fix import fix_file
    from hooklint.run import is_code

    troubles = 0
    for path in paths:
        result = fix_file(path, code=is_code(path))
        if result.error is not None:
            print(f"hooklint: {safe(path)}: {safe(result.error)}", file=sys.stderr)
            troubles += 1
        elif result.changed:
            print(f"hooklint: fixed {result.fixes} character(s) in {safe(path)}", file=sys.stderr)
            troubles += 1
    return troubles


def _explain(code: str) -> int:
    from hooklint.docs import explain

    text = explain(code)
    if text is None:
        print(f"hooklint: error: unknown rule code '{safe(code)}'", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0


# The command-line word that stands for standard input. Only the word given on the command line
# means it: a file named "-" that a directory walk or the index yields is a file.
STDIN = "-"


def _stdin_source(
    settings: Settings, fix: bool, name: str | None
) -> list[tuple[str, bytes | None]]:
    """``hooklint -``: standard input, reported as ``name`` (``--stdin-filename``), which also
    gives its kind and per-file ignores, as flake8 and ruff do. Never excluded: it was asked for."""
    if STDIN not in settings.files:
        if name is not None:
            raise UsageError("--stdin-filename names standard input, which is read for '-'")
        return []
    if settings.staged or settings.diff:
        raise UsageError("standard input ('-') cannot be checked with --staged or --diff")
    if fix:
        raise UsageError("--fix rewrites files in place; standard input ('-') is not a file")
    return [(name or STDIN, sys.stdin.buffer.read())]


def _sources(settings: Settings) -> list[tuple[str, bytes | None]]:
    """(path, bytes or None to read the file) for everything to check, excluded paths left out.
    No path at all means ``.``, as for flake8 and ruff (but for --staged and --diff, which name
    their own files). The file names come from the command line, the index or a directory walk,
    and are never parsed as options."""
    if settings.staged:
        from hooklint.git import GitError, staged_files

        try:
            staged = staged_files()
        except GitError as exc:
            raise UsageError(str(exc)) from None
        wanted = {os.path.normpath(p) for p in settings.files}
        return [
            (path, blob)
            for path, blob in staged
            if not settings.excluded(path) and (not wanted or os.path.normpath(path) in wanted)
        ]
    paths: Sequence[str] = [p for p in settings.files if p != STDIN]
    if not settings.files:
        paths = sorted(_git_changed(settings.diff, None)) if settings.diff else ["."]
    directories = [p for p in paths if _is_directory(p)]
    if directories:
        from hooklint.git import GitError, list_files

        try:
            walked = list_files(directories)
        except GitError as exc:
            raise UsageError(str(exc)) from None
        # A file named on the command line keeps the spelling it was given.
        paths = [*(p for p in paths if p not in directories), *walked]
    seen: set[str] = set()
    out: list[tuple[str, bytes | None]] = []
    excludes = bool(settings.exclude)  # (most runs have no pattern: no call per path then)
    for path in paths:
        key = os.path.normpath(path)
        if key not in seen and not (excludes and settings.excluded(path)):
            seen.add(key)
            out.append((path, None))
    return sorted(out)


def _is_directory(path: str) -> bool:
    """``os.path.isdir(path)``, asked of thousands of file names at a time without a stat result
    built for each: on POSIX a path name that ends in a slash resolves only to a directory (or a
    symbolic link to one), so it exists just when ``path`` is one. (``os.access`` checks the
    search permission of the parent directories with the real rather than the effective user:
    they differ only in a set-user-ID program.)"""
    if os.name != "posix" or not path:  # ("" + "/" would be the root)
        return os.path.isdir(path)
    try:
        return os.access(path + "/", os.F_OK)
    except ValueError:  # a NUL in the name, which isdir answers False
        return False


def _git_changed(rev: str, paths: Sequence[str] | None) -> dict[str, object]:
    from hooklint.git import GitError, changed_lines

    try:
        return dict(changed_lines(rev, paths))
    except GitError as exc:
        raise UsageError(str(exc)) from None


def _changed_lines(
    settings: Settings, sources: Sequence[tuple[str, bytes | None]]
) -> dict[str, object] | None:
    if not settings.diff:
        return None
    changed = _git_changed(settings.diff, [path for path, _ in sources])
    return {os.path.normpath(path): lines for path, lines in changed.items()}


def _audit(
    argv: Sequence[str],
    args: SimpleNamespace,
    settings: Settings,
    sources: Sequence[tuple[str, bytes | None]],
    changed: dict[str, object] | None,
) -> list[Diagnostic]:
    """HL004: what the change since --diff REV adds that silences checks."""
    if changed is None:
        return []
    from hooklint.audit import audit_change

    return audit_change(argv, args, settings, sources, changed)


def _only_changed(found: list[Diagnostic], changed: dict[str, object]) -> list[Diagnostic]:
    from hooklint.git import ALL_LINES
    from hooklint.names import is_about_name

    kept = []
    for d in found:
        lines = changed.get(os.path.normpath(d.path))
        if lines is ALL_LINES or (isinstance(lines, (set, frozenset)) and d.line in lines):
            kept.append(d)
            continue
        if is_about_name(d):  # on no line: a rename changes no line, yet may bring a bad name
            kept.append(d)
    return kept


def _write_baseline(path: str, found: list[Diagnostic]) -> int:
    from hooklint.suppress import fingerprint, write_baseline

    try:
        write_baseline(path, [fingerprint(d, d.source or "") for d in found])
    except OSError as exc:
        print(f"hooklint: error: cannot write {safe(path)}: {safe(str(exc))}", file=sys.stderr)
        return 2
    print(f"hooklint: recorded {len(found)} finding(s) in {safe(path)}", file=sys.stderr)
    return 0


def _not_in_baseline(path: str, found: list[Diagnostic]) -> list[Diagnostic]:
    from hooklint.suppress import fingerprint, read_baseline

    recorded = read_baseline(path)
    kept = []
    for d in found:
        key = fingerprint(d, d.source or "")
        if recorded[key] > 0:
            recorded[key] -= 1
        else:
            kept.append(d)
    return kept


def _report(found: list[Diagnostic], settings: Settings) -> None:
    out = sys.stdout
    # -q and -qq quieten the formats people read; a JSON or SARIF document is always whole,
    # so the program reading it gets a valid document (with or without findings).
    quiet = settings.quiet if settings.fmt not in ("json", "sarif") else 0
    if quiet >= 2:
        return
    if quiet == 1:
        names = sorted({d.path for d in found})
        out.write("".join(safe(name) + "\n" for name in names))
        return
    if settings.fmt == "default" and not settings.show_source:
        out.write("".join(safe(d.format()) + "\n" for d in found))
    else:
        from hooklint.formats import render

        source = (lambda d: d.source) if settings.show_source else None
        out.write(render(found, settings.fmt, show_source=source))
    if settings.statistics:
        from hooklint.formats import statistics

        # Machine-readable formats keep stdout to themselves.
        (out if settings.fmt == "default" else sys.stderr).write(statistics(found))


def _progress(total: int) -> Callable[[int], None] | None:
    if total < _PROGRESS_FROM or not sys.stderr.isatty():
        return None

    shown = [0]  # the count last shown: counts may come one by one or in steps (workers)

    def show(done: int) -> None:
        if done // 500 > shown[0] // 500 or (done == total and shown[0] != total):
            shown[0] = done
            end = "\n" if done == total else ""
            print(f"\rhooklint: read {done}/{total} files", end=end, file=sys.stderr, flush=True)

    return show
