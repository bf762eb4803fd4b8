"""The one orchestration every front end shares: read the files, load the knowledge, plan."""

from __future__ import annotations

from collections.abc import Sequence

from advisor.knowledge import matrix
from advisor.knowledge.releases import load_snapshot
from advisor.manifests import read_paths
from advisor.model.advice import Advice, AdviceRequest
from advisor.model.project import Project
from advisor.plan import plan
from advisor.resolve.source import SnapshotSource


def read_and_advise(
    paths: Sequence[str], request: AdviceRequest, snapshot: str | None = None
) -> tuple[Project, Advice]:
    """Like :func:`advise`, and also return the project as read (writers need its locations)."""
    project = read_paths(paths)
    releases = load_snapshot(snapshot)
    return project, plan(project, matrix.load(), releases, request, SnapshotSource(releases))


def advise(paths: Sequence[str], request: AdviceRequest, snapshot: str | None = None) -> Advice:
    """Advise on the dependency files at ``paths``.

    :param paths: files or folders; ``["."]`` when the user named none.
    :param request: capabilities, Python range, platforms and the day to judge support on.
    :param snapshot: a release snapshot file to use instead of the shipped one.
    :raises AdvisorError: for bad input, bad data or an unreachable index.
    """
    return read_and_advise(paths, request, snapshot)[1]
