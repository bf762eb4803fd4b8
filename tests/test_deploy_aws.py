"""The AWS deployment readers (ECS task definitions, CloudFormation / SAM templates,
serverless.yml) and the Datadog Python layer knowledge they are mapped with."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from advisor.errors import KnowledgeError, ManifestError
from advisor.knowledge.layers import LayerFacts, ddtrace_of_layer, load_layers, parse_layers
from advisor.manifests.deploy import _yaml
from advisor.manifests.deploy.aws import CFN_READER, ECS_READER, SERVERLESS_READER, datadog_layer
from advisor.model.deployment import DeployedDdtrace, Deployment, EnvSetting
from advisor.model.project import Manifest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "deploy"


def env(d: Deployment) -> list[tuple[str, str | None, int | None]]:
    return [(e.name, e.value, e.line) for e in d.env]


def findings(d: Deployment) -> list[tuple[str, str, int | None]]:
    return [(f.id, f.message, f.location.line if f.location else None) for f in d.findings]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# ECS task definitions


def test_ecs_task_definition() -> None:
    m = ECS_READER.read(FIXTURES / "ecs" / "task-definition.json", "task-definition.json")
    assert m.kind == "ecs"
    assert m.dependencies == ()
    (d,) = m.deployments
    assert (d.kind, d.file, d.line, d.name) == ("ecs", "task-definition.json", 11, "orders-api")
    assert d.pythons == ("3.12",)
    assert d.platforms == ("linux-aarch64",)
    assert env(d) == [
        ("DD_SERVICE", "orders", 18),
        ("DD_APPSEC_ENABLED", "true", 21),
        ("DD_API_KEY", None, 23),
    ]
    assert d.ddtrace is None
    assert d.aws_lambda is False
    assert d.findings == ()
    shown = repr(m)
    # The secret's value, a non-DD variable and the `secrets` list are never read.
    for never in ("0123456789abcdef", "hunter2", "DATABASE_URL", "ECS_FARGATE", "DD_APP_KEY"):
        assert never not in shown


def test_ecs_describe_output_and_platform_defaults(tmp_path: Path) -> None:
    # `aws ecs describe-task-definition` wraps the task; no runtimePlatform and an alpine
    # Python image: musl on Fargate's default x86_64.
    path = write(
        tmp_path,
        "taskdef.json",
        '{"taskDefinition": {"family": "w", "containerDefinitions": [\n'
        '  {"name": "w", "image": "python:3.10-alpine3.19"},\n'
        '  {"name": "proxy", "image": "nginx:alpine"}]}}\n',
    )
    (d,) = ECS_READER.read(path, "taskdef.json").deployments
    assert (d.line, d.name, d.pythons, d.platforms) == (1, "w", ("3.10",), ("musllinux-x86_64",))
    path = write(
        tmp_path,
        "task-definition-b.json",
        '{"containerDefinitions": [{"image": "python:3.13"}], '
        '"runtimePlatform": {"cpuArchitecture": "X86_64"}}',
    )
    (d,) = ECS_READER.read(path, "b").deployments
    assert (d.pythons, d.platforms, d.name) == (("3.13",), ("linux-x86_64",), None)
    path = write(tmp_path, "task-definition-c.json", '{"containerDefinitions": [{"image": "x"}]}')
    (d,) = ECS_READER.read(path, "c").deployments
    assert (d.pythons, d.platforms, d.findings) == ((), (), ())


def test_ecs_image_without_a_minor(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "task-definition.json",
        '{"containerDefinitions": [\n{"image": "python:latest"},\n{"image": "${REPO}/app:1"}]}',
    )
    (d,) = ECS_READER.read(path, "td.json").deployments
    assert d.pythons == ()
    assert findings(d) == [
        ("deployment-unresolved", "image 'python:latest' names no CPython minor", 2),
        ("deployment-unresolved", "image '${REPO}/app:1' is templated: not read", 3),
    ]


def test_cloudformation_ecs_task() -> None:
    m = CFN_READER.read(FIXTURES / "ecs" / "service.cfn.yaml", "service.cfn.yaml")
    assert m.kind == "cloudformation"
    (d,) = m.deployments  # the queue is no deployment
    assert (d.kind, d.line, d.name) == ("ecs", 10, "WorkerTask")  # Family is a !Sub
    assert d.pythons == ("3.11",)
    assert d.platforms == ("musllinux-x86_64",)
    assert env(d) == [
        ("DD_ENV", None, 23),
        ("DD_IAST_ENABLED", "true", 25),
        ("DD_API_KEY", None, 27),
    ]
    assert findings(d) == [
        (
            "deployment-unresolved",
            "image '!Sub ${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.c...' is "
            "templated: not read",
            31,
        )
    ]
    assert "QUEUE_URL" not in repr(m) and "resolve:secretsmanager" not in repr(m)


# ---------------------------------------------------------------------------------------------
# SAM and CloudFormation Lambda functions


def test_sam_template() -> None:
    m = CFN_READER.read(FIXTURES / "lambda" / "template.yaml", "template.yaml")
    # The Node.js function and the table are left out.
    assert [d.name for d in m.deployments] == [
        "CheckoutFunction",
        "ReportFunction",
        "ImageFunction",
    ]
    checkout, report, image = m.deployments
    assert (checkout.kind, checkout.line, checkout.aws_lambda) == ("lambda", 15, True)
    assert checkout.pythons == ("3.11",)  # Globals.Function.Runtime
    assert checkout.platforms == ("linux-aarch64",)
    arn = "arn:aws:lambda:${AWS::Region}:464622532012:layer:Datadog-Python311-ARM:98"
    assert checkout.ddtrace == DeployedDdtrace("layer", None, "", 23, arn, 98)
    assert env(checkout) == [
        ("DD_SERVICE", "checkout", 11),
        ("DD_TRACE_ENABLED", "true", 12),
        ("DD_IAST_ENABLED", "false", 27),
        ("DD_LAMBDA_HANDLER", "app.handler", 28),
    ]
    assert checkout.findings == ()
    assert (report.line, report.pythons, report.platforms, report.ddtrace) == (
        30,
        ("3.11",),
        (),
        None,
    )
    assert env(report) == [("DD_SERVICE", "checkout", 11), ("DD_TRACE_ENABLED", "true", 12)]
    assert (image.line, image.pythons, image.aws_lambda) == (40, (), True)
    (dep,) = m.dependencies
    assert (dep.name, dep.specifier, dep.version) == ("ddtrace", "", None)
    assert (dep.source.file, dep.source.line) == ("template.yaml", 23)
    assert "STRIPE_KEY" not in repr(m) and "sk_live" not in repr(m)


def test_json_cloudformation_template() -> None:
    m = CFN_READER.read(FIXTURES / "lambda" / "stack.template.json", "stack.template.json")
    ingest, param = m.deployments
    assert (ingest.name, ingest.line, ingest.pythons, ingest.platforms) == (
        "IngestFunction",
        7,
        ("3.9",),
        ("linux-x86_64",),
    )
    assert ingest.ddtrace is not None
    assert (ingest.ddtrace.layer, ingest.ddtrace.line) == (80, 14)
    assert env(ingest) == [
        ("DD_LAMBDA_HANDLER", "ingest.handler", 18),
        ("DD_APPSEC_ENABLED", None, 19),
        ("DD_TRACE_SAMPLE_RATE", "0.5", 20),
    ]
    assert (param.name, param.line, param.pythons) == ("ParamFunction", 25, ())
    assert findings(param) == [
        ("deployment-unresolved", "runtime '!Ref Runtime' is templated: not read", 28)
    ]
    assert [d.source.line for d in m.dependencies] == [14]


SAM_HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\n'


def test_layer_gives_python_and_architecture_when_the_function_does_not(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "template.yaml",
        SAM_HEAD + "Resources:\n"
        "  Fn:\n"
        "    Type: AWS::Lambda::Function\n"
        "    Properties:\n"
        "      Layers:\n"
        "        - arn:aws:lambda:us-east-1:464622532012:layer:Datadog-Python312-ARM:117\n",
    )
    (d,) = CFN_READER.read(path, "template.yaml").deployments
    assert (d.pythons, d.platforms) == (("3.12",), ("linux-aarch64",))
    assert d.ddtrace is not None and d.ddtrace.layer == 117


def test_sam_globals_layers_add_and_function_values_win(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "template.yaml",
        SAM_HEAD + "Globals:\n"
        "  Function:\n"
        "    Runtime: python3.10\n"
        "    Architectures: [x86_64]\n"
        "    Layers:\n"
        "      - arn:aws:lambda:us-east-1:464622532012:layer:Datadog-Python310:99\n"
        "    Environment:\n"
        "      Variables: {DD_ENV: prod, DD_VERSION: '1'}\n"
        "Resources:\n"
        "  Fn:\n"
        "    Type: AWS::Serverless::Function\n"
        "    Properties:\n"
        "      Runtime: python3.13\n"
        "      Architectures: [arm64]\n"
        "      Environment:\n"
        "        Variables: {DD_ENV: staging}\n"
        "  Plain:\n"
        "    Type: AWS::Lambda::Function\n"
        "    Properties: {Runtime: python3.12}\n",
    )
    fn, plain = CFN_READER.read(path, "template.yaml").deployments
    assert (fn.pythons, fn.platforms) == (("3.13",), ("linux-aarch64",))
    assert fn.ddtrace is not None and (fn.ddtrace.layer, fn.ddtrace.line) == (99, 8)
    assert env(fn) == [("DD_ENV", "staging", 18), ("DD_VERSION", "1", 10)]
    # Globals are SAM's: a plain Lambda function takes none of them.
    assert (plain.pythons, plain.platforms, plain.ddtrace, plain.env) == (("3.12",), (), None, ())


def test_templated_layer_version(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "template.yaml",
        SAM_HEAD + "Resources:\n"
        "  Fn:\n"
        "    Type: AWS::Lambda::Function\n"
        "    Properties:\n"
        "      Runtime: python3.12\n"
        "      Layers:\n"
        "        - !Sub arn:aws:lambda:${AWS::Region}:464622532012:layer:Datadog-Python312:${V}\n",
    )
    m = CFN_READER.read(path, "template.yaml")
    (d,) = m.deployments
    assert d.ddtrace is not None
    assert (d.ddtrace.layer, d.ddtrace.specifier, d.ddtrace.line) == (None, "", 9)
    assert [f[0] for f in findings(d)] == ["deployment-unresolved"]
    assert [(x.specifier, x.version) for x in m.dependencies] == [("", None)]


@pytest.mark.parametrize(
    ("arn", "expected"),
    [
        ("arn:aws:lambda:us-east-1:464622532012:layer:Datadog-Python312:95", ("3.12", False, 95)),
        (
            "arn:aws:lambda:eu-west-1:464622532012:layer:Datadog-Python312-ARM:95",
            ("3.12", True, 95),
        ),
        ("arn:aws:lambda:us-east-1:464622532012:layer:Datadog-Python39:80", ("3.9", False, 80)),
        ("arn:aws:lambda:us-east-1:464622532012:layer:Datadog-Python38-ARM:7", ("3.8", True, 7)),
        (
            "arn:aws-us-gov:lambda:us-gov-west-1:002406178527:layer:Datadog-Python313:120",
            ("3.13", False, 120),
        ),
        ("arn:aws:lambda:us-east-1:464622532012:layer:Datadog-Python312", ("3.12", False, None)),
        ("arn:aws:lambda:us-east-1:464622532012:layer:Datadog-Extension-ARM:65", None),
        ("arn:aws:lambda:us-east-1:464622532012:layer:Datadog-Node20-x:112", None),
        ("arn:aws:lambda:us-east-1:111122223333:layer:my-deps:3", None),
        ("Datadog-Python312:95", None),
        (":layer:Datadog-Python312:" + "9" * 5000, None),
    ],
)
def test_datadog_layer(arn: str, expected: tuple[str, bool, int | None] | None) -> None:
    found = datadog_layer(arn, 4)
    if expected is None:
        assert found is None
        return
    assert found is not None
    ddtrace, minor, arm = found
    assert (minor, arm, ddtrace.layer) == expected
    assert (ddtrace.how, ddtrace.version, ddtrace.specifier, ddtrace.line) == ("layer", None, "", 4)
    assert ddtrace.written == arn


# ---------------------------------------------------------------------------------------------
# serverless.yml


def test_serverless_yml() -> None:
    m = SERVERLESS_READER.read(FIXTURES / "lambda" / "serverless.yml", "serverless.yml")
    assert m.kind == "serverless"
    charge, legacy = m.deployments
    layer = DeployedDdtrace("layer", None, "", 35, "pythonLayerVersion: 95", 95)
    assert (charge.kind, charge.line, charge.name, charge.aws_lambda) == (
        "lambda",
        16,
        "charge",
        True,
    )
    assert (charge.pythons, charge.platforms, charge.ddtrace) == (
        ("3.12",),
        ("linux-aarch64",),
        layer,
    )
    assert env(charge) == [
        ("DD_ENV", None, 11),
        ("DD_API_KEY", None, 12),
        ("DD_SERVICE", "billing-charge", 19),
        ("DD_APPSEC_ENABLED", "true", 34),  # enableASM
    ]
    assert (legacy.line, legacy.pythons, legacy.platforms, legacy.ddtrace) == (
        20,
        ("3.11",),
        ("linux-x86_64",),
        layer,
    )
    # The function's own DD_APPSEC_ENABLED is kept over the plugin's.
    assert env(legacy) == [
        ("DD_ENV", None, 11),
        ("DD_API_KEY", None, 12),
        ("DD_APPSEC_ENABLED", "false", 25),
    ]
    assert charge.findings == legacy.findings == ()
    (dep,) = m.dependencies
    assert (dep.specifier, dep.version, dep.source.line) == ("", None, 35)
    assert "ssm:/datadog" not in repr(m) and "TABLE" not in repr(m)


SLS_PLUGIN = "plugins:\n  - serverless-plugin-datadog\n"


def sls(tmp_path: Path, text: str) -> Manifest:
    return SERVERLESS_READER.read(write(tmp_path, "serverless.yml", text), "serverless.yml")


def test_serverless_provider_only(tmp_path: Path) -> None:
    m = sls(
        tmp_path,
        "service: jobs\nprovider:\n  name: aws\n  runtime: python3.12\n"
        "  layers:\n    - arn:aws:lambda:us-east-1:464622532012:layer:Datadog-Python312:110\n",
    )
    (d,) = m.deployments
    assert (d.line, d.name, d.pythons, d.platforms) == (2, "jobs", ("3.12",), ("linux-x86_64",))
    assert d.ddtrace is not None and (d.ddtrace.layer, d.ddtrace.line) == (110, 6)


def test_serverless_plugin_layer_without_a_version(tmp_path: Path) -> None:
    m = sls(
        tmp_path,
        "service: s\nprovider: {name: aws, runtime: python3.12}\n"
        "functions:\n  f: {handler: f.h}\n"
        + SLS_PLUGIN
        + "custom:\n  datadog: {site: datadoghq.com}\n",
    )
    (d,) = m.deployments
    # The plugin adds its own layer: a ddtrace of a version the file does not say.
    assert d.ddtrace == DeployedDdtrace("layer", None, "", 6, "serverless-plugin-datadog")
    assert d.env == ()


@pytest.mark.parametrize(
    "custom",
    [
        "custom:\n  datadog: {addLayers: false, enableASM: false, pythonLayerVersion: 95}\n",
        "custom:\n  datadog: {enabled: false, enableASM: true, pythonLayerVersion: 95}\n",
    ],
)
def test_serverless_plugin_switched_off(tmp_path: Path, custom: str) -> None:
    m = sls(
        tmp_path,
        "service: s\nprovider: {name: aws, runtime: python3.12}\nfunctions:\n  f: {handler: h}\n"
        + SLS_PLUGIN
        + custom,
    )
    (d,) = m.deployments
    assert (d.ddtrace, d.env, m.dependencies) == (None, (), ())


def test_serverless_plugin_not_listed(tmp_path: Path) -> None:
    m = sls(
        tmp_path,
        "service: s\nprovider: {name: aws, runtime: python3.12}\nfunctions:\n  f: {handler: h}\n"
        "custom:\n  datadog: {enableASM: true, pythonLayerVersion: 95}\n",
    )
    (d,) = m.deployments
    assert (d.ddtrace, d.env) == (None, ())


def test_serverless_explicit_layer_wins_and_plugins_modules(tmp_path: Path) -> None:
    m = sls(
        tmp_path,
        "service: s\nprovider: {name: aws, runtime: python3.11}\n"
        "functions:\n"
        "  f:\n"
        "    handler: h\n"
        "    layers: ['arn:aws:lambda:us-east-1:464622532012:layer:Datadog-Python311:101']\n"
        "  g: {handler: h}\n"
        "plugins:\n  modules: [serverless-plugin-datadog]\n"
        "custom:\n  datadog: {pythonLayerVersion: 95}\n",
    )
    f, g = m.deployments
    assert f.ddtrace is not None and (f.ddtrace.layer, f.ddtrace.line) == (101, 6)
    assert g.ddtrace is not None and (g.ddtrace.layer, g.ddtrace.line) == (95, 11)
    assert [d.source.line for d in m.dependencies] == [6, 11]


def test_serverless_templated_values(tmp_path: Path) -> None:
    m = sls(
        tmp_path,
        "service: s\n"
        "provider:\n  name: aws\n  runtime: ${self:custom.runtime}\n  architecture: ${env:ARCH}\n"
        "functions:\n  f: {handler: h}\n"
        + SLS_PLUGIN
        + "custom:\n  runtime: python3.12\n  datadog:\n    pythonLayerVersion: ${env:LAYER}\n",
    )
    (d,) = m.deployments
    assert (d.pythons, d.platforms) == ((), ())
    assert findings(d) == [
        ("deployment-unresolved", "runtime '${self:custom.runtime}' is templated: not read", 4),
        ("deployment-unresolved", "architecture '${env:ARCH}' is templated: not read", 5),
        (
            "deployment-unresolved",
            "pythonLayerVersion '${env:LAYER}' is templated: not read",
            13,
        ),
    ]
    assert d.ddtrace == DeployedDdtrace(
        "layer", None, "", 13, "pythonLayerVersion: ${env:LAYER}", None
    )


def test_serverless_other_runtimes_and_clouds(tmp_path: Path) -> None:
    m = sls(
        tmp_path,
        "service: s\nprovider: {name: aws, runtime: nodejs20.x}\n"
        "functions:\n  node: {handler: h}\n  py: {handler: h, runtime: python3.12}\n"
        "  img: {image: {name: app}}\n",
    )
    assert [(d.name, d.pythons) for d in m.deployments] == [("py", ("3.12",)), ("img", ())]
    assert (
        sls(tmp_path, "service: s\nprovider: {name: azure, runtime: python3.12}\n").deployments
        == ()
    )


# ---------------------------------------------------------------------------------------------
# Names and heads


@pytest.mark.parametrize(
    ("name", "head", "ecs", "cfn", "serverless"),
    [
        ("task-definition.json", b"{}", True, False, False),
        ("task-definition-prod.json", b"{}", True, False, False),
        ("taskdef.json", b"{}", True, False, False),
        ("api-task-def.json", b"{}", True, False, False),
        ("web.taskdef.json", b"{}", True, False, False),
        ("ecs-web.json", b'{"family": "web"}', True, False, False),
        ("ecs-stack.json", b'{"Resources": {}}', False, False, False),
        ("template.yaml", b"AWSTemplateFormatVersion: '2010-09-09'", False, True, False),
        (
            "template.yml",
            b"Resources:\n  F:\n    Type: AWS::Serverless::Function",
            False,
            True,
            False,
        ),
        (
            "template.json",
            b'{"Resources": {"F": {"Type": "AWS::Lambda::Function"}}}',
            False,
            True,
            False,
        ),
        ("template.yaml", b"name: not a template", False, False, False),
        ("vpc.template", b"AWSTemplateFormatVersion", False, True, False),
        ("vpc.template.json", b'"Type" : "AWS::EC2::VPC"', False, True, False),
        ("ecs.template.json", b'"Type": "AWS::ECS::TaskDefinition"', False, True, False),
        ("app.cfn.yaml", b"", False, True, False),
        ("app.cfn.json", b"", False, True, False),
        ("samconfig.toml", b"AWS::Serverless", False, False, False),
        ("serverless.yml", b"service: x", False, False, True),
        ("serverless.yaml", b"service: x", False, False, True),
    ],
)
def test_matches(name: str, head: bytes, ecs: bool, cfn: bool, serverless: bool) -> None:
    path = Path("repo") / name
    assert ECS_READER.matches(path, head) is ecs
    assert CFN_READER.matches(path, head) is cfn
    assert SERVERLESS_READER.matches(path, head) is serverless


def test_sniff() -> None:
    assert ECS_READER.sniff(b'{"family": "a", "containerDefinitions": []}')
    assert not ECS_READER.sniff(b"ContainerDefinitions:")
    assert CFN_READER.sniff(b"Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")
    assert CFN_READER.sniff(b'{"Resources": {"Q": {"Type":"AWS::SQS::Queue"}}}')
    assert CFN_READER.sniff(b"Transform: AWS::Serverless-2016-10-31")
    assert not CFN_READER.sniff(b"apiVersion: v1\nkind: Pod\n")
    assert SERVERLESS_READER.sniff(b"service: a\nprovider:\n  name: aws\n")
    assert not SERVERLESS_READER.sniff(b"services:\n  web:\n    image: x\n")


# ---------------------------------------------------------------------------------------------
# Hostile files


def test_malformed_json_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "task-definition.json", '{\n  "family": "a",\n  "x": [1, 2\n}\n')
    with pytest.raises(ManifestError) as exc:
        ECS_READER.read(path, "task-definition.json")
    assert exc.value.code == "invalid-json"
    assert exc.value.line == 4
    assert exc.value.message.startswith("not valid JSON: ")
    assert str(exc.value).startswith("task-definition.json:4: not valid JSON")


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "template.yaml", "Resources:\n  Fn:\n    Type: [AWS::Lambda::Function\n")
    with pytest.raises(ManifestError) as exc:
        CFN_READER.read(path, "template.yaml")
    assert (exc.value.code, exc.value.line) == ("invalid-yaml", 4)
    path = write(tmp_path, "serverless.yml", "service: a\nprovider:\n  runtime: 'python3.12\n")
    with pytest.raises(ManifestError) as exc:
        SERVERLESS_READER.read(path, "serverless.yml")
    assert exc.value.code == "invalid-yaml" and exc.value.line is not None


@pytest.mark.parametrize(
    ("reader", "name", "text"),
    [
        (CFN_READER, "template.yaml", "Resources:\n  - Type: AWS::Lambda::Function\n"),
        (CFN_READER, "template.yaml", "Resources: AWS::Lambda::Function\n"),
        (CFN_READER, "template.yaml", "- a\n- b\n"),
        (CFN_READER, "template.yaml", "Resources:\n  F: [1, 2]\n  G: ~\n  H: {Type: [x]}\n"),
        (
            CFN_READER,
            "template.yaml",
            "Globals: [1]\nResources:\n  F:\n    Type: AWS::Serverless::Function\n"
            "    Properties: [Runtime, python3.12]\n",
        ),
        (
            CFN_READER,
            "template.yaml",
            "Globals: {Function: {Environment: [x], Layers: {a: b}}}\nResources:\n  F:\n"
            "    Type: AWS::Serverless::Function\n"
            "    Properties:\n      Runtime: [python3.12]\n      Architectures: []\n"
            "      Environment: {Variables: [DD_ENV]}\n      PackageType: {x: y}\n",
        ),
        (
            CFN_READER,
            "template.yaml",
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n"
            "      ContainerDefinitions: {Image: python:3.12}\n      RuntimePlatform: [ARM64]\n",
        ),
        (
            ECS_READER,
            "task-definition.json",
            '{"containerDefinitions": {"image": "python:3.12"}, "taskDefinition": 3}',
        ),
        (
            ECS_READER,
            "task-definition.json",
            '{"containerDefinitions": [3, null, {"image": ["python:3.12"], '
            '"environment": "DD_ENV=x"}, {"environment": [1, {"name": ["DD_X"]}, '
            '{"name": "DD_Y"}]}], "runtimePlatform": {"cpuArchitecture": {"a": 1}}}',
        ),
        (ECS_READER, "task-definition.json", "[1, 2]"),
        (ECS_READER, "task-definition.json", '"just a string"'),
        (SERVERLESS_READER, "serverless.yml", "service: [a]\nprovider: python3.12\nfunctions: 3\n"),
        (
            SERVERLESS_READER,
            "serverless.yml",
            "provider: {runtime: python3.12, environment: 'x', layers: 'arn'}\n"
            "functions:\n  - f: 3\n  - 7\n  - g: {runtime: [3], environment: [1], layers: [{Ref: L}]}\n"
            "plugins: {localPath: x}\ncustom: {datadog: [1]}\n",
        ),
        (
            SERVERLESS_READER,
            "serverless.yml",
            "provider: {runtime: python3.12}\nfunctions: {f: ~}\nplugins: [[x], serverless-plugin-datadog]\n"
            "custom: {datadog: {enableASM: [true], addLayers: {a: 1}, pythonLayerVersion: [95]}}\n",
        ),
    ],
)
def test_wrong_types_are_read_without_error(
    tmp_path: Path, reader: object, name: str, text: str
) -> None:
    path = write(tmp_path, name, text)
    m = reader.read(path, name)  # type: ignore[attr-defined]
    assert isinstance(m, Manifest)
    for d in m.deployments:
        assert all(e.name.startswith("DD_") for e in d.env)


def test_layers_as_a_string(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "template.yaml",
        SAM_HEAD + "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n"
        "      Runtime: python3.12\n"
        "      Layers: arn:aws:lambda:us-east-1:464622532012:layer:Datadog-Python312:95\n",
    )
    m = CFN_READER.read(path, "template.yaml")
    (d,) = m.deployments
    assert (d.pythons, d.ddtrace, m.dependencies) == (("3.12",), None, ())


def test_deep_nesting_is_refused_with_a_line(tmp_path: Path) -> None:
    path = write(tmp_path, "task-definition.json", "[" * 5000 + "]" * 5000)
    with pytest.raises(ManifestError) as exc:
        ECS_READER.read(path, "task-definition.json")
    assert exc.value.line == 1 and "nested deeper" in exc.value.message


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = write(tmp_path, "template.yaml", "\n".join(lines) + "\nResources: *a8\n")
    with pytest.raises(ManifestError) as exc:
        CFN_READER.read(path, "template.yaml")
    assert "alias" in exc.value.message and exc.value.line is not None


def test_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_yaml, "MAX_YAML_BYTES", 1000)
    path = write(tmp_path, "serverless.yml", "service: a\n" + "# padding\n" * 200)
    with pytest.raises(ManifestError) as exc:
        SERVERLESS_READER.read(path, "serverless.yml")
    assert exc.value.code == "file-too-large"


def test_large_environment_is_read_in_linear_time(tmp_path: Path) -> None:
    variables = "".join(f'{{"name": "VAR_{i}", "value": "{i}"}},\n' for i in range(60_000))
    text = (
        '{"family": "big", "containerDefinitions": [{"image": "python:3.12", "environment": [\n'
        + variables
        + '{"name": "DD_ENV", "value": "prod"}]}]}\n'
    )
    path = write(tmp_path, "task-definition.json", text)
    start = time.perf_counter()
    (d,) = ECS_READER.read(path, "task-definition.json").deployments
    assert time.perf_counter() - start < 20
    assert env(d) == [("DD_ENV", "prod", 60_002)]


def test_long_values_are_cut(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "template.yaml",
        "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n"
        "      Runtime: python3.12\n"
        f"      Environment: {{Variables: {{DD_TAGS: '{'x' * 10_000}'}}}}\n"
        f"      Layers: ['{'a' * 3000}:layer:Datadog-Python312:95']\n",
    )
    (d,) = CFN_READER.read(path, "template.yaml").deployments
    (setting,) = d.env
    assert setting.value is not None and len(setting.value) <= 80
    assert d.ddtrace is None  # an ARN of 3000 characters is no ARN


# ---------------------------------------------------------------------------------------------
# The layer knowledge


def test_shipped_layers_load() -> None:
    layers = load_layers()
    assert all(isinstance(n, int) for n in layers)
    assert all(f.source.startswith("https://") for facts in layers.values() for f in facts)
    exact = ddtrace_of_layer(102)
    assert exact == LayerFacts(
        102,
        "6.102.0",
        "2.16.0",
        "https://github.com/DataDog/datadog-lambda-python/releases/tag/v6.102.0",
    )
    assert (exact.version, exact.specifier) == ("2.16.0", "==2.16.0")
    ranged = ddtrace_of_layer(95, "3.12")
    assert ranged is not None
    assert (ranged.datadog_lambda, ranged.version, ranged.specifier) == ("6.95.0", None, ">=2.7.2")
    pinned = ddtrace_of_layer(49)
    assert pinned is not None and (pinned.version, pinned.datadog_lambda) == ("0.53.0", "3.49.0")
    assert ddtrace_of_layer(22) is None  # no tag: not known
    assert ddtrace_of_layer(10_000) is None


def test_layers_split_by_python() -> None:
    assert ddtrace_of_layer(127) is None  # one range per CPython: say which
    new = ddtrace_of_layer(127, "3.12")
    old = ddtrace_of_layer(127, "3.9")
    assert new is not None and new.specifier == ">=4.1.1,<5,!=4.6.*" and new.version is None
    assert old is not None and old.specifier == ">=3.19.1,<4"
    latest = ddtrace_of_layer(130, "3.13")
    assert latest is not None and (latest.version, latest.python) == ("4.16.0", ">=3.10")


GOOD = 'layer = 95, datadog_lambda = "6.95.0", ddtrace = ">=2.7.2", source = "s"'
BASE = 'datadog_lambda = "1.0", ddtrace = "1.0", source = "s"'


def entries(*tables: str) -> str:
    """A layers file of inline tables."""
    return "schema_version = 1\nlayers = [" + ", ".join(f"{{ {t} }}" for t in tables) + "]"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("layers = []", "schema_version"),
        ("schema_version = 1\nlayers = 3", "layers must be an array"),
        ("schema_version = 1\nlayers = [3]", "must be a table"),
        (entries(f'layer = "95", {BASE}'), "positive integer"),
        (entries(f"layer = 0, {BASE}"), "positive integer"),
        (entries(f"layer = true, {BASE}"), "positive integer"),
        (entries('layer = 1, datadog_lambda = "1.0", ddtrace = "1.0"'), "source must be"),
        (
            entries('layer = 1, datadog_lambda = "x y", ddtrace = "1", source = "s"'),
            "not a version",
        ),
        (entries('layer = 1, datadog_lambda = "1", ddtrace = "latest", source = "s"'), "neither"),
        (entries('layer = 1, datadog_lambda = "1", ddtrace = ">=2,<", source = "s"'), "neither"),
        (entries(f'layer = 1, {BASE}, python = "3.x"'), "not a specifier"),
        (entries(f"layer = 1, {BASE}, python = 3"), "python must be"),
        (entries(f"layer = 1, {BASE}, extra = 1"), "unknown keys extra"),
        (entries(GOOD, GOOD), "two entries"),
        (entries(f'{GOOD}, python = ">=3.8"', f'{GOOD}, python = ">=3.10"'), "two entries"),
        ("schema_version = 1\nlayers = [", "invalid TOML"),
    ],
)
def test_bad_layer_data(text: str, problem: str) -> None:
    with pytest.raises(KnowledgeError) as exc:
        parse_layers(text, "lambda_layers.toml")
    assert "lambda_layers.toml" in str(exc.value) and problem in str(exc.value)


def test_layer_data_without_entries() -> None:
    assert parse_layers("schema_version = 1\nlayers = []") == {}
    assert parse_layers("schema_version = 1") == {}
    split = parse_layers(entries(f'{GOOD}, python = "<3.10"', f'{GOOD}, python = ">=3.10"'))
    assert [f.python for f in split[95]] == ["<3.10", ">=3.10"]


def test_env_setting_order_is_kept_on_override(tmp_path: Path) -> None:
    m = sls(
        tmp_path,
        "service: s\nprovider:\n  name: aws\n  runtime: python3.12\n"
        "  environment: {DD_ENV: a, DD_SERVICE: b}\n"
        "functions:\n  f:\n    handler: h\n    environment: {DD_ENV: c}\n",
    )
    (d,) = m.deployments
    assert d.env == (EnvSetting("DD_ENV", "c", 9), EnvSetting("DD_SERVICE", "b", 5))


def test_the_datadog_agent_sidecar_is_not_the_application(tmp_path: Path) -> None:
    path = tmp_path / "task-definition.json"
    path.write_text(
        '{"family": "f", "containerDefinitions": [\n'
        '  {"name": "app", "image": "python:3.12", "environment": [\n'
        '    {"name": "DD_APPSEC_ENABLED", "value": "true"}]},\n'
        '  {"name": "datadog-agent", "image": "public.ecr.aws/datadog/agent:latest",\n'
        '   "environment": [{"name": "DD_APM_ENABLED", "value": "true"},\n'
        '    {"name": "DD_REMOTE_CONFIGURATION_ENABLED", "value": "false"}]}\n'
        "]}\n"
    )
    (task,) = ECS_READER.read(path, "task-definition.json").deployments
    assert [e.name for e in task.env] == ["DD_APPSEC_ENABLED"]
