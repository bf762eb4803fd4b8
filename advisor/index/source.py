"""Package data for the resolver from real indexes, through the on-disk cache.

:class:`IndexSource` implements :class:`advisor.resolve.source.PackageSource`. Pages come from
every configured index (files merged, as pip merges ``--extra-index-url``); Requires-Dist comes
from PEP 658 ``.metadata`` files when offered, else from HTTP Range reads of one wheel's
``METADATA``, else (sdist only) from the sdist's ``PKG-INFO``. Offline, only the cache answers.
"""

from __future__ import annotations

import io
import tarfile
import threading
import zipfile
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from packaging.version import InvalidVersion, Version

from advisor.errors import IndexUnavailable
from advisor.index.cache import Cache
from advisor.index.simple import IndexFile, SimpleIndexClient, describe_http_error, read_capped, redact
from advisor.index.wheelmeta import parse_metadata, read_wheel_metadata
from advisor.knowledge.refresh import group_files, metadata_wheel, release_entry
from advisor.knowledge.releases import Release, release_from_entry

#: An sdist read whole for its PKG-INFO (the last resort) must be smaller than this.
MAX_SDIST_BYTES = 20 * 1024 * 1024


class IndexSource:
    """Releases and Requires-Dist of any project, from indexes and the cache.

    :param index_urls: the indexes, the primary first.
    :param cache: the on-disk cache, or ``None`` for none.
    :param offline: answer from the cache only.
    :param timeout: seconds per request.
    :param workers: parallel requests in :meth:`prefetch`.
    """

    def __init__(
        self,
        index_urls: Sequence[str],
        cache: Cache | None,
        *,
        offline: bool = False,
        timeout: float = 30.0,
        workers: int = 8,
        client: httpx.Client | None = None,
    ) -> None:
        self.index_urls = list(index_urls)
        self.cache = cache
        self.offline = offline
        self.workers = workers
        self._own = client is None
        self.client = client or httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=True)
        self.clients = [SimpleIndexClient(u, self.client, timeout) for u in self.index_urls]
        self.notes: list[str] = []
        self.requests = 0
        self._pages: dict[str, dict[str, Any]] = {}
        self._meta: dict[tuple[str, Version], tuple[str, ...] | None] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        """Close the HTTP client when this object made it."""
        if self._own:
            self.client.close()

    # -- releases --------------------------------------------------------------------------

    def releases(self, name: str) -> list[Release]:
        """Every release of ``name`` on the indexes, ascending."""
        versions = self._page(name)
        out = []
        for v, entry in versions.items():
            try:
                out.append(release_from_entry(v, entry))
            except (InvalidVersion, ValueError, KeyError):
                continue
        return sorted(out, key=lambda r: r.version)

    def prefetch(self, names: Iterable[str]) -> None:
        """Fetch several pages at once (errors surface later, when the page is asked for)."""
        todo = [n for n in dict.fromkeys(names) if n not in self._pages]
        if len(todo) < 2:
            return
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            list(pool.map(self._quiet_page, todo))

    def _quiet_page(self, name: str) -> None:
        try:
            self._page(name)
        except IndexUnavailable:
            return

    def _page(self, name: str) -> dict[str, Any]:
        with self._lock:
            if name in self._pages:
                return self._pages[name]
        merged: dict[str, Any] = {}
        found = False
        errors: list[IndexUnavailable] = []
        for client in self.clients:
            try:
                versions = self._page_from(client, name)
            except IndexUnavailable as exc:
                if exc.code == "project-not-found":
                    continue
                errors.append(exc)
                continue
            found = True
            for v, entry in versions.items():
                merged.setdefault(v, entry)
        if not found and errors:
            raise errors[0]
        with self._lock:
            self._pages[name] = merged
        return merged

    def _page_from(self, client: SimpleIndexClient, name: str) -> dict[str, Any]:
        key = f"{client.index_url}{name}/"
        cached = self.cache.get("pages", key, ("versions",)) if self.cache else None
        if self.offline:
            if cached is None:
                raise IndexUnavailable(f"no cached data for {name} (offline)", code="offline-no-data")
            return dict(cached["versions"])
        if cached is not None and self.cache is not None and self.cache.fresh(cached):
            return dict(cached["versions"])
        try:
            self.requests += 1
            fetched = client.fetch_page(
                name,
                etag=cached.get("etag") if cached else None,
                last_modified=cached.get("last_modified") if cached else None,
            )
        except IndexUnavailable as exc:
            if cached is not None and exc.code != "project-not-found":
                self.notes.append(f"{exc.message}; used the cached copy of {name}")
                return dict(cached["versions"])
            raise
        if fetched.page is None and cached is not None:  # 304: still current
            versions = dict(cached["versions"])
        else:
            assert fetched.page is not None
            versions = _versions(fetched.page.files, fetched.page.versions)
        if self.cache is not None:
            self.cache.put("pages", key, {"url": redact(key), "etag": fetched.etag,
                                          "last_modified": fetched.last_modified, "versions": versions})
        return versions

    # -- metadata --------------------------------------------------------------------------

    def requires_dist(self, name: str, version: Version) -> tuple[str, ...] | None:
        """Requires-Dist of ``name`` ``version``; ``None`` when it cannot be read."""
        key = (name, version)
        with self._lock:
            if key in self._meta:
                return self._meta[key]
        entry = self._page(name).get(str(version))
        result = self._read_meta(entry) if entry else None
        with self._lock:
            self._meta[key] = result
        return result

    def prefetch_metadata(self, wanted: Iterable[tuple[str, Version]]) -> None:
        """Read several releases' metadata at once."""
        todo = list(dict.fromkeys(wanted))
        if len(todo) < 2:
            return
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            list(pool.map(lambda nv: self._quiet_meta(*nv), todo))

    def _quiet_meta(self, name: str, version: Version) -> None:
        try:
            self.requires_dist(name, version)
        except IndexUnavailable:
            return

    def _read_meta(self, entry: dict[str, Any]) -> tuple[str, ...] | None:
        source = entry.get("meta") or entry.get("sdist_file")
        if not source:
            return None
        url, size, core = source
        url = self._authed(url)
        cached = self.cache.get("metadata", url, ("requires_dist",)) if self.cache else None
        if cached is not None:
            rd = cached["requires_dist"]
            return tuple(rd) if rd is not None else None
        if self.offline:
            raise IndexUnavailable("no cached metadata (offline)", code="offline-no-data")
        self.requests += 1
        if entry.get("meta"):
            raw = read_wheel_metadata(self.client, url, size, core_metadata=bool(core))
            requires = tuple(parse_metadata(raw)[0])
        else:
            requires = self._sdist_requires(url, size)
        if self.cache is not None:
            self.cache.put("metadata", url, {"requires_dist": list(requires) if requires is not None else None})
        return requires

    def _authed(self, url: str) -> str:
        """Put back the credentials of the index on the same host (they are never stored)."""
        parts = httpx.URL(url)
        for index in self.index_urls:
            base = httpx.URL(index)
            if base.userinfo and not parts.userinfo and (base.host, base.port) == (parts.host, parts.port):
                return str(parts.copy_with(userinfo=base.userinfo))
        return url

    def _sdist_requires(self, url: str, size: int | None) -> tuple[str, ...] | None:
        """The last resort: download the sdist (capped) and read ``PKG-INFO``.

        Metadata before 2.2 may omit Requires-Dist (it was computed at build time), so only a
        PKG-INFO of 2.2 or later that does not mark Requires-Dist dynamic is trusted.
        """
        if size is not None and size > MAX_SDIST_BYTES:
            return None
        shown = redact(url)
        try:
            with self.client.stream("GET", url) as response:
                if response.status_code != 200:
                    raise IndexUnavailable(f"{shown}: HTTP {response.status_code}")
                body = read_capped(response, MAX_SDIST_BYTES, shown)
        except httpx.HTTPError as exc:
            raise IndexUnavailable(f"{shown}: {describe_http_error(exc)}") from exc
        pkg_info = _pkg_info(body, url)
        if pkg_info is None:
            return None
        from email.parser import BytesParser

        msg = BytesParser().parsebytes(pkg_info, headersonly=True)
        version = msg.get("Metadata-Version", "0")
        dynamic = {v.lower() for v in msg.get_all("Dynamic", [])}
        try:
            if Version(version) < Version("2.2") or "requires-dist" in dynamic:
                return None
        except InvalidVersion:
            return None
        return tuple(parse_metadata(pkg_info)[0])


def _pkg_info(body: bytes, url: str) -> bytes | None:
    """The top-level ``PKG-INFO`` of an sdist archive, or ``None``."""
    try:
        if url.split("#")[0].endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(body)) as zf:
                names = [n for n in zf.namelist() if n.count("/") == 1 and n.endswith("/PKG-INFO")]
                return zf.read(names[0]) if names else None
        with tarfile.open(fileobj=io.BytesIO(body), mode="r:*") as tf:
            for member in tf.getmembers():
                if member.isfile() and member.name.count("/") == 1 and member.name.endswith("/PKG-INFO"):
                    fh = tf.extractfile(member)
                    return fh.read(1024 * 1024) if fh else None
    except (tarfile.TarError, zipfile.BadZipFile, OSError, EOFError):
        return None
    return None


def _versions(files: Sequence[IndexFile], listed: Sequence[str]) -> dict[str, Any]:
    """Snapshot-format entries per version, plus where each version's metadata can be read."""
    out: dict[str, Any] = {}
    for version, vfiles in group_files(files, listed).items():
        entry = release_entry(version, vfiles, lambda _m: None)
        wheel = metadata_wheel(vfiles)
        # URLs are stored without credentials; IndexSource._authed restores them per request.
        entry["meta"] = [redact(wheel.url), wheel.size, wheel.core_metadata] if wheel else None
        sdist = next((f for f in vfiles if f.is_sdist and not f.yanked), None)
        entry["sdist_file"] = [redact(sdist.url), sdist.size, False] if sdist else None
        out[version] = entry
    return out
