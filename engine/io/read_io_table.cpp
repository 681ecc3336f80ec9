// SPDX-License-Identifier: MIT
#include "engine/io/read_io_table.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>

#include "engine/io/csv.hpp"
#include "engine/io/text_file.hpp"
#include "engine/io/values.hpp"
#include "engine/util/message.hpp"

namespace icn {

namespace {

// One line of a `;`-separated file, fields unquoted ("a;b" inside quotes stays one field).
std::vector<std::string> split_semicolons(std::string_view line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == ';' && !quoted) {
            fields.emplace_back();
        } else if (c != '\r') {
            fields.back() += c;
        }
    }
    return fields;
}

// "1 396 917" (spaces or no-break spaces as thousands separators) -> 1396917.
std::optional<double> wiod_number(std::string_view text) {
    std::string digits;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ') continue;
        if (static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
            static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        digits += text[i];
    }
    if (digits.empty()) return 0.0;
    return parse_number(digits);
}

std::optional<IoTable> read_wiod(const TextFile& file, const std::string& display, Issues& issues,
                                 const IoReadOptions& options) {
    std::vector<std::vector<std::string>> lines;
    std::vector<std::uint32_t> line_numbers;
    std::size_t start = 0;
    std::uint32_t number = 0;
    const std::string& text = file.text;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) start = 3;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        ++number;
        if (end > start) {
            lines.push_back(split_semicolons(std::string_view(text).substr(start, end - start)));
            line_numbers.push_back(number);
        }
        start = end + 1;
    }
    if (lines.size() < 3) {
        issues.error(display, 0, "a WIOD table needs a header, a description row and data rows");
        return std::nullopt;
    }
    const std::vector<std::string>& header = lines[0];
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
    for (const char* required : {"Year", "Code", "Origin", "EXP", "INVEN", "GO"}) {
        if (column.count(required) == 0)
            issues.error(display, 1, msg("missing required column '{}'", required));
    }
    if (issues.has_errors()) return std::nullopt;
    IoTable t;
    t.display = display;
    t.source = "WIOD";
    t.non_competitive = true;
    const std::size_t first = column["Origin"] + 1;
    std::size_t last = first;  // sectors run to the first final-use column
    while (last < header.size() && header[last].rfind("CONS", 0) != 0) ++last;
    for (std::size_t i = first; i < last; ++i) t.codes.push_back(header[i]);
    const std::size_t n = t.codes.size();
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i) index[t.codes[i]] = i;
    t.names_en.assign(n, "");
    for (std::size_t i = 0; i < n && first + i < lines[1].size(); ++i)
        t.names_en[i] = lines[1][first + i];
    t.names_zh = t.names_en;  // WIOD has English names only
    // The year: the one asked for, else the latest.
    std::set<int> years;
    for (std::size_t r = 2; r < lines.size(); ++r) {
        if (const auto y = parse_number(lines[r][column["Year"]]))
            years.insert(static_cast<int>(*y));
    }
    if (years.empty()) {
        issues.error(display, 0, "no year in the Year column");
        return std::nullopt;
    }
    const int year = options.year.value_or(*years.rbegin());
    if (years.count(year) == 0) {
        std::string list;
        for (const int y : years) list += (list.empty() ? "" : ", ") + std::to_string(y);
        issues.error(display, 0, msg("no year {} in the table (it has {})", year, list));
        return std::nullopt;
    }
    t.year = year;
    t.z.assign(n * n, 0);
    t.domestic_z.assign(n * n, 0);
    t.gross_output.assign(n, 0);
    t.exports.assign(n, 0);
    t.imports.assign(n, 0);
    t.inventory.assign(n, 0);
    std::map<std::string, std::vector<double>> totals;
    for (std::size_t r = 2; r < lines.size(); ++r) {
        const std::vector<std::string>& row = lines[r];
        if (row.size() < header.size()) {
            issues.error(display, line_numbers[r],
                         msg("{} fields, expected {}", row.size(), header.size()));
            continue;
        }
        const auto y = parse_number(row[column["Year"]]);
        if (!y || static_cast<int>(*y) != year) continue;
        const auto value = [&](std::size_t col) {
            const auto v = wiod_number(row[col]);
            if (!v) {
                issues.error(display, line_numbers[r],
                             msg("{} is not a number (column {})", row[col], header[col]));
                return 0.0;
            }
            return *v;
        };
        const std::string& origin = row[column["Origin"]];
        const std::string& code = row[column["Code"]];
        if (origin == "TOT") {
            auto& out = totals[code];
            out.resize(n);
            for (std::size_t j = 0; j < n; ++j) out[j] = value(first + j);
            continue;
        }
        const auto it = index.find(code);
        if (it == index.end()) continue;
        const std::size_t i = it->second;
        const bool domestic = origin == "Domestic";
        for (std::size_t j = 0; j < n; ++j) {
            const double v = value(first + j);
            t.z[i * n + j] += v;
            if (domestic) t.domestic_z[i * n + j] = v;
        }
        if (domestic) {
            t.exports[i] = value(column["EXP"]);
            t.inventory[i] = value(column["INVEN"]);
            t.gross_output[i] = value(column["GO"]);
        }
    }
    if (totals.count("GO") == 0) issues.error(display, 0, msg("no GO row for {}", year));
    if (issues.has_errors()) return std::nullopt;
    t.total_input = totals["GO"];
    // Identities, with the slack of rounding: a sum of k whole numbers may be off by k/2.
    const auto check = [&](double a, double b, std::size_t terms, const std::string& what,
                           const std::string& code) {
        const double slack = options.tolerance * std::max({std::fabs(a), std::fabs(b), 1.0}) +
                             0.5 * static_cast<double>(terms);
        if (std::fabs(a - b) > slack) {
            issues.error(display, 0,
                         msg("sector {}: {} do not balance ({} against {}; rounding slack {})",
                             code, what, a, b, slack));
        }
    };
    const auto row_of = [&](const char* name) {
        const auto it = totals.find(name);
        return it == totals.end() ? std::vector<double>(n, 0.0) : it->second;
    };
    const std::vector<double> ii = row_of("II_fob"), va = row_of("VA"), ttm = row_of("IntTTM");
    std::vector<double> other(n, 0.0);
    for (const char* name : {"TXSP", "EXP_adj", "PURR", "PURNR"}) {
        const std::vector<double> v = row_of(name);
        for (std::size_t j = 0; j < n; ++j) other[j] += v[j];
    }
    for (std::size_t j = 0; j < n; ++j) {
        double column_sum = 0;
        for (std::size_t i = 0; i < n; ++i) column_sum += t.z[i * n + j];
        if (totals.count("II_fob"))
            check(column_sum + other[j], ii[j], 2 * n + 5, "intermediate inputs and II_fob",
                  t.codes[j]);
        check(ii[j] + va[j] + ttm[j], t.total_input[j], 4, "II_fob + VA + IntTTM and GO",
              t.codes[j]);
    }
    if (issues.has_errors()) return std::nullopt;
    return t;
}

}  // namespace

std::optional<IoTable> read_io_table(const std::filesystem::path& path, const std::string& display,
                                     Issues& issues, const IoReadOptions& options) {
    const double tolerance = options.tolerance;
    const std::string bea =
        "a BEA use table (commodities by industries) cannot give "
        "industry-by-industry input coefficients without the make table, "
        "which is not given: ICN does not read it (use an NBS or WIOD "
        "national table)";
    {
        std::ifstream in(path, std::ios::binary);
        char magic[2] = {0, 0};
        in.read(magic, 2);
        if (magic[0] == 'P' && magic[1] == 'K' &&
            path.filename().string().find("IOUse") != std::string::npos) {
            issues.error(display, 0, bea);
            return std::nullopt;
        }
    }
    auto file = read_text_file(path, display, issues);
    if (!file) return std::nullopt;
    std::string_view content = file->text;
    if (content.rfind("\xEF\xBB\xBF", 0) == 0) content.remove_prefix(3);
    if (content.rfind("Year;Code;", 0) == 0) return read_wiod(*file, display, issues, options);
    std::string first_line(content.substr(0, content.find('\n')));
    std::transform(first_line.begin(), first_line.end(), first_line.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (first_line.find("commodity") != std::string::npos) {
        issues.error(display, 1, bea);
        return std::nullopt;
    }
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
