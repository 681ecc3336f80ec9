// SPDX-License-Identifier: MIT
// A chain template: the segments of an industrial chain and the flows between them (SPEC 1.2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icn {

struct Segment {
    std::string id;
    std::string name;  // Chinese name
    std::string name_en;
    std::string description;
    std::string tier;  // as written: upstream / midstream / downstream, or a stage number
    int stage = 0;     // upstream = 1, midstream = 2, downstream = 3, or the stage number given
    double weight = 1.0;
};

struct Flow {
    std::uint32_t from = 0;  // segment index: `from` supplies `to`
    std::uint32_t to = 0;
    double weight = 1.0;
};

// A segment's sector in the national input-output tables (io_sectors.csv: NBS 153-sector codes).
struct IoSectorLink {
    std::uint32_t segment = 0;
    std::string code;  // "087"
};

struct ChainTemplate {
    std::string id;      // folder name
    std::string folder;  // as the user gave it, for messages
    std::string title;   // the first heading of the folder's README.md, if any
    std::vector<Segment> segments;
    std::vector<Flow> flows;
    std::vector<IoSectorLink> io_sectors;  // io_sectors.csv when the template has one

    std::optional<std::uint32_t> find(std::string_view segment_id) const;
    // A segment as a dataset may name it: its id, its Chinese name, or its name_en (any case).
    std::optional<std::uint32_t> find_label(std::string_view label) const;
};

}  // namespace icn
