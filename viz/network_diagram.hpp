// SPDX-License-Identifier: MIT
// The network diagrams (DOT text, pure functions, golden-tested):
// - network_dot: the whole local network, left to right by tier (上游 -> 中游 -> 下游), every
//   template segment a box coloured by its gap status, holding its designated leaders (★), the
//   firms acting as leaders without designation (◆), the firms the gaps and recommendations name
//   and the cut points, the rest of the segment merged into one node; supply between segments
//   bundled into one arrow per pair of segments, width by value, at most kNetworkMaxBundles;
//   broken flows as red dashed arrows; a missing segment shows whom to attract.
// - segment_network_dot: one segment with a gap, its firms in the middle, their suppliers on the
//   left (local ones merged per segment, the largest external ones by name) and their customers
//   on the right.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "viz/report_data.hpp"

namespace icn {

inline constexpr std::size_t kNetworkMaxBundles = 30;      // arrows between segments
inline constexpr std::size_t kNetworkMaxExternal = 4;      // of them from outside the region
inline constexpr std::size_t kNetworkNamedPerSegment = 6;  // firms named per box, leaders aside
inline constexpr std::size_t kNetworkAllNamedUpTo = 40;    // local firms: all named up to this
inline constexpr std::size_t kSegmentViewFirms = 15;       // firms of the segment named in a view
inline constexpr std::size_t kSegmentViewEdges = 45;       // strongest arrows in a view

std::string network_dot(const ReportInput& input);

// The segments that get a view of their own: those a gap is about (either end of a broken flow
// too), in template order, each with the file name stem of its diagram.
struct SegmentView {
    std::uint32_t segment = 0;
    std::string file_stem;  // "network-03-ball_roller": never a path, never from raw input alone
};
std::vector<SegmentView> segment_views(const ReportInput& input);

std::string segment_network_dot(const ReportInput& input, std::uint32_t segment);
// "滚动体（缺链）的供应商与客户" as a figure's caption.
std::string segment_view_caption(const ReportInput& input, std::uint32_t segment);

// A segment id made safe as part of a file name: ASCII letters, digits, '-' and '_' kept, every
// other byte '_', at most 40 bytes ("../x" -> "___x").
std::string safe_file_part(std::string_view id);

}  // namespace icn
