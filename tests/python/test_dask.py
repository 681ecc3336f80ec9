"""A province's clusters at once: 50 clusters (the counties of one generated province, alone and
in pairs) and one broken cluster, through `icn batch --jobs 2` and through Dask distributed (a
LocalCluster of two worker processes) with the Python module: the same summary, one report
folder per cluster, the broken one reported while the rest complete."""
import csv
import os
import subprocess
import time

import pandas as pd
import pytest

from conftest import ICN

distributed = pytest.importorskip("distributed")


def make_province(tmp_path):
    subprocess.run([ICN, "--quiet", "generate", "--chain", "bearing", "--out",
                    str(tmp_path / "province"), "--firms", "6000", "--links", "30000"],
                   check=True, capture_output=True)
    firms = pd.read_csv(tmp_path / "province" / "firms.csv", dtype=str)
    counties = sorted(firms["region"].value_counts().index[:24])
    regions = counties + [f"{a};{b}" for a, b in zip(counties, counties[1:] + counties[:1])]
    regions = regions[:50]
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "firms.csv").write_text("id,name\nX,乙\n", encoding="utf-8")
    (tmp_path / "broken" / "links.csv").write_text("supplier,customer\n", encoding="utf-8")
    for runner in ("cli", "dask"):
        with open(tmp_path / f"plan-{runner}.csv", "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["dataset", "chain", "region", "out"])
            for i, region in enumerate(regions):
                w.writerow(["province", "bearing", region, f"{runner}/{i:02}"])
            w.writerow(["broken", "bearing", "371581", f"{runner}/broken"])
    return regions


def test_fifty_clusters_on_batch_and_on_dask_give_the_same_summary(tmp_path):
    regions = make_province(tmp_path)
    started = time.monotonic()
    batch = subprocess.run([ICN, "--quiet", "batch", str(tmp_path / "plan-cli.csv"), "--jobs",
                            "2", "--formats", "json,html"], capture_output=True, text=True)
    batch_seconds = time.monotonic() - started
    assert batch.returncode == 2, batch.stderr  # one cluster had bad input
    cli = pd.read_csv(tmp_path / "summary.csv", dtype={"region": str})
    os.replace(tmp_path / "summary.csv", tmp_path / "summary-cli.csv")

    from icn.batch import run_plan
    started = time.monotonic()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        dask = run_plan(tmp_path / "plan-dask.csv", client, formats=("json", "html"))
    dask_seconds = time.monotonic() - started
    print(f"\n50+1 clusters: icn batch --jobs 2 {batch_seconds:.1f} s, "
          f"Dask 2 workers {dask_seconds:.1f} s")

    assert len(cli) == len(dask) == len(regions) + 1
    assert list(dask["status"]) == list(cli["status"])
    assert list(dask["status"]).count("ok") == len(regions)
    assert dask["status"].iloc[-1] == "bad_input" and dask["message"].iloc[-1]
    numbers = ["local_firms", "gaps", "missing", "weak", "broken", "dependent",
               "criteria_passed", "criteria_failed"]
    ok = dask["status"] == "ok"
    assert (dask.loc[ok, numbers].astype(int).values ==
            cli.loc[ok, numbers].astype(int).values).all()
    for i in range(len(regions)):
        assert (tmp_path / "dask" / f"{i:02}" / "report.json").exists()
        assert (tmp_path / "cli" / f"{i:02}" / "report.json").exists()
    assert not (tmp_path / "dask" / "broken").exists()
    assert (tmp_path / "summary.csv").exists()  # written beside the plan
