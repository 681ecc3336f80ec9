// SPDX-License-Identifier: MIT
#include "engine/io/divisions.hpp"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "engine/io/csv.hpp"
#include "engine/io/text_file.hpp"
#include "engine/util/message.hpp"
#include "models/region.hpp"

namespace icn {
namespace {

// Placeholder prefecture names that are not places (municipalities' districts, counties
// administered by the province): never matched by name, left out of full names.
bool placeholder(std::string_view name) {
    return name == "市辖区" || name == "县" ||
           name.find("直辖县级行政区划") != std::string_view::npos;
}

// A division's code without its trailing 00 pairs: the prefix its children share.
std::string_view stem(std::string_view code) {
    while (code.size() > 2 && code.substr(code.size() - 2) == "00") code.remove_suffix(2);
    return code;
}

std::vector<std::vector<std::string>> rows(const std::filesystem::path& file, Issues& issues) {
    std::vector<std::vector<std::string>> out;
    auto text = read_text_file(file, file.string(), issues);
    if (!text) return out;
    CsvParser parser(text->text, file.string(), issues);
    CsvRecord record;
    bool header = true;
    while (parser.next(record)) {
        if (header) {
            header = false;
            continue;
        }
        std::vector<std::string> row;
        for (std::string_view field : record.fields) row.emplace_back(trim(field));
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace

std::string six_digit_code(std::string_view code) {
    std::string out(code.size() == 9 || code.size() == 12 ? code.substr(0, 6) : code);
    while (out.size() < 6) out += '0';
    return out;
}

DivisionTable DivisionTable::read(const std::filesystem::path& folder, Issues& issues) {
    DivisionTable table;
    std::unordered_map<std::string, std::string> province_name, city_name;
    for (const auto& row : rows(folder / "provinces.csv", issues)) {
        if (row.size() < 2) continue;
        province_name[row[0]] = row[1];
        table.divisions_.push_back({six_digit_code(row[0]), row[1], row[1], row[1], 1});
    }
    for (const auto& row : rows(folder / "cities.csv", issues)) {
        if (row.size() < 3) continue;
        city_name[row[0]] = placeholder(row[1]) ? "" : row[1];
        const std::string full = province_name[row[2]] + city_name[row[0]];
        table.divisions_.push_back({six_digit_code(row[0]), row[1], full, row[1], 2});
    }
    for (const auto& row : rows(folder / "areas.csv", issues)) {
        if (row.size() < 4) continue;
        // A county is shown with its prefecture (洛阳市涧西区), or its province where the
        // prefecture is no place (北京市朝阳区, 济源市).
        const std::string& city = city_name[row[2]];
        const std::string shown = city.empty() ? (row[2].size() == 4 && row[2].substr(2) == "90"
                                                      ? row[1]
                                                      : province_name[row[3]] + row[1])
                                               : city + row[1];
        table.divisions_.push_back(
            {six_digit_code(row[0]), row[1], province_name[row[3]] + city + row[1], shown, 3});
    }
    for (std::size_t i = 0; i < table.divisions_.size(); ++i) {
        const Division& d = table.divisions_[i];
        table.by_code_.emplace(d.code, i);
        if (placeholder(d.name)) continue;  // 市辖区 is no place; its full name is the city's
        table.by_name_[d.name].push_back(i);
        if (d.full_name != d.name) table.by_name_[d.full_name].push_back(i);
    }
    if (table.divisions_.empty()) {
        issues.error(folder.string(), 0, "no divisions: the region table is missing or empty");
    }
    return table;
}

const Division* DivisionTable::find_code(std::string_view six_digits) const {
    const auto it = by_code_.find(std::string(six_digits));
    return it == by_code_.end() ? nullptr : &divisions_[it->second];
}

RegionMatch DivisionTable::resolve(std::string_view text) const {
    RegionMatch match;
    text = trim(text);
    if (is_region_code(text)) {
        match.by_code = true;
        const std::size_t n = text.size();
        if (n == 2 || n == 4 || n == 6 || n == 9 || n == 12) {
            match.code = six_digit_code(text);
            match.known = find_code(*match.code) != nullptr;
        } else {
            match.known = false;
        }
        return match;
    }
    // The most specific division named at the start of the text: a province, then one of its
    // prefectures, then one of their counties; each step takes the longest name that fits.
    const Division* parent = nullptr;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t best_end = 0;
        std::vector<const Division*> best;
        for (std::size_t end = pos + 1; end <= text.size() && end - pos <= 64; ++end) {
            if (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
                continue;  // not at a character boundary
            }
            const auto it = by_name_.find(std::string(text.substr(pos, end - pos)));
            if (it == by_name_.end()) continue;
            std::vector<const Division*> fits;
            for (std::size_t i : it->second) {
                const Division& d = divisions_[i];
                if (parent != nullptr &&
                    (d.level <= parent->level ||
                     d.code.compare(0, stem(parent->code).size(), stem(parent->code)) != 0)) {
                    continue;
                }
                fits.push_back(&d);
            }
            if (!fits.empty()) {
                best_end = end;
                best = std::move(fits);
            }
        }
        if (best.empty()) break;
        if (best.size() > 1) {
            // The same name at one level in several places: ambiguous unless one is more
            // specific than all others (a full name matched its own division).
            match.candidates = best;
            match.code.reset();
            return match;
        }
        parent = best.front();
        pos = best_end;
    }
    if (parent != nullptr) match.code = parent->code;
    return match;
}

std::string DivisionTable::display(std::string_view code) const {
    const std::string six = is_region_code(code) ? six_digit_code(code) : std::string(code);
    if (const Division* d = find_code(six)) return fmt::format("{} ({})", d->display, d->code);
    return std::string(code);
}

std::optional<std::filesystem::path> find_divisions_folder() {
    std::vector<std::filesystem::path> paths;
    if (const char* env = std::getenv("ICN_REGIONS_DIR"); env != nullptr && *env != '\0') {
        paths.emplace_back(env);
    }
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) paths.push_back(exe.parent_path().parent_path() / "share" / "icn" / "regions");
    paths.emplace_back(ICN_SOURCE_REGIONS_DIR);
    for (const auto& p : paths) {
        if (std::filesystem::exists(p / "areas.csv", ec)) return p;
    }
    return std::nullopt;
}

std::vector<std::string> resolve_region_options(const std::vector<std::string>& regions,
                                                const DivisionTable& table, Issues& issues) {
    std::vector<std::string> out;
    for (const std::string& region : regions) {
        if (is_region_code(region) || table.empty()) {
            out.push_back(region);
            continue;
        }
        const RegionMatch match = table.resolve(region);
        if (!match.candidates.empty()) {
            std::string list;
            for (const Division* d : match.candidates) {
                list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", d->full_name, d->code);
            }
            issues.error("--region", 0,
                         msg("region '{}' names several divisions: {}; write the code or the "
                             "full name",
                             region, list));
            continue;
        }
        if (!match.code) {
            out.push_back(region);  // matched against the firms' regions as written
            continue;
        }
        out.push_back(*match.code);
    }
    return out;
}

void resolve_firm_regions(Dataset& dataset, const DivisionTable& table,
                          const std::string& firms_file, Issues& issues) {
    if (table.empty()) return;
    struct Seen {
        std::uint32_t line = 0;
        std::size_t firms = 0;
    };
    std::unordered_map<std::string, Seen> unknown_codes, unresolved;
    std::unordered_map<std::string, RegionMatch> cache;
    for (Firm& firm : dataset.firms) {
        if (firm.region.empty()) continue;
        auto it = cache.find(firm.region);
        if (it == cache.end()) it = cache.emplace(firm.region, table.resolve(firm.region)).first;
        const RegionMatch& match = it->second;
        if (match.by_code) {
            if (!match.known) {
                Seen& seen = unknown_codes[firm.region];
                if (seen.firms++ == 0) seen.line = firm.line;
            }
            if (match.code && (firm.region.size() == 9 || firm.region.size() == 12)) {
                firm.region = firm.region.substr(0, 6);
            }
            continue;
        }
        if (!match.candidates.empty()) {
            std::string list;
            for (const Division* d : match.candidates) {
                list += fmt::format("{}{} ({})", list.empty() ? "" : ", ", d->full_name, d->code);
            }
            issues.error(firms_file, firm.line,
                         msg("region '{}' names several divisions: {}; write the code or the "
                             "full name",
                             firm.region, list));
            continue;
        }
        if (!match.code) {
            Seen& seen = unresolved[firm.region];
            if (seen.firms++ == 0) seen.line = firm.line;
            continue;
        }
        firm.region = *match.code;
    }
    for (const auto& [code, seen] : unknown_codes) {
        issues.warning(firms_file, seen.line,
                       msg("region code '{}' ({} firms) is not in the 2023 division table "
                           "(a retired code?); it is matched by its digits",
                           code, seen.firms));
    }
    for (const auto& [text, seen] : unresolved) {
        issues.warning(firms_file, seen.line,
                       msg("region '{}' ({} firms) is neither a division code nor a division "
                           "name; it matches only a --region written the same way",
                           text, seen.firms));
    }
}

}  // namespace icn
