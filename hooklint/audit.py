"""What a change brings that silences checks (HL004), and the configuration of a trusted revision.

A contributor controls everything in a pull request, including what tells hooklint to look
away: an inline directive beside the lookalike, an ``ignore`` or ``exclude`` in the
configuration, an entry of an allow list or of the baseline. With ``--diff REV`` each of these
that the change adds is a finding of its own, HL004, so that a reviewer sees it:

- a suppression directive (``hooklint: ignore[...]``, ``hooklint: ignore-next-line``, flake8's
  ``# noqa`` in Python) on a line the change adds, and an old directive that silences a finding
  on a line the change edits;
- a configuration that silences more at the work tree than at REV: codes turned off (``ignore``,
  a narrowed ``select``), new ``per-file-ignores``, ``exclude``, ``allowed-characters``, domains
  or phrases allowed, deny-list entries gone, or any other setting changed that hooklint does not
  know to be harmless. The parsed configurations are compared, not lines of text;
- entries added to the baseline file (``--baseline``).

HL004 is reported whatever the configuration under audit says (its ignores, excludes and
per-file ignores, inline directives and the baseline do not apply to it): only the command line,
or a configuration read from a trusted revision with ``--config-from``, can turn it off.

``--config-from REV`` reads the configuration file as it is in REV (``git cat-file``, no
checkout), so that CI checks a pull request's files with the base branch's configuration.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from types import SimpleNamespace

from hooklint.diagnostic import Diagnostic, safe
from hooklint.records import TYPE_CHECKING, NamedTuple
from hooklint.settings import (
    Config,
    Settings,
    UsageError,
    build_parser,
    find_config,
    parse_config,
    selection_of,
)
from hooklint.source import LINE_END

if TYPE_CHECKING:
    from typing import Any

CODE = "HL004"

# ------------------------------------------------------------------------ inline directives


class Directive(NamedTuple):
    """One suppression comment found on a line."""

    col: int  # 1-based column where it starts
    text: str  # as shown in a message, e.g. "hooklint: ignore[HL101]"
    offset: int  # the line it silences, relative to its own: 0 or 1 (next line)
    codes: tuple[str, ...] | None  # codes or prefixes it names; None: every code
    spares: frozenset[str]  # codes that it does not silence though it names none

    def silences(self, code: str) -> bool:
        if self.codes is None:
            return code not in self.spares
        return any(code.startswith(c) for c in self.codes)


class Syntax(NamedTuple):
    """A directive syntax that some hooklint entry point honours.

    ``kinds`` are the file kinds (``hooklint.run.kind_of``) where it counts, None for all;
    ``marker`` is a lower-case word every such directive contains (a cheap gate);
    ``find`` lists the directives on one line; ``neutralize`` rewrites a text so that the
    directives no longer match, keeping every column.
    """

    kinds: frozenset[str] | None
    marker: str
    find: Callable[[str], list[Directive]]
    neutralize: Callable[[str], str]


def _hooklint_directives(line: str) -> list[Directive]:
    from hooklint.suppress import _DIRECTIVE, MUST_BE_NAMED

    found = []
    for m in _DIRECTIVE.finditer(line):
        start = line.index("hooklint:", m.start())
        codes = None
        if m.group(2) is not None:
            codes = tuple(c.strip() for c in m.group(2).split(",") if c.strip())
        offset = 1 if m.group(1) == "ignore-next-line" else 0
        found.append(Directive(start + 1, line[start : m.end()], offset, codes, MUST_BE_NAMED))
    return found


# flake8's own pattern: a bare NOQA comment, or one followed by a colon and codes; any case.
# (Spelled in two pieces so that linters reading this file do not take it for a directive.)
_NOQA = re.compile("#" r" noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)


def _noqa_directives(line: str) -> list[Directive]:
    found = []
    for m in _NOQA.finditer(line):
        codes = None
        if m.group("codes") is not None:
            # flake8 compares codes as written: only upper-case HL codes reach hooklint's
            codes = tuple(c for c in re.split(r"[,\s]+", m.group("codes")) if c.startswith("HL"))
            if not codes:
                continue  # codes of other linters only
        found.append(Directive(m.start() + 1, m.group().rstrip(", \t"), 0, codes, frozenset()))
    return found


#: Every directive syntax that silences a hooklint finding somewhere: in the CLI, the hook,
#: or the flake8 plugin. A new syntax is one more entry.
SYNTAXES: tuple[Syntax, ...] = (
    Syntax(
        None,
        "hooklint:",
        _hooklint_directives,
        lambda text: re.sub(r"(?i)hooklint:", "hooklint;", text),
    ),
    Syntax(
        frozenset({"python"}),
        "noqa",
        _noqa_directives,
        lambda text: re.sub("(?i)# noqa", "# nx-q", text),
    ),
)


def directives_in(line: str, kind: str) -> list[Directive]:
    """The suppression directives on ``line`` of a file of ``kind``."""
    lowered = line.lower()
    found: list[Directive] = []
    for syntax in SYNTAXES:
        if (syntax.kinds is None or kind in syntax.kinds) and syntax.marker in lowered:
            found.extend(syntax.find(line))
    return found


def _key(d: Directive) -> tuple[str, int, tuple[str, ...] | None]:
    """What makes two directives the same, wherever they stand."""
    word = d.text.split("[", 1)[0].split(":", 1)[0].strip().lower()
    return (word, d.offset, d.codes)


class _File(NamedTuple):
    """A changed file with directives."""

    path: str
    kind: str
    text: str
    lines: set[int] | None  # the changed lines; None: every line is new
    found: list[tuple[int, Directive]]  # (line, directive) of every directive


def _directive_findings(
    rev: str,
    sources: Sequence[tuple[str, bytes | None]],
    changed: dict[str, object],
    settings: Settings,
) -> list[Diagnostic]:
    from hooklint.git import ALL_LINES
    from hooklint.run import kind_of, read_file
    from hooklint.source import decode

    files: list[_File] = []
    for path, given in sources:
        lines = changed.get(os.path.normpath(path))
        if not lines:
            continue
        data = read_file(path) if given is None else given
        if isinstance(data, Diagnostic):
            continue  # the check reports it
        kind = kind_of(path)
        lowered = data.lower()
        if not any(s.marker.encode() in lowered for s in SYNTAXES) and b"\0" not in data:
            continue  # (UTF-16 text has NULs between the letters of the marker)
        text = decode(data, python=kind == "python").text
        if text is None:
            continue
        found = [
            (lineno, d)
            for lineno, line in enumerate(LINE_END.split(text), 1)
            for d in directives_in(line, kind)
        ]
        if found:
            changed_set = None if lines is ALL_LINES else lines
            assert changed_set is None or isinstance(changed_set, set)
            files.append(_File(path, kind, text, changed_set, found))
    if not files:
        return []

    from hooklint.git import GitError, files_at

    try:
        before = files_at(rev, [f.path for f in files])
    except GitError as exc:
        raise UsageError(str(exc)) from None
    out: list[Diagnostic] = []
    for file, old in zip(files, before, strict=True):
        old_count: Counter[tuple[str, int, tuple[str, ...] | None]] = Counter()
        old_text = ""
        if old is not None and file.lines is not None:
            old_text = decode(old, python=file.kind == "python").text or ""
            for line in LINE_END.split(old_text):
                old_count.update(_key(d) for d in directives_in(line, file.kind))
        new_count = Counter(_key(d) for _, d in file.found)
        # A directive is new when the file holds more of its kind than before; those on the
        # changed lines count as the new ones.
        excess = {k: n - old_count[k] for k, n in new_count.items() if n > old_count[k]}
        kept: list[tuple[int, Directive]] = []  # old directives that cover a changed line
        for lineno, d in file.found:
            on_changed = file.lines is None or lineno in file.lines
            if on_changed and excess.get(_key(d), 0) > 0:
                excess[_key(d)] -= 1
                out.append(_at(file.path, lineno, d.col, f"change adds a suppression: {d.text}"))
            elif file.lines is not None and lineno + d.offset in file.lines:
                kept.append((lineno, d))
        if kept:
            out.extend(_silenced_on_changed_lines(file, old_text, kept, settings))
    return out


def _silenced(
    path: str, kind: str, text: str, directives: list[tuple[int, Directive]], settings: Settings
) -> list[tuple[int, Directive, Diagnostic]]:
    """(directive line, directive, finding) for each finding a directive silences in ``text``:
    the text is checked again with every directive made inert."""
    from hooklint.run import check_data

    for syntax in SYNTAXES:
        if syntax.kinds is None or kind in syntax.kinds:
            text = syntax.neutralize(text)
    unsilenced = check_data(path, text.encode("utf-8", "surrogatepass"), settings)
    return [
        (lineno, d, f)
        for lineno, d in directives
        for f in unsilenced
        if f.line == lineno + d.offset and d.silences(f.code)
    ]


def _silenced_on_changed_lines(
    file: _File, old_text: str, kept: list[tuple[int, Directive]], settings: Settings
) -> list[Diagnostic]:
    """The findings that directives older than the change silence on lines it edits, less
    those they silenced before it (the same code and message: the same word)."""
    now = _silenced(file.path, file.kind, file.text, kept, settings)
    if not now:
        return []
    old_directives = [
        (lineno, d)
        for lineno, line in enumerate(LINE_END.split(old_text), 1)
        for d in directives_in(line, file.kind)
    ]
    before = Counter(
        (f.code, f.message)
        for _, _, f in _silenced(file.path, file.kind, old_text, old_directives, settings)
    )
    codes: dict[tuple[int, int, str], set[str]] = {}
    for lineno, d, f in now:
        if before[(f.code, f.message)] > 0:
            before[(f.code, f.message)] -= 1
            continue
        codes.setdefault((lineno + d.offset, lineno, d.text), set()).add(f.code)
    return [
        _at(
            file.path,
            target,
            1,
            f"change edits a line under an existing suppression ({text} on line {lineno}), "
            f"which silences {', '.join(sorted(found))} there",
        )
        for (target, lineno, text), found in sorted(codes.items())
    ]


def _at(path: str, line: int, col: int, message: str) -> Diagnostic:
    return Diagnostic(path, line, col, CODE, safe(message))


# ----------------------------------------------------------------------------- configuration


class _Found(NamedTuple):
    """A configuration file: where it is (relative to the current directory) and its bytes."""

    path: str
    data: bytes


def _config_at_rev(rev: str, explicit: str | None, cwd: str, flag: str) -> _Found | None:
    """The configuration file that ``find_config`` (or ``--config``) would use, as in ``rev``."""
    from hooklint.git import GitError, files_at

    if explicit is not None:
        candidates = [explicit]
    else:
        # From the current directory up to the top of the work tree, as find_config walks.
        candidates = []
        up = ""
        here = os.path.abspath(cwd)
        while True:
            candidates += [os.path.join(up, ".hooklint.toml"), os.path.join(up, "pyproject.toml")]
            if os.path.exists(os.path.join(here, ".git")) or os.path.dirname(here) == here:
                break
            here, up = os.path.dirname(here), os.path.join(up, os.pardir)
    try:
        contents = files_at(rev, candidates, cwd)
    except GitError as exc:
        raise UsageError(f"{flag} {rev}: {exc}") from None
    for path, data in zip(candidates, contents, strict=True):
        if data is None:
            continue
        if explicit is not None or os.path.basename(path) == ".hooklint.toml":
            return _Found(os.path.normpath(path), data)
        if b"[tool.hooklint" in data:
            return _Found(os.path.normpath(path), data)
        return None  # a pyproject.toml without hooklint's table: the project root
    return None


def trusted_config(rev: str, explicit: str | None, cwd: str) -> Config:
    """The configuration as it is in revision ``rev`` (``--config-from``); UsageError when it
    cannot be read there or is not valid."""
    found = _config_at_rev(rev, explicit, cwd, "--config-from")
    if found is None:
        if explicit is not None:
            raise UsageError(f"--config {explicit}: no such file in revision {rev}")
        return Config([], None)
    config = _parse(found, f"{found.path} at {rev}", cwd)
    return config


def _parse(found: _Found, label: str, cwd: str) -> Config:
    config = parse_config(found.data, os.path.join(cwd, found.path), label)
    try:
        build_parser().parse_args(config.argv)
    except UsageError as exc:
        raise UsageError(f"{label}: {exc}") from None
    return config


#: option (argparse attribute) → how a change of it can silence findings
_WIDENED_BY_ADDING = ("per_file_ignores", "exclude", "allowed_characters", "allow_domains",
                      "allow_shorteners", "allow_phrases", "own_domains")  # fmt: skip
_SELECTION = ("select", "extend_select", "ignore")
#: options whose change never hides a finding
_HARMLESS = frozenset({"format"})


class _View(NamedTuple):
    """A configuration as the options it sets."""

    args: argparse.Namespace
    project_domains: tuple[str, ...]


def _view(config: Config) -> _View:
    return _View(build_parser().parse_args(config.argv), config.project_domains)


def _config_findings(
    rev: str, args: argparse.Namespace | SimpleNamespace, cwd: str
) -> list[Diagnostic]:
    """The configuration this run uses, at REV and now (which may be different files, as when a
    change adds a .hooklint.toml beside a pyproject.toml); then every other hooklint
    configuration file the change edits, each against itself at REV (a subproject's, or one
    that another way of running hooklint would find)."""
    explicit = args.config
    old = _config_at_rev(rev, explicit, cwd, "--diff")
    new_path = explicit if explicit is not None else find_config(cwd)
    new = None if new_path is None else _read(os.path.relpath(new_path, cwd), cwd)
    out = _compare(rev, old, new, cwd)
    seen = {found.path for found in (old, new) if found is not None}

    from hooklint.git import GitError, changed_lines, files_at

    try:
        others = sorted(
            path
            for path in changed_lines(rev, cwd=cwd)
            if os.path.basename(path) in (".hooklint.toml", "pyproject.toml")
            and os.path.normpath(path) not in seen
        )
        before = files_at(rev, others, cwd) if others else []
    except GitError as exc:
        raise UsageError(str(exc)) from None
    for path, data in zip(others, before, strict=True):
        was = None if data is None else _Found(os.path.normpath(path), data)
        out += _compare(rev, _hooklints(was), _hooklints(_read(path, cwd)), cwd)
    return out


def _read(path: str, cwd: str) -> _Found | None:
    try:
        with open(os.path.join(cwd, path), "rb") as f:
            return _Found(os.path.normpath(path), f.read())
    except OSError:
        return None


def _hooklints(found: _Found | None) -> _Found | None:
    """``found`` if it is hooklint's configuration: a pyproject.toml without a [tool.hooklint]
    table belongs to other tools."""
    if found is None or os.path.basename(found.path) != "pyproject.toml":
        return found
    return found if b"[tool.hooklint" in found.data else None


def _compare(rev: str, old: _Found | None, new: _Found | None, cwd: str) -> list[Diagnostic]:
    """HL004 for each way the configuration ``new`` (None: none) silences more than ``old``."""
    if old is None and new is None:
        return []
    if old is not None and new is not None and old == new:
        return []  # the same file, unchanged

    empty = _view(Config([], None))
    old_view = empty
    if old is not None:
        try:
            old_view = _view(_parse(old, f"{old.path} at {rev}", cwd))
        except UsageError as exc:
            print(
                f"hooklint: warning: {safe(str(exc))}; the configuration of the change is "
                "compared with none",
                file=sys.stderr,
            )
    text = ""
    new_view = empty
    if new is None:
        assert old is not None
        where = old.path  # gone from the work tree: reported where it was
    else:
        where = new.path
        text = new.data.decode("utf-8", "replace")
        try:
            new_view = _view(_parse(new, new.path, cwd))
        except UsageError as exc:
            return [_at(where, 1, 1, f"change leaves a configuration that cannot be read: {exc}")]

    out = []
    for key, message, item in _widenings(old_view, new_view):
        line, col = _line_of(text, key, item)
        out.append(_at(where, line, col, message))
    return out


def _widenings(old: _View, new: _View) -> Iterable[tuple[str, str, str | None]]:
    """(configuration key, message, an item to point at) for each way ``new`` silences more."""
    o, n = vars(old.args), vars(new.args)
    lost = sorted(selection_of(old.args).enabled - selection_of(new.args).enabled)
    if lost:
        steps = []
        for name in _SELECTION:
            if o[name] == n[name]:
                continue
            if name == "select":
                was = ",".join(o[name]) if o[name] is not None else "HL (default)"
                now = ",".join(n[name]) if n[name] is not None else "HL (default)"
                steps.append(f"select = {now} (was {was})")
            else:
                added = [c for c in n[name] if c not in o[name]]
                removed = [c for c in o[name] if c not in n[name]]
                if added:
                    steps.append(f"{_key_of(name)} += {','.join(added)}")
                if removed:
                    steps.append(f"{_key_of(name)} -= {','.join(removed)}")
        first = next((name for name in _SELECTION if o[name] != n[name]), "ignore")
        yield (
            _key_of(first),
            f"change widens the configuration: {'; '.join(steps) or 'selection'} "
            f"(turns off {_some(lost)})",
            None,
        )
    for name in _WIDENED_BY_ADDING:
        before, after = _items(old, name), _items(new, name)
        added = [item for item in after if not _covered(name, item, before)]
        if added:
            shown = [_show(name, item) for item in added]
            key = _key_of(name)
            message = f"change widens the configuration: {key} += {_some(shown)}"
            yield key, message, _spelling(name, added[0])
    if o["deny_list"] != n["deny_list"]:
        yield "deny-list", "change replaces the deny list (deny-list)", None
    for name in sorted(set(o) | set(n)):
        known = {*_SELECTION, *_WIDENED_BY_ADDING, "deny_list"}
        if name not in known and name not in _HARMLESS and o.get(name) != n.get(name):
            key = _key_of(name)
            yield key, f"change alters a setting hooklint cannot judge: {key}", None


def _key_of(name: str) -> str:
    return name.replace("_", "-")


def _items(view: _View, name: str) -> list[Any]:
    values = list(getattr(view.args, name))
    if name == "per_file_ignores":  # one item per (pattern, code)
        values = [(pattern, code) for pattern, codes in values for code in codes]
    if name == "own_domains":
        values += [d for d in view.project_domains if d not in values]
    return values


def _covered(name: str, item: Any, before: list[Any]) -> bool:
    if item in before:
        return True
    if name == "per_file_ignores":
        pattern, code = item
        return any(p == pattern and code.startswith(c) for p, c in before)
    if name == "allowed_characters" and isinstance(item, tuple):
        first, last = item
        for low, high in sorted(b for b in before if isinstance(b, tuple)):
            if low <= first <= high + 1:
                first = max(first, high + 1)
            if first > last:
                return True
    return False


def _show(name: str, item: Any) -> str:
    if name == "per_file_ignores":
        return f"{item[0]}:{item[1]}"
    if isinstance(item, tuple):
        first, last = item
        if first == last:
            from hooklint.diagnostic import describe

            return describe(chr(first))
        return f"U+{first:04X}-U+{last:04X}"
    return str(item)


def _spelling(name: str, item: Any) -> str:
    """How ``item`` is most likely written in the configuration file, to find its line."""
    if name == "per_file_ignores":
        return str(item[0])
    if isinstance(item, tuple):
        first, last = item
        return chr(first) if first == last else f"U+{first:04X}"
    return str(item)


def _some(items: Sequence[str], most: int = 8) -> str:
    if len(items) <= most:
        return ", ".join(items)
    return ", ".join(items[:most]) + f" and {len(items) - most} more"


def _line_of(text: str, key: str, item: str | None) -> tuple[int, int]:
    """Where ``key`` (or, better, ``item`` in its value) is set in a configuration's text:
    1-based (line, column), (1, 1) when it cannot be found."""
    lines = text.splitlines()
    key_re = re.compile(
        rf"""^\s*(?:\[\s*(?:tool\s*\.\s*hooklint\s*\.\s*)?)?(["']?){re.escape(key)}\1\s*[=\]]"""
    )
    table = re.compile(r"^\s*\[\s*tool\s*\.\s*hooklint\s*[.\]]")
    start = next((i for i, line in enumerate(lines) if table.match(line)), 0)
    for i in range(start, len(lines)):
        m = key_re.match(lines[i])
        if m is None:
            continue
        if item is not None:
            for j in range(i, min(len(lines), i + 200)):
                if j > i and re.match(r"^\s*(?:\[|[\w\"'-]+\s*=)", lines[j]):
                    break
                at = lines[j].find(item)
                if at >= 0 and (j > i or at > m.end()):
                    return j + 1, at + 1
        return i + 1, len(lines[i]) - len(lines[i].lstrip()) + 1
    return (start + 1, 1) if start else (1, 1)


def _deny_list_findings(rev: str, path: str, cwd: str) -> list[Diagnostic]:
    """Entries the change removes from the deny list in use (HL308 then lets them pass)."""
    from hooklint.git import GitError, files_at

    shown = os.path.relpath(path, cwd) if os.path.isabs(path) else path

    def fragments(data: bytes | None) -> Counter[str]:
        lines = (data or b"").decode("utf-8", "replace").splitlines()
        return Counter(f for f in (line.split("#", 1)[0].strip() for line in lines) if f)

    try:
        with open(path, "rb") as f:
            now = f.read()
        [before] = files_at(rev, [shown], cwd)
    except (OSError, GitError):
        return []  # the run reports a deny list it cannot read
    removed = sorted((fragments(before) - fragments(now)).elements())
    if not removed:
        return []
    return [_at(shown, 1, 1, f"change removes deny-list entries: {_some(removed)}")]


# ---------------------------------------------------------------------------------- baseline


def _baseline_findings(rev: str, path: str) -> list[Diagnostic]:
    import json

    from hooklint.git import GitError, files_at

    def entries(data: bytes | None) -> Counter[str]:
        try:
            document = json.loads(data or b"{}")
        except ValueError:
            return Counter()
        listed = document.get("findings") if isinstance(document, dict) else None
        return Counter(str(e) for e in listed) if isinstance(listed, list) else Counter()

    try:
        with open(path, "rb") as f:
            now = f.read()
        [before] = files_at(rev, [path])
    except (OSError, GitError):
        return []  # the run reports a baseline it cannot read
    added = entries(now) - entries(before)
    if not added:
        return []
    text = now.decode("utf-8", "replace").splitlines()
    out = []
    for entry in sorted(added):
        shown = json.dumps(entry, ensure_ascii=True)
        line = next((i for i, t in enumerate(text, 1) if shown in t), 1)
        parts = entry.split("\0")
        what = f"{parts[0]} {parts[1]}" if len(parts) >= 2 else entry[:80]
        out.append(_at(path, line, 1, f"change adds a baseline entry: {what}"))
    return out


# --------------------------------------------------------------------------------- the audit


def reports_audit(argv: Sequence[str], settings: Settings, config_from: str | None) -> bool:
    """Whether HL004 is wanted: the configuration under audit cannot say no, so only the
    command line decides, or a configuration from a trusted revision."""
    if config_from:
        return CODE in settings.selection
    return CODE in selection_of(build_parser().parse_args(list(argv)))


def audit_change(
    argv: Sequence[str],
    args: argparse.Namespace | SimpleNamespace,
    settings: Settings,
    sources: Sequence[tuple[str, bytes | None]],
    changed: dict[str, object],
) -> list[Diagnostic]:
    """Every HL004 finding of the change since ``settings.diff``; UsageError when git fails."""
    rev = settings.diff
    if not rev or not reports_audit(argv, settings, args.config_from):
        return []
    cwd = os.getcwd()
    found = _directive_findings(rev, sources, changed, settings)
    if not args.no_config:
        found += _config_findings(rev, args, cwd)
    if args.deny_list:
        found += _deny_list_findings(rev, args.deny_list, cwd)
    if settings.baseline:
        found += _baseline_findings(rev, settings.baseline)
    return found
