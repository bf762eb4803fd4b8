"""Record the index data the resolver cases need into ``tests/data/resolver-index/``.

Runs each scenario online against the live index, noting every project page and every
release's metadata the resolution read; then writes each project's PEP 691 page cut down to
the versions read (plus every version of ddtrace the planner may try), and a stand-in wheel
(real METADATA, dummy code) for every release whose metadata was read. The result replays the
same resolutions offline on ``tests/indexserver.py``.

Usage (from the repository root, online)::

    python tools/record_resolver_index.py
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx
from packaging.version import Version

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.index.cache import Cache
from advisor.index.simple import ACCEPT
from advisor.index.source import IndexSource
from advisor.index.wheelmeta import read_wheel_metadata
from advisor.knowledge import matrix
from advisor.knowledge.releases import load_snapshot
from advisor.manifests import read_paths
from advisor.model.advice import AdviceRequest
from advisor.plan import plan
from advisor.resolve.source import SnapshotSource

sys.path.insert(0, str(Path(__file__).resolve().parent))
from record_index import stand_in_wheel

INDEX = "https://pypi.org/simple/"
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "resolver-index"
#: ddtrace versions kept on the recorded page: the cases' pins and targets and their neighbours.
DDTRACE_VERSIONS = ("2.21.4", "3.1.0", "3.1.1", "3.15.0", "3.16.0", "4.0.1", "4.6.0")
#: (requirements text, capabilities, python) per scenario; mirrors tests/test_resolver_index.py.
SCENARIOS = [
    ("ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n", ("iast",), "3.12"),
    ("ddtrace==2.21.4\nenvier==0.5.2\nbytecode==0.14.0\n", ("iast",), "3.11"),
]


class Recording(IndexSource):
    """Notes which pages and which releases' metadata were read."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.read_meta: set[tuple[str, Version]] = set()

    def requires_dist(self, name: str, version: Version) -> tuple[str, ...] | None:
        self.read_meta.add((name, version))
        return super().requires_dist(name, version)


def main() -> int:
    shipped = load_snapshot()
    projects: dict[str, set[str]] = {"ddtrace": set(DDTRACE_VERSIONS)}
    with tempfile.TemporaryDirectory() as tmp:
        source = Recording([INDEX], Cache(Path(tmp)))
        for text, caps, python in SCENARIOS:
            req = Path(tmp) / "requirements.txt"
            req.write_text(text)
            request = AdviceRequest(
                capabilities=caps, python=python, today=dt.date(2026, 11, 24), offline=False
            )
            plan(
                read_paths([str(req)]),
                matrix.load(),
                shipped,
                request,
                SnapshotSource(shipped, fallback=source),
            )
        for name, version in source.read_meta:
            projects.setdefault(name, set()).add(str(version))
        for name in list(source._pages.results):  # every page read, even if no release was chosen
            projects.setdefault(name, set())
        source.close()
    for text, _caps, _python in SCENARIOS:  # the pins themselves, even when never chosen
        for line in text.split():
            name, _, version = line.partition("==")
            projects.setdefault(name, set()).add(version)
    if OUT.exists():
        shutil.rmtree(OUT)
    (OUT / "files").mkdir(parents=True)
    with httpx.Client(timeout=60, follow_redirects=True) as client:
        for name, versions in sorted(projects.items()):
            page = client.get(f"{INDEX}{name}/", headers={"Accept": ACCEPT}).json()
            if name != "ddtrace" and versions:
                # Every release between the lowest and highest kept: the resolver sees the real
                # neighbourhood of each pin, and (given the same data) picks what it picked live.
                low, high = min(map(Version, versions)), max(map(Version, versions))
                versions |= {str(Version(v)) for v in page["versions"] if low <= Version(v) <= high}
            files = [f for f in page["files"] if _version_of(f["filename"]) in versions]
            for f in files:
                if f["filename"].endswith(".whl") and _is_metadata_wheel(f, files, name):
                    meta = read_wheel_metadata(client, f["url"], f.get("size"))
                    body = stand_in_wheel(f["filename"], meta)
                    (OUT / "files" / f["filename"]).write_bytes(body)
                    f["size"] = len(body)
                    f["hashes"] = {"sha256": hashlib.sha256(body).hexdigest()}
                f["url"] = f"../../files/{f['filename']}"
            page["files"] = files
            page["versions"] = sorted(versions, key=Version)
            folder = OUT / "simple" / name
            folder.mkdir(parents=True)
            (folder / "index.json").write_text(json.dumps(page, indent=1, sort_keys=True) + "\n")
            print(f"{name}: {len(versions)} versions, {len(files)} files", file=sys.stderr)
    return 0


def _version_of(filename: str) -> str | None:
    from packaging.utils import parse_sdist_filename, parse_wheel_filename

    try:
        if filename.endswith(".whl"):
            return str(parse_wheel_filename(filename)[1])
        return str(parse_sdist_filename(filename)[1])
    except ValueError:
        return None


def _is_metadata_wheel(f: dict[str, Any], files: list[dict[str, Any]], name: str) -> bool:
    """The wheel IndexSource will read for this version (ddtrace's come from the snapshot)."""
    if name == "ddtrace":
        return False
    from advisor.index.entries import metadata_wheel
    from advisor.index.simple import IndexFile

    version = _version_of(f["filename"])
    same = [
        IndexFile(
            g["filename"],
            g["url"],
            g.get("requires-python"),
            bool(g.get("yanked")),
            None,
            None,
            g.get("size"),
            {},
            False,
        )
        for g in files
        if _version_of(g["filename"]) == version
    ]
    chosen = metadata_wheel(same)
    return chosen is not None and chosen.filename == f["filename"]


if __name__ == "__main__":
    raise SystemExit(main())
