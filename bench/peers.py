#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The analyst's own script, three ways: the same work as `icn analyze` done with pandas and
python-igraph, graph-tool or NetworkX on the same CSV files, timed per kernel, with the numbers
that bench/run.sh checks against ICN's report.json.

usage: peers.py igraph|graph_tool|networkx DATASET CHAIN_FOLDER REGION_PREFIX SOURCES [int]
  int: ids read as integers (the script at its fastest; the dataset's ids must be numbers)

Kernels: load (pandas read_csv, ids as text, as 统一社会信用代码 are), G_L (local subgraph, the
rows of a pair summed), cohesion (SPEC 3.1: density, local sourcing ratio, largest component
share, average clustering, max k-core), PageRank (weighted, damping 0.85), betweenness from
SOURCES random sources (graph-tool's pivots, NetworkX's subset; python-igraph 0.10 has no such
call; numbers not compared: ICN draws its own sources), communities (Leiden
for igraph, Louvain for NetworkX; graph-tool has no modularity maximisation), articulation
points, gaps (missing and weak segments). Prints one JSON object."""
import json
import random
import warnings

warnings.filterwarnings("ignore", message=".*cairo.*")  # graph-tool without its drawing module
import resource
import sys
import time

import pandas as pd

lib, folder, chain, prefix, sources = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
integer_ids = len(sys.argv) > 6 and sys.argv[6] == "int"
times, numbers = {}, {}
start = last = time.perf_counter()


def lap(name):
    global last
    now = time.perf_counter()
    times[name] = now - last
    last = now


if integer_ids:
    firms = pd.read_csv(f"{folder}/firms.csv", usecols=["id", "region", "segment"],
                        dtype={"id": "int64", "region": str, "segment": str}, keep_default_na=False)
    links = pd.read_csv(f"{folder}/links.csv", dtype={"supplier": "int64", "customer": "int64",
                                                      "value": "float64", "year": "int64"})
else:
    firms = pd.read_csv(f"{folder}/firms.csv", dtype=str, usecols=["id", "region", "segment"],
                        keep_default_na=False)
    links = pd.read_csv(f"{folder}/links.csv", dtype=str, keep_default_na=False)
    links["value"] = links["value"].astype(float)
# Every column compared, so that a row repeated exactly is dropped as ICN merges it (SPEC 1.1).
links = links.drop_duplicates()
lap("load")
local_ids = firms.loc[firms["region"].str.startswith(prefix), "id"]
local = set(local_ids)
is_local_c = links["customer"].isin(local)
is_local_s = links["supplier"].isin(local)
bought = links[is_local_c]
all_in = bought["value"].sum()
local_in = bought.loc[is_local_s[is_local_c], "value"].sum()
gl = links[is_local_c & is_local_s].groupby(["supplier", "customer"], as_index=False)["value"].sum()
gl = gl[gl["supplier"] != gl["customer"]]
nodes = list(local_ids)
index = {f: i for i, f in enumerate(nodes)}
src = gl["supplier"].map(index).to_numpy()
dst = gl["customer"].map(index).to_numpy()
weight = gl["value"].to_numpy()
n, m = len(nodes), len(gl)
lap("G_L")
numbers.update(local_firms=n, local_links=m, density=m / (n * (n - 1)) if n > 1 else None,
               local_sourcing_ratio=float(local_in / all_in) if all_in > 0 else None)
rng = random.Random(1)
picked = rng.sample(range(n), min(sources, n))

if lib == "igraph":
    import igraph as ig
    g = ig.Graph(n=n, edges=list(zip(src.tolist(), dst.tolist())), directed=True)
    g.es["weight"] = weight.tolist()
    u = g.as_undirected(combine_edges="sum")
    lap("graph")
    comps = u.connected_components()
    cc = u.transitivity_local_undirected(mode="zero")
    numbers["largest_component_share"] = max(comps.sizes()) / n
    numbers["avg_clustering"] = sum(cc) / n
    numbers["max_core"] = max(u.coreness())
    lap("cohesion")
    pr = g.pagerank(weights="weight")
    lap("pagerank")
    times["betweenness"] = None  # python-igraph 0.10 has no betweenness from chosen sources
    lap("skip")
    u.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
    lap("communities")
    numbers["articulation_points"] = len(u.articulation_points())
    lap("articulation")
elif lib == "graph_tool":
    import graph_tool.all as gt
    g = gt.Graph(directed=True)
    g.add_vertex(n)
    g.add_edge_list(list(zip(src.tolist(), dst.tolist())))
    w = g.new_edge_property("double")
    w.a = weight
    u = gt.Graph(g)
    u.set_directed(False)
    gt.remove_parallel_edges(u)  # the reciprocal pairs merge (their weights are not needed here)
    lap("graph")
    comp, hist = gt.label_components(u)
    numbers["largest_component_share"] = hist.max() / n
    numbers["avg_clustering"] = float(gt.local_clustering(u).a.sum() / n)
    numbers["max_core"] = int(gt.kcore_decomposition(u).a.max())
    lap("cohesion")
    pr = gt.pagerank(g, weight=w).a
    lap("pagerank")
    gt.betweenness(u, pivots=picked)
    lap("betweenness")
    times["communities"] = None
    _, art, _ = gt.label_biconnected_components(u)
    numbers["articulation_points"] = int(art.a.sum())
    lap("articulation")
else:
    import networkx as nx
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), weight.tolist()))
    u = nx.Graph()
    u.add_nodes_from(range(n))
    for a, b, x in zip(src.tolist(), dst.tolist(), weight.tolist()):
        if u.has_edge(a, b):
            u[a][b]["weight"] += x
        else:
            u.add_edge(a, b, weight=x)
    lap("graph")
    numbers["largest_component_share"] = max(len(c) for c in nx.connected_components(u)) / n
    numbers["avg_clustering"] = nx.average_clustering(u)
    numbers["max_core"] = max(nx.core_number(u).values())
    lap("cohesion")
    prd = nx.pagerank(g, weight="weight", tol=1e-10)
    pr = [prd[i] for i in range(n)]
    lap("pagerank")
    nx.betweenness_centrality_subset(u, sources=picked, targets=list(u.nodes()), weight=None)
    lap("betweenness")
    nx.community.louvain_communities(u, weight="weight", seed=1)
    lap("communities")
    numbers["articulation_points"] = sum(1 for _ in nx.articulation_points(u))
    lap("articulation")

numbers["pagerank"] = {str(nodes[i]): float(pr[i]) for i in range(n)}
segments = pd.read_csv(f"{chain}/segments.csv", dtype=str)["id"]
counts = firms[firms["id"].isin(local)]["segment"].str.split(";").explode().value_counts()
numbers["missing"] = sorted(s for s in segments if counts.get(s, 0) == 0)
numbers["weak"] = sorted(s for s in segments if 0 < counts.get(s, 0) < 2)
lap("gaps")
times["total"] = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"lib": lib, "times": times, "peak_mb": peak, "numbers": numbers}))
