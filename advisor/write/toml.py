"""``pyproject.toml``, ``Pipfile`` and ``hatch.toml`` edits through tomlkit, which keeps comments,
order and layout.

pyproject: PEP 508 string arrays (``project.dependencies``, ``project.optional-dependencies``,
``dependency-groups``, uv's, PDM's and Hatch environments' lists), Poetry dependency tables and
PDM overrides. Pipfile: its package sections. hatch.toml: its environments' lists. A string
keeps its quote style (literal ``'...'`` or basic ``"..."``); only the specifier inside it
moves. The file is never re-dumped from parsed data (pip-audit's ``tomli_w`` rewrite loses
comments and layout).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Array, InlineTable, Item, String, Table

from advisor.errors import WriteRefused
from advisor.model.names import canonicalize_name
from advisor.write.decision import (
    Decision,
    Keep,
    Move,
    Refuse,
    Split,
    Targets,
    Want,
    admits_marker,
    decide,
    decide_requirement,
    disjoint,
    no_version,
    reached,
    refusals,
)
from advisor.write.plan import FixPlan, Patch
from advisor.write.specifiers import (
    Dialect,
    RequirementSpan,
    SpecifierError,
    combine_markers,
    find_requirement,
    poetry_python,
    requote,
    satisfies,
)
from advisor.write.text import TextFile

__all__ = ["edit_hatch", "edit_pipfile", "edit_pyproject"]

Edit = Callable[[], None]

# Pipfile tables that are not package sections.
_PIPFILE_META = frozenset({"source", "requires", "pipenv", "scripts"})


def _get(node: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(node, Mapping) or key not in node:
            return None
        node = node[key]
    return node


def _string(value: str, like: String) -> String:
    """A TOML string holding ``value`` in ``like``'s style (literal/basic, single/multi-line)."""
    literal = like.type.is_literal() and "'" not in value
    return tomlkit.string(value, literal=literal, multiline=like.type.is_multiline())


class _Walker:
    """Finds the declarations of the wanted packages in one document and queues their edits."""

    def __init__(self, path: str, targets: Targets) -> None:
        self.path = path
        self.targets = targets
        self.edits: list[Edit] = []
        self.reasons: list[str] = []
        self.refusals: list[WriteRefused] = []

    def settle(
        self,
        name: str,
        where: str,
        decisions: list[Decision],
        reaches: list[frozenset[str]] | None = None,
    ) -> bool:
        """Record refusals; ``True`` when the edits of these decisions may go ahead."""
        refused = refusals(self.path, name, where, decisions, key=where, reaches=reaches)
        self.refusals += refused
        return not refused

    # --- PEP 508 string arrays ------------------------------------------------------------

    def pep508_array(self, where: str, arr: Array) -> None:
        found: dict[str, list[tuple[int, String, RequirementSpan]]] = {}
        for i, item in enumerate(arr):
            span = find_requirement(str(item)) if isinstance(item, String) else None
            if isinstance(item, String) and span is not None and span.name in self.targets.wants:
                found.setdefault(span.name, []).append((i, item, span))
        for name, decls in found.items():
            want = self.targets.wants[name]
            pythons = self.targets.pythons
            decisions = [
                decide_requirement(want, span, str(item), pythons) for _, item, span in decls
            ]
            reaches = [reached(span.marker_text(str(item)), pythons) for _, item, span in decls]
            if not self.settle(name, where, decisions, reaches):
                continue
            for (i, item, span), decision in zip(decls, decisions, strict=True):
                if isinstance(decision, Move | Split):
                    self.edits.append(_pep508_edit(arr, i, item, span, decision))
                    self.reasons.append(_reason(name, span.specifier(str(item)), decision, where))

    # --- tables of name = constraint (Poetry, Pipfile) -------------------------------------

    def dependency_table(
        self, where: str, table: Mapping[str, Any], dialect: Dialect, *, can_split: bool
    ) -> None:
        by_name: dict[str, list[str]] = {}
        for key in table:
            canonical = str(canonicalize_name(key))
            if canonical in self.targets.wants and not (
                dialect == "poetry" and canonical == "python"
            ):
                by_name.setdefault(canonical, []).append(key)
        for name, keys in by_name.items():
            want = self.targets.wants[name]
            if len(keys) > 1:
                decisions = [
                    self._entry_decision(want, table[k], dialect, can_split)[0] for k in keys
                ]
                self.settle(name, where, decisions)
                continue
            key = keys[0]
            decision, edit = self._entry_decision(want, table[key], dialect, can_split, table, key)
            if self.settle(name, f"{where}.{key}", [decision]) and edit is not None:
                self.edits.append(edit)
                self.reasons.append(
                    _reason(name, _version_of(table[key]) or "", decision, f"{where}.{key}")
                )

    def _entry_decision(
        self,
        want: Want,
        value: Any,
        dialect: Dialect,
        can_split: bool,
        table: Any = None,
        key: str = "",
    ) -> tuple[Decision, Edit | None]:
        """The decision for ``name = value`` and the edit carrying it out (``None`` for none)."""
        pythons = self.targets.pythons
        if isinstance(value, Array):
            if len(value) != 1:
                entries = [
                    self._entry_decision(want, v, dialect, False, value, str(i))
                    for i, v in enumerate(value)
                ]
                decisions = [d for d, _ in entries]
                if all(isinstance(d, Keep) for d in decisions):
                    return Keep(), None
                reaches = [frozenset(filter(_entry_admits(v, dialect), pythons)) for v in value]
                moves = [d for d in decisions if isinstance(d, Move)]
                if disjoint(reaches) and all(isinstance(d, Keep | Move) for d in decisions):
                    # A split already written (by --fix, say): each constraint reaches its own
                    # CPythons, so each moves on its own.
                    return moves[0], _each([e for _, e in entries if e is not None])
                return Refuse(
                    f"{want.package} has several constraints; which to change is ambiguous",
                    hint="edit them by hand, or use --write-constraints",
                ), None
            return self._entry_decision(want, value[0], dialect, False, value, "0")
        spec = _version_of(value)
        admits = _entry_admits(value, dialect)
        if spec is None:
            source = (
                "a URL, a path or a VCS" if isinstance(value, Mapping) else "an unreadable value"
            )
            return no_version(want, source, admits, pythons), None
        decision = decide(want, spec, admits, pythons, dialect=dialect)
        if isinstance(decision, Split) and not (
            can_split and isinstance(value, String | InlineTable)
        ):
            return Refuse(
                f"{want.package} needs a different version per CPython, "
                "and this file cannot declare that here",
                hint="use --write-constraints, whose lines carry the markers",
            ), None
        if not isinstance(decision, Move | Split) or table is None:
            return decision, None
        if isinstance(decision, Split):
            try:
                arms = _poetry_arms(value, decision)
            except SpecifierError as exc:
                return Refuse(str(exc)), None
            return decision, _set(table, key, arms)
        new = decision.spec
        if isinstance(value, String):
            return decision, _set(table, key, _string(new, value))
        return decision, _set(value, "version", _string(new, value["version"]))


def _version_of(value: Any) -> str | None:
    if isinstance(value, String):
        return str(value)
    if isinstance(value, Mapping) and isinstance(value.get("version"), String):
        return str(value["version"])
    return None


def _entry_admits(value: Any, dialect: Dialect) -> Callable[[str], bool]:
    """Which CPythons a table entry reaches: its ``markers`` and, for Poetry, ``python``."""
    if not isinstance(value, Mapping):
        return lambda py: True
    markers = value.get("markers")
    by_marker = admits_marker(str(markers) if isinstance(markers, String) else None)
    python = value.get("python") if dialect == "poetry" else None
    if not isinstance(python, String):
        return by_marker

    def admits(py: str) -> bool:
        try:
            in_range = satisfies(str(python), py, dialect="poetry", floor=False)
        except SpecifierError:
            in_range = True  # an unreadable range is taken to reach everything, as markers are
        return in_range and by_marker(py)

    return admits


def _poetry_arms(value: Any, decision: Split) -> Array:
    """Poetry's multiple-constraints list: one inline table per arm, ``python`` from its marker."""
    out = tomlkit.array()
    for arm in decision.arms:
        python = poetry_python(arm.marker)
        entry = tomlkit.inline_table()
        if isinstance(value, String):
            entry["version"] = _string(arm.spec, value)
            entry["python"] = python
        else:
            for k, v in value.items():
                if k == "version":
                    entry[k] = _string(arm.spec, v)
                elif k == "python":
                    entry[k] = f"{v},{python}"
                else:
                    entry[k] = v
            if "python" not in value:
                entry["python"] = python
        out.append(entry)
    return out


def _each(edits: Sequence[Edit]) -> Edit:
    """One edit making each of ``edits`` in turn."""

    def edit() -> None:
        for one in edits:
            one()

    return edit


def _set(container: Any, key: str, item: Item) -> Edit:
    index = int(key) if isinstance(container, Array) else key

    def edit() -> None:
        container[index] = item

    return edit


def _pep508_edit(
    arr: Array, index: int, item: String, span: RequirementSpan, decision: Move | Split
) -> Edit:
    value = str(item)
    if isinstance(decision, Move):
        values = [span.rewrite(value, decision.spec, None)]
    else:
        # A literal string cannot hold ', a basic one would escape ": quote markers the other way.
        quote = '"' if item.type.is_literal() else "'"
        original = span.marker_text(value)
        values = [
            span.rewrite(value, a.spec, combine_markers(original, requote(a.marker, quote)))
            for a in decision.arms
        ]

    def edit() -> None:
        arr[index] = _string(values[0], item)
        for k, v in enumerate(values[1:], start=1):
            arr.insert(index + k, _string(v, item))

    return edit


def _reason(name: str, old: str, decision: Decision, where: str) -> str:
    if isinstance(decision, Move):
        new = decision.spec
    elif isinstance(decision, Split):
        new = " | ".join(f"{a.spec}; {a.marker}" for a in decision.arms)
    else:
        new = old
    return f"{name} {old or '(any)'} -> {new} ({where})"


def _pep508_arrays(doc: Mapping[str, Any]) -> Iterator[tuple[str, Array]]:
    """Every PEP 508 string list in a pyproject: standard, uv's and PDM's."""
    candidates: list[tuple[str, Any]] = [
        ("project.dependencies", _get(doc, "project", "dependencies"))
    ]
    for base in (
        ("project", "optional-dependencies"),
        ("dependency-groups",),
        ("tool", "pdm", "dev-dependencies"),
    ):
        section = _get(doc, *base)
        if isinstance(section, Mapping):
            candidates += [(".".join((*base, k)), v) for k, v in section.items()]
    for key in ("dev-dependencies", "constraint-dependencies", "override-dependencies"):
        candidates.append((f"tool.uv.{key}", _get(doc, "tool", "uv", key)))
    yield from ((where, arr) for where, arr in candidates if isinstance(arr, Array))
    yield from _hatch_arrays(_get(doc, "tool", "hatch", "envs"), "tool.hatch.envs")


def _hatch_arrays(envs: Any, prefix: str) -> Iterator[tuple[str, Array]]:
    """Hatch environments' ``dependencies`` and ``extra-dependencies``."""
    if not isinstance(envs, Mapping):
        return
    for env, body in envs.items():
        for key in ("dependencies", "extra-dependencies"):
            arr = _get(body, key)
            if isinstance(arr, Array):
                yield f"{prefix}.{env}.{key}", arr


def _poetry_tables(doc: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for key in ("dependencies", "dev-dependencies"):
        table = _get(doc, "tool", "poetry", key)
        if isinstance(table, Mapping):
            yield f"tool.poetry.{key}", table
    groups = _get(doc, "tool", "poetry", "group")
    if isinstance(groups, Mapping):
        for name, group in groups.items():
            table = _get(group, "dependencies")
            if isinstance(table, Mapping):
                yield f"tool.poetry.group.{name}.dependencies", table


def _parse(path: str, data: bytes) -> tuple[TextFile, tomlkit.TOMLDocument]:
    tf = TextFile.decode(data, path)
    try:
        doc = tomlkit.parse(tf.text)
    except TOMLKitError as exc:
        raise WriteRefused(f"cannot parse TOML: {exc}", file=path) from exc
    if doc.as_string() != tf.text:
        raise WriteRefused(
            "tomlkit would not write this file back unchanged; edit it by hand", file=path
        )
    return tf, doc


def _edit(
    path: str, data: bytes, targets: Targets, walk: Callable[[_Walker, tomlkit.TOMLDocument], None]
) -> FixPlan:
    """Parse the file, let ``walk`` queue the edits of its declarations, then make them all (or
    none, when one is refused): a patch or refusals."""
    try:
        tf, doc = _parse(path, data)
    except WriteRefused as exc:
        return FixPlan(refusals=[exc])
    walker = _Walker(path, targets)
    walk(walker, doc)
    if walker.refusals or not walker.edits:
        return FixPlan(refusals=walker.refusals)
    for edit in walker.edits:
        edit()
    after = tf.encode(doc.as_string())
    if after == data:
        return FixPlan()
    return FixPlan(patches=[Patch(Path(path), data, after, "; ".join(walker.reasons))])


def edit_pyproject(path: str, data: bytes, targets: Targets) -> FixPlan:
    """The fix for one ``pyproject.toml``: a patch or refusals."""

    def walk(walker: _Walker, doc: tomlkit.TOMLDocument) -> None:
        for where, arr in _pep508_arrays(doc):
            walker.pep508_array(where, arr)
        for where, table in _poetry_tables(doc):
            walker.dependency_table(where, table, "poetry", can_split=True)
        overrides = _get(doc, "tool", "pdm", "resolution", "overrides")
        if isinstance(overrides, Mapping):
            walker.dependency_table(
                "tool.pdm.resolution.overrides", overrides, "pep440", can_split=False
            )

    return _edit(path, data, targets, walk)


def edit_hatch(path: str, data: bytes, targets: Targets) -> FixPlan:
    """The fix for one ``hatch.toml``: a patch or refusals."""

    def walk(walker: _Walker, doc: tomlkit.TOMLDocument) -> None:
        for where, arr in _hatch_arrays(_get(doc, "envs"), "envs"):
            walker.pep508_array(where, arr)

    return _edit(path, data, targets, walk)


def edit_pipfile(path: str, data: bytes, targets: Targets) -> FixPlan:
    """The fix for one ``Pipfile``: a patch or refusals.

    A Pipfile section holds one entry per package, so a split answer is refused here (its
    markers go in the constraints file instead).
    """

    def walk(walker: _Walker, doc: tomlkit.TOMLDocument) -> None:
        for name, section in doc.items():
            if name not in _PIPFILE_META and isinstance(section, Table):
                walker.dependency_table(name, section, "pep440", can_split=False)

    return _edit(path, data, targets, walk)
