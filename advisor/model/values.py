"""``dataclass`` as :mod:`dataclasses` has it, made faster to apply to frozen value classes.

Every run builds some ninety dataclasses as it imports, and that is a tenth of an offline
answer: ``dataclasses`` writes each method as source text and compiles it, six of them for a
``frozen=True, slots=True`` class (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__``, ``__delattr__``), some 55 us a compilation. For exactly that kind of class
this :func:`dataclass` lets :mod:`dataclasses` make the class and three of the methods, and
gives it ``__repr__``, ``__eq__`` and ``__hash__`` made of closures instead, which compile
nothing and give the same results (same fields, same tuples compared and hashed, the same text
and ``...`` for a recursive repr). Any other use is handed to :func:`dataclasses.dataclass`
as it is, as is a class that writes one of those three methods itself.

A module imports it in place of the standard one, and type checkers see the standard one::

    if TYPE_CHECKING:
        from dataclasses import dataclass
    else:
        from advisor.model.values import dataclass
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any

__all__ = ["dataclass"]

_MADE_HERE = ("__repr__", "__eq__", "__hash__")


def dataclass(cls: type | None = None, /, **options: Any) -> Any:
    """:func:`dataclasses.dataclass`; ``frozen=True, slots=True`` alone takes the fast way."""
    if options != {"frozen": True, "slots": True}:
        return (
            dataclasses.dataclass(cls, **options)
            if cls is not None
            else dataclasses.dataclass(**options)
        )
    return _frozen_value if cls is None else _frozen_value(cls)


def _frozen_value(cls: type) -> type:
    if any(name in cls.__dict__ for name in _MADE_HERE):
        return dataclasses.dataclass(cls, frozen=True, slots=True)
    made: type = dataclasses.dataclass(cls, frozen=True, slots=True, repr=False, eq=False)
    fields = dataclasses.fields(made)
    shown = [(f.name, attrgetter(f.name)) for f in fields if f.repr]
    compared = _values([f.name for f in fields if f.compare])
    hashed = _values([f.name for f in fields if (f.compare if f.hash is None else f.hash)])

    @recursive_repr()
    def __repr__(self: Any) -> str:
        inner = ", ".join(f"{name}={get(self)!r}" for name, get in shown)
        return f"{self.__class__.__qualname__}({inner})"

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is self.__class__:
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(hashed(self))

    for function in (__repr__, __eq__, __hash__):
        function.__qualname__ = f"{made.__qualname__}.{function.__name__}"
        setattr(made, function.__name__, function)
    return made


def _values(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of these attributes, as the generated methods build it (``(self.a,)`` for one)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return lambda obj: ()
