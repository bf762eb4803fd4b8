"""Shared test helpers: paths, and the corpus folder that only exists beside a CI checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def repo_root() -> Path:
    """The repository root."""
    return ROOT
