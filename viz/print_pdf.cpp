// SPDX-License-Identifier: MIT
#include "viz/print_pdf.hpp"

#include <vector>

#include "viz/child_process.hpp"

namespace icn {

std::optional<std::filesystem::path> find_chromium() {
    return find_program("ICN_CHROMIUM", {"chromium", "chromium-browser", "google-chrome"});
}

std::string print_pdf(const std::filesystem::path& chromium, const std::filesystem::path& html,
                      const std::filesystem::path& pdf, double seconds) {
    // A profile of its own, so that nothing of the user's browser is touched or needed.
    const TemporaryFolder profile("icn-chromium");
    if (!profile.ok()) return "cannot make a temporary profile";
    const std::vector<std::string> args = {
        chromium.string(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-pdf-header-footer",
        "--user-data-dir=" + profile.path().string(),
        "--print-to-pdf=" + std::filesystem::absolute(pdf).string(),
        "file://" + std::filesystem::absolute(html).string(),
    };
    if (std::string failed = run_program("Chromium", args, seconds); !failed.empty()) {
        return failed;
    }
    std::error_code ec;
    if (!std::filesystem::exists(pdf, ec) || std::filesystem::file_size(pdf, ec) == 0) {
        return "Chromium wrote no PDF";
    }
    return {};
}

}  // namespace icn
