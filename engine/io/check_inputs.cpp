// SPDX-License-Identifier: MIT
#include "engine/io/check_inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "engine/util/message.hpp"

namespace icn {

std::vector<std::optional<std::uint32_t>> map_segments(const Dataset& dataset,
                                                       const ChainTemplate& chain) {
    std::vector<std::optional<std::uint32_t>> out;
    out.reserve(dataset.segment_labels.size());
    for (const std::string& label : dataset.segment_labels) out.push_back(chain.find_label(label));
    return out;
}

InputSummary check_inputs(const Dataset& dataset, const ChainTemplate* chain,
                          const RegionSelector* region, Issues& issues,
                          const DivisionTable* divisions) {
    InputSummary summary;
    summary.firms = dataset.firms.size();
    summary.links = dataset.links.size();
    summary.segment_labels = dataset.segment_labels.size();
    std::unordered_set<std::string_view> regions;
    for (const Firm& firm : dataset.firms) regions.insert(firm.region);
    summary.regions = regions.size();
    const std::string firms_file = (std::filesystem::path(dataset.folder) / "firms.csv").string();
    const bool firms_read = !dataset.firms.empty();
    // The table the firms came from (firms.csv, or a workbook's sheet), for messages.
    std::string firms_source = firms_file;
    for (const InputFile& f : dataset.files) {
        if (f.display.find("firms") != std::string::npos ||
            f.display.find("企业名录") != std::string::npos) {
            firms_source = f.display;
            break;
        }
    }
    if (!firms_read && !dataset.files.empty() && !issues.has_errors()) {
        issues.error(firms_source, 0, "no firms: the file has a header but no rows");
    }

    std::vector<bool> local(dataset.firms.size(), false);
    if (region != nullptr) {
        std::size_t count = 0;
        for (std::size_t i = 0; i < dataset.firms.size(); ++i) {
            local[i] = region->matches(dataset.firms[i].region);
            count += local[i] ? 1 : 0;
        }
        summary.local_firms = count;
        if (count == 0 && firms_read && !region->empty()) {
            std::string given;
            for (const auto& r : region->given()) given += (given.empty() ? "" : ", ") + r;
            // The regions the firms have, most firms first, so that the right one is easy to
            // pick.
            std::unordered_map<std::string_view, std::size_t> firms_in;
            for (const Firm& firm : dataset.firms) ++firms_in[firm.region];
            std::vector<std::pair<std::string_view, std::size_t>> ranked(firms_in.begin(),
                                                                         firms_in.end());
            std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
                return a.second != b.second ? a.second > b.second : a.first < b.first;
            });
            std::string present;
            for (std::size_t i = 0; i < ranked.size() && i < 10; ++i) {
                const std::string place = divisions != nullptr ? divisions->display(ranked[i].first)
                                                               : std::string(ranked[i].first);
                present += fmt::format("{}{} {}", i == 0 ? "" : ", ", place, ranked[i].second);
            }
            if (ranked.size() > 10) present += fmt::format(", ... ({})", ranked.size());
            issues.error(firms_file, 0,
                         msg("empty cluster: no firm's region matches --region {}; the "
                             "regions present, with their firms: {}",
                             given, present));
        }
    }

    if (chain != nullptr && !chain->segments.empty()) {
        const auto mapped = map_segments(dataset, *chain);
        std::vector<std::uint32_t> first_user(dataset.segment_labels.size(), 0);
        std::vector<std::size_t> users(dataset.segment_labels.size(), 0);
        std::vector<bool> covered(chain->segments.size(), false);
        std::vector<bool> covered_locally(chain->segments.size(), false);
        for (std::size_t i = 0; i < dataset.firms.size(); ++i) {
            for (std::uint32_t label : dataset.firms[i].segments) {
                if (users[label]++ == 0) first_user[label] = dataset.firms[i].line;
                if (mapped[label]) {
                    covered[*mapped[label]] = true;
                    if (local[i]) covered_locally[*mapped[label]] = true;
                }
            }
        }
        for (std::size_t label = 0; label < mapped.size(); ++label) {
            if (mapped[label] &&
                chain->segments[*mapped[label]].id != dataset.segment_labels[label]) {
                issues.note(firms_file, first_user[label],
                            msg("segment '{}' read as '{}' of chain template '{}' ({} "
                                "firm{})",
                                dataset.segment_labels[label], chain->segments[*mapped[label]].id,
                                chain->id, users[label], users[label] == 1 ? "" : "s"));
            }
            if (mapped[label]) continue;
            issues.warning(firms_file, first_user[label],
                           msg("segment '{}' is not in chain template '{}' ({} firm{}); "
                               "those firms count as outside the chain",
                               dataset.segment_labels[label], chain->id, users[label],
                               users[label] == 1 ? "" : "s"));
        }
        const auto count = [](const std::vector<bool>& v) {
            return static_cast<std::size_t>(std::count(v.begin(), v.end(), true));
        };
        summary.template_segments = chain->segments.size();
        summary.segments_covered = count(covered);
        if (region != nullptr) summary.segments_covered_locally = count(covered_locally);
        if (firms_read && count(covered) == 0) {
            issues.error(firms_file, 0,
                         msg("wrong template: no firm lists any segment of chain "
                             "template '{}' (its segments: {}{}); check --chain",
                             chain->id, chain->segments.front().id,
                             chain->segments.size() > 1 ? ", ..." : ""));
        }
        if (dataset.cluster) {
            for (const std::string& segment : dataset.cluster->main_industry) {
                if (!chain->find_label(segment)) {
                    issues.warning(
                        (std::filesystem::path(dataset.folder) / "cluster.json").string(), 0,
                        msg("main_industry '{}' is not a segment of chain template '{}'", segment,
                            chain->id));
                }
            }
        }
    } else if (chain != nullptr && chain->segments.empty()) {
        issues.error(chain->folder, 0, "the chain template has no segments");
    }
    return summary;
}

}  // namespace icn
