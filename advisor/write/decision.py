"""What must move, and the decision for one declaration of it.

:class:`Targets` says where each package must go (its :class:`Want`, by CPython); :func:`decide`
turns one declaration (its specifier, the CPythons its marker admits) into :data:`Decision`:
keep it, move its specifier, split it by CPython, or refuse to guess. The writers share these,
and :func:`refusals`, so every file kind refuses the same things the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from advisor.errors import WriteRefused

# The planner decided with this marker evaluation; the writers must pick the same lines it
# reasoned about, so they share it rather than evaluate markers their own way.
from advisor.model.markers import marker_admits
from advisor.write import specifiers
from advisor.write.specifiers import Dialect, RequirementSpan, SpecifierError

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = [
    "Arm",
    "Decision",
    "Keep",
    "Move",
    "Refuse",
    "Split",
    "SplitArm",
    "Targets",
    "Want",
    "admits_marker",
    "ambiguous",
    "decide",
    "decide_marked",
    "decide_requirement",
    "disjoint",
    "marker_admits",
    "no_version",
    "reached",
    "refusal",
    "refusals",
]


# --- what must move ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Arm:
    """One target version and the CPythons (in scope) it is for; ``marker`` selects them
    (``""`` when the arm covers every CPython in scope)."""

    version: str
    marker: str
    pythons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Want:
    """Where one package must go.

    :param arms: target versions by CPython; a CPython in no arm keeps what it has.
    :param raise_floor: the target itself (admit nothing below it), not a co-upgrade (admit it).
    :param unresolved: for a co-upgrade found offline, the specifier the target needs when no
        version could be chosen (a pin outside it cannot be moved without guessing).
    """

    package: str
    arms: tuple[Arm, ...]
    raise_floor: bool
    unresolved: str | None = None

    def pins(self) -> list[str]:
        """``name==version`` for one version, the bare name when the versions differ by CPython."""
        versions = {a.version for a in self.arms}
        return [f"{self.package}=={versions.pop()}"] if len(versions) == 1 else [self.package]


@dataclass(frozen=True, slots=True)
class Targets:
    """Every package that must move, the CPythons in scope, and the packages the new
    resolution adds (a compiled requirements file would need new pins for them)."""

    wants: Mapping[str, Want]
    pythons: tuple[str, ...]
    appearing: frozenset[str] = frozenset()

    @property
    def target(self) -> Want:
        """The ddtrace want (the one that raises its floor)."""
        return next(w for w in self.wants.values() if w.raise_floor)

    def pins(self) -> list[str]:
        """``--upgrade-package`` values: the target first, then the co-upgrades."""
        return [p for w in self.wants.values() if w.arms for p in w.pins()]


# --- the decision for one declaration ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Keep:
    """Nothing to change."""


@dataclass(frozen=True, slots=True)
class Move:
    """Replace the specifier; ``version`` is the arm's version (for ``--hash`` lines)."""

    spec: str
    version: str


@dataclass(frozen=True, slots=True)
class SplitArm:
    """One declaration of a split: its specifier, the arm's marker and version."""

    spec: str
    marker: str
    version: str


@dataclass(frozen=True, slots=True)
class Split:
    """Replace the declaration with one per arm, in arm order."""

    arms: tuple[SplitArm, ...]


@dataclass(frozen=True, slots=True)
class Refuse:
    """Cannot be changed without guessing."""

    reason: str
    hint: str | None = None


Decision = Keep | Move | Split | Refuse


def decide(
    want: Want,
    spec: str,
    admits: Callable[[str], bool],
    pythons: Sequence[str],
    *,
    dialect: Dialect = "pep440",
) -> Decision:
    """What to do with one declaration of ``want.package`` whose marker ``admits`` some CPythons.

    Only the CPythons in scope the declaration reaches count: one arm among them moves the
    specifier, several split the declaration, none leaves it alone. A declaration reaching
    CPythons that move and CPythons that stay is refused (one line cannot say both).
    """
    reached = [py for py in pythons if admits(py)]
    if not reached:
        return Keep()
    if want.unresolved is not None:
        return _unresolved(want, spec, dialect)
    hit = [a for a in want.arms if set(a.pythons) & set(reached)]
    covered = {py for a in hit for py in a.pythons}
    try:
        fits = [
            specifiers.satisfies(spec, a.version, dialect=dialect, floor=want.raise_floor)
            for a in hit
        ]
        if all(fits):
            return Keep()
        if any(py not in covered for py in reached):
            moving = ", ".join(sorted(covered & set(reached)))
            return Refuse(
                f"{want.package} moves on CPython {moving} only, "
                "and this declaration also serves others",
                hint="use --write-constraints, whose lines carry the markers",
            )
        if len(hit) == 1:
            a = hit[0]
            return Move(
                specifiers.move(spec, a.version, dialect=dialect, raise_floor=want.raise_floor),
                a.version,
            )
        if not all(a.marker for a in hit):
            return Refuse(f"{want.package} has several targets and no marker to tell them apart")
        return Split(
            tuple(
                SplitArm(
                    specifiers.move(spec, a.version, dialect=dialect, raise_floor=want.raise_floor),
                    a.marker,
                    a.version,
                )
                for a in hit
            )
        )
    except SpecifierError as exc:
        return Refuse(str(exc))


def _unresolved(want: Want, spec: str, dialect: Dialect) -> Decision:
    """Offline co-upgrade: refuse a pin outside what the target needs; ranges are left alone."""
    assert want.unresolved is not None
    pinned = specifiers.pinned_version(spec, dialect=dialect)
    try:
        outside = pinned is not None and not SpecifierSet(want.unresolved).contains(
            pinned, prereleases=True
        )
    except InvalidSpecifier:
        outside = True
    if not outside:
        return Keep()
    return Refuse(
        f"{want.package} {pinned} must move to {want.unresolved}, and no version was resolved",
        hint="run without --offline so the co-upgrade is resolved to a version",
    )


def decide_marked(want: Want, spec: str, marker: str | None, pythons: Sequence[str]) -> Decision:
    """:func:`decide` for a declaration whose PEP 508 ``marker`` says which CPythons it reaches."""
    return decide(want, spec, admits_marker(marker), pythons)


def decide_requirement(
    want: Want, span: RequirementSpan, text: str, pythons: Sequence[str]
) -> Decision:
    """:func:`decide` for the PEP 508 requirement ``span`` finds in ``text``; one installed from
    a URL has no version to move (:func:`no_version`)."""
    admits = admits_marker(span.marker_text(text))
    if span.url:
        return no_version(want, "a URL", admits, pythons)
    return decide(want, span.specifier(text), admits, pythons)


def no_version(
    want: Want, source: str, admits: Callable[[str], bool], pythons: Sequence[str]
) -> Decision:
    """A declaration of ``want.package`` from ``source`` (a URL, a path ...), not a version:
    refused when it reaches a CPython in scope (it cannot be moved), else kept."""
    if any(admits(py) for py in pythons):
        return Refuse(f"{want.package} is installed from {source}; there is no version to move")
    return Keep()


def reached(marker: str | None, pythons: Sequence[str]) -> frozenset[str]:
    """The CPythons in scope a declaration with this PEP 508 ``marker`` reaches."""
    return frozenset(py for py in pythons if marker_admits(marker, py))


def disjoint(reaches: Sequence[frozenset[str]] | None) -> bool:
    """Each CPython in scope is reached by one declaration at most (a split already written:
    ``ddtrace==3.19.9; python_version < "3.9"`` beside ``ddtrace==4.6.0; ...>= "3.9"``), so
    each declaration's own decision is not a guess."""
    if reaches is None:
        return False
    seen: set[str] = set()
    for r in reaches:
        if seen & r:
            return False
        seen |= r
    return True


def admits_marker(marker: str | None) -> Callable[[str], bool]:
    """``python -> bool`` for a PEP 508 marker (no marker admits every CPython)."""
    return lambda python: marker_admits(marker, python)


# --- refusals ----------------------------------------------------------------------------------


def refusal(
    path: str, decision: Refuse, line: int | None = None, key: str | None = None
) -> WriteRefused:
    """The :class:`WriteRefused` for a refused declaration."""
    return WriteRefused(decision.reason, file=path, line=line, key=key, hint=decision.hint)


def ambiguous(path: str, package: str, where: str, line: int | None = None) -> WriteRefused:
    """Several declarations of one package in one list, and one of them must move (uv's
    ``Ambiguous``: which to change is a guess)."""
    return WriteRefused(
        f"{package} is declared more than once in {where}; which to change is ambiguous",
        code="ambiguous",
        file=path,
        line=line,
        hint="keep one declaration (or edit them by hand), then run --fix again",
    )


def refusals(
    path: str,
    name: str,
    where: str,
    decisions: Sequence[Decision],
    lines: Sequence[int] | None = None,
    *,
    key: str | None = None,
    reaches: Sequence[frozenset[str]] | None = None,
) -> list[WriteRefused]:
    """What the declarations of ``name`` in one list (``where``) refuse, given their decisions:
    several of which one must move are :func:`ambiguous` (one refusal, at the first ``line``),
    unless ``reaches`` (the CPythons in scope each declaration reaches) shows no CPython is
    reached twice; otherwise each :class:`Refuse`, at its line (or at ``key``)."""
    at: Sequence[int | None] = lines if lines is not None else [None] * len(decisions)
    if (
        len(decisions) > 1
        and not all(isinstance(d, Keep) for d in decisions)
        and not disjoint(reaches)
    ):
        return [ambiguous(path, name, where, at[0])]
    return [
        refusal(path, d, line=line, key=key)
        for d, line in zip(decisions, at, strict=True)
        if isinstance(d, Refuse)
    ]
