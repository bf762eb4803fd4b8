"""The one orchestration every front end shares: read the files, load the knowledge, plan; and
for ``--fix``, plan the edits, apply them, write the constraints, re-lock, and put every file
back when a step fails or a signal comes.

Front ends map their inputs to a :class:`Settings` and an
:class:`~advisor.model.advice.AdviceRequest`, call :func:`advise_files` (or :func:`advise`),
then :func:`plan_fix_for` and :func:`apply_fix`; they render what comes back and pick the exit
code. Nothing here prints.

Offline, package data comes from the shipped snapshot and the cache only. Online, ddtrace's
release list is read live from the index (its Requires-Dist still comes from the snapshot where
it has it), and the co-upgrade resolution reads other packages through the cache.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.errors import IndexUnavailable
from advisor.knowledge import matrix
from advisor.knowledge.releases import constrainers_beside, load_snapshot
from advisor.manifests import no_collection, read_paths
from advisor.model.advice import Advice, AdviceRequest, ProjectAdvice, Report, RunsIn
from advisor.model.environment import Environment
from advisor.model.environment import select as select_environment
from advisor.model.project import Dependency, Finding, Manifest, Project
from advisor.model.release import DDTRACE, Release, ReleaseSnapshot
from advisor.plan import plan
from advisor.resolve import Budget
from advisor.resolve.source import SnapshotSource

if TYPE_CHECKING:
    from dataclasses import dataclass

    from advisor.index.config import IndexConfig
    from advisor.index.http import Deadline
    from advisor.index.source import IndexSource
    from advisor.index.urls import Expansion
    from advisor.manifests.config import Config, ConfigReader
    from advisor.write import FixPlan, Patch, RelockCommand
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

#: Files whose tool expands ``${NAME}`` anywhere in the index URLs they name: pip's requirements
#: files, pipenv's Pipfile and Pipfile.lock (pipenv expands the lock's sources when installing).
#: PDM expands it in a source's ``user:password@`` only; uv, Poetry and the other locks not at
#: all (see :func:`_index_expansion`).
_EXPANDING_KINDS = frozenset({"requirements", "pipfile", "Pipfile.lock"})


@dataclass(frozen=True, slots=True)
class Settings:
    """Where data comes from, and which files may be read.

    :param snapshot: a release snapshot file instead of the shipped one; the
        ``constrainers.json`` beside it, when there is one, replaces the shipped one too.
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
    :param progress: told what the run is doing, in a few words, as it goes (the command
        line's status on a terminal, :mod:`advisor.frontends.progress`).
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
    progress: Callable[[str], None] | None = None


@dataclass(frozen=True, slots=True)
class Advised:
    """One run's reading and advice, and what a ``--fix`` of the same run shares with it.

    :param project: the files read, every group and file (the writers edit them); the advice
        was planned on its runtime environment (``advice.environment``).
    :param advice: the answer.
    :param offline: whether the run read no index (``--fix`` then looks up no hashes).
    :param settings: the settings the run read with.
    :param indexes: the indexes the run resolved, once: ``--fix``'s hash lookup reads the same;
        ``None`` for an offline run without a cache (it resolves none: nothing can be asked).
    :param clock: the deadline the run's first index request started; a later index reader of
        the run keeps counting from it.
    """

    project: Project
    advice: Advice
    offline: bool
    settings: Settings
    indexes: IndexConfig | None
    clock: Deadline | None = None


@dataclass(frozen=True, slots=True)
class Flags:
    """What the front end was asked, before each project's configuration is read: a value
    given (a non-empty list, a string) replaces the configuration's key, one not given keeps it.

    :param groups: ``--group`` names (replacing the configuration's ``groups``).
    :param today: the day support windows are judged on.
    :param offline: no index is read.
    :param resolve_budget: seconds the co-upgrade resolution may take.
    """

    capabilities: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    python: str | None = None
    deployment: RunsIn | None = None
    groups: tuple[str, ...] = ()
    all_groups: bool = False
    today: dt.date = dataclasses.field(default_factory=dt.date.today)
    offline: bool = True
    resolve_budget: float = 20.0


@dataclass(frozen=True, slots=True)
class Run:
    """One run's answer over every project found, and what ``--fix`` needs of each.

    :param report: what the renderers show.
    :param advised: the reading and advice of each project advised (``no-ddtrace`` ones are
        not), in the report's order.
    :param read: every file read, of a project advised or not, or of none (the files an
        output must not replace).
    :param configs: the configuration files read.
    """

    report: Report
    advised: tuple[Advised, ...]
    read: tuple[Manifest, ...] = ()
    configs: tuple[str, ...] = ()

    def one(self, option: str) -> Advised:
        """The one project advised, for an output that holds one answer (``option``).

        :raises UsageError: when the run advised several projects (or none).
        """
        if len(self.advised) == 1:
            return self.advised[0]
        from advisor.errors import UsageError

        roots = [p.root for p in self.report.planned]
        raise UsageError(
            f"{option} writes one project's answer, and {len(roots)} projects were advised"
            + (f" ({', '.join(roots)})" if roots else ""),
            hint="name one project's folder or files",
        )


def advise_run(paths: Sequence[str], flags: Flags, settings: Settings) -> Run:
    """Find the projects at ``paths`` (:func:`advisor.manifests.projects.find_projects`), read
    each one's configuration, and advise each on its runtime environment.

    When some project of the run uses ddtrace, a project that does not is listed as
    ``no-ddtrace`` and advised nothing; when none does, each is advised (to add it).

    :raises AdvisorError: for bad input, bad data, or (online) an index that cannot be used.
    """
    from advisor.manifests.config import ConfigReader
    from advisor.manifests.projects import find_projects

    _say(settings, "finding the projects")
    found = find_projects(paths, allow_outside=settings.allow_outside, trusted=settings.trust_files)
    uses = any(f.project.named(DDTRACE) for f in found.projects)
    planned = [f for f in found.projects if not uses or f.project.named(DDTRACE)]
    reader = ConfigReader(found.shared)  # folders above projects shared, files read once
    jobs = []
    for f in planned:
        config = read_config([f.folder], settings, f.top, reader).merged(
            capabilities=flags.capabilities,
            platforms=flags.platforms,
            python=flags.python,
            deployment=flags.deployment,
        )
        jobs.append(_job(f.project, _request(config, flags), config))
    if flags.groups:  # one set of --group names for every project
        jobs = _unknown_groups_once(jobs)
    advised = dict(zip(map(id, planned), _advise_jobs(jobs, settings, flags.offline), strict=True))
    projects: list[ProjectAdvice] = []
    for f in found.projects:
        one = advised.get(id(f))
        if one is None:  # no ddtrace here, while another project uses it: advised nothing
            python = f.project.python
            files = tuple(m.path for m in f.project.manifests)
            spec, source = (python.spec, python.source) if python else (None, "")
            projects.append(
                ProjectAdvice(
                    f.root,
                    files,
                    None,
                    spec,
                    source,
                    findings=f.project.findings,
                    deployments=f.project.deployments,
                )
            )
            continue
        a = one.advice
        projects.append(
            ProjectAdvice(f.root, a.files, a, a.python_spec, a.python_source, a.environment)
        )
    out = tuple(advised.values())
    snapshot_date = (
        out[0].advice.snapshot_date if out else load_snapshot(settings.snapshot).snapshot_date
    )
    configs = tuple(dict.fromkeys(j.config.file for j in jobs if j.config and j.config.file))
    return Run(Report(tuple(projects), snapshot_date, flags.today), out, found.read, configs)


def _say(settings: Settings, text: str, prefix: str = "") -> None:
    if settings.progress is not None:
        settings.progress(prefix + text)


def _request(config: Config, flags: Flags) -> AdviceRequest:
    """The request of one project: its configuration, with the flags given in its place."""
    return AdviceRequest(
        capabilities=config.capabilities or (),
        python=config.python,
        platforms=config.platforms or (),
        today=flags.today,
        offline=flags.offline,
        deployment=config.deployment,
        # --group names replace the configuration's groups, as every other flag its key.
        groups=flags.groups or tuple(config.groups or ()),
        all_groups=flags.all_groups,
        resolve_budget=flags.resolve_budget,
    )


@dataclass(frozen=True, slots=True)
class _Job:
    """One project to advise: every file read, the runtime environment the planner sees
    (:func:`advisor.model.environment.select`), the request and the configuration."""

    project: Project
    selected: Project
    environment: Environment
    request: AdviceRequest
    config: Config | None


def _job(project: Project, request: AdviceRequest, config: Config | None) -> _Job:
    if any(d.ddtrace is not None and d.ddtrace.how == "layer" for d in project.deployments):
        from advisor.knowledge.layers import with_layer_versions  # only a Lambda layer needs it

        project = with_layer_versions(project)
    selected, environment = select_environment(
        project, request.groups, all_groups=request.all_groups
    )
    return _Job(project, selected, environment, request, config)


def _unknown_groups_once(jobs: list[_Job]) -> list[_Job]:
    """The jobs of a run whose ``--group`` names every project shares: a name one project
    knows is not reported unknown by the others; one none knows, by each."""
    unknown = [{f.message for f in j.selected.findings if f.id == "unknown-group"} for j in jobs]
    everywhere = set.intersection(*unknown) if unknown else set()
    return [
        dataclasses.replace(
            j,
            selected=dataclasses.replace(
                j.selected,
                findings=tuple(
                    f
                    for f in j.selected.findings
                    if f.id != "unknown-group" or f.message in everywhere
                ),
            ),
        )
        for j in jobs
    ]


def read_config(
    paths: Sequence[str],
    settings: Settings,
    top: str | None = None,
    reader: ConfigReader | None = None,
) -> Config:
    """The configuration of the project at ``paths`` (:func:`advisor.manifests.config.load_config`
    on the folder of the first path), its capabilities checked against the knowledge.

    Read whether or not the files are trusted: it is data (no key names an index or a command).

    :param reader: the run's reader, shared by its projects (each file above them is read
        once); ``None`` for a reader of this project's own.
    :raises ManifestError: for a configuration that cannot be read or holds a wrong value,
        naming the file and key.
    """
    from advisor.errors import ManifestError, UsageError
    from advisor.manifests.config import ConfigReader, config_folder
    from advisor.plan.scope import resolve_capabilities

    config = (reader if reader is not None else ConfigReader()).load(
        config_folder(paths), allow_outside=settings.allow_outside, top=top
    )
    for i, item in enumerate(config.capabilities or ()):
        try:
            resolve_capabilities(matrix.load(), [item])
        except UsageError as exc:  # the same words as for -c, at the file and key
            raise ManifestError(
                exc.message,
                file=config.file,
                key=f"{config.key('capabilities')}[{i}]",
                code="unknown-capability",
                hint=exc.hint,
            ) from None
    return config


def advise_files(
    paths: Sequence[str],
    request: AdviceRequest,
    settings: Settings,
    project_config: Config | None = None,
) -> Advised:
    """Read the files at ``paths`` as one project (every folder's files together) and advise.

    :param project_config: the project's configuration (:func:`read_config`); its ``ignore``
        entries take the findings they accept out of the advice (the verdict stays as it is).
    :raises AdvisorError: for bad input, bad data, or (online) an index that cannot be used.
    """
    project = read_paths(paths, allow_outside=settings.allow_outside, trusted=settings.trust_files)
    (advised,) = _advise_jobs([_job(project, request, project_config)], settings, request.offline)
    return advised


def _advise_jobs(jobs: Sequence[_Job], settings: Settings, offline: bool) -> list[Advised]:
    """Advise each job, sharing one index reader, ddtrace's releases and the knowledge.

    The planner sees each project's runtime environment only; the writers
    (:attr:`Advised.project`) see every file, so ``--fix`` still finds each ddtrace
    declaration it may edit.
    """
    from advisor.index.offline import Uncached  # an --offline --no-cache run's reader
    from advisor.plan.serve import ServerPool  # imported with plan already

    config: IndexConfig | None = None
    index: IndexSource | Uncached
    if offline and settings.no_cache:  # nothing can be asked: no index configuration is read
        index = Uncached()
    else:
        from advisor.index.config import configured_indexes  # no httpx either (_open_index)

        expansion: dict[str, Expansion] = {}
        if settings.trust_files:
            for job in jobs:
                expansion.update(_index_expansion(job.project))
        config = configured_indexes(
            settings.index_url,
            settings.extra_index_urls,
            tuple(dict.fromkeys(u for job in jobs for u in job.project.index_urls())),
            trusted=settings.trust_files,
            expand=expansion,
        )
        index = _open_index(config, settings, offline=offline, clock=None)
    notes: list[Finding] = []
    advices: list[Advice] = []
    try:
        if not offline:
            assert not isinstance(index, Uncached)
            # The projects' own pages download in the background, side by side, from now on
            # (the first worker makes the HTTP client), while the snapshot and the knowledge
            # load here and ddtrace's page (the largest on PyPI) is read and parsed here next;
            # the planner waits for each page only when it needs it. The Requires-Dist of
            # each exact pin the projects declare (the release the resolver tries first) is
            # read with its page, and the pages it names start downloading then.
            deps = [d for job in jobs for d in job.selected.dependencies if d.name != DDTRACE]
            index.prefetch_async(
                dict.fromkeys(d.name for d in deps),
                pins={
                    d.name: d.parsed_version
                    for d in deps
                    if d.role == "declared"
                    and d.parsed_version is not None
                    and d.url is None
                    and d.marker is None
                },
            )
        shipped = load_snapshot(settings.snapshot)
        knowledge = matrix.load_for(settings.snapshot)
        releases = shipped
        if not offline:
            assert not isinstance(index, Uncached)
            _say(settings, "reading ddtrace's releases from the index")
            releases = _live(index, shipped, jobs[0].request.today)
        source = SnapshotSource(releases, fallback=index)
        # One --resolve-budget for the whole run, every project's resolutions together.
        budget = Budget(jobs[0].request.resolve_budget)
        # One pool of servers too: projects asked the same questions find each answer once.
        servers = ServerPool()
        # The collector is paused while planning, as while reading: the plans, the servers'
        # answers and what was read live until the report is written and form no cycles to
        # wait for, and each collection walked them all again (a tenth of a 3,200-manifest
        # run; peak memory measured the same either way).
        with no_collection():
            for n, job in enumerate(jobs, 1):
                said = f"project {n} of {len(jobs)}: " if len(jobs) > 1 else ""
                _say(settings, f"{said}planning")
                told = functools.partial(_say, settings, prefix=said) if settings.progress else None
                advices.append(
                    plan(
                        job.selected,
                        knowledge,
                        releases,
                        job.request,
                        source,
                        budget,
                        told,
                        servers,
                    )
                )
    finally:
        index.close()
    notes += [Finding("index-note", "warning", n) for n in index.notes]
    if config is not None and config.skipped and not offline:
        notes.append(
            Finding(
                "index-skipped",
                "info",
                f"indexes that are not http(s) were skipped: {', '.join(config.skipped)}",
            )
        )
    if config is not None and config.ignored and not offline:
        notes.append(
            Finding(
                "index-ignored",
                "info",
                "package indexes named in the files were not used because the files are untrusted "
                f"(only the indexes the workflow configures are read): {', '.join(config.ignored)}",
            )
        )
    out = []
    for job, advice in zip(jobs, advices, strict=True):
        advice = dataclasses.replace(
            advice,
            findings=(*advice.findings, *notes),
            environment=job.environment,
        )
        if job.config is not None:
            advice = job.config.apply(advice, job.request.today)
        out.append(Advised(job.project, advice, offline, settings, config, index.started_clock))
    return out


def read_and_advise(
    paths: Sequence[str], request: AdviceRequest, settings: Settings | None = None
) -> tuple[Project, Advice]:
    """Read the files at ``paths`` and advise; also return the project (writers need it).

    :raises AdvisorError: for bad input, bad data, or (online) an index that cannot be used.
    """
    advised = advise_files(paths, request, settings or Settings())
    return advised.project, advised.advice


def _open_index(
    config: IndexConfig, settings: Settings, *, offline: bool, clock: Deadline | None
) -> IndexSource:
    """An index reader of this run: its indexes, cache, timeouts, credentials and deadline."""
    # None of these imports httpx (a quarter of a second): IndexSource imports it when it
    # first sends a request, which offline runs and runs answered by a fresh cache never do.
    from advisor.index.source import IndexSource

    cache = None
    if not settings.no_cache:
        from advisor.index.cache import Cache, default_cache_dir

        cache = Cache(Path(settings.cache_dir) if settings.cache_dir else default_cache_dir())
    # The deadline clock starts with the run's first request (a run answered by the cache
    # never imports httpx); a later reader of the same run (--fix's hashes) shares it.
    return IndexSource(
        config.indexes,
        cache,
        offline=offline,
        timeout=settings.timeout,
        deadline=clock if clock is not None else settings.deadline,
    )


def _live(index: IndexSource, shipped: ReleaseSnapshot, today: dt.date) -> ReleaseSnapshot:
    """ddtrace's releases as the index lists them now, with the snapshot's Requires-Dist.

    An index that cannot list ddtrace (no page for it on any index, a page that is not one,
    an outage the cache cannot stand in for) ends the run with exit 3 naming it: an answer
    planned on what the index does not have would be told as the project's fault.

    :raises IndexUnavailable: as above.
    """
    live = index.releases(shipped.project)
    if not live:
        raise IndexUnavailable(
            f"{index.display_url}: project {shipped.project!r} not found on the index",
            code="project-not-found",
            hint="check --index-url (or --offline answers from the shipped snapshot)",
        )
    merged = []
    for release in live:
        known = shipped.get(release.version)
        rd = known.requires_dist if known is not None else None
        merged.append(
            Release(
                release.version,
                release.requires_python,
                release.yanked,
                release.yanked_reason,
                release.upload_time,
                release.sdist,
                release.wheels,
                rd,
            )
        )
    return ReleaseSnapshot(
        shipped.project,
        index.display_url,
        f"{today.isoformat()} (live index)",
        tuple(merged),
    )


def advise(
    paths: Sequence[str], request: AdviceRequest, settings: Settings | None = None
) -> Advice:
    """Advise on the dependency files at ``paths`` (see :func:`advise_files`)."""
    return advise_files(paths, request, settings or Settings()).advice


# --- output files ------------------------------------------------------------------------------


def check_outputs(run: Run, outputs: Sequence[tuple[str, str]]) -> None:
    """Refuse, before anything is written, an output file that is one of the files read
    (however named: a symlink, a hard link) or that two outputs name.

    The files read: every dependency file and its includes (of no project too), each
    project's configuration file, the ``--snapshot`` file and the ``constrainers.json`` read
    beside it, and the metadata of the local projects they name (``-e ./vendor/pkg``), read
    for their names.

    :param outputs: ``(option, path)`` pairs, e.g. ``("-o", "report.md")``.
    :raises WriteFailed: ``output-is-input`` naming the first such output.
    """
    if outputs:
        from advisor.write.apply import refuse_inputs

        inputs = [f for m in run.read for f in (m.path, *m.includes)]
        settings = run.advised[0].settings if run.advised else None
        if settings is not None and settings.snapshot:
            inputs.append(settings.snapshot)
            beside = constrainers_beside(settings.snapshot)
            if beside.is_file():
                inputs.append(str(beside))
        deps = [d for m in run.read for d in m.dependencies]
        refuse_inputs(outputs, [*inputs, *run.configs, *_local_metadata(deps)])


#: What a local project's name is read from (advisor.manifests._local).
_PROJECT_METADATA = ("pyproject.toml", "setup.cfg", "setup.py")


def _local_metadata(deps: Iterable[Dependency]) -> list[str]:
    """The metadata files of every local folder a dependency names (``-e ./vendor/pkg``, a
    ``file:`` URL, PDM's ``-e ${PROJECT_ROOT}/pkg``), from the naming file's folder and from the
    working directory, as the readers look for them; those that do not exist are left to
    :func:`~advisor.write.apply.refuse_inputs`, which skips them."""
    from advisor.manifests._local import written_path

    folders: set[str] = set()
    for dep in deps:
        if not dep.url or "\x00" in dep.url:
            continue
        base = os.path.dirname(dep.source.file)
        # The path as the readers take it (file:, file://localhost/, %-escapes, PDM's root).
        where = written_path(dep.url, os.path.abspath(base or "."))
        if where is None:
            continue
        folders.update(os.path.join(b, where) for b in (base, "."))
    return [os.path.join(f, name) for f in sorted(folders) for name in _PROJECT_METADATA]


def write_file(path: str, text: str) -> None:
    """Write a report or a constraints file to ``path``.

    A regular or new file is replaced atomically (a temp file beside it, then a rename, owner
    and mode kept); ``/dev/stdout`` goes through standard output; a FIFO or a device such as
    ``/dev/null`` is written in place and never replaced by a regular file, and a FIFO nobody
    reads is refused instead of waited on (:func:`advisor.write.apply.write_output`).

    :raises WriteFailed: one line naming the file (a missing folder, a full disk).
    """
    from advisor.write import WriteFailed
    from advisor.write.apply import write_output

    try:
        write_output(Path(path), text.encode("utf-8"))
    except OSError as exc:  # a missing folder, a full disk: one line naming the file, not a crash
        raise WriteFailed(f"cannot write: {exc.strerror or exc}", file=path) from exc


def write_constraints(run: Run, path: str) -> None:
    """Write the constraints file (``--write-constraints``) of the run's one project to
    ``path`` (:meth:`Run.one` refuses a run of several)."""
    from advisor.write import constraints_text

    write_file(path, constraints_text(run.one("--write-constraints").advice))


# --- --fix -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FixOutcome:
    """What :func:`apply_fix` did: every file written or re-locked, and the rest left whole.

    :param edited: the patches written, in the plan's order.
    :param ran: the re-lock commands run (``relock=True``).
    :param left: the re-lock commands left for the user to run (``relock=False``).
    """

    edited: tuple[Patch, ...] = ()
    ran: tuple[RelockCommand, ...] = ()
    left: tuple[RelockCommand, ...] = ()


def plan_fix_for(run: Run) -> FixPlan:
    """Every edit ``--fix`` makes for the run's advice, over its projects (nothing is written).

    Online, hashed requirements lines get their ``--hash`` values from the run's indexes: the
    same indexes, cache, timeouts, credentials and deadline as its other index reads (the
    deadline keeps counting from the first of them). Offline, such a line that must move is
    refused with the command that would redo it. A file two projects would edit differently
    (a requirements file both include) is refused: one edit would undo the other.

    :raises Interrupted: ``UNDONE`` when Ctrl-C stops the hash lookup (nothing was written).
    :raises IndexUnavailable: when a hash cannot be read.
    """
    import signal

    from advisor.knowledge.layers import layer_for
    from advisor.write import FixPlan, Interrupted, plan_fix
    from advisor.write.apply import UNDONE
    from advisor.write.hashes import IndexHashLookup

    if not run.advised:
        return FixPlan()
    first = run.advised[0]
    lookup = None
    if not first.offline:
        assert first.indexes is not None  # resolved by every run that may ask an index
        lookup = IndexHashLookup(
            _open_index(first.indexes, first.settings, offline=False, clock=first.clock)
        )
    try:
        whole = FixPlan()
        for advised in run.advised:
            whole = whole.merged(
                plan_fix(advised.project, advised.advice, hashes=lookup, layers=layer_for)
            )
    except KeyboardInterrupt as exc:  # while looking up hashes: nothing was written yet
        raise Interrupted(UNDONE, signum=signal.SIGINT) from exc
    finally:
        if lookup is not None:
            lookup.close()
    return _one_edit_per_file(whole)


def _one_edit_per_file(plan: FixPlan) -> FixPlan:
    """``plan`` with a file two projects edit alike edited once, and refused when they edit it
    differently or re-lock it differently (two members of one workspace advised different
    ddtrace releases: one lock holds one)."""
    from advisor.errors import WriteRefused, printable

    patches: dict[Path, Patch] = {}
    commands: dict[Path, RelockCommand] = {}
    refused: list[WriteRefused] = []
    for patch in plan.patches:
        have = patches.setdefault(patch.path.resolve(), patch)
        if have is not patch and have.after != patch.after:
            refused.append(
                WriteRefused(
                    "two projects of the run would edit this file differently",
                    file=str(patch.path),
                    hint="run --fix on one project's folder at a time",
                )
            )
    for command in plan.commands:
        first = commands.setdefault(command.file.resolve(), command)
        if first is not command and first != command:
            refused.append(
                WriteRefused(
                    "projects sharing this lock were advised different releases "
                    f"({printable(str(first))} and {printable(str(command))}); one lock holds one",
                    file=str(command.file),
                    hint="give them the same capabilities and Python range, or run --fix on "
                    "one project's folder",
                )
            )
    if not refused and len(patches) == len(plan.patches):
        return plan
    return dataclasses.replace(
        plan, patches=tuple(patches.values()), refusals=(*plan.refusals, *refused)
    )


def apply_fix(
    run: Run, plan: FixPlan, *, constraints: str | None = None, relock: bool = False
) -> FixOutcome:
    """Carry out ``plan`` (without refusals): apply its patches, write the ``constraints``
    file, and with ``relock`` run its commands.

    All or nothing, interrupts included: a signal (Ctrl-C, SIGTERM, SIGHUP) waits for the step
    in progress, and it or a failure at any point puts every file back (the lock files the tools
    rewrote, then the edits). A signal that comes once the fix is whole acts as it would
    anywhere.

    :param constraints: where to write the constraints file, if anywhere.
    :raises Interrupted: when a signal stopped the fix; every file was put back (the message
        says so, or names the files that could not be).
    :raises WriteFailed: naming what failed, after every file was put back; ``relock-refused``
        before anything is written when a file a command rewrites may not be.
    """
    import signal

    from advisor.write import Interrupted, WriteFailed, apply, constraints_text, restore, run_relock
    from advisor.write.apply import UNDONE, held_signals, put_back_files, save_files
    from advisor.write.locks import check_files as check_relock_files

    written = (
        (constraints, constraints_text(run.one("--write-constraints").advice))
        if constraints
        else None
    )
    if relock:  # the files the tools rewrite: checked, then saved, before any write
        check_relock_files(plan.commands)
    saved = save_files(c.file for c in plan.commands) if relock else {}
    done = False
    try:
        with held_signals() as held:  # a signal waits for the step in progress, then undoes all
            apply(plan.patches)
            try:
                if written is not None:
                    write_file(*written)
                if relock and plan.commands:
                    run_relock(plan.commands)  # Ctrl-C reaches the tool too, which fails
                held.check()
            except BaseException as exc:
                # Nothing stays written when a later step fails: the lock files the tools
                # rewrote, then the edits; a signal behind the failure is reported as such.
                unrestored = put_back_files(saved)
                restore(plan.patches)
                if unrestored:
                    raise WriteFailed(f"could not restore {', '.join(unrestored)}") from exc
                if held.received is not None or isinstance(exc, KeyboardInterrupt):
                    raise Interrupted(UNDONE, signum=held.received or signal.SIGINT) from exc
                raise
            done = True
    except KeyboardInterrupt as exc:
        if done:  # a signal after the fix was whole acts as it would anywhere
            raise
        raise Interrupted(UNDONE, signum=signal.SIGINT) from exc
    commands = tuple(plan.commands)
    return FixOutcome(tuple(plan.patches), commands if relock else (), () if relock else commands)


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
