"""Decoding dependency files: UTF-8 with or without BOM, UTF-16 with BOM; nothing else guessed."""

from __future__ import annotations

import codecs
from pathlib import Path

from advisor.errors import ManifestError

#: Larger files are refused rather than read (a 2 MB uv.lock of 400 packages is well under it).
MAX_FILE_BYTES = 50 * 1024 * 1024


def read_bytes(path: Path, display: str) -> bytes:
    """The file's bytes, or a :class:`ManifestError` naming it."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ManifestError(
                f"file is {size} bytes, over the {MAX_FILE_BYTES} byte limit", file=display
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ManifestError("no such file", file=display, code="file-missing") from None
    except IsADirectoryError:
        raise ManifestError("is a directory", file=display) from None
    except OSError as exc:
        raise ManifestError(f"cannot read: {exc.strerror}", file=display) from exc


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
