"""Deterministic benchmark inputs for aap-advise (issue 7).

Writes, under ``benchmarks/.data/`` (kept out of git):

- ``uv/uv.lock``: a 400-package ``uv.lock`` (version 1) of about 2 MB, sdist and wheel tables
  with URLs, sha256 hashes, sizes and upload times, as uv writes them;
- ``poetry/poetry.lock``: the same project as a Poetry lock (lock-version 2.0, ``files = [...]``),
  about 2 MB;
- ``pdm/pdm.lock``: the same project as a PDM lock (lock_version 4.5.0), about 2 MB;
- ``requirements/requirements.txt``: ``uv pip compile --generate-hashes`` output, about 550
  packages and 6,000 lines with ``\\`` continuations and ``# via`` comments;
- ``monorepo/``: 200 service folders, each with a small ``pyproject.toml`` or
  ``requirements.txt`` (some declaring ddtrace);
- ``online/requirements.in``: a typical 15-dependency project for the online measurement.

Every file comes from one seeded :class:`random.Random`, so the same seed always writes the
same bytes. Each input holds ddtrace and a few frameworks AAP covers, so the planner does
real work (floors, integrations, co-upgrade checks).

Run ``python benchmarks/generate.py [--out DIR] [--seed N]``.
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
SEED = 7

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
)
_WORDS = (
    "cache",
    "config",
    "storage",
    "auth",
    "mail",
    "queue",
    "cors",
    "compress",
    "session",
    "logging",
    "metrics",
    "retry",
    "timeout",
    "mock",
    "xdist",
    "asyncio",
    "redis",
    "celery",
    "rest",
    "filters",
    "admin",
    "debug-toolbar",
    "extensions",
    "environ",
    "storages",
    "crontab",
    "json-logger",
    "slugify",
    "magic",
    "jose",
    "multipart",
    "ulid",
    "semver",
    "toolz",
    "dateparser",
    "humanize",
    "inflect",
    "phonenumbers",
    "babel",
    "markdown",
    "bleach",
    "html5lib",
    "cssselect",
    "chardet",
    "simplejson",
    "cachecontrol",
    "keyring",
    "paramiko",
    "bcrypt",
    "nacl",
    "jwt",
    "oauthlib",
    "zeep",
    "suds",
    "ldap3",
    "kafka",
    "pika",
    "nats",
    "consul",
    "etcd",
    "vault",
    "secrets",
    "pubsub",
    "bigquery",
    "dynamodb",
    "sqs",
    "sns",
    "lambda",
    "batch",
    "dataflow",
    "spanner",
    "firestore",
    "monitoring",
    "trace",
)
_PY_WHEELS = ("cp39", "cp310", "cp311", "cp312", "cp313")
_PLATFORMS = (
    "manylinux_2_17_x86_64.manylinux2014_x86_64",
    "manylinux_2_17_aarch64.manylinux2014_aarch64",
    "musllinux_1_2_x86_64",
    "musllinux_1_2_aarch64",
    "macosx_10_9_x86_64",
    "macosx_11_0_arm64",
    "win_amd64",
    "win32",
)
_EXTRA_PLATFORMS = (
    "manylinux_2_17_i686.manylinux2014_i686",
    "manylinux_2_17_ppc64le.manylinux2014_ppc64le",
    "manylinux_2_17_s390x.manylinux2014_s390x",
    "musllinux_1_2_i686",
    "win_arm64",
)
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


@dataclass
class Package:
    """One locked distribution and its files."""

    name: str
    version: str
    binary: bool
    requires_python: str
    summary: str
    deps: list[str] = field(default_factory=list)
    files: list[tuple[str, str, int, str]] = field(
        default_factory=list
    )  # (filename, sha256, size, upload)


class Gen:
    """Everything drawn from one seeded random source."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)

    def hexdigest(self) -> str:
        return f"{self.rng.getrandbits(256):064x}"

    def version(self) -> str:
        r = self.rng
        return f"{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(0, 20)}"

    def names(self, count: int) -> list[str]:
        """``count`` distinct real-looking names: the anchors first, then plausible plugins."""
        out = list(ANCHORS)
        seen = set(out)
        while len(out) < count:
            name = f"{self.rng.choice(_PREFIXES)}-{self.rng.choice(_WORDS)}"
            if self.rng.random() < 0.3:
                name += f"-{self.rng.choice(_WORDS)}"
            if name not in seen:
                seen.add(name)
                out.append(name)
        return out[:count]

    def upload(self) -> str:
        r = self.rng
        return (
            f"{r.randint(2022, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T"
            f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}.{r.randint(0, 999):03d}Z"
        )

    def project(self, count: int, binary_share: float, extra_platforms: bool) -> list[Package]:
        """``count`` packages with their files and dependencies (a DAG on earlier packages)."""
        names = self.names(count)
        pkgs = []
        for i, name in enumerate(names):
            version = ANCHORS.get(name) or self.version()
            binary = name in _BINARY or (name not in ANCHORS and self.rng.random() < binary_share)
            rp = self.rng.choice((">=3.8", ">=3.9", ">=3.7", ">=3.9, <4", ">=3.10"))
            pkg = Package(
                name, version, binary, rp, f"The {name.replace('-', ' ')} library for Python"
            )
            if i > 0:
                pool = names[:i] if i < 40 else names[: max(40, i // 2)]
                pkg.deps = sorted(
                    set(self.rng.sample(pool, k=min(len(pool), self.rng.randint(0, 5))))
                    - {"ddtrace"}
                )
            stem = name.replace("-", "_")
            pkg.files.append(
                (
                    f"{stem}-{version}.tar.gz",
                    self.hexdigest(),
                    self.rng.randint(20_000, 9_000_000),
                    self.upload(),
                )
            )
            if binary:
                platforms = _PLATFORMS + (_EXTRA_PLATFORMS if extra_platforms else ())
                for py in _PY_WHEELS:
                    for plat in platforms:
                        if self.rng.random() < 0.85:
                            pkg.files.append(
                                (
                                    f"{stem}-{version}-{py}-{py}-{plat}.whl",
                                    self.hexdigest(),
                                    self.rng.randint(50_000, 12_000_000),
                                    self.upload(),
                                )
                            )
            else:
                pkg.files.append(
                    (
                        f"{stem}-{version}-py3-none-any.whl",
                        self.hexdigest(),
                        self.rng.randint(5_000, 900_000),
                        self.upload(),
                    )
                )
            pkgs.append(pkg)
        return pkgs

    def blob(self) -> str:
        """A files.pythonhosted.org path prefix."""
        h = self.hexdigest()
        return f"https://files.pythonhosted.org/packages/{h[:2]}/{h[2:4]}/{h[4:64]}"


#: The direct dependencies of the generated project (what its pyproject would declare).
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


def _marker(rng: random.Random) -> str:
    return rng.choice(
        (
            "",
            "",
            "",
            "",
            " python_full_version < '3.11'",
            " sys_platform == 'win32'",
            " platform_python_implementation == 'CPython'",
        )
    )


def uv_lock(gen: Gen, pkgs: list[Package]) -> str:
    """uv.lock, version 1 revision 2, as ``uv lock`` writes it."""
    out = [
        "version = 1",
        "revision = 2",
        'requires-python = ">=3.9"',
        "resolution-markers = [",
        "    \"python_full_version >= '3.12'\",",
        "    \"python_full_version == '3.11.*'\",",
        "    \"python_full_version < '3.11'\",",
        "]",
        "",
    ]
    root = Package("bigapp", "0.1.0", False, ">=3.9", "", deps=list(DIRECT))
    for pkg in sorted([*pkgs, root], key=lambda p: p.name):
        out.append("[[package]]")
        out.append(f'name = "{pkg.name}"')
        out.append(f'version = "{pkg.version}"')
        if pkg is root:
            out.append('source = { virtual = "." }')
        else:
            out.append('source = { registry = "https://pypi.org/simple" }')
        if pkg.deps:
            out.append("dependencies = [")
            for d in pkg.deps:
                m = _marker(gen.rng) if pkg is not root else ""
                out.append(
                    f'    {{ name = "{d}"' + (f', marker = "{m.strip()}"' if m else "") + " },"
                )
            out.append("]")
        if pkg is not root:
            sdist, *wheels = pkg.files
            out.append(
                f'sdist = {{ url = "{gen.blob()}/{sdist[0]}", hash = "sha256:{sdist[1]}", '
                f'size = {sdist[2]}, upload-time = "{sdist[3]}" }}'
            )
            out.append("wheels = [")
            for f in wheels:
                out.append(
                    f'    {{ url = "{gen.blob()}/{f[0]}", hash = "sha256:{f[1]}", size = {f[2]}, '
                    f'upload-time = "{f[3]}" }},'
                )
            out.append("]")
        else:
            out.append("")
            out.append("[package.metadata]")
            out.append("requires-dist = [")
            for d in DIRECT:
                spec = ">=2.21" if d == "ddtrace" else f">={ANCHORS[d].rsplit('.', 1)[0]}"
                out.append(f'    {{ name = "{d}", specifier = "{spec}" }},')
            out.append("]")
            out.append("")
            out.append("[package.metadata.requires-dev]")
            out.append(
                'dev = [{ name = "pytest", specifier = ">=8" }, { name = "mypy", specifier = ">=1.14" }]'
            )
        out.append("")
    return "\n".join(out)


def poetry_lock(gen: Gen, pkgs: list[Package]) -> str:
    """poetry.lock, lock-version 2.0."""
    out = [
        "# This file is automatically @generated by Poetry 1.8.5 and should not be changed by hand.",
        "",
    ]
    for pkg in sorted(pkgs, key=lambda p: p.name):
        out += [
            "[[package]]",
            f'name = "{pkg.name}"',
            f'version = "{pkg.version}"',
            f'description = "{pkg.summary}"',
            "optional = false",
            f'python-versions = "{pkg.requires_python}"',
            "files = [",
        ]
        for f in pkg.files[1:] + pkg.files[:1]:
            out.append(f'    {{file = "{f[0]}", hash = "sha256:{f[1]}"}},')
        out.append("]")
        if pkg.deps:
            out += ["", "[package.dependencies]"]
            for d in pkg.deps:
                spec = f">={ANCHORS[d]}" if d in ANCHORS and gen.rng.random() < 0.5 else "*"
                m = _marker(gen.rng)
                if m:
                    out.append(f'{d} = {{version = "{spec}", markers = "{m.strip()}"}}')
                else:
                    out.append(f'{d} = "{spec}"')
        if gen.rng.random() < 0.2:
            out += ["", "[package.extras]", 'test = ["pytest (>=7)", "coverage[toml] (>=6.5)"]']
        out.append("")
    out += [
        "[metadata]",
        'lock-version = "2.0"',
        'python-versions = "^3.9"',
        f'content-hash = "{gen.hexdigest()}"',
        "",
    ]
    return "\n".join(out)


def pdm_lock(gen: Gen, pkgs: list[Package]) -> str:
    """pdm.lock, lock_version 4.5.0."""
    out = [
        "# This file is @generated by PDM.",
        "# It is not intended for manual editing.",
        "",
        "[metadata]",
        'groups = ["default", "dev"]',
        'strategy = ["inherit_metadata"]',
        'lock_version = "4.5.0"',
        f'content_hash = "sha256:{gen.hexdigest()}"',
        "",
        "[[metadata.targets]]",
        'requires_python = ">=3.9"',
        "",
    ]
    for pkg in sorted(pkgs, key=lambda p: p.name):
        group = "dev" if pkg.name in ("pytest", "mypy", "ruff", "coverage") else "default"
        out += [
            "[[package]]",
            f'name = "{pkg.name}"',
            f'version = "{pkg.version}"',
            f'requires_python = "{pkg.requires_python}"',
            f'summary = "{pkg.summary}"',
            f'groups = ["{group}"]',
        ]
        if pkg.deps:
            out.append("dependencies = [")
            for d in pkg.deps:
                m = _marker(gen.rng).strip().replace("'", '\\"')
                spec = f">={ANCHORS[d]}" if d in ANCHORS else ""
                out.append(f'    "{d}{spec}' + (f"; {m}" if m else "") + '",')
            out.append("]")
        out.append("files = [")
        for f in pkg.files[1:] + pkg.files[:1]:
            out.append(f'    {{file = "{f[0]}", hash = "sha256:{f[1]}"}},')
        out.append("]")
        out.append("")
    return "\n".join(out)


def hashed_requirements(gen: Gen, count: int = 550) -> str:
    """``uv pip compile --generate-hashes`` output: ~550 pins, ~6,000 lines."""
    names = sorted(gen.names(count))
    out = [
        "# This file was autogenerated by uv via the following command:",
        "#    uv pip compile requirements.in --generate-hashes --python-version 3.12 -o requirements.txt",
    ]
    for name in names:
        version = ANCHORS.get(name) or gen.version()
        hashes = sorted(
            gen.hexdigest() for _ in range(gen.rng.choice((1, 2, 4, 6, 8, 9, 10, 12, 14, 16)))
        )
        out.append(f"{name}=={version} \\")
        for j, h in enumerate(hashes):
            out.append(f"    --hash=sha256:{h}" + (" \\" if j < len(hashes) - 1 else ""))
        if name in DIRECT:
            out.append("    # via -r requirements.in")
        else:
            parents = sorted(gen.rng.sample(names, k=gen.rng.randint(1, 2)))
            if len(parents) == 1:
                out.append(f"    # via {parents[0]}")
            else:
                out += ["    # via"] + [f"    #   {p}" for p in parents]
    return "\n".join(out) + "\n"


def monorepo(gen: Gen, root: Path, count: int = 200) -> None:
    """``count`` service folders, each with a small pyproject.toml or requirements.txt."""
    pool = [n for n in ANCHORS if n != "ddtrace"]
    for i in range(count):
        folder = root / "services" / f"svc-{i:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        deps = gen.rng.sample(pool, k=gen.rng.randint(3, 12))
        with_ddtrace = i % 3 == 0
        ddtrace = gen.rng.choice(("2.21.4", "2.8.5", "3.1.0", "1.20.19"))
        if i % 2 == 0:
            lines = [f'    "{d}>={ANCHORS[d].split(".")[0]}",' for d in deps]
            if with_ddtrace:
                lines.insert(0, f'    "ddtrace=={ddtrace}",')
            text = "\n".join(
                [
                    "[project]",
                    f'name = "svc-{i:03d}"',
                    'version = "0.1.0"',
                    f'requires-python = "{gen.rng.choice((">=3.9", ">=3.10", ">=3.11,<3.13"))}"',
                    "dependencies = [",
                    *lines,
                    "]",
                    "",
                    "[build-system]",
                    'requires = ["hatchling"]',
                    'build-backend = "hatchling.build"',
                    "",
                    "[tool.ruff]",
                    "line-length = 100",
                    "",
                ]
            )
            (folder / "pyproject.toml").write_text(text, encoding="utf-8")
        else:
            lines = [f"{d}=={ANCHORS[d]}" for d in deps]
            if with_ddtrace:
                lines.insert(0, f"ddtrace=={ddtrace}")
            (folder / "requirements.txt").write_text(
                f"# svc-{i:03d}\n" + "\n".join(lines) + "\n", encoding="utf-8"
            )


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


def generate(out: Path = DEFAULT_OUT, seed: int = SEED) -> dict[str, Path]:
    """Write every input under ``out`` (replacing earlier inputs, keeping the benchmark's
    virtual environments there); return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    (out / ".gitignore").write_text("# generated by benchmarks/generate.py\n*\n", encoding="utf-8")
    for folder in ("uv", "poetry", "pdm", "requirements", "monorepo", "online"):
        if (out / folder).exists():
            shutil.rmtree(out / folder)
    paths = {
        "uv.lock": out / "uv" / "uv.lock",
        "poetry.lock": out / "poetry" / "poetry.lock",
        "pdm.lock": out / "pdm" / "pdm.lock",
        "requirements": out / "requirements" / "requirements.txt",
        "monorepo": out / "monorepo",
        "online": out / "online" / "requirements.in",
    }
    for p in paths.values():
        (p if p.suffix == "" and p.name == "monorepo" else p.parent).mkdir(
            parents=True, exist_ok=True
        )
    gen = Gen(seed)
    pkgs = gen.project(400, binary_share=0.45, extra_platforms=False)
    paths["uv.lock"].write_text(uv_lock(gen, pkgs), encoding="utf-8")
    # Poetry and PDM list only file names, not URLs and sizes: the same 400 packages with the
    # wider wheel matrix of real binary packages (i686, ppc64le, s390x, arm64) come out at the
    # same ~2 MB.
    rich = Gen(seed + 1).project(400, binary_share=0.60, extra_platforms=True)
    paths["poetry.lock"].write_text(poetry_lock(gen, rich), encoding="utf-8")
    paths["pdm.lock"].write_text(pdm_lock(gen, rich), encoding="utf-8")
    paths["requirements"].write_text(hashed_requirements(Gen(seed + 2)), encoding="utf-8")
    monorepo(Gen(seed + 3), paths["monorepo"])
    paths["online"].write_text(ONLINE_REQUIREMENTS, encoding="utf-8")
    return paths


def digest(paths: dict[str, Path]) -> str:
    """One sha256 over every generated file (to check determinism)."""
    h = hashlib.sha256()
    for key in sorted(paths):
        p = paths[key]
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file():
                h.update(f.read_bytes())
    return h.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=SEED)
    args = ap.parse_args()
    paths = generate(args.out, args.seed)
    for key, p in paths.items():
        if p.is_dir():
            n = sum(1 for f in p.rglob("*") if f.is_file())
            print(f"{key:14} {p}  ({n} files)")
        else:
            text = p.read_bytes()
            lines = text.count(b"\n")
            print(f"{key:14} {p}  ({len(text) / 1e6:.2f} MB, {lines} lines)")
    print(f"digest {digest(paths)[:16]}")


if __name__ == "__main__":
    main()
