"""The per-file pipeline: bytes → text → rules → suppression → diagnostics, for many files.

Every function here reports a bad file as a finding and goes on; none raises for one.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from hooklint.diagnostic import Diagnostic, safe
from hooklint.rules import Finding
from hooklint.settings import Selection, Settings

if TYPE_CHECKING:
    from concurrent.futures import Future

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
_PROSE_KINDS = {
    ".md": "markdown", ".markdown": "markdown", ".mdx": "markdown", ".mkd": "markdown",
    ".rst": "rst", ".rest": "rst", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".po": "po", ".pot": "po",
}  # fmt: skip


# Where spam lands in files that are not prose: the string values of data files, the markup
# of page templates (their code blanked). The character rules still read .yaml, .json, .sql,
# .php and .vue files as code (HL107): see ``is_code``.
_READ_KINDS = {
    ".yaml": "yaml", ".yml": "yaml", ".json": "json", ".sql": "sql",
    ".php": "template", ".phtml": "template", ".erb": "template", ".jinja": "template",
    ".jinja2": "template", ".j2": "template", ".twig": "template", ".vue": "template",
    ".hbs": "template", ".handlebars": "template", ".mustache": "template",
    ".liquid": "template", ".njk": "template",
}  # fmt: skip


def kind_of(path: str) -> str:
    """python, code, markdown, rst, html, po, yaml, json, sql, template or text, by the file
    name."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".py", ".pyi", ".pyw"):
        return "python"
    if suffix in _READ_KINDS:
        return _READ_KINDS[suffix]
    if suffix in CODE_SUFFIXES:
        return "code"
    return _PROSE_KINDS.get(suffix, "text")


def is_code(path: str) -> bool:
    """Whether the file is source code, where unusual spaces are traps (HL107)."""
    return os.path.splitext(path)[1].lower() in CODE_SUFFIXES or kind_of(path) == "python"


def read_file(path: str) -> bytes | Diagnostic:
    """The bytes of a file, or the HL001 finding that says why they cannot be had."""
    try:
        return read_regular(path)[0]
    except OSError as exc:
        if exc.errno == errno.EFBIG:
            return Diagnostic(path, 1, 1, "HL001", f"not checked: {exc.strerror}")
        reason = exc.strerror or type(exc).__name__
        if isinstance(exc, IsADirectoryError):
            reason = "is a directory"
        return Diagnostic(path, 1, 1, "HL001", f"cannot read the file: {safe(reason)}")


# Never wait for a writer at the other end of a FIFO.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


def read_regular(path: str, limit: int = MAX_FILE_SIZE) -> tuple[bytes, os.stat_result]:
    """The bytes and status of a regular file of at most ``limit`` bytes; OSError otherwise. It
    never blocks on a FIFO or reads a device. (Plain ``os`` calls: a file object costs more than
    reading a small file does.)"""
    fd = os.open(path, _READ_FLAGS)
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory")
        if not stat.S_ISREG(st.st_mode):
            raise OSError(0, "not a regular file")
        size = st.st_size
        if size > limit:
            raise OSError(errno.EFBIG, f"the file is {size} bytes, more than the limit of {limit}")
        data = os.read(fd, size + 1)
        if len(data) != size:  # a short read, or a file that is being written to
            parts = [data]
            while part := os.read(fd, 1 << 20):
                parts.append(part)
                size += len(part)
                if size > limit:
                    raise OSError(errno.EFBIG, f"the file grew past the limit of {limit} bytes")
            data = b"".join(parts)
        return data, st
    finally:
        os.close(fd)


# Bytes that need no further look from the character rules: printable ASCII, tab and LF.
_PLAIN_ASCII = bytes([9, 10, *range(0x20, 0x7F)])


def _clean_ascii(data: bytes) -> bool:
    """ASCII text with no control character and no CR that ends anything but a CRLF."""
    rest = data.translate(None, _PLAIN_ASCII)
    if not rest:
        return True
    if rest.strip(b"\r"):
        return False
    return b"\n" not in data or data.count(b"\r") == data.count(b"\r\n")


def check_data(path: str, data: bytes, settings: Settings) -> list[Diagnostic]:
    """Decode and check the bytes of the file at ``path``."""
    selection = settings.selection_for(path)
    kind = kind_of(path)
    spam = settings.spam if selection.spam and _may_hold_spam(kind, data) else None
    if data.isascii() and _clean_ascii(data):
        if spam is None:
            return []
        text = data.decode("ascii")
        findings = _spam_findings(text, kind, spam)
        problem = None
    else:
        from hooklint.source import decode

        decoded = decode(data, python=kind == "python")
        problem = decoded.problem
        if decoded.text is None:  # binary: skipped silently
            return []
        text = decoded.text
        findings = _character_findings(text, "code" if kind != "python" and is_code(path) else kind)
        if spam is not None:
            findings.extend(_spam_findings(text, kind, spam))
    if findings:
        from hooklint.suppress import apply_directives

        findings = apply_directives(text, findings)
    if problem is not None:
        findings.insert(0, problem)
    return _diagnostics(path, text, findings, selection, settings)


def python_findings(text: str, spam: Any | None) -> list[Finding]:
    """Every finding in Python source, after inline directives: what ``hooklint file.py`` and
    the flake8 plugin both report (``spam`` is the spam options, None to leave spam out)."""
    from hooklint.suppress import apply_directives

    findings = _character_findings(text, "python")
    if spam is not None:
        findings.extend(_spam_findings(text, "python", spam))
        findings.sort()
    return apply_directives(text, findings)


def _character_findings(text: str, kind: str) -> list[Finding]:
    if kind == "python":
        try:
            from hooklint.python import check_python
        except ImportError:
            pass
        else:
            return check_python(text)
    from hooklint.check import check_text

    return check_text(text, code=kind in ("python", "code"))


def _may_hold_spam(kind: str, data: bytes) -> bool:
    """Whether a file's kind, and for source files and catalogues a few byte-level searches,
    leave room for spam: those files are many and large, and rarely prose."""
    if kind == "code":
        return False  # no reliable way to tell comments from code in every language
    if kind in ("yaml", "json", "sql", "template"):
        # Data files and templates are read for their links: the many without one stay unread.
        return b"://" in data or b"www." in data or (kind == "template" and b"href" in data)
    if kind in ("python", "po"):
        # Two searches in most files: the template words share " our ".
        return b"xn--" in data or (
            b" our " in data and any(word in data for word in _TEMPLATE_BYTES)
        )
    return True


def _spam_findings(text: str, kind: str, options: Any) -> list[Finding]:
    from hooklint.spam import check_spam

    if kind != "python":
        found: list[Finding] = check_spam(text, kind, options)
        return found
    # In Python only comments and docstrings are prose, and finding those takes a tokenizer:
    # the whole file is asked first, and only then is it tokenized.
    if not any(word in text for word in _TEMPLATE_WORDS) and not _prose_punycode(text):
        return []
    if not check_spam(text, "text", options):
        return []
    from hooklint.python import prose_regions

    regions = prose_regions(text)
    found = check_spam(text, "text", options, regions) if regions else []
    return found


# A translation catalogue is thousands of UI strings (and its msgids carry the project's own
# links), and a source file is rarely prose: spam in either is looked for only when it holds
# words every spun template of HL301 contains (" our own site", " contact us at our web-page";
# not "your own"), or a punycode host.
_TEMPLATE_WORDS = (" our own", " our web")
_TEMPLATE_BYTES = tuple(word.encode() for word in _TEMPLATE_WORDS)


def _prose_punycode(source: str) -> bool:
    """Whether a punycode host in Python source may stand in prose: anywhere but inside a
    one-line string literal on a line without a comment or a triple quote (test data, mostly)."""
    from hooklint.rules.typography import QUOTED

    found = source.find("xn--")
    while found >= 0:
        start = source.rfind("\n", 0, found) + 1
        end = source.find("\n", found)
        line = source[start : end if end >= 0 else len(source)]
        if "#" in line or '"""' in line or "'''" in line or "xn--" in re.sub(QUOTED, "", line):
            return True
        if end < 0:
            return False
        found = source.find("xn--", end)
    return False


def _diagnostics(
    path: str, text: str, findings: list[Finding], selection: Selection, settings: Settings
) -> list[Diagnostic]:
    kept = [
        f
        for f in findings
        if f.code in selection and not (f.char is not None and settings.allows(f.char))
    ]
    if not kept:
        return []
    lines: list[str] | None = None
    if settings.show_source or settings.baseline or settings.write_baseline:
        from hooklint.source import LINE_END

        lines = LINE_END.split(text)
    out = []
    for f in kept:
        source = lines[f.line - 1] if lines is not None and f.line <= len(lines) else None
        out.append(Diagnostic(path, f.line, f.col, f.code, f.message, f.char, source))
    return out


_WORKER_SETTINGS: list[Settings] = []  # a worker process's settings, given once at its start


def _start_worker(settings: Settings) -> None:
    _WORKER_SETTINGS.append(settings)


def _check_items(items: list[tuple[str, bytes]]) -> list[list[Diagnostic]]:
    return [check_data(path, data, _WORKER_SETTINGS[0]) for path, data in items]


# Worker processes pay for themselves only when the files hold this many non-ASCII bytes: the
# work on a file is mostly in its non-ASCII lines, and pure-ASCII files are cleared faster
# than their bytes could be sent to a worker.
_PARALLEL_FROM_BYTES = 256 * 1024
_HIGH_BYTES = bytes(range(0x80, 0x100))
_BATCH = 4  # files handed to a worker at a time


def _worth_workers(settings: Settings, files: int, non_ascii_bytes: int) -> bool:
    return settings.jobs >= 2 and files >= 2 and non_ascii_bytes >= _PARALLEL_FROM_BYTES


class _Workers:
    """Worker processes, started once the non-ASCII files are worth them, that check those
    files while this process reads and checks the others. Should a worker die (killed, out of
    memory), its files are checked in this process: the run goes on, and never waits forever."""

    def __init__(self, settings: Settings) -> None:
        import gc
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # Load the rules and tables once, before the workers are forked from this process.
        import hooklint.python
        import hooklint.rules.confusables
        import hooklint.rules.invisible
        import hooklint.rules.typography
        import hooklint.suppress  # noqa: F401

        gc.freeze()  # the forked workers share this process's objects: keep the collector off them
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        self.settings = settings
        self.pool = ProcessPoolExecutor(
            settings.jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=_start_worker,
            initargs=(settings,),
        )
        self.handed: list[tuple[list[tuple[int, str, bytes]], Future[list[list[Diagnostic]]]]] = []

    def hand(self, files: list[tuple[int, str, bytes]]) -> None:
        for at in range(0, len(files), _BATCH):
            batch = files[at : at + _BATCH]
            items = [(path, data) for _, path, data in batch]
            self.handed.append((batch, self.pool.submit(_check_items, items)))

    def collect(self, results: list[list[Diagnostic]]) -> None:
        from concurrent.futures.process import BrokenProcessPool

        for batch, pending in self.handed:
            try:
                found_each = pending.result()
            except BrokenProcessPool:
                found_each = [check_data(path, data, self.settings) for _, path, data in batch]
            for (index, _, _), found in zip(batch, found_each, strict=True):
                results[index] = found


def check_sources(
    sources: Sequence[tuple[str, bytes | None]],
    settings: Settings,
    progress: Callable[[int], None] | None = None,
) -> list[Diagnostic]:
    """Check (path, bytes) pairs — bytes None: read the file — keeping their order. Files with
    non-ASCII text go to ``settings.jobs`` worker processes when there is enough to pay."""
    results: list[list[Diagnostic]] = []
    waiting: list[tuple[int, str, bytes]] = []  # non-ASCII files not handed to a worker yet
    non_ascii_bytes = 0
    workers: _Workers | None = None
    try:
        for done, (path, given) in enumerate(sources, 1):
            data = read_file(path) if given is None else given
            if isinstance(data, Diagnostic):
                results.append([data] if data.code in settings.selection_for(path) else [])
            elif data.isascii():
                results.append(check_data(path, data, settings))
            else:
                waiting.append((len(results), path, data))
                results.append([])
                non_ascii_bytes += len(data) - len(data.translate(None, _HIGH_BYTES))
                if workers is None and _worth_workers(settings, len(waiting), non_ascii_bytes):
                    workers = _Workers(settings)
                if workers is not None and len(waiting) >= _BATCH:
                    workers.hand(waiting)
                    waiting = []
            if progress is not None:
                progress(done)
        if workers is not None:
            workers.hand(waiting)
            workers.collect(results)
        else:
            for index, path, data in waiting:
                results[index] = check_data(path, data, settings)
    finally:
        if workers is not None:
            workers.pool.shutdown(cancel_futures=True)  # every result is in, or an error is out
    return [d for found in results for d in found]
