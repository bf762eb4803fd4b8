"""YAML read safely, with the line of every value: for compose files, Kubernetes manifests,
Helm values, serverless.yml, SAM / CloudFormation templates and CI workflows.

PyYAML's safe loader is used for its event stream only (libyaml's when present): no tag
constructs anything, and the tree is built here without recursion. That bounds what a hostile
file can cost:

- the file is at most :data:`MAX_YAML_BYTES`;
- nesting deeper than :data:`MAX_DEPTH` is refused as soon as it is seen (libyaml's own
  composer recurses in C and crashes the interpreter on deep nesting; its scanner slows
  quadratically with flow depth, so the read stops at the depth limit);
- an alias copies what its anchor holds, and all copies together may hold at most
  :data:`MAX_EXPANSION` values beyond the file's own, a long string weighing one value per
  64 characters (a "billion laughs" file, or a megabyte string aliased a thousand times, is
  refused in milliseconds, not expanded).

Every scalar is kept as its text (:class:`YStr`): ``python-version: 3.10`` stays ``"3.10"``, and
``true`` stays ``"true"`` (what a deployment reads from it). A plain ``null``, ``~`` or empty
value is ``None``. Tags such as CloudFormation's ``!Ref`` / ``!Sub`` are kept on the value
(``tag``), never run. ``<<`` merge keys are applied as YAML 1.1 says.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeAlias

import yaml

from advisor.errors import ManifestError
from advisor.manifests._text import read_text

__all__ = [
    "MAX_DEPTH",
    "MAX_EXPANSION",
    "MAX_YAML_BYTES",
    "YList",
    "YMap",
    "YStr",
    "YValue",
    "check_size",
    "line_of",
    "load_all",
    "maps_of",
    "parse_text",
    "read_yaml",
]

#: YAML deployment files larger than this are refused: several times the largest real
#: Kubernetes bundle or CloudFormation template, a few seconds of reading at most.
MAX_YAML_BYTES = 4 * 1024 * 1024
#: Deepest nesting of mappings and sequences read (real files stay under 30).
MAX_DEPTH = 64
#: Values aliases may add beyond those written in the file.
MAX_EXPANSION = 100_000

try:  # libyaml's parser when the wheel has it: the same events, ten times faster
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - every PyYAML wheel we test ships libyaml
    _Loader = yaml.SafeLoader


class YStr(str):
    """A scalar's text, with its 1-based ``line`` and its ``tag`` when one is written
    (``!Ref``)."""

    line: int
    tag: str | None


class YMap(dict[str, "YValue"]):
    """A mapping, with its ``line``, each key's line (``lines``) and its ``tag``."""

    line: int
    lines: dict[str, int]
    tag: str | None
    size: int


class YList(list["YValue"]):
    """A sequence, with its ``line``, each item's line (``lines``) and its ``tag``."""

    line: int
    lines: list[int]
    tag: str | None
    size: int


YValue: TypeAlias = YStr | YMap | YList | None

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def maps_of(value: YValue) -> list[YMap]:
    """The mappings of a list (a hostile file may put anything anywhere; a non-list has none)."""
    return [item for item in value if isinstance(item, YMap)] if isinstance(value, YList) else []


def line_of(value: object, default: int | None = None) -> int | None:
    """The line a value read here was written on, else ``default``."""
    line = getattr(value, "line", None)
    return line if isinstance(line, int) else default


def _tag(event: Any) -> str | None:
    tag = getattr(event, "tag", None)
    if tag is None or tag in ("!", "?") or tag.startswith("tag:yaml.org,2002:"):
        return None
    return str(tag)


def _scalar(event: Any) -> YStr | None:
    # ``implicit[0]``: written plain (a quoted "null" is the text null).
    if event.implicit[0] and event.value in _NULLS and _tag(event) is None:
        return None
    out = YStr(event.value)
    out.line = event.start_mark.line + 1
    out.tag = _tag(event)
    return out


#: Characters of a scalar that weigh as one value in the alias budget.
_CHARS_PER_VALUE = 64


def _size(value: YValue) -> int:
    """What ``value`` weighs in the alias budget, itself included: one per value, and a long
    scalar one per :data:`_CHARS_PER_VALUE` characters (an alias of a 3 MB string must not
    be read thousands of times). Set on each collection as it closes, so an alias of a shared
    subtree costs one lookup, not a walk."""
    if isinstance(value, YStr):
        return 1 + len(value) // _CHARS_PER_VALUE
    return getattr(value, "size", 1)


class _Builder:
    """Turns one document's events into values, iteratively."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.anchors: dict[str, YValue] = {}
        self.expanded = 0
        #: Open collections: the value, and for a mapping the key waiting for its value.
        self.stack: list[tuple[YMap | YList, list[Any]]] = []
        self.root: YValue = None
        self.done = False

    def _error(self, message: str, line: int | None) -> ManifestError:
        return ManifestError(message, file=self.display, line=line, code="unreadable")

    def _place(self, value: YValue, line: int) -> None:
        if not self.stack:
            self.root, self.done = value, True
            return
        parent, pending = self.stack[-1]
        if isinstance(parent, YList):
            parent.append(value)
            parent.lines.append(line)
            return
        if not pending:
            pending.append((value, line))  # a key; its value comes next
            return
        key, key_line = pending.pop()
        if key == "<<" and getattr(key, "tag", None) is None:
            for source in value if isinstance(value, YList) else [value]:
                if isinstance(source, YMap):
                    for k, v in source.items():
                        if k not in parent:
                            parent[k] = v
                            parent.lines[k] = source.lines.get(k, key_line)
            return
        if isinstance(key, YMap | YList):
            raise self._error("a mapping key that is itself a mapping or list", key_line)
        name = "" if key is None else str(key)
        parent[name] = value
        parent.lines[name] = key_line

    def feed(self, event: Any) -> None:
        line = event.start_mark.line + 1
        if isinstance(event, yaml.ScalarEvent):
            value: YValue = _scalar(event)
            if event.anchor:
                self.anchors[event.anchor] = value
            self._place(value, line)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                raise self._error(f"alias *{str(event.anchor)[:40]} names no anchor", line)
            target = self.anchors[event.anchor]
            if isinstance(target, YMap | YList) and not hasattr(target, "size"):
                # The anchor's collection is still open: the alias would put it inside
                # itself, and every walk of the tree would loop.
                raise self._error(f"alias *{str(event.anchor)[:40]} is inside its anchor", line)
            self.expanded += _size(target)
            if self.expanded > MAX_EXPANSION:
                raise self._error(
                    f"aliases expand past {MAX_EXPANSION} values (an alias bomb?)", line
                )
            self._place(target, line)  # shared, never copied: nothing here changes values
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            if len(self.stack) >= MAX_DEPTH:
                raise self._error(f"nested deeper than {MAX_DEPTH} levels", line)
            made: YMap | YList
            if isinstance(event, yaml.MappingStartEvent):
                made = YMap()
                made.lines = {}
            else:
                made = YList()
                made.lines = []
            made.line, made.tag = line, _tag(event)
            if event.anchor:
                self.anchors[event.anchor] = made
            self.stack.append((made, []))
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            made, _ = self.stack.pop()
            made.size = 1 + sum(map(_size, made.values() if isinstance(made, YMap) else made))
            self._place(made, made.line)


def load_all(text: str, display: str) -> Iterator[YValue]:
    """Each document of ``text``, as :class:`YMap` / :class:`YList` / :class:`YStr` values.

    :raises ManifestError: for text that is not YAML (naming the line), nesting past
        :data:`MAX_DEPTH`, or aliases past :data:`MAX_EXPANSION`.
    """
    builder: _Builder | None = None
    expanded = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                builder = _Builder(display)
                builder.expanded = expanded
            elif isinstance(event, yaml.DocumentEndEvent):
                if builder is not None:
                    expanded = builder.expanded
                    yield builder.root
                builder = None
            elif builder is not None:
                builder.feed(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        raise ManifestError(
            f"not valid YAML: {problem}",
            file=display,
            line=mark.line + 1 if mark is not None else None,
            code="invalid-yaml",
        ) from None
    except yaml.YAMLError as exc:
        raise ManifestError(
            f"not valid YAML: {str(exc)[:120]}", file=display, code="invalid-yaml"
        ) from None


def read_yaml(path: Path, display: str) -> tuple[str, list[YValue]]:
    """The text of a YAML deployment file and its documents (see :func:`load_all`).

    :raises ManifestError: past :data:`MAX_YAML_BYTES`, or as :func:`load_all`.
    """
    text = read_text(path, display)
    return text, parse_text(text, display)


def parse_text(text: str, display: str) -> list[YValue]:
    """The documents of the text of a YAML deployment file (see :func:`read_yaml`)."""
    check_size(text, display)
    return list(load_all(text, display))


def check_size(text: str, display: str) -> None:
    """Refuse a YAML deployment file past :data:`MAX_YAML_BYTES` characters."""
    if len(text) > MAX_YAML_BYTES:
        raise ManifestError(
            f"YAML file of {len(text)} characters, over the "
            f"{MAX_YAML_BYTES // 2**20} MiB limit for deployment files",
            file=display,
            code="file-too-large",
        )
