"""Size limits the readers and the writers share."""

from __future__ import annotations

#: Dependency files larger than this are refused, not read: 16 MiB, several times the largest
#: real manifests and requirements files, and small enough that a hostile file costs seconds of
#: parsing, not minutes. It applies to every file read: those named, found in a folder,
#: included (``-r``, ``-c``, ``file:``) and the metadata of local projects; and to the files
#: ``--relock`` saves before a tool rewrites them. It is also the most text tomllib is given of
#: any file, a lock included (what is left of a lock once its per-file lists are set aside).
MAX_FILE_BYTES = 16 * 1024 * 1024
#: ``uv.lock``, ``poetry.lock`` and ``pdm.lock`` may be this large: 64 MiB. Nine tenths of a
#: lock are its per-file lists (one line per wheel, with its hash), set aside by a linear
#: pass before parsing, so a lock costs what is left: a real-shaped uv.lock of 10,000 packages
#: is 47 to 53 MB, of which 3 to 4 MB are parsed. What is left is held to :data:`MAX_FILE_BYTES`, and to
#: the structure limits of ``advisor.manifests._text``.
MAX_LOCK_BYTES = 64 * 1024 * 1024
