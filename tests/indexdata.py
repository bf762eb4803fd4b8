"""Recorded index data with made-up projects beside it, for the co-upgrade rules (issue 16)
and the packages ``kb refresh`` records as constraining ddtrace (:data:`DATADOG_LAMBDA`).

:func:`index_with` copies a recorded index (``tests/data/resolver-index`` or ``index``) into a
folder and adds projects described in the test: each release a wheel entry on its PEP 691 page
whose metadata (``Requires-Dist``, ``Requires-Python``) is served as a PEP 658 ``.metadata``
file, its hash on the page as the index would declare it. The wheel itself is never read.

:func:`uv_view` rewrites such an index for ``uv pip compile`` (``tests/uvcompile.py``), which
needs a metadata file and a distinct hash for every wheel it may pick: the index with
made-up projects above declares one placeholder hash for all its wheels, under which uv takes
them all for one distribution.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import json
import re
import shutil
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from packaging.utils import (
    InvalidSdistFilename,
    InvalidWheelFilename,
    canonicalize_name,
    parse_sdist_filename,
    parse_wheel_filename,
)
from packaging.version import Version

from advisor.knowledge.releases import load_snapshot
from advisor.model.release import ReleaseSnapshot

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


def uv_view(base: Path, into: Path) -> Path:
    """``base`` (a recorded index, made-up projects included) rewritten for ``uv pip compile
    --no-build`` into ``into``; returns ``into``.

    The same projects, versions, Requires-Python and yanked flags, and the metadata aap-advise
    reads, only served so that uv needs nothing but metadata files: every wheel on a page gets
    its version's metadata as a PEP 658 ``.metadata`` file (the recorded index keeps one
    stand-in wheel per version; ddtrace's metadata is the shipped snapshot's, as aap-advise
    reads it), and each sdist becomes the pure ``py3-none-any`` wheel it would build into
    (aap-advise counts an sdist as installable; uv, building nothing, would not). A version
    whose metadata is nowhere in ``base`` is left out: neither tool can know its requirements.
    """
    into.mkdir(parents=True)
    (into / "files").mkdir()
    for page_path in sorted((base / "simple").glob("*/index.json")):
        page = json.loads(page_path.read_text(encoding="utf-8"))
        by_version: dict[Version, list[dict[str, Any]]] = {}
        for f in page["files"]:
            if (version := _version_of(f["filename"])) is not None:
                by_version.setdefault(version, []).append(f)
        files: list[dict[str, Any]] = []
        kept: list[str] = []
        for version in page["versions"]:
            mine = by_version.get(Version(version), [])
            metadata = _metadata(base, page["name"], version, mine)
            if metadata is None or not mine:
                continue
            digest = hashlib.sha256(metadata).hexdigest()
            wheels = [f for f in mine if f["filename"].endswith(".whl")]
            pure = f"{_wheel_name(page['name'])}-{version}-py3-none-any.whl"
            sdists = [f for f in mine if not f["filename"].endswith(".whl")]
            if sdists and all(f["filename"] != pure for f in wheels):
                wheels.append({**sdists[0], "filename": pure})
            for f in wheels:
                body = stand_in_wheel(f["filename"], metadata)
                (into / "files" / f["filename"]).write_bytes(body)
                (into / "files" / f"{f['filename']}.metadata").write_bytes(metadata)
                files.append(
                    {
                        **f,
                        "url": f"../../files/{f['filename']}",
                        "core-metadata": {"sha256": digest},
                        # Each file its own hash: uv takes two files with one hash for one
                        # distribution, and would read one's metadata for the other.
                        "hashes": {"sha256": hashlib.sha256(body).hexdigest()},
                        "size": len(body),
                    }
                )
            kept.append(version)
        folder = into / "simple" / page_path.parent.name
        folder.mkdir(parents=True)
        doc = {**page, "files": files, "versions": kept}
        (folder / "index.json").write_text(json.dumps(doc), encoding="utf-8")
    return into


def stand_in_wheel(filename: str, metadata: bytes) -> bytes:
    """A valid wheel named ``filename`` holding nothing but its ``.dist-info``: ``metadata``
    as METADATA, a WHEEL file with the filename's tags, and the RECORD of both."""
    name, version, _, tags = parse_wheel_filename(filename)
    info = f"{_wheel_name(name)}-{version}.dist-info"
    wheel = "Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\n" + "".join(
        f"Tag: {tag}\n" for tag in sorted(map(str, tags))
    )
    members = {f"{info}/METADATA": metadata, f"{info}/WHEEL": wheel.encode()}
    record = "".join(
        f"{member},sha256={_urlsafe_digest(content)},{len(content)}\n"
        for member, content in members.items()
    )
    members[f"{info}/RECORD"] = (record + f"{info}/RECORD,,\n").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()


def _urlsafe_digest(content: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(content).digest()).decode().rstrip("=")


def _wheel_name(project: str) -> str:
    return re.sub(r"[-_.]+", "_", project).lower()


def _version_of(filename: str) -> Version | None:
    try:
        if filename.endswith(".whl"):
            return parse_wheel_filename(filename)[1]
        return parse_sdist_filename(filename)[1]
    except (InvalidWheelFilename, InvalidSdistFilename):
        return None


@functools.cache
def _snapshot() -> ReleaseSnapshot:
    """The shipped release snapshot (ddtrace's metadata as aap-advise reads it), read once."""
    return load_snapshot()


def _metadata(base: Path, project: str, version: str, files: list[dict[str, Any]]) -> bytes | None:
    """The core metadata of ``project`` ``version`` as ``base`` holds it, or ``None``."""
    for f in files:
        served = base / "files" / f"{f['filename']}.metadata"
        if served.is_file():
            return served.read_bytes()
    for f in files:
        wheel = base / "files" / f["filename"]
        if f["filename"].endswith(".whl") and wheel.is_file():
            with zipfile.ZipFile(wheel) as archive:
                for member in archive.namelist():
                    if member.endswith(".dist-info/METADATA"):
                        return archive.read(member)
    if canonicalize_name(project) == "ddtrace":
        release = _snapshot().get(version)
        if release is not None and release.requires_dist is not None:
            lines = ["Metadata-Version: 2.1", "Name: ddtrace", f"Version: {version}"]
            if release.requires_python:
                lines.append(f"Requires-Python: {release.requires_python}")
            lines += [f"Requires-Dist: {r}" for r in release.requires_dist]
            return ("\n".join(lines) + "\n").encode()
    return None
