"""Regenerate ``advisor/knowledge/data/releases.json`` and, beside it, ``constrainers.json``
from the package index (what ``aap-advise kb refresh`` does).

Usage (from the repository root)::

    python tools/refresh_snapshot.py [--index-url URL] [--out PATH] [--project NAME]

Progress goes to stderr, the one-line summary to stdout. Exit status 0 on success, 3 when
the index cannot be read, 2 when a built document fails validation (nothing is written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Run as a script from a checkout: make the ``advisor`` package next to tools/ importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from advisor.errors import AdvisorError
from advisor.knowledge.refresh import refresh


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index-url", default="https://pypi.org/simple/")
    parser.add_argument("--out", type=Path, default=Path("advisor/knowledge/data/releases.json"))
    parser.add_argument("--project", default="ddtrace")
    args = parser.parse_args(argv)
    try:
        summary = refresh(
            args.index_url,
            args.out,
            project=args.project,
            progress=lambda message: print(message, file=sys.stderr, flush=True),
        )
    except AdvisorError as exc:
        print(f"refresh_snapshot: {exc}", file=sys.stderr)
        return exc.exit_code
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
