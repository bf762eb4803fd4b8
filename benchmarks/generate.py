"""Deterministic, real-shaped benchmark inputs for aap-advise (issue 19).

Writes, under ``benchmarks/.data/`` (kept out of git), each from its own seeded
:class:`random.Random` so the same seed always writes the same bytes:

- ``pyproject/pyproject.toml``: a 20-line ``[project]`` of a Flask service, 12 dependencies
  (ddtrace among them) and ``requires-python``: the fixed cost of an offline answer;
- ``requirements/requirements.txt``: ``uv pip compile --generate-hashes`` output of about 6,700
  lines, shaped like real ones: pure-Python pins carry two hashes (sdist and wheel), binary pins
  one per wheel (60 to 150), ``# via`` annotations;
- ``uv/uv.lock`` (about 2 MB, 400 packages) and ``uv-10k/uv.lock`` (10,000 packages): lock files
  shaped like the ``uv.lock`` files of real projects whose dependencies split by Python version
  and platform (see :func:`uv_lock`); the 2 MB one is also kept in git as
  ``benchmarks/real-shaped-uv.lock`` so the shape can be reviewed;
- ``monorepo-200/`` and ``monorepo-3200/``: service folders holding 200 and 3,200 manifests
  (``pyproject.toml``, ``requirements.txt``, ``requirements-dev.txt``) among source files;
- ``online/requirements.in``: a typical 15-dependency service for the online measurement.

Inputs are written again only when this file, the seed or a size changes (a stamp beside them
records what wrote them): the 10,000-package lock is some 50 MB.

Run ``python benchmarks/generate.py [--out DIR] [--seed N] [--force]``.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / ".data"
COMMITTED_LOCK = HERE / "real-shaped-uv.lock"
SEED = 19

#: Real distributions, with the version the generated project locks. The first block are the
#: ones AAP cares about (ddtrace, frameworks, SQL drivers, HTTP clients), so the planner
#: finds integrations and floors; ddtrace 2.21.4 is old enough that an upgrade is advised.
ANCHORS: dict[str, str] = {
    "ddtrace": "2.21.4",
    "flask": "3.1.0",
    "django": "4.2.17",
    "fastapi": "0.115.6",
    "starlette": "0.41.3",
    "requests": "2.32.3",
    "urllib3": "2.2.3",
    "httpx": "0.28.1",
    "psycopg2-binary": "2.9.10",
    "grpcio": "1.68.1",
    "graphql-core": "3.2.5",
    "tornado": "6.4.2",
    "pymysql": "1.1.1",
    "envier": "0.5.2",
    "bytecode": "0.16.0",
    "xmltodict": "0.14.2",
    "protobuf": "5.29.2",
    "wrapt": "1.17.0",
    "opentelemetry-api": "1.29.0",
    "typing-extensions": "4.12.2",
    "werkzeug": "3.1.3",
    "jinja2": "3.1.5",
    "markupsafe": "3.0.2",
    "itsdangerous": "2.2.0",
    "click": "8.1.8",
    "blinker": "1.9.0",
    "certifi": "2024.12.14",
    "idna": "3.10",
    "charset-normalizer": "3.4.1",
    "anyio": "4.8.0",
    "sniffio": "1.3.1",
    "h11": "0.14.0",
    "httpcore": "1.0.7",
    "pydantic": "2.10.4",
    "pydantic-core": "2.27.2",
    "annotated-types": "0.7.0",
    "sqlalchemy": "2.0.36",
    "greenlet": "3.1.1",
    "redis": "5.2.1",
    "celery": "5.4.0",
    "kombu": "5.4.2",
    "billiard": "4.2.1",
    "vine": "5.1.0",
    "amqp": "5.3.1",
    "gunicorn": "23.0.0",
    "uvicorn": "0.34.0",
    "boto3": "1.35.90",
    "botocore": "1.35.90",
    "s3transfer": "0.10.4",
    "jmespath": "1.0.1",
    "python-dateutil": "2.9.0.post0",
    "six": "1.17.0",
    "pyyaml": "6.0.2",
    "numpy": "2.2.1",
    "pandas": "2.2.3",
    "pytz": "2024.2",
    "tzdata": "2024.2",
    "cryptography": "44.0.0",
    "cffi": "1.17.1",
    "pycparser": "2.22",
    "attrs": "24.3.0",
    "packaging": "24.2",
    "setuptools": "75.6.0",
    "wheel": "0.45.1",
    "pytest": "8.3.4",
    "pluggy": "1.5.0",
    "iniconfig": "2.0.0",
    "coverage": "7.6.10",
    "mypy": "1.14.1",
    "ruff": "0.8.6",
    "black": "24.10.0",
    "structlog": "24.4.0",
    "python-dotenv": "1.0.1",
    "orjson": "3.10.13",
    "ujson": "5.10.0",
    "lxml": "5.3.0",
    "pillow": "11.1.0",
    "marshmallow": "3.23.2",
    "alembic": "1.14.0",
    "mako": "1.3.8",
    "sentry-sdk": "2.19.2",
    "aiohttp": "3.11.11",
    "multidict": "6.1.0",
    "yarl": "1.18.3",
    "frozenlist": "1.5.0",
    "aiosignal": "1.3.2",
    "propcache": "0.2.1",
    "websockets": "14.1",
    "grpcio-tools": "1.68.1",
    "googleapis-common-protos": "1.66.0",
    "google-auth": "2.37.0",
    "cachetools": "5.5.0",
    "rsa": "4.9",
    "pyasn1": "0.6.1",
    "pyasn1-modules": "0.4.1",
    "jsonschema": "4.23.0",
    "referencing": "0.35.1",
    "rpds-py": "0.22.3",
    "jsonschema-specifications": "2024.10.1",
    "tenacity": "9.0.0",
    "rich": "13.9.4",
    "pygments": "2.18.0",
    "markdown-it-py": "3.0.0",
    "mdurl": "0.1.2",
    "tqdm": "4.67.1",
    "filelock": "3.16.1",
    "platformdirs": "4.3.6",
    "virtualenv": "20.28.1",
    "distlib": "0.3.9",
    "msgpack": "1.1.0",
    "psutil": "6.1.1",
    "zipp": "3.21.0",
    "importlib-metadata": "8.5.0",
    "deprecated": "1.2.15",
    "decorator": "5.1.1",
    "tomli": "2.2.1",
    "exceptiongroup": "1.2.2",
    "asgiref": "3.8.1",
    "sqlparse": "0.5.3",
}

_PREFIXES = (
    "django",
    "flask",
    "pytest",
    "types",
    "sphinx",
    "azure",
    "google-cloud",
    "aws",
    "opentelemetry-instrumentation",
    "jupyter",
    "py",
    "python",
    "async",
    "fast",
    "open",
    "mkdocs",
    "apache-airflow-providers",
    "dagster",
    "langchain",
    "llama-index",
)
_WORDS = (
    "cache", "config", "storage", "auth", "mail", "queue", "cors", "compress", "session",
    "logging", "metrics", "retry", "timeout", "mock", "xdist", "asyncio", "redis", "celery",
    "rest", "filters", "admin", "debug-toolbar", "extensions", "environ", "storages", "crontab",
    "json-logger", "slugify", "magic", "jose", "multipart", "ulid", "semver", "toolz",
    "dateparser", "humanize", "inflect", "phonenumbers", "babel", "markdown", "bleach",
    "html5lib", "cssselect", "chardet", "simplejson", "cachecontrol", "keyring", "paramiko",
    "bcrypt", "nacl", "jwt", "oauthlib", "zeep", "suds", "ldap3", "kafka", "pika", "nats",
    "consul", "etcd", "vault", "secrets", "pubsub", "bigquery", "dynamodb", "sqs", "sns",
    "lambda", "batch", "dataflow", "spanner", "firestore", "monitoring", "trace", "grpc",
    "http", "s3", "snowflake", "postgres", "mysql", "sqlite", "mongo", "elasticsearch",
    "openai", "anthropic", "embeddings", "vectorstore", "loader", "parser", "client", "sdk",
    "cli", "utils", "core", "common", "testing", "plugin", "hooks", "schema", "types",
)  # fmt: skip

#: Binary distributions among the anchors (their locks list one wheel per CPython and platform).
_BINARY = {
    "ddtrace",
    "psycopg2-binary",
    "grpcio",
    "protobuf",
    "wrapt",
    "markupsafe",
    "charset-normalizer",
    "pydantic-core",
    "sqlalchemy",
    "greenlet",
    "pyyaml",
    "numpy",
    "pandas",
    "cryptography",
    "cffi",
    "coverage",
    "mypy",
    "ruff",
    "orjson",
    "ujson",
    "lxml",
    "pillow",
    "aiohttp",
    "multidict",
    "yarl",
    "frozenlist",
    "propcache",
    "websockets",
    "grpcio-tools",
    "rpds-py",
    "msgpack",
    "psutil",
    "black",
    "bytecode",
}


# -- drawing names, versions, hashes -------------------------------------------------------


class Gen:
    """Everything drawn from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def hexdigest(self) -> str:
        return f"{self.rng.getrandbits(256):064x}"

    def version(self) -> str:
        r = self.rng
        if r.random() < 0.1:
            return f"{r.randint(2019, 2026)}.{r.randint(1, 12)}.{r.randint(1, 28)}"
        return f"{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(0, 20)}"

    def names(self, count: int) -> list[str]:
        """``count`` distinct real-looking names: the anchors first, then plausible others."""
        out = list(ANCHORS)[:count]
        seen = set(out)
        while len(out) < count:
            name = f"{self.rng.choice(_PREFIXES)}-{self.rng.choice(_WORDS)}"
            if self.rng.random() < 0.4:
                name += f"-{self.rng.choice(_WORDS)}"
            if name not in seen:
                seen.add(name)
                out.append(name)
        return out

    def upload_time(self) -> str:
        r = self.rng
        ms = r.randint(0, 999)
        frac = f".{ms:03d}".rstrip("0").rstrip(".")
        return (
            f"{r.randint(2022, 2026)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T"
            f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}{frac}Z"
        )

    def file_url(self, filename: str) -> str:
        """A files.pythonhosted.org URL (its path is a blake2b digest: 2/2/60 hex digits)."""
        h = self.hexdigest()
        return f"https://files.pythonhosted.org/packages/{h[:2]}/{h[2:4]}/{h[4:64]}/{filename}"


# -- uv.lock -------------------------------------------------------------------------------

#: The forks of a project whose dependencies split by CPython and by platform (numpy, scipy,
#: pandas drop old CPythons; torch and its CUDA wheels differ by platform). uv writes the
#: product at the top of the lock and, on each package locked in only some forks, the subset
#: it serves in ``resolution-markers``: a few dozen distinct strings, repeated on every such
#: package (real locks: docling 19 distinct over 47 packages, pydantic-ai 6 over 22).
_PY_FORKS = (
    "python_full_version >= '3.14'",
    "python_full_version == '3.13.*'",
    "python_full_version == '3.12.*'",
    "python_full_version == '3.11.*'",
)
_PLATFORM_FORKS = (
    "sys_platform == 'darwin'",
    "sys_platform == 'win32'",
    "sys_platform == 'emscripten'",
    "platform_machine == 'x86_64' and sys_platform == 'linux'",
    "(platform_machine != 'x86_64' and sys_platform == 'linux') or (sys_platform != 'darwin' "
    "and sys_platform != 'emscripten' and sys_platform != 'linux' and sys_platform != 'win32')",
)


def _fork(py: str, platform: str) -> str:
    if " or " not in platform:
        return f"{py} and {platform}"
    left, right = platform[1:-1].split(") or (")
    return f"({py} and {left}) or ({py} and {right})"


#: 22 forks, newest CPython first, as uv orders them.
FORKS: tuple[str, ...] = (
    *(_fork(py, plat) for py in _PY_FORKS for plat in _PLATFORM_FORKS),
    "python_full_version < '3.11' and sys_platform == 'darwin'",
    "python_full_version < '3.11' and sys_platform != 'darwin'",
)

#: How a package locked at several versions splits the forks: (forks of each version, oldest
#: version first; the markers a dependency on it carries, one per version).
_SPLITS: tuple[tuple[tuple[tuple[int, ...], ...], tuple[str, ...]], ...] = (
    # dropped CPython 3.10: the old version for < 3.11, the new one elsewhere
    (
        (tuple(range(20, 22)), tuple(range(20))),
        ("python_full_version < '3.11'", "python_full_version >= '3.11'"),
    ),
    # dropped 3.10 then 3.11
    (
        (tuple(range(20, 22)), tuple(range(15, 20)), tuple(range(15))),
        (
            "python_full_version < '3.11'",
            "python_full_version == '3.11.*'",
            "python_full_version >= '3.12'",
        ),
    ),
    # a CUDA build pinned on one CPython for linux x86_64 (the torch pattern)
    (
        ((13,), tuple(i for i in range(22) if i != 13)),
        (
            "python_full_version == '3.12.*' and platform_machine == 'x86_64' and sys_platform == 'linux'",
            "python_full_version != '3.12.*' or platform_machine != 'x86_64' or sys_platform != 'linux'",
        ),
    ),
)
#: Packages locked in only some forks (CUDA libraries, Windows-only helpers, backports).
_PARTIAL: tuple[tuple[int, ...], ...] = (
    tuple(i for i in range(20) if i % 5 == 3),  # linux x86_64
    tuple(i for i in range(20) if i % 5 == 1),  # windows
    (20, 21),  # CPython < 3.11
    (13,),  # the CUDA fork
)

#: Markers on dependency entries (real locks: 15 to 41 distinct).
_DEP_MARKERS = (
    "python_full_version < '3.11'",
    "python_full_version < '3.11'",
    "python_full_version < '3.12'",
    "python_full_version < '3.13'",
    "python_full_version >= '3.12'",
    "sys_platform == 'win32'",
    "sys_platform == 'win32'",
    "sys_platform != 'win32'",
    "sys_platform == 'darwin'",
    "sys_platform == 'linux'",
    "platform_system == 'Windows'",
    "os_name == 'nt'",
    "platform_python_implementation == 'CPython'",
    "platform_python_implementation != 'PyPy'",
    "implementation_name == 'cpython'",
    "platform_machine == 'x86_64' and sys_platform == 'linux'",
    "python_full_version < '3.11' and sys_platform == 'darwin'",
    "python_full_version >= '3.13' and sys_platform == 'win32'",
    "sys_platform != 'emscripten'",
    "(platform_machine == 'aarch64' and sys_platform == 'linux') or (platform_machine == 'x86_64' "
    "and sys_platform == 'linux')",
    "python_full_version >= '3.12' and platform_python_implementation == 'CPython'",
    "platform_machine != 'aarch64' or sys_platform != 'linux'",
)

_CPYTHONS = ("cp38", "cp39", "cp310", "cp311", "cp312", "cp313", "cp314")
_WHEEL_PLATFORMS = (
    "macosx_10_13_x86_64",
    "macosx_11_0_arm64",
    "macosx_10_13_universal2",
    "manylinux_2_17_aarch64.manylinux2014_aarch64",
    "manylinux_2_17_x86_64.manylinux2014_x86_64",
    "manylinux_2_5_i686.manylinux1_i686.manylinux_2_17_i686.manylinux2014_i686",
    "manylinux_2_17_ppc64le.manylinux2014_ppc64le",
    "manylinux_2_17_s390x.manylinux2014_s390x",
    "manylinux_2_28_aarch64",
    "manylinux_2_28_x86_64",
    "musllinux_1_2_aarch64",
    "musllinux_1_2_x86_64",
    "musllinux_1_2_i686",
    "musllinux_1_2_armv7l",
    "win32",
    "win_amd64",
    "win_arm64",
)


@dataclass
class Locked:
    """One ``[[package]]`` of a uv.lock."""

    name: str
    version: str
    forks: tuple[int, ...] | None = None  # indexes into FORKS: resolution-markers
    deps: list[str] = field(default_factory=list)  # rendered inline tables
    sdist: bool = True
    wheels: list[str] = field(default_factory=list)  # file names
    extras: dict[str, list[str]] = field(default_factory=dict)


def _wheels(gen: Gen, stem: str, version: str, binary: bool) -> list[str]:
    """Wheel file names: one pure wheel, or a binary matrix of CPythons and platforms."""
    r = gen.rng
    if not binary:
        return [f"{stem}-{version}-{r.choice(('py3', 'py3', 'py3', 'py2.py3'))}-none-any.whl"]
    platforms = sorted(r.sample(_WHEEL_PLATFORMS, k=r.choice((3, 5, 8, 10, 12, 13, 15, 17))))
    if r.random() < 0.15:  # a stable-ABI package: one wheel per platform
        return [f"{stem}-{version}-cp39-abi3-{p}.whl" for p in platforms]
    first = r.randint(0, 3)
    pythons = list(_CPYTHONS[first:])
    if r.random() < 0.4:
        pythons += ["cp313t", "cp314t"]
    names = []
    for py in sorted(pythons):
        tag = py.removesuffix("t")  # free-threaded: cp313-cp313t
        for p in platforms:
            if r.random() < 0.9:
                names.append(f"{stem}-{version}-{tag}-{py}-{p}.whl")
    return names


def _dep(name: str, marker: str = "", extra: str = "", version: str = "") -> str:
    """A dependency entry; ``version`` (with its registry) names one of a forked package's."""
    parts = [f'name = "{name}"']
    if version:
        parts.append(f'version = "{version}"')
        parts.append('source = { registry = "https://pypi.org/simple" }')
    if extra:
        parts.append(f'extra = ["{extra}"]')
    if marker:
        parts.append(f'marker = "{marker}"')
    return "{ " + ", ".join(parts) + " }"


def _vkey(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def uv_lock(seed: int, count: int, members: int = 1) -> str:
    """A uv.lock (version 1, revision 3) of ``count`` ``[[package]]`` tables, shaped like real ones.

    Proportions measured on the locks of real projects that split by CPython and platform
    (docling, pydantic-ai, prefect, dspy, openai-agents): about 5 KB per package, nine tenths of
    it wheel lines; one package in four or five binary with 15 to 120 wheels (about 12 wheels per
    package overall), the others one pure wheel; 2-3 % without wheels, 8 % without sdist;
    about 2.2 dependencies per package, a third of them with a marker; one name in 25 locked at
    two or three versions, each carrying its forks in ``resolution-markers``, and 3 % locked in
    only some forks (about 330 marker strings per 400 packages, 22 distinct); a few packages with ``[package.optional-dependencies]``; the
    project itself (and the other workspace members) editable, with ``[package.metadata]``
    ``requires-dist``, ``provides-extras`` and dev groups.
    """
    gen = Gen(seed)
    r = gen.rng
    names = gen.names(count)
    root = "bigapp"
    member_names = [root] + [f"{root}-{w}" for w in r.sample(_WORDS, k=members - 1)]
    forked: dict[
        str, list[tuple[str, tuple[int, ...], str]]
    ] = {}  # name -> (version, forks, dep marker)
    hubs = [n for n in ANCHORS if n in names[: len(ANCHORS)]][:60]
    packages: list[Locked] = []
    for i, name in enumerate(names):
        if len(packages) + members >= count:
            names = names[:i]  # every [[package]] counted: forks and members too
            break
        roll = r.random()
        if name == "ddtrace":
            roll = 1.0  # one version everywhere: the advice reads it
        versions: list[tuple[str, tuple[int, ...] | None, str]]
        if roll < 0.04:
            forks, markers = r.choice(_SPLITS)
            base = _vkey(ANCHORS.get(name) or gen.version())
            major = base[0] if base else 1
            versions = [
                (f"{major + j}.{r.randint(0, 20)}.{r.randint(0, 9)}", f, m)
                for j, (f, m) in enumerate(zip(forks, markers, strict=True))
            ]
            forked[name] = [(v, f or (), m) for v, f, m in versions]
        elif roll < 0.07:
            forks_only = r.choice(_PARTIAL)
            versions = [(ANCHORS.get(name) or gen.version(), forks_only, "")]
        else:
            versions = [(ANCHORS.get(name) or gen.version(), None, "")]
        binary = name in _BINARY or (name not in ANCHORS and r.random() < 0.22)
        stem = name.replace("-", "_")
        # dependencies: a DAG on earlier names, hubs (typing-extensions, packaging...) favoured
        pool = names[:i]
        want = min(len(pool), r.choice((0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 5, 7)))
        chosen: set[str] = set()
        while len(chosen) < want:
            chosen.add(r.choice(hubs) if hubs and r.random() < 0.5 else r.choice(pool))
        chosen.discard(name)
        chosen.discard("ddtrace")
        deps = []
        for d in sorted(chosen):
            marker = r.choice(_DEP_MARKERS) if r.random() < 0.3 else ""
            extra = (
                r.choice(("socks", "standard", "crypto", "http2", "toml"))
                if r.random() < 0.02
                else ""
            )
            if d in forked:
                deps += [_dep(d, m, extra, v) for v, _f, m in forked[d]]
            else:
                deps.append(_dep(d, marker, extra))
        for version, served, _marker in versions:
            pkg = Locked(name, version, served or None, list(deps))
            kind = r.random()
            pkg.sdist = kind > 0.08  # wheel-only packages
            pkg.wheels = (
                [] if 0.08 < kind < 0.105 and not binary else _wheels(gen, stem, version, binary)
            )
            if r.random() < 0.04 and i > 10:
                for extra in r.sample(
                    (
                        "all",
                        "async",
                        "cli",
                        "dev",
                        "docs",
                        "grpc",
                        "http2",
                        "socks",
                        "test",
                        "toml",
                        "yaml",
                    ),
                    k=r.randint(1, 6),
                ):
                    targets = r.sample(pool, k=min(len(pool), r.randint(1, 5)))
                    pkg.extras[extra] = [
                        _dep(t) for t in sorted(targets) if t not in forked and t != "ddtrace"
                    ]
            packages.append(pkg)
    # the workspace members: the project and its libraries
    direct = [n for n in DIRECT if n in names]
    for m_index, member in enumerate(member_names):
        mine = direct if m_index == 0 else r.sample(names, k=min(len(names), r.randint(5, 25)))
        pkg = Locked(member, "0.1.0", None, [])
        for d in sorted(set(mine)):
            if d in forked:
                pkg.deps += [_dep(d, m, "", v) for v, _f, m in forked[d]]
            else:
                pkg.deps.append(_dep(d))
        pkg.sdist = False
        pkg.extras = {"test": [_dep(d) for d in ("pytest", "coverage") if d in names]}
        packages.append(pkg)

    out = [
        "version = 1",
        "revision = 3",
        'requires-python = ">=3.10"',
        "resolution-markers = [",
        *(f'    "{m}",' for m in FORKS),
        "]",
        "",
    ]
    if members > 1:
        out += [
            "[manifest]",
            "members = [",
            *(f'    "{m}",' for m in sorted(member_names)),
            "]",
            "",
        ]
    member_set = set(member_names)
    for pkg in sorted(packages, key=lambda p: (p.name, _vkey(p.version))):
        out += ["[[package]]", f'name = "{pkg.name}"', f'version = "{pkg.version}"']
        if pkg.name in member_set:
            path = "." if pkg.name == root else f"packages/{pkg.name.removeprefix(root + '-')}"
            out.append(f'source = {{ editable = "{path}" }}')
        else:
            out.append('source = { registry = "https://pypi.org/simple" }')
        if pkg.forks:
            out += ["resolution-markers = [", *(f'    "{FORKS[f]}",' for f in pkg.forks), "]"]
        if pkg.deps:
            out += ["dependencies = [", *(f"    {d}," for d in pkg.deps), "]"]
        if pkg.name not in member_set:
            stem = pkg.name.replace("-", "_")
            if pkg.sdist:
                sdist = f"{stem}-{pkg.version}.tar.gz"
                out.append(
                    f'sdist = {{ url = "{gen.file_url(sdist)}", hash = "sha256:{gen.hexdigest()}", '
                    f'size = {r.randint(8_000, 30_000_000)}, upload-time = "{gen.upload_time()}" }}'
                )
            if pkg.wheels:
                out.append("wheels = [")
                big = r.randint(40_000, 12_000_000)
                for w in pkg.wheels:
                    out.append(
                        f'    {{ url = "{gen.file_url(w)}", hash = "sha256:{gen.hexdigest()}", '
                        f"size = {int(big * r.uniform(0.6, 1.4)) if 'none-any' not in w else r.randint(5_000, 900_000)}, "
                        f'upload-time = "{gen.upload_time()}" }},'
                    )
                out.append("]")
        if pkg.extras:
            out += ["", "[package.optional-dependencies]"]
            for extra, entries in pkg.extras.items():
                out += [f"{extra} = [", *(f"    {e}," for e in entries), "]"]
        if pkg.name in member_set:
            out += ["", "[package.dev-dependencies]", "dev = ["]
            out += [f"    {_dep(d)}," for d in ("mypy", "ruff", "pytest") if d in names]
            out += ["]", "", "[package.metadata]", "requires-dist = ["]
            for dname in dict.fromkeys(entry.split('"')[1] for entry in pkg.deps):
                spec = (
                    ">=2.21,<3" if dname == "ddtrace" else f">={_floor(ANCHORS.get(dname, '1.0'))}"
                )
                out.append(f'    {{ name = "{dname}", specifier = "{spec}" }},')
            for extra, entries in pkg.extras.items():
                for entry in entries:
                    dname = entry.split('"')[1]
                    out.append(
                        f'    {{ name = "{dname}", marker = "extra == \'{extra}\'", specifier = ">=1" }},'
                    )
            out += [
                "]",
                f"provides-extras = [{', '.join(repr(e).replace(chr(39), chr(34)) for e in pkg.extras)}]",
            ]
            out += ["", "[package.metadata.requires-dev]", "dev = ["]
            out += [
                f'    {{ name = "{d}", specifier = ">=1" }},'
                for d in ("mypy", "ruff", "pytest")
                if d in names
            ]
            out.append("]")
        out.append("")
    return "\n".join(out)


def _floor(version: str) -> str:
    return ".".join(version.split(".")[:2])


# -- hashed requirements ---------------------------------------------------------------------


def hashed_requirements(seed: int, lines: int = 6_700) -> str:
    """``uv pip compile --generate-hashes`` output of at least ``lines`` lines.

    Shaped like real ones (a 47-pin file of the corpus: 34 pins with 2 hashes, 13 with 60 to 146):
    pure-Python pins list their sdist and wheel hashes, binary pins one hash per wheel.
    """
    gen = Gen(seed)
    r = gen.rng
    names = gen.names(2_000)
    chosen: list[str] = []
    total = 2
    pins: dict[str, tuple[str, list[str], list[str]]] = {}
    for name in names:
        if total >= lines:
            break
        binary = name in _BINARY or (name not in ANCHORS and r.random() < 0.2)
        count = r.randint(60, 150) if binary else r.choice((1, 2, 2, 2, 2, 2, 3))
        hashes = sorted(gen.hexdigest() for _ in range(count))
        chosen.append(name)
        parents = (
            []
            if name in DIRECT
            else sorted(
                r.sample(chosen[: max(1, len(chosen) - 1)], k=min(len(chosen), r.randint(1, 3)))
            )
        )
        pins[name] = (ANCHORS.get(name) or gen.version(), hashes, parents)
        total += 1 + count + (1 if len(parents) <= 1 else 1 + len(parents))
    out = [
        "# This file was autogenerated by uv via the following command:",
        "#    uv pip compile requirements.in -o requirements.txt --generate-hashes --python-version 3.12",
    ]
    for name in sorted(pins):
        version, hashes, parents = pins[name]
        out.append(f"{name}=={version} \\")
        out += [
            f"    --hash=sha256:{h}" + (" \\" if j < len(hashes) - 1 else "")
            for j, h in enumerate(hashes)
        ]
        if not parents:
            out.append("    # via -r requirements.in")
        elif len(parents) == 1:
            out.append(f"    # via {parents[0]}")
        else:
            out += ["    # via", *(f"    #   {p}" for p in parents)]
    return "\n".join(out) + "\n"


# -- pyproject, monorepo, online ---------------------------------------------------------------

#: The fixed-cost input: a 20-line pyproject.toml of a Flask service.
PYPROJECT = """\
[project]
name = "checkout-service"
version = "1.4.0"
description = "Order checkout API"
readme = "README.md"
requires-python = ">=3.10"
dependencies = [
    "ddtrace>=2.21,<3",
    "flask>=3.0",
    "gunicorn>=22.0",
    "requests>=2.32",
    "sqlalchemy>=2.0",
    "psycopg2-binary>=2.9",
    "redis>=5.0",
    "pydantic>=2.9",
    "structlog>=24.1",
    "python-dotenv>=1.0",
    "click>=8.1",
    "boto3>=1.35",
]
"""

_TEAMS = ("payments", "search", "identity", "catalog", "shipping", "growth", "platform", "data")


def monorepo(seed: int, root: Path, manifests: int) -> int:
    """Service folders holding ``manifests`` dependency files, among source files.

    Each service has ``src/<pkg>/__init__.py``, ``src/<pkg>/app.py``, ``tests/test_app.py`` and
    a README beside its manifests: a ``pyproject.toml`` (six in ten: PEP 621 dependencies,
    optional dependencies, a dependency group, tool tables), else a ``requirements.txt`` with a
    ``requirements-dev.txt`` in one case of three. A third of the services declare ddtrace.
    Returns how many manifests were written (exactly ``manifests``).
    """
    r = random.Random(seed)
    pool = [n for n in ANCHORS if n != "ddtrace"]
    written = 0
    i = 0
    while written < manifests:
        team = _TEAMS[i % len(_TEAMS)]
        svc = f"svc-{i:04d}"
        folder = root / "services" / team / svc
        pkg = svc.replace("-", "_")
        (folder / "src" / pkg).mkdir(parents=True, exist_ok=True)
        (folder / "tests").mkdir(exist_ok=True)
        (folder / "src" / pkg / "__init__.py").write_text('"""The service."""\n', encoding="utf-8")
        (folder / "src" / pkg / "app.py").write_text(
            "from flask import Flask\n\napp = Flask(__name__)\n", encoding="utf-8"
        )
        (folder / "tests" / "test_app.py").write_text(
            "def test_app():\n    assert True\n", encoding="utf-8"
        )
        (folder / "README.md").write_text(f"# {svc}\n\nOwned by {team}.\n", encoding="utf-8")
        deps = r.sample(pool, k=r.randint(4, 15))
        ddtrace = r.choice(("2.21.4", "2.8.5", "3.1.0", "1.20.19")) if i % 3 == 0 else None
        if r.random() < 0.6 or manifests - written == 1:
            lines = [f'    "{d}>={_floor(ANCHORS[d])}",' for d in deps]
            if ddtrace:
                lines.insert(0, f'    "ddtrace=={ddtrace}",')
            text = "\n".join(
                [
                    "[project]",
                    f'name = "{svc}"',
                    'version = "0.1.0"',
                    f'requires-python = "{r.choice((">=3.10", ">=3.11", ">=3.11,<3.14", ">=3.12"))}"',
                    "dependencies = [",
                    *lines,
                    "]",
                    "",
                    "[project.optional-dependencies]",
                    'postgres = ["psycopg2-binary>=2.9"]',
                    "",
                    "[dependency-groups]",
                    'dev = ["pytest>=8", "coverage[toml]>=7.6", "mypy>=1.14"]',
                    "",
                    "[build-system]",
                    'requires = ["hatchling"]',
                    'build-backend = "hatchling.build"',
                    "",
                    "[tool.ruff]",
                    "line-length = 100",
                    "",
                    "[tool.pytest.ini_options]",
                    'testpaths = ["tests"]',
                    "",
                ]
            )
            (folder / "pyproject.toml").write_text(text, encoding="utf-8")
            written += 1
        else:
            lines = [f"{d}=={ANCHORS[d]}" for d in deps]
            if ddtrace:
                lines.insert(0, f"ddtrace=={ddtrace}")
            (folder / "requirements.txt").write_text(
                f"# {svc}: runtime dependencies\n" + "\n".join(lines) + "\n", encoding="utf-8"
            )
            written += 1
            if written < manifests and r.random() < 1 / 3:
                (folder / "requirements-dev.txt").write_text(
                    "# tests and linters\npytest==8.3.4\ncoverage==7.6.10\nmypy==1.14.1\n",
                    encoding="utf-8",
                )
                written += 1
        i += 1
    return written


#: The typical project of the online measurement: 15 direct dependencies, ddtrace 2.21.4.
ONLINE_REQUIREMENTS = """\
# A typical Flask service (benchmark input for the online measurement).
ddtrace==2.21.4
flask==3.0.3
requests==2.32.3
psycopg2-binary==2.9.10
envier==0.5.2
bytecode==0.15.1
gunicorn==22.0.0
sqlalchemy==2.0.36
redis==5.0.8
pydantic==2.9.2
structlog==24.4.0
python-dotenv==1.0.1
click==8.1.7
jinja2==3.1.4
urllib3==2.2.3
"""

#: The direct dependencies of the generated lock's project.
DIRECT = (
    "ddtrace",
    "flask",
    "django",
    "fastapi",
    "requests",
    "httpx",
    "psycopg2-binary",
    "grpcio",
    "graphql-core",
    "sqlalchemy",
    "celery",
    "redis",
    "gunicorn",
    "uvicorn",
    "boto3",
    "pydantic",
    "structlog",
    "sentry-sdk",
    "numpy",
    "pandas",
)

#: Sizes of the inputs: packages of the two locks, manifests of the two monorepos.
LOCK_PACKAGES = 420
BIG_LOCK_PACKAGES = 10_000
MONOREPOS = (200, 3_200)


def paths(out: Path = DEFAULT_OUT) -> dict[str, Path]:
    return {
        "pyproject": out / "pyproject" / "pyproject.toml",
        "requirements": out / "requirements" / "requirements.txt",
        "uv.lock": out / "uv" / "uv.lock",
        "uv.lock 10k": out / "uv-10k" / "uv.lock",
        **{f"monorepo {n}": out / f"monorepo-{n}" for n in MONOREPOS},
        "online": out / "online" / "requirements.in",
    }


def _stamp(seed: int) -> str:
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(str(seed).encode())
    return h.hexdigest()


def generate(out: Path = DEFAULT_OUT, seed: int = SEED, force: bool = False) -> dict[str, Path]:
    """Write every input under ``out`` unless the stamp says they are already there; return
    their paths. The benchmark's virtual environments under ``out`` are kept."""
    where = paths(out)
    stamp = out / "inputs.stamp"
    fresh = stamp.exists() and stamp.read_text() == _stamp(seed)
    if fresh and not force and all(p.exists() for p in where.values()):
        return where
    out.mkdir(parents=True, exist_ok=True)
    (out / ".gitignore").write_text("# generated by benchmarks/generate.py\n*\n", encoding="utf-8")
    for p in where.values():
        folder = p if p.name.startswith("monorepo") else p.parent
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    where["pyproject"].write_text(PYPROJECT, encoding="utf-8")
    where["requirements"].write_text(hashed_requirements(seed + 1), encoding="utf-8")
    where["uv.lock"].write_text(uv_lock(seed + 2, LOCK_PACKAGES, members=3), encoding="utf-8")
    where["uv.lock 10k"].write_text(
        uv_lock(seed + 3, BIG_LOCK_PACKAGES, members=40), encoding="utf-8"
    )
    for n in MONOREPOS:
        monorepo(seed + 4, where[f"monorepo {n}"], n)
    where["online"].write_text(ONLINE_REQUIREMENTS, encoding="utf-8")
    stamp.write_text(_stamp(seed), encoding="utf-8")
    return where


def digest(where: dict[str, Path]) -> str:
    """One sha256 over every generated file (to check determinism)."""
    h = hashlib.sha256()
    for key in sorted(where):
        p = where[key]
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file():
                h.update(f.read_bytes())
    return h.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--force", action="store_true", help="write the inputs even if stamped")
    ap.add_argument(
        "--commit-lock",
        action="store_true",
        help=f"also copy the 2 MB lock to {COMMITTED_LOCK.name} (the reviewable one in git)",
    )
    args = ap.parse_args()
    where = generate(args.out, args.seed, args.force)
    if args.commit_lock:
        shutil.copyfile(where["uv.lock"], COMMITTED_LOCK)
    for key, p in where.items():
        if p.is_dir():
            n = sum(1 for f in p.rglob("*") if f.is_file())
            print(f"{key:14} {p}  ({n} files)")
        else:
            text = p.read_bytes()
            lines = text.count(b"\n")
            print(f"{key:14} {p}  ({len(text) / 1e6:.2f} MB, {lines} lines)")
    print(f"digest {digest(where)[:16]}")


if __name__ == "__main__":
    main()
