"""A real HTTP package index for tests, serving the recorded data in ``tests/data/index/``.

:class:`LocalIndex` runs an ``http.server.ThreadingHTTPServer`` on 127.0.0.1 in a background
thread. It answers like a Simple Repository API index:

* ``GET /simple/<project>/``: the recorded PEP 691 JSON page
  (``data/index/simple/<project>/index.json``) when the Accept header prefers it, otherwise
  a PEP 503 HTML page generated from the same JSON;
* ``GET``/``HEAD /files/<name>``: files from ``data/index/files/`` (or :attr:`extra_files`),
  with single byte ranges (``bytes=a-b``, ``bytes=a-``, ``bytes=-n``) answered 206;
* 404 for anything else.

Every request is recorded in :attr:`LocalIndex.requests`; attributes switch faults on:
``ignore_range``, ``html_only``, ``status_for``, ``garbage_for``, ``delay``.
"""

from __future__ import annotations

import html
import json
import re
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from packaging.utils import canonicalize_name

DATA = Path(__file__).parent / "data" / "index"

JSON_TYPE = "application/vnd.pypi.simple.v1+json"
HTML_TYPE = "application/vnd.pypi.simple.v1+html"
_OFFERED = (JSON_TYPE, HTML_TYPE, "text/html")
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@dataclass(frozen=True)
class Request:
    """One request the server answered."""

    method: str
    path: str
    headers: dict[str, str]
    status: int


class _QuietServer(ThreadingHTTPServer):
    """A client that hangs up early (a timeout test) is normal here, not an error to print."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class Connections:
    """The client connections a test server holds open, so that stopping it can end them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()

    def track(self, conn: socket.socket, open_: bool) -> None:
        """Note a client connection opening or closing (called from handler threads)."""
        with self._lock:
            (self._open.add if open_ else self._open.discard)(conn)

    def stop(self, server: ThreadingHTTPServer) -> None:
        """Stop ``server``'s loop, end every connection it holds open, and close it.

        Keep-alive connections block their handler threads in a read; shutting the sockets down
        ends those reads so server_close() can join the threads.
        """
        server.shutdown()
        with self._lock:
            for conn in self._open:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        server.server_close()


@dataclass
class LocalIndex:
    """A local index server; use as a context manager, then read :attr:`url`.

    :param root: the recorded index directory (``simple/`` and ``files/`` inside).
    :param ignore_range: answer ranged file requests with 200 and the whole body.
    :param html_only: serve PEP 503 HTML whatever the Accept header says (a legacy index).
    :param status_for: request path -> status code to answer instead (empty body).
    :param garbage_for: request path -> body to send instead of the real one.
    :param delay: seconds to wait before answering each request.
    :param extra_files: file name -> content served under ``/files/`` besides ``root``'s.
    :param content_type_for: request path -> Content-Type to send instead of the real one.
    :param fail_first: request path -> how many first requests get a 503 (retry tests).
    :param prefix: a path the index lives under (``/PREFIX/simple/``, ``/PREFIX/files/``);
        :attr:`requests` records the paths as requested, prefix included.
    """

    root: Path = DATA
    ignore_range: bool = False
    html_only: bool = False
    status_for: dict[str, int] = field(default_factory=dict)
    garbage_for: dict[str, bytes] = field(default_factory=dict)
    delay: float = 0.0
    extra_files: dict[str, bytes] = field(default_factory=dict)
    content_type_for: dict[str, str] = field(default_factory=dict)
    fail_first: dict[str, int] = field(default_factory=dict)
    prefix: str = ""
    requests: list[Request] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = field(default=None, repr=False)
    _thread: threading.Thread | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    connections: Connections = field(default_factory=Connections, init=False, repr=False)

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT`` of the running server."""
        if self._server is None:
            raise RuntimeError("the LocalIndex is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def url(self) -> str:
        """The index URL, ``http://127.0.0.1:PORT/simple/``."""
        return self.base + self.prefix + "/simple/"

    def file_url(self, name: str) -> str:
        """The URL of ``/files/<name>``."""
        return f"{self.base}{self.prefix}/files/{name}"

    def __enter__(self) -> Self:
        self._server = _QuietServer(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self._server is not None and self._thread is not None
        self.connections.stop(self._server)
        self._thread.join()
        self._server = None

    def record(self, request: Request) -> None:
        """Append one request to :attr:`requests` (called from handler threads)."""
        with self._lock:
            self.requests.append(request)

    def page(self, project: str) -> dict[str, Any] | None:
        """The recorded PEP 691 document of ``project``, or ``None``."""
        path = self.root / "simple" / canonicalize_name(project) / "index.json"
        if not path.is_file():
            return None
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data

    def file(self, name: str) -> bytes | None:
        """The content served at ``/files/<name>``, or ``None``."""
        if name in self.extra_files:
            return self.extra_files[name]
        path = self.root / "files" / name
        if "/" in name or name.startswith(".") or not path.is_file():
            return None
        return path.read_bytes()


def local_index_fixture() -> Iterator[LocalIndex]:
    """A generator to wrap as a pytest fixture: a running :class:`LocalIndex`."""
    with LocalIndex() as index:
        yield index


def render_html(page: Mapping[str, Any]) -> str:
    """The PEP 503 HTML form of a PEP 691 JSON page (PyPI's layout, SERIAL comment included)."""
    rows = []
    for f in page["files"]:
        href = f["url"]
        if "sha256" in f.get("hashes", {}):
            href += "#sha256=" + f["hashes"]["sha256"]
        attrs = [f'href="{html.escape(href)}"']
        if f.get("requires-python"):
            attrs.append(f'data-requires-python="{html.escape(f["requires-python"])}"')
        yanked = f.get("yanked", False)
        if yanked is not False:
            reason = yanked if isinstance(yanked, str) else ""
            attrs.append(f'data-yanked="{html.escape(reason)}"')
        metadata = f.get("core-metadata", f.get("dist-info-metadata", False))
        if metadata:
            value = "true" if metadata is True else "sha256=" + metadata.get("sha256", "")
            attrs.append(f'data-core-metadata="{html.escape(value)}"')
            attrs.append(f'data-dist-info-metadata="{html.escape(value)}"')
        rows.append(f"    <a {' '.join(attrs)}>{html.escape(f['filename'])}</a><br />")
    serial = page.get("meta", {}).get("_last-serial")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            "<html>",
            "  <head>",
            '    <meta name="pypi:repository-version" content="1.1">',
            f"    <title>Links for {html.escape(page['name'])}</title>",
            "  </head>",
            "  <body>",
            f"    <h1>Links for {html.escape(page['name'])}</h1>",
            *rows,
            "  </body>",
            "</html>",
            f"<!--SERIAL {serial}-->" if serial is not None else "",
        ]
    )


def _negotiate(accept: str | None) -> str | None:
    """The offered media type the Accept header likes best (RFC 9110 12.5.1), or ``None``."""
    if not accept:
        return "text/html"
    best: tuple[float, int, str] | None = None
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        for rank, offered in enumerate(_OFFERED):
            if q > 0 and media in (offered, "*/*", offered.split("/")[0] + "/*"):
                candidate = (q, -rank, offered)
                if best is None or candidate > best:
                    best = candidate
    return best[2] if best else None


def _handler_for(index: LocalIndex) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "LocalIndex/1"

        def setup(self) -> None:
            super().setup()
            index.connections.track(self.connection, True)

        def finish(self) -> None:
            index.connections.track(self.connection, False)
            try:
                super().finish()
            except OSError:
                pass  # the client went away mid-response (a capped reader hung up)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean

        def do_GET(self) -> None:
            self._answer(body_wanted=True)

        def do_HEAD(self) -> None:
            self._answer(body_wanted=False)

        def _answer(self, body_wanted: bool) -> None:
            if index.delay:
                time.sleep(index.delay)
            path = self.path.split("?", 1)[0]
            inside = path[len(index.prefix) :] if path.startswith(index.prefix + "/") else "/"
            status, headers, body = self._route(inside if index.prefix else path)
            index.record(Request(self.command, path, dict(self.headers.items()), status))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body_wanted:
                try:
                    self.wfile.write(body)
                except OSError:
                    self.close_connection = True

        def _route(self, path: str) -> tuple[int, dict[str, str], bytes]:
            status, headers, body = self._route_plain(path)
            if path in index.content_type_for:
                headers = {**headers, "Content-Type": index.content_type_for[path]}
            return status, headers, body

        def _route_plain(self, path: str) -> tuple[int, dict[str, str], bytes]:
            if index.fail_first.get(path, 0) > 0:
                index.fail_first[path] -= 1
                return 503, {"Retry-After": "0"}, b""
            if path in index.status_for:
                return index.status_for[path], {}, b""
            if m := re.fullmatch(r"/simple/([^/]+)/", path):
                return self._project(m[1], path)
            if m := re.fullmatch(r"/files/([^/]+)", path):
                content = index.file(m[1])
                if content is not None:
                    return self._file(index.garbage_for.get(path, content))
            return 404, {"Content-Type": "text/plain"}, b"not found"

        def _project(self, project: str, path: str) -> tuple[int, dict[str, str], bytes]:
            page = index.page(project)
            if page is None:
                return 404, {"Content-Type": "text/plain"}, b"not found"
            media = "text/html" if index.html_only else _negotiate(self.headers.get("Accept"))
            if media is None:
                return 406, {"Content-Type": "text/plain"}, b"not acceptable"
            if media == JSON_TYPE:
                body = json.dumps(page).encode()
            else:
                body = render_html(page).encode()
                media += "; charset=utf-8"
            return 200, {"Content-Type": media, "Vary": "Accept"}, index.garbage_for.get(path, body)

        def _file(self, content: bytes) -> tuple[int, dict[str, str], bytes]:
            headers = {"Content-Type": "application/octet-stream", "Accept-Ranges": "bytes"}
            wanted = self.headers.get("Range")
            if wanted is None or index.ignore_range:
                return 200, headers, content
            m = _RANGE.match(wanted.strip())
            if not m or m[1] == m[2] == "":
                return 200, headers, content  # multiple or malformed ranges: ignore them
            size = len(content)
            if m[1] == "":  # suffix range: the last n bytes
                first, last = max(0, size - int(m[2])), size - 1
            else:
                first = int(m[1])
                last = min(int(m[2]), size - 1) if m[2] else size - 1
            if first >= size or last < first:
                return 416, {"Content-Range": f"bytes */{size}"}, b""
            headers["Content-Range"] = f"bytes {first}-{last}/{size}"
            return 206, headers, content[first : last + 1]

    return Handler
