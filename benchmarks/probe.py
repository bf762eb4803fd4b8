"""In-process probes of one aap-advise run, for ``benchmarks/run.py`` (not a test, not an API).

``python benchmarks/probe.py phases OUT.json -- ARGS...`` runs ``aap-advise ARGS`` once and
writes how long each step took: importing the modules, reading the files, loading the release
snapshot, loading the knowledge, planning, rendering, and the rest.

``python benchmarks/probe.py requests OUT.json -- ARGS...`` runs ``aap-advise ARGS`` once with
every HTTP request counted (httpx is imported first for that, so timings from this mode mean
nothing): how many, of which kind, how many at once at most, and how many background fetches
the run never used.

The ``advisor`` imported is whichever the interpreter finds: the installed one under a
virtual environment's Python, the checkout's with ``PYTHONPATH`` set to it.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import threading
import time
from typing import Any

T0 = time.perf_counter()


_ACTIVE: list[str] = []


def _timed(spent: dict[str, float], name: str, fn: Any) -> Any:
    """``fn``, its time added to ``spent[name]`` unless another timed step is running (the
    outermost step counts, so the steps never overlap)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if _ACTIVE:
            return fn(*args, **kwargs)
        _ACTIVE.append(name)
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
            _ACTIVE.pop()

    return wrapper


def phases(argv: list[str]) -> dict[str, Any]:
    """Time the steps of one run (milliseconds)."""
    spent: dict[str, float] = {}
    start = time.perf_counter()
    from advisor import pipeline, render
    from advisor.frontends import cli
    from advisor.knowledge import matrix
    from advisor.manifests import projects

    spent["imports"] = time.perf_counter() - start
    # Wrapped where they exist (the speed work may move them): a step not found is "other".
    for module, attr, name in (
        (projects, "find_projects", "read files"),
        (pipeline, "read_paths", "read files"),
        (pipeline, "read_config", "read files"),
        (pipeline, "load_snapshot", "release snapshot"),
        (matrix, "load", "knowledge"),
        (matrix, "load_for", "knowledge"),
        (pipeline, "plan", "plan"),
    ):
        if callable(getattr(module, attr, None)):
            setattr(module, attr, _timed(spent, name, getattr(module, attr)))
    original_renderer = getattr(render, "renderer", None)
    if original_renderer is not None:
        render.renderer = lambda fmt: _timed(spent, "render", original_renderer(fmt))
    run_start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(argv)
    total = time.perf_counter() - run_start + spent["imports"]
    spent["other"] = total - sum(spent.values())
    return {
        "ms": {k: round(v * 1000, 1) for k, v in spent.items()},
        "total_ms": round(total * 1000, 1),
        "exit": code,
        "httpx_imported": "httpx" in sys.modules,
        "resolvelib_imported": "resolvelib" in sys.modules,
    }


def requests(argv: list[str]) -> dict[str, Any]:
    """Count the HTTP requests of one run, and how many were in flight at once."""
    import httpx

    log: list[dict[str, Any]] = []
    lock = threading.Lock()
    state = {"in_flight": 0, "max_in_flight": 0}
    original_send = httpx.Client.send

    def send(
        self: httpx.Client, request: httpx.Request, *args: Any, **kwargs: Any
    ) -> httpx.Response:
        with lock:
            state["in_flight"] += 1
            state["max_in_flight"] = max(state["max_in_flight"], state["in_flight"])
        begin = time.perf_counter()
        try:
            return original_send(self, request, *args, **kwargs)
        finally:
            with lock:
                state["in_flight"] -= 1
                log.append(
                    {
                        "url": str(request.url),
                        "method": request.method,
                        "range": request.headers.get("range"),
                        "t": begin - T0,
                    }
                )

    httpx.Client.send = send  # type: ignore[method-assign]

    from advisor.index.source import IndexSource

    asked: dict[str, set[Any]] = {"pages": set(), "meta": set()}
    guessed: dict[str, set[Any]] = {"pages": set(), "meta": set()}
    main = threading.main_thread()
    original_page, original_meta = IndexSource._page, IndexSource.requires_dist
    original_quiet_page, original_quiet_meta = IndexSource._quiet_page, IndexSource._quiet_meta

    def page(self: IndexSource, name: str) -> Any:
        if threading.current_thread() is main:
            asked["pages"].add(name)
        return original_page(self, name)

    def meta(self: IndexSource, name: str, version: Any) -> Any:
        if threading.current_thread() is main:
            asked["meta"].add((name, str(version)))
        return original_meta(self, name, version)

    def quiet_page(self: IndexSource, name: str) -> None:
        guessed["pages"].add(name)
        original_quiet_page(self, name)

    def quiet_meta(self: IndexSource, name: str, version: Any) -> None:
        guessed["meta"].add((name, str(version)))
        original_quiet_meta(self, name, version)

    IndexSource._page = page  # type: ignore[method-assign]
    IndexSource.requires_dist = meta  # type: ignore[method-assign]
    IndexSource._quiet_page = quiet_page  # type: ignore[method-assign]
    IndexSource._quiet_meta = quiet_meta  # type: ignore[method-assign]

    from advisor.frontends import cli

    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(argv)
    elapsed = time.perf_counter() - start
    urls = [r["url"] + (f" [{r['range']}]" if r["range"] else "") for r in log]
    pages = [r for r in log if "/simple/" in r["url"]]
    files = [r for r in log if "/simple/" not in r["url"]]
    return {
        "exit": code,
        "seconds": round(elapsed, 2),
        "requests": len(log),
        "project_pages": len(pages),
        "distinct_pages": len({r["url"] for r in pages}),
        "metadata_requests": len(files),
        "metadata_files": len({r["url"].split("#")[0].removesuffix(".metadata") for r in files}),
        "ranged_requests": sum(1 for r in files if r["range"]),
        "repeated_requests": len(urls) - len(set(urls)),
        "max_in_flight": state["max_in_flight"],
        "background_pages_unused": len(guessed["pages"] - asked["pages"]),
        "background_metadata_unused": len(guessed["meta"] - asked["meta"]),
        "background_metadata": len(guessed["meta"]),
    }


def main() -> None:
    mode, out = sys.argv[1], sys.argv[2]
    argv = sys.argv[sys.argv.index("--") + 1 :]
    result = phases(argv) if mode == "phases" else requests(argv)
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(result, fh, indent=2)
    os._exit(0)  # skip interpreter teardown: only the numbers matter here


if __name__ == "__main__":
    main()
