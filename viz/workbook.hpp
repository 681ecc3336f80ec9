// SPDX-License-Identifier: MIT
// report.xlsx: every table of the report (viz/tables.hpp) as a sheet of typed cells (Debian's
// libxlsxwriter): numbers as numbers with formats (amounts #,##0.00, shares 0.0%, counts #,##0),
// text always written as a string (never a formula), a frozen bold header with a filter, and
// column widths fitted to the content (CJK characters counted double).
#pragma once

#include <filesystem>
#include <vector>

#include "viz/tables.hpp"

namespace icn {

// Writes the tables to `file`; throws OutputError when the file cannot be written.
void write_workbook(const std::vector<DataTable>& tables, const std::filesystem::path& file);

// The workbook a planner fills in (`icn init`): sheets 企业名录, 供货关系, 历年数据 with Chinese
// headers and one example row each (its first cell starts with 【示例】, so readers skip it),
// 集群概况 (what cluster.json holds) and 填写说明 (instructions).
void write_dataset_template(const std::filesystem::path& file);

}  // namespace icn
