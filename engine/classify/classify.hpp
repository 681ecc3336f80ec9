// SPDX-License-Identifier: MIT
// Putting firms on the chain (企业挂链, `icn classify`): a segment proposed for a firm from its
// industry code (GB/T 4754-2017 class, through the template's industries.csv) and from keywords
// in its name, 经营范围 and 主要产品 (the template's keywords.csv), with a confidence and the
// evidence. A proposal is only a proposal: it reaches an analysis only when a person accepts it
// (`accept` = 1 in firms.classified.csv, read by `icn analyze --use-classified`).
// Scoring and its measured quality: docs/classify.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/chain_template.hpp"
#include "models/dataset.hpp"
#include "models/issue.hpp"

namespace icn {

struct ClassifierModel {
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_industry;  // class -> segments
    struct Keyword {
        std::uint32_t segment = 0;
        std::string text;
        double weight = 1.0;
    };
    std::vector<Keyword> keywords;
};

// industries.csv (industry,segment[,note]) and keywords.csv (segment,keyword,weight) of the
// template's folder; problems (unknown segment, bad weight) as FILE:LINE.
ClassifierModel read_classifier(const std::filesystem::path& chain_folder,
                                const std::string& display, const ChainTemplate& chain,
                                Issues& issues);

enum class EvidenceKind { industry, name, scope, products };

struct Evidence {
    EvidenceKind kind = EvidenceKind::industry;
    std::string text;  // the code or the keyword that matched
    double weight = 0;
};

struct Proposal {
    std::optional<std::uint32_t> segment;    // the best segment, when its score reaches 1
    std::optional<std::uint32_t> runner_up;  // the next best, if any scored
    double confidence = 0;                   // in [0, 1]
    bool ambiguous = false;                  // the runner-up scored at least 3/4 of the best
    std::vector<Evidence> evidence;          // what supports `segment`
    bool industry_padded = false;            // a code that lost its leading zero was read so
};

// Scores: industry class 2 (its three-digit group 1), a keyword `weight` x 1.5 in the name,
// x 1.2 in 主要产品, x 1 in 经营范围 (each keyword once per field). Confidence =
// best / (best + runner-up) x min(1, best / 2).
Proposal classify(const Firm& firm, const ClassifierModel& model, std::size_t segment_count);

// Reads `file` (firms.classified.csv as icn classify wrote it and a person edited it) and puts
// every firm of a row whose `accept` is yes on the segment(s) of `proposed_segment`.
// Unknown firms, unknown segments and bad accept values are FILE:LINE errors.
void apply_classified(const std::filesystem::path& file, const std::string& display,
                      Dataset& dataset, const ChainTemplate& chain, Issues& issues);

}  // namespace icn
