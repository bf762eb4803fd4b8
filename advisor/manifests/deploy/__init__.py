"""Deployment files: where a project runs (Dockerfiles, compose files, Kubernetes manifests and
Helm values, ECS task definitions, CloudFormation / SAM templates, serverless.yml) and what it
is tested on (GitHub workflows, tox.ini, noxfile.py).

Each format is a :class:`~advisor.manifests._base.ManifestReader` whose
:class:`~advisor.model.project.Manifest` carries :class:`~advisor.model.deployment.Deployment`
values (and the ddtrace the file installs or injects, as a dependency). This module only
chooses: by name where the name says it (:func:`candidate` needs no file content), by the
first 4 KiB for YAML and JSON files of other names (a Kubernetes manifest is any ``*.yaml``
holding ``apiVersion:`` and ``kind:``). The readers themselves, and the YAML parser, are
imported only when a run meets such a file.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from advisor.manifests._base import ManifestReader
from advisor.manifests._lazy import LazyPattern
from advisor.model.deployment import FILE_KINDS

__all__ = ["DEPLOY_KINDS", "candidate", "reader_for", "workflow_names"]

#: The ``kind`` of every deployment reader's manifests.
DEPLOY_KINDS = FILE_KINDS

_DOCKERFILE = LazyPattern(
    r"^(?:(?:docker|container)file(?:\.[^/]{1,100})?|[^/]{1,200}\.(?:docker|container)file)$",
    re.IGNORECASE,
)
_NAMED = LazyPattern(
    r"^(?:(?:docker-)?compose(?:\.[^/]{1,100})?\.ya?ml|serverless\.ya?ml|tox\.ini|noxfile\.py"
    r"|template\.(?:ya?ml|json)|[^/]{1,200}\.template(?:\.(?:ya?ml|json))?"
    r"|[^/]{1,200}\.cfn\.(?:ya?ml|json))$",
    re.IGNORECASE,
)
#: A word of every name :data:`_DOCKERFILE` or :data:`_NAMED` takes.
_NAMED_WORDS = (
    "dockerfile",
    "containerfile",
    "compose",
    "serverless",
    "tox.ini",
    "noxfile.py",
    "template",
    ".cfn.",
)
#: JSON files whose names may hold an ECS task definition or a CloudFormation template.
_JSON_HINT = LazyPattern(r"task|ecs|template|cfn|cloudformation", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def candidate(name: str) -> str | None:
    """Whether a file found in a folder may be a deployment file, by its name alone:
    ``named`` (the name says so), ``sniff`` (a YAML or JSON file to look into), else ``None``.
    (Each name is told once while it stays in a bounded cache: every file read asks, and a
    monorepo's names repeat.)"""
    if name.startswith("."):
        return None
    lower = name.lower()
    if lower.endswith(".dockerignore"):
        return None
    # Every name the two patterns take holds one of these words: most names of a folder are
    # told apart without them (and a run whose folders hold none never compiles them).
    # (A name beyond ASCII is left to the patterns: their IGNORECASE takes ``ſ`` for ``s``.)
    if (not lower.isascii() or any(word in lower for word in _NAMED_WORDS)) and (
        _DOCKERFILE.match(name) or _NAMED.match(name)
    ):
        return "named"
    if lower.endswith((".yaml", ".yml")) or (lower.endswith(".json") and _JSON_HINT.search(lower)):
        return "sniff"
    return None


def workflow_names(name: str) -> bool:
    """Whether a file of ``.github/workflows`` is a workflow (``*.yml``, ``*.yaml``)."""
    return not name.startswith(".") and name.lower().endswith((".yml", ".yaml"))


@functools.cache
def _readers() -> tuple[ManifestReader, ...]:
    from advisor.manifests.deploy.aws import CFN_READER, ECS_READER, SERVERLESS_READER
    from advisor.manifests.deploy.ci_files import NOX_READER, TOX_READER
    from advisor.manifests.deploy.compose import READER as COMPOSE
    from advisor.manifests.deploy.dockerfile import READER as DOCKERFILE
    from advisor.manifests.deploy.kubernetes import READER as KUBERNETES
    from advisor.manifests.deploy.workflows import READER as WORKFLOWS

    return (
        DOCKERFILE,
        COMPOSE,
        WORKFLOWS,
        TOX_READER,
        NOX_READER,
        SERVERLESS_READER,
        ECS_READER,
        CFN_READER,
        KUBERNETES,
    )


def reader_for(path: Path, head: bytes) -> ManifestReader | None:
    """The deployment reader for ``path`` (``head``: its first 4 KiB): by name, else, for a
    YAML or JSON file, by content; ``None`` when it is not a deployment file."""
    kind = candidate(path.name)
    if kind is None:
        parts = path.parts  # as path.parent.name and path.parent.parent.name, no paths made
        if len(parts) < 3 or parts[-2] != "workflows" or parts[-3] != ".github":
            return None
    readers = _readers()
    for reader in readers:
        if reader.matches(path, head):
            return reader
    if kind == "sniff":
        for reader in readers:
            if reader.sniff(head):
                return reader
    return None
