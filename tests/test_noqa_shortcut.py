"""The shortcut of apply_noqa (no tokenizing when no ``# noqa`` can silence a finding) changes
no result: generated sources, compared with the full logical-line reading."""

from __future__ import annotations

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from hooklint import noqa
from hooklint.rules import Finding

PIECES = [
    "# noqa", "# NOQA", "# noqa:", ": ", ":", " ", "  ", "HL1", "HL101", "HL2", "HL201", "hl101",
    "E501", "W291,", ",", "\n", "\r", "\r\n", "x = (", ")", "'''", '"', "y", "    ", "\\\n", "#",
]  # fmt: skip
CODES = ["HL101", "HL102", "HL201", "HL203", "HL204", "HL301"]


def full(text: str, findings: list[Finding]) -> list[Finding]:
    with mock.patch.object(noqa, "_may_silence", return_value=True):
        return noqa.apply_noqa(text, findings)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    st.lists(st.tuples(st.integers(1, 8), st.sampled_from(CODES)), min_size=1, max_size=6),
)
def test_same_as_reading_every_logical_line(text: str, where: list[tuple[int, str]]) -> None:
    findings = [Finding(line, 1, code, "m", None) for line, code in where]
    assert noqa.apply_noqa(text, findings) == full(text, findings)


def test_other_linters_codes_need_no_tokenizer() -> None:
    text = "x = 1  # noqa: E501\ny = '\u0430'\n"
    findings = [Finding(2, 6, "HL102", "m", "\u0430")]
    with mock.patch.object(noqa, "_logical_lines", side_effect=AssertionError("tokenized")):
        assert noqa.apply_noqa(text, findings) == findings


def test_a_code_on_the_next_line_of_a_logical_line_still_counts() -> None:
    """``# noqa:`` at a line end reads the codes that open the next line of the same call."""
    text = "x = f(  # noqa:\n    HL1)\n"
    findings = [Finding(2, 5, "HL101", "m", None)]
    assert noqa.apply_noqa(text, findings) == full(text, findings)
