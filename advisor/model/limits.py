"""Size limits the readers and the writers share."""

from __future__ import annotations

#: Dependency files larger than this are refused, not read: 16 MiB, several times the largest
#: real lock files (a uv.lock of 400 packages with every wheel's hash is about 2 MB), and small
#: enough that a hostile file costs seconds of parsing, not minutes. It applies to every file
#: read: those named, found in a folder, included (``-r``, ``-c``, ``file:``) and the metadata
#: of local projects; and to the files ``--relock`` saves before a tool rewrites them.
MAX_FILE_BYTES = 16 * 1024 * 1024
