"""The runtime environment of a project: what is installed next to ddtrace in production.

It is the main dependencies plus every extra or group that holds ddtrace (when ddtrace is
declared only in an extra or group such as ``deploy``: that one and the main dependencies).
Development groups (PEP 735 groups, Poetry non-main groups, uv ``dev-dependencies``, PDM dev
groups, Hatch environments other than ``default``, Pipfile categories other than ``packages``)
and extras are outside unless they hold ddtrace or are asked for (``--group``,
``--all-groups``).

In a lock, a package counts when the runtime roots reach it: uv.lock's graph
(:class:`~advisor.model.project.LockGraph`), poetry.lock and pdm.lock ``groups`` (the readers
keep them as each dependency's ``group`` / ``lock_groups``). The graph of a poetry.lock or
pdm.lock holding path dependencies is ``partial`` (its roots are those packages, not the
project) and counts for nothing here; the part of one of them (:func:`member_parts`) is whole.
A requirements file that neither holds ddtrace nor is included by the file that does
(``requirements-dev.txt``, ``test.txt``) is an environment of its own and is left out when
another file of the run holds ddtrace.

:func:`select` is pure: it takes the project read and returns the one the planner plans on,
and what was left out. Every dependency on ddtrace stays (a group holding ddtrace is in by
definition). The cost is linear in the dependencies and the lock graph's edges.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import PurePath
from typing import TYPE_CHECKING

from advisor.model.deployment import FILE_KINDS
from advisor.model.excerpt import excerpt
from advisor.model.names import canonicalize_name
from advisor.model.project import (
    Dependency,
    Finding,
    LockGraph,
    LockNode,
    Manifest,
    Project,
    kind_of,
)
from advisor.model.release import DDTRACE

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

#: The name the main dependencies go by in the report.
MAIN = "main"
#: Hatch's environment that ``hatch run`` uses when none is named.
_HATCH_DEFAULT = "default"
#: A label for a package that two or more left-out groups reach (it counts for none of them).
_SHARED = "\x00shared"


@dataclass(frozen=True, slots=True)
class Excluded:
    """A group, extra or requirements file left out of the runtime environment.

    :param name: as written (a requirements file: its path as displayed).
    :param packages: distinct packages only it holds (those also in the environment or in
        another left-out group are not counted).
    """

    name: str
    packages: int


@dataclass(frozen=True, slots=True)
class Environment:
    """What the planner's dependencies were taken from.

    :param groups: ``main`` first, then each extra, group or requirements file in it, as written.
    :param excluded: what was left out, in the order first read.
    :param all_groups: ``--all-groups`` was given (nothing is left out).
    """

    groups: tuple[str, ...] = (MAIN,)
    excluded: tuple[Excluded, ...] = ()
    all_groups: bool = False

    def summary(self, most: int = 10) -> str:
        """``main, deploy (left out: dev 12 packages, test 3)`` for the text reports; past
        ``most`` names in either list, ``and N more``."""
        # Names come from the files: each is shown as an excerpt, like every quote.
        text = _first([excerpt(g, 60) for g in self.groups], most)
        if self.excluded:
            parts = [f"{excerpt(e.name, 60)} {e.packages}" for e in self.excluded]
            first = self.excluded[0]
            parts[0] += " package" if first.packages == 1 else " packages"
            text += f" (left out: {_first(parts, most)})"
        return text

    def worth_saying(self) -> bool:
        """Whether the text reports show the line: something was left out or added to main."""
        return bool(self.excluded) or self.groups != (MAIN,)


def _first(items: list[str], most: int) -> str:
    more = len(items) - most
    return ", ".join(items[:most]) + (f" and {more} more" if more > 0 else "")


def select(
    project: Project, groups: Sequence[str] = (), *, all_groups: bool = False
) -> tuple[Project, Environment]:
    """The project as the planner should see it, and its :class:`Environment`.

    :param groups: ``--group`` names: extras, groups or requirements files (by path, file name
        or file name without suffix) to count as well.
    :param all_groups: count everything (the answer of a run without environments).
    """
    if all_groups:
        names = _all_names(project)
        return project, Environment((MAIN, *names), all_groups=True)
    asked = {_canon(g): g for g in groups}
    holders = _holding_groups(project)
    selected = {*holders, *asked}
    out_files, held_files = _left_out_files(project, asked)
    reach = _LockReach(selected)
    kept: list[Dependency] = []
    #: name -> the labels of the left-out places it is in.
    left: dict[str, set[str]] = {}
    order: dict[str, str] = {}  # canonical label -> as written, in reading order
    in_env: set[str] = set()
    shown: dict[str, str] = {}
    for manifest in project.manifests:
        file_out = manifest.path in out_files
        graph_reach = reach.of(_whole(manifest.graph))
        for dep in manifest.dependencies:
            if dep.name == DDTRACE:
                kept.append(dep)
                for g in _groups_of(dep):
                    shown.setdefault(_canon(g), g)
                continue
            if file_out and dep.source.file not in held_files:
                _leave(left, order, dep.name, {manifest.path: manifest.path})
                continue
            labels = _groups_of(dep)
            if labels:
                canon = {_canon(g): g for g in labels}
                if _hatch_default(dep) or canon.keys() & selected:
                    kept.append(dep)
                    for c, g in canon.items():
                        if c in selected or _hatch_default(dep):
                            shown.setdefault(c, g)
                    in_env.add(dep.name)
                else:
                    _leave(left, order, dep.name, canon)
                continue
            if graph_reach is not None and dep.role == "locked":
                verdict = graph_reach.get(dep.name)
                if verdict is not None:  # reached from left-out groups only
                    _leave(left, order, dep.name, verdict)
                    continue
            kept.append(dep)
            in_env.add(dep.name)
    for manifest in project.manifests:  # a group of a lock that left out only shared packages
        if (graph := _whole(manifest.graph)) is not None:
            for g in _graph_group_names(graph):
                if _canon(g) not in selected:
                    order.setdefault(_canon(g), g)
    # Dependencies merge() did not take from a manifest (a project built by hand) stay.
    listed = {id(d) for m in project.manifests for d in m.dependencies}
    kept += [d for d in project.dependencies if id(d) not in listed]
    excluded = _count(left, order, in_env)
    in_groups = [g for c, g in shown.items() if c != _canon(MAIN)]
    findings = list(project.findings)
    if asked:  # (without --group names, no file is named by one, and none is unknown)
        in_groups += [
            m.path
            for m in project.manifests
            if m.kind == "requirements"
            and _names_of(m.path) & set(asked)
            and m.path not in out_files
        ]
        known = {_canon(k) for k in (*_all_names(project), *order.values())}
        known |= _file_names(project)
    for c, g in asked.items():
        if c not in known:
            findings.append(
                Finding(
                    "unknown-group",
                    "warning",
                    f"--group {g}: no extra, group or requirements file of that name was read",
                )
            )
    env = Environment((MAIN, *dict.fromkeys(in_groups)), excluded)
    selected_project = replace(project, dependencies=tuple(kept), findings=tuple(findings))
    return selected_project, env


def _canon(name: str) -> str:
    return canonicalize_name(name)


def _groups_of(dep: Dependency) -> tuple[str, ...]:
    if dep.group is None:
        return ()
    return dep.lock_groups or (dep.group,)


def _hatch_default(dep: Dependency) -> bool:
    return kind_of(dep) == "hatch-env" and dep.group == _HATCH_DEFAULT


def _leave(
    left: dict[str, set[str]], order: dict[str, str], name: str, labels: Mapping[str, str]
) -> None:
    """Record ``name`` as left out with the places (canonical -> as written) holding it."""
    for canon, shown in labels.items():
        if canon != _SHARED:
            order.setdefault(canon, shown)
    left.setdefault(name, set()).update(labels)


def _count(
    left: Mapping[str, set[str]], order: Mapping[str, str], in_env: set[str]
) -> tuple[Excluded, ...]:
    counts = dict.fromkeys(order, 0)
    for name, labels in left.items():
        if name in in_env or len(labels) != 1:
            continue
        (label,) = labels
        if label in counts:
            counts[label] += 1
    return tuple(Excluded(order[c], n) for c, n in counts.items())


def _holding_groups(project: Project) -> set[str]:
    """Canonical names of the extras and groups that hold ddtrace (``main`` always)."""
    out = {_canon(MAIN)}
    for dep in project.named(DDTRACE):
        out.update(_canon(g) for g in _groups_of(dep))
    for manifest in project.manifests:
        if (graph := _whole(manifest.graph)) is not None:
            out.update(_graph_groups_reaching(graph, DDTRACE))
    return out


def _all_names(project: Project) -> list[str]:
    """Every extra and group the dependencies name, as first written."""
    seen: dict[str, str] = {}
    for dep in project.dependencies:
        for g in _groups_of(dep):
            seen.setdefault(_canon(g), g)
    for manifest in project.manifests:
        if (graph := _whole(manifest.graph)) is not None:
            for g in _graph_group_names(graph):
                seen.setdefault(_canon(g), g)
    seen.pop(_canon(MAIN), None)
    return list(seen.values())


def _file_names(project: Project) -> set[str]:
    """Every name a ``--group`` may give a requirements file: its path, name, and stem."""
    out: set[str] = set()
    for m in project.manifests:
        if m.kind == "requirements":
            out |= _names_of(m.path)
    return out


def _names_of(path: str) -> set[str]:
    p = PurePath(path)
    return {_canon(x) for x in (path, p.name, p.stem)} | {path, p.name, p.stem}


def _left_out_files(project: Project, asked: Mapping[str, str]) -> tuple[set[str], set[str]]:
    """The requirements files (top-level manifests) left out, and the files holding ddtrace.

    When some dependency file of the run holds ddtrace, a requirements file whose reading (with
    its ``-r`` includes) holds no ddtrace requirement is an environment of its own (ddtrace in
    deployment files only leaves every file in). What such a
    file reads from a file that does hold ddtrace (``-c requirements.txt``) still counts.
    """
    held = {d.source.file for d in project.named(DDTRACE)}
    # A deployment file that installs or injects ddtrace (a Dockerfile, a Lambda layer) runs
    # the application its requirements file declares: that file is the environment.
    deployed = {m.path for m in project.manifests if m.kind in FILE_KINDS}
    if not held - deployed:
        return set(), held
    out: set[str] = set()
    for m in project.manifests:
        if m.kind != "requirements":
            continue
        if any(d.name == DDTRACE and d.role != "constraint" for d in m.dependencies):
            continue
        if asked and _names_of(m.path) & set(asked):
            continue
        out.add(m.path)
    return out, held


# --- lock graphs -------------------------------------------------------------------------------


def _whole(graph: LockGraph | None) -> LockGraph | None:
    """``graph`` when it speaks for the project read; ``None`` for a ``partial`` one.

    A poetry.lock or pdm.lock graph's roots are the path dependencies it holds, not the
    project (these locks never hold the project's own package): a package no root reaches is
    still the project's, and the lock's ``groups`` (kept per dependency) decide where it
    counts, as they did before these locks had a graph.
    """
    return graph if graph is not None and not graph.partial else None


def _graph_group_names(graph: LockGraph) -> list[str]:
    roots = set(graph.roots)
    extras = [e for (n, e) in graph.edges if n in roots and e is not None]
    return [*extras, *graph.groups]


def _starts(graph: LockGraph) -> dict[str, list[LockNode]]:
    """Each group of the roots (canonical, ``main`` for the roots themselves) -> its nodes."""
    out: dict[str, list[LockNode]] = {_canon(MAIN): [(r, None) for r in graph.roots]}
    roots = set(graph.roots)
    for n, e in graph.edges:
        if n in roots and e is not None:
            out.setdefault(_canon(e), []).append((n, e))
    for g, nodes in graph.groups.items():
        out.setdefault(_canon(g), []).extend(nodes)
    return out


def _walk(graph: LockGraph, starts: Iterable[LockNode]) -> set[LockNode]:
    """The nodes reachable from ``starts``."""
    seen: set[LockNode] = set()
    todo = deque(starts)
    while todo:
        node = todo.popleft()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(n for n in _next(graph, node) if n not in seen)
    return seen


def _next(graph: LockGraph, node: LockNode) -> list[LockNode]:
    nxt = list(graph.edges.get(node, ()))
    if node[1] is not None:
        nxt.append((node[0], None))
    return nxt


def _graph_groups_reaching(graph: LockGraph, name: str) -> set[str]:
    """The groups of the roots (canonical) from which package ``name`` is reached: one walk
    back from it over the reversed edges.

    A root's extra is not said to reach what the root's main dependencies reach: installing
    ``app[docs]`` installs ``app`` too, but ``docs`` does not hold what ``app`` holds."""
    roots = set(graph.roots)
    back: dict[LockNode, list[LockNode]] = {}
    for node, targets in graph.edges.items():
        own_extra = node[1] is not None and node[0] in roots
        if node[1] is not None and not own_extra:  # reaching (n, extra) reaches (n, None)
            back.setdefault((node[0], None), []).append(node)
        for t in targets:
            if not (own_extra and t == (node[0], None)):  # pdm.lock writes that step down
                back.setdefault(t, []).append(node)
    todo = deque(n for n in back if n[0] == name)
    todo.extend(n for n in graph.edges if n[0] == name)
    reached: set[LockNode] = set()
    while todo:
        node = todo.popleft()
        if node in reached:
            continue
        reached.add(node)
        todo.extend(n for n in back.get(node, ()) if n not in reached)
    return {
        group
        for group, nodes in _starts(graph).items()
        if group != _canon(MAIN) and any(n in reached for n in nodes)
    }


class _LockReach:
    """For each lock graph: the locked packages the runtime roots do not reach, each with the
    left-out groups that do (one label, or :data:`_SHARED` when two or more do)."""

    def __init__(self, selected: set[str]) -> None:
        self.selected = selected
        self._cache: dict[int, dict[str, dict[str, str]]] = {}

    def of(self, graph: LockGraph | None) -> dict[str, dict[str, str]] | None:
        if graph is None:
            return None
        key = id(graph)
        if key not in self._cache:
            self._cache[key] = self._compute(graph)
        return self._cache[key]

    def _compute(self, graph: LockGraph) -> dict[str, dict[str, str]]:
        starts = _starts(graph)
        runtime_starts = [n for g, nodes in starts.items() if g in self.selected for n in nodes]
        runtime = _walk(graph, runtime_starts)
        runtime_names = {n for n, _ in runtime}
        shown: dict[str, str] = {_canon(g): g for g in _graph_group_names(graph)}
        # One pass labels each package with the one left-out group reaching it, or "shared":
        # a node changes label at most twice, so the walk stays linear.
        label: dict[LockNode, str] = {}
        todo: deque[tuple[LockNode, str]] = deque()
        for g, nodes in starts.items():
            if g in self.selected:
                continue
            todo.extend((n, g) for n in nodes)
        while todo:
            node, g = todo.popleft()
            if node in runtime:
                continue
            have = label.get(node)
            if have in (g, _SHARED):
                continue
            new = g if have is None else _SHARED
            label[node] = new
            todo.extend((n, new) for n in _next(graph, node))
        by_name: dict[str, dict[str, str]] = {}
        for (n, _), g in label.items():
            if n in runtime_names:
                continue
            if g == _SHARED:
                by_name.setdefault(n, {})[_SHARED] = _SHARED
            else:
                by_name.setdefault(n, {})[g] = shown.get(g, g)
        for labels in by_name.values():
            if len(labels) > 1:
                labels[_SHARED] = _SHARED
        return by_name


def member_parts(lock: Manifest, members: Sequence[str]) -> dict[str, Manifest]:
    """The part of a workspace's shared ``lock`` that belongs to each of its ``members``
    (canonical names among ``lock.graph.roots``): the locked packages the member, its extras
    or its own groups reach, with a graph rooted at the member alone.

    The lock's nodes and packages are indexed once; each member then costs what it reaches.

    A path dependency of a poetry.lock or pdm.lock (a ``partial`` graph) gives a whole graph
    too, and its packages lose the groups and extras the lock wrote for them: those are the
    root project's (its ``dev`` group, its extras), not the member's, so the member's graph
    alone decides what its runtime reaches, as for a uv workspace member."""
    graph = lock.graph
    out: dict[str, Manifest] = {}
    if graph is None:
        return {m: replace(lock, dependencies=(), graph=None) for m in members}
    nodes: dict[str, list[LockNode]] = {}
    for node in graph.edges:
        nodes.setdefault(node[0], []).append(node)
    at: dict[str, list[int]] = {}  # each package's places in the lock, in reading order
    for i, dep in enumerate(lock.dependencies):
        at.setdefault(dep.name, []).append(i)
    roots = set(graph.roots)
    for member in members:
        if member not in roots:
            out[member] = replace(lock, dependencies=(), graph=None)
            continue
        own = graph.root_groups.get(member, {})
        starts = [*nodes.get(member, ()), *(n for group in own.values() for n in group)]
        reached = {name for name, _ in _walk(graph, starts or [(member, None)])} - {member}
        part = LockGraph((member,), graph.edges, own, {}, {member: own})
        places = sorted(i for name in reached for i in at.get(name, ()))
        kept = [lock.dependencies[i] for i in places]
        if graph.partial:
            kept = [replace(d, group=None, group_kind=None, lock_groups=()) for d in kept]
        out[member] = replace(lock, dependencies=tuple(kept), project_name=member, graph=part)
    return out
