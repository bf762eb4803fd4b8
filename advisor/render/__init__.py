"""Renderers: a run's :class:`~advisor.model.advice.Report` in, a string out. No I/O."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:  # the CLI builds its parser from OutputFormat: keep this import light
    from advisor.model.advice import Report


class OutputFormat(StrEnum):
    """The report formats ``--format`` accepts."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    SARIF = "sarif"


def renderer(fmt: OutputFormat) -> Callable[[Report], str]:
    """The render function for ``fmt``."""
    match fmt:
        case OutputFormat.TEXT:
            from advisor.render.text import render
        case OutputFormat.JSON:
            from advisor.render.json_report import render
        case OutputFormat.MARKDOWN:
            from advisor.render.markdown import render
        case OutputFormat.SARIF:
            from advisor.render.sarif import render
        case _:
            assert_never(fmt)
    return render
