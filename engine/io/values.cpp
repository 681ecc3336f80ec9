// SPDX-License-Identifier: MIT
#include "engine/io/values.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "engine/io/csv.hpp"

namespace icn {
namespace {

// Full-width forms (U+FF01..U+FF5E) are ASCII + 0xFEE0; in UTF-8 they are EF BC xx / EF BD xx.
// Returns false if text holds anything but ASCII and full-width ASCII.
bool normalise_width(std::string_view text, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        if (c == 0xEF && i + 2 < text.size()) {
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            unsigned code = 0;
            if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) code = 0xFF00u + (b2 - 0x80u);
            if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) code = 0xFF40u + (b2 - 0x80u);
            if (code != 0) {
                out += static_cast<char>(code - 0xFEE0u);
                i += 3;
                continue;
            }
        }
        return false;
    }
    return true;
}

// Removes thousands separators when they group digits by three before the decimal point.
bool strip_thousands(std::string& s) {
    const std::size_t comma = s.find(',');
    if (comma == std::string::npos) return true;
    std::size_t begin = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    std::size_t point = s.find_first_of(".eE");
    if (point == std::string::npos) point = s.size();
    // Integer part: d{1,3}(,ddd)+
    std::size_t first = s.find(',', begin);
    if (first == begin || first - begin > 3 || first > point) return false;
    for (std::size_t i = first; i < point; i += 4) {
        if (s[i] != ',' || i + 4 > point) return false;
        for (std::size_t k = i + 1; k < i + 4; ++k) {
            if (s[k] < '0' || s[k] > '9') return false;
        }
    }
    if (s.find(',', point) != std::string::npos) return false;
    std::string out;
    for (char c : s) {
        if (c != ',') out += c;
    }
    s = std::move(out);
    return true;
}

bool prepare_number(std::string_view text, std::string& buffer) {
    text = trim(text);
    if (text.empty()) return false;
    if (!normalise_width(text, buffer)) return false;
    if (!strip_thousands(buffer)) return false;
    if (!buffer.empty() && buffer[0] == '+') buffer.erase(0, 1);
    return !buffer.empty();
}

bool equals_any(std::string_view text, std::initializer_list<std::string_view> options) {
    for (std::string_view option : options) {
        if (text == option) return true;
    }
    return false;
}

}  // namespace

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::optional<double> parse_number(std::string_view text) {
    // Fast path: plain ASCII notation, parsed in place.
    if (!text.empty() && text.size() < 40 && text.front() != '+' && text.back() != ' ') {
        bool plain = true;
        for (char c : text) {
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E' ||
                  c == '+')) {
                plain = false;
                break;
            }
        }
        if (plain) {
            double value = 0;
            const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value,
                                                   std::chars_format::general);
            if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value)) {
                return std::nullopt;
            }
            return value;
        }
    }
    thread_local std::string buffer;
    if (!prepare_number(text, buffer)) return std::nullopt;
    // "inf", "nan" and hex are refused before from_chars sees them.
    for (char c : buffer) {
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == 'e' || c == 'E' || c == '+'))
            return std::nullopt;
    }
    double value = 0;
    const char* first = buffer.data();
    const char* last = first + buffer.size();
    const auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
    if (ec != std::errc() || ptr != last || !std::isfinite(value)) return std::nullopt;
    return value;
}

std::optional<int> parse_int(std::string_view text) {
    if (!text.empty() && text.size() < 12 && text.front() != '+' &&
        std::all_of(text.begin(), text.end(),
                    [](char c) { return (c >= '0' && c <= '9') || c == '-'; })) {
        int value = 0;
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
        return value;
    }
    thread_local std::string buffer;
    if (!prepare_number(text, buffer)) return std::nullopt;
    int value = 0;
    const char* first = buffer.data();
    const char* last = first + buffer.size();
    const auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || ptr != last) return std::nullopt;
    return value;
}

std::optional<bool> parse_bool(std::string_view text) {
    text = trim(text);
    if (text.empty()) return false;
    const std::string lower = ascii_lower(text);
    if (equals_any(lower, {"1", "true", "yes", "y", "是"})) return true;
    if (equals_any(lower, {"0", "false", "no", "n", "否"})) return false;
    return std::nullopt;
}

std::optional<FirmSize> parse_firm_size(std::string_view text) {
    text = trim(text);
    if (text.empty()) return FirmSize::unknown;
    const std::string lower = ascii_lower(text);
    if (equals_any(lower, {"large", "大型", "大", "大型企业"})) return FirmSize::large;
    if (equals_any(lower, {"medium", "中型", "中", "中型企业"})) return FirmSize::medium;
    if (equals_any(lower, {"small", "小型", "小", "小型企业"})) return FirmSize::small;
    if (equals_any(lower, {"micro", "微型", "微", "微型企业"})) return FirmSize::micro;
    return std::nullopt;
}

std::optional<int> parse_tier(std::string_view text) {
    text = trim(text);
    const std::string lower = ascii_lower(text);
    if (equals_any(lower, {"upstream", "上游"})) return 1;
    if (equals_any(lower, {"midstream", "中游"})) return 2;
    if (equals_any(lower, {"downstream", "下游"})) return 3;
    const auto stage = parse_int(text);
    if (stage && *stage >= 0) return stage;
    return std::nullopt;
}

std::optional<double> unit_in_wan_yuan(std::string_view unit) {
    const std::string u = ascii_lower(trim(unit));
    if (u == "元" || u == "yuan" || u == "人民币元") return 1e-4;
    if (u == "千元" || u == "thousand_yuan") return 0.1;
    if (u == "万元" || u == "10k_yuan") return 1.0;
    if (u == "百万元" || u == "million_yuan") return 100.0;
    if (u == "亿元" || u == "100m_yuan") return 1e4;
    return std::nullopt;
}

std::string dataset_unit_name(double unit_in_wan) {
    if (unit_in_wan == 1e-4) return "元";
    if (unit_in_wan == 0.1) return "千元";
    if (unit_in_wan == 100.0) return "百万元";
    if (unit_in_wan == 1e4) return "亿元";
    return "万元";
}

std::optional<std::string_view> parse_tag(std::string_view text) {
    // Quotes of every style and white space are dropped: 专精特新"小巨人", “小巨人”, 「小巨人」.
    static const std::string_view kDropped[] = {"\"", "'",  "“",  "”",  "‘", "’",  "「", "」",
                                                "『", "』", "《", "》", " ", "\t", "　"};
    std::string bare = ascii_lower(trim(text));
    for (std::string_view drop : kDropped) {
        for (std::size_t at = bare.find(drop); at != std::string::npos; at = bare.find(drop, at)) {
            bare.erase(at, drop.size());
        }
    }
    struct Known {
        std::string_view code;
        std::initializer_list<std::string_view> names;
    };
    static const Known kKnown[] = {
        {"champion",
         {"champion", "制造业单项冠军", "制造业单项冠军企业", "制造业单项冠军示范企业",
          "国家级制造业单项冠军", "单项冠军", "单项冠军企业"}},
        {"little_giant",
         {"little_giant", "littlegiant", "专精特新小巨人", "专精特新小巨人企业",
          "国家级专精特新小巨人", "国家级专精特新小巨人企业", "小巨人", "小巨人企业"}},
        {"srdi", {"srdi", "专精特新中小企业", "省级专精特新中小企业", "专精特新企业", "专精特新"}},
        {"innovative", {"innovative", "创新型中小企业"}},
        {"hnte", {"hnte", "高新技术企业", "国家高新技术企业", "国家级高新技术企业", "高企"}},
    };
    for (const Known& known : kKnown) {
        for (std::string_view name : known.names) {
            if (bare == name) return known.code;
        }
    }
    return std::nullopt;
}

std::vector<char32_t> utf8_code_points(std::string_view text) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
        for (std::size_t k = 1; k < len && i + k < text.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        }
        out.push_back(cp);
        i += len;
    }
    return out;
}

std::size_t edit_distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

}  // namespace icn
