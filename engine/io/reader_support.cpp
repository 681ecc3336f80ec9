// SPDX-License-Identifier: MIT
#include "engine/io/reader_support.hpp"

#include <cmath>

#include <fmt/format.h>

#include "engine/io/values.hpp"

namespace icn::detail {

bool check_width(const CsvRecord& record, const Header& header, const std::string& display,
                 Issues& issues) {
    if (record.fields.size() == header.width) return true;
    issues.error(display, record.line,
                 fmt::format("ragged row: {} fields, but the header has {}", record.fields.size(),
                             header.width));
    return false;
}

std::string quote_value(std::string_view text) {
    constexpr std::size_t kMax = 60;
    if (text.size() <= kMax) return fmt::format("'{}'", text);
    std::size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return fmt::format("'{}...' ({} bytes)", text.substr(0, cut), text.size());
}

std::optional<double> number_cell(std::string_view text, std::string_view column, Bound bound,
                                  const std::string& display, std::uint32_t line, Issues& issues,
                                  bool& ok) {
    if (text.empty()) return std::nullopt;
    const auto value = parse_number(text);
    if (!value) {
        issues.error(display, line,
                     fmt::format("{} {} is not a finite number", column, quote_value(text)));
        ok = false;
        return std::nullopt;
    }
    if (std::fabs(*value) > kMaxAmount) {
        issues.error(display, line,
                     fmt::format("{} {} is beyond the largest value ICN accepts (1e15): check the "
                                 "unit or the cell",
                                 column, quote_value(text)));
        ok = false;
        return std::nullopt;
    }
    if (bound == Bound::positive && *value > 0 && *value < kMinPositiveValue) {
        issues.error(display, line,
                     fmt::format("{} {} is below the smallest positive value ICN accepts (1e-9): "
                                 "check the unit or the cell",
                                 column, quote_value(text)));
        ok = false;
        return std::nullopt;
    }
    if (bound == Bound::positive && !(*value > 0)) {
        issues.error(display, line,
                     fmt::format("{} {} must be a positive number", column, quote_value(text)));
        ok = false;
        return std::nullopt;
    }
    if (bound == Bound::non_negative && *value < 0) {
        issues.error(display, line,
                     fmt::format("{} {} must not be negative", column, quote_value(text)));
        ok = false;
        return std::nullopt;
    }
    return *value + 0.0;  // -0 becomes 0
}

}  // namespace icn::detail
