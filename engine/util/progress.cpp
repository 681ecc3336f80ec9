// SPDX-License-Identifier: MIT
#include "engine/util/progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace icn {
namespace {
bool g_enabled = false;
}

void Progress::configure(bool quiet) { g_enabled = !quiet && isatty(STDERR_FILENO) == 1; }

bool Progress::enabled() { return g_enabled; }

Progress::Progress(std::string label, std::size_t total)
    : label_(std::move(label)), total_(total), last_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { finish(); }

void Progress::update(std::size_t done) {
    if (!g_enabled) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    shown_ = true;
    const double share =
        total_ == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total_);
    std::fprintf(stderr, "\r%s %3d%%", label_.c_str(), static_cast<int>(share * 100.0));
    std::fflush(stderr);
}

void Progress::finish() {
    if (finished_) return;
    finished_ = true;
    if (g_enabled && shown_) {
        std::fprintf(stderr, "\r%s done\n", label_.c_str());
    }
}

}  // namespace icn
