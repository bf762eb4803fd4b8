"""AWS deployment files: ECS task definitions, CloudFormation and SAM templates, and the
Serverless Framework's ``serverless.yml``.

Each is read with the located YAML reader (:mod:`advisor.manifests.deploy._yaml`; JSON is
YAML to it), never evaluated: ``!Ref`` / ``!Sub`` / ``{"Fn::Sub": ...}`` and ``${self:...}``
stay text. What a unit says:

- an ECS task (a task definition file, or an ``AWS::ECS::TaskDefinition`` resource): the
  CPython and libc of its containers' images, the CPU architecture of ``runtimePlatform``,
  the ``DD_*`` variables of each container's ``environment`` (``secrets`` are never read);
- a Lambda function (``AWS::Serverless::Function``, ``AWS::Lambda::Function``, a function of
  ``serverless.yml``): the CPython of its ``python3.X`` runtime, its architecture (Lambda is
  glibc), its ``DD_*`` variables, and a Datadog Python layer it adds
  (``arn:aws:lambda:<region>:<account>:layer:Datadog-Python312-ARM:95``), or the one the
  ``serverless-plugin-datadog`` adds. A function whose runtime is not Python (``nodejs20.x``)
  is no unit of a Python project and is left out.

A layer is read as its version only: which ddtrace a layer version ships is knowledge
(:mod:`advisor.knowledge.layers`), mapped after reading; until then the layer is a ddtrace of
any version (specifier ``""``).
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.errors import ManifestError
from advisor.manifests.deploy._yaml import YList, YMap, YStr, YValue, read_yaml
from advisor.model.deployment import (
    DeployedDdtrace,
    Deployment,
    DeploymentKind,
    EnvSetting,
    ddtrace_dependency,
    env_setting,
    image_facts,
    is_datadog_agent,
    lambda_runtime,
    linux_platform,
)
from advisor.model.excerpt import excerpt
from advisor.model.project import Dependency, Finding, Manifest, SourceLocation

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = ["CFN_READER", "ECS_READER", "SERVERLESS_READER", "datadog_layer"]

#: Characters of a layer ARN looked at (real ARNs are under 150).
_ARN_LIMIT = 2048
# The Datadog Python layer's name and version at the end of an ARN: Datadog-Python312,
# Datadog-Python39-ARM, then ":95" (or a templated version).
_DATADOG_LAYER = re.compile(r":layer:Datadog-Python(\d)(\d{1,2})(-ARM)?(?::([^:]*))?$")
_SERVERLESS_PLUGIN = "serverless-plugin-datadog"


def _read(path: Path, display: str) -> list[YValue]:
    """The documents of ``path``; a ``.json`` file that does not parse is said to be no
    valid JSON (the loader reads it as YAML, and names the line either way)."""
    try:
        _, docs = read_yaml(path, display)
    except ManifestError as exc:
        if exc.code == "invalid-yaml" and path.name.lower().endswith(".json"):
            raise ManifestError(
                exc.message.replace("not valid YAML", "not valid JSON", 1),
                file=exc.file,
                line=exc.line,
                code="invalid-json",
            ) from None
        raise
    return docs


def _root(docs: list[YValue]) -> YMap | None:
    """The file's first mapping document."""
    return next((d for d in docs if isinstance(d, YMap)), None)


def _map(value: YValue) -> YMap | None:
    return value if isinstance(value, YMap) else None


def _list(value: YValue) -> YList | None:
    return value if isinstance(value, YList) else None


def _text(value: YValue) -> str | None:
    """The text of a scalar, whatever its tag, or of ``{"Fn::Sub": "..."}``."""
    if isinstance(value, YStr):
        return str(value)
    if isinstance(value, YMap) and isinstance(sub := value.get("Fn::Sub"), YStr):
        return str(sub)
    return None


def _literal(value: YValue) -> str | None:
    """A scalar's text when it is a literal: untagged (or a ``!Sub`` with nothing to
    substitute) and holding no ``${...}``."""
    if not isinstance(value, YStr) or value.tag not in (None, "!Sub") or "${" in value:
        return None
    return str(value)


def _written(value: YValue) -> str | None:
    """A value as written, for an ``EnvSetting``: ``!Ref Stage`` for a tagged scalar or a JSON
    template's ``{"Ref": "Stage"}``, ``None`` for any other mapping or list (``!Join``)."""
    if isinstance(value, YStr):
        return f"{value.tag} {value}" if value.tag else str(value)
    if isinstance(value, YMap) and len(value) == 1:
        ((key, inner),) = value.items()
        if isinstance(inner, YStr) and (key == "Ref" or key.startswith("Fn::")):
            return f"!{key.removeprefix('Fn::')} {inner}"
    return None


def datadog_layer(arn: str, line: int | None) -> tuple[DeployedDdtrace, str, bool] | None:
    """The Datadog Python layer an ARN names, as ``(ddtrace, CPython minor, arm64)``, or
    ``None`` for any other layer (the Datadog Extension's included).

    The ddtrace is ``how="layer"`` with the layer version (``None`` when the ARN's version is
    templated) and no version or specifier: the layer's ddtrace is mapped from knowledge.
    """
    if len(arn) > _ARN_LIMIT or (m := _DATADOG_LAYER.search(arn.strip())) is None:
        return None
    number = m.group(4)
    layer = int(number) if number is not None and number.isdigit() and len(number) < 10 else None
    ddtrace = DeployedDdtrace("layer", None, "", line, excerpt(arn.strip()), layer)
    return ddtrace, f"{m.group(1)}.{int(m.group(2))}", m.group(3) is not None


@dataclass
class _Unit:
    """What one deployment unit says, gathered as it is read."""

    display: str
    pythons: list[str] = field(default_factory=list)
    platforms: list[str] = field(default_factory=list)
    env: dict[str, EnvSetting] = field(default_factory=dict)
    ddtrace: DeployedDdtrace | None = None
    findings: list[Finding] = field(default_factory=list)

    def python(self, minor: str | None) -> None:
        if minor is not None and minor not in self.pythons:
            self.pythons.append(minor)

    def platform(self, platform: str | None) -> None:
        if platform is not None and platform not in self.platforms:
            self.platforms.append(platform)

    def setenv(self, name: str, value: str | None, line: int | None) -> None:
        """Set a variable; a later setting of a name replaces an earlier one in place."""
        if (setting := env_setting(name, value, line)) is not None:
            self.env[name] = setting

    def addenv(self, name: str, value: str | None, line: int | None) -> None:
        """Add a variable another container of the task may set too (each is kept)."""
        if (setting := env_setting(name, value, line)) is not None:
            self.env[f"{name}\x00{line}"] = setting

    def unresolved(
        self, what: str, value: YValue, line: int | None, why: str = "is templated: not read"
    ) -> None:
        """One info finding (once per message) for a value that is templated where a literal
        is needed, or that names no CPython minor."""
        shown = _written(value) or _text(value) or "an intrinsic function"
        message = f"{what} {excerpt(shown, 60)!r} {why}"
        if all(f.message != message for f in self.findings):
            self.findings.append(
                Finding(
                    "deployment-unresolved",
                    "info",
                    message,
                    SourceLocation(self.display, getattr(value, "line", line)),
                )
            )

    def deployment(
        self, kind: DeploymentKind, line: int | None, name: str | None, *, aws_lambda: bool
    ) -> Deployment:
        return Deployment(
            kind=kind,
            file=self.display,
            line=line,
            name=name,
            pythons=tuple(self.pythons),
            platforms=tuple(self.platforms),
            ddtrace=self.ddtrace,
            env=tuple(self.env.values()),
            aws_lambda=aws_lambda,
            findings=tuple(self.findings),
        )


def _manifest(display: str, kind: str, deployments: list[Deployment]) -> Manifest:
    """The manifest of ``deployments``: each ddtrace they bring is a dependency, once per
    place it is written."""
    deps: dict[tuple[int | None, str], Dependency] = {}
    for d in deployments:
        if d.ddtrace is not None:
            key = (d.ddtrace.line, d.ddtrace.written)
            deps.setdefault(key, ddtrace_dependency(d.ddtrace, display))
    return Manifest(
        path=display, kind=kind, dependencies=tuple(deps.values()), deployments=tuple(deployments)
    )


# ---------------------------------------------------------------------------------------------
# ECS


@dataclass(frozen=True, slots=True)
class _EcsKeys:
    """The key names of a task definition: the ECS API's (``image``) or CloudFormation's
    (``Image``)."""

    image: str
    environment: str
    name: str
    value: str
    platform: str
    arch: str


_ECS_API = _EcsKeys("image", "environment", "name", "value", "runtimePlatform", "cpuArchitecture")
_ECS_CFN = _EcsKeys("Image", "Environment", "Name", "Value", "RuntimePlatform", "CpuArchitecture")


def _ecs_unit(display: str, task: YMap, containers: YList, keys: _EcsKeys) -> _Unit:
    """A task's images, architecture and ``DD_*`` variables."""
    unit = _Unit(display)
    musl = False
    for container in containers:
        if not isinstance(container, YMap):
            continue
        image = container.get(keys.image)
        if (literal := _literal(image)) is not None and is_datadog_agent(literal):
            continue  # the agent sidecar: its DD_* variables configure the agent
        if literal is not None:
            facts = image_facts(literal)
            unit.python(facts.python)
            musl = musl or (facts.musl and facts.python_image)
            if facts.python_image and facts.python is None:
                unit.unresolved("image", image, container.line, "names no CPython minor")
        elif image is not None:
            unit.unresolved("image", image, container.line)
        for item in _list(container.get(keys.environment)) or ():
            if not isinstance(item, YMap) or (name := _literal(item.get(keys.name))) is None:
                continue
            value = item.get(keys.value)
            line = item.lines.get(keys.value if keys.value in item else keys.name, item.line)
            unit.addenv(name, _written(value), line)
    arch = (_map(task.get(keys.platform)) or YMap()).get(keys.arch)
    if (literal := _literal(arch)) is not None:
        unit.platform(linux_platform(literal, musl=musl))
    elif arch is not None:
        unit.unresolved("CPU architecture", arch, None)
    elif musl:
        unit.platform("musllinux-x86_64")
    return unit


_ECS_NAMES = ("task-definition*.json", "taskdef*.json", "*task-def*.json", "*.taskdef.json")


class EcsReader:
    """ECS task definitions (``task-definition.json``, ``taskdef.json``, ``ecs-*.json``), as
    the ECS API writes them; ``aws ecs describe-task-definition`` output too."""

    kind = "ecs"
    is_lock = False

    def matches(self, path: Path, head: bytes) -> bool:
        """By name, unless the name is a CloudFormation template's."""
        name = path.name.lower()
        if _cfn_name(name):
            return False
        return any(fnmatch.fnmatchcase(name, p) for p in _ECS_NAMES) or (
            fnmatch.fnmatchcase(name, "ecs-*.json") and b'"Resources"' not in head
        )

    def sniff(self, head: bytes) -> bool:
        """JSON naming ``containerDefinitions``."""
        return b'"containerDefinitions"' in head

    def read(self, path: Path, display: str) -> Manifest:
        """One ECS deployment for the task, at its ``containerDefinitions`` key."""
        root = _root(_read(path, display))
        if root is not None and "containerDefinitions" not in root:
            root = _map(root.get("taskDefinition")) or root
        containers = _list(root.get("containerDefinitions")) if root is not None else None
        if root is None or containers is None:
            return Manifest(path=display, kind=self.kind)
        unit = _ecs_unit(display, root, containers, _ECS_API)
        line = root.lines.get("containerDefinitions", root.line)
        deployment = unit.deployment("ecs", line, _literal(root.get("family")), aws_lambda=False)
        return _manifest(display, self.kind, [deployment])


# ---------------------------------------------------------------------------------------------
# Lambda, as CloudFormation, SAM and serverless.yml write it


@dataclass
class _Function:
    """A Lambda function's settings, defaults applied: each value as read (``None``: not
    set)."""

    runtime: YValue = None
    image: bool = False
    arch: YValue = None
    env: list[YMap] = field(default_factory=list)
    layers: list[YValue] = field(default_factory=list)


def _lambda_unit(display: str, fn: _Function, line: int | None) -> _Unit | None:
    """A function's unit, or ``None`` for a function whose runtime is not Python."""
    unit = _Unit(display)
    if not fn.image and fn.runtime is not None:
        if (literal := _literal(fn.runtime)) is None:
            unit.unresolved("runtime", fn.runtime, line)
        elif (minor := lambda_runtime(literal)) is None:
            return None
        else:
            unit.python(minor)
    if fn.arch is not None:
        if (literal := _literal(fn.arch)) is not None:
            unit.platform(linux_platform(literal))
        else:
            unit.unresolved("architecture", fn.arch, line)
    for variables in fn.env:
        for name, value in variables.items():
            unit.setenv(name, _written(value), variables.lines.get(name))
    for layer in fn.layers:
        arn = _text(layer)
        found = datadog_layer(arn, getattr(layer, "line", line)) if arn is not None else None
        if found is None:
            continue
        ddtrace, minor, arm = found
        if ddtrace.layer is None:
            unit.unresolved("layer", layer, line)
        if not unit.pythons and not fn.image:
            unit.python(minor)  # the runtime said nothing: the layer is built for this one
        if fn.arch is None:
            unit.platform("linux-aarch64" if arm else "linux-x86_64")
        unit.ddtrace = ddtrace
        break
    return unit


def _first(value: YValue) -> YValue:
    """The first item of a list (``Architectures: [arm64]``), else the value."""
    if isinstance(value, YList):
        return value[0] if value else None
    return value


_CFN_EXACT = ("template.yaml", "template.yml", "template.json")
_CFN_SUFFIXES = (".template", ".template.yaml", ".template.yml", ".template.json")
_CFN_NAMED = ("*.cfn.yaml", "*.cfn.yml", "*.cfn.json")
_CFN_SNIFF = re.compile(rb"""Type["']?[ \t]*:[ \t]*["']?AWS::""")


def _cfn_name(name: str) -> bool:
    """Whether a (lower-case) file name is a CloudFormation template's."""
    return (
        name in _CFN_EXACT
        or name.endswith(_CFN_SUFFIXES)
        or any(fnmatch.fnmatchcase(name, p) for p in _CFN_NAMED)
    )


def _cfn_head(head: bytes) -> bool:
    return (
        b"AWSTemplateFormatVersion" in head
        or b"AWS::Serverless" in head
        or _CFN_SNIFF.search(head) is not None
    )


class CfnReader:
    """CloudFormation and SAM templates, YAML or JSON (``template.yaml``, ``*.template``,
    ``*.cfn.yaml``): their ECS task definitions and Lambda functions."""

    kind = "cloudformation"
    is_lock = False

    def matches(self, path: Path, head: bytes) -> bool:
        """``*.cfn.yaml`` by name; ``template.yaml`` and ``*.template`` (names other tools
        use too) when the head is a template's as well."""
        name = path.name.lower()
        if any(fnmatch.fnmatchcase(name, p) for p in _CFN_NAMED):
            return True
        return _cfn_name(name) and _cfn_head(head)

    def sniff(self, head: bytes) -> bool:
        """``AWSTemplateFormatVersion``, ``AWS::Serverless`` or a ``Type: AWS::...``."""
        return _cfn_head(head)

    def read(self, path: Path, display: str) -> Manifest:
        """One deployment per ECS task definition and per Python (or image) Lambda
        function, at its resource's key, in the order written."""
        root = _root(_read(path, display))
        resources = _map(root.get("Resources")) if root is not None else None
        if root is None or resources is None:
            return Manifest(path=display, kind=self.kind)
        globals_ = _map((_map(root.get("Globals")) or YMap()).get("Function")) or YMap()
        deployments: list[Deployment] = []
        for logical_id, resource in resources.items():
            if not isinstance(resource, YMap):
                continue
            kind = _literal(resource.get("Type"))
            props = _map(resource.get("Properties")) or YMap()
            line = resources.lines.get(logical_id)
            if kind == "AWS::ECS::TaskDefinition":
                containers = _list(props.get("ContainerDefinitions")) or YList()
                unit = _ecs_unit(display, props, containers, _ECS_CFN)
                name = _literal(props.get("Family")) or logical_id
                deployments.append(unit.deployment("ecs", line, name, aws_lambda=False))
            elif kind in ("AWS::Serverless::Function", "AWS::Lambda::Function"):
                sam = kind == "AWS::Serverless::Function"
                fn = _cfn_function(props, globals_ if sam else YMap())
                if (fn_unit := _lambda_unit(display, fn, line)) is not None:
                    deployments.append(
                        fn_unit.deployment("lambda", line, logical_id, aws_lambda=True)
                    )
        return _manifest(display, self.kind, deployments)


def _cfn_function(props: YMap, globals_: YMap) -> _Function:
    """A function's settings, SAM's ``Globals.Function`` first: a value of the function
    replaces the global one, ``Environment.Variables`` are merged (the function's win), and
    ``Layers`` are added to the global ones, as SAM does."""

    def pick(key: str) -> YValue:
        return props[key] if props.get(key) is not None else globals_.get(key)

    env = [
        v
        for source in (globals_, props)
        if (v := _map((_map(source.get("Environment")) or YMap()).get("Variables"))) is not None
    ]
    layers = [item for source in (globals_, props) for item in _list(source.get("Layers")) or ()]
    return _Function(
        runtime=pick("Runtime"),
        image=_literal(pick("PackageType")) == "Image",
        arch=_first(pick("Architectures")),
        env=env,
        layers=layers,
    )


class ServerlessReader:
    """The Serverless Framework's ``serverless.yml``: each function of an AWS service, with
    the provider's settings as defaults and what ``serverless-plugin-datadog`` adds."""

    kind = "serverless"
    is_lock = False

    def matches(self, path: Path, head: bytes) -> bool:
        """``serverless.yml`` / ``serverless.yaml``."""
        return path.name.lower() in ("serverless.yml", "serverless.yaml")

    def sniff(self, head: bytes) -> bool:
        """Top-level ``service:`` and ``provider:`` keys."""
        return (
            re.search(rb"(?m)^service:", head) is not None
            and re.search(rb"(?m)^provider:", head) is not None
        )

    def read(self, path: Path, display: str) -> Manifest:
        """One deployment per Python (or image) function, at its key; one for the provider
        when there are no functions."""
        root = _root(_read(path, display))
        if root is None:
            return Manifest(path=display, kind=self.kind)
        provider = _map(root.get("provider")) or YMap()
        if (cloud := _literal(provider.get("name"))) is not None and cloud.lower() != "aws":
            return Manifest(path=display, kind=self.kind)
        plugin = _Plugin.read(root)
        functions = _functions(root.get("functions"))
        if not functions and "provider" in root:
            functions = [(root.lines["provider"], _literal(root.get("service")), YMap())]
        deployments: list[Deployment] = []
        for line, name, config in functions:
            fn = _serverless_function(provider, config)
            unit = _lambda_unit(display, fn, line)
            if unit is None:
                continue
            plugin.apply(unit, fn)
            deployments.append(unit.deployment("lambda", line, name, aws_lambda=True))
        return _manifest(display, self.kind, deployments)


def _functions(value: YValue) -> list[tuple[int | None, str | None, YMap]]:
    """``functions:`` as ``(line, name, settings)``: a mapping of names, or a list of such
    mappings (each function once, the first written)."""
    items = [value] if isinstance(value, YMap) else list(_list(value) or ())
    out: dict[str, tuple[int | None, str | None, YMap]] = {}
    for functions in items:
        if not isinstance(functions, YMap):
            continue
        for name, config in functions.items():
            if name not in out:
                out[name] = (functions.lines.get(name), name, _map(config) or YMap())
    return list(out.values())


def _serverless_function(provider: YMap, config: YMap) -> _Function:
    """A function's settings over the provider's: ``runtime``, ``architecture`` and
    ``layers`` replace the provider's, ``environment`` is merged (the function's win)."""

    def pick(key: str) -> YValue:
        return config[key] if config.get(key) is not None else provider.get(key)

    layers = _list(pick("layers"))
    return _Function(
        runtime=pick("runtime"),
        image=config.get("image") is not None,
        arch=pick("architecture"),
        env=[m for m in (_map(provider.get("environment")), _map(config.get("environment"))) if m],
        layers=list(layers or ()),
    )


@dataclass(frozen=True, slots=True)
class _Plugin:
    """What ``serverless-plugin-datadog`` (listed under ``plugins:``, configured under
    ``custom.datadog``) adds to each function: ``DD_APPSEC_ENABLED=true`` for ``enableASM``,
    and unless ``addLayers: false`` the Datadog Python layer (``pythonLayerVersion``, else the
    plugin's own, of a version the file does not say)."""

    enabled: bool = False
    asm_line: int | None = None
    layer: DeployedDdtrace | None = None
    layer_value: YValue = None

    @classmethod
    def read(cls, root: YMap) -> _Plugin:
        plugins = root.get("plugins")
        if isinstance(plugins, YMap):
            plugins = plugins.get("modules")
        names = [
            p
            for p in _list(plugins) or ()
            if isinstance(p, YStr) and _literal(p) == _SERVERLESS_PLUGIN
        ]
        settings = _map((_map(root.get("custom")) or YMap()).get("datadog")) or YMap()
        if not names or (_literal(settings.get("enabled")) or "").lower() == "false":
            return cls()
        asm = settings.get("enableASM")
        asm_line = asm.line if isinstance(asm, YStr) and asm.lower() == "true" else None
        if (_literal(settings.get("addLayers")) or "").lower() == "false":
            return cls(True, asm_line)
        version = settings.get("pythonLayerVersion")
        if version is None:
            plugin = names[0]
            return cls(True, asm_line, DeployedDdtrace("layer", None, "", plugin.line, str(plugin)))
        literal = _literal(version)
        number = int(literal) if literal and literal.isdigit() and len(literal) < 10 else None
        line = settings.lines.get("pythonLayerVersion")
        written = excerpt(f"pythonLayerVersion: {_written(version) or ''}")
        layer = DeployedDdtrace("layer", None, "", line, written, number)
        return cls(True, asm_line, layer, version)

    def apply(self, unit: _Unit, fn: _Function) -> None:
        """Add the plugin's settings to a function's unit: its own ``DD_APPSEC_ENABLED`` and
        Datadog layer, when it sets them, are kept."""
        if not self.enabled:
            return
        if self.asm_line is not None and "DD_APPSEC_ENABLED" not in unit.env:
            unit.setenv("DD_APPSEC_ENABLED", "true", self.asm_line)
        if self.layer is not None and unit.ddtrace is None and not fn.image:
            if self.layer.layer is None and self.layer_value is not None:
                unit.unresolved("pythonLayerVersion", self.layer_value, self.layer.line)
            unit.ddtrace = self.layer


ECS_READER = EcsReader()
CFN_READER = CfnReader()
SERVERLESS_READER = ServerlessReader()
