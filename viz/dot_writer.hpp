// SPDX-License-Identifier: MIT
// The two diagrams as DOT text (pure functions, golden-tested):
// - chain_dot: the template's segments by tier, upstream to downstream left to right, each
//   coloured by its gap status and labelled with its name and local firm count; broken flows
//   dashed and red; a legend.
// The network diagrams are in viz/network_diagram.hpp; this header also holds what both share.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "viz/report_data.hpp"

namespace icn {

inline constexpr const char* kDiagramFont = "Noto Sans CJK SC";

std::string chain_dot(const ReportInput& input);

// A segment's state as the diagrams colour it (the worst of its gaps; missing before weak before
// dependent).
struct SegmentStatus {
    const char* key;
    const char* fill;
    const char* zh;
    const char* en;
};
struct ChainStatus {
    std::vector<const SegmentStatus*> segments;                // per segment
    std::set<std::pair<std::uint32_t, std::uint32_t>> broken;  // broken flows (from, to)
};
ChainStatus chain_status(const ReportInput& input);
const SegmentStatus& segment_status_ok();
const SegmentStatus& segment_status_missing();

// 上游 / 中游 / 下游 (Upstream / ...) for stages 1-3, nullptr for other stages.
const char* tier_label(int stage, bool zh);

// "digraph NAME {" and the graph, node and edge defaults every diagram shares (CJK font).
std::string dot_header(std::string_view name, std::string_view rankdir);

// A DOT double-quoted string: quotes and backslashes escaped, newlines as \n.
std::string dot_quote(std::string_view text);

}  // namespace icn
