"""The compatibility knowledge, loaded once: capabilities, integrations, branches, runtimes,
CPythons and platform minimums.

:func:`load` reads the TOML files in ``advisor/knowledge/data`` and checks each against its
schema (:mod:`advisor.knowledge.schema`), which reports *all* problems in one
:class:`KnowledgeError`, so a bad edit to the data is caught by the test that loads the shipped
files; a file's text is parsed only when ``parsed.json`` (made with the package) holds no
document parsed from that very text. The values are in :mod:`advisor.knowledge.model`. With them, the requirements on ddtrace
of the packages that constrain it (``constrainers.json``); :func:`load_for` takes those from
beside the release snapshot a run reads instead, when ``aap-advise kb refresh`` wrote some there.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from typing import Any

from advisor.errors import KnowledgeError
from advisor.knowledge import read_data
from advisor.knowledge.model import Knowledge
from advisor.knowledge.releases import read_constrainers_beside
from advisor.knowledge.schema import (
    SCHEMA_VERSION,
    parse_capabilities,
    parse_integrations,
    parse_platforms,
    parse_pythons,
    parse_request_capabilities,
)

__all__ = [
    "load",
    "load_for",
    "load_from",
    "parse_capabilities",
    "parse_constrainers",
    "parse_integrations",
    "parse_platforms",
    "parse_pythons",
    "parse_request_capabilities",
]


#: The knowledge files parsed with the package: ``parsed.json`` beside this module holds each
#: TOML file of :data:`PARSED_NAMES` as ``tomllib`` reads it, with the text it was parsed from
#: (``tools/knowledge_parsed.py`` writes it, :func:`render_parsed`).
PARSED_FILE = "parsed.json"
PARSED_NAMES = ("pythons.toml", "capabilities.toml", "integrations.toml", "platforms.toml")


def _read_toml(
    name: str, read: Callable[[str], str] = read_data, parsed: Mapping[str, Any] | None = None
) -> tuple[dict[str, Any], str]:
    """The TOML document ``read(name)`` and its origin; taken from ``parsed`` (what
    :func:`_parsed` returns) when that document was parsed from the very same text.

    :raises KnowledgeError: for a text that is not TOML, or of another schema version.
    """
    origin = f"advisor/knowledge/data/{name}"
    text = read(name)
    made = parsed.get(name) if parsed else None
    if isinstance(made, dict) and made.get("text") == text and isinstance(made.get("data"), dict):
        data: dict[str, Any] = made["data"]
    else:
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise KnowledgeError(f"{origin}: invalid TOML: {exc}") from exc
    if data.get("schema_version") != SCHEMA_VERSION:
        raise KnowledgeError(
            f"{origin}: schema_version {data.get('schema_version')!r} is not {SCHEMA_VERSION}"
        )
    return data, origin


def _parsed() -> dict[str, Any]:
    """``parsed.json``'s documents, by file name; none when it cannot be read (an installation
    from a zip archive: the files are parsed then)."""
    import json

    try:
        with open(os.path.join(os.path.dirname(__file__), PARSED_FILE), encoding="utf-8") as fh:
            loaded = json.load(fh)
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def render_parsed(read: Callable[[str], str] = read_data) -> str:
    """The text of ``parsed.json`` for the files ``read(name)`` returns the text of: each
    document of :data:`PARSED_NAMES` as ``tomllib`` parses it, and that text.

    :raises KnowledgeError: for a file that is not TOML.
    """
    import json
    import tomllib

    documents = {}
    for name in PARSED_NAMES:
        text = read(name)
        try:
            documents[name] = {"text": text, "data": tomllib.loads(text)}
        except tomllib.TOMLDecodeError as exc:
            raise KnowledgeError(f"advisor/knowledge/data/{name}: invalid TOML: {exc}") from exc
    return json.dumps(documents, ensure_ascii=False, indent=1) + "\n"


_CACHE: list[Knowledge] = []


def load() -> Knowledge:
    """Load and validate the shipped knowledge (once per process).

    The shipped files are read without the checks only a bad edit of them could fail (that
    each range admits some version, each line of ``constrainers.json`` is a requirement on
    ddtrace: some hundreds of versions and requirements parsed for nothing): the test that
    loads the shipped files through :func:`load_from` makes them, and a run reads the same
    bytes. What the values are built from is parsed, and refused when it does not parse, either
    way.
    """
    if not _CACHE:
        _CACHE.append(load_from(read_data, check=False))
    return _CACHE[0]


def load_for(snapshot: str | None) -> Knowledge:
    """The knowledge of a run that reads the release snapshot file ``snapshot`` (``None``: the
    shipped one): :func:`load`'s, with the ``constrainers.json`` beside that file in place of the
    shipped one when there is one, so a snapshot ``aap-advise kb refresh --out`` wrote is used
    with the constrainers the same refresh recorded.

    :raises KnowledgeError: the document beside ``snapshot`` cannot be read or is invalid.
    """
    knowledge = load()
    found = read_constrainers_beside(snapshot) if snapshot is not None else None
    if found is None:
        return knowledge
    return dataclasses.replace(knowledge, constrainers=parse_constrainers(*found))


def load_from(read: Callable[[str], str], *, check: bool = True) -> Knowledge:
    """Load and validate the knowledge files ``read(name)`` returns the text of (uncached).

    :param check: also check that each range admits some version (some CPython aap-advise
        knows, for a CPython range) and parse every requirement line of ``constrainers.json``
        (:func:`parse_constrainers`).
    :raises KnowledgeError: naming the file and every problem in it.
    """
    parsed = _parsed()
    py_data, py_origin = _read_toml("pythons.toml", read, parsed)
    pythons = parse_pythons(py_data, py_origin)
    caps_data, caps_origin = _read_toml("capabilities.toml", read, parsed)
    parts = parse_capabilities(
        caps_data, caps_origin, [p.version for p in pythons], check_ranges=check
    )
    integ_data, integ_origin = _read_toml("integrations.toml", read, parsed)
    integrations = parse_integrations(
        integ_data,
        integ_origin,
        {cap.id for cap in parts["capabilities"]},
        set(parts["features"]),
        check_ranges=check,
    )
    cap_ids = {cap.id for cap in parts["capabilities"]}
    request_capabilities = parse_request_capabilities(integ_data, integ_origin, cap_ids)
    plat_data, plat_origin = _read_toml("platforms.toml", read, parsed)
    return Knowledge(
        integrations=integrations,
        pythons=pythons,
        platform_minimums=parse_platforms(plat_data, plat_origin),
        request_capabilities=request_capabilities,
        constrainers=parse_constrainers(
            read("constrainers.json"), CONSTRAINERS_ORIGIN, check=check
        ),
        **parts,
    )


CONSTRAINERS_ORIGIN = "advisor/knowledge/data/constrainers.json"


def parse_constrainers(
    text: str, origin: str, *, check: bool = True
) -> dict[str, dict[str, tuple[str, ...]]]:
    """``constrainers.json`` (:func:`advisor.knowledge.refresh.build_constrainers`): schema 1,
    ``packages`` -> name -> version -> the Requires-Dist lines naming ddtrace, each a valid
    requirement on it.

    :param check: parse each line to check that it is a requirement on ddtrace (the shipped
        document is checked by the tests instead, :func:`load`); its structure, names and
        versions are checked either way.
    :raises KnowledgeError: naming the file and the first problem.
    """
    import json

    from packaging.version import InvalidVersion, Version

    if check:  # (the requirement parser, for checking the lines only: a run does not)
        from packaging.requirements import InvalidRequirement, Requirement

    from advisor.model.names import canonicalize_name

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KnowledgeError(f"{origin}: invalid JSON: {exc}") from exc
    except RecursionError:  # thousands of nested brackets: not this document
        raise KnowledgeError(f"{origin}: invalid JSON: nested too deeply") from None
    if not isinstance(data, dict) or data.get("schema_version") != 1:
        raise KnowledgeError(f"{origin}: schema_version is not 1")
    packages = data.get("packages")
    if not isinstance(packages, dict):
        raise KnowledgeError(f"{origin}: packages must be a table")
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, releases in packages.items():
        if not isinstance(releases, dict):
            raise KnowledgeError(f"{origin}: packages.{name} must be a table")
        known: dict[str, tuple[str, ...]] = {}
        for version, lines in releases.items():
            where = f"{origin}: packages.{name}.{version}"
            try:
                Version(version)
            except InvalidVersion:
                raise KnowledgeError(f"{where}: not a version") from None
            if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
                raise KnowledgeError(f"{where}: must be a list of requirements")
            for line in lines if check else ():
                try:
                    req = Requirement(line)
                except InvalidRequirement:
                    raise KnowledgeError(f"{where}: {line!r} is not a requirement") from None
                if canonicalize_name(req.name) != "ddtrace":
                    raise KnowledgeError(f"{where}: {line!r} is not a requirement on ddtrace")
            known[version] = tuple(lines)
        out[canonicalize_name(name)] = known
    return out
