"""A Dask client for the work that runs on workers: loading a corpus, a sharded index.

:func:`dask_client` connects to a running scheduler given its address, or
starts a :class:`distributed.LocalCluster` of a given number of processes and
closes it afterwards. Dask is an optional dependency (``workbench[scale]``):
nothing imports it until a client is asked for, so the package runs in one
process without it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from workbench.errors import ClusterError

if TYPE_CHECKING:
    from distributed import Client

#: Seconds to wait for a scheduler to answer before saying it cannot be reached.
CONNECT_TIMEOUT = 10


def check_workers(workers: object) -> int:
    """``workers`` if it is a whole number of at least 1.

    Raises
    ------
    ClusterError
        Otherwise, saying what was given.

    Examples
    --------
    >>> check_workers(2)
    2
    >>> check_workers(0)
    Traceback (most recent call last):
    ...
    workbench.errors.ClusterError: workers must be a whole number of at least 1; got 0
    """
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ClusterError(f"workers must be a whole number of at least 1; got {workers!r}")
    return workers


@contextmanager
def dask_client(workers: int | None, scheduler: str | None) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, or of a local cluster of ``workers``.

    Parameters
    ----------
    workers : int, optional
        Start a local cluster of this many single-threaded worker processes,
        closed when the block ends. Ignored when ``scheduler`` is given.
    scheduler : str, optional
        The address of a running Dask scheduler ("tcp://host:8786").

    Raises
    ------
    ClusterError
        If Dask is not installed, ``workers`` is not a positive whole number, or
        the scheduler cannot be reached.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ClusterError(
            "Dask is not installed: pip install 'workbench[scale]' to run on workers"
        ) from None
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as error:
            raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        with client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=check_workers(workers),
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield client
