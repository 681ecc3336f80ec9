// SPDX-License-Identifier: MIT
// The columns of each input table and their header aliases (SPEC section 1; the full list is
// in docs/input-format.md). Headers are matched after trimming, ASCII case folded.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/io/csv.hpp"
#include "models/issue.hpp"

namespace icn {

enum class Table { firms, links, firm_years, segments, flows };

struct ColumnSpec {
    std::string_view name;  // canonical name
    bool required;
    std::vector<std::string_view> aliases;  // other accepted headers, Chinese first
    bool amount = false;  // money: a unit in the header (金额(万元)) converts its values
};

const std::vector<ColumnSpec>& column_specs(Table table);

inline constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);

struct Header {
    std::vector<std::size_t> column;  // per ColumnSpec of the table: field index, or kAbsent
    std::vector<std::string> extra_names;
    std::vector<std::size_t> extra_columns;  // field indices of columns ICN does not interpret
    std::vector<double> scale;  // per ColumnSpec: factor into the dataset's unit (1 = as read)
    std::size_t width = 0;
    bool usable = false;  // every required column is present

    bool has(std::size_t spec) const { return column[spec] != kAbsent; }
};

// Maps a header record; a missing required column is an error at line 1. A header may carry a
// unit in half- or full-width brackets (金额(万元), 产值（亿元）): it is matched without the unit,
// and an amount column's values are converted from that unit into the dataset's
// (`dataset_unit`, in 万元), with a note. A header that resembles a column it does not name gets
// a warning naming the closest alias.
Header map_header(Table table, const CsvRecord& record, const std::string& display, Issues& issues,
                  double dataset_unit = 1.0);

// Reads and maps the first record of a table; nullopt (with the errors) for an empty file or a
// header without a required column.
std::optional<Header> read_header(Table table, CsvParser& parser, const std::string& display,
                                  Issues& issues, double dataset_unit = 1.0);

// A header split into its name and the unit in brackets at its end ("金额(万元)" -> "金额",
// "万元"); the unit is empty when there is none.
struct HeaderText {
    std::string name;
    std::string unit;
};
HeaderText split_unit(std::string_view header);

}  // namespace icn
