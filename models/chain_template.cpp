// SPDX-License-Identifier: MIT
#include "models/chain_template.hpp"

namespace icn {

std::optional<std::uint32_t> ChainTemplate::find(std::string_view segment_id) const {
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (segments[i].id == segment_id) return static_cast<std::uint32_t>(i);
    }
    return std::nullopt;
}

namespace {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

}  // namespace

std::optional<std::uint32_t> ChainTemplate::find_label(std::string_view label) const {
    if (const auto by_id = find(label)) return by_id;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (segments[i].name == label) return static_cast<std::uint32_t>(i);
    }
    const std::string lower = lower_ascii(label);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (!segments[i].name_en.empty() && lower_ascii(segments[i].name_en) == lower) {
            return static_cast<std::uint32_t>(i);
        }
    }
    return std::nullopt;
}

}  // namespace icn
