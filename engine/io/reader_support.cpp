// SPDX-License-Identifier: MIT
#include "engine/io/reader_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "engine/io/values.hpp"
#include "engine/util/message.hpp"
#include "engine/util/parallel.hpp"

namespace icn::detail {

bool check_width(const CsvRecord& record, const Header& header, const std::string& display,
                 Issues& issues) {
    if (record.fields.size() == header.width) return true;
    issues.row_error(
        display, record.line,
        msg("ragged row: {} fields, but the header has {}", record.fields.size(), header.width));
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
                                  bool& ok, double scale) {
    if (text.empty()) return std::nullopt;
    auto value = parse_number(text);
    // Units are powers of ten apart: one multiplication or division by an exact integer, so
    // that 26581200 元 is exactly 2658.12 万元 (as exactly as a double holds it).
    if (value && scale != 1.0) {
        *value = scale > 1 ? *value * std::round(scale) : *value / std::round(1 / scale);
    }
    if (!value) {
        issues.row_error(display, line,
                         msg("{} {} is not a finite number", column, quote_value(text)));
        ok = false;
        return std::nullopt;
    }
    if (std::fabs(*value) > kMaxAmount) {
        issues.row_error(display, line,
                         msg("{} {} is beyond the largest value ICN accepts (1e15): check the "
                             "unit or the cell",
                             column, quote_value(text)));
        ok = false;
        return std::nullopt;
    }
    if (bound == Bound::positive && *value > 0 && *value < kMinPositiveValue) {
        issues.row_error(display, line,
                         msg("{} {} is below the smallest positive value ICN accepts (1e-9): "
                             "check the unit or the cell",
                             column, quote_value(text)));
        ok = false;
        return std::nullopt;
    }
    if (bound == Bound::positive && !(*value > 0)) {
        issues.row_error(display, line,
                         msg("{} {} must be a positive number", column, quote_value(text)));
        ok = false;
        return std::nullopt;
    }
    if (bound == Bound::non_negative && *value < 0) {
        issues.row_error(display, line,
                         msg("{} {} must not be negative", column, quote_value(text)));
        ok = false;
        return std::nullopt;
    }
    return *value + 0.0;  // -0 becomes 0
}

double dataset_unit(const Dataset& dataset) {
    return dataset.cluster ? dataset.cluster->unit_in_wan_yuan : 1.0;
}

std::vector<TextPart> split_rows(const std::string& text, std::size_t body, std::uint32_t body_line,
                                 unsigned threads) {
    constexpr std::size_t kPartBytes = std::size_t{4} << 20;
    const std::size_t size = text.size();
    std::size_t parts = 1;
    if (size - body > 2 * kPartBytes &&
        std::memchr(text.data() + body, '"', size - body) == nullptr) {
        parts = std::min<std::size_t>(resolve_threads(threads), (size - body) / kPartBytes);
    }
    std::vector<TextPart> out = {{body, size, body_line}};
    for (std::size_t p = 1; p < parts; ++p) {
        const std::size_t from = std::max(out.back().begin, body + (size - body) / parts * p);
        const void* newline = std::memchr(text.data() + from, '\n', size - from);
        if (newline == nullptr) break;
        const auto at =
            static_cast<std::size_t>(static_cast<const char*>(newline) - text.data()) + 1;
        if (at >= size) break;
        TextPart& last = out.back();
        last.end = at;
        out.push_back({at, size,
                       static_cast<std::uint32_t>(last.line + std::count(text.data() + last.begin,
                                                                         text.data() + at, '\n'))});
    }
    return out;
}

}  // namespace icn::detail
