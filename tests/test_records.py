"""hooklint.records.NamedTuple builds the class typing.NamedTuple builds, without typing."""

from __future__ import annotations

import collections
import copy
import pickle
import subprocess
import sys
import typing
from typing import Any

import pytest

from hooklint import records
from hooklint.records import NamedTuple


class Point(NamedTuple):
    """A point, with a label."""

    x: int
    y: int
    label: str | None = None
    tags: tuple[str, ...] = ()

    def moved(self, dx: int) -> Point:
        return self._replace(x=self.x + dx)

    @property
    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


class TypingPoint(typing.NamedTuple):
    """A point, with a label."""

    x: int
    y: int
    label: str | None = None
    tags: tuple[str, ...] = ()

    def moved(self, dx: int) -> TypingPoint:
        return self._replace(x=self.x + dx)

    @property
    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


def test_the_record_is_a_namedtuple_like_typings() -> None:
    p, q = Point(1, -2, "a"), TypingPoint(1, -2, "a")
    assert tuple(p) == tuple(q) == (1, -2, "a", ())
    assert isinstance(p, tuple)
    assert Point._fields == TypingPoint._fields == ("x", "y", "label", "tags")
    assert Point._field_defaults == TypingPoint._field_defaults == {"label": None, "tags": ()}
    assert Point.__doc__ == TypingPoint.__doc__ == "A point, with a label."
    assert repr(p) == "Point(x=1, y=-2, label='a', tags=())"
    assert p.moved(2) == (3, -2, "a", ()) and type(p.moved(2)) is Point
    assert p.norm1 == q.norm1 == 3
    assert p._asdict() == q._asdict()
    assert Point(1, 2) == (1, 2, None, ())
    assert (Point.__module__, Point.__qualname__) == (__name__, "Point")
    assert list(Point.__annotations__) == ["x", "y", "label", "tags"]


def test_a_record_pickles_by_reference() -> None:  # worker processes send records back
    p = Point(1, 2, tags=("t",))
    again = pickle.loads(pickle.dumps(p))
    assert again == p and type(again) is Point


def test_a_field_without_default_after_one_with_a_default_is_refused() -> None:
    with pytest.raises(TypeError, match="no default"):

        class Bad(NamedTuple):
            a: int = 0
            b: int  # type: ignore[misc]


def test_a_namedtuple_attribute_cannot_be_redefined() -> None:
    with pytest.raises(AttributeError, match="_replace"):

        class Bad(NamedTuple):
            a: int

            def _replace(self) -> None:  # type: ignore[misc]
                pass


def test_type_checking_is_false_at_run_time() -> None:
    assert records.TYPE_CHECKING is False


def test_a_run_never_imports_typing() -> None:
    """The modules a commit loads (CLI, hook, every rule family) leave typing out."""
    code = (
        "import sys, hooklint.cli, hooklint.hook, hooklint.run, hooklint.python, "
        "hooklint.spam.rules, hooklint.spam.triage, hooklint.rules.confusables, "
        "hooklint.rules.invisible, hooklint.context, hooklint.formats; "
        "print('typing' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


class Wide(NamedTuple):
    """More fields than the record maker writes ``__new__`` for: namedtuple builds it."""

    a: int
    b: int
    c: int
    d: int
    e: int
    f: int
    g: int
    h: int
    i: int
    j: int
    k: int
    m: int
    n: int = 0


def test_the_record_behaves_as_namedtuple_does() -> None:
    """Construction, errors and the namedtuple API, side by side with collections.namedtuple."""
    plain = collections.namedtuple(  # type: ignore[name-match]
        "Point", ["x", "y", "label", "tags"], defaults=(None, ())
    )
    kinds: list[Any] = [Point, plain]  # (called with wrong arguments on purpose)
    for kind in kinds:
        assert kind(x=1, y=2) == kind(1, 2) == kind(1, y=2, tags=()) == (1, 2, None, ())
        assert kind._make([1, 2, 3, 4]) == (1, 2, 3, 4)
        with pytest.raises(TypeError, match="Expected 4 arguments, got 3"):
            kind._make([1, 2, 3])
        with pytest.raises(TypeError, match="missing 1 required positional argument: 'y'"):
            kind(1)
        with pytest.raises(TypeError, match="takes from 3 to 5 positional arguments"):
            kind(1, 2, 3, 4, 5)
        with pytest.raises(TypeError, match="unexpected keyword argument 'z'"):
            kind(1, 2, z=3)
        with pytest.raises(TypeError, match="multiple values for argument 'x'"):
            kind(1, 2, x=3)
        p = kind(1, 2)
        assert p._replace(label="b") == (1, 2, "b", ())
        with pytest.raises(ValueError, match="unexpected field names: \\['z'\\]"):
            p._replace(z=1)
        with pytest.raises(AttributeError):
            p.x = 3
        assert p.x == p[0] == 1 and p.tags == ()
        assert hash(p) == hash((1, 2, None, ())) and p == (1, 2, None, ())
        assert copy.copy(p) == p and type(copy.deepcopy(p)) is kind
        assert kind.__match_args__ == ("x", "y", "label", "tags")
        assert kind.__new__.__defaults__ == (None, ())
        assert kind.x.__doc__ == "Alias for field number 0"
        assert not hasattr(p, "__dict__")
        match p:
            case kind(x, y):
                assert (x, y) == (1, 2)
            case _:
                raise AssertionError("no match")
    assert repr(plain(1, 2)).replace("Point", "") == repr(Point(1, 2)).replace("Point", "")


def test_a_record_of_many_fields_is_a_namedtuple_too() -> None:
    w = Wide(*range(12))
    assert w == (*range(12), 0) and w.m == 11 and w.n == 0
    assert w._replace(a=5).a == 5 and Wide._fields[-1] == "n"
    assert pickle.loads(pickle.dumps(w)) == w
