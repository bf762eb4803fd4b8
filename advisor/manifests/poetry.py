"""Poetry: ``[tool.poetry]`` dependency tables and the constraint language, turned into PEP 440.

Constraints follow poetry-core's semantics: ``^2.3.0`` -> ``>=2.3.0,<3.0.0``, ``^0.49.0`` ->
``>=0.49.0,<0.50.0``, ``~2.3`` -> ``>=2.3,<2.4``, ``1.2.*`` -> ``==1.2.*``, ``*`` -> any, a bare
version -> ``==``; commas or spaces join clauses, ``||`` separates alternatives. PEP 440 has no
"or", so alternatives become the smallest range holding all of them, and the reader says so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from advisor.manifests._lines import TomlLines
from advisor.manifests._pep508 import (
    MAX_REQUIREMENT_CHARS,
    Collector,
    and_markers,
    error_at,
    pinned_version,
    tag_version,
)
from advisor.manifests._text import as_list
from advisor.model.excerpt import excerpt
from advisor.model.names import canonicalize_name
from advisor.model.project import Dependency, GroupKind, PythonDeclaration, SourceLocation

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

_CLAUSE = re.compile(r"\s*(\^|~=|~|===|==|!=|<=|>=|<|>|=)?\s*([^\s,]+)\s*,?")
_OPS = ("===", "==", "!=", "<=", ">=", "~=", "<", ">")

#: Alternatives (``||``) read in one constraint: real ones have a handful; each costs a
#: range computation, so a file of thousands would take minutes.
MAX_ALTERNATIVES = 256


class PoetryConstraintError(ValueError):
    """A constraint that is not Poetry syntax."""


def to_pep440(constraint: str) -> tuple[str, bool]:
    """A Poetry constraint as a PEP 440 specifier string.

    :returns: the specifier (``""`` for any version) and whether ``||`` alternatives had to
        be widened into one range.
    :raises PoetryConstraintError: for text that is not a constraint.
    """
    alternatives = _alternatives(constraint)
    if not alternatives:
        return "", False
    converted = [_alternative(a) for a in alternatives]
    if len(converted) == 1:
        return ",".join(converted[0]), False
    if any(not specs for specs in converted):
        return "", True  # one alternative admits every version
    return widest_range(converted), True


def _alternatives(constraint: str) -> list[str]:
    """The ``||`` alternatives of ``constraint`` (blank ones dropped).

    :raises PoetryConstraintError: for a constraint longer than :data:`MAX_REQUIREMENT_CHARS`
        or with more than :data:`MAX_ALTERNATIVES` alternatives.
    """
    if len(constraint) > MAX_REQUIREMENT_CHARS:
        raise PoetryConstraintError(
            f"{excerpt(constraint, 40)!r} is longer than {MAX_REQUIREMENT_CHARS} characters"
        )
    alternatives = [a for a in re.split(r"\|\|?", constraint) if a.strip()]
    if len(alternatives) > MAX_ALTERNATIVES:
        raise PoetryConstraintError(
            f"{excerpt(constraint, 40)!r} has {len(alternatives)} alternatives, more than "
            f"{MAX_ALTERNATIVES}"
        )
    return alternatives


def _alternative(text: str) -> list[str]:
    specs: list[str] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _CLAUSE.match(text, pos)
        if not m or m.end() == pos:
            raise PoetryConstraintError(f"cannot read {excerpt(text)!r}")
        pos = m.end()
        specs.extend(_clause(m.group(1) or "", m.group(2)))
    try:
        SpecifierSet(",".join(specs))
    except InvalidSpecifier:
        raise PoetryConstraintError(f"cannot read {excerpt(text)!r}") from None
    return specs


def _clause(op: str, version: str) -> list[str]:
    if version[:1] == "v" and version[1:2].isdigit():
        version = version[1:]
    if version in ("*", "x", "X") and op in ("", "==", "="):
        return []
    wildcard = version.endswith((".*", ".x", ".X"))
    base = version[:-2] if wildcard else version
    if op == "^":
        return [f">={base}", f"<{_bump(base, caret=True)}"]
    if op == "~":
        return [f">={base}", f"<{_bump(base, caret=False)}"]
    if op in ("", "=", "=="):
        return [f"=={base}.*" if wildcard else f"=={base}"]
    if wildcard:  # ">=1.2.*" is not PEP 440; poetry reads it as ">=1.2"
        return [f"{op}{base}"] if op != "!=" else [f"!={base}.*"]
    return [f"{op}{base}"]


def _bump(text: str, *, caret: bool) -> str:
    try:
        release = list(Version(text).release)
    except InvalidVersion:
        raise PoetryConstraintError(f"{excerpt(text)!r} is not a version") from None
    given = len([p for p in text.split("+")[0].split(".") if p[:1].isdigit()]) or 1
    release = (release + [0] * given)[: max(given, 1)]
    if caret:
        idx = next((i for i, p in enumerate(release) if p != 0), len(release) - 1)
    else:
        idx = 1 if len(release) >= 2 else 0
    upper = [*release[:idx], release[idx] + 1]
    upper += [0] * (len(release) - len(upper))
    return ".".join(str(p) for p in upper)


@dataclass
class _Bound:
    version: Version
    text: str
    inclusive: bool


def widest_range(alternatives: list[list[str]]) -> str:
    """The smallest ``>=L,<U`` range that holds every alternative (``!=`` holes dropped)."""
    lows: list[_Bound | None] = []
    highs: list[_Bound | None] = []
    for specs in alternatives:
        low: _Bound | None = None
        high: _Bound | None = None
        for spec in specs:
            op = next(o for o in _OPS if spec.startswith(o))
            text = spec[len(op) :]
            for bound, is_low in _bounds(op, text):
                if is_low and (low is None or bound.version > low.version):
                    low = bound
                if not is_low and (high is None or bound.version < high.version):
                    high = bound
        lows.append(low)
        highs.append(high)
    parts: list[str] = []
    # A bound from "==1.0+local" is written without its local label: PEP 440 allows none in
    # ">=" or "<=", and ignores it in matching (">=1.0,<=2.0" admits 1.0+local and 2.0+local).
    if all(b is not None for b in lows):
        lo = min((b for b in lows if b), key=lambda b: (b.version, not b.inclusive))
        parts.append(f"{'>=' if lo.inclusive else '>'}{lo.text.split('+')[0]}")
    if all(b is not None for b in highs):
        hi = max((b for b in highs if b), key=lambda b: (b.version, b.inclusive))
        parts.append(f"{'<=' if hi.inclusive else '<'}{hi.text.split('+')[0]}")
    return ",".join(parts)


def _bounds(op: str, text: str) -> list[tuple[_Bound, bool]]:
    base = text.removesuffix(".*")
    v = Version(base)
    if op in (">=", ">"):
        return [(_Bound(v, base, op == ">="), True)]
    if op in ("<", "<="):
        return [(_Bound(v, base, op == "<="), False)]
    if op in ("==", "===") and text.endswith(".*"):
        nxt = _bump(base, caret=False) if base.count(".") else str(v.release[0] + 1)
        return [(_Bound(v, base, True), True), (_Bound(Version(nxt), nxt, False), False)]
    if op in ("==", "==="):
        return [(_Bound(v, base, True), True), (_Bound(v, base, True), False)]
    if op == "~=":
        nxt = _bump(".".join(base.split(".")[:-1]) or base, caret=False)
        return [(_Bound(v, base, True), True), (_Bound(Version(nxt), nxt, False), False)]
    return []


def python_marker(constraint: str) -> str | None:
    """A Poetry ``python = "..."`` constraint as a PEP 508 marker (``None`` for any Python)."""
    markers: list[str] = []
    for alt in _alternatives(constraint):
        specs = _alternative(alt)
        if not specs:
            return None
        atoms = []
        for spec in specs:
            op = next(o for o in _OPS if spec.startswith(o))
            value = spec[len(op) :]
            full = value.count(".") >= 2 and not value.endswith(".*")
            var = "python_full_version" if full else "python_version"
            atoms.append(f'{var} {op} "{value}"')
        markers.append(" and ".join(atoms))
    if len(markers) == 1:
        return markers[0]
    return " or ".join(f"({m})" if " and " in m else m for m in markers)


class PoetryTables:
    """Reads ``[tool.poetry]`` into a :class:`Collector`."""

    def __init__(self, poetry: Mapping[str, Any], out: Collector, lines: TomlLines) -> None:
        self.poetry = poetry
        self.out = out
        self.lines = lines

    def python(self) -> PythonDeclaration | None:
        """The ``python`` entry of ``tool.poetry.dependencies``."""
        deps = self.poetry.get("dependencies")
        value = deps.get("python") if isinstance(deps, Mapping) else None
        if not isinstance(value, str):
            return None
        key = "tool.poetry.dependencies.python"
        loc = self.out.loc(self.lines.key("tool.poetry.dependencies", "python"), key)
        spec, widened = self._convert(value, loc)
        if widened:
            self._widened("python", value, spec, loc)
        return PythonDeclaration(spec, f"{self.out.display}: {key}") if spec else None

    def read(self, *, skip_main: bool) -> list[str]:
        """Every dependency table; returns the index URLs of ``[[tool.poetry.source]]``.

        :param skip_main: ``[project].dependencies`` is set, so Poetry 2 takes the main
            dependencies from there and ``tool.poetry.dependencies`` only adds detail.
        """
        extras = self._extras()
        tables: list[tuple[str, str | None, Any]] = []
        if not skip_main:
            tables.append(("tool.poetry.dependencies", None, self.poetry.get("dependencies")))
        tables.append(("tool.poetry.dev-dependencies", "dev", self.poetry.get("dev-dependencies")))
        groups = self.poetry.get("group")
        if isinstance(groups, Mapping):
            for name, body in groups.items():
                deps = body.get("dependencies") if isinstance(body, Mapping) else None
                tables.append((f"tool.poetry.group.{name}.dependencies", str(name), deps))
        for table, group, deps in tables:
            if deps is None:
                continue
            if not isinstance(deps, Mapping):
                raise self.out.error("must be a table", table)
            for name, value in deps.items():
                if group is None and name == "python":
                    continue
                self._entry(table, group, str(name), value, extras)
        return [
            str(s["url"])
            for s in as_list(self.poetry.get("source"))
            if isinstance(s, Mapping) and isinstance(s.get("url"), str)
        ]

    def _extras(self) -> dict[str, str]:
        """Canonical package name -> the first extra that lists it."""
        out: dict[str, str] = {}
        extras = self.poetry.get("extras")
        if isinstance(extras, Mapping):
            for extra, names in extras.items():
                for n in names if isinstance(names, list) else ():
                    if isinstance(n, str):
                        out.setdefault(canonicalize_name(n.split("[")[0]), str(extra))
        return out

    def _entry(
        self, table: str, group: str | None, name: str, value: Any, extras: Mapping[str, str]
    ) -> None:
        key = f"{table}.{name}"
        if isinstance(value, list):
            for i, item in enumerate(value):
                line = self.lines.nth_brace(table, name, i) or self.lines.key(table, name)
                self._one(name, item, self.out.loc(line, f"{key}[{i}]"), group, extras)
        else:
            self._one(name, value, self.out.loc(self.lines.key(table, name), key), group, extras)

    def _one(
        self,
        name: str,
        value: Any,
        loc: SourceLocation,
        group: str | None,
        extras: Mapping[str, str],
    ) -> None:
        if isinstance(value, str):
            value = {"version": value}
        if not isinstance(value, Mapping):
            raise self.out.error("must be a constraint string or table", loc.key)
        canonical = canonicalize_name(name)
        spec, url, ref_version = "", None, None
        if isinstance(value.get("version"), str):
            spec, widened = self._convert(value["version"], loc)
            if widened:
                self._widened(name, value["version"], spec, loc)
        if isinstance(value.get("git"), str):
            ref = next(
                (value[k] for k in ("tag", "rev", "branch") if isinstance(value.get(k), str)), None
            )
            url = f"git+{value['git']}" + (f"@{ref}" if ref else "")
            ref_version = tag_version(ref) if ref and "branch" not in value else None
        elif isinstance(value.get("path"), str):
            url = str(value["path"])
        elif isinstance(value.get("url"), str):
            url = str(value["url"])
        marker = and_markers(
            self._python_marker(value.get("python"), loc),
            value.get("markers") if isinstance(value.get("markers"), str) else None,
            f'sys_platform == "{value["platform"]}"'
            if isinstance(value.get("platform"), str)
            else None,
        )
        kind: GroupKind | None = "poetry-group" if group is not None else None
        if group is None and value.get("optional") is True:
            group = extras.get(canonical)
            kind = "extra" if group is not None else None
        raw_extras = value.get("extras")
        pin = pinned_version(spec) or ref_version
        dep = Dependency(
            name=canonical,
            display_name=name,
            specifier=spec,
            version=pin.text if pin else None,
            source=loc,
            marker=marker,
            extras=tuple(sorted(str(e) for e in raw_extras))
            if isinstance(raw_extras, list)
            else (),
            group=group,
            group_kind=kind,
            url=url,
            editable=value.get("develop") is True,
            parsed_version=pin.version if pin else None,
        )
        self.out.note_ref_version(dep)
        self.out.add(dep)

    def _python_marker(self, value: object, loc: SourceLocation) -> str | None:
        if not isinstance(value, str):
            return None
        try:
            return python_marker(value)
        except PoetryConstraintError as exc:
            raise self.out.error(
                f"invalid python constraint: {exc}", loc.key, "invalid-constraint"
            ) from None

    def _convert(self, constraint: str, loc: SourceLocation) -> tuple[str, bool]:
        try:
            return to_pep440(constraint)
        except PoetryConstraintError as exc:
            raise error_at(loc, f"invalid constraint: {exc}", "invalid-constraint") from None

    def _widened(self, name: str, constraint: str, spec: str, loc: SourceLocation) -> None:
        self.out.finding(
            "constraint-widened",
            "info",
            f"{name} = {excerpt(repr(constraint))} has alternatives PEP 440 cannot express; read as "
            f"{spec or 'any version'!r}",
            loc,
        )
