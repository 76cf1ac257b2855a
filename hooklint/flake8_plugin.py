"""flake8 plugin: hooklint's checks on Python files, with the codes of the command line (``HL``).

flake8 finds the class through the ``flake8.extension`` entry point and reads what a plugin wants
from the names of its ``__init__`` parameters. This one asks for ``lines``, the file exactly as
flake8 read it (decoded by its coding cookie, UTF-8 BOM stripped), so its columns are the ones
flake8 shows; and for ``tree``, because flake8 runs a plugin that takes the syntax tree once per
file rather than once per line.

The findings are those of :func:`hooklint.python.check_python`, less those silenced by an inline
``hooklint: ignore[...]`` comment, as ``hooklint file.py`` prints them; ``# noqa: HL101`` works
too, through flake8's own mechanism. HL106 is opt-in here as on the command line: it is reported
only when ``--select`` or ``--extend-select`` names it in full.

flake8 parses every file as Python: Markdown and other text files are for the command line and
the pre-commit hook. The module does not import flake8.
"""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator

import hooklint

#: codes reported only when selected by their full code
OPT_IN = frozenset({"HL106"})


class Plugin:
    """The ``HL`` checks, for one file."""

    name = "hooklint"
    version = hooklint.__version__
    #: the opt-in codes that flake8's options select
    opted_in: frozenset[str] = frozenset()

    def __init__(self, tree: ast.AST, lines: list[str]) -> None:
        # The tree is not needed (a file that flake8 cannot parse never gets here), but asking
        # for it is what makes flake8 run the plugin once per file.
        del tree
        self.lines = lines

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        """Called by flake8 with its parsed options, before any file is checked."""
        chosen = [*(options.select or ()), *(getattr(options, "extend_select", None) or ())]
        cls.opted_in = OPT_IN.intersection(code.strip().upper() for code in chosen)

    def run(self) -> Iterator[tuple[int, int, str, type[Plugin]]]:
        """``(line, column - 1, "CODE message", type)`` for each finding: flake8 adds 1."""
        from hooklint.run import python_findings
        from hooklint.spam import SpamOptions

        text = "".join(self.lines)
        for finding in python_findings(text, SpamOptions()):
            if finding.code not in OPT_IN or finding.code in self.opted_in:
                yield finding.line, finding.col - 1, f"{finding.code} {finding.message}", type(self)
