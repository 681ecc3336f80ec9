# SPDX-License-Identifier: MIT
"""Writes a CSV dataset as Excel workbooks, the way a planner's office would keep it, for the
round-trip and hostile-workbook tests (Debian's python3-openpyxl).

usage: csv_to_xlsx.py DATASET OUT per-table|single [--title] [--hidden-decoy]
  per-table: firms.xlsx, links.xlsx (and firm_years.xlsx) beside a copy of cluster.json
  single:    one workbook 集群数据.xlsx with sheets 企业名录, 供货关系, 历年数据
  --title:   a merged title row above each header (as government lists have)
  --hidden-decoy: a hidden sheet named like the table, holding rubbish, before the real one
Cells that read as numbers are written as numbers (region codes included), others as text.
"""
import csv
import os
import shutil
import sys

import openpyxl

SHEETS = {"firms": "企业名录", "links": "供货关系", "firm_years": "历年数据"}


def typed(text):
    try:
        number = float(text)
    except ValueError:
        return text
    if text.strip() != text or text.startswith("0") and len(text) > 1 and "." not in text:
        return text  # leading zeros are text in a planner's sheet too
    return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number


def fill(sheet, rows, title):
    if title:
        sheet.append([f"{sheet.title}（{len(rows) - 1}行）"])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(2, len(rows[0])))
    for row in rows:
        sheet.append([typed(c) for c in row])


def main():
    dataset, out, mode = sys.argv[1:4]
    title = "--title" in sys.argv
    decoy = "--hidden-decoy" in sys.argv
    os.makedirs(out, exist_ok=True)
    tables = {}
    for table in SHEETS:
        path = os.path.join(dataset, table + ".csv")
        if os.path.exists(path):
            with open(path, encoding="utf-8-sig", newline="") as f:
                tables[table] = list(csv.reader(f))
    if os.path.exists(os.path.join(dataset, "cluster.json")):
        shutil.copy(os.path.join(dataset, "cluster.json"), out)
    if mode == "per-table":
        for table, rows in tables.items():
            book = openpyxl.Workbook()
            fill(book.active, rows, title)
            book.save(os.path.join(out, table + ".xlsx"))
    else:
        book = openpyxl.Workbook()
        book.remove(book.active)
        for table, rows in tables.items():
            if decoy:
                hidden = book.create_sheet(table)
                hidden.append(["rubbish", "not", "a", "table"])
                hidden.sheet_state = "hidden"
            fill(book.create_sheet(SHEETS[table]), rows, title)
        book.save(os.path.join(out, "集群数据.xlsx"))


if __name__ == "__main__":
    main()
