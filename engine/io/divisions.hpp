// SPDX-License-Identifier: MIT
// China's statistical divisions (province, prefecture, county: NBS 2023, shipped in
// models/regions/ with its source): codes and names both ways, so that a planner may write
// `--region 洛阳市` and a firm's region may be a code, a name or a full address (SPEC 1.1, 1.3).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "models/dataset.hpp"
#include "models/issue.hpp"

namespace icn {

struct Division {
    std::string code;       // six digits: 410000 province, 410300 prefecture, 410311 county
    std::string name;       // 洛阳市
    std::string full_name;  // 河南省洛阳市 (municipalities' 市辖区 left out)
    std::string display;    // as reports show it: 洛阳市, 洛阳市涧西区, 北京市朝阳区
    int level = 0;          // 1 province, 2 prefecture, 3 county
};

// What a region text resolved to: a division, or the candidates of an ambiguous name.
struct RegionMatch {
    std::optional<std::string> code;          // six digits
    std::vector<const Division*> candidates;  // when the name is ambiguous
    bool by_code = false;                     // the text was a code
    bool known = true;                        // a code in the table (false: retired or unknown)
};

class DivisionTable {
public:
    // Reads provinces.csv, cities.csv and areas.csv of `folder`; problems go to `issues`.
    static DivisionTable read(const std::filesystem::path& folder, Issues& issues);

    bool empty() const { return divisions_.empty(); }
    std::size_t size() const { return divisions_.size(); }
    const Division* find_code(std::string_view six_digits) const;

    // A code of 2, 4, 6, 9 or 12 digits (the first six count), a division's name (临清市), its
    // full name (山东省聊城市临清市), or an address that begins with one (河南省洛阳市涧西区建设路
    // 1号: the most specific division named at its start). Names that several divisions share
    // (朝阳区) come back as candidates.
    RegionMatch resolve(std::string_view text) const;

    // "洛阳市 (410300)", "洛阳市涧西区 (410305)"; the code alone when the table does not know it.
    std::string display(std::string_view code) const;

private:
    std::vector<Division> divisions_;
    std::unordered_map<std::string, std::size_t> by_code_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_name_;  // name and full name
};

// A code padded to six digits (41 -> 410000, 4103 -> 410300); 9 and 12 digits keep their first
// six. The text must be all digits.
std::string six_digit_code(std::string_view code);

// --region values: names become codes through the table; an ambiguous name is an error (file
// "--region") listing its candidates with full names and codes; a code or an unknown name is
// kept as given.
std::vector<std::string> resolve_region_options(const std::vector<std::string>& regions,
                                                const DivisionTable& table, Issues& issues);

// Firms' regions written as names or addresses become codes (9- and 12-digit codes their first
// six); an ambiguous name is an error at the firm's line; a code the table does not know and a
// text it cannot place are warnings, once per value with the number of firms.
void resolve_firm_regions(Dataset& dataset, const DivisionTable& table,
                          const std::string& firms_file, Issues& issues);

// Folders searched for the shipped table: $ICN_REGIONS_DIR, <exe>/../share/icn/regions, the
// source tree's models/regions.
std::optional<std::filesystem::path> find_divisions_folder();

}  // namespace icn
