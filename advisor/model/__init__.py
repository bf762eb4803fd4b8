"""Pure values shared by every stage: the project as read, and the advice about it; and
:class:`IdentityMemo`, the bounded memo by identity the stages keep answers about them in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

__all__ = ["IdentityMemo"]

K = TypeVar("K")
V = TypeVar("V")


class IdentityMemo(Generic[K, V]):
    """What a function answered about objects, by each object's identity (not equality:
    ``1.0`` and ``1.0.0`` are equal versions, written apart), each answer kept with its object,
    so an id reused once the object is gone is never taken for it. Bounded: emptied once it
    holds ``kept`` answers. For objects that are never changed (tuples, versions, specifier
    sets), asked about over and over: the planner asks the same ones for every project."""

    __slots__ = ("_answers", "_kept")

    def __init__(self, kept: int) -> None:
        self._answers: dict[int, tuple[K, V]] = {}
        self._kept = kept

    def get(self, obj: K, compute: Callable[[K], V]) -> V:
        """``compute(obj)``, computed once for this very object while it is kept."""
        found = self._answers.get(id(obj))
        if found is None or found[0] is not obj:
            if len(self._answers) >= self._kept:
                self._answers.clear()
            found = self._answers[id(obj)] = (obj, compute(obj))
        return found[1]
