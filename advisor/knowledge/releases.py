"""Loading the release snapshot: the shipped ``data/releases.json``, or a file named; finding
the ``constrainers.json`` that ``aap-advise kb refresh`` writes beside a snapshot; and the
refreshed snapshot in the user cache folder (:func:`refreshed_snapshot`), which a run reads in
place of the shipped one when it is newer.

The snapshot's format, and the :class:`~advisor.model.release.ReleaseSnapshot` it is read into,
are :mod:`advisor.model.release`'s; :mod:`advisor.knowledge.refresh` writes it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

from advisor.errors import KnowledgeError
from advisor.knowledge import read_data
from advisor.model.release import ReleaseSnapshot, parse_snapshot

SHIPPED_SNAPSHOT = Path(__file__).resolve().parent / "data" / "releases.json"
"""The shipped snapshot inside the package: what :func:`load_snapshot` reads by default."""

CACHE_FOLDER = "knowledge"
"""The folder of the cache (:func:`advisor.index.cache.default_cache_dir`, ``--cache-dir``)
where ``aap-advise kb refresh`` writes without ``--out``: ``releases.json`` and
``constrainers.json`` beside it."""

CONSTRAINERS_NAME = "constrainers.json"
"""The name of the constrainers document in the folder of the snapshot it goes with (the
shipped one is ``data/constrainers.json``)."""


def load_snapshot(path: str | None = None) -> ReleaseSnapshot:
    """Load the shipped snapshot, or the one at ``path``."""
    if path is None:
        text, origin = read_data(SHIPPED_SNAPSHOT.name), "advisor/knowledge/data/releases.json"
    else:
        text, origin = _read_file(path, "the release snapshot"), path
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KnowledgeError(f"{origin}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    return parse_snapshot(data, origin)


def constrainers_beside(snapshot: str | os.PathLike[str]) -> Path:
    """Where the constrainers document of the snapshot file ``snapshot`` is: ``constrainers.json``
    in the same folder (``aap-advise kb refresh`` writes both there)."""
    return Path(snapshot).parent / CONSTRAINERS_NAME


def read_constrainers_beside(snapshot: str) -> tuple[str, str] | None:
    """The text and origin of the constrainers document beside the snapshot file ``snapshot``;
    ``None`` when there is none (a snapshot written before refresh wrote one)."""
    path = str(constrainers_beside(snapshot))
    if not os.path.lexists(path):
        return None
    return _read_file(path, "the constrainers document"), path


def _read_file(path: str, what: str) -> str:
    """The text of the data file at ``path``.

    :raises KnowledgeError: naming ``what`` when it cannot be read.
    """
    try:
        # Opened without waiting, and refused unless a regular file: a named pipe would
        # block the run until something writes to it, and a device may never end.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        with open(fd, encoding="utf-8") as fh:
            mode = os.stat(fh.fileno()).st_mode
            if not stat.S_ISREG(mode):
                kind = "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "not a regular file"
                raise KnowledgeError(f"{path}: cannot read {what}: it is {kind}")
            return fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise KnowledgeError(f"{path}: cannot read {what}: {reason}") from exc


def cached_snapshot(cache_dir: str | os.PathLike[str]) -> Path:
    """Where ``aap-advise kb refresh`` writes the snapshot without ``--out``, in the cache
    folder ``cache_dir``: ``<cache_dir>/knowledge/releases.json`` (its constrainers beside it)."""
    return Path(cache_dir) / CACHE_FOLDER / SHIPPED_SNAPSHOT.name


def refreshed_snapshot(cache_dir: str | os.PathLike[str]) -> tuple[str | None, str | None]:
    """The snapshot file a run reads when not given one: the refreshed one in the cache folder
    ``cache_dir`` (:func:`cached_snapshot`) when its ``snapshot_date`` is later than the shipped
    one's, else ``None`` for the shipped one.

    A cached snapshot, or the ``constrainers.json`` beside it, that cannot be read or does not
    validate is not used: the run answers from the shipped data, and the second value says so
    in one line (``None`` otherwise). It is a cache: a broken entry costs a refresh, never a
    run, as a corrupt entry of pip's or uv's cache does.
    """
    path = cached_snapshot(cache_dir)
    if not os.path.lexists(path):
        return None, None
    from advisor.knowledge.matrix import parse_constrainers
    from advisor.model.release import DDTRACE

    try:
        snapshot = load_snapshot(str(path))
        if snapshot.project != DDTRACE:
            raise KnowledgeError(f"{path}: a snapshot of {snapshot.project!r}, not of {DDTRACE}")
        day = _day(snapshot.snapshot_date, str(path))
        if (found := read_constrainers_beside(str(path))) is not None:
            parse_constrainers(*found)
    except KnowledgeError as exc:
        return None, (
            f"the refreshed knowledge in the cache is not used: {exc.render()}; answering from "
            "the shipped snapshot (aap-advise kb refresh writes it again)"
        )
    shipped = _day(load_snapshot().snapshot_date, SHIPPED_SNAPSHOT.name)
    return (str(path), None) if day > shipped else (None, None)


def _day(text: str, origin: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise KnowledgeError(f"{origin}: snapshot_date: not a date: {text!r}") from None
