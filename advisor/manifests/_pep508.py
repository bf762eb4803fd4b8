"""PEP 508 requirement strings into :class:`~advisor.model.project.Dependency` values.

Every reader of a format that holds requirement strings (PEP 621, dependency groups, setup.py,
setup.cfg, hatch, uv) goes through :class:`Collector`, so pins, markers, extras, direct URLs and
the project's own name are treated the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from advisor.errors import ManifestError
from advisor.manifests._lazy import LazyPattern
from advisor.model.excerpt import excerpt
from advisor.model.names import canonicalize_name
from advisor.model.plain import plain_requirement
from advisor.model.project import (
    Dependency,
    Finding,
    GroupKind,
    LockGraph,
    Manifest,
    PythonDeclaration,
    Role,
    Severity,
    SourceLocation,
)

if TYPE_CHECKING:
    from dataclasses import dataclass

    from packaging.markers import Marker
    from packaging.requirements import Requirement
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

#: Marker variables that name an extra or a dependency group rather than an environment.
_GROUP_VARIABLES = frozenset({"extra", "extras", "dependency_groups"})

#: Dependencies and findings one file may give (with the files it includes): fifty times the
#: largest real lock (about 400 packages), and few enough that what follows the reading stays
#: within seconds. A file with more is refused, not read.
MAX_ENTRIES = 20_000
#: Characters in one requirement string: the longest real ones (a direct URL with a marker)
#: are a few hundred. packaging's parser takes time quadratic in the length of a string it
#: then refuses (400,000 characters of ">=1," took 1.3 s), so a longer one is refused first.
MAX_REQUIREMENT_CHARS = 65_536

# A git ref after the repository path: ``...repo.git@v0.29.0#egg=x`` -> ``v0.29.0``.
_VCS_REF = LazyPattern(r"@([^@/#?]+)(?:[#?].*)?$")
_TAG_VERSION = LazyPattern(r"^(?:v|version-|release-)?(\d+(?:\.\d+)+[0-9A-Za-z.+-]*)$")


def spec_text(spec: SpecifierSet) -> str:
    """The specifier set as written (packaging keeps the order it was given in), no spaces."""
    return ",".join(str(s) for s in spec)


class Pin(NamedTuple):
    """A version as the file writes it, and parsed (what a :class:`Dependency` carries)."""

    text: str
    version: Version


def pinned_version(spec: str) -> Pin | None:
    """The version of a single ``==X`` / ``===X`` specifier without wildcard, else ``None``.

    ``===`` takes any string (``ddtrace=====2`` is ``=== "==2"``); only a PEP 440 version is a
    version the planner can compare, so anything else pins nothing.
    """
    if "," in spec:
        return None
    for op in ("===", "=="):
        if spec.startswith(op) and "*" not in spec:
            text = spec[len(op) :].strip()
            version = _version(text)
            return Pin(text, version) if version is not None else None
    return None


def error_at(loc: SourceLocation, message: str, code: str) -> ManifestError:
    """The :class:`ManifestError` for what was read at ``loc``: its file and line (or key)."""
    return ManifestError(message, file=loc.file, line=loc.line, key=loc.key, code=code)


def locked_version(pkg: Mapping[str, Any], loc: SourceLocation) -> Pin | None:
    """The ``version`` of a lock entry, ``None`` when it has none (a path or VCS source).

    :raises ManifestError: for a version that is not PEP 440. Poetry, uv and PDM write only
        PEP 440 versions, so another value means a damaged file, and planning on it would
        compare nonsense.
    """
    raw = pkg.get("version")
    if not isinstance(raw, str):
        return None
    version = _version(raw)
    if version is None:
        raise error_at(
            loc, f"{pkg.get('name')}: invalid version {excerpt(repr(raw))}", "invalid-version"
        )
    return Pin(raw, version)


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except ValueError:  # InvalidVersion, or a release number past int()'s 4,300 digits
        return None


def version_from_ref(url: str) -> Pin | None:
    """The version a VCS URL's ref names when the ref looks like a release tag (``@v0.29.0``)."""
    if not url.startswith(("git+", "hg+", "svn+", "bzr+")):
        return None
    scheme_end = url.find("://")
    path = url[scheme_end + 3 :] if scheme_end >= 0 else url
    slash = path.find("/")
    m = _VCS_REF.search(path[slash:] if slash >= 0 else "")
    return tag_version(m.group(1)) if m else None


def tag_version(ref: str) -> Pin | None:
    """``v0.29.0`` / ``0.29.0`` -> ``0.29.0``; anything that is not a version -> ``None``."""
    m = _TAG_VERSION.match(ref.strip())
    if not m:
        return None
    try:
        version = Version(m.group(1))
    except InvalidVersion:
        return None
    return Pin(str(version), version)


def split_marker(marker: Marker | None) -> tuple[str | None, tuple[str, ...]]:
    """Remove ``extra == "x"`` (and PEP 751 ``"x" in extras/dependency_groups``) from a marker.

    Locks write the extra or group an entry belongs to into its marker; the model holds it as
    the dependency's group, and the planner evaluates what is left for each CPython.

    :returns: the remaining marker (``None`` when nothing is left) and the names removed.
    """
    if marker is None:
        return None, ()
    names: list[str] = []
    try:
        # packaging keeps the parsed tree in ``_markers``: atoms are (lhs, op, rhs) tuples,
        # "and"/"or" strings and nested lists; "and" binds tighter than "or".
        kept = _strip(list(marker._markers), names)
    except (AttributeError, TypeError, ValueError):  # the private tree changed shape
        return str(marker), ()
    if not names:
        return str(marker), ()
    return (None if kept is None else _format(kept, top=True)), tuple(dict.fromkeys(names))


def _strip(items: list[object], names: list[str]) -> list[object] | None:
    """The marker tree without group atoms; ``None`` when it became always-true."""
    groups: list[list[object]] = [[]]
    for item in items:
        if item == "or":
            groups.append([])
        elif item != "and":
            groups[-1].append(item)
    out: list[object] = []
    always = False
    shown: set[str] = set()
    for group in groups:
        kept: list[object] = []
        for item in group:
            if isinstance(item, list):
                sub = _strip(item, names)
                if sub is not None:
                    kept.append(sub)
            elif isinstance(item, tuple) and _group_atom(item, names):
                continue
            else:
                kept.append(item)
        if not kept:
            always = True  # one alternative is always true, so the whole "or" is
            continue
        text = _format(_join(kept, "and"))
        if text in shown:
            continue  # "a and extra == 'x' or a and extra == 'y'" leaves "a or a"
        shown.add(text)
        if out:
            out.append("or")
        out.extend(_join(kept, "and"))
    return None if always else out


def _join(items: list[object], op: str) -> list[object]:
    out: list[object] = []
    for item in items:
        if out:
            out.append(op)
        out.append(item)
    return out


def _group_atom(atom: tuple[object, ...], names: list[str]) -> bool:
    lhs, _op, rhs = atom
    lhs_s, rhs_s = lhs.serialize(), rhs.serialize()  # type: ignore[attr-defined]
    for var, value in ((lhs_s, rhs_s), (rhs_s, lhs_s)):
        if var in _GROUP_VARIABLES:
            names.append(value.strip("'\""))
            return True
    return False


def _format(items: list[object], top: bool = False) -> str:
    if len(items) == 1 and isinstance(items[0], list):
        return _format(items[0], top)
    parts = []
    for item in items:
        if isinstance(item, list):
            parts.append(_format(item))
        elif isinstance(item, tuple):
            parts.append(" ".join(x.serialize() for x in item))
        else:
            parts.append(str(item))
    text = " ".join(parts)
    return text if top or len(items) == 1 else f"({text})"


def and_markers(*markers: str | None) -> str | None:
    """Join markers with ``and``, parenthesising those that hold an ``or``."""
    parts = [m for m in markers if m]
    if len(parts) <= 1:
        return parts[0] if parts else None
    return " and ".join(f"({m})" if " or " in m else m for m in parts)


@dataclass(slots=True)
class Collector:
    """Dependencies and findings of one file, in reading order.

    :param display: the file as reports show it.
    :param own_name: the project's own canonical name; requirements on it are dropped (a
        project named ``ddtrace`` does not depend on ddtrace, its ``[test]`` extra included).
    """

    display: str
    own_name: str | None = None
    deps: list[Dependency] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def loc(self, line: int | None = None, key: str | None = None) -> SourceLocation:
        """A location in this file."""
        return SourceLocation(self.display, line, key)

    def error(self, message: str, key: str | None, code: str = "invalid-manifest") -> ManifestError:
        """The :class:`ManifestError` for the value at ``key`` of this file (no line)."""
        return error_at(self.loc(key=key), message, code)

    def finding(
        self, fid: str, severity: Severity, message: str, loc: SourceLocation | None
    ) -> None:
        """Record a finding."""
        self._count()
        self.findings.append(Finding(fid, severity, message, loc))

    def add(self, dep: Dependency) -> None:
        """Keep ``dep`` unless it names the project itself.

        :raises ManifestError: past :data:`MAX_ENTRIES` dependencies and findings.
        """
        if self.own_name is not None and dep.name == self.own_name:
            return
        self._count()
        self.deps.append(dep)

    def _count(self) -> None:
        if len(self.deps) + len(self.findings) >= MAX_ENTRIES:
            raise ManifestError(
                f"more than {MAX_ENTRIES} dependencies and findings; not a dependency file "
                "aap-advise reads",
                file=self.display,
                code="file-too-large",
            )

    def requirement(
        self,
        text: str,
        loc: SourceLocation,
        *,
        group: str | None = None,
        kind: GroupKind | None = None,
        role: Role = "declared",
        lenient: bool = False,
    ) -> Dependency | None:
        """Read one PEP 508 string and keep it.

        :param kind: what ``group`` is (:data:`~advisor.model.project.GroupKind`).

        :param lenient: turn an invalid string into a warning finding instead of an error
            (used where tools accept more than PEP 508, e.g. PDM's ``-e path`` entries).
        :raises ManifestError: for an invalid string, naming ``loc``.
        """
        try:
            dep = dependency_from_string(text, loc, group=group, kind=kind, role=role)
        except ManifestError as exc:
            if not lenient:
                raise
            self.finding("unreadable-requirement", "warning", exc.message, loc)
            return None
        self.note_ref_version(dep)
        self.add(dep)
        return dep

    def note_ref_version(self, dep: Dependency) -> None:
        """Say so when a direct reference's version was taken from its git ref."""
        if dep.url and dep.version and not dep.specifier:
            self.finding(
                "version-from-git-ref",
                "warning",
                f"the version of {dep.display_name} ({dep.version}) was taken from the git ref of "
                f"{dep.url}; the code at that ref may differ",
                dep.source,
            )

    def manifest(
        self,
        kind: str,
        *,
        python: PythonDeclaration | None = None,
        project_name: str | None = None,
        is_lock: bool = False,
        index_urls: Iterable[str] = (),
        includes: Iterable[str] = (),
        graph: LockGraph | None = None,
    ) -> Manifest:
        """What was collected, as the :class:`Manifest` of this file."""
        return Manifest(
            self.display,
            kind,
            tuple(self.deps),
            python=python,
            project_name=project_name,
            is_lock=is_lock,
            findings=tuple(self.findings),
            index_urls=tuple(index_urls),
            includes=tuple(includes),
            graph=graph,
        )

    def set_own_name(self, name: str | None) -> None:
        """Record the project's own name and drop what was already kept under it."""
        if not name:
            return
        self.own_name = canonicalize_name(name)
        self.deps = [d for d in self.deps if d.name != self.own_name]


def too_long(text: str) -> bool:
    """Whether requirement ``text`` has more than :data:`MAX_REQUIREMENT_CHARS` characters
    besides whitespace (which costs packaging nothing to skip)."""
    return len(text) > MAX_REQUIREMENT_CHARS and len("".join(text.split())) > MAX_REQUIREMENT_CHARS


class Parsed(NamedTuple):
    """What every dependency read from one requirement string shares (see
    :func:`parse_requirement`): the parts of a :class:`Dependency` that follow from the text.

    :param specifier: the clauses as written, no spaces (:func:`spec_text`).
    :param pin: the version of an ``==`` pin, or of a direct reference's release tag.
    :param marker: the marker less its extra and group clauses; ``groups`` the names removed.
    :param parsed: the specifier set as packaging parsed it; :meth:`specifier_set` hands it on.
    """

    name: str
    display_name: str
    specifier: str
    pin: Pin | None
    marker: str | None
    groups: tuple[str, ...]
    extras: tuple[str, ...]
    url: str | None
    parsed: SpecifierSet

    def specifier_set(self) -> SpecifierSet:
        """The parsed specifier set for one dependency: this one when it has at most one
        clause, else a set of its own with the clauses in their written order.

        packaging sorts a set of several clauses in place the first time it is hashed or
        printed, which would change the order another dependency read from the same string
        gives its clauses in; a set of one clause (or none) has no order to change, and
        nothing else in it changes but caches of what it computes.
        """
        spec = self.parsed
        return spec if len(spec) <= 1 else SpecifierSet(list(spec))


#: Characters of a requirement string kept in :func:`parse_requirement`'s cache: real ones are a
#: few dozen, so the cache holds a few megabytes at most, whatever the files hold.
CACHED_CHARS = 1_000


def requirement_parts(text: str) -> Parsed:
    """:func:`parse_requirement` of ``text``, through its cache when ``text`` has at most
    :data:`CACHED_CHARS` characters.

    :raises InvalidRequirement: packaging's (a :class:`ValueError`), as :class:`Requirement`
        raises it.
    """
    if len(text) > CACHED_CHARS:
        return _simple_parts(text) or _full_parts(text)
    return parse_requirement(text)


@lru_cache(maxsize=4096)
def parse_requirement(text: str) -> Parsed:
    """``Requirement(text)`` and what a :class:`Dependency` takes from it, once for each
    distinct string while it stays in the bounded cache: the files of a monorepo repeat the
    same requirements (the 3,200 manifests of the benchmark hold some 35,000 strings, 250 of
    them distinct). Every part is computed here, from the requirement as just parsed, and is
    immutable but the specifier set (see :meth:`Parsed.specifier_set`).

    A string of the plain form most are written in is read without packaging's requirement
    parser (:func:`_simple_parts`: the same parts, a test holds them together); any other is
    :class:`Requirement`'s.

    :raises InvalidRequirement: as :class:`Requirement` does (an error is not kept).
    """
    return _simple_parts(text) or _full_parts(text)


def _full_parts(text: str) -> Parsed:
    # packaging's parser and the marker module it brings are imported by the first string
    # that needs them: a project whose requirements are all plain never does (their import
    # is a quarter of a pre-commit hook's offline answer; see advisor.model.names).
    from packaging.requirements import Requirement

    return parsed_requirement(Requirement(text))


def _simple_parts(text: str) -> Parsed | None:
    """The :class:`Parsed` parts of ``text`` when it is a plain requirement
    (:func:`~advisor.model.plain.plain_requirement`: a name, extras, version clauses); ``None``
    for anything else (:class:`Requirement` reads it, or words why it cannot)."""
    plain = plain_requirement(text)
    if plain is None:
        return None
    name, extras, parsed = plain
    spec = spec_text(parsed)
    return Parsed(
        canonicalize_name(name), name, spec, pinned_version(spec), None, (), extras, None, parsed
    )


def parsed_requirement(req: Requirement) -> Parsed:
    """The :class:`Parsed` parts of ``req`` (a requirement no one else has hashed or printed
    yet: its clauses are in their written order)."""
    spec = spec_text(req.specifier)
    marker, groups = split_marker(req.marker)
    url = req.url
    pin = pinned_version(spec)
    if url and pin is None and not spec:
        pin = version_from_ref(url)
    return Parsed(
        canonicalize_name(req.name),
        req.name,
        spec,
        pin,
        marker,
        groups,
        tuple(sorted(req.extras)),
        url,
        req.specifier,
    )


def dependency_from_string(
    text: str,
    loc: SourceLocation,
    *,
    group: str | None = None,
    kind: GroupKind | None = None,
    role: Role = "declared",
) -> Dependency:
    """One :class:`Dependency` from a PEP 508 string; markers lose their extra clauses.

    :raises ManifestError: ``file:line: invalid requirement ...`` (or ``file: key: ...``).
    """
    if too_long(text):
        raise error_at(
            loc,
            f"invalid requirement {excerpt(text.strip(), 63)!r}: more than {MAX_REQUIREMENT_CHARS} "
            "characters",
            "invalid-requirement",
        )
    try:
        p = requirement_parts(text)
    except ValueError as exc:  # packaging's InvalidRequirement
        first = str(exc).splitlines()[0] if str(exc) else "not PEP 508"
        raise error_at(
            loc, f"invalid requirement {excerpt(text.strip())!r}: {first}", "invalid-requirement"
        ) from None
    return dependency_from_parts(
        p,
        loc,
        marker=p.marker,
        group=group if group is not None else (p.groups[0] if p.groups else None),
        kind=kind if group is not None else None,
        role=role,
    )


def dependency_from_parts(
    p: Parsed,
    loc: SourceLocation,
    *,
    marker: str | None,
    group: str | None,
    kind: GroupKind | None = None,
    role: Role = "declared",
    hashes: tuple[str, ...] = (),
) -> Dependency:
    """One :class:`Dependency` from a requirement string's parts (:func:`requirement_parts`),
    with what its file says around it (its marker as kept, group, role, ``--hash`` values)."""
    pin = p.pin
    # Positionally, in the order of Dependency's fields (a monorepo makes tens of thousands:
    # keywords cost a third more); a test holds it to the same call with keywords.
    return Dependency(
        p.name,  # name
        p.display_name,  # display_name
        p.specifier,  # specifier
        pin.text if pin else None,  # version
        loc,  # source
        marker,  # marker
        p.extras,  # extras
        group,  # group
        kind,  # group_kind
        (),  # lock_groups
        role,  # role
        p.url,  # url
        False,  # editable
        hashes,  # hashes
        (),  # options
        None,  # origin
        p.specifier_set(),  # parsed_specifier
        pin.version if pin else None,  # parsed_version
    )


def with_source(dep: Dependency, **changes: object) -> Dependency:
    """``dep`` with some fields replaced (a thin wrapper so readers need not import replace)."""
    return replace(dep, **changes)  # type: ignore[arg-type]


#: Markers already checked, by their text: a large uv.lock repeats a score of fork markers in
#: thousands of ``resolution-markers`` lists. Bounded (:data:`_MARKER_CACHE_CHARS` characters of
#: keys in all, then emptied and filled again), so a file of many distinct markers still costs
#: one parse each, in memory bounded by the cache, not the file.
_MARKERS: dict[str, str | None] = {}
_MARKER_CACHE_CHARS = 1 << 20
_marker_cache_chars = 0
#: How many markers :func:`valid_marker` parsed (tests count them; never reset).
marker_parses = 0


def valid_marker(text: str) -> str | None:
    """``text`` normalised when it is a valid PEP 508 marker, else ``None``; each distinct text
    is parsed once (while it stays in the bounded cache)."""
    global _marker_cache_chars, marker_parses
    try:
        return _MARKERS[text]
    except KeyError:
        pass
    marker_parses += 1
    from packaging.markers import InvalidMarker, Marker

    try:
        found: str | None = str(Marker(text))
    except InvalidMarker:
        found = None
    if _marker_cache_chars + len(text) > _MARKER_CACHE_CHARS:
        _MARKERS.clear()
        _marker_cache_chars = 0
    if len(text) <= _MARKER_CACHE_CHARS:
        _MARKERS[text] = found
        _marker_cache_chars += len(text)
    return found


@lru_cache(maxsize=256)
def valid_spec(text: str) -> str | None:
    """``text`` without spaces when it is a valid PEP 440 specifier set, else ``None``; once
    per distinct text while it stays in the bounded cache (the projects of a monorepo declare
    a few Python ranges; :func:`~advisor.manifests._python.declare` reads ranges of at most
    1,000 characters)."""
    parsed = parse_spec(text)
    return parsed[0] if parsed else None


def parse_spec(text: str) -> tuple[str, SpecifierSet] | None:
    """``text`` without spaces, and parsed, when it is a valid PEP 440 specifier set."""
    try:
        spec = SpecifierSet(text)
    except InvalidSpecifier:
        return None
    return ",".join(p.strip() for p in text.split(",") if p.strip()), spec
