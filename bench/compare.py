#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""bench/run.sh's table: checks each peer's numbers against ICN's report.json (the race is
honest only if they computed the same thing), then prints times and peak memory per kernel.
usage: compare.py OUT_DIR CORES PEER...
       compare.py --check REPORT_JSON PEER_JSON...   (the numbers only: tests/bench_check.sh)"""
import json
import re
import sys

check_only = sys.argv[1] == "--check"
if check_only:
    out, cores, peers = None, None, sys.argv[3:]
    report = json.load(open(sys.argv[2], encoding="utf-8"))
else:
    out, cores, peers = sys.argv[1], sys.argv[2], sys.argv[3:]
    report = json.load(open(f"{out}/icn-report-{cores}/report.json", encoding="utf-8"))
c = report["cohesion"]
icn = {"local_firms": c["local_firms"], "local_links": c["local_links"], "density": c["density"],
       "local_sourcing_ratio": c["local_sourcing_ratio"],
       "largest_component_share": c["largest_component_share"],
       "avg_clustering": c["avg_clustering"], "max_core": c["max_core"],
       "articulation_points": report["resilience"]["articulation_point_count"],
       "missing": sorted(g["segment"] for g in report["gaps"] if g["kind"] == "missing"),
       "weak": sorted(g["segment"] for g in report["gaps"] if g["kind"] == "weak")}


def same_id(firm):
    """A number-only id as the integer-id script writes it ("0000015" -> "15")."""
    return str(int(firm)) if firm.isdigit() else firm


leaders = {same_id(l["firm"]): l["components"]["pagerank"] for l in report["leaders"][:20]}


def phases(threads, name="icn"):
    times = {}
    for line in open(f"{out}/{name}-phases-{threads}.txt"):
        found = re.match(r"^\s*(.+?)\s+([0-9.]+) s\b", line)
        if found:
            times[found.group(1)] = float(found.group(2))
    wall, kb = open(f"{out}/{name}-time-{threads}.txt").read().split()
    times["icn analyze (end to end)"] = float(wall)
    times["peak MB"] = int(kb) / 1024
    return times


ok = True
results = {}
for peer in peers:
    r = json.load(open(peer if check_only else f"{out}/{peer}.json"))
    if not check_only:
        wall, kb = open(f"{out}/{peer}-time.txt").read().split()
        r["wall"], r["peak"] = float(wall), int(kb) / 1024
    results[peer] = r
    for key, mine in icn.items():
        theirs = r["numbers"].get(key)
        same = (abs(mine - theirs) <= 1e-9 * max(1, abs(mine))) if isinstance(mine, float) \
            else mine == theirs
        if not same:
            ok = False
            print(f"  MISMATCH {peer} {key}: ICN {mine}, {peer} {theirs}")
    theirs = {same_id(f): v for f, v in r["numbers"]["pagerank"].items()}
    worst = max(abs(theirs[f] - v) / v for f, v in leaders.items())
    if worst > 1e-4:
        ok = False
        print(f"  MISMATCH {peer} pagerank: relative difference {worst:.2e}")
print(f"  numbers: {'ICN and ' + ', '.join(peers) + ' agree' if ok else 'DIFFER (above)'} "
      f"(cohesion, k-core, articulation points, missing/weak gaps; PageRank of the top 20 to 1e-4)")
if check_only:
    sys.exit(0 if ok else 1)
one, every = phases(1), phases(cores)
# ICN's figures per kernel are each kernel run alone (bench/analyze_phases.cpp); "analysis" is
# ICN's analysis as it runs, its parts side by side, against the sum of the peer's kernels.
rows = [("load", ("load",), "load"), ("G_L + graph", ("network + G_L",), ("G_L", "graph")),
        ("PageRank", ("pagerank, ICN's own",), "pagerank"),
        ("betweenness", ("betweenness",), "betweenness"),
        ("cohesion, 5 measures + k-core", ("local clustering", "components", "k-core"),
         "cohesion"),
        ("communities (Leiden/Louvain)", ("leiden",), "communities"),
        ("cut points (+ bridges)", ("cut points and bridges",), "articulation"),
        ("resilience (+ single sources)", ("resilience (all of it)",), None),
        ("gaps", ("gaps",), "gaps"),
        ("analysis, as it runs", ("analysis",),
         ("pagerank", "betweenness", "cohesion", "communities", "articulation", "gaps")),
        ("reports (json html md svg csv)", ("reports",), None)]
head = f"  {'kernel':<30}{'ICN 1 thr':>10}{'ICN ' + cores + ' thr':>10}" + \
    "".join(f"{p:>12}{'ratio':>7}" for p in peers)
print(head)


def peer_time(r, keys):
    keys = (keys,) if isinstance(keys, str) else keys
    vals = [r["times"].get(k) for k in keys]
    return sum(v for v in vals if v is not None) if any(v is not None for v in vals) else None


for label, mine, theirs in rows:
    a = sum(one.get(k, 0) for k in mine)
    b = sum(every.get(k, 0) for k in mine)
    line = f"  {label:<30}{a:>9.2f}s{b:>9.2f}s"
    for p in peers:
        t = peer_time(results[p], theirs) if theirs else None
        line += f"{t:>11.2f}s{b / t:>7.2f}" if t else f"{'—':>12}{'':>7}"
    print(line)
line = f"  {'end to end (wall)':<30}{one['icn analyze (end to end)']:>9.2f}s" \
       f"{every['icn analyze (end to end)']:>9.2f}s"
for p in peers:
    line += f"{results[p]['wall']:>11.2f}s{every['icn analyze (end to end)'] / results[p]['wall']:>7.2f}"
print(line)
line = f"  {'peak memory':<30}{one['peak MB']:>8.0f}MB{every['peak MB']:>8.0f}MB"
for p in peers:
    line += f"{results[p]['peak']:>10.0f}MB{every['peak MB'] / results[p]['peak']:>7.2f}"
print(line)
print("  (ratio = ICN on every core / peer: below 1, ICN is faster or smaller)")
try:
    cat = float(open(f"{out}/cat-time.txt").read().split()[0])
    print(f"  load / reading the same bytes from the page cache (dd bs=4M, {cat:.2f}s): "
          f"{every['load'] / cat:.0f}x")
except (OSError, ValueError, ZeroDivisionError):
    pass
try:
    ints = phases(cores, "int")
    r = json.load(open(f"{out}/igraph-int.json"))
    wall = float(open(f"{out}/igraph-int-time.txt").read().split()[0])
    print(f"  integer ids (the script at its fastest): ICN {ints['icn analyze (end to end)']:.2f}s, "
          f"igraph script {wall:.2f}s, ratio {ints['icn analyze (end to end)'] / wall:.2f}")
except (OSError, KeyError, ValueError):
    pass
sys.exit(0 if ok else 1)
