"""Deployment files at their edges (issue 18, from a fresh-eyes review): aliases of long
strings, values that are references, a project deployed both to Lambda and in a container,
``--fix`` on the install lines real Dockerfiles write, and what the readers must not count."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from advisor.errors import ManifestError
from advisor.frontends.cli import main
from advisor.manifests.deploy import aws, compose, dockerfile, kubernetes, workflows

OFFLINE = ["--offline", "--no-cache", "--today", "2026-11-24"]


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    main([*args, *OFFLINE, "--format", "json"])
    (project,) = json.loads(capsys.readouterr().out)["projects"]
    return dict(project)


def _ids(project: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in project["findings"]:
        out.setdefault(f["id"], []).append(f["message"])
    return out


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return folder


# --- a long string aliased many times is refused, not read again and again ------------------

_LONG = "x" * 1_000_000


@pytest.mark.parametrize(
    ("reader", "name", "text"),
    [
        (
            kubernetes.READER,
            "pod.yaml",
            f"kind: Pod\nx: &a python:3.11-{_LONG}\nc: &c {{image: *a}}\nspec:\n  containers:\n"
            + "    - *c\n" * 5_000,
        ),
        (
            compose.READER,
            "compose.yaml",
            f"x: &a python:3.11-{_LONG}\nm: &m {{image: *a}}\nservices:\n"
            + "".join(f"  s{i}: *m\n" for i in range(5_000)),
        ),
        (
            workflows.READER,
            "tests.yml",
            f"s: &s {{uses: actions/setup-python@v5, with: {{python-version: '3.12{_LONG}'}}}}\n"
            "jobs:\n  t:\n    steps:\n" + "      - *s\n" * 5_000,
        ),
    ],
    ids=["kubernetes", "compose", "workflow"],
)
def test_a_long_string_aliased_many_times_is_refused(
    tmp_path: Path, reader: Any, name: str, text: str
) -> None:
    folder = tmp_path / ".github" / "workflows" if name == "tests.yml" else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text)
    with pytest.raises(ManifestError, match="alias bomb"):
        reader.read(path, name)


def test_a_short_value_aliased_is_read_as_ever(tmp_path: Path) -> None:
    text = "x: &img python:3.12-slim\nservices:\n" + "".join(
        f"  s{i}:\n    image: *img\n" for i in range(200)
    )
    path = tmp_path / "compose.yaml"
    path.write_text(text)
    units = compose.READER.read(path, "compose.yaml").deployments
    assert len(units) == 200 and {u.pythons for u in units} == {("3.12",)}


# --- a value that is a reference is not a value ----------------------------------------------


@pytest.mark.parametrize(
    "files",
    [
        {
            "compose.yaml": "services:\n  web:\n    image: python:3.12-slim\n    environment:\n"
            "      DD_APPSEC_ENABLED: ${APPSEC_ENABLED:-true}\n"
        },
        {"Dockerfile": "FROM python:3.12\nARG APPSEC\nENV DD_APPSEC_ENABLED=$APPSEC\n"},
        {
            "template.yaml": "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Fn:\n"
            "    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n"
            "      Environment:\n        Variables:\n          DD_APPSEC_ENABLED: !Ref AppSec\n"
        },
    ],
    ids=["compose", "dockerfile", "cloudformation"],
)
def test_a_reference_is_no_conflict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    folder = _write(tmp_path, {"requirements.txt": "ddtrace==2.3.0\n", **files})
    p = _json(capsys, str(folder), "-c", "threat-monitoring")
    found = _ids(p)
    assert "env-conflict" not in found
    (note,) = [m for m in found["env-set"] if "DD_APPSEC_ENABLED" in m]
    assert "value not read: check it is true" in note
    assert p["deployment"][0]["env"]["DD_APPSEC_ENABLED"] is None


# --- a function in Lambda beside a container -------------------------------------------------


def test_one_lambda_function_beside_a_container_is_not_all_lambda(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _write(
        tmp_path,
        {
            "requirements.txt": "django==5.1.4\nddtrace==2.3.0\n",
            "Dockerfile": 'FROM python:3.12-slim\nCMD ["ddtrace-run", "gunicorn", "app.wsgi"]\n',
            "serverless.yml": "service: s\nprovider:\n  name: aws\n  runtime: python3.12\n"
            "functions:\n  cron:\n    handler: h.main\n",
        },
    )
    p = _json(capsys, str(folder), "-c", "iast")
    assert p["runs_in"] is None
    assert p["capabilities"][0]["after"] == "available"
    assert any("runs in AWS Lambda and" in m for m in _ids(p)["deployment"])


# --- --fix on install lines as real Dockerfiles write them -----------------------------------


@pytest.mark.parametrize(
    ("line", "after"),
    [
        (
            "RUN pip install --target /opt/ddtrace ddtrace==2.3.0",
            "RUN pip install --target /opt/ddtrace ddtrace=={v}",
        ),
        (
            'RUN echo "installing ddtrace" && pip install ddtrace==2.3.0',
            'RUN echo "installing ddtrace" && pip install ddtrace=={v}',
        ),
        ("RUN poetry add ddtrace@^2.3.0", "RUN poetry add ddtrace@^{v}"),
        ("RUN pip install -U ddtrace", 'RUN pip install -U "ddtrace>={v}"'),
        ("RUN pip install 'ddtrace>=2,<3'", "RUN pip install 'ddtrace>={v},<5'"),
        ("RUN pip install ddtrace~=2.3", "RUN pip install ddtrace~={short}"),
    ],
)
def test_fix_edits_the_install_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, after: str
) -> None:
    folder = _write(tmp_path, {"Dockerfile": f"FROM python:3.12-slim\n{line}\n"})
    p = _json(capsys, str(folder), "-c", "api-security")
    target = p["recommendation"]["ddtrace"]
    assert main([str(folder), *OFFLINE, "-c", "api-security", "--fix"]) == 1
    capsys.readouterr()
    short = ".".join(target.split(".")[:2])
    expected = f"FROM python:3.12-slim\n{after.format(v=target, short=short)}\n"
    assert (folder / "Dockerfile").read_text() == expected
    assert _json(capsys, str(folder), "-c", "api-security")["status"] == "ok"


@pytest.mark.parametrize(
    ("files", "said"),
    [
        (
            {
                "Dockerfile": "FROM python:3.11-slim\nARG DDTRACE_VERSION=2.3.0\n"
                'RUN pip install "ddtrace==${DDTRACE_VERSION}"\n'
            },
            "the ddtrace version comes from ==${DDTRACE_VERSION}",
        ),
        (
            {
                "serverless.yml": "service: s\nprovider:\n  name: aws\n  runtime: python3.11\n"
                "functions:\n  f:\n    handler: h.f\nplugins:\n  - serverless-plugin-datadog\n"
                "custom:\n  datadog:\n    enableASM: true\n"
            },
            "no ddtrace version is written there",
        ),
    ],
    ids=["build-arg", "plugin-layer"],
)
def test_fix_leaves_what_it_cannot_edit_to_the_user_and_edits_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: dict[str, str], said: str
) -> None:
    folder = _write(tmp_path, {"requirements.txt": "ddtrace==2.3.0\n", **files})
    code = main([str(folder), *OFFLINE, "-c", "api-security", "--fix"])
    err = capsys.readouterr().err
    assert code == 1 and said in err and "error" not in err
    assert (folder / "requirements.txt").read_text() != "ddtrace==2.3.0\n"


def test_fix_of_a_split_answer_leaves_the_image_to_the_user(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _write(
        tmp_path,
        {
            "pyproject.toml": '[project]\nname = "a"\nversion = "1"\nrequires-python = ">=3.8"\n'
            'dependencies = ["ddtrace==2.3.0"]\n',
            "Dockerfile": "FROM python:3.12-slim\nRUN pip install ddtrace==2.3.0\n",
        },
    )
    assert _json(capsys, str(folder), "-c", "api-security")["status"] == "split"
    code = main([str(folder), *OFFLINE, "-c", "api-security", "--fix"])
    err = capsys.readouterr().err
    assert code == 1 and "the ddtrace target differs by CPython" in err
    # The pyproject.toml gets its split; the image is left as it is, said so.
    assert "python_version" in (folder / "pyproject.toml").read_text()
    assert "ddtrace==2.3.0" in (folder / "Dockerfile").read_text()


# --- what the readers must not count, and what they must ---------------------------------------


def test_an_annotation_without_the_enabled_label_is_not_an_injection(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    metadata:\n"
        "      annotations:\n        admission.datadoghq.com/python-lib.version: v2.3.0\n"
        "    spec:\n      containers:\n        - image: python:3.12\n"
    )
    manifest = kubernetes.READER.read(path, "d.yaml")
    (unit,) = manifest.deployments
    assert unit.ddtrace is None and manifest.dependencies == ()
    assert "enabled" in unit.findings[0].message


def test_arm64_images_say_their_arch(tmp_path: Path) -> None:
    for image, platform in (
        ("public.ecr.aws/lambda/python:3.12-arm64", "linux-aarch64"),
        ("arm64v8/python:3.12-alpine", "musllinux-aarch64"),
    ):
        path = tmp_path / "Dockerfile"
        path.write_text(f"FROM {image}\n")
        (unit,) = dockerfile.READER.read(path, "Dockerfile").deployments
        assert unit.platforms == (platform,), image


def test_every_container_of_a_task_keeps_its_variables(tmp_path: Path) -> None:
    path = tmp_path / "task-definition.json"
    path.write_text(
        '{"family": "f", "containerDefinitions": [\n'
        '  {"image": "python:3.12", "environment": [{"name": "DD_IAST_ENABLED", "value": "false"}]},\n'
        '  {"image": "python:3.12", "environment": [{"name": "DD_IAST_ENABLED", "value": "true"}]}\n'
        "]}\n"
    )
    (task,) = aws.ECS_READER.read(path, "task-definition.json").deployments
    assert [(e.name, e.value, e.line) for e in task.env] == [
        ("DD_IAST_ENABLED", "false", 2),
        ("DD_IAST_ENABLED", "true", 3),
    ]


def test_containerfile_variants_are_read(tmp_path: Path) -> None:
    for name in ("Containerfile.prod", "dockerfile"):
        path = tmp_path / name
        path.write_text("FROM python:3.13\n")
        assert dockerfile.READER.matches(path, b"")


def test_an_image_reference_past_any_real_length_says_nothing() -> None:
    from advisor.model.deployment import image_facts

    assert image_facts("python:3.11-" + "a" * 10_000) == image_facts("")


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Dockerfile", "named"),
        ("Dockerfile.prod", "named"),
        ("api.dockerfile", "named"),
        ("Containerfile", "named"),
        ("docker-compose.override.yml", "named"),
        ("compose.yaml", "named"),
        ("serverless.yml", "named"),
        ("tox.ini", "named"),
        ("noxfile.py", "named"),
        ("template.yaml", "named"),
        ("stack.template.json", "named"),
        ("api.cfn.yml", "named"),
        ("values.yaml", "sniff"),
        ("ecs-task.json", "sniff"),
        ("compose.txt", None),
        ("README.md", None),
        ("pyproject.toml", None),
        ("package.json", None),
        (".dockerignore", None),
        ("Dockerfile.dockerignore", None),
        ("\u017ferverle\u017f\u017f.yml", "named"),  # long s: the patterns' IGNORECASE takes it
    ],
)
def test_a_deployment_file_is_a_candidate_by_its_name_alone(name: str, kind: str | None) -> None:
    """The names of a folder are told apart by their words before any pattern is used."""
    from advisor.manifests.deploy import candidate

    assert candidate(name) == kind
