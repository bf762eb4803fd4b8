"""Platform ids used across aap-advise, and how wheel platform tags map onto them.

A platform id names an OS family and a CPU, e.g. ``linux-x86_64`` (manylinux, glibc) or
``musllinux-aarch64``. Wheel tags map onto ids through :func:`platform_id`; the user-facing
``--platform`` choices are :data:`USER_PLATFORMS`, and :func:`served_by` says which wheel
platform ids serve a user platform (macOS arm64 is served by arm64 or universal2 wheels).
:func:`user_platform` takes the other names people type for them (``linux-amd64``,
``macos-aarch64``, ``win64``, a wheel tag) onto those ids.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from advisor.model.suggest import did_you_mean

#: The platforms a user may ask about with ``--platform`` (first is the default); the command
#: line's choices and help are built from it.
USER_PLATFORMS: tuple[str, ...] = (
    "linux-x86_64",
    "linux-aarch64",
    "musllinux-x86_64",
    "musllinux-aarch64",
    "macos-x86_64",
    "macos-arm64",
    "windows-amd64",
    "windows-x86",
    # Accepted beyond the documented list: 32-bit Linux, where wheels exist but AAP cannot run,
    # and Windows on ARM, which ddtrace started shipping in 3.15.0.
    "linux-i686",
    "musllinux-i686",
    "windows-arm64",
)
#: The platform planned for when none is named.
DEFAULT_PLATFORM = USER_PLATFORMS[0]

#: Platform id of a pure wheel (``py3-none-any``): serves every platform.
ANY = "any"

# Patterns compiled on first use (by re's own cache), not on every run's import: only an index
# page's wheel tags are read with them (once per distinct tag set, advisor.index.entries).
_MANYLINUX = r"^(?:manylinux_\d+_\d+|manylinux\d*|linux)_(?P<arch>.+)$"
_MUSLLINUX = r"^musllinux_\d+_\d+_(?P<arch>.+)$"
_MACOS = r"^macosx_\d+_\d+_(?P<arch>.+)$"
_MACOS_ARCH = {"x86_64": "x86_64", "intel": "x86_64", "arm64": "arm64", "universal2": "universal2"}
_WINDOWS = {"win_amd64": "windows-amd64", "win32": "windows-x86", "win_arm64": "windows-arm64"}


def platform_id(tag_platform: str) -> str | None:
    """Map a wheel platform tag (``manylinux_2_17_x86_64``) onto a platform id, or ``None``.

    :param tag_platform: the platform part of a wheel tag.
    :returns: e.g. ``linux-x86_64``, ``musllinux-aarch64``, ``macos-universal2``,
        ``windows-amd64``, ``any``; ``None`` for tags no supported platform uses
        (``macosx_10_9_fat`` and the like).
    """
    if tag_platform == "any":
        return ANY
    if tag_platform in _WINDOWS:
        return _WINDOWS[tag_platform]
    if m := re.match(_MUSLLINUX, tag_platform):
        return f"musllinux-{m['arch']}"
    if m := re.match(_MANYLINUX, tag_platform):
        return f"linux-{m['arch']}"
    if m := re.match(_MACOS, tag_platform):
        arch = _MACOS_ARCH.get(m["arch"])
        return f"macos-{arch}" if arch else None
    return None


#: The other words for each OS family and CPU of :data:`USER_PLATFORMS` (the id's own first).
_OS_WORDS: Mapping[str, tuple[str, ...]] = {
    "linux": ("linux", "manylinux"),
    "musllinux": ("musllinux", "musl", "alpine", "linux-musl"),
    "macos": ("macos", "macosx", "darwin", "osx", "mac"),
    "windows": ("windows", "win"),
}
_CPU_WORDS: Mapping[str, tuple[str, ...]] = {
    "x86_64": ("x86_64", "x86-64", "amd64", "x64"),
    "amd64": ("amd64", "x86_64", "x86-64", "x64"),
    "aarch64": ("aarch64", "arm64"),
    "arm64": ("arm64", "aarch64"),
    # "x86" names 32-bit x86 as Windows' id does; on Linux people also say it of x86_64, so
    # there it is no alias (ambiguous).
    "i686": ("i686", "i386"),
    "x86": ("x86", "i686", "i386"),
}


def _aliases() -> dict[str, str]:
    table = {"win64": "windows-amd64", "win32": "windows-x86"}
    for canonical in USER_PLATFORMS:
        family, cpu = canonical.split("-", 1)
        for os_word in _OS_WORDS[family]:
            for cpu_word in _CPU_WORDS[cpu]:
                for sep in "-_":
                    name = f"{os_word}{sep}{cpu_word}"
                    if name != canonical:  # each alias names one platform
                        assert table.setdefault(name, canonical) == canonical, name
    return table


#: Other names of the user platforms, lower case, each onto its id: OS words (``darwin``,
#: ``osx``, ``win``, ``musl``, ``manylinux``) with CPU words (``amd64``, ``x64``, ``arm64``,
#: ``aarch64``, ``i386``), joined by ``-`` or ``_``, and ``win64`` / ``win32``. Only where the
#: platform meant is unambiguous: ``linux`` or ``macos`` alone is none.
PLATFORM_ALIASES: Mapping[str, str] = _aliases()


def user_platform(name: str) -> str | None:
    """The user platform id ``name`` names: an id, an alias (:data:`PLATFORM_ALIASES`), or a
    wheel platform tag of one (``manylinux_2_17_aarch64``, ``win_amd64``), case ignored;
    ``None`` for anything else."""
    word = name.strip().lower()
    if word in USER_PLATFORMS:
        return word
    if word in PLATFORM_ALIASES:
        return PLATFORM_ALIASES[word]
    tagged = platform_id(word)
    return tagged if tagged in USER_PLATFORMS else None


def platform_hint(name: str) -> str | None:
    """``did you mean 'linux-x86_64'?`` for a platform name :func:`user_platform` does not
    know, from the ids and aliases close to it (an alias suggested as its id); ``None`` when
    none is close."""
    return did_you_mean(name, [*USER_PLATFORMS, *PLATFORM_ALIASES], PLATFORM_ALIASES)


def served_by(user_platform: str) -> frozenset[str]:
    """The wheel platform ids that install on ``user_platform``.

    macOS: an arch wheel or ``universal2``; every platform: a pure ``any`` wheel.
    """
    ids = {user_platform, ANY}
    if user_platform.startswith("macos-"):
        ids.add("macos-universal2")
    return frozenset(ids)
