"""Write ``advisor/model/_inits.py``: the ``__init__`` methods of the value classes, compiled
once, with the package, instead of on every run.

:func:`advisor.model.values.dataclass` writes each frozen value class's ``__init__`` as source
text and compiles it; a class whose text is in ``_inits.py`` takes the function compiled there
instead (looked up by its shape, which the whole text follows from:
:func:`advisor.model.values.init_text`; so a class that changed since finds none and is
compiled as before: the module can make a run slower when it is out of date, never different).
This imports every module of the package and writes the texts of the shapes their classes
made.

Usage (from the repository root)::

    python tools/value_inits.py           # write advisor/model/_inits.py
    python tools/value_inits.py --check   # exit 1 when it is not what would be written
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from pathlib import Path
from typing import Any

# Run as a script from a checkout: make the ``advisor`` package next to tools/ importable.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _generated import write_or_check  # noqa: E402  (tools/, the script's own folder)

TARGET = ROOT / "advisor" / "model" / "_inits.py"

_HEADER = '''\
# mypy: ignore-errors
"""The ``__init__`` of each value class :func:`advisor.model.values.dataclass` makes, compiled
with the package rather than on every run (some 100 us each, for some 70 classes a run).

Written by ``python tools/value_inits.py``: do not edit. Each function is the text of the shape
``BY_SHAPE`` maps to it (``values.init_text``), as ``values`` would compile it (no
``from __future__ import annotations`` here: the annotations are the field types); ``values``
takes one only for exactly the same shape, and compiles any other itself.
"""

'''


def made_shapes() -> list[Any]:
    """Every shape of ``__init__`` the package's value classes make (each module imported)."""
    import advisor
    from advisor.model import values

    for info in pkgutil.walk_packages(advisor.__path__, "advisor."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    return sorted(set(values.MADE))


def render(shapes: list[Any]) -> str:
    """The module holding the text of each of ``shapes`` compiled, and ``BY_SHAPE``: each shape
    to its function."""
    from advisor.model.values import init_text

    parts = [_HEADER]
    for n, shape in enumerate(shapes):
        parts.append(f"{init_text(shape)}\n\n\n_{n} = __create_fn__\n\n\n")
    parts.append("BY_SHAPE = {\n")
    parts += [f"    {shape!r}: _{n},\n" for n, shape in enumerate(shapes)]
    parts.append("}\n")
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is up to date")
    args = parser.parse_args(argv)
    shapes = made_shapes()
    return write_or_check(
        TARGET,
        render(shapes),
        check=args.check,
        script="value_inits.py",
        wrote=f"{len(shapes)} functions",
    )


if __name__ == "__main__":
    sys.exit(main())
