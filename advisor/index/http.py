"""Requests to an index that cannot outlast the run, leak credentials or exhaust memory.

* :class:`Deadline`: the run's total deadline, held over connects, headers and bodies alike.
  A per-request timeout bounds each *read*, so a server sending one byte now and then never
  trips it; the deadline's watchdog shuts down every socket still open when the deadline
  passes (and :meth:`Deadline.abort` does so at once, on Ctrl-C), so a blocked read returns.
* :class:`IndexAuth`: credentials go only to the scheme, host and port they were given for
  (an index URL's ``user:password@``, else ``~/.netrc`` for a configured index's host), never to
  a file URL or redirect elsewhere, and never from https down to http.
* :func:`open_stream`: redirects followed one by one (a redirect's body is never read, and each
  hop gets its own credentials decision).
* :func:`read_capped`: a body decoded in steps of at most 64 KiB of output, so a compression
  bomb is stopped at the cap instead of inflated whole.
"""

from __future__ import annotations

import base64
import socket
import sys
import threading
import time
import weakref
import zlib
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from advisor.errors import IndexUnavailable
from advisor.index.urls import origin

__all__ = [
    "ACCEPT_ENCODING",
    "MAX_REDIRECTS",
    "Deadline",
    "IndexAuth",
    "holding",
    "iter_capped",
    "new_client",
    "open_stream",
    "read_capped",
]

#: The content codings offered (httpx would also offer br and zstd when their libraries are
#: installed); a body in any other coding is refused.
ACCEPT_ENCODING = "gzip, deflate"
#: Redirects followed for one request (pip allows 30; an index needs one or two).
MAX_REDIRECTS = 10
#: At most this much output per decompression step.
_STEP = 64 * 1024
#: Stacked content codings beyond this many are refused.
_MAX_CODINGS = 2
#: Bodies being read at once (background fetches run side by side) hold at most this much
#: together: each read's own cap alone would let eight workers hold eight times as much.
MAX_IN_FLIGHT_BYTES = 128 * 1024 * 1024


def new_client(timeout: float) -> httpx.Client:
    """An httpx client (synchronous) with ``timeout`` seconds for every step of a request.

    The first client imports httpcore, which imports trio whenever it is installed (for its
    async primitives under trio: some 70 ms, for nothing a synchronous client uses); trio is
    kept out of that import, and importable as before once it is done. httpcore keeps what
    its import found (``httpcore._synchronization.trio``): an installed trio is left there to
    be imported on first use, so async code of the same process still runs under trio.
    """
    modules: dict[str, Any] = sys.modules  # a None entry makes its import fail
    if "httpcore" not in modules and "trio" not in modules:
        modules["trio"] = None
        try:
            import httpcore._synchronization

            synchronization: Any = httpcore._synchronization
        finally:
            if "trio" in modules and modules["trio"] is None:
                del modules["trio"]
        if synchronization.trio is None:
            from importlib.util import find_spec

            if find_spec("trio") is not None:
                synchronization.trio = _OnFirstUse("trio")
    return httpx.Client(timeout=httpx.Timeout(timeout))


class _OnFirstUse:
    """Stands for module ``name``, imported when an attribute is first read."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        import importlib

        return getattr(importlib.import_module(self._name), attr)


class _Budget:
    """Bytes held by the bodies being read, process-wide."""

    def __init__(self) -> None:
        self.used = 0
        self._lock = threading.Lock()

    def take(self, n: int, what: str) -> None:
        with self._lock:
            if self.used + n > MAX_IN_FLIGHT_BYTES:
                raise IndexUnavailable(
                    f"{what}: the responses being read exceed {MAX_IN_FLIGHT_BYTES} bytes together",
                    code="too-large",
                )
            self.used += n

    def give_back(self, n: int) -> None:
        with self._lock:
            self.used -= n


_IN_FLIGHT = _Budget()


class Deadline:
    """The instant all index requests of a run must be done by, enforced on sockets.

    :param seconds: how long from now.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.gives_up_at = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._sockets: weakref.WeakSet[socket.socket] = weakref.WeakSet()
        self._timer: threading.Timer | None = None
        self._expired = False

    def left(self) -> float:
        """Seconds left (negative once passed)."""
        return self.gives_up_at - time.monotonic()

    def passed(self) -> bool:
        """The deadline has passed."""
        return self._expired or self.left() <= 0

    def error(self, what: str) -> IndexUnavailable:
        """The one-line error for a request cut by the deadline."""
        return IndexUnavailable(
            f"{what}: no answer within the {self.seconds:g} s deadline", code="deadline"
        )

    def check(self, what: str) -> None:
        """Raise :meth:`error` once the deadline has passed."""
        if self.passed():
            raise self.error(what)

    def watch(self, request: httpx.Request) -> None:
        """Make ``request`` report the sockets it opens, and start the watchdog."""
        request.extensions = {**request.extensions, "trace": self._trace}
        with self._lock:
            if self._timer is None and not self._expired:
                self._timer = threading.Timer(max(0.0, self.left()), self._expire)
                self._timer.daemon = True
                self._timer.start()

    def _trace(self, event: str, info: dict[str, Any]) -> None:
        # httpcore's trace extension: a new connection's stream (plain, then TLS) is returned
        # by these two steps; a pooled connection was seen when it was made.
        if event not in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if not isinstance(sock, socket.socket):
            return
        with self._lock:
            self._sockets.add(sock)
            late = self._expired
        if late:
            _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self._expired = True
        self.abort()

    def abort(self) -> None:
        """Shut down every socket opened so far: blocked reads return at once (Ctrl-C, close)."""
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            _shut(sock)

    def close(self) -> None:
        """Stop the watchdog (the deadline itself still holds for later requests)."""
        with self._lock:
            timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()


def _shut(sock: socket.socket) -> None:
    # socket.socket.shutdown, not SSLSocket.shutdown: the TLS one also drops the SSL object
    # under a reader in another thread; the plain one only wakes that reader.
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except (OSError, ValueError):
        return


Origin = tuple[str, str, int | None]


class IndexAuth(httpx.Auth):
    """Basic credentials for the configured indexes' origins, and for nothing else.

    :param index_urls: the indexes as requested (``user:password@`` in one is used for its
        scheme, host and port).
    :param netrc_file: a netrc file whose entry for a configured index's host is used for that
        index's origin when its URL has no credentials; ``None`` for none.
    """

    def __init__(self, index_urls: Sequence[str], netrc_file: Path | None = None) -> None:
        self._indexes: list[tuple[Origin, str, tuple[str, str] | None]] = []
        for url in index_urls:
            where = origin(url)
            if where is None:
                continue
            try:
                parsed = httpx.URL(url)
            except httpx.InvalidURL:
                continue
            creds = (
                (parsed.username, parsed.password) if parsed.username or parsed.password else None
            )
            self._indexes.append((where, parsed.path, creds))
        self._netrc: Any = None
        #: Why the netrc file was not used (it does not parse), for a note; ``None`` if it was.
        self.netrc_problem: str | None = None
        if netrc_file is not None:
            import netrc

            try:
                self._netrc = netrc.netrc(str(netrc_file))
            except (netrc.NetrcParseError, OSError, UnicodeDecodeError) as exc:
                reason = exc.msg if isinstance(exc, netrc.NetrcParseError) else type(exc).__name__
                self.netrc_problem = f"{netrc_file} was not used: {reason}"

    def credentials(self, url: httpx.URL) -> tuple[str, str] | None:
        """The user and password to send to ``url``, or ``None``."""
        where = origin(str(url))
        if where is None:
            return None
        scheme, host, port = where
        # Credentials given for http may also go to the same host over https (an upgrade,
        # as httpx allows on redirects); never the other way.
        same = [
            (path, creds)
            for (o, path, creds) in self._indexes
            if o == where or (scheme, o[0], o[1], o[2], port) == ("https", "http", host, 80, 443)
        ]
        if not same:
            return None
        path = url.path
        same.sort(key=lambda pc: len(pc[0]) if path.startswith(pc[0]) else -1, reverse=True)
        if same[0][1] is not None:
            return same[0][1]
        if self._netrc is not None:
            entry = self._netrc.authenticators(host)
            if entry is not None and entry[2]:
                return entry[0], entry[2]
        return None

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Set (or remove) the Authorization header for this request's origin."""
        request.headers.pop("Authorization", None)
        creds = self.credentials(request.url)
        if creds is not None:
            token = base64.b64encode(f"{creds[0]}:{creds[1]}".encode()).decode("ascii")
            request.headers["Authorization"] = f"Basic {token}"
        yield request


@contextmanager
def open_stream(
    client: httpx.Client,
    url: str,
    *,
    what: str,
    headers: dict[str, str] | None = None,
    timeout: float | httpx.Timeout | None = None,
    deadline: Deadline | None = None,
    auth: httpx.Auth | None = None,
) -> Iterator[httpx.Response]:
    """A GET of ``url`` whose response is streamed, after following redirects by hand.

    :param what: names the resource in errors (already free of credentials and secrets).
    :raises IndexUnavailable: for a redirect loop or an unusable redirect.
    :raises httpx.HTTPError: for network failures (the caller describes them).
    """
    sent = {"Accept-Encoding": ACCEPT_ENCODING, **(headers or {})}
    kwargs: dict[str, Any] = {} if timeout is None else {"timeout": timeout}
    request = client.build_request("GET", url, headers=sent, **kwargs)
    for _ in range(MAX_REDIRECTS + 1):
        if deadline is not None:
            deadline.check(what)
            deadline.watch(request)
        response = client.send(
            request,
            stream=True,
            follow_redirects=False,
            **({"auth": auth} if auth is not None else {}),
        )
        if not response.has_redirect_location:
            try:
                yield response
            finally:
                response.close()
            return
        following = response.next_request
        response.close()  # its body is never read
        if following is None or following.url.scheme not in ("http", "https"):
            raise IndexUnavailable(f"{what}: redirected to an unusable location")
        request = following
    raise IndexUnavailable(f"{what}: more than {MAX_REDIRECTS} redirects", code="redirects")


class _Decoder:
    """Content codings undone in steps of at most :data:`_STEP` bytes of output each."""

    def __init__(self, header: str, what: str) -> None:
        self.what = what
        codings = [c.strip().lower() for c in header.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > _MAX_CODINGS:
            raise IndexUnavailable(f"{what}: {len(codings)} stacked content codings refused")
        self.layers: list[Any] = []
        self.raw_fallback: list[bool] = []
        for coding in reversed(codings):  # the last coding applied is undone first
            if coding in ("gzip", "x-gzip"):
                self.layers.append(zlib.decompressobj(zlib.MAX_WBITS | 16))
                self.raw_fallback.append(False)
            elif coding == "deflate":  # zlib-wrapped as specified, raw deflate as some send it
                self.layers.append(zlib.decompressobj(zlib.MAX_WBITS))
                self.raw_fallback.append(True)
            else:
                raise IndexUnavailable(f"{what}: unsupported content coding {coding!r}")

    def feed(self, data: bytes, layer: int = 0) -> Iterator[bytes]:
        """The decoded bytes ``data`` gives, in pieces of at most :data:`_STEP` bytes."""
        if layer == len(self.layers):
            if data:
                yield data
            return
        while True:
            out = self._step(layer, data)
            data = self.layers[layer].unconsumed_tail
            if out:
                yield from self.feed(out, layer + 1)
            if not data and len(out) < _STEP:
                return

    def _step(self, layer: int, data: bytes) -> bytes:
        try:
            out: bytes = self.layers[layer].decompress(data, _STEP)
        except zlib.error as exc:
            if not self.raw_fallback[layer]:
                raise IndexUnavailable(f"{self.what}: the body does not decode: {exc}") from exc
            self.layers[layer] = zlib.decompressobj(-zlib.MAX_WBITS)
            self.raw_fallback[layer] = False
            return self._step(layer, data)
        self.raw_fallback[layer] = False  # decided by the first bytes
        return out

    def finish(self) -> Iterator[bytes]:
        """What the layers still hold once the body has ended; refuse a truncated stream."""
        for layer in range(len(self.layers)):
            yield from self.feed(b"", layer)
        if any(not d.eof for d in self.layers):
            raise IndexUnavailable(f"{self.what}: the compressed body is truncated")


def read_capped(
    response: httpx.Response, cap: int, what: str, deadline: Deadline | None = None
) -> bytes:
    """Read a streamed response body, decoded, refusing one longer than ``cap`` bytes.

    Memory stays within ``cap`` plus one decoding step however the body is encoded, and all
    bodies being read at once within :data:`MAX_IN_FLIGHT_BYTES`.

    :param what: names the resource in the error message (already redacted).
    :raises IndexUnavailable: when the body (decoded, or its announced Content-Length) exceeds
        ``cap``, when the deadline passes, or when it does not decode.
    """
    if response.is_stream_consumed:  # built in memory (a mock transport): decoded already
        _check_declared(response, cap, what)
        if len(response.content) > cap:
            raise IndexUnavailable(f"{what}: response exceeds the {cap}-byte cap", code="too-large")
        return response.content
    body = bytearray()
    try:
        for piece in iter_capped(response, cap, what, deadline):
            _IN_FLIGHT.take(len(piece), what)
            body.extend(piece)
        return bytes(body)
    finally:
        _IN_FLIGHT.give_back(len(body))


def iter_capped(
    response: httpx.Response, cap: int, what: str, deadline: Deadline | None = None
) -> Iterator[bytes]:
    """A streamed response body, decoded, in pieces of at most 64 KiB: what
    :func:`read_capped` reads, for a reader that does not hold the whole body (it accounts
    what it holds with :func:`holding`).

    :raises IndexUnavailable: as :func:`read_capped`.
    """
    _check_declared(response, cap, what)
    if response.is_stream_consumed:  # built in memory (a mock transport): decoded already
        if len(response.content) > cap:
            raise IndexUnavailable(f"{what}: response exceeds the {cap}-byte cap", code="too-large")
        content = response.content
        for start in range(0, len(content), _STEP):
            yield content[start : start + _STEP]
        return
    decoder = _Decoder(response.headers.get("content-encoding", ""), what)
    total = 0

    def counted(pieces: Iterator[bytes]) -> Iterator[bytes]:
        nonlocal total
        for piece in pieces:
            total += len(piece)
            if total > cap:
                raise IndexUnavailable(
                    f"{what}: response exceeds the {cap}-byte cap", code="too-large"
                )
            yield piece

    # Passed up in pieces of up to _STEP bytes, not as the socket hands them over: a TLS
    # record (16 KiB) at a time, ddtrace's 21 MB page came in some 1,300 pieces, each through
    # the decoder, these checks and the page reader (about 20 ms of a cold run more than a
    # quarter as many pieces cost). The deadline is still checked as each one arrives.
    pending: list[bytes] = []
    size = 0
    for raw in response.iter_raw():
        if pending and size + len(raw) > _STEP:
            yield from counted(decoder.feed(b"".join(pending)))
            pending, size = [], 0
        pending.append(raw)
        size += len(raw)
        if deadline is not None:
            deadline.check(what)
    if pending:
        yield from counted(decoder.feed(b"".join(pending)))
    yield from counted(decoder.finish())


def _check_declared(response: httpx.Response, cap: int, what: str) -> None:
    declared = response.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > cap:
        raise IndexUnavailable(
            f"{what}: response of {declared} bytes exceeds the {cap}-byte cap", code="too-large"
        )


@contextmanager
def holding(what: str) -> Iterator[Callable[[int], None]]:
    """Account, against :data:`MAX_IN_FLIGHT_BYTES`, what a reader of a body holds: the
    function given is called with how much it holds now (more is taken, or less given back);
    all is given back at the end.

    :raises IndexUnavailable: when the bodies being read would exceed the limit together.
    """
    held = 0

    def hold(now: int) -> None:
        nonlocal held
        if now > held:
            _IN_FLIGHT.take(now - held, what)
        else:
            _IN_FLIGHT.give_back(held - now)
        held = now

    try:
        yield hold
    finally:
        _IN_FLIGHT.give_back(held)
