"""Docker Compose files (``docker-compose.yml``, ``compose.yaml``, ``docker-compose.prod.yml``):
one :class:`~advisor.model.deployment.Deployment` per service.

A service says which image it runs (a Python image names the CPython, ``-alpine`` means musl),
its ``platform`` (``linux/arm64``), the ``DD_*`` variables of its ``environment`` (mapping or
``KEY=value`` list), and for one that ``build``\\ s, the folder it builds: the project it runs
(:attr:`~advisor.model.deployment.Deployment.context`). ``env_file`` is never read: it holds
the secrets a compose file keeps out of itself.

Compose interpolates ``${VAR}`` from the shell; nothing here does. Only an image reference
uses the default a variable writes (``python:${PY:-3.12}`` runs 3.12 unless told otherwise);
one without a default names no CPython, and says so in an info finding.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from advisor.manifests.deploy._yaml import YList, YMap, YStr, YValue, read_yaml
from advisor.model.deployment import (
    Deployment,
    EnvSetting,
    ImageFacts,
    env_setting,
    image_facts,
    is_datadog_agent,
    linux_platform,
)
from advisor.model.excerpt import excerpt
from advisor.model.project import Finding, Manifest, SourceLocation

__all__ = ["READER", "ComposeReader", "command_runs_ddtrace", "read_image"]

_NAMES = frozenset({"docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"})
_HEAD_SERVICES = re.compile(rb"(?m)^services:")
_HEAD_SERVICE_KEYS = re.compile(rb"(?m)^[ \t]+(?:image|build):")
#: ``${NAME:-default}`` / ``${NAME-default}``: the default is what runs when NAME is unset.
_DEFAULTED = re.compile(r"\$\{[A-Za-z_][A-Za-z0-9_]{0,100}:?-([^${}]{0,200})\}")


def read_image(image: YStr, display: str, *, defaults: bool) -> tuple[ImageFacts, Finding | None]:
    """What an image reference says (:func:`~advisor.model.deployment.image_facts`), and an
    info finding when it is a Python image whose CPython is not known: a templated tag
    (``python:${PY}``, ``python:{{ .Values.tag }}``) or a tag naming no minor
    (``python:latest``).

    :param defaults: replace ``${NAME:-default}`` by its default first (compose files).
    """
    text = _DEFAULTED.sub(lambda m: m.group(1), image) if defaults else str(image)
    facts = image_facts(text)
    # A PyPy image runs no CPython: there is nothing to resolve.
    if not facts.python_image or facts.python is not None or "pypy" in text.lower():
        return facts, None
    templated = "$" in text or "{{" in text
    why = "is templated" if templated else "names no CPython minor"
    finding = Finding(
        "deployment-unresolved",
        "info",
        f"image {excerpt(image)!r} {why}: the CPython it runs is not known",
        SourceLocation(display, image.line),
    )
    return facts, finding


def command_runs_ddtrace(command: YValue) -> bool:
    """Whether a command (a string, or an exec-form list) starts with ``ddtrace-run``."""
    first: object = None
    if isinstance(command, YList):
        first = command[0] if command else None
    elif isinstance(command, YStr):
        first = next(iter(command.split(None, 1)), None)
    return isinstance(first, str) and posixpath.basename(first) == "ddtrace-run"


def _env(environment: YValue) -> list[EnvSetting]:
    """The ``DD_*`` settings of an ``environment`` mapping (``DD_X: "true"``) or list
    (``- DD_X=true``); a name without a value (taken from the shell) keeps no value."""
    found: list[EnvSetting | None] = []
    if isinstance(environment, YMap):
        for name, value in environment.items():
            written = value if isinstance(value, YStr) else None
            found.append(env_setting(name, written, environment.lines[name]))
    elif isinstance(environment, YList):
        for item, line in zip(environment, environment.lines, strict=True):
            if isinstance(item, YStr):
                name, sep, text = item.partition("=")
                found.append(env_setting(name, text if sep else None, line))
    return [s for s in found if s is not None]


def _context(build: YValue, folder: str) -> str | None:
    """The folder a ``build`` (``./api``, or a mapping with ``context``) builds, joined to the
    compose file's folder as displayed; ``None`` for a Git or URL context."""
    if isinstance(build, YMap):
        context = build.get("context", YStr("."))
        if "context" in build and not isinstance(context, YStr):
            return None
        build = context
    if not isinstance(build, YStr) or not build.strip():
        return None
    path = build.strip().replace("\\", "/")
    if "://" in path or path.startswith("git@"):
        return None
    return posixpath.normpath(posixpath.join(folder, path))


class ComposeReader:
    """``docker-compose.yml``, ``compose.yaml`` and their ``docker-compose.*.yml`` variants."""

    kind = "compose"
    is_lock = False

    def matches(self, path: Path, head: bytes) -> bool:
        """By name."""
        name = path.name
        if name in _NAMES:
            return True
        return name.startswith(("docker-compose.", "compose.")) and name.endswith((".yml", ".yaml"))

    def sniff(self, head: bytes) -> bool:
        """A top-level ``services:`` with an indented ``image:`` or ``build:``."""
        return bool(_HEAD_SERVICES.search(head) and _HEAD_SERVICE_KEYS.search(head))

    def read(self, path: Path, display: str) -> Manifest:
        """One deployment per service of the first document's ``services`` mapping."""
        _, docs = read_yaml(path, display)
        root = docs[0] if docs else None
        services = root.get("services") if isinstance(root, YMap) else None
        if not isinstance(services, YMap):
            return Manifest(display, self.kind)
        folder = posixpath.dirname(display.replace("\\", "/"))
        deployments = [
            unit
            for name, service in services.items()
            if isinstance(service, YMap)
            and (unit := self._service(name, service, services.lines[name], display, folder))
            is not None
        ]
        return Manifest(display, self.kind, deployments=tuple(deployments))

    def _service(
        self, name: str, service: YMap, line: int, display: str, folder: str
    ) -> Deployment | None:
        """The service's deployment; ``None`` for one that is not the project running: the
        Datadog Agent, or a service that builds nothing, runs no Python image and sets no
        ``DD_*`` variable (a database, a cache)."""
        pythons: list[str] = []
        findings: list[Finding] = []
        musl = aws_lambda = python_image = False
        image = service.get("image")
        if isinstance(image, YStr) and is_datadog_agent(image):
            return None
        # With ``build``, ``image`` only names what is built: the Dockerfile says what runs.
        if isinstance(image, YStr) and "build" not in service:
            facts, finding = read_image(image, display, defaults=True)
            if facts.python is not None:
                pythons.append(facts.python)
            if finding is not None:
                findings.append(finding)
            # musl is the project's only when its Python runs on it (not postgres:14-alpine).
            python_image = facts.python_image
            musl, aws_lambda = facts.musl and python_image, facts.aws_lambda
        env = tuple(_env(service.get("environment")))
        entrypoint = service.get("entrypoint")
        command = entrypoint if entrypoint is not None else service.get("command")
        runs_ddtrace = command_runs_ddtrace(command)
        if "build" not in service and not (python_image or env or runs_ddtrace):
            return None
        platforms: list[str] = []
        platform = service.get("platform")
        if isinstance(platform, YStr):
            if (written := linux_platform(platform, musl=musl)) is not None:
                platforms.append(written)
        elif musl:
            platforms.append("musllinux-x86_64")
        return Deployment(
            kind="compose",
            file=display,
            line=line,
            name=name,
            pythons=tuple(pythons),
            platforms=tuple(platforms),
            env=env,
            aws_lambda=aws_lambda,
            ddtrace_run=runs_ddtrace,
            context=_context(service.get("build"), folder),
            findings=tuple(findings),
        )


READER = ComposeReader()
