// SPDX-License-Identifier: MIT
// Small helpers shared by the table readers: row width, typed cells with FILE:LINE errors.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/io/columns.hpp"
#include "engine/io/csv.hpp"
#include "models/dataset.hpp"
#include "models/issue.hpp"

namespace icn::detail {

enum class Bound { any, non_negative, positive };

// False (and an error) when the record's field count differs from the header's.
bool check_width(const CsvRecord& record, const Header& header, const std::string& display,
                 Issues& issues);

// The field of column `spec`, trimmed; empty when the column is absent.
inline std::string_view cell(const CsvRecord& record, const Header& header, std::size_t spec) {
    return header.has(spec) ? trim(record.fields[header.column[spec]]) : std::string_view{};
}

// Empty -> nullopt (no error); otherwise a number within `bound`, or an error naming the value.
// The value is multiplied by `scale` (a unit conversion, Header::scale) before the bounds are
// checked. `ok` is set to false on error.
std::optional<double> number_cell(std::string_view text, std::string_view column, Bound bound,
                                  const std::string& display, std::uint32_t line, Issues& issues,
                                  bool& ok, double scale = 1.0);

// The example rows of the workbook `icn init` writes start their first cell with this marker;
// readers skip them, so that an example is never analysed as a firm or a link.
inline constexpr std::string_view kExampleMarker = "【示例】";
inline bool is_example(std::string_view first_cell) {
    return first_cell.substr(0, kExampleMarker.size()) == kExampleMarker;
}

// The dataset's unit for amounts, in 万元 (cluster.json's output_unit; 1 when absent).
double dataset_unit(const Dataset& dataset);

// Shortens a value for a message: at most 60 bytes, cut at a UTF-8 boundary.
std::string quote_value(std::string_view text);

// A run of whole rows of a table's text: bytes [begin, end), the first at line `line`.
struct TextPart {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::uint32_t line = 0;
};
// The body of `text` (from byte `body`, line `body_line`) in parts to read side by side: at
// most one per thread and one per 4 MiB, each starting after a newline; one part when the text
// has a quote (a quoted cell could hold a newline).
std::vector<TextPart> split_rows(const std::string& text, std::size_t body, std::uint32_t body_line,
                                 unsigned threads);

}  // namespace icn::detail
