"""The declared Python range, from whichever field a format keeps it in."""

from __future__ import annotations

import re

from advisor.manifests._lazy import LazyPattern
from advisor.manifests._pep508 import Collector, valid_spec
from advisor.model.excerpt import excerpt
from advisor.model.project import PythonDeclaration, SourceLocation

#: Characters of a Python range read; longer ones are ignored with a warning.
MAX_RANGE_CHARS = 1_000

# "3.12", "3.12.4", "3.13t", "cpython-3.12.1-macos-aarch64-none" (uv), "pypy3.9" (pyenv).
_VERSION = LazyPattern(
    r"^(?:cpython-|python|py|cp)?(\d+)\.(\d+)(?:\.(\d+))?(?:[a-z+-].*)?$", re.IGNORECASE
)


def declare(
    spec: object, source: str, out: Collector, loc: SourceLocation, *, weak: bool = False
) -> PythonDeclaration | None:
    """A :class:`PythonDeclaration` for ``spec``; an invalid one is a warning, not an error
    (uv does the same with a bad ``requires-python``)."""
    if not isinstance(spec, str):
        out.finding(
            "invalid-requires-python",
            "warning",
            f"{source} is not a string; the Python range is ignored",
            loc,
        )
        return None
    text = spec.strip()
    if text in ("", "*"):
        return None
    if len(text) > MAX_RANGE_CHARS:
        # Every CPython minor is matched against the range many times over: a megabyte of
        # clauses would take minutes, and no real range is more than a few dozen characters.
        out.finding(
            "invalid-requires-python",
            "warning",
            f"{source} {excerpt(text, 40)!r} is {len(text)} characters, longer than the "
            f"{MAX_RANGE_CHARS} aap-advise reads; it is ignored",
            loc,
        )
        return None
    norm = valid_spec(text)
    if norm is None:
        out.finding(
            "invalid-requires-python",
            "warning",
            f"{source} {excerpt(text)!r} is not a version specifier; it is ignored",
            loc,
        )
        return None
    return PythonDeclaration(norm, source, weak)


def version_spec(text: str) -> str | None:
    """``3.12`` -> ``==3.12.*``; ``3.12.4`` -> ``==3.12.4``; ``pypy3.9``/``cpython-3.12.1``/
    ``3.13t`` are read the same way; anything else (``system``) -> ``None``."""
    m = _VERSION.match(text.strip().removeprefix("pypy"))
    if not m:
        return None
    major, minor, micro = m.groups()
    return f"=={major}.{minor}.{micro}" if micro is not None else f"=={major}.{minor}.*"
