"""The advice: what the planner concluded, ready for any renderer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import field
from typing import TYPE_CHECKING, ClassVar, Literal, TypeAlias

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from advisor.model.deployment import Deployment as DeploymentFact
from advisor.model.environment import Environment
from advisor.model.project import Finding, SourceLocation
from advisor.model.release import DDTRACE

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

Status = Literal["ok", "upgrade", "split", "impossible"]
"""The ``status`` of each :data:`Verdict`, as the reports write it."""
CapabilityStatus = Literal["available", "needs-upgrade", "unavailable"]
"""A requested capability with the project's ddtrace: ``available`` (it runs on every CPython and
platform in scope), ``needs-upgrade`` (an upgrade makes it run), ``unavailable`` (no release runs
it somewhere in scope, or AAP does not support it)."""
RunsIn = Literal["lambda"]
"""Where the project runs, when it changes what AAP can do (``lambda``: AWS Lambda)."""
ChangeKind = Literal["ddtrace", "co-upgrade", "framework"]
"""What a :class:`Change` moves: ddtrace itself, a package that must move with it, or a framework
below the range the ddtrace target supports (left to the user: ``--fix`` edits ddtrace only)."""


@dataclass(frozen=True, slots=True)
class AdviceRequest:
    """What the user asked.

    :param capabilities: capability ids or aliases; empty for "every supported capability".
    :param python: a ``--python`` specifier that overrides the declared range.
    :param platforms: platform ids (see :mod:`advisor.model.platforms`); empty when none was
        asked for: the default platform, joined by those the deployment files name.
    :param today: the day support windows and CPython end-of-life are judged on.
    :param offline: package data only from the snapshot and the cache; a co-upgrade check
        that lacks data falls back to comparing pins with ddtrace's own requirements.
    :param deployment: ``--deployment``; without it the project's dependencies decide
        (``datadog-lambda`` means AWS Lambda).
    :param groups: ``--group`` names: extras, groups or requirements files to count in the
        runtime environment as well (see :mod:`advisor.model.environment`).
    :param all_groups: ``--all-groups``: count every group and file.
    :param resolve_budget: seconds the co-upgrade resolution may take (``--resolve-budget``);
        past them the pins are compared with the target's requirements instead.
    """

    capabilities: tuple[str, ...] = ()
    python: str | None = None
    platforms: tuple[str, ...] = ()
    today: dt.date = field(default_factory=dt.date.today)
    offline: bool = True
    deployment: RunsIn | None = None
    groups: tuple[str, ...] = ()
    all_groups: bool = False
    resolve_budget: float = 20.0


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
    """A requested capability: its documented floor, the floor for this project, its state.

    :param status: with the project's ddtrace as it is.
    :param after: once the recommendation is followed (``None`` when nothing can be followed).
    :param reason: where it does not run, or why it is unavailable.
    """

    id: str
    name: str
    min_version: str | None
    project_min_version: str | None
    status: CapabilityStatus
    reason: str | None = None
    after: CapabilityStatus | None = None


@dataclass(frozen=True, slots=True)
class FoundIntegration:
    """A framework or library of the coverage tables found among the dependencies.

    ``version`` and ``specifier`` are as written; the parsed fields are their dependency's.
    ``documented`` is false for a web framework AAP's compatibility page does not list.
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
    documented: bool = True
    parsed_version: Version | None = field(default=None, compare=False, repr=False)
    parsed_specifier: SpecifierSet | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Change:
    """A package that must move: ``from`` (``None`` when absent or unknown) to ``to``.

    For ddtrace, ``to_specifier`` may be a range (``>=4.6.0``) rather than a pin.
    ``kind`` (:data:`ChangeKind`) defaults to ``co-upgrade``; ddtrace's own change is always
    ``ddtrace``. A ``framework`` change has no ``to_version``: ``to_specifier`` is the range the
    ddtrace target supports (``>=2.2.8``).
    """

    package: str
    from_version: str | None
    to_version: str | None
    from_specifier: str | None = None
    to_specifier: str | None = None
    source: SourceLocation | None = None
    marker: str | None = None
    reason: str | None = None
    kind: ChangeKind = "co-upgrade"

    def __post_init__(self) -> None:
        if self.package == DDTRACE:
            object.__setattr__(self, "kind", "ddtrace")


@dataclass(frozen=True, slots=True)
class Blocker:
    """Why no resolution exists for one package, in plain words, and what would unblock it.

    :param package: canonical name.
    :param wants: each requirement on it, as ``"<requirement> (<who asked>)"``.
    :param hint: what would unblock it.
    :param allowed: the versions every requirement on it allows together (``<2,>=1``),
        pins and constraints included; not part of the report.
    """

    package: str
    wants: tuple[str, ...]
    hint: str
    allowed: str = field(default="", compare=False)

    def message(self) -> str:
        """``envier: envier~=0.6.1 (ddtrace 3.15.0) vs envier==0.5.2 (constraints.txt:1)``."""
        return f"{self.package}: " + " vs ".join(self.wants)


@dataclass(frozen=True, slots=True)
class SplitPart:
    """One arm of a marker split: the ddtrace for the CPythons the marker selects.

    :param off: the requested capabilities that stay off on these CPythons (no release that
        installs there runs them): the arm keeps what the project has, or the least above it.
    """

    marker: str
    pythons: tuple[str, ...]
    ddtrace: str
    off: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FloorReason:
    """Why the floor is where it is: a version and the rule that set it."""

    version: str
    reason: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """Consecutive releases passed over on the way to the target, for one reason.

    :param first: the lowest release of the run.
    :param last: the highest (``first`` for a run of one).
    :param count: how many releases the run holds.
    :param reason: in plain words (``yanked``, ``no wheel for CPython 3.14 on linux-x86_64``).
    """

    first: str
    last: str
    count: int
    reason: str


@dataclass(frozen=True, slots=True)
class Ok:
    """The project's ddtrace already gives every requested capability on every served CPython.

    :param ddtrace: the version kept: the project's own when known, else the release its
        range already installs.
    :param per_python: the smallest release per CPython in scope (``None``: none serves it).
    :param floor: the highest version the requested capabilities and integrations need.
    :param floor_reasons: what set the floor, highest first.
    :param suggestions: declared ranges that admit releases below the floor while every pin or
        lock already meets it: raising them is advised (``--fix`` does) but nothing fails.
    :param by_python: when the project has different versions on different CPythons in scope
        (a lock split by marker), each with its marker; ``ddtrace`` is then the lowest.
    """

    status: ClassVar[Literal["ok"]] = "ok"
    ddtrace: str
    per_python: dict[str, str | None]
    floor: str | None = None
    floor_reasons: tuple[FloorReason, ...] = ()
    suggestions: tuple[Change, ...] = ()
    by_python: tuple[SplitPart, ...] = ()


@dataclass(frozen=True, slots=True)
class Upgrade:
    """One ddtrace release serves every served CPython: move to it, with what must move along.

    :param ddtrace: the release to move to.
    :param changes: ddtrace's change first, then each co-upgrade.
    :param tried: the releases the co-upgrade resolution tried.
    :param resolved: whether the co-upgrades come from a real resolution (not from comparing
        pins with ddtrace's own requirements).
    :param skipped: the releases from the floor up to the target that were passed over, and
        why (see :mod:`advisor.plan.why`).

    ``per_python``, ``floor`` and ``floor_reasons`` as in :class:`Ok`.
    """

    status: ClassVar[Literal["upgrade"]] = "upgrade"
    ddtrace: str
    changes: tuple[Change, ...]
    per_python: dict[str, str | None]
    floor: str | None = None
    floor_reasons: tuple[FloorReason, ...] = ()
    tried: tuple[str, ...] = ()
    resolved: bool = False
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True, slots=True)
class Split:
    """No single release serves every CPython in scope: one ddtrace per marker.

    :param split: the arms, one per marker.
    :param changes: ddtrace's change for each arm.

    ``per_python``, ``floor`` and ``floor_reasons`` as in :class:`Ok`.
    """

    status: ClassVar[Literal["split"]] = "split"
    split: tuple[SplitPart, ...]
    changes: tuple[Change, ...]
    per_python: dict[str, str | None]
    floor: str | None = None
    floor_reasons: tuple[FloorReason, ...] = ()


AWS_LAMBDA = "AWS Lambda"
"""How AWS Lambda stands among the platforms where a capability never runs."""


def where_text(where: Sequence[str]) -> str:
    """``on windows-amd64, windows-x86`` or ``in AWS Lambda``."""
    if AWS_LAMBDA in where:
        return f"in {AWS_LAMBDA}"
    return f"on {', '.join(where)}"


@dataclass(frozen=True, slots=True)
class NeverRuns:
    """A requested capability that no ddtrace release runs where it was asked.

    :param where: the platforms (ids) or deployment (``AWS Lambda``) it never runs on.
    """

    capability: str
    name: str
    where: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class Impossible:
    """No ddtrace release gives the requested capabilities here.

    :param blockers: why the co-upgrade resolution failed, when it is what failed.
    :param tried: the releases that resolution tried.
    :param never_runs: requested capabilities no release runs where they were asked (the
        user can drop them with ``-c``; the others are planned in ``per_python``).
    :param skipped: the releases from the floor up that no resolution could use, and why.

    ``per_python``, ``floor`` and ``floor_reasons`` as in :class:`Ok`.
    """

    status: ClassVar[Literal["impossible"]] = "impossible"
    per_python: dict[str, str | None]
    floor: str | None = None
    floor_reasons: tuple[FloorReason, ...] = ()
    blockers: tuple[Blocker, ...] = ()
    tried: tuple[str, ...] = ()
    never_runs: tuple[NeverRuns, ...] = ()
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True, slots=True)
class Ignored:
    """An ``ignore`` entry of the project's configuration in force on the run's day.

    :param id: the finding id it accepts (``env-switch``).
    :param until: the last day it holds (``None``: no end).
    :param count: how many findings of the run it took out of the report.
    :param by: the configuration it comes from, as the reports name it
        (``[tool.aap-advise] (pyproject.toml)``).
    :param source: the file and key of the entry.
    """

    id: str
    reason: str
    until: dt.date | None
    count: int
    by: str
    source: SourceLocation


Verdict: TypeAlias = Ok | Upgrade | Split | Impossible
"""What the planner concluded; each has a ``status`` string (:data:`Status`) for the reports.
Consumers match it exhaustively (``case _: assert_never(verdict)``)."""


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
    recommendation: Verdict
    integrations: tuple[FoundIntegration, ...]
    findings: tuple[Finding, ...]
    snapshot_date: str
    files: tuple[str, ...]
    today: dt.date
    deployment: RunsIn | None = None
    deployment_source: str | None = None
    environment: Environment = field(default_factory=Environment)
    ignored: tuple[Ignored, ...] = ()
    """The configuration's ``ignore`` entries in force (the findings they took out are not in
    ``findings``)."""
    python_origins: tuple[tuple[str, str], ...] = ()
    """Each CPython in scope -> where it came from (the range's source, a deployment file)."""
    deployments: tuple[DeploymentFact, ...] = ()
    """What the project's deployment files say (Dockerfiles, compose, Kubernetes...)."""


ProjectStatus = Literal["no-ddtrace", "ok", "upgrade", "split", "impossible"]
"""A project's status in a run: its verdict's :data:`Status`, or ``no-ddtrace`` for a project that
does not use ddtrace while another project of the run does (it is advised nothing)."""
#: Statuses from best to worst: a run's status is the worst of its projects'.
PROJECT_STATUSES: tuple[ProjectStatus, ...] = ("no-ddtrace", "ok", "upgrade", "split", "impossible")


@dataclass(frozen=True, slots=True)
class ProjectAdvice:
    """One project of a run (a folder holding a project manifest, or the files named together).

    :param root: the project's folder, a POSIX path relative to the folder the run was given
        (``.`` for it); for files named on the command line, their folder as named.
    :param files: the files read for it, as displayed.
    :param advice: its advice; ``None`` when it does not use ddtrace and another project of the
        run does (``no-ddtrace``: advised nothing).
    :param python_spec: its Python range as declared (``advice`` has the CPythons in scope).
    :param python_source: where that range comes from.
    :param environment: what its runtime environment was taken from.
    :param findings: for a ``no-ddtrace`` project, what reading its files found (a planned
        project's findings are ``advice.findings``).
    :param deployments: for a ``no-ddtrace`` project, what its deployment files say.
    """

    root: str
    files: tuple[str, ...]
    advice: Advice | None
    python_spec: str | None = None
    python_source: str = ""
    environment: Environment = field(default_factory=Environment)
    findings: tuple[Finding, ...] = ()
    deployments: tuple[DeploymentFact, ...] = ()

    @property
    def status(self) -> ProjectStatus:
        """``no-ddtrace``, else the verdict's status."""
        return "no-ddtrace" if self.advice is None else self.advice.recommendation.status


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run answers: each project found, in the order read (at least one).

    :param snapshot_date: the release data every project was judged on.
    :param today: the day support windows were judged on.
    """

    projects: tuple[ProjectAdvice, ...]
    snapshot_date: str
    today: dt.date

    @property
    def status(self) -> ProjectStatus:
        """The worst status over the projects (:data:`PROJECT_STATUSES`)."""
        return max((p.status for p in self.projects), key=PROJECT_STATUSES.index)

    @property
    def planned(self) -> tuple[ProjectAdvice, ...]:
        """The projects that were advised (every one but the ``no-ddtrace`` ones)."""
        return tuple(p for p in self.projects if p.advice is not None)

    @classmethod
    def of(cls, advice: Advice, root: str = ".") -> Report:
        """The report of a run with one project."""
        return cls(
            (
                ProjectAdvice(
                    root,
                    advice.files,
                    advice,
                    advice.python_spec,
                    advice.python_source,
                    advice.environment,
                ),
            ),
            advice.snapshot_date,
            advice.today,
        )
