"""Line numbers for values read from TOML and JSON, found cheaply in the raw text.

tomllib gives no positions, so readers locate an entry afterwards: the table header, then the
key, then the quoted string. A miss costs nothing but the line (the key path still names it).

Every lookup is cheap however many there are: the text is scanned for headers once, for the
keys of a table once, and for the strings of one key from where the previous one was found
(entries are looked up in the order they are written), so a PEP 621 array of 100,000 strings
or a table of 20,000 keys costs one pass, not one pass per entry. A string that is not in the
text as written (an escape, a multi-line string) is searched for to the end of its table; the
searches of one text together scan at most 32 times its length, after which a missing string
is given no line rather than searched for again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cached_property
from json.decoder import scanstring  # type: ignore[attr-defined]  # C helper, not in typeshed

# Possessive quantifiers: a line that is not a header fails at once, whatever its length.
_HEADER = re.compile(r"^[ \t]*+\[\[?+[ \t]*+([^\[\]\n]++)\]\]?+[ \t]*+(?:#.*)?$", re.MULTILINE)
#: :data:`_HEADER` after a line break (the one it starts at): a pattern that starts with a
#: character is searched for by that character, not tried at every offset of the text.
_HEADER_AFTER = re.compile(r"\n" + _HEADER.pattern[1:], re.MULTILINE)
# The start of a ``key = ...`` line, the key bare or quoted.
_KEY = re.compile(
    r"""^[ \t]*+(?:"([^"\n]*+)"|'([^'\n]*+)'|([^ \t\n="'#\[{][^=\n]*+))[ \t]*+=""",
    re.MULTILINE,
)
#: Characters per block of the line index: a line number costs one count over at most this.
_BLOCK = 4096
#: How many times its length the string searches of one text may scan in all.
_SEARCH_BUDGET = 32


def _dotted(header: str) -> str:
    if _PLAIN_HEADER.fullmatch(header):
        return header  # nothing to strip (as written by every tool)
    return ".".join(part.strip().strip("\"'") for part in header.split("."))


_PLAIN_HEADER = re.compile(r"[A-Za-z0-9_-]++(?:\.[A-Za-z0-9_-]++)*+")


def _headers(text: str) -> Iterator[re.Match[str]]:
    """``_HEADER.finditer(text)``: the first line tried alone, the others found by their line
    break."""
    first = _HEADER.match(text)
    if first is not None:
        yield first
    yield from _HEADER_AFTER.finditer(text)


class _Keys:
    """The keys of one table (``key =`` lines between two offsets), found as far as asked."""

    def __init__(self, text: str, start: int, stop: int) -> None:
        self._matches: Iterator[re.Match[str]] | None = _KEY.finditer(text, start, stop)
        self.found: dict[str, int] = {}

    def find(self, key: str) -> int | None:
        if key in self.found or self._matches is None:
            return self.found.get(key)
        for m in self._matches:
            bare = m.group(3)
            name = m.group(1) if m.group(1) is not None else m.group(2)
            name = name if name is not None else bare.rstrip(" \t")
            self.found.setdefault(name, m.start())
            if name == key:
                return m.start()
        self._matches = None
        return None


class TomlLines:
    """Finds the line of a table, key or string in one TOML text (1-based lines)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._keys: dict[tuple[int, int], _Keys] = {}
        self._cursors: dict[tuple[int, int], int] = {}
        #: Where :meth:`string` looks for the strings of each (table, key).
        self._bounds: dict[tuple[str, str | None], tuple[int, int]] = {}
        self._braces: dict[int, list[int]] = {}
        self._budget = _SEARCH_BUDGET * len(text) + (1 << 20)

    @cached_property
    def _blocks(self) -> list[int]:
        """The number of line breaks before each block of :data:`_BLOCK` characters."""
        text, counts = self.text, [0]
        for start in range(0, len(text), _BLOCK):
            counts.append(counts[-1] + text.count("\n", start, start + _BLOCK))
        return counts

    @cached_property
    def _regions(self) -> dict[str, tuple[int, int]]:
        """Dotted table name -> the body of its first header (to the next header)."""
        headers = [
            (_dotted(m.group(1)), m.start() + (m.re is _HEADER_AFTER), m.end())
            for m in _headers(self.text)
        ]
        regions: dict[str, tuple[int, int]] = {}
        for i, (name, _start, end) in enumerate(headers):
            stop = headers[i + 1][1] if i + 1 < len(headers) else len(self.text)
            regions.setdefault(name, (end, stop))
        return regions

    def line_at(self, pos: int) -> int:
        """The 1-based line holding offset ``pos``."""
        block = pos // _BLOCK
        return self._blocks[block] + self.text.count("\n", block * _BLOCK, pos) + 1

    def region(self, table: str) -> tuple[int, int]:
        """Offsets of the body of ``[table]`` (to the next header); the whole text when absent
        or when the table is written inline (``table = {...}`` inside its parent)."""
        return self._regions.get(table, (0, len(self.text)))

    def key(self, table: str, key: str) -> int | None:
        """The line of ``key = ...`` directly in ``[table]``."""
        pos = self._key_pos(table, key)
        return None if pos is None else self.line_at(pos)

    def _key_pos(self, table: str, key: str, region: tuple[int, int] | None = None) -> int | None:
        """Where ``key = ...`` starts in ``[table]`` (``region``: that table's, when known)."""
        region = region or self.region(table)
        keys = self._keys.get(region)
        if keys is None:
            keys = self._keys[region] = _Keys(self.text, *region)
        return keys.find(key)

    def _find(self, needle: str, start: int, stop: int) -> int:
        """``text.find(needle, start, stop)`` charged to the search budget; -1 once spent."""
        if self._budget <= 0 or start >= stop:
            return -1
        at = self.text.find(needle, start, stop)
        self._budget -= (at + len(needle) if at >= 0 else stop) - start
        return at

    def string(self, table: str, key: str | None, value: str, nth: int = 0) -> int | None:
        """The line of the quoted string ``value`` inside ``key`` of ``[table]`` (its ``nth``
        occurrence from where the previous string of that key was found, else from the key);
        falls back to the first occurrence anywhere."""
        bounds = self._bounds.get((table, key))
        if bounds is None:  # where the strings of this key are looked for, found once
            region = self.region(table)
            pos = None if key is None else self._key_pos(table, key, region)
            bounds = self._bounds[(table, key)] = (region[0] if pos is None else pos, region[1])
        start, stop = bounds
        cursor = self._cursors.get(bounds, start)
        searched = None  # the needle already looked for from the cursor on, and not found
        if not nth:  # the common case first: the next one, double-quoted (as _find would)
            needle = f'"{value}"'
            at = self._find(needle, cursor, stop)
            if at >= 0:
                self._cursors[bounds] = at + len(needle)
                return self.line_at(at)
            searched = needle
        needles: Iterable[str] = (f'"{value}"', f"'{value}'")
        if "\\" in value or '"' in value:  # written escaped, perhaps
            escaped = value.replace("\\", "\\\\").replace('"', '\\"')
            needles = dict.fromkeys((*needles, f'"{escaped}"'))
        for needle in needles:
            at = -1 if needle == searched else self._find(needle, cursor, stop)
            if at < 0 and cursor > start:  # written before the previous one (a repeat)
                at = self._find(needle, start, min(stop, cursor + len(needle) - 1))
            for _ in range(nth):
                if at < 0:
                    break
                at = self._find(needle, at + len(needle), stop)
            if at >= 0:
                self._cursors[(start, stop)] = at + len(needle)
                return self.line_at(at)
        for quote in ('"', "'"):
            at = self._find(f"{quote}{value}{quote}", 0, len(self.text))
            if at >= 0:
                return self.line_at(at)
        return None

    def nth_brace(self, table: str, key: str, nth: int) -> int | None:
        """The line of the ``nth`` inline table in the array ``key = [ {...}, {...} ]``."""
        pos = self._key_pos(table, key)
        if pos is None:
            return None
        braces = self._braces.get(pos)
        if braces is None:
            braces = self._braces[pos] = [self.text.find("[", pos)]
        while len(braces) <= nth + 1 and braces[-1] >= 0:
            braces.append(self.text.find("{", braces[-1] + 1))
        at = braces[nth + 1] if len(braces) > nth + 1 else -1
        return None if at < 0 else self.line_at(at)


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


def json_member_lines(text: str) -> dict[str, dict[str, int]]:
    """For each member of the top-level JSON object whose value is an object (the categories
    of a ``Pipfile.lock``), the line of each of that object's keys (the first, when a key is
    repeated).

    One pass: keys are read with :mod:`json`'s own string scanner and the values under them
    skipped with its decoder, both in C. ``text`` must be JSON that :func:`json.loads` took;
    anything else gives what was found up to it.
    """
    out: dict[str, dict[str, int]] = {}
    decoder = json.JSONDecoder()
    line, last = 1, 0

    def skip(_key: str, _at: int, value: int) -> int:
        return int(decoder.raw_decode(text, value)[1])

    def category(name: str, _at: int, value: int) -> int:
        if text[value] != "{":
            return skip(name, _at, value)
        keys = out.setdefault(name, {})

        def member(key: str, at: int, value: int) -> int:
            nonlocal line, last
            line += text.count("\n", last, at)
            last = at
            keys.setdefault(key, line)
            return skip(key, at, value)

        return _json_object(text, value, member)

    try:
        at = _JSON_SPACE.match(text).end()  # type: ignore[union-attr]
        if text[at : at + 1] == "{":
            _json_object(text, at, category)
    except (ValueError, IndexError):
        pass
    return out


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _json_object(text: str, at: int, member: Callable[[str, int, int], int]) -> int:
    """Walk the JSON object at ``text[at] == "{"``: ``member(key, key_offset, value_offset)``
    for each member returns where its value ends. Returns where the object ends."""
    space = _JSON_SPACE.match
    at = space(text, at + 1).end()  # type: ignore[union-attr]
    if text[at] == "}":
        return at + 1
    while True:
        key, end = scanstring(text, at + 1)
        colon = space(text, end).end()  # type: ignore[union-attr]
        value = space(text, colon + 1).end()  # type: ignore[union-attr]
        at = space(text, member(key, at, value)).end()  # type: ignore[union-attr]
        if text[at] == "}":
            return at + 1
        at = space(text, at + 1).end()  # type: ignore[union-attr]


def line_after(text: str, start: int, start_line: int, needle: str, stop: int = -1) -> int | None:
    """The line of the first ``needle`` after offset ``start`` (which is on ``start_line``)."""
    at = text.find(needle, start, len(text) if stop < 0 else stop)
    return None if at < 0 else start_line + text.count("\n", start, at)
