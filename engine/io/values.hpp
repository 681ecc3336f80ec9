// SPDX-License-Identifier: MIT
// Cell values as SPEC section 1 allows them: numbers, booleans, firm sizes, tiers, years.
// Each parser returns nullopt for text it does not accept; the caller names the file and line.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/firm.hpp"

namespace icn {

// The magnitudes ICN accepts in a number cell. No firm, link or cluster comes near 1e15 (in 万元
// that is 10^19 元, above the world's output); a positive link value below 1e-9 is a unit
// mistake. Inside these bounds every sum ICN forms stays finite (at most 2^32 rows), and the
// reciprocal distances of path measures stay finite. docs/input-format.md.
inline constexpr double kMaxAmount = 1e15;
inline constexpr double kMinPositiveValue = 1e-9;

// Decimal or exponent notation, finite. Full-width digits (０-９, ．, －, ＋) are normalised;
// thousands separators are accepted when they group digits by three ("1,000", "12,345.6").
std::optional<double> parse_number(std::string_view text);

// A whole number in int range, same normalisation as parse_number ("2023", "２０２３").
std::optional<int> parse_int(std::string_view text);

// 1/0, true/false (any case), yes/no, y/n, 是/否; empty = false.
std::optional<bool> parse_bool(std::string_view text);

// large/medium/small/micro (any case), 大型/中型/小型/微型, 大/中/小/微; empty = unknown.
std::optional<FirmSize> parse_firm_size(std::string_view text);

// upstream/midstream/downstream (any case), 上游/中游/下游 -> 1/2/3, or a stage number >= 0.
std::optional<int> parse_tier(std::string_view text);

std::string ascii_lower(std::string_view text);

// The code points of UTF-8 text, and the edit distance (Levenshtein) between two such lists:
// how close a header or a template id is to a known one, for "did you mean" messages.
std::vector<char32_t> utf8_code_points(std::string_view text);
std::size_t edit_distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b);

// A firm tag as ICN's code (SPEC 1.1): champion, little_giant, srdi, innovative, hnte, from the
// code (any case) or the Chinese name as written in certificates and lists (制造业单项冠军,
// 专精特新"小巨人" in any quote style, 专精特新中小企业, 创新型中小企业, 高新技术企业, and their
// common short forms); nullopt for any other tag.
std::optional<std::string_view> parse_tag(std::string_view text);
inline constexpr std::string_view kKnownTags =
    "champion (制造业单项冠军), little_giant (专精特新\"小巨人\"), srdi (专精特新中小企业), "
    "innovative (创新型中小企业), hnte (高新技术企业)";

// How many 万元 one unit is: 元 1e-4, 千元 0.1, 万元 1, 百万元 100, 亿元 1e4 (also yuan,
// thousand_yuan, 10k_yuan, million_yuan, 100m_yuan); nullopt for anything else.
std::optional<double> unit_in_wan_yuan(std::string_view unit);

// The dataset's unit for amounts: cluster.json's output_unit, default 万元.
std::string dataset_unit_name(double unit_in_wan);

}  // namespace icn
