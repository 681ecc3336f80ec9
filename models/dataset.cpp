// SPDX-License-Identifier: MIT
#include "models/dataset.hpp"

namespace icn {

std::optional<std::uint32_t> Dataset::find_segment_label(std::string_view label) const {
    for (std::size_t i = 0; i < segment_labels.size(); ++i) {
        if (segment_labels[i] == label) return static_cast<std::uint32_t>(i);
    }
    return std::nullopt;
}

}  // namespace icn
