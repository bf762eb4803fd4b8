"""The project's own configuration: ``[tool.aap-advise]`` in ``pyproject.toml``, or an
``aap-advise.toml``.

Read as uv and ruff read theirs: from the folder of a project up to its repository root (the
nearest folder holding ``.git``, else the folder itself), the first folder holding either
wins; in one folder, a ``pyproject.toml`` with a ``[tool.aap-advise]`` table comes before an
``aap-advise.toml``. Command-line flags override it key by key (:meth:`Config.merged`).

Every key is checked: an unknown key or a value of the wrong type is a :class:`ManifestError`
naming the file and the key (a typo must not silently do nothing), quoting the value as an
excerpt. The configuration is data, never code: no key names an index, a command or a file to
read, so it is read for untrusted checkouts too (the Action, the pre-commit hooks,
``--untrusted``). It is read like any dependency file (size limit, BOM, UTF-16) and only inside
the repository: a ``pyproject.toml`` or ``aap-advise.toml`` that links out of it is refused.

``ignore`` entries accept a finding (by id) until a day: :meth:`Config.apply` takes the findings
they match out of an :class:`~advisor.model.advice.Advice` and lists the entries in its
``ignored``; an entry past its day ignores nothing and is itself a warning (``ignore-expired``).
Nothing here changes the verdict, so nothing changes the exit status.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, cast

from packaging.specifiers import InvalidSpecifier, SpecifierSet

from advisor.errors import ManifestError
from advisor.manifests._boundary import Boundary, Folders, repository_root
from advisor.manifests._text import SharedReads, decode, parse_toml, read_text
from advisor.model.advice import Advice, Ignored, RunsIn
from advisor.model.excerpt import excerpt
from advisor.model.platforms import USER_PLATFORMS, platform_hint, user_platform
from advisor.model.project import Finding, SourceLocation, unparsable_version
from advisor.model.release import parse_python
from advisor.model.suggest import did_you_mean

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

__all__ = ["CONFIG_FILE", "Config", "ConfigReader", "IgnoreEntry", "config_folder", "load_config"]

#: The file name of a configuration of its own (for projects without a ``pyproject.toml``).
CONFIG_FILE: Final = "aap-advise.toml"
#: The table of ``pyproject.toml``.
TABLE: Final = "tool.aap-advise"
#: The keys a configuration may hold.
KEYS: Final = ("capabilities", "platforms", "python", "deployment", "groups", "ignore")
_IGNORE_KEYS: Final = ("id", "reason", "until")
#: Characters of a ``python`` value (a declared ``requires-python`` is held to the same).
_MAX_PYTHON = 1000
#: Entries of one list (``capabilities``, ``ignore`` ...): far above any real configuration.
_MAX_ITEMS = 1000


@dataclass(frozen=True, slots=True)
class IgnoreEntry:
    """One ``ignore`` entry: accept the findings with this ``id`` until ``until`` (inclusive).

    :param source: the file and key of the entry (``tool.aap-advise.ignore[0]``).
    """

    id: str
    reason: str
    until: dt.date | None
    source: SourceLocation

    def expired(self, today: dt.date) -> bool:
        """Whether ``today`` is past the entry's last day."""
        return self.until is not None and self.until < today


@dataclass(frozen=True, slots=True)
class Config:
    """A project's configuration; a key not set is ``None``.

    :param file: the file it was read from (as displayed); ``None`` when there is none.
    :param by: how the reports name it: ``[tool.aap-advise] (pyproject.toml)`` or the
        ``aap-advise.toml`` file.
    :param capabilities: capability ids or aliases, as ``-c``.
    :param platforms: platform ids, as ``--platform``.
    :param python: a CPython range or a bare version, as ``--python``.
    :param deployment: ``lambda``, as ``--deployment``.
    :param groups: the extras or dependency groups to read with the runtime environment (used
        with ``--group``).
    :param ignore: findings accepted until a day.
    :param table: the key path of the table holding the keys (``tool.aap-advise`` in a
        ``pyproject.toml``, ``""`` in an ``aap-advise.toml``).
    """

    file: str | None = None
    by: str = ""
    capabilities: tuple[str, ...] | None = None
    platforms: tuple[str, ...] | None = None
    python: str | None = None
    deployment: RunsIn | None = None
    groups: tuple[str, ...] | None = None
    ignore: tuple[IgnoreEntry, ...] = ()
    table: str = ""
    from_file: frozenset[str] = frozenset()
    """The keys whose value is the file's (not replaced by a flag)."""

    def merged(
        self,
        *,
        capabilities: Sequence[str] = (),
        platforms: Sequence[str] = (),
        python: str | None = None,
        deployment: RunsIn | None = None,
        groups: Sequence[str] = (),
    ) -> Config:
        """This configuration with the command line's values in place of its own, key by key:
        a value given (a non-empty list, a string) replaces the key; one not given keeps it."""
        given = {
            "capabilities": bool(capabilities),
            "platforms": bool(platforms),
            "python": python is not None,
            "deployment": deployment is not None,
            "groups": bool(groups),
        }
        return dataclasses.replace(
            self,
            capabilities=tuple(capabilities) or self.capabilities,
            platforms=tuple(platforms) or self.platforms,
            python=python if python is not None else self.python,
            deployment=deployment if deployment is not None else self.deployment,
            groups=tuple(groups) or self.groups,
            from_file=self.from_file - {k for k, flag in given.items() if flag},
        )

    def key(self, name: str) -> str:
        """The key path of ``name`` in the file (``tool.aap-advise.python`` or ``python``)."""
        return f"{self.table}.{name}" if self.table else name

    def apply(self, advice: Advice, today: dt.date) -> Advice:
        """``advice`` with the findings an entry in force on ``today`` accepts taken out (and
        the entries listed in ``ignored``), plus an ``ignore-expired`` warning for each entry
        past its day, and the file named where the planner names the flag a value of the file
        stands for (``python.source``, ``deployment.source``). The verdict is left as it is."""
        if self.file is None:
            return advice
        if "python" in self.from_file and advice.python_source == "--python":
            source = f"{self.file}: {self.key('python')}"
            origins = tuple(
                (
                    v,
                    source + where.removeprefix("--python")
                    if where.startswith("--python")
                    else where,
                )
                for v, where in advice.python_origins
            )
            advice = dataclasses.replace(advice, python_source=source, python_origins=origins)
        if "deployment" in self.from_file and advice.deployment_source == "--deployment lambda":
            advice = dataclasses.replace(
                advice, deployment_source=f"{self.file}: {self.key('deployment')}"
            )
        if not self.ignore:
            return advice
        live = [e for e in self.ignore if not e.expired(today)]
        counts = dict.fromkeys((e.id for e in live), 0)
        kept: list[Finding] = []
        for finding in advice.findings:
            if finding.id in counts:
                counts[finding.id] += 1
            else:
                kept.append(finding)
        ignored = tuple(
            Ignored(e.id, e.reason, e.until, counts.pop(e.id, 0), self.by, e.source) for e in live
        )
        expired = tuple(
            Finding(
                "ignore-expired",
                "warning",
                f"the ignore entry for {excerpt(e.id)!r} ({excerpt(e.reason)}) expired on "
                f"{e.until}; its findings are reported again: remove the entry or move its date",
                e.source,
            )
            for e in self.ignore
            if e.expired(today)
        )
        return dataclasses.replace(
            advice, findings=(*kept, *expired), ignored=(*advice.ignored, *ignored)
        )


def config_folder(paths: Sequence[str]) -> str:
    """The folder whose configuration a run reads: the first path named when it is a folder,
    else the folder of that file (``.`` when no path is named)."""
    first = paths[0] if paths else "."
    if os.path.isdir(first):
        return first
    return os.path.dirname(first) or "."


def load_config(
    folder: str | os.PathLike[str], *, allow_outside: bool = False, top: str | None = None
) -> Config:
    """The configuration for the project in ``folder`` (see the module documentation);
    an empty :class:`Config` when there is none.

    :param allow_outside: read a configuration file that links out of the repository.
    :param top: the folder named, when ``folder`` is a project found below it: without a
        repository, the search goes up to it (else it stops at ``folder``).
    :raises ManifestError: for a file that cannot be read, an unknown key or a wrong value,
        naming the file and key.
    """
    return ConfigReader().load(folder, allow_outside=allow_outside, top=top)


class ConfigReader:
    """:func:`load_config` for the projects of one run: the projects of a monorepo share the
    folders above them, so each folder's files are looked for, read and parsed once (a
    repository's own ``pyproject.toml`` was parsed again for every project), and what is known
    of each folder (its ``.git``, its real path) is asked of the file system once.

    Kept for one run: what it read stands for the files as they were when read.
    """

    __slots__ = ("_folders", "_reach", "_shared", "_tops", "_upward")

    def __init__(self, shared: SharedReads | None = None) -> None:
        """:param shared: the files the run's manifest readers read whole: a project's
        ``pyproject.toml``, unchanged since, is not read again (its bytes are decoded and
        checked here as if read here)."""
        self._shared = shared
        self._folders = Folders()
        self._tops: dict[tuple[str, bool], tuple[Path, Boundary]] = {}
        self._reach: dict[tuple[str, Path], bool] = {}
        self._upward: dict[tuple[str, str, Path, Boundary], Config | None] = {}

    def load(
        self, folder: str | os.PathLike[str], *, allow_outside: bool = False, top: str | None = None
    ) -> Config:
        """:func:`load_config`, with what the reader already found."""
        shown = os.path.normpath(os.fspath(folder))
        start = os.path.abspath(shown)
        root, in_git = repository_root(start, self._folders)
        if not in_git and top is not None:
            root, boundary = self._top(top, allow_outside)
        elif allow_outside:
            boundary = Boundary(None)
        else:  # Boundary.around the folder: the repository just found (or the folder)
            boundary = Boundary(root, in_git)
        # From the folder up to the repository root (lexically, as the root was found); the
        # folder alone when the root is not on the way up.
        if self._reaches(start, root):
            found = self._first_up(start, shown, root, boundary)
        else:
            found = self._level(start, shown, boundary)
        return found if found is not None else Config()

    def _top(self, top: str, allow_outside: bool) -> tuple[Path, Boundary]:
        """The folder named above projects outside any repository (its real path), and the
        boundary around it: the same for each of its projects."""
        key = (top, allow_outside)
        found = self._tops.get(key)
        if found is None:
            boundary = Boundary.around(
                Path(top), allow_outside=allow_outside, folders=self._folders
            )
            found = self._tops[key] = (Path(top).resolve(), boundary)
        return found

    def _reaches(self, start: str, root: Path) -> bool:
        """``root`` is ``start`` or a folder above it (by real path), the folders asked from
        ``start`` upwards; a folder whose real path cannot be found ends the way. Each
        folder's answer is kept for the projects below it."""
        walked = []
        here = start
        while (known := self._reach.get((here, root))) is None:
            walked.append((here, root))
            try:
                if self._folders.real(here) == root:
                    known = True
                    break
            except OSError:
                known = False
                break
            parent = os.path.dirname(here)
            if parent == here:
                known = False
                break
            here = parent
        for key in walked:
            self._reach[key] = known
        return known

    def _first_up(self, start: str, shown: str, root: Path, boundary: Boundary) -> Config | None:
        """The first configuration from the folder ``start`` (shown as ``shown``) up to
        ``root``, which is on the way (:meth:`_reaches`): each folder's answer is kept for the
        projects below it, so the folders above a monorepo's projects are asked once."""
        walked = []
        here, where = start, shown
        while True:
            key = (here, where, root, boundary)
            if key in self._upward:
                found = self._upward[key]
                break
            walked.append(key)
            found = self._level(here, where, boundary)
            if found is not None or self._folders.real(here) == root:
                break
            here, where = os.path.dirname(here), os.path.normpath(os.path.join(where, ".."))
        for key in walked:
            self._upward[key] = found
        return found

    def _level(self, here: str, where: str, boundary: Boundary) -> Config | None:
        """The configuration of one folder (``where``, as shown): its ``pyproject.toml``'s
        table, else its ``aap-advise.toml``."""
        found = self._read(here, "pyproject.toml", where, boundary, table=True)
        if found is None:
            found = self._read(here, CONFIG_FILE, where, boundary, table=False)
        return found

    def _read(
        self, here: str, name: str, where: str, boundary: Boundary, *, table: bool
    ) -> Config | None:
        """:func:`_read` of the file ``name`` in the folder ``here``; the real path of a plain
        file (no link) is its folder's, already known, and its name, and its bytes are those
        the run's manifest reader kept (:class:`SharedReads`) when the file is the one it read,
        unchanged."""
        path = os.path.join(here, name)
        try:
            st = os.lstat(path)
        except (OSError, ValueError):
            return None  # no such file (os.path.lexists)
        if not stat.S_ISREG(st.st_mode):
            return _read(path, name, where, boundary, table=table)
        real = os.path.join(self._folders.real(here), name)
        kept = None if self._shared is None else self._shared.get(real, st)
        return _read(path, name, where, boundary, table=table, real=real, kept=kept)


def _read(
    path: str,
    name: str,
    where: str,
    boundary: Boundary,
    *,
    table: bool,
    real: str | None = None,
    kept: bytes | None = None,
) -> Config | None:
    """The configuration in the file ``name`` at ``path`` (``real``: the real path of a
    plain file, known to be one; ``kept``: its bytes, when already read), or ``None`` when
    there is no such file (or, for a ``pyproject.toml``, no ``[tool.aap-advise]`` in it)."""
    if real is None and (not os.path.lexists(path) or Path(path).is_dir()):
        return None
    display = os.path.normpath(os.path.join(where, name))
    boundary.check_found(Path(path), display, real=real)
    text = decode(kept, display) if kept is not None else read_text(Path(path), display)
    if table and "aap-advise" not in text:  # not ours: not even parsed (its reader says more)
        return None
    data = parse_toml(text, display)
    if table:
        tool = data.get("tool")
        if not isinstance(tool, dict) or "aap-advise" not in tool:
            return None
        values = tool["aap-advise"]
        if not isinstance(values, dict):
            raise _wrong(display, TABLE, "must be a table", values)
        return _parse(values, Config(display, f"[{TABLE}] ({display})", table=TABLE))
    return _parse(data, Config(display, display))


def _wrong(
    file: str, key: str, problem: str, value: object, hint: str | None = None
) -> ManifestError:
    return ManifestError(
        f"{problem}, not {excerpt(_shown(value))}",
        file=file,
        key=key,
        code="bad-config",
        hint=hint,
    )


def _shown(value: object) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return str(value)


def _parse(values: Mapping[str, Any], empty: Config) -> Config:
    file = cast(str, empty.file)
    for name in values:
        if name not in KEYS:
            raise ManifestError(
                f"unknown key; valid: {', '.join(KEYS)}",
                file=file,
                key=empty.key(excerpt(name)),
                code="bad-config",
                hint=did_you_mean(name, KEYS),
            )
    capabilities = _strings(values, "capabilities", empty)
    platforms = _strings(values, "platforms", empty)
    if platforms is not None:
        platforms = tuple(
            _platform(p, file, f"{empty.key('platforms')}[{i}]") for i, p in enumerate(platforms)
        )
    python = values.get("python")
    if python is not None:
        python = _python(python, file, empty.key("python"))
    deployment = values.get("deployment")
    if deployment is not None and deployment != "lambda":
        raise _wrong(file, empty.key("deployment"), 'must be "lambda"', deployment)
    return dataclasses.replace(
        empty,
        from_file=frozenset(k for k in KEYS if values.get(k) is not None),
        capabilities=capabilities,
        platforms=platforms,
        python=python,
        deployment=cast(RunsIn | None, deployment),
        groups=_strings(values, "groups", empty),
        ignore=_ignore(values.get("ignore"), file, empty.key("ignore")),
    )


def _strings(values: Mapping[str, Any], name: str, empty: Config) -> tuple[str, ...] | None:
    """An array of non-empty strings (``None`` when the key is absent)."""
    value = values.get(name)
    if value is None:
        return None
    key = empty.key(name)
    file = cast(str, empty.file)
    if not isinstance(value, list) or len(value) > _MAX_ITEMS:
        raise _wrong(file, key, f"must be an array of strings (at most {_MAX_ITEMS})", value)
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise _wrong(file, f"{key}[{i}]", "must be a non-empty string", item)
    return tuple(item.strip() for item in value)


def _platform(name: str, file: str, key: str) -> str:
    """The platform id ``name`` names, an alias as its id (as ``--platform`` takes it)."""
    canonical = user_platform(name)
    if canonical is None:
        valid = f"unknown platform (valid: {', '.join(USER_PLATFORMS)})"
        raise _wrong(file, key, valid, name, platform_hint(name))
    return canonical


def _python(value: object, file: str, key: str) -> str:
    """A CPython range (``>=3.9``) or a bare version (``3.12``, ``3.13t``), as ``--python``."""
    if not isinstance(value, str) or not value.strip() or len(value) > _MAX_PYTHON:
        raise _wrong(
            file,
            key,
            "must be a string: a CPython range such as '>=3.9', or a version such as '3.12'",
            value,
        )
    text = value.strip()
    if parse_python(text) is not None or text.isdigit():
        return text
    try:
        if unparsable_version(SpecifierSet(text)) is None:
            return text
    except InvalidSpecifier:
        pass
    raise ManifestError(
        f"not a version specifier: {excerpt(text)!r}", file=file, key=key, code="bad-config"
    )


def _ignore(value: object, file: str, key: str) -> tuple[IgnoreEntry, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > _MAX_ITEMS:
        raise _wrong(file, key, f"must be an array of tables (at most {_MAX_ITEMS})", value)
    entries = []
    for i, entry in enumerate(value):
        at = f"{key}[{i}]"
        if not isinstance(entry, dict):
            raise _wrong(file, at, 'must be a table: { id = "...", reason = "..." }', entry)
        for name in entry:
            if name not in _IGNORE_KEYS:
                raise ManifestError(
                    f"unknown key; valid: {', '.join(_IGNORE_KEYS)}",
                    file=file,
                    key=f"{at}.{excerpt(name)}",
                    code="bad-config",
                )
        for name in ("id", "reason"):
            if name not in entry:
                raise ManifestError(f"{name} is required", file=file, key=at, code="bad-config")
            if not isinstance(entry[name], str) or not entry[name].strip():
                raise _wrong(file, f"{at}.{name}", "must be a non-empty string", entry[name])
        entries.append(
            IgnoreEntry(
                entry["id"].strip(),
                entry["reason"].strip(),
                _day(entry.get("until"), file, f"{at}.until"),
                SourceLocation(file, key=at),
            )
        )
    return tuple(entries)


def _day(value: object, file: str, key: str) -> dt.date | None:
    """A TOML date (``until = 2026-12-31``) or a string holding one (``"2026-12-31"``)."""
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _wrong(file, key, "must be a date (YYYY-MM-DD)", value)
