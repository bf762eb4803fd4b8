"""Package data for the resolver from real indexes, through the on-disk cache.

:class:`IndexSource` implements :class:`advisor.resolve.source.PackageSource`. Pages come from
every configured index (files merged, as pip merges ``--extra-index-url``); Requires-Dist comes
from PEP 658 ``.metadata`` files when offered, else from HTTP Range reads of one wheel's
``METADATA``, else (sdist only) from the sdist's ``PKG-INFO``. Offline, only the cache answers.

Answers are checked before they are used or cached: a PEP 658 metadata file must match the
hash its page declares (else the wheel itself is read), hashes are well-formed digests, and
every request of the run shares one deadline (:class:`~advisor.index.http.Deadline`) and one
credentials policy (:class:`~advisor.index.http.IndexAuth`). What is shown or stored names an
index as written (:class:`~advisor.index.urls.IndexURL`), never with an expanded variable, and
a ``${NAME}`` is expanded only in the index URLs the user's files wrote: a file URL an answer
lists is requested as sent, but for the index's own prefix (:meth:`IndexURL.store`).
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
import zlib
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from packaging.version import InvalidVersion, Version

from advisor._gc import collector_paused
from advisor.errors import IndexUnavailable
from advisor.index import pageformat
from advisor.index.urls import IndexURL, redact
from advisor.model.digests import HEX_DIGITS, digest, matches, preferred
from advisor.model.release import Release

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
#: Tries after the first for a transient failure, and the first wait between tries (doubling).
RETRIES = 2
BACKOFF = 0.25
#: IndexUnavailable codes worth another try: the network or the server hiccuped.
TRANSIENT = frozenset(
    {"timeout", "network", "http-429", "http-500", "http-502", "http-503", "http-504"}
)

if TYPE_CHECKING:
    import queue

    import httpx

    from advisor.index.cache import Cache
    from advisor.index.http import Deadline, IndexAuth
    from advisor.index.simple import IndexFile, PageFetch, PageSink, SimpleIndexClient

# httpx (and the modules built on it: simple, wheelmeta), and what builds page entries from an
# answer (entries), are imported only when a request is really sent: offline runs, and online
# runs answered by a fresh cache, never pay the quarter of a second importing httpx costs.

#: An sdist read whole for its PKG-INFO (the last resort) must be smaller than this.
MAX_SDIST_BYTES = 20 * 1024 * 1024
#: An sdist's PKG-INFO larger than this is refused (a real one is a few KiB).
MAX_PKG_INFO_BYTES = 1024 * 1024
#: A tar sdist may inflate to this many bytes before its PKG-INFO is found: streamed, so this
#: bounds time, not memory (flit and hatchling write PKG-INFO last, after every source file).
MAX_SDIST_INFLATED = 128 * 1024 * 1024
#: A zip sdist listing more members than this is refused (opening it makes an object of each).
MAX_SDIST_MEMBERS = 100_000

_NO_PINS: Mapping[str, Version] = {}


def _same_version(text: str, version: Version) -> bool:
    """``text`` is a version equal to ``version`` (``3.0.0`` and ``3.0``)."""
    try:
        return Version(text) == version
    except InvalidVersion:
        return False


def netrc_file() -> Path | None:
    """``$NETRC``, else ``~/.netrc``, when it exists (pip reads the same file); else ``None``.

    httpx no longer reads netrc on its own (0.24+); :class:`~advisor.index.http.IndexAuth`
    uses its entries only for the configured indexes' own scheme, host and port.
    """
    import os

    path = Path(os.environ.get("NETRC", Path.home() / ".netrc"))
    return path if path.is_file() else None


class IndexSource:
    """Releases and Requires-Dist of any project, from indexes and the cache.

    :param index_urls: the indexes, the primary first: plain URLs, or :class:`IndexURL` values
        whose request and shown forms differ.
    :param cache: the on-disk cache, or ``None`` for none.
    :param offline: answer from the cache only.
    :param timeout: seconds per request.
    :param deadline: seconds all requests may take together, or a :class:`Deadline` shared
        with other sources of the same run.
    :param workers: parallel background requests.
    :param client: an httpx client to use (the caller's to close).
    """

    def __init__(
        self,
        index_urls: Sequence[str | IndexURL],
        cache: Cache | None,
        *,
        offline: bool = False,
        timeout: float = 30.0,
        deadline: float | Deadline = 60.0,
        workers: int = 8,
        client: httpx.Client | None = None,
    ) -> None:
        self.indexes = [u if isinstance(u, IndexURL) else IndexURL.plain(u) for u in index_urls]
        self.index_urls = [i.url for i in self.indexes]
        self._deadline_arg = deadline
        self._clock: Deadline | None = None
        self.deadline = deadline if isinstance(deadline, (int, float)) else deadline.seconds
        self.cache = cache
        self.offline = offline
        self.workers = workers
        self.timeout = timeout
        self._own = client is None
        self._client = client
        self._clients: list[SimpleIndexClient] | None = None
        self.notes: list[str] = []
        self.requests = 0
        # One fetch per page and one metadata read per release: a caller asking while a
        # background fetch of it is on the wire waits for that one (and gets its result or its
        # error) instead of sending another.
        self._pages: _SingleFlight[str, dict[str, Any]] = _SingleFlight()
        self._meta: _SingleFlight[tuple[str, Version], tuple[str, ...] | None] = _SingleFlight()
        self._releases: dict[str, list[Release]] = {}
        # Offline, a page missing from the cache stays missing for the whole run: the error is
        # kept and said again (a monorepo's projects ask for the same missing pages hundreds of
        # times). Online a failure is not kept: the next caller tries again.
        self._missing: dict[str, IndexUnavailable] = {}
        self._pool: _DaemonPool | None = None
        self._lock = threading.Lock()
        self._auth: IndexAuth | None = None
        self._hash_pages: dict[str, PageFetch] = {}
        self._paused = contextlib.ExitStack()  # the collector, held off until close()
        self._closed = False  # close() was called: a client made after holds nothing off
        self._pins: dict[str, Version] = {}  # read with the page (prefetch_async)
        if not isinstance(deadline, (int, float)):
            self._clock = deadline

    @property
    def clock(self) -> Deadline:
        """The run's deadline (httpx is imported, and the clock started, on first use)."""
        if self._clock is None:
            from advisor.index.http import Deadline

            with self._lock:
                if self._clock is None:
                    seconds = self._deadline_arg
                    assert isinstance(seconds, (int, float))
                    self._clock = Deadline(seconds)
        return self._clock

    @property
    def started_clock(self) -> Deadline | None:
        """The deadline, if a request started it (for another reader of the same run to share)."""
        return self._clock

    @property
    def auth(self) -> IndexAuth:
        """Credentials for the indexes' own origins (URL userinfo, else ``~/.netrc``)."""
        if self._auth is None:
            from advisor.index.http import IndexAuth

            auth = IndexAuth(self.index_urls, netrc_file())
            with self._lock:
                if self._auth is None:
                    self._auth = auth
                    if auth.netrc_problem:
                        self.notes.append(auth.netrc_problem)
        return self._auth

    def hide(self, text: str) -> str:
        """``text`` as it may be shown: expanded variables as written, credentials removed."""
        for index in self.indexes:
            text = index.hide(text)
        return redact(text)

    def _request_url(self, stored: str, prefix: object) -> str:
        """The URL requested for a stored file URL: only its index's own written prefix
        expanded (see :meth:`IndexURL.store`), never a ``${NAME}`` an answer wrote."""
        if isinstance(prefix, str):
            for index in self.indexes:
                if index.prefix[1] == prefix:
                    return index.request(stored, prefix)
        return stored

    def _count(self) -> None:
        with self._lock:
            self.requests += 1

    def _call(self, what: str, request: Callable[[float], T]) -> T:
        """One index request, bounded by the total deadline, retried when the failure is transient.

        Each try gets the smaller of ``timeout`` and what is left of the deadline; between tries
        the wait doubles (0.25 s, 0.5 s), as pip's retries do. The deadline also holds inside a
        try (:class:`~advisor.index.http.Deadline` cuts a body that trickles in), so a hanging
        or trickling index costs at most the deadline, however many requests the run needs.
        Every error leaves here with the index as written and without credentials.
        """
        clock = self.clock
        for attempt in range(RETRIES + 1):
            if clock.passed():
                raise clock.error(self.hide(what))
            self._count()
            try:
                return request(min(self.timeout, clock.left()))
            except IndexUnavailable as exc:
                if clock.passed():
                    raise clock.error(self.hide(what)) from None
                if exc.code not in TRANSIENT or attempt == RETRIES:
                    exc.message = self.hide(exc.message)
                    exc.args = (exc.message,)
                    raise
                time.sleep(min(BACKOFF * 2**attempt, max(0.0, clock.left())))
        raise AssertionError("unreachable")

    @property
    def client(self) -> httpx.Client:
        """The HTTP client, made (and httpx imported) on first use."""
        with self._lock:
            if self._client is None:
                from advisor.index.http import new_client

                # Redirects are followed by advisor.index.http.open_stream, hop by hop; the
                # credentials (self.auth) are passed with each request.
                self._client = new_client(self.timeout)
                # From the first request to close(), pages are read one after another and
                # side by side, each leaving a few objects per version: the collector would
                # walk them all again whenever no page is being read (some 50 ms of a cold
                # run, for no garbage: see advisor._gc).
                # A worker close() did not wait for may make it after: then not (no close()
                # would turn the collector on again).
                if not self._closed:
                    self._paused.enter_context(collector_paused())
            return self._client

    @property
    def clients(self) -> list[SimpleIndexClient]:
        """One Simple API client per index, the primary first (made on first use)."""
        if self._clients is None:
            from advisor.index.simple import SimpleIndexClient

            client, auth, clock = self.client, self.auth, self.clock
            with self._lock:
                if self._clients is None:
                    self._clients = [
                        SimpleIndexClient(
                            i.url, client, self.timeout, shown=i.shown, deadline=clock, auth=auth
                        )
                        for i in self.indexes
                    ]
        return self._clients

    @property
    def display_url(self) -> str:
        """The primary index URL (with its trailing slash) as written, without credentials."""
        return self.indexes[0].shown

    def close(self) -> None:
        """Stop background fetches at once; close the HTTP client when this object made it.

        Nothing is waited for: queued fetches are dropped and the sockets of those on the wire
        are shut down, so neither a stalled index nor Ctrl-C can keep the process alive.
        """
        if self._clock is not None:
            self._clock.abort()  # blocked reads return at once ...
        if self._pool is not None:
            # ... so the workers end within moments and their connections go back to the
            # client, which closes them; a socket left to the garbage collector would be
            # reported (ResourceWarning) wherever the process happens to be then.
            self._pool.shutdown(wait=_CLOSE_WAIT)
            self._pool = None
        if self._clock is not None:
            self._clock.close()
        if self._own and self._client is not None:
            self._client.close()
        with self._lock:  # a client made from here on holds the collector off no more
            self._closed = True
        self._paused.close()

    # -- background fetches ----------------------------------------------------------------

    def prefetch_async(self, names: Iterable[str], pins: Mapping[str, Version] = _NO_PINS) -> None:
        """Start fetching these pages in the background (no-op offline: the cache is local).

        The resolver calls this with the dependencies of each release it pins: it asks for
        every one of those pages next, so they are fetched side by side instead of in turn.
        Errors surface when the page is asked for.

        :param pins: the release of some of these the resolver will try first (a project's
            exact pins): once its page is read, its Requires-Dist is read too, and the pages
            that names start downloading (as :meth:`prefetch_metadata_async` does), while the
            run waits for ddtrace's page instead of when the resolver gets there.
        """
        if self.offline:
            return
        if pins:
            with self._lock:
                self._pins.update(pins)
        wanted = [
            name
            for name in dict.fromkeys(names)
            if not self._pages.known(name) and not self._fresh_page(name)
        ]
        if not wanted:
            return
        if self._clients is None:
            # The first worker makes the HTTP client (httpx imported, the certificates loaded:
            # a tenth of a second, mostly outside the interpreter lock) and then hands out the
            # fetches: the caller goes on meanwhile, and no worker starts while another holds
            # the interpreter importing httpx.
            self._submit(self._start_fetching, wanted)
            return
        for name in wanted:
            self._submit(self._quiet_page, name)

    def _start_fetching(self, names: list[str]) -> None:
        try:
            self.clients  # noqa: B018
        finally:  # a client that cannot be made is reported by each fetch
            for name in names:
                self._submit(self._quiet_page, name)
        # What reads wheel METADATA next (packaging.metadata and the email package: 20 ms),
        # imported while the pages' first bytes are on their way, not when the resolver first
        # waits for a release's Requires-Dist.
        import advisor.index.wheelmeta  # noqa: F401

    def _fresh_page(self, name: str) -> bool:
        """Every index's cached page of ``name`` is young enough to be used as it is (by its
        file's age: reading it is left to the caller, which asks for it next)."""
        if self.cache is None:
            return False
        return all(self.cache.recent("pages", self._page_key(i, name)[0]) for i in self.indexes)

    def prefetch_metadata_async(self, wanted: Iterable[tuple[str, Version]]) -> None:
        """Start reading these releases' Requires-Dist in the background (no-op offline).

        The resolver calls this with the release it will try first for each package (the pin,
        else the smallest allowed), whose metadata it reads as soon as it pins that package.
        """
        if self.offline:
            return
        for key in dict.fromkeys(wanted):
            if not self._meta.known(key) and not self._cached_meta(*key):
                self._submit(self._quiet_meta, *key)

    def _cached_meta(self, name: str, version: Version) -> bool:
        """The page of ``name`` is read and the cache holds ``version``'s Requires-Dist (or
        there is none to read): reading it is left to the caller."""
        versions = self._pages.results.get(name)
        if versions is None:
            return False
        entry = versions.get(str(version))
        where = self._meta_source(entry) if entry else None
        return where is None or (self.cache is not None and self.cache.has("metadata", where[0]))

    def _submit(self, fn: Any, *args: Any) -> None:
        with self._lock:
            if self._pool is None:
                self._pool = _DaemonPool(self.workers)
            pool = self._pool
        pool.submit(fn, *args)

    # -- releases --------------------------------------------------------------------------

    def releases(self, name: str) -> list[Release]:
        """Every release of ``name`` on the indexes, ascending."""
        # Built once per project: the resolver asks again for every requirement on it, and a
        # page (held in _pages) does not change while this object lives.
        known = self._releases.get(name)
        if known is None:
            versions = self._page(name)
            out = []
            with collector_paused():
                for v, entry in versions.items():
                    try:
                        out.append(pageformat.release(v, entry))
                    except ValueError:  # a version or Requires-Python that does not parse
                        continue
            known = self._releases[name] = sorted(out, key=lambda r: r.version)
        return list(known)

    def _quiet_page(self, name: str) -> None:
        try:
            self._page(name)
        except IndexUnavailable:
            return
        if (pin := self._pins.get(name)) is not None:
            self._quiet_meta(name, pin)

    def _page(self, name: str) -> dict[str, Any]:
        if not self.offline:
            return self._pages.get(name, lambda: self._fetch_page(name))
        missing = self._missing.get(name)
        if missing is not None:
            raise IndexUnavailable(
                missing.message,
                code=missing.code,
                file=missing.file,
                line=missing.line,
                key=missing.key,
                hint=missing.hint,
            )
        try:
            return self._pages.get(name, lambda: self._fetch_page(name))
        except IndexUnavailable as exc:
            self._missing[name] = exc
            raise

    def _fetch_page(self, name: str) -> dict[str, Any]:
        with collector_paused():  # an object per file made and dropped, a few per version kept
            return self._merged_page(name)

    def _merged_page(self, name: str) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for versions in self._from_each_index(lambda index: self._page_from(index, name)):
            for v, entry in versions.items():
                merged.setdefault(v, entry)
        return merged

    def _from_each_index(
        self, read: Callable[[IndexURL], T], fatal: frozenset[str] = frozenset()
    ) -> list[T]:
        """``read`` of each index listing the project, the primary first.

        An index without the project is passed over, as is one that fails (unless its error's
        code is ``fatal``) while another answers; when none answers, the first error is raised.
        """
        found: list[T] = []
        errors: list[IndexUnavailable] = []
        for index in self.indexes:
            try:
                found.append(read(index))
            except IndexUnavailable as exc:
                if exc.code in fatal:
                    raise
                if exc.code != "project-not-found":
                    errors.append(exc)
        if not found and errors:
            raise errors[0]
        return found

    def _page_key(self, index: IndexURL, name: str) -> tuple[str, str]:
        """The page's URL as requested (the cache key) and as shown.

        The key of an index with expanded variables also holds the URL as written: its stored
        file URLs hold the written prefix, which an index written otherwise (the same URL typed
        out) could not request.
        """
        base = index.url if index.url.endswith("/") else index.url + "/"
        key = f"{base}{name}/" + (f"#as-written={index.written}" if index.expanded else "")
        return key, f"{index.shown}{name}/"

    def _page_from(self, index: IndexURL, name: str) -> dict[str, Any]:
        # The cache key is the URL requested; only its digest is written, with the shown URL.
        key, shown = self._page_key(index, name)
        cached = self._cached("pages", key, ("versions", "format"), _current_page)
        stored = pageformat.load(cached) if cached is not None else None
        if stored is None:  # not a page of this format: fetched again
            cached = None
        if self._cached_answer(cached, f"data for {name}") is not None:
            assert stored is not None
            return stored
        from advisor.index.pageentries import PageEntries

        # The page's files are summed up per version as they arrive, never held.
        sink = PageEntries(lambda url: index.store(url, self.hide))
        try:
            fetched = self._request_page(index, name, shown, cached, sink)
        except IndexUnavailable as exc:
            if stored is not None and exc.code != "project-not-found":
                self.notes.append(f"{exc.message}; used the cached copy of {name}")
                return stored
            raise
        if fetched.page is None and stored is not None:  # 304: still current
            versions = stored
        else:
            assert fetched.page is not None
            versions = sink.entries(fetched.page.versions)
        page = {"format": pageformat.PAGE_FORMAT, **pageformat.store(versions)}
        self._keep("pages", key, shown, fetched, page)
        return versions

    def _cached(
        self, kind: str, key: str, fields: tuple[str, ...], valid: Callable[[dict[str, Any]], bool]
    ) -> dict[str, Any] | None:
        """The cache entry for ``key``; ``None`` when there is none or it is not ``valid``."""
        cached = self.cache.get(kind, key, fields) if self.cache else None
        return cached if cached is not None and valid(cached) else None

    def _cached_answer(self, cached: dict[str, Any] | None, what: str) -> dict[str, Any] | None:
        """``cached`` when it answers without a request (offline, or fresh), else ``None``.

        :raises IndexUnavailable: offline with nothing cached (``what`` says what is missing).
        """
        if self.offline:
            if cached is None:
                raise IndexUnavailable(f"no cached {what} (offline)", code="offline-no-data")
            return cached
        fresh = cached is not None and self.cache is not None and self.cache.fresh(cached)
        return cached if fresh else None

    def _request_page(
        self,
        index: IndexURL,
        name: str,
        shown: str,
        cached: dict[str, Any] | None,
        sink: PageSink | None = None,
    ) -> PageFetch:
        """``name``'s page from ``index``, asked only if changed since the ``cached`` copy, if
        any (then a 304 gives no ``page``); its files go to ``sink`` when one is given."""
        client = self.clients[self.indexes.index(index)]
        return self._call(
            shown,
            lambda timeout: client.fetch_page(
                name,
                etag=cached.get("etag") if cached else None,
                last_modified=cached.get("last_modified") if cached else None,
                timeout=timeout,
                sink=sink,
            ),
        )

    def _keep(
        self, kind: str, key: str, shown: str, fetched: PageFetch, values: dict[str, Any]
    ) -> None:
        """Cache what was read from ``fetched`` with its URL as shown and its validators."""
        if self.cache is not None:
            self.cache.put(
                kind,
                key,
                {
                    "url": shown,
                    "etag": fetched.etag,
                    "last_modified": fetched.last_modified,
                    **values,
                },
            )

    # -- hashes ----------------------------------------------------------------------------

    def release_hashes(self, name: str, version: str) -> list[str]:
        """``algorithm:hex`` of every file of ``name`` ``version`` on the indexes, for ``--hash``.

        As pip-compile does, every file of the version counts (all wheels and the sdist, on
        every index), each by its sha256 (else sha384, else sha512); files the index gives no
        such hash for are left out. Only well-formed digests are returned or cached. This and
        :meth:`close` make the :class:`advisor.write.hashes.ReleaseHashes` ``--fix`` reads.

        :raises IndexUnavailable: when no index can be read, or one lists a malformed digest
            for a file of this version (code ``bad-hash``).
        """
        from packaging.utils import canonicalize_name

        project = canonicalize_name(name)
        found = self._from_each_index(
            lambda index: self._hashes_from(index, project, Version(version)),
            fatal=frozenset({"bad-hash"}),
        )
        return sorted({h for hashes in found for h in hashes})

    def _hashes_from(self, index: IndexURL, name: str, version: Version) -> list[str]:
        page_key, shown = self._page_key(index, name)
        key = f"{page_key}#hashes={version}"
        cached = self._cached("hashes", key, ("hashes",), lambda c: _well_formed(c["hashes"]))
        if (answer := self._cached_answer(cached, f"hashes for {name} {version}")) is not None:
            return list(answer["hashes"])
        # One request per page and run, whatever the number of versions asked for.
        fetched = self._hash_pages.get(page_key)
        if fetched is None:
            fetched = self._request_page(index, name, shown, cached)
            if fetched.page is not None:
                self._hash_pages[page_key] = fetched
        if fetched.page is None and cached is not None:  # 304: still current
            hashes = list(cached["hashes"])
        else:
            assert fetched.page is not None
            hashes = _file_hashes(fetched.page.files, version, self.hide(shown))
        self._keep("hashes", key, shown, fetched, {"hashes": hashes})
        return hashes

    # -- metadata --------------------------------------------------------------------------

    def requires_dist(self, name: str, version: Version) -> tuple[str, ...] | None:
        """Requires-Dist of ``name`` ``version``; ``None`` when it cannot be read."""

        def read() -> tuple[str, ...] | None:
            page = self._page(name)
            entry = page.get(str(version))
            if entry is None:
                # The same version written otherwise on the page (a pin 3.0 of its 3.0.0):
                # kept under the same key, as equal versions are, so its entry is read.
                entry = next((e for v, e in page.items() if _same_version(v, version)), None)
            return self._read_meta(entry) if entry else None

        return self._meta.get((name, version), read)

    def _quiet_meta(self, name: str, version: Version) -> None:
        try:
            lines = self.requires_dist(name, version)
        except IndexUnavailable:
            return
        # The resolver asks for the pages of these next, once it pins this release: they start
        # downloading now, a step ahead of it (those needed only with an extra are left alone).
        self.prefetch_async(_required_names(lines or ()))

    def _meta_source(
        self, entry: dict[str, Any]
    ) -> tuple[str, str, str, int | None, object, tuple[str, str] | None] | None:
        """Where an entry's Requires-Dist is read: its cache key, the URL requested and as
        shown, the file's size, its core metadata and declared hash; ``None`` for nowhere."""
        source = entry.get("meta") or entry.get("sdist_file")
        if not source:
            return None
        if not isinstance(source, list) or len(source) != 4 or not isinstance(source[0], str):
            return None
        stored, size, core, prefix = source
        # URLs are stored as shown (credentials removed, variables as written): requests go to
        # the URL as the answer gave it, with only the index's own written prefix expanded;
        # credentials are IndexAuth's decision for each origin.
        url, shown = self._request_url(stored, prefix), redact(stored)
        declared = _declared_hash(core)
        # A metadata file is cached under the hash its page declares: one that did not match
        # it was never stored, and a page declaring another hash never reads the old answer.
        key = f"{url}#metadata-{declared[0]}={declared[1]}" if declared else url
        return key, url, shown, size, core, declared

    def _read_meta(self, entry: dict[str, Any]) -> tuple[str, ...] | None:
        where = self._meta_source(entry)
        if where is None:
            return None
        key, url, shown, size, core, declared = where
        cached = self.cache.get("metadata", key, ("requires_dist",)) if self.cache else None
        if cached is not None:
            rd = cached["requires_dist"]
            if rd is None:
                return None
            if isinstance(rd, list) and all(isinstance(r, str) for r in rd):
                return tuple(rd)
        if self.offline:
            raise IndexUnavailable("no cached metadata (offline)", code="offline-no-data")
        if entry.get("meta"):
            from advisor.index.wheelmeta import parse_metadata

            raw = self._wheel_metadata(url, shown, size, bool(core), declared)
            requires: tuple[str, ...] | None = tuple(parse_metadata(raw)[0])
        else:
            requires = self._call(shown, lambda _timeout: self._sdist_requires(url, size, shown))
        if self.cache is not None:
            self.cache.put(
                "metadata", key, {"requires_dist": list(requires) if requires is not None else None}
            )
        return requires

    def _wheel_metadata(
        self, url: str, shown: str, size: int | None, core: bool, declared: tuple[str, str] | None
    ) -> bytes:
        """A wheel's METADATA: the PEP 658 file when it matches its declared hash, else the wheel's."""
        from advisor.index.wheelmeta import read_wheel_metadata

        def read(use_core: bool) -> Callable[[float], bytes]:
            return lambda timeout: read_wheel_metadata(
                self.client,
                url,
                size,
                core_metadata=use_core,
                timeout=timeout,
                deadline=self.clock,
                auth=self.auth,
                shown=shown,
            )

        if core:
            raw = self._call(shown + ".metadata", read(True))
            if declared is None or matches(raw, *declared):
                return raw
            self.notes.append(
                f"{shown}.metadata does not match the {declared[0]} its index page declares; "
                "read the wheel's own METADATA instead"
            )
        return self._call(shown, read(False))

    def _sdist_requires(self, url: str, size: int | None, shown: str) -> tuple[str, ...] | None:
        """The last resort: download the sdist (capped) and read ``PKG-INFO``.

        Metadata before 2.2 may omit Requires-Dist (it was computed at build time), so only a
        PKG-INFO of 2.2 or later that does not mark Requires-Dist dynamic is trusted.
        """
        if size is not None and size > MAX_SDIST_BYTES:
            return None
        import httpx

        from advisor.index.http import open_stream, read_capped
        from advisor.index.simple import describe_http_error, error_code
        from advisor.index.wheelmeta import parse_metadata

        clock = self.clock
        try:
            with open_stream(
                self.client,
                url,
                what=shown,
                timeout=min(self.timeout, max(clock.left(), 0.001)),
                deadline=clock,
                auth=self.auth,
            ) as response:
                if response.status_code != 200:
                    raise IndexUnavailable(
                        f"{shown}: HTTP {response.status_code}", code=f"http-{response.status_code}"
                    )
                body = read_capped(response, MAX_SDIST_BYTES, shown, clock)
        except httpx.HTTPError as exc:
            if clock.passed():
                raise clock.error(shown) from exc
            raise IndexUnavailable(
                f"{shown}: {describe_http_error(exc)}", code=error_code(exc)
            ) from exc
        pkg_info = _pkg_info(body, shown, clock)
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


#: Seconds :meth:`IndexSource.close` waits for background fetches to end (their sockets are
#: shut first, so they end at once; the wait only bounds a worker that is not reading).
_CLOSE_WAIT = 1.0


class _DaemonPool:
    """Background fetches on daemon threads that are never joined.

    ``concurrent.futures`` joins its workers when the interpreter exits, so one worker blocked
    on a stalled index kept the process alive after Ctrl-C; these threads end with it.
    """

    def __init__(self, workers: int) -> None:
        import queue  # an online run's alone: an offline one imports this module, never starts these

        self.workers = workers
        self._queue: queue.SimpleQueue[tuple[Any, tuple[Any, ...]] | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._closed = False
        self._lock = threading.Lock()

    def submit(self, fn: Any, *args: Any) -> None:
        """Run ``fn(*args)`` on a worker (dropped after :meth:`shutdown`)."""
        with self._lock:
            if self._closed:
                return
            self._queue.put((fn, args))
            if len(self._threads) < self.workers:
                thread = threading.Thread(target=self._work, name="aap-advise-index", daemon=True)
                self._threads.append(thread)
                thread.start()

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._closed:
                continue
            fn, args = item
            try:
                fn(*args)
            except BaseException:
                continue

    def shutdown(self, wait: float = 0.0) -> None:
        """Drop what is queued and let the workers end, waiting for them at most ``wait``
        seconds in all (a worker still on the wire then is left to die with the process)."""
        with self._lock:
            self._closed = True
            threads = list(self._threads)
            for _ in threads:
                self._queue.put(None)
        end = time.monotonic() + wait
        for thread in threads:
            remaining = end - time.monotonic()
            if remaining <= 0:
                break
            thread.join(remaining)


class _Flight(Generic[T]):
    """A computation in progress that other threads may wait for."""

    __slots__ = ("_error", "_event", "_result")

    def __init__(self) -> None:
        self._event = threading.Event()
        self._result: T | None = None
        self._error: BaseException | None = None

    def done(self, result: T) -> None:
        self._result = result
        self._event.set()

    def fail(self, error: BaseException) -> None:
        self._error = error
        self._event.set()

    def wait(self) -> T:
        self._event.wait()
        if self._error is not None:
            raise self._error
        return cast(T, self._result)


class _SingleFlight(Generic[K, T]):
    """One computation per key, its result kept (``results``): a caller asking for a key that
    another thread is computing waits for that computation, and gets its result or its error,
    instead of starting another. An error is not kept: the next caller computes again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.results: dict[K, T] = {}
        self._flights: dict[K, _Flight[T]] = {}

    def known(self, key: K) -> bool:
        """Computed, or being computed."""
        with self._lock:
            return key in self.results or key in self._flights

    def get(self, key: K, compute: Callable[[], T]) -> T:
        """The result for ``key``: kept, awaited, or computed here by ``compute``."""
        with self._lock:
            if key in self.results:
                return self.results[key]
            flight = self._flights.get(key)
            owner = flight is None
            if flight is None:
                flight = self._flights[key] = _Flight()
        if not owner:
            return flight.wait()
        try:
            result = compute()
        except BaseException as exc:
            with self._lock:
                del self._flights[key]
            flight.fail(exc)
            raise
        with self._lock:
            self.results[key] = result
            del self._flights[key]
        flight.done(result)
        return result


def _pkg_info(body: bytes, shown: str, clock: Deadline) -> bytes | None:
    """The top-level ``PKG-INFO`` of an sdist, or ``None`` for a broken archive or one without.

    Only the standard sdist archives are read, told by their first bytes (not their name): a
    gzip'd tar, streamed member by member (``tarfile``'s ``r:*`` would take a bz2 or xz body
    whatever the name, and list every member, inflating all of it, before the first is
    looked at), and a zip. Every inflated byte is counted, the run's deadline is checked while
    reading, and the first top-level ``*/PKG-INFO`` ends the reading.

    :raises IndexUnavailable: for an archive of another kind, one inflating past
        :data:`MAX_SDIST_INFLATED` before its PKG-INFO, a PKG-INFO over
        :data:`MAX_PKG_INFO_BYTES`, a zip of more than :data:`MAX_SDIST_MEMBERS` members or
        compressed otherwise than stored or deflated, or the deadline passing.
    """
    import gzip
    import io
    import tarfile
    import zipfile

    try:
        if body.startswith(b"PK\x03\x04"):
            return _zip_pkg_info(body, shown)
        if body.startswith(b"\x1f\x8b"):
            with (
                gzip.GzipFile(fileobj=io.BytesIO(body)) as gz,
                tarfile.open(fileobj=cast(Any, _Inflated(gz, shown, clock)), mode="r|") as tf,
            ):
                for member in tf:
                    if member.name.count("/") == 1 and member.name.endswith("/PKG-INFO"):
                        if member.size > MAX_PKG_INFO_BYTES:
                            raise _too_large(shown, _pkg_info_size(member.size))
                        fh = tf.extractfile(member)
                        return fh.read() if fh else None
            return None
    except (tarfile.TarError, zipfile.BadZipFile, OSError, EOFError, zlib.error):
        return None
    raise IndexUnavailable(
        f"{shown}: sdist refused: not a gzip'd tar or a zip archive", code="bad-archive"
    )


def _zip_pkg_info(body: bytes, shown: str) -> bytes | None:
    """:func:`_pkg_info` for a zip: the declared size and method checked before inflating."""
    import io
    import zipfile

    if body.count(b"PK\x01\x02") > MAX_SDIST_MEMBERS:  # central directory entries, at most
        raise _too_large(shown, f"it lists more than {MAX_SDIST_MEMBERS} members")
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        for info in zf.infolist():
            if info.filename.count("/") == 1 and info.filename.endswith("/PKG-INFO"):
                if info.file_size > MAX_PKG_INFO_BYTES:
                    raise _too_large(shown, _pkg_info_size(info.file_size))
                # zipfile inflates a bzip2 or lzma read whole, whatever its declared size.
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise IndexUnavailable(
                        f"{shown}: sdist refused: its PKG-INFO uses zip compression method "
                        f"{info.compress_type}",
                        code="bad-archive",
                    )
                with zf.open(info) as fh:
                    data = fh.read(MAX_PKG_INFO_BYTES + 1)
                if len(data) > MAX_PKG_INFO_BYTES:
                    raise _too_large(shown, _pkg_info_size(len(data)))
                return data
    return None


def _too_large(shown: str, why: str) -> IndexUnavailable:
    return IndexUnavailable(f"{shown}: sdist refused: {why}", code="too-large")


def _pkg_info_size(size: int) -> str:
    return f"its PKG-INFO is {size} bytes, over the {MAX_PKG_INFO_BYTES}-byte cap"


class _Inflated:
    """A decompressed stream read for ``tarfile``, counted against :data:`MAX_SDIST_INFLATED`
    and the run's deadline on every read (a stream-mode tarfile only calls ``read``)."""

    def __init__(self, raw: Any, shown: str, clock: Deadline) -> None:
        self.raw = raw
        self.shown = shown
        self.clock = clock
        self.left = MAX_SDIST_INFLATED

    def read(self, n: int | None = -1) -> bytes:
        self.clock.check(self.shown)
        want = self.left + 1 if n is None or n < 0 else min(n, self.left + 1)
        data: bytes = self.raw.read(want)
        self.left -= len(data)
        if self.left < 0:
            raise _too_large(
                self.shown, f"it inflates past {MAX_SDIST_INFLATED} bytes before its PKG-INFO"
            )
        return data


def _current_page(entry: dict[str, Any]) -> bool:
    """A cached page of this format (:data:`~advisor.index.pageformat.PAGE_FORMAT`); another
    format is fetched again."""
    return entry["format"] == pageformat.PAGE_FORMAT and isinstance(entry["versions"], dict)


#: The name a Requires-Dist line starts with (PEP 508).
_REQUIRED_NAME = re.compile(r"\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")


def _required_names(lines: Iterable[str]) -> list[str]:
    """The projects Requires-Dist lines name, but for those required only with an extra:
    a hint of the pages the resolver may ask for next (a wrong one costs a request)."""
    from advisor.model.names import canonicalize_name

    names: list[str] = []
    for line in lines:
        _, _, marker = line.partition(";")
        if "extra" in marker or (m := _REQUIRED_NAME.match(line)) is None:
            continue
        names.append(canonicalize_name(m[1]))
    return names


def _declared_hash(core: object) -> tuple[str, str] | None:
    """The ``(algorithm, value)`` stored for a PEP 658 file (``"sha256=..."``), if any."""
    if isinstance(core, str) and "=" in core:
        algorithm, value = core.split("=", 1)
        return algorithm, value
    return None


def _well_formed(hashes: object) -> bool:
    """A cached hash list holds only ``algorithm:hex`` digests pip accepts."""
    if not isinstance(hashes, list):
        return False
    for h in hashes:
        if not isinstance(h, str) or ":" not in h:
            return False
        algorithm, value = h.split(":", 1)
        if digest(algorithm, value) != value:
            return False
    return True


def _file_hashes(files: Sequence[IndexFile], version: Version, shown: str) -> list[str]:
    """``algorithm:hex`` of each file of ``version``; one malformed digest refuses them all."""
    out: list[str] = []
    for f in files:
        if f.version != version or (chosen := preferred(f.hashes)) is None:
            continue
        algorithm, value = chosen
        good = digest(algorithm, value)
        if good is None:
            raise IndexUnavailable(
                f"{shown}: the index lists a malformed {algorithm} digest for {f.filename!r} "
                f"(not {HEX_DIGITS[algorithm]} hex digits)",
                code="bad-hash",
            )
        out.append(f"{algorithm}:{good}")
    return sorted(set(out))
