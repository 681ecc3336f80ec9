// SPDX-License-Identifier: MIT
// A deterministic generator of realistic cluster datasets in the SPEC format, from a chain
// template, a seed and sizes: a cluster region among others, a few chain leaders with many
// local suppliers, many SMEs, links mostly along the template's flows and mostly within the
// region, heavy-tailed degrees and values, Chinese firm names, and optional planted gaps whose
// right answer the tests then know. The same options give the same bytes on every machine.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "engine/util/progress.hpp"
#include "models/chain_template.hpp"

namespace icn {

struct GenerateOptions {
    std::uint64_t seed = 1;
    std::uint32_t firms = 2000;
    std::uint64_t links = 10000;
    std::string region = "371581";  // the cluster's region (a county code: 临清市)
    std::string region_name = "临清";
    std::string cluster_name;     // cluster.json name; default: region name + 产业集群
    double local_share = 0.35;    // share of firms in the cluster region
    double local_sourcing = 0.7;  // chance that a local customer buys from a local supplier
    std::uint32_t leaders = 3;    // designated chain leaders (large local firms downstream)
    std::int32_t year = 2024;     // year of links and the last year of firm_years.csv
    std::uint32_t years = 3;      // years in firm_years.csv (0: no file)
    bool products = true;         // a product column in links.csv
    // Planted gaps (template segment ids; flows as from/to pairs).
    std::vector<std::string> missing;
    std::vector<std::string> weak;
    std::vector<std::pair<std::string, std::string>> broken;
    std::vector<std::string> dependent;
    ProgressSink* progress = nullptr;  // told how far the writing is; not owned
};

struct GenerateSummary {
    std::uint32_t firms = 0;
    std::uint32_t local_firms = 0;
    std::uint64_t links = 0;
};

// Checks the options against the template; returns the problems (empty = fine).
std::vector<std::string> check_generate_options(const ChainTemplate& chain,
                                                const GenerateOptions& options);

// Writes firms.csv, links.csv, cluster.json and (years > 0) firm_years.csv into `folder`.
GenerateSummary generate_dataset(const ChainTemplate& chain, const GenerateOptions& options,
                                 const std::filesystem::path& folder);

}  // namespace icn
