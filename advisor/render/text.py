"""The human report (``--format text``): the verdict first, then what to do.

By default: the verdict line, a table of what changes, the environment variables to set, the
errors and warnings, and a line naming what ``-v`` adds; ``-v`` adds what was read, the
capabilities, why the target, the frameworks found, the notes and the release data; ``-q`` keeps
the verdict line (:class:`TextOptions`). A run with several projects opens with a summary line
and one line per project, then each project's report under a heading naming its folder; the
closing line is said once. Colour and symbols are applied by a :class:`Style` the front end
chooses; the renderer does no I/O. The wording helpers shared by every format (:func:`verdict`,
:func:`summary`, :func:`current`, :func:`target`) live here, its words in
:mod:`advisor.render.words`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from typing import TYPE_CHECKING, Final, Literal, assert_never

from advisor.errors import printable
from advisor.model.advice import (
    PROJECT_STATUSES,
    Advice,
    Blocker,
    CapabilityStatus,
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
from advisor.render import words

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass


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
        f"{c.package} {words.change_from(c)} -> {c.to_specifier}"
        for c in changes
        if c.kind == "framework"
    )


def covers(i: FoundIntegration) -> str:
    """What AAP covers of a framework or library found, in a few words."""
    if i.covers:
        return ", ".join(i.covers)
    if i.unsupported:
        return f"not covered: {i.unsupported}"
    return "APM only" if i.documented else "not documented for AAP"


def ignored_note(advice: Advice) -> str:
    """``2 findings ignored by [tool.aap-advise] (pyproject.toml)``; ``""`` when none was."""
    count = sum(i.count for i in advice.ignored)
    if not count:
        return ""
    by = ", ".join(dict.fromkeys(i.by for i in advice.ignored if i.count))
    return f"{count} finding{'s' if count != 1 else ''} ignored by {by}"


# Options and style -----------------------------------------------------------------------------

Verbosity = Literal["quiet", "default", "verbose"]
"""``quiet`` (``-q``): the verdict line only; ``default``: the verdict, what changes, what to
set and the warnings; ``verbose`` (``-v``): everything the advice holds."""

LineKind = Literal[
    "plain",
    "heading",
    "dim",
    "error",
    "warning",
    "note",
    "capability-available",
    "capability-needs-upgrade",
    "capability-unavailable",
    "verdict-ok",
    "verdict-upgrade",
    "verdict-split",
    "verdict-impossible",
    "verdict-no-ddtrace",
]
"""What a line of the report is, for :class:`Style`."""
_CAPABILITY_KIND: dict[CapabilityStatus, LineKind] = {
    "available": "capability-available",
    "needs-upgrade": "capability-needs-upgrade",
    "unavailable": "capability-unavailable",
}
_VERDICT_KIND: dict[ProjectStatus, LineKind] = {
    "ok": "verdict-ok",
    "upgrade": "verdict-upgrade",
    "split": "verdict-split",
    "impossible": "verdict-impossible",
    "no-ddtrace": "verdict-no-ddtrace",
}


@dataclass(frozen=True, slots=True)
class Style:
    """How a terminal is written to: the front end decides (a tty, ``NO_COLOR``,
    ``FORCE_COLOR``); the renderer only applies it.

    :param colour: ANSI colours and bold.
    :param symbols: ``✓ ! ✗`` in front of verdicts, findings and capabilities.
    """

    colour: bool = False
    symbols: bool = False

    def line(self, kind: LineKind, text: str) -> str:
        """``text`` (already made printable) styled as a line of ``kind``."""
        symbol, code = _LOOK.get(kind, ("", ""))
        if kind in ("error", "warning", "note") and text.startswith("  - "):
            if self.symbols and symbol:
                text = f"  {self._paint(symbol, code)} {text[4:]}"
            return text
        if kind.startswith("capability-") and self.symbols:
            return f"  {self._paint(symbol, code)} {text[2:]}"
        if kind.startswith("verdict-"):
            head = f"{symbol} " if self.symbols and symbol else ""
            return self._paint(head + text, f"1;{code}" if code else "1")
        if kind == "heading":
            return self._paint(text, "1")
        if kind == "dim":
            return self._paint(text, "2")
        return text

    def _paint(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.colour and code else text


SYMBOLS: Final = "✓!✗"
"""Every symbol :class:`Style` may write (the front end checks the stream can encode them)."""
_LOOK: dict[str, tuple[str, str]] = {
    "error": ("✗", "31"),
    "warning": ("!", "33"),
    "note": ("-", "2"),
    "capability-available": ("✓", "32"),
    "capability-needs-upgrade": ("!", "33"),
    "capability-unavailable": ("✗", "31"),
    "verdict-ok": ("✓", "32"),
    "verdict-upgrade": ("!", "33"),
    "verdict-split": ("!", "33"),
    "verdict-impossible": ("✗", "31"),
    "verdict-no-ddtrace": ("", ""),
}


@dataclass(frozen=True, slots=True)
class TextOptions:
    """What the text report shows (:data:`Verbosity`) and how (:class:`Style`)."""

    verbosity: Verbosity = "default"
    style: Style = field(default_factory=Style)


_Lines = list[tuple[LineKind, str]]


def render(report: Report) -> str:
    """The default text report (:func:`render_with` default options)."""
    return render_with(report, TextOptions())


def render_with(report: Report, options: TextOptions) -> str:
    """The text report: a run of one project as :func:`render_advice` shows it; several, a
    summary line and an overview line per project, then each project's section (the
    release data closes a verbose report once)."""
    opts = options
    only = single(report)
    if only is not None:
        return render_advice(only, opts)
    lines: _Lines = [(_verdict_kind(report.status), f"aap-advise: {summary(report)}")]
    lines += [("plain", line) for line in _overview(report.projects)]
    if opts.verbosity == "quiet":
        return _finish(lines, opts.style)
    lines.insert(1, ("plain", ""))
    for p in report.projects:
        lines += [("plain", ""), ("heading", f"== {p.root} =="), ("plain", "")]
        if p.advice is not None:
            lines += _advice_lines(p.advice, opts.verbosity)
        else:
            lines += _no_ddtrace_lines(p, opts.verbosity)
    lines += _closing(report.snapshot_date, report.today.isoformat(), report.planned, opts)
    return _finish(lines, opts.style)


def render_advice(advice: Advice, options: TextOptions | None = None) -> str:
    """The text report of one project (a run with one project shows just this)."""
    opts = options or TextOptions()
    lines = _advice_lines(advice, opts.verbosity)
    lines += _closing(
        advice.snapshot_date,
        advice.today.isoformat(),
        (ProjectAdvice(".", advice.files, advice),),
        opts,
    )
    return _finish(lines, opts.style)


def _finish(lines: _Lines, style: Style) -> str:
    # File and folder names, quoted lines and URLs come from the files read: a control character
    # in one (an escape sequence, a bidi override) is shown escaped, never sent to the terminal.
    # The style's own escape sequences are added after.
    if not style.colour and not style.symbols:
        # A plain style writes each line as it is (Style.line): when no line has a character
        # to escape, one check of them all replaces a check and a styling per line (a
        # 3,000-project report has some 27,000 lines).
        texts = [text for _, text in lines]
        together = " ".join(texts)
        if printable(together) == together:
            return "\n".join(texts) + "\n"
    return "\n".join(style.line(kind, printable(text)) for kind, text in lines) + "\n"


def _closing(
    snapshot_date: str, today: str, planned: Sequence[ProjectAdvice], opts: TextOptions
) -> _Lines:
    """The release data (``-v``), or one line naming what ``-v`` adds."""
    if opts.verbosity == "quiet":
        return []
    if opts.verbosity == "verbose":
        return [("plain", ""), ("dim", _release(snapshot_date, today))]
    more = _more(planned)
    return [("plain", ""), ("dim", f"More with -v: {more}.")] if more else []


def _more(planned: Sequence[ProjectAdvice]) -> str:
    """What ``-v`` adds, in a few words: ``capabilities, why 4.6.0, 9 notes``."""
    advised = [p.advice for p in planned if p.advice is not None]
    parts = []
    if any(a.capabilities for a in advised):
        parts.append("capabilities")
    targets = [t for p in planned if p.advice is not None and (t := target(p)) != "no release"]
    if any(a.recommendation.floor_reasons for a in advised):
        parts.append(f"why {targets[0]}" if len(targets) == 1 else "why these releases")
    notes = sum(
        f.severity == "info" for p in planned for f in (p.advice.findings if p.advice else ())
    )
    if notes:
        parts.append(f"{notes} note{'s' if notes != 1 else ''}")
    if any(a.integrations for a in advised):
        parts.append("frameworks found")
    parts.append("release data")
    return ", ".join(parts)


def _release(snapshot_date: str, today: str) -> str:
    return f"Release data: index snapshot of {snapshot_date}; judged on {today}."


def _verdict_kind(status: ProjectStatus) -> LineKind:
    return _VERDICT_KIND[status]


def _advice_lines(advice: Advice, verbosity: Verbosity) -> _Lines:
    """One project's report: the verdict; what changes, what to set and the warnings; under
    ``-v`` what was read, the capabilities, why the target, what was found and the notes."""
    rec = advice.recommendation
    lines: _Lines = [(_verdict_kind(rec.status), f"aap-advise: {verdict(advice)}")]
    if verbosity == "quiet":
        return lines
    verbose = verbosity == "verbose"
    if verbose:
        lines.append(("plain", ""))
        lines += [("plain", line) for line in _context(advice)]
    match rec:
        case Upgrade() | Split():
            lines += _changes("Changes:", rec.changes, verbose)
        case Impossible():
            lines += _blockers(rec.blockers)
        case Ok():
            lines += _changes("Suggested (nothing fails today):", rec.suggestions, verbose)
        case _:
            assert_never(rec)
    switches = [f for f in advice.findings if f.id in ENV_SWITCH]
    if switches:
        lines += [("plain", ""), ("heading", "Environment variables:")]
        lines += [("warning", _finding(f)) for f in switches]
    lines += _findings([f for f in advice.findings if f.id not in ENV_SWITCH], ("error", "warning"))
    if note := ignored_note(advice):
        lines += [("plain", ""), ("plain", note)]
    if not verbose:
        return lines
    lines += _capabilities(advice)
    lines += _why(advice)
    if advice.integrations:
        lines += [("plain", ""), ("heading", "Frameworks and libraries found:")]
        for i in advice.integrations:
            ver = i.version or i.specifier or words.ANY_VERSION
            lines.append(("plain", f"  {i.distribution} {ver}: {covers(i)}  [{i.source}]"))
    lines += _findings(advice.findings, ("info",))
    return lines


ENV_SWITCH: Final = frozenset({"env-switch", "env-conflict"})
"""The findings that say which environment variable to set (or leave unset): a section of their
own, apart from the warnings."""


def _context(advice: Advice) -> list[str]:
    """What was read: files, CPythons, platforms, runtime environment, the project's ddtrace."""
    spec = f"{advice.python_spec} " if advice.python_spec else ""
    lines = [
        f"  files:      {', '.join(advice.files) or '(none)'}",
        f"  python:     {', '.join(advice.python_versions) or '(none)'}  "
        f"[{spec}from {advice.python_source}]",
        f"  platforms:  {', '.join(advice.platforms)}",
    ]
    if added := words.python_origins(advice):
        lines.insert(2, f"              ({added})")
    lines += [f"  deployment: {words.deployment(d)}" for d in advice.deployments]
    if advice.environment.worth_saying():
        lines.append(f"  environment: {advice.environment.summary()}")
    d = advice.ddtrace
    where = f"  [{d.source}]" if d is not None and d.source else ""
    lines.append(f"  ddtrace:    {words.ddtrace_state(d)}{where}")
    return lines


def _changes(title: str, changes: Sequence[Change], verbose: bool) -> _Lines:
    """A table of what changes: package, from, to, where (``-v``: why, under each row)."""
    if not changes:
        return []
    rows = [("package", "from", "to", "where")]
    why: list[str | None] = [None]
    for ch in changes:
        rows.append((ch.package, words.change_from(ch), _to(ch), str(ch.source or "-")))
        why.append(ch.reason)
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines: _Lines = [("plain", ""), ("heading", title)]
    for n, (row, reason) in enumerate(zip(rows, why, strict=True)):
        cells = [f"{cell:<{w}}" for cell, w in zip(row, widths, strict=False)] + [row[3]]
        lines.append(("dim" if n == 0 else "plain", "  " + "  ".join(cells)))
        if verbose and reason:
            lines.append(("dim", f"    ({reason})"))
    return lines


def _to(ch: Change) -> str:
    """``4.6.0``, ``2.19.0; python_version < "3.14"``, ``>=2.2.8 (by hand)``."""
    to = words.change_to(ch)
    marker = ch.marker
    if marker is None and ch.to_specifier and ";" in ch.to_specifier and ch.to_version:
        marker = ch.to_specifier.split(";", 1)[1].strip()  # a split's arm
    if marker:
        to += f"; {marker}"
    if ch.kind == "framework":
        to += f" ({words.BY_HAND})"
    return to


def _blockers(blockers: Sequence[Blocker]) -> _Lines:
    if not blockers:
        return []
    lines: _Lines = [("plain", ""), ("heading", "Blocked by:")]
    for b in blockers:
        lines.append(("plain", f"  {b.package}: {' vs '.join(b.wants)}"))
        lines.append(("plain", f"    to unblock: {b.hint}"))
    return lines


def _capabilities(advice: Advice) -> _Lines:
    """Each requested capability: the release it needs here, and its state now -> after."""
    if not advice.capabilities:
        return []
    lines: _Lines = [("plain", ""), ("heading", "Capabilities (needs: now -> after the advice):")]
    width = max(len(c.name) for c in advice.capabilities)
    for c in advice.capabilities:
        need = c.project_min_version or "-"
        extra = f"  ({c.reason})" if c.reason and c.status != "available" else ""
        after = f" -> {words.capability(c.after)}" if c.after and c.after != c.status else ""
        lines.append(
            (
                _CAPABILITY_KIND[c.status],
                f"  {c.name:<{width}}  {need:>8}  {words.capability(c.status)}{after}{extra}",
            )
        )
    return lines


def _why(advice: Advice) -> _Lines:
    """Why the target: the floor and what set it, the smallest release per CPython, each run of
    releases passed over above the floor and why, and why nothing newer."""
    rec = advice.recommendation
    lines: _Lines = []
    if rec.floor_reasons:
        lines += [
            ("plain", f"  floor {rec.floor}: {r.reason}")
            for r in rec.floor_reasons
            if r.version == rec.floor
        ]
    # A capability that cannot run where asked has no smallest release to name.
    cannot_run = isinstance(rec, Impossible) and {n.capability for n in rec.never_runs} >= set(
        advice.requested
    )
    if rec.per_python and not cannot_run:
        lines.append(("plain", f"  smallest release per CPython: {_per_python(rec)}"))
    match rec:
        case Upgrade() | Impossible():
            for s in rec.skipped[:_MAX_SKIPPED]:
                span = s.first if s.count == 1 else f"{s.first} to {s.last} ({s.count} releases)"
                lines.append(("plain", f"  passed over {span}: {s.reason}"))
            if len(rec.skipped) > _MAX_SKIPPED:
                lines.append(("plain", f"  ... and {len(rec.skipped) - _MAX_SKIPPED} more runs"))
            if isinstance(rec, Upgrade) and rec.changes and rec.changes[0].kind == "ddtrace":
                lines.append(
                    (
                        "plain",
                        f"  not newer: {rec.ddtrace} is the smallest release that gives "
                        "every requested capability (aap-advise advises the least change)",
                    )
                )
        case Ok() | Split():
            pass
        case _:
            assert_never(rec)
    if not lines:
        return []
    title = f"Why {rec.ddtrace}:" if isinstance(rec, Ok | Upgrade) else "Why:"
    return [("plain", ""), ("heading", title), *lines]


_MAX_SKIPPED = 12
"""The most runs of passed-over releases ``-v`` lists."""


def _per_python(rec: Verdict) -> str:
    return ", ".join(f"{py}: {v or 'none'}" for py, v in rec.per_python.items())


def _finding(f: Finding) -> str:
    where = f" [{f.location}]" if f.location else ""
    return f"  - {redact_url(f.message)}{where}"


_TITLES: dict[str, tuple[str, LineKind]] = {
    "error": ("Errors:", "error"),
    "warning": ("Warnings:", "warning"),
    "info": ("Notes:", "note"),
}


def _findings(findings: Sequence[Finding], severities: Sequence[str]) -> _Lines:
    lines: _Lines = []
    for sev in severities:
        title, kind = _TITLES[sev]
        items = [f for f in findings if f.severity == sev]
        if items:
            lines += [("plain", ""), ("heading", title)]
            lines += [(kind, _finding(f)) for f in items]
    return lines


def _no_ddtrace_lines(p: ProjectAdvice, verbosity: Verbosity) -> _Lines:
    """A project that does not use ddtrace: said so, its files (``-v``), and what reading them
    found."""
    lines: _Lines = [("verdict-no-ddtrace", f"aap-advise: {NO_DDTRACE}")]
    if verbosity == "verbose":
        lines += [("plain", ""), ("plain", f"  files:      {', '.join(p.files) or '(none)'}")]
        return lines + _findings(p.findings, ("error", "warning", "info"))
    return lines + _findings(p.findings, ("error", "warning"))


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
    return words.version(d)


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
