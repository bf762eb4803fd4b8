"""The :class:`~advisor.write._base.HashLookup` backed by a package index.

The index client (and so httpx) is imported only when a lookup is made, so importing
:mod:`advisor.write` stays free of network code.
"""

from __future__ import annotations

from types import TracebackType
from typing import TYPE_CHECKING, Self

from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

if TYPE_CHECKING:
    from advisor.index.simple import ProjectPage, SimpleIndexClient

__all__ = ["IndexHashLookup"]


def _file_version(filename: str) -> Version | None:
    try:
        if filename.endswith(".whl"):
            return parse_wheel_filename(filename)[1]
        if filename.endswith((".tar.gz", ".zip")):
            return parse_sdist_filename(filename)[1]
    except (InvalidWheelFilename, InvalidSdistFilename, InvalidVersion):
        return None
    return None


class IndexHashLookup:
    """sha256 hashes of every file of a release, read from a Simple API index.

    As pip-compile does, every file of the version counts (all wheels and the sdist), so the
    hashed requirement installs on any platform. Files without a sha256 are left out.

    :param index_url: the index root (credentials in it are used, never shown).
    :param timeout: seconds per request.
    :param client: an index client to use instead of one made on the first lookup (it is
        then the caller's to close).
    """

    def __init__(
        self,
        index_url: str = "https://pypi.org/simple/",
        timeout: float = 30.0,
        *,
        client: SimpleIndexClient | None = None,
    ) -> None:
        self.index_url = index_url
        self.timeout = timeout
        self._client = client
        self._own_client = client is None
        self._pages: dict[str, ProjectPage] = {}

    def hashes(self, package: str, version: str) -> list[str]:
        """``sha256:<hex>`` of every file of ``package`` ``version``, sorted.

        :raises IndexUnavailable: when the index cannot be read.
        """
        name = canonicalize_name(package)
        if name not in self._pages:
            if self._client is None:
                from advisor.index.simple import SimpleIndexClient

                self._client = SimpleIndexClient(self.index_url, timeout=self.timeout)
            self._pages[name] = self._client.project_page(name)
        wanted = Version(version)
        return sorted(
            {
                f"sha256:{f.hashes['sha256']}"
                for f in self._pages[name].files
                if "sha256" in f.hashes and _file_version(f.filename) == wanted
            }
        )

    def close(self) -> None:
        """Close the index client, if this object opened it."""
        if self._own_client and self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
