// SPDX-License-Identifier: MIT
#include "models/chain_template.hpp"

namespace icn {

std::optional<std::uint32_t> ChainTemplate::find(std::string_view segment_id) const {
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (segments[i].id == segment_id) return static_cast<std::uint32_t>(i);
    }
    return std::nullopt;
}

}  // namespace icn
