"""Loading the release snapshot: the shipped ``data/releases.json``, or a file named; and
finding the ``constrainers.json`` that ``aap-advise kb refresh`` writes beside a snapshot.

The snapshot's format, and the :class:`~advisor.model.release.ReleaseSnapshot` it is read into,
are :mod:`advisor.model.release`'s; :mod:`advisor.knowledge.refresh` writes it.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from advisor.errors import KnowledgeError
from advisor.knowledge import read_data
from advisor.model.release import ReleaseSnapshot, parse_snapshot

SHIPPED_SNAPSHOT = Path(__file__).resolve().parent / "data" / "releases.json"
"""The shipped snapshot inside the package: what :func:`load_snapshot` reads by default, and
where ``aap-advise kb refresh`` writes without ``--out``."""

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
