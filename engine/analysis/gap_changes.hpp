// SPDX-License-Identifier: MIT
// How the gaps of a cluster changed between two states (whatif, diff; SPEC 3.5). Gaps are
// matched by identity -- kind plus segment, or kind plus flow -- never by their text: a gap in
// both states is unchanged or changed in severity; a weak segment that becomes missing has
// worsened and a missing one that becomes weak has improved; the rest opened or closed.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "engine/analysis/gaps.hpp"

namespace icn {

enum class GapChangeKind { opened, closed, worsened, improved, severity_changed, unchanged };
std::string_view to_string(GapChangeKind kind);

struct GapChange {
    GapChangeKind change = GapChangeKind::unchanged;
    std::optional<Gap> before;  // absent for opened
    std::optional<Gap> after;   // absent for closed
};

// Every gap of either state once, in the order: after's gaps (template order), then those that
// closed. Severities within 1e-12 count as equal.
std::vector<GapChange> compare_gaps(const std::vector<Gap>& before, const std::vector<Gap>& after);

bool same_gap(const Gap& a, const Gap& b);  // identity: kind and segment (and flow end)

}  // namespace icn
