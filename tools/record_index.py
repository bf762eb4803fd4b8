"""Record a small test index from the live one into ``tests/data/index/``.

Writes ``simple/<project>/index.json``: the project's PEP 691 page cut down to a few chosen
versions (every file of each kept, so the wheel tag to platform mapping is exercised), with
each file's URL rewritten to ``../../files/<filename>``, which ``tests/indexserver.py``
serves. For every version the snapshot refresh reads Requires-Dist from, it writes a
stand-in wheel ``files/<original wheel filename>``: a real zip holding the real
``<name>-<version>.dist-info/METADATA`` (read from the live wheel with HTTP Range requests)
and a dummy ``<name>/__init__.py``; that file's size and sha256 in the page are rewritten
to match the stand-in.

Usage (from the repository root)::

    python tools/record_index.py [--index-url URL] [--project ddtrace] [--out tests/data/index]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import shutil
import sys
import zipfile
from pathlib import Path
from typing import Any

import httpx
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

# Run as a script from a checkout: make the ``advisor`` package next to tools/ importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.errors import AdvisorError
from advisor.index.entries import metadata_wheel
from advisor.index.simple import ACCEPT, SimpleIndexClient
from advisor.index.wheelmeta import read_wheel_metadata

#: Two yanked versions, a pre-release, a cp315 release and a spread of majors.
VERSIONS = (
    "1.9.1",
    "1.9.2",
    "2.0.0",
    "2.21.12",
    "3.12.1",
    "3.15.0",
    "3.16.0",
    "4.0.4",
    "4.6.0",
    "4.11.0",
    "4.16.0rc1",
    "4.16.0",
)
# Fixed zip timestamps keep re-recordings byte-identical when the index has not changed.
_EPOCH = (1980, 1, 1, 0, 0, 0)


def stand_in_wheel(filename: str, metadata: bytes) -> bytes:
    """A minimal real wheel named like ``filename`` with ``metadata`` as its METADATA."""
    name, version = parse_wheel_filename(filename)[:2]
    package = str(name).replace("-", "_")
    members = {
        f"{package}/__init__.py": b'"""Stand-in for tests: only METADATA is real."""\n',
        f"{filename.split('-')[0]}-{version}.dist-info/METADATA": metadata,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for member, content in members.items():
            archive.writestr(
                zipfile.ZipInfo(member, date_time=_EPOCH),
                content,
                compress_type=zipfile.ZIP_DEFLATED,
            )
    return buffer.getvalue()


def record(index_url: str, project: str, out: Path) -> str:
    """Record the chosen versions of ``project`` into ``out``; return a summary line."""
    wanted = {str(Version(v)) for v in VERSIONS}
    with SimpleIndexClient(index_url) as index:
        # The raw PEP 691 document is kept as served, so fetch it directly as well.
        page_url = f"{index.index_url}{canonicalize_name(project)}/"
        response = index.client.get(page_url, headers={"Accept": ACCEPT})
        response.raise_for_status()
        document: dict[str, Any] = response.json()
        page = index.project_page(project)
        kept = [f for f in page.files if f.version is not None and str(f.version) in wanted]
        files_dir = out / "files"
        shutil.rmtree(files_dir, ignore_errors=True)
        files_dir.mkdir(parents=True)
        stand_ins: dict[str, bytes] = {}
        for version in sorted(wanted, key=Version):
            v = Version(version)
            wheel = metadata_wheel(f for f in kept if f.version == v)
            if wheel is None or v.is_prerelease or v.is_devrelease:
                continue
            metadata = read_wheel_metadata(index.client, wheel.url, wheel.size)
            stand_ins[wheel.filename] = stand_in_wheel(wheel.filename, metadata)
            (files_dir / wheel.filename).write_bytes(stand_ins[wheel.filename])
    names = {f.filename for f in kept}
    entries = []
    for entry in document["files"]:
        if entry["filename"] not in names:
            continue
        entry = dict(entry, url=f"../../files/{entry['filename']}")
        if entry["filename"] in stand_ins:
            content = stand_ins[entry["filename"]]
            entry["size"] = len(content)
            entry["hashes"] = {"sha256": hashlib.sha256(content).hexdigest()}
        entries.append(entry)
    document["files"] = entries
    document["versions"] = [v for v in document.get("versions", []) if str(Version(v)) in wanted]
    page_dir = out / "simple" / canonicalize_name(project)
    page_dir.mkdir(parents=True, exist_ok=True)
    (page_dir / "index.json").write_text(
        json.dumps(document, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    missing = wanted - {str(Version(v)) for v in document["versions"]}
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return (
        f"recorded {len(document['versions'])} versions, {len(entries)} files, "
        f"{len(stand_ins)} stand-in wheels, {total} bytes in {out}"
        + (f"; not on the index: {', '.join(sorted(missing))}" if missing else "")
    )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-url", default="https://pypi.org/simple/")
    parser.add_argument("--project", default="ddtrace")
    parser.add_argument("--out", type=Path, default=Path("tests/data/index"))
    args = parser.parse_args(argv)
    try:
        print(record(args.index_url, args.project, args.out))
    except (AdvisorError, httpx.HTTPError, OSError, ValueError) as exc:
        print(f"record_index: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
