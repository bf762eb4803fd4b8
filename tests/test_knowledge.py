"""The shipped knowledge loads, says what the docs and the facts say, and bad data is refused."""

from __future__ import annotations

import copy
import json
import tomllib
from importlib import resources
from typing import Any

import pytest
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from advisor.errors import KnowledgeError
from advisor.knowledge import matrix
from advisor.knowledge.schema import admits_some_version

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


def test_tornado_floor_covers_every_request_capability() -> None:
    """Facts 1.1: AAP for Tornado came in 4.4.0; beyond HTTP monitoring that is an inference."""
    tornado = matrix.load().integration("tornado")
    floors = {f.capability: f for f in tornado.floors}
    assert set(floors) == {
        "http-monitoring",
        "exploit-prevention",
        "api-security",
        "account-takeover-protection",
    }
    assert {str(f.min_version) for f in floors.values()} == {"4.4.0"}
    for cap, floor in floors.items():
        if cap != "http-monitoring":
            assert "inference" in floor.what and "inference" in floor.source, cap
    (switch,) = tornado.env
    assert switch.capabilities == set(floors)
    assert switch.needed_by(["api-security"]) and not switch.needed_by(["sca"])


def test_env_capability_must_be_known() -> None:
    caps = _data("capabilities.toml")
    parts = matrix.parse_capabilities(caps, "capabilities.toml")
    data = _data("integrations.toml")
    tornado = next(i for i in data["integration"] if i["id"] == "tornado")
    tornado["env"][0]["capability"] = ["http-monitoring", "telepathy"]
    with pytest.raises(KnowledgeError, match="unknown capability 'telepathy'"):
        matrix.parse_integrations(
            data, "integrations.toml", {c.id for c in parts["capabilities"]}, set(parts["features"])
        )


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


def test_declared_range_can_stop_and_admit_any_version() -> None:
    """Facts 3.2: mysqlclient >=1.3 to 2.0, not listed 2.10-3.0, "*" from 3.10."""
    mysqlclient = matrix.load().integration("mysqlclient")
    old = mysqlclient.declared_for(Version("2.9.1"), "mysqlclient")
    assert old is not None and str(old.spec) == ">=1.3"
    assert mysqlclient.declared_for(Version("2.10.0"), "mysqlclient") is None
    assert mysqlclient.declared_for(Version("3.0.0"), "mysqlclient") is None
    for ddtrace in ("3.10.0", "4.16.0"):
        anything = mysqlclient.declared_for(Version(ddtrace), "mysqlclient")
        assert anything is not None and anything.spec.contains("0.1", prereleases=True)


def test_runtime_rows_are_or_ed_ranges() -> None:
    """The docs' "2.7, 3.5-3.11" for ddtrace <2 is two ranges, not one that admits nothing."""
    k = matrix.load()
    (old,) = [r for r in k.runtimes if str(r.ddtrace) == "<2"]
    assert [py for py in ("2.7", "3.4", "3.5", "3.11", "3.12") if old.admits_python(py)] == [
        "2.7",
        "3.5",
        "3.11",
    ]
    for row in k.runtimes:
        assert any(row.admits_python(p.version) for p in k.pythons), row


@pytest.mark.parametrize(
    ("spec", "admits"),
    [
        ("", True),
        ("<2", True),
        (">=4.0,<5", True),
        (">1.0,<1.0.1", True),  # 1.0.0.1
        (">=1.0.9999.5,<1.1", True),
        ("==1.*,>1.5", True),
        ("~=2.2,!=2.2", True),
        ("<2.0,>1.9999", True),
        (">=2.2.8", True),
        ("==2.7.*,>=3.5,<3.12", False),
        (">=2,<1", False),
        ("<0", False),
        ("==3.13.*,<3.13", False),
        (">=1.0rc1,<1.0", False),  # <1.0 leaves out 1.0's own pre-releases
        ("==1.0,!=1.0", False),
    ],
)
def test_admits_some_version(spec: str, admits: bool) -> None:
    assert admits_some_version(SpecifierSet(spec)) is admits


def _shipped(name: str) -> str:
    return (resources.files("advisor.knowledge") / "data" / name).read_text(encoding="utf-8")


# One edit to a shipped file each (old text, new text): a range that admits nothing.
EMPTY_RANGES = {
    "runtime python": (
        "capabilities.toml",
        'python = ["==2.7.*", ">=3.5,<3.12"]',
        'python = "==2.7.*,>=3.5,<3.12"',
        "runtime[3].python: '==2.7.*,>=3.5,<3.12' admits no CPython",
    ),
    "runtime python list member": (
        "capabilities.toml",
        'python = ["==2.7.*", ">=3.5,<3.12"]',
        'python = ["==2.7.*", ">=3.5,<3.5"]',
        "runtime[3].python[1]: '>=3.5,<3.5' admits no CPython",
    ),
    "python gate": (
        "capabilities.toml",
        'python = "<3.15", source',
        'python = ">=3.16", source',
        "capability[8].python_gates[3].python: '>=3.16' admits no CPython",
    ),
    "python gate ddtrace": (
        "capabilities.toml",
        'ddtrace = ">=2.3.2,<2.19.0"',
        'ddtrace = ">=2.19.0,<2.3.2"',
        "capability[8].python_gates[1].ddtrace: '>=2.19.0,<2.3.2' admits no version",
    ),
    "capability env ddtrace": (
        "capabilities.toml",
        'ddtrace = "<1.7.0"',
        'ddtrace = "<1.7.0,>1.7.0"',
        "capability[6].env[1].ddtrace: '<1.7.0,>1.7.0' admits no version",
    ),
    "branch": (
        "capabilities.toml",
        'spec = ">=3.0,<4"',
        'spec = ">=4.0,<3"',
        "branch[1].spec: '>=4.0,<3' admits no version",
    ),
    "note": (
        "capabilities.toml",
        'ddtrace = "<3.0.0"',
        'ddtrace = "<3.0.0,==3.*"',
        "note[2].ddtrace: '<3.0.0,==3.*' admits no version",
    ),
    "declared range": (
        "integrations.toml",
        '["4.6.0", ">=2.2.8"]',
        '["4.6.0", "==2.2.8,!=2.2.8"]',
        "integration[0].declared[4]: '==2.2.8,!=2.2.8' admits no version",
    ),
    "integration env ddtrace": (
        "integrations.toml",
        'ddtrace = "<3.18.0"',
        'ddtrace = "<3.18.0,>=3.18"',
        "env[0].ddtrace: '<3.18.0,>=3.18' admits no version",
    ),
}


@pytest.mark.parametrize("edit", EMPTY_RANGES.values(), ids=list(EMPTY_RANGES))
def test_a_range_that_admits_nothing_is_refused(edit: tuple[str, str, str, str]) -> None:
    """The loader refuses a data file with a range that admits nothing, naming file and entry."""
    name, old, new, problem = edit
    assert old in _shipped(name)

    def read(wanted: str) -> str:
        text = _shipped(wanted)
        return text.replace(old, new, 1) if wanted == name else text

    with pytest.raises(KnowledgeError) as err:
        matrix.load_from(read)
    text = err.value.render()
    assert f"advisor/knowledge/data/{name}: 1 problem(s)" in text
    assert problem in text


def test_shipped_files_load_through_load_from() -> None:
    assert matrix.load_from(_shipped) == matrix.load()


def test_platform_minimums_from_facts() -> None:
    """Facts 5.5: macOS 14.0 from 4.2.0 (arm64 and x86_64); musl 1.2 from 2.19.0."""
    lines = {m.id: m for m in matrix.load().platform_minimums}
    macos, musl = lines["macos-14"], lines["musl-1.2"]
    assert macos.since == Version("4.2.0") and macos.platforms == {"macos-arm64", "macos-x86_64"}
    assert musl.since == Version("2.19.0")
    assert musl.platforms == {"musllinux-x86_64", "musllinux-aarch64"}
    assert all(m.source for m in lines.values())
    assert macos.crossed(Version("4.1.1"), Version("4.6.0"))
    assert macos.crossed(None, Version("4.2.0"))
    assert not macos.crossed(Version("4.2.0"), Version("4.6.0"))
    assert not macos.crossed(None, Version("4.1.1"))


def test_platforms_file_is_validated() -> None:
    def read(name: str) -> str:
        text = _shipped(name)
        if name == "platforms.toml":
            text = text.replace('"macos-x86_64"]', '"macos-ppc"]').replace(
                'since = "2.19.0"', 'since = "soon"'
            )
            text = text.replace('id = "musl-1.2"', 'id = "macos-14"')
        return text

    with pytest.raises(KnowledgeError) as err:
        matrix.load_from(read)
    text = err.value.render()
    assert "advisor/knowledge/data/platforms.toml: 3 problem(s)" in text
    for needle in (
        "minimum[0].platforms: unknown platform 'macos-ppc'",
        "minimum[1].since: not a version: 'soon'",
        "minimum[1].id: id 'macos-14' used twice",
    ):
        assert needle in text


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


def test_the_parsed_knowledge_is_the_toml_source_parsed() -> None:
    """``parsed.json`` holds each TOML file's text and what tomllib reads from it, and is what
    ``python tools/knowledge_parsed.py`` writes from the shipped files."""
    shipped = (resources.files("advisor.knowledge") / matrix.PARSED_FILE).read_text("utf-8")
    assert shipped == matrix.render_parsed(_shipped)
    documents = json.loads(shipped)
    assert list(documents) == list(matrix.PARSED_NAMES)
    for name, made in documents.items():
        assert made["text"] == _shipped(name)
        assert made["data"] == tomllib.loads(_shipped(name))


def _pythons_with_eol(documents: dict[str, Any], day: str) -> dict[str, Any]:
    """``documents`` with the first CPython of ``pythons.toml`` ending on ``day``."""
    made = copy.deepcopy(documents)
    made["pythons.toml"]["data"]["python"][0]["end_of_life"] = day
    return made


def test_a_parsed_document_is_taken_only_for_the_text_it_was_parsed_from(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The parsed document stands in for parsing exactly the text it was made from; an edited
    file (a stale parsed.json) is parsed again, and without parsed.json every file is parsed."""
    original = matrix._parsed
    documents = original()
    assert documents  # shipped with the package
    marked = _pythons_with_eol(documents, "2000-01-01")
    monkeypatch.setattr(matrix, "_parsed", lambda: marked)
    assert str(matrix.load_from(_shipped).pythons[0].end_of_life) == "2000-01-01"

    def edited(name: str) -> str:
        text = _shipped(name)
        return text.replace('end_of_life = "2020-01-01"', 'end_of_life = "2020-02-02"', 1)

    assert str(matrix.load_from(edited).pythons[0].end_of_life) == "2020-02-02"

    monkeypatch.setattr(matrix, "PARSED_FILE", "missing.json")
    monkeypatch.setattr(matrix, "_parsed", original)
    assert matrix._parsed() == {}
    assert matrix.load_from(_shipped) == matrix.load()


def test_a_version_text_is_parsed_once_per_file_and_a_bad_one_still_reported() -> None:
    """A file names the same versions in many tables: each text is parsed once, and the one
    value serves them all; a text that is no version is still a problem at its key path."""
    from advisor.knowledge import schema

    parsed: list[str] = []

    class Counted(Version):
        def __init__(self, version: str) -> None:
            parsed.append(version)
            super().__init__(version)

    problems = schema.Problems("integrations.toml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(schema, "Version", Counted)
        first = problems.version("2.21.0", "integration[0].since")
        again = problems.version("2.21.0", "integration[3].since")
        other = problems.version(3, "integration[4].since")
        bad = problems.version("two", "integration[5].since")
    assert first is again and first == Version("2.21.0") and other == Version("3")
    assert parsed == ["2.21.0", "3", "two"]
    assert bad == Version("0")
    assert problems.found == ["integration[5].since: not a version: 'two'"]


def test_an_integration_is_found_by_any_of_its_distributions() -> None:
    """The index :meth:`Knowledge.integration_for` keeps gives what a scan in order gives, and
    a knowledge with other integrations (``dataclasses.replace``) gets its own."""
    import dataclasses

    knowledge = matrix.load()

    def scan(k: Any, name: str) -> Any:
        return next((i for i in k.integrations if name in i.distributions), None)

    names = {d for i in knowledge.integrations for d in i.distributions} | {"no-such-thing"}
    assert all(knowledge.integration_for(n) is scan(knowledge, n) for n in names)
    flask = knowledge.integration_for("flask")
    assert flask is not None
    fewer = dataclasses.replace(
        knowledge, integrations=tuple(i for i in knowledge.integrations if i is not flask)
    )
    assert fewer.integration_for("flask") is None and knowledge.integration_for("flask") is flask


def test_an_integration_is_found_by_its_id_as_a_scan_finds_it() -> None:
    """:meth:`Knowledge.integration` by the same index: the first integration of each id, and
    another knowledge's own."""
    import dataclasses

    knowledge = matrix.load()
    for integ in knowledge.integrations:
        assert knowledge.integration(integ.id) is next(
            i for i in knowledge.integrations if i.id == integ.id
        )
    flask = knowledge.integration("flask")
    renamed = dataclasses.replace(flask, name="Flask (renamed)")
    other = dataclasses.replace(
        knowledge,
        integrations=tuple(renamed if i is flask else i for i in knowledge.integrations),
    )
    assert other.integration("flask") is renamed and knowledge.integration("flask") is flask
    with pytest.raises(KeyError):
        knowledge.integration("no-such-thing")
