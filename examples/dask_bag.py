"""Analyse a dask.bag of goals on a two-worker LocalCluster (needs smartcheck[dask])."""

import datetime as dt

import dask.bag as db
from distributed import Client, LocalCluster

import smartcheck
from smartcheck.dask import analyze_bag

GOALS = [
    "I will walk for 20 minutes three times a week for the next month.",
    "Feel better.",
    "Client will practice deep breathing twice daily to manage panic symptoms.",
    "I will attend one support group meeting per week by the end of March.",
]

if __name__ == "__main__":  # worker processes re-import this file
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster),
    ):
        bag = db.from_sequence(GOALS, npartitions=2)
        results = analyze_bag(bag, reference_date=dt.date(2026, 1, 15)).compute()
    for result in results:
        print(result.index, result.label, round(result.score), result.text)
    local = list(smartcheck.analyze_many(GOALS, reference_date=dt.date(2026, 1, 15)))
    print("same as analyze_many:", results == local)
    raise SystemExit(0 if results == local else 1)
