"""Where the resolver gets package data: a small Protocol, so the resolver never sees HTTP.

Releases are :class:`~advisor.model.release.Release` values (version, Requires-Python,
yanked, wheels per CPython and platform, sdist); Requires-Dist is asked for separately because
it costs a request per version online.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Protocol

from packaging.version import Version

from advisor.errors import IndexUnavailable
from advisor.model.release import Release, ReleaseSnapshot


class PackageSource(Protocol):
    """Package data for the resolver.

    Both methods raise :class:`~advisor.errors.IndexUnavailable` when the data cannot be had.
    A source may also offer ``prefetch_async(names)`` and ``prefetch_metadata_async(pairs)``:
    hints that the resolver is about to ask for these, so they can be fetched side by side.
    """

    def releases(self, name: str) -> Sequence[Release]:
        """Every release of ``name`` (canonical), ascending; empty when the project is unknown."""
        ...

    def requires_dist(self, name: str, version: Version) -> tuple[str, ...] | None:
        """Requires-Dist of one release; ``None`` when it cannot be known."""
        ...


class SnapshotSource:
    """ddtrace from the shipped snapshot; every other package from ``fallback`` (if any).

    The snapshot already holds ddtrace's Requires-Dist for every final release, so the
    resolver never fetches ddtrace's metadata.
    """

    def __init__(self, snapshot: ReleaseSnapshot, fallback: PackageSource | None = None) -> None:
        self.snapshot = snapshot
        self.fallback = fallback
        #: What the resolver works out from a project's releases, kept for every resolution
        #: over this source (:class:`~advisor.resolve.provider.Provider`): a project's releases
        #: do not change while the source lives.
        self.resolver_memo: dict[Hashable, object] = {}

    def releases(self, name: str) -> Sequence[Release]:
        """ddtrace's releases from the snapshot, others from the fallback."""
        if name == self.snapshot.project:
            return self.snapshot.releases
        if self.fallback is None:
            raise _no_data(name)
        return self.fallback.releases(name)

    def known_refusal(self, name: str) -> IndexUnavailable | None:
        """The error :meth:`releases` raises for ``name`` when that is known without asking:
        with no fallback, or one that answers nothing (``--offline --no-cache``,
        :meth:`~advisor.index.offline.Uncached.refusal`); else ``None``."""
        if name == self.snapshot.project:
            return None
        if self.fallback is None:
            return _no_data(name)
        refusal = getattr(self.fallback, "refusal", None)
        return refusal(name) if refusal is not None else None

    def prefetch_async(self, names: Iterable[str]) -> None:
        """Let the fallback start fetching these projects' pages (ddtrace needs none)."""
        hint = getattr(self.fallback, "prefetch_async", None)
        if hint is not None:
            hint([n for n in names if n != self.snapshot.project])

    def prefetch_metadata_async(self, wanted: Iterable[tuple[str, Version]]) -> None:
        """Let the fallback start reading Requires-Dist the snapshot does not have."""
        hint = getattr(self.fallback, "prefetch_metadata_async", None)
        if hint is not None:
            hint([(n, v) for n, v in wanted if not self._in_snapshot(n, v)])

    def _in_snapshot(self, name: str, version: Version) -> bool:
        if name != self.snapshot.project:
            return False
        release = self.snapshot.get(version)
        return release is not None and release.requires_dist is not None

    def requires_dist(self, name: str, version: Version) -> tuple[str, ...] | None:
        """From the snapshot for ddtrace (falling back when the snapshot has none)."""
        if name == self.snapshot.project:
            release = self.snapshot.get(version)
            if release is not None and release.requires_dist is not None:
                return release.requires_dist
        if self.fallback is None:
            return None
        return self.fallback.requires_dist(name, version)


def _no_data(name: str) -> IndexUnavailable:
    """What a source without a fallback says of a package not in its snapshot."""
    return IndexUnavailable(
        f"no data for {name} offline (not in the cache)", code="offline-no-data"
    )
