"""What aap-advise knows that the package index does not tell: shipped, validated data."""

from __future__ import annotations

import os

__all__ = ["read_data"]


def read_data(name: str) -> str:
    """The text of the shipped data file ``data/<name>``.

    Read straight from the package folder when it is one (importlib.resources and the zipfile
    module it brings cost more than the read itself); through importlib.resources otherwise,
    for an installation from a zip archive.
    """
    try:
        with open(os.path.join(os.path.dirname(__file__), "data", name), encoding="utf-8") as fh:
            return fh.read()
    except (FileNotFoundError, NotADirectoryError):
        from importlib import resources

        return (resources.files("advisor.knowledge") / "data" / name).read_text(encoding="utf-8")
