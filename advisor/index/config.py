"""Which indexes to use: the ones the user already configured, in pip's and uv's order.

Highest first: ``--index-url`` / ``--extra-index-url`` on the command line; ``--index-url``
lines inside the requirements files read (and Poetry / uv sources the readers report);
``UV_INDEX_URL`` / ``UV_DEFAULT_INDEX`` and ``UV_EXTRA_INDEX_URL`` / ``UV_INDEX``;
``PIP_INDEX_URL`` / ``PIP_EXTRA_INDEX_URL``; pip's configuration files; PyPI. Only http(s)
indexes can be read; others (``file://``) are skipped with a note. Credentials stay in the URLs
for requests (or come from ``~/.netrc``) and are redacted from every message.

Index URLs named in files are used only when the files are trusted: then ``${NAME}`` in them is
expanded from the environment for the requests where the tool owning the file expands it (pip
in requirements files, pipenv in a Pipfile and its lock, PDM in a source's ``user:password@``;
uv, Poetry and the other locks take their URLs literally), while everything shown keeps the
text as written. Untrusted files (a pull request's) name no index: theirs are listed as ignored.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from advisor.index.urls import Expansion, IndexURL, redact

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

PYPI = "https://pypi.org/simple/"


@dataclass(frozen=True, slots=True)
class IndexConfig:
    """The primary index, the extra ones, and where the primary came from.

    :param indexes: each index's request URL and shown URL, the primary first.
    :param skipped: indexes that are not http(s), as shown.
    :param ignored: index URLs the untrusted files name, as written without credentials.
    """

    indexes: tuple[IndexURL, ...]
    source: str
    skipped: tuple[str, ...] = field(default=())
    ignored: tuple[str, ...] = field(default=())

    @property
    def urls(self) -> tuple[str, ...]:
        """The URLs requests go to (credentials and expanded variables in them: never show)."""
        return tuple(i.url for i in self.indexes)

    def shown(self) -> str:
        """The URLs as written, without credentials, for reports."""
        return ", ".join(i.shown for i in self.indexes)


def _split(value: str | None) -> list[str]:
    return value.split() if value else []


def _pip_config_files(environ: Mapping[str, str]) -> list[Path]:
    if environ.get("PIP_CONFIG_FILE"):
        return [Path(environ["PIP_CONFIG_FILE"])]
    home = Path.home()
    xdg = Path(environ.get("XDG_CONFIG_HOME", home / ".config"))
    if sys.platform == "win32":
        appdata = Path(environ.get("APPDATA", home))
        return [
            Path(environ.get("PROGRAMDATA", "C:/ProgramData")) / "pip" / "pip.ini",
            appdata / "pip" / "pip.ini",
            home / "pip" / "pip.ini",
        ]
    return [
        Path("/etc/xdg/pip/pip.conf"),
        Path("/etc/pip.conf"),
        home / ".pip" / "pip.conf",
        xdg / "pip" / "pip.conf",
        Path(sys.prefix) / "pip.conf",
    ]


def _pip_config(environ: Mapping[str, str]) -> tuple[list[str], list[str], str]:
    primary: list[str] = []
    extra: list[str] = []
    where = ""
    for path in _pip_config_files(environ):
        if not os.path.exists(path):
            continue  # most runs: no pip.conf at all, and configparser is not imported
        import configparser

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
    *,
    trusted: bool = True,
    expand: Mapping[str, Expansion] | None = None,
) -> IndexConfig:
    """Collect the indexes in precedence order; the first found primary wins.

    :param file_indexes: ``--index-url`` / ``--extra-index-url`` values found in the files
        read, as written (the first is taken as the primary).
    :param trusted: the files are trusted: their index URLs are used, ``${NAME}`` in them
        expanded from ``environ`` for requests only, as ``expand`` says. Untrusted, they are
        not used at all and are returned in :attr:`IndexConfig.ignored`.
    :param expand: where ``${NAME}`` is expanded in each of ``file_indexes`` (see
        :data:`~advisor.index.urls.Expansion`), as the tool owning its file does; a URL not
        named here is used as written.
    """
    env = os.environ if environ is None else environ
    pip_primary, pip_extra, pip_file = _pip_config(env)
    plain = IndexURL.plain
    how = expand or {}
    from_files = (
        [IndexURL.from_file(u, env, how[u]) if u in how else plain(u) for u in file_indexes]
        if trusted
        else []
    )
    candidates: list[tuple[list[IndexURL], str]] = [
        ([plain(cli_index)] if cli_index else [], "--index-url"),
        (from_files[:1], "the requirements files"),
        (
            [plain(u) for u in _split(env.get("UV_INDEX_URL") or env.get("UV_DEFAULT_INDEX"))],
            "UV_INDEX_URL / UV_DEFAULT_INDEX",
        ),
        ([plain(u) for u in _split(env.get("PIP_INDEX_URL"))], "PIP_INDEX_URL"),
        ([plain(u) for u in pip_primary], pip_file),
    ]
    primary, source = next(
        ((urls[0], src) for urls, src in candidates if urls), (plain(PYPI), "the default (PyPI)")
    )
    extras = [
        *map(plain, cli_extra),
        *from_files[1:],
        *map(
            plain,
            [
                *_split(env.get("UV_EXTRA_INDEX_URL")),
                *_split(env.get("UV_INDEX")),
                *_split(env.get("PIP_EXTRA_INDEX_URL")),
                *pip_extra,
            ],
        ),
    ]
    indexes: list[IndexURL] = []
    skipped: list[str] = []
    for index in [primary, *extras]:
        index = _without_name(index)  # UV_INDEX "name=url"
        if not index.url.startswith(("http://", "https://")):
            skipped.append(redact(index.written))
        elif index.url not in [i.url for i in indexes]:
            indexes.append(index)
    ignored = () if trusted else tuple(dict.fromkeys(redact(u) for u in file_indexes))
    return IndexConfig(tuple(indexes) or (plain(PYPI),), source, tuple(skipped), ignored)


def _without_name(index: IndexURL) -> IndexURL:
    """``name=url`` (UV_INDEX's form) as ``url``."""
    if "=" not in index.url.split("://")[0]:
        return index

    def unnamed(text: str) -> str:
        return text.split("=", 1)[1] if "=" in text else text

    return IndexURL(
        unnamed(index.url),
        unnamed(index.written),
        index.expanded,
        (unnamed(index.prefix[0]), unnamed(index.prefix[1])),
    )
