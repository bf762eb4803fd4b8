"""Writing a file the package ships generated (``advisor/model/_inits.py``,
``advisor/knowledge/parsed.json``), or checking that it is up to date, for the ``tools/``
scripts that make them."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_or_check(target: Path, text: str, *, check: bool, script: str, wrote: str) -> int:
    """Write ``text`` to ``target`` (saying ``wrote`` of it), or with ``check`` only say
    whether ``target`` holds it; the exit status: 1 when a checked file is out of date."""
    shown = target.relative_to(ROOT)
    if check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{shown} is out of date: run python tools/{script}")
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    print(f"wrote {shown}: {wrote}")
    return 0
