"""Recorded index data with made-up projects beside it, for the co-upgrade rules (issue 16).

:func:`index_with` copies a recorded index (``tests/data/resolver-index``) into a folder and
adds projects described in the test: each release a wheel entry on its PEP 691 page whose
metadata (``Requires-Dist``, ``Requires-Python``) is served as a PEP 658 ``.metadata`` file,
its hash on the page as the index would declare it. The wheel itself is never read.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path

#: name -> version -> Requires-Dist lines (a version given as ``"1.0 py>=3.10"`` also
#: declares its Requires-Python).
Projects = Mapping[str, Mapping[str, Sequence[str]]]


def index_with(base: Path, into: Path, projects: Projects) -> Path:
    """``base`` copied into ``into`` with ``projects`` added; returns ``into``."""
    shutil.copytree(base, into)
    for name, releases in projects.items():
        files = []
        for spec, requires in releases.items():
            version, _, python = spec.partition(" py")
            wheel = f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
            lines = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
            if python:
                lines.append(f"Requires-Python: {python}")
            lines += [f"Requires-Dist: {r}" for r in requires]
            metadata = ("\n".join(lines) + "\n").encode()
            (into / "files" / f"{wheel}.metadata").write_bytes(metadata)
            digest = hashlib.sha256(metadata).hexdigest()
            files.append(
                {
                    "filename": wheel,
                    "url": f"../../files/{wheel}",
                    "hashes": {"sha256": "0" * 64},
                    "requires-python": python or None,
                    "core-metadata": {"sha256": digest},
                    "yanked": False,
                }
            )
        page = {
            "meta": {"api-version": "1.1"},
            "name": name,
            "files": files,
            "versions": [spec.partition(" py")[0] for spec in releases],
        }
        (into / "simple" / name).mkdir(parents=True, exist_ok=True)
        (into / "simple" / name / "index.json").write_text(json.dumps(page))
    return into
