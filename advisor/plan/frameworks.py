"""Frameworks and libraries against the range the ddtrace target supports (issue 14, rules 6, 7).

Ranges are compared as ranges: a specifier set becomes a union of intervals on the version
line, so "the declared range admits only versions outside the supported one" is decided from
the specifiers themselves, without listing the library's releases (which offline we cannot).

- a pinned or locked version outside the supported range: a warning;
- a declared range that admits no supported version: a warning;
- a declared range that admits some unsupported versions: a note;
- a documented web framework below the supported range, while a capability that acts on
  requests is wanted: a change of kind ``framework`` in the recommendation, which keeps the
  verdict at ``upgrade`` even when ddtrace itself is enough (``--fix`` leaves it to the user);
- a web framework the compatibility page does not list: a warning naming it.

Pure: values in, values out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Literal, assert_never

from packaging.specifiers import Specifier, SpecifierSet
from packaging.version import InvalidVersion, Version

from advisor.knowledge.model import Capability, Integration, Knowledge
from advisor.model import IdentityMemo
from advisor.model.advice import Change, FoundIntegration, Impossible, Ok, Split, Upgrade, Verdict
from advisor.model.project import Finding
from advisor.model.release import version_of

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = [
    "Fit",
    "Interval",
    "below",
    "declared_findings",
    "fit",
    "framework_changes",
    "intervals",
    "undocumented",
    "with_framework_changes",
]

WEB_FRAMEWORK = "web-framework"


# --- ranges as intervals -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Interval:
    """The versions between ``lo`` and ``hi`` (``None``: unbounded), ends included when closed."""

    lo: Version | None
    lo_closed: bool
    hi: Version | None
    hi_closed: bool

    def empty(self) -> bool:
        if self.lo is None or self.hi is None:
            return False
        return self.lo > self.hi or (self.lo == self.hi and not (self.lo_closed and self.hi_closed))


EVERYTHING = (Interval(None, False, None, False),)


def _point(v: Version) -> tuple[Interval, ...]:
    return (Interval(v, True, v, True),)


def _starting(epoch: int, release: Sequence[int]) -> tuple[Version, Version]:
    """The versions whose release starts with ``release``: ``[1.11.dev0, 1.12.dev0)``."""
    head = f"{epoch}!" if epoch else ""
    upper = [*release[:-1], release[-1] + 1]
    return (
        Version(f"{head}{'.'.join(map(str, release))}.dev0"),
        Version(f"{head}{'.'.join(map(str, upper))}.dev0"),
    )


def _prefix(text: str) -> tuple[Version, Version] | None:
    """``1.11`` (of ``==1.11.*``) -> the versions it starts (``None``: not a plain release)."""
    try:
        v = Version(text)
    except InvalidVersion:
        return None
    if v.pre or v.post is not None or v.dev is not None or v.local:
        return None
    return _starting(v.epoch, v.release)


def _clause(s: Specifier) -> tuple[Interval, ...] | None:
    """One clause as intervals; ``None`` when it cannot be placed on the version line.

    Exact but for two stretches, both towards admitting more: ``>V`` is read as every version
    above ``V`` (packaging also leaves out V's post-releases, which no interval end can cut
    off), and ``<V`` of a ``V`` that is not a plain release as every version below it
    (packaging also leaves out the pre-releases of V's release). Pre-release policy is not
    modelled: every version counts.
    """
    op, text = s.operator, s.version
    if text.endswith(".*"):
        bounds = _prefix(text[:-2])
        if bounds is None:
            return None
        low, high = bounds
        inside = Interval(low, True, high, False)
        if op == "==":
            return (inside,)
        if op == "!=":
            return (Interval(None, False, low, False), Interval(high, True, None, False))
        return None
    try:
        v = Version(text)
    except InvalidVersion:  # === of a string that is not a version
        return None
    match op:
        case "==" | "===":
            return _point(v)
        case "!=":
            return (Interval(None, False, v, False), Interval(v, False, None, False))
        case ">=":
            return (Interval(v, True, None, False),)
        case ">":
            return (Interval(v, False, None, False),)
        case "<=":
            return (Interval(None, False, v, True),)
        case "<":
            if v.pre is None and v.post is None and v.dev is None and not v.local:
                # <6 leaves out 6.0rc1 and 6.0.dev0: everything from 6.dev0 on.
                v = _starting(v.epoch, v.release)[0]
            return (Interval(None, False, v, False),)
        case "~=":
            if len(v.release) < 2:  # packaging refuses ~=1; be safe all the same
                return None
            return (Interval(v, True, _starting(v.epoch, v.release[:-1])[1], False),)
    return None


#: :func:`intervals` of the specifier sets asked about, by identity: the knowledge's declared
#: ranges are asked about for every framework of every project, and a requirement string's
#: one-clause set is shared by the dependencies read from it.
_INTERVALS: IdentityMemo[SpecifierSet, tuple[Interval, ...] | None] = IdentityMemo(1024)


def intervals(spec: SpecifierSet) -> tuple[Interval, ...] | None:
    """The versions ``spec`` admits, as sorted disjoint intervals (``()``: none at all).

    ``None`` when some clause cannot be placed (``===`` of a non-version, an odd wildcard):
    then nothing is claimed about the range.
    """
    return _INTERVALS.get(spec, _intervals)


def _intervals(spec: SpecifierSet) -> tuple[Interval, ...] | None:
    out: tuple[Interval, ...] = EVERYTHING
    for s in spec:
        clause = _clause(s)
        if clause is None:
            return None
        out = _intersect(out, clause)
    return out


def _lo_key(i: Interval) -> tuple[int, Version | None, int]:
    # Unbounded first; at one version a closed start comes before an open one.
    return (0, None, 0) if i.lo is None else (1, i.lo, 0 if i.lo_closed else 1)


def _starts_before_end(a: Interval, b: Interval) -> bool:
    """``a`` starts no later than ``b`` ends, so the two touch or overlap (for a merge)."""
    if a.lo is None or b.hi is None:
        return True
    return a.lo < b.hi or (a.lo == b.hi and (a.lo_closed or b.hi_closed))


def _max_hi(a: Interval, b: Interval) -> tuple[Version | None, bool]:
    if a.hi is None or b.hi is None:
        return None, False
    if a.hi != b.hi:
        return (a.hi, a.hi_closed) if a.hi > b.hi else (b.hi, b.hi_closed)
    return a.hi, a.hi_closed or b.hi_closed


def _normal(parts: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sorted, without empty pieces, touching or overlapping pieces merged."""
    out: list[Interval] = []
    for i in sorted((p for p in parts if not p.empty()), key=_lo_key):
        if out and _starts_before_end(i, out[-1]):
            hi, closed = _max_hi(out[-1], i)
            out[-1] = replace(out[-1], hi=hi, hi_closed=closed)
        else:
            out.append(i)
    return tuple(out)


def _meet(a: Interval, b: Interval) -> Interval:
    if a.lo is None:
        lo, lo_closed = b.lo, b.lo_closed
    elif b.lo is None or a.lo > b.lo:
        lo, lo_closed = a.lo, a.lo_closed
    elif a.lo < b.lo:
        lo, lo_closed = b.lo, b.lo_closed
    else:
        lo, lo_closed = a.lo, a.lo_closed and b.lo_closed
    if a.hi is None:
        hi, hi_closed = b.hi, b.hi_closed
    elif b.hi is None or a.hi < b.hi:
        hi, hi_closed = a.hi, a.hi_closed
    elif a.hi > b.hi:
        hi, hi_closed = b.hi, b.hi_closed
    else:
        hi, hi_closed = a.hi, a.hi_closed and b.hi_closed
    return Interval(lo, lo_closed, hi, hi_closed)


def _intersect(a: Sequence[Interval], b: Sequence[Interval]) -> tuple[Interval, ...]:
    return _normal(_meet(x, y) for x in a for y in b)


def _complement(a: Sequence[Interval]) -> tuple[Interval, ...]:
    out: list[Interval] = []
    lo: Version | None = None
    lo_closed = False
    first = True
    for i in a:
        if i.lo is not None:
            out.append(Interval(None if first else lo, lo_closed, i.lo, not i.lo_closed))
        if i.hi is None:
            return _normal(out)
        lo, lo_closed, first = i.hi, not i.hi_closed, False
    out.append(Interval(None if first else lo, lo_closed, None, False))
    return _normal(out)


Fit = Literal["inside", "partly", "outside"]
"""How a declared range sits against the supported one: every version it admits is supported,
some are, or none is."""


def fit(found: SpecifierSet, supported: SpecifierSet) -> Fit | None:
    """Where the versions ``found`` admits sit against ``supported``; ``None``: cannot tell."""
    mine, theirs = intervals(found), intervals(supported)
    if mine is None or theirs is None:
        return None
    if not mine:
        return None  # admits nothing at all: another finding's business, not a range check
    if not _intersect(mine, theirs):
        return "outside"
    return "inside" if not _intersect(mine, _complement(theirs)) else "partly"


def below(found: SpecifierSet, supported: SpecifierSet) -> bool:
    """Every version ``found`` admits lies below every version ``supported`` admits."""
    mine, theirs = intervals(found), intervals(supported)
    if not mine or not theirs:
        return False
    top, bottom = mine[-1], theirs[0]
    if top.hi is None or bottom.lo is None:
        return False
    return top.hi < bottom.lo or (top.hi == bottom.lo and not (top.hi_closed and bottom.lo_closed))


def _version_below(v: Version, supported: SpecifierSet) -> bool:
    theirs = intervals(supported)
    if not theirs or theirs[0].lo is None:
        return False
    lo = theirs[0].lo
    return v < lo or (v == lo and not theirs[0].lo_closed)


def _floor_text(supported: SpecifierSet) -> tuple[str, str] | None:
    """The supported range's lowest point: (``2.2.8``, ``>=2.2.8``); ``None`` when unbounded."""
    theirs = intervals(supported)
    if not theirs or theirs[0].lo is None:
        return None
    lo = theirs[0].lo
    return str(lo), (f">={lo}" if theirs[0].lo_closed else f">{lo}")


def _bump(distribution: str, supported: SpecifierSet) -> str:
    """``; upgrade django to 2.2.8 or later``, or ``""`` when the range has no lowest point."""
    floor = _floor_text(supported)
    if floor is None:
        return ""
    if floor[1].startswith(">="):
        return f"; upgrade {distribution} to {floor[0]} or later"
    return f"; upgrade {distribution} past {floor[0]}"


# --- findings on declared ranges ---------------------------------------------------------------


def _what(f: FoundIntegration, supported: SpecifierSet, target: Version) -> str:
    """What a finding on ``f`` names (written only for a finding: most dependencies are
    inside the range, and the text is most of the cost of saying nothing)."""
    return f"what ddtrace {target} supports ({f.distribution}{supported})"


def declared_findings(
    f: FoundIntegration, supported: SpecifierSet, target: Version
) -> list[Finding]:
    """What to say about ``f`` against the range ``supported`` ddtrace ``target`` declares.

    A pinned or locked version decides; without one, the declared range does (a bare name
    says nothing: the resolver installs the newest).
    """
    v = f.parsed_version
    if v is not None:
        if supported.contains(v, prereleases=True):
            return []
        what = _what(f, supported, target)
        if _version_below(v, supported):
            return [
                Finding(
                    "integration-too-old",
                    "warning",
                    f"{f.distribution} {f.version} is outside {what}"
                    + _bump(f.distribution, supported),
                    f.source,
                )
            ]
        return [
            Finding(
                "integration-outside-range",
                "warning",
                f"{f.distribution} {f.version} is outside {what}",
                f.source,
            )
        ]
    spec = f.parsed_specifier
    if not spec:
        return []
    where = fit(spec, supported)
    if where == "inside" or where is None:
        return []
    shown = f"{f.distribution}{f.specifier}"
    what = _what(f, supported, target)
    match where:
        case "partly":
            return [
                Finding(
                    "integration-range-partial",
                    "info",
                    f"{shown} also admits versions outside {what}",
                    f.source,
                )
            ]
        case "outside":
            if below(spec, supported):
                return [
                    Finding(
                        "integration-too-old",
                        "warning",
                        f"{shown} is below {what}" + _bump(f.distribution, supported),
                        f.source,
                    )
                ]
            return [
                Finding(
                    "integration-outside-range",
                    "warning",
                    f"{shown} admits no version of {what}",
                    f.source,
                )
            ]
        case _:
            assert_never(where)


# --- framework changes -------------------------------------------------------------------------


def _documented_web(integ: Integration) -> bool:
    return integ.kind == WEB_FRAMEWORK and integ.documented


def _wants_requests(knowledge: Knowledge, active: Sequence[Capability]) -> bool:
    return any(c.id in knowledge.request_capabilities for c in active)


def _framework_change(
    knowledge: Knowledge, f: FoundIntegration, target: Version
) -> tuple[Version, Change] | None:
    """The change moving ``f`` into the range ``target`` supports, with that range's floor."""
    declared = knowledge.integration(f.id).declared_for(target, f.distribution)
    if declared is None:
        return None
    supported = declared.spec
    if f.parsed_version is not None:
        is_below = _version_below(f.parsed_version, supported)
    elif f.parsed_specifier:
        is_below = fit(f.parsed_specifier, supported) == "outside" and below(
            f.parsed_specifier, supported
        )
    else:
        is_below = False
    floor = _floor_text(supported)
    if not is_below or floor is None:
        return None
    uppers = [str(s) for s in supported if s.operator in ("<", "<=")]
    change = Change(
        f.distribution,
        f.version,
        None,
        from_specifier=f.specifier,
        to_specifier=",".join([floor[1], *uppers]),
        source=f.source,
        reason=f"below what ddtrace {target} supports ({f.distribution}{supported})",
        kind="framework",
    )
    return Version(floor[0]), change


def framework_changes(
    knowledge: Knowledge,
    found: Sequence[FoundIntegration],
    active: Sequence[Capability],
    targets: Sequence[Version],
) -> tuple[Change, ...]:
    """A ``framework`` change for each documented web framework below the range a target supports.

    Only while a capability that acts on requests is wanted (SCA alone does not need the web
    framework's integration). With several targets (a split), the highest floor wins.
    """
    if not targets or not _wants_requests(knowledge, active):
        return ()
    out: dict[str, tuple[Version, Change]] = {}
    for f in found:
        if not _documented_web(knowledge.integration(f.id)):
            continue
        for target in targets:
            made = _framework_change(knowledge, f, target)
            if made is not None and (f.distribution not in out or made[0] > out[f.distribution][0]):
                out[f.distribution] = made
    return tuple(change for _, change in out.values())


def with_framework_changes(
    rec: Verdict,
    knowledge: Knowledge,
    found: Sequence[FoundIntegration],
    active: Sequence[Capability],
) -> Verdict:
    """``rec`` with the framework changes its target needs appended (after ddtrace's own).

    An ``ok`` whose framework is below what its ddtrace supports becomes an ``upgrade`` that
    keeps ddtrace where it is and moves only the framework.
    """
    match rec:
        case Ok():
            targets = [version_of(rec.ddtrace)]
        case Upgrade():
            targets = [version_of(rec.ddtrace)]
        case Split():
            targets = [version_of(p.ddtrace) for p in rec.split]
        case Impossible():
            return rec
        case _:
            assert_never(rec)
    changes = framework_changes(knowledge, found, active, targets)
    if not changes:
        return rec
    match rec:
        case Ok():
            return Upgrade(rec.ddtrace, changes, rec.per_python, rec.floor, rec.floor_reasons)
        case Upgrade() | Split():
            moving = {c.package for c in rec.changes}
            more = tuple(c for c in changes if c.package not in moving)
            return replace(rec, changes=(*rec.changes, *more))
        case _:
            raise AssertionError(rec)


# --- web frameworks the compatibility page does not list ---------------------------------------


def _names(names: Sequence[str]) -> str:
    """``Django, Flask, FastAPI and Tornado``."""
    if len(names) < 2:
        return "".join(names) or "no web framework"
    return f"{', '.join(names[:-1])} and {names[-1]}"


def undocumented(
    knowledge: Knowledge, found: Sequence[FoundIntegration], active: Sequence[Capability]
) -> list[Finding]:
    """A warning for each web framework found that AAP does not document, when a capability
    that acts on requests is wanted. Starlette under FastAPI is FastAPI's business."""
    if not _wants_requests(knowledge, active):
        return []
    ids = {f.id for f in found}
    out = []
    for f in found:
        integ = knowledge.integration(f.id)
        if integ.kind != WEB_FRAMEWORK or integ.documented:
            continue
        if integ.covered_by is not None and integ.covered_by in ids:
            continue
        # Listed only for a warning to give (most projects' frameworks are documented).
        documented = [i.name for i in knowledge.integrations if _documented_web(i)]
        out.append(
            Finding(
                "framework-undocumented",
                "warning",
                f"{integ.name} ({f.distribution} found): HTTP monitoring and blocking are "
                f"documented for {_names(documented)} only; requests served by {integ.name} may "
                "go unprotected",
                f.source,
            )
        )
    return out
