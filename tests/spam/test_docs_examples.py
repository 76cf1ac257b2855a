"""The `--explain` example of every spam rule is reported by that rule: the documentation
describes what the engine does."""

from __future__ import annotations

import pytest

from hooklint.docs import RULES
from hooklint.spam import SpamOptions, check_spam

CODES = [f"HL3{n:02d}" for n in range(1, 14)]


@pytest.mark.parametrize("code", CODES, ids=CODES)
def test_example_is_reported(code: str) -> None:
    example = RULES[code].example
    options = SpamOptions()
    if code == "HL308":
        # The example names its deny-list line and its link in code spans.
        options = SpamOptions(deny_patterns=(r"cheap-pills\.example",))
        example = example.replace("`", "")
    kind = "html" if code == "HL312" else "markdown"
    found = {f.code for f in check_spam(example, kind, options)}
    assert code in found, (code, found)


@pytest.mark.parametrize("code", CODES, ids=CODES)
def test_every_spam_page_has_a_near_miss(code: str) -> None:
    assert RULES[code].near_miss.strip(), code
