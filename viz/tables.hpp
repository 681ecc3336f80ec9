// SPDX-License-Identifier: MIT
// The tables a planner opens in Excel (SPEC 4): gaps, attract, match, leaders, cohesion by
// segment, diagnostics and the firm directory, built once as typed tables and written as CSV
// (UTF-8 with a byte order mark, RFC 4180, numbers in full precision plain decimal) and as the
// sheets of report.xlsx (viz/workbook.hpp). Headers in the report language, with the unit of
// amounts ("本地供货金额（万元）"); text is neutralised against formula injection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "viz/report_data.hpp"

namespace icn {

inline constexpr std::size_t kLeadersCsvRows = 1000;

enum class ColumnKind { text, number, amount, share, count };

struct TableColumn {
    std::string header;
    ColumnKind kind = ColumnKind::text;
};

struct TableCell {
    std::string text;              // for text columns (as written; neutralised when written out)
    std::optional<double> number;  // for the others; nullopt = empty
};

struct DataTable {
    std::string sheet;  // the sheet name in report.xlsx
    std::string file;   // the CSV file name ("" when there is no CSV of it)
    std::vector<TableColumn> columns;
    std::vector<std::vector<TableCell>> rows;
};

DataTable gaps_table(const ReportInput& input);
DataTable attract_table(const ReportInput& input);
DataTable match_table(const ReportInput& input);
DataTable leaders_table(const ReportInput& input);
DataTable segments_table(const ReportInput& input);
DataTable diagnostics_table(const ReportInput& input);
DataTable firms_table(const ReportInput& input);

// Every table of the report, in sheet order.
std::vector<DataTable> report_tables(const ReportInput& input);

std::string to_csv(const DataTable& table);

inline std::string gaps_csv(const ReportInput& in) { return to_csv(gaps_table(in)); }
inline std::string attract_csv(const ReportInput& in) { return to_csv(attract_table(in)); }
inline std::string match_csv(const ReportInput& in) { return to_csv(match_table(in)); }
inline std::string leaders_csv(const ReportInput& in) { return to_csv(leaders_table(in)); }

// One CSV field, quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view text);

// Text for a spreadsheet cell, neutralised against formula injection (OWASP): text beginning
// with =, +, -, @, tab or CR gets a leading apostrophe. Numbers are never passed through this.
std::string csv_text(std::string_view text);

}  // namespace icn
