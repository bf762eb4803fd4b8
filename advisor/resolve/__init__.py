"""resolvelib glue: resolve one CPython's requirement set, or explain why it cannot be done.

resolvelib exceptions never leave this package: a failed resolution comes back as a
:class:`Conflict` with plain-words :class:`~advisor.model.advice.Blocker` values.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from advisor.model.advice import Blocker
from advisor.resolve.requirements import Req
from advisor.resolve.source import PackageSource

if TYPE_CHECKING:
    from advisor.resolve.provider import Cand

# resolvelib (and the provider built on it) is imported by resolve() itself: a plan that needs
# no co-upgrade resolution never loads it.

__all__ = ["Conflict", "OverBudget", "Req", "Resolved", "resolve"]

#: resolvelib rounds before giving up; generous for a few hundred packages.
MAX_ROUNDS = 2000


class OverBudget(Exception):
    """The resolution ran past its time or rounds: no answer either way."""


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolution: canonical name -> version, and releases whose metadata was unknown."""

    versions: Mapping[str, Version]
    unknown_metadata: tuple[tuple[str, Version], ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    """No resolution: the blockers found (:class:`~advisor.model.advice.Blocker`, as the advice
    reports them)."""

    blockers: tuple[Blocker, ...]


def resolve(
    source: PackageSource,
    python: str,
    platform: str,
    roots: Sequence[Req],
    pins: Mapping[str, Version],
    constraints: Mapping[str, Sequence[Req]] | None = None,
    deadline: float | None = None,
) -> Resolved | Conflict:
    """Resolve ``roots`` for CPython ``python`` on ``platform``.

    :param pins: current versions: preferred, and a floor (pins move up, never down).
    :param constraints: hard limits per package that do not by themselves require it.
    :param deadline: a :func:`time.monotonic` time the resolution must end by.
    :raises IndexUnavailable: when package data cannot be had (from the source).
    :raises OverBudget: past ``deadline`` or :data:`MAX_ROUNDS` rounds (no answer: not a
        conflict to blame anyone for).
    """
    from resolvelib import BaseReporter, ResolutionImpossible, ResolutionTooDeep, Resolver

    from advisor.resolve.provider import Provider

    provider = Provider(source, python, platform, pins, constraints, deadline)
    resolver: Resolver[Req, Cand, str] = Resolver(provider, BaseReporter())
    try:
        result = resolver.resolve(roots, max_rounds=MAX_ROUNDS)
    except ResolutionImpossible as exc:
        return Conflict(_blockers(exc.causes, pins, constraints or {}))
    except ResolutionTooDeep:
        raise OverBudget(f"no resolution within {MAX_ROUNDS} rounds") from None
    versions = {c.name: c.version for c in result.mapping.values()}
    return Resolved(versions, tuple(sorted(provider.unknown_metadata, key=str)))


def _blockers(
    causes: Iterable[object], pins: Mapping[str, Version], constraints: Mapping[str, Sequence[Req]]
) -> tuple[Blocker, ...]:
    by_name: dict[str, list[str]] = {}
    for cause in causes:
        req: Req = cause.requirement  # type: ignore[attr-defined]
        parent: Cand | None = cause.parent  # type: ignore[attr-defined]
        who = (
            f"{parent.name} {parent.version}"
            if parent is not None
            else (req.origin or "your requirements")
        )
        by_name.setdefault(req.name, []).append(f"{req} ({who})")
    out = []
    for name, wants in by_name.items():
        for limit in constraints.get(name, ()):
            wants.append(f"{limit} ({limit.origin})")
        if name in pins:
            wants.append(f"{name}>={pins[name]} (the current pin {pins[name]}; pins only move up)")
        ours = [w for w in wants if "(ddtrace " not in w]
        hint = (
            f"allow what ddtrace needs by relaxing {', '.join(ours)}"
            if ours
            else f"no release of {name} satisfies every requirement"
        )
        out.append(Blocker(name, tuple(dict.fromkeys(wants)), hint))
    return tuple(out)


def exact(version: Version | str) -> SpecifierSet:
    """``==version``."""
    return SpecifierSet(f"=={version}")
