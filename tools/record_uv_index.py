"""Record the index data that ``uv pip compile`` needs into ``tests/data/uv-index/``.

``tests/test_fix_resolves.py`` checks that what ``--fix`` writes resolves with a real resolver
on every CPython in scope: it runs ``uv pip compile --python-version X.Y`` on the fixed file
against ``tests/indexserver.py``. This tool records what those runs read, from the live index.

For each scenario of ``tests/uvcompile.py`` (a file to compile and the CPythons to compile it
for) it runs ``uv pip compile`` online against the live index, pinned to Linux x86_64 with
glibc 2.17 (:data:`PLATFORM`), and notes every ``name==version`` of each output. Then, per
project, it writes the PEP 691 page cut down to those versions and, of each version's files, to
the wheels uv would pick for the CPythons that resolved to it (no sdist: a missing wheel must
fail the resolution, never start a build); each wheel is a stand-in (its real ``METADATA``,
read through the index's PEP 658 metadata file when it has one, HTTP Range requests otherwise,
plus a dummy module), and the page's size and sha256 of the file are the stand-in's. Finally it
replays every scenario offline on ``tests/indexserver.py`` and fails unless each resolves to
what it resolved to online.

Usage (from the repository root, online, with ``uv`` installed: ``pip install '.[test]'``)::

    python tools/record_uv_index.py [--index-url URL] [--out tests/data/uv-index]

The scenarios, the platform and the exact uv command line are ``tests/uvcompile.py``'s, shared
with the tests. Re-record when they change, and check the size of the result: every stand-in is
a few KB, the folder under 100 KB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import httpx
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import InvalidWheelFilename, parse_wheel_filename
from packaging.version import Version

# Run as a script from a checkout: the ``advisor`` package and ``tests`` next to tools/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.index.simple import ACCEPT
from advisor.index.wheelmeta import read_wheel_metadata
from tests.indexserver import LocalIndex
from tests.uvcompile import DATA, PLATFORM, SCENARIOS, compile_each, pins

sys.path.insert(0, str(Path(__file__).resolve().parent))
from record_index import stand_in_wheel

INDEX = "https://pypi.org/simple/"
OUT = DATA
#: The wheel platform tags :data:`PLATFORM` accepts, best first (as uv ranks them).
PLATFORM_TAGS = (
    *(f"manylinux_2_{minor}_x86_64" for minor in range(17, 4, -1)),
    "manylinux2014_x86_64",
    "manylinux2010_x86_64",
    "manylinux1_x86_64",
    "linux_x86_64",
)


def wheel_tags(python: str) -> list[Tag]:
    """The tags CPython ``python`` on :data:`PLATFORM` accepts, best first."""
    version = tuple(int(p) for p in python.split("."))
    interpreter = f"cp{version[0]}{version[1]}"
    return [
        *cpython_tags(version, [interpreter], PLATFORM_TAGS),
        *compatible_tags(version, interpreter, PLATFORM_TAGS),
    ]


def best_wheel(files: Iterable[dict[str, Any]], python: str) -> dict[str, Any] | None:
    """The wheel among ``files`` that CPython ``python`` on :data:`PLATFORM` prefers."""
    rank = {tag: i for i, tag in enumerate(wheel_tags(python))}
    best: tuple[int, dict[str, Any]] | None = None
    for f in files:
        try:
            tags = parse_wheel_filename(f["filename"])[3]
        except InvalidWheelFilename:
            continue
        score = min((rank[t] for t in tags if t in rank), default=None)
        if score is not None and (best is None or score < best[0]):
            best = (score, f)
    return best[1] if best else None


def run_scenarios(uv: str, index_url: str, work: Path) -> dict[tuple[str, str], dict[str, str]]:
    """Each scenario compiled for each of its CPythons: what it resolved to."""
    results = {}
    for n, scenario in enumerate(SCENARIOS):
        folder = work / f"project-{n}"
        folder.mkdir(parents=True)
        (folder / scenario.filename).write_text(scenario.text)
        runs = compile_each(
            uv, folder / scenario.filename, scenario.pythons, index_url, work / f"cache-{n}"
        )
        for python, done in runs.items():
            if done.returncode != 0:
                raise SystemExit(f"{scenario.filename} on {python}: uv failed:\n{done.stderr}")
            results[scenario.filename, python] = pins(done.stdout)
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--index-url", default=INDEX)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    index_url = args.index_url.rstrip("/") + "/"
    out: Path = args.out
    from uv import find_uv_bin

    uv = find_uv_bin()
    with tempfile.TemporaryDirectory() as tmp:
        live = run_scenarios(uv, index_url, Path(tmp))
    # project -> version -> the CPythons that resolved to it
    wanted: dict[str, dict[str, set[str]]] = {}
    for (_filename, python), resolved in live.items():
        for name, version in resolved.items():
            wanted.setdefault(name, {}).setdefault(version, set()).add(python)
    if out.exists():
        shutil.rmtree(out)
    (out / "files").mkdir(parents=True)
    with httpx.Client(timeout=60, follow_redirects=True) as client:
        for name, versions in sorted(wanted.items()):
            print(record_project(client, index_url, name, versions, out), file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp, LocalIndex(root=out) as local:
        replay = run_scenarios(uv, local.url, Path(tmp))
    if replay != live:
        raise SystemExit(f"the recording resolves differently:\nlive: {live}\nlocal: {replay}")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"{out}: {size:,} bytes; every scenario resolves offline as it did live", file=sys.stderr)
    return 0


def record_project(
    client: httpx.Client,
    index_url: str,
    name: str,
    versions: dict[str, set[str]],
    out: Path,
) -> str:
    """Write ``name``'s cut-down page and stand-in wheels into ``out``; a summary line."""
    response = client.get(f"{index_url}{name}/", headers={"Accept": ACCEPT})
    response.raise_for_status()
    page: dict[str, Any] = response.json()
    kept: dict[str, dict[str, Any]] = {}
    for version, pythons in versions.items():
        same = [f for f in page["files"] if _wheel_version(f["filename"]) == Version(version)]
        for python in sorted(pythons):
            wheel = best_wheel(same, python)
            if wheel is None:
                raise SystemExit(f"{name} {version}: no wheel for CPython {python} on {PLATFORM}")
            kept[wheel["filename"]] = wheel
    files = []
    for filename, entry in sorted(kept.items()):
        metadata = read_wheel_metadata(
            client,
            entry["url"],
            entry.get("size"),
            core_metadata=bool(entry.get("core-metadata") or entry.get("data-dist-info-metadata")),
        )
        body = stand_in_wheel(filename, metadata)
        (out / "files" / filename).write_bytes(body)
        entry = {k: v for k, v in entry.items() if k not in ("core-metadata", "dist-info-metadata")}
        entry.update(
            url=f"../../files/{filename}",
            size=len(body),
            hashes={"sha256": hashlib.sha256(body).hexdigest()},
        )
        files.append(entry)
    page["files"] = files
    page["versions"] = sorted(versions, key=Version)
    folder = out / "simple" / name
    folder.mkdir(parents=True)
    (folder / "index.json").write_text(
        json.dumps(page, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return f"{name}: {', '.join(page['versions'])}; {len(files)} wheels"


def _wheel_version(filename: str) -> Version | None:
    try:
        return parse_wheel_filename(filename)[1]
    except InvalidWheelFilename:
        return None


if __name__ == "__main__":
    raise SystemExit(main())
