"""``.python-version`` (pyenv, uv): the interpreter a developer uses, a weak hint of the range."""

from __future__ import annotations

from pathlib import Path

from advisor.manifests._python import version_spec
from advisor.manifests._text import read_text
from advisor.model.excerpt import excerpt
from advisor.model.project import Finding, Manifest, PythonDeclaration, SourceLocation


class PythonVersionReader:
    """``.python-version``."""

    kind = "python-version"
    is_lock = False

    def read(self, path: Path, display: str) -> Manifest:
        """The first version line: ``3.12`` -> ``==3.12.*``, ``3.12.4`` -> ``==3.12.4``."""
        for number, line in enumerate(read_text(path, display).splitlines(), start=1):
            text = line.split("#", 1)[0].strip()
            if not text:
                continue
            spec = version_spec(text)
            if spec is None:
                finding = Finding(
                    "python-version-unread",
                    "info",
                    f".python-version names {excerpt(text)!r}, not a CPython version",
                    SourceLocation(display, number),
                )
                return Manifest(display, self.kind, findings=(finding,))
            return Manifest(display, self.kind, python=PythonDeclaration(spec, display, weak=True))
        return Manifest(display, self.kind)
