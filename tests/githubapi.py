"""A stand-in for the GitHub REST API on 127.0.0.1: issue comments of one pull request.

A real HTTP server in a thread, so the action's glue runs unchanged as a subprocess against it.
It serves what the glue uses (list with ``per_page``/``page``, create, update), maps tokens to
permissions the way GitHub does for fork pull requests (a read-only token may read, and gets
403 "Resource not accessible by integration" on writes), and records every request, headers
included, so tests can check how the token was sent.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

Permission = Literal["write", "read"]
BOT = {"login": "github-actions[bot]", "type": "Bot"}


@dataclass(frozen=True, slots=True)
class Request:
    """One request as the server saw it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


@dataclass
class FakeGitHub:
    """Comments on pull request ``number`` of ``repository``; tokens map to permissions.

    Use as a context manager; :attr:`url` is the ``GITHUB_API_URL`` to give the action.
    """

    repository: str = "octo-org/app"
    number: int = 7
    tokens: dict[str, Permission] = field(
        default_factory=lambda: {"ghs_write_token": "write", "ghs_read_only_token": "read"}
    )
    comments: list[dict[str, Any]] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    _next_id: int = 1000
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        """The base URL, ``http://127.0.0.1:<port>``."""
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def add_comment(self, body: str, user: dict[str, str] | None = None) -> dict[str, Any]:
        """Seed a comment (by a human unless ``user`` says otherwise)."""
        with self._lock:
            self._next_id += 1
            comment = {
                "id": self._next_id,
                "body": body,
                "user": user or {"login": "someone", "type": "User"},
            }
            self.comments.append(comment)
            return comment

    def writes(self) -> list[Request]:
        """The POST and PATCH requests received."""
        return [r for r in self.requests if r.method in ("POST", "PATCH")]

    def __enter__(self) -> FakeGitHub:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    # Routing -----------------------------------------------------------------------------

    def handle(self, req: Request) -> tuple[int, Any]:
        """The status and JSON body for ``req``."""
        self.requests.append(req)
        auth = req.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        permission = self.tokens.get(token) if scheme.lower() in ("bearer", "token") else None
        if permission is None:
            return 401, {"message": "Bad credentials"}
        base = f"/repos/{self.repository}/issues"
        if re.fullmatch(rf"{re.escape(base)}/{self.number}/comments", req.path):
            if req.method == "GET":
                return 200, self._page(req.query)
            if req.method == "POST":
                if permission != "write":
                    return 403, {"message": "Resource not accessible by integration"}
                return 201, self.add_comment(str(req.body["body"]), BOT)
        match = re.fullmatch(rf"{re.escape(base)}/comments/(\d+)", req.path)
        if match and req.method == "PATCH":
            if permission != "write":
                return 403, {"message": "Resource not accessible by integration"}
            with self._lock:
                for comment in self.comments:
                    if comment["id"] == int(match.group(1)):
                        comment["body"] = str(req.body["body"])
                        return 200, comment
        return 404, {"message": "Not Found"}

    def _page(self, query: dict[str, list[str]]) -> list[dict[str, Any]]:
        # GitHub caps per_page at 100 and counts pages from 1.
        per_page = min(int(query.get("per_page", ["30"])[0]), 100)
        page = int(query.get("page", ["1"])[0])
        with self._lock:
            return self.comments[(page - 1) * per_page : page * per_page]


def _handler(api: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _serve(self) -> None:
            split = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            req = Request(
                self.command,
                split.path,
                parse_qs(split.query),
                {k.lower(): v for k, v in self.headers.items()},
                json.loads(raw) if raw else None,
            )
            status, payload = api.handle(req)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = _serve  # noqa: N815 (the names http.server dispatches to)

        def log_message(self, *args: Any) -> None:
            """Keep the test output quiet."""

    return Handler
