"""Hostile inputs: each shape must be checked in time proportional to its size.

The shapes run one after another in a subprocess under a generous timeout (no timing
assertions: a catastrophic regex or a quadratic loop shows up as a timeout). The
shapes are the ones named in issue 3; by default they are a twentieth of the named size so
that the suite stays fast, and ``HOOKLINT_HOSTILE_FULL=1`` runs them at full size.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FULL = os.environ.get("HOOKLINT_HOSTILE_FULL") == "1"
SCALE = 1 if FULL else 20
TIMEOUT = 600.0

_OPENER = "If you adored this short article and you would like to receive more info regarding "

# name -> (kind, Python expression building the text, what the check must report)
SHAPES: dict[str, tuple[str, str, str]] = {
    "unclosed-brackets": ("markdown", f"'[' * {100_000 // SCALE} + ' https://bit.ly/x'", "HL305"),
    "unclosed-brackets-words": (
        "markdown",
        f"'[a ' * {100_000 // SCALE} + ' https://bit.ly/x'",
        "HL305",
    ),
    "unclosed-anchor-tags": (
        "markdown",
        f"'<a href=\"https://x.example/\" ' * {100_000 // SCALE} + 'style=\"display:none\">'",
        "",
    ),
    "unclosed-anchor-tags-html": (
        "html",
        f"'<a href=\"https://x.example/\" ' * {100_000 // SCALE} + 'style=\"display:none\">'",
        "",
    ),
    "host-of-100k-labels": ("markdown", "'see https://' + 'a.' * 100_000 + 'com/ now'", ""),
    "punycode-labels": ("text", "'see https://' + 'xn--pple-43d.' * 20_000 + 'com/ now'", ""),
    "template-opener-repeated": (
        "markdown",
        f"{_OPENER!r} * {20_000 // SCALE} + 'X kindly visit our own web-site.'",
        "HL301",
    ),
    "long-line": (
        "text",
        f"'word ' * {4_000_000 // SCALE} + 'https://bit.ly/x {{great|nice}} {{a|b}}'",
        "HL305",
    ),
    "long-line-markdown": (
        "markdown",
        f"'word ' * {4_000_000 // SCALE} + 'https://bit.ly/x {{great|nice}} {{a|b}}'",
        "HL311",
    ),
    "site-words": ("markdown", f"'our own web page ' * {1_000_000 // SCALE}", ""),
    "backtick-runs": ("text", f"'` ' * {1_000_000 // SCALE} + 'visit our own web-site'", ""),
    "spintax-braces": ("markdown", f"'{{a|b}} ' * {100_000 // SCALE} + '{{great|nice}} post'", ""),
    "nested-hidden-elements": (
        "html",
        f"'<div style=\"display:none\">' * {100_000 // SCALE} + '<a href=\"https://x.example/\">x</a>'",
        "HL307",
    ),
    "lookalike-words": (
        "markdown",
        f"'t\\u04bbis ' * {1_000_000 // SCALE} + 'visit our own web-site'",
        "",
    ),
    "rst-backticks": ("rst", f"'`x' * {100_000 // SCALE} + ' `a <https://bit.ly/x>`_'", "HL305"),
    "po-escaped-quotes": (
        "po",
        f"'msgid \"' + '\\\\\\\\\"' * {1_000_000 // SCALE} + ' https://bit.ly/x\"\\n'",
        "HL305",
    ),
}

# Runs every shape in one process (one import), printing "name: codes" as each finishes, so
# that a shape that never finishes is the one after the last line printed.
SCRIPT = textwrap.dedent(
    """
    import sys
    from hooklint.spam import check_spam
    for name, kind, expression in zip(*[iter(sys.argv[1:])] * 3):
        found = check_spam(eval(expression), kind)
        print(name + ":", " ".join(sorted({f.code for f in found})), flush=True)
    """
)


@pytest.fixture(scope="module")
def results() -> dict[str, list[str]]:
    arguments = [part for name, (kind, expr, _) in SHAPES.items() for part in (name, kind, expr)]
    try:
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT, *arguments],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            cwd=REPO,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        done = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        pytest.fail(f"not finished after {TIMEOUT:.0f} s (super-linear work?); done: {done!r}")
    assert result.returncode == 0, result.stderr[-2000:]
    out = {}
    for line in result.stdout.splitlines():
        name, _, codes = line.partition(":")
        out[name] = codes.split()
    return out


@pytest.mark.parametrize("name", list(SHAPES), ids=list(SHAPES))
def test_hostile_input_finishes(name: str, results: dict[str, list[str]]) -> None:
    assert name in results, "the check of this shape did not finish"
    expect = SHAPES[name][2]
    if expect:
        assert expect in results[name]
