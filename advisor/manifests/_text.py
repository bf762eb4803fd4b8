"""Decoding dependency files (UTF-8 with or without BOM, UTF-16 with BOM; nothing else guessed)
and parsing TOML and JSON into errors that name the file and line."""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Iterator
from contextvars import ContextVar, Token
from pathlib import Path
from typing import Any, BinaryIO

from advisor.errors import ManifestError
from advisor.manifests._lazy import LazyPattern
from advisor.model.excerpt import mask_secrets
from advisor.model.limits import MAX_FILE_BYTES, MAX_LOCK_BYTES  # read at call time (tests)


def open_file(path: Path, display: str) -> BinaryIO:
    """``path`` opened for reading, or a :class:`ManifestError` naming it.

    A named pipe is refused rather than read: opening one waits for a writer, and reading it
    waits for data, forever when none comes. It is opened without waiting
    (``O_NONBLOCK``) and refused by what the open file is, so one put in place between a check
    and the open is refused too.
    """
    return os.fdopen(_open(path, display)[0], "rb")


def _open(path: Path, display: str) -> tuple[int, os.stat_result]:
    """:func:`open_file` as a file descriptor, and what the open file is (the caller closes
    it)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ManifestError("no such file", file=display, code="file-missing") from None
    except IsADirectoryError:
        raise ManifestError("is a directory", file=display) from None
    except OSError as exc:
        raise ManifestError(f"cannot read: {exc.strerror}", file=display) from exc
    try:
        st = os.stat(fd)
    except OSError as exc:
        os.close(fd)
        raise ManifestError(f"cannot read: {exc.strerror}", file=display) from exc
    if stat.S_ISFIFO(st.st_mode):
        os.close(fd)
        raise ManifestError(
            "is a named pipe (FIFO), not a regular file", file=display, code="not-a-file"
        )
    if stat.S_ISDIR(st.st_mode):
        os.close(fd)
        raise ManifestError("is a directory", file=display)
    return fd, st


#: Brackets, braces and equals signs (TOML) or brackets and braces (JSON) one file may hold,
#: counted before parsing, strings and all, with the dots of TOML's dotted names (outside
#: strings): tables, arrays and keys are what a parser spends its time and memory on (tomllib:
#: 16 MiB of "[tN]" headers took 16 s and 1.9 GB; a table header, its dearest node, costs
#: 7.5 µs and 0.8 KB). A lock may hold more: see :data:`LOCK_CHARS_PER_NODE`.
MAX_NODES = 200_000
#: A lock may hold one node per this many characters of its file, above :data:`MAX_NODES` and
#: up to :data:`MAX_LOCK_NODES`: what real locks hold per byte, with room to spare. Real locks
#: hold one per 63 to 180 characters once their per-file lists are set aside (Poetry's short
#: file lines, and uv locks of pure-Python packages, are the densest; a real-shaped
#: 10,000-package uv.lock, 47 to 53 MB, holds 260,000 to 300,000: one per 180).
LOCK_CHARS_PER_NODE = 48
#: The most a lock may hold, whatever its size: a lock of 10,000 packages holds 200,000 to
#: 470,000; tomllib parses this many keys (its usual worst case, 3.7 µs each) in about 2 s.
MAX_LOCK_NODES = 600_000
#: Table headers (``[x]`` starting a line) may be at most this fraction of the nodes: they are
#: tomllib's dearest, and real files hold one per 15 nodes or more (a lock: one
#: ``[[package]]`` and a subtable or two, for 18 to 47 nodes).
HEADER_SHARE = 8
_HEADERS = re.compile(r"\n[ \t]*\[")
#: tomllib builds a dotted key (``a.b.c = 1``, ``[a.b.c]``) in time and memory quadratic in its
#: parts (one key of 20,000 parts took 5 s; one of a megabyte would take hours). A key lies on
#: one line, so a line of more than :data:`_DOTS_PER_LINE` dots outside strings adds the square
#: of its dots to a budget of :data:`MAX_DOTS_SQUARED` (a fifth of a second, 100 MB); the dots
#: of shorter lines are nodes. Real files hold a few on a line.
_DOTS_PER_LINE = 64
MAX_DOTS_SQUARED = 1 << 24
_MANY_DOTS = re.compile(r"\n(?:[^.\n]*+\.){" + str(_DOTS_PER_LINE + 1) + "}")
#: A TOML string on one line (basic, with its escapes, or literal): removed to count the dots
#: left, those of dotted names. A multi-line string's inner lines stay (counted: more, never
#: fewer), and so does a quote in a comment that closes nothing.
_ONE_LINE_STRINGS = re.compile(r"\"[^\"\\\n]*+(?:\\.[^\"\\\n]*+)*+\"|'[^'\n]*+'")


def _refuse(display: str, message: str) -> ManifestError:
    return ManifestError(message, file=display, code="file-too-large")


def _check_nodes(text: str, display: str, signs: str, limit: int = 0) -> None:
    """Refuse ``text`` when it holds more than ``limit`` (:data:`MAX_NODES` at least) of the
    characters ``signs``. For TOML (``=`` among them), the dots of dotted names count too, table
    headers may be one in :data:`HEADER_SHARE` of the limit, and lines of many dotted names
    are held to :data:`MAX_DOTS_SQUARED`. Linear in ``text``; what a real file cannot reach is
    not looked for (dots, headers), so a real file pays a few counts of characters."""
    limit = max(limit, MAX_NODES)
    scope = "dependency files" if limit == MAX_NODES else "a lock of this size"
    count = sum(text.count(c) for c in signs)
    if count > limit:
        what = "tables, arrays and keys" if "=" in signs else "arrays and objects"
        shown = ", ".join(repr(c) for c in signs)
        raise _refuse(
            display, f"{count} {what} ({shown} counted), over the {limit} limit for {scope}"
        )
    if "=" not in signs:
        return
    if text.count("[") > limit // HEADER_SHARE:
        headers = len(_HEADERS.findall(text)) + text.lstrip(" \t").startswith("[")
        if headers > limit // HEADER_SHARE:
            raise _refuse(
                display,
                f"{headers} table headers, over the {limit // HEADER_SHARE} limit for {scope}",
            )
    dots = text.count(".")
    if count + dots <= limit and dots * dots <= MAX_DOTS_SQUARED:
        return  # however they lie, these dots cannot cost more than the limits allow
    bare = _ONE_LINE_STRINGS.sub("", text)  # the same lines: strings hold no line break
    if count + (dots := bare.count(".")) > limit:
        raise _refuse(
            display,
            f"{count + dots} tables, arrays, keys and dotted names ('[', '{{', '=' counted, and "
            f"'.' outside strings), over the {limit} limit for {scope}",
        )
    squares = 0
    for start, end in _crowded_lines(bare):
        dots = bare.count(".", start, end)
        squares += dots * dots
        if squares > MAX_DOTS_SQUARED:
            raise _refuse_at(
                display,
                f"{dots} dots on one line, too many dotted names to parse in seconds",
                bare.count("\n", 0, start) + 1,
            )


def _refuse_at(display: str, message: str, line: int) -> ManifestError:
    return ManifestError(message, file=display, line=line, code="file-too-large")


def _crowded_lines(text: str) -> Iterator[tuple[int, int]]:
    """Where each line of more than :data:`_DOTS_PER_LINE` dots starts and ends."""
    end = text.find("\n")
    end = len(text) if end < 0 else end
    if text.count(".", 0, end) > _DOTS_PER_LINE:
        yield 0, end
    while (found := _MANY_DOTS.search(text, end)) is not None:
        start = found.start() + 1
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
        yield start, end


#: Bytes of a regular file read whole when its format is told (:func:`read_head`): a file this
#: small is read once, not opened again by its reader. Real manifests are a few KiB.
READ_AHEAD = 64 * 1024
#: Bytes a format is told by (:func:`advisor.manifests.reader_for`).
HEAD_BYTES = 4096


def read_head(path: Path, display: str) -> tuple[bytes, bytes | None, os.stat_result]:
    """The first :data:`HEAD_BYTES` of ``path`` (its format is told by them), the whole
    file when it is a regular file of at most :data:`READ_AHEAD` bytes (``None`` otherwise:
    its reader reads it, with the limits of :func:`read_bytes`), and what the open file was
    (:func:`os.fstat`). A named pipe is refused unread (:func:`open_file`), and a device is
    read no further than the head.
    """
    fd, st = _open(path, display)  # a named pipe is refused, never waited on
    if not stat.S_ISREG(st.st_mode):  # a device: its head, read as any file is
        with os.fdopen(fd, "rb") as fh:
            try:
                return fh.read(HEAD_BYTES), None, st
            except OSError as exc:
                raise ManifestError(f"cannot read: {exc.strerror}", file=display) from exc
    try:
        data = _read_regular(
            fd, READ_AHEAD + 1 if st.st_size <= READ_AHEAD else HEAD_BYTES, st.st_size
        )
    except OSError as exc:
        raise ManifestError(f"cannot read: {exc.strerror}", file=display) from exc
    finally:
        os.close(fd)
    if st.st_size <= READ_AHEAD and len(data) <= READ_AHEAD:
        return data[:HEAD_BYTES], data, st
    return data[:HEAD_BYTES], None, st


class SharedReads:
    """Small files a run read whole (:func:`read_head`), by real path, for another part of
    the same run that reads them too: a project's configuration is looked for in the
    ``pyproject.toml`` its manifest reader has just read.

    A file is given back only to a caller whose :func:`os.lstat` of it finds the same file
    unchanged (device, inode, size, modification and change times), so an edit between the
    two reads, or another file put in its place, is read again. What is given back is the
    bytes, nothing made of them: each reader decodes and checks them with its own limits.
    """

    __slots__ = ("_files",)

    def __init__(self) -> None:
        self._files: dict[str, tuple[tuple[int, ...], bytes]] = {}

    def keep(self, real: str, st: os.stat_result, data: bytes) -> None:
        """Keep ``data``, read from the file at the real path ``real`` that ``st`` describes."""
        self._files[real] = (_identity(st), data)

    def get(self, real: str, st: os.stat_result) -> bytes | None:
        """The bytes kept for ``real`` when ``st`` describes the very file they were read from,
        unchanged; ``None`` otherwise."""
        kept = self._files.get(real)
        if kept is None or kept[0] != _identity(st) or len(kept[1]) > MAX_FILE_BYTES:
            return None  # (over read_bytes's limit: read again, and refused as ever)
        return kept[1]


def _identity(st: os.stat_result) -> tuple[int, ...]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _read_regular(fd: int, size: int, known: int = -1) -> bytes:
    """Up to ``size`` bytes of the regular file ``fd``, as a buffered file reads them: until
    ``size`` or the end of the file (a short read is read on from). ``known``: the size the
    open file was found to have (:func:`os.fstat`): a first read that gives all of it ends
    there, without one more read to find the end."""
    data = os.read(fd, size)
    if not data or len(data) == size or len(data) == known:
        return data
    chunks = [data]
    got = len(data)
    while chunks[-1] and got < size:
        chunks.append(os.read(fd, size - got))
        got += len(chunks[-1])
    return b"".join(chunks)


def read_ahead(path: Path, data: bytes | None) -> _ReadAhead:
    """While inside (a context manager), :func:`read_bytes` of this very ``path`` object gives
    ``data`` (the whole file, as :func:`read_head` read it; nothing when ``None``) instead of
    opening it again. A file the reader names itself (an include, even of the same file) is a
    path of its own, opened and read as usual."""
    return _ReadAhead(None if data is None else (path, data))


class _ReadAhead:
    """:func:`read_ahead`: a class, not a generator, as it is entered for every file."""

    __slots__ = ("_ahead", "_token")

    def __init__(self, ahead: tuple[Path, bytes] | None) -> None:
        self._ahead = ahead
        self._token: Token[tuple[Path, bytes] | None] | None = None

    def __enter__(self) -> None:
        if self._ahead is not None:
            self._token = _AHEAD.set(self._ahead)

    def __exit__(self, *exc: object) -> None:
        if self._token is not None:
            _AHEAD.reset(self._token)


_AHEAD: ContextVar[tuple[Path, bytes] | None] = ContextVar("aap_advise_read_ahead", default=None)


def read_bytes(path: Path, display: str, *, lock: bool = False) -> bytes:
    """The file's bytes, or a :class:`ManifestError` naming it.

    The size is checked before reading, and the read stops past the limit
    (:data:`~advisor.model.limits.MAX_FILE_BYTES`, or ``MAX_LOCK_BYTES`` for a ``lock``), so a
    file that grows meanwhile or a device that never ends (``-r /dev/zero``) is refused too; a
    named pipe is refused unread (:func:`open_file`). A file read ahead (:func:`read_ahead`)
    is not read again; it is held to the same limit.
    """
    limit = MAX_LOCK_BYTES if lock else MAX_FILE_BYTES
    ahead = _AHEAD.get()
    if ahead is not None and ahead[0] is path:
        data = ahead[1]
        size = len(data)
    else:
        data = b""
        with open_file(path, display) as fh:
            try:
                size = os.fstat(fh.fileno()).st_size
                if size <= limit:
                    data = fh.read(limit + 1)
            except OSError as exc:
                raise ManifestError(f"cannot read: {exc.strerror}", file=display) from exc
    if size > limit or len(data) > limit:
        shown = f"{size} bytes" if size > limit else f"over {limit} bytes"
        raise _refuse(
            display,
            f"file is {shown}, over the {_size(limit)} limit for "
            + ("lock files" if lock else "dependency files"),
        )
    return data


def _size(limit: int) -> str:
    return f"{limit // 2**20} MiB" if limit % 2**20 == 0 else f"{limit} bytes"


def decode(data: bytes, display: str) -> str:
    """Decode ``data`` as UTF-8 (BOM optional) or BOM-marked UTF-16.

    :raises ManifestError: for binary or undecodable content, naming the line of the bad byte.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ManifestError(f"not valid UTF-16: {exc.reason}", file=display) from exc
        return _without_nul(text, text.find("\x00"), text, "\n", display)
    if b"\x00" in data[:8192]:
        raise ManifestError("binary file (NUL bytes), not a dependency file", file=display)
    # The BOM taken off here, not by the "utf-8-sig" codec: that one is a module imported on
    # first use, and "utf-8" is built in.
    body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
        raise ManifestError(
            f"not valid UTF-8 (byte 0x{body[exc.start]:02x})", file=display, line=line
        ) from exc
    return _without_nul(text, data.find(b"\x00", 8192), data, b"\n", display)


def _without_nul(text: str, at: int, where: Any, newline: Any, display: str) -> str:
    """``text``, unless a NUL character lies at ``at`` of ``where`` (the text, or its bytes):
    no dependency file format has one, and a path holding one makes the operating system's
    calls raise (a NUL past the first 8 KiB, or in UTF-16 text, is not caught above).

    :raises ManifestError: naming the line of the NUL.
    """
    if at < 0:
        return text
    raise ManifestError(
        "holds a NUL character, which no dependency file has",
        file=display,
        line=where.count(newline, 0, at) + 1,
        code="binary-file",
    )


def read_text(path: Path, display: str, *, lock: bool = False) -> str:
    """:func:`read_bytes` then :func:`decode`."""
    return decode(read_bytes(path, display, lock=lock), display)


_TOML_AT = LazyPattern(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END = LazyPattern(r"\s*\(at end of document\)\s*$")


# The per-file lists of a lock: uv's ``wheels = [...]``, Poetry's and PDM's ``files = [...]``
# (one inline table per line, as the tools write them), and Poetry 1.1's ``[metadata.files]``
# arrays of ``{file = ..., hash = ...}``; and uv's one-line ``sdist = { url = ..., hash = ... }``.
# They are nine tenths of a lock's bytes, and no reader here looks at them.
_FILE_LISTS = LazyPattern(r"^(wheels|files) = \[\n(?:[ \t]+\{[^\n]*\},?\n)*\]$", re.MULTILINE)
_SDIST = LazyPattern(r"^sdist = \{[^\n]*\}$", re.MULTILINE)
_METADATA_FILES = LazyPattern(r"^\[metadata\.files\]\n", re.MULTILINE)
_NAMED_FILE_LISTS = LazyPattern(
    r"^([A-Za-z0-9_.-]+) = \[\n(?:[ \t]+\{ ?file = [^\n]*\},?\n)+\]$", re.MULTILINE
)
_TABLE_HEADER = LazyPattern(r"^\[", re.MULTILINE)
#: uv's ``resolution-markers``, one plain string a line as uv writes them (no escapes, no control
#: characters: each string is exactly the text between its quotes). A large lock repeats a score
#: of lists in thousands of packages; tomllib reads a string one character at a time in Python.
_MARKER_KEY = "resolution-markers"
_MARKER_LISTS = LazyPattern(
    r'^resolution-markers = \[\n((?:    "[^"\\\x00-\x08\x0a-\x1f\x7f]*",\n)*)\]$', re.MULTILINE
)
_MARKER_ITEM = LazyPattern(r'    "([^"]*)",\n')


def _emptied(m: re.Match[str]) -> str:
    return f"{m.group(1)} = []" + "\n" * m.group(0).count("\n")


def _without_file_lists(text: str) -> str:
    text = _FILE_LISTS.sub(_emptied, text)
    text = _SDIST.sub("sdist = {}", text)
    if "[metadata.files]" in text and (section := _METADATA_FILES.search(text)) is not None:
        end = _TABLE_HEADER.search(text, section.end())
        stop = end.start() if end else len(text)
        body = _NAMED_FILE_LISTS.sub(_emptied, text[section.end() : stop])
        text = text[: section.end()] + body + text[stop:]
    return text


def _numbered_marker_lists(text: str) -> tuple[str, list[list[str]], int]:
    """``text`` with each ``resolution-markers`` list written as the number of its distinct
    list (``resolution-markers = 3`` and as many empty lines), those lists in order, and how
    many were numbered; the text unchanged (none numbered) unless every mention of the key is
    such a list, so that a number found under the key after parsing can only be one of them."""
    mentions = text.count(_MARKER_KEY)
    if not mentions:
        return text, [], 0
    lists: dict[str, int] = {}

    def number(m: re.Match[str]) -> str:
        index = lists.setdefault(m.group(1), len(lists))
        return f"{_MARKER_KEY} = {index}" + "\n" * m.group(0).count("\n")

    numbered, found = _MARKER_LISTS.subn(number, text)
    if found != mentions:
        return text, [], 0
    return numbered, [_MARKER_ITEM.findall(body) for body in lists], found


def _restore_marker_lists(data: dict[str, Any], lists: list[list[str]], count: int) -> None:
    """Put the ``count`` numbered ``resolution-markers`` lists back (each a list of its own, as
    tomllib gives): in the top table and the packages, where uv writes them, else wherever
    they are. The key starts a line, so it is a key of a table (perhaps one in an array of
    tables), never of an inline table or array value."""
    packages = data.get("package")
    tables = [data, *(packages if isinstance(packages, list) else ())]
    for table in tables:
        if isinstance(table, dict) and type(value := table.get(_MARKER_KEY)) is int:
            table[_MARKER_KEY] = list(lists[value])
            count -= 1
    stack = [data] if count else []
    while stack:
        table = stack.pop()
        for key, value in table.items():
            if isinstance(value, dict):
                stack.append(value)
            elif isinstance(value, list):
                stack += (v for v in value if isinstance(v, dict))
            elif key == _MARKER_KEY and type(value) is int:
                table[key] = list(lists[value])


def parse_lock_toml(text: str, display: str) -> dict[str, Any]:
    """:func:`parse_toml` for ``uv.lock``, ``poetry.lock`` and ``pdm.lock``, with the per-file
    lists (and uv's ``sdist`` tables) read as empty: the same tables, at a fifth of the cost on
    a large lock. uv's ``resolution-markers`` lists are parsed as text once per distinct list
    (the strings of each are plain, so its items are its lines), not once per package.

    A line can only be taken for such a list's first line when no multi-line string could hold
    it, so a lock with any (triple quotes of either kind) is parsed whole; so is one the
    shortened text does not parse, which gives :func:`parse_toml`'s error for the file as
    written. Line numbers are kept (each list becomes ``key = []`` and as many empty lines).
    A mistake inside a list removed this way (a bad escape in a wheel's URL, say) goes unseen:
    the lock's tool would refuse such a file, and nothing read here comes from those lines.

    A lock over :data:`~advisor.model.limits.MAX_FILE_BYTES` (up to ``MAX_LOCK_BYTES``) is
    never parsed whole: one with multi-line strings is refused, one whose shortened text does
    not parse gets that text's error, and what is parsed is held to ``MAX_FILE_BYTES`` and to
    one node per :data:`LOCK_CHARS_PER_NODE` characters of the file.
    """
    limit = min(len(text) // LOCK_CHARS_PER_NODE, MAX_LOCK_NODES)
    large = len(text) > MAX_FILE_BYTES
    if '"""' not in text and "'''" not in text:
        slim, marker_lists, numbered = _numbered_marker_lists(_without_file_lists(text))
        if len(slim) > MAX_FILE_BYTES:
            raise _refuse(
                display,
                f"{len(slim)} characters left to parse once the per-file lists are set aside, "
                f"over the {_size(MAX_FILE_BYTES)} limit for dependency files",
            )
        _check_nodes(slim, display, _TOML_SIGNS, limit)
        import tomllib  # here: a run that reads no TOML never imports it

        try:
            data = tomllib.loads(slim)
        except (tomllib.TOMLDecodeError, RecursionError) as exc:
            if large:  # too large to parse whole: the error as the shortened text gives it
                raise _toml_error(exc, slim, display) from None
        else:
            if numbered:
                _restore_marker_lists(data, marker_lists, numbered)
            return data
    elif large:
        raise _refuse(
            display,
            f"file is {len(text)} characters and holds multi-line strings: a lock over "
            f"{_size(MAX_FILE_BYTES)} is read only without its per-file lists, which such a "
            "string could hide",
        )
    return parse_toml(text, display, limit=limit)


#: What :func:`_check_nodes` counts in TOML (and dots, outside strings).
_TOML_SIGNS = "[{="


def parse_toml(text: str, display: str, *, limit: int = 0) -> dict[str, Any]:
    """Parse ``text`` with :mod:`tomllib` (never tomlkit: several times slower for reading).

    :param limit: the nodes ``text`` may hold, when more than :data:`MAX_NODES` (a lock's).
    :raises ManifestError: ``file:line: invalid TOML: ...`` with the line tomllib reports,
        quoted.
    """
    _check_nodes(text, display, _TOML_SIGNS, limit)
    import tomllib  # here: a run that reads no TOML never imports it

    try:
        return tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise _toml_error(exc, text, display) from None


def _toml_error(exc: Exception, text: str, display: str) -> ManifestError:
    """tomllib's error on ``text`` as one line naming the file and line, the line quoted."""
    if isinstance(exc, RecursionError):
        return ManifestError("invalid TOML: nested too deeply", file=display, code="invalid-toml")
    # Python 3.11 gives the position only inside the message: "... (at line 3, column 7)".
    message = str(exc)
    line: int | None = None
    if m := _TOML_AT.search(message):
        line, column = int(m.group(1)), int(m.group(2))
        message = message[: m.start()] + _position(text, line, column)
    elif m := _TOML_END.search(message):
        line = text.count("\n") + 1
        message = message[: m.start()] + " (at end of file)"
    return ManifestError(
        f"invalid TOML: {_lower_first(message)}", file=display, line=line, code="invalid-toml"
    )


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
