// SPDX-License-Identifier: MIT
#include "engine/io/read_io_table.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/io/csv.hpp"
#include "engine/io/text_file.hpp"
#include "engine/io/values.hpp"
#include "engine/util/message.hpp"

namespace icn {

std::optional<IoTable> read_io_table(const std::filesystem::path& path, const std::string& display,
                                     Issues& issues, double tolerance) {
    auto file = read_text_file(path, display, issues);
    if (!file) return std::nullopt;
    CsvParser parser(file->text, display, issues);
    CsvRecord record;
    if (!parser.next(record)) {
        issues.error(display, 1, "empty file: expected a header row (Code,Description,...)");
        return std::nullopt;
    }
    std::map<std::string, std::size_t> column;
    std::vector<std::string> header;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        header.emplace_back(trim(record.fields[i]));
        column[header.back()] = i;
    }
    for (const char* required : {"Code", "DescriptionInChinese", "TIU"}) {
        if (column.count(required) == 0) {
            issues.error(display, 1, msg("missing required column '{}'", required));
        }
    }
    if (issues.has_errors()) return std::nullopt;
    IoTable t;
    t.display = display;
    // Sector columns: between the description columns and TIU.
    std::vector<std::size_t> sector_column;
    const std::size_t first =
        column.count("Origin") ? column["Origin"] + 1 : column["DescriptionInChinese"] + 1;
    for (std::size_t i = first; i < column["TIU"]; ++i) {
        t.codes.push_back(header[i]);
        sector_column.push_back(i);
    }
    t.non_competitive = column.count("Origin") != 0;
    const std::size_t n = t.codes.size();
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i) index[t.codes[i]] = i;
    t.z.assign(n * n, 0);
    if (t.non_competitive) t.domestic_z.assign(n * n, 0);
    t.names_en.assign(n, "");
    t.names_zh.assign(n, "");
    t.gross_output.assign(n, 0);
    t.exports.assign(n, 0);
    t.imports.assign(n, 0);
    t.inventory.assign(n, 0);
    std::vector<double> tii(n, 0), tva(n, 0), ti(n, 0);
    bool have_tii = false, have_tva = false, have_ti = false;
    const auto value = [&](std::size_t col, std::uint32_t line) -> double {
        if (col >= record.fields.size()) return 0;
        const std::string_view text = trim(record.fields[col]);
        if (text.empty() || text == "NA") return 0;
        const auto v = parse_number(text);
        if (!v) {
            issues.error(display, line,
                         msg("{} is not a number (column {})", std::string(text), header[col]));
            return 0;
        }
        return *v;
    };
    const auto optional_col = [&](const char* name) {
        return column.count(name) ? column[name] : static_cast<std::size_t>(-1);
    };
    while (parser.next(record)) {
        if (record.bad) continue;
        const std::string code(trim(record.fields[column["Code"]]));
        const std::uint32_t line = record.line;
        if (const auto it = index.find(code); it != index.end()) {
            const std::size_t i = it->second;
            const bool imports_block =
                t.non_competitive && trim(record.fields[column["Origin"]]) == "Imports";
            if (!imports_block) {
                t.names_en[i] = std::string(trim(record.fields[column["Description"]]));
                t.names_zh[i] = std::string(trim(record.fields[column["DescriptionInChinese"]]));
            }
            for (std::size_t j = 0; j < n; ++j) {
                const double v = value(sector_column[j], line);
                t.z[i * n + j] += v;
                if (t.non_competitive && !imports_block) t.domestic_z[i * n + j] = v;
            }
            if (imports_block) continue;
            const auto get = [&](const char* name) {
                const std::size_t c = optional_col(name);
                return c == static_cast<std::size_t>(-1) ? 0.0 : value(c, line);
            };
            t.gross_output[i] = get("GO");
            t.exports[i] = get("EX");
            t.imports[i] = get("IM");
            t.inventory[i] = get("FU202");
            continue;
        }
        const auto fill = [&](std::vector<double>& out) {
            for (std::size_t j = 0; j < n; ++j) out[j] = value(sector_column[j], line);
        };
        if (code == "TII") {
            fill(tii);
            have_tii = true;
        } else if (code == "TVA") {
            fill(tva);
            have_tva = true;
        } else if (code == "TI") {
            fill(ti);
            have_ti = true;
        }
    }
    if (!have_ti) issues.error(display, 0, "no TI (total input) row");
    if (issues.has_errors()) return std::nullopt;
    t.total_input = ti;
    // Identities, each within `tolerance` relative to the larger side.
    const auto check = [&](double a, double b, const std::string& what, const std::string& code) {
        const double scale = std::max({std::fabs(a), std::fabs(b), 1.0});
        if (std::fabs(a - b) > tolerance * scale) {
            issues.error(display, 0,
                         msg("sector {}: {} do not balance ({} against {}; tolerance {})", code,
                             what, a, b, tolerance));
        }
    };
    for (std::size_t j = 0; j < n; ++j) {
        double column_sum = 0;
        for (std::size_t i = 0; i < n; ++i) column_sum += t.z[i * n + j];
        if (have_tii) check(column_sum, tii[j], "intermediate inputs and TII", t.codes[j]);
        if (have_tii && have_tva) check(tii[j] + tva[j], ti[j], "TII + TVA and TI", t.codes[j]);
        if (t.gross_output[j] == 0) t.gross_output[j] = ti[j];
    }
    if (issues.has_errors()) return std::nullopt;
    return t;
}

}  // namespace icn
