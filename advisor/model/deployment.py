"""Where a project runs, as its deployment files say: Dockerfiles, compose files, Kubernetes
manifests and Helm values, ECS task definitions, Lambda functions, and CI matrices.

Readers in :mod:`advisor.manifests.deploy` turn each file into :class:`Deployment` values (one
per final Docker stage, compose service, Kubernetes resource, ECS task, Lambda function or CI
file); the planner reads the CPythons, platforms, ``DD_*`` switches and any ddtrace they
install from these values only.

What a file says is hostile until checked: only variables named ``DD_*`` are read at all, and
the value of one whose name looks secret (:func:`is_secret`) is never kept
(:func:`env_setting`). Every value kept is cut to an excerpt.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from advisor.model.excerpt import excerpt
from advisor.model.project import Dependency, Finding, SourceLocation

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = [
    "FILE_KINDS",
    "DeployedDdtrace",
    "Deployment",
    "DeploymentKind",
    "EnvSetting",
    "ImageFacts",
    "admission_version",
    "ddtrace_dependency",
    "env_setting",
    "image_facts",
    "is_datadog_agent",
    "is_secret",
    "lambda_runtime",
    "linux_platform",
]

#: The ``kind`` of the manifests deployment readers make (one per file format).
FILE_KINDS = frozenset(
    {
        "dockerfile",
        "compose",
        "kubernetes",
        "ecs",
        "cloudformation",
        "serverless",
        "github-workflow",
        "tox",
        "nox",
    }
)

DeploymentKind = Literal["docker", "compose", "kubernetes", "ecs", "lambda", "ci"]
"""What kind of file a deployment was read from (``ci``: a CI matrix, a weaker hint)."""

InstallHow = Literal["pip", "admission", "layer"]
"""How a deployment brings ddtrace: an install command (``pip``, ``uv pip``, ``poetry add``),
the Datadog admission controller's library injection, or a Datadog Lambda layer."""

#: Characters of a value kept from a file.
VALUE_LIMIT = 60


@dataclass(frozen=True, slots=True)
class EnvSetting:
    """A ``DD_*`` variable a deployment sets.

    :param value: as written (an excerpt), ``None`` when the name looks secret.
    :param line: 1-based line of the file where it is set.
    """

    name: str
    value: str | None
    line: int | None


@dataclass(frozen=True, slots=True)
class DeployedDdtrace:
    """A ddtrace a deployment installs or injects.

    :param version: the exact version, ``None`` when the file does not fix one (``v2``,
        ``latest``, an unpinned ``pip install ddtrace``, a layer whose ddtrace is not known).
    :param specifier: the PEP 440 specifier it amounts to (``==2.3.0``, ``==2.*``, ``>=2``,
        ``""`` for any version).
    :param line: 1-based line where it is written.
    :param written: the text naming it as written (``ddtrace==2.3.0``, ``v2.3.0``, a layer
        ARN), an excerpt.
    :param layer: the Datadog Python layer version, for ``layer``.
    """

    how: InstallHow
    version: str | None
    specifier: str
    line: int | None
    written: str = ""
    layer: int | None = None


@dataclass(frozen=True, slots=True)
class Deployment:
    """One unit of a deployment file: a final Docker stage, a compose service, a Kubernetes
    resource, an ECS task, a Lambda function, or a CI file's matrix.

    :param file: the file as displayed.
    :param line: 1-based line where the unit starts (``FROM``, the service's key, ``kind:``,
        the function's key).
    :param name: the service, container, function or resource name, when there is one.
    :param pythons: CPython minors it runs (``3.12``), in the order read.
    :param platforms: platform ids it runs on (``musllinux-aarch64``), in the order read.
    :param ddtrace: the ddtrace it installs or injects, if any.
    :param env: the ``DD_*`` variables it sets, in the order read.
    :param aws_lambda: it runs in AWS Lambda (a function, a Lambda base image or layer).
    :param ddtrace_run: its command starts the application with ``ddtrace-run``.
    :param context: a compose service's build folder, as displayed (which project it runs).
    :param findings: what the reader could not read, said once (a templated tag, an image
        whose CPython is not known).
    """

    kind: DeploymentKind
    file: str
    line: int | None
    name: str | None = None
    pythons: tuple[str, ...] = ()
    platforms: tuple[str, ...] = ()
    ddtrace: DeployedDdtrace | None = None
    env: tuple[EnvSetting, ...] = ()
    aws_lambda: bool = False
    ddtrace_run: bool = False
    context: str | None = None
    findings: tuple[Finding, ...] = ()

    @property
    def where(self) -> str:
        """``Dockerfile:3``: the file and the unit's line."""
        return f"{self.file}:{self.line}" if self.line is not None else self.file


# The patterns below are compiled on first use (by re's own cache), not when a run imports
# this module: only deployment files are read with them.
_SECRET = r"(?i)KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL"


def is_secret(name: str) -> bool:
    """Whether a variable's name looks secret (``DD_API_KEY``, ``DD_APP_KEY``, ``*TOKEN*``,
    ``*SECRET*``, ``*PASSWORD*``): its value is never read into a report."""
    return re.search(_SECRET, name) is not None


_DD_NAME = r"DD_[A-Z0-9_]{1,100}"


#: A value that names another (``${APPSEC:-true}``, ``$APPSEC``, ``!Ref AppSec``, ``{{ .x }}``):
#: what it is at run time is not in the file.
_REFERENCE = r"\$[{(A-Za-z_]|^\s*!|\{\{"


def env_setting(name: str, value: str | None, line: int | None) -> EnvSetting | None:
    """The :class:`EnvSetting` for ``name=value`` at ``line``, or ``None`` for a variable that
    is not a well-formed ``DD_*`` name (whose value is then never looked at).

    A secret-looking name keeps its name only, and so does a value that is a reference to
    another (``${VAR}``, ``!Ref``: its run-time value is not in the file); any other value is
    kept as an excerpt.
    """
    if re.fullmatch(_DD_NAME, name) is None:
        return None
    if is_secret(name) or value is None or re.search(_REFERENCE, value[:200]) is not None:
        return EnvSetting(name, None, line)
    return EnvSetting(name, excerpt(value, VALUE_LIMIT), line)


@dataclass(frozen=True, slots=True)
class ImageFacts:
    """What an image reference says: the CPython minor (``None``: not a known Python image,
    or its tag names no minor), musl or not, and whether it is an AWS Lambda base image.

    :param python_image: the image is a Python image (even when its tag names no minor:
        ``python:latest``, ``python:3``).
    """

    python: str | None
    musl: bool
    aws_lambda: bool
    python_image: bool
    windows: bool = False
    """A Windows container image (``windowsservercore``, ``nanoserver`` tags)."""
    arch: str | None = None
    """The CPU the image is built for when its name says (``arm64v8/python``, a Lambda
    image's ``-arm64`` tag): ``aarch64``."""


#: Characters of an image reference read at most.
_IMAGE_LIMIT = 512
#: Image names (the last part of the repository path) that are CPython images.
_PYTHON_IMAGES = frozenset({"python", "aws-lambda-python", "pypy"})
_MINOR = r"(?:^|python)(3)\.(\d{1,2})(?![\d])"
_UV_TAG = r"python(3)\.(\d{1,2})(?![\d])"


def image_facts(image: str) -> ImageFacts:
    """Read an image reference (``python:3.11-alpine``, ``docker.io/library/python:3.12-slim``,
    ``public.ecr.aws/lambda/python:3.12``, ``ghcr.io/astral-sh/uv:python3.12-bookworm-slim``).

    Only what the reference itself says is used: a digest is dropped, a registry port is not a
    tag, ``-alpine`` means musl. ``pypy`` images are Python images running no CPython.
    """
    if len(image) > _IMAGE_LIMIT:  # no image reference is this long: nothing read from it
        return ImageFacts(None, False, False, False)
    ref = image.strip().split("@", 1)[0]
    slash = ref.rfind("/")
    colon = ref.rfind(":")
    if colon > slash:
        repo, tag = ref[:colon], ref[colon + 1 :]
    else:
        repo, tag = ref, ""
    repo = repo.lower()
    name = repo.rsplit("/", 1)[-1]
    tag = tag.lower()
    aws_lambda = repo.endswith(("lambda/python", "aws-lambda-python"))
    musl = "alpine" in tag
    windows = "windowsservercore" in tag or "nanoserver" in tag
    arch = "aarch64" if "arm64v8/" in repo or tag.endswith("-arm64") else None
    if name in _PYTHON_IMAGES:
        if name == "pypy":
            return ImageFacts(None, musl, aws_lambda, True, windows, arch)
        m = re.match(_MINOR, tag)
        python = f"{m.group(1)}.{int(m.group(2))}" if m else None
        return ImageFacts(python, musl, aws_lambda, True, windows, arch)
    if (m := re.search(_UV_TAG, tag)) is not None and name in ("uv",):
        return ImageFacts(f"{m.group(1)}.{int(m.group(2))}", musl, False, True)
    return ImageFacts(None, musl, False, False)


#: The Datadog Agent's images: a service or container running one is the agent, whose ``DD_*``
#: variables configure the agent, not the tracer.
_AGENT_IMAGES = (
    "datadoghq/agent",
    "datadog/agent",
    "datadoghq/cluster-agent",
    "datadog/cluster-agent",
)


def is_datadog_agent(image: str) -> bool:
    """Whether ``image`` is the Datadog Agent's (``gcr.io/datadoghq/agent:7``,
    ``datadog/agent:latest``, ``public.ecr.aws/datadog/agent``)."""
    repo = image.strip().split("@", 1)[0].lower()
    if (colon := repo.rfind(":")) > repo.rfind("/"):
        repo = repo[:colon]
    return repo.endswith(_AGENT_IMAGES)


_ARCH = {
    "amd64": "x86_64",
    "x86_64": "x86_64",
    "x86-64": "x86_64",
    "x64": "x86_64",
    "arm64": "aarch64",
    "aarch64": "aarch64",
    "arm64v8": "aarch64",
}


def linux_platform(arch: str, *, musl: bool = False) -> str | None:
    """The platform id of a Linux CPU architecture as deployment files write it (``arm64``,
    ``linux/arm64/v8``, ``X86_64``, ``amd64``), on musl or glibc; ``None`` for one aap-advise
    does not plan for (``linux/386``, ``windows/amd64``)."""
    text = arch.strip().lower()
    if "/" in text:
        parts = text.split("/")
        if parts[0] != "linux" or len(parts) < 2:
            return None
        text = parts[1]
    cpu = _ARCH.get(text)
    if cpu is None:
        return None
    return f"{'musllinux' if musl else 'linux'}-{cpu}"


_RUNTIME = r"(?i)python(3)\.(\d{1,2})"


def lambda_runtime(runtime: str) -> str | None:
    """``python3.12`` -> ``3.12``; ``None`` for another runtime (``nodejs20.x``)."""
    m = re.fullmatch(_RUNTIME, runtime.strip())
    return f"{m.group(1)}.{int(m.group(2))}" if m else None


_ADMISSION = r"v?(\d{1,4})(?:\.(\d{1,4}))?(?:\.(\d{1,4}))?"


def admission_version(text: str) -> tuple[str | None, str] | None:
    """The admission controller's ``python-lib.version`` as ``(version, specifier)``:
    ``v2.3.0`` -> ``("2.3.0", "==2.3.0")``, ``v2`` -> ``(None, "==2.*")``, ``v2.3`` ->
    ``(None, "==2.3.*")``, ``latest`` -> ``(None, "")``; ``None`` when it is none of these."""
    text = text.strip()
    if text.lower() == "latest":
        return None, ""
    m = re.fullmatch(_ADMISSION, text)
    if m is None:
        return None
    parts = [str(int(p)) for p in m.groups() if p is not None]
    if len(parts) == 3:
        version = ".".join(parts)
        return version, f"=={version}"
    return None, f"=={'.'.join(parts)}.*"


def ddtrace_dependency(deployed: DeployedDdtrace, file: str) -> Dependency:
    """The ddtrace a deployment installs, as a declaration of ``file`` at its line: the
    planner, the reports and ``--fix`` take it like any other."""
    return Dependency(
        name="ddtrace",
        display_name="ddtrace",
        specifier=deployed.specifier,
        version=deployed.version,
        source=SourceLocation(file, deployed.line),
    )
