// SPDX-License-Identifier: MIT
// Simple bar charts as SVG text (pure functions; no layout engine needed): one bar per label,
// its value written above it, an optional threshold drawn as a dashed line with its label. Used by
// icn diff for output by year and local sourcing ratio by year.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icn {

struct ChartBar {
    std::string label;            // "2023"
    std::optional<double> value;  // none: a gap in the chart, "—" above it
    std::string value_text;       // "43.9亿元"
};

std::string bar_chart_svg(std::string_view title, const std::vector<ChartBar>& bars,
                          std::optional<double> threshold = std::nullopt,
                          std::string_view threshold_label = {});

}  // namespace icn
