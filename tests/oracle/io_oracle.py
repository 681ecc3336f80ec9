# SPDX-License-Identifier: MIT
"""Independent computation of SPEC 3.7 with NumPy, for tests/engine/analysis/io_test.cpp:
reads an NBS-layout table with the csv module, and prints JSON {code: [backward, forward,
upstreamness, downstreamness]}. usage: io_oracle.py TABLE.csv"""
import csv
import json
import sys

import numpy as np


def main():
    rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
    head = rows[0]
    col = {h: i for i, h in enumerate(head)}
    origin = "Origin" in col
    first = col["Origin"] + 1 if origin else col["DescriptionInChinese"] + 1
    codes = head[first:col["TIU"]]
    n = len(codes)
    idx = {c: i for i, c in enumerate(codes)}
    z = np.zeros((n, n))
    zd = np.zeros((n, n))
    go = np.zeros(n); ex = np.zeros(n); im = np.zeros(n); inv = np.zeros(n)
    ti = None
    num = lambda s: float(s) if s not in ("", "NA") else 0.0
    for r in rows[1:]:
        code = r[col["Code"]]
        if code in idx:
            i = idx[code]
            vals = np.array([num(v) for v in r[first:first + n]])
            z[i] += vals
            imports_block = origin and r[col["Origin"]] == "Imports"
            if imports_block:
                continue
            zd[i] = vals
            get = lambda k: num(r[col[k]]) if k in col else 0.0
            go[i], ex[i], im[i], inv[i] = get("GO"), get("EX"), get("IM"), get("FU202")
        elif code == "TI":
            ti = np.array([num(v) for v in r[first:first + n]])
    go = np.where(go == 0, ti, go)
    a = z / np.where(ti > 0, ti, 1.0)
    a[:, ti <= 0] = 0
    L = np.linalg.inv(np.eye(n) - a)
    bl = n * L.sum(axis=0) / L.sum()
    fl = n * L.sum(axis=1) / L.sum()
    corrected = go - ex + im - inv
    zz = zd if origin else z
    delta = np.where(corrected[:, None] > 0, zz / np.where(corrected > 0, corrected, 1.0)[:, None], 0.0)
    u = np.linalg.solve(np.eye(n) - delta, np.ones(n))
    resid = np.abs((np.eye(n) - a) @ L - np.eye(n)).max()
    d = L.sum(axis=0)  # downstreamness: production stages embodied (Fally 2012)
    print(json.dumps({"sectors": {c: [bl[i], fl[i], u[i], d[i]] for i, c in enumerate(codes)},
                      "identity_residual": resid}))


if __name__ == "__main__":
    main()
