"""Package data for the resolver from real indexes, through the on-disk cache.

:class:`IndexSource` implements :class:`advisor.resolve.source.PackageSource`. Pages come from
every configured index (files merged, as pip merges ``--extra-index-url``); Requires-Dist comes
from PEP 658 ``.metadata`` files when offered, else from HTTP Range reads of one wheel's
``METADATA``, else (sdist only) from the sdist's ``PKG-INFO``. Offline, only the cache answers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from packaging.version import InvalidVersion, Version

from advisor.errors import IndexUnavailable
from advisor.index.urls import may_have_userinfo, redact
from advisor.knowledge.releases import Release, release_from_entry

T = TypeVar("T")
#: Tries after the first for a transient failure, and the first wait between tries (doubling).
RETRIES = 2
BACKOFF = 0.25
#: IndexUnavailable codes worth another try: the network or the server hiccuped.
TRANSIENT = frozenset({"timeout", "network", "http-429", "http-500", "http-502", "http-503", "http-504"})

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    import httpx

    from advisor.index.cache import Cache
    from advisor.index.simple import IndexFile, SimpleIndexClient

# httpx (and the modules built on it: simple, wheelmeta, refresh) are imported only when a
# request is really sent: offline runs, and online runs answered by a fresh cache, never pay
# the quarter of a second importing it costs.

#: An sdist read whole for its PKG-INFO (the last resort) must be smaller than this.
MAX_SDIST_BYTES = 20 * 1024 * 1024


def netrc_auth() -> Any:
    """Credentials from ``~/.netrc`` (or ``$NETRC``), as pip reads them; ``None`` without one.

    httpx no longer reads netrc on its own (0.24+), so it is asked for explicitly. Credentials in
    an index URL win: httpx sends the URL's userinfo before consulting an auth object.
    """
    import os
    from pathlib import Path

    import httpx

    path = Path(os.environ.get("NETRC", Path.home() / ".netrc"))
    return httpx.NetRCAuth(str(path)) if path.is_file() else None


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
        deadline: float = 60.0,
        workers: int = 8,
        client: httpx.Client | None = None,
    ) -> None:
        self.index_urls = list(index_urls)
        self.deadline = deadline
        self._gives_up_at = time.monotonic() + deadline
        self.cache = cache
        self.offline = offline
        self.workers = workers
        self.timeout = timeout
        self._own = client is None
        self._client = client
        self._clients: list[SimpleIndexClient] | None = None
        self.notes: list[str] = []
        self.requests = 0
        self._pages: dict[str, dict[str, Any]] = {}
        self._releases: dict[str, list[Release]] = {}
        self._page_flights: dict[str, _Flight] = {}
        self._meta_flights: dict[tuple[str, Version], _Flight] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._meta: dict[tuple[str, Version], tuple[str, ...] | None] = {}
        self._lock = threading.Lock()

    def _count(self) -> None:
        with self._lock:
            self.requests += 1

    def _call(self, what: str, request: Callable[[float], T]) -> T:
        """One index request, bounded by the total deadline, retried when the failure is transient.

        Each try gets the smaller of ``timeout`` and what is left of the deadline; between tries
        the wait doubles (0.25 s, 0.5 s), as pip's retries do. A hanging index therefore costs
        at most the deadline (60 s by default), however many requests the resolution needs.
        """
        for attempt in range(RETRIES + 1):
            left = self._gives_up_at - time.monotonic()
            if left <= 0:
                raise IndexUnavailable(f"{what}: no answer within the {self.deadline:g} s deadline", code="deadline")
            self._count()
            try:
                return request(min(self.timeout, left))
            except IndexUnavailable as exc:
                if exc.code not in TRANSIENT or attempt == RETRIES:
                    if exc.code == "timeout" and self._gives_up_at - time.monotonic() <= 0:
                        raise IndexUnavailable(f"{what}: no answer within the {self.deadline:g} s deadline",
                                               code="deadline") from exc
                    raise
                time.sleep(min(BACKOFF * 2**attempt, max(0.0, self._gives_up_at - time.monotonic())))
        raise AssertionError("unreachable")

    @property
    def client(self) -> httpx.Client:
        """The HTTP client, made (and httpx imported) on first use."""
        with self._lock:
            if self._client is None:
                import httpx

                self._client = httpx.Client(timeout=httpx.Timeout(self.timeout), follow_redirects=True,
                                            auth=netrc_auth())
            return self._client

    @property
    def clients(self) -> list[SimpleIndexClient]:
        """One Simple API client per index, the primary first (made on first use)."""
        if self._clients is None:
            from advisor.index.simple import SimpleIndexClient

            client = self.client
            with self._lock:
                if self._clients is None:
                    self._clients = [SimpleIndexClient(u, client, self.timeout) for u in self.index_urls]
        return self._clients

    @property
    def display_url(self) -> str:
        """The primary index URL (with its trailing slash) without credentials."""
        primary = self.index_urls[0]
        return redact(primary if primary.endswith("/") else primary + "/")

    def close(self) -> None:
        """Stop background fetches; close the HTTP client when this object made it."""
        if self._pool is not None:
            # Queued guesses are dropped; a fetch already on the wire is let finish (and cached).
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._own and self._client is not None:
            self._client.close()

    # -- background fetches ----------------------------------------------------------------

    def prefetch_async(self, names: Iterable[str]) -> None:
        """Start fetching these pages in the background (no-op offline: the cache is local).

        The resolver calls this with the dependencies of each release it pins: it asks for
        every one of those pages next, so they are fetched side by side instead of in turn.
        Errors surface when the page is asked for.
        """
        if self.offline:
            return
        for name in dict.fromkeys(names):
            with self._lock:
                if name in self._pages or name in self._page_flights:
                    continue
            self._submit(self._quiet_page, name)

    def prefetch_metadata_async(self, wanted: Iterable[tuple[str, Version]]) -> None:
        """Start reading these releases' Requires-Dist in the background (no-op offline).

        The resolver calls this with the release it will try first for each package (the pin,
        else the smallest allowed), whose metadata it reads as soon as it pins that package.
        """
        if self.offline:
            return
        for key in dict.fromkeys(wanted):
            with self._lock:
                if key in self._meta or key in self._meta_flights:
                    continue
            self._submit(self._quiet_meta, *key)

    def _submit(self, fn: Any, *args: Any) -> None:
        with self._lock:
            if self._pool is None:
                from concurrent.futures import ThreadPoolExecutor

                self._pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="aap-advise-index")
            pool = self._pool
        try:
            pool.submit(fn, *args)
        except RuntimeError:  # shut down meanwhile: the caller fetches it itself if it must
            return

    # -- releases --------------------------------------------------------------------------

    def releases(self, name: str) -> list[Release]:
        """Every release of ``name`` on the indexes, ascending."""
        # Built once per project: the resolver asks again for every requirement on it, and a
        # page (held in _pages) does not change while this object lives.
        known = self._releases.get(name)
        if known is None:
            versions = self._page(name)
            out = []
            for v, entry in versions.items():
                try:
                    out.append(release_from_entry(v, entry))
                except (InvalidVersion, ValueError, KeyError):
                    continue
            known = self._releases[name] = sorted(out, key=lambda r: r.version)
        return list(known)

    def prefetch(self, names: Iterable[str]) -> None:
        """Fetch several pages at once (errors surface later, when the page is asked for)."""
        todo = [n for n in dict.fromkeys(names) if n not in self._pages]
        if len(todo) < 2:
            return
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            list(pool.map(self._quiet_page, todo))

    def _quiet_page(self, name: str) -> None:
        try:
            self._page(name)
        except IndexUnavailable:
            return

    def _page(self, name: str) -> dict[str, Any]:
        # One fetch per page: a caller asking while a background fetch of it is on the wire
        # waits for that one (and gets its result or its error) instead of sending another.
        with self._lock:
            if name in self._pages:
                return self._pages[name]
            flight = self._page_flights.get(name)
            owner = flight is None
            if flight is None:
                flight = self._page_flights[name] = _Flight()
        if not owner:
            return flight.wait()  # type: ignore[no-any-return]
        try:
            merged = self._fetch_page(name)
        except BaseException as exc:
            with self._lock:
                del self._page_flights[name]
            flight.fail(exc)
            raise
        with self._lock:
            self._pages[name] = merged
            del self._page_flights[name]
        flight.done(merged)
        return merged

    def _fetch_page(self, name: str) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        found = False
        errors: list[IndexUnavailable] = []
        for index_url in self.index_urls:
            try:
                versions = self._page_from(index_url, name)
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
        return merged

    def _page_from(self, index_url: str, name: str) -> dict[str, Any]:
        # The cache key is the client's index URL (always ending in a slash) plus the name.
        key = f"{index_url if index_url.endswith('/') else index_url + '/'}{name}/"
        cached = self.cache.get("pages", key, ("versions",)) if self.cache else None
        if self.offline:
            if cached is None:
                raise IndexUnavailable(f"no cached data for {name} (offline)", code="offline-no-data")
            return dict(cached["versions"])
        if cached is not None and self.cache is not None and self.cache.fresh(cached):
            return dict(cached["versions"])
        client = self.clients[self.index_urls.index(index_url)]
        try:
            fetched = self._call(
                redact(key),
                lambda timeout: client.fetch_page(
                    name,
                    etag=cached.get("etag") if cached else None,
                    last_modified=cached.get("last_modified") if cached else None,
                    timeout=timeout,
                ),
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
            flight = self._meta_flights.get(key)
            owner = flight is None
            if flight is None:
                flight = self._meta_flights[key] = _Flight()
        if not owner:
            return flight.wait()  # type: ignore[no-any-return]
        try:
            entry = self._page(name).get(str(version))
            result = self._read_meta(entry) if entry else None
        except BaseException as exc:
            with self._lock:
                del self._meta_flights[key]
            flight.fail(exc)
            raise
        with self._lock:
            self._meta[key] = result
            del self._meta_flights[key]
        flight.done(result)
        return result

    def prefetch_metadata(self, wanted: Iterable[tuple[str, Version]]) -> None:
        """Read several releases' metadata at once."""
        todo = list(dict.fromkeys(wanted))
        if len(todo) < 2:
            return
        from concurrent.futures import ThreadPoolExecutor

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
        if entry.get("meta"):
            from advisor.index.wheelmeta import parse_metadata, read_wheel_metadata

            raw = self._call(redact(url), lambda timeout: read_wheel_metadata(
                self.client, url, size, core_metadata=bool(core), timeout=timeout))
            requires = tuple(parse_metadata(raw)[0])
        else:
            requires = self._call(redact(url), lambda _timeout: self._sdist_requires(url, size))
        if self.cache is not None:
            self.cache.put("metadata", url, {"requires_dist": list(requires) if requires is not None else None})
        return requires

    def _authed(self, url: str) -> str:
        """Put back the credentials of the index on the same host (they are never stored)."""
        if not any(may_have_userinfo(index) for index in self.index_urls):
            return url  # no index has credentials to put back (and httpx stays unimported)
        import httpx

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
        import httpx

        from advisor.index.simple import describe_http_error, read_capped
        from advisor.index.wheelmeta import parse_metadata

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


class _Flight:
    """A fetch in progress that other threads may wait for."""

    __slots__ = ("_error", "_event", "_result")

    def __init__(self) -> None:
        self._event = threading.Event()
        self._result: Any = None
        self._error: BaseException | None = None

    def done(self, result: Any) -> None:
        self._result = result
        self._event.set()

    def fail(self, error: BaseException) -> None:
        self._error = error
        self._event.set()

    def wait(self) -> Any:
        self._event.wait()
        if self._error is not None:
            raise self._error
        return self._result


def _pkg_info(body: bytes, url: str) -> bytes | None:
    """The top-level ``PKG-INFO`` of an sdist archive, or ``None``."""
    import io
    import tarfile
    import zipfile

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
    from advisor.knowledge.refresh import group_files, metadata_wheel_grouped, release_entry_grouped

    out: dict[str, Any] = {}
    for version, vfiles in group_files(files, listed).items():
        entry = release_entry_grouped(version, vfiles, lambda _m: None)
        wheel = metadata_wheel_grouped(vfiles)
        # URLs are stored without credentials; IndexSource._authed restores them per request.
        entry["meta"] = [redact(wheel.url), wheel.size, wheel.core_metadata] if wheel else None
        sdist = next((f for f in vfiles if f.is_sdist and not f.yanked), None)
        entry["sdist_file"] = [redact(sdist.url), sdist.size, False] if sdist else None
        out[version] = entry
    return out
