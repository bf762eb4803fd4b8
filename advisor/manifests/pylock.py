"""``pylock.toml`` / ``pylock.<name>.toml`` (PEP 751), validated by ``packaging.pylock``.

PEP 751 markers name the extras and dependency groups an entry belongs to
(``"test" in dependency_groups``); those become the entry's group.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor.errors import ManifestError
from advisor.manifests._lazy import LazyModule
from advisor.manifests._lines import array_table_lines
from advisor.manifests._pep508 import Collector, split_marker
from advisor.manifests._python import declare
from advisor.manifests._text import parse_toml, read_text
from advisor.model.project import Dependency, Manifest

if TYPE_CHECKING:
    from packaging import pylock
    from packaging.pylock import Package
else:
    pylock = LazyModule("packaging.pylock")


class PylockReader:
    """``pylock.toml``."""

    kind = "pylock"
    is_lock = True

    def read(self, path: Path, display: str) -> Manifest:
        """Read every locked package and the lock's Python range."""
        text = read_text(path, display)
        data = parse_toml(text, display)
        out = Collector(display)
        version = data.get("lock-version")
        if isinstance(version, str) and re.fullmatch(r"1\.\d+", version) and version != "1.0":
            # packaging only logs a warning for a newer 1.x; say it in the report instead.
            out.finding(
                "lock-minor-version",
                "info",
                f"lock-version {version} is newer than 1.0; fields added since are ignored",
                out.loc(None, "lock-version"),
            )
            data = {**data, "lock-version": "1.0"}
        try:
            lock = pylock.Pylock.from_dict(data)
        except pylock.PylockUnsupportedVersionError as exc:
            raise ManifestError(
                f"{exc} (aap-advise reads 1.x)",
                file=display,
                key="lock-version",
                code="unsupported-lock",
            ) from None
        except pylock.PylockValidationError as exc:
            message = exc.message[:1].lower() + exc.message[1:]
            raise ManifestError(
                message, file=display, key=exc.context, code="invalid-manifest"
            ) from None
        lines = array_table_lines(text, "packages")
        if len(lines) != len(lock.packages):
            lines = []
        for i, pkg in enumerate(lock.packages):
            out.add(_entry(pkg, out.loc(lines[i][0] if lines else None, f"packages[{i}]")))
        python = None
        if lock.requires_python is not None:
            python = declare(
                str(data.get("requires-python")),
                f"{display}: requires-python",
                out,
                out.loc(None, "requires-python"),
            )
        return out.manifest(
            self.kind, python=python, is_lock=True, index_urls=_indexes(lock.packages)
        )


def _entry(pkg: Package, loc: Any) -> Dependency:
    marker, names = split_marker(pkg.marker)
    also = tuple(n for n in names if n != "default")
    group = also[0] if also and "default" not in names else None
    url = None
    editable = False
    if pkg.vcs is not None:
        where = pkg.vcs.url or pkg.vcs.path or ""
        url = f"{pkg.vcs.type}+{where}@{pkg.vcs.commit_id}"
    elif pkg.directory is not None:
        url, editable = pkg.directory.path, bool(pkg.directory.editable)
    elif pkg.archive is not None:
        url = pkg.archive.url or pkg.archive.path
    return Dependency(
        name=pkg.name,
        display_name=pkg.name,
        specifier="",
        version=str(pkg.version) if pkg.version is not None else None,
        source=loc,
        marker=marker,
        group=group,
        group_kind="lock-group" if group is not None else None,
        lock_groups=also if group is not None and len(also) > 1 else (),
        role="locked",
        url=url,
        editable=editable,
        parsed_version=pkg.version,
    )


def _indexes(packages: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.index for p in packages if p.index))
