"""The GitHub REST API calls the Action makes, held to what GitHub documents for each.

Every answer is checked before it is used: a status GitHub does not give for the call (a
redirect), a body that is not JSON (an HTML page with 200), JSON of the wrong shape (an object
where a list is due, a comment without an id) are all an :class:`ApiError`, as refusals and
unreachable servers are. A rate limit is told apart from a refusal. Each call has a deadline
from start to end, so a server that answers a byte at a time, never tripping a read timeout,
cannot hold the job.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

import httpx

from advisor import __version__
from advisor.errors import printable

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

READ_TIMEOUT = 10.0
"""Seconds to connect, or between two reads of an answer."""
MAX_PAGES = 50  # 5,000 comments: far past any real pull request, and a bound on a bad server
PER_PAGE = 100
_MESSAGE = 200  # the most characters of a server's own message quoted in a log line


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a token writes as: a login and its account type (``User`` or ``Bot``)."""

    login: str
    type: str

    def wrote(self, comment: Comment | ReviewComment) -> bool:
        """Whether ``comment`` was written by this account."""
        return (comment.login.casefold(), comment.type.casefold()) == (
            self.login.casefold(),
            self.type.casefold(),
        )

    @classmethod
    def named(cls, login: str) -> Identity:
        """The account ``login`` names: a bot's ends in ``[bot]``, a name no user can take."""
        return cls(login, "Bot" if login.casefold().endswith("[bot]") else "User")


ACTIONS_BOT = Identity("github-actions[bot]", "Bot")
"""Who the default ``GITHUB_TOKEN`` writes as; also who an installation token is taken to
write as when GitHub will not say (see :meth:`GitHubComments.identity`)."""
VIEWER_QUERY = "query { viewer { login } }"
"""GraphQL's name for the token's own account, which it gives installation tokens too."""


def graphql_url(api_url: str, given: str | None = None) -> str:
    """The GraphQL endpoint beside the REST ``api_url``: ``given`` (the runner's
    ``GITHUB_GRAPHQL_URL``) if it is on the same server, else the one GitHub puts there:
    ``https://api.github.com/graphql``, ``https://HOST/api/graphql`` beside ``/api/v3``.

    The token goes to no other server than the REST calls' own.
    """
    api_url = api_url.rstrip("/")
    if given:
        a, g = urlsplit(api_url), urlsplit(given)
        if (g.scheme, g.netloc) == (a.scheme, a.netloc) and not g.query and not g.fragment:
            return given
    if api_url.endswith("/api/v3"):
        return api_url.removesuffix("/v3") + "/graphql"
    return api_url + "/graphql"


@dataclass(frozen=True, slots=True)
class Comment:
    """An issue comment, as far as the Action reads one."""

    id: int
    body: str
    login: str
    type: str


@dataclass(frozen=True, slots=True)
class ReviewComment:
    """A pull-request review comment (one on a line of the diff), as far as the Action reads one.

    :param line: the line of the head's file it is on now (``None``: outdated by a push).
    :param start_line: the first line of a comment on several lines, else ``None``.
    """

    id: int
    body: str
    login: str
    type: str
    path: str
    line: int | None
    start_line: int | None


@dataclass(frozen=True, slots=True)
class PullFile:
    """A file a pull request changes: its path and its diff (``None`` when GitHub shows none:
    a binary file, or a diff too large)."""

    filename: str
    patch: str | None


class ApiError(Exception):
    """A call that failed: the HTTP status (``None``: no answer) and one line saying why.

    :param rate_limited: GitHub refused the call for a rate limit, not for a permission.
    """

    def __init__(self, status: int | None, message: str, *, rate_limited: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.rate_limited = rate_limited


class GitHubComments:
    """Issue comments on one repository through the REST API (pull requests are issues), and a
    pull request's files and review comments (the suggested changes).

    :param deadline: seconds for each call, from connecting to the answer's last byte.
    :param total: seconds for all the calls together, ``None`` for no bound but ``deadline``.
    :param graphql: the GraphQL endpoint (``GITHUB_GRAPHQL_URL``); see :func:`graphql_url`.
    """

    def __init__(
        self,
        api_url: str,
        repository: str,
        token: str,
        *,
        deadline: float,
        total: float | None = None,
        graphql: str | None = None,
    ) -> None:
        self.repository = repository
        self.graphql = graphql_url(api_url, graphql)
        self.deadline = deadline
        self._until = None if total is None else time.monotonic() + total
        self._stuck = False
        self.client = httpx.Client(
            base_url=api_url.rstrip("/"),
            headers={
                "Authorization": f"Bearer {token}",
                "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": "2022-11-28",
                "User-Agent": f"aap-advise/{__version__}",
            },
            timeout=httpx.Timeout(READ_TIMEOUT),
            follow_redirects=False,  # GitHub answers these calls directly; a redirect is a fault
        )

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._stuck:  # a call past its deadline still holds the client: leave it be
            self.client.close()

    # Calls -----------------------------------------------------------------------------------

    def identity(self) -> Identity:
        """Who the token writes as: the user a personal token names, the bot of the app an
        installation token belongs to (``github-actions[bot]`` for ``GITHUB_TOKEN``).

        ``GET /user`` names the user of a personal token; GitHub refuses it with 403 for an
        installation token, whose account GraphQL's ``viewer`` names instead (an app's bot,
        ``my-app[bot]``). Should that query fail too, the token is taken for ``GITHUB_TOKEN``:
        a GitHub App's then adds a comment instead of finding its own (the Action says so, and
        its ``comment-author`` input names the account). Never a guess from the comments: any
        other app (Dependabot, Renovate) writes as a bot through an installation token too.
        """
        try:
            user = self._call("GET", "/user")
        except ApiError as exc:
            if exc.status == 403 and not exc.rate_limited:
                return self._viewer()
            raise
        login, kind = (user.get("login"), user.get("type")) if isinstance(user, dict) else (0, 0)
        if not isinstance(login, str) or not login or not isinstance(kind, str):
            raise ApiError(200, "unexpected answer to GET /user: no login and type")
        return Identity(login, kind)

    def _viewer(self) -> Identity:
        """The bot an installation token writes as, from GraphQL; ``github-actions[bot]`` when
        GraphQL will not say (a rate limit is raised, as for any call)."""
        try:
            answer = self._call("POST", self.graphql, json={"query": VIEWER_QUERY})
        except ApiError as exc:
            if exc.rate_limited:
                raise
            return ACTIONS_BOT
        errors = answer.get("errors") if isinstance(answer, dict) else None
        if isinstance(errors, list) and any(
            isinstance(e, dict) and e.get("type") == "RATE_LIMITED" for e in errors
        ):
            raise ApiError(200, "rate limited by the GitHub GraphQL API", rate_limited=True)
        data = answer.get("data") if isinstance(answer, dict) else None
        viewer = data.get("viewer") if isinstance(data, dict) else None
        login = viewer.get("login") if isinstance(viewer, dict) else None
        if not isinstance(login, str) or not login.strip():
            return ACTIONS_BOT
        login = login.strip()
        # An installation token writes as its app's bot user, "<app-slug>[bot]".
        return Identity(login if login.casefold().endswith("[bot]") else f"{login}[bot]", "Bot")

    def comments(self, number: int) -> list[Comment]:
        """Every comment on issue or pull request ``number``, oldest first."""
        path = f"/repos/{self.repository}/issues/{number}/comments"
        return [_comment(item) for item in self._listing(path, "comments")]

    def create(self, number: int, body: str) -> str | None:
        """Post a new comment; the login GitHub says wrote it (``None`` if it does not say)."""
        made = self._call(
            "POST", f"/repos/{self.repository}/issues/{number}/comments", json={"body": body}
        )
        return _author(made)

    def update(self, comment_id: int, body: str) -> None:
        """Replace a comment's body."""
        path = f"/repos/{self.repository}/issues/comments/{comment_id}"
        self._call("PATCH", path, json={"body": body})

    def delete(self, comment_id: int) -> None:
        """Delete an issue comment."""
        self._call("DELETE", f"/repos/{self.repository}/issues/comments/{comment_id}")

    # Pull-request files and review comments ----------------------------------------------

    def pull_files(self, number: int) -> list[PullFile]:
        """The files pull request ``number`` changes, with their diffs (GitHub lists 3,000 at
        most)."""
        path = f"/repos/{self.repository}/pulls/{number}/files"
        return [_pull_file(item) for item in self._listing(path, "files")]

    def review_comments(self, number: int) -> list[ReviewComment]:
        """Every review comment on pull request ``number``, oldest first."""
        path = f"/repos/{self.repository}/pulls/{number}/comments"
        return [_review_comment(item) for item in self._listing(path, "review comments")]

    def create_review_comment(
        self,
        number: int,
        body: str,
        *,
        commit_id: str,
        path: str,
        line: int,
        start_line: int | None = None,
    ) -> str | None:
        """Comment on ``line`` (from ``start_line``) of ``path`` as the head ``commit_id`` has
        it (the diff's right side); the login GitHub says wrote it (``None`` if it does not)."""
        payload: dict[str, Any] = {
            "body": body,
            "commit_id": commit_id,
            "path": path,
            "line": line,
            "side": "RIGHT",
        }
        if start_line is not None and start_line != line:
            payload |= {"start_line": start_line, "start_side": "RIGHT"}
        made = self._call("POST", f"/repos/{self.repository}/pulls/{number}/comments", json=payload)
        return _author(made)

    def update_review_comment(self, comment_id: int, body: str) -> None:
        """Replace a review comment's body (it stays on its lines)."""
        path = f"/repos/{self.repository}/pulls/comments/{comment_id}"
        self._call("PATCH", path, json={"body": body})

    def delete_review_comment(self, comment_id: int) -> None:
        """Delete a review comment."""
        self._call("DELETE", f"/repos/{self.repository}/pulls/comments/{comment_id}")

    def _listing(self, path: str, what: str) -> list[Any]:
        """Every item of a paginated list (at most :data:`MAX_PAGES` pages)."""
        out: list[Any] = []
        for page in range(1, MAX_PAGES + 1):
            batch = self._call("GET", path, params={"per_page": PER_PAGE, "page": page})
            if not isinstance(batch, list):
                raise ApiError(
                    200, f"unexpected answer listing {what}: {_shape(batch)}, not a list"
                )
            out.extend(batch)
            if len(batch) < PER_PAGE:
                break
        return out

    # Transport -------------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        """The JSON answer to one call, within :attr:`deadline` seconds (less if ``total`` ends).

        httpx bounds each read, not a whole answer; so the call runs in a thread of its own, and
        one that is not done by the deadline is given up (the daemon thread ends with the step).
        """
        if self._stuck:
            raise ApiError(None, "an earlier call is still waiting for an answer")
        done: list[Any] = []
        failed: list[BaseException] = []

        def call() -> None:
            try:
                done.append(self._request(method, path, **kwargs))
            except BaseException as exc:
                failed.append(exc)

        wait = self.deadline
        if self._until is not None:
            wait = max(0.0, min(wait, self._until - time.monotonic()))
        worker = threading.Thread(target=call, name="aap-advise-github-api", daemon=True)
        worker.start()
        worker.join(wait)
        if worker.is_alive():
            self._stuck = True
            raise ApiError(None, f"no complete answer to {method} {path} within {wait:g} s")
        if failed:
            raise failed[0]
        return done[0]

    def _request(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self.client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            # httpx messages name the URL, never the headers, so the token cannot leak here.
            raise ApiError(None, f"{type(exc).__name__}: {_quote(str(exc))}") from exc
        status = response.status_code
        try:
            payload = response.json()
        except ValueError:
            payload = None
            parsed = False
        else:
            parsed = True
        why = payload.get("message") if isinstance(payload, dict) else None
        why = _quote(why) if isinstance(why, str) else response.reason_phrase
        if status in (403, 429) and _rate_limited(response, why):
            raise ApiError(status, _rate_limit_message(response, status, why), rate_limited=True)
        if response.is_error:
            raise ApiError(status, f"HTTP {status} {why}".strip())
        if status == 204 and method == "DELETE":  # what GitHub answers a deletion: no body
            return None
        if not response.is_success:  # 1xx, 3xx: not an answer these calls get
            where = response.headers.get("location")
            to = f" to {_quote(where)}" if where else ""
            raise ApiError(status, f"HTTP {status} {why}{to}: an answer GitHub does not give here")
        if not parsed:
            kind = response.headers.get("content-type", "no content type")
            raise ApiError(
                status, f"HTTP {status} with an answer that is not JSON ({_quote(kind)})"
            )
        return payload


def _comment(item: Any) -> Comment:
    """One comment of a listing, checked; :class:`ApiError` for one GitHub would not send."""
    if not isinstance(item, dict):
        raise ApiError(200, f"unexpected answer listing comments: {_shape(item)} in the list")
    cid, body, user = item.get("id"), item.get("body"), item.get("user")
    if not isinstance(cid, int) or isinstance(cid, bool) or not isinstance(body, str | None):
        raise ApiError(200, "unexpected answer listing comments: a comment without an id or body")
    login = user.get("login") if isinstance(user, dict) else None
    kind = user.get("type") if isinstance(user, dict) else None
    # A deleted account ("ghost") or a missing user is nobody's: never taken for the token's.
    return Comment(
        cid,
        body or "",
        login if isinstance(login, str) else "",
        kind if isinstance(kind, str) else "",
    )


def _user(item: dict[str, Any]) -> tuple[str, str]:
    user = item.get("user")
    login = user.get("login") if isinstance(user, dict) else None
    kind = user.get("type") if isinstance(user, dict) else None
    return (login if isinstance(login, str) else "", kind if isinstance(kind, str) else "")


def _number(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _review_comment(item: Any) -> ReviewComment:
    """One review comment of a listing, checked; :class:`ApiError` for one GitHub would not send."""
    what = "unexpected answer listing review comments"
    if not isinstance(item, dict):
        raise ApiError(200, f"{what}: {_shape(item)} in the list")
    cid, body, path = _number(item.get("id")), item.get("body"), item.get("path")
    if cid is None or not isinstance(body, str | None) or not isinstance(path, str):
        raise ApiError(200, f"{what}: a comment without an id, body or path")
    line = _number(item.get("line"))
    start = _number(item.get("start_line"))
    return ReviewComment(cid, body or "", *_user(item), path, line, start)


def _pull_file(item: Any) -> PullFile:
    """One file of a pull request's listing, checked."""
    if not isinstance(item, dict) or not isinstance(item.get("filename"), str):
        raise ApiError(200, "unexpected answer listing files: a file without a name")
    patch = item.get("patch")
    return PullFile(item["filename"], patch if isinstance(patch, str) else None)


def _author(made: Any) -> str | None:
    """The login GitHub says wrote a comment it just made (``None`` if it does not say)."""
    user = made.get("user") if isinstance(made, dict) else None
    login = user.get("login") if isinstance(user, dict) else None
    return login if isinstance(login, str) and login else None


def _shape(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "a string", type(None): "null"}
    return names.get(type(value), "a " + type(value).__name__)


def _quote(text: str) -> str:
    """A server's text for a log line: one line, control characters shown escaped, cut short."""
    text = printable(text).strip()
    return text if len(text) <= _MESSAGE else text[: _MESSAGE - 3] + "..."


def _rate_limited(response: httpx.Response, why: str) -> bool:
    """GitHub's signs of a rate limit: no requests left, a Retry-After, or its message says so."""
    headers = response.headers
    return (
        headers.get("x-ratelimit-remaining") == "0"
        or "retry-after" in headers
        or "rate limit" in why.lower()
        or response.status_code == 429
    )


def _rate_limit_message(response: httpx.Response, status: int, why: str) -> str:
    message = f"rate limited by the GitHub API (HTTP {status} {why})"
    retry = response.headers.get("retry-after", "")
    reset = response.headers.get("x-ratelimit-reset", "")
    if retry.isdigit():
        return f"{message}; retry after {int(retry)} s"
    if reset.isdigit():
        try:
            at = dt.datetime.fromtimestamp(int(reset), dt.UTC)
        except (OverflowError, OSError, ValueError):
            return message
        return f"{message}; the limit resets at {at.strftime('%Y-%m-%dT%H:%M:%SZ')}"
    return message
