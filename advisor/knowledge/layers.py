"""Which ddtrace a Datadog Python Lambda layer ships: ``data/lambda_layers.toml``.

A deployment reader reads a layer's version from its ARN (``Datadog-Python312:95``) and no
more (readers do not read knowledge data); this module says what that version holds, as far as
a public source does: the datadog_lambda release the layer is, and the ddtrace it pins, an
exact version or, where the release only required a range, that range (the exact version in
the layer is then not known). Since layer 122 a layer pins one range on CPython 3.8-3.9 and
another on later ones, so a layer may have one entry per CPython range.

The file is checked as it is read: a bad entry is a :class:`~advisor.errors.KnowledgeError`
naming it, so the test that loads the shipped file catches a bad edit.
"""

from __future__ import annotations

import tomllib
from dataclasses import replace
from typing import TYPE_CHECKING

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from advisor.errors import KnowledgeError
from advisor.knowledge import read_data
from advisor.model.deployment import DeployedDdtrace
from advisor.model.project import Dependency, Finding, Project, SourceLocation

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = [
    "LAYERS_FILE",
    "LayerFacts",
    "ddtrace_of_layer",
    "layer_for",
    "load_layers",
    "parse_layers",
    "with_layer_versions",
]

#: The shipped file, under ``advisor/knowledge/data``.
LAYERS_FILE = "lambda_layers.toml"
_ORIGIN = f"advisor/knowledge/data/{LAYERS_FILE}"
_KEYS = frozenset({"layer", "datadog_lambda", "ddtrace", "python", "source"})
#: CPython minors an entry's ``python`` range is checked against for overlaps.
_MINORS = tuple(Version(f"3.{m}") for m in range(30))


@dataclass(frozen=True, slots=True)
class LayerFacts:
    """One layer version's ddtrace, on the CPythons ``python`` names.

    :param layer: the layer version (the ARN's last field).
    :param datadog_lambda: the datadog_lambda release the layer is.
    :param ddtrace: an exact version (``2.16.0``) or the PEP 440 range the release pins
        (``>=2.7.2``), as the data file writes it.
    :param source: where that is written (a tag's file, a release page).
    :param python: the CPython range this entry holds for (``>=3.10``), ``""`` for every
        CPython the layer is built for.
    """

    layer: int
    datadog_lambda: str
    ddtrace: str
    source: str
    python: str = ""

    @property
    def version(self) -> str | None:
        """The exact ddtrace version, ``None`` when only a range is known."""
        return None if _is_range(self.ddtrace) else self.ddtrace

    @property
    def specifier(self) -> str:
        """The ddtrace the layer holds as a specifier: ``==2.16.0`` or the range."""
        return self.ddtrace if _is_range(self.ddtrace) else f"=={self.ddtrace}"

    def holds_for(self, python: str) -> bool:
        """Whether this entry is the one for CPython ``python`` (``3.12``)."""
        return not self.python or SpecifierSet(self.python).contains(python)


def _is_range(ddtrace: str) -> bool:
    return ddtrace[:1] in "<>=!~"


def _problem(entry: object) -> str | None:
    """What is wrong with one entry of ``layers``, or ``None``."""
    if not isinstance(entry, dict):
        return "must be a table"
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        return f"unknown keys {', '.join(unknown)}"
    layer = entry.get("layer")
    if not isinstance(layer, int) or isinstance(layer, bool) or layer < 1:
        return "layer must be a positive integer"
    for key in ("datadog_lambda", "ddtrace", "source"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            return f"{key} must be a non-empty string"
    if not isinstance(entry.get("python", ""), str):
        return "python must be a string"
    try:
        Version(entry["datadog_lambda"])
    except InvalidVersion:
        return f"datadog_lambda {entry['datadog_lambda']!r} is not a version"
    ddtrace = entry["ddtrace"]
    try:
        if _is_range(ddtrace):
            SpecifierSet(ddtrace)
        else:
            Version(ddtrace)
    except (InvalidSpecifier, InvalidVersion):
        return f"ddtrace {ddtrace!r} is neither a version nor a specifier"
    try:
        SpecifierSet(entry.get("python", ""))
    except InvalidSpecifier:
        return f"python {entry['python']!r} is not a specifier"
    return None


def parse_layers(text: str, origin: str = _ORIGIN) -> dict[int, tuple[LayerFacts, ...]]:
    """Each layer version -> its entries (one, or one per CPython range), from ``text``.

    :raises KnowledgeError: naming ``origin`` and the first bad entry: a missing or mistyped
        field, a ddtrace that is neither a version nor a specifier, or two entries of one
        layer that hold for the same CPython.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{origin}: invalid TOML: {exc}") from exc
    if data.get("schema_version") != 1:
        raise KnowledgeError(f"{origin}: schema_version {data.get('schema_version')!r} is not 1")
    entries = data.get("layers", [])
    if not isinstance(entries, list):
        raise KnowledgeError(f"{origin}: layers must be an array of tables")
    out: dict[int, list[LayerFacts]] = {}
    for index, entry in enumerate(entries):
        if (problem := _problem(entry)) is not None:
            raise KnowledgeError(f"{origin}: layers[{index}]: {problem}")
        facts = LayerFacts(
            layer=entry["layer"],
            datadog_lambda=entry["datadog_lambda"],
            ddtrace=entry["ddtrace"],
            source=entry["source"],
            python=entry.get("python", ""),
        )
        same = out.setdefault(facts.layer, [])
        if any(_overlap(facts, other) for other in same):
            raise KnowledgeError(
                f"{origin}: layers[{index}]: layer {facts.layer} has two entries for one CPython"
            )
        same.append(facts)
    return {layer: tuple(facts) for layer, facts in out.items()}


def _overlap(a: LayerFacts, b: LayerFacts) -> bool:
    if not a.python or not b.python:
        return True
    sa, sb = SpecifierSet(a.python), SpecifierSet(b.python)
    return any(sa.contains(v) and sb.contains(v) for v in _MINORS)


_CACHE: list[dict[int, tuple[LayerFacts, ...]]] = []


def load_layers() -> dict[int, tuple[LayerFacts, ...]]:
    """The shipped layer facts (read and checked once per process)."""
    if not _CACHE:
        _CACHE.append(parse_layers(read_data(LAYERS_FILE)))
    return _CACHE[0]


def ddtrace_of_layer(layer: int, python: str | None = None) -> LayerFacts | None:
    """What layer version ``layer`` ships on CPython ``python`` (``3.12``, the one its ARN's
    name gives), or ``None`` when no public source says. Without ``python``, the answer only
    when the layer has one entry for every CPython."""
    entries = load_layers().get(layer, ())
    if python is None:
        return entries[0] if len(entries) == 1 and not entries[0].python else None
    return next((e for e in entries if e.holds_for(python)), None)


def with_layer_versions(project: Project) -> Project:
    """``project`` with each Datadog Python layer its deployment files name read as the
    ddtrace that layer ships (:func:`ddtrace_of_layer`, on the deployment's CPython): the
    deployment's ``ddtrace`` and the dependency at the layer's line both get the version (or
    the range) and a note names the source; a layer no public source maps keeps "any version",
    said in a note. Cost: linear in the deployments and dependencies."""
    mapped: dict[SourceLocation, DeployedDdtrace] = {}
    notes: list[Finding] = []
    manifests = []
    for manifest in project.manifests:
        units = []
        for d in manifest.deployments:
            dd = d.ddtrace
            if dd is None or dd.how != "layer" or dd.layer is None:
                units.append(d)
                continue
            where = SourceLocation(d.file, dd.line)
            facts = ddtrace_of_layer(dd.layer, d.pythons[0] if d.pythons else None)
            if facts is None:
                notes.append(
                    Finding(
                        "layer-version-unknown",
                        "info",
                        f"Datadog Python layer {dd.layer} ({where}): the ddtrace it ships is "
                        "unknown (no public release note or tag says)",
                        where,
                    )
                )
                units.append(d)
                continue
            new = replace(dd, version=facts.version, specifier=facts.specifier)
            if where not in mapped:
                mapped[where] = new
                exact = facts.version or f"{facts.specifier} (the exact version is unknown)"
                notes.append(
                    Finding(
                        "layer-version",
                        "info",
                        f"Datadog Python layer {dd.layer} ({where}) is datadog-lambda "
                        f"{facts.datadog_lambda} and ships ddtrace {exact} ({facts.source})",
                        where,
                    )
                )
            units.append(replace(d, ddtrace=new))
        manifests.append(replace(manifest, deployments=tuple(units)))
    if not notes:
        return project

    def dep(d: Dependency) -> Dependency:
        new = mapped.get(d.source) if d.name == "ddtrace" else None
        if new is None:
            return d
        return replace(
            d,
            specifier=new.specifier,
            version=new.version,
            parsed_specifier=SpecifierSet(new.specifier),
            parsed_version=Version(new.version) if new.version else None,
        )

    manifests = [replace(m, dependencies=tuple(map(dep, m.dependencies))) for m in manifests]
    return replace(
        project,
        manifests=tuple(manifests),
        dependencies=tuple(map(dep, project.dependencies)),
        deployments=tuple(d for m in manifests for d in m.deployments),
        findings=(*project.findings, *notes),
    )


def layer_for(target: str, python: str | None) -> int | None:
    """The first Datadog Python layer that ships ddtrace ``target`` or newer on CPython
    ``python``: its exact ddtrace is at least ``target``, or the range it pins admits nothing
    below it. ``None`` when no layer known does."""
    wanted = Version(target)
    for layer, entries in sorted(load_layers().items()):
        facts = next((e for e in entries if python is None or e.holds_for(python)), None)
        if facts is None or (python is None and len(entries) > 1):
            continue
        if facts.version is not None:
            if Version(facts.version) >= wanted:
                return layer
            continue
        floors = [
            Version(s.version)
            for s in SpecifierSet(facts.specifier)
            if s.operator in (">=", "==", "~=")
        ]
        if floors and max(floors) >= wanted:
            return layer
    return None
