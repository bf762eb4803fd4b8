"""Kubernetes manifests and Helm values files: one
:class:`~advisor.model.deployment.Deployment` per workload, or one for a values file.

A workload (``Deployment``, ``StatefulSet``, ``DaemonSet``, ``ReplicaSet``, ``Job``,
``CronJob``, ``Pod``, an Argo ``Rollout``) says, in its pod template: the images its
containers run (a Python image names the CPython, ``-alpine`` means musl), the CPU it is
scheduled on (``nodeSelector`` or a required node affinity on ``kubernetes.io/arch``), the
``DD_*`` variables of its containers' ``env``, and whether the Datadog admission controller
injects ddtrace (the ``admission.datadoghq.com/python-lib.version`` annotation, unless the
``admission.datadoghq.com/enabled: "false"`` label turns injection off). Every document of a
file is read (``---``), and the items of a ``List``; other kinds (``Service``, ``ConfigMap``)
say nothing about what runs.

A Helm chart's ``values.yaml`` (a ``values*.yaml`` beside a ``Chart.yaml``) has no fixed shape:
it is walked whole, once, for what looks like the same facts wherever it is (``image:``
strings or ``{repository, tag}`` mappings, ``name: DD_*`` / ``value`` pairs and ``DD_*`` keys,
the admission annotation, an arch node selector). So is a document with no ``kind``.

A Helm template (``templates/deployment.yaml``, full of ``{{ ... }}``) is not YAML until Helm
renders it: it is skipped with an info finding, never read as if it were.
"""

from __future__ import annotations

import re
from pathlib import Path

from advisor.errors import ManifestError
from advisor.manifests._text import read_text
from advisor.manifests.deploy._yaml import (
    YList,
    YMap,
    YStr,
    YValue,
    check_size,
    maps_of,
    parse_text,
)
from advisor.manifests.deploy.compose import command_runs_ddtrace, read_image
from advisor.model.deployment import (
    VALUE_LIMIT,
    DeployedDdtrace,
    Deployment,
    EnvSetting,
    admission_version,
    ddtrace_dependency,
    env_setting,
    is_datadog_agent,
    linux_platform,
)
from advisor.model.excerpt import excerpt
from advisor.model.project import Finding, Manifest, SourceLocation

__all__ = ["READER", "KubernetesReader"]

#: Workload kinds, and the keys from the document to its pod template (``metadata`` and
#: ``spec``); a ``Pod`` is its own template.
_TEMPLATES: dict[str, tuple[str, ...]] = {
    "Deployment": ("spec", "template"),
    "StatefulSet": ("spec", "template"),
    "DaemonSet": ("spec", "template"),
    "ReplicaSet": ("spec", "template"),
    "Job": ("spec", "template"),
    "Rollout": ("spec", "template"),
    "CronJob": ("spec", "jobTemplate", "spec", "template"),
    "Pod": (),
}
_ADMISSION_VERSION = "admission.datadoghq.com/python-lib.version"
_ADMISSION_ENABLED = "admission.datadoghq.com/enabled"
_ARCH_LABELS = ("kubernetes.io/arch", "beta.kubernetes.io/arch")
_HEAD_API = re.compile(rb"(?m)^apiVersion:")
_HEAD_KIND = re.compile(rb"(?m)^kind:")


def _get(value: YValue, *keys: str) -> YValue:
    """``value[k1][k2]...``, or ``None`` where a step is not a mapping or lacks the key."""
    for key in keys:
        if not isinstance(value, YMap):
            return None
        value = value.get(key)
    return value


class _Facts:
    """What one workload's pod template, or one values file, says; turned into a
    :class:`Deployment` by :meth:`deployment`."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.pythons: list[str] = []
        #: Whether a Python image was read, and one of them is musl-based.
        self.python_image = self.musl_python = False
        self.arches: list[str] = []
        self.env: list[EnvSetting] = []
        self.ddtrace: DeployedDdtrace | None = None
        self.injection_off = False
        self.ddtrace_run = False
        self.findings: list[Finding] = []

    def image(self, image: YStr) -> None:
        facts, finding = read_image(image, self.display, defaults=False)
        if facts.python is not None and facts.python not in self.pythons:
            self.pythons.append(facts.python)
        if facts.python_image:
            self.python_image = True
            self.musl_python = self.musl_python or facts.musl
        if finding is not None:
            self.findings.append(finding)

    def env_item(self, item: YMap) -> None:
        """``{name: DD_X, value: "1"}``; ``valueFrom`` (a secret, a field) keeps no value."""
        name = item.get("name")
        if not isinstance(name, YStr):
            return
        value = item.get("value")
        text = None if "valueFrom" in item else (value if isinstance(value, YStr) else "")
        if (setting := env_setting(name, text, item.lines["name"])) is not None:
            self.env.append(setting)

    def env_key(self, name: str, value: YValue, line: int) -> None:
        """``DD_X: "1"``, a values file's mapping of variables; a list or mapping is no value."""
        if isinstance(value, YMap | YList):
            return
        if (setting := env_setting(name, value, line)) is not None:
            self.env.append(setting)

    def arch(self, arch: YValue) -> None:
        if isinstance(arch, YStr) and arch not in self.arches:
            self.arches.append(arch)

    def annotation(self, value: YValue, line: int) -> None:
        """The admission controller's ``python-lib.version`` annotation (the first one read)."""
        if self.ddtrace is not None:
            return
        text = value if isinstance(value, YStr) else ""
        read = admission_version(text)
        if read is None:
            self.findings.append(
                Finding(
                    "deployment-unresolved",
                    "warning",
                    f"{_ADMISSION_VERSION} is {excerpt(text)!r}, not a version the admission "
                    "controller takes (v2.3.0, v2, latest): the ddtrace it injects is not known",
                    SourceLocation(self.display, line),
                )
            )
            return
        version, specifier = read
        written = excerpt(text, VALUE_LIMIT)
        self.ddtrace = DeployedDdtrace("admission", version, specifier, line, written)

    def labels(self, labels: YValue) -> None:
        value = _get(labels, _ADMISSION_ENABLED)
        if isinstance(value, YStr) and value.strip().lower() == "false":
            self.injection_off = True

    def deployment(self, line: int | None, name: str | None) -> Deployment:
        """The deployment: musl when a Python image is (``redis:alpine`` beside it, or an
        image of the team's own, says nothing of the libc Python runs on); an arch read on
        musl is a ``musllinux`` platform."""
        musl = self.musl_python
        platforms: list[str] = []
        for arch in self.arches:
            platform = linux_platform(arch, musl=musl)
            if platform is not None and platform not in platforms:
                platforms.append(platform)
        if musl and not self.arches:
            platforms.append("musllinux-x86_64")
        return Deployment(
            kind="kubernetes",
            file=self.display,
            line=line,
            name=name,
            pythons=tuple(self.pythons),
            platforms=tuple(platforms),
            ddtrace=None if self.injection_off else self.ddtrace,
            env=tuple(self.env),
            ddtrace_run=self.ddtrace_run,
            findings=tuple(self.findings),
        )


def _workload(doc: YMap, kind: str, display: str) -> Deployment | None:
    """The deployment of one workload document: its pod template's containers, scheduling
    and admission annotations; ``None`` for a workload that is not the project running (the
    Datadog Agent, a database: no Python image, no ``DD_*`` variable, no ddtrace)."""
    template = _get(doc, *_TEMPLATES[kind])
    meta, spec = _get(template, "metadata"), _get(template, "spec")
    facts = _Facts(display)
    for container in maps_of(_get(spec, "containers")):
        image = container.get("image")
        if isinstance(image, YStr) and is_datadog_agent(image):
            continue  # the agent's DD_* variables configure the agent, not the tracer
        if isinstance(image, YStr):
            facts.image(image)
        for item in maps_of(container.get("env")):
            facts.env_item(item)
        facts.ddtrace_run = facts.ddtrace_run or command_runs_ddtrace(container.get("command"))
    selector = _get(spec, "nodeSelector")
    for label in _ARCH_LABELS:
        facts.arch(_get(selector, label))
    terms = _get(
        spec,
        "affinity",
        "nodeAffinity",
        "requiredDuringSchedulingIgnoredDuringExecution",
        "nodeSelectorTerms",
    )
    for term in maps_of(terms):
        for expression in maps_of(term.get("matchExpressions")):
            if expression.get("key") in _ARCH_LABELS and expression.get("operator") == "In":
                values = expression.get("values")
                for arch in values if isinstance(values, YList) else []:
                    facts.arch(arch)
    annotations = _get(meta, "annotations")
    if isinstance(annotations, YMap) and _ADMISSION_VERSION in annotations:
        facts.annotation(annotations[_ADMISSION_VERSION], annotations.lines[_ADMISSION_VERSION])
    facts.labels(_get(meta, "labels"))
    enabled = _get(_get(meta, "labels"), _ADMISSION_ENABLED)
    if facts.ddtrace is not None and not (
        isinstance(enabled, YStr) and enabled.strip().lower() == "true"
    ):
        # The admission controller mutates only pods labelled for it unless the cluster sets
        # mutateUnlabelled (not in these files; Datadog's default is false).
        facts.findings.append(
            Finding(
                "deployment-unresolved",
                "info",
                f'{_ADMISSION_VERSION} without the {_ADMISSION_ENABLED}: "true" label: '
                "ddtrace is injected only if the cluster mutates unlabelled pods; not counted",
                SourceLocation(display, facts.ddtrace.line),
            )
        )
        facts.ddtrace = None
    if not (facts.python_image or facts.env or facts.ddtrace or facts.ddtrace_run):
        return None
    name = _get(doc, "metadata", "name")
    return facts.deployment(doc.lines["kind"], name if isinstance(name, YStr) else None)


def _walk(root: YValue, facts: _Facts) -> None:
    """Every value of ``root``, once and in document order (no recursion: the loader bounds
    the depth, and a subtree shared by aliases is visited once)."""
    seen: set[int] = set()
    stack: list[YValue] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, YList):
            if id(node) not in seen:
                seen.add(id(node))
                stack.extend(reversed(node))
            continue
        if not isinstance(node, YMap) or id(node) in seen:
            continue
        seen.add(id(node))
        if "value" in node or "valueFrom" in node:
            facts.env_item(node)
        for key, value in node.items():
            line = node.lines[key]
            if key == _ADMISSION_VERSION:
                facts.annotation(value, line)
            elif key == _ADMISSION_ENABLED:
                facts.labels(node)
            elif key in _ARCH_LABELS:
                facts.arch(value)
            elif key == "image":
                _values_image(value, facts)
            elif key.startswith("DD_"):
                facts.env_key(key, value, line)
        stack.extend(reversed(node.values()))


def _values_image(value: YValue, facts: _Facts) -> None:
    """``image: python:3.11`` or ``image: {registry, repository, tag}`` (Helm charts' two
    usual shapes)."""
    if isinstance(value, YStr):
        facts.image(value)
        return
    repository = _get(value, "repository")
    if not isinstance(repository, YStr):
        return
    registry, tag = _get(value, "registry"), _get(value, "tag")
    text = f"{registry}/{repository}" if isinstance(registry, YStr) and registry else repository
    if isinstance(tag, YStr) and tag:
        text = f"{text}:{tag}"
    reference = YStr(text)
    reference.line, reference.tag = repository.line, None
    facts.image(reference)


def _template_skipped(display: str, text: str) -> Manifest:
    line = text.count("\n", 0, text.find("{{")) + 1
    finding = Finding(
        "helm-template-skipped",
        "info",
        "a Helm template ({{ ... }} markers), not YAML until Helm renders it: skipped "
        "(its chart's values files are read)",
        SourceLocation(display, line),
    )
    return Manifest(display, "kubernetes", findings=(finding,))


class KubernetesReader:
    """Kubernetes manifests (any ``*.yaml`` holding ``apiVersion:`` and ``kind:``) and Helm
    ``values*.yaml`` files."""

    kind = "kubernetes"
    is_lock = False

    def matches(self, path: Path, head: bytes) -> bool:
        """A Helm values file: ``values.yaml`` / ``values-prod.yml`` beside a ``Chart.yaml``."""
        name = path.name
        return (
            name.startswith("values")
            and name.endswith((".yaml", ".yml"))
            and (path.parent / "Chart.yaml").is_file()
        )

    def sniff(self, head: bytes) -> bool:
        """``apiVersion:`` and ``kind:`` at the start of lines."""
        return bool(_HEAD_API.search(head) and _HEAD_KIND.search(head))

    def read(self, path: Path, display: str) -> Manifest:
        """Every document: its workloads, then one deployment for what the walk of a values
        file (at line 1) or of the documents with no ``kind`` (at the first) found."""
        values = self.matches(path, b"")
        try:
            text = read_text(path, display)
            check_size(text, display)
            if not values and not _worth_parsing(text):
                # A CRD, a Service, an operator's RBAC: nothing read from it, so not parsed
                # (a repository of Kubernetes files holds hundreds).
                return Manifest(display, self.kind)
            docs = parse_text(text, display)
        except ManifestError as exc:
            if values or exc.code not in ("invalid-yaml", "unreadable"):
                raise
            if "{{" not in (text := read_text(path, display)):
                raise
            return _template_skipped(display, text)
        if "{{" in text and not values:
            return _template_skipped(display, text)
        deployments: list[Deployment] = []
        walked = _Facts(display)
        walked_line = 1 if values else None  # a values file's deployment is the file's
        for doc in docs:
            if not isinstance(doc, YMap):
                continue
            kind = doc.get("kind")
            if values or "kind" not in doc:
                walked_line = walked_line or doc.line
                _walk(doc, walked)
                continue
            items = maps_of(doc.get("items")) if kind == "List" else [doc]
            for item in items:
                what = item.get("kind")
                if (
                    isinstance(what, YStr)
                    and what in _TEMPLATES
                    and (unit := _workload(item, what, display)) is not None
                ):
                    deployments.append(unit)
        if values or walked.pythons or walked.env or walked.ddtrace or walked.findings:
            deployments.append(walked.deployment(walked_line, None))
        dependencies = tuple(
            ddtrace_dependency(d.ddtrace, display) for d in deployments if d.ddtrace is not None
        )
        return Manifest(
            display, self.kind, dependencies=dependencies, deployments=tuple(deployments)
        )


#: What a manifest worth parsing holds somewhere (a workload's kind, the admission controller,
#: a ``DD_*`` name, a Python image): tests that stay fast on the hundreds of CRDs and RBAC
#: files a Kubernetes repository holds (each pattern starts with a literal, which the regular
#: expression engine searches for first). A false hit costs one parse, nothing more.
_WORKLOAD_KIND = re.compile(
    r"kind:[ \t]*[\"']?(?:Deployment|StatefulSet|DaemonSet|ReplicaSet|Pod|Job|CronJob|Rollout"
    r"|List)\b"
)
_PYTHON_IMAGE = re.compile(r"python:[\"']?\d|python3\.\d|aws-lambda-python|lambda/python")


def _worth_parsing(text: str) -> bool:
    return (
        "admission.datadoghq.com" in text
        or "DD_" in text
        or _WORKLOAD_KIND.search(text) is not None
        or ("python" in text and _PYTHON_IMAGE.search(text) is not None)
    )


READER = KubernetesReader()
