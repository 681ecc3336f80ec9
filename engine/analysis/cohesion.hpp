// SPDX-License-Identifier: MIT
// Cohesion of the cluster (SPEC 3.1; formulas and sources in docs/algorithms/cohesion.md):
// the five defined measures for the cluster and for each segment, and further measures of how
// tightly the cluster is knit. A measure whose denominator is zero is nullopt (JSON null).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/analysis/context.hpp"

namespace icn {

struct CohesionMeasures {
    std::size_t local_firms = 0;
    std::size_t local_links = 0;
    std::optional<double> density;
    std::optional<double> local_sourcing_ratio;
    std::optional<double> largest_component_share;
    std::optional<double> avg_clustering;
};

struct SegmentCohesion {
    std::uint32_t segment = 0;
    CohesionMeasures measures;
};

struct CommunityStructure {
    std::size_t count = 0;
    std::optional<double> modularity;         // of the Leiden partition
    std::optional<double> nmi_with_segments;  // agreement with the segment partition
    std::vector<std::uint32_t> membership;    // per G_L node
};

struct CohesionReport {
    CohesionMeasures cluster;
    std::optional<double> segment_modularity;  // modularity of the segment partition of G_L
    std::uint32_t max_core = 0;
    std::optional<double> top_core_share;
    std::optional<double> leader_reach;
    std::vector<std::uint32_t> reach_leaders;  // firm indices the reach was measured from
    std::optional<double> supplier_hhi_median;
    std::optional<double> reciprocity;
    CommunityStructure communities;
    std::vector<SegmentCohesion> segments;
};

struct CohesionOptions {
    std::uint64_t seed = 1;  // Leiden's random seed
    unsigned threads = 0;    // for the clustering coefficients; 0: every core
};

// The five SPEC 3.1 measures of the local firms `nodes` (G_L node indices, ascending).
CohesionMeasures cohesion_measures(const AnalysisContext& context,
                                   const std::vector<std::uint32_t>& nodes);

// `leaders`: firm indices whose reach is measured (designated, or detected when none are).
CohesionReport cohesion(const AnalysisContext& context, const std::vector<std::uint32_t>& leaders,
                        const CohesionOptions& options = {});

// The same in three steps, so that the analysis can run them beside other work: ICN's own
// measures (the five, supplier HHI, reciprocity, each segment's); then igraph's (k-core, Leiden,
// the modularities, NMI: `max_core`, `top_core_share`, `segment_modularity`, `communities`);
// then the leaders' reach (`leader_reach`, `reach_leaders`), which needs the leaders.
CohesionReport cohesion_without_communities(const AnalysisContext& context, unsigned threads);
void add_communities(const AnalysisContext& context, const CohesionOptions& options,
                     CohesionReport& report);
// Moves what add_communities wrote in `from` into `into`.
void take_communities(CohesionReport& into, CohesionReport&& from);
void measure_leader_reach(const AnalysisContext& context, const std::vector<std::uint32_t>& leaders,
                          CohesionReport& report);

// Partition of G_L by each firm's first template segment; firms outside the chain share one
// further block.
std::vector<std::uint32_t> segment_partition(const AnalysisContext& context);

}  // namespace icn
