"""``setup.cfg``: ``[options] install_requires``/``python_requires``, ``[options.extras_require]``.

Read line by line rather than with :mod:`configparser`, so every requirement keeps its line and
inline comments (``flask>=2.2  # TODO``) are dropped the way setuptools drops them.
"""

from __future__ import annotations

import os
import re
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.errors import ManifestError
from advisor.manifests._boundary import current as current_boundary
from advisor.manifests._pep508 import MAX_ENTRIES, Collector
from advisor.manifests._python import declare
from advisor.manifests._text import read_text
from advisor.manifests.requirements import RequirementsReader
from advisor.model.excerpt import excerpt
from advisor.model.project import Manifest

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

_SECTION = re.compile(r"^\[([^\]]+)\]\s*(?:[#;].*)?$")
# Possessive: the key runs to the first "=" or ":" (its trailing spaces are stripped after), so
# a long line of neither fails at once instead of retrying its spaces at every offset.
_KEY = re.compile(r"^([^=:\s][^=:]*+)[=:]\s*+(.*)$")
#: The keys read, by section (``None``: all of them, each an extra).
_KEPT: dict[str, frozenset[str] | None] = {
    "metadata": frozenset({"name"}),
    "options": frozenset({"install_requires", "python_requires"}),
    "options.extras_require": None,
}
# setuptools drops " #" comments from requirement lines (jaraco.text.drop_comment); ";" is a
# marker separator there, not a comment.


def _drop_comment(text: str) -> str:
    """``re.sub(r"\\s+#.*$", "", text)`` in one pass: the text before the first "#" that
    follows whitespace, without that whitespace. (The pattern, searched from every offset,
    retries a run of spaces at each: 200 KB of them took 99 s.)"""
    at = text.find("#")
    while at == 0 or (at > 0 and not text[at - 1].isspace()):
        at = text.find("#", at + 1)
    return text if at < 0 else text[:at].rstrip()


@dataclass
class _Value:
    line: int
    parts: list[tuple[int, str]] = field(default_factory=list)  # (line, text), comments removed


class SetupCfgReader:
    """``setup.cfg``."""

    kind = "setup.cfg"
    is_lock = False

    def read(self, path: Path, display: str) -> Manifest:
        """Read the name, the Python range and every requirement."""
        sections = _parse(read_text(path, display), display)
        out = Collector(display)
        meta = sections.get("metadata", {})
        name = _joined(meta.get("name"))
        out.set_own_name(name)
        options = sections.get("options", {})
        includes: list[str] = []
        values: list[tuple[_Value | None, str | None, str, str | None]] = [
            (options.get("install_requires"), None, "options.install_requires", None)
        ]
        for extra, extra_value in sections.get("options.extras_require", {}).items():
            group, _, condition = extra.partition(":")  # "dev:python_version<'3.8'"
            values.append(
                (
                    extra_value,
                    group.strip(),
                    f"options.extras_require.{extra}",
                    condition.strip() or None,
                )
            )
        read: dict[Path, Manifest] = {}
        for value, value_group, key, marker in values:
            if value is not None:
                includes += _requirements(path, value, out, key, value_group, marker, read)
        python = None
        if (req_python := options.get("python_requires")) is not None:
            key = "options.python_requires"
            python = declare(
                _joined(req_python) or "", f"{display}: {key}", out, out.loc(req_python.line, key)
            )
        return out.manifest(self.kind, python=python, project_name=name, includes=includes)


def _requirements(
    path: Path,
    value: _Value,
    out: Collector,
    key: str,
    group: str | None,
    marker: str | None,
    read: dict[Path, Manifest],
) -> list[str]:
    """Read one requirement list; returns the files a ``file:`` directive named (``read``:
    those already read for this ``setup.cfg``, which are not read again)."""
    first = _joined(value) or ""
    if first.startswith("file:"):
        # setuptools >= 62.6: "install_requires = file: requirements.txt"
        includes: list[str] = []
        boundary = current_boundary(path)
        for name in dict.fromkeys(n.strip() for n in first[5:].split(",") if n.strip()):
            target = path.parent / name
            boundary.check_include(
                target, f"file: {name}", file=out.display, line=value.line, key=key
            )
            if not target.is_file():
                out.finding(
                    "dynamic-file-missing",
                    "warning",
                    f"{key} names {name}, which does not exist",
                    out.loc(value.line, key),
                )
                continue
            manifest = read.get(target.resolve())
            if manifest is None:
                with boundary.active():  # the file's own -r includes stay inside it too
                    manifest = RequirementsReader().read(
                        target, os.path.normpath(os.path.join(os.path.dirname(out.display), name))
                    )
                read[target.resolve()] = manifest
                includes += [manifest.path, *manifest.includes]
                out.findings += manifest.findings
            for dep in manifest.dependencies:
                out.add(dep)
        return includes
    items = value.parts
    if len(items) == 1 and items[0][0] == value.line:
        # A value on the key's own line is split on ";" by setuptools (_parse_list_semicolon).
        items = [(value.line, t.strip()) for t in items[0][1].split(";") if t.strip()]
    for i, (line, text) in enumerate(items):
        full = f"{text}; {marker}" if marker and ";" not in text else text
        out.requirement(full, out.loc(line, f"{key}[{i}]"), group=group)
    return []


def _joined(value: _Value | None) -> str | None:
    if value is None:
        return None
    return " ".join(t for _, t in value.parts).strip() or None


def _parse(text: str, display: str) -> dict[str, dict[str, _Value]]:
    """Sections -> keys -> values with the line of each continuation line.

    Only the keys read are kept (:data:`_KEPT`); every line is still checked to be INI.

    :raises ManifestError: for a line that is not INI, or past :data:`MAX_ENTRIES` extras.
    """
    sections: dict[str, dict[str, _Value]] = {}
    section: dict[str, _Value] | None = None
    keys: frozenset[str] | None = None
    in_section = in_value = False
    current: _Value | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if raw[:1] in (" ", "\t") and in_value:
            if current is not None:
                current.parts.append((number, _drop_comment(stripped)))
            continue
        if m := _SECTION.match(stripped):
            name = m.group(1).strip()
            in_section, in_value, current = True, False, None
            keys = _KEPT.get(name, frozenset())
            section = sections.setdefault(name, {}) if name in _KEPT else None
            continue
        m = _KEY.match(stripped)
        if m is None or not in_section:
            raise ManifestError(
                f"not an INI line: {excerpt(stripped)!r}",
                file=display,
                line=number,
                code="invalid-manifest",
            )
        key, in_value, current = m.group(1).strip(), True, None
        if section is None or (keys is not None and key not in keys):
            continue
        current = _Value(number)
        value = _drop_comment(m.group(2).strip())
        if value:
            current.parts.append((number, value))
        section[key] = current
        if len(section) > MAX_ENTRIES:
            raise ManifestError(
                f"more than {MAX_ENTRIES} keys in [{name}]; not a setup.cfg aap-advise reads",
                file=display,
                line=number,
                code="file-too-large",
            )
    return sections
