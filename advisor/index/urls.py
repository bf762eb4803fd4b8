"""URL helpers that need no HTTP client (importing httpx costs a quarter of a second)."""

from __future__ import annotations

import re

_USERINFO = re.compile(r"//[^/@?#]*@")


def redact(url: str) -> str:
    """``url`` without the ``user:password@`` part, for messages and stored documents."""
    return _USERINFO.sub("//", url, count=1)


def may_have_userinfo(url: str) -> bool:
    """``url`` may carry ``user:password@`` (an ``@`` in its authority); cheap and conservative."""
    rest = url.split("://", 1)[-1]
    for stop in "/?#":
        rest = rest.split(stop, 1)[0]
    return "@" in rest
