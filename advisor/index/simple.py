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

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field
from html.parser import HTMLParser
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self
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
from advisor.index.http import (
    Deadline,
    holding,
    iter_capped,
    new_client,
    open_stream,
    read_capped,
)
from advisor.index.jsonpage import FileSink, JsonPageReader
from advisor.index.urls import redact
from advisor.model.digests import preferred

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = [
    "ACCEPT",
    "IndexFile",
    "PageSink",
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
#: A JSON page held whole is read in pieces of this size (one is read as it arrives).
_JSON_PIECE = 1024 * 1024

#: PEP 629: the major API version this client understands.
_API_MAJOR = 1

#: An absolute http(s) URL that ``httpx.URL.join`` returns unchanged, whatever the base: a
#: lower-case host without port or credentials, a path of unreserved characters without dot
#: segments, no query or fragment. Every file URL PyPI lists is one, and ddtrace alone lists
#: 76,000 files: joining each through httpx took seconds.
_PLAIN_URL = re.compile(
    r"https?://[a-z0-9-]+(?:\.[a-z0-9-]+)*(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+/?"
)
#: A relative URL that ``httpx.URL.join`` appends to its base's folder unchanged: segments of
#: unreserved characters, none starting with a dot (so no dot segments, and no scheme).
_PLAIN_RELATIVE = re.compile(
    r"[A-Za-z0-9_~-][A-Za-z0-9._~-]*(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*/?"
)
#: :data:`_PLAIN_URL` followed by a newline, any number of times, whole: URLs joined by
#: newlines (which none of them holds) are plain when this matches them (:func:`all_plain`).
#: Possessive (``++``, ``*+``): nothing a part took can be given back for a match, since the
#: character after each part is one it cannot take (the separators ``.``, ``/``, newline).
_PLAIN_URLS = re.compile(
    r"(?:https?://[a-z0-9-]++(?:\.[a-z0-9-]++)*+(?:/[A-Za-z0-9_~-][A-Za-z0-9._~-]*+)++/?\n)*+"
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
                return _sdist_parts(self.filename)[0]
        except (InvalidWheelFilename, InvalidSdistFilename, InvalidVersion):
            return None
        return None


_WHEEL_VERSIONS: dict[str, tuple[Version, str]] = {}
_WHEEL_TAGS: dict[str, InvalidWheelFilename | None] = {}


def _wheel_version(filename: str) -> Version:
    """``parse_wheel_filename(filename)[1]``, each part of the name parsed once."""
    return _wheel_parts(filename)[0]


def _wheel_parts(filename: str) -> tuple[Version, str, str]:
    """The version ``parse_wheel_filename`` finds in a wheel's name, the version as a string,
    and the name's tags part (``py3-none-any``); raising the library's errors for a bad name.

    A large project's page lists tens of thousands of wheels (ddtrace: some 46,000) over a few
    hundred versions and a few dozen tag sets, and parsing each name whole is most of the cost
    of reading the page. The name-version-build part and the tags part are checked
    independently by packaging, so each distinct one is parsed once (with a stand-in for the
    other) and the answers are kept: the same version, and the same error for a bad name.
    """
    dashes = filename.count("-")
    if dashes not in (4, 5) or not filename.endswith(".whl"):
        parse_wheel_filename(filename)  # raises the library's error
        raise AssertionError("unreachable")  # pragma: no cover
    # packaging's own split: name, version, [build], then the three tags as one part (the
    # name's last three dash-separated parts: it has four or five dashes).
    stem = filename[:-4]
    cut = stem.rfind("-", 0, stem.rfind("-", 0, stem.rfind("-")))
    prefix, tags = stem[:cut], stem[cut + 1 :]
    _wheel_tags_valid(tags)
    if (known := _WHEEL_VERSIONS.get(prefix)) is None:
        known = _WHEEL_VERSIONS[prefix] = _wheel_prefix(prefix, filename)
    if (error := _WHEEL_TAGS[tags]) is not None:
        raise InvalidWheelFilename(f"Invalid wheel filename: {filename!r} ({error})")
    return known[0], known[1], tags


def _wheel_tags_valid(tags: str) -> bool:
    """A wheel name's tags part (``py3-none-any``) passes ``parse_wheel_filename``'s checks
    (each distinct one parsed once, as :func:`_wheel_parts` does)."""
    if tags not in _WHEEL_TAGS:
        try:
            parse_wheel_filename(f"x-0-{tags}.whl")
            _WHEEL_TAGS[tags] = None
        except InvalidWheelFilename as exc:
            _WHEEL_TAGS[tags] = exc
    return _WHEEL_TAGS[tags] is None


def _wheel_prefix_version(prefix: str) -> tuple[Version, str] | None:
    """The version of a wheel name's ``name-version[-build]`` part and its string, as
    :func:`_wheel_parts` finds it; ``None`` when that part does not pass
    ``parse_wheel_filename``'s checks (the name is refused whatever its tags)."""
    if (known := _WHEEL_VERSIONS.get(prefix)) is None:
        try:
            known = _WHEEL_VERSIONS[prefix] = _wheel_prefix(prefix, f"{prefix}-py3-none-any.whl")
        except (InvalidWheelFilename, InvalidVersion):
            return None
    return known


_WHEEL_NAMES: dict[str, InvalidWheelFilename | None] = {}
_WHEEL_BUILDS: dict[str, InvalidWheelFilename | None] = {}
_VERSIONS: dict[str, tuple[Version, str]] = {}


def _wheel_prefix(prefix: str, filename: str) -> tuple[Version, str]:
    """The version of a wheel name's ``name-version[-build]`` part, checked as
    ``parse_wheel_filename`` checks it: the name, the version and the build tag each on its
    own, so each distinct name and build is parsed once (with stand-ins for the rest), and each
    distinct version string once for every page (ten thousand versions over a run's pages)."""
    name, version_text, *build = prefix.split("-")
    for part, seen, stand_in in (
        (name, _WHEEL_NAMES, f"{name}-0-py3-none-any.whl"),
        *((b, _WHEEL_BUILDS, f"x-0-{b}-py3-none-any.whl") for b in build),
    ):
        if part not in seen:
            try:
                parse_wheel_filename(stand_in)
                seen[part] = None
            except InvalidWheelFilename as exc:
                seen[part] = exc
        if (error := seen[part]) is not None:
            raise InvalidWheelFilename(f"Invalid wheel filename: {filename!r} ({error})")
    try:
        return _version(version_text)
    except InvalidVersion as exc:
        raise InvalidWheelFilename(
            f"Invalid wheel filename (invalid version): {filename!r}"
        ) from exc


def _version(text: str) -> tuple[Version, str]:
    """``Version(text)`` and its string, parsed once per distinct text."""
    if (known := _VERSIONS.get(text)) is None:
        version = Version(text)
        known = _VERSIONS[text] = (version, str(version))
    return known


def _sdist_parts(filename: str) -> tuple[Version, str]:
    """``parse_sdist_filename(filename)[1]`` and its string, raising the library's errors.

    packaging splits the name at its last dash and asks only that the name part be non-empty
    and the version part parse: the name is not parsed here (it is not needed), the version
    once per distinct string.
    """
    stem = filename[:-7] if filename.endswith(".tar.gz") else filename[:-4]
    name, dash, version_text = stem.rpartition("-")
    if not (filename.endswith((".tar.gz", ".zip")) and dash and name):
        parse_sdist_filename(filename)  # raises the library's error
        raise AssertionError("unreachable")  # pragma: no cover
    try:
        return _version(version_text)
    except InvalidVersion as exc:
        raise InvalidSdistFilename(
            f"Invalid sdist filename (invalid version): {filename!r}"
        ) from exc


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
        self.client = client or new_client(timeout)

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
        sink: PageSink | None = None,
    ) -> PageFetch:
        """Fetch project ``name``'s page, revalidating a cached copy when validators are given.

        :param timeout: seconds for this request, instead of the client's (a caller with a
            total deadline passes what is left of it).
        :param sink: where the page's files go instead of :attr:`ProjectPage.files` (then
            empty): a JSON page is read as it arrives, each file handed over as it is decoded,
            so the page is never held whole.

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
        page: ProjectPage | None = None
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
                page_url = str(response.url)
                content_type = response.headers.get("content-type", "")
                media_type = content_type.split(";", 1)[0].strip().lower()
                if sink is not None and media_type in _JSON_TYPES:
                    sink.begin(httpx.URL(page_url))
                    pieces = iter_capped(response, MAX_PAGE_BYTES, shown, self.deadline)
                    title, serial, listed = _read_json(pieces, shown, self.deadline, sink)
                    page = ProjectPage(
                        name=title if title is not None else project,
                        files=(),
                        last_serial=serial,
                        versions=listed if listed is not None else sink.versions(),
                    )
                else:
                    body = read_capped(response, MAX_PAGE_BYTES, shown, self.deadline)
        except httpx.HTTPError as exc:
            if self.deadline is not None and self.deadline.passed():
                raise self.deadline.error(shown) from exc
            raise IndexUnavailable(
                f"{shown}: {describe_http_error(exc)}", code=error_code(exc)
            ) from exc
        except httpx.InvalidURL as exc:
            raise IndexUnavailable(f"{shown}: invalid URL") from exc
        if page is not None:
            return PageFetch(page, *validators)
        if media_type in _JSON_TYPES:
            page = _parse_json(body, page_url, project, shown, self.deadline)
        elif media_type in _HTML_TYPES:
            page = _parse_html(body, content_type, page_url, project, shown, self.deadline)
            if sink is not None:
                sink.begin(httpx.URL(page_url))
                for f in page.files:
                    sink.add_file(f)
                page = ProjectPage(page.name, (), page.last_serial, page.versions)
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
    """A whole JSON page's files as :class:`IndexFile` values (:func:`_read_json` over ``body``)."""
    sink = _FileList()
    sink.begin(httpx.URL(page_url))
    view = memoryview(body)
    pieces = (bytes(view[i : i + _JSON_PIECE]) for i in range(0, len(body), _JSON_PIECE))
    name, serial, versions = _read_json(pieces, shown, deadline, sink)
    files = tuple(sink.files)
    return ProjectPage(
        name=name if name is not None else project,
        files=files,
        last_serial=serial,
        versions=versions if versions is not None else _versions_of(files),
    )


def _read_json(
    pieces: Iterable[bytes], shown: str, deadline: Deadline | None, sink: FileSink
) -> tuple[str | None, str | None, tuple[str, ...] | None]:
    """Read a JSON page as its ``pieces`` come, each file entry handed to ``sink`` as it is
    decoded (:class:`~advisor.index.jsonpage.JsonPageReader`, never the whole page at once).

    :returns: the page's name, its ``_last-serial`` and its PEP 700 ``versions`` when given
        (each ``None`` when absent or not of the right type).
    :raises IndexUnavailable: as the whole-body reader refused a page, in the same order: more
        ``{`` than a page within the file cap holds (so a page of a million tiny entries never
        becomes a million dicts), invalid JSON, no ``files`` list, an unknown API version, more
        than :data:`MAX_PAGE_FILES` files; but a ``files`` list is refused as soon as it passes
        that cap, whatever follows it (the whole-body reader first read a list of millions of
        ``1`` to its end).
    """
    check = (lambda: deadline.check(shown)) if deadline is not None else None
    # Each file is one object, with at most three more inside (hashes, core-metadata and its
    # older name): more braces than that cannot be a page within the file cap.
    reader = JsonPageReader(
        sink,
        max_braces=4 * MAX_PAGE_FILES + 16,
        max_files=MAX_PAGE_FILES,
        check=check,
        check_every=_CHECK_EVERY,
    )
    with holding(shown) as hold:
        for piece in pieces:
            hold(reader.held + len(piece))
            reader.feed(piece)
            hold(reader.held)
        reader.finish()
    if reader.too_many:
        raise _too_many(shown)
    if reader.error is not None:
        if reader.error.nested:  # ``[`` nested 200,000 deep: no page is, and the error is the same
            raise IndexUnavailable(f"{shown}: the index sent invalid JSON (nested too deeply)")
        raise IndexUnavailable(f"{shown}: the index sent invalid JSON")
    if not reader.is_object or not reader.files_is_list:
        raise IndexUnavailable(f"{shown}: the JSON page has no 'files' list")
    meta = reader.top.get("meta")
    meta = meta if isinstance(meta, dict) else {}
    _check_api_version(meta.get("api-version"), shown)
    if reader.files > MAX_PAGE_FILES:
        raise _too_many(shown)
    versions = reader.top.get("versions")
    listed = None
    if (
        isinstance(versions, list)
        and len(versions) <= MAX_PAGE_FILES
        and all(isinstance(v, str) for v in versions)
    ):
        listed = tuple(versions)
    serial = meta.get("_last-serial")
    name = reader.top.get("name")
    return (
        name if isinstance(name, str) else None,
        str(serial) if isinstance(serial, (str, int)) else None,
        listed,
    )


class PageSink(FileSink, Protocol):
    """What a page's files go to (:meth:`SimpleIndexClient.fetch_page`): JSON entries as
    decoded (:meth:`extend`), HTML anchors as :class:`IndexFile` values (:meth:`add_file`)."""

    def begin(self, base: httpx.URL) -> None:
        """A page is read (again, on a retry): start empty; relative URLs are against ``base``."""
        ...

    def add_file(self, file: IndexFile) -> None:
        """One file of an HTML page."""
        ...

    def versions(self) -> tuple[str, ...]:
        """The distinct versions the added files' names carry, ascending, as strings (for a
        page without PEP 700 ``versions``)."""
        ...


class _FileList:
    """A :class:`PageSink` keeping every file as an :class:`IndexFile`."""

    def __init__(self) -> None:
        self.files: list[IndexFile] = []
        self.urls = FileURLs(httpx.URL())

    def begin(self, base: httpx.URL) -> None:
        self.files, self.urls = [], FileURLs(base)

    def reset(self) -> None:
        self.files = []

    def extend(self, raws: list[Any]) -> None:
        for raw in raws:
            if (entry := _json_file(raw, self.urls)) is not None:
                self.files.append(entry)

    def add_file(self, file: IndexFile) -> None:
        self.files.append(file)

    def versions(self) -> tuple[str, ...]:
        return _versions_of(tuple(self.files))


#: What a PEP 691 file entry holds, once checked (:func:`json_fields`): filename, URL,
#: Requires-Python, yanked, size, upload time, and the core-metadata value.
JsonFields = tuple[str, str, str | None, bool | str, int | None, str | None, object]


def json_fields(raw: object) -> JsonFields | None:
    """The fields of one PEP 691 file entry as ``json`` decodes it, or ``None`` when it does
    not follow the spec (it is then skipped, as pip skips it).

    Called for each of the tens of thousands of files of a large page: the checks compare
    exact types, which is what ``isinstance`` finds for the types ``json`` makes (a ``bool``
    is not a size).
    """
    if type(raw) is not dict:
        return None
    get = raw.get
    filename, url, hashes = get("filename"), get("url"), get("hashes", _NO_HASHES)
    if type(filename) is not str or not filename or type(url) is not str:
        return None
    if type(hashes) is not dict:
        return None
    for algorithm, value in hashes.items():
        if type(algorithm) is not str or type(value) is not str:
            return None
    requires_python = get("requires-python")
    yanked = get("yanked", False)
    size = get("size")
    upload_time = get("upload-time")
    if requires_python is not None and type(requires_python) is not str:
        return None
    if yanked is not False and yanked is not True and type(yanked) is not str:
        return None
    if size is not None and (type(size) is not int or size < 0):
        return None
    if upload_time is not None and type(upload_time) is not str:
        return None
    metadata = get("core-metadata", _ABSENT)
    if metadata is _ABSENT:
        metadata = get("dist-info-metadata")
    return filename, url, requires_python, yanked, size, upload_time, metadata


_NO_HASHES: dict[str, str] = {}
_ABSENT = object()


def all_plain(urls: Sequence[str]) -> bool:
    """Every one of ``urls`` is shorter than 65,536 characters and matches :data:`_PLAIN_URL`
    whole (it is then its own absolute URL: :meth:`FileURLs.absolute`).

    Checked a page's batch at a time, with one match over the URLs joined by newlines
    (:data:`_PLAIN_URLS`), instead of one per URL: a page lists tens of thousands (ddtrace
    some 46,700), and the match of each, short as it is, cost a quarter more.
    """
    text = "\n".join(urls) + "\n"
    return (
        text.count("\n") == len(urls)  # no URL holds a newline: the text splits back into them
        and (len(text) <= 65536 or max(map(len, urls)) < 65536)
        and _PLAIN_URLS.fullmatch(text) is not None
    )


class FileURLs:
    """File URLs as listed on a page, made absolute against the page's own (``base``)."""

    def __init__(self, base: httpx.URL) -> None:
        self.base = base
        self._folder: str | None = None

    def absolute(self, url: str) -> str | None:
        """``url`` made absolute (as ``httpx.URL.join`` does); ``None`` when it is not a URL
        (httpx refuses it: the file is skipped, as an HTML page's unusable link is)."""
        if len(url) < 65536 and _PLAIN_URL.fullmatch(url):
            return url
        if len(url) < 4096 and _PLAIN_RELATIVE.fullmatch(url):
            # A relative path without dot segments, query or fragment: joined, it is the
            # page's folder followed by the path, character for character (a page of 200,000
            # such files joined each through httpx took seconds).
            if self._folder is None:
                self._folder = str(self.base.join("x"))[:-1]
            return self._folder + url
        try:
            return str(self.base.join(url))
        except httpx.InvalidURL:
            return None


def _json_file(raw: Any, urls: FileURLs) -> IndexFile | None:
    """One PEP 691 file entry, or ``None`` when it does not follow the spec."""
    fields = json_fields(raw)
    if fields is None:
        return None
    filename, listed, requires_python, yanked, size, upload_time, metadata = fields
    if (url := urls.absolute(listed)) is None:
        return None
    assert isinstance(raw, dict)
    return IndexFile(
        filename=filename,
        url=url,
        requires_python=requires_python or None,
        # PEP 691: ``yanked`` is a boolean or a string giving the reason.
        yanked=yanked is not False,
        yanked_reason=yanked if isinstance(yanked, str) and yanked else None,
        upload_time=upload_time,
        size=size,
        hashes=dict(raw.get("hashes", {})),
        core_metadata=offers_metadata(metadata),
        metadata_hash=metadata_hash(metadata),
    )


def offers_metadata(value: object) -> bool:
    # PEP 691/714: false or absent, true, or a dict of hashes of the metadata file.
    return value is True or (isinstance(value, dict) and bool(value))


def metadata_hash(value: object) -> tuple[str, str] | None:
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
        metadata_hash=metadata_hash(
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
