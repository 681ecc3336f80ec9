"""Many clusters at once: the plan of `icn batch` (dataset,chain,region,out; regions `;`-separated;
paths relative to the plan) run through the Python module, one cluster per task, on any executor
with a `submit` -- a Dask distributed Client, or concurrent.futures. docs/scale.md has the recipe.

    from dask.distributed import Client, LocalCluster
    from icn.batch import run_plan
    with LocalCluster(n_workers=4, threads_per_worker=1) as cluster, Client(cluster) as client:
        summary = run_plan("plan.csv", client)      # a DataFrame, also written as summary.csv

A cluster with bad input or a fault is a row of the summary with its message; it does not stop
the others.
"""
import csv
import os

import pandas as pd

COLUMNS = ["dataset", "chain", "region", "out", "status", "local_firms", "gaps", "missing",
           "weak", "broken", "dependent", "criteria_passed", "criteria_failed", "message"]


def read_plan(plan):
    """The plan's rows as dicts, with dataset and out made absolute (relative to the plan)."""
    base = os.path.dirname(os.path.abspath(plan))
    rows = []
    with open(plan, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rows.append({
                "dataset": row["dataset"], "chain": row["chain"], "region": row["region"],
                "out": row["out"],
                "dataset_path": os.path.join(base, row["dataset"]),
                "out_path": os.path.join(base, row["out"]),
            })
    return rows


def run_cluster(row, formats=("json", "html", "md", "svg", "csv", "xlsx"), lang="zh"):
    """Analyses one cluster of a plan and writes its report folder; returns its summary row.
    Never raises: bad input and faults become the row's status and message."""
    import icn  # imported in the worker process

    out = {k: row[k] for k in ("dataset", "chain", "region")}
    out["out"] = row["out_path"]
    for key in COLUMNS[5:13]:
        out[key] = None
    try:
        result = icn.analyze(row["dataset_path"], row["chain"], row["region"].split(";"),
                             lang=lang)
        icn.render(result, row["out_path"], formats)
        report = result.report
        kinds = [g["kind"] for g in report["gaps"]]
        criteria = report.get("diagnostics", {}).get("criteria", [])
        out.update(status="ok", local_firms=report["cluster"]["local_firms"], gaps=len(kinds),
                   missing=kinds.count("missing"), weak=kinds.count("weak"),
                   broken=kinds.count("broken"), dependent=kinds.count("dependent"),
                   criteria_passed=sum(c["status"] == "pass" for c in criteria),
                   criteria_failed=sum(c["status"] == "fail" for c in criteria), message="")
    except icn.InputError as error:
        out.update(status="bad_input", message=error.problems[0] if error.problems else "")
    except Exception as error:  # a fault in one cluster does not stop the others
        out.update(status="fault", message=f"{type(error).__name__}: {error}")
    return out


def run_plan(plan, executor, formats=("json", "html", "md", "svg", "csv", "xlsx"), lang="zh",
             summary="summary.csv"):
    """Runs every cluster of `plan` on `executor` (anything with submit(fn, *args) returning a
    future with result()); writes `summary` beside the plan (None: do not) and returns it."""
    rows = read_plan(plan)
    futures = [executor.submit(run_cluster, row, formats, lang) for row in rows]
    table = pd.DataFrame([f.result() for f in futures], columns=COLUMNS)
    if summary:
        path = os.path.join(os.path.dirname(os.path.abspath(plan)), summary)
        table.to_csv(path + ".tmp", index=False)
        os.replace(path + ".tmp", path)
    return table
