"""A stand-in for the GitHub REST API on 127.0.0.1: issue comments of one pull request, its
changed files and its review comments.

A real HTTP server in a thread, so the action's glue runs unchanged as a subprocess against it.
It serves what the glue uses (``GET /user``; issue comments: list with ``per_page``/``page``,
create, update, delete; the pull request's files with their ``patch``; review comments: list,
create on a line or lines of the diff, update, delete) and answers the way GitHub documents it:

* tokens map to permissions the way GitHub does for fork pull requests (a read-only token may
  read, and gets 403 "Resource not accessible by integration" on writes);
* a token in :attr:`FakeGitHub.users` is a personal token: ``GET /user`` names its user, who
  writes its comments; any other token is an installation token: ``GET /user`` is refused with
  403 and its comments are written by its app's bot, ``github-actions[bot]`` for
  ``GITHUB_TOKEN`` or the one :attr:`FakeGitHub.apps` names for a GitHub App's token, with
  ``performed_via_github_app`` set, as GitHub sets it;
* ``POST /graphql`` answers the ``viewer`` query with the login the token writes as (GraphQL
  answers it for installation tokens too);
* a comment body over 65,536 characters is refused with 422, as GitHub refuses it;
* a review comment must name the head commit, a file the pull request changes, the ``RIGHT``
  side, and a ``line`` (and ``start_line``, before it, in the same hunk) in that file's diff,
  or it is refused with 422, as GitHub refuses it; :meth:`FakeGitHub.push` moves the head and
  outdates (``line: null``) the review comments whose lines its diff no longer holds.

:attr:`FakeGitHub.override` plays a server that does *not* answer as documented (an HTML page
with 200, a redirect, an object where a list is due, a rate limit, an answer trickling in a
byte at a time) with a :class:`Raw` answer. Every request is recorded, headers included, so
tests can check how the token was sent.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal, Self
from urllib.parse import parse_qs, urlsplit

Permission = Literal["write", "read"]
BOT = {"login": "github-actions[bot]", "type": "Bot"}
MAX_BODY = 65_536
"""GitHub's limit on a comment body, in characters."""


@dataclass(frozen=True, slots=True)
class Request:
    """One request as the server saw it."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


@dataclass(frozen=True, slots=True)
class Raw:
    """An answer sent as given: the status, headers and body bytes.

    :param trickle: seconds between bytes, status line and headers included: a server that
        never stops answering (it stops when the stand-in is shut down).
    """

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "application/json; charset=utf-8"),)
    trickle: float | None = None

    @classmethod
    def json(cls, status: int, payload: Any, *headers: tuple[str, str]) -> Raw:
        """A JSON answer with extra ``headers``."""
        base = (("Content-Type", "application/json; charset=utf-8"),)
        return cls(status, json.dumps(payload).encode(), base + headers)


@dataclass
class FakeGitHub:
    """Comments on pull request ``number`` of ``repository``; tokens map to permissions.

    Use as a context manager; :attr:`url` is the ``GITHUB_API_URL`` to give the action.
    """

    repository: str = "octo-org/app"
    number: int = 7
    tokens: dict[str, Permission] = field(
        default_factory=lambda: {
            "ghs_write_token": "write",
            "ghs_read_only_token": "read",
            "ghp_personal_token": "write",
        }
    )
    users: dict[str, dict[str, str]] = field(
        default_factory=lambda: {"ghp_personal_token": {"login": "octo-dev", "type": "User"}}
    )
    apps: dict[str, dict[str, str]] = field(default_factory=dict)
    """Installation tokens of GitHub Apps other than GitHub Actions, and their bot users."""
    override: Callable[[Request], Raw | None] | None = None
    """Consulted first for every request: a :class:`Raw` answer, or ``None`` to serve as usual."""
    comments: list[dict[str, Any]] = field(default_factory=list)
    head_sha: str = "4f0e8a2f1c9d3b7e6a5d4c3b2a1f0e9d8c7b6a51"
    """The pull request's head commit: review comments must be on it."""
    files: dict[str, str | None] = field(default_factory=dict)
    """The files the pull request changes and their diffs (``None``: GitHub shows none)."""
    review_comments: list[dict[str, Any]] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    _next_id: int = 1000
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stopping: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        """The base URL, ``http://127.0.0.1:<port>``."""
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def comments_path(self) -> str:
        """The path that lists and creates the pull request's comments."""
        return f"/repos/{self.repository}/issues/{self.number}/comments"

    def add_comment(self, body: str, user: dict[str, str] | None = None) -> dict[str, Any]:
        """Seed a comment (by a human unless ``user`` says otherwise).

        A bot's comment carries ``performed_via_github_app``, as GitHub gives it for a comment
        an app's installation token wrote (Dependabot's and Renovate's included).
        """
        user = user or {"login": "someone", "type": "User"}
        app = None
        if user.get("type") == "Bot":
            slug = user["login"].removesuffix("[bot]")
            app = {"id": len(slug), "slug": slug, "name": slug}
        with self._lock:
            self._next_id += 1
            comment = {
                "id": self._next_id,
                "body": body,
                "user": user,
                "performed_via_github_app": app,
            }
            self.comments.append(comment)
            return comment

    def writes(self) -> list[Request]:
        """The POST, PATCH and DELETE requests that write comments (a GraphQL query only reads)."""
        return [
            r
            for r in self.requests
            if r.method in ("POST", "PATCH", "DELETE") and r.path != "/graphql"
        ]

    def push(self, files: dict[str, str | None], head_sha: str) -> None:
        """A new head: the pull request's diffs become ``files``; a review comment whose lines
        the new diff of its file does not hold is outdated (``line`` null), as GitHub does."""
        with self._lock:
            self.files, self.head_sha = dict(files), head_sha
            for c in self.review_comments:
                lines = range(c["start_line"] or c["line"], c["line"] + 1) if c["line"] else ()
                hunk = _hunk_of(self.files.get(c["path"]), c["line"] or 0)
                if not lines or hunk is None or any(n not in hunk for n in lines):
                    c["line"] = c["start_line"] = None

    def add_review_comment(
        self, body: str, path: str, line: int, user: dict[str, str] | None = None
    ) -> dict[str, Any]:
        """Seed a review comment on ``line`` of ``path`` (by a human unless ``user`` says so)."""
        with self._lock:
            self._next_id += 1
            comment = _review(self._next_id, body, user or BOT, path, line, None, self.head_sha)
            self.review_comments.append(comment)
            return comment

    def __enter__(self) -> Self:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()

    # Routing -----------------------------------------------------------------------------

    def handle(self, req: Request) -> tuple[int, Any] | Raw:
        """The status and JSON body for ``req``, or a :class:`Raw` answer."""
        self.requests.append(req)
        if self.override is not None:
            raw = self.override(req)
            if raw is not None:
                return raw
        auth = req.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        permission = self.tokens.get(token) if scheme.lower() in ("bearer", "token") else None
        if permission is None:
            return 401, {"message": "Bad credentials"}
        user = self.users.get(token)
        writer = user or self.apps.get(token) or BOT
        if req.path == "/user" and req.method == "GET":
            if user is None:  # an installation token names no user
                return 403, {"message": "Resource not accessible by integration"}
            return 200, {"id": 1, **user}
        if req.path == "/graphql" and req.method == "POST":
            query = str((req.body or {}).get("query", ""))
            if re.fullmatch(r"\s*(query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*", query):
                return 200, {"data": {"viewer": {"login": writer["login"]}}}
            return 200, {"errors": [{"message": "the stand-in answers the viewer query only"}]}
        if req.path == self.comments_path:
            if req.method == "GET":
                return 200, self._page(req.query)
            if req.method == "POST":
                if permission != "write":
                    return 403, {"message": "Resource not accessible by integration"}
                if (refused := _too_long(req.body)) is not None:
                    return refused
                return 201, self.add_comment(str(req.body["body"]), writer)
        pulls = f"/repos/{self.repository}/pulls"
        if req.path == f"{pulls}/{self.number}/files" and req.method == "GET":
            listed = [
                {"filename": name, "status": "modified", **({"patch": p} if p is not None else {})}
                for name, p in self.files.items()
            ]
            return 200, _page(listed, req.query)
        if req.path == f"{pulls}/{self.number}/comments":
            if req.method == "GET":
                with self._lock:
                    return 200, _page(self.review_comments, req.query)
            if req.method == "POST":
                if permission != "write":
                    return 403, {"message": "Resource not accessible by integration"}
                return self._review_comment(req.body, writer)
        match = re.fullmatch(rf"{re.escape(pulls)}/comments/(\d+)", req.path)
        if match and req.method in ("PATCH", "DELETE"):
            return self._change(self.review_comments, int(match.group(1)), req, permission)
        base = f"/repos/{self.repository}/issues"
        match = re.fullmatch(rf"{re.escape(base)}/comments/(\d+)", req.path)
        if match and req.method == "DELETE":
            return self._change(self.comments, int(match.group(1)), req, permission)
        if match and req.method == "PATCH":
            if permission != "write":
                return 403, {"message": "Resource not accessible by integration"}
            if (refused := _too_long(req.body)) is not None:
                return refused
            with self._lock:
                for comment in self.comments:
                    if comment["id"] == int(match.group(1)):
                        comment["body"] = str(req.body["body"])
                        return 200, comment
        return 404, {"message": "Not Found"}

    def _page(self, query: dict[str, list[str]]) -> list[dict[str, Any]]:
        with self._lock:
            return _page(self.comments, query)

    def _review_comment(self, body: Any, writer: dict[str, str]) -> tuple[int, Any] | Raw:
        """Create a review comment as GitHub does, refusing what it refuses with 422."""
        if (refused := _too_long(body)) is not None:
            return refused
        path, line, start = body.get("path"), body.get("line"), body.get("start_line")
        if body.get("commit_id") != self.head_sha:
            return _invalid("commit_id is not the head of the pull request")
        if body.get("side", "RIGHT") != "RIGHT" or body.get("start_side", "RIGHT") != "RIGHT":
            return _invalid("the stand-in takes comments on the RIGHT side only")
        if path not in self.files:
            return _invalid("pull_request_review_thread.path could not be resolved")
        hunk = _hunk_of(self.files[path], line if isinstance(line, int) else 0)
        if hunk is None:
            return _invalid("pull_request_review_thread.line must be part of the diff")
        if start is not None and (not isinstance(start, int) or start >= line):
            return _invalid("pull_request_review_thread.start_line must precede the end line")
        if start is not None and start not in hunk:
            return _invalid(
                "pull_request_review_thread.start_line must be part of the same hunk as the line."
            )
        with self._lock:
            self._next_id += 1
            made = _review(
                self._next_id, str(body["body"]), writer, path, line, start, self.head_sha
            )
            self.review_comments.append(made)
            return 201, made

    def _change(
        self, where: list[dict[str, Any]], cid: int, req: Request, permission: Permission
    ) -> tuple[int, Any] | Raw:
        """PATCH (a new body) or DELETE a comment of ``where``."""
        if permission != "write":
            return 403, {"message": "Resource not accessible by integration"}
        if req.method == "PATCH" and (refused := _too_long(req.body)) is not None:
            return refused
        with self._lock:
            for comment in where:
                if comment["id"] == cid:
                    if req.method == "DELETE":
                        where.remove(comment)
                        return Raw(204, b"", ())
                    comment["body"] = str(req.body["body"])
                    return 200, comment
        return 404, {"message": "Not Found"}


def _page(items: list[dict[str, Any]], query: dict[str, list[str]]) -> list[dict[str, Any]]:
    # GitHub caps per_page at 100 and counts pages from 1.
    per_page = min(int(query.get("per_page", ["30"])[0]), 100)
    page = int(query.get("page", ["1"])[0])
    return items[(page - 1) * per_page : page * per_page]


def _review(
    cid: int,
    body: str,
    user: dict[str, str],
    path: str,
    line: int,
    start: int | None,
    commit: str,
) -> dict[str, Any]:
    """A review comment as GitHub lists it (the fields the glue may read, and a few more)."""
    app = None
    if user.get("type") == "Bot":
        slug = user["login"].removesuffix("[bot]")
        app = {"id": len(slug), "slug": slug, "name": slug}
    return {
        "id": cid,
        "body": body,
        "user": user,
        "path": path,
        "line": line,
        "start_line": start,
        "original_line": line,
        "original_start_line": start,
        "side": "RIGHT",
        "start_side": "RIGHT" if start is not None else None,
        "commit_id": commit,
        "original_commit_id": commit,
        "performed_via_github_app": app,
    }


def _hunk_of(diff: str | None, line: int) -> set[int] | None:
    """The right-side line numbers of the hunk of ``diff`` holding right-side ``line``."""
    if diff is None:
        return None
    hunks: list[set[int]] = []
    at = 0
    for row in diff.splitlines():
        head = re.match(r"@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@", row)
        if head:
            at = int(head.group(1))
            hunks.append(set())
        elif hunks and not row.startswith(("-", "\\")):
            hunks[-1].add(at)
            at += 1
    return next((h for h in hunks if line in h), None)


def _invalid(message: str) -> tuple[int, Any]:
    return 422, {"message": "Validation Failed", "errors": [message]}


def _too_long(body: Any) -> tuple[int, Any] | None:
    if len(str(body["body"])) <= MAX_BODY:
        return None
    return 422, {
        "message": "Validation Failed",
        "errors": [
            {
                "resource": "IssueComment",
                "code": "custom",
                "field": "body",
                "message": f"body is too long (maximum is {MAX_BODY} characters)",
            }
        ],
    }


def _handler(api: FakeGitHub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

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
            answer = api.handle(req)
            if not isinstance(answer, Raw):
                status, payload = answer
                answer = Raw.json(status, payload)
            self._send(answer)

        def _send(self, answer: Raw) -> None:
            try:
                reason = HTTPStatus(answer.status).phrase
            except ValueError:
                reason = "Unknown"
            head = [f"HTTP/1.1 {answer.status} {reason}"]
            head += [f"{k}: {v}" for k, v in answer.headers]
            head += [f"Content-Length: {len(answer.body)}", "Connection: close", "", ""]
            data = "\r\n".join(head).encode("latin-1") + answer.body
            self.close_connection = True
            if answer.trickle is None:
                self.wfile.write(data)
                return
            try:
                for i in range(len(data)):
                    if api._stopping.is_set():
                        return
                    self.wfile.write(data[i : i + 1])
                    self.wfile.flush()
                    time.sleep(answer.trickle)
            except OSError:
                return  # the client gave up: what the trickle is there to make it do

        do_GET = do_POST = do_PATCH = do_DELETE = _serve  # the names http.server dispatches to

        def log_message(self, *args: Any) -> None:
            """Keep the test output quiet."""

    return Handler
