// SPDX-License-Identifier: MIT
#include "engine/analysis/gap_changes.hpp"

#include <algorithm>
#include <cmath>

namespace icn {

std::string_view to_string(GapChangeKind kind) {
    switch (kind) {
        case GapChangeKind::opened:
            return "opened";
        case GapChangeKind::closed:
            return "closed";
        case GapChangeKind::worsened:
            return "worsened";
        case GapChangeKind::improved:
            return "improved";
        case GapChangeKind::severity_changed:
            return "severity_changed";
        case GapChangeKind::unchanged:
            return "unchanged";
    }
    return "unchanged";
}

bool same_gap(const Gap& a, const Gap& b) {
    return a.kind == b.kind && a.segment == b.segment &&
           (a.kind != GapKind::broken || a.to == b.to);
}

std::vector<GapChange> compare_gaps(const std::vector<Gap>& before, const std::vector<Gap>& after) {
    std::vector<GapChange> out;
    std::vector<bool> used(before.size(), false);
    const auto find = [&](auto match) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < before.size(); ++i) {
            if (!used[i] && match(before[i])) return i;
        }
        return std::nullopt;
    };
    for (const Gap& g : after) {
        GapChange c;
        c.after = g;
        if (const auto i = find([&](const Gap& b) { return same_gap(b, g); })) {
            used[*i] = true;
            c.before = before[*i];
            c.change = std::fabs(before[*i].severity - g.severity) <= 1e-12
                           ? GapChangeKind::unchanged
                           : GapChangeKind::severity_changed;
        } else if (g.kind == GapKind::missing || g.kind == GapKind::weak) {
            // The same segment one step apart: weak -> missing is worse, missing -> weak better.
            const GapKind other = g.kind == GapKind::missing ? GapKind::weak : GapKind::missing;
            if (const auto j =
                    find([&](const Gap& b) { return b.kind == other && b.segment == g.segment; })) {
                used[*j] = true;
                c.before = before[*j];
                c.change =
                    g.kind == GapKind::missing ? GapChangeKind::worsened : GapChangeKind::improved;
            } else {
                c.change = GapChangeKind::opened;
            }
        } else {
            c.change = GapChangeKind::opened;
        }
        out.push_back(std::move(c));
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (used[i]) continue;
        GapChange c;
        c.change = GapChangeKind::closed;
        c.before = before[i];
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace icn
