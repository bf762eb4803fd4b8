"""Write ``advisor/knowledge/parsed.json``: the knowledge TOML files as ``tomllib`` reads them,
parsed once, with the package, instead of on every run.

:func:`advisor.knowledge.matrix.load_from` still reads every TOML file of
``advisor/knowledge/data``; it takes a document from ``parsed.json`` only when the text that
document was parsed from is the text it read (so an edited file is parsed again, and refused
when it does not parse), else it parses the file itself. The TOML files stay the data and its
sources; ``parsed.json`` only saves parsing them.

Usage (from the repository root)::

    python tools/knowledge_parsed.py           # write advisor/knowledge/parsed.json
    python tools/knowledge_parsed.py --check   # exit 1 when it is not what would be written
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Run as a script from a checkout: make the ``advisor`` package next to tools/ importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _generated import write_or_check  # tools/, the script's own folder

from advisor.knowledge import matrix, read_data


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is up to date")
    args = parser.parse_args(argv)
    target = Path(matrix.__file__).parent / matrix.PARSED_FILE
    text = matrix.render_parsed(read_data)
    return write_or_check(
        target,
        text,
        check=args.check,
        script="knowledge_parsed.py",
        wrote=", ".join(matrix.PARSED_NAMES),
    )


if __name__ == "__main__":
    sys.exit(main())
