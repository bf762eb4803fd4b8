"""The advice: what the planner concluded, ready for any renderer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from advisor.model.project import Finding, SourceLocation

Status = Literal["ok", "upgrade", "split", "impossible"]
CapabilityStatus = Literal["unlocked", "locked", "unsupported"]


@dataclass(frozen=True, slots=True)
class AdviceRequest:
    """What the user asked.

    :param capabilities: capability ids or aliases; empty for "every supported capability".
    :param python: a ``--python`` specifier that overrides the declared range.
    :param platforms: platform ids (see :mod:`advisor.knowledge.platforms`).
    :param today: the day support windows and CPython end-of-life are judged on.
    :param offline: package data only from the snapshot and the cache; a co-upgrade check
        that lacks data falls back to comparing pins with ddtrace's own requirements.
    """

    capabilities: tuple[str, ...] = ()
    python: str | None = None
    platforms: tuple[str, ...] = ("linux-x86_64",)
    today: dt.date = field(default_factory=dt.date.today)
    offline: bool = True


@dataclass(frozen=True, slots=True)
class LockedVersion:
    """One locked ddtrace version and the marker it is locked under."""

    version: str
    marker: str | None
    source: SourceLocation


@dataclass(frozen=True, slots=True)
class DdtraceState:
    """The project's current ddtrace: pin, range, locked versions, where it is declared.

    ``current`` is as written; ``parsed_current`` is its dependency's parsed version.
    """

    current: str | None
    specifier: str | None
    locked: tuple[LockedVersion, ...]
    source: SourceLocation | None
    url: str | None = None
    parsed_current: Version | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class CapabilityResult:
    """A requested capability: its documented floor, the floor for this project, its state."""

    id: str
    name: str
    min_version: str | None
    project_min_version: str | None
    status: CapabilityStatus
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class FoundIntegration:
    """A framework or library of the coverage tables found among the dependencies.

    ``version`` and ``specifier`` are as written; the parsed fields are their dependency's.
    """

    id: str
    name: str
    distribution: str
    version: str | None
    specifier: str | None
    source: SourceLocation
    covers: tuple[str, ...]
    auto_instrumented: bool
    unsupported: str | None
    parsed_version: Version | None = field(default=None, compare=False, repr=False)
    parsed_specifier: SpecifierSet | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Change:
    """A package that must move: ``from`` (``None`` when absent or unknown) to ``to``."""

    package: str
    from_version: str | None
    to_version: str | None
    from_specifier: str | None = None
    to_specifier: str | None = None
    source: SourceLocation | None = None
    marker: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Blocker:
    """Why no resolution exists for one package, in plain words, and what would unblock it."""

    package: str
    wants: tuple[str, ...]
    hint: str


@dataclass(frozen=True, slots=True)
class SplitPart:
    """One arm of a marker split: the ddtrace for the CPythons the marker selects."""

    marker: str
    pythons: tuple[str, ...]
    ddtrace: str


@dataclass(frozen=True, slots=True)
class FloorReason:
    """Why the floor is where it is: a version and the rule that set it."""

    version: str
    reason: str


@dataclass(frozen=True, slots=True)
class Recommendation:
    """The verdict."""

    status: Status
    ddtrace: str | None
    per_python: dict[str, str | None]
    changes: tuple[Change, ...] = ()
    split: tuple[SplitPart, ...] = ()
    floor: str | None = None
    floor_reasons: tuple[FloorReason, ...] = ()
    blockers: tuple[Blocker, ...] = ()
    tried: tuple[str, ...] = ()
    resolved: bool = False


@dataclass(frozen=True, slots=True)
class Advice:
    """Everything a report shows."""

    python_spec: str | None
    python_source: str
    python_versions: tuple[str, ...]
    platforms: tuple[str, ...]
    ddtrace: DdtraceState | None
    requested: tuple[str, ...]
    capabilities: tuple[CapabilityResult, ...]
    recommendation: Recommendation
    integrations: tuple[FoundIntegration, ...]
    findings: tuple[Finding, ...]
    snapshot_date: str
    files: tuple[str, ...]
    today: dt.date
