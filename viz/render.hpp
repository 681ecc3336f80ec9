// SPDX-License-Identifier: MIT
// Renders DOT through Graphviz's own library (libgvc) in a child process with a time limit, so
// that one pathological layout cannot take the run down; when `dot` fails or runs out of time
// the simpler layout (`dot` without splines, then `osage`) is tried. The SVG names the CJK font
// and fallbacks a planner's Windows or macOS machine has.
#pragma once

#include <optional>
#include <string>

namespace icn {

struct RenderResult {
    std::string data;    // the rendered bytes (SVG text or PNG)
    std::string layout;  // the layout that succeeded
    bool fell_back = false;
};

// format: "svg" or "png". nullopt when every layout failed.
std::optional<RenderResult> render_dot(const std::string& dot, const std::string& format,
                                       double seconds = 20);

// The font-family Graphviz writes, widened with fallbacks.
inline constexpr const char* kSvgFontFamily =
    "Noto Sans CJK SC,Source Han Sans SC,Microsoft YaHei,PingFang SC,SimHei,sans-serif";

}  // namespace icn
