"""The cyclic garbage collector held off while a page is read.

Reading a page makes and drops an object per file (ddtrace's lists 47,000) and keeps a few per
version: the collector, run every 700 new objects, would walk the kept ones again and again
(measured: 0.17 s of a 2 s cold run, 0.14 s of a 0.55 s warm one; about half of that is
saved). Nothing read here forms a reference cycle
(decoded JSON is a tree), so nothing waits for the collector: it runs again once no thread is
reading a page.

What was made while it was off is then counted as old, as if it had lived through the young
collections (:func:`gc.freeze` and :func:`gc.unfreeze` move it to the oldest generation):
else the first young collection after a cold run's pages walked all that its pages keep (some
60,000 objects, 25 ms) for no garbage.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]

_lock = threading.Lock()
_readers = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector is off while any thread is inside; it is on again (if it was) after the
    last one leaves."""
    global _readers, _was_enabled
    with _lock:
        if _readers == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _readers += 1
    try:
        yield
    finally:
        with _lock:
            _readers -= 1
            if _readers == 0 and _was_enabled:
                if gc.get_freeze_count() == 0:  # (else another's frozen objects are left so)
                    gc.freeze()
                    gc.unfreeze()
                gc.enable()
