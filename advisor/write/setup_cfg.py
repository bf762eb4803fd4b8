"""``setup.cfg`` edits, line by line: the requirement lists of ``[options]`` and
``[options.extras_require]``.

configparser would re-write the whole file (comments, case and spacing lost), so lines are
edited in place. Each requirement is one line of a dangling list, as setuptools reads it; a
split answer adds continuation lines with the list's own indentation.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.errors import WriteRefused
from advisor.write.decision import (
    Move,
    Split,
    Targets,
    decide_requirement,
    reached,
    refusals,
)
from advisor.write.plan import FixPlan, Patch
from advisor.write.specifiers import RequirementSpan, combine_markers, find_requirement
from advisor.write.text import Line, TextFile, first_eol, join_lines, spliced, split_lines

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = ["edit"]

_SECTION = re.compile(r"\s*\[(?P<name>[^\]]+)\]\s*")
_KEY = re.compile(r"(?P<key>[^\s=:][^=:]*?)\s*[=:]\s*(?P<value>.*)")
_REQUIREMENT_KEYS = frozenset({"install_requires", "setup_requires", "tests_require"})


@dataclass(frozen=True, slots=True)
class _Decl:
    """One requirement line of a ``setup.cfg`` list, where it is and how it is indented."""

    index: int
    offset: int  # where the requirement starts in the line
    list_key: str
    span: RequirementSpan
    indent: str  # for added continuation lines


def _requirement_lists(lines: list[Line]) -> list[_Decl]:
    """Every requirement line of the requirement-list options."""
    out: list[_Decl] = []
    section = ""
    key: str | None = None
    indent = "    "
    for i, (content, _) in enumerate(lines):
        stripped = content.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if not content[0].isspace():
            if m := _SECTION.fullmatch(content):
                section, key = m["name"].strip().lower(), None
                continue
            m = _KEY.fullmatch(content)
            if m is None:
                key = None
                continue
            name = m["key"].strip().lower()
            wanted = (
                section == "options" and name in _REQUIREMENT_KEYS
            ) or section == "options.extras_require"
            key = f"[{section}] {name}" if wanted else None
            indent = "    "
            if key and m["value"].strip():
                offset = m.start("value")
                if span := find_requirement(content[offset:]):
                    out.append(_Decl(i, offset, key, span, indent))
            continue
        if key is None:
            continue
        offset = len(content) - len(content.lstrip())
        indent = content[:offset]
        if span := find_requirement(content[offset:]):
            out.append(_Decl(i, offset, key, span, indent))
    return out


def edit(path: str, data: bytes, targets: Targets) -> FixPlan:
    """The fix for one ``setup.cfg``: a patch or refusals."""
    tf = TextFile.decode(data, path)
    lines = split_lines(tf.text)
    groups: dict[tuple[str, str], list[_Decl]] = {}
    for d in _requirement_lists(lines):
        if d.span.name in targets.wants:
            groups.setdefault((d.list_key, d.span.name), []).append(d)
    refused: list[WriteRefused] = []
    replacements: dict[int, tuple[int, list[Line]]] = {}
    reasons: list[str] = []
    eol = first_eol(lines)
    for (where, name), decls in groups.items():
        want = targets.wants[name]
        decisions = [
            decide_requirement(want, d.span, lines[d.index][0][d.offset :], targets.pythons)
            for d in decls
        ]
        reaches = [
            reached(d.span.marker_text(lines[d.index][0][d.offset :]), targets.pythons)
            for d in decls
        ]
        if found := refusals(
            path, name, where, decisions, [d.index + 1 for d in decls], reaches=reaches
        ):
            refused += found
            continue
        for d, decision in zip(decls, decisions, strict=True):
            content, line_eol = lines[d.index]
            head, text = content[: d.offset], content[d.offset :]
            if isinstance(decision, Move):
                moved = head + d.span.rewrite(text, decision.spec, None)
                replacements[d.index] = (1, [(moved, line_eol)])
                reasons.append(
                    f"{name} {d.span.specifier(text) or '(any)'} -> {decision.spec} ({where})"
                )
            elif isinstance(decision, Split):
                original = d.span.marker_text(text)
                new = [
                    d.span.rewrite(text, a.spec, combine_markers(original, a.marker))
                    for a in decision.arms
                ]
                # The first arm takes the line's place; the others follow as list lines.
                out = [(head + new[0], line_eol or eol)]
                out += [(d.indent + v, line_eol or eol) for v in new[1:]]
                out[-1] = (out[-1][0], line_eol)
                replacements[d.index] = (1, out)
                reasons.append(
                    f"{name} {d.span.specifier(text) or '(any)'} -> split by CPython ({where})"
                )
    if refused or not replacements:
        return FixPlan(refusals=refused)
    after = tf.encode(join_lines(spliced(lines, replacements)))
    return FixPlan(patches=[Patch(Path(path), data, after, "; ".join(reasons))])
