"""resolvelib glue: resolve one CPython's requirement set, or explain why it cannot be done.

resolvelib exceptions never leave this package: a failed resolution comes back as a
:class:`Conflict` with plain-words :class:`~advisor.model.advice.Blocker` values.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from advisor.model.advice import Blocker
from advisor.resolve.requirements import Req
from advisor.resolve.source import PackageSource

if TYPE_CHECKING:
    from dataclasses import dataclass

    from advisor.resolve.provider import Cand
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

# resolvelib (and the provider built on it) is imported by resolve() itself: a plan that needs
# no co-upgrade resolution never loads it.

__all__ = [
    "Budget",
    "Conflict",
    "OutOfTime",
    "OverBudget",
    "Req",
    "Resolved",
    "at_least",
    "resolve",
]

#: resolvelib rounds before giving up; generous for a few hundred packages.
MAX_ROUNDS = 2000


class OverBudget(Exception):
    """The resolution ran past its time or rounds: no answer either way.

    :param why: what ran out, in words that follow "co-upgrades not resolved"
        (``within 20 s (--resolve-budget)``, ``in the resolver's 2000 rounds``).
    """

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


class OutOfTime(OverBudget):
    """The resolution ran past its deadline (:class:`Budget`)."""


class Budget:
    """The seconds every co-upgrade resolution of one run may take together
    (``--resolve-budget``): the clock starts with the first resolution asked for, so a
    monorepo's projects share it instead of taking the budget each.

    :param seconds: the budget; ``None`` for no limit.
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._deadline: float | None = None

    def deadline(self) -> float | None:
        """A :func:`time.monotonic` time every resolution must end by (``None``: no limit)."""
        if self.seconds is None:
            return None
        if self._deadline is None:
            self._deadline = time.monotonic() + self.seconds
        return self._deadline

    def spent(self) -> bool:
        """Whether the budget ran out already (before a resolution starts)."""
        return self._deadline is not None and time.monotonic() > self._deadline

    def said(self, before: bool) -> str:
        """What ran out, for a resolution past the deadline; ``before``: the run's earlier
        projects had spent the budget before this one started."""
        said = f"within {self.seconds:g} s (--resolve-budget)"
        return said + (", spent on the run's earlier projects" if before else "")


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


def refuse_at_once(source: PackageSource, roots: Sequence[Req], deadline: float | None) -> None:
    """Raise what resolving ``roots`` over ``source`` would raise at its first question, when
    that is known without asking: resolvelib's first question is for the first root's
    releases, and a source may know it refuses them (``--offline --no-cache``: nothing but
    ddtrace can be had; :meth:`~advisor.resolve.source.SnapshotSource.known_refusal`). Then
    resolvelib is not imported, nor the resolution prepared, for nothing. Past the deadline,
    the provider's own check speaks first, as it would.

    :raises IndexUnavailable: the source's refusal.
    """
    known = getattr(source, "known_refusal", None)
    if roots and known is not None and (deadline is None or time.monotonic() <= deadline):
        refused = known(roots[0].key.split("[")[0])
        if refused is not None:
            raise refused


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
    :raises OverBudget: past ``deadline`` (:class:`OutOfTime`) or :data:`MAX_ROUNDS` rounds (no answer: not a
        conflict to blame anyone for).
    """
    refuse_at_once(source, roots, deadline)
    from resolvelib import BaseReporter, ResolutionImpossible, ResolutionTooDeep, Resolver

    from advisor.resolve.provider import Provider

    provider = Provider(source, python, platform, pins, constraints, deadline)
    resolver: Resolver[Req, Cand, str] = Resolver(provider, BaseReporter())
    try:
        result = resolver.resolve(roots, max_rounds=MAX_ROUNDS)
    except ResolutionImpossible as exc:
        return Conflict(_blockers(exc.causes, pins, constraints or {}))
    except ResolutionTooDeep:
        raise OverBudget(f"in the resolver's {MAX_ROUNDS} rounds") from None
    versions = {c.name: c.version for c in result.mapping.values()}
    return Resolved(versions, tuple(sorted(provider.unknown_metadata, key=str)))


#: The origin a held pin's requirement carries (advisor.plan.coupgrade): the project's pin
#: outside what ddtrace needs, kept where it is.
HELD = "; outside what ddtrace needs"


def _blockers(
    causes: Iterable[object], pins: Mapping[str, Version], constraints: Mapping[str, Sequence[Req]]
) -> tuple[Blocker, ...]:
    by_name: dict[str, list[str]] = {}
    allowed: dict[str, SpecifierSet] = {}
    relax: dict[str, list[str]] = {}
    upgrade: dict[str, list[str]] = {}
    move: dict[str, list[str]] = {}
    for cause in causes:
        req: Req = cause.requirement  # type: ignore[attr-defined]
        allowed[req.name] = allowed.get(req.name, SpecifierSet()) & req.specifier
        parent: Cand | None = cause.parent  # type: ignore[attr-defined]
        who = (
            f"{parent.name} {parent.version}"
            if parent is not None
            else (req.origin or "your requirements")
        )
        want = f"{req} ({who})"
        by_name.setdefault(req.name, []).append(want)
        if parent is not None:
            if parent.name != "ddtrace":  # another package's requirement: that package moves
                upgrade.setdefault(req.name, []).append(
                    f"upgrade {parent.name} (its {parent.version} requires {req})"
                )
        elif req.origin.endswith(HELD):  # a pin aap-advise kept, outside what ddtrace needs
            move.setdefault(req.name, []).append(
                f"upgrade {req.name} yourself ({req.origin.removesuffix(HELD)}): aap-advise "
                "moves only what ddtrace needs"
            )
        elif req.origin != "the ddtrace target":
            relax.setdefault(req.name, []).append(want)
    out = []
    for name, wants in by_name.items():
        for limit in constraints.get(name, ()):
            wants.append(f"{limit} ({limit.origin})")
            allowed[name] &= limit.specifier
            if not limit.origin.endswith(HELD) and limit.origin != "another platform in scope":
                relax.setdefault(name, []).append(f"{limit} ({limit.origin})")
            elif limit.origin.endswith(HELD):
                move.setdefault(name, []).append(
                    f"upgrade {name} yourself ({limit.origin.removesuffix(HELD)}): aap-advise "
                    "moves only what ddtrace needs"
                )
        if name in pins:
            wants.append(f"{name}>={pins[name]} (the current pin {pins[name]}; pins only move up)")
            allowed[name] &= at_least(pins[name])
        ways = []
        if relax.get(name):
            ways.append(
                f"allow what ddtrace needs by relaxing {', '.join(dict.fromkeys(relax[name]))}"
            )
        ways += dict.fromkeys([*upgrade.get(name, ()), *move.get(name, ())])
        hint = "; or ".join(ways) or f"no release of {name} satisfies every requirement"
        out.append(Blocker(name, tuple(dict.fromkeys(wants)), hint, str(allowed[name])))
    return tuple(out)


def at_least(version: Version) -> SpecifierSet:
    """``>=version`` (a local label such as ``+cpu`` left out: a specifier cannot carry it, and
    ``2.1.0+cpu`` is at least 2.1.0)."""
    return SpecifierSet(f">={version.public}")


def exact(version: Version | str) -> SpecifierSet:
    """``==version``."""
    return SpecifierSet(f"=={version}")
