"""The YAML deployment readers: compose files, Kubernetes manifests and Helm values, GitHub
workflows; and the loader under them (:mod:`advisor.manifests.deploy._yaml`).

Each reader is called directly on a fixture of ``fixtures/deploy``; lines are asserted exactly.
Hostile files are written to ``tmp_path``: each is read or refused with one
:class:`ManifestError`, never another exception.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.errors import ManifestError
from advisor.manifests._base import ManifestReader
from advisor.manifests.deploy import _yaml, compose, kubernetes, workflows
from advisor.manifests.deploy._yaml import MAX_DEPTH, YList, YMap, YStr, load_all
from advisor.model.deployment import DeployedDdtrace, Deployment

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "deploy"
COMPOSE = FIXTURES / "compose" / "shop"
K8S = FIXTURES / "kubernetes"
WORKFLOW = FIXTURES / "ci-workflows" / ".github" / "workflows" / "tests.yml"


def _env(deployment: Deployment) -> list[tuple[str, str | None, int | None]]:
    return [(e.name, e.value, e.line) for e in deployment.env]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


# --- the loader ---------------------------------------------------------------------------


def test_yaml_scalars_stay_text_with_lines_and_tags() -> None:
    (doc,) = load_all(
        "a: 3.10\nb: true\nc: ~\nd: null\ne:\nf: 'null'\ng: !Ref Bucket\nh:\n  - 1\n  - x: y\n",
        "f.yaml",
    )
    assert isinstance(doc, YMap)
    assert doc["a"] == "3.10" and doc["b"] == "true"
    assert doc["c"] is None and doc["d"] is None and doc["e"] is None
    assert doc["f"] == "null"
    g = doc["g"]
    assert isinstance(g, YStr) and g.tag == "!Ref" and g.line == 7
    h = doc["h"]
    assert isinstance(h, YList) and h.lines == [9, 10]
    assert doc.lines == {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8}


def test_yaml_merge_keys_keep_explicit_keys_and_source_lines() -> None:
    (doc,) = load_all(
        "base: &base\n  image: python:3.12\n  restart: always\n"
        "svc:\n  <<: *base\n  restart: never\n"
        "two:\n  <<: [{a: '1'}, {a: '2', b: '3'}]\n",
        "f.yaml",
    )
    assert isinstance(doc, YMap)
    svc = doc["svc"]
    assert isinstance(svc, YMap)
    assert svc == {"image": "python:3.12", "restart": "never"}
    assert svc.lines == {"image": 2, "restart": 6}
    assert doc["two"] == {"a": "1", "b": "3"}


def test_yaml_alias_bomb_is_refused() -> None:
    text = "a: &a [" + ", ".join(["lol"] * 9) + "]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        text += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]\n"
    with pytest.raises(ManifestError, match="alias bomb") as err:
        list(load_all(text, "bomb.yaml"))
    assert err.value.file == "bomb.yaml" and err.value.line is not None


def test_yaml_alias_inside_its_own_anchor_is_refused() -> None:
    # A cycle: every walk of the tree would loop.
    for text in ("a: &x [1, *x]\n", "a: &x {k: [*x]}\n"):
        with pytest.raises(ManifestError, match="inside its anchor") as err:
            list(load_all(text, "loop.yaml"))
        assert err.value.line == 1


def test_yaml_deep_nesting_is_refused_at_the_limit() -> None:
    with pytest.raises(ManifestError, match="nested deeper") as err:
        list(load_all("[" * 1_000_000, "deep.yaml"))
    assert err.value.line == 1
    block = "".join(" " * i + "k:\n" for i in range(MAX_DEPTH + 10))
    with pytest.raises(ManifestError, match="nested deeper") as err:
        list(load_all(block, "deep.yaml"))
    assert err.value.line == MAX_DEPTH + 1


# --- compose ------------------------------------------------------------------------------


def test_compose_matches_by_name() -> None:
    reader = compose.READER
    for name in ("docker-compose.yml", "compose.yaml", "docker-compose.prod.yml", "compose.a.yaml"):
        assert reader.matches(Path("repo") / name, b"")
    for name in ("compose.toml", "my-compose.yml", "docker-compose.yml.bak"):
        assert not reader.matches(Path(name), b"")
    assert reader.sniff(b"version: '3'\nservices:\n  web:\n    image: nginx\n")
    assert not reader.sniff(b"services:\n  - a\n")


def test_compose_services() -> None:
    path = COMPOSE / "docker-compose.yml"
    manifest = compose.READER.read(path, "repo/docker-compose.yml")
    assert manifest.kind == "compose" and manifest.dependencies == ()
    # db (postgres:16, nothing DD_*) is not the project running: no deployment.
    api, worker = manifest.deployments
    assert (api.kind, api.name, api.line, api.file) == (
        "compose",
        "api",
        3,
        "repo/docker-compose.yml",
    )
    assert api.context == "repo/api"
    assert api.pythons == () and api.platforms == () and api.findings == ()
    assert _env(api) == [
        ("DD_APPSEC_ENABLED", "true", 9),
        ("DD_SERVICE", "shop-api", 10),
        ("DD_AGENT_HOST", None, 12),
    ]
    assert api.ddtrace_run
    assert (worker.name, worker.line, worker.context) == ("worker", 16, None)
    assert worker.pythons == ("3.12",)
    assert worker.platforms == ("musllinux-aarch64",)
    assert _env(worker) == [
        ("DD_API_KEY", None, 20),
        ("DD_ENV", "production", 21),
        ("DD_VERSION", None, 23),  # a reference: its value is not in the file
    ]
    assert not worker.ddtrace_run
    shown = repr(manifest)
    for secret in ("0123456789abcdef", "OTHER_SECRET", "hunter2", "DATABASE_URL", "env_file"):
        assert secret not in shown


def test_compose_build_mapping_defaults_and_templates() -> None:
    manifest = compose.READER.read(COMPOSE / "compose.override.yaml", "compose.override.yaml")
    web, tasks, legacy, lam, remote = manifest.deployments
    assert (web.name, web.line, web.context) == ("web", 2, "../services/web")
    assert (tasks.pythons, tasks.platforms, tasks.findings) == (("3.11",), (), ())
    assert tasks.ddtrace_run
    assert legacy.pythons == ()
    (finding,) = legacy.findings
    assert (finding.id, finding.severity) == ("deployment-unresolved", "info")
    assert finding.location is not None and finding.location.line == 10
    assert "python:${PYTHON_VERSION}" in finding.message
    assert lam.aws_lambda and lam.pythons == ("3.12",)
    assert remote.context is None


def test_compose_context_beside_a_root_file() -> None:
    manifest = compose.READER.read(COMPOSE / "docker-compose.yml", "docker-compose.yml")
    assert manifest.deployments[0].context == "api"


@pytest.mark.parametrize(
    "text",
    [
        "services: [1, 2]\n",
        "services: web\n",
        "- services\n",
        "",
        "services:\n  web: [1]\n  api: 'x'\n",
        "services:\n  web:\n    image: [python]\n    environment: DD_X=1\n"
        "    build: [1]\n    platform: {a: b}\n    command: {x: y}\n",
    ],
)
def test_compose_wrong_shapes_give_nothing(tmp_path: Path, text: str) -> None:
    manifest = compose.READER.read(_write(tmp_path, "compose.yaml", text), "compose.yaml")
    for deployment in manifest.deployments:
        assert (deployment.pythons, deployment.env, deployment.context) == ((), (), None)


def test_compose_env_values_of_the_wrong_shape(tmp_path: Path) -> None:
    text = "services:\n  web:\n    environment:\n      DD_A: [1]\n      DD_B:\n    \n"
    text += "  api:\n    environment:\n      - [DD_C=1]\n      - DD_D=x=y\n"
    manifest = compose.READER.read(_write(tmp_path, "compose.yaml", text), "compose.yaml")
    web, api = manifest.deployments
    assert _env(web) == [("DD_A", None, 4), ("DD_B", None, 5)]
    assert _env(api) == [("DD_D", "x=y", 10)]


def test_compose_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "docker-compose.yml", "services:\n  web:\n    image: [python\n")
    with pytest.raises(ManifestError) as err:
        compose.READER.read(path, "docker-compose.yml")
    assert err.value.file == "docker-compose.yml" and err.value.line == 4
    assert err.value.code == "invalid-yaml"


# --- Kubernetes ---------------------------------------------------------------------------


def test_kubernetes_matches_values_beside_a_chart_and_sniffs_manifests(tmp_path: Path) -> None:
    reader = kubernetes.READER
    assert reader.matches(K8S / "chart" / "values.yaml", b"")
    for name in ("values.yaml", "values-prod.yml"):
        assert not reader.matches(_write(tmp_path, name, "a: 1\n"), b"")
    _write(tmp_path, "Chart.yaml", "apiVersion: v2\nname: x\nversion: 1.0.0\n")
    assert reader.matches(tmp_path / "values-prod.yml", b"")
    assert not reader.matches(tmp_path / "Chart.yaml", b"")
    assert reader.sniff(b"---\napiVersion: apps/v1\nkind: Deployment\n")
    assert not reader.sniff(b"apiVersion: v2\nname: chart\n")
    assert not reader.sniff(b"metadata:\n  apiVersion: v1\n  kind: Pod\n")


def test_kubernetes_deployment() -> None:
    manifest = kubernetes.READER.read(K8S / "deployment.yaml", "k8s/deployment.yaml")
    (deployment,) = manifest.deployments
    assert (deployment.kind, deployment.name, deployment.line) == ("kubernetes", "checkout", 2)
    assert deployment.pythons == ("3.11",)
    assert deployment.platforms == ("linux-aarch64",)
    assert _env(deployment) == [
        ("DD_IAST_ENABLED", "false", 27),
        ("DD_API_KEY", None, 29),
        ("DD_ENV", None, 36),
    ]
    assert deployment.ddtrace == DeployedDdtrace("admission", "2.3.0", "==2.3.0", 18, "v2.3.0")
    assert deployment.ddtrace_run and deployment.findings == ()
    (dep,) = manifest.dependencies
    assert (dep.name, dep.specifier, dep.version) == ("ddtrace", "==2.3.0", "2.3.0")
    assert (dep.source.file, dep.source.line) == ("k8s/deployment.yaml", 18)
    assert "not-for-reports" not in repr(manifest)
    assert "DATABASE_PASSWORD" not in repr(manifest)


def test_kubernetes_cronjob_and_affinity() -> None:
    manifest = kubernetes.READER.read(K8S / "cronjob.yaml", "cronjob.yaml")
    (job,) = manifest.deployments
    assert (job.name, job.line, job.pythons) == ("nightly-report", 2, ("3.12",))
    assert job.platforms == ("musllinux-x86_64", "musllinux-aarch64")
    assert job.ddtrace == DeployedDdtrace("admission", None, "==2.*", 12, "v2")
    assert _env(job) == [("DD_TRACE_ENABLED", "true", 29)]
    assert [d.specifier for d in manifest.dependencies] == ["==2.*"]


def test_kubernetes_multi_document_bundle() -> None:
    manifest = kubernetes.READER.read(K8S / "bundle.yaml", "bundle.yaml")
    # The Service and the ConfigMap (whose data holds a DD_ENV) give nothing.
    search, debug = manifest.deployments
    assert (search.name, search.line, search.pythons) == ("search", 13, ())
    assert search.ddtrace is None  # the enabled: "false" label turns injection off
    assert _env(search) == [("DD_APPSEC_ENABLED", "true", 29)]
    assert (debug.name, debug.line, debug.pythons) == ("debug", 40, ("3.13",))
    assert debug.platforms == ("linux-x86_64",)
    assert debug.ddtrace == DeployedDdtrace("admission", None, "", 44, "latest")
    assert [(d.specifier, d.source.line) for d in manifest.dependencies] == [("", 44)]


def test_kubernetes_helm_values() -> None:
    manifest = kubernetes.READER.read(K8S / "chart" / "values.yaml", "chart/values.yaml")
    (values,) = manifest.deployments
    assert (values.line, values.name) == (1, None)
    assert values.pythons == ("3.11", "3.12")
    assert values.platforms == ("linux-x86_64",)
    assert values.ddtrace == DeployedDdtrace("admission", "2.3.0", "==2.3.0", 9, "v2.3.0")
    assert _env(values) == [
        ("DD_APPSEC_ENABLED", "true", 15),
        ("DD_API_KEY", None, 17),
        ("DD_PROFILING_ENABLED", "false", 23),
    ]
    assert [d.version for d in manifest.dependencies] == ["2.3.0"]
    assert "do-not-keep" not in repr(manifest) and "LOG_LEVEL" not in repr(manifest)


def test_kubernetes_helm_template_is_skipped() -> None:
    path = K8S / "chart" / "templates" / "deployment.yaml"
    assert kubernetes.READER.sniff(path.read_bytes())
    manifest = kubernetes.READER.read(path, "templates/deployment.yaml")
    assert manifest.deployments == () and manifest.dependencies == ()
    (finding,) = manifest.findings
    assert (finding.id, finding.severity) == ("helm-template-skipped", "info")
    assert finding.location is not None and finding.location.line == 4


def test_kubernetes_template_that_parses_is_skipped_too(tmp_path: Path) -> None:
    text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - image: "{{ .Values.image }}"\n'
    manifest = kubernetes.READER.read(_write(tmp_path, "pod.yaml", text), "pod.yaml")
    assert manifest.deployments == () and len(manifest.findings) == 1


def test_kubernetes_unreadable_admission_version_warns(tmp_path: Path) -> None:
    text = (
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n"
        "    admission.datadoghq.com/python-lib.version: banana\n"
        "spec:\n  containers:\n    - image: python:latest\n"
    )
    manifest = kubernetes.READER.read(_write(tmp_path, "pod.yaml", text), "pod.yaml")
    (pod,) = manifest.deployments
    assert pod.ddtrace is None and manifest.dependencies == ()
    warning, unresolved = sorted(pod.findings, key=lambda f: f.severity, reverse=True)
    assert warning.severity == "warning" and "banana" in warning.message
    assert warning.location is not None and warning.location.line == 6
    assert unresolved.severity == "info" and "python:latest" in unresolved.message


def test_kubernetes_list_items(tmp_path: Path) -> None:
    text = (
        "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: DaemonSet\n"
        "    metadata: {name: agent}\n    spec:\n      template:\n        spec:\n"
        "          containers:\n            - image: python:3.10\n"
    )
    manifest = kubernetes.READER.read(_write(tmp_path, "list.yaml", text), "list.yaml")
    (agent,) = manifest.deployments
    assert (agent.name, agent.line, agent.pythons) == ("agent", 5, ("3.10",))


def _pod(*images: str) -> str:
    containers = "".join(f"    - image: {image}\n" for image in images)
    return f"apiVersion: v1\nkind: Pod\nspec:\n  containers:\n{containers}"


@pytest.mark.parametrize(
    ("images", "platforms"),
    [
        (("python:3.12-slim", "nginx:1.27-alpine"), ()),
        # No Python image, no DD_* variable, no ddtrace: not the project (a cache, a proxy).
        (("example/app:1.0-alpine",), None),
        (("example/app:1.0", "nginx:1.27-alpine"), None),
        (("redis:7-alpine", "nginx:1.27-alpine"), None),
        (("python:3.12-alpine", "envoyproxy/envoy:v1.31"), ("musllinux-x86_64",)),
        # The Datadog Agent's own variables are the agent's, not the tracer's.
        (("gcr.io/datadoghq/agent:7",), None),
    ],
)
def test_kubernetes_musl_comes_from_the_python_image(
    tmp_path: Path, images: tuple[str, ...], platforms: tuple[str, ...] | None
) -> None:
    text = _pod(*images).replace(
        "    - image: gcr.io/datadoghq/agent:7\n",
        (
            "    - image: gcr.io/datadoghq/agent:7\n      env:\n        - name: DD_APM_ENABLED\n"
            '          value: "true"\n'
        ),
    )
    manifest = kubernetes.READER.read(_write(tmp_path, "pod.yaml", text), "pod.yaml")
    if platforms is None:
        assert manifest.deployments == ()
    else:
        assert manifest.deployments[0].platforms == platforms


def test_kubernetes_document_without_kind_is_walked(tmp_path: Path) -> None:
    text = _pod("python:3.12") + "---\n# overrides\nworker:\n  env:\n    DD_ENV: prod\n"
    manifest = kubernetes.READER.read(_write(tmp_path, "all.yaml", text), "all.yaml")
    pod, rest = manifest.deployments
    assert (pod.line, pod.pythons, rest.line, rest.name) == (2, ("3.12",), 8, None)
    assert _env(rest) == [("DD_ENV", "prod", 10)]


def test_kubernetes_helm_values_may_quote_go_templates(tmp_path: Path) -> None:
    _write(tmp_path, "Chart.yaml", "apiVersion: v2\n")
    text = 'ingress:\n  host: "{{ .Release.Name }}.example.com"\nimage: python:3.13-slim\n'
    manifest = kubernetes.READER.read(_write(tmp_path, "values.yaml", text), "values.yaml")
    assert manifest.findings == ()
    assert manifest.deployments[0].pythons == ("3.13",)


@pytest.mark.parametrize(
    "text",
    [
        "apiVersion: v1\nkind: Pod\nspec: [1]\n",
        "apiVersion: v1\nkind: Pod\nmetadata: x\nspec:\n  containers: {a: 1}\n",
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - env: x\n      image: [1]\n"
        "      command: 5\n  nodeSelector: [arm64]\n  affinity: x\n",
        "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - env: [x, [1], {name: [DD_X]}]\n",
        "apiVersion: v1\nkind: [Pod]\n",
        "apiVersion: v1\nkind: List\nitems: 5\n",
        "apiVersion: apps/v1\nkind: CronJob\nspec:\n  jobTemplate: [1]\n",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations: [1]\n  labels: x\n",
        "- a\n- b\n---\nplain\n---\n",
    ],
)
def test_kubernetes_wrong_shapes_give_nothing(tmp_path: Path, text: str) -> None:
    manifest = kubernetes.READER.read(_write(tmp_path, "bad.yaml", text), "bad.yaml")
    for deployment in manifest.deployments:
        assert (deployment.pythons, deployment.env, deployment.platforms) == ((), (), ())
        assert deployment.ddtrace is None
    assert manifest.dependencies == ()


def test_kubernetes_values_walk_visits_shared_subtrees_once(tmp_path: Path) -> None:
    text = "a: &env\n  - name: DD_ENV\n    value: prod\nb: *env\nc: [*env, *env]\n"
    _write(tmp_path, "Chart.yaml", "apiVersion: v2\n")
    manifest = kubernetes.READER.read(_write(tmp_path, "values.yaml", text), "values.yaml")
    (values,) = manifest.deployments
    assert _env(values) == [("DD_ENV", "prod", 2)]


def test_kubernetes_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "deploy.yaml", "apiVersion: v1\nkind: Pod\nspec: {a: [}\n")
    with pytest.raises(ManifestError) as err:
        kubernetes.READER.read(path, "deploy.yaml")
    assert (err.value.file, err.value.line) == ("deploy.yaml", 3)


# --- GitHub workflows ---------------------------------------------------------------------


def test_workflow_matches_by_folder() -> None:
    reader = workflows.READER
    assert reader.matches(WORKFLOW, b"")
    assert reader.matches(Path(".github/workflows/ci.yaml"), b"")
    assert not reader.matches(Path("workflows/ci.yml"), b"")
    assert not reader.matches(Path(".github/workflows/README.md"), b"")
    assert not reader.matches(Path(".github/dependabot.yml"), b"")
    assert not reader.sniff(WORKFLOW.read_bytes())


def test_workflow_matrix_and_setup_python() -> None:
    manifest = workflows.READER.read(WORKFLOW, ".github/workflows/tests.yml")
    (ci,) = manifest.deployments
    assert (ci.kind, ci.line, ci.name) == ("ci", 11, None)
    assert ci.pythons == ("3.9", "3.10", "3.13t", "3.12", "3.11", "3.14")
    assert (ci.platforms, ci.env, ci.ddtrace) == ((), (), None)


def test_workflow_setup_python_line_of_a_block_and_a_literal(tmp_path: Path) -> None:
    text = (
        "jobs:\n  a:\n    steps:\n      - uses: actions/setup-python@v5\n"
        "        with:\n          python-version: |\n            3.x\n            3.8\n"
        "  b:\n    steps:\n      - uses: actions/setup-python@v5\n"
        "        with: {python-version: '3.12'}\n"
    )
    manifest = workflows.READER.read(_write(tmp_path, "ci.yml", text), "ci.yml")
    (ci,) = manifest.deployments
    assert (ci.line, ci.pythons) == (8, ("3.8", "3.12"))


@pytest.mark.parametrize(
    "text",
    [
        "jobs: [1, 2]\n",
        "jobs:\n  a: x\n  b:\n    strategy: [1]\n    steps: {uses: x}\n",
        "jobs:\n  a:\n    strategy:\n      matrix: ${{ fromJSON(needs.x.outputs.m) }}\n",
        "jobs:\n  a:\n    strategy:\n      matrix:\n        python: ['${{ env.PY }}', pypy3.9, '3', 3.x]\n"
        "        include: [x, {python-version: [[3.12]]}]\n",
        "jobs:\n  a:\n    steps:\n      - uses: actions/setup-python@v5\n        with: x\n"
        "      - uses: [actions/setup-python@v5]\n        with: {python-version: '3.12'}\n",
    ],
)
def test_workflow_wrong_shapes_give_nothing(tmp_path: Path, text: str) -> None:
    manifest = workflows.READER.read(_write(tmp_path, "ci.yml", text), "ci.yml")
    assert manifest.deployments == ()


# --- hostile files, every reader ----------------------------------------------------------

READERS: list[ManifestReader] = [compose.READER, kubernetes.READER, workflows.READER]


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.kind)
def test_malformed_yaml_is_one_error_with_a_line(tmp_path: Path, reader: ManifestReader) -> None:
    # A Kubernetes file is parsed only when it may hold something read (a workload here).
    path = _write(tmp_path, "f.yaml", "kind: Deployment\na: 1\nb:\n  - c\n d: e\n")
    with pytest.raises(ManifestError) as err:
        reader.read(path, path.name)
    assert err.value.file == "f.yaml" and err.value.line == 5


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.kind)
def test_alias_bomb_and_deep_nesting_are_refused(tmp_path: Path, reader: ManifestReader) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        bomb += f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]\n"
    path = _write(
        tmp_path, "bomb.yaml", "kind: Deployment\nservices:\n  " + bomb.replace("\n", "\n  ")
    )
    with pytest.raises(ManifestError, match="alias bomb"):
        reader.read(path, path.name)
    path = _write(tmp_path, "deep.yaml", "kind: Deployment\nservices: " + "{a: " * 100_000)
    with pytest.raises(ManifestError, match="nested deeper"):
        reader.read(path, path.name)


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.kind)
def test_ten_megabytes_are_refused_unparsed(
    tmp_path: Path, reader: ManifestReader, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(text: str, display: str) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(_yaml, "load_all", never)
    path = tmp_path / "big.yaml"
    path.write_bytes(b"services:\n" + b"  # padding padding padding\n" * (10 * 2**20 // 28))
    with pytest.raises(ManifestError) as err:
        reader.read(path, path.name)
    assert err.value.code == "file-too-large"


def test_compose_leaves_out_the_agent_and_services_that_are_not_the_project(
    tmp_path: Path,
) -> None:
    text = (
        "services:\n"
        "  app:\n    build: .\n"
        "  datadog:\n    image: gcr.io/datadoghq/agent:7\n    environment:\n"
        "      - DD_APM_ENABLED=true\n"
        "  cache:\n    image: redis:7-alpine\n"
        "  web:\n    image: registry.example.com/web:1\n    environment:\n"
        "      DD_APPSEC_ENABLED: 'true'\n"
    )
    manifest = compose.READER.read(_write(tmp_path, "compose.yaml", text), "compose.yaml")
    assert [(d.name, d.platforms) for d in manifest.deployments] == [("app", ()), ("web", ())]
