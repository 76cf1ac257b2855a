"""The pre-commit entry point, ``hooklint-hook``: no file name can act as an option.

pre-commit runs ``entry + args + filenames`` with no ``--`` between the user's ``args:`` and the
staged file names, so a contributor who stages a file named ``--exit-zero``, ``--version`` or
``--ignore=HL`` would hand hooklint that option. This entry point tells the two apart by what
pre-commit guarantees, and fails closed where it cannot:

1. Every file name pre-commit passes names a path that exists (pre-commit drops the others), and
   each one is passed once. So a word that names an existing path is a file. When the same word
   also stands in the entry or the user's ``args:`` (a user who wrote ``--exit-zero`` and a
   contributor who staged a file of that name), it occurs more than once: one occurrence is the
   file, the others are options. A word that occurs once may still be the user's option while
   a file of that name lies in the tree unchanged (pre-commit does not pass it): read as a file,
   the option is lost. That is safe for an option whose loss only makes the hook report more
   (``--exit-zero``, ``--ignore=...``, ``-q``: DROP_SAFE); for any other option that the word
   spells in full (``--extend-select=HL106``, ``--config=strict.toml``, ``--no-config``) the
   hook cannot tell, and fails (exit 2) naming the file.
2. Every other word that starts with ``-`` is an option, and must be whole in one word: a flag
   (``--exit-zero``, ``-q``, ``-qq``) or ``--name=value`` (``-jN`` for jobs). A value in the next
   word (``--ignore HL3``) cannot be told from a file name, so it is a usage error (exit 2,
   the hook fails): so is an unknown or abbreviated option, and an option that would make the
   hook check nothing (``--version``, ``--explain``, ``--staged``, ``--diff``, ...).
3. Any other word is a file name (one that does not exist is reported as HL001).

The options are then parsed by the ordinary command line, and the files handed to it apart
(``cli.main(options, paths=files)``), so argparse never sees a file name at all.
``--commit-msg`` (the ``hooklint-commit-msg`` hook) checks a commit message file instead
(hooklint.commit_msg).
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence

#: options only the hook has: the commit-msg hook's entry is ``hooklint-hook --commit-msg``
HOOK_ONLY = ("--commit-msg",)

#: options of the command line that make no sense in a hook, or would make it check nothing
REFUSED = frozenset(
    {"-h", "--help", "--version", "--explain", "--staged", "--diff", "--write-baseline",
     "--stdin-filename", "--config-from"}
)  # fmt: skip


#: options (by argparse ``dest``) whose loss can only make the hook report more or the same:
#: a file named like one of them is read as the file even if the user's args held the word
DROP_SAFE = frozenset(
    {"exit_zero", "ignore", "per_file_ignores", "exclude", "allowed_characters", "own_domains",
     "allow_domains", "allow_shorteners", "allow_phrases", "baseline", "quiet", "format",
     "show_source", "statistics", "jobs", "fix"}
)  # fmt: skip


class HookUsageError(Exception):
    """An option in the hook's entry or ``args:`` that the hook cannot take."""


def split_words(
    argv: Sequence[str], exists: Callable[[str], bool] = os.path.lexists
) -> tuple[list[str], list[str]]:
    """(options, files) from pre-commit's ``entry + args + filenames`` (see the module doc)."""
    options, files, _ = _split(argv, exists)
    return options, files


def _split(
    argv: Sequence[str], exists: Callable[[str], bool]
) -> tuple[list[str], list[str], list[str]]:
    """(options, files, option-like files whose word occurs only once)."""
    counts = Counter(argv)
    left = {word: counts[word] for word in counts if exists(word)}  # existing paths not yet seen
    options: list[str] = []
    files: list[str] = []
    for word in argv:
        if word in left:
            # The last occurrence of an existing path is the file (pre-commit puts the files
            # last); any earlier occurrence came from the entry or the user's args.
            left[word] -= 1
            if left[word] == 0 or not _option_like(word):
                files.append(word)
            else:
                options.append(word)
        elif _option_like(word):
            options.append(word)
        else:
            files.append(word)
    lone = [word for word in files if counts[word] == 1 and _option_like(word)]
    return options, files, lone


def check_lone_files(lone: Sequence[str], known: dict[str, bool]) -> None:
    """HookUsageError for a file whose name, occurring once, spells in full an option that is
    not DROP_SAFE: it may be the user's option beside a file pre-commit did not pass."""
    if not lone:  # (the usual case: argparse is not even imported)
        return
    from hooklint.settings import UsageError, build_parser

    parser = build_parser()
    for word in lone:
        name = word.partition("=")[0] if word.startswith("--") else word[:2]
        try:
            check_options([word], known)
            if name not in HOOK_ONLY:
                parser.parse_args([word])
        except (HookUsageError, UsageError):
            continue  # no user could have this word working as an option: it is a file
        action = parser._option_string_actions.get(name)
        if action is not None and action.dest in DROP_SAFE:
            continue
        raise HookUsageError(
            f"the file {word!r} is named like the option {name}, which the hook's args may "
            "hold too: hooklint cannot tell which it is, so it stops; rename the file"
        )


def _option_like(word: str) -> bool:
    return word.startswith("-") and word != "-"


def hook_options() -> dict[str, bool]:
    """Every option the hook knows, long and short spellings: option -> whether it takes a
    value. Derived from the command line's options, so a new option is known here at once."""
    from hooklint.settings import OPTIONS

    known = {"-h": False, "--help": False}  # argparse's own
    for option in OPTIONS:
        for spelling in option.flags:
            known[spelling] = option.takes_value
    known.update(dict.fromkeys(HOOK_ONLY, False))
    return known


def check_options(options: Sequence[str], known: dict[str, bool]) -> None:
    """HookUsageError unless every option is known, allowed and whole in its word."""
    for word in options:
        if word.startswith("--"):
            name, has_value, _ = word.partition("=")
        else:  # a short option: -q, -qq, -j4
            name, has_value = word[:2], "=" if len(word) > 2 else ""
            if has_value and not known.get(name, True) and word[1:] == word[1] * (len(word) - 1):
                has_value = ""  # -qq: a repeated flag
        if name not in known:
            raise HookUsageError(
                f"unknown option {word!r} (the hook takes whole option names, no abbreviations)"
            )
        if name in REFUSED:
            raise HookUsageError(f"{name} cannot be used in the hook, which checks the files given")
        if known[name] and not has_value:
            raise HookUsageError(
                f"{name} needs its value in the same word in the hook's args: "
                f"write {name}=VALUE, not two words"
            )
        if not known[name] and has_value:
            raise HookUsageError(f"{name} takes no value, got {word!r}")


def main(argv: Sequence[str] | None = None) -> int:
    from hooklint.console import guarded

    if argv is None:
        return guarded(lambda: run(sys.argv[1:]))
    return run(argv)


def run(argv: Sequence[str]) -> int:
    from hooklint.diagnostic import safe

    options, files, lone = _split(argv, os.path.lexists)
    try:
        known = hook_options()
        check_options(options, known)
        check_lone_files(lone, known)
    except HookUsageError as exc:
        print(f"hooklint-hook: error: {safe(str(exc))}", file=sys.stderr)
        return 2
    if "--commit-msg" in options:
        from hooklint.commit_msg import check_message_files

        return check_message_files([o for o in options if o != "--commit-msg"], files)
    if not files:  # pre-commit had nothing to give (never a walk of the whole tree)
        return 0
    from hooklint.cli import STDIN
    from hooklint.cli import main as cli_main

    # The file names go around the argument parser, so none can be read as an option; a file
    # named "-" is that file, not standard input.
    return cli_main(options, paths=[f"./{f}" if f == STDIN else f for f in files])


if __name__ == "__main__":
    raise SystemExit(main())
