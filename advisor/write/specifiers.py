"""Moving a version specifier to a target version, in PEP 440 and Poetry syntax, and finding the
specifier and marker inside a PEP 508 requirement string.

Pure string logic: text in, text out, the text around what must change kept as written. The
rule for the target (ddtrace) is "admit the target and nothing below it"; the rule for a
co-upgrade is "admit the new version", touching only the clauses that exclude it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from packaging.markers import InvalidMarker, Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, Specifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from advisor.model.excerpt import excerpt
from advisor.model.names import canonicalize_name

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = [
    "Dialect",
    "RequirementSpan",
    "SpecifierError",
    "combine_markers",
    "find_requirement",
    "move",
    "pinned_version",
    "poetry_python",
    "requote",
    "satisfies",
]

Dialect = Literal["pep440", "poetry"]


class SpecifierError(ValueError):
    """A specifier this module cannot move without guessing (the message says why, quoting the
    text as an :func:`~advisor.model.excerpt.excerpt`: a specifier may be 64 KiB long)."""


# Longest operators first, so ``===`` is not read as ``==`` followed by ``=``.
_PEP440_OPS = ("===", "~=", "==", "!=", "<=", ">=", "<", ">")
_POETRY_OPS = ("===", "~=", "==", "!=", "<=", ">=", "<", ">", "^", "~", "=")
_VERSION = r"[^\s,|()\[\];#\\]+"


def _clause_pattern(ops: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?P<op>{'|'.join(map(re.escape, ops))})?(?P<ws>\s*)(?P<ver>{_VERSION})")


_CLAUSE = {"pep440": _clause_pattern(_PEP440_OPS), "poetry": _clause_pattern(_POETRY_OPS)}
# Poetry also separates clauses by spaces alone (``>=1.2 <2``).
_SEPARATOR = {"pep440": re.compile(r"\s*,\s*"), "poetry": re.compile(r"\s*,\s*|\s+")}


@dataclass(frozen=True, slots=True)
class _Clause:
    """One comparison: operator as written ("" for a bare Poetry version), spacing, version text."""

    op: str
    ws: str
    version: str

    @property
    def text(self) -> str:
        return f"{self.op}{self.ws}{self.version}"

    @property
    def wildcard(self) -> bool:
        return self.version.endswith(".*")

    @property
    def any(self) -> bool:
        return self.version == "*"

    def with_version(self, version: str, op: str | None = None) -> _Clause:
        return _Clause(self.op if op is None else op, self.ws, version)


def _parse(spec: str, dialect: Dialect) -> tuple[list[_Clause], list[str]]:
    """Clauses and the separators between them; :class:`SpecifierError` for anything else."""
    if "||" in spec:
        # Poetry alternatives: which arm to move is a guess, so refuse.
        raise SpecifierError(f"{excerpt(spec)!r} has alternatives (||); move it by hand")
    clauses: list[_Clause] = []
    seps: list[str] = []
    pos = 0
    text = spec.strip()
    pattern = _CLAUSE[dialect]
    while pos < len(text):
        m = pattern.match(text, pos)
        if m is None:
            raise SpecifierError(f"cannot read the specifier {excerpt(spec)!r}")
        op = m["op"] or ""
        if op == "" and dialect == "pep440" and m["ver"] != "*":
            raise SpecifierError(f"cannot read the specifier {excerpt(spec)!r}")
        clauses.append(_Clause(op, m["ws"], m["ver"]))
        pos = m.end()
        sep = _SEPARATOR[dialect].match(text, pos)
        if pos < len(text):
            if sep is None or sep.end() == len(text):
                raise SpecifierError(f"cannot read the specifier {excerpt(spec)!r}")
            seps.append(sep.group())
            pos = sep.end()
    for c in clauses:
        _bounds(c)  # validates every version up front
    return clauses, seps


def _version(text: str) -> Version:
    try:
        return Version(text)
    except InvalidVersion:
        raise SpecifierError(f"{excerpt(text)!r} is not a version") from None


def _bump(release: tuple[int, ...], index: int) -> str:
    return ".".join(str(p) for p in (*release[:index], release[index] + 1))


def _bounds(c: _Clause) -> list[Specifier]:
    """The clause as PEP 440 specifiers (Poetry ``^``, ``~`` and bare versions translated)."""
    if c.any:
        return []
    if c.op in ("", "="):
        return [Specifier(f"=={c.version}")]
    if c.op in ("^", "~"):
        v = _version(c.version)
        rel = v.release
        if c.op == "^":
            # Poetry caret: up to the next change of the first non-zero component.
            index = next((i for i, p in enumerate(rel) if p), len(rel) - 1)
        else:
            index = 1 if len(rel) >= 2 else 0
        return [Specifier(f">={c.version}"), Specifier(f"<{_bump(rel, index)}")]
    try:
        return [Specifier(f"{c.op}{c.version}")]
    except InvalidSpecifier:
        raise SpecifierError(f"{excerpt(c.text)!r} is not a valid specifier") from None


def _admits(c: _Clause, target: Version) -> bool:
    return all(s.contains(target, prereleases=True) for s in _bounds(c))


def _floor(c: _Clause) -> Version | None:
    """The lowest version the clause admits (exclusive for ``>``), ``None`` when unbounded below."""
    if c.any or c.op in ("<", "<=", "!="):
        return None
    version = c.version[:-2] if c.wildcard else c.version
    return _version(version)


def _floor_of(clauses: list[_Clause]) -> Version | None:
    floors = [f for c in clauses if (f := _floor(c)) is not None]
    return max(floors) if floors else None


def satisfies(spec: str, target: str, *, dialect: Dialect = "pep440", floor: bool = True) -> bool:
    """``spec`` admits ``target`` (and, with ``floor``, nothing below it).

    :raises SpecifierError: for a specifier that cannot be read.
    """
    clauses, _ = _parse(spec, dialect)
    t = _version(target)
    if not all(_admits(c, t) for c in clauses):
        return False
    if not floor:
        return True
    low = _floor_of(clauses)
    return low is not None and low >= t


def _precision(version: str) -> int:
    return len(_version(version.removesuffix(".*")).release)


def _truncate(target: Version, n: int) -> str:
    release = (*target.release, *(0,) * n)[:n]
    return ".".join(map(str, release))


def _next_major(target: Version, precision: int) -> str:
    """The exclusive upper bound one major above ``target``, written with ``precision`` parts.

    For 0.x targets the next minor stands in for the next major, as semantic versioning and
    Poetry's caret treat every 0.x minor as breaking.
    """
    rel = target.release
    bound: tuple[int, ...] = (0, rel[1] + 1) if rel[0] == 0 and len(rel) > 1 else (rel[0] + 1,)
    return ".".join(map(str, (*bound, *(0,) * (precision - len(bound)))))


def _move_clause(c: _Clause, target: str, t: Version, raise_floor: bool) -> list[_Clause]:
    """The clause(s) replacing ``c`` so that ``target`` is admitted (and is the floor)."""
    if c.any:
        return [_Clause(">=", c.ws, target)] if raise_floor else [c]
    floor = _floor(c)
    if _admits(c, t) and (not raise_floor or floor is None or floor >= t):
        return [c]
    if c.op in ("<", "<="):
        return [c.with_version(_next_major(t, _precision(c.version)), op="<")]
    if c.op == "!=":
        return []
    if c.op in (">=", ">"):
        return [c.with_version(target, op=">=")]
    if c.wildcard:
        n = _precision(c.version)
        prefix = _truncate(t, n)
        moved = [c.with_version(prefix + ".*")]
        if raise_floor and Version(prefix) != t:
            moved.append(_Clause(">=", c.ws, target))
        return moved
    if c.op in ("~=", "~"):
        # Keep the operator and its precision; add a floor when the precision cannot carry it
        # (``~=2.3`` -> ``~=4.6`` for 4.6.0, ``~=4.6,>=4.6.1`` for 4.6.1).
        n = max(_precision(c.version), 2 if c.op == "~=" else 1)
        base = _truncate(t, n)
        if Version(base) == t:
            return [c.with_version(base)]
        if c.op == "~" and n >= 2:
            return [c.with_version(target)]  # Poetry ``~X.Y`` and ``~X.Y.Z`` share an upper bound
        return [c.with_version(base), _Clause(">=", c.ws, target)]
    if c.op == "^":
        base = _truncate(t, _precision(c.version))
        return [c.with_version(base if Version(base) == t else target)]
    return [c.with_version(target)]  # ==, ===, = and bare versions


def move(spec: str, target: str, *, dialect: Dialect = "pep440", raise_floor: bool = True) -> str:
    """``spec`` changed as little as possible so that it admits ``target``.

    With ``raise_floor`` (the ddtrace target) the result also admits nothing below ``target``:
    lower bounds move up, an unbounded range gets ``>=target``. An upper bound that excludes
    the target becomes the next major (``>=1.20,<3`` -> ``>=4.6.0,<5``); an exclusion of the
    target (``!=4.6.*``) is dropped. Operators, precision and spacing are kept where they can
    carry the new bound (``^2.3.0`` -> ``^4.6.0``, ``~=2.3`` -> ``~=4.6``). A specifier that
    already fits comes back unchanged, character for character.

    :raises SpecifierError: for a specifier that cannot be read or moved without guessing.
    """
    t = _version(target)
    if not spec.strip():
        return f">={target}" if raise_floor else spec
    if satisfies(spec, target, dialect=dialect, floor=raise_floor):
        return spec
    clauses, seps = _parse(spec, dialect)
    moved = [_move_clause(c, target, t, raise_floor) for c in clauses]
    out: list[_Clause] = [c for group in moved for c in group]
    if raise_floor and not any(_floor(c) is not None for c in out):
        ws = clauses[0].ws
        out.insert(0, _Clause(">=", ws, target))
    unique: list[_Clause] = []
    for c in out:
        if (c.op, c.version) not in {(u.op, u.version) for u in unique}:
            unique.append(c)
    if [len(g) for g in moved] == [1] * len(clauses) and len(unique) == len(clauses):
        joined = unique[0].text + "".join(s + c.text for s, c in zip(seps, unique[1:], strict=True))
    else:
        # New clauses follow the file's own separator; without one, a spaced clause
        # (``< 3``) gets ``, `` and a compact one (``<3``) gets ``,``, as written nearby.
        spaced = dialect == "poetry" or bool(clauses[0].ws)
        sep = seps[0] if seps else (", " if spaced else ",")
        joined = sep.join(c.text for c in unique)
    lead = spec[: len(spec) - len(spec.lstrip())]
    trail = spec[len(spec.rstrip()) :]
    result = lead + joined + trail
    if not satisfies(result, target, dialect=dialect, floor=raise_floor):
        raise SpecifierError(f"cannot move {excerpt(spec)!r} to {target}")
    return result


def pinned_version(spec: str, *, dialect: Dialect = "pep440") -> str | None:
    """The version of a specifier that is one exact pin (``==X``, Poetry ``X``), else ``None``."""
    try:
        clauses, _ = _parse(spec, dialect)
    except SpecifierError:
        return None
    if len(clauses) == 1 and clauses[0].op in ("==", "===", "=", "") and not clauses[0].wildcard:
        return None if clauses[0].any else clauses[0].version
    return None


# --- PEP 508 requirement strings -------------------------------------------------------------

_NAME = re.compile(
    r"\s*(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(?P<extras>\s*\[[^\]]*\])?"
)
_REQ_CLAUSE = re.compile(r"(?:===|~=|==|!=|<=|>=|<|>)\s*" + _VERSION)
# pip ends a requirement at an option (`` --hash=...``) or a comment (`` # ...``).
_LINE_END = re.compile(r"\s+(?:#|--?[A-Za-z])")


@dataclass(frozen=True, slots=True)
class RequirementSpan:
    """Where the parts of one PEP 508 requirement sit in its text.

    :param name: the canonical package name.
    :param spec: span of the version specifier, empty (at the insertion point after name and
        extras) when there is none; parentheses around it stay outside the span.
    :param marker: span of the marker text after ``;``, or ``None``.
    :param end: where the requirement ends (before pip options or a comment).
    :param url: a direct reference (``name @ url``): there is no version to move.
    """

    name: str
    spec: tuple[int, int]
    marker: tuple[int, int] | None
    end: int
    url: bool = False

    def specifier(self, text: str) -> str:
        """The specifier text."""
        return text[self.spec[0] : self.spec[1]]

    def marker_text(self, text: str) -> str | None:
        """The marker text, or ``None``."""
        return text[self.marker[0] : self.marker[1]] if self.marker else None

    def rewrite(self, text: str, spec: str, marker: str | None, *, semicolon: str = "; ") -> str:
        """``text`` with the specifier replaced and the marker replaced (or added after the
        specifier with ``semicolon``); a ``None`` marker keeps the one written."""
        if marker is not None and self.marker is not None:
            text = text[: self.marker[0]] + marker + text[self.marker[1] :]
        elif marker is not None:
            at = self.spec[1]
            if text[at : at + 1] == ")":
                at += 1
            text = text[:at] + semicolon + marker + text[at:]
        return text[: self.spec[0]] + spec + text[self.spec[1] :]


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


def _marker_end(text: str, start: int) -> int:
    """End of a pip-line marker beginning at ``start``: an option or comment outside quotes."""
    quote = ""
    for i in range(start, len(text)):
        ch = text[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch.isspace() and (m := _LINE_END.match(text, i)):
            return m.start()
    return len(text.rstrip())


def find_requirement(text: str, *, pip_line: bool = False) -> RequirementSpan | None:
    """Locate name, specifier and marker in a PEP 508 requirement (``pip_line``: a line of a
    requirements file, where options and comments may follow).

    Returns ``None`` for anything that is not a requirement packaging reads the same way
    (options, comments, broken lines), so callers never edit what they did not understand.
    """
    m = _NAME.match(text)
    if m is None:
        return None
    spec_start = spec_end = m.end()
    i = _skip_ws(text, m.end())
    paren = text[i : i + 1] == "("
    if paren:
        i = _skip_ws(text, i + 1)
    first = True
    while (c := _REQ_CLAUSE.match(text, i)) is not None:
        if first:
            spec_start, first = c.start(), False
        spec_end = c.end()
        j = _skip_ws(text, c.end())
        if text[j : j + 1] != ",":
            break
        i = _skip_ws(text, j + 1)
    after = _skip_ws(text, spec_end)
    if paren and text[after : after + 1] == ")":
        after = _skip_ws(text, after + 1)
    marker: tuple[int, int] | None = None
    if text[after : after + 1] == ";":
        start = _skip_ws(text, after + 1)
        stop = _marker_end(text, start) if pip_line else len(text.rstrip())
        marker, end = (start, stop), stop
    elif pip_line and (opt := _LINE_END.search(text, spec_end)) is not None:
        end = opt.start()
    else:
        end = len(text.rstrip())
    try:
        req = Requirement(text[:end])
    except InvalidRequirement:
        return None
    span = RequirementSpan(
        canonicalize_name(m["name"]), (spec_start, spec_end), marker, end, url=bool(req.url)
    )
    if not span.url and SpecifierSet(span.specifier(text)) != req.specifier:
        return None
    return span


def combine_markers(original: str | None, arm: str) -> str:
    """``original and arm``; an ``or`` in ``original`` gets parentheses so ``and`` binds it all."""
    if not original:
        return arm
    if not arm:
        return original
    try:
        normal = str(Marker(original))
    except InvalidMarker:
        raise SpecifierError(f"cannot combine the marker {excerpt(original)!r}") from None
    left = f"({original})" if " or " in normal else original
    return f"{left} and {arm}"


def requote(marker: str, quote: str) -> str:
    """A marker generated here (double-quoted) with its quotes changed to ``quote``.

    TOML literal strings cannot hold ``'`` and basic strings would escape ``"``; matching the
    quote to the container keeps the written string free of escapes.
    """
    return marker.replace('"', quote) if quote != '"' else marker


_PY_MARKER = re.compile(r"""\s*python_version\s*(<=|>=|==|!=|<|>)\s*["'](\d+(?:\.\d+)*)["']\s*""")


def poetry_python(marker: str) -> str:
    """A ``python_version`` marker of ``and``-joined comparisons as a Poetry ``python`` constraint.

    :raises SpecifierError: for any other marker (Poetry's ``python`` key cannot hold it).
    """
    parts = []
    for piece in marker.split(" and "):
        m = _PY_MARKER.fullmatch(piece)
        if m is None:
            raise SpecifierError(f"the marker {excerpt(marker)!r} has no Poetry python constraint")
        parts.append(f"{m[1]}{m[2]}")
    return ",".join(parts)
