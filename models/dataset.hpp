// SPDX-License-Identifier: MIT
// A dataset folder as read: firms, links, yearly figures and cluster facts (SPEC 1.1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/cluster_info.hpp"
#include "models/firm.hpp"
#include "models/firm_index.hpp"
#include "models/firm_year.hpp"
#include "models/supply_link.hpp"

namespace icn {

// Columns that ICN does not interpret, kept as text and carried to the outputs.
struct ExtraColumns {
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> values;  // values[column][row]
};

struct InputFile {
    std::string display;   // path as the user would find it
    std::string sha256;    // of the bytes on disk
    std::string encoding;  // "UTF-8", "GB18030", ...
};

struct Dataset {
    std::string folder;

    std::vector<Firm> firms;
    FirmIndex firm_index;
    std::vector<std::string> segment_labels;  // every distinct segment id firms list
    ExtraColumns firm_extra;

    std::vector<SupplyLink> links;
    bool links_have_value = false;
    bool links_have_year = false;
    std::vector<std::string> product_names;
    ExtraColumns link_extra;

    std::vector<FirmYear> firm_years;
    std::optional<ClusterInfo> cluster;

    std::vector<InputFile> files;

    std::optional<std::uint32_t> find_firm(std::string_view id) const {
        return firm_index.find(firms, id);
    }
    // Index of a segment label, or nullopt when no firm lists it.
    std::optional<std::uint32_t> find_segment_label(std::string_view label) const;
};

}  // namespace icn
