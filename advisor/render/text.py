"""The human report (``--format text``): the verdict first, then why, then what to do.

A run with several projects opens with one line per project, then each project's report under
a heading naming its folder; the release data closes the whole. The wording helpers shared by
every format (:func:`verdict`, :func:`summary`, :func:`current`, :func:`target`) live here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, assert_never

from advisor.errors import printable
from advisor.model.advice import (
    PROJECT_STATUSES,
    Advice,
    Blocker,
    Change,
    FoundIntegration,
    Impossible,
    Ok,
    ProjectAdvice,
    ProjectStatus,
    Report,
    Split,
    Upgrade,
    Verdict,
    where_text,
)
from advisor.model.excerpt import redact_url
from advisor.model.project import Finding


def verdict(advice: Advice) -> str:
    """One line: what to do."""
    rec = advice.recommendation
    match rec:
        case Ok():
            if rec.by_python:
                has = " and ".join(
                    f"{p.ddtrace} (CPython {', '.join(p.pythons)})" for p in rec.by_python
                )
                return f"ok: ddtrace {has} already give every requested capability"
            return f"ok: ddtrace {rec.ddtrace} already gives every requested capability"
        case Upgrade():
            frameworks = framework_moves(rec.changes)
            if frameworks and all(c.kind == "framework" for c in rec.changes):
                return (
                    f"upgrade {frameworks} by hand: ddtrace {rec.ddtrace} already gives every "
                    "requested capability but does not support the version used"
                )
            return _ddtrace_move(advice, rec) + (
                f", and {frameworks} by hand" if frameworks else ""
            )
        case Split():
            parts = "; ".join(
                f"{p.ddtrace} for CPython {', '.join(p.pythons)}"
                + (f" ({', '.join(p.off)} off there)" if p.off else "")
                for p in rec.split
            )
            frameworks = framework_moves(rec.changes)
            return f"split ddtrace by Python version: {parts}" + (
                f"; and upgrade {frameworks} by hand" if frameworks else ""
            )
        case Impossible():
            if rec.never_runs:
                never = "; ".join(_never(n.name, n.where) for n in rec.never_runs)
                if len(rec.never_runs) < len(advice.requested):
                    never += " (drop it from -c to plan the others)"
                return never
            return "no ddtrace release can give the requested capabilities on these CPythons and platforms"
        case _:
            assert_never(rec)


def _never(name: str, where: Sequence[str]) -> str:
    if not where:
        return f"{name} is not supported by AAP for Python"
    return f"{name} never runs {where_text(where)}"


def _ddtrace_move(advice: Advice, rec: Upgrade) -> str:
    d = advice.ddtrace
    if d is None:
        return f"add ddtrace>={rec.ddtrace} (the project does not declare ddtrace)"
    if d.current:
        return f"upgrade ddtrace {d.current} -> {rec.ddtrace}"
    return f"raise ddtrace{d.specifier or ' (any version)'} -> >={rec.ddtrace}"


def framework_moves(changes: Sequence[Change]) -> str:
    """``django 1.11 -> >=2.2.8, flask 1.0 -> >=1.1.4``: the framework changes, or ``""``."""
    return ", ".join(
        f"{c.package} {_from(c)} -> {c.to_specifier}" for c in changes if c.kind == "framework"
    )


def _from(ch: Change) -> str:
    return ch.from_version or ch.from_specifier or "(absent)"


def _per_python(rec: Verdict) -> str:
    return ", ".join(f"{py}: {v or 'none'}" for py, v in rec.per_python.items())


def _changes(changes: Sequence[Change]) -> list[str]:
    if not changes:
        return []
    lines = ["", "Changes:"]
    for ch in changes:
        where = f"  [{ch.source}]" if ch.source else ""
        to = ch.to_version or ch.to_specifier or "(removed)"
        if ch.kind == "framework":
            to += " (framework, by hand)"
        marker = f" ; {ch.marker}" if ch.marker else ""
        why = f"  ({ch.reason})" if ch.reason else ""
        lines.append(f"  {ch.package} {_from(ch)} -> {to}{marker}{why}{where}")
    return lines


def covers(i: FoundIntegration) -> str:
    """What AAP covers of a framework or library found, in a few words."""
    if i.covers:
        return ", ".join(i.covers)
    if i.unsupported:
        return f"not covered: {i.unsupported}"
    return "APM only" if i.documented else "not documented for AAP"


def _blockers(blockers: Sequence[Blocker]) -> list[str]:
    if not blockers:
        return []
    lines = ["", "Blocked by:"]
    for b in blockers:
        lines.append(f"  {b.package}: {' vs '.join(b.wants)}")
        lines.append(f"    to unblock: {b.hint}")
    return lines


def _finding(f: Finding) -> str:
    where = f" [{f.location}]" if f.location else ""
    return f"  - {redact_url(f.message)}{where}"


def ignored_note(advice: Advice) -> str:
    """``2 findings ignored by [tool.aap-advise] (pyproject.toml)``; ``""`` when none was."""
    count = sum(i.count for i in advice.ignored)
    if not count:
        return ""
    by = ", ".join(dict.fromkeys(i.by for i in advice.ignored if i.count))
    return f"{count} finding{'s' if count != 1 else ''} ignored by {by}"


def render(report: Report) -> str:
    """The text report: a run of one project as :func:`render_advice` shows it; several, an
    overview line per project, then each project's section, then the release data once."""
    only = single(report)
    if only is not None:
        return render_advice(only)
    lines = [f"aap-advise: {summary(report)}", ""]
    lines += _overview(report.projects)
    for p in report.projects:
        lines += ["", f"== {p.root} ==", ""]
        lines += _advice_lines(p.advice) if p.advice is not None else _no_ddtrace_lines(p)
    lines += ["", _release(report.snapshot_date, report.today.isoformat())]
    return _printable(lines)


def render_advice(advice: Advice) -> str:
    """The text report of one project (a run with one project shows just this)."""
    lines = _advice_lines(advice)
    lines += ["", _release(advice.snapshot_date, advice.today.isoformat())]
    return _printable(lines)


def _printable(lines: Sequence[str]) -> str:
    # File and folder names, quoted lines and URLs come from the files read: a control character
    # in one (an escape sequence, a bidi override) is shown escaped, never sent to the terminal.
    return "\n".join(printable(line) for line in lines) + "\n"


def _release(snapshot_date: str, today: str) -> str:
    return f"Release data: index snapshot of {snapshot_date}; judged on {today}."


def _advice_lines(advice: Advice) -> list[str]:
    """One project's report: verdict, what was read, capabilities, changes, findings."""
    rec = advice.recommendation
    lines = [f"aap-advise: {verdict(advice)}", ""]
    lines.append(f"  files:      {', '.join(advice.files) or '(none)'}")
    spec = f"{advice.python_spec} " if advice.python_spec else ""
    lines.append(
        f"  python:     {', '.join(advice.python_versions) or '(none)'}  [{spec}from {advice.python_source}]"
    )
    lines.append(f"  platforms:  {', '.join(advice.platforms)}")
    if advice.environment.worth_saying():
        lines.append(f"  environment: {advice.environment.summary()}")
    d = advice.ddtrace
    if d is None:
        lines.append("  ddtrace:    not declared")
    else:
        now = d.current or "version unknown"
        spec_txt = f" ({d.specifier})" if d.specifier and d.specifier != f"=={d.current}" else ""
        locked = (
            f"; locked {', '.join(lv.version + (f' [{lv.marker}]' if lv.marker else '') for lv in d.locked)}"
            if d.locked
            else ""
        )
        lines.append(f"  ddtrace:    {now}{spec_txt}{locked}  [{d.source}]")
    lines += ["", "Capabilities (needs: now -> after the advice):"]
    width = max((len(c.name) for c in advice.capabilities), default=0)
    for c in advice.capabilities:
        need = c.project_min_version or "-"
        extra = f"  ({c.reason})" if c.reason and c.status != "available" else ""
        after = f" -> {c.after}" if c.after and c.after != c.status else ""
        lines.append(f"  {c.name:<{width}}  {need:>8}  {c.status}{after}{extra}")
    if rec.floor_reasons:
        lines += ["", f"Floor {rec.floor}, set by:"]
        lines += [
            f"  {r.version:>8}  {r.reason}" for r in rec.floor_reasons if r.version == rec.floor
        ]
    if rec.per_python:
        lines += ["", f"Smallest release per CPython: {_per_python(rec)}"]
    match rec:
        case Upgrade() | Split():
            lines += _changes(rec.changes)
        case Impossible():
            lines += _blockers(rec.blockers)
        case Ok():
            if rec.suggestions:
                lines += ["", "Suggested (nothing fails today):"]
                lines += _changes(rec.suggestions)[2:]
        case _:
            assert_never(rec)
    if advice.integrations:
        lines += ["", "Frameworks and libraries found:"]
        for i in advice.integrations:
            ver = i.version or i.specifier or "any version"
            lines.append(f"  {i.distribution} {ver}: {covers(i)}  [{i.source}]")
    lines += _findings(advice.findings)
    if note := ignored_note(advice):
        lines += ["", note]
    return lines


def _findings(findings: Sequence[Finding]) -> list[str]:
    lines: list[str] = []
    for title, sev in (("Errors", "error"), ("Warnings", "warning"), ("Notes", "info")):
        items = [f for f in findings if f.severity == sev]
        if items:
            lines += ["", f"{title}:"] + [_finding(f) for f in items]
    return lines


def _no_ddtrace_lines(p: ProjectAdvice) -> list[str]:
    """A project that does not use ddtrace: said so, its files, and what reading them found."""
    lines = [f"aap-advise: {NO_DDTRACE}", ""]
    lines.append(f"  files:      {', '.join(p.files) or '(none)'}")
    return lines + _findings(p.findings)


# A run of several projects ----------------------------------------------------------------------

NO_DDTRACE: Final = "does not use ddtrace; nothing to advise"
"""The verdict line of a ``no-ddtrace`` project."""
_COUNTED: dict[ProjectStatus, str] = {
    "impossible": "impossible",
    "split": "to split",
    "upgrade": "to upgrade",
    "ok": "ok",
    "no-ddtrace": "without ddtrace",
}
_WIDTH = 40
"""The widest an overview column is padded to: a longer folder name pushes its own line only."""


def single(report: Report) -> Advice | None:
    """The advice of a run of exactly one project, which was advised: its report is then that
    project's alone, as it was before runs had several projects. ``None`` otherwise."""
    if len(report.projects) == 1:
        return report.projects[0].advice
    return None


def summary(report: Report) -> str:
    """``3 projects: 2 to upgrade, 1 without ddtrace``: the counts, worst status first."""
    counts = {s: sum(p.status == s for p in report.projects) for s in reversed(PROJECT_STATUSES)}
    parts = ", ".join(f"{n} {_COUNTED[s]}" for s, n in counts.items() if n)
    n = len(report.projects)
    return f"{n} project{'s' if n != 1 else ''}: {parts}"


def project_verdict(p: ProjectAdvice) -> str:
    """What to do for one project, in one line (:func:`verdict`, or :data:`NO_DDTRACE`)."""
    return verdict(p.advice) if p.advice is not None else NO_DDTRACE


def current(p: ProjectAdvice) -> str:
    """The project's ddtrace as declared: pin or lowest lock, else its range; ``-`` without."""
    if p.advice is None:
        return "-"
    d = p.advice.ddtrace
    if d is None:
        return "not declared"
    return d.current or d.specifier or ("version unknown" if d.url else "any version")


def target(p: ProjectAdvice) -> str:
    """The ddtrace the advice leaves: the one kept (ok), moved to (upgrade), each arm's
    (``2.19.0 / 3.16.0`` for a split), ``no release`` (impossible); ``-`` without ddtrace."""
    if p.advice is None:
        return "-"
    rec = p.advice.recommendation
    match rec:
        case Ok() | Upgrade():
            return rec.ddtrace
        case Split():
            return " / ".join(part.ddtrace for part in rec.split)
        case Impossible():
            return "no release"
        case _:
            assert_never(rec)


def _overview(projects: Sequence[ProjectAdvice]) -> list[str]:
    """One aligned line per project: folder, ddtrace now -> after, status."""
    rows = [
        (
            printable(p.root),
            printable(f"{current(p)} -> {target(p)}" if p.advice is not None else "-"),
            p.status,
        )
        for p in projects
    ]
    root_width = min(max(len(r[0]) for r in rows), _WIDTH)
    move_width = min(max(len(r[1]) for r in rows), _WIDTH)
    return [
        f"  {root:<{root_width}}   {move:<{move_width}}   {status}" for root, move, status in rows
    ]
