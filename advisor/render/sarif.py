"""SARIF 2.1.0 (``--format sarif``) for GitHub code scanning.

Only what a reviewer should act on becomes a result: the recommendation (rule
``ddtrace-upgrade``), each framework to move by hand (rule ``framework-upgrade``), and each
finding of severity ``error`` or ``warning``. Notes (``info``: "X is true by default; keep it",
the Agent minimum) stay in the text, Markdown and JSON reports: an alert is something to fix.

Every result has a file and a line (``physicalLocation`` with ``region.startLine``); code
scanning shows nothing for a result without one. A result is placed on the line it is about (a
``ddtrace==...`` or ``django==...`` line); one with no place of its own (an environment switch,
a CPython left out) is about ddtrace's configuration, so it goes on the ddtrace declaration;
without one, on the project's first file (its main manifest) at line 1, as is a place known
only by file or TOML key.

Each result carries a stable fingerprint (``partialFingerprints``) made of the rule, the file,
the subject (the package, the environment variable, the CPython) and the kind of issue, never
the message or the line: a rewording, a new target version or an edit above the pin keeps the
alert.

A run of several projects is one SARIF run holding every project's results; each result's
message then starts with the project's folder and ``properties.project`` names it, and the
run's ``properties.projects`` lists each project with its ddtrace now, after, and status.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, assert_never
from urllib.parse import quote

from advisor import __version__
from advisor.model.advice import (
    Advice,
    Impossible,
    Ok,
    ProjectAdvice,
    Report,
    Split,
    Upgrade,
)
from advisor.model.excerpt import redact_url
from advisor.model.project import Finding, Severity, SourceLocation
from advisor.model.release import DDTRACE
from advisor.render import words
from advisor.render.text import current, single, target, verdict

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
UPGRADE_RULE = "ddtrace-upgrade"
FRAMEWORK_RULE = "framework-upgrade"
FINGERPRINT_KEY = "aapAdvise/v2"
"""The ``partialFingerprints`` key; bump the suffix if what is hashed ever changes (v1 hashed
the message text)."""

_LEVEL: dict[Severity, str | None] = {"error": "error", "warning": "warning", "info": None}
"""A finding's SARIF ``level``; ``None``: not a result (a note is nothing to act on)."""

# Rule titles (code scanning lists alerts by them). A finding id not named here still gets a
# rule, titled from the id itself, so a new finding never breaks the report; add its title here.
_TITLES = {
    UPGRADE_RULE: "ddtrace is below the smallest release that unlocks the requested capabilities",
    FRAMEWORK_RULE: "A web framework is below the range the ddtrace target supports (move it by hand)",
    "framework-undocumented": "A web framework AAP does not document for HTTP monitoring and blocking",
    "ato-manual-only": "Account Takeover Protection needs the user-events SDK on this framework",
    "branch-unsupported": "The ddtrace release branch is past its support end",
    "capability-platform-gate": "A requested capability never runs on a requested platform",
    "constraint-widened": "A version constraint was read more widely than written",
    "coupgrade-offline": "Co-upgrades were compared with ddtrace's requirements, not resolved",
    "coupgrade-unchecked": "Co-upgrades could not be checked",
    "coverage-caveat": "A framework is covered with a caveat",
    "ddtrace-absent": "The project does not declare ddtrace",
    "ddtrace-not-in-snapshot": "The ddtrace version is not in the release snapshot",
    "ddtrace-version-unknown": "The ddtrace version cannot be told from the files",
    "ddtrace-yanked": "The ddtrace version is yanked",
    "dynamic-dependencies": "Dependencies are computed by the build backend",
    "dynamic-file-missing": "A file named for dynamic dependencies does not exist",
    "deployment-python-added": "A deployment runs a CPython outside the declared range",
    "deployment-python-unknown": "A deployment runs a CPython aap-advise has no data on",
    "env-conflict": "A deployment file sets an AAP switch against a requested capability",
    "env-default": "An AAP environment switch is on by default",
    "env-switch": "An AAP environment switch must be set",
    "grpc-monitoring-removed": "gRPC threat monitoring is gone in newer ddtrace",
    "index-note": "The package index reported a problem",
    "index-skipped": "Indexes that are not http(s) were skipped",
    "integration-range-partial": "A declared range admits versions the target ddtrace does not support",
    "integration-outside-range": "A framework or library version is outside the range the target ddtrace supports",
    "integration-too-old": "A framework or library is older than the target ddtrace supports",
    "integration-unsupported": "A framework or library is not covered by AAP",
    "integration-untested": "A framework or library version is outside ddtrace's tested range",
    "invalid-requires-python": "The declared Python range cannot be read",
    "lock-minor-version": "The lock file is newer than the format version read",
    "metadata-unknown": "Package requirements could not be read",
    "no-python": "No released CPython matches the Python range",
    "python-range-invalid": "The declared Python range is not a version specifier",
    "python-unserved": "A CPython in scope is served by no ddtrace release",
    "remote-include": "A remote requirements include is not read",
    "resolution-blocker": "A requirement blocks the ddtrace upgrade",
    "resolution-impossible": "No ddtrace release installs with the project's requirements",
    "unnamed-requirement": "A requirement names no package",
    "unreadable-requirement": "A requirement cannot be read",
    "version-from-git-ref": "A version was taken from a git ref",
}


# JSON escapes C0 controls itself; these it leaves raw with ensure_ascii=False, and a terminal
# acts on them (0x9b is CSI; bidi overrides reorder what is shown). Only strings can hold them.
_UNSAFE = re.compile(r"[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def render(report: Report, root: str | None = None) -> str:
    """The SARIF log as indented JSON; paths are made relative to ``root`` (default: the cwd).

    Letters of any script are written as they are; control characters as ``\\uXXXX`` escapes,
    so the log reads back the same and shows nothing raw on a terminal.
    """
    text = json.dumps(to_dict(report, root), indent=2, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def to_dict(report: Report, root: str | None = None) -> dict[str, Any]:
    """The SARIF log as plain data: one run, with the results of every project."""
    base = Path(os.path.normpath(Path(root).absolute())) if root else Path.cwd()
    rules: dict[str, dict[str, Any]] = {UPGRADE_RULE: _rule(UPGRADE_RULE, "warning")}
    found = [(p, advice_results(p, base, rules)) for p in report.projects]
    # Fingerprints are taken before a message gets its project's folder: an alert keeps its
    # identity when a second project appears beside the first.
    _fingerprint([r for _, results in found for r in results])
    properties: dict[str, Any] = {
        "status": report.status,
        "snapshotDate": report.snapshot_date,
        "today": report.today.isoformat(),
    }
    if single(report) is None:  # several projects: say which each result is about
        for p, results in found:
            for r in results:
                r.sarif["message"]["text"] = f"{p.root}: {r.sarif['message']['text']}"
                r.sarif["properties"] = {"project": p.root}
        properties["projects"] = [
            {
                "root": p.root,
                "current": current(p) if p.advice is not None else None,
                "target": target(p) if p.advice is not None else None,
                "status": p.status,
            }
            for p in report.projects
        ]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "aap-advise",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": list(rules.values()),
                    }
                },
                "results": [r.sarif for _, results in found for r in results],
                "properties": properties,
            }
        ],
    }


@dataclass(frozen=True, slots=True)
class Result:
    """A SARIF result and what identifies it across runs (see :func:`_fingerprint`).

    :param sarif: the result object, as written.
    :param subject: what it is about: a package, an environment variable, a CPython, a TOML
        key; ``""`` when the rule and file say it all.
    :param kind: the kind of issue within its rule (``upgrade`` or ``impossible`` for
        ``ddtrace-upgrade``); ``""`` when the rule is the kind.
    """

    sarif: dict[str, Any]
    subject: str = ""
    kind: str = ""


def advice_results(p: ProjectAdvice, base: Path, rules: dict[str, dict[str, Any]]) -> list[Result]:
    """One project's results: the recommendation, the frameworks to move, the findings to act
    on; each rule they use is added to ``rules``."""
    advice = p.advice
    if advice is None:  # no ddtrace: only what reading its files found, on its first file
        home = SourceLocation(p.files[0]) if p.files else None
        return _findings(p.findings, home, {}, base, rules)
    home = _home(advice)
    results: list[Result] = []
    upgrade = _upgrade_result(advice, home, base)
    if upgrade is not None:
        results.append(upgrade)
    frameworks = _framework_results(advice, home, base)
    if frameworks:
        rules.setdefault(FRAMEWORK_RULE, _rule(FRAMEWORK_RULE, "warning"))
        results += frameworks
    return results + _findings(advice.findings, home, _declared_at(advice), base, rules)


def _findings(
    findings: tuple[Finding, ...],
    home: SourceLocation | None,
    packages: Mapping[tuple[str, int | str], str],
    base: Path,
    rules: dict[str, dict[str, Any]],
) -> list[Result]:
    out = []
    for f in findings:
        level = _LEVEL[f.severity]
        if level is None:
            continue
        rules.setdefault(f.id, _rule(f.id, level))
        message = redact_url(f.message)
        result = _result(f.id, level, message, f.location or home, base)
        if result is not None:
            out.append(Result(result, _subject(f, packages)))
    return out


_ENV_VAR = re.compile(r"\bDD_[A-Z0-9_]+\b")
_CPYTHON = re.compile(r"\bCPython (\d+\.\d+t?)\b")


#: A list index in a TOML key path (``dependencies[3]``).
_LIST_INDEX = re.compile(r"\[\d+\]")


def _subject(f: Finding, packages: Mapping[tuple[str, int | str], str]) -> str:
    """What ``f`` is about, for its fingerprint; never its wording.

    A finding placed in a file is about the TOML key it names, or the package declared on its
    line. One without a place is about the environment variable or CPython it names (an
    identifier, which any rewording keeps). Else ``""``: the rule and the file tell it apart
    from the others (repeats are counted, see :func:`_fingerprint`).
    """
    where = f.location
    if where is not None:
        # The package declared there first: a key such as ``project.dependencies[3]`` holds
        # a list index, which an entry added above shifts, and a one-line list holds several
        # packages on one line.
        if where.key:
            known = packages.get((where.file, f"key:{where.key}"))
            return f"package:{known}" if known else f"key:{_LIST_INDEX.sub('[]', where.key)}"
        if where.line is not None and (where.file, where.line) in packages:
            return f"package:{packages[where.file, where.line]}"
        return ""
    for pattern, what in ((_ENV_VAR, "env"), (_CPYTHON, "python")):
        m = pattern.search(f.message)
        if m:
            return f"{what}:{m.group(m.lastindex or 0)}"
    return ""


def _declared_at(advice: Advice) -> dict[tuple[str, int | str], str]:
    """The package declared on each line, and at each TOML key (``"key:..."``), the advice
    knows of: ddtrace's, each change's, each framework or library found."""
    out: dict[tuple[str, int | str], str] = {}
    places: list[tuple[SourceLocation | None, str]] = [
        (i.source, i.distribution) for i in advice.integrations
    ]
    rec = advice.recommendation
    match rec:
        case Upgrade() | Split():
            places += [(c.source, c.package) for c in rec.changes]
        case Ok():
            places += [(c.source, c.package) for c in rec.suggestions]
        case Impossible():
            pass
        case _:
            assert_never(rec)
    d = advice.ddtrace
    if d is not None:
        places += [(d.source, DDTRACE)] + [(lv.source, DDTRACE) for lv in d.locked]
    for where, package in places:
        if where is not None and where.key:
            out.setdefault((where.file, f"key:{where.key}"), package)
        if where is not None and where.line is not None:
            out.setdefault((where.file, where.line), package)
    return out


def _home(advice: Advice) -> SourceLocation | None:
    """Where ddtrace is declared; else the first file read (the place ddtrace would be added)."""
    d = advice.ddtrace
    if d is not None and d.source is not None:
        return d.source
    return SourceLocation(advice.files[0]) if advice.files else None


def _rule(rule_id: str, level: str) -> dict[str, Any]:
    title = _TITLES.get(rule_id) or rule_id.replace("-", " ").capitalize()
    return {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.split("-")),
        "shortDescription": {"text": title},
        "defaultConfiguration": {"level": level},
    }


def _upgrade_result(advice: Advice, home: SourceLocation | None, base: Path) -> Result | None:
    rec = advice.recommendation
    match rec:
        case Ok():
            return None
        case Upgrade() | Split():
            if all(c.kind == "framework" for c in rec.changes):
                return None  # ddtrace stays: only the framework results say anything
            text = verdict(advice)
            unlocks = [
                c.name
                for c in advice.capabilities
                if c.status == "needs-upgrade" and c.after == "available"
            ]
            if unlocks:
                text += f"; this makes {', '.join(unlocks)} available"
            level, kind = "warning", "upgrade"  # a split is an upgrade on some CPythons
        case Impossible():
            text, level, kind = verdict(advice), "error", "impossible"
        case _:
            assert_never(rec)
    result = _result(UPGRADE_RULE, level, text, home, base)
    return Result(result, f"package:{DDTRACE}", kind) if result is not None else None


def _framework_results(advice: Advice, home: SourceLocation | None, base: Path) -> list[Result]:
    """One result per framework change, on the line that declares the framework."""
    rec = advice.recommendation
    match rec:
        case Upgrade() | Split():
            changes = [c for c in rec.changes if c.kind == "framework"]
        case Ok() | Impossible():
            changes = []
        case _:
            assert_never(rec)
    out = []
    for c in changes:
        why = f": {c.reason}" if c.reason else ""
        was = words.change_from(c)
        text = f"{c.package} {was} -> {c.to_specifier} (framework, {words.BY_HAND}){why}"
        result = _result(FRAMEWORK_RULE, "warning", text, c.source or home, base)
        if result is not None:
            out.append(Result(result, f"package:{c.package}"))
    return out


def _result(
    rule_id: str, level: str, message: str, where: SourceLocation | None, base: Path
) -> dict[str, Any] | None:
    """A result on ``where`` (line 1 when it names no line); ``None`` without a place: code
    scanning would not show it."""
    if where is None:
        return None
    physical = {
        "artifactLocation": _artifact(where.file, base),
        "region": {"startLine": where.line if where.line is not None else 1},
    }
    return {
        "ruleId": rule_id,
        "level": level,
        "message": {"text": message},
        "locations": [{"physicalLocation": physical}],
    }


def _artifact(path: str, base: Path) -> dict[str, str]:
    """A URI relative to ``%SRCROOT%`` (code scanning's checkout root); absolute when outside it."""
    # An absolute ``path`` wins the join; normpath folds ".." without following symlinks.
    full = Path(os.path.normpath(base / path))
    try:
        rel = full.relative_to(base)
    except ValueError:  # outside the root, or on another drive
        return {"uri": full.as_uri()}
    return {"uri": quote(rel.as_posix()), "uriBaseId": "%SRCROOT%"}


def _fingerprint(results: list[Result]) -> None:
    """Stable ``partialFingerprints``: rule, file, subject and kind; never the message or line.

    Lines move as files are edited and messages are reworded (or name a new target); keeping
    both out lets code scanning follow one alert across commits and releases. Results alike in
    all four (two findings of one rule about nothing more specific) get a counter, in order,
    so they stay two alerts.
    """
    seen: dict[str, int] = {}
    for r in results:
        uri = r.sarif["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        parts = (r.sarif["ruleId"], uri, r.subject, r.kind)
        digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
        seen[digest] = seen.get(digest, 0) + 1
        r.sarif["partialFingerprints"] = {FINGERPRINT_KEY: f"{digest}:{seen[digest]}"}
