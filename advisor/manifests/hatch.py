"""Hatch environments: ``[envs.*]`` in ``hatch.toml`` and ``[tool.hatch.envs.*]`` in pyproject.

Each environment's ``dependencies`` and ``extra-dependencies`` are requirements whose group is
the environment's name. Scripts, matrices and env ``python`` settings are not dependencies:
a script argument such as ``ddtrace_api/`` is never read as a package.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from advisor.manifests._lines import TomlLines
from advisor.manifests._pep508 import Collector
from advisor.manifests._text import parse_toml, read_text
from advisor.model.project import Manifest


class HatchReader:
    """``hatch.toml``."""

    kind = "hatch"
    is_lock = False

    def read(self, path: Path, display: str) -> Manifest:
        """Read every environment's requirements."""
        text = read_text(path, display)
        data = parse_toml(text, display)
        out = Collector(display)
        read_envs(data.get("envs"), "envs", out, TomlLines(text))
        return Manifest(display, self.kind, tuple(out.deps), findings=tuple(out.findings))


def read_envs(envs: Any, prefix: str, out: Collector, lines: TomlLines) -> None:
    """Requirements of every environment in ``envs`` (the table at key path ``prefix``)."""
    if envs is None:
        return
    if not isinstance(envs, Mapping):
        raise out.error("must be a table", prefix)
    for env, body in envs.items():
        if not isinstance(body, Mapping):
            continue
        table = f"{prefix}.{env}"
        for field in ("dependencies", "extra-dependencies"):
            values = body.get(field)
            if values is None:
                continue
            if not isinstance(values, list):
                raise out.error("must be an array of strings", f"{table}.{field}")
            for i, text in enumerate(values):
                if not isinstance(text, str):
                    raise out.error("must be a string", f"{table}.{field}[{i}]")
                loc = out.loc(lines.string(table, field, text), f"{table}.{field}[{i}]")
                # Hatch formats context fields ({root:uri}, {matrix:...}) into requirements
                # before pip sees them, so a string may not be PEP 508 as written.
                out.requirement(text, loc, group=str(env), kind="hatch-env", lenient=True)
