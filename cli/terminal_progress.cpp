// SPDX-License-Identifier: MIT
#include "cli/terminal_progress.hpp"

#include <cstdio>
#include <mutex>
#include <string>
#include <unistd.h>

#include "cli/common.hpp"

namespace icn::cli {
namespace {

class TerminalProgress final : public ProgressSink {
public:
    void report(std::string_view label, double share) override {
        const std::lock_guard<std::mutex> lock(mutex_);
        std::fprintf(stderr, "\r%s %3d%%", std::string(label).c_str(),
                     static_cast<int>(share * 100.0));
        std::fflush(stderr);
    }
    void finished(std::string_view label) override {
        const std::lock_guard<std::mutex> lock(mutex_);
        std::fprintf(stderr, "\r%s done\n", std::string(label).c_str());
    }

private:
    std::mutex mutex_;
};

}  // namespace

ProgressSink* terminal_progress() {
    static TerminalProgress sink;
    static const bool shown = !global_options().quiet && ::isatty(STDERR_FILENO) == 1;
    return shown ? &sink : nullptr;
}

}  // namespace icn::cli
