"""Reading a package index: project pages (PEP 503/691) and wheel metadata over HTTP Range."""

from __future__ import annotations

from advisor.index.simple import IndexFile, ProjectPage, SimpleIndexClient

__all__ = ["IndexFile", "ProjectPage", "SimpleIndexClient"]
