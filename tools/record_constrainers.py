"""Record what the packages that constrain ddtrace require of it, for every release of each,
into ``advisor/knowledge/data/constrainers.json`` (issue 16 rule 9).

``datadog-lambda`` pins ddtrace (``ddtrace!=4.6.*``, ``ddtrace<3`` ...) release by release; an
offline run with ``--no-cache`` has no index to read that from, so the shipped data carries it:
each release's ``Requires-Dist`` lines that name ddtrace, markers kept. Read from the wheels'
metadata (PEP 658 files where offered, else HTTP Range reads), never from installing anything.

Usage (from the repository root, online)::

    python tools/record_constrainers.py [--index-url URL]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.index.source import IndexSource

#: The packages whose releases constrain ddtrace.
PACKAGES = ("datadog-lambda",)
OUT = (
    Path(__file__).resolve().parent.parent / "advisor" / "knowledge" / "data" / "constrainers.json"
)


def on_ddtrace(lines: tuple[str, ...] | None) -> list[str] | None:
    """The Requires-Dist lines naming ddtrace (``None`` when the metadata could not be read)."""
    if lines is None:
        return None
    out = []
    for line in lines:
        try:
            if canonicalize_name(Requirement(line).name) == "ddtrace":
                out.append(line)
        except InvalidRequirement:
            continue
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-url", default="https://pypi.org/simple/")
    args = parser.parse_args()
    source = IndexSource([args.index_url], None, timeout=30, deadline=1800)
    packages: dict[str, dict[str, list[str]]] = {}
    try:
        for name in PACKAGES:
            releases = [r for r in source.releases(name) if not r.version.is_prerelease]
            source.prefetch_metadata_async((name, r.version) for r in releases)
            known: dict[str, list[str]] = {}
            for release in releases:
                lines = on_ddtrace(source.requires_dist(name, release.version))
                if lines is not None:
                    known[str(release.version)] = lines
            packages[name] = known
            print(f"{name}: {len(known)} of {len(releases)} releases read", file=sys.stderr)
    finally:
        source.close()
    data = {
        "schema_version": 1,
        "recorded": dt.date.today().isoformat(),
        "index": args.index_url,
        "packages": packages,
    }
    OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
