"""URL helpers that need no HTTP client (importing httpx costs a quarter of a second).

An index URL has two forms: the one requests go to (``${NAME}`` expanded from the environment
when the files are trusted, credentials kept) and the one people see (as written, credentials
removed). :class:`IndexURL` keeps both, so an expanded value never reaches a message, a report
or the cache.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

#: pip's rule for requirements files: only ``${NAME}`` with upper-case letters, digits and
#: underscores is expanded, and an unset variable is left as written.
ENV_VAR = re.compile(r"\$\{([A-Z0-9_]+)\}")


def _authority(url: str) -> tuple[int, int] | None:
    """Where the authority of ``url`` starts and ends (after ``//``, up to ``/``, ``?`` or ``#``)."""
    start = url.find("//")
    if start < 0:
        return None
    start += 2
    end = len(url)
    for stop in "/?#":
        at = url.find(stop, start)
        if at >= 0:
            end = min(end, at)
    return start, end


def redact(url: str) -> str:
    """``url`` without its ``user:password@`` part, for messages and stored documents.

    The userinfo ends at the *last* ``@`` of the authority (RFC 3986 section 3.2.1: the host
    holds no ``@``), so a password holding one (``https://u:p@ss@host/``) is removed whole.
    Every URL inside ``url`` (a message may quote several) is redacted.
    """
    out: list[str] = []
    pos = 0
    while (found := url.find("//", pos)) >= 0:
        span = _authority(url[found:])
        assert span is not None
        start, end = found + span[0], found + span[1]
        at = url.rfind("@", start, end)
        out.append(url[pos:start])
        out.append(url[at + 1 : end] if at >= 0 else url[start:end])
        pos = end
    out.append(url[pos:])
    return "".join(out)


def may_have_userinfo(url: str) -> bool:
    """``url`` may carry ``user:password@`` (an ``@`` in its authority); cheap and conservative."""
    span = _authority(url)
    return span is not None and "@" in url[span[0] : span[1]]


@dataclass(frozen=True, slots=True)
class IndexURL:
    """One index: the URL requests go to and the URL shown for it.

    :param url: for requests: ``${NAME}`` expanded (trusted files only), credentials kept.
    :param written: as the user or the file wrote it (credentials still in it: use
        :attr:`shown`).
    :param expanded: ``(value, "${NAME}")`` for each variable expanded in :attr:`url`, so text
        derived from the request URL (file URLs joined to it, error messages) can be turned
        back into the written form.
    """

    url: str
    written: str
    expanded: tuple[tuple[str, str], ...] = ()

    @classmethod
    def plain(cls, url: str) -> IndexURL:
        """An index URL used as written (the command line, the environment, pip's files)."""
        return cls(url, url)

    @classmethod
    def from_file(cls, written: str, environ: Mapping[str, str]) -> IndexURL:
        """An index URL read from a trusted file: ``${NAME}`` expanded for requests, as pip does."""
        pairs: dict[str, str] = {}

        def value(m: re.Match[str]) -> str:
            found = environ.get(m[1])
            if not found:  # pip leaves an unset (or empty) variable as written
                return m[0]
            pairs[found] = m[0]
            return found

        return cls(ENV_VAR.sub(value, written), written, tuple(pairs.items()))

    @property
    def shown(self) -> str:
        """The URL as written, without credentials, ending in a slash: for people and the cache."""
        return redact(self.written if self.written.endswith("/") else self.written + "/")

    def hide(self, text: str) -> str:
        """``text`` (derived from :attr:`url`) with each expanded value put back as written."""
        for value, name in self.expanded:
            for form in _encodings(value):
                text = text.replace(form, name)
        return text

    def unhide(self, text: str) -> str:
        """The inverse of :meth:`hide`: the written ``${NAME}`` of this index expanded again."""
        for value, name in self.expanded:
            text = text.replace(name, value)
        return text


def _encodings(value: str) -> list[str]:
    """``value`` as it may appear in a URL: raw, and percent-encoded as httpx encodes parts."""
    forms = [value, quote(value, safe="!$&'()*+,;=:@/~"), quote(value, safe="")]
    return sorted(dict.fromkeys(f for f in forms if f), key=len, reverse=True)


def origin(url: str) -> tuple[str, str, int | None] | None:
    """``(scheme, host, port)`` of an http(s) URL, the port made explicit; ``None`` otherwise."""
    m = re.match(r"(?i)(https?)://", url)
    if not m:
        return None
    span = _authority(url)
    assert span is not None
    authority = url[span[0] : span[1]]
    hostport = authority[authority.rfind("@") + 1 :]
    scheme = m[1].lower()
    port: int | None = 443 if scheme == "https" else 80
    if hostport.startswith("["):  # an IPv6 literal
        host, _, rest = hostport.partition("]")
        host += "]"
        rest = rest[1:] if rest.startswith(":") else ""
    else:
        host, _, rest = hostport.partition(":")
    if rest:
        port = int(rest) if rest.isdigit() else None
    return scheme, host.lower(), port
