"""The JSON report (``--format json``), schema version 4. The schema is documented in README.md.

Version 3 holds a run of several projects: ``projects`` lists each (always a list, even for
one) with the fields version 2 had at the top level, their meaning unchanged, plus its
``root`` and ``status``; the run's ``status`` (the worst) and ``data`` stay at the top.
Version 4 adds what the deployment files say: ``deployment`` is the list of them (it was the
AWS Lambda decision, now ``runs_in``), and ``python.origins`` says where each CPython in scope
came from.
"""

from __future__ import annotations

import json
from typing import Any, assert_never

from advisor.model.advice import (
    Advice,
    Blocker,
    Change,
    Impossible,
    NeverRuns,
    Ok,
    ProjectAdvice,
    Report,
    Split,
    SplitPart,
    Upgrade,
    Verdict,
)
from advisor.model.deployment import Deployment as DeploymentFact
from advisor.model.environment import Environment
from advisor.model.excerpt import redact_url
from advisor.model.project import Finding, SourceLocation

SCHEMA_VERSION = 4
"""2 was one project's report; 3 lists the projects of a run; 4 reads deployment files (see the
module's docstring)."""


def _loc(loc: SourceLocation | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    out: dict[str, Any] = {"file": loc.file, "line": loc.line}
    if loc.key:
        out["key"] = loc.key
    return out


def _change(c: Change) -> dict[str, Any]:
    return {
        "package": c.package,
        "kind": c.kind,
        "from": c.from_version,
        "to": c.to_version,
        "from_specifier": c.from_specifier,
        "to_specifier": c.to_specifier,
        "marker": c.marker,
        "reason": c.reason,
        "source": _loc(c.source),
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "id": f.id,
        "severity": f.severity,
        "message": redact_url(f.message),
        "file": f.location.file if f.location else None,
        "line": f.location.line if f.location else None,
    }


def _recommendation(rec: Verdict) -> dict[str, Any]:
    """One shape for every verdict: a field the verdict does not have is null, false or empty."""
    ddtrace: str | None = None
    split: tuple[SplitPart, ...] = ()
    changes: tuple[Change, ...] = ()
    resolved = False
    tried: tuple[str, ...] = ()
    blockers: tuple[Blocker, ...] = ()
    never: tuple[NeverRuns, ...] = ()
    suggestions: tuple[Change, ...] = ()
    match rec:
        case Ok():
            ddtrace, suggestions, split = rec.ddtrace, rec.suggestions, rec.by_python
        case Upgrade():
            ddtrace, changes, resolved, tried = rec.ddtrace, rec.changes, rec.resolved, rec.tried
        case Split():
            split, changes = rec.split, rec.changes
        case Impossible():
            blockers, tried, never = rec.blockers, rec.tried, rec.never_runs
        case _:
            assert_never(rec)
    return {
        "status": rec.status,
        "ddtrace": ddtrace,
        "floor": rec.floor,
        "floor_reasons": [{"version": r.version, "reason": r.reason} for r in rec.floor_reasons],
        "per_python": dict(rec.per_python),
        "split": [
            {
                "marker": p.marker,
                "pythons": list(p.pythons),
                "ddtrace": p.ddtrace,
                "capabilities_off": list(p.off),
            }
            for p in split
        ],
        "changes": [_change(c) for c in changes],
        "suggestions": [_change(c) for c in suggestions],
        "resolved": resolved,
        "tried": list(tried),
        "blockers": [
            {"package": b.package, "wants": list(b.wants), "hint": b.hint} for b in blockers
        ],
        "never_runs": [
            {"capability": n.capability, "where": list(n.where), "reason": n.reason} for n in never
        ],
    }


def to_dict(report: Report) -> dict[str, Any]:
    """The report as plain data (the JSON document before serialisation)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "status": report.status,
        "projects": [project_dict(p) for p in report.projects],
        "data": {"snapshot_date": report.snapshot_date, "today": report.today.isoformat()},
    }


def project_dict(p: ProjectAdvice) -> dict[str, Any]:
    """One element of ``projects``: its root and status, then :func:`advice_dict`'s fields.

    A ``no-ddtrace`` project has the same keys, each null or empty but for its files, Python
    range, environment and findings.
    """
    head = {"root": p.root, "status": p.status}
    if p.advice is not None:
        return head | advice_dict(p.advice)
    return head | {
        "files": list(p.files),
        "python": {
            "spec": p.python_spec,
            "source": p.python_source,
            "versions": [],
            "origins": {},
        },
        "platforms": [],
        "environment": _environment(p.environment),
        "runs_in": None,
        "deployment": [_deployment(d) for d in p.deployments],
        "ddtrace": None,
        "requested": [],
        "capabilities": [],
        "recommendation": None,
        "integrations": [],
        "findings": [_finding(f) for f in p.findings],
        "ignored": [],
    }


def _environment(env: Environment) -> dict[str, Any]:
    return {
        "groups": list(env.groups),
        "excluded": [{"name": e.name, "packages": e.packages} for e in env.excluded],
    }


def _deployment(d: DeploymentFact) -> dict[str, Any]:
    """One deployment: what a Dockerfile stage, compose service, Kubernetes resource, ECS task,
    Lambda function or CI file says. Only ``DD_*`` variables are in ``env``; a secret-looking
    one, or one set from a reference, has a null value."""
    dd = d.ddtrace
    return {
        "kind": d.kind,
        "file": d.file,
        "line": d.line,
        "name": d.name,
        "pythons": list(d.pythons),
        "platforms": list(d.platforms),
        "ddtrace": None
        if dd is None
        else {
            "version": dd.version,
            "how": dd.how,
            "specifier": dd.specifier,
            "line": dd.line,
            "layer": dd.layer,
        },
        "env": {e.name: e.value for e in d.env},
        "aws_lambda": d.aws_lambda,
        "ddtrace_run": d.ddtrace_run,
    }


def advice_dict(advice: Advice) -> dict[str, Any]:
    """A project's advice: the fields of a schema 2 report but ``schema_version`` and ``data``."""
    d = advice.ddtrace
    return {
        "files": list(advice.files),
        "python": {
            "spec": advice.python_spec,
            "source": advice.python_source,
            "versions": list(advice.python_versions),
            "origins": dict(advice.python_origins),
        },
        "platforms": list(advice.platforms),
        "environment": _environment(advice.environment),
        "runs_in": None
        if advice.deployment is None
        else {"kind": advice.deployment, "source": advice.deployment_source},
        "deployment": [_deployment(d) for d in advice.deployments],
        "ddtrace": None
        if d is None
        else {
            "current": d.current,
            "specifier": d.specifier,
            "locked": [
                {"version": lv.version, "marker": lv.marker, "source": _loc(lv.source)}
                for lv in d.locked
            ],
            "url": redact_url(d.url) if d.url else d.url,  # its credentials never shown
            "source": _loc(d.source),
        },
        "requested": list(advice.requested),
        "capabilities": [
            {
                "id": c.id,
                "name": c.name,
                "min_version": c.min_version,
                "project_min_version": c.project_min_version,
                "status": c.status,
                "after": c.after,
                "reason": c.reason,
            }
            for c in advice.capabilities
        ],
        "recommendation": _recommendation(advice.recommendation),
        "integrations": [
            {
                "id": i.id,
                "name": i.name,
                "distribution": i.distribution,
                "version": i.version,
                "specifier": i.specifier,
                "covers": list(i.covers),
                "auto_instrumented": i.auto_instrumented,
                "unsupported": i.unsupported,
                "documented": i.documented,
                "source": _loc(i.source),
            }
            for i in advice.integrations
        ],
        "findings": [_finding(f) for f in advice.findings],
        "ignored": [
            {
                "id": i.id,
                "reason": i.reason,
                "until": i.until.isoformat() if i.until else None,
                "count": i.count,
                "source": _loc(i.source),
            }
            for i in advice.ignored
        ],
    }


def render(report: Report) -> str:
    """The JSON report, indented, with a trailing newline."""
    return json.dumps(to_dict(report), indent=2) + "\n"
