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

``collections.namedtuple`` compiles the source of each class's ``__new__`` with ``eval`` (~0.1
ms a class, and a commit loads a dozen): here ``__new__`` is a function written below for its
number of fields, its parameters renamed to the fields (``CodeType.replace``), and the rest of
the namedtuple API is shared by every record.
"""

from __future__ import annotations

TYPE_CHECKING = False

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    import collections
    import sys
    from operator import itemgetter

    _tuple_new = tuple.__new__
    # A field's descriptor: namedtuple's own (C) where there is one.
    _field = getattr(collections, "_tuplegetter", None) or (
        lambda index, doc: property(itemgetter(index), doc=doc)
    )

    # ``__new__`` of a record of n fields, for n up to 12 (more falls back to namedtuple).
    def _new0(_cls):
        return _tuple_new(_cls, ())

    def _new1(_cls, a):
        return _tuple_new(_cls, (a,))

    def _new2(_cls, a, b):
        return _tuple_new(_cls, (a, b))

    def _new3(_cls, a, b, c):
        return _tuple_new(_cls, (a, b, c))

    def _new4(_cls, a, b, c, d):
        return _tuple_new(_cls, (a, b, c, d))

    def _new5(_cls, a, b, c, d, e):
        return _tuple_new(_cls, (a, b, c, d, e))

    def _new6(_cls, a, b, c, d, e, f):
        return _tuple_new(_cls, (a, b, c, d, e, f))

    def _new7(_cls, a, b, c, d, e, f, g):
        return _tuple_new(_cls, (a, b, c, d, e, f, g))

    def _new8(_cls, a, b, c, d, e, f, g, h):
        return _tuple_new(_cls, (a, b, c, d, e, f, g, h))

    def _new9(_cls, a, b, c, d, e, f, g, h, i):
        return _tuple_new(_cls, (a, b, c, d, e, f, g, h, i))

    def _new10(_cls, a, b, c, d, e, f, g, h, i, j):
        return _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j))

    def _new11(_cls, a, b, c, d, e, f, g, h, i, j, k):
        return _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k))

    def _new12(_cls, a, b, c, d, e, f, g, h, i, j, k, m):
        return _tuple_new(_cls, (a, b, c, d, e, f, g, h, i, j, k, m))

    _NEW = (_new0, _new1, _new2, _new3, _new4, _new5, _new6, _new7, _new8, _new9, _new10,
            _new11, _new12)  # fmt: skip

    @classmethod
    def _make(cls, iterable):
        result = _tuple_new(cls, iterable)
        if len(result) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
        return result

    def _replace(self, /, **kwds):
        result = self._make(map(kwds.pop, self._fields, self))
        if kwds:
            raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
        return result

    def __repr__(self):
        fields = zip(self._fields, self, strict=True)
        pairs = ", ".join(f"{name}={value!r}" for name, value in fields)
        return f"{self.__class__.__name__}({pairs})"

    def _asdict(self):
        return dict(zip(self._fields, self, strict=True))

    def __getnewargs__(self):
        return tuple(self)

    def _record(name, fields, defaults, module):
        """The class ``collections.namedtuple(name, fields, defaults=defaults, module=module)``
        builds, built without compiling source."""
        fields = tuple(map(sys.intern, fields))
        if len(fields) >= len(_NEW) or any(
            not f.isidentifier() or f.startswith("_") for f in fields
        ):  # (namedtuple says what is wrong)
            return collections.namedtuple(name, fields, defaults=defaults, module=module)
        template = _NEW[len(fields)]
        code = template.__code__.replace(co_varnames=("_cls", *fields), co_name="__new__")
        new = type(template)(code, template.__globals__, "__new__", tuple(defaults) or None)
        new.__qualname__ = f"{name}.__new__"
        new.__doc__ = f"Create new instance of {name}({', '.join(fields)})"
        namespace = {
            "__doc__": f"{name}({', '.join(fields)})",
            "__slots__": (),
            "_fields": fields,
            "_field_defaults": dict(zip(fields[len(fields) - len(defaults) :], defaults)),  # noqa: B905
            "__new__": new,
            "_make": _make,
            "_replace": _replace,
            "__replace__": _replace,  # (copy.replace, Python 3.13)
            "__repr__": __repr__,
            "_asdict": _asdict,
            "__getnewargs__": __getnewargs__,
            "__match_args__": fields,
            "__module__": module,
        }
        for index, field in enumerate(fields):
            namespace[field] = _field(index, f"Alias for field number {index}")
        return type(name, (tuple,), namespace)

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
            record = _record(name, fields, defaults, namespace["__module__"])
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
