"""The one orchestration every front end shares: read the files, load the knowledge, plan.

Offline, package data comes from the shipped snapshot and the cache only. Online, ddtrace's
release list is read live from the index (its Requires-Dist still comes from the snapshot where
it has it), and the co-upgrade resolution reads other packages through the cache.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.errors import IndexUnavailable
from advisor.knowledge import matrix
from advisor.knowledge.releases import load_snapshot
from advisor.manifests import read_paths
from advisor.model.advice import Advice, AdviceRequest
from advisor.model.project import Finding, Project
from advisor.model.release import ReleaseSnapshot
from advisor.plan import plan
from advisor.resolve.source import SnapshotSource

if TYPE_CHECKING:
    from advisor.index.config import IndexConfig
    from advisor.index.http import Deadline
    from advisor.index.source import IndexSource
    from advisor.index.urls import Expansion
    from advisor.write.hashes import IndexHashLookup

#: Files whose tool expands ``${NAME}`` anywhere in the index URLs they name: pip's requirements
#: files, pipenv's Pipfile and Pipfile.lock (pipenv expands the lock's sources when installing).
#: PDM expands it in a source's ``user:password@`` only; uv, Poetry and the other locks not at
#: all (see :func:`_index_expansion`).
_EXPANDING_KINDS = frozenset({"requirements", "pipfile", "Pipfile.lock"})


class _Shared:
    """What the index reads of one run share: the deadline, started by the first of them."""

    __slots__ = ("deadline",)

    def __init__(self) -> None:
        self.deadline: Deadline | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """Where data comes from.

    :param snapshot: a release snapshot file instead of the shipped one.
    :param index_url: ``--index-url``; ``None`` for the configured or default one.
    :param extra_index_urls: ``--extra-index-url`` values.
    :param cache_dir: the cache folder; ``None`` for the user cache directory.
    :param no_cache: use no cache at all.
    :param timeout: seconds per request.
    :param deadline: seconds all index requests of one run may take together.
    :param trust_files: whether the files read are trusted: ``${VAR}`` in include paths and
        index URLs is expanded, and index URLs named in files are used. ``False`` for files
        from a pull request (the Action, the pre-commit hooks, ``--untrusted``).
    :param allow_outside: read files the named ones include outside their repository.
    """

    snapshot: str | None = None
    index_url: str | None = None
    extra_index_urls: tuple[str, ...] = ()
    cache_dir: str | None = None
    no_cache: bool = False
    timeout: float = 30.0
    deadline: float = 60.0
    trust_files: bool = True
    allow_outside: bool = False
    _shared: _Shared = field(default_factory=_Shared, init=False, repr=False, compare=False)


def read_and_advise(
    paths: Sequence[str], request: AdviceRequest, settings: Settings | None = None
) -> tuple[Project, Advice]:
    """Read the files at ``paths`` and advise; also return the project (writers need it).

    :raises AdvisorError: for bad input, bad data, or (online) an index that cannot be used.
    """
    settings = settings or Settings()
    project = read_paths(paths, allow_outside=settings.allow_outside,
                         trusted=settings.trust_files)
    shipped = load_snapshot(settings.snapshot)
    knowledge = matrix.load()
    index, config = _open_index(project, settings, offline=request.offline)
    notes: list[Finding] = []
    try:
        releases = shipped
        if not request.offline:
            # The project's own pages download in the background, side by side, while ddtrace's
            # (the largest page on PyPI) is read and parsed here; the planner waits for each
            # page only when it needs it.
            index.prefetch_async(d.name for d in project.dependencies if d.name != shipped.project)
            releases = _live(index, shipped, request, notes)
        advice = plan(project, knowledge, releases, request, SnapshotSource(releases, fallback=index))
    finally:
        index.close()
        if settings._shared.deadline is None:
            settings._shared.deadline = index.started_clock
    notes += [Finding("index-note", "warning", n) for n in index.notes]
    if config.skipped and not request.offline:
        notes.append(Finding("index-skipped", "info", f"indexes that are not http(s) were skipped: {', '.join(config.skipped)}"))
    if config.ignored and not request.offline:
        notes.append(Finding("index-ignored", "info",
                             "package indexes named in the files were not used because the files are untrusted "
                             f"(only the indexes the workflow configures are read): {', '.join(config.ignored)}"))
    return project, dataclasses.replace(advice, findings=(*advice.findings, *notes))


def _open_index(project: Project, settings: Settings, *, offline: bool) -> tuple[IndexSource, IndexConfig]:
    """The index reader of this run: its indexes, cache, timeouts, credentials and deadline."""
    # None of these imports httpx (a quarter of a second): IndexSource imports it when it
    # first sends a request, which offline runs and runs answered by a fresh cache never do.
    from advisor.index.config import configured_indexes
    from advisor.index.source import IndexSource

    config = configured_indexes(settings.index_url, settings.extra_index_urls, project.index_urls(),
                                trusted=settings.trust_files,
                                expand=_index_expansion(project) if settings.trust_files else {})
    cache = None
    if not settings.no_cache:
        from advisor.index.cache import Cache, default_cache_dir

        cache = Cache(Path(settings.cache_dir) if settings.cache_dir else default_cache_dir())
    # The deadline clock starts with the run's first request (a run answered by the cache
    # never imports httpx); a later reader of the same run (--fix's hashes) shares it.
    shared = settings._shared.deadline
    return IndexSource(config.indexes, cache, offline=offline, timeout=settings.timeout,
                       deadline=shared if shared is not None else settings.deadline), config


def _index_expansion(project: Project) -> dict[str, Expansion]:
    """Where ``${NAME}`` is expanded in each index URL the files name: as the tool owning the
    file does (a URL named by several files: the widest of theirs).

    A ``pyproject.toml``'s reading merges its Poetry, uv and PDM sources (and the index lines
    of requirements files its setuptools table names) into one list; only its
    ``[[tool.pdm.source]]`` URLs are expanded, and so looked up again when one holds a ``${``.
    """
    out: dict[str, Expansion] = {}
    for manifest in project.manifests:
        if manifest.kind in _EXPANDING_KINDS:
            out.update(dict.fromkeys(manifest.index_urls, "url"))
        elif manifest.kind == "pyproject" and any("${" in u for u in manifest.index_urls):
            for url in _pdm_sources(manifest.path) & set(manifest.index_urls):
                out.setdefault(url, "userinfo")
    return out


def _pdm_sources(path: str) -> set[str]:
    """The ``url`` of each ``[[tool.pdm.source]]`` of a ``pyproject.toml`` read before."""
    from advisor.errors import AdvisorError
    from advisor.manifests._text import as_list, parse_toml, read_text

    try:
        data = parse_toml(read_text(Path(path), path), path)
    except AdvisorError:
        return set()
    tool = data.get("tool")
    pdm = tool.get("pdm") if isinstance(tool, dict) else None
    sources = as_list(pdm.get("source")) if isinstance(pdm, dict) else []
    return {s["url"] for s in sources if isinstance(s, dict) and isinstance(s.get("url"), str)}


def hash_lookup(project: Project, settings: Settings) -> IndexHashLookup:
    """The ``--fix`` hash lookup: the same indexes, cache, timeouts, credentials and deadline
    as the run's other index reads (the deadline keeps counting from the first of them).

    The caller closes it.
    """
    from advisor.write.hashes import IndexHashLookup

    return IndexHashLookup(_open_index(project, settings, offline=False)[0])


def _live(index: IndexSource, shipped: ReleaseSnapshot, request: AdviceRequest, notes: list[Finding]) -> ReleaseSnapshot:
    """ddtrace's releases as the index lists them now, with the snapshot's Requires-Dist."""
    try:
        live = index.releases(shipped.project)
    except IndexUnavailable as exc:
        notes.append(Finding("index-fallback", "warning",
                             f"{exc.message}; using the shipped release snapshot of {shipped.snapshot_date}"))
        return shipped
    if not live:
        return shipped
    merged = []
    for release in live:
        known = shipped.get(release.version)
        rd = known.requires_dist if known is not None else None
        merged.append(dataclasses.replace(release, requires_dist=rd))
    return ReleaseSnapshot(shipped.project, index.display_url,
                           f"{request.today.isoformat()} (live index)", tuple(merged))


def advise(paths: Sequence[str], request: AdviceRequest, settings: Settings | None = None) -> Advice:
    """Advise on the dependency files at ``paths`` (see :func:`read_and_advise`)."""
    return read_and_advise(paths, request, settings)[1]
