"""argparse's side of the command line: the help, usage errors, and the spellings that
:func:`hooklint.settings.parse_options` does not read itself. Imported only when needed."""

from __future__ import annotations

import argparse
import os
import sys

from hooklint.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse calls this for every usage error
        from hooklint.settings import UsageError

        raise UsageError(message)


class Formatter(argparse.HelpFormatter):
    """Help as wide as the terminal. (argparse makes a formatter for every option it is given,
    and its own way of measuring the terminal imports shutil, which costs every run time.)"""

    def __init__(self, prog: str) -> None:
        try:
            width = os.get_terminal_size(sys.stdout.fileno()).columns - 2
        except (OSError, ValueError):
            width = 78
        super().__init__(prog, width=max(width, 40))
