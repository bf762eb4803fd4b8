"""The pull-request comment and job summary (``--format markdown``), GitHub-flavoured Markdown.

Every value placed in the report goes through :func:`escape` so that nothing a dependency
file says (paths, URLs, quoted lines, specifiers) can inject Markdown or HTML into a comment
posted under the workflow's identity. The only raw HTML is the renderer's own: the hidden
:data:`MARKER` and the ``<details>`` block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import assert_never

from packaging.version import Version

from advisor.model.advice import Advice, CapabilityResult, Change
from advisor.model.project import Finding
from advisor.render.text import verdict

MARKER = "<!-- aap-advise-report -->"
"""First line of every report; the GitHub Action finds its own earlier comment by it."""

MAX_BYTES = 60 * 1024
"""Size cap of the whole report. GitHub refuses comment bodies over 65,536 characters; the
margin keeps a multi-byte report clear of it whichever way the limit is counted."""

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# Characters with an inline meaning in GitHub Markdown: escapes, code, emphasis, links, table
# cells, strikethrough and math. Characters that only matter at the start of a line are
# handled in escape() so that the result is safe wherever it is placed.
_INLINE = frozenset("\\`*_[]|~$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
_LINE_START = re.compile(r"^(?:([#+=-])|\d{1,9}([.)])(?=\s|$))")
# GitHub links @mentions, #123 references, bare URLs and www. names in the rendered text, after
# Markdown escapes are gone, so backslashes cannot stop them: a zero-width space can. Without
# it a requirements comment could notify people or cross-reference issues in the bot's name.
_AUTOLINK = re.compile(r"@(?=\w)|\\?#(?=\d)|:(?=//)|\bwww(?=\.)", re.IGNORECASE)
_ZWSP = "&#8203;"

_WHY_OPEN = "<details>\n<summary>Why this answer</summary>\n\n"
_STATUS = {"unlocked": "✅ unlocked", "locked": "🔒 locked", "unsupported": "⛔ unsupported"}
_SEVERITY = (("error", "Errors", "❌"), ("warning", "Warnings", "⚠️"), ("info", "Notes", "📝"))


def escape(text: str) -> str:
    """``text`` as literal Markdown: one line, no HTML, no Markdown syntax, no autolinks.

    Safe inside a table cell, inside emphasis and at the start of a line.
    """
    text = _CONTROL.sub(" ", text).strip()
    text = "".join(_HTML.get(c) or (f"\\{c}" if c in _INLINE else c) for c in text)
    # A leading "#", "-", "1." ... would open a heading, list or break at the start of a line.
    start = _LINE_START.match(text)
    if start:
        at = start.start(1) if start.group(1) else start.start(2)
        text = f"{text[:at]}\\{text[at:]}"
    return _AUTOLINK.sub(lambda m: m.group(0) + _ZWSP, text)


def render(advice: Advice) -> str:
    """The report; at most :data:`MAX_BYTES`, findings cut first (with a note) when too long."""
    head = _head(advice)
    why = _why(advice)
    foot = _footer(advice)
    if _size(head, why, foot) > MAX_BYTES // 2:
        # Only a project with an enormous number of files or frameworks gets here; the JSON
        # report still carries all of it.
        why = f"{_WHY_OPEN}Omitted: too long for a comment.\n\n</details>\n\n"
    findings = _findings(advice.findings, MAX_BYTES - _size(head, why, foot))
    return head + findings + why + foot


def _size(*parts: str) -> int:
    return sum(len(p.encode("utf-8")) for p in parts)


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GFM table; cells must already be escaped (``|`` included)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n\n"


def _head(advice: Advice) -> str:
    text = f"{MARKER}\n\n**aap-advise**: {escape(verdict(advice))}\n\n"
    text += _capabilities(advice)
    text += _changes(advice.recommendation.changes)
    if advice.recommendation.blockers:
        text += "**Blocked by**\n\n"
        text += (
            "".join(
                f"- {escape(b.package)}: {escape(' vs '.join(b.wants))}; "
                f"to unblock: {escape(b.hint)}\n"
                for b in advice.recommendation.blockers
            )
            + "\n"
        )
    return text


def _after_version(advice: Advice) -> tuple[str, Version | None]:
    """The "after" column's title and the ddtrace the upgrade leaves (the lowest of a split)."""
    rec = advice.recommendation
    match rec.status:
        case "ok":
            return "After (no change)", None
        case "upgrade":
            assert rec.ddtrace is not None
            return f"After ({escape(rec.ddtrace)})", Version(rec.ddtrace)
        case "split":
            versions = sorted(Version(p.ddtrace) for p in rec.split)
            return f"After ({escape(' / '.join(str(v) for v in versions))})", versions[0]
        case "impossible":
            return "After (no release)", None
        case _:
            assert_never(rec.status)


def _after(advice: Advice, c: CapabilityResult, target: Version | None) -> str:
    if c.status == "unsupported" or advice.recommendation.status == "ok":
        return _STATUS[c.status]
    if target is None:
        return "—"
    need = c.project_min_version
    return _STATUS["unlocked" if need is not None and target >= Version(need) else "locked"]


def _capabilities(advice: Advice) -> str:
    d = advice.ddtrace
    if d is None:
        now = "Now (not declared)"
    else:
        shown = d.current or d.specifier or ("version unknown" if d.url else "any version")
        now = f"Now ({escape(shown)})"
    after_title, target = _after_version(advice)
    rows = []
    for c in advice.capabilities:
        state = _STATUS[c.status]
        if c.status == "unsupported" and c.reason:
            state += f" ({escape(c.reason)})"
        rows.append(
            (escape(c.name), escape(c.project_min_version or "—"), state, _after(advice, c, target))
        )
    if not rows:
        return ""
    return _table(("Capability", "Needs ddtrace", now, after_title), rows)


def _changes(changes: Sequence[Change]) -> str:
    if not changes:
        return ""
    rows = []
    for ch in changes:
        to = ch.to_specifier or ch.to_version or "(removed)"
        if ch.marker:
            to += f"; {ch.marker}"
        rows.append(
            (
                escape(ch.package),
                escape(ch.from_version or ch.from_specifier or "(absent)"),
                escape(to),
                escape(ch.reason or ""),
                escape(str(ch.source)) if ch.source else "",
            )
        )
    return "**Change set**\n\n" + _table(("Package", "From", "To", "Why", "Where"), rows)


def _finding(f: Finding, icon: str) -> str:
    where = f" ({escape(str(f.location))})" if f.location else ""
    return f"- {icon} {escape(f.message)}{where}\n"


def _findings(findings: Sequence[Finding], budget: int) -> str:
    """Findings by severity, errors first, as many as fit in ``budget`` bytes (then a note)."""
    budget -= 200  # room for the note on findings left out
    blocks: list[str] = []
    shown = 0
    for severity, title, icon in _SEVERITY:
        lines = [_finding(f, icon) for f in findings if f.severity == severity]
        fitting: list[str] = []
        for line in lines:
            if _size(*blocks, f"**{title}**\n\n", *fitting, line, "\n") > budget:
                break
            fitting.append(line)
        if fitting:
            blocks.append(f"**{title}**\n\n" + "".join(fitting) + "\n")
            shown += len(fitting)
        if len(fitting) < len(lines):
            break  # keep the order by severity: nothing after the first finding left out
    if shown < len(findings):
        blocks.append(
            f"_{len(findings) - shown} more findings are not shown (comment size limit); "
            "the JSON report has them all._\n\n"
        )
    return "".join(blocks)


def _why(advice: Advice) -> str:
    rec = advice.recommendation
    spec = f"{advice.python_spec} " if advice.python_spec else ""
    out = [_WHY_OPEN.rstrip("\n"), ""]
    out.append(f"- Files read: {escape(', '.join(advice.files) or '(none)')}")
    out.append(
        f"- CPython in scope: {escape(', '.join(advice.python_versions) or '(none)')} "
        f"({escape(spec + 'from ' + advice.python_source)})"
    )
    out.append(f"- Platforms: {escape(', '.join(advice.platforms))}")
    d = advice.ddtrace
    if d is None:
        out.append("- ddtrace: not declared")
    else:
        locked = "".join(
            f"; locked {lv.version}" + (f" if {lv.marker}" if lv.marker else "") for lv in d.locked
        )
        declared = d.url or d.specifier or "any version"
        where = f" at {d.source}" if d.source else ""
        out.append(f"- ddtrace: {escape(declared + locked + where)}")
    if rec.tried:
        out.append(f"- ddtrace releases tried: {escape(', '.join(rec.tried))}")
    text = "\n".join(out) + "\n\n"
    if rec.floor_reasons:
        text += f"Floor {escape(rec.floor or '—')}, from the highest of:\n\n"
        text += _table(
            ("ddtrace", "Set by"),
            ((escape(r.version), escape(r.reason)) for r in rec.floor_reasons),
        )
    if rec.per_python:
        text += _table(
            ("CPython", "Smallest release"),
            ((escape(py), escape(v or "none")) for py, v in rec.per_python.items()),
        )
    if advice.integrations:
        rows = []
        for i in advice.integrations:
            covers = (
                ", ".join(i.covers)
                if i.covers
                else (f"not covered: {i.unsupported}" if i.unsupported else "APM only")
            )
            rows.append(
                (
                    escape(i.distribution),
                    escape(i.version or i.specifier or "any version"),
                    escape(covers),
                    escape(str(i.source)),
                )
            )
        text += _table(("Framework or library", "Version", "AAP covers", "Where"), rows)
    return text + "</details>\n\n"


def _footer(advice: Advice) -> str:
    return (
        f"<sub>Release data: index snapshot of {escape(advice.snapshot_date)}; "
        f"judged on {advice.today.isoformat()}.</sub>\n"
    )
