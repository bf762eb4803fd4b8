"""Line numbers for values read from TOML and JSON, found cheaply in the raw text.

tomllib gives no positions, so readers locate an entry afterwards: the table header, then the
key, then the quoted string. A miss costs nothing but the line (the key path still names it).
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([^\[\]\n]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$", re.MULTILINE)


def _dotted(header: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in header.split("."))


class TomlLines:
    """Finds the line of a table, key or string in one TOML text (1-based lines)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _newlines(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.text)]

    @cached_property
    def _headers(self) -> list[tuple[str, int, int]]:
        """(dotted name, start of header, end of header line) for every table header."""
        return [(_dotted(m.group(1)), m.start(), m.end()) for m in _HEADER.finditer(self.text)]

    def line_at(self, pos: int) -> int:
        """The 1-based line holding offset ``pos``."""
        return bisect.bisect_left(self._newlines, pos) + 1

    def region(self, table: str) -> tuple[int, int]:
        """Offsets of the body of ``[table]`` (to the next header); the whole text when absent
        or when the table is written inline (``table = {...}`` inside its parent)."""
        headers = self._headers
        for i, (name, _start, end) in enumerate(headers):
            if name == table:
                stop = headers[i + 1][1] if i + 1 < len(headers) else len(self.text)
                return end, stop
        return 0, len(self.text)

    def key(self, table: str, key: str) -> int | None:
        """The line of ``key = ...`` directly in ``[table]``."""
        pos = self._key_pos(table, key)
        return None if pos is None else self.line_at(pos)

    def _key_pos(self, table: str, key: str) -> int | None:
        start, stop = self.region(table)
        pattern = re.compile(rf"^[ \t]*([\"']?){re.escape(key)}\1[ \t]*=", re.MULTILINE)
        m = pattern.search(self.text, start, stop)
        return m.start() if m else None

    def string(self, table: str, key: str | None, value: str, nth: int = 0) -> int | None:
        """The line of the quoted string ``value`` inside ``key`` of ``[table]`` (its ``nth``
        occurrence there); falls back to the first occurrence anywhere."""
        start, stop = self.region(table)
        if key is not None:
            pos = self._key_pos(table, key)
            if pos is not None:
                start = pos
        for quote in ('"', "'"):
            needle = f"{quote}{value}{quote}"
            at = start
            for _ in range(nth + 1):
                at = self.text.find(needle, at, stop)
                if at < 0:
                    break
                found, at = at, at + len(needle)
            else:
                return self.line_at(found)
        for quote in ('"', "'"):
            at = self.text.find(f"{quote}{value}{quote}")
            if at >= 0:
                return self.line_at(at)
        return None

    def nth_brace(self, table: str, key: str, nth: int) -> int | None:
        """The line of the ``nth`` inline table in the array ``key = [ {...}, {...} ]``."""
        pos = self._key_pos(table, key)
        if pos is None:
            return None
        at = self.text.find("[", pos)
        for _ in range(nth + 1):
            at = self.text.find("{", at + 1)
            if at < 0:
                return None
        return self.line_at(at)


def array_table_lines(text: str, header: str, first_key: str = "name") -> list[tuple[int, int]]:
    """The line and the offset of its start for each ``[[header]]`` entry: the line of its
    ``name =`` key when that comes first, else of the header.

    One linear pass with :meth:`str.find` and :meth:`str.count`: a 2 MB ``uv.lock`` costs a few
    milliseconds, far less than parsing it.
    """
    needle = f"[[{header}]]"
    lines: list[tuple[int, int]] = []
    line, prev, at = 1, 0, 0
    while True:
        at = text.find(needle, at)
        if at < 0:
            return lines
        if at == 0 or text[at - 1] == "\n":
            line += text.count("\n", prev, at)
            prev = at
            nxt = text.find("\n", at)
            if nxt >= 0 and text.startswith(first_key, nxt + 1):
                lines.append((line + 1, nxt + 1))
            else:
                lines.append((line, at))
        at += len(needle)


def json_key_line(text: str, section: str, key: str) -> int | None:
    """The line of ``"key":`` inside the top-level JSON object ``"section"`` (Pipfile.lock)."""
    start = text.find(f'"{section}"')
    if start < 0:
        return None
    at = text.find(f'"{key}"', start)
    if at < 0:
        return None
    return text.count("\n", 0, at) + 1


def line_after(text: str, start: int, start_line: int, needle: str, stop: int = -1) -> int | None:
    """The line of the first ``needle`` after offset ``start`` (which is on ``start_line``)."""
    at = text.find(needle, start, len(text) if stop < 0 else stop)
    return None if at < 0 else start_line + text.count("\n", start, at)
