"""Which indexes to use: the ones the user already configured, in pip's and uv's order.

Highest first: ``--index-url`` / ``--extra-index-url`` on the command line; ``--index-url``
lines inside the requirements files read (and Poetry / uv sources the readers report);
``UV_INDEX_URL`` / ``UV_DEFAULT_INDEX`` and ``UV_EXTRA_INDEX_URL`` / ``UV_INDEX``;
``PIP_INDEX_URL`` / ``PIP_EXTRA_INDEX_URL``; pip's configuration files; PyPI. Only http(s)
indexes can be read; others (``file://``) are skipped with a note. Credentials stay in the URLs
for requests (or come from ``~/.netrc`` through httpx) and are redacted from every message.
"""

from __future__ import annotations

import configparser
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from advisor.index.urls import redact

PYPI = "https://pypi.org/simple/"


@dataclass(frozen=True, slots=True)
class IndexConfig:
    """The primary index, the extra ones, and where the primary came from."""

    urls: tuple[str, ...]
    source: str
    skipped: tuple[str, ...] = field(default=())

    def shown(self) -> str:
        """The URLs without credentials, for reports."""
        return ", ".join(redact(u) for u in self.urls)


def _split(value: str | None) -> list[str]:
    return value.split() if value else []


def _pip_config_files(environ: Mapping[str, str]) -> list[Path]:
    if environ.get("PIP_CONFIG_FILE"):
        return [Path(environ["PIP_CONFIG_FILE"])]
    home = Path.home()
    xdg = Path(environ.get("XDG_CONFIG_HOME", home / ".config"))
    if sys.platform == "win32":
        appdata = Path(environ.get("APPDATA", home))
        return [Path(environ.get("PROGRAMDATA", "C:/ProgramData")) / "pip" / "pip.ini",
                appdata / "pip" / "pip.ini", home / "pip" / "pip.ini"]
    return [Path("/etc/xdg/pip/pip.conf"), Path("/etc/pip.conf"), home / ".pip" / "pip.conf",
            xdg / "pip" / "pip.conf", Path(sys.prefix) / "pip.conf"]


def _pip_config(environ: Mapping[str, str]) -> tuple[list[str], list[str], str]:
    primary: list[str] = []
    extra: list[str] = []
    where = ""
    for path in _pip_config_files(environ):
        parser = configparser.RawConfigParser()
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, OSError, UnicodeDecodeError):
            continue
        for section in ("global", "install"):
            if parser.has_option(section, "index-url"):
                primary, where = _split(parser.get(section, "index-url"))[:1], str(path)
            if parser.has_option(section, "extra-index-url"):
                extra = _split(parser.get(section, "extra-index-url"))
    return primary, extra, where


def configured_indexes(
    cli_index: str | None,
    cli_extra: Sequence[str],
    file_indexes: Sequence[str],
    environ: Mapping[str, str] | None = None,
) -> IndexConfig:
    """Collect the indexes in precedence order; the first found primary wins.

    :param file_indexes: ``--index-url`` / ``--extra-index-url`` values found in the files
        read (the first is taken as the primary).
    """
    env = os.environ if environ is None else environ
    pip_primary, pip_extra, pip_file = _pip_config(env)
    candidates = [
        ([cli_index] if cli_index else [], "--index-url"),
        (list(file_indexes[:1]), "the requirements files"),
        (_split(env.get("UV_INDEX_URL") or env.get("UV_DEFAULT_INDEX")), "UV_INDEX_URL / UV_DEFAULT_INDEX"),
        (_split(env.get("PIP_INDEX_URL")), "PIP_INDEX_URL"),
        (pip_primary, pip_file),
    ]
    primary, source = next(((urls[0], src) for urls, src in candidates if urls), (PYPI, "the default (PyPI)"))
    extras = [*cli_extra, *file_indexes[1:], *_split(env.get("UV_EXTRA_INDEX_URL")), *_split(env.get("UV_INDEX")),
              *_split(env.get("PIP_EXTRA_INDEX_URL")), *pip_extra]
    urls: list[str] = []
    skipped: list[str] = []
    for url in [primary, *extras]:
        name_stripped = url.split("=", 1)[1] if "=" in url.split("://")[0] else url  # UV_INDEX "name=url"
        if not name_stripped.startswith(("http://", "https://")):
            skipped.append(redact(name_stripped))
        elif name_stripped not in urls:
            urls.append(name_stripped)
    return IndexConfig(tuple(urls) or (PYPI,), source, tuple(skipped))
