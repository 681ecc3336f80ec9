// SPDX-License-Identifier: MIT
#include "viz/charts.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "viz/document.hpp"
#include "viz/render.hpp"

namespace icn {

std::string bar_chart_svg(std::string_view title, const std::vector<ChartBar>& bars,
                          std::optional<double> threshold, std::string_view threshold_label) {
    constexpr double kWidth = 560, kHeight = 300, kLeft = 40, kRight = 130, kTop = 48, kBottom = 40;
    const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
    double top = threshold.value_or(0);
    for (const ChartBar& b : bars) top = std::max(top, b.value.value_or(0));
    if (top <= 0) top = 1;
    top *= 1.15;
    const auto y = [&](double v) { return kTop + plot_h * (1 - std::max(v, 0.0) / top); };
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} "
        "{1}\" font-family=\"{2}\" font-size=\"13\">\n<rect width=\"{0}\" height=\"{1}\" "
        "fill=\"#ffffff\"/>\n<text x=\"{3}\" y=\"24\" font-size=\"15\" "
        "fill=\"#1f2933\">{4}</text>\n",
        kWidth, kHeight, kSvgFontFamily, kLeft, html_escape(title));
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#9aa5b1\"/>\n",
                       kLeft, kTop + plot_h, kLeft + plot_w);
    const double slot = bars.empty() ? plot_w : plot_w / static_cast<double>(bars.size());
    const double bar_w = std::min(64.0, slot * 0.6);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const ChartBar& b = bars[i];
        const double cx = kLeft + slot * (static_cast<double>(i) + 0.5);
        if (b.value) {
            const double y0 = y(*b.value);
            svg += fmt::format(
                "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" "
                "fill=\"#0b6e4f\"/>\n",
                cx - bar_w / 2, y0, bar_w, kTop + plot_h - y0);
            svg += fmt::format(
                "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" "
                "fill=\"#1f2933\">{}</text>\n",
                cx, y0 - 6, html_escape(b.value_text));
        } else {
            svg += fmt::format(
                "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" "
                "fill=\"#9aa5b1\">—</text>\n",
                cx, kTop + plot_h - 6);
        }
        svg += fmt::format(
            "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\" fill=\"#52606d\">{}</text>\n",
            cx, kTop + plot_h + 20, html_escape(b.label));
    }
    if (threshold) {
        const double ty = y(*threshold);
        svg += fmt::format(
            "<line x1=\"{0}\" y1=\"{1:.1f}\" x2=\"{2}\" y2=\"{1:.1f}\" stroke=\"#d62728\" "
            "stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>\n<text x=\"{3}\" y=\"{4:.1f}\" "
            "fill=\"#d62728\">{5}</text>\n",
            kLeft, ty, kLeft + plot_w, kLeft + plot_w + 6, ty + 4, html_escape(threshold_label));
    }
    svg += "</svg>\n";
    return svg;
}

}  // namespace icn
