"""Fixtures of the cluster tests: a local Dask cluster of worker processes."""

import pytest


@pytest.fixture
def local_cluster():
    """A ``distributed.Client`` of a local cluster of two worker processes (one thread each);
    skips where dask cannot run."""
    distributed = pytest.importorskip("distributed")
    pytest.importorskip("pyarrow")
    try:
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        )
    except (OSError, RuntimeError) as problem:  # no processes or sockets here
        pytest.skip(f"a local Dask cluster cannot start here: {problem}")
    client = distributed.Client(cluster, timeout="60s")
    try:
        yield client
    finally:
        client.close(timeout=30)
        cluster.close(timeout=30)
