"""Renderers: an :class:`~advisor.model.advice.Advice` in, a string out. No I/O."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from advisor.model.advice import Advice


class OutputFormat(StrEnum):
    """The report formats ``--format`` accepts."""

    TEXT = "text"
    JSON = "json"


def renderer(fmt: OutputFormat) -> Callable[[Advice], str]:
    """The render function for ``fmt``."""
    if fmt is OutputFormat.JSON:
        from advisor.render.json_report import render
    else:
        from advisor.render.text import render
    return render
