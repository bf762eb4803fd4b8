"""Reading a package index: project pages (PEP 503/691) and wheel metadata over HTTP Range.

The names below are imported on first use: importing :mod:`advisor.index.cache` or
:mod:`advisor.index.config` must not pull in httpx (a quarter of a second), which offline
runs never need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from advisor.index.simple import IndexFile, ProjectPage, SimpleIndexClient

__all__ = ["IndexFile", "ProjectPage", "SimpleIndexClient"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from advisor.index import simple

        return getattr(simple, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
