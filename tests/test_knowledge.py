"""The shipped knowledge loads, says what the docs and the facts say, and bad data is refused."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import pytest
from packaging.version import Version

from advisor.errors import KnowledgeError
from advisor.knowledge import matrix

DOCS_FLOORS = {
    "http-monitoring": "1.16.0",
    "exploit-prevention": "2.20.0",
    "api-security": "4.6.0",
    "account-takeover-protection": "2.11.0",
    "runtime-activation": "1.6.0",
    "sca": "1.5.0",
    "iast": "3.15.0",
}


def _data(name: str) -> dict[str, Any]:
    ref = resources.files("advisor.knowledge") / "data" / name
    return tomllib.loads(ref.read_text(encoding="utf-8"))


def test_shipped_knowledge_loads() -> None:
    k = matrix.load()
    assert [c.id for c in k.capabilities] == [
        "http-monitoring",
        "grpc-monitoring",
        "graphql-monitoring",
        "exploit-prevention",
        "api-security",
        "account-takeover-protection",
        "runtime-activation",
        "sca",
        "iast",
    ]


@pytest.mark.parametrize(("cap_id", "floor"), DOCS_FLOORS.items())
def test_documented_floors(cap_id: str, floor: str) -> None:
    cap = matrix.load().capability(cap_id)
    assert cap is not None and cap.min_version == Version(floor)


@pytest.mark.parametrize("cap_id", ["grpc-monitoring", "graphql-monitoring"])
def test_unsupported(cap_id: str) -> None:
    cap = matrix.load().capability(cap_id)
    assert cap is not None and not cap.supported and cap.min_version is None


@pytest.mark.parametrize(
    ("alias", "cap_id"),
    [
        ("ato", "account-takeover-protection"),
        ("rasp", "exploit-prevention"),
        ("code-security", "iast"),
        ("Runtime Code Analysis (IAST)", "iast"),
        ("API Security", "api-security"),
        ("SCA", "sca"),
    ],
)
def test_aliases(alias: str, cap_id: str) -> None:
    cap = matrix.load().capability(alias)
    assert cap is not None and cap.id == cap_id


def test_maintenance_branch_ends() -> None:
    import datetime as dt

    k = matrix.load()
    branch = k.branch_for(Version("3.19.9"))
    assert branch is not None and branch.support == "maintenance"
    assert branch.supported_on(dt.date(2026, 5, 31))
    assert not branch.supported_on(dt.date(2026, 11, 24))
    ga = k.branch_for(Version("4.16.0"))
    assert ga is not None and ga.supported_on(dt.date(2026, 11, 24))


def test_integration_floors_from_facts() -> None:
    k = matrix.load()
    floors = {(i.id, f.capability): str(f.min_version) for i in k.integrations for f in i.floors}
    assert floors[("fastapi", "http-monitoring")] == "2.4.0"
    assert floors[("tornado", "http-monitoring")] == "4.4.0"
    assert floors[("httpx", "exploit-prevention")] == "4.3.0"
    tornado = k.integration("tornado")
    assert [e.name for e in tornado.env] == ["DD_TRACE_TORNADO_ENABLED"]


def test_integrations_found_by_distribution() -> None:
    k = matrix.load()
    for dist, integ in [
        ("psycopg2-binary", "psycopg"),
        ("psycopg2", "psycopg"),
        ("mysqlclient", "mysqlclient"),
        ("pymysql", "pymysql"),
        ("mysql-connector-python", "mysql-connector"),
        ("snowflake-connector-python", "snowflake"),
        ("grpcio", "grpc"),
        ("strawberry-graphql", "graphql"),
        ("ariadne", "graphql"),
        ("mariadb", "mariadb"),
        ("pyodbc", "pyodbc"),
    ]:
        found = k.integration_for(dist)
        assert found is not None and found.id == integ, dist


def test_declared_range_follows_release() -> None:
    django = matrix.load().integration("django")
    r = django.declared_for(Version("4.6.0"), "django")
    assert r is not None and str(r.spec) == ">=2.2.8"
    old = django.declared_for(Version("1.20.0"), "django")
    assert old is not None and str(old.spec) == ">=1.8"
    psycopg = matrix.load().integration("psycopg")
    p3 = psycopg.declared_for(Version("4.6.0"), "psycopg")
    assert p3 is not None and str(p3.spec) == ">=3.0.0"
    assert psycopg.declared_for(Version("3.0.0"), "psycopg") is None


def test_iast_gates() -> None:
    iast = matrix.load().capability("iast")
    assert iast is not None
    assert {p for ex in iast.excluded_platforms for p in ex.platforms} == {
        "windows-amd64",
        "windows-x86",
        "windows-arm64",
    }


def test_python_dates() -> None:
    import datetime as dt

    pythons = {p.version: p for p in matrix.load().pythons}
    assert pythons["3.15"].released == dt.date(2026, 10, 1)
    assert list(pythons)[:3] == ["2.7", "3.5", "3.6"]


def test_capabilities_collects_every_problem() -> None:
    data = _data("capabilities.toml")
    data["capability"][0]["status"] = "maybe"
    data["capability"][1]["aliases"] = ["rasp"]  # belongs to exploit-prevention
    data["capability"][3]["min_version"] = "not-a-version"
    data["feature"][0]["capability"] = "nope"
    with pytest.raises(KnowledgeError) as err:
        matrix.parse_capabilities(data, "capabilities.toml")
    text = err.value.render()
    for needle in (
        "unknown status 'maybe'",
        "alias 'rasp'",
        "not a version",
        "unknown capability 'nope'",
    ):
        assert needle in text
    assert "4 problem(s)" in text


def test_integrations_reference_known_capabilities() -> None:
    caps = _data("capabilities.toml")
    parts = matrix.parse_capabilities(caps, "capabilities.toml")
    data = _data("integrations.toml")
    data["integration"][0]["floors"][0]["capability"] = "teleport"
    data["integration"][1]["features"] = ["mind-reading"]
    data["integration"][2]["distributions"] = ["django"]
    with pytest.raises(KnowledgeError) as err:
        matrix.parse_integrations(
            data, "integrations.toml", {c.id for c in parts["capabilities"]}, set(parts["features"])
        )
    text = err.value.render()
    assert "teleport" in text and "mind-reading" in text and "already belongs to 'django'" in text


def test_pythons_validated() -> None:
    with pytest.raises(KnowledgeError, match="not a date"):
        matrix.parse_pythons(
            {"python": [{"version": "3.99", "released": "soon", "end_of_life": "2040-01-01"}]}, "p"
        )


def test_web_frameworks_aap_documents() -> None:
    """The docs' web framework table names Django, Flask, FastAPI and Tornado; the other web
    frameworks are found so the report can say so."""
    k = matrix.load()
    web = {i.id: i for i in k.integrations if i.kind == "web-framework"}
    assert sorted(i for i, integ in web.items() if integ.documented) == [
        "django",
        "fastapi",
        "flask",
        "tornado",
    ]
    for dist in (
        "pyramid",
        "aiohttp",
        "litestar",
        "sanic",
        "falcon",
        "bottle",
        "quart",
        "cherrypy",
    ):
        integ = k.integration_for(dist)
        assert integ is not None and integ.kind == "web-framework" and not integ.documented
    assert web["starlette"].covered_by == "fastapi" and not web["starlette"].documented
    assert "http-monitoring" in k.request_capabilities and "sca" not in k.request_capabilities


def test_request_capabilities_and_covered_by_validated() -> None:
    caps = matrix.parse_capabilities(_data("capabilities.toml"), "capabilities.toml")
    cap_ids = {c.id for c in caps["capabilities"]}
    data = _data("integrations.toml")
    data["request_capabilities"] = ["http-monitoring", "telepathy"]
    with pytest.raises(KnowledgeError, match="unknown capability 'telepathy'"):
        matrix.parse_request_capabilities(data, "integrations.toml", cap_ids)
    data["integration"][3]["covered_by"] = "nowhere"
    with pytest.raises(KnowledgeError, match=r"covered_by: unknown integration 'nowhere'"):
        matrix.parse_integrations(data, "integrations.toml", cap_ids, set(caps["features"]))
