// SPDX-License-Identifier: MIT
// firm_years.csv (optional): yearly output, R&D expense and employees per firm (SPEC 1.1).
#include <map>

#include <fmt/format.h>

#include "engine/io/read_dataset.hpp"
#include "engine/io/reader_support.hpp"
#include "engine/io/values.hpp"
#include "engine/util/message.hpp"

namespace icn {
namespace {
enum Column { kFirm, kYear, kOutput, kRd, kEmployees };
}

void read_firm_years(TextFile file, Dataset& dataset, Issues& issues) {
    using detail::Bound;
    using detail::quote_value;
    const std::string& display = file.display;
    CsvParser parser(file.text, display, issues);
    const auto maybe_header =
        read_header(Table::firm_years, parser, display, issues, detail::dataset_unit(dataset));
    if (!maybe_header) return;
    const Header& header = *maybe_header;
    CsvRecord record;
    const bool check_firms = !dataset.firms.empty();
    std::map<std::pair<std::uint32_t, int>, std::uint32_t> first_line;

    while (parser.next(record)) {
        if (record.bad || !detail::check_width(record, header, display, issues)) continue;
        const std::uint32_t line = record.line;
        bool ok = true;
        FirmYear row;
        row.line = line;
        const std::string_view id = detail::cell(record, header, kFirm);
        if (detail::is_example(id)) continue;
        if (id.empty()) {
            issues.row_error(display, line, "empty firm");
            ok = false;
        } else if (const auto index = dataset.find_firm(id)) {
            row.firm = *index;
        } else {
            if (check_firms) {
                issues.row_error(display, line,
                                 msg("unknown firm {}: not in firms.csv", quote_value(id)));
            }
            ok = false;
        }
        const std::string_view year_text = detail::cell(record, header, kYear);
        if (const auto year = parse_int(year_text); year && *year >= 1900 && *year <= 2200) {
            row.year = *year;
        } else {
            issues.row_error(display, line,
                             msg("year {} is not a year (1900-2200)", quote_value(year_text)));
            ok = false;
        }
        const auto number = [&](Column column, std::string_view name) {
            return detail::number_cell(detail::cell(record, header, column), name,
                                       Bound::non_negative, display, line, issues, ok,
                                       header.scale[column]);
        };
        row.output = number(kOutput, "output");
        row.rd_expense = number(kRd, "rd_expense");
        row.employees = number(kEmployees, "employees");
        if (!ok) continue;
        auto [it, inserted] = first_line.emplace(std::make_pair(row.firm, row.year), line);
        if (!inserted) {
            issues.row_error(display, line,
                             msg("duplicate row for firm {} in {} (first at line {})",
                                 quote_value(id), row.year, it->second));
            continue;
        }
        dataset.firm_years.push_back(row);
    }
}

}  // namespace icn
