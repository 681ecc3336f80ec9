#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Peer for bench/analyze.sh: the same computations as ICN's cohesion, leaders and resilience,
done with python-igraph (Debian's python3-igraph) on the same CSV files, timed per step.
Usage: igraph_analysis.py DATASET REGION_PREFIX"""
import csv
import sys
import time

import igraph as ig

folder, prefix = sys.argv[1], sys.argv[2]
t = time.perf_counter()
def lap(name):
    global t
    now = time.perf_counter()
    print(f"{name:<28} {now - t:8.3f} s", flush=True)
    t = now

with open(f"{folder}/firms.csv", newline="", encoding="utf-8-sig") as f:
    reader = csv.reader(f)
    header = next(reader)
    i_id, i_region = header.index("id"), header.index("region")
    ids, local = {}, []
    for n, row in enumerate(reader):
        ids[row[i_id]] = n
        local.append(row[i_region].startswith(prefix))
edges, weights = [], []
with open(f"{folder}/links.csv", newline="", encoding="utf-8-sig") as f:
    reader = csv.reader(f)
    header = next(reader)
    s, c, v = header.index("supplier"), header.index("customer"), header.index("value")
    for row in reader:
        edges.append((ids[row[s]], ids[row[c]]))
        weights.append(float(row[v]))
g = ig.Graph(n=len(ids), edges=edges, directed=True)
g.es["weight"] = weights
lap("load CSV + graph")
keep = [i for i, is_local in enumerate(local) if is_local]
gl = g.induced_subgraph(keep)
gl.simplify(combine_edges="sum")
lap(f"G_L ({gl.vcount()} nodes, {gl.ecount()} edges)")
pr = gl.pagerank(weights="weight")
lap("pagerank (PRPACK)")
u = gl.as_undirected(combine_edges="sum")
lap("undirected simple G_L")
cc = u.transitivity_local_undirected(mode="zero")
lap("local clustering")
core = u.coreness()
lap("coreness")
comps = u.connected_components()
lap("connected components")
leiden = u.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
lap("leiden (modularity)")
q = u.modularity(leiden.membership, weights="weight")
lap("modularity")
ap = u.articulation_points()
lap("articulation points")
br = u.bridges()
lap("bridges")
