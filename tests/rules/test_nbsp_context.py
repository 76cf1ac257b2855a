"""HL107: an unusual space where a parser splits on a space, through the real CLI and flake8.

The text inside a Python string, comment or docstring is prose or data (a thousands separator,
French « … », a translated message) and passes; so does a typographic space inside a quoted
string of other code. A space in a code token, an en quad or em space even inside a string, and
a no-break space in a shell command of a documentation code block (a copied command breaks) are
findings.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import run

from hooklint.rules.commands import command_lines

NB = "\xa0"

# Each file: its text, and the lines where the CLI must report HL107 (one finding per line).
FILES: dict[str, tuple[str, list[int]]] = {
    "humanize.py": (
        '"""Numbers for humans.\n'
        "\n"
        f"{NB}{NB}{NB} Indented with no-break spaces, as a pasted docstring is.\n"
        '"""\n'
        f'THOUSAND_SEPARATOR = "{NB}"  # no-break{NB}space\n'
        f'HOURS = "%(count)s{NB}hours"\n'
        f"# Un commentaire « entre{NB}guillemets{NB}»\n"
        f'label = f"{{HOURS}}{NB}!"\n',
        [],
    ),
    "code_token.py": (f"x ={NB}1\ny = 'fine{NB}here'\n", [1]),
    "rare_space_in_a_string.py": ("name = 'P\u2000value'\nok = 'thin\u2009space'\n", [1]),
    "excerpt_of_a_docstring.py": (
        f"    Le [corpus](https://example.org/corpus){NB}était\n    des phrases. Le{NB}=\n",
        [2],
    ),
    "app.js": (
        f'const label = "10{NB}000";\n'
        f"const{NB}API_KEY = 'k';\n"
        f"// TODO:{NB} a note in a comment\n",
        [2, 3],
    ),
    "data.json": (f'{{"price": "10{NB}€", "name": "a{NB}b"}}\n', []),
    "config.yaml": (f"key: '{NB}'\nother:{NB}value\n", [2]),
    "README.md": (
        f"Prix{NB}: 10{NB}€, « citation{NB}».\n"
        "\n"
        "```sh\n"
        f"pip{NB}install hooklint\n"
        f"# a comment{NB}line\n"
        "```\n"
        "\n"
        "```console\n"
        f"$ git{NB}status\n"
        f"output{NB}of the command\n"
        "```\n"
        "\n"
        "```text\n"
        f"$ ls{NB}-l\n"
        f"plain{NB}text\n"
        "```\n"
        "\n"
        "```python\n"
        f'x = "a{NB}b"\n'
        "```\n"
        "\n"
        "- In a list:\n"
        "\n"
        "    ```bash\n"
        f"    make{NB}test\n"
        "    ```\n",
        [4, 9, 14, 25],
    ),
    "guide.rst": (
        f"Prose with a no-break{NB}space.\n"
        "\n"
        ".. code-block:: bash\n"
        "\n"
        f"   tox{NB}-e py\n"
        "\n"
        ".. code-block:: python\n"
        "\n"
        f'   x = "a{NB}b"\n'
        "\n"
        f"After{NB}the block.\n",
        [5],
    ),
}


@pytest.fixture(scope="module")
def reported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """The CLI's HL107 lines for each file, from one run over all of them."""
    directory = tmp_path_factory.mktemp("nbsp")
    for name, (text, _) in FILES.items():
        (directory / name).write_bytes(text.encode("utf-8"))
    by_file: dict[str, list[str]] = {name: [] for name in FILES}
    for line in run(directory, "hooklint", "--select", "HL107", *FILES):
        by_file[line.split(":", 1)[0]].append(line)
    return by_file


@pytest.mark.parametrize("name", list(FILES))
def test_unusual_space_is_reported_where_a_parser_splits(
    reported: dict[str, list[str]], name: str
) -> None:
    assert [int(line.split(":")[1]) for line in reported[name]] == FILES[name][1]


def test_shell_command_message_says_a_copied_command_breaks(
    reported: dict[str, list[str]],
) -> None:
    assert reported["README.md"][0] == (
        "README.md:4:4: HL107 U+00A0 NO-BREAK SPACE in a shell command looks like a plain "
        "space but is not one: the command breaks when it is copied"
    )


def test_flake8_reports_the_space_in_code_and_passes_the_strings(tmp_path: Path) -> None:
    (tmp_path / "formats.py").write_text(
        f'"""Formats.\n\n{NB}Indented.\n"""\nSEP = "{NB}"  # no-break{NB}space\nWIDE = "\u2003"\n',
        encoding="utf-8",
    )
    lines = run(tmp_path, "flake8", "--isolated", "--select", "HL", "formats.py")
    assert [line.split(": ")[0] for line in lines] == ["formats.py:6:9"]
    assert "HL107 U+2003 EM SPACE" in lines[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("```sh\nls\n\n# comment\n```\nls\n", {2}),
        ("```bash\ntree\n.\n\u251c\u2500 app\n\u2502\xa0\xa0 \u2514\u2500 x.py\n```\n", {2, 3}),
        ("```console\n(venv) $ pip list\n```\n", {2}),
        ("~~~bash\nls\n~~~\n", {2}),
        ("````sh\n```\nls\n````\nafter\n", {2, 3}),  # a shorter fence does not close it
        ("```{.zsh}\nls\n```\n", {2}),
        ("```console\n$ ls\nout\nuser@host:~$ pwd\n# id\nPS C:\\> dir\n```\n", {2, 4, 5, 6}),
        ("```\n$ ls\n# ls\n```\n", {2}),
        ("```js\nconst a = 1\n```\n", set()),
        ("``` `sh` ```\nls\n", set()),  # inline code, not a fence
        ("$ ls\n", set()),  # a prompt outside a code block
        ("Run:\n\n    $ ls\n    out\n", {3}),  # an indented code block
    ],
    ids=[
        "sh-block",
        "tree-output-in-a-bash-block",
        "virtualenv-prompt",
        "tilde-fence",
        "longer-fence",
        "braced-language",
        "session-prompts",
        "dollar-prompt-in-other-block",
        "other-language",
        "inline-code",
        "prompt-outside",
        "indented-block",
    ],
)
def test_markdown_command_lines(text: str, expected: set[int]) -> None:
    assert command_lines(text.split("\n")) == expected


def test_rst_command_lines() -> None:
    text = (
        ".. code-block:: console\n\n   $ ls\n   out\n\n$ not in a block\n.. code:: sh\n\n  ls\n"
        "\nInstall it::\n\n    $ pip install x\n    pip list\n\nAfter.\n"
    )
    assert command_lines(text.split("\n"), rst=True) == {3, 9, 13}
