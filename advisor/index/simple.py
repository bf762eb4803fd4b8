"""A client for the Simple Repository API: one project's file list from a package index.

Owns talking to an index page: content negotiation between the PEP 691 JSON form and the
PEP 503 HTML form, parsing either into frozen :class:`ProjectPage` / :class:`IndexFile`
values, and turning every network or format failure into :class:`~advisor.errors.IndexUnavailable`
with a one-line message that never shows credentials embedded in the index URL.

Parsing is lenient per file (an entry that does not follow the spec is skipped, as pip does)
and strict per page (a page that is neither JSON nor HTML, or of an unknown API major
version, is refused).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import TracebackType
from typing import Any, Self
from urllib.parse import unquote

import httpx
from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import InvalidVersion, Version

from advisor.errors import IndexUnavailable
from advisor.index.http import Deadline, open_stream, read_capped
from advisor.index.urls import redact
from advisor.model.digests import preferred

__all__ = [
    "ACCEPT",
    "IndexFile",
    "ProjectPage",
    "SimpleIndexClient",
    "describe_http_error",
    "read_capped",
    "redact",
]

#: PEP 691 content negotiation: JSON preferred, the HTML serialisations as fallbacks.
ACCEPT = (
    "application/vnd.pypi.simple.v1+json, "
    "application/vnd.pypi.simple.v1+html;q=0.2, "
    "text/html;q=0.01"
)
_JSON_TYPES = frozenset({"application/vnd.pypi.simple.v1+json"})
_HTML_TYPES = frozenset({"application/vnd.pypi.simple.v1+html", "text/html"})

#: A project page larger than this (decoded) is refused rather than held in memory: ddtrace's,
#: the largest aap-advise reads, is 21 MB.
MAX_PAGE_BYTES = 64 * 1024 * 1024
#: A page listing more files than this is refused before its files are built (ddtrace lists
#: 76,000). A JSON page with more ``{`` than a page of this many files could hold is refused
#: before it is parsed at all, so a page of a million tiny entries never becomes a million dicts.
MAX_PAGE_FILES = 200_000
#: Parsing checks the deadline after this many files, and HTML is fed in pieces of this size.
_CHECK_EVERY = 4096
_HTML_PIECE = 1024 * 1024

#: PEP 629: the major API version this client understands.
_API_MAJOR = 1

#: An absolute http(s) URL that ``httpx.URL.join`` returns unchanged, whatever the base: a
#: lower-case host without port or credentials, a path of unreserved characters without dot
#: segments, no query or fragment. Every file URL PyPI lists is one, and ddtrace alone lists
#: 76,000 files: joining each through httpx took seconds.
_PLAIN_URL = re.compile(
    r"https?://[a-z0-9-]+(?:\.[a-z0-9-]+)*(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+/?"
)
_SERIAL_COMMENT = re.compile(r"^\s*SERIAL\s+(\d+)\s*$")


@dataclass(frozen=True, slots=True)
class IndexFile:
    """One distribution file listed on a project page.

    ``core_metadata`` is true when the index serves the file's METADATA separately at
    ``url + ".metadata"`` (PEP 658, named ``core-metadata`` by PEP 714); ``metadata_hash`` is
    the ``(algorithm, value)`` the page declares for that file, when it declares one pip knows.
    """

    filename: str
    url: str
    requires_python: str | None
    yanked: bool
    yanked_reason: str | None
    upload_time: str | None
    size: int | None
    hashes: dict[str, str] = field(hash=False)
    core_metadata: bool
    metadata_hash: tuple[str, str] | None = None

    @property
    def is_wheel(self) -> bool:
        """The file is a wheel (PEP 427)."""
        return self.filename.endswith(".whl")

    @property
    def is_sdist(self) -> bool:
        """The file is a source distribution in one of the standard archive formats."""
        return self.filename.endswith((".tar.gz", ".zip"))

    @property
    def version(self) -> Version | None:
        """The version the filename names; ``None`` for a name that does not parse."""
        try:
            if self.is_wheel:
                return _wheel_version(self.filename)
            if self.is_sdist:
                return parse_sdist_filename(self.filename)[1]
        except (InvalidWheelFilename, InvalidSdistFilename, InvalidVersion):
            return None
        return None


_WHEEL_VERSIONS: dict[str, Version] = {}
_WHEEL_TAGS: dict[str, InvalidWheelFilename | None] = {}


def _wheel_version(filename: str) -> Version:
    """``parse_wheel_filename(filename)[1]``, each part of the name parsed once.

    A large project's page lists tens of thousands of wheels (ddtrace: some 46,000) over a few
    hundred versions and a few dozen tag sets, and parsing each name whole is most of the cost
    of reading the page. The name-version-build part and the tags part are checked
    independently by packaging, so each distinct one is parsed once (with a stand-in for the
    other) and the answers are kept: the same version, and the same error for a bad name.
    """
    dashes = filename.count("-")
    if not filename.endswith(".whl") or dashes not in (4, 5):
        return parse_wheel_filename(filename)[1]  # raises the library's error
    # packaging's own split: name, version, [build], then the three tags as one part.
    *head, tags = filename[:-4].split("-", dashes - 2)
    prefix = "-".join(head)
    if tags not in _WHEEL_TAGS:
        try:
            parse_wheel_filename(f"x-0-{tags}.whl")
            _WHEEL_TAGS[tags] = None
        except InvalidWheelFilename as exc:
            _WHEEL_TAGS[tags] = exc
    if (version := _WHEEL_VERSIONS.get(prefix)) is None:
        version = parse_wheel_filename(f"{prefix}-py3-none-any.whl")[1]
        _WHEEL_VERSIONS[prefix] = version
    if (error := _WHEEL_TAGS[tags]) is not None:
        raise InvalidWheelFilename(f"Invalid wheel filename: {filename!r} ({error})")
    return version


@dataclass(frozen=True, slots=True)
class ProjectPage:
    """A project's page: its files and, for PEP 700 indexes, its version list.

    ``versions`` comes from the page's ``versions`` key when given (PEP 700), otherwise from
    the file names, in ascending order. ``last_serial`` is PyPI's ``_last-serial``.
    """

    name: str
    files: tuple[IndexFile, ...]
    last_serial: str | None
    versions: tuple[str, ...]


class SimpleIndexClient:
    """Reads project pages from one index (``https://pypi.org/simple/`` and the like).

    :param index_url: the index root requests go to; credentials in it are used but never shown.
    :param client: an httpx client to share; one is created (and closed by :meth:`close`)
        when omitted.
    :param timeout: seconds for connect, read, write and pool waits of every request.
    :param shown: the index root as shown in messages (as written, without credentials);
        by default ``index_url`` without credentials.
    :param deadline: the run's total deadline, held over every byte of every request.
    :param auth: the credentials policy (:class:`~advisor.index.http.IndexAuth`); by default
        the client's.
    """

    def __init__(
        self,
        index_url: str,
        client: httpx.Client | None = None,
        timeout: float = 30.0,
        *,
        shown: str | None = None,
        deadline: Deadline | None = None,
        auth: httpx.Auth | None = None,
    ) -> None:
        self.index_url = index_url if index_url.endswith("/") else index_url + "/"
        self.shown = shown if shown is not None else redact(self.index_url)
        self.timeout = httpx.Timeout(timeout)
        self.deadline = deadline
        self.auth = auth
        self._own_client = client is None
        self.client = client or httpx.Client(timeout=self.timeout)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the httpx client if this object created it."""
        if self._own_client:
            self.client.close()

    @property
    def display_url(self) -> str:
        """The index URL as shown: without credentials (and as written)."""
        return self.shown

    def project_page(self, name: str) -> ProjectPage:
        """Fetch and parse the page of project ``name``.

        :raises IndexUnavailable: the index is unreachable, answers an HTTP error, or sends
            a page that is not a Simple API page.
        """
        fetched = self.fetch_page(name)
        assert fetched.page is not None  # no validators sent, so never "not modified"
        return fetched.page

    def fetch_page(
        self,
        name: str,
        etag: str | None = None,
        last_modified: str | None = None,
        timeout: float | None = None,
    ) -> PageFetch:
        """Fetch project ``name``'s page, revalidating a cached copy when validators are given.

        :param timeout: seconds for this request, instead of the client's (a caller with a
            total deadline passes what is left of it).

        :returns: the page, or ``page=None`` when the index answers 304 Not Modified; with the
            response's validators for the next revalidation.
        :raises IndexUnavailable: as :meth:`project_page`.
        """
        # PEP 503: the project URL uses the normalised name; it always ends with a slash.
        project = canonicalize_name(name)
        url = f"{self.index_url}{project}/"
        shown = f"{self.shown}{project}/"
        headers = {"Accept": ACCEPT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            limit = self.timeout if timeout is None else httpx.Timeout(timeout)
            with open_stream(
                self.client,
                url,
                what=shown,
                headers=headers,
                timeout=limit,
                deadline=self.deadline,
                auth=self.auth,
            ) as response:
                validators = (response.headers.get("etag"), response.headers.get("last-modified"))
                if response.status_code == 304 and (etag or last_modified):
                    return PageFetch(None, etag, last_modified)
                if response.status_code == 404:
                    raise IndexUnavailable(
                        f"{shown}: project {project!r} not found on the index",
                        code="project-not-found",
                    )
                if response.status_code != 200:
                    raise IndexUnavailable(
                        f"{shown}: HTTP {response.status_code}", code=f"http-{response.status_code}"
                    )
                body = read_capped(response, MAX_PAGE_BYTES, shown, self.deadline)
                page_url = str(response.url)
                content_type = response.headers.get("content-type", "")
        except httpx.HTTPError as exc:
            if self.deadline is not None and self.deadline.passed():
                raise self.deadline.error(shown) from exc
            raise IndexUnavailable(
                f"{shown}: {describe_http_error(exc)}", code=error_code(exc)
            ) from exc
        except httpx.InvalidURL as exc:
            raise IndexUnavailable(f"{shown}: invalid URL") from exc
        media_type = content_type.split(";", 1)[0].strip().lower()
        if media_type in _JSON_TYPES:
            page = _parse_json(body, page_url, project, shown, self.deadline)
        elif media_type in _HTML_TYPES:
            page = _parse_html(body, content_type, page_url, project, shown, self.deadline)
        else:
            raise IndexUnavailable(f"{shown}: unexpected content type {media_type or 'none'!r}")
        return PageFetch(page, *validators)


@dataclass(frozen=True, slots=True)
class PageFetch:
    """A page fetch: the page (``None`` when not modified) and its HTTP validators."""

    page: ProjectPage | None
    etag: str | None
    last_modified: str | None


def error_code(exc: httpx.HTTPError) -> str:
    """The IndexUnavailable code for an httpx failure: ``timeout`` or ``network``."""
    return "timeout" if isinstance(exc, httpx.TimeoutException) else "network"


def describe_http_error(exc: httpx.HTTPError) -> str:
    """A one-line, credential-free description of an httpx failure."""
    text = " ".join(str(exc).split())
    return redact(f"{type(exc).__name__}: {text}" if text else type(exc).__name__)


def _check_api_version(version: object, shown: str) -> None:
    # PEP 629: a client must refuse a page whose major API version it does not know.
    if version is None:
        return
    major = str(version).split(".", 1)[0]
    if not major.isdigit() or int(major) != _API_MAJOR:
        raise IndexUnavailable(f"{shown}: unsupported repository API version {version!r}")


def _too_many(shown: str) -> IndexUnavailable:
    return IndexUnavailable(
        f"{shown}: the page lists more than {MAX_PAGE_FILES} files", code="too-large"
    )


def _parse_json(
    body: bytes, page_url: str, project: str, shown: str, deadline: Deadline | None = None
) -> ProjectPage:
    # Each file is one object, with at most three more inside (hashes, core-metadata and its
    # older name): more braces than that cannot be a page within the file cap.
    if body.count(b"{") > 4 * MAX_PAGE_FILES + 16:
        raise _too_many(shown)
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise IndexUnavailable(f"{shown}: the index sent invalid JSON") from exc
    except RecursionError:  # ``[`` nested 200,000 deep: no page is, and the error is the same
        raise IndexUnavailable(
            f"{shown}: the index sent invalid JSON (nested too deeply)"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("files"), list):
        raise IndexUnavailable(f"{shown}: the JSON page has no 'files' list")
    meta = data.get("meta")
    meta = meta if isinstance(meta, dict) else {}
    _check_api_version(meta.get("api-version"), shown)
    if len(data["files"]) > MAX_PAGE_FILES:
        raise _too_many(shown)
    base = httpx.URL(page_url)
    found: list[IndexFile] = []
    for n, raw in enumerate(data["files"]):
        if deadline is not None and n % _CHECK_EVERY == 0:
            deadline.check(shown)
        if (entry := _json_file(raw, base)) is not None:
            found.append(entry)
    files = tuple(found)
    versions = data.get("versions")
    if (
        isinstance(versions, list)
        and len(versions) <= MAX_PAGE_FILES
        and all(isinstance(v, str) for v in versions)
    ):
        version_list = tuple(versions)
    else:
        version_list = _versions_of(files)
    serial = meta.get("_last-serial")
    name = data.get("name")
    return ProjectPage(
        name=name if isinstance(name, str) else project,
        files=files,
        last_serial=str(serial) if isinstance(serial, (str, int)) else None,
        versions=version_list,
    )


def _json_file(raw: Any, base: httpx.URL) -> IndexFile | None:
    """One PEP 691 file entry, or ``None`` when it does not follow the spec."""
    if not isinstance(raw, dict):
        return None
    filename, url, hashes = raw.get("filename"), raw.get("url"), raw.get("hashes", {})
    if not isinstance(filename, str) or not filename or not isinstance(url, str):
        return None
    if not isinstance(hashes, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in hashes.items()
    ):
        return None
    requires_python = raw.get("requires-python")
    metadata = raw.get("core-metadata", raw.get("dist-info-metadata"))
    yanked = raw.get("yanked", False)
    size = raw.get("size")
    upload_time = raw.get("upload-time")
    if requires_python is not None and not isinstance(requires_python, str):
        return None
    if not isinstance(yanked, (bool, str)):
        return None
    if size is not None and (isinstance(size, bool) or not isinstance(size, int) or size < 0):
        return None
    if upload_time is not None and not isinstance(upload_time, str):
        return None
    return IndexFile(
        filename=filename,
        url=url if len(url) < 65536 and _PLAIN_URL.fullmatch(url) else str(base.join(url)),
        requires_python=requires_python or None,
        # PEP 691: ``yanked`` is a boolean or a string giving the reason.
        yanked=yanked is not False,
        yanked_reason=yanked if isinstance(yanked, str) and yanked else None,
        upload_time=upload_time,
        size=size,
        hashes=dict(hashes),
        core_metadata=_offers_metadata(metadata),
        metadata_hash=_metadata_hash(metadata),
    )


def _offers_metadata(value: object) -> bool:
    # PEP 691/714: false or absent, true, or a dict of hashes of the metadata file.
    return value is True or (isinstance(value, dict) and bool(value))


def _metadata_hash(value: object) -> tuple[str, str] | None:
    """The hash a page declares for a PEP 658 metadata file (a dict, or ``"sha256=..."``)."""
    if isinstance(value, str) and "=" in value:
        algorithm, digest = value.split("=", 1)
        value = {algorithm: digest}
    if not isinstance(value, dict):
        return None
    found = preferred({k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)})
    return found


class _AnchorParser(HTMLParser):
    """Collects the ``<a>`` elements, the API-version meta tag and PyPI's SERIAL comment."""

    def __init__(self, shown: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.shown = shown
        self.anchors: list[tuple[dict[str, str | None], str]] = []
        self.api_version: str | None = None
        self.serial: str | None = None
        self._open: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._open, self._text = dict(attrs), []
        elif tag == "meta":
            attr = dict(attrs)
            if attr.get("name") == "pypi:repository-version":
                self.api_version = attr.get("content")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open is not None:
            if len(self.anchors) >= MAX_PAGE_FILES:
                raise _too_many(self.shown)
            self.anchors.append((self._open, "".join(self._text).strip()))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)

    def handle_comment(self, data: str) -> None:
        # PyPI marks its pages with ``<!--SERIAL n-->``, the HTML twin of ``_last-serial``.
        if m := _SERIAL_COMMENT.match(data):
            self.serial = m[1]


def _parse_html(
    body: bytes,
    content_type: str,
    page_url: str,
    project: str,
    shown: str,
    deadline: Deadline | None = None,
) -> ProjectPage:
    charset = "utf-8"
    if m := re.search(r"charset=([\w.-]+)", content_type, re.IGNORECASE):
        charset = m[1]
    try:
        text = body.decode(charset)
    except (LookupError, UnicodeDecodeError) as exc:
        raise IndexUnavailable(f"{shown}: the index sent undecodable HTML") from exc
    parser = _AnchorParser(shown)
    for start in range(0, len(text), _HTML_PIECE):
        if deadline is not None:
            deadline.check(shown)
        parser.feed(text[start : start + _HTML_PIECE])
    parser.close()
    _check_api_version(parser.api_version, shown)
    base = httpx.URL(page_url)
    files = tuple(f for f in (_html_file(a, t, base) for a, t in parser.anchors) if f is not None)
    return ProjectPage(
        name=project, files=files, last_serial=parser.serial, versions=_versions_of(files)
    )


def _html_file(attrs: Mapping[str, str | None], text: str, base: httpx.URL) -> IndexFile | None:
    """One PEP 503 anchor, or ``None`` when it has no usable link."""
    href = attrs.get("href")
    if not href:
        return None
    try:
        url = base.join(href)
    except httpx.InvalidURL:
        return None
    # PEP 503: the URL fragment carries one ``hashname=value`` hash of the file.
    hashes: dict[str, str] = {}
    if url.fragment and "=" in url.fragment:
        algo, value = url.fragment.split("=", 1)
        hashes[algo] = value
    filename = text or unquote(url.path.rsplit("/", 1)[-1])
    if not filename:
        return None
    yanked = "data-yanked" in attrs
    return IndexFile(
        filename=filename,
        url=str(url.copy_with(fragment=None)),
        requires_python=attrs.get("data-requires-python") or None,
        yanked=yanked,
        yanked_reason=(attrs.get("data-yanked") or None) if yanked else None,
        upload_time=None,
        size=None,
        hashes=hashes,
        core_metadata=_html_offers_metadata(attrs),
        metadata_hash=_metadata_hash(
            attrs.get("data-core-metadata", attrs.get("data-dist-info-metadata"))
        ),
    )


def _html_offers_metadata(attrs: Mapping[str, str | None]) -> bool:
    # PEP 658: the attribute's presence ("true" or a hash) offers the metadata file;
    # PEP 714 renamed data-dist-info-metadata to data-core-metadata, so read both.
    return "data-core-metadata" in attrs or "data-dist-info-metadata" in attrs


def _versions_of(files: tuple[IndexFile, ...]) -> tuple[str, ...]:
    """The distinct versions the file names carry, ascending (for pages without PEP 700)."""
    versions = {version for f in files if (version := f.version) is not None}
    return tuple(str(v) for v in sorted(versions))
