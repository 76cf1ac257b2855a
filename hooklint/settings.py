"""Options: one definition for the command line and for ``[tool.hooklint]``, and the frozen
``Settings`` built from them once per run.

Configuration is read from ``.hooklint.toml`` (top-level keys) or ``[tool.hooklint]`` in
``pyproject.toml``, found in the current directory or the nearest parent. Each key is turned into
the command-line words it stands for and parsed by the same parser as ``argv``, before it, so a
flag given on the command line wins over the file (options that add up, such as ``ignore`` or
``extend-select``, take both).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from types import SimpleNamespace

from hooklint.records import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import argparse
    from typing import Any

#: every rule code; HL106 is opt-in (selected only by its full code)
ALL_CODES = (
    "HL001", "HL002", "HL004",
    "HL101", "HL102", "HL103", "HL104", "HL105", "HL106", "HL107",
    "HL201", "HL202", "HL203", "HL204", "HL205",
    "HL301", "HL302", "HL303", "HL304", "HL305", "HL306", "HL307", "HL308", "HL309", "HL310",
    "HL311", "HL312", "HL313",
)  # fmt: skip
OPT_IN = frozenset({"HL106"})
FORMATS = ("default", "json", "sarif", "github")


class UsageError(Exception):
    """A bad command line or configuration: the message is printed and the exit status is 2."""


class Selection:
    """Which codes are reported, from select / extend-select / ignore (prefixes allowed).

    As in ruff, the most specific matching prefix decides; at equal length, ignore wins.
    """

    def __init__(self, select: Sequence[str], extend: Sequence[str], ignore: Sequence[str]):
        chosen = [*select, *extend]
        self.enabled = frozenset(
            code
            for code in ALL_CODES
            if _best(code, chosen) > _best(code, ignore) and (code not in OPT_IN or code in chosen)
        )
        self.spam = any(code.startswith("HL3") for code in self.enabled)

    def __contains__(self, code: str) -> bool:
        return code in self.enabled

    def without(self, ignore: Iterable[str]) -> Selection:
        """This selection less the codes matching ``ignore`` (for per-file ignores)."""
        narrowed = Selection((), (), ())
        narrowed.enabled = frozenset(c for c in self.enabled if _best(c, ignore) < 0)
        narrowed.spam = any(code.startswith("HL3") for code in narrowed.enabled)
        return narrowed


def _best(code: str, prefixes: Iterable[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


# Converters: each takes one string (a command-line value or one item of a configuration list)
# and raises argparse.ArgumentTypeError with a message the user can act on.


def _bad(message: str) -> Exception:
    """The error a converter raises (argparse is imported only when something is wrong)."""
    import argparse

    return argparse.ArgumentTypeError(message)


def codes(value: str) -> list[str]:
    """``HL101,HL2`` → ["HL101", "HL2"]; ``ALL`` stands for every code."""
    found = [c.strip().upper() for c in value.split(",") if c.strip()]
    for c in found:
        if c != "ALL" and not any(code.startswith(c) for code in ALL_CODES):
            raise _bad(f"unknown rule code or prefix: {c!r}")
    return ["HL" if c == "ALL" else c for c in found]


def jobs(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise _bad(f"expected a positive number of jobs, got {value!r}")
    return count


def per_file_ignore(value: str) -> tuple[str, tuple[str, ...]]:
    """``docs/*.md:HL301,HL302`` → ("docs/*.md", ("HL301", "HL302"))."""
    pattern, sep, listed = value.rpartition(":")
    if not sep or not pattern.strip():
        raise _bad(f"expected PATTERN:CODES, got {value!r}")
    return pattern.strip(), tuple(codes(listed))


# (A pattern string, compiled by re on first use: most runs allow no character.)
_CODE_POINTS = r"(?i)U\+([0-9A-F]{4,6})(?:\s*-\s*U\+([0-9A-F]{4,6}))?"


def allowed_character(value: str) -> tuple[int, int] | str:
    """A character (``é``), a code point (``U+00E9``), a range (``U+0400-U+04FF``), or a script
    name (``Cyrillic``): a (first, last) code point range, or a script name in upper case."""
    text = value.strip()
    if len(text) == 1:
        return (ord(text), ord(text))
    m = re.fullmatch(_CODE_POINTS, text)
    if m:
        first, last = int(m.group(1), 16), int(m.group(2) or m.group(1), 16)
        if first > last or last > 0x10FFFF:
            raise _bad(f"bad code point range {value!r}")
        return (first, last)
    from hooklint.unicode.chars import SCRIPTS

    script = text.upper().replace(" ", "_")
    if script not in SCRIPTS:
        raise _bad(
            f"{value!r} is not a character, a U+XXXX code point or range, or a Unicode script name"
        )
    return script


def domain(value: str) -> str:
    text = value.strip().lower().rstrip(".")
    if not text or any(c in text for c in "/ :@?#"):
        raise _bad(f"expected a domain name like example.org, got {value!r}")
    return text.removeprefix("www.")


def phrase(value: str) -> str:
    if not value.strip():
        raise _bad("an empty phrase")
    return value.strip()


def output_format(value: str) -> str:
    if value not in FORMATS:
        raise _bad(f"expected one of {', '.join(FORMATS)}, got {value!r}")
    return value


def exclude_pattern(value: str) -> list[str]:
    """An --exclude pattern, as the one-item list its ``extend`` action adds."""
    return [value]


class Option(NamedTuple):
    """One command-line option: its spellings, the argparse action that stores it, and more."""

    flags: tuple[str, ...]
    action: str  # store, store_true, count, append or extend
    help: str
    type: Callable[[str], object] | None = None
    default: object = None
    metavar: str | None = None

    @property
    def dest(self) -> str:
        """The attribute it is stored in, named as argparse names it (after the first long flag)."""
        long = next(flag for flag in self.flags if flag.startswith("--"))
        return long[2:].replace("-", "_")

    @property
    def takes_value(self) -> bool:
        return self.action not in ("store_true", "count")


#: the command line's options, in the order of its help. Every option that has a
#: ``[tool.hooklint]`` key is listed in CONFIG.
OPTIONS = (
    Option(
        ("--select",),
        "store",
        type=codes,
        metavar="CODES",
        help="codes or prefixes to report, comma-separated (default: all but opt-in rules)",
    ),
    Option(
        ("--extend-select",),
        "extend",
        type=codes,
        default=[],
        metavar="CODES",
        help="codes or prefixes to add to the selection",
    ),
    Option(
        ("--ignore",),
        "extend",
        type=codes,
        default=[],
        metavar="CODES",
        help="codes or prefixes not to report",
    ),
    Option(
        ("--per-file-ignores",),
        "append",
        type=per_file_ignore,
        default=[],
        metavar="PATTERN:CODES",
        help="codes not to report in files matching a glob pattern",
    ),
    Option(
        ("--exclude",),
        "extend",
        type=exclude_pattern,
        default=[],
        metavar="PATTERN",
        help="glob pattern of files and directories not to check",
    ),
    Option(
        ("--allowed-characters",),
        "append",
        type=allowed_character,
        default=[],
        metavar="CHARS",
        help="a character, U+XXXX, U+XXXX-U+YYYY or a script never reported",
    ),
    Option(
        ("--own-domains",),
        "append",
        type=domain,
        default=[],
        metavar="DOMAIN",
        help="the project's own domains: never spam",
    ),
    Option(
        ("--allow-domains",),
        "append",
        type=domain,
        default=[],
        metavar="DOMAIN",
        help="domains the spam rules leave alone",
    ),
    Option(
        ("--deny-list",),
        "store",
        metavar="FILE",
        help="file of regex fragments of denied domains (HL308)",
    ),
    Option(
        ("--allow-shorteners",),
        "append",
        type=domain,
        default=[],
        metavar="HOST",
        help="URL shortener hosts to allow (HL305)",
    ),
    Option(
        ("--allow-phrases",),
        "append",
        type=phrase,
        default=[],
        metavar="PHRASE",
        help="phrases the phrase rules never report",
    ),
    Option(
        ("--format",),
        "store",
        type=output_format,
        metavar="FORMAT",
        help=f"output format: {', '.join(FORMATS)} (default: default)",
    ),
    Option(
        ("--stdin-filename",),
        "store",
        metavar="NAME",
        help="the path to report for standard input (-), which also gives its file kind",
    ),
    Option(
        ("--staged",),
        "store_true",
        default=False,
        help="check the files staged in git (from the index)",
    ),
    Option(
        ("--diff",), "store", metavar="REV", help="report only findings on lines changed since REV"
    ),
    Option(
        ("--baseline",), "store", metavar="FILE", help="report only findings not recorded in FILE"
    ),
    Option(
        ("--write-baseline",),
        "store",
        metavar="FILE",
        help="record today's findings in FILE and exit 0",
    ),
    Option(("--statistics",), "store_true", default=False, help="count the findings of each code"),
    Option(
        ("--show-source",),
        "store_true",
        default=False,
        help="show each finding's line with a caret",
    ),
    Option(
        ("--exit-zero",), "store_true", default=False, help="exit 0 even when there are findings"
    ),
    Option(
        ("-q", "--quiet"),
        "count",
        default=0,
        help="print only the names of files with findings (twice: print nothing)",
    ),
    Option(
        ("-j", "--jobs"),
        "store",
        type=jobs,
        default=None,
        metavar="N",
        help="check files in N processes (default: the cores that other processes leave idle)",
    ),
    Option(
        ("--fix",),
        "store_true",
        default=False,
        help="repair what is certain, in place; report the rest",
    ),
    Option(
        ("--config",),
        "store",
        metavar="FILE",
        help="configuration file (default: .hooklint.toml or [tool.hooklint] in pyproject.toml, "
        "in this directory or the nearest parent)",
    ),
    Option(("--no-config",), "store_true", default=False, help="ignore every configuration file"),
    Option(
        ("--config-from",),
        "store",
        metavar="REV",
        help="read the configuration file as it is in git revision REV (a trusted branch), "
        "not from the work tree",
    ),
    Option(("--explain",), "store", metavar="CODE", help="print the documentation of a rule"),
    Option(
        ("--version",),
        "store_true",
        default=False,
        help="print the version and the Unicode data version",
    ),
)
_BY_FLAG = {flag: option for option in OPTIONS for flag in option.flags}


def build_parser() -> argparse.ArgumentParser:
    """The command line, as argparse parses it: help, usage errors, and every spelling that
    :func:`_parse_plain` leaves to it."""
    from hooklint.parser import Formatter, Parser

    p = Parser(
        prog="hooklint",
        formatter_class=Formatter,
        description="Find lookalike letters, invisible and control characters, and link spam.",
    )
    p.add_argument(
        "files",
        nargs="*",
        metavar="PATH",
        help="files or directories to check (default: .); - reads standard input",
    )
    for option in OPTIONS:
        kwargs: dict[str, Any] = {"action": option.action, "default": option.default}
        if option.type is not None:
            kwargs["type"] = option.type
        if option.metavar is not None:
            kwargs["metavar"] = option.metavar
        p.add_argument(*option.flags, help=option.help, **kwargs)
    return p


def _parse_plain(words: Sequence[str]) -> SimpleNamespace | None:
    """``words`` parsed as argparse parses them, if they have the plain shape every hook and most
    people use, else None (argparse then parses them, and words any mistake).

    The plain shape: options first, each spelled in full (``--name``, ``--name=value``,
    ``--name value`` with a value not starting with ``-``, ``-q``, ``-j N``), then the paths, none
    starting with ``-`` but ``-`` itself. Anything else (``--help``, an abbreviation, ``-qq``,
    ``-j4``, a bad value, ``--``, an option after a path, which argparse treats in its own way)
    returns None. Skipping argparse saves a short run ~3 ms (its import, gettext and building the
    parser); tests/test_plain_parse.py checks that both give the same on every spelling.
    """
    values: dict[str, Any] = {"files": []}
    for option in OPTIONS:  # (a fresh copy of each list: argparse copies them too)
        values[option.dest] = (
            list(option.default) if isinstance(option.default, list) else option.default
        )
    files: list[str] = values["files"]
    at = 0
    while at < len(words):
        word = words[at]
        at += 1
        if word[:1] != "-" or word == "-":
            files.append(word)
            continue
        if files:  # an option after a path
            return None
        # (argparse splits "-j=4" differently from one Python version to the next: long only)
        name, equals, value = word.partition("=") if word[:2] == "--" else (word, "", "")
        if name not in _BY_FLAG:
            return None
        option = _BY_FLAG[name]
        dest = option.dest
        if not option.takes_value:
            if equals:
                return None
            values[dest] = values[dest] + 1 if option.action == "count" else True
            continue
        if not equals:
            if at == len(words) or words[at][:1] == "-":
                return None
            value = words[at]
            at += 1
        try:
            converted = option.type(value) if option.type is not None else value
        except Exception:  # argparse says what is wrong with the value
            return None
        if option.action == "store":
            values[dest] = converted
        elif option.action == "append":
            values[dest].append(converted)
        else:  # extend
            values[dest].extend(converted)
    return SimpleNamespace(**values)


def parse_options(words: Sequence[str], known_only: bool = False) -> SimpleNamespace:
    """The options in ``words``; UsageError on a mistake. ``known_only``: words that are no
    option are left out, not a mistake (argparse's ``parse_known_args``)."""
    parsed = _parse_plain(words)
    if parsed is not None:
        return parsed
    parser = build_parser()
    if known_only:
        return parser.parse_known_args(list(words), namespace=SimpleNamespace())[0]
    return parser.parse_args(list(words), namespace=SimpleNamespace())


#: configuration key → (flag, kind): "one" a single value, "list" a list of values, "table" a
#: table of pattern → list of codes (per-file-ignores)
CONFIG = {
    "select": ("--select", "list-joined"),
    "extend-select": ("--extend-select", "list-joined"),
    "ignore": ("--ignore", "list-joined"),
    "per-file-ignores": ("--per-file-ignores", "table"),
    "exclude": ("--exclude", "list"),
    "allowed-characters": ("--allowed-characters", "list"),
    "own-domains": ("--own-domains", "list"),
    "allow-domains": ("--allow-domains", "list"),
    "deny-list": ("--deny-list", "one"),
    "allow-shorteners": ("--allow-shorteners", "list"),
    "allow-phrases": ("--allow-phrases", "list"),
    "format": ("--format", "one"),
}


class Config(NamedTuple):
    """A configuration file's options as command-line words, and where it was found."""

    argv: list[str]
    path: str | None
    project_domains: tuple[str, ...] = ()


def find_config(start: str) -> str | None:
    """The nearest ``.hooklint.toml``, or ``pyproject.toml`` with a [tool.hooklint] table."""
    here = os.path.abspath(start)
    while True:
        candidate = os.path.join(here, ".hooklint.toml")
        if os.path.isfile(candidate):
            return candidate
        candidate = os.path.join(here, "pyproject.toml")
        if os.path.isfile(candidate):
            try:
                with open(candidate, encoding="utf-8", errors="replace") as f:
                    if "[tool.hooklint" in f.read():
                        return candidate
            except OSError:
                pass
            # The project root: configuration above it belongs to someone else.
            return None
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def load_config(path: str) -> Config:
    """Read a configuration file into command-line words; UsageError when it is not valid."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise UsageError(f"cannot read configuration {path}: {exc}") from None
    return parse_config(data, path)


def parse_config(data: bytes, path: str, label: str | None = None) -> Config:
    """The configuration in ``data``, the content of the file at ``path`` (``label`` names it in
    messages, such as ``pyproject.toml at origin/main``); UsageError when it is not valid."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10
        import tomli as tomllib

    label = label or path
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"cannot read configuration {label}: {exc}") from None
    where = label
    table: Any = document
    if os.path.basename(path) == "pyproject.toml":
        tool = document.get("tool", {})
        table = tool.get("hooklint", {}) if isinstance(tool, dict) else None
        where = f"{label} [tool.hooklint]"
    if not isinstance(table, dict):
        raise UsageError(f"{where}: expected a table of options")
    argv: list[str] = []
    for key, value in table.items():
        if key not in CONFIG:
            known = ", ".join(sorted(CONFIG))
            raise UsageError(f"{where}: unknown option {key!r} (known options: {known})")
        flag, kind = CONFIG[key]
        argv.extend(_config_words(where, key, flag, kind, value))
    base = os.path.dirname(os.path.abspath(path))
    for i, word in enumerate(argv):  # a deny-list path is relative to the configuration file
        if i and argv[i - 1] == "--deny-list" and not os.path.isabs(word):
            argv[i] = os.path.join(base, word)
    return Config(argv, path, _domains_of(_project_urls(document)))


def _project_urls(document: dict[str, object]) -> list[object]:
    """The project's own URLs: ``[project.urls]``, and Poetry's ``homepage``, ``repository``,
    ``documentation`` and ``[tool.poetry.urls]`` (the same declaration in Poetry's table)."""
    found: list[object] = []
    project = document.get("project")
    if isinstance(project, dict) and isinstance(project.get("urls"), dict):
        found.extend(project["urls"].values())
    tool = document.get("tool")
    poetry = tool.get("poetry") if isinstance(tool, dict) else None
    if isinstance(poetry, dict):
        found.extend(poetry.get(key) for key in ("homepage", "repository", "documentation"))
        if isinstance(poetry.get("urls"), dict):
            found.extend(poetry["urls"].values())
    return found


def _config_words(where: str, key: str, flag: str, kind: str, value: object) -> list[str]:
    def bad(expected: str) -> UsageError:
        return UsageError(f"{where}: {key} must be {expected}, not {value!r}")

    if kind == "one":
        if not isinstance(value, str):
            raise bad("a string")
        return [f"{flag}={value}"]
    if kind == "table":
        if not isinstance(value, dict):
            raise bad("a table of pattern = [codes]")
        words = []
        for pattern, listed in value.items():
            if not (isinstance(listed, list) and all(isinstance(c, str) for c in listed)):
                raise bad("a table of pattern = [codes]")
            words.append(f"{flag}={pattern}:{','.join(listed)}")
        return words
    if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
        raise bad("a list of strings")
    if kind == "list-joined":
        return [f"{flag}={','.join(value)}"] if value else [f"{flag}="]
    return [f"{flag}={v}" for v in value]


def _domains_of(urls: Iterable[object]) -> tuple[str, ...]:
    found = []
    for url in urls:
        if isinstance(url, str):
            host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower()).split("/")[0]
            host = host.split("@")[-1].split(":")[0].removeprefix("www.")
            if "." in host:
                found.append(host)
    return tuple(found)


class Settings(NamedTuple):
    """Everything a run needs to know, built once from the command line and the configuration."""

    files: tuple[str, ...]
    selection: Selection
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...]
    exclude: tuple[str, ...]
    allowed_ranges: tuple[tuple[int, int], ...]
    allowed_scripts: frozenset[str]
    spam: Any  # hooklint.spam.SpamOptions, kept untyped here so importing settings stays cheap
    fmt: str
    staged: bool
    diff: str | None
    baseline: str | None
    write_baseline: str | None
    statistics: bool
    show_source: bool
    exit_zero: bool
    quiet: int
    jobs: int | None  # None: as many as the cores that other processes leave idle
    root: str  # the directory that patterns in the configuration are relative to

    def selection_for(self, path: str) -> Selection:
        """The selection less the per-file ignores that match ``path``."""
        ignored = [c for pattern, cs in self.per_file_ignores if matches(path, pattern, self.root)
                   for c in cs]  # fmt: skip
        return self.selection.without(ignored) if ignored else self.selection

    def excluded(self, path: str) -> bool:
        return any(matches(path, pattern, self.root) for pattern in self.exclude)

    def allows(self, char: str | None) -> bool:
        """Whether ``char`` is an allowed character (never reported)."""
        if char is None or not (self.allowed_ranges or self.allowed_scripts):
            return False
        cp = ord(char)
        if any(first <= cp <= last for first, last in self.allowed_ranges):
            return True
        if self.allowed_scripts:
            from hooklint.unicode.chars import SCRIPTS, script_and_kind

            return SCRIPTS[script_and_kind(char)[0]] in self.allowed_scripts
        return False


def matches(path: str, pattern: str, root: str) -> bool:
    """flake8-style path matching: the pattern against the path relative to ``root``, against the
    path as given, or against its file name; a pattern naming a directory covers its files."""
    import fnmatch  # (here: most runs have no pattern to match)

    given = path.replace(os.sep, "/").removeprefix("./")
    relative = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    pattern = pattern.replace(os.sep, "/").removeprefix("./").rstrip("/")
    for candidate in (relative, given):
        if fnmatch.fnmatchcase(candidate, pattern) or fnmatch.fnmatchcase(
            candidate, pattern + "/*"
        ):
            return True
    return fnmatch.fnmatchcase(os.path.basename(given), pattern)


def make_settings(argv: Sequence[str], cwd: str | None = None) -> tuple[Settings, SimpleNamespace]:
    """Parse ``argv`` after the configuration's own words; UsageError on any mistake."""
    cwd = cwd or os.getcwd()
    early = parse_options(argv, known_only=True)
    config = Config([], None)
    if not early.no_config:
        if early.config_from:  # checked there, with the revision named in its messages
            from hooklint.audit import trusted_config

            config = trusted_config(early.config_from, early.config, cwd)
        else:
            path = early.config or find_config(cwd)
            if path is not None:
                config = load_config(path)
            try:
                parse_options(config.argv)
            except UsageError as exc:
                where = config.path or "configuration"
                raise UsageError(f"{where}: {exc}") from None
    args = parse_options([*config.argv, *argv])
    ranges = tuple(a for a in args.allowed_characters if isinstance(a, tuple))
    scripts = frozenset(a for a in args.allowed_characters if isinstance(a, str))
    root = os.path.dirname(os.path.abspath(config.path)) if config.path else cwd
    settings = Settings(
        files=tuple(args.files),
        selection=selection_of(args),
        per_file_ignores=tuple(args.per_file_ignores),
        exclude=tuple(args.exclude),
        allowed_ranges=ranges,
        allowed_scripts=scripts,
        spam=_spam_options(args, config),
        fmt=args.format or "default",
        staged=args.staged,
        diff=args.diff,
        baseline=args.baseline,
        write_baseline=args.write_baseline,
        statistics=args.statistics,
        show_source=args.show_source,
        exit_zero=args.exit_zero,
        quiet=args.quiet,
        jobs=args.jobs,
        root=root,
    )
    return settings, args


def selection_of(args: argparse.Namespace | SimpleNamespace) -> Selection:
    """The codes reported by the options in ``args``."""
    select = args.select if args.select is not None else ["HL"]
    return Selection(select, args.extend_select, args.ignore)


def _spam_options(args: SimpleNamespace, config: Config) -> Any:
    """The spam rules' options, or None when the spam engine is not installed yet."""
    try:
        from hooklint.spam import SpamOptions, read_deny_list
    except ImportError:
        return None
    deny: tuple[str, ...] = ()
    if args.deny_list:
        try:
            deny = tuple(read_deny_list(args.deny_list))
        except (OSError, ValueError) as exc:
            raise UsageError(f"--deny-list {args.deny_list}: {exc}") from None
    return SpamOptions(
        own_domains=frozenset([*args.own_domains, *config.project_domains]),
        allow_domains=frozenset(args.allow_domains),
        deny_patterns=deny,
        allow_shorteners=frozenset(args.allow_shorteners),
        allow_phrases=tuple(args.allow_phrases),
    )
