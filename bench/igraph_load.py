#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Peer for bench/load.sh: loads an ICN dataset's firms.csv and links.csv into python-igraph
(Debian's python3-igraph) the plain way: the csv module, a dict of firm ids, Graph + weights."""
import csv
import sys
import time

import igraph as ig

start = time.perf_counter()
folder = sys.argv[1]
with open(f"{folder}/firms.csv", newline="", encoding="utf-8-sig") as f:
    reader = csv.reader(f)
    header = next(reader)
    id_col = header.index("id")
    index = {row[id_col]: i for i, row in enumerate(reader)}
edges = []
weights = []
with open(f"{folder}/links.csv", newline="", encoding="utf-8-sig") as f:
    reader = csv.reader(f)
    header = next(reader)
    s_col, c_col, v_col = header.index("supplier"), header.index("customer"), header.index("value")
    for row in reader:
        edges.append((index[row[s_col]], index[row[c_col]]))
        weights.append(float(row[v_col]))
graph = ig.Graph(n=len(index), edges=edges, directed=True)
graph.es["weight"] = weights
print(f"python-igraph load {time.perf_counter() - start:.3f} s: "
      f"{graph.vcount()} vertices, {graph.ecount()} edges")
