// SPDX-License-Identifier: MIT
// Resilience (SPEC 3.5): the firms and links whose loss cuts local firms off from the chain
// (articulation points and bridges of G_L as an undirected graph, with how many firms each
// cuts off), and single-source dependencies: a local customer whose whole supply of a segment
// comes from one firm. docs/algorithms/resilience.md.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/analysis/context.hpp"

namespace icn {

struct CutFirm {
    std::uint32_t firm = 0;     // firm index
    std::uint32_t cut_off = 0;  // firms of its component no longer joined to the largest piece
};

struct CutLink {
    std::uint32_t a = 0, b = 0;  // firm indices
    double value = 0;            // both directions together
    std::uint32_t cut_off = 0;   // firms on the smaller side
};

struct SingleSource {
    std::uint32_t customer = 0;  // local firm
    std::uint32_t segment = 0;   // template segment
    std::uint32_t supplier = 0;  // the only firm of that segment supplying it
    double value = 0;
    bool supplier_local = false;
};

struct ResilienceReport {
    std::vector<CutFirm> articulation_points;  // most cut-off first
    std::vector<CutLink> bridges;              // most cut-off first, then value
    std::vector<SingleSource> single_sources;  // largest value first
};

ResilienceReport resilience(const AnalysisContext& context);

// Articulation points and bridges of an undirected graph (iterative Hopcroft-Tarjan),
// in node and edge ids; exposed for tests.
struct CutStructure {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> points;   // (node, cut_off)
    std::vector<std::pair<std::uint32_t, std::uint32_t>> bridges;  // (edge, cut_off)
};
CutStructure cut_structure(const UndirectedGraph& graph);

}  // namespace icn
