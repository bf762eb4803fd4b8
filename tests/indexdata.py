"""Recorded index data with made-up projects beside it, for the co-upgrade rules (issue 16)
and the packages ``kb refresh`` records as constraining ddtrace (:data:`DATADOG_LAMBDA`).

:func:`index_with` copies a recorded index (``tests/data/resolver-index`` or ``index``) into a
folder and adds projects described in the test: each release a wheel entry on its PEP 691 page
whose metadata (``Requires-Dist``, ``Requires-Python``) is served as a PEP 658 ``.metadata``
file, its hash on the page as the index would declare it. The wheel itself is never read.
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

#: A made-up datadog-lambda for ``kb refresh`` (issue 16 rule 9): versions no real release has,
#: so nothing the shipped ``constrainers.json`` knows can stand in for what a refresh records.
#: 90.0.0 pins ddtrace as old metadata wrote it, 90.1.0 as 8.130.0 does (a limit per CPython,
#: ``!=4.6.*`` from 3.10), 90.1.1 names no ddtrace, 90.2.0 is there for a test to make its
#: metadata unreadable, and 90.3.0rc1 is a pre-release.
DATADOG_LAMBDA: Projects = {
    "datadog-lambda": {
        "90.0.0": ["datadog>=0.41", "ddtrace (==3.16.0)"],
        "90.1.0 py>=3.8": [
            "datadog<1,>=0.51",
            'ddtrace<4,>=3.19.1; python_version < "3.10"',
            'ddtrace!=4.6.*,<5,>=4.1.1; python_version >= "3.10"',
            "wrapt>=1.11",
        ],
        "90.1.1": ["datadog>=0.51"],
        "90.2.0": ["datadog>=0.51", "ddtrace<5,>=4.1.1"],
        "90.3.0rc1": ["ddtrace>=4.16.0rc1"],
    }
}


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
