"""A PEP 691 JSON project page read as its bytes arrive, one file entry at a time.

``json.loads`` of a whole page holds the body, its text and every file as a dict at once:
ddtrace's page is 21 MB of JSON listing some 47,000 files, and loading it took 107 MB.
:class:`JsonPageReader` takes the body piece by piece, decodes the ``files`` entries with the
standard library's own C scanner as soon as they are whole (those of a piece at once, when they
read as a run of whole values: :meth:`JsonPageReader._run`), hands them to a :class:`FileSink`
a few hundred at a time and drops them, so a page costs its sink's summary plus one piece of
text and one batch of entries.

What it accepts and refuses is what ``json.loads`` of the whole body accepts and refuses: the
same encoding detection (:func:`json.detect_encoding`, decoded with ``surrogatepass``), the
same scanner for every value, the same grammar around them, the last of duplicate keys. Only
the top-level object is walked here; every value in it is the scanner's. Problems are kept
until :meth:`JsonPageReader.finish`, so the page is refused in the order the whole-body reader
refused it: more ``{`` than a page within the file cap can hold first, then invalid JSON.

Reading is linear in the body: a value cut by the end of a piece is scanned again only once
the text after it has at least doubled, text that did not read as a run is not tried as one
again, and nothing is parsed once the ``{`` count is over the cap (the rest is only counted).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Generator
from typing import Any, Protocol

__all__ = ["FileSink", "JsonPageReader", "PageSyntaxError"]

#: JSON's whitespace, as the C scanner skips it.
_WS = re.compile(r"[ \t\n\r]*")
#: What follows a value in a list: its comma (and the whitespace before the next) or the end.
_AFTER_VALUE = re.compile(r"[ \t\n\r]*([,\]])[ \t\n\r]*")
#: Characters a JSON number is made of.
_NUMBER_CHARS = re.compile(r"[0-9.eE+-]*")
#: Entries handed to the sink at once (:meth:`FileSink.extend`): enough that a batch's checks
#: and folds cost little per entry, few enough that its objects stay in the processor's cache.
_BATCH = 256
#: Text held from which whole entries are tried as one run (:meth:`JsonPageReader._run`).
_RUN_MIN = 2048
#: The top-level keys kept besides ``files``.
_KEPT = frozenset({"meta", "name", "versions"})

# The values a step of the walk yields: how many more characters it needs before it can go on.
_Walk = Generator[int, None, Any]


class FileSink(Protocol):
    """Where the entries of a page's ``files`` list go, as they are decoded."""

    def reset(self) -> None:
        """A ``files`` list begins: forget the entries of an earlier one (the last key wins)."""
        ...

    def extend(self, raws: list[Any]) -> None:
        """The next elements of the list, in order, each as ``json.loads`` would have decoded
        it (the list is the reader's own, reused once this returns)."""
        ...


class PageSyntaxError(Exception):
    """The body is not JSON (``nested``: it nests deeper than the scanner's recursion limit)."""

    def __init__(self, nested: bool = False) -> None:
        super().__init__("invalid JSON")
        self.nested = nested


class _OverTheCap(Exception):
    """The ``files`` list holds more than ``max_files`` elements."""


class JsonPageReader:
    """Reads one page's body, fed in pieces (:meth:`feed`), ended by :meth:`finish`.

    :param sink: receives each element of the last ``files`` list.
    :param max_braces: past this many ``{`` in the body, nothing more is parsed and
        :attr:`too_many` is set.
    :param max_files: a ``files`` list of more elements is not read past them: :attr:`too_many`
        is set (a list of millions of ``1`` holds no brace, and reading each would take
        minutes where refusing the page takes a moment).
    :param check: called after every ``check_every`` elements (the run's deadline).
    """

    def __init__(
        self,
        sink: FileSink,
        *,
        max_braces: int,
        max_files: int,
        check: Callable[[], None] | None = None,
        check_every: int = 4096,
    ) -> None:
        self._sink = sink
        self._max_braces = max_braces
        self._max_files = max_files
        self._check = check
        self._check_every = check_every
        decoder: Any = json.JSONDecoder()  # json.loads' own decoder, default options
        self._scan: Callable[[str, int], tuple[Any, int]] = decoder.scan_once
        self._head = b""  # the first bytes, until the encoding is known
        self._decoder: codecs.IncrementalDecoder | None = None
        self._buf = ""
        self._pos = 0
        self._pending: list[str] = []
        self._pending_len = 0
        self._want = 1
        self._eof = False
        self._walk = self._document()
        self._done = False
        #: ``{`` seen in the body so far.
        self.braces = 0
        #: More ``{`` than ``max_braces``, or a ``files`` list longer than ``max_files``: the
        #: page is refused whatever else it holds.
        self.too_many = False
        #: Why the body is not JSON (set by :meth:`finish` at the latest), else ``None``.
        self.error: PageSyntaxError | None = None
        #: The body is a JSON object.
        self.is_object = False
        #: The last ``files`` key holds a list.
        self.files_is_list = False
        #: Elements of the last ``files`` list.
        self.files = 0
        #: The last value of each kept top-level key (``meta``, ``name``, ``versions``).
        self.top: dict[str, Any] = {}

    @property
    def held(self) -> int:
        """Characters (or bytes, before decoding) held and not yet parsed."""
        return len(self._head) + len(self._buf) - self._pos + self._pending_len

    def feed(self, data: bytes) -> None:
        """The next piece of the body (decoded from its content coding)."""
        # What removing them takes away: bytes.count tests each byte in turn, bytes.replace
        # finds each brace with memchr (a quarter of the time over a page's pieces).
        self.braces += len(data) - len(data.replace(b"{", b""))
        if self.braces > self._max_braces and not self.too_many:
            self.too_many = True  # refused whatever follows: only counted from here on
            self._drop()
        if self._stopped():
            return
        if self._decoder is None:
            self._head += data
            if len(self._head) < 4:  # json.detect_encoding reads the first four bytes
                return
            data, self._head = self._head, b""
            self._decoder = codecs.getincrementaldecoder(json.detect_encoding(data))(
                "surrogatepass"
            )
        try:
            text = self._decoder.decode(data)
        except UnicodeDecodeError:
            self._fail(PageSyntaxError())
            return
        self._push(text)

    def finish(self) -> None:
        """The body has ended: parse what is left; :attr:`error` tells whether it was JSON."""
        if self._stopped():
            return
        try:
            if self._decoder is None:
                data, self._head = self._head, b""
                text = data.decode(json.detect_encoding(data), "surrogatepass")
            else:
                text = self._decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            self._fail(PageSyntaxError())
            return
        self._eof = True
        self._push(text)
        if not self._stopped():  # the walk always ends at the end of the body
            self._fail(PageSyntaxError())

    # -- driving the walk ------------------------------------------------------------------

    def _stopped(self) -> bool:
        return self.too_many or self.error is not None or self._done

    def _fail(self, error: PageSyntaxError) -> None:
        self.error = error
        self._drop()

    def _drop(self) -> None:
        self._head, self._buf, self._pos, self._pending, self._pending_len = b"", "", 0, [], 0
        self._walk.close()

    def _push(self, text: str) -> None:
        if text:
            self._pending.append(text)
            self._pending_len += len(text)
        if self._pending_len < self._want and not self._eof:
            return
        # Joined only when the walk can go on: a long value cut by a piece's end is not copied
        # once per piece.
        self._buf = self._buf[self._pos :] + "".join(self._pending)
        self._pos, self._pending, self._pending_len = 0, [], 0
        try:
            self._want = next(self._walk)
        except StopIteration:
            self._done = True
            self._drop()
        except PageSyntaxError as exc:
            self._fail(exc)
        except _OverTheCap:
            self.too_many = True
            self._drop()

    # -- the walk: a generator that yields how many more characters it needs -----------------

    def _peek(self) -> _Walk:
        """Skip whitespace; the next character, or ``""`` at the end of the body."""
        while True:
            self._pos = _WS.match(self._buf, self._pos).end()  # type: ignore[union-attr]
            if self._pos < len(self._buf):
                return self._buf[self._pos]
            if self._eof:
                return ""
            yield 1

    def _value(self, cut: bool = False) -> _Walk:
        """The JSON value starting here (the caller skipped the whitespace before it);
        ``cut``: the caller found the text held too short for it (then read once more comes)."""
        if cut and not self._eof:
            yield max(len(self._buf) - self._pos, 1)
        while True:
            start = self._pos
            try:
                value, end = self._scan(self._buf, start)
            # ValueError: the scanner's JSONDecodeError, or an integer of more digits than
            # Python converts (json.loads refuses that page too); never a crash of the run.
            except (StopIteration, ValueError, RecursionError) as exc:
                if self._eof:
                    raise PageSyntaxError(isinstance(exc, RecursionError)) from None
                # Perhaps cut by the end of what came so far: try again once the text from
                # here has doubled (each value is scanned a bounded number of times over).
                yield max(len(self._buf) - start, 1)
                continue
            if (
                not self._eof
                and type(value) in (int, float)
                and _NUMBER_CHARS.match(self._buf, end).end() == len(self._buf)  # type: ignore[union-attr]
            ):
                # A number cut by the end of what came so far reads as a shorter one ("2." as
                # 2): it is whole only once a character that cannot go on with it follows.
                yield max(len(self._buf) - start, 1)
                continue
            self._pos = end
            return value

    def _expect(self, char: str) -> _Walk:
        found = yield from self._peek()
        if found != char:
            raise PageSyntaxError()
        self._pos += 1

    def _document(self) -> _Walk:
        first = yield from self._peek()
        if first != "{":
            yield from self._value()  # not an object (or not JSON): no page either way
            yield from self._expect("")
            return
        self._pos += 1
        self.is_object = True
        found = yield from self._peek()
        if found == "}":
            self._pos += 1
        else:
            while True:
                if found != '"':
                    raise PageSyntaxError()
                key = yield from self._value()
                yield from self._expect(":")
                found = yield from self._peek()
                if key == "files" and found == "[":
                    yield from self._files()
                else:
                    value = yield from self._value()
                    if key == "files":
                        self.files_is_list = False
                    elif key in _KEPT:
                        self.top[key] = value
                found = yield from self._peek()
                self._pos += 1
                if found == "}":
                    break
                if found != ",":
                    raise PageSyntaxError()
                found = yield from self._peek()
        end = yield from self._peek()
        if end != "":
            raise PageSyntaxError()

    def _run(self, buf: str, start: int, end: int) -> list[Any] | None:
        """The values of ``buf[start:end]`` read as the elements of a list, or ``None`` when
        that text is not a sequence of whole values separated by commas.

        It holds the same values the element-by-element steps read from ``start``: the
        scanner reads each element of a list as it reads a value on its own, and a text that
        reads whole as elements ends where an element ends (``end`` follows a ``}``, which no
        number can go on from). Text that does not read so (a ``}, {`` inside a string, a
        value cut by ``end``) is read by those steps, and not tried again.
        """
        text = "[" + buf[start:end] + "]"
        try:
            value, stop = self._scan(text, 0)
        except (StopIteration, ValueError, RecursionError):
            return None
        return value if stop == len(text) and type(value) is list else None

    def _run_end(self, buf: str, start: int, ends: list[str]) -> int:
        """Where the last entry of ``buf`` from ``start`` that is followed by another ends
        (after its ``}``), or ``0``; ``ends``: the two ways of writing ``}, {``, the one a page
        was last found to write first (swapped when the other is found)."""
        cut = buf.rfind(ends[0], start)
        if cut < 0 and (cut := buf.rfind(ends[1], start)) >= 0:
            ends.reverse()
        return cut + 1

    def _files(self) -> _Walk:
        self._pos += 1  # the "["
        self._sink.reset()
        self.files_is_list, self.files = True, 0
        found = yield from self._peek()
        if found == "]":
            self._pos += 1
            return
        # Entries go to the sink in batches of about _BATCH (a run read whole may take one
        # past it), in order: a list ends with its last batch handed over, and a list past the
        # cap with the batch up to the cap.
        batch: list[Any] = []
        sink, check, every, most = self._sink, self._check, self._check_every, self._max_files
        scan, after, add = self._scan, _AFTER_VALUE.match, batch.append
        # The text of ``tried_in`` before ``tried`` was tried as a run of whole entries (see
        # _run): not again until more text comes (the text held is then a new string).
        tried_in, tried = "", 0
        # Where one entry ends and the next begins, as this page writes it: the form found
        # last is looked for first (a page writes one; looking for the other went through
        # every piece to its start).
        ends = ["}, {", "},{"]
        while True:
            buf, pos = self._buf, self._pos
            if (buf is not tried_in or pos >= tried) and len(buf) - pos >= _RUN_MIN:
                # The text held, up to the last place where one object ends and the next
                # begins, is tried as a run of whole entries read at once; text holding no
                # such place is not searched again either (each entry would search it all).
                cut = self._run_end(buf, pos, ends)
                tried_in, tried = buf, cut if cut > pos else len(buf)
                if cut > pos:
                    run = self._run(buf, pos, cut)
                    if run is not None:
                        before = self.files
                        self.files += len(run)
                        if self.files > most:  # refused: handed over up to the cap
                            batch += run[: most - before]
                            sink.extend(batch)
                            raise _OverTheCap
                        batch += run
                        if len(batch) >= _BATCH:
                            sink.extend(batch)
                            batch.clear()
                        if check is not None and before // every != self.files // every:
                            check()
                        self._pos = after(buf, cut).end()  # type: ignore[union-attr]
                        continue
            # The usual case in a few steps: a whole entry, then its comma and the start of the
            # next one, all in the text held; anything else takes the general steps. The end of
            # the text held, after a run, is scanned on its own: the entry it holds is usually
            # cut, and the scanner's error says on which line, counting from the text's start.
            short = len(buf) - pos < _RUN_MIN
            try:
                if short:
                    raw, end = scan(buf[pos:], 0)
                    end += pos
                else:
                    raw, end = scan(buf, pos)
            except (StopIteration, ValueError, RecursionError):
                raw = None
                end = -1
            if end < 0 or type(raw) in (int, float):
                raw = yield from self._value(cut=end < 0 and short)
                buf, end = self._buf, self._pos
            self.files += 1
            if self.files > most:  # refused whatever follows: only counted from here on
                sink.extend(batch)
                raise _OverTheCap
            add(raw)
            if len(batch) >= _BATCH:
                sink.extend(batch)
                batch.clear()
            if check is not None and self.files % every == 0:
                check()
            if (sep := after(buf, end)) is not None and sep.end() < len(buf):
                if sep[1] == "]":
                    self._pos = sep.start(1) + 1
                    sink.extend(batch)
                    return
                self._pos = sep.end()
                continue
            self._pos = end
            found = yield from self._peek()
            self._pos += 1
            if found == "]":
                sink.extend(batch)
                return
            if found != ",":
                raise PageSyntaxError()
            yield from self._peek()
