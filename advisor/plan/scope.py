"""What is being asked: which capabilities, which CPythons, which platforms."""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from advisor.errors import UsageError
from advisor.knowledge.model import Capability, Knowledge, slug
from advisor.model.deployment import Deployment
from advisor.model.excerpt import excerpt
from advisor.model.platforms import DEFAULT_PLATFORM, USER_PLATFORMS, platform_hint, user_platform
from advisor.model.project import Finding, Project, SourceLocation, unparsable_version
from advisor.model.release import FREE_THREADED, parse_python
from advisor.model.release import python_minor_admitted as minor_admitted

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass


def resolve_capabilities(knowledge: Knowledge, names: Iterable[str]) -> tuple[Capability, ...]:
    """Map ids, names and aliases (comma lists allowed) onto capabilities, in matrix order.

    With no names: every supported capability.

    :raises UsageError: for an unknown name, listing the valid ids, with a hint naming the ids,
        names or aliases close to it.
    """
    wanted: set[str] = set()
    for item in names:
        for name in (n.strip() for n in item.split(",")):
            if not name:
                continue
            cap = knowledge.capability(name)
            if cap is None:
                valid = ", ".join(c.id for c in knowledge.capabilities)
                raise UsageError(
                    f"unknown capability {excerpt(name)!r}; valid: {valid}",
                    code="unknown-capability",
                    hint=capability_hint(knowledge, name),
                )
            wanted.add(cap.id)
    if not wanted:
        return tuple(c for c in knowledge.capabilities if c.supported)
    return tuple(c for c in knowledge.capabilities if c.id in wanted)


def capability_hint(knowledge: Knowledge, name: str) -> str | None:
    """``did you mean 'api-security'?`` for a capability name ``knowledge`` does not know, from
    the ids, names and aliases close to it; ``None`` when none is."""
    from advisor.model.suggest import did_you_mean

    names = [n for c in knowledge.capabilities for n in (c.id, slug(c.name), *c.aliases)]
    return did_you_mean(slug(name), names)


def check_platforms(platforms: Iterable[str]) -> tuple[str, ...]:
    """Validate ``--platform`` values, each alias as its id (``linux-arm64`` is
    ``linux-aarch64``, :func:`~advisor.model.platforms.user_platform`); duplicates dropped,
    order kept."""
    out: list[str] = []
    for p in platforms:
        canonical = user_platform(p)
        if canonical is None:
            raise UsageError(
                f"unknown platform {excerpt(p)!r}; valid: {', '.join(USER_PLATFORMS)}",
                code="unknown-platform",
                hint=platform_hint(p),
            )
        if canonical not in out:
            out.append(canonical)
    return tuple(out) or (DEFAULT_PLATFORM,)


@dataclass(frozen=True, slots=True)
class PythonScope:
    """The CPython minors in scope, and the range and source they came from.

    :param origins: each version in scope -> where it came from (``--python``, the declared
        range's source, ``Dockerfile:3``, a CI file, the end-of-life rule).
    """

    spec: str | None
    source: str
    versions: tuple[str, ...]
    findings: tuple[Finding, ...] = ()
    origins: tuple[tuple[str, str], ...] = ()


def deployment_platforms(project: Project, asked: tuple[str, ...]) -> tuple[str, ...]:
    """The platforms to plan for: ``--platform`` when given; else the default platform and
    every platform a deployment file names (an alpine image: musllinux), in the order read."""
    if asked:
        return check_platforms(asked)
    out = [DEFAULT_PLATFORM]
    for d in project.deployments:
        out += [p for p in _platforms_of(d, project) if p not in out and p in USER_PLATFORMS]
    return tuple(out)


def _platforms_of(d: Deployment, project: Project) -> tuple[str, ...]:
    """``d``'s platforms; a compose service's arch on the libc of the Dockerfile it builds
    (``platform: linux/arm64`` building ``FROM python:3.12-alpine`` runs on musllinux-aarch64)."""
    if d.kind != "compose" or d.context is None or not d.platforms:
        return d.platforms
    folder = posixpath.normpath(d.context)
    built = [
        b
        for b in project.deployments
        if b.kind == "docker" and posixpath.dirname(posixpath.normpath(b.file)) == folder
    ]
    if (
        built
        and all(p.startswith("musllinux-") for b in built for p in b.platforms)
        and any(b.platforms for b in built)
    ):
        return tuple(
            p.replace("linux-", "musllinux-", 1) if p.startswith("linux-") else p
            for p in d.platforms
        )
    return d.platforms


def _deployed_pythons(
    knowledge: Knowledge, project: Project, ci: bool
) -> tuple[dict[str, Deployment], list[Finding]]:
    """The CPython minors the deployments run (``ci``: the CI matrices instead) -> the first
    deployment naming each; one finding per minor aap-advise has no data on."""
    known = {p.version for p in knowledge.pythons}
    out: dict[str, Deployment] = {}
    unknown: set[str] = set()
    findings: list[Finding] = []
    for d in project.deployments:
        if (d.kind == "ci") != ci:
            continue
        for py in d.pythons:
            if py.removesuffix(FREE_THREADED) in known:
                out.setdefault(py, d)
            elif py not in unknown:
                unknown.add(py)
                findings.append(
                    Finding(
                        "deployment-python-unknown",
                        "warning",
                        f"{d.where} runs CPython {py}, which aap-advise has no data on; "
                        "it is left out of the scope",
                        SourceLocation(d.file, d.line),
                    )
                )
    return out, findings


def python_scope(
    knowledge: Knowledge, project: Project, override: str | None, today: dt.date
) -> PythonScope:
    """Pick the CPythons to plan for.

    ``--python`` wins; then the project's declared range; a CPython a deployment file runs
    (:attr:`~advisor.model.project.Project.deployments`, CI matrices aside) is always added,
    said in a finding. Without either, the deployments' CPythons, else the CI matrices', else
    every CPython released by ``today`` and not past its end of life. A minor counts when it is released on or
    before ``today`` and the range admits X.Y.0 or a later X.Y.z. A bare ``--python 3.13t``
    asks for the free-threaded build of 3.13 (PEP 703): the scope holds ``"3.13t"``.

    :raises UsageError: for an invalid ``--python`` or one that selects no released CPython.
    """
    released = [p for p in knowledge.pythons if p.released <= today]
    findings: list[Finding] = []
    spec: str | None = None
    source = ""
    suffix = ""
    if override is not None:
        if (threaded := _free_threaded(override)) is not None:
            if threaded < FIRST_FREE_THREADED:
                raise UsageError(
                    f"--python {override!r}: CPython has free-threaded builds from "
                    f"{'.'.join(map(str, FIRST_FREE_THREADED))} on (PEP 703)",
                    code="bad-python",
                )
            override, suffix = "{}.{}".format(*threaded), FREE_THREADED
        spec, source = _normalise(override), "--python"
        try:
            if unparsable_version(SpecifierSet(spec)) is not None:
                raise InvalidSpecifier(spec)
        except InvalidSpecifier:
            raise UsageError(
                f"--python: not a version specifier: {excerpt(override)!r}", code="bad-python"
            ) from None
    elif project.python is not None:
        if _is_specifier(project.python.spec):
            spec, source = project.python.spec, project.python.source
        else:
            findings.append(
                Finding(
                    "python-range-invalid",
                    "warning",
                    f"ignoring the Python range {project.python.spec!r} from {project.python.source}: not a version specifier",
                )
            )
    deployed, unknown = _deployed_pythons(knowledge, project, ci=False)
    findings += unknown
    if spec is None:
        ci, unknown = _deployed_pythons(knowledge, project, ci=True)
        chosen = deployed or ci
        if chosen:
            findings += [] if deployed else unknown
            order = [p.version for p in knowledge.pythons]
            versions = tuple(
                sorted(chosen, key=lambda v: order.index(v.removesuffix(FREE_THREADED)))
            )
            places = ", ".join(dict.fromkeys(chosen[v].where for v in versions))
            what = "deployment" if deployed else "CI matrix (no declared range or deployment)"
            return PythonScope(
                None,
                f"{what}: {places}",
                versions,
                tuple(findings),
                tuple((v, chosen[v].where) for v in versions),
            )
        eol = f"CPythons not past end of life on {today.isoformat()}"
        versions = tuple(p.version for p in released if p.end_of_life >= today)
        return PythonScope(None, eol, versions, tuple(findings), tuple((v, eol) for v in versions))
    versions = tuple(p.version + suffix for p in released if minor_admitted(spec, p.version))
    if not versions and override is not None:
        raise UsageError(
            f"--python {override + suffix!r} admits no released CPython", code="bad-python"
        )
    origins = dict.fromkeys(versions, source)
    for py, d in deployed.items():
        if (have := py if py in origins else py + FREE_THREADED) in origins:
            origins[have] += f" and {d.where}"
            continue
        origins[py] = d.where
        findings.append(
            Finding(
                "deployment-python-added",
                "warning" if override is None else "info",
                f"{d.where} runs CPython {py}, outside {source} ({spec}): planned for it too",
                SourceLocation(d.file, d.line),
            )
        )
    order = [p.version for p in knowledge.pythons]
    ordered = sorted(origins, key=lambda v: order.index(v.removesuffix(FREE_THREADED)))
    return PythonScope(
        spec,
        source,
        tuple(ordered),
        tuple(findings),
        tuple((v, origins[v]) for v in ordered),
    )


@lru_cache(maxsize=256)
def _is_specifier(text: str) -> bool:
    """``text`` is a version specifier: asked once per declared range (a monorepo's projects
    declare a handful), not once per project."""
    try:
        SpecifierSet(text)
    except InvalidSpecifier:
        return False
    return True


#: The first CPython with a free-threaded build.
FIRST_FREE_THREADED = (3, 13)


def _free_threaded(text: str) -> tuple[int, int] | None:
    """``"3.13t"`` -> ``(3, 13)``: a bare free-threaded X.Yt, as uv accepts it; else ``None``."""
    parsed = parse_python(text.strip())
    if parsed is None or not parsed[2]:
        return None
    return parsed[0], parsed[1]


def _normalise(text: str) -> str:
    """Accept a bare ``3.12`` for ``==3.12.*`` as uv and pip's ``--python-version`` do."""
    text = text.strip()
    parts = text.split(".")
    if text and all(p.isdigit() for p in parts) and len(parts) in (1, 2):
        return f"=={text}.*"
    return text
