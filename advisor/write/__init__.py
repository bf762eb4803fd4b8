"""Writers: the advice made into reviewable edits of the files that declare each package.

:func:`plan_fix` decides, file by file, what changes (a :class:`Patch`), what a tool must
re-make (a :class:`RelockCommand`), what to tell the user, and what it refuses to guess;
:func:`apply` writes the patches all or nothing; :func:`unified_diff` shows them;
:func:`constraints_text` is the ``--write-constraints`` file. A change the advice needs and
no writer can make is never dropped in silence: it is a refusal (a line that cannot be edited)
or a ``by_hand`` message (setup.py, a ddtrace no file declares). A package is only ever changed
where a file already declares it: transitive co-upgrades go to the constraints file or the
re-lock, never into a manifest as a new pin (pip-audit #633).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import assert_never

from packaging.specifiers import SpecifierSet

from advisor.errors import Interrupted, WriteFailed, WriteRefused
from advisor.model.advice import Advice, Change, Impossible, Ok, Upgrade
from advisor.model.advice import Split as SplitVerdict  # write.decision.Split is a split edit
from advisor.model.deployment import FILE_KINDS
from advisor.model.excerpt import excerpt
from advisor.model.markers import marker_admits
from advisor.model.names import canonicalize_name
from advisor.model.project import Dependency, Project
from advisor.model.release import DDTRACE
from advisor.write import deployment, locks, requirements, setup_cfg, toml
from advisor.write.apply import apply, restore, unified_diff
from advisor.write.constraints import constraints_text
from advisor.write.decision import Arm, Move, Refuse, Split, Targets, Want, decide_marked
from advisor.write.hashes import IndexHashLookup
from advisor.write.locks import run as run_relock
from advisor.write.plan import FixPlan, HashLookup, LayerLookup, Patch, RelockCommand

__all__ = [
    "FixPlan",
    "HashLookup",
    "IndexHashLookup",
    "Interrupted",
    "Patch",
    "RelockCommand",
    "WriteFailed",
    "WriteRefused",
    "apply",
    "constraints_text",
    "plan_fix",
    "restore",
    "run_relock",
    "targets_for",
    "unified_diff",
]

#: The readers' kinds (:mod:`advisor.manifests`) of the files the writers edit, by file name.
_KIND_BY_NAME = {
    "pyproject.toml": "pyproject",
    "Pipfile": "pipfile",
    "hatch.toml": "hatch",
    "setup.cfg": "setup.cfg",
    "setup.py": "setup.py",
}

#: Lock files that go stale when the manifest beside them is edited (they record its
#: requirements, or a hash of them), whether or not they were among the files read.
_SIBLING_LOCKS = {
    "pyproject.toml": ("uv.lock", "poetry.lock", "pdm.lock"),
    "Pipfile": ("Pipfile.lock",),
}


def targets_for(advice: Advice) -> Targets:
    """What must move, from the recommendation: the ddtrace arms and each co-upgrade's."""
    rec = advice.recommendation
    changes: Sequence[Change] = ()
    match rec:
        case SplitVerdict():
            arms = tuple(Arm(p.ddtrace, p.marker, p.pythons) for p in rec.split)
            pythons = tuple(dict.fromkeys(py for p in rec.split for py in p.pythons))
            changes = rec.changes
        case Upgrade():
            pythons = tuple(py for py in advice.python_versions if rec.per_python.get(py))
            arms = (Arm(rec.ddtrace, "", pythons),)
            changes = rec.changes
        case Ok():  # nothing moves: the version kept is the target
            pythons = tuple(py for py in advice.python_versions if rec.per_python.get(py))
            arms = (Arm(rec.ddtrace, "", pythons),)
        case Impossible():
            raise AssertionError("no ddtrace release serves the project: nothing to target")
        case _:
            assert_never(rec)
    wants = {DDTRACE: Want(DDTRACE, arms, raise_floor=True)}
    by_package: dict[str, list[Change]] = {}
    for change in changes:
        package = str(canonicalize_name(change.package))
        # A framework below the target's range is the user's to move: never an edit.
        if package != DDTRACE and change.kind != "framework":
            by_package.setdefault(package, []).append(change)
    appearing: set[str] = set()
    for name, changes in by_package.items():
        co_arms: list[Arm] = []
        unresolved = None
        for c in changes:
            if c.to_version is None:
                unresolved = c.to_specifier or unresolved  # no specifier: it leaves the lock
                continue
            if c.from_version is None:
                appearing.add(name)
            reached = tuple(py for py in pythons if marker_admits(c.marker, py))
            co_arms.append(Arm(c.to_version, c.marker or "", reached))
        if co_arms or unresolved:
            wants[name] = Want(
                name, tuple(co_arms), raise_floor=False, unresolved=None if co_arms else unresolved
            )
    return Targets(wants, pythons, frozenset(appearing))


def plan_fix(
    project: Project,
    advice: Advice,
    *,
    hashes: HashLookup | None,
    layers: LayerLookup | None = None,
) -> FixPlan:
    """Every edit ``--fix`` makes for ``advice``, file by file (nothing is written here).

    :param hashes: looks up ``--hash`` values for hashed requirements lines; without it such a
        line that must move is refused with the compile command that would redo it.
    :param layers: the Datadog Python layer shipping a ddtrace version; without it (or when
        it knows none) a layer is left to the user, said so.
    """
    rec = advice.recommendation
    match rec:
        case Ok() if rec.suggestions:
            return _raise_ranges(project, advice, rec, hashes, layers)
        case Ok():
            return FixPlan(
                messages=["nothing to change: ddtrace already gives every requested capability"]
            )
        case Impossible():
            return FixPlan(messages=["no ddtrace release serves this project; nothing was changed"])
        case Upgrade() | SplitVerdict():
            pass
        case _:
            assert_never(rec)
    frameworks = [_framework(c) for c in rec.changes if c.kind == "framework"]
    if frameworks and all(c.kind == "framework" for c in rec.changes):
        return FixPlan(
            messages=[
                *frameworks,
                "no file was edited: ddtrace already gives every requested capability; "
                "only the frameworks named above must move, and that is left to you",
            ],
            by_hand=frameworks,
        )
    targets = targets_for(advice)
    locked_files = {m.path for m in project.manifests if m.is_lock}
    kinds = {m.path: m.kind for m in project.manifests}
    by_file: dict[str, list[Dependency]] = {}
    for dep in project.dependencies:
        if dep.name in targets.wants:
            by_file.setdefault(dep.source.file, []).append(dep)
    plan = FixPlan()
    for file, deps in by_file.items():
        if (
            file in locked_files
            or locks.is_lock_file(Path(file))
            or all(d.role == "locked" for d in deps)
        ):
            plan = plan.merged(locks.plan_lock(file, deps, targets))
        else:
            plan = plan.merged(_edit_file(file, kinds.get(file), deps, targets, hashes, layers))
    declared = {d.name for deps in by_file.values() for d in deps}
    messages, by_hand = list(plan.messages), list(plan.by_hand)
    for name, want in targets.wants.items():
        if name not in declared and want.arms:
            message = _undeclared(want, new=name in targets.appearing)
            messages.append(message)
            if want.raise_floor:  # ddtrace itself: the advice cannot be followed by --fix
                by_hand.append(message)
    messages += frameworks
    by_hand += frameworks
    return _sibling_locks(replace(plan, messages=messages, by_hand=by_hand), targets)


def _raise_ranges(
    project: Project,
    advice: Advice,
    rec: Ok,
    hashes: HashLookup | None,
    layers: LayerLookup | None,
) -> FixPlan:
    """An ``ok`` project's declared ranges that admit releases below the floor, raised to it.

    Only the files holding those ranges are edited, and only when every ddtrace declaration in
    them is such a range (a pin there would be moved to the floor, below what it installs). A lock
    made stale by the edit is re-locked keeping the version it has.
    """
    pythons = tuple(py for py in advice.python_versions if rec.per_python.get(py))
    # The suggestion's lower bound (``>=4.6.0`` of ``>=4.6.0,<5``) is the arm's version.
    floor = next(
        (
            c.version
            for s in rec.suggestions
            for c in SpecifierSet(s.to_specifier or "")
            if c.operator == ">="
        ),
        rec.ddtrace,
    )
    edit = Targets({DDTRACE: Want(DDTRACE, (Arm(floor, "", pythons),), raise_floor=True)}, pythons)
    keep = Targets(
        {DDTRACE: Want(DDTRACE, (Arm(rec.ddtrace, "", pythons),), raise_floor=True)}, pythons
    )
    wanted = {s.source for s in rec.suggestions if s.source is not None}
    kinds = {m.path: m.kind for m in project.manifests}
    by_file: dict[str, list[Dependency]] = {}
    for dep in project.named(DDTRACE):
        by_file.setdefault(dep.source.file, []).append(dep)
    plan = FixPlan()
    for file, deps in by_file.items():
        if not any(d.source in wanted for d in deps):
            continue
        if any(d.source not in wanted for d in deps):
            message = (
                f"{file}: ddtrace is declared there both as a range below {floor} and otherwise; "
                f"raise the range to >={floor} by hand"
            )
            plan = plan.merged(FixPlan(messages=[message], by_hand=[message]))
            continue
        plan = plan.merged(_edit_file(file, kinds.get(file), deps, edit, hashes, layers))
    if rec.by_python:
        # Versions differ by CPython: no one --upgrade-package keeps them all; say what to run.
        stale = [
            f"{patch.path.parent / name}: stale after editing {patch.path}; re-lock it keeping "
            "the versions it holds (uv lock / poetry lock / pdm lock, without updating)"
            for patch in plan.patches
            for name in _SIBLING_LOCKS.get(patch.path.name, ())
            if (patch.path.parent / name).exists()
        ]
        return replace(plan, messages=[*plan.messages, *stale], by_hand=[*plan.by_hand, *stale])
    return _sibling_locks(plan, keep)


def _framework(change: Change) -> str:
    """What to tell the user about a framework ``--fix`` leaves where it is."""
    was = (
        f"{change.package} {change.from_version}"
        if change.from_version
        else f"{change.package}{change.from_specifier or ''}"
    )
    where = f"{change.source}: " if change.source else ""
    why = change.reason or f"outside what the ddtrace target supports ({change.to_specifier})"
    return f"{where}{was} is {why}; move it yourself: aap-advise edits ddtrace only"


def _edit_file(
    file: str,
    kind: str | None,
    deps: Sequence[Dependency],
    targets: Targets,
    hashes: HashLookup | None,
    layers: LayerLookup | None = None,
) -> FixPlan:
    # The reader's kind decides; a file read only through an include (``-r``) has none and
    # goes by its name.
    kind = kind or _KIND_BY_NAME.get(Path(file).name, "requirements")
    if kind == "setup.py":
        return _setup_py(deps, targets)
    if kind == "pyproject" and (sourced := _from_sources(deps, targets)):
        return FixPlan(refusals=sourced)
    try:
        data = Path(file).read_bytes()
    except OSError as exc:
        return FixPlan(refusals=[WriteRefused(f"cannot read: {exc.strerror}", file=file)])
    try:
        if kind == "pyproject":
            return toml.edit_pyproject(file, data, targets)
        if kind == "pipfile":
            return toml.edit_pipfile(file, data, targets)
        if kind == "hatch":
            return toml.edit_hatch(file, data, targets)
        if kind == "setup.cfg":
            return setup_cfg.edit(file, data, targets)
        if kind == "requirements":
            return requirements.edit(file, data, targets, hashes, deps)
        if kind in FILE_KINDS:
            return deployment.edit(file, data, targets, deps, layers)
    except WriteRefused as exc:
        return FixPlan(refusals=[exc])
    message = f"{file}: aap-advise does not edit {kind} files; change it by hand"
    return FixPlan(messages=[message], by_hand=[message])


def _from_sources(deps: Sequence[Dependency], targets: Targets) -> list[WriteRefused]:
    """Declarations a ``[tool.uv.sources]`` entry sends to a URL, path or VCS: the string in the
    list looks movable, but moving it changes nothing that gets installed."""
    return [
        WriteRefused(
            f"{d.name} comes from {excerpt(d.url or '', 160)} (a tool source); "
            "there is no version to move",
            file=d.source.file,
            line=d.source.line,
            key=d.source.key,
            hint="change the source by hand, or remove it to install from the index",
        )
        for d in deps
        if d.url is not None
        and d.role != "locked"
        and any(marker_admits(d.marker, py) for py in targets.pythons)
    ]


def _setup_py(deps: Sequence[Dependency], targets: Targets) -> FixPlan:
    """setup.py is code: the change is printed, never made (and ``--fix`` is not done)."""
    messages: list[str] = []
    for dep in deps:
        if dep.url is not None:
            continue
        decision = decide_marked(
            targets.wants[dep.name], dep.specifier, dep.marker, targets.pythons
        )
        was = excerpt(f"{dep.display_name}{dep.specifier}")
        if isinstance(decision, Move):
            messages.append(
                f"{dep.source}: setup.py is code and is never edited; change {was!r} to "
                f"{excerpt(dep.display_name + decision.spec)!r} by hand"
            )
        elif isinstance(decision, Split):
            arms = " and ".join(
                repr(excerpt(f"{dep.display_name}{a.spec}; {a.marker}")) for a in decision.arms
            )
            messages.append(
                f"{dep.source}: setup.py is code and is never edited; "
                f"replace {was!r} with {arms} by hand"
            )
        elif isinstance(decision, Refuse):
            messages.append(f"{dep.source}: {decision.reason}")
    return FixPlan(messages=messages, by_hand=list(messages))


def _undeclared(want: Want, *, new: bool) -> str:
    versions = " / ".join(dict.fromkeys(a.version for a in want.arms))
    if want.raise_floor:
        return (
            f"{want.package} is not declared in any file given, so nothing was added; declare "
            f"{want.package}>={versions} yourself, or use --write-constraints"
        )
    if new:
        return (
            f"{want.package} {versions} is newly required by the ddtrace target and no file given "
            "declares it; it was not added (a re-lock adds it, or use --write-constraints)"
        )
    return (
        f"{want.package} {versions} must move with ddtrace but no file given declares it; "
        "it was not added (use --write-constraints or re-lock)"
    )


def _sibling_locks(plan: FixPlan, targets: Targets) -> FixPlan:
    """``plan`` and, where an edited pyproject.toml or Pipfile makes the lock beside it
    stale, the command re-locking it."""
    commands, messages = list(plan.commands), list(plan.messages)
    for patch in plan.patches:
        for lock_name in _SIBLING_LOCKS.get(patch.path.name, ()):
            lock = patch.path.parent / lock_name
            if not lock.exists():
                continue
            command = locks.relock_command(lock, targets)
            if command is not None and command not in commands:
                commands.append(command)
                messages.append(
                    f"{lock}: stale after editing {patch.path}; re-lock with: {command}"
                )
    return replace(plan, commands=commands, messages=messages)
