// SPDX-License-Identifier: MIT
// A chain template from an input-output table (docs/io.md): around the chosen sectors, the
// segments are the chosen sectors and every sector whose direct input coefficient to or from a
// chosen sector exceeds the threshold (a_kc: k's output per unit of c's output, k supplies c;
// a_ck: c supplies k); the flows are the coefficients above the threshold between segments;
// tiers are the terciles of upstreamness among the segments (the most upstream third upstream).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/analysis/io_linkages.hpp"
#include "engine/io/read_io_table.hpp"
#include "models/issue.hpp"

namespace icn {

inline constexpr double kFromIoThreshold = 0.02;  // default --threshold: 2 fen per yuan

struct DerivedSegment {
    std::size_t sector = 0;  // table index
    bool chosen = false;
    int stage = 1;  // 1 upstream, 2 midstream, 3 downstream
};

struct DerivedFlow {
    std::size_t from = 0, to = 0;  // indices into DerivedChain::segments
    double coefficient = 0;        // a_{from,to}
};

struct DerivedChain {
    std::vector<DerivedSegment> segments;  // chosen first (in the order given), then by code
    std::vector<DerivedFlow> flows;        // by coefficient, largest first
};

// `sectors`: codes ("087") or Chinese names ("电池"), exactly, or a unique part of a Chinese name;
// an unknown or ambiguous one is an error naming the candidates. Empty when any is.
std::vector<std::size_t> resolve_sectors(const IoTable& table,
                                         const std::vector<std::string>& sectors, Issues& issues);

DerivedChain derive_chain(const IoTable& table, const IoLinkages& linkages,
                          const std::vector<std::size_t>& chosen, double threshold);

}  // namespace icn
