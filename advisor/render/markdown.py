"""The pull-request comment and job summary (``--format markdown``), GitHub-flavoured Markdown.

A reviewer reads the verdict and the change set first (or what blocks it), then the errors and
warnings to act on; the rest is folded in ``<details>`` blocks: the capabilities now and after,
the notes, and why this answer. The footer links to the workflow run when the front end knows
it (:func:`run_url`). The words are the text report's (:mod:`advisor.render.words`): a version
is pinned, locked or declared (a range); a capability is available, needs an upgrade or is
unavailable; an unpinned ddtrace is "any version".

Every value placed in the report goes through :func:`escape` so that nothing a dependency
file says (paths, URLs, quoted lines, specifiers) can inject Markdown or HTML into a comment
posted under the workflow's identity. The only raw HTML is the renderer's own: the hidden
:data:`MARKER`, the ``<details>`` blocks and the ``<sub>`` footer; the only link, the run's.

The whole report stays within :data:`MAX_BYTES` whatever the input: each value is cut to
:data:`MAX_VALUE` characters before it is escaped, and every part is measured, the verdict and
the change set kept first, the rest cut with a note saying so.

A run of several projects is one comment too (one marker): an overview table, then a ``###``
section per project, each cut as a report alone would be within its share of the budget.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, assert_never

from advisor.errors import printable
from advisor.model.advice import (
    Advice,
    Blocker,
    CapabilityResult,
    CapabilityStatus,
    Change,
    DdtraceState,
    Impossible,
    Ok,
    ProjectAdvice,
    ProjectStatus,
    Report,
    Split,
    Upgrade,
)
from advisor.model.excerpt import redact_url
from advisor.model.project import Finding
from advisor.render import words
from advisor.render.text import (
    ENV_SWITCH,
    NO_DDTRACE,
    covers,
    current,
    ignored_note,
    single,
    summary,
    target,
    verdict,
)

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

MARKER = "<!-- aap-advise-report -->"
"""First line of every report; the GitHub Action finds its own earlier comment by it."""

MAX_BYTES = 60 * 1024
"""Size cap of the whole report, in UTF-8 bytes. GitHub refuses comment bodies over 65,536
characters; a text never has more characters (nor UTF-16 units) than UTF-8 bytes, so the cap
holds whichever way the limit is counted, with a margin. The job summary (1 MiB a step) gets the
same report."""

MAX_VALUE = 500
"""The most characters of one value shown (a specifier, a path, a quoted line), before escaping;
a longer one is cut in the middle, its start and end kept. Escaping makes a character at most
five (``&`` is ``&amp;``), so no single table row can crowd out the rest of the report."""

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Characters with an inline meaning in GitHub Markdown: escapes, code, emphasis, links, table
# cells, strikethrough and math. Characters that only matter at the start of a line are
# handled in escape() so that the result is safe wherever it is placed.
_INLINE = frozenset("\\`*_[]|~$")
# Line breaks and tabs become a space; any other control character (an escape sequence, a bidi
# override) is shown escaped by printable(), as the text report and error lines show it.
_BREAKS = re.compile(r"[\t\n\x0b\x0c\r\x1c-\x1e\x85\u2028\u2029]+")
_LINE_START = re.compile(r"^(?:([#+=-])|\d{1,9}([.)])(?=\s|$))")
# GitHub links @mentions, #123 and GH-123 references, bare URLs and www. names in the rendered
# text, after Markdown escapes are gone, so backslashes cannot stop them: a zero-width space
# can. Without it a requirements comment could notify people or cross-reference issues in the
# bot's name.
_AUTOLINK = re.compile(r"@(?=\w)|\\?#(?=\d)|\bgh-(?=\d)|:(?=//)|\bwww(?=\.)", re.IGNORECASE)
_ZWSP = "&#8203;"

_WHY_OPEN = "<details>\n<summary>Why this answer</summary>\n\n"
_WHY_OMITTED = f"{_WHY_OPEN}Omitted: too long for a comment.\n\n</details>\n\n"
_HEAD_ROOM = 1024
"""Room left after the verdict and tables for the findings' note, or the head is cut."""
_ALL_IN_JSON = "the JSON report (--format json; the Action's report-json output) has all of it"
_ICON: dict[CapabilityStatus, str] = {
    "available": "✅",
    "needs-upgrade": "⬆️",
    "unavailable": "⛔",
}
_SEVERAL: dict[CapabilityStatus, str] = {"needs-upgrade": "need an upgrade"}
"""A capability state's words for several (``7 need an upgrade``), where they differ."""
_RUN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d{1,5})?(?:/[A-Za-z0-9._~-]+)+")
"""A workflow run's address as the footer links it: nothing that could end the link early."""
#: The groups of findings, in order: severity (``"env"``: the warnings that say which
#: environment variable to set, a group of their own as in the text report), title, icon.
_SEVERITY = (
    ("error", "Errors", "❌"),
    ("env", "Environment variables", "⚙️"),
    ("warning", "Warnings", "⚠️"),
    ("info", "Notes", "📝"),
)
_PROJECT_STATUS: dict[ProjectStatus, str] = {
    "no-ddtrace": "➖ no ddtrace",
    "ok": "✅ ok",
    "upgrade": "⬆️ upgrade",
    "split": "🔀 split",
    "impossible": "⛔ impossible",
}
_NOTE_ROOM = 400
"""Bytes kept for the note on project sections left out (a run of several projects)."""


def clip(text: str, limit: int = MAX_VALUE) -> str:
    """``text`` cut to about ``limit`` characters in the middle, its start and end kept."""
    if len(text) <= limit:
        return text
    tail = limit // 4
    return f"{text[: limit - tail - 5]} ... {text[-tail:]}"


def escape(text: str, limit: int | None = MAX_VALUE) -> str:
    """``text`` as literal Markdown: one line, no HTML, no Markdown syntax, no autolinks.

    Safe inside a table cell, inside emphasis and at the start of a line. ``text`` is cut to
    ``limit`` characters first (:func:`clip`; ``None``: a text whose parts were cut already).
    """
    if limit is not None:
        text = clip(text, limit)
    text = printable(_BREAKS.sub(" ", text)).strip()
    text = "".join(_HTML.get(c) or (f"\\{c}" if c in _INLINE else c) for c in text)
    # A leading "#", "-", "1." ... would open a heading, list or break at the start of a line.
    start = _LINE_START.match(text)
    if start:
        at = start.start(1) if start.group(1) else start.start(2)
        text = f"{text[:at]}\\{text[at:]}"
    return _AUTOLINK.sub(lambda m: m.group(0) + _ZWSP, text)


def run_url(server: str | None, repository: str | None, run_id: str | None) -> str | None:
    """The address of a workflow run (``GITHUB_SERVER_URL``, ``GITHUB_REPOSITORY`` and
    ``GITHUB_RUN_ID``, as the front end reads them); ``None`` when one is missing or looks
    like no run's."""
    if not (server and repository and run_id and run_id.isdigit()):
        return None
    url = f"{server.rstrip('/')}/{repository}/actions/runs/{run_id}"
    return url if _RUN_URL.fullmatch(url) and repository.count("/") == 1 else None


def render(report: Report, run_url: str | None = None) -> str:
    """The report; at most :data:`MAX_BYTES`, findings cut first (with a note) when too long.

    A run of one project is :func:`render_advice`; several share the budget (:func:`_many`).
    :param run_url: the workflow run to link in the footer (see :func:`run_url`); a value that
        is not a plain ``http(s)`` address is left out.
    """
    only = single(report)
    if only is not None:
        return render_advice(only, run_url)
    return _many(report, run_url)


def render_advice(advice: Advice, run_url: str | None = None) -> str:
    """The report of one project, alone in the comment: the marker, its body, the footer."""
    return _body(advice, _verdict(advice), _footer(advice, run_url), MAX_BYTES)


def _body(advice: Advice, lead: str, tail: str, budget: int) -> str:
    """``lead``, the change set or blockers, the findings to act on, the folded capabilities,
    notes and details, then ``tail``: at most ``budget`` bytes when ``budget`` holds at least
    ``lead``, ``tail`` and the cut note (:func:`_least`)."""
    sections = _sections(advice)
    capabilities, changes, blockers = sections
    head = lead + changes.text() + blockers.text()
    folded = capabilities.text()
    if _size(head, folded, _WHY_OMITTED, tail) > budget - _HEAD_ROOM:
        # Thousands of changes or blockers: the verdict, then as many rows as fit, the change
        # set first; no findings and no details.
        return _cut(lead, sections, budget - _size(tail)) + tail
    why = _why(advice)
    if _size(head, folded, why, tail) > budget // 2:
        # Only a project with an enormous number of files or frameworks gets here; the JSON
        # report still carries all of it.
        why = _WHY_OMITTED
    to_act, notes = _findings(advice.findings, budget - _size(head, folded, why, tail))
    return head + to_act + folded + notes + why + tail


def _size(*parts: str) -> int:
    return sum(len(p.encode("utf-8")) for p in parts)


@dataclass(frozen=True, slots=True)
class _Section:
    """A table or list: its title and header, then one line per row or item, then its end
    (which closes a ``<details>`` block the start opened)."""

    start: str
    lines: tuple[str, ...]
    end: str = "\n"

    def text(self, shown: int | None = None) -> str:
        return self.start + "".join(self.lines[:shown]) + self.end if self.lines else ""


def _table(
    header: Sequence[str], rows: Iterable[Sequence[str]], title: str = "", end: str = "\n"
) -> _Section:
    """A GFM table; cells must already be escaped (``|`` included)."""
    start = "| " + " | ".join(header) + " |\n|" + "|".join(" --- " for _ in header) + "|\n"
    return _Section(title + start, tuple("| " + " | ".join(row) + " |\n" for row in rows), end)


def _folded(summary: str) -> tuple[str, str]:
    """The start and end of a ``<details>`` block; ``summary`` must already be escaped."""
    return f"<details>\n<summary>{summary}</summary>\n\n", "\n</details>\n\n"


def _verdict(advice: Advice) -> str:
    return f"{MARKER}\n\n{_verdict_line(verdict(advice))}"


def _verdict_line(text: str) -> str:
    return f"**aap-advise**: {escape(text)}\n\n"


def _sections(advice: Advice) -> tuple[_Section, _Section, _Section]:
    """The capabilities, the change set and the blockers."""
    rec = advice.recommendation
    changes: Sequence[Change] = ()
    blocked_by: Sequence[Blocker] = ()
    match rec:
        case Upgrade() | Split():
            changes = rec.changes
        case Impossible():
            blocked_by = rec.blockers
        case Ok():
            pass
        case _:
            assert_never(rec)
    blockers = _Section(
        "**Blocked by**\n\n",
        tuple(
            f"- {escape(b.package)}: {escape(' vs '.join(b.wants))}; to unblock: {escape(b.hint)}\n"
            for b in blocked_by
        ),
    )
    return _capabilities(advice), _changes(changes), blockers


def _cut(lead: str, sections: Sequence[_Section], budget: int) -> str:
    """``lead`` (the verdict) and as many rows as fit in ``budget`` bytes, the change set first,
    then the blockers and the (folded) capabilities, and a note.

    Each value is at most :data:`MAX_VALUE` characters, so the verdict and a row always fit in a
    report alone; a project's section among several gets a budget of at least :func:`_least`.
    """
    capabilities, changes, blockers = sections
    budget -= _size(_cut_note(len(changes.lines) + len(capabilities.lines) + len(blockers.lines)))
    text = lead
    left_out = 0
    for section in (changes, blockers, capabilities):
        shown = 0
        while shown < len(section.lines) and _size(text, section.text(shown + 1)) <= budget:
            shown += 1
        text += section.text(shown) if shown else ""
        left_out += len(section.lines) - shown
    return text + _cut_note(left_out)


def _cut_note(left_out: int) -> str:
    return (
        f"_Report truncated to fit GitHub's comment size limit: {left_out} table rows and "
        f"list items, the findings and the details are not shown; {_ALL_IN_JSON}._\n\n"
    )


def _after_title(advice: Advice) -> str:
    """The "after" column's title: the ddtrace the advice leaves (each arm of a split)."""
    rec = advice.recommendation
    match rec:
        case Ok():
            return "After (no change)"
        case Upgrade():
            return f"After ({escape(rec.ddtrace)})"
        case Split():
            return f"After ({escape(' / '.join(p.ddtrace for p in rec.split))})"
        case Impossible():
            return "After (no release)"
        case _:
            assert_never(rec)


def _status(state: CapabilityStatus) -> str:
    return f"{_ICON[state]} {words.capability(state)}"


def _after(c: CapabilityResult) -> str:
    return _status(c.after) if c.after is not None else "—"


def _counted(states: Sequence[CapabilityStatus]) -> str:
    """``6 available, 1 needs an upgrade``: how many capabilities are in each state."""
    parts = []
    for state in _ICON:
        n = states.count(state)
        if n:
            parts.append(
                f"{n} {_SEVERAL.get(state, words.capability(state)) if n > 1 else words.capability(state)}"
            )
    return ", ".join(parts)


def _capabilities(advice: Advice) -> _Section:
    rows = []
    for c in advice.capabilities:
        state = _status(c.status)
        if c.status != "available" and c.reason:
            state += f" ({escape(c.reason)})"
        rows.append((escape(c.name), escape(c.project_min_version or "—"), state, _after(c)))
    summary = f"Capabilities now: {_counted([c.status for c in advice.capabilities])}"
    after = [c.after for c in advice.capabilities if c.after is not None]
    if after and after != [c.status for c in advice.capabilities]:
        summary += f"; after: {_counted(after)}"
    start, end = _folded(summary)
    now = f"Now ({escape(words.version(advice.ddtrace))})"
    return _table(("Capability", "Needs ddtrace", now, _after_title(advice)), rows, start, end)


def _changes(changes: Sequence[Change]) -> _Section:
    rows = []
    for ch in changes:
        to = ch.to_specifier or ch.to_version or words.REMOVED
        if ch.marker:
            to += f"; {ch.marker}"
        if ch.kind == "framework":
            to += f" (framework, {words.BY_HAND})"
        rows.append(
            (
                escape(ch.package),
                escape(words.change_from(ch)),
                escape(to),
                escape(ch.reason or ""),
                escape(str(ch.source)) if ch.source else "",
            )
        )
    return _table(("Package", "From", "To", "Why", "Where"), rows, "**Change set**\n\n")


def _finding(f: Finding, icon: str) -> str:
    where = f" ({escape(str(f.location))})" if f.location else ""
    return f"- {icon} {escape(redact_url(f.message))}{where}\n"


def _group(f: Finding) -> str:
    """The group of :data:`_SEVERITY` ``f`` is shown in."""
    return "env" if f.id in ENV_SWITCH and f.severity == "warning" else f.severity


def _findings(findings: Sequence[Finding], budget: int) -> tuple[str, str]:
    """Findings by severity, errors first, as many as fit in ``budget`` bytes (then a note):
    the errors and warnings to act on, and the notes folded in a ``<details>`` block."""
    budget -= 200  # room for the note on findings left out
    blocks: list[str] = []
    to_act = ""
    shown = 0
    for severity, title, icon in _SEVERITY:
        lines = [_finding(f, icon) for f in findings if _group(f) == severity]
        start, end = (
            _folded(f"{title} ({len(lines)})") if severity == "info" else (f"**{title}**\n\n", "\n")
        )
        fitting: list[str] = []
        for line in lines:
            if _size(*blocks, start, *fitting, line, end) > budget:
                break
            fitting.append(line)
        if fitting:
            blocks.append(start + "".join(fitting) + end)
            shown += len(fitting)
        if severity != "info":
            to_act = "".join(blocks)
        if len(fitting) < len(lines):
            break  # keep the order by severity: nothing after the first finding left out
    more = (
        f"_{len(findings) - shown} more findings are not shown (comment size limit); "
        "the JSON report has them all._\n\n"
        if shown < len(findings)
        else ""
    )
    return to_act, "".join(blocks)[len(to_act) :] + more


def _why(advice: Advice) -> str:
    rec = advice.recommendation
    spec = f"{advice.python_spec} " if advice.python_spec else ""
    out = [_WHY_OPEN.rstrip("\n"), ""]
    out.append(f"- Files read: {_list(advice.files)}")
    out.append(
        f"- CPython in scope: {_list(advice.python_versions)} "
        f"({escape(spec + 'from ' + advice.python_source)})"
    )
    if added := words.python_origins(advice):
        out[-1] += f" ({escape(added, limit=None)})"
    out.append(f"- Platforms: {_list(advice.platforms)}")
    out += [f"- Deployment: {escape(words.deployment(d), limit=None)}" for d in advice.deployments]
    if advice.environment.worth_saying():
        out.append(f"- Environment: {escape(advice.environment.summary())}")
    d = advice.ddtrace
    if d is None:
        out.append("- ddtrace: not declared")
    else:
        out.append(f"- ddtrace: {escape(_ddtrace_declared(d), limit=None)}")
    match rec:
        case Upgrade() | Impossible():
            tried = rec.tried
        case Ok() | Split():
            tried = ()
        case _:
            assert_never(rec)
    if tried:
        out.append(f"- ddtrace releases tried: {_list(tried)}")
    text = "\n".join(out) + "\n\n"
    if rec.floor_reasons:
        text += f"Floor {escape(rec.floor or '—')}, from the highest of:\n\n"
        text += _table(
            ("ddtrace", "Set by"),
            ((escape(r.version), escape(r.reason)) for r in rec.floor_reasons),
        ).text()
    if rec.per_python:
        text += _table(
            ("CPython", "Smallest release"),
            ((escape(py), escape(v or "none")) for py, v in rec.per_python.items()),
        ).text()
    if advice.integrations:
        rows = []
        for i in advice.integrations:
            rows.append(
                (
                    escape(i.distribution),
                    escape(i.version or i.specifier or "any version"),
                    escape(covers(i)),
                    escape(str(i.source)),
                )
            )
        text += _table(("Framework or library", "Version", "AAP covers", "Where"), rows).text()
    return text + "</details>\n\n"


def _ddtrace_declared(d: DdtraceState) -> str:
    """``pinned 2.3.0 (requirements.txt:5)``, ``declared >=4, locked 4.6.0 (pyproject.toml:8)``:
    how the project has ddtrace (:func:`words.ddtrace_state`), the reference, where; cut, not
    escaped."""
    said = clip(words.ddtrace_state(d))
    if d.url:
        # Credentials off before the cut, which could take the "@" that marks them.
        said += f": {clip(redact_url(d.url))}"
    return said + (f" ({clip(str(d.source))})" if d.source else "")


def _list(items: Sequence[str]) -> str:
    """``items`` joined with commas, each cut to :data:`MAX_VALUE`, escaped; ``(none)`` if none."""
    return escape(", ".join(clip(i) for i in items) or "(none)", limit=None)


def _footer(advice: Advice, run_url: str | None) -> str:
    return _ignored(advice) + _release(advice.snapshot_date, advice.today.isoformat(), run_url)


def _ignored(advice: Advice) -> str:
    note = ignored_note(advice)
    return f"_{escape(note)}_\n\n" if note else ""


def _release(snapshot_date: str, today: str, run_url: str | None) -> str:
    link = ""
    if run_url is not None and _RUN_URL.fullmatch(run_url) and len(run_url) <= MAX_VALUE:
        link = f" [Workflow run]({run_url})."
    return (
        f"<sub>Release data: index snapshot of {escape(snapshot_date)}; judged on {today}."
        f"{link}</sub>\n"
    )


# A run of several projects ----------------------------------------------------------------------


def _many(report: Report, run_url: str | None) -> str:
    """The overview, then a section per project, all within :data:`MAX_BYTES`.

    The overview may take half the budget (rows past it are counted in a note); the sections
    share the rest (:func:`_allot`). Every project left out is counted in a note, and the JSON
    report has everything.
    """
    foot = _release(report.snapshot_date, report.today.isoformat(), run_url)
    head = f"{MARKER}\n\n{_verdict_line(summary(report))}"
    overview = _overview(report.projects)
    shown, room = 0, MAX_BYTES // 2 - _size(head, overview.start, "\n")
    while shown < len(overview.lines) and _size(overview.lines[shown]) <= room:
        room -= _size(overview.lines[shown])
        shown += 1
    head += overview.text(shown)
    if shown < len(overview.lines):
        head += (
            f"_{len(overview.lines) - shown} more projects are not listed (comment size "
            f"limit); {_ALL_IN_JSON}._\n\n"
        )
    sections = _allot(report.projects, MAX_BYTES - _size(head, foot) - _NOTE_ROOM)
    text = head + "".join(sections)
    if len(sections) < len(report.projects):
        text += (
            f"_{len(report.projects) - len(sections)} project sections are not shown (comment "
            f"size limit); {_ALL_IN_JSON}._\n\n"
        )
    return text + foot


def _overview(projects: Sequence[ProjectAdvice]) -> _Section:
    rows = (
        (
            escape(p.root),
            escape(current(p)),
            escape(target(p)),
            _PROJECT_STATUS[p.status],
        )
        if p.advice is not None
        else (escape(p.root), "—", "—", _PROJECT_STATUS[p.status])
        for p in projects
    )
    return _table(("Project", "ddtrace now", "After", "Status"), rows)


def _allot(projects: Sequence[ProjectAdvice], budget: int) -> list[str]:
    """The sections of the first projects, in order, within ``budget`` bytes in all.

    As many projects get a section as their smallest sections (:func:`_least`: heading,
    verdict, a note) fit. The bytes left are shared out smallest need first, each an equal share
    of what remains: a section that fits is shown whole, as it would be alone; the others are
    cut to their size as a report alone is cut to the whole.
    """
    least: list[int] = []
    for p in projects:
        need = _least(p)
        if need > budget:
            break
        least.append(need)
        budget -= need
    whole = [_section(p, MAX_BYTES) for p in projects[: len(least)]]
    extra = [_size(text) - need for text, need in zip(whole, least, strict=True)]
    given = [0] * len(least)
    for k, i in enumerate(sorted(range(len(least)), key=extra.__getitem__)):
        given[i] = min(extra[i], budget // (len(least) - k))
        budget -= given[i]
    return [
        text if given[i] >= extra[i] else _section(projects[i], least[i] + given[i])
        for i, text in enumerate(whole)
    ]


def _lead(p: ProjectAdvice) -> str:
    """A section's heading (the project's folder) and verdict."""
    said = verdict(p.advice) if p.advice is not None else NO_DDTRACE
    return f"### {escape(p.root)}\n\n{_verdict_line(said)}"


def _least(p: ProjectAdvice) -> int:
    """The fewest bytes :func:`_section` can show ``p`` in: its heading and verdict, and the
    note saying what was cut (a planned project) or a count of its files (one without)."""
    if p.advice is None:
        return _size(_lead(p), _files_counted(p.files)) + _NOTE_ROOM
    rows = sum(len(s.lines) for s in _sections(p.advice))
    return _size(_lead(p), _cut_note(rows), _ignored(p.advice))


def _section(p: ProjectAdvice, budget: int) -> str:
    """One project's section in at most ``budget`` bytes, which must be :func:`_least` or more."""
    if p.advice is None:
        return _no_ddtrace(p, budget)
    return _body(p.advice, _lead(p), _ignored(p.advice), budget)


def _no_ddtrace(p: ProjectAdvice, budget: int) -> str:
    """A project that does not use ddtrace: said so, its files, and its findings as fit."""
    lead = _lead(p)
    files = f"- Files read: {_list(p.files)}\n\n"
    if _size(lead, files) > budget // 2 or _size(lead, files) + _NOTE_ROOM > budget:
        files = _files_counted(p.files)
    return lead + files + "".join(_findings(p.findings, budget - _size(lead, files)))


def _files_counted(files: Sequence[str]) -> str:
    return f"- Files read: {len(files)} ({_ALL_IN_JSON})\n\n"
