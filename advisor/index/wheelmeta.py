"""A wheel's METADATA without downloading the wheel.

Owns reading ``<name>.dist-info/METADATA`` out of a remote wheel: through the PEP 658 metadata
file when the index offers one, otherwise through HTTP Range requests (RFC 9110 section 14)
that fetch only the zip's end records, its central directory and the one member. A wheel is a
zip file (PEP 427), so the layout read here is the one of PKWARE's APPNOTE.TXT: the End Of
Central Directory record (EOCD, with its ZIP64 twin for large archives) points at the central
directory, whose entries point at each member's local header and data.

Every size and offset the archive declares is checked against the file before it is used, so
a hostile or broken archive cannot make the reader fetch or inflate more than a few MiB; such
an archive, and any network failure, raises :class:`~advisor.errors.IndexUnavailable`.
"""

from __future__ import annotations

import re
import struct
import zlib
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import httpx
from packaging.metadata import parse_email

from advisor.errors import IndexUnavailable
from advisor.index.http import Deadline, open_stream, read_capped
from advisor.index.simple import describe_http_error, error_code, redact

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = ["MAX_METADATA_BYTES", "MAX_WHOLE_BODY_BYTES", "parse_metadata", "read_wheel_metadata"]

#: The first Range request asks for this much of the file's end: the EOCD (22 bytes plus a
#: comment of at most 64 KiB) and, for most wheels, the whole central directory.
TAIL_BYTES = 64 * 1024
#: A METADATA larger than this (compressed or not) is refused.
MAX_METADATA_BYTES = 10 * 1024 * 1024
#: A central directory larger than this is refused (ddtrace's are about 200 KiB).
MAX_CENTRAL_DIRECTORY_BYTES = 32 * 1024 * 1024
#: When a server ignores Range and sends the whole wheel, a body up to this size is accepted.
MAX_WHOLE_BODY_BYTES = 50 * 1024 * 1024
#: Extra bytes fetched after a local header's name, hoping to cover its extra field at once.
_LOCAL_EXTRA_GUESS = 256

_EOCD = struct.Struct("<4s4H2LH")
_EOCD_SIG = b"PK\x05\x06"
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_LOCATOR_SIG = b"PK\x06\x07"
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")
_ZIP64_EOCD_SIG = b"PK\x06\x06"
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_CENTRAL_SIG = b"PK\x01\x02"
_LOCAL = struct.Struct("<4s5H3L2H")
_LOCAL_SIG = b"PK\x03\x04"
_ZIP64_EXTRA_ID = 0x0001
_STORED, _DEFLATED = 0, 8
_FLAG_ENCRYPTED, _FLAG_UTF8 = 0x1, 0x800

_METADATA_NAME = re.compile(r"^[^/]+\.dist-info/METADATA$")
_METADATA_SUFFIX = b".dist-info/METADATA"
_CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+|\*)$")


def read_wheel_metadata(
    client: httpx.Client,
    url: str,
    size: int | None,
    *,
    core_metadata: bool = False,
    timeout: float = 30.0,
    deadline: Deadline | None = None,
    auth: httpx.Auth | None = None,
    shown: str | None = None,
) -> bytes:
    """The raw ``METADATA`` file of the wheel at ``url``.

    :param client: the httpx client to send requests through (it may be shared by threads).
    :param url: the wheel's URL.
    :param size: the wheel's size as the index lists it, or ``None``; when given, the
        server's idea of the size must agree.
    :param core_metadata: the index serves the metadata at ``url + ".metadata"`` (PEP 658).
    :param timeout: seconds for each phase of each request.
    :param deadline: the run's total deadline, held over every byte.
    :param auth: the credentials policy; by default the client's.
    :param shown: ``url`` as shown in messages; by default ``url`` without credentials.
    :raises IndexUnavailable: on any network failure or an archive that cannot be trusted.
    """
    http = _Http(client, httpx.Timeout(timeout), deadline, auth)
    shown = shown if shown is not None else redact(url)
    if core_metadata:
        return _fetch_metadata_file(http, url + ".metadata", shown + ".metadata")
    return _RemoteWheel(http, url, size, shown).metadata()


def parse_metadata(raw: bytes) -> tuple[list[str], str | None]:
    """The ``Requires-Dist`` values and the ``Requires-Python`` value of a METADATA file.

    METADATA is an email-header style document (core metadata specification); packaging's
    lenient parser reads it without validating fields we do not need.
    """
    fields, _unparsed = parse_email(raw)
    return list(fields.get("requires_dist", [])), fields.get("requires_python")


@dataclass(frozen=True, slots=True)
class _Http:
    """How this module's requests are sent: the client, each request's timeout, the run's
    deadline and the credentials policy."""

    client: httpx.Client
    timeout: httpx.Timeout
    deadline: Deadline | None
    auth: httpx.Auth | None

    def failed(self, shown: str, exc: httpx.HTTPError) -> IndexUnavailable:
        """The error for a network failure (the deadline's when it cut the request)."""
        if self.deadline is not None and self.deadline.passed():
            return self.deadline.error(shown)
        return IndexUnavailable(f"{shown}: {describe_http_error(exc)}", code=error_code(exc))


def _fetch_metadata_file(http: _Http, url: str, shown: str) -> bytes:
    try:
        with open_stream(
            http.client,
            url,
            what=shown,
            timeout=http.timeout,
            deadline=http.deadline,
            auth=http.auth,
        ) as response:
            if response.status_code != 200:
                raise IndexUnavailable(
                    f"{shown}: HTTP {response.status_code}", code=f"http-{response.status_code}"
                )
            return read_capped(response, MAX_METADATA_BYTES, shown, http.deadline)
    except httpx.HTTPError as exc:
        raise http.failed(shown, exc) from exc


@dataclass(frozen=True, slots=True)
class _Entry:
    """The central directory's word on one member."""

    name: str
    raw_name: bytes
    method: int
    flags: int
    crc: int
    compressed: int
    uncompressed: int
    offset: int


class _RemoteWheel:
    """One wheel on a server, read piecewise; fetched byte ranges are kept and reused."""

    def __init__(self, http: _Http, url: str, size: int | None, shown: str) -> None:
        self.http = http
        self.url = url
        self.size = size
        self.shown = shown
        self.name = unquote(urlsplit(shown).path.rsplit("/", 1)[-1]) or shown
        self._blocks: list[tuple[int, bytes]] = []

    def refuse(self, reason: str) -> IndexUnavailable:
        """The error for an archive this reader will not trust."""
        return IndexUnavailable(f"{self.name}: {reason}")

    def metadata(self) -> bytes:
        """Locate, fetch and inflate the METADATA member."""
        tail_start, size = self._fetch_tail()
        cd_offset, cd_size, count = self._end_records(tail_start, size)
        directory = self._read(cd_offset, cd_offset + cd_size)
        entry = self._find_metadata(self._entries(directory, count), cd_offset)
        return self._member(entry, cd_offset)

    # -- fetching -----------------------------------------------------------------------

    def _fetch_tail(self) -> tuple[int, int]:
        """Fetch the file's last :data:`TAIL_BYTES`; return where they start and the file size."""
        if self.size is not None:
            if self.size == 0:
                raise self.refuse("the index lists it as an empty file")
            start = self._request(max(0, self.size - TAIL_BYTES), self.size)
        else:
            # Unknown size: a suffix range (RFC 9110 14.1.1) learns it from Content-Range.
            start = self._request(None, None)
        if self.size is None:
            raise self.refuse("the server does not tell the file size")
        return start, self.size

    def _read(self, start: int, end: int) -> bytes:
        """Bytes ``[start, end)``, from a block already fetched or by one more request.

        A central directory usually begins shortly before the fetched tail: then only the
        missing head is requested and joined to the tail's bytes.
        """
        for offset, data in self._blocks:
            if offset <= start and end <= offset + len(data):
                return data[start - offset : end - offset]
        for offset, data in self._blocks:
            if start < offset < end <= offset + len(data):
                head = self._read_new(start, offset)
                return head + data[: end - offset]
        return self._read_new(start, end)

    def _read_new(self, start: int, end: int) -> bytes:
        self._request(start, end)
        offset, data = self._blocks[-1]
        return data[start - offset : end - offset]

    def _request(self, start: int | None, end: int | None) -> int:
        """Fetch ``[start, end)`` (or the tail when both are ``None``); store it as a block.

        Returns the offset of the stored block. A server that ignores Range answers 200 with
        the whole file; that is kept when small enough, and every later read is served from it.
        """
        shown = self.shown
        wanted = (
            f"bytes=-{TAIL_BYTES}" if start is None or end is None else f"bytes={start}-{end - 1}"
        )
        # Ranges apply to the representation sent, so ask for it unencoded (RFC 9110 8.4).
        headers = {"Range": wanted, "Accept-Encoding": "identity"}
        http = self.http
        try:
            with open_stream(
                http.client,
                self.url,
                what=shown,
                headers=headers,
                timeout=http.timeout,
                deadline=http.deadline,
                auth=http.auth,
            ) as r:
                if r.status_code == 200:
                    body = read_capped(r, MAX_WHOLE_BODY_BYTES, shown, http.deadline)
                    self._learn_size(len(body))
                    self._blocks = [(0, body)]
                    return 0
                if r.status_code != 206:
                    raise IndexUnavailable(
                        f"{shown}: HTTP {r.status_code} for {wanted}", code=f"http-{r.status_code}"
                    )
                first, last, total = self._content_range(r.headers.get("content-range", ""))
                if (start is not None and (first, last + 1) != (start, end)) or (
                    start is None and total is not None and last + 1 != total
                ):
                    raise self.refuse(f"asked for {wanted}, the server sent bytes {first}-{last}")
                self._learn_size(total)
                body = read_capped(r, last - first + 1, shown, http.deadline)
        except httpx.HTTPError as exc:
            raise http.failed(shown, exc) from exc
        if len(body) != last - first + 1:
            raise self.refuse(f"the server sent {len(body)} bytes for bytes {first}-{last}")
        self._blocks.append((first, body))
        return first

    def _content_range(self, header: str) -> tuple[int, int, int | None]:
        m = _CONTENT_RANGE.match(header.strip())
        if not m or int(m[2]) < int(m[1]):
            raise self.refuse(f"unusable Content-Range {header!r}")
        return int(m[1]), int(m[2]), int(m[3]) if m[3] != "*" else None

    def _learn_size(self, total: int | None) -> None:
        if total is None:
            return
        if self.size is not None and total != self.size:
            raise self.refuse(f"the index lists {self.size} bytes, the server has {total}")
        self.size = total

    # -- the zip structures -------------------------------------------------------------

    def _end_records(self, tail_start: int, size: int) -> tuple[int, int, int]:
        """(central directory offset, its size, entry count), checked against the file."""
        tail = self._read(tail_start, size)
        # The EOCD is the last record, followed only by its comment: scan back for a
        # signature whose comment length reaches exactly to the end of the file.
        pos = tail.rfind(_EOCD_SIG)
        while pos >= 0:
            if pos + _EOCD.size <= len(tail):
                comment_len = _EOCD.unpack_from(tail, pos)[-1]
                if pos + _EOCD.size + comment_len == len(tail):
                    break
            pos = tail.rfind(_EOCD_SIG, 0, pos)
        else:
            raise self.refuse("not a zip file (no end of central directory record)")
        _, disk, cd_disk, _, count, cd_size, cd_offset, _ = _EOCD.unpack_from(tail, pos)
        if disk or cd_disk:
            raise self.refuse("multi-disk zip archives are not wheels")
        end = tail_start + pos
        locator = end - _ZIP64_LOCATOR.size
        if locator >= 0:
            sig, _, z64_offset, _ = _ZIP64_LOCATOR.unpack(self._read(locator, end))
            if sig == _ZIP64_LOCATOR_SIG:
                # ZIP64 (APPNOTE 4.3.14-4.3.15): the 16/32-bit EOCD fields are 0xFFFF.. stand-ins.
                if z64_offset + _ZIP64_EOCD.size > locator:
                    raise self.refuse("the ZIP64 end record lies outside the file")
                record = self._read(z64_offset, z64_offset + _ZIP64_EOCD.size)
                fields = _ZIP64_EOCD.unpack(record)
                if fields[0] != _ZIP64_EOCD_SIG:
                    raise self.refuse("the ZIP64 locator points at no ZIP64 end record")
                count, cd_size, cd_offset = fields[7], fields[8], fields[9]
                end = z64_offset
        if cd_offset + cd_size > end:
            raise self.refuse("the central directory lies: it overruns the end records")
        if cd_size > MAX_CENTRAL_DIRECTORY_BYTES:
            raise self.refuse(f"a central directory of {cd_size} bytes is too large")
        if count * _CENTRAL.size > cd_size:
            raise self.refuse(f"the central directory lies: {count} entries in {cd_size} bytes")
        return cd_offset, cd_size, count

    def _entries(self, directory: bytes, count: int) -> list[_Entry]:
        """The members that may be a ``.dist-info/METADATA``; every entry is checked."""
        entries: list[_Entry] = []
        pos = 0
        for _ in range(count):
            if pos + _CENTRAL.size > len(directory):
                raise self.refuse("the central directory lies: it ends inside an entry")
            (
                sig,
                _,
                _,
                flags,
                method,
                _,
                _,
                crc,
                compressed,
                uncompressed,
                name_len,
                extra_len,
                comment_len,
                _,
                _,
                _,
                offset,
            ) = _CENTRAL.unpack_from(directory, pos)
            if sig != _CENTRAL_SIG:
                raise self.refuse("the central directory lies: bad entry signature")
            name_at = pos + _CENTRAL.size
            extra_at = name_at + name_len
            pos = extra_at + extra_len + comment_len
            if pos > len(directory):
                raise self.refuse("the central directory lies: an entry overruns it")
            if 0xFFFFFFFF in (compressed, uncompressed, offset):
                uncompressed, compressed, offset = self._zip64_extra(
                    directory[extra_at : extra_at + extra_len], uncompressed, compressed, offset
                )
            # Only a name that may be a METADATA is decoded and kept (a wheel lists thousands
            # of members): a name ends with ".dist-info/METADATA" decoded, in UTF-8 or CP437,
            # exactly when its bytes do.
            if not directory.endswith(_METADATA_SUFFIX, name_at, extra_at):
                continue
            raw_name = directory[name_at:extra_at]
            name = raw_name.decode("utf-8" if flags & _FLAG_UTF8 else "cp437", "replace")
            entries.append(
                _Entry(name, raw_name, method, flags, crc, compressed, uncompressed, offset)
            )
        return entries

    def _zip64_extra(
        self, extra: bytes, uncompressed: int, compressed: int, offset: int
    ) -> tuple[int, int, int]:
        """Replace 0xFFFFFFFF stand-ins with the ZIP64 extra field's 64-bit values."""
        pos = 0
        while pos + 4 <= len(extra):
            tag, length = struct.unpack_from("<2H", extra, pos)
            if tag == _ZIP64_EXTRA_ID:
                values = extra[pos + 4 : pos + 4 + length]
                # APPNOTE 4.5.3: only the fields that overflowed appear, in this order.
                out: list[int] = []
                for value in (uncompressed, compressed, offset):
                    if value == 0xFFFFFFFF:
                        if len(values) < 8:
                            raise self.refuse("the central directory lies: short ZIP64 field")
                        value, values = struct.unpack_from("<Q", values)[0], values[8:]
                    out.append(value)
                return out[0], out[1], out[2]
            pos += 4 + length
        raise self.refuse("the central directory lies: ZIP64 sizes without a ZIP64 field")

    def _find_metadata(self, entries: list[_Entry], cd_offset: int) -> _Entry:
        found = [e for e in entries if _METADATA_NAME.match(e.name)]
        if not found:
            raise self.refuse("no .dist-info/METADATA in the wheel")
        if len(found) > 1:
            # PEP 427: the one .dist-info directory is named {distribution}-{version}.
            prefix = "-".join(self.name.split("-", 2)[:2]).lower() + ".dist-info/"
            found = [e for e in found if e.name.lower() == prefix + "metadata"] or found[:1]
        entry = found[0]
        if entry.flags & _FLAG_ENCRYPTED:
            raise self.refuse(f"{entry.name} is encrypted")
        if entry.uncompressed > MAX_METADATA_BYTES or entry.compressed > MAX_METADATA_BYTES:
            raise self.refuse(
                f"{entry.name} claims {entry.uncompressed} bytes "
                f"({entry.compressed} compressed), more than the "
                f"{MAX_METADATA_BYTES}-byte cap"
            )
        if entry.offset + _LOCAL.size + entry.compressed > cd_offset:
            raise self.refuse(
                f"the central directory lies: {entry.name} at offset {entry.offset} with "
                f"{entry.compressed} bytes overruns the member area"
            )
        return entry

    def _member(self, entry: _Entry, cd_offset: int) -> bytes:
        """Fetch the member's local header and data, then inflate and verify it.

        Members lie before the central directory, so nothing past ``cd_offset`` is read.
        """
        start = entry.offset
        guess = _LOCAL.size + len(entry.raw_name) + _LOCAL_EXTRA_GUESS + entry.compressed
        head = self._read(start, min(start + guess, cd_offset))
        sig, _, _, _, _, _, _, _, _, local_name_len, local_extra_len = _LOCAL.unpack_from(head)
        if sig != _LOCAL_SIG:
            raise self.refuse(f"the central directory lies: no local header for {entry.name}")
        local_name = head[_LOCAL.size : _LOCAL.size + local_name_len]
        if local_name != entry.raw_name:
            raise self.refuse(f"the local header names {local_name!r}, not {entry.name!r}")
        data_start = start + _LOCAL.size + local_name_len + local_extra_len
        data_end = data_start + entry.compressed
        if data_end > cd_offset:
            raise self.refuse(f"the data of {entry.name} overruns the member area")
        data = self._read(data_start, data_end)
        return self._inflate(entry, data)

    def _inflate(self, entry: _Entry, data: bytes) -> bytes:
        if entry.method == _STORED:
            out = data
        elif entry.method == _DEFLATED:
            # Raw deflate (negative wbits); never produce more than was declared, plus one
            # byte to notice a stream that inflates past its declared size.
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            try:
                out = inflater.decompress(data, entry.uncompressed + 1)
            except zlib.error as exc:
                raise self.refuse(f"{entry.name} does not inflate: {exc}") from exc
            if not inflater.eof:
                raise self.refuse(f"{entry.name} does not inflate to its declared size")
        else:
            raise self.refuse(f"{entry.name} uses unsupported compression method {entry.method}")
        if len(out) != entry.uncompressed:
            raise self.refuse(
                f"{entry.name} is {len(out)} bytes, the central directory says {entry.uncompressed}"
            )
        if zlib.crc32(out) != entry.crc:
            raise self.refuse(f"{entry.name} fails its CRC-32 check")
        return out
