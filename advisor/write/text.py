"""Text, byte for byte: a file decoded so that the edited text encodes back the same way (BOM,
encoding), and lines split the way pip reads them, each with its own ending."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from advisor.errors import WriteRefused

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = ["Line", "TextFile", "first_eol", "join_lines", "spliced", "split_lines"]

#: A line's content and its ending (``"\r\n"``, ``"\n"``, ``"\r"``, or ``""`` at the end).
Line = tuple[str, str]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True, slots=True)
class TextFile:
    """A file's text and how to turn edited text back into bytes the same way (BOM, encoding)."""

    text: str
    encoding: str
    bom: bytes

    @classmethod
    def decode(cls, data: bytes, display: str) -> TextFile:
        """Decode UTF-8 (BOM optional) or BOM-marked UTF-16, as the readers do.

        :raises WriteRefused: when the bytes do not decode, or would not encode back identically.
        """
        bom, encoding = next(((b, e) for b, e in _BOMS if data.startswith(b)), (b"", "utf-8"))
        try:
            text = data[len(bom) :].decode(encoding)
        except UnicodeDecodeError as exc:
            raise WriteRefused(f"not valid {encoding}: {exc.reason}", file=display) from exc
        decoded = cls(text, encoding, bom)
        if decoded.encode(text) != data:
            raise WriteRefused("the file would not be written back byte for byte", file=display)
        return decoded

    def encode(self, text: str) -> bytes:
        """``text`` in this file's encoding, with its BOM."""
        return self.bom + text.encode(self.encoding)


def split_lines(text: str) -> list[Line]:
    """``(content, line ending)`` pairs; endings: ``\\r\\n``, ``\\n``, ``\\r``, ``""`` at the end.

    Unlike :meth:`str.splitlines`, form feeds and Unicode separators stay inside lines, as pip
    reads them.
    """
    out: list[Line] = []
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "\r\n":
            end = i + 2 if text.startswith("\r\n", i) else i + 1
            out.append((text[start:i], text[i:end]))
            start = i = end
            continue
        i += 1
    if start < len(text):
        out.append((text[start:], ""))
    return out


def join_lines(lines: Iterable[Line]) -> str:
    """The text of ``lines``: each one's content and its ending (:func:`split_lines` undone)."""
    return "".join(content + eol for content, eol in lines)


def first_eol(lines: Iterable[Line]) -> str:
    """The file's first line ending, for lines it gains (``\\n`` when it has none)."""
    return next((eol for _, eol in lines if eol), "\n")


def spliced(
    lines: Sequence[Line], replacements: Mapping[int, tuple[int, Sequence[Line]]]
) -> list[Line]:
    """``lines`` with, at each index ``i`` in ``replacements``, its ``count`` lines from ``i`` on
    replaced by the new ones (``{i: (count, new lines)}``)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if i in replacements:
            count, new = replacements[i]
            out += new
            i += count
        else:
            out.append(lines[i])
            i += 1
    return out
