"""Decoding dependency files (UTF-8 with or without BOM, UTF-16 with BOM; nothing else guessed)
and parsing TOML and JSON into errors that name the file and line."""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any, BinaryIO

from advisor.errors import ManifestError
from advisor.model.excerpt import mask_secrets
from advisor.model.limits import MAX_FILE_BYTES  # read at call time: a test may lower it here


def open_file(path: Path, display: str) -> BinaryIO:
    """``path`` opened for reading, or a :class:`ManifestError` naming it.

    A named pipe is refused rather than read: opening one waits for a writer, and reading it
    waits for data, forever when none comes. It is opened without waiting
    (``O_NONBLOCK``) and refused by what the open file is, so one put in place between a check
    and the open is refused too.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ManifestError("no such file", file=display, code="file-missing") from None
    except IsADirectoryError:
        raise ManifestError("is a directory", file=display) from None
    except OSError as exc:
        raise ManifestError(f"cannot read: {exc.strerror}", file=display) from exc
    try:
        mode = os.stat(fd).st_mode
    except OSError as exc:
        os.close(fd)
        raise ManifestError(f"cannot read: {exc.strerror}", file=display) from exc
    if stat.S_ISFIFO(mode):
        os.close(fd)
        raise ManifestError(
            "is a named pipe (FIFO), not a regular file", file=display, code="not-a-file"
        )
    if stat.S_ISDIR(mode):
        os.close(fd)
        raise ManifestError("is a directory", file=display)
    return os.fdopen(fd, "rb")


#: Brackets, braces and equals signs (TOML) or brackets and braces (JSON) one file may hold,
#: counted before parsing, strings and all: tables, arrays and keys are what a parser spends its
#: time and memory on (tomllib: 16 MiB of "[tN]" headers took 16 s and 1.9 GB). The largest
#: lock of the corpus holds 17,000; the lists of files a lock reader skips are not counted.
MAX_NODES = 200_000


def _check_nodes(text: str, display: str, signs: str) -> None:
    """Refuse ``text`` when it holds more than :data:`MAX_NODES` of the characters ``signs``."""
    count = sum(text.count(c) for c in signs)
    if count > MAX_NODES:
        what = "tables, arrays and keys" if "=" in signs else "arrays and objects"
        shown = ", ".join(repr(c) for c in signs)
        raise ManifestError(
            f"{count} {what} ({shown} counted), over the {MAX_NODES} limit for dependency files",
            file=display,
            code="file-too-large",
        )


def read_bytes(path: Path, display: str) -> bytes:
    """The file's bytes, or a :class:`ManifestError` naming it.

    The size is checked before reading, and the read stops past the limit, so a file that
    grows meanwhile or a device that never ends (``-r /dev/zero``) is refused too; a named pipe
    is refused unread (:func:`open_file`).
    """
    data = b""
    with open_file(path, display) as fh:
        try:
            size = os.fstat(fh.fileno()).st_size
            if size <= MAX_FILE_BYTES:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise ManifestError(f"cannot read: {exc.strerror}", file=display) from exc
    if size > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
        shown = f"{size} bytes" if size > MAX_FILE_BYTES else f"over {MAX_FILE_BYTES} bytes"
        limit = (
            f"{MAX_FILE_BYTES // 2**20} MiB"
            if MAX_FILE_BYTES % 2**20 == 0
            else f"{MAX_FILE_BYTES} bytes"
        )
        raise ManifestError(
            f"file is {shown}, over the {limit} limit for dependency files",
            file=display,
            code="file-too-large",
        )
    return data


def decode(data: bytes, display: str) -> str:
    """Decode ``data`` as UTF-8 (BOM optional) or BOM-marked UTF-16.

    :raises ManifestError: for binary or undecodable content, naming the line of the bad byte.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ManifestError(f"not valid UTF-16: {exc.reason}", file=display) from exc
    if b"\x00" in data[:8192]:
        raise ManifestError("binary file (NUL bytes), not a dependency file", file=display)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ManifestError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", file=display, line=line
        ) from exc


def read_text(path: Path, display: str) -> str:
    """:func:`read_bytes` then :func:`decode`."""
    return decode(read_bytes(path, display), display)


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = re.compile(r"\s*\(at end of document\)\s*$")


# The per-file lists of a lock: uv's ``wheels = [...]``, Poetry's and PDM's ``files = [...]``
# (one inline table per line, as the tools write them), and Poetry 1.1's ``[metadata.files]``
# arrays of ``{file = ..., hash = ...}``. They are nine tenths of a lock's bytes, and no reader
# here looks at them.
_FILE_LISTS = re.compile(r"^(wheels|files) = \[\n(?:[ \t]+\{[^\n]*\},?\n)*\]$", re.MULTILINE)
_METADATA_FILES = re.compile(r"^\[metadata\.files\]\n", re.MULTILINE)
_NAMED_FILE_LISTS = re.compile(
    r"^([A-Za-z0-9_.-]+) = \[\n(?:[ \t]+\{ ?file = [^\n]*\},?\n)+\]$", re.MULTILINE
)
_TABLE_HEADER = re.compile(r"^\[", re.MULTILINE)


def _emptied(m: re.Match[str]) -> str:
    return f"{m.group(1)} = []" + "\n" * m.group(0).count("\n")


def _without_file_lists(text: str) -> str:
    text = _FILE_LISTS.sub(_emptied, text)
    if (section := _METADATA_FILES.search(text)) is not None:
        end = _TABLE_HEADER.search(text, section.end())
        stop = end.start() if end else len(text)
        body = _NAMED_FILE_LISTS.sub(_emptied, text[section.end() : stop])
        text = text[: section.end()] + body + text[stop:]
    return text


def parse_lock_toml(text: str, display: str) -> dict[str, Any]:
    """:func:`parse_toml` for ``uv.lock``, ``poetry.lock`` and ``pdm.lock``, with the per-file
    lists read as empty: the same tables, at a fifth of the cost on a large lock.

    A line can only be taken for such a list's first line when no multi-line string could hold
    it, so a lock with any (triple quotes of either kind) is parsed whole; so is one the
    shortened text does not parse, which gives :func:`parse_toml`'s error for the file as
    written. Line numbers are kept (each list becomes ``key = []`` and as many empty lines).
    A mistake inside a list removed this way (a bad escape in a wheel's URL, say) goes unseen:
    the lock's tool would refuse such a file, and nothing read here comes from those lines.
    """
    if '"""' not in text and "'''" not in text:
        slim = _without_file_lists(text)
        _check_nodes(slim, display, "[{=")
        try:
            return tomllib.loads(slim)
        except (tomllib.TOMLDecodeError, RecursionError):
            pass
    return parse_toml(text, display)


def parse_toml(text: str, display: str) -> dict[str, Any]:
    """Parse ``text`` with :mod:`tomllib` (never tomlkit: several times slower for reading).

    :raises ManifestError: ``file:line: invalid TOML: ...`` with the line tomllib reports,
        quoted.
    """
    _check_nodes(text, display, "[{=")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Python 3.11 gives the position only inside the message: "... (at line 3, column 7)".
        message = str(exc)
        line: int | None = None
        if m := _TOML_AT.search(message):
            line, column = int(m.group(1)), int(m.group(2))
            message = message[: m.start()] + _position(text, line, column)
        elif m := _TOML_END.search(message):
            line = text.count("\n") + 1
            message = message[: m.start()] + " (at end of file)"
        raise ManifestError(
            f"invalid TOML: {_lower_first(message)}", file=display, line=line, code="invalid-toml"
        ) from None
    except RecursionError:
        raise ManifestError(
            "invalid TOML: nested too deeply", file=display, code="invalid-toml"
        ) from None


#: Characters of a bad line an error quotes: enough to recognise it, never a screenful.
_EXCERPT = 60


def _position(text: str, line: int, column: int) -> str:
    """`` (column C of '<the line>')``, the line cut around the column when it is long."""
    lines = text.split("\n")
    source = lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""
    if not source.strip():
        return f" (column {column})"
    start = max(0, min(column - 1 - _EXCERPT // 2, len(source) - _EXCERPT))
    excerpt = source[start : start + _EXCERPT]
    excerpt = ("..." if start else "") + excerpt + ("..." if start + _EXCERPT < len(source) else "")
    return f" (column {column} of {mask_secrets(excerpt)!r})"


def parse_json(text: str, display: str) -> Any:
    """Parse ``text`` as JSON; :class:`ManifestError` with the line of a syntax error."""
    _check_nodes(text, display, "[{")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(
            f"invalid JSON: {_lower_first(exc.msg)} (column {exc.colno})",
            file=display,
            line=exc.lineno,
            code="invalid-json",
        ) from None
    except RecursionError:
        raise ManifestError(
            "invalid JSON: nested too deeply", file=display, code="invalid-json"
        ) from None


def as_list(value: Any) -> list[Any]:
    """``value`` when it is a list, else ``[]``: a TOML/JSON field of the wrong type is ignored
    where it does not matter (hashes, sources, extras), instead of breaking the reading."""
    return value if isinstance(value, list) else []


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text
