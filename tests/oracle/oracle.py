#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Independent oracle for ICN's network measures and gaps, written from SPEC sections 3.1-3.5
and docs/algorithms/, on Debian's python3-networkx and python3-numpy.

Usage: oracle.py CASES.json  ->  prints a JSON list, one result per case.
Each case: {"dataset": folder, "chain": folder, "region_prefix": "371581",
            "membership": [...] (optional: a partition of the local firms, in firms.csv order,
            whose modularity is recomputed), "min_firms": 2, "max_external": 0.5}
"""
import csv
import json
import sys

import networkx as nx
import numpy as np


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def region_matches(region, prefix):
    return region.isdigit() and region.startswith(prefix)


def cohesion_five(G, local, all_in_value, local_in_value):
    """SPEC 3.1's five measures for the local firms `local` (a list) of directed graph G."""
    sub = G.subgraph(local)
    n = len(local)
    out = {"local_firms": n, "local_links": sub.number_of_edges()}
    out["density"] = sub.number_of_edges() / (n * (n - 1)) if n >= 2 else None
    total = sum(all_in_value[f] for f in local)
    out["local_sourcing_ratio"] = (sum(local_in_value[f] for f in local) / total) if total > 0 else None
    if n == 0:
        out["largest_component_share"] = None
        out["avg_clustering"] = None
    else:
        und = nx.Graph(sub.to_undirected())
        out["largest_component_share"] = max(len(c) for c in nx.connected_components(und)) / n
        out["avg_clustering"] = nx.average_clustering(und)
    return out


def pagerank_exact(G, nodes, damping):
    """PageRank by solving the linear system; dangling nodes jump uniformly."""
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    M = np.zeros((n, n))
    dangling = np.zeros(n)
    for v in nodes:
        out = [(w, d["weight"]) for w, d in G[v].items()]
        total = sum(x for _, x in out)
        if total == 0:
            dangling[index[v]] = 1
            continue
        for w, x in out:
            M[index[w], index[v]] += x / total
    # x = d M x + d (dangling . x) / n + (1 - d) / n, with sum x = 1
    A = np.eye(n) - damping * M - damping * np.outer(np.ones(n), dangling) / n
    b = np.full(n, (1 - damping) / n)
    x = np.linalg.solve(A, b)
    x = x / x.sum()
    return {v: float(x[index[v]]) for v in nodes}


def cut_off_after_removal(und, v):
    comp = nx.node_connected_component(und, v)
    rest = und.subgraph(comp - {v})
    pieces = [len(c) for c in nx.connected_components(rest)]
    return (len(comp) - 1) - (max(pieces) if pieces else 0)


def gaps_reference(chain_dir, firms, links, local, min_firms, max_external):
    segments = read_csv(f"{chain_dir}/segments.csv")
    flows = read_csv(f"{chain_dir}/flows.csv")
    ids = [s["id"] for s in segments]
    lists = {f["id"]: set(x.strip() for x in f.get("segment", "").split(";") if x.strip()) for f in firms}
    local_of = {s: [f for f in local if s in lists[f]] for s in ids}
    touched = any(l["supplier"] in local or l["customer"] in local for l in links)
    out = []
    for s in ids:
        n = len(local_of[s])
        if n == 0:
            out.append({"kind": "missing", "segment": s})
            continue
        if n < min_firms:
            out.append({"kind": "weak", "segment": s, "local_firms": n})
        if not touched:
            continue
        total = external = 0.0
        for l in links:
            if s in lists[l["supplier"]] and l["customer"] in local:
                total += l["value"]
                if l["supplier"] not in local:
                    external += l["value"]
        if total > 0 and external / total > max_external:
            out.append({"kind": "dependent", "segment": s, "external_share": external / total})
    if touched:
        local_pairs = {(l["supplier"], l["customer"]) for l in links
                       if l["supplier"] in local and l["customer"] in local}
        seen = set()
        for fl in flows:
            a, b = fl["from"], fl["to"]
            if a == b or (a, b) in seen:
                continue
            seen.add((a, b))
            if not local_of[a] or not local_of[b]:
                continue
            if any(b in lists[f] for f in local_of[a]):
                continue
            if any((x, y) in local_pairs for x in local_of[a] for y in local_of[b]):
                continue
            out.append({"kind": "broken", "from": a, "to": b})
    return out


def attract_reference(chain_dir, firms, links, local, gaps, top=10):
    """docs/algorithms/recommendations.md (SPEC 3.4): external firms of each missing, weak or
    dependent segment, once per segment, score = 0.5 value/max + 0.5 customers/max + fit/100;
    ties by firm id."""
    flows = read_csv(f"{chain_dir}/flows.csv")
    lists = {f["id"]: [x.strip() for x in f.get("segment", "").split(";") if x.strip()] for f in firms}
    sold = {}  # (supplier, customer) -> value, parallel rows summed
    for l in links:
        sold[(l["supplier"], l["customer"])] = sold.get((l["supplier"], l["customer"]), 0) + l["value"]
    out = []
    listed = set()
    for gap in gaps:
        if gap["kind"] not in ("missing", "weak", "dependent") or gap["segment"] in listed:
            continue
        seg = gap["segment"]
        listed.add(seg)
        supplied = {fl["to"] for fl in flows if fl["from"] == seg}
        cands = []
        for f in firms:
            fid = f["id"]
            if fid in local or seg not in lists[fid]:
                continue
            customers = [(c, v) for (s, c), v in sold.items() if s == fid]
            local_c = [(c, v) for c, v in customers if c in local]
            total = sum(v for _, v in customers)
            fitting = sum(v for c, v in customers if any(x in supplied for x in lists[c]))
            cands.append({"firm": fid, "n": len(local_c), "value": sum(v for _, v in local_c),
                          "fit": fitting / total if total > 0 else 0})
        max_v = max([c["value"] for c in cands], default=0)
        max_n = max([c["n"] for c in cands], default=0)
        for c in cands:
            c["score"] = ((0.5 * c["value"] / max_v if max_v > 0 else 0) +
                          (0.5 * c["n"] / max_n if max_n > 0 else 0) + c["fit"] / 100)
        cands.sort(key=lambda c: (-c["score"], c["firm"]))
        out += [{"segment": seg, "firm": c["firm"], "score": c["score"]} for c in cands[:top]]
    return out


def without_repeats(rows):
    """SPEC section 2: a row that repeats an earlier one exactly is merged (kept once)."""
    seen, out = set(), []
    for r in rows:
        key = tuple(sorted(r.items()))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def run(case):
    firms = without_repeats(read_csv(f"{case['dataset']}/firms.csv"))
    links = without_repeats(read_csv(f"{case['dataset']}/links.csv"))
    for l in links:
        l["value"] = float(l["value"]) if l.get("value") not in (None, "") else 1.0
    if case.get("year") is not None:
        links = [l for l in links if int(l["year"]) == case["year"]]
    prefix = case["region_prefix"]
    local_list = [f["id"] for f in firms if region_matches(f["region"], prefix)]
    local = set(local_list)
    segments = [s["id"] for s in read_csv(f"{case['chain']}/segments.csv")]
    in_template = set(segments)
    first_segment = {}
    for f in firms:
        listed = [x.strip() for x in f.get("segment", "").split(";") if x.strip() in in_template]
        first_segment[f["id"]] = listed[0] if listed else None

    G = nx.DiGraph()
    G.add_nodes_from(local_list)
    all_in = {f: 0.0 for f in local_list}
    local_in = {f: 0.0 for f in local_list}
    for l in links:
        s, c, v = l["supplier"], l["customer"], l["value"]
        if c in local:
            all_in[c] += v
            if s in local:
                local_in[c] += v
        if s in local and c in local:
            if G.has_edge(s, c):
                G[s][c]["weight"] += v
            else:
                G.add_edge(s, c, weight=v)
    result = {"cohesion": cohesion_five(G, local_list, all_in, local_in)}
    listed = {f["id"]: {x.strip() for x in f.get("segment", "").split(";")} for f in firms}
    result["segments"] = {}
    for seg in segments:
        members = [f for f in local_list if seg in listed[f]]
        result["segments"][seg] = cohesion_five(G, members, all_in, local_in)

    und = nx.Graph()
    und.add_nodes_from(local_list)
    for s, c, d in G.edges(data=True):
        if und.has_edge(s, c):
            und[s][c]["weight"] += d["weight"]
        else:
            und.add_edge(s, c, weight=d["weight"])
    blocks = {}
    for f in local_list:
        blocks.setdefault(first_segment[f], set()).add(f)
    result["segment_modularity"] = (nx.community.modularity(und, list(blocks.values()), weight="weight")
                                    if und.number_of_edges() else None)
    if "membership" in case and und.number_of_edges():
        parts = {}
        for f, m in zip(local_list, case["membership"]):
            parts.setdefault(m, set()).add(f)
        result["membership_modularity"] = nx.community.modularity(und, list(parts.values()), weight="weight")
    cores = nx.core_number(und) if local_list else {}
    result["max_core"] = max(cores.values()) if cores else 0
    result["top_core_share"] = (sum(1 for v in cores.values() if v == result["max_core"]) / len(local_list)
                                if local_list else None)
    result["reciprocity"] = nx.overall_reciprocity(G) if G.number_of_edges() else None
    purchases = {}  # customer -> supplier -> value (parallel rows summed)
    for l in links:
        if l["customer"] in local:
            per = purchases.setdefault(l["customer"], {})
            per[l["supplier"]] = per.get(l["supplier"], 0) + l["value"]
    hhi = []
    for f in local_list:
        per = purchases.get(f, {})
        total = sum(per.values())
        if total > 0:
            hhi.append(sum((x / total) ** 2 for x in per.values()))
    result["supplier_hhi_median"] = float(np.median(hhi)) if hhi else None
    leaders = [f["id"] for f in firms if f["id"] in local and f.get("leader", "0").strip().lower() in ("1", "true", "yes", "y", "是")]
    result["designated_leaders"] = leaders
    if leaders:
        reached = set()
        for leader in leaders:
            reached |= set(nx.single_source_shortest_path_length(und, leader, cutoff=2))
        smes = [f["id"] for f in firms if f["id"] in local and f.get("size", "") in ("medium", "small", "micro")
                and f["id"] not in leaders]
        result["leader_reach"] = (sum(1 for f in smes if f in reached) / len(smes)) if smes else None
    result["pagerank"] = pagerank_exact(G, local_list, 0.85)
    D = nx.DiGraph()
    D.add_nodes_from(local_list)
    for s, c, d in G.edges(data=True):
        D.add_edge(s, c, dist=1.0 / d["weight"])
    result["betweenness"] = nx.betweenness_centrality(D, weight="dist", normalized=False)
    simple = nx.Graph(und)
    points = sorted(nx.articulation_points(simple))
    result["articulation_points"] = {v: cut_off_after_removal(simple, v) for v in points}
    result["bridges"] = sorted(sorted(e) for e in nx.bridges(simple))
    result["gaps"] = gaps_reference(case["chain"], firms, links, local,
                                    case.get("min_firms", 2), case.get("max_external", 0.5))
    result["attract"] = attract_reference(case["chain"], firms, links, local, result["gaps"])
    result["single_sources"] = single_sources_reference(case["chain"], firms, links, local)
    result["match"] = match_reference(case["chain"], firms, local_list, simple, result["gaps"])
    result["leaders"] = leaders_reference(case["chain"], firms, local_list, G, result["pagerank"],
                                          result["betweenness"], leaders)
    return result


def single_sources_reference(chain_dir, firms, links, local):
    """docs/algorithms/resilience.md: for each local customer and template segment, the
    segment's suppliers of that customer (local or not, parallel rows summed); one supplier only
    is a single source."""
    ids = {s["id"] for s in read_csv(f"{chain_dir}/segments.csv")}
    lists = {f["id"]: {x.strip() for x in f.get("segment", "").split(";") if x.strip() in ids}
             for f in firms}
    bought = {}  # (customer, segment) -> {supplier: value}
    for l in links:
        if l["customer"] not in local:
            continue
        for seg in lists[l["supplier"]]:
            per = bought.setdefault((l["customer"], seg), {})
            per[l["supplier"]] = per.get(l["supplier"], 0) + l["value"]
    return [{"customer": c, "segment": seg, "supplier": next(iter(per)),
             "value": next(iter(per.values()))}
            for (c, seg), per in bought.items() if len(per) == 1]


def match_reference(chain_dir, firms, local_list, und, gaps, top=10):
    """docs/algorithms/recommendations.md: for each broken flow S -> T, pairs of a local firm a
    of S (not itself in T) and a local firm b of T: resource allocation over shared local
    partners (sum of 1 / degree) plus 0.01 times deg(a) deg(b) over its largest value among the
    flow's pairs; ranked by the score rounded to 12 decimals, then supplier and customer id."""
    ids = {s["id"] for s in read_csv(f"{chain_dir}/segments.csv")}
    lists = {f["id"]: {x.strip() for x in f.get("segment", "").split(";") if x.strip() in ids}
             for f in firms}
    out = []
    for g in gaps:
        if g["kind"] != "broken":
            continue
        S = [f for f in local_list if g["from"] in lists[f]]
        T = [f for f in local_list if g["to"] in lists[f]]
        biggest = max((und.degree(a) * und.degree(b) for a in S for b in T), default=0)
        cands = []
        for a in S:
            if g["to"] in lists[a]:
                continue
            for b in T:
                if a == b:
                    continue
                common = set(und.neighbors(a)) & set(und.neighbors(b))
                ra = sum(1 / und.degree(z) for z in common)
                pa = und.degree(a) * und.degree(b) / biggest if biggest > 0 else 0
                cands.append((ra + 0.01 * pa, a, b, len(common)))
        cands.sort(key=lambda c: (-round(c[0] * 1e12), c[1], c[2]))
        out += [{"from": g["from"], "to": g["to"], "supplier": a, "customer": b, "score": sc,
                 "shared": n} for sc, a, b, n in cands[:top]]
    return out


def leaders_reference(chain_dir, firms, local_list, G, pagerank, betweenness, designated):
    """SPEC 3.3 as docs/algorithms/leaders.md states it: five components, each divided by its
    largest value among local firms, weighted 0.30/0.25/0.20/0.10/0.15; ranked by score
    rounded to 12 decimals, ties by id; a firm acts as a leader when it ranks among the top max(5, designated) and has a
    local supplier."""
    tiers = {"upstream": 1, "midstream": 2, "downstream": 3, "上游": 1, "中游": 2, "下游": 3}
    stage = {}
    for s in read_csv(f"{chain_dir}/segments.csv"):
        t = s["tier"].strip().lower()
        stage[s["id"]] = tiers[t] if t in tiers else int(t)
    lo, hi = min(stage.values()), max(stage.values())
    listed = {f["id"]: [x.strip() for x in f.get("segment", "").split(";") if x.strip() in stage]
              for f in firms}
    n = len(local_list)
    pairs = (n - 1) * (n - 2) if n > 2 else 1
    comps = {}
    for f in local_list:
        segs = listed[f]
        position = 0.0
        if segs:
            top_stage = max(stage[x] for x in segs)
            position = (top_stage - lo) / (hi - lo) if hi > lo else 1.0
        comps[f] = [G.in_degree(f), sum(d["weight"] for _, _, d in G.in_edges(f, data=True)),
                    pagerank[f], betweenness[f] / pairs, position]
    weights = [0.30, 0.25, 0.20, 0.10, 0.15]
    tops = [max((c[k] for c in comps.values()), default=0) for k in range(5)]
    score = {f: sum(weights[k] * c[k] / tops[k] for k in range(5) if tops[k] > 0)
             for f, c in comps.items()}
    ranked = sorted(local_list, key=lambda f: (-round(score[f] * 1e12), f))
    looked_at = min(max(5, len(designated)), n)
    acts = {f: i < looked_at and comps[f][0] > 0 for i, f in enumerate(ranked)}
    return {"ranked": ranked, "score": score, "acts": acts,
            "acting_count": sum(1 for v in acts.values() if v),
            "designated_inactive": sorted(f for f in designated if not acts[f]),
            "undesignated_acting": sorted(f for f, a in acts.items() if a and f not in designated)}


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    print(json.dumps([run(c) for c in cases]))
