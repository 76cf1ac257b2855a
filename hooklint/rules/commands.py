"""Where documentation holds shell commands: the lines a reader copies into a terminal.

A no-break space in prose is typography, but in a command of a code block it is part of what is
copied, and the shell does not split a word there (``pip install`` becomes one word). The
lines counted as commands:

- every line of a fenced Markdown block whose language is a shell (```` ```sh ````, ``bash``,
  ``zsh``, ``powershell`` …), or of a reST ``code-block`` directive of such a language, but
  comment lines and lines that do not start with an ASCII character (output pasted into the
  block, such as the box drawing of ``tree``);
- in a block of a terminal session (``console``, ``shell-session`` …) only the lines that start
  with a prompt (``$ ``, ``# ``, ``% ``, ``> ``, ``user@host:~$ ``, ``PS C:\\> ``): the others
  are the command's output;
- in any other code block (an indented Markdown block, a reST ``::`` literal block included), a
  line that starts with a ``$ `` prompt.
"""

from __future__ import annotations

import re

_SHELLS = frozenset(
    "sh bash shell zsh ksh csh tcsh fish dash ash powershell pwsh ps1 posh bat batch cmd "
    "dockerfile".split()
)
_SESSIONS = frozenset(
    "console terminal shell-session shellsession sh-session bash-session doscon "
    "ps1con pwsh-session".split()
)
_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})[ \t]*\{?\.?([\w+-]*)")
_DIRECTIVE = re.compile(r"^(\s*)\.\.[ \t]+(?:code-block|code|sourcecode)::[ \t]*([\w+-]*)")
_SESSION_PROMPT = re.compile(r"^\s*(?:\([^()\s]*\)\s*)?(?:[\w@.:~/\[\]-]*[$#%>]|PS\b[^>]*>)\s+\S")
_DOLLAR_PROMPT = re.compile(r"^\s*\$\s+\S")
_COMMENT = re.compile(r"^\s*(?:#|::|REM\b|rem\b)")


def _is_command(line: str, language: str) -> bool:
    if language in _SHELLS:
        # A command starts with an ASCII character: a line of a shell block that starts
        # otherwise is output pasted into it (the box drawing of `tree`, which pads with
        # no-break spaces, a translated note).
        text = line.lstrip()
        return bool(text) and text[0].isascii() and not _COMMENT.match(line)
    if language in _SESSIONS:
        return bool(_SESSION_PROMPT.match(line))
    return bool(_DOLLAR_PROMPT.match(line))


def command_lines(lines: list[str], rst: bool = False) -> set[int]:
    """The 1-based numbers of the lines of Markdown (or, with ``rst``, reStructuredText) that
    are shell commands in a code block."""
    found: set[int] = set()
    return _rst_commands(lines, found) if rst else _markdown_commands(lines, found)


def _markdown_commands(lines: list[str], found: set[int]) -> set[int]:
    fence = ""
    language = ""
    for number, line in enumerate(lines, 1):
        if fence:
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            elif _is_command(line, language):
                found.add(number)
            continue
        m = _FENCE.match(line)
        if m and not (m.group(2)[0] == "`" and "`" in line[m.end(2) :]):
            fence = m.group(2)
            language = m.group(3).lower()
        elif line.startswith(("    ", "\t")) and _DOLLAR_PROMPT.match(line):
            found.add(number)  # an indented code block
    return found


def _rst_commands(lines: list[str], found: set[int]) -> set[int]:
    indent = -1
    language = ""
    for number, line in enumerate(lines, 1):
        if indent >= 0:
            if not line.strip():
                continue
            if len(line) - len(line.lstrip()) > indent:
                if _is_command(line, language):
                    found.add(number)
                continue
            indent = -1
        m = _DIRECTIVE.match(line)
        if m:
            indent = len(m.group(1))
            language = m.group(2).lower()
        elif line.rstrip().endswith("::"):
            indent = len(line) - len(line.lstrip())  # a literal block (or another directive)
            language = ""
    return found
