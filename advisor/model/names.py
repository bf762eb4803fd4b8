"""Project names compared as the package index compares them (PEP 503).

:func:`canonicalize_name` is ``packaging.utils.canonicalize_name`` without ``validate``, as
packaging 26 writes it: the same text for every ASCII string, so for every valid project name,
with any packaging (a test holds the two together); beyond ASCII, packaging 24 lowercases after
replacing and this before, as 26 does (they differ only where a capital sigma meets a ``.``).
It is written here because importing ``packaging.utils`` brings ``packaging.tags`` and with it
``platform``, ``sysconfig``, ``subprocess`` and ``logging``: about 11 ms, an eighth of a
pre-commit hook's whole offline answer, for one line of PEP 503 (with packaging 26, whose
specifier module no longer imports ``packaging.utils`` itself). The modules that need the rest
of ``packaging.utils`` (wheel and sdist file names, on the index side) import it.
"""

from __future__ import annotations

__all__ = ["canonicalize_name"]


def canonicalize_name(name: str) -> str:
    """``name`` lowercased, each run of ``-``, ``_`` and ``.`` made one ``-`` (PEP 503):
    ``"Zope.Interface"`` -> ``"zope-interface"``, ``"a__b"`` -> ``"a-b"``."""
    # As packaging does it: lowercasing first is the same as last (no character lowercases
    # to one of the three), and replacing beats a regular expression.
    value = name.lower().replace("_", "-").replace(".", "-")
    while "--" in value:
        value = value.replace("--", "-")
    return value
