// SPDX-License-Identifier: MIT
// The two diagrams as DOT text (pure functions, golden-tested):
// - chain_dot: the template's segments by tier, upstream to downstream left to right, each
//   coloured by its gap status and labelled with its name and local firm count; broken flows
//   dashed and red; a legend.
// - network_dot: local firms grouped by segment, leaders emphasised, external suppliers apart
//   and grey, edge width by value. Above kNetworkFullLimit local firms, only the firms that
//   matter (leaders, gap candidates, cut points) are drawn, the rest of each segment as one
//   aggregate node, and the figure says so.
#pragma once

#include <string>

#include "viz/report_data.hpp"

namespace icn {

inline constexpr std::size_t kNetworkFullLimit = 60;  // local firms drawn one by one up to this
inline constexpr std::size_t kNetworkMaxEdges = 70;   // strongest edges drawn
inline constexpr const char* kDiagramFont = "Noto Sans CJK SC";

std::string chain_dot(const ReportInput& input);
std::string network_dot(const ReportInput& input);

// A DOT double-quoted string: quotes and backslashes escaped, newlines as \n.
std::string dot_quote(std::string_view text);

}  // namespace icn
