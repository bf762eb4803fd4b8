"""The index reader of a run that may ask neither an index nor a cache (``--offline --no-cache``).

Such a run can learn nothing about any package but ddtrace (whose releases the snapshot
holds), so it needs no index configuration, no pip configuration file read, and none of
:mod:`advisor.index.source`: a pre-commit hook's run (the mode the fixed-cost benchmark
times) imports this module alone. Its answers are :class:`~advisor.index.source.IndexSource`'s
word for word when built offline without a cache: every question fails naming the package
(the planner quotes that message in its "co-upgrades not resolved offline" warning), and a
test holds the two to the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from advisor.errors import IndexUnavailable

if TYPE_CHECKING:
    from packaging.version import Version

    from advisor.index.http import Deadline
    from advisor.model.release import Release


class Uncached:
    """Answers nothing: offline, with no cache to answer from (see the module)."""

    def __init__(self) -> None:
        #: Nothing is read, so nothing is noted (an :class:`IndexSource`'s notes come from
        #: requests and from ``~/.netrc``, neither of which an offline run reads).
        self.notes: list[str] = []

    @property
    def started_clock(self) -> Deadline | None:
        """No request starts the run's deadline."""
        return None

    def refusal(self, name: str) -> IndexUnavailable:
        """What every question about ``name`` raises: known without asking (the resolver
        does not start a resolution whose first question it is)."""
        return _nothing(name)

    def releases(self, name: str) -> list[Release]:
        """:raises IndexUnavailable: always, as an uncached offline :class:`IndexSource` does."""
        raise _nothing(name)

    def requires_dist(self, name: str, version: Version) -> tuple[str, ...] | None:
        """:raises IndexUnavailable: always (the page naming the release is not cached)."""
        raise _nothing(name)

    def prefetch_async(self, names: Iterable[str]) -> None:
        """Nothing to fetch offline."""

    def prefetch_metadata_async(self, wanted: Iterable[tuple[str, Version]]) -> None:
        """Nothing to read offline."""

    def close(self) -> None:
        """Nothing was opened."""


def _nothing(name: str) -> IndexUnavailable:
    # The words of IndexSource._cached_answer for a page it has no cached copy of.
    return IndexUnavailable(f"no cached data for {name} (offline)", code="offline-no-data")
