"""The compatibility knowledge, loaded once: capabilities, integrations, branches, runtimes and
CPythons.

:func:`load` reads the TOML files in ``advisor/knowledge/data`` and checks each against its
schema (:mod:`advisor.knowledge.schema`), which reports *all* problems in one
:class:`KnowledgeError`, so a bad edit to the data is caught by the test that loads the shipped
files. The values are in :mod:`advisor.knowledge.model`.
"""

from __future__ import annotations

import tomllib
from typing import Any

from advisor.errors import KnowledgeError
from advisor.knowledge import read_data
from advisor.knowledge.model import Knowledge
from advisor.knowledge.schema import (
    SCHEMA_VERSION,
    parse_capabilities,
    parse_integrations,
    parse_pythons,
    parse_request_capabilities,
)

__all__ = [
    "load",
    "parse_capabilities",
    "parse_integrations",
    "parse_pythons",
    "parse_request_capabilities",
]


def _read_toml(name: str) -> tuple[dict[str, Any], str]:
    origin = f"advisor/knowledge/data/{name}"
    try:
        data = tomllib.loads(read_data(name))
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeError(f"{origin}: invalid TOML: {exc}") from exc
    if data.get("schema_version") != SCHEMA_VERSION:
        raise KnowledgeError(
            f"{origin}: schema_version {data.get('schema_version')!r} is not {SCHEMA_VERSION}"
        )
    return data, origin


_CACHE: list[Knowledge] = []


def load() -> Knowledge:
    """Load and validate the shipped knowledge (once per process)."""
    if _CACHE:
        return _CACHE[0]
    caps_data, caps_origin = _read_toml("capabilities.toml")
    parts = parse_capabilities(caps_data, caps_origin)
    integ_data, integ_origin = _read_toml("integrations.toml")
    integrations = parse_integrations(
        integ_data,
        integ_origin,
        {cap.id for cap in parts["capabilities"]},
        set(parts["features"]),
    )
    cap_ids = {cap.id for cap in parts["capabilities"]}
    request_capabilities = parse_request_capabilities(integ_data, integ_origin, cap_ids)
    py_data, py_origin = _read_toml("pythons.toml")
    knowledge = Knowledge(
        integrations=integrations,
        pythons=parse_pythons(py_data, py_origin),
        request_capabilities=request_capabilities,
        **parts,
    )
    _CACHE.append(knowledge)
    return knowledge
