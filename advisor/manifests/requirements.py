"""requirements files (``*.txt``, ``*.in``, pip-compile and ``uv export`` output).

Parsing is done by ``pip-requirements-parser`` (the parser pip-audit relies on); this module
turns its result into :class:`~advisor.model.project.Dependency` values with file and line.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pip_requirements_parser as prp
from packaging.utils import canonicalize_name

from advisor.errors import ManifestError
from advisor.manifests._text import read_text
from advisor.model.project import Dependency, Finding, Manifest, SourceLocation


class RequirementsReader:
    """pip requirements syntax."""

    kind = "requirements"

    def matches(self, path: Path, head: bytes) -> bool:
        """``*.txt`` / ``*.in`` files, and ``requirements*`` of any suffix."""
        name = path.name.lower()
        return name.endswith((".txt", ".in")) or name.startswith("requirements")

    def read(self, path: Path, display: str) -> Manifest:
        """Read one requirements file (includes are not followed yet)."""
        text = read_text(path, display)
        parsed = _parse(text, display)
        deps: list[Dependency] = []
        findings: list[Finding] = []
        for invalid in parsed.invalid_lines:
            raise ManifestError(
                f"invalid requirement: {invalid.line.strip()!r}",
                file=display,
                line=invalid.line_number,
            )
        for req in parsed.requirements:
            loc = SourceLocation(display, req.line_number)
            if req.name is None:
                findings.append(
                    Finding("unnamed-requirement", "info", f"cannot tell the package of {req.line!r}", loc)
                )
                continue
            spec = str(req.specifier) if req.specifier else ""
            deps.append(
                Dependency(
                    name=canonicalize_name(req.name),
                    display_name=req.name,
                    specifier=spec,
                    version=_pinned(spec),
                    source=loc,
                    marker=str(req.marker) if req.marker else None,
                    extras=tuple(sorted(req.extras)),
                    role="constraint" if req.is_constraint else "declared",
                    url=req.link.url if req.link else None,
                    editable=req.is_editable,
                )
            )
        return Manifest(display, self.kind, tuple(deps), findings=tuple(findings))


def _pinned(spec: str) -> str | None:
    """The version of a single ``==X`` / ``===X`` specifier without wildcard."""
    if "," in spec:
        return None
    for op in ("===", "=="):
        if spec.startswith(op) and "*" not in spec:
            return spec[len(op) :].strip()
    return None


def _parse(text: str, display: str) -> prp.RequirementsFile:
    # pip-requirements-parser reads from a path; hand it the decoded text so BOMs and
    # UTF-16 are handled once, here.
    fd, tmp = tempfile.mkstemp(suffix=".txt")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        return prp.RequirementsFile.from_file(tmp, include_nested=False)
    except Exception as exc:  # the parser raises bare Exceptions on some inputs
        raise ManifestError(f"cannot parse requirements: {exc}", file=display) from exc
    finally:
        os.unlink(tmp)
