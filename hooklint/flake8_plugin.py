"""flake8 plugin: hooklint's checks on Python files, with the codes of the command line (``HL``).

flake8 finds the class through the ``flake8.extension`` entry point and reads what a plugin wants
from the names of its ``__init__`` parameters. This one asks for ``lines``, the file exactly as
flake8 read it (decoded by its coding cookie, UTF-8 BOM stripped), so its columns are the ones
flake8 shows; for ``filename``, to apply the project's configuration per file; and for ``tree``,
because flake8 runs a plugin that takes the syntax tree once per file rather than once per line.

The findings are those of :func:`hooklint.run.python_findings`, less those silenced by an inline
``hooklint: ignore[...]`` comment, as ``hooklint file.py`` prints them; ``# noqa: HL101`` works
too, through flake8's own mechanism. The project's configuration is the command line's
(``.hooklint.toml`` or ``[tool.hooklint]`` of ``pyproject.toml``, found from the current
directory, as the command line finds it; flake8's ``--isolated`` is about flake8's own files and
does not reach it): its select/ignore, per-file ignores, excludes, allowed characters and spam
allow lists apply here as they do there, so ``flake8 --select HL`` and ``hooklint`` agree on a
configured project. HL106 is
opt-in here as on the command line: it is reported when the configuration, ``--select`` or
``--extend-select`` names it in full.

flake8 reads a file with universal newlines, which turns a lone CR into a line end the plugin
cannot see: when the file on disk has one, the plugin reads the file's own text, so that the
lone CR is reported (HL204) on the same line as the command line reports it.

flake8 parses every file as Python: Markdown and other text files are for the command line and
the pre-commit hook. The module does not import flake8.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

import hooklint

if TYPE_CHECKING:
    from hooklint.settings import Settings

#: codes reported only when selected by their full code
OPT_IN = frozenset({"HL106"})


class Plugin:
    """The ``HL`` checks, for one file."""

    name = "hooklint"
    version = hooklint.__version__
    #: the opt-in codes that flake8's options select
    opted_in: frozenset[str] = frozenset()
    #: the project's settings, per directory flake8 ran in
    _settings: ClassVar[dict[str, Settings]] = {}

    def __init__(self, tree: ast.AST, lines: list[str], filename: str = "stdin") -> None:
        # The tree is not needed (a file that flake8 cannot parse never gets here), but asking
        # for it is what makes flake8 run the plugin once per file.
        del tree
        self.lines = lines
        self.filename = filename

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        """Called by flake8 with its parsed options, before any file is checked."""
        chosen = [*(options.select or ()), *(getattr(options, "extend_select", None) or ())]
        cls.opted_in = OPT_IN.intersection(code.strip().upper() for code in chosen)

    def run(self) -> Iterator[tuple[int, int, str, type[Plugin]]]:
        """``(line, column - 1, "CODE message", type)`` for each finding: flake8 adds 1."""
        from hooklint.run import python_findings

        settings = _project_settings()
        if settings.excluded(self.filename):
            return
        selection = settings.selection_for(self.filename)
        spam = settings.spam if selection.spam else None
        for finding in python_findings(self._text(), spam, self.filename):
            code = finding.code
            if code in OPT_IN and code not in self.opted_in and code not in selection:
                continue
            if code not in OPT_IN and code not in selection:
                continue
            if finding.char is not None and settings.allows(finding.char):
                continue
            yield finding.line, finding.col - 1, f"{code} {finding.message}", type(self)

    def _text(self) -> str:
        """The file's text: flake8's lines, or the file's own text when it has a lone CR."""
        text = "".join(self.lines)
        try:
            with open(self.filename, "rb") as f:
                data = f.read()
        except (OSError, ValueError):  # stdin, or a file gone since flake8 read it
            return text
        if b"\r" not in data or data.count(b"\r") == data.count(b"\r\n"):
            return text
        from hooklint.source import decode

        own = decode(data, python=True).text
        # The file on disk must be the one flake8 read (not another file that stdin's
        # --stdin-display-name names, nor one changed since).
        if own is None or own.replace("\r\n", "\n").replace("\r", "\n") != text:
            return text
        return own


def _project_settings() -> Settings:
    """The command line's settings from the configuration found from the current directory
    (made once per directory and process). A broken configuration is said once on stderr, and
    the defaults are used."""
    import os

    from hooklint.settings import UsageError, make_settings

    cwd = os.getcwd()
    cache = Plugin._settings
    if cwd not in cache:
        try:
            cache[cwd] = make_settings([], cwd)[0]
        except UsageError as exc:
            from hooklint.diagnostic import safe

            print(f"hooklint: error: {safe(str(exc))} (the defaults are used)", file=sys.stderr)
            cache[cwd] = make_settings(["--no-config"], cwd)[0]
    return cache[cwd]
