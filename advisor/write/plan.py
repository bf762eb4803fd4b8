"""What ``--fix`` would do, as values: patches, re-lock commands and the plan holding them.

A writer never writes: it returns a :class:`FixPlan` of :class:`Patch` values (``before`` and
``after`` bytes), so ``--diff`` is free and :mod:`advisor.write.apply` owns every byte that
reaches the disk. A plan is never changed once made: :meth:`FixPlan.merged` and
:func:`dataclasses.replace` make new ones.
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeAlias, TypeVar

from advisor.errors import WriteRefused

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = ["FixPlan", "HashLookup", "LayerLookup", "Patch", "RelockCommand"]

LayerLookup: TypeAlias = Callable[[str, str | None], int | None]
"""The first Datadog Python layer shipping ddtrace ``target`` or newer on a CPython (``None``:
any), or ``None`` when none is known (:func:`advisor.knowledge.layers.layer_for`)."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Patch:
    """One file's whole content before and after the fix."""

    path: Path
    before: bytes
    after: bytes
    reason: str


@dataclass(frozen=True, slots=True)
class RelockCommand:
    """A lock or compile tool's own command, to run in ``cwd``; it rewrites ``file``."""

    argv: tuple[str, ...]
    cwd: Path
    file: Path
    reason: str = field(compare=False)  # the same command for two reasons runs once

    def __str__(self) -> str:
        command = shlex.join(self.argv)
        return (
            command if self.cwd == Path(".") else f"(cd {shlex.quote(str(self.cwd))} && {command})"
        )


@dataclass(frozen=True, slots=True)
class FixPlan:
    """Everything ``--fix`` would do: patches to apply, commands to print or run (``--relock``),
    messages for the user, and the edits refused (the front end writes nothing when there are any).

    ``by_hand`` holds the messages (also in ``messages``) that name a change the advice needs
    and ``--fix`` leaves to the user (setup.py, a ddtrace no file declares, a lock no tool
    owns): the fix is then not done, and the front end does not exit 0.

    Frozen through and through: whatever sequences it is built from, it keeps tuples, and
    plans combine into new ones (:meth:`merged`).
    """

    patches: Sequence[Patch] = ()
    commands: Sequence[RelockCommand] = ()
    messages: Sequence[str] = ()
    refusals: Sequence[WriteRefused] = ()
    by_hand: Sequence[str] = ()

    def __post_init__(self) -> None:
        for name in ("patches", "commands", "messages", "refusals", "by_hand"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def merged(self, other: FixPlan) -> FixPlan:
        """This plan's parts, then ``other``'s; a command or message already present is not
        repeated."""
        return FixPlan(
            patches=[*self.patches, *other.patches],
            commands=_adding(self.commands, other.commands),
            messages=_adding(self.messages, other.messages),
            refusals=[*self.refusals, *other.refusals],
            by_hand=_adding(self.by_hand, other.by_hand),
        )


def _adding(have: Sequence[T], more: Sequence[T]) -> list[T]:
    """``have``, then each of ``more`` not already there."""
    out = list(have)
    for item in more:
        if item not in out:
            out.append(item)
    return out


class HashLookup(Protocol):
    """Hashes of a release, for ``--hash`` lines."""

    def hashes(self, package: str, version: str) -> list[str]:
        """``sha256:<hex>`` of every file of ``package`` ``version`` (wheels and sdists), as
        pip-compile writes them; empty when the index lists none."""
        ...
