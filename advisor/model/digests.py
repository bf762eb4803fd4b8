"""File digests as an index lists them, checked before anything uses them.

A hash from an index page ends up in a requirements file (``--fix`` writes ``--hash=`` lines)
and decides whether a PEP 658 metadata file is believed, so a value is used only when it is a
digest of an algorithm pip accepts for ``--hash`` with exactly the hex digits that algorithm
gives. The index reader checks what it reads with these and the writer what it writes, so
they live below both. No HTTP client is imported here.
"""

from __future__ import annotations

import re

#: The algorithms pip accepts in ``--hash`` (pip's ``STRONG_HASHES``), strongest last, with
#: the number of hex digits of each digest.
HEX_DIGITS = {"sha256": 64, "sha384": 96, "sha512": 128}
_HEX = re.compile(r"[0-9a-fA-F]+")


def digest(algorithm: str, value: object) -> str | None:
    """``value`` as a lower-case hex digest of ``algorithm``, or ``None`` when it is not one."""
    size = HEX_DIGITS.get(algorithm)
    if (
        size is None
        or not isinstance(value, str)
        or len(value) != size
        or not _HEX.fullmatch(value)
    ):
        return None
    return value.lower()


def preferred(hashes: dict[str, str]) -> tuple[str, str] | None:
    """The ``(algorithm, value)`` to check a file against: sha256 first, as pip-compile writes.

    The value is returned as the index gave it (it may be malformed: a check against it then
    fails); ``None`` when the index names none of the accepted algorithms.
    """
    for algorithm in HEX_DIGITS:
        if algorithm in hashes:
            return algorithm, hashes[algorithm]
    return None


def matches(data: bytes, algorithm: str, value: str) -> bool:
    """``data`` has the digest ``value`` (a malformed value never matches)."""
    import hashlib

    expected = digest(algorithm, value)
    return expected is not None and hashlib.new(algorithm, data).hexdigest() == expected
