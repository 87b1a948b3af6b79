"""Dask scale-out: a two-worker LocalCluster gives exactly what analyze_many gives."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

pytest.importorskip("dask.bag", reason="needs the dask extra")
pytest.importorskip("distributed", reason="needs the dask extra")

import dask.bag as db
from distributed import Client, LocalCluster

import smartcheck
from smartcheck.dask import (
    analyze_bag,
    analyze_chunks_distributed,
    analyze_records_distributed,
)

REFERENCE_DATE = dt.date(2026, 1, 15)
GOALS = [
    "I will walk for 20 minutes three times a week for the next month.",
    "Client will practice deep breathing twice daily to manage panic symptoms.",
    "Feel better.",
    "",
    "Pt will complete the home exercise program 5 days a week with minimal assistance.",
    "I will reduce my GAD-7 score to below 10 within 12 weeks.",
    "Exercise more.",
    "I will attend one social event per week by the end of March.",
]


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Client]:
    """A two-worker LocalCluster, one thread each.

    Workers are threads of this process (``processes=False``) so the tests do
    not pay for loading the model twice more. Worker processes are covered by
    ``examples/dask_bag.py`` (run by ``tests/test_examples.py``, it exits 1 on
    a mismatch) and, at scale, by ``benchmarks/bench_dask.py``.
    """
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def local_results() -> list[smartcheck.GoalAnalysis | smartcheck.AnalysisFailure]:
    """The reference: one local analyze_many run."""
    return list(smartcheck.analyze_many(GOALS * 3, reference_date=REFERENCE_DATE))


@pytest.mark.model
@pytest.mark.parametrize("npartitions", [1, 4, 7])
def test_analyze_bag_equals_analyze_many(
    dask_client: Client, local_results: list[object], npartitions: int
) -> None:
    bag = db.from_sequence(GOALS * 3, npartitions=npartitions)
    results = analyze_bag(bag, reference_date=REFERENCE_DATE).compute()
    assert results == local_results
    assert [r.index for r in results] == list(range(len(GOALS) * 3))


@pytest.mark.model
def test_analyze_bag_accepts_records(dask_client: Client) -> None:
    records = [{"text": text, "id": f"row-{i}"} for i, text in enumerate(GOALS)]
    bag = db.from_sequence(records, npartitions=3)
    results = analyze_bag(bag, reference_date=REFERENCE_DATE, profile="coaching").compute()
    expected = smartcheck.analyze_many(records, reference_date=REFERENCE_DATE, profile="coaching")
    assert results == list(expected)
    assert [r.id for r in results] == [r["id"] for r in records]


@pytest.mark.model
@pytest.mark.parametrize(("chunk_size", "max_in_flight"), [(1, None), (5, 1), (100, None)])
def test_distributed_records_equal_analyze_many(
    dask_client: Client, local_results: list[object], chunk_size: int, max_in_flight: int | None
) -> None:
    address = dask_client.scheduler.address
    results = analyze_records_distributed(
        iter(GOALS * 3),
        address,
        reference_date=REFERENCE_DATE,
        chunk_size=chunk_size,
        max_in_flight=max_in_flight,
    )
    assert list(results) == local_results


@pytest.mark.model
def test_distributed_chunks_come_back_whole_and_in_order(
    dask_client: Client, local_results: list[object]
) -> None:
    items = GOALS * 3
    chunks = [items[:5], [], items[5:6], items[6:]]
    outcomes = list(
        analyze_chunks_distributed(iter(chunks), dask_client, reference_date=REFERENCE_DATE)
    )
    assert [len(o) for o in outcomes] == [len(c) for c in chunks]
    assert [r for o in outcomes for r in o] == local_results


@pytest.mark.parametrize("chunk_size", [0, -1])
def test_distributed_rejects_a_bad_chunk_size(chunk_size: int) -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        next(analyze_records_distributed(GOALS, "tcp://127.0.0.1:1", chunk_size=chunk_size))


@pytest.mark.model
def test_audit_on_dask_equals_local_audit(dask_client: Client, tmp_path) -> None:
    from smartcheck.audit import Auditor

    plan = tmp_path / "plan.txt"
    plan.write_text("\n".join(GOALS * 2) + "\n", encoding="utf-8")
    local = [r.model_dump() for r in Auditor(reference_date=REFERENCE_DATE, batch_size=3).run(plan)]
    remote = Auditor(
        reference_date=REFERENCE_DATE, batch_size=3, dask_scheduler=dask_client.scheduler.address
    )
    assert [r.model_dump() for r in remote.run(plan)] == local
