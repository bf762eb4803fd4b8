"""The project as its dependency files declare it: dependencies, locks, the Python range.

Readers in :mod:`advisor.manifests` produce these values once; nothing after them looks at raw
file contents again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import TYPE_CHECKING, Literal, TypeAlias

from packaging.specifiers import SpecifierSet
from packaging.version import Version

from advisor.errors import ManifestError
from advisor.model import IdentityMemo
from advisor.model.excerpt import excerpt

if TYPE_CHECKING:
    from dataclasses import dataclass

    from advisor.model.deployment import Deployment
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass


Severity = Literal["info", "warning", "error"]
Role = Literal["declared", "constraint", "locked"]
GroupKind = Literal[
    "extra",
    "dependency-group",
    "poetry-group",
    "uv-dev",
    "pdm-dev",
    "hatch-env",
    "pipenv-category",
    "lock-group",
]
"""What a dependency's ``group`` is: a PEP 621 / setuptools / Poetry ``extra``, a PEP 735
``dependency-group``, a Poetry non-main ``poetry-group`` (``dev-dependencies`` included), uv's
``uv-dev`` (``tool.uv.dev-dependencies``), a PDM ``pdm-dev`` group, a Hatch ``hatch-env``, a
Pipfile ``pipenv-category`` other than ``packages``, or a ``lock-group`` (a lock names the group
without saying which kind it is). The main dependencies have no group and no kind."""

#: The parsed specifier of every dependency without one (shared: nothing changes a SpecifierSet).
NO_SPECIFIER = SpecifierSet()


@dataclass(frozen=True, slots=True)
class SourceLocation:
    """Where something was read: a file, and a 1-based line or a TOML/JSON key path."""

    file: str
    line: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.file}:{self.line}"
        if self.key:
            return f"{self.file}: {self.key}"
        return self.file


@dataclass(frozen=True, slots=True)
class Finding:
    """Something the user should know: an id, a severity, one line of text, and where."""

    id: str
    severity: Severity
    message: str
    location: SourceLocation | None = None


@dataclass(frozen=True, slots=True)
class Dependency:
    """One requirement on one package, as one file states it.

    :param name: canonical name (``packaging.utils.canonicalize_name``).
    :param display_name: the name as written.
    :param specifier: the version specifier as a string, ``""`` when there is none.
    :param version: the exact version when pinned (``==X``) or locked, else ``None``.
    :param marker: the environment marker, if any.
    :param extras: requested extras.
    :param group: the optional-dependency extra, dependency group or tool group it belongs to
        (``None`` for the main dependencies).
    :param group_kind: what ``group`` is (:data:`GroupKind`); ``None`` reads as ``extra`` for a
        dependency with a group (see :func:`kind_of`).
    :param lock_groups: every group a lock says the package is installed for (poetry.lock and
        pdm.lock ``groups``, pylock markers) when there is more than ``group``; ``group`` is the
        first of them.
    :param role: declared requirement, constraint (``-c`` files, uv constraints) or locked pin.
    :param url: a direct reference (VCS, archive URL or local path), if any.
    :param editable: installed with ``-e``.
    :param hashes: the ``--hash`` values of a requirements line (``sha256:...``); writers must
        not change the version of a hashed line without new hashes.
    :param options: the other pip options of a requirements line, each as pip reads it, in
        order (``--no-binary=fiona``, ``--config-settings='KEY=a b'``, ``--pre``): per-requirement
        ones and the global ones pip takes on a requirement line too. Kept, applied to nothing:
        a writer that moves the line's version leaves them as written.
    :param origin: provenance when a folder holds both a lock and its manifest, e.g.
        ``range from pyproject.toml, version from uv.lock``; ``None`` otherwise.
    :param parsed_specifier: ``specifier`` parsed (empty for ``""``; ``===`` arbitrary equality
        is kept as packaging reads it).
    :param parsed_version: ``version`` parsed.
    :param requires: for a direct reference to a local folder, what the project there requires:
        the PEP 621 ``dependencies`` of its ``pyproject.toml`` (and the optional ones of the
        extras asked), each with its own file and line; ``None`` when they were not read (git,
        URL, a folder missing or outside the repository, dependencies that are dynamic or not
        PEP 621).

    ``specifier`` and ``version`` are the text as written (writers and reports show it); what
    compares versions uses the parsed values. A reader passes them where it has parsed the text
    already; otherwise they are parsed here, once, so a dependency never holds text that does
    not parse (``InvalidSpecifier``/``InvalidVersion`` are raised: the readers reject such text
    with a :class:`~advisor.errors.ManifestError` first). ``dataclasses.replace`` of
    ``specifier`` or ``version`` must replace the parsed value along with it.
    """

    name: str
    display_name: str
    specifier: str
    version: str | None
    source: SourceLocation
    marker: str | None = None
    extras: tuple[str, ...] = ()
    group: str | None = None
    group_kind: GroupKind | None = None
    lock_groups: tuple[str, ...] = ()
    role: Role = "declared"
    url: str | None = None
    editable: bool = False
    hashes: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    origin: str | None = None
    parsed_specifier: SpecifierSet = field(default=NO_SPECIFIER, compare=False, repr=False)
    parsed_version: Version | None = field(default=None, compare=False, repr=False)
    requires: tuple[Dependency, ...] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.specifier and self.parsed_specifier is NO_SPECIFIER:
            object.__setattr__(self, "parsed_specifier", SpecifierSet(self.specifier))
        if self.version and self.parsed_version is None:
            object.__setattr__(self, "parsed_version", Version(self.version))
        if (bad := unparsable_version(self.parsed_specifier)) is not None:
            # packaging reads a specifier's versions only when it first compares: refuse here,
            # at the line, what would otherwise fail in the middle of the plan.
            raise ManifestError(
                f"invalid requirement {excerpt(self.display_name + self.specifier)!r}: "
                f"{excerpt(bad, 40)!r} is not a version aap-advise can compare",
                file=self.source.file,
                line=self.source.line,
                key=self.source.key,
                code="invalid-requirement",
            )


def kind_of(dep: Dependency) -> GroupKind | None:
    """The kind of ``dep``'s group: ``None`` for the main dependencies, ``extra`` when the
    reader did not say (an ``extra == "x"`` marker)."""
    if dep.group is None:
        return None
    return dep.group_kind or "extra"


def unparsable_version(spec: SpecifierSet) -> str | None:
    """The first version of ``spec`` that packaging cannot turn into a :class:`Version` (a
    release number past int()'s 4,300 digits), or ``None``. ``===`` takes any string.

    Each distinct version text is tried once while it stays in a bounded memo: every
    dependency is checked as it is made, and a monorepo's thousands repeat a few hundred."""
    for clause in spec:
        if clause.operator == "===":
            continue
        text = clause.version
        if text in _COMPARABLE:
            continue
        try:
            Version(text.removesuffix(".*"))
        except ValueError:
            return text
        if len(text) <= _COMPARABLE_CHARS:
            if len(_COMPARABLE) >= _COMPARABLE_KEPT:
                _COMPARABLE.clear()
            _COMPARABLE.add(text)
    return None


#: Version texts :func:`unparsable_version` found comparable, of at most
#: :data:`_COMPARABLE_CHARS` characters (real ones are a dozen) and at most
#: :data:`_COMPARABLE_KEPT` of them (then emptied and filled again): a bounded memo.
_COMPARABLE: set[str] = set()
_COMPARABLE_KEPT = 4096
_COMPARABLE_CHARS = 64


@dataclass(frozen=True, slots=True)
class PythonDeclaration:
    """A declared CPython range and where it came from.

    :param spec: a PEP 440 specifier set (``>=3.9,<3.13``).
    :param source: human-readable origin, e.g. ``pyproject.toml: project.requires-python``.
    :param weak: a hint only (``.python-version``, a pip-compile header), overridden by any
        declared range.
    """

    spec: str
    source: str
    weak: bool = False


LockNode: TypeAlias = tuple[str, str | None]
"""A package of a lock graph, with one of its extras or ``None`` (the package itself)."""


@dataclass(frozen=True, slots=True)
class LockGraph:
    """Who needs whom in a lock that writes it down (``uv.lock``; ``poetry.lock`` and
    ``pdm.lock`` holding path dependencies): enough to tell which locked packages the runtime
    environment reaches.

    :param roots: the project's own packages (the root, workspace members), canonical names.
    :param edges: each node's dependencies: ``(name, None)`` -> what the package needs,
        ``(name, extra)`` -> what its extra adds (reaching ``(name, extra)`` reaches
        ``(name, None)`` too). A dependency requested with extras is one node per extra.
    :param groups: each dependency group of the roots (uv ``dev-dependencies``), as written, ->
        the nodes it installs.
    :param members: the project's own packages the lock holds by folder (a workspace's
        members, path dependencies installed from the repository): the folder relative to the
        lock's, POSIX and normalised (``.`` for the lock's own), -> the canonical name.
    :param root_groups: each root's own dependency groups (``groups`` is their union), for
        the part of one member (:func:`~advisor.model.environment.member_parts`).
    :param partial: the roots are the project's path dependencies (``poetry.lock``,
        ``pdm.lock``), not the project: these locks do not hold the project's own package, so
        what the roots reach is not what the project installs, and the groups the lock writes
        per package (``Dependency.lock_groups``) say that instead. Only the part of one member
        (:func:`~advisor.model.environment.member_parts`), which is whole, is judged by its graph.
    """

    roots: tuple[str, ...]
    edges: Mapping[LockNode, tuple[LockNode, ...]]
    groups: Mapping[str, tuple[LockNode, ...]]
    members: Mapping[str, str] = field(default_factory=dict)
    root_groups: Mapping[str, Mapping[str, tuple[LockNode, ...]]] = field(default_factory=dict)
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Manifest:
    """What one reader found in one file.

    :param index_urls: package indexes the file names (``--index-url``/``--extra-index-url``,
        Pipfile ``[[source]]``, Poetry and uv sources, a lock's registry), first the primary.
    :param includes: other files read as part of this one (``-r``/``-c`` includes, setuptools
        ``dynamic`` files), as displayed; a file listed here is not read again on its own.
    :param graph: a lock's dependency edges (``uv.lock``; ``poetry.lock`` and ``pdm.lock``
        holding path dependencies), ``None`` when it has none.
    :param compiled: the files of this one (itself, or a file it includes) that pip-compile,
        ``uv pip compile`` or ``uv export`` wrote (their header says so), as displayed: every
        package of them pinned, like a lock.
    :param deployments: what a deployment file (Dockerfile, compose, Kubernetes, ECS, Lambda,
        CI) says about where the project runs; its ``dependencies`` then hold the ddtrace it
        installs or injects, if any.
    """

    path: str
    kind: str
    dependencies: tuple[Dependency, ...] = ()
    python: PythonDeclaration | None = None
    project_name: str | None = None
    is_lock: bool = False
    findings: tuple[Finding, ...] = ()
    index_urls: tuple[str, ...] = ()
    includes: tuple[str, ...] = ()
    graph: LockGraph | None = field(default=None, compare=False)
    compiled: tuple[str, ...] = ()
    deployments: tuple[Deployment, ...] = ()


#: :meth:`Project.named`'s answers, by dependencies tuple: name -> the dependencies on it. A
#: few projects at a time.
_NAMED: IdentityMemo[tuple[Dependency, ...], dict[str, tuple[Dependency, ...]]]
_NAMED = IdentityMemo(8)


def _no_names(_: object) -> dict[str, tuple[Dependency, ...]]:
    return {}


@dataclass(frozen=True, slots=True)
class Project:
    """Everything read from the paths the user gave.

    :param deployments: every deployment of its files (:attr:`Manifest.deployments`), and
        those of deployment files above or beside it that it was given (a compose service
        building its folder, a Kubernetes manifest in a ``deploy/`` folder of the repository).
    """

    manifests: tuple[Manifest, ...]
    dependencies: tuple[Dependency, ...]
    python: PythonDeclaration | None
    findings: tuple[Finding, ...] = field(default=())
    deployments: tuple[Deployment, ...] = ()

    def named(self, name: str) -> tuple[Dependency, ...]:
        """Every dependency on canonical ``name``."""
        # Asked about ddtrace a dozen times while one project is planned: each answer is kept
        # with the dependencies it was found in, for the last few projects asked about.
        kept = _NAMED.get(self.dependencies, _no_names)
        found = kept.get(name)
        if found is None:
            found = kept[name] = tuple(d for d in self.dependencies if d.name == name)
        return found

    def index_urls(self) -> tuple[str, ...]:
        """Every package index the files name, in order of appearance, without repeats."""
        return tuple(dict.fromkeys(u for m in self.manifests for u in m.index_urls))
