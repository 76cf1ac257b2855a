"""The benchmark helpers cut file lists the way pre-commit does."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_chunks_keep_every_file_in_order_under_the_command_line_cap() -> None:
    chunks = load("chunks")
    files = [f"project/src/module_{i:05d}_" + "x" * (i % 90) + ".py" for i in range(9000)]
    cut = chunks.chunk(files)
    assert len(cut) > 1
    assert [name for part in cut for name in part] == files
    for part in cut:
        assert sum(len(os.fsencode(name)) + 1 for name in part) <= chunks.MAX_CMDLINE
    # Near miss: a list that fits on one command line stays whole.
    assert chunks.chunk(files[:10]) == [files[:10]]
