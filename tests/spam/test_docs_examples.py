"""The `--explain` example of every spam rule is reported by that rule: the documentation
describes what the engine does."""

from __future__ import annotations

import pytest

from hooklint.docs import RULES
from hooklint.spam import SpamOptions, check_spam

CODES = [f"HL3{n:02d}" for n in range(1, 12)]


@pytest.mark.parametrize("code", CODES, ids=CODES)
def test_example_is_reported(code: str) -> None:
    example = RULES[code].example
    options = SpamOptions()
    if code == "HL308":
        # The example names its deny-list line and its link in code spans.
        options = SpamOptions(deny_patterns=(r"cheap-pills\.example",))
        example = example.replace("`", "")
    found = {f.code for f in check_spam(example, "markdown", options)}
    assert code in found, (code, found)
