"""A project page summed up per version as its files are read: the entries the cache keeps.

:class:`PageEntries` is the :class:`~advisor.index.simple.PageSink` that
:class:`~advisor.index.source.IndexSource` reads pages into. Each file is folded into its
version's summary as it is decoded and then dropped, so a page of 47,000 files (ddtrace's)
never becomes 47,000 objects: what a version keeps is what its entry needs (its yanked state,
Requires-Python, first upload, sdist presence, the distinct tag sets of its wheels, and the one
wheel and sdist its metadata can be read from).

The entries are those :mod:`advisor.index.entries` makes from the same files as
:class:`~advisor.index.simple.IndexFile` values (``group_files``, ``release_entry_grouped``,
``metadata_wheel_grouped``), plus where each version's metadata is read: the same choices,
made file by file (``tests/test_index_pages.py`` holds the two to the same answer), except that
the sdist a version's metadata can be read from is kept only when no wheel gives it (it is read
only then).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain, compress, count, pairwise, repeat
from operator import itemgetter, methodcaller, ne
from typing import TYPE_CHECKING, Any, cast

from packaging.utils import InvalidSdistFilename, InvalidWheelFilename
from packaging.version import InvalidVersion, Version

from advisor.index.entries import _coverage, _metadata_rank, _tags_of_string
from advisor.index.pageformat import Entry, wheel_set
from advisor.index.simple import (
    _PLAIN_URL,
    _WHEEL_TAGS,
    _WHEEL_VERSIONS,
    FileURLs,
    _version,
    _wheel_prefix_version,
    _wheel_tags_valid,
    all_plain,
    json_fields,
    metadata_hash,
    offers_metadata,
)
from advisor.index.simple import _sdist_parts as sdist_parts
from advisor.index.simple import _wheel_parts as wheel_parts

if TYPE_CHECKING:
    import httpx

    from advisor.index.simple import IndexFile

__all__ = ["PageEntries"]

#: Where a file can be read: ``(url, size, metadata)``, the metadata as the JSON page gives it
#: (``core-metadata``, read only for the file chosen) or as an HTML page's anchor gave it.
_Where = tuple[str, int | None, object]

#: A name's tags part not seen yet.
_UNSEEN = object()


class _Offered:
    """What an HTML page's anchor says of a file's PEP 658 metadata."""

    __slots__ = ("core", "declared")

    def __init__(self, core: bool, declared: tuple[str, str] | None) -> None:
        self.core = core
        self.declared = declared


#: The rank of each tag set for the wheel that stands for its version's METADATA (only tag
#: sets that parse: a wheel's are ranked once its name is read).
_RANKS: dict[str, int] = {}

#: The fields of a file entry :meth:`PageEntries.extend` reads, in the order of :func:`_columns`.
_FIELDS = ("filename", "url", "hashes", "requires-python", "yanked", "size", "upload-time")
_EVERY_FIELD = itemgetter(*_FIELDS)
#: Each field as ``json_fields`` reads it when the entry may lack it (its default).
_EACH_FIELD = tuple(
    methodcaller("get", key, {} if key == "hashes" else False if key == "yanked" else None)
    for key in _FIELDS
)
_HEAD = itemgetter(0)
_FIRST = itemgetter(0)
_NONE = type(None)
_ABSENT = object()

#: What a batch of entries holds once checked: filenames, URLs, Requires-Python, yanked,
#: sizes, upload times (one sequence per field, an item per entry).
_Columns = tuple[
    Sequence[str],
    Sequence[str],
    Sequence[str | None],
    Sequence[bool | str],
    Sequence[int | None],
    Sequence[str | None],
]


def _columns(raws: Sequence[object]) -> _Columns | None:
    """The fields of every entry, when each passes what ``json_fields`` checks (else ``None``:
    each entry is then read on its own, and those that do not follow the spec skipped).

    The checks are ``json_fields``' own, made a column at a time: exact types (a ``bool`` is
    not a size), a non-empty filename, hashes mapping strings to strings, sizes not negative.
    """
    if not raws or set(map(type, raws)) != {dict}:
        return None
    entries = cast(Sequence[dict[str, Any]], raws)
    try:
        # Each entry's seven fields in one step, then turned into columns.
        filenames, urls, hashes, rps, yanked, sizes, uploads = zip(
            *map(_EVERY_FIELD, entries), strict=True
        )
    except KeyError:  # some entry lacks a field: each read with its default
        filenames, urls, hashes, rps, yanked, sizes, uploads = (
            tuple(map(get, entries)) for get in _EACH_FIELD
        )
    if (
        not _all_str(filenames)
        or not all(filenames)
        or not _all_str(urls)
        or set(map(type, hashes)) != {dict}
        or not _all_str(chain.from_iterable(hashes))
        or not _all_str(chain.from_iterable(map(dict.values, hashes)))
        or not set(map(type, rps)) <= {str, _NONE}
        or not set(map(type, yanked)) <= {bool, str}
        or not set(map(type, uploads)) <= {str, _NONE}
    ):
        return None
    size_types = set(map(type, sizes))
    if not size_types <= {int, _NONE}:
        return None
    if int in size_types:
        known = [s for s in sizes if s is not None] if _NONE in size_types else sizes
        if min(known) < 0:
            return None
    return filenames, urls, rps, yanked, sizes, uploads


def _all_str(values: Iterable[object]) -> bool:
    """Every one of ``values`` is a string (``json`` makes no subclass of ``str``): joined in
    one step, which takes only strings, where the type of each was looked up in one more."""
    try:
        "".join(cast(Iterable[str], values))
    except TypeError:
        return False
    return True


def _metadata_of(raw: object) -> object:
    """An entry's core-metadata value as ``json_fields`` reads it (PEP 714's name first)."""
    entry = cast(dict[str, Any], raw)
    found = entry.get("core-metadata", _ABSENT)
    return entry.get("dist-info-metadata") if found is _ABSENT else found


class _Version:
    """What the files of one version add up to, so far."""

    __slots__ = (
        "files",
        "rp",
        "sdist",
        "sdist_file",
        "tags",
        "upload",
        "wheel",
        "yanked",
        "yanked_reason",
    )

    def __init__(self) -> None:
        self.files = 0
        self.yanked = True  # every file so far is yanked
        self.yanked_reason: str | None = None
        self.upload: str | None = None
        self.sdist = False
        self.rp: tuple[bool, str, str] | None = None  # from an sdist, filename, value
        self.tags: dict[str, None] = {}  # distinct tag sets of its wheels, in order
        self.wheel: tuple[int, str, _Where] | None = None  # rank, filename, where
        self.sdist_file: _Where | None = None


class PageEntries:
    """Files of a page folded into per-version entries (:meth:`entries`).

    :param store: a file URL as it is stored: its text (credentials removed, expanded
        variables as written) and the index's written prefix it starts with, if any.
    """

    def __init__(self, store: Callable[[str], tuple[str, str | None]]) -> None:
        self._store = store
        self._urls: FileURLs | None = None
        self._versions: dict[str, _Version] = {}
        self._parsed: dict[str, Version] = {}
        self._coverage: dict[tuple[str, ...], Mapping[str, frozenset[str]]] = {}

    def begin(self, base: httpx.URL) -> None:
        """A page is read: start empty; relative URLs are against ``base``."""
        self._urls = FileURLs(base)
        self.reset()

    def reset(self) -> None:
        """A ``files`` list begins: what an earlier one added is forgotten."""
        self._versions = {}
        self._parsed = {}

    def add(self, raw: object) -> None:
        """One PEP 691 file entry as decoded; one that does not follow the spec is skipped."""
        fields = json_fields(raw)
        if fields is None:
            return
        filename, url, rp, yanked, size, upload, metadata = fields
        if len(url) >= 65536 or _PLAIN_URL.fullmatch(url) is None:  # else it is as joined
            assert self._urls is not None
            if (joined := self._urls.absolute(url)) is None:
                return
            url = joined
        self._fold(
            filename,
            rp or None,
            yanked is not False,
            yanked if isinstance(yanked, str) and yanked else None,
            upload,
            (url, size, metadata),
        )

    def extend(self, raws: Sequence[object]) -> None:
        """PEP 691 file entries as decoded, in order (:meth:`add` of each, the same result).

        A page's entries nearly always have one shape (every field of the right type, plain
        URLs, wheel names that parse), and its files come version by version: such a batch is
        checked and folded a column and a run of one version's wheels at a time, with the
        interpreter's own loops (``map``, ``min``, ``set``), instead of a dozen steps of Python
        per file. Any entry of another shape sends the batch, or the run, to :meth:`add`.
        """
        columns = _columns(raws)
        if columns is None:
            for raw in raws:
                self.add(raw)
            return
        filenames, urls, rps, yanked, sizes, uploads = columns
        if not all_plain(urls):
            assert self._urls is not None
            absolute = list(map(self._urls.absolute, urls))
            if None in absolute:  # a file whose URL is not one is skipped: add() skips it
                for raw in raws:
                    self.add(raw)
                return
            urls = cast(list[str], absolute)
        # Runs of files of one kind (wheel or not) and one ``name-version[-build]`` prefix.
        wheels = list(map(str.endswith, filenames, repeat(".whl")))
        heads = list(map(_HEAD, map(str.rsplit, filenames, repeat("-"), repeat(3))))
        keys = list(zip(wheels, heads, strict=True))
        starts = [0, *compress(count(1), map(ne, keys[1:], keys)), len(raws)]
        reasons = str in set(map(type, yanked))
        for a, b in pairwise(starts):
            if not (
                wheels[a]
                and self._wheel_run(
                    a, b, filenames, urls, rps, yanked, sizes, uploads, raws, reasons
                )
            ):
                for i in range(a, b):
                    y = yanked[i]
                    meta = _metadata_of(raws[i])
                    self._fold(
                        filenames[i],
                        rps[i] or None,
                        y is not False,
                        y if isinstance(y, str) and y else None,
                        uploads[i],
                        (urls[i], sizes[i], meta),
                    )

    def _wheel_run(
        self,
        a: int,
        b: int,
        filenames: Sequence[str],
        urls: Sequence[str],
        rps: Sequence[str | None],
        yanked: Sequence[bool | str],
        sizes: Sequence[int | None],
        uploads: Sequence[str | None],
        raws: Sequence[object],
        reasons: bool,
    ) -> bool:
        """Fold files ``a`` to ``b`` (wheels sharing one ``name-version[-build]`` part) as
        :meth:`_fold` of each in turn would; ``False`` (nothing done) when a name among them
        does not parse as :meth:`_fold` parses it."""
        names = filenames[a:b]
        prefix = names[0].rsplit("-", 3)[0]
        # Every name of the run has three dashes after this part (the run's names share it,
        # and a name of fewer has no dash in its first part): four or five in all, as
        # _wheel_parts asks, when it has one or two.
        if prefix.count("-") not in (1, 2) or (known := _wheel_prefix_version(prefix)) is None:
            return False
        tags = list(map(itemgetter(slice(len(prefix) + 1, -4)), names))
        for t in set(tags).difference(_RANKS):  # each tag set checked and ranked once
            if not _wheel_tags_valid(t):
                return False
            _RANKS[t] = _metadata_rank(_tags_of_string(t))
        version, key = known
        found = self._versions.get(key)
        if found is None:
            found = self._versions[key] = _Version()
            self._parsed[key] = version
        found.files += b - a
        ys = yanked[a:b]
        found.yanked = found.yanked and False not in ys
        if reasons and found.yanked_reason is None:
            found.yanked_reason = next((y for y in ys if isinstance(y, str) and y), None)
        upload = min(filter(None, uploads[a:b]), default=None)
        if upload and (found.upload is None or upload < found.upload):
            found.upload = upload
        requires = rps[a:b]
        # The first of the smallest filename among those with a Requires-Python, as the
        # comparisons of _fold keep it (a wheel's wins over an sdist's).
        first = min(compress(zip(names, requires, strict=True), requires), key=_FIRST, default=None)
        if first is not None:
            kept = found.rp
            if kept is None or kept[0] or first[0] < kept[1]:
                found.rp = (False, first[0], cast(str, first[1]))
        found.tags.update(dict.fromkeys(tags))
        rank, filename, i = min(zip(map(_RANKS.__getitem__, tags), names, count(a)))
        best = found.wheel
        if best is None or rank < best[0] or (rank == best[0] and filename < best[1]):
            found.wheel = (rank, filename, (urls[i], sizes[i], _metadata_of(raws[i])))
        return True

    def add_file(self, file: IndexFile) -> None:
        """One file of an HTML page."""
        self._fold(
            file.filename,
            file.requires_python,
            file.yanked,
            file.yanked_reason,
            file.upload_time,
            (file.url, file.size, _Offered(file.core_metadata, file.metadata_hash)),
        )

    def _fold(
        self,
        filename: str,
        rp: str | None,
        yanked: bool,
        reason: str | None,
        upload: str | None,
        where: _Where,
    ) -> None:
        wheel = filename.endswith(".whl")
        tags = ""
        if wheel:
            # The usual case first: a name whose version and tags were both seen before.
            prefix = filename.rsplit("-", 3)[0]
            tags = filename[len(prefix) + 1 : -4]
            known = _WHEEL_VERSIONS.get(prefix)
            if (
                known is not None
                and _WHEEL_TAGS.get(tags, _UNSEEN) is None
                and filename.count("-") in (4, 5)
            ):
                version, key = known
            else:
                try:
                    version, key, tags = wheel_parts(filename)
                except (InvalidWheelFilename, InvalidVersion):
                    return
        elif filename.endswith((".tar.gz", ".zip")):
            try:
                version, key = sdist_parts(filename)
            except (InvalidSdistFilename, InvalidVersion):
                return
        else:
            return  # not a distribution: it names no version
        found = self._versions.get(key)
        if found is None:
            found = self._versions[key] = _Version()
            self._parsed[key] = version
        found.files += 1
        found.yanked = found.yanked and yanked
        if reason and found.yanked_reason is None:
            found.yanked_reason = reason
        if upload and (found.upload is None or upload < found.upload):
            found.upload = upload
        if rp:
            # A wheel's Requires-Python wins (pip selects wheels first), then filename order.
            kept, sdist = found.rp, not wheel
            if kept is None or sdist < kept[0] or (sdist == kept[0] and filename < kept[1]):
                found.rp = (sdist, filename, rp)
        if wheel:
            found.tags[tags] = None
            rank = _RANKS.get(tags)
            if rank is None:
                rank = _RANKS[tags] = _metadata_rank(_tags_of_string(tags))
            best = found.wheel
            if best is None or rank < best[0] or (rank == best[0] and filename < best[1]):
                found.wheel = (rank, filename, where)
        else:
            found.sdist = True
            if not yanked and found.sdist_file is None:
                found.sdist_file = where

    def versions(self) -> tuple[str, ...]:
        """The distinct versions of the files added, ascending (a page without PEP 700
        ``versions``)."""
        # Equal versions written differently (1.0, 1.0.0) count once, as the first one seen.
        first: dict[Version, str] = {}
        for key, version in self._parsed.items():
            first.setdefault(version, key)
        return tuple(first[version] for version in sorted(first))

    def entries(self, listed: Sequence[str]) -> dict[str, Entry]:
        """The entry of each version (:mod:`advisor.index.pageformat`): its release, and
        where its metadata is read.

        Every version ``listed`` has one (empty when no file has it), first and in that
        order; then those only the files name, in the order they first appear. File URLs are
        stored as shown, with the index's written prefix they start with, if any; a PEP 658
        file with the hash its page declares (``"sha256=..."``), or ``True`` without one.
        """
        order: dict[str, None] = {}
        for version in listed:
            try:
                order[_version(version)[1]] = None  # each distinct text parsed once a run
            except InvalidVersion:
                continue  # not a PEP 440 version: pip would never select it
        order.update(dict.fromkeys(self._versions))
        empty = _Version()
        out = {key: self._entry(self._versions.get(key, empty)) for key in order}
        for key, parsed in self._parsed.items():
            out[key]["version"] = parsed  # parsed already: the release need not parse it again
        return out

    def _entry(self, v: _Version) -> Entry:
        coverage = self._coverage.get(tuple(v.tags))
        if coverage is None:
            found: dict[str, set[str]] = {}
            for tags in v.tags:
                for key, platform in _coverage(_tags_of_string(tags)):
                    found.setdefault(key, set()).add(platform)
            coverage = self._coverage[tuple(v.tags)] = wheel_set(found)
        # PEP 592: pip still installs a yanked file when nothing else of the version is left,
        # so a version counts as yanked only when all its files are.
        yanked = v.files > 0 and v.yanked
        meta = None
        if v.wheel is not None:
            url, size, metadata = v.wheel[2]
            if isinstance(metadata, _Offered):
                core, declared = metadata.core, metadata.declared
            else:
                core, declared = offers_metadata(metadata), metadata_hash(metadata)
            offered: bool | str = False
            if core:
                offered = f"{declared[0]}={declared[1]}" if declared else True
            meta = self._stored(url, size, offered)
        sdist = None
        if meta is None and v.sdist_file is not None:  # read only when no wheel gives it
            sdist = self._stored(v.sdist_file[0], v.sdist_file[1], False)
        return {
            "requires_python": v.rp[2] if v.rp is not None else None,
            "yanked": yanked,
            "yanked_reason": v.yanked_reason if yanked else None,
            # ISO 8601 timestamps sort as strings; the entry keeps the date part.
            "upload_time": v.upload[:10] if v.upload else None,
            "sdist": v.sdist,
            "wheels": coverage,
            "meta": meta,
            "sdist_file": sdist,
        }

    def _stored(self, url: str, size: int | None, core: bool | str) -> list[Any]:
        text, prefix = self._store(url)
        return [text, size, core, prefix]
