// SPDX-License-Identifier: MIT
// report.pdf: the HTML report printed by headless Chromium (Debian's chromium), A4, a page break
// before each section, fonts embedded. Chromium is an optional run-time tool: find_chromium()
// says whether it is there, and the caller says so plainly when it is not.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace icn {

// $ICN_CHROMIUM, else chromium, chromium-browser or google-chrome on PATH.
std::optional<std::filesystem::path> find_chromium();

// Prints `html` (a file) to `pdf`, in a child process given `seconds` at most. Returns an
// empty string on success, else what went wrong (for the user).
std::string print_pdf(const std::filesystem::path& chromium, const std::filesystem::path& html,
                      const std::filesystem::path& pdf, double seconds = 120);

}  // namespace icn
