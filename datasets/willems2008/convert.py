#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Converts the Willems (2008) multi-echelon supply chains into ICN datasets.

Input: the folder described in ../shared/data/willems2008_msom_supply_chains/SOURCE.md
(chains/NN_SD.csv stages, chains/NN_LL.csv arcs, summary/table8_routings.csv).
Output, under OUT:
  NN/firms.csv   one firm per stage: id and name = Stage Name, segment = stage type,
                 region = "willems-NN" (the data has no geography), stage columns kept
  NN/links.csv   one link per arc, sourceStage -> destinationStage (no values: each counts 1)
  chain/         a chain template of the five stage types, flows from the published routings

Usage: convert.py SOURCE_DIR OUT_DIR
"""
import csv
import os
import re
import sys

# Stage types in order along the chain; "Parts" occurs as a variant spelling of "Part".
STAGES = [
    ("part", "零部件", "upstream", "Part"),
    ("manuf", "制造", "midstream", "Manufacturing"),
    ("trans", "运输", "midstream", "Transportation"),
    ("dist", "分销", "downstream", "Distribution"),
    ("retail", "零售", "downstream", "Retail"),
]
ALIASES = {"parts": "part"}
KEPT = ["stageCost", "relDepth", "stageTime"]


def segment_of(kind):
    key = kind.strip().lower()
    return ALIASES.get(key, key)


def write_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def convert(source, out):
    chains = os.path.join(source, "chains")
    count = 0
    for name in sorted(os.listdir(chains)):
        if not name.endswith("_SD.csv"):
            continue
        number = name[:2]
        with open(os.path.join(chains, name), newline="", encoding="utf-8") as f:
            stages = list(csv.DictReader(f))
        with open(os.path.join(chains, number + "_LL.csv"), newline="", encoding="utf-8") as f:
            arcs = list(csv.DictReader(f))
        firms = [[s["Stage Name"], s["Stage Name"], "willems-" + number,
                  segment_of(s["stageClassification"])] + [s.get(k, "") for k in KEPT]
                 for s in stages]
        write_csv(os.path.join(out, number, "firms.csv"),
                  ["id", "name", "region", "segment"] + KEPT, firms)
        write_csv(os.path.join(out, number, "links.csv"), ["supplier", "customer"],
                  [[a["sourceStage"], a["destinationStage"]] for a in arcs])
        count += 1

    # Routings as published: "Part -> Manuf -> Dist"; one is written "Part > Manuf", and a row
    # starting with "->" continues the routing of the row before it (a wrapped table cell).
    flows = set()
    previous = None
    with open(os.path.join(source, "summary", "table8_routings.csv"), newline="",
              encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = row["routing"].strip()
            steps = [segment_of(s) for s in re.split(r"-?>", text) if s.strip()]
            if text.startswith(("-", ">")) and previous:
                steps = [previous] + steps
            for a, b in zip(steps, steps[1:]):
                flows.add((a, b))
            previous = steps[-1] if steps else None
    write_csv(os.path.join(out, "chain", "segments.csv"), ["id", "name", "tier", "name_en"],
              [[i, zh, tier, en] for i, zh, tier, en in STAGES])
    write_csv(os.path.join(out, "chain", "flows.csv"), ["from", "to"], sorted(flows))
    return count


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(f"converted {convert(sys.argv[1], sys.argv[2])} chains", file=sys.stderr)
