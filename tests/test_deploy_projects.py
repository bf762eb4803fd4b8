"""Deployment files change the answer (issue 18): the CPythons and platforms planned for, the
switches said against where they are set, and a ddtrace a deployment installs or injects.

Each fixture under ``fixtures/deploy-projects/`` is a small project of our own; each test runs
the command line offline on the shipped snapshot and reads the JSON report (schema 4), or the
text report where the words matter.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from advisor.frontends.cli import main
from tests._helpers import ROOT

FIXTURES = ROOT / "fixtures" / "deploy-projects"
#: Offline on the shipped snapshot, on a fixed day; each test names its capabilities.
OFFLINE = ["--offline", "--no-cache", "--today", "2026-11-24"]


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main([*args, *OFFLINE, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def _project(doc: dict[str, Any], root: str = ".") -> dict[str, Any]:
    (project,) = [p for p in doc["projects"] if p["root"] == root]
    return dict(project)


def _ids(project: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in project["findings"]:
        out.setdefault(f["id"], []).append(f["message"])
    return out


def test_a_dockerfile_decides_the_scope_and_adds_musl_arm64(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = FIXTURES / "docker-alpine"
    _, doc = _json(capsys, str(folder), "-c", "threat-monitoring,runtime-activation")
    p = _project(doc)
    dockerfile = f"{folder}/Dockerfile"
    # No declared range: the final stage's python:${PYTHON_VERSION}-alpine (ARG default 3.11).
    assert p["python"]["versions"] == ["3.11"]
    assert p["python"]["source"] == f"deployment: {dockerfile}:7"
    assert p["python"]["origins"] == {"3.11": f"{dockerfile}:7"}
    # --platform=linux/arm64 on an alpine image: musllinux-aarch64 joins the default.
    assert p["platforms"] == ["linux-x86_64", "musllinux-aarch64"]
    (d,) = p["deployment"]
    assert d["kind"] == "docker" and d["file"] == dockerfile and d["line"] == 7
    assert d["pythons"] == ["3.11"] and d["platforms"] == ["musllinux-aarch64"]
    assert d["ddtrace_run"] is True and d["ddtrace"] is None
    # DD_SERVICE is kept (a DD_ name); DD_API_KEY keeps no value; the key is nowhere.
    assert d["env"] == {"DD_SERVICE": "shop", "DD_APPSEC_ENABLED": "true", "DD_API_KEY": None}
    text = json.dumps(doc)
    assert "0123456789abcdef" not in text
    found = _ids(p)
    # Runtime Activation needs DD_APPSEC_ENABLED unset: the Dockerfile sets it, at its line.
    (conflict,) = found["env-conflict"]
    assert f"{dockerfile}:11 ('true')" in conflict and "Runtime Activation" in conflict
    assert "env-switch" not in found


def test_the_switch_set_already_is_said_where(capsys: pytest.CaptureFixture[str]) -> None:
    folder = FIXTURES / "docker-alpine"
    _, doc = _json(capsys, str(folder), "-c", "api-security")
    found = _ids(_project(doc))
    (done,) = [m for m in found["env-set"] if m.startswith("DD_APPSEC_ENABLED")]
    assert done.startswith(f"DD_APPSEC_ENABLED=true is set already at {folder}/Dockerfile:11")
    assert not [m for m in found.get("env-switch", []) if "DD_APPSEC_ENABLED" in m]


def test_the_admission_annotation_is_the_projects_ddtrace(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = FIXTURES / "k8s-admission"
    code, doc = _json(capsys, str(folder), "-c", "iast", "--python", "3.12")
    p = _project(doc)
    manifest = f"{folder}/deploy/deployment.yaml"
    # requirements.txt names no ddtrace: the injected v2.3.0 is the project's, at its line.
    assert p["ddtrace"]["current"] == "2.3.0"
    assert p["ddtrace"]["source"] == {"file": manifest, "line": 19}
    assert code == 1 and p["recommendation"]["changes"][0]["source"] == {
        "file": manifest,
        "line": 19,
    }
    (d,) = p["deployment"]
    assert d["kind"] == "kubernetes" and d["line"] == 10 and d["name"] == "orders"
    assert d["ddtrace"] == {
        "version": "2.3.0",
        "how": "admission",
        "specifier": "==2.3.0",
        "line": 19,
        "layer": None,
    }
    # DATABASE_PASSWORD is not a DD_ variable: never read.
    assert d["env"] == {"DD_IAST_ENABLED": "false"}
    assert "hunter2" not in json.dumps(doc)
    (conflict,) = _ids(p)["env-conflict"]
    assert f"DD_IAST_ENABLED is set at {manifest}:25 ('false')" in conflict
    assert "set DD_IAST_ENABLED=true there" in conflict


def test_fix_moves_the_injected_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "svc"
    shutil.copytree(FIXTURES / "k8s-admission", folder)
    before = (folder / "deploy" / "deployment.yaml").read_text()
    main([str(folder), *OFFLINE, "-c", "iast", "--python", "3.12", "--fix"])
    capsys.readouterr()
    after = (folder / "deploy" / "deployment.yaml").read_text()
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert len(changed) == 1
    old, new = changed[0]
    assert old == '        admission.datadoghq.com/python-lib.version: "v2.3.0"'
    assert new.startswith('        admission.datadoghq.com/python-lib.version: "v')
    _, doc = _json(capsys, str(folder), "-c", "iast", "--python", "3.12")
    assert _project(doc)["status"] == "ok"


def test_compose_services_go_to_the_projects_they_build(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = FIXTURES / "monorepo-compose"
    _, doc = _json(capsys, str(folder), "-c", "threat-monitoring")
    roots = [p["root"] for p in doc["projects"]]
    assert roots == ["services/api", "services/worker"]  # the compose file's folder is none
    api, worker = (_project(doc, r) for r in roots)
    compose = f"{folder}/docker-compose.yml"
    assert [(d["kind"], d["file"], d["name"]) for d in api["deployment"]] == [
        ("docker", f"{folder}/services/api/Dockerfile", None),
        ("compose", compose, "api"),
    ]
    assert api["deployment"][1]["env"] == {"DD_APPSEC_ENABLED": "true", "DD_ENV": "prod"}
    # The api declares >=3.12 and its image runs 3.12: nothing added.
    assert api["python"]["versions"] == ["3.12", "3.13", "3.14", "3.15"]
    assert api["platforms"] == ["linux-x86_64"]
    docker, service = worker["deployment"]
    assert (docker["kind"], docker["pythons"], docker["ddtrace_run"]) == ("docker", ["3.12"], True)
    assert service["name"] == "worker" and service["platforms"] == ["linux-aarch64"]
    # The worker declares no range: its Dockerfile's python:3.12-alpine decides. The service
    # runs it on linux/arm64: on the image's musl (the Dockerfile alone, without --platform,
    # says x86_64).
    assert worker["python"]["versions"] == ["3.12"]
    assert worker["platforms"] == ["linux-x86_64", "musllinux-x86_64", "musllinux-aarch64"]
    assert "env-switch" in _ids(worker) and "env-set" in _ids(api)


def test_a_serverless_function_is_planned_for_lambda(capsys: pytest.CaptureFixture[str]) -> None:
    folder = FIXTURES / "lambda-sls"
    _, doc = _json(capsys, str(folder), "-c", "threat-monitoring")
    p = _project(doc)
    sls = f"{folder}/serverless.yml"
    assert p["runs_in"] == {"kind": "lambda", "source": f"{sls}:9 runs in AWS Lambda"}
    assert p["python"]["versions"] == ["3.12"] and p["platforms"] == [
        "linux-x86_64",
        "linux-aarch64",
    ]
    (d,) = p["deployment"]
    assert d["kind"] == "lambda" and d["aws_lambda"] is True and d["name"] == "pay"
    assert d["env"]["DD_APPSEC_ENABLED"] == "true"
    # Layer 98 ships a ddtrace the knowledge names (datadog-lambda-python's tag).
    assert d["ddtrace"]["how"] == "layer" and d["ddtrace"]["layer"] == 98
    assert d["ddtrace"]["specifier"], d["ddtrace"]
    assert "layer-version" in _ids(p)


def test_ci_matrix_is_the_scope_when_nothing_else_says(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = FIXTURES / "ci-only"
    _, doc = _json(capsys, str(folder), "-c", "threat-monitoring")
    p = _project(doc)
    assert p["python"]["versions"] == ["3.10", "3.11", "3.12"]
    workflow = f"{folder}/.github/workflows/test.yml"
    assert p["python"]["source"].startswith("CI matrix")
    assert set(p["python"]["origins"].values()) == {f"{workflow}:8"}
    (d,) = p["deployment"]
    assert d["kind"] == "ci" and d["pythons"] == ["3.10", "3.11", "3.12"]


def test_python_flag_still_adds_the_deployments_cpython(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = FIXTURES / "docker-alpine"
    _, doc = _json(capsys, str(folder), "-c", "threat-monitoring", "--python", "3.12")
    p = _project(doc)
    assert p["python"]["versions"] == ["3.11", "3.12"]
    assert p["python"]["origins"] == {"3.11": f"{folder}/Dockerfile:7", "3.12": "--python"}
    assert "deployment-python-added" in _ids(p)


def test_platform_flag_replaces_the_deployments_platforms(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, doc = _json(
        capsys,
        str(FIXTURES / "docker-alpine"),
        "-c",
        "threat-monitoring",
        "--platform",
        "linux-x86_64",
    )
    assert _project(doc)["platforms"] == ["linux-x86_64"]


def test_text_report_names_the_deployment(capsys: pytest.CaptureFixture[str]) -> None:
    main([str(FIXTURES / "docker-alpine"), *OFFLINE, "-c", "threat-monitoring", "-v"])
    out = capsys.readouterr().out
    assert "deployment: docker at " in out and "CPython 3.11 on musllinux-aarch64" in out
    assert "DD_API_KEY" in out and "0123456789abcdef" not in out


def test_a_dockerfile_install_is_a_declaration_fix_moves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "svc"
    shutil.copytree(FIXTURES / "docker-pip", folder)
    _, doc = _json(capsys, str(folder), "-c", "exploit-prevention")
    p = _project(doc)
    linux, windows = p["deployment"]  # tests/Dockerfile is a test image: left out, said
    assert (linux["file"], linux["ddtrace"]["line"]) == (f"{folder}/Dockerfile", 4)
    assert windows["platforms"] == ["windows-amd64"] and windows["pythons"] == ["3.12"]
    assert p["platforms"] == ["linux-x86_64", "windows-amd64"]
    (left,) = _ids(p)["deployment-left-out"]
    assert f"{folder}/tests/Dockerfile" in left
    assert "3.9" not in p["python"]["versions"]
    # The requirements file is still the runtime environment: flask is found.
    assert [i["distribution"] for i in p["integrations"]] == ["flask"]
    before = {n: (folder / n).read_text() for n in ("Dockerfile", "Dockerfile.windows")}
    main([str(folder), *OFFLINE, "-c", "exploit-prevention", "--fix"])
    capsys.readouterr()
    target = doc["projects"][0]["recommendation"]["ddtrace"]
    after = {n: (folder / n).read_text() for n in before}
    assert after["Dockerfile"] == before["Dockerfile"].replace(
        '"ddtrace==2.3.0"', f'"ddtrace=={target}"'
    )
    assert after["Dockerfile.windows"] == before["Dockerfile.windows"].replace(
        '"ddtrace==2.3.0"', f'"ddtrace=={target}"'
    )
    _, doc = _json(capsys, str(folder), "-c", "exploit-prevention")
    assert _project(doc)["status"] == "ok"


def test_a_lambda_layer_reads_as_its_ddtrace_and_fix_moves_the_layer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "fn"
    shutil.copytree(FIXTURES / "sam-layer", folder)
    code, doc = _json(capsys, str(folder), "-c", "threat-monitoring,exploit-prevention")
    p = _project(doc)
    (d,) = p["deployment"]
    assert d["ddtrace"]["layer"] == 60 and d["ddtrace"]["specifier"] == ">=0.61.1,<0.62"
    assert d["platforms"] == ["linux-aarch64"] and d["pythons"] == ["3.11"]
    assert p["ddtrace"]["source"] == {"file": f"{folder}/template.yaml", "line": 11}
    assert code == 1 and p["runs_in"]["kind"] == "lambda"
    (note,) = _ids(p)["layer-version"]
    assert "datadog-lambda 3.59.0" in note and "github.com/DataDog/datadog-lambda-python" in note
    assert "abcdef0123456789" not in json.dumps(doc)
    main([str(folder), *OFFLINE, "-c", "threat-monitoring,exploit-prevention", "--fix"])
    capsys.readouterr()
    text = (folder / "template.yaml").read_text()
    assert "Datadog-Python311-ARM:60" not in text
    _, doc = _json(capsys, str(folder), "-c", "threat-monitoring,exploit-prevention")
    assert _project(doc)["status"] == "ok"


def test_a_broken_deployment_file_is_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "requirements.txt").write_text("ddtrace==2.3.0\n")
    (tmp_path / "docker-compose.yml").write_text("services:\n  api:\n    image: [\n")
    assert main([str(tmp_path), *OFFLINE]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    (line,) = out.err.strip().splitlines()
    assert line.startswith(f"aap-advise: error: {tmp_path}/docker-compose.yml:4: not valid YAML")


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "sarif"])
def test_secrets_and_other_variables_never_reach_a_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    (tmp_path / "requirements.txt").write_text("ddtrace==2.3.0\n")
    (tmp_path / "Dockerfile").write_text(
        "FROM python:3.12\n"
        "ENV DD_API_KEY=s3cr3tvalue1 DD_APP_KEY=s3cr3tvalue2 AWS_SECRET=s3cr3tvalue3\n"
        "ENV DD_CLIENT_TOKEN=s3cr3tvalue4 DATABASE_URL=postgres://u:s3cr3tvalue5@db/x\n"
        'ENV DD_TAGS="team:\x1b[31mred\x1b[0m" DD_APPSEC_ENABLED=false\n'
    )
    main([str(tmp_path), *OFFLINE, "-v", "--format", fmt])
    out = capsys.readouterr()
    assert "s3cr3tvalue" not in out.out + out.err
    assert "\x1b" not in out.out
    # The switch set to false is named (Markdown escapes its underscores).
    assert "DD_APPSEC_ENABLED" in out.out.replace("\\_", "_")


#: One fixture per kind of deployment file, each advised for one capability: the CPythons
#: planned for, the platforms, one switch finding (id and words) and the project's ddtrace.
ACCEPTANCE = {
    "docker": (
        "docker-alpine",
        ".",
        "api-security",
        ["3.11"],
        ["linux-x86_64", "musllinux-aarch64"],
        ("env-set", "DD_APPSEC_ENABLED=true is set already at {dir}/Dockerfile:11"),
        "2.3.0",
    ),
    "compose": (
        "monorepo-compose",
        "services/api",
        "threat-monitoring",
        ["3.12", "3.13", "3.14", "3.15"],
        ["linux-x86_64"],
        ("env-set", "DD_APPSEC_ENABLED=true is set already at {dir}/docker-compose.yml:5"),
        "3.10.0",
    ),
    "kubernetes": (
        "k8s-admission",
        ".",
        "iast",
        ["3.11", "3.12", "3.13", "3.14", "3.15"],
        ["linux-x86_64"],
        ("env-conflict", "DD_IAST_ENABLED is set at {dir}/deploy/deployment.yaml:25 ('false')"),
        "2.3.0",
    ),
    "ecs": (
        "ecs-task",
        ".",
        "api-security",
        ["3.13"],
        ["linux-x86_64", "linux-aarch64"],
        ("env-conflict", "DD_API_SECURITY_ENABLED is set at {dir}/task-definition.json:11"),
        "2.21.0",
    ),
    "serverless": (
        "lambda-sls",
        ".",
        "threat-monitoring",
        ["3.12"],
        ["linux-x86_64", "linux-aarch64"],
        ("env-set", "DD_APPSEC_ENABLED=true is set already at {dir}/serverless.yml:16"),
        None,  # layer 98 pins >=2.10.0 (lambda_layers.toml): no exact version
    ),
    "sam": (
        "sam-layer",
        ".",
        "threat-monitoring",
        ["3.11"],
        ["linux-x86_64", "linux-aarch64"],
        ("env-set", "DD_APPSEC_ENABLED=true is set already at {dir}/template.yaml:14"),
        None,
    ),
    "ci": (
        "ci-only",
        ".",
        "threat-monitoring",
        ["3.10", "3.11", "3.12"],
        ["linux-x86_64"],
        ("env-switch", "set DD_APPSEC_ENABLED=true"),
        None,
    ),
}


@pytest.mark.parametrize("case", ACCEPTANCE, ids=str)
def test_each_kind_of_deployment_file_changes_the_answer(
    case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    name, root, capability, pythons, platforms, (fid, words), current = ACCEPTANCE[case]
    folder = FIXTURES / name
    _, doc = _json(capsys, str(folder), "-c", capability)
    p = _project(doc, root)
    assert p["python"]["versions"] == pythons
    assert p["platforms"] == platforms
    assert p["deployment"], "no deployment read"
    assert any(m.startswith(words.format(dir=folder)) for m in _ids(p).get(fid, [])), _ids(p)
    assert p["ddtrace"]["current"] == current


def test_a_linked_deployment_file_is_not_looked_into(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text("apiVersion: v1\nkind: Pod\nspec: {}\n")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "requirements.txt").write_text("ddtrace==2.3.0\n")
    (repo / "pod.yaml").symlink_to(outside / "secret.yaml")
    (repo / "Dockerfile").symlink_to(outside / "secret.yaml")
    _, doc = _json(capsys, str(repo), "-c", "threat-monitoring")
    assert _project(doc)["files"] == [f"{repo}/requirements.txt"]
