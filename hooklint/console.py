"""What every program of hooklint does around its work: streams that can write any text, and an
exit status that never confuses a crash with findings.

Exit status: 0 nothing found, 1 findings, 2 usage error, 3 internal error (a crash, or the
output could not be written). A crash is one line on stderr, never a traceback that a hook
would show as if it were the report.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from hooklint.records import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import NoReturn, TextIO

#: the exit status of a crash: hooklint itself failed, nothing is known about the files
INTERNAL_ERROR = 3


def writable_streams() -> None:
    """Let stdout and stderr write every character, whatever their encoding.

    A pipe on Windows (pre-commit, a CI runner, ``> out.txt``) is cp1252; ``PYTHONIOENCODING``
    may name ascii or latin-1. A character the encoding cannot hold is written as a Python
    escape (``\\u0430``): the report stays complete and readable, and says which code point it
    was. UTF-8 streams are left as they are.
    """
    for stream in (sys.stdout, sys.stderr):
        _backslash_replace(stream)


def _backslash_replace(stream: TextIO | None) -> None:
    reconfigure = getattr(stream, "reconfigure", None)
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if reconfigure is None or encoding in ("utf-8", "utf8"):
        return
    import contextlib  # (here: a UTF-8 stream, the usual one, needs nothing)

    # A stream already closed or detached: nothing to do.
    with contextlib.suppress(ValueError, OSError):
        reconfigure(errors="backslashreplace")


def guarded(body: Callable[[], int]) -> NoReturn:
    """Run a program's body with writable streams, and end the process with its exit status
    (:func:`leave`); a crash exits 3 with a one-line message."""
    leave(_run(body))


def leave(status: int) -> NoReturn:
    """Flush the output and end the process at once, with ``status``.

    The interpreter is not torn down: freeing every module, table and cache one by one costs
    a short run more than its checks do (mypy ends the same way). The output is flushed
    first; output that cannot be written (the reader went away) exits 3, as in the body.
    """
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # BrokenPipeError, a closed or detached stream
        status = INTERNAL_ERROR
    os._exit(status)


def _run(body: Callable[[], int]) -> int:
    import gc

    from hooklint import recache

    # No cycle collection: a run makes almost no cyclic garbage (~200 objects over 8000 files
    # of the corpus), while the collector would walk the rule tables again and again as they
    # load. The process ends soon, and frees everything at once.
    gc.disable()
    writable_streams()
    recache.load()
    try:
        status = body()
    except KeyboardInterrupt:
        print("hooklint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``hooklint . | head``): nothing more can be written, and the
        # interpreter must not try again at exit.
        _silence_stdout()
        return INTERNAL_ERROR
    except Exception as exc:  # the one place that turns a crash into an exit status
        from hooklint.diagnostic import safe

        where = ""
        tb = exc.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        if tb is not None:
            code = tb.tb_frame.f_code
            where = f" in {os.path.basename(code.co_filename)}:{tb.tb_lineno} ({code.co_name})"
        message = safe(f"{type(exc).__name__}: {exc}")
        print(
            f"hooklint: internal error{where}: {message} (exit status {INTERNAL_ERROR}: "
            "the files were not checked; please report this)",
            file=sys.stderr,
        )
        return INTERNAL_ERROR
    recache.save()
    return status


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
