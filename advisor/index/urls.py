"""URL helpers that need no HTTP client (importing httpx costs a quarter of a second).

An index URL has two forms: the one requests go to (``${NAME}`` expanded from the environment
when the files are trusted and the tool owning the file expands it, credentials kept) and the
one people see (as written, credentials removed). :class:`IndexURL` keeps both, so an expanded
value never reaches a message, a report or the cache.

Only what the user's files wrote is ever expanded: text an index answers (a file URL, a
redirect) is used as sent, so a page listing ``https://elsewhere/x.whl?${TOKEN}`` gets that
text requested, never the token. A file URL under the index's own expanded prefix (a relative
link on an index whose path holds a variable) is stored with the prefix as written and has
only that prefix expanded again (:meth:`IndexURL.store`, :meth:`IndexURL.request`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Literal
from urllib.parse import quote

if TYPE_CHECKING:
    from dataclasses import dataclass
else:  # the same, faster to build frozen value classes with
    from advisor.model.values import dataclass

#: pip's rule for requirements files: only ``${NAME}`` with upper-case letters, digits and
#: underscores is expanded, and an unset variable is left as written.
ENV_VAR = re.compile(r"\$\{([A-Z0-9_]+)\}")

#: Where the tool that reads a file expands ``${NAME}`` in the index URLs it names: ``"url"``
#: anywhere (pip in requirements files, pipenv in a Pipfile and its lock), ``"userinfo"`` in the
#: ``user:password@`` part only, each value percent-encoded (PDM's ``[[tool.pdm.source]]``).
Expansion = Literal["url", "userinfo"]


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
    if "@" not in url:  # nothing to remove (the usual case: every file URL of every page)
        return url
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
        derived from the request URL (file URLs joined to it, error messages) can be shown in
        the written form.
    :param prefix: the URL up to the end of its last variable expanded outside the userinfo,
        without credentials, as requested and as written; ``("", "")`` when there is none.
    """

    url: str
    written: str
    expanded: tuple[tuple[str, str], ...] = ()
    prefix: tuple[str, str] = ("", "")

    @classmethod
    def plain(cls, url: str) -> IndexURL:
        """An index URL used as written (the command line, the environment, pip's files)."""
        return cls(url, url)

    @classmethod
    def from_file(
        cls, written: str, environ: Mapping[str, str], where: Expansion = "url"
    ) -> IndexURL:
        """An index URL read from a trusted file: ``${NAME}`` expanded for requests where the
        tool owning the file expands it (see :data:`Expansion`); an unset (or empty) variable is
        left as written, as pip and PDM leave it."""
        span = _authority(written)
        at = written.rfind("@", *span) if span else -1  # the userinfo ends here
        pairs: dict[str, str] = {}
        parts: list[str] = []
        pos = 0
        last: tuple[int, int] | None = None  # where the prefix ends: written, requested
        for m in ENV_VAR.finditer(written):
            in_userinfo = span is not None and span[0] <= m.start() and m.end() <= at
            found = environ.get(m[1])
            if not found or (where == "userinfo" and not in_userinfo):
                continue
            parts += [
                written[pos : m.start()],
                quote(found, safe="") if where == "userinfo" else found,
            ]
            pos = m.end()
            pairs[found] = m[0]
            if not in_userinfo:
                last = m.end(), sum(map(len, parts))
        url = "".join(parts) + written[pos:]
        prefix = (redact(url[: last[1]]), redact(written[: last[0]])) if last else ("", "")
        return cls(url, written, tuple(pairs.items()), prefix)

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

    def store(self, url: str, hide: Callable[[str], str]) -> tuple[str, str | None]:
        """A file URL this index's answer gave, as stored and shown, and the prefix to expand.

        :param hide: what makes the rest of the text showable (every index's expanded values
            as written, credentials removed).
        :returns: ``(text, prefix)``: when ``url`` starts with this index's own expanded prefix
            (:attr:`prefix`), ``text`` starts with the written one and ``prefix`` is that
            written prefix, which :meth:`request` alone expands again; otherwise ``prefix`` is
            ``None`` and ``text`` is requested as it is (a ``${NAME}`` the answer wrote is
            never expanded).
        """
        shown = redact(url)
        requested, written = self.prefix
        if requested:
            for form in dict.fromkeys((requested, _normalized(requested))):
                if shown.startswith(form):
                    return written + hide(shown[len(form) :]), written
        return hide(shown), None

    def request(self, stored: str, prefix: object) -> str:
        """The URL to request for ``stored`` (a :meth:`store` text): when ``prefix`` is this
        index's written prefix, that prefix expanded; otherwise ``stored`` as it is."""
        requested, written = self.prefix
        if written and prefix == written and stored.startswith(written):
            return requested + stored[len(written) :]
        return stored


@functools.lru_cache(maxsize=64)
def _normalized(url: str) -> str:
    """``url`` as httpx writes it (host lower-cased, default port dropped, path percent-encoded),
    as a response's URL and the file URLs joined to it are; ``url`` when it does not parse."""
    import httpx  # only called once a page was fetched, with httpx imported

    try:
        return str(httpx.URL(url))
    except httpx.InvalidURL:
        return url


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
