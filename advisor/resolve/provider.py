"""The resolvelib provider: thin, as pip's is. Requirements and candidates own their checks.

Policy lives in candidate order (STYLE 2.1 #5): the target package is pinned ``==v`` by the
caller; every other package offers its current pin first, then the smallest versions above it
(a pin may move up, never down, and no further than it must); packages without a pin offer
their newest allowed version first, as the project's lock tool would pick it (never an ancient
``setuptools 0.9.8``). Releases with a wheel for the CPython come before sdist-only ones, so
the set proposed installs without building ancient sdists.
"""

from __future__ import annotations

import time
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import field
from typing import TYPE_CHECKING, Any, cast

from packaging.specifiers import SpecifierSet
from packaging.version import Version
from resolvelib.providers import AbstractProvider
from resolvelib.structs import RequirementInformation

from advisor.model.release import Release
from advisor.resolve.requirements import Req, _key, marker_env, parse_requires_dist
from advisor.resolve.source import PackageSource

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = ["Cand", "Provider", "Req", "marker_env", "parse_requires_dist"]


@dataclass(frozen=True, slots=True)
class Cand:
    """One release of one package (with extras, when a requirement asked for some)."""

    name: str
    version: Version
    extras: frozenset[str]
    release: Release = field(compare=False, hash=False)

    @property
    def key(self) -> str:
        """The resolvelib identifier."""
        return _key(self.name, self.extras)


# How a release installs on one CPython and platform (Provider._installs).
_NOT_HERE, _WHEEL, _SDIST = object(), object(), object()


class Provider(AbstractProvider[Req, Cand, str]):
    """Resolves for one CPython on one platform.

    :param source: package data.
    :param python: CPython minor, e.g. ``"3.12"``.
    :param platform: platform id, e.g. ``"linux-x86_64"``.
    :param pins: canonical name -> current version; offered first, and never gone below.
    :param constraints: hard limits per package (``-c`` files) that narrow its candidates
        without requiring it, as pip's constraints do.
    :param deadline: a :func:`time.monotonic` time past which every step raises
        :class:`~advisor.resolve.OutOfTime`.
    """

    def __init__(
        self,
        source: PackageSource,
        python: str,
        platform: str,
        pins: Mapping[str, Version],
        constraints: Mapping[str, Sequence[Req]] | None = None,
        deadline: float | None = None,
    ) -> None:
        self.source = source
        self.deadline = deadline
        self.python = python
        self.platform = platform
        self.pins = pins
        self.constraints = constraints or {}
        self.env = marker_env(python, platform)
        self.unknown_metadata: set[tuple[str, Version]] = set()
        self._hint_pages = getattr(source, "prefetch_async", None)
        self._hint_metadata = getattr(source, "prefetch_metadata_async", None)
        # What is worked out from a project's releases (which install here, which versions a
        # specifier allows) is kept: resolvelib asks for the same project's candidates again
        # and again, and a source that offers a memo (SnapshotSource) keeps it for every
        # resolution of the run (the five CPythons' and each step's).
        memo = getattr(source, "resolver_memo", None)
        self._memo: dict[Hashable, Any] = memo if isinstance(memo, dict) else {}

    def identify(self, requirement_or_candidate: Req | Cand) -> str:
        """Name plus extras."""
        return requirement_or_candidate.key

    def get_preference(
        self,
        identifier: str,
        resolutions: Mapping[str, Cand],
        candidates: Mapping[str, Iterator[Cand]],
        information: Mapping[str, Iterator[RequirementInformation[Req, Cand]]],
        backtrack_causes: Sequence[RequirementInformation[Req, Cand]],
    ) -> tuple[int, int, str]:
        """Exact requirements first (the target is one), then backtrack causes, then by name."""
        infos = list(information[identifier])
        exact = any(s.operator in ("==", "===") for i in infos for s in i.requirement.specifier)
        causes = {c.requirement.name for c in backtrack_causes}
        return (0 if exact else 1, 0 if identifier.split("[")[0] in causes else 1, identifier)

    def find_matches(
        self,
        identifier: str,
        requirements: Mapping[str, Iterator[Req]],
        incompatibilities: Mapping[str, Iterator[Cand]],
    ) -> list[Cand]:
        """Allowed releases, the pin first, then ascending."""
        self._on_time()
        reqs = list(requirements[identifier])
        bad = {c.version for c in incompatibilities[identifier]}
        name = identifier.split("[")[0]
        extras = frozenset().union(*(r.extras for r in reqs)) if reqs else frozenset()
        limits = [*reqs, *self.constraints.get(name, ())]
        pinned_exactly = {
            s.version for r in limits for s in r.specifier if s.operator in ("==", "===")
        }
        # PEP 440: pre-releases only when a requirement names one (``>=2.0b1``), as pip does.
        allow_pre = any(r.specifier.prereleases for r in limits)
        verdicts = [self._verdicts(r.specifier) for r in limits]
        releases, installs, prereleases = self._releases(name)
        pin = self.pins.get(name)
        below = self._below(name, pin) if pin is not None else None
        found: list[tuple[Cand, bool]] = []
        for i, release in enumerate(releases):
            if prereleases[i] and not allow_pre:
                continue
            if below is not None and below[i]:  # a pin moves up, never down
                continue
            v = release.version
            if v in bad:
                continue
            for specifier, seen in verdicts:
                allowed = seen.get(v)
                if allowed is None:
                    allowed = seen[v] = specifier.contains(v, prereleases=True)
                if not allowed:
                    break
            else:
                allowed = True
            if not allowed:
                continue
            # PEP 592: a yanked release is only chosen when asked for by an exact pin.
            if release.yanked and str(v) not in pinned_exactly:
                continue
            if (how := installs[i]) is None:
                how = installs[i] = self._installs(release)
            if how is _NOT_HERE:
                continue
            found.append((Cand(name, v, extras, release), how is _WHEEL))
        # The pin first, then the smallest releases above it (a pin moves no further than it
        # must); a package the project does not pin gets what its lock tool would pick, the
        # newest. Releases with a wheel for this CPython (they install without a build) before
        # sdist-only ones.
        # Final releases before pre-releases a requirement allows (``>=2.1rc1`` lets 2.1rc1 in;
        # 2.1, when allowed, is what a lock tool takes).
        found.sort(key=lambda cw: cw[0].version, reverse=pin is None)
        found.sort(
            key=lambda cw: (
                cw[0].version != pin,
                cw[0].version.is_prerelease and cw[0].version != pin,
                not cw[1],
            )
        )
        out = [c for c, _ in found]
        if out and self._hint_metadata is not None:
            # resolvelib tries the first candidate when it pins this package: start reading its
            # Requires-Dist now, beside the other packages', instead of when it gets there.
            self._hint_metadata([(name, out[0].version)])
        return out

    def _releases(self, name: str) -> tuple[Sequence[Release], list[object], list[bool]]:
        """``name``'s releases; for each, how it installs here, once worked out
        (:meth:`_installs`; ``None`` until then), and whether it is a pre-release."""
        key = ("releases", name, self.python, self.platform)
        found = self._memo.get(key)
        if found is None:
            releases = tuple(self.source.releases(name))
            found = self._memo[key] = (
                releases,
                [None] * len(releases),
                [r.version.is_prerelease for r in releases],
            )
        return cast("tuple[Sequence[Release], list[object], list[bool]]", found)

    def _below(self, name: str, pin: Version) -> list[bool]:
        """For each of ``name``'s releases, whether it is below the pin."""
        key = ("below", name, pin)
        found = self._memo.get(key)
        if found is None:
            releases = self._releases(name)[0]
            found = self._memo[key] = [r.version < pin for r in releases]
        return cast("list[bool]", found)

    def _installs(self, release: Release) -> object:
        """How ``release`` installs on this CPython and platform: from a wheel, only from its
        sdist, or not at all (Requires-Python, or nothing to install)."""
        # Release.installs_on, with has_wheel asked once: Requires-Python admits the CPython,
        # and a wheel for it or an sdist is there to install.
        if not release.admits_python(self.python):
            return _NOT_HERE
        if release.has_wheel(self.python, self.platform):
            return _WHEEL
        return _SDIST if release.sdist else _NOT_HERE

    def _verdicts(self, specifier: SpecifierSet) -> tuple[SpecifierSet, dict[Version, bool]]:
        """Whether ``specifier`` allows each version asked about so far (pre-releases
        included), kept for the next time the same specifier is checked."""
        # By the object first (a requirement's specifier is one object for the run), then by
        # its text (the same specifier written again).
        found = self._memo.get(("specifier", id(specifier)))
        if found is not None and found[0] is specifier:
            return cast("tuple[SpecifierSet, dict[Version, bool]]", found)
        key = ("allows", str(specifier))
        seen = self._memo.get(key)
        if seen is None:
            seen = self._memo[key] = {}
        found = self._memo[("specifier", id(specifier))] = (specifier, seen)
        return cast("tuple[SpecifierSet, dict[Version, bool]]", found)

    def is_satisfied_by(self, requirement: Req, candidate: Cand) -> bool:
        """Version in the specifier (pre-releases allowed once chosen) and extras covered."""
        specifier, seen = self._verdicts(requirement.specifier)
        version = candidate.version
        allowed = seen.get(version)
        if allowed is None:
            allowed = seen[version] = specifier.contains(version, prereleases=True)
        return allowed and requirement.extras <= candidate.extras

    def get_dependencies(self, candidate: Cand) -> list[Req]:
        """Requires-Dist for this CPython and platform; an extras candidate also needs its base."""
        self._on_time()
        origin = f"{candidate.name} {candidate.version}"
        lines = self.source.requires_dist(candidate.name, candidate.version)
        if lines is None:
            self.unknown_metadata.add((candidate.name, candidate.version))
            lines = ()
        deps = parse_requires_dist(lines, self.env, candidate.extras, origin)
        if self._hint_pages is not None:
            # resolvelib asks for the candidates of every one of these next: fetch them together.
            self._hint_pages([d.name for d in deps])
        if candidate.extras:
            deps = [d for d in deps if d.name != candidate.name or d.extras]
            deps.append(
                Req(candidate.name, SpecifierSet(f"=={candidate.version}"), frozenset(), origin)
            )
        return deps

    def _on_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            from advisor.resolve import OutOfTime

            raise OutOfTime("out of time")
