"""The Dockerfile reader: the final stage's CPython, platform, ``DD_*`` variables,
``ddtrace-run`` and the ddtrace a ``RUN`` installs, read from the fixtures of
``fixtures/deploy/docker/`` and from files written here; and hostile files, refused in one
:class:`ManifestError` or read in time linear in their size."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.errors import ManifestError
from advisor.manifests.deploy.dockerfile import (
    MAX_DD_VARIABLES,
    MAX_DOCKERFILE_BYTES,
    MAX_STAGES,
    READER,
)
from advisor.model.deployment import DeployedDdtrace, Deployment, EnvSetting
from advisor.model.project import Manifest

DOCKER = Path(__file__).resolve().parents[1] / "fixtures" / "deploy" / "docker"


def _read(path: Path) -> tuple[Manifest, Deployment]:
    manifest = READER.read(path, path.name)
    assert manifest.kind == "dockerfile"
    assert len(manifest.deployments) == 1
    return manifest, manifest.deployments[0]


def _write(tmp_path: Path, text: str, name: str = "Dockerfile") -> Deployment:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return _read(path)[1]


def _error(tmp_path: Path, text: str) -> ManifestError:
    path = tmp_path / "Dockerfile"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        READER.read(path, "Dockerfile")
    return info.value


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dockerfile", True),
        ("Containerfile", True),
        ("Dockerfile.prod", True),
        ("api.Dockerfile", True),
        ("api.dockerfile", True),
        ("worker.containerfile", True),
        ("Dockerfile.dockerignore", False),
        ("api.Dockerfile.dockerignore", False),
        (".dockerignore", False),
        ("dockerfile.py", False),
        ("Dockerfiles", False),
        ("docker-compose.yml", False),
    ],
)
def test_matches_by_name(name: str, expected: bool) -> None:
    assert READER.matches(Path("deploy") / name, b"FROM python:3.12\n") is expected
    assert READER.sniff(b"FROM python:3.12\n") is False


def test_multistage_final_stage_copies_the_builders_ddtrace() -> None:
    manifest, d = _read(DOCKER / "multistage" / "Dockerfile")
    assert d.kind == "docker" and d.file == "Dockerfile"
    assert (d.line, d.name) == (14, "runtime")
    assert d.pythons == ("3.11",)
    assert d.platforms == ()
    assert not d.aws_lambda
    assert d.ddtrace_run
    # Installed in the builder stage, on the physical line of the word (a continuation line,
    # after a comment line inside the continuation).
    assert d.ddtrace == DeployedDdtrace("pip", "2.3.0", "==2.3.0", 11, "ddtrace==2.3.0")
    assert d.env == (
        EnvSetting("DD_SERVICE", "shop-api", 16),
        EnvSetting("DD_APPSEC_ENABLED", "true", 17),
        EnvSetting("DD_API_KEY", None, 18),  # a secret: no value kept
        EnvSetting("DD_ENV", "production", 19),  # the legacy ``ENV NAME value``
    )
    assert "OTHER" not in {e.name for e in d.env}
    assert d.findings == ()
    [dep] = manifest.dependencies
    assert (dep.name, dep.specifier, dep.version) == ("ddtrace", "==2.3.0", "2.3.0")
    assert (dep.source.file, dep.source.line) == ("Dockerfile", 11)


def test_template_arg_defaults_name_the_image_and_the_version() -> None:
    _, d = _read(DOCKER / "template" / "Dockerfile")
    assert d.line == 4
    assert d.pythons == ("3.11",)  # python:${PYTHON_VERSION}${VARIANT:+-}${VARIANT:-}-slim
    assert d.ddtrace == DeployedDdtrace("pip", "2.9.1", "==2.9.1", 8, "ddtrace==${DDTRACE_VERSION}")
    assert d.env == (EnvSetting("DD_VERSION", "1.4.0", 7),)
    assert d.ddtrace_run  # ENTRYPOINT ["/bin/sh", "-c", "exec ddtrace-run flask run ..."]
    assert d.findings == ()


def test_platform_alpine_and_lowercase_instructions() -> None:
    _, d = _read(DOCKER / "alpine" / "Dockerfile")
    assert d.line == 5  # ``from base``: the final stage's FROM
    assert d.pythons == ("3.12",)
    assert d.platforms == ("musllinux-aarch64",)  # the --platform of the stage it is built on
    assert d.ddtrace == DeployedDdtrace("pip", None, ">=2,<3", 3, "ddtrace>=2,<3")
    assert d.env == (EnvSetting("DD_PROFILING_ENABLED", "false", 6),)
    assert d.ddtrace_run  # shell form


def test_alpine_without_platform_is_musllinux_x86_64() -> None:
    _, d = _read(DOCKER / "alpine" / "plain.Dockerfile")
    assert d.platforms == ("musllinux-x86_64",)
    assert d.ddtrace == DeployedDdtrace("pip", None, "", 2, "ddtrace")


def test_containerfile_poetry_caret_and_an_uncopied_build_platform() -> None:
    _, d = _read(DOCKER / "alpine" / "Containerfile")
    assert d.line == 4
    assert d.pythons == ("3.13",)
    # The $BUILDPLATFORM stage is copied from, not built on: the final image's own FROM has
    # no --platform, and alpine is musl.
    assert d.platforms == ("musllinux-x86_64",)
    assert d.ddtrace == DeployedDdtrace("pip", None, ">=2.3.0,<3.0.0", 6, "ddtrace@^2.3.0")
    assert not d.ddtrace_run


def test_build_platform_names_no_platform(tmp_path: Path) -> None:
    d = _write(tmp_path, "FROM --platform=$BUILDPLATFORM python:3.12-alpine\n")
    assert d.pythons == ("3.12",)
    assert d.platforms == ()
    assert d.findings == ()
    d = _write(tmp_path, "FROM --platform=${TARGETPLATFORM} python:3.12\n")
    assert d.platforms == () and d.findings == ()


def test_platform_from_a_global_arg_and_an_unresolved_one(tmp_path: Path) -> None:
    d = _write(tmp_path, "ARG ARCH=linux/amd64\nFROM --platform=$ARCH python:3.12-slim\n")
    assert d.platforms == ("linux-x86_64",)
    d = _write(tmp_path, "ARG ARCH\nFROM --platform=$ARCH python:3.12-slim\n")
    assert d.platforms == ()
    [finding] = d.findings
    assert finding.id == "deployment-unresolved" and "$ARCH" in finding.message
    assert finding.location is not None and finding.location.line == 2


def test_lambda_base_image() -> None:
    _, d = _read(DOCKER / "lambda" / "Dockerfile")
    assert d.aws_lambda
    assert d.pythons == ("3.12",)
    assert d.platforms == ()
    # ``-r requirements.txt`` installs nothing seen here; ``--target DIR`` is skipped.
    assert d.ddtrace == DeployedDdtrace(
        "pip", "2.3.0", "==2.3.0", 5, "ddtrace[opentelemetry]==2.3.0"
    )
    assert d.env == (EnvSetting("DD_LAMBDA_HANDLER", "app.handler", 6),)
    assert not d.ddtrace_run


def test_unresolved_tag_and_version() -> None:
    manifest, d = _read(DOCKER / "unresolved" / "Dockerfile")
    assert d.pythons == ()
    assert d.ddtrace == DeployedDdtrace("pip", None, "", 4, "ddtrace==$DDTRACE_VERSION")
    image, version = d.findings
    assert (image.id, image.severity) == ("deployment-unresolved", "info")
    assert "python:${TAG}" in image.message
    assert image.location is not None and image.location.line == 3
    assert version.id == "deployment-unresolved" and "$DDTRACE_VERSION" in version.message
    assert version.location is not None and version.location.line == 4
    assert manifest.findings == ()
    assert [dep.specifier for dep in manifest.dependencies] == [""]


def test_environment_of_this_process_is_never_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PY", "3.12")
    d = _write(tmp_path, "FROM python:${PY}-slim\n")
    assert d.pythons == ()
    assert [f.id for f in d.findings] == ["deployment-unresolved"]


def test_heredocs() -> None:
    _, d = _read(DOCKER / "heredoc" / "Dockerfile")
    assert d.pythons == ("3.12",)
    # COPY's body is a file, ``python3 <<PY``'s is Python, ``bash <<-SCRIPT``'s echoes text:
    # only the shell script of ``RUN <<EOF`` installs, on its continuation line.
    assert d.ddtrace == DeployedDdtrace("pip", "2.4.0", "==2.4.0", 17, "ddtrace==2.4.0")
    assert not d.ddtrace_run


def test_heredoc_markers_are_words_of_their_own(tmp_path: Path) -> None:
    d = _write(
        tmp_path,
        "FROM python:3.12\n"
        "RUN echo a<<b && echo '<<EOF' && cat <<< ddtrace\n"
        "RUN cat > /etc/x <<-EOF && pip install ddtrace==2.3.0\n"
        "\tddtrace==1.0.0\n"
        "\tEOF\n",
    )
    assert d.ddtrace is not None
    assert (d.ddtrace.version, d.ddtrace.line) == ("2.3.0", 3)


def test_escape_directive_and_crlf() -> None:
    _, d = _read(DOCKER / "escape" / "Dockerfile")
    assert d.line == 2
    assert d.pythons == ("3.11",)
    assert d.ddtrace == DeployedDdtrace("pip", "2.3.0", "==2.3.0", 4, "ddtrace==2.3.0")
    assert d.env == (EnvSetting("DD_TRACE_ENABLED", "true", 5),)


def test_last_install_of_the_chain_wins(tmp_path: Path) -> None:
    d = _write(
        tmp_path,
        "FROM python:3.12 AS base\n"
        "RUN pip install ddtrace==1.0.0\n"
        "FROM python:3.12 AS builder\n"
        "RUN pip install --prefix /install ddtrace==2.0.0\n"
        "FROM python:3.12 AS unused\n"
        "RUN pip install ddtrace==9.0.0\n"
        "FROM base\n"
        "COPY --from=1 /install /usr/local\n",
    )
    assert d.ddtrace is not None
    assert (d.ddtrace.version, d.ddtrace.line) == ("2.0.0", 4)
    d = _write(
        tmp_path,
        "FROM python:3.12 AS builder\n"
        "RUN pip install ddtrace==2.0.0\n"
        "FROM python:3.12\n"
        "COPY --from=builder /x /x\n"
        "RUN uv add 'ddtrace>=2.5' && pip install ddtrace==2.6.0\n",
    )
    assert d.ddtrace == DeployedDdtrace("pip", "2.6.0", "==2.6.0", 5, "ddtrace==2.6.0")


def test_env_is_inherited_along_the_chain_only(tmp_path: Path) -> None:
    d = _write(
        tmp_path,
        "FROM python:3.12 AS base\n"
        "ENV DD_ENV=staging DD_SERVICE=api\n"
        "FROM python:3.12 AS other\n"
        "ENV DD_TRACE_DEBUG=true\n"
        "FROM base\n"
        "COPY --from=other /app /app\n"
        "ENV DD_ENV=prod\n"
        "ARG DD_SERVICE=ignored\n",
    )
    # ENV wins over an ARG of the same name; the last setting of a name is the one kept.
    assert d.env == (EnvSetting("DD_SERVICE", "api", 2), EnvSetting("DD_ENV", "prod", 7))


@pytest.mark.parametrize(
    ("command", "specifier"),
    [
        ("pip install ddtrace", ""),
        ("pip3 install -U ddtrace==2.3.0", "==2.3.0"),
        ("python3.12 -m pip install --index-url https://x.example/simple ddtrace~=2.3", "~=2.3"),
        ("/opt/venv/bin/python -I -m pip install 'ddtrace>=2,<3'", ">=2,<3"),
        ("uv pip install --system -c constraints.txt ddtrace==2.3.0", "==2.3.0"),
        ("uv --no-cache add --group prod ddtrace==2.3.0", "==2.3.0"),
        ("poetry add ddtrace@^2.3.0", ">=2.3.0,<3.0.0"),
        ("poetry add ddtrace@latest", ""),
        ("poetry add 'ddtrace==2.3.0'", "==2.3.0"),
        ("cd /app && PIP_NO_CACHE_DIR=1 pip install ddtrace==2.3.0 | tee log", "==2.3.0"),
        ("if true; then sudo pip install ddtrace==2.3.0; fi", "==2.3.0"),
        ('["pip", "install", "ddtrace==2.3.0"]', "==2.3.0"),
        ("pip install dd\\\ntrace==2.3.0", "==2.3.0"),
        ('pip install "ddtrace"==2.3.0', "==2.3.0"),
    ],
)
def test_install_commands(tmp_path: Path, command: str, specifier: str) -> None:
    d = _write(tmp_path, f"FROM python:3.12\nRUN {command}\n")
    assert d.ddtrace is not None
    assert d.ddtrace.specifier == specifier
    assert d.ddtrace.how == "pip"


@pytest.mark.parametrize(
    "command",
    [
        "pip install -r ddtrace.txt",
        "pip install --requirement=ddtrace.txt",
        "pip install -c ddtrace ddtrace-api",
        "pip download ddtrace",
        "pip uninstall -y ddtrace",
        "echo pip install ddtrace",
        "pip install requests # ddtrace comes later",
        "python -c 'import ddtrace'",
        "pip install --target ddtrace requests",
    ],
)
def test_commands_installing_no_ddtrace(tmp_path: Path, command: str) -> None:
    d = _write(tmp_path, f"FROM python:3.12\nRUN {command}\n")
    assert d.ddtrace is None


def test_onbuild_and_unknown_lines_are_skipped(tmp_path: Path) -> None:
    d = _write(
        tmp_path,
        "{% if prod %}\n"
        "FROM python:3.12-slim\n"
        "ONBUILD RUN pip install ddtrace==1.0.0\n"
        "{% endif %}\n"
        "HEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
    )
    assert d.pythons == ("3.12",)
    assert d.ddtrace is None


def test_python_image_without_minor_and_pypy(tmp_path: Path) -> None:
    d = _write(tmp_path, "FROM python:latest\n")
    assert d.pythons == ()
    [finding] = d.findings
    assert "names no CPython minor" in finding.message
    d = _write(tmp_path, "FROM pypy:3.10\n")
    assert d.pythons == () and d.findings == ()
    d = _write(tmp_path, "FROM node:20-alpine\n")
    assert d.pythons == () and d.findings == ()


def test_no_from_is_no_deployment(tmp_path: Path) -> None:
    path = tmp_path / "Dockerfile"
    path.write_text("# nothing yet\nARG X=1\n", encoding="utf-8")
    manifest = READER.read(path, "Dockerfile")
    assert manifest.deployments == () and manifest.dependencies == ()


def test_malformed_files_are_one_error_with_a_line(tmp_path: Path) -> None:
    error = _error(tmp_path, "FROM python:3.12\nRUN <<EOF\npip install ddtrace\n")
    assert (error.file, error.line, error.code) == ("Dockerfile", 2, "invalid-dockerfile")
    assert "never closed" in error.message
    error = _error(tmp_path, "ARG X=1\n\nFROM --platform=linux/arm64\n")
    assert (error.line, error.code) == (3, "invalid-dockerfile")


# --- hostile files -------------------------------------------------------------------------


def test_a_five_megabyte_line_is_refused(tmp_path: Path) -> None:
    error = _error(tmp_path, "RUN pip install " + "a" * (5 * 2**20) + " \\")
    assert error.code == "file-too-large"


def test_a_huge_continuation_is_read_to_its_physical_line(tmp_path: Path) -> None:
    lines = 100_000
    text = "FROM python:3.12\nRUN pip install \\\n" + "  x \\\n" * lines + "  ddtrace==2.3.0\n"
    assert len(text) < MAX_DOCKERFILE_BYTES
    d = _write(tmp_path, text)
    assert d.ddtrace is not None and d.ddtrace.line == lines + 3


def test_one_long_line_of_words(tmp_path: Path) -> None:
    text = "FROM python:3.12\nRUN pip install " + "x " * 400_000 + "ddtrace==2.3.0\n"
    d = _write(tmp_path, text)
    assert d.ddtrace is not None and d.ddtrace.version == "2.3.0"


@pytest.mark.parametrize(
    "run",
    [
        "pip install 'ddtrace==2.3.0" + " x" * 100_000,
        'pip install "ddtrace==2.3.0' + " x" * 100_000,
        "pip install " + "'\"" * 100_000 + " ddtrace",
        "pip install ddtrace==" + "$A" * 100_000,
        "pip install " + "<<A " * 50_000,
        "pip install " + "ddtrace==2.3.0 " * 50_000,
        "[" * 100_000 + "ddtrace",
    ],
    ids=[
        "open-single-quote",
        "open-double-quote",
        "alternating-quotes",
        "many-variables",
        "many-heredoc-markers",
        "many-installs",
        "deep-exec-form",
    ],
)
def test_unbalanced_and_repeated_tokens_end(tmp_path: Path, run: str) -> None:
    path = tmp_path / "Dockerfile"
    path.write_text(f"FROM python:3.12\nRUN {run}\nCMD {'[' * 100_000} ddtrace-run\n")
    try:
        manifest = READER.read(path, "Dockerfile")
    except ManifestError:
        return
    assert len(manifest.deployments) == 1


def test_many_env_pairs(tmp_path: Path) -> None:
    pairs = " ".join(f"O{n}=x" for n in range(100_000))
    d = _write(tmp_path, f"FROM python:3.12\nENV {pairs} DD_ENV=prod\n")
    assert d.env == (EnvSetting("DD_ENV", "prod", 2),)
    pairs = " \\\n".join(f"DD_X{n}=1" for n in range(MAX_DD_VARIABLES * 2))
    error = _error(tmp_path, f"FROM python:3.12\nENV {pairs}\n")
    assert error.code == "file-too-large" and str(MAX_DD_VARIABLES) in error.message
    assert error.line == 2


def test_many_stages_are_refused(tmp_path: Path) -> None:
    text = "FROM python:3.12 AS s0\nENV " + " ".join(f"V{n}=1" for n in range(20_000)) + "\n"
    text += "".join(f"FROM s{n} AS s{n + 1}\n" for n in range(MAX_STAGES * 10))
    error = _error(tmp_path, text)
    assert error.code == "file-too-large"
    assert error.line == MAX_STAGES + 2
