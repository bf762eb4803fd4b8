"""One word per concept, for every report a person reads (issue 17).

A version is *pinned* (``==``), *locked* (a lock file or a compiled requirements file) or
*declared* (a range); an unpinned ddtrace is *any version*; a capability is *available*, *needs
an upgrade* or *unavailable*. The JSON report keeps its machine values (``needs-upgrade``); these
are the words shown beside them.
"""

from __future__ import annotations

from typing import Final

from advisor.model.advice import Advice, CapabilityStatus, Change, DdtraceState
from advisor.model.deployment import Deployment as DeploymentFact

ANY_VERSION: Final = "any version"
"""A dependency declared without a version or range (``ddtrace``, ``ddtrace @ URL``)."""
NOT_DECLARED: Final = "not declared"
"""A package the project does not list at all."""
REMOVED: Final = "removed"
"""Where a change takes a package out."""
BY_HAND: Final = "by hand"
"""A change ``--fix`` leaves to the user (a framework below the target's range)."""

CAPABILITY: Final[dict[CapabilityStatus, str]] = {
    "available": "available",
    "needs-upgrade": "needs an upgrade",
    "unavailable": "unavailable",
}


def capability(status: CapabilityStatus) -> str:
    """``needs an upgrade`` for ``needs-upgrade``."""
    return CAPABILITY[status]


def version(d: DdtraceState | None) -> str:
    """The project's ddtrace in one short value: ``2.3.0``, ``>=2,<3``, ``any version``."""
    if d is None:
        return NOT_DECLARED
    return d.current or d.specifier or ANY_VERSION


def ddtrace_state(d: DdtraceState | None) -> str:
    """How the project has ddtrace: ``pinned 2.3.0``, ``declared >=2, locked 2.3.0``,
    ``declared >=2,<3``, ``any version``, ``not declared``."""
    if d is None:
        return NOT_DECLARED
    parts = []
    if d.specifier:
        exact = d.specifier.removeprefix("===").removeprefix("==")
        pinned = d.specifier.startswith("==") and exact == d.current
        parts.append(f"pinned {exact}" if pinned else f"declared {d.specifier}")
    if d.locked:
        parts.append(
            "locked "
            + ", ".join(lv.version + (f" [{lv.marker}]" if lv.marker else "") for lv in d.locked)
        )
    elif d.current and not parts:
        parts.append(f"pinned {d.current}")
    if not parts:
        return ANY_VERSION + (" (a direct reference)" if d.url else "")
    return ", ".join(parts)


def change_from(ch: Change) -> str:
    """What a change moves from: the version, else the range, else ``any version`` (declared
    without one) or ``not declared`` (the project does not list the package)."""
    if ch.from_version or ch.from_specifier:
        return ch.from_version or ch.from_specifier or ""
    return ANY_VERSION if ch.source is not None else NOT_DECLARED


def change_to(ch: Change) -> str:
    """What a change moves to: the version, else the range, else ``removed``."""
    return ch.to_version or ch.to_specifier or REMOVED


#: How each way of bringing ddtrace reads in a report.
_HOW = {"pip": "installed", "admission": "injected by the admission controller", "layer": "layer"}


def deployment(d: DeploymentFact) -> str:
    """One deployment in a line: ``docker at Dockerfile:3: CPython 3.11 on musllinux-aarch64,
    ddtrace 2.3.0 installed (line 9), runs ddtrace-run, sets DD_APPSEC_ENABLED=true``."""
    runs = " ".join(
        part
        for part in (
            "CPython " + ", ".join(d.pythons) if d.pythons else "",
            "on " + ", ".join(d.platforms) if d.platforms else "",
            "in AWS Lambda" if d.aws_lambda else "",
        )
        if part
    )
    parts = [runs] if runs else []
    if (dd := d.ddtrace) is not None:
        ver = dd.version or dd.specifier or ANY_VERSION
        layer = f" {dd.layer}" if dd.layer is not None else ""
        text = f"ddtrace {ver} {_HOW[dd.how]}{layer}"
        if dd.how == "layer":
            known = f"ddtrace {ver}" if dd.specifier else "its ddtrace is not known"
            text = f"Datadog Python layer{layer} ({known})"
        parts.append(text + (f" (line {dd.line})" if dd.line is not None else ""))
    if d.ddtrace_run:
        parts.append("runs ddtrace-run")
    if d.env:
        shown = [f"{e.name}={e.value}" if e.value is not None else e.name for e in d.env]
        parts.append("sets " + ", ".join(shown))
    name = f" {d.name}" if d.name else ""
    return f"{d.kind}{name} at {d.where}: " + ("; ".join(parts) or "nothing aap-advise uses")


def python_origins(advice: Advice) -> str:
    """``3.11 from Dockerfile:3; 3.9 from tox.ini:4``: the CPythons in scope that came from
    somewhere else than the range's source (a deployment file); ``""`` when none did."""
    other = [(v, where) for v, where in advice.python_origins if where not in advice.python_source]
    return "; ".join(f"{v} from {where}" for v, where in other)
