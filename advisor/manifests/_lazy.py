"""A module imported on first use: readers name their parser at the top, as usual, but a run
that never reads that format never pays for importing it (pip-requirements-parser brings in
urllib, http.client, ssl, email and logging: about 57 ms; packaging.pylock about 40 ms)."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for module ``name``; the first attribute read imports it."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attr)
