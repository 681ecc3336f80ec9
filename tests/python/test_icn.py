"""The Python module against the icn command: the same report.json from files and from
DataFrames, the same FILE:LINE problems, correct results from two threads at once, the report
files written, whatif as the CLI's --json."""
import json
import subprocess
import threading

import pandas as pd
import pytest

import icn
from conftest import ICN, SAMPLE


def cli_report(tmp_path, dataset=SAMPLE, *extra):
    out = tmp_path / "cli"
    subprocess.run([ICN, "--quiet", "analyze", str(dataset), "--chain", "bearing", "--region",
                    "371581", "--out", str(out), "--formats", "json", *extra], check=True,
                   capture_output=True)
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def without_stamp(report):
    report = dict(report)
    report.pop("stamp")
    return report


def test_analyze_from_files_gives_the_clis_report(tmp_path):
    result = icn.analyze(icn.load(SAMPLE), chain="bearing", region="371581")
    assert without_stamp(json.loads(result.to_json())) == without_stamp(cli_report(tmp_path))
    # Tables are DataFrames with the report's rows.
    assert isinstance(result.gaps, pd.DataFrame)
    assert len(result.gaps) == len(result.report["gaps"])
    assert len(result.firms) == result.report["cluster"]["local_firms"]
    assert result.leaders.iloc[0, 1] == result.report["leaders"][0]["name"] or \
        result.report["leaders"][0]["name"] in result.leaders.iloc[0].tolist()
    assert len(result.resilience) == len(result.report["resilience"]["articulation_points"])
    assert len(result.diagnostics) == len(result.report["diagnostics"]["criteria"])


def test_analyze_from_dataframes_gives_the_same_report(tmp_path):
    firms = pd.read_csv(SAMPLE / "firms.csv", dtype=str, keep_default_na=False)
    links = pd.read_csv(SAMPLE / "links.csv", dtype=str, keep_default_na=False)
    years = pd.read_csv(SAMPLE / "firm_years.csv", dtype=str, keep_default_na=False)
    cluster = json.loads((SAMPLE / "cluster.json").read_text(encoding="utf-8"))
    ds = icn.Dataset.from_frames(firms, links, cluster=cluster, firm_years=years)
    assert ds.firms == 3000
    from_frames = without_stamp(icn.analyze(ds, "bearing", "371581").report)
    from_files = without_stamp(cli_report(tmp_path))
    assert from_frames == from_files


def test_bad_input_lists_the_same_problems_as_the_cli():
    bad = SAMPLE.parents[2] / "tests" / "data" / "bad" / "bad_firm_cells"
    with pytest.raises(icn.InputError) as caught:
        icn.load(bad, lang="en")
    cli = subprocess.run([ICN, "--lang", "en", "validate", str(bad)], capture_output=True,
                         text=True)
    assert cli.returncode == 2
    cli_errors = [line for line in cli.stderr.splitlines()
                  if ":" in line and "warning" not in line and "error" not in line.split(":")[0]
                  and line.startswith(str(bad))]
    assert caught.value.problems
    assert caught.value.problems == cli_errors
    assert all(p.startswith(str(bad / "firms.csv") + ":") for p in caught.value.problems)


def test_two_threads_at_once_agree_with_serial_runs():
    ds = icn.load(SAMPLE)
    serial = {region: without_stamp(icn.analyze(ds, "bearing", region).report)
              for region in ("371581", "371525")}
    results = {}

    def work(region):
        results[region] = without_stamp(icn.analyze(ds, "bearing", region).report)

    threads = [threading.Thread(target=work, args=(r,)) for r in serial]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == serial


def test_render_writes_the_report_files(tmp_path):
    result = icn.analyze(SAMPLE, "bearing", "临清市")
    notes = icn.render(result, tmp_path / "out", ["json", "html", "xlsx", "csv"])
    assert notes == []
    for name in ("report.json", "report.html", "report.xlsx", "gaps.csv", ".icn-manifest"):
        assert (tmp_path / "out" / name).exists(), name
    # A folder with someone else's files is refused, as by the CLI.
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "申报材料.docx").write_text("mine")
    with pytest.raises(Exception):
        icn.render(result, tmp_path / "mine", ["json"])
    assert (tmp_path / "mine" / "申报材料.docx").read_text() == "mine"


def test_whatif_and_diagnose_match_the_cli():
    got = icn.whatif(SAMPLE, "bearing", "371581", remove=["F0001603"])
    cli = subprocess.run([ICN, "--quiet", "whatif", str(SAMPLE), "--chain", "bearing",
                          "--region", "371581", "--remove", "F0001603", "--json"],
                         capture_output=True, text=True, check=True)
    assert got == json.loads(cli.stdout)
    diagnosed = icn.diagnose(SAMPLE, "bearing", "371581")
    cli = subprocess.run([ICN, "--quiet", "diagnose", str(SAMPLE), "--chain", "bearing",
                          "--region", "371581", "--json"], capture_output=True, text=True,
                         check=True)
    assert diagnosed == json.loads(cli.stdout)
