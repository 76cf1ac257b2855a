"""``NamedTuple`` and ``TYPE_CHECKING`` for hooklint's modules, without importing ``typing``.

A commit of a few files costs hooklint less than importing ``typing`` does (~3 ms), and each
``typing.NamedTuple`` class costs ~0.2 ms more than ``collections.namedtuple`` (it turns every
annotation into a ``ForwardRef``, compiling it). The modules a run loads therefore take both
names from here:

- ``TYPE_CHECKING`` is False at run time. mypy (and ruff) read any name ``TYPE_CHECKING`` as
  true, so ``if TYPE_CHECKING:`` blocks still hold the imports that only annotations need.
- ``NamedTuple`` is ``typing.NamedTuple`` for the type checker. At run time a class statement
  deriving from it becomes ``collections.namedtuple`` of its annotated fields, in order, with
  their defaults, and keeps its docstring, methods and other attributes: the class
  ``typing.NamedTuple`` would build, but for ``__annotations__``, which keeps the annotation
  strings. The same mistakes are refused (a field without a default after one with a
  default, redefining a namedtuple attribute).
"""

from __future__ import annotations

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from collections import namedtuple

    # Attributes namedtuple defines, which a record may not redefine (as in typing).
    _PROHIBITED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults",
         "_make", "_replace", "_asdict", "_source"}
    )  # fmt: skip
    # Class-body entries that are not attributes of the record.
    _SPECIAL = frozenset({"__module__", "__name__", "__annotations__"})

    class _RecordMaker(type):
        def __new__(cls, name, bases, namespace):
            if not bases:  # NamedTuple itself
                return super().__new__(cls, name, bases, namespace)
            if "__classcell__" in namespace:
                raise TypeError(f"{name}: a record's methods cannot use super() or __class__")
            fields = dict(namespace.get("__annotations__", {}))
            defaults = []
            for field in fields:
                if field in namespace:
                    defaults.append(namespace[field])
                elif defaults:
                    raise TypeError(f"{name}: field {field} has no default, but one before it has")
            record = namedtuple(name, fields, defaults=defaults, module=namespace["__module__"])
            record.__annotations__ = fields
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
                if key not in _SPECIAL and key not in fields:
                    setattr(record, key, value)
            return record

    class NamedTuple(metaclass=_RecordMaker):
        """Base of a record class (see the module documentation)."""


__all__ = ["TYPE_CHECKING", "NamedTuple"]
