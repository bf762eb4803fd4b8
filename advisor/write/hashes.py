"""The :class:`~advisor.write.plan.HashLookup` backed by the run's package indexes.

Hashes are written into requirements files, so they come through the same index reader as
every other index read of the run (its indexes, cache, timeouts, ``~/.netrc`` credentials and
total deadline): a :class:`ReleaseHashes`, which :class:`advisor.index.source.IndexSource`
implements and the pipeline hands in. Each one is checked to be a digest pip accepts
(``sha256``, ``sha384`` or ``sha512`` with exactly the right number of hex digits) before it
is returned: a value holding anything else (a newline and an ``--extra-index-url`` line, say)
refuses the fix instead of reaching the file.

This package never imports the index reader (nor, so, httpx): importing :mod:`advisor.write`
stays free of network code.
"""

from __future__ import annotations

from typing import Protocol

from advisor.errors import IndexUnavailable
from advisor.model.digests import HEX_DIGITS, digest

__all__ = ["IndexHashLookup", "ReleaseHashes", "checked"]


class ReleaseHashes(Protocol):
    """What :class:`IndexHashLookup` needs of an index reader (an
    :class:`~advisor.index.source.IndexSource` is one)."""

    def release_hashes(self, name: str, version: str) -> list[str]:
        """``algorithm:hex`` of every file of ``name`` ``version`` on the indexes.

        :raises IndexUnavailable: when no index can be read, or one lists a malformed digest.
        """
        ...

    def close(self) -> None:
        """Stop the reader's requests and close its client."""
        ...


def checked(values: list[str], what: str) -> list[str]:
    """``values`` (``algorithm:hex``) when every one is a digest pip accepts, sorted and unique.

    :raises IndexUnavailable: naming the first value that is not (shown escaped, on one line).
    """
    out: set[str] = set()
    for value in values:
        algorithm, _, hexdigest = value.partition(":")
        good = digest(algorithm, hexdigest)
        if good is None:
            accepted = ", ".join(HEX_DIGITS)
            raise IndexUnavailable(
                f"{what}: the index gave a malformed hash {value[:200]!r} "
                f"(only {accepted} hex digests are written)",
                code="bad-hash",
            )
        out.add(f"{algorithm}:{good}")
    return sorted(out)


class IndexHashLookup:
    """Hashes of every file of a release, read from the run's indexes.

    As pip-compile does, every file of the version counts (all wheels and the sdist), so the
    hashed requirement installs on any platform. Files without an accepted hash are left out.

    :param source: the index reader; it is this object's to close.
    """

    def __init__(self, source: ReleaseHashes) -> None:
        self.source = source

    def hashes(self, package: str, version: str) -> list[str]:
        """``sha256:<hex>`` (or sha384 / sha512) of every file of ``package`` ``version``, sorted.

        :raises IndexUnavailable: when the index cannot be read or gives a malformed hash.
        """
        return checked(self.source.release_hashes(package, version), f"{package} {version}")

    def close(self) -> None:
        """Stop the index reader's requests and close its client."""
        self.source.close()
