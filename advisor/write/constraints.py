"""The ``--write-constraints`` file: the target ddtrace and each co-upgrade, one per line.

A framework below the range the target supports is named on a comment line, never constrained:
moving it is the user's decision, as with ``--fix``.

Plain PEP 508 lines (markers when the answer splits by CPython), reasons on comment lines of
their own, so the file works with ``pip install -c FILE``, ``uv pip install -c FILE`` and
``UV_CONSTRAINT``, and each requirement line can be pasted into uv's ``constraint-dependencies``
as it is. A separate, reviewable overlay instead of rewriting manifests or locks.
"""

from __future__ import annotations

from typing import assert_never

from advisor.errors import WriteRefused
from advisor.model.advice import Advice, Change, Impossible, Ok, Split, Upgrade
from advisor.model.release import DDTRACE

__all__ = ["constraints_text"]


def _line(package: str, spec: str, marker: str | None) -> str:
    return f"{package}{spec}; {marker}" if marker else f"{package}{spec}"


def _co_upgrade(change: Change, target: str) -> list[str]:
    """The lines for one co-upgrade: an exact pin, the specifier the target needs, or a note."""
    why = f"# {change.package}: {change.reason or 'moves with the ddtrace target'}"
    if change.to_version is not None:
        return [why, _line(change.package, f"=={change.to_version}", change.marker)]
    if change.to_specifier:
        return [
            (
                f"# {change.package}: ddtrace {target} requires {change.to_specifier} "
                "(no version resolved)"
            ),
            _line(change.package, change.to_specifier, change.marker),
        ]
    # A constraints file cannot remove a package; say so instead of writing nothing silently.
    return [f"# {change.package}: no longer required by the ddtrace target (not constrained here)"]


def _framework(change: Change) -> list[str]:
    """A framework below the target's range: named, never constrained (the user moves it)."""
    why = change.reason or f"the ddtrace target supports {change.package}{change.to_specifier}"
    return [f"# {change.package}: {why}; not constrained here: move it yourself"]


def constraints_text(advice: Advice) -> str:
    """The constraints file for ``advice``.

    :raises WriteRefused: when no ddtrace release serves the project (nothing to constrain to).
    """
    rec = advice.recommendation
    pythons = ", ".join(py for py in advice.python_versions if rec.per_python.get(py))
    wanted = ", ".join(advice.requested) or "the requested capabilities"
    head = [
        "# Constraints written by aap-advise: the smallest ddtrace that gives",
        f"# {wanted} on CPython {pythons or 'none'}, and what must move with it.",
        "# Use: pip install -c THIS_FILE ... | uv pip install -c THIS_FILE ... | UV_CONSTRAINT=THIS_FILE",
    ]
    match rec:
        case Split():
            body = [_line(DDTRACE, f"=={part.ddtrace}", part.marker) for part in rec.split]
            body += [
                f"# {', '.join(part.off)}: off on CPython {', '.join(part.pythons)} "
                f"(no ddtrace release that installs there runs it)"
                for part in rec.split
                if part.off
            ]
            for change in rec.changes:
                if change.kind == "framework":
                    body += _framework(change)
        case Upgrade():
            body = [_line(DDTRACE, f"=={rec.ddtrace}", None)]
            for change in rec.changes:
                if change.kind == "framework":
                    body += _framework(change)
                elif change.package != DDTRACE:
                    body += _co_upgrade(change, rec.ddtrace)
        case Ok() if rec.by_python:  # a lock split by marker: each CPython keeps its version
            body = [_line(DDTRACE, f"=={part.ddtrace}", part.marker) for part in rec.by_python]
        case Ok():
            body = [_line(DDTRACE, f"=={rec.ddtrace}", None)]
        case Impossible():
            raise WriteRefused(
                "no ddtrace release serves this project; there is nothing to constrain to",
                code="nothing-to-constrain",
                hint="see the report's blockers",
            )
        case _:
            assert_never(rec)
    return "\n".join([*head, *body]) + "\n"
