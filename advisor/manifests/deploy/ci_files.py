"""Test matrices of ``tox.ini`` and ``noxfile.py``: the CPythons a project is tested on, one
:class:`~advisor.model.deployment.Deployment` (kind ``ci``, a weaker hint than a deployment)
per file.

``tox.ini``: the environments of ``[tox] envlist`` (or ``env_list``), brace expansions
included (``py3{10,11}``, ``py{311,312}-django{42,50}``, ``py3{10-13}``), whose factors name a
CPython (``py312``, ``py3.12``, ``3.12``, ``py313t``); and ``basepython = python3.12`` of a
``[testenv...]`` section. PyPy (``pypy3``, ``pypy310``) is not a CPython and is skipped.

``noxfile.py``: the ``python=`` (or ``py=``) of each ``@nox.session(...)`` / ``@session(...)``
decorator: a string (``"3.12"``), a list or tuple of strings, or a simple name bound at module
level to such a list (``PYTHONS = ["3.11", "3.12"]``: one level, and nothing when it is
anything else). The file is read as text, never imported or run.

The pythons are those minors, in the order read, each once; the deployment's line is the first
one's. Every pattern has bounded repetitions, and brackets are matched within
:data:`MAX_LITERAL` characters, so a hostile file costs time linear in its size.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path

from advisor.errors import ManifestError
from advisor.manifests._text import read_text
from advisor.model.deployment import Deployment
from advisor.model.project import Manifest

__all__ = [
    "MAX_CI_BYTES",
    "MAX_ENTRY",
    "MAX_LITERAL",
    "MAX_SESSIONS",
    "MAX_TOX_ENVS",
    "NOX_READER",
    "TOX_READER",
]

#: tox.ini and noxfile.py files larger than this are refused (real ones are a few KB).
MAX_CI_BYTES = 1024 * 1024
#: Environment names one tox.ini's envlist may expand to (real ones: a few dozen).
MAX_TOX_ENVS = 10_000
#: Characters of an envlist entry whose brace groups are expanded (real ones: a few dozen).
MAX_ENTRY = 1024
#: ``@nox.session(...)`` decorators read in one file (real noxfiles have a few dozen).
MAX_SESSIONS = 1000
#: Characters searched for the bracket closing a decorator's arguments or a list literal.
MAX_LITERAL = 4096

# A tox factor or basepython naming a CPython: py312, py3.12, python3.12, cpython3.12, 3.12,
# py313t (free-threaded).
_TOX_FACTOR = re.compile(r"(?:py|python|cpython)3\.?(\d{1,2})(t?)|3\.(\d{1,2})(t?)")
_INI_KEY = re.compile(r"([A-Za-z0-9_.-]{1,64})[ \t]{0,64}[=:](.*)", re.DOTALL)
_RANGE = re.compile(r"(\d{1,4})-(\d{1,4})")

_NOX_SESSION = re.compile(
    r"^[ \t]{0,64}@[ \t]{0,16}(?:nox[ \t]{0,16}\.[ \t]{0,16})?session[ \t]{0,16}\(", re.MULTILINE
)
_PY_KEYWORD = re.compile(r"\b(?:python|py)[ \t\r\n]{0,64}=(?!=)[ \t\r\n]{0,64}")
_MODULE_ASSIGNMENT = re.compile(
    r"^([A-Za-z_][A-Za-z0-9_]{0,127})[ \t]{0,16}(?::[^=\n]{0,200})?=(?!=)[ \t]{0,16}", re.MULTILINE
)
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,127}(?![A-Za-z0-9_.(\[\"'])")
_STRING = re.compile(r"""(["'])([^"'\\\n]{0,64})\1""")
_COMMENT = re.compile(r"#[^\n]*")
_NOX_VERSION = re.compile(r"3\.(\d{1,2})(t?)(?:\.\d{1,4})?")


def _too_large(text: str, display: str) -> None:
    if len(text) > MAX_CI_BYTES:
        raise ManifestError(
            f"file is {len(text)} characters, over the {MAX_CI_BYTES // 1024} KiB limit for "
            "CI files",
            file=display,
            code="file-too-large",
        )


def _deployment(found: Iterator[tuple[str, int]], display: str) -> tuple[Deployment, ...]:
    """One ``ci`` deployment of the pythons found (each once, in order), at the first one's
    line; none when there are none."""
    pythons: dict[str, int] = {}
    for python, line in found:
        pythons.setdefault(python, line)
    if not pythons:
        return ()
    first = next(iter(pythons.values()))
    return (Deployment(kind="ci", file=display, line=first, pythons=tuple(pythons)),)


# --- tox -------------------------------------------------------------------------------------


class ToxReader:
    """``tox.ini``: the CPythons of its envlist and of its environments' ``basepython``."""

    kind = "tox"
    is_lock = False

    def matches(self, path: Path, head: bytes) -> bool:
        """By name."""
        return path.name == "tox.ini"

    def sniff(self, head: bytes) -> bool:
        """Never by content."""
        return False

    def read(self, path: Path, display: str) -> Manifest:
        """One ``ci`` deployment, or none when no CPython is named."""
        text = read_text(path, display)
        _too_large(text, display)
        return Manifest(
            display, self.kind, deployments=_deployment(_tox_pythons(text, display), display)
        )


def _tox_pythons(text: str, display: str) -> Iterator[tuple[str, int]]:
    """The CPython minors the file names, with their lines, in file order."""
    section = ""
    key = ""
    envs = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        if line[0] in " \t":
            value = stripped  # a continuation of the key above
        elif stripped.startswith("["):
            section, key = stripped[1:].partition("]")[0].strip(), ""
            continue
        elif (m := _INI_KEY.fullmatch(line)) is not None:
            key, value = m.group(1).lower(), m.group(2)
        else:
            key = ""
            continue
        value = _without_comment(value)
        if section == "tox" and key in ("envlist", "env_list"):
            names: list[str] = []
            for entry in _entries(value):
                names.extend(
                    itertools.islice(_expanded(entry), MAX_TOX_ENVS + 1 - envs - len(names))
                )
                if envs + len(names) > MAX_TOX_ENVS:
                    raise ManifestError(
                        f"the envlist expands to more than {MAX_TOX_ENVS} environments",
                        file=display,
                        line=number,
                        code="file-too-large",
                    )
            envs += len(names)
            factors = [factor for env in names for factor in env.split("-")]
        elif section.startswith("testenv") and key == "basepython":
            factors = [value.strip().rsplit("/", 1)[-1]]
        else:
            continue
        for factor in factors:
            if (python := _tox_python(factor)) is not None:
                yield python, number


def _without_comment(value: str) -> str:
    """``value`` up to an inline comment (``#`` after whitespace)."""
    for mark in (" #", "\t#"):
        value = value.partition(mark)[0]
    return value


def _tox_python(factor: str) -> str | None:
    """``py312`` / ``py3.12`` / ``3.12`` -> ``3.12``; ``py313t`` -> ``3.13t``; else ``None``."""
    m = _TOX_FACTOR.fullmatch(factor.strip().lower())
    if m is None:
        return None
    minor, threaded = (
        (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(3), m.group(4))
    )
    return f"3.{int(minor)}{threaded}"


def _entries(value: str) -> Iterator[str]:
    """The comma-separated entries of an envlist line (a comma inside braces is not one)."""
    depth = 0
    start = 0
    for i, char in enumerate(value):
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
        elif char == "," and depth == 0:
            if value[start:i].strip():
                yield value[start:i].strip()
            start = i + 1
    if value[start:].strip():
        yield value[start:].strip()


def _expanded(entry: str) -> Iterator[str]:
    """The environment names of one envlist entry: each ``{a,b}`` (or ``{10-13}``) group
    replaced by each of its alternatives, in every combination. An entry with a substitution
    (``{env:X}``, ``{posargs}``) or unbalanced braces names nothing; one longer than
    :data:`MAX_ENTRY` characters is taken as it is."""
    if len(entry) > MAX_ENTRY:
        yield entry
        return
    segments: list[list[str]] = []
    pos = 0
    while (open_ := entry.find("{", pos)) >= 0:
        close = entry.find("}", open_)
        group = entry[open_ + 1 : close]
        if close < 0 or "}" in entry[pos:open_] or "{" in group or ":" in group:
            return
        segments.append([entry[pos:open_]])
        segments.append(_alternatives(group))
        pos = close + 1
    if "}" in entry[pos:]:
        return
    segments.append([entry[pos:]])
    for combination in itertools.product(*segments):
        yield "".join(combination)


def _alternatives(group: str) -> list[str]:
    """The alternatives of a brace group: ``10,11`` -> ``["10", "11"]``, ``10-13`` -> the
    numbers from 10 to 13 (a range of more than 100 is read as text)."""
    alternatives: list[str] = []
    for part in group.split(","):
        part = part.strip()
        m = _RANGE.fullmatch(part)
        if m is not None and 0 <= int(m.group(2)) - int(m.group(1)) <= 100:
            alternatives.extend(str(n) for n in range(int(m.group(1)), int(m.group(2)) + 1))
        else:
            alternatives.append(part)
    return alternatives


# --- nox -------------------------------------------------------------------------------------


class NoxReader:
    """``noxfile.py``: the CPythons its sessions run on, read from its text."""

    kind = "nox"
    is_lock = False

    def matches(self, path: Path, head: bytes) -> bool:
        """By name."""
        return path.name == "noxfile.py"

    def sniff(self, head: bytes) -> bool:
        """Never by content."""
        return False

    def read(self, path: Path, display: str) -> Manifest:
        """One ``ci`` deployment, or none when no session names a CPython."""
        text = read_text(path, display)
        _too_large(text, display)
        pythons = _nox_pythons(text, display)
        return Manifest(display, self.kind, deployments=_deployment(pythons, display))


def _nox_pythons(text: str, display: str) -> Iterator[tuple[str, int]]:
    """The CPython minors of the sessions' ``python=``, with their lines, in file order."""
    newlines = [m.start() for m in re.finditer("\n", text)]
    assignments = {m.group(1): m.end() for m in _MODULE_ASSIGNMENT.finditer(text)}
    for count, session in enumerate(_NOX_SESSION.finditer(text), start=1):
        if count > MAX_SESSIONS:
            raise ManifestError(
                f"more than {MAX_SESSIONS} nox sessions",
                file=display,
                line=bisect_right(newlines, session.start()) + 1,
                code="file-too-large",
            )
        close = _closing(text, session.end() - 1)
        if close is None:
            continue
        keyword = _PY_KEYWORD.search(text, session.end(), close)
        if keyword is None:
            continue
        at = keyword.end()
        if (name := _NAME.match(text, at)) is not None:
            if name.group() not in assignments:
                continue
            at = assignments[name.group()]
        for version, offset in _strings(text, at):
            if (m := _NOX_VERSION.fullmatch(version)) is not None:
                yield f"3.{int(m.group(1))}{m.group(2)}", bisect_right(newlines, offset) + 1


def _strings(text: str, at: int) -> list[tuple[str, int]]:
    """The string at ``at``, or the strings of the list or tuple literal there (with their
    offsets); nothing when the literal holds anything but strings and comments."""
    if (m := _STRING.match(text, at)) is not None:
        return [(m.group(2), m.start())]
    if at >= len(text) or text[at] not in "[(":
        return []
    close = _closing(text, at)
    if close is None:
        return []
    inner = text[at + 1 : close]
    found = [(m.group(2), at + 1 + m.start()) for m in _STRING.finditer(inner)]
    rest = _COMMENT.sub("", _STRING.sub("", inner))
    return found if not rest.strip(" \t\r\n,") else []


def _closing(text: str, at: int) -> int | None:
    """The offset of the bracket closing the one at ``at``, within :data:`MAX_LITERAL`
    characters (strings skipped), or ``None``."""
    depth = 0
    quote = ""
    for i in range(at, min(len(text), at + MAX_LITERAL)):
        char = text[i]
        if quote:
            if char == quote or char == "\n":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                return i
    return None


TOX_READER = ToxReader()
NOX_READER = NoxReader()
