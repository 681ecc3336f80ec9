// SPDX-License-Identifier: MIT
// Progress of long work, told to a sink the caller owns: the engine writes nowhere itself. The
// CLI's sink prints on a terminal (cli/terminal_progress.hpp); the Python module passes none.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace icn {

class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    // `share` (0..1) of the work called `label` is done. At most five calls a second per task;
    // tasks may run on several threads at once.
    virtual void report(std::string_view label, double share) = 0;
    // The work called `label` ended (only after some report).
    virtual void finished(std::string_view label) = 0;
};

// One task's progress; with a null sink it does nothing.
class Progress {
public:
    Progress(ProgressSink* sink, std::string label, std::size_t total);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void update(std::size_t done);  // cheap: reports at most five times a second
    void finish();

private:
    ProgressSink* sink_;
    std::string label_;
    std::size_t total_;
    std::chrono::steady_clock::time_point last_;
    bool shown_ = false;
    bool finished_ = false;
};

}  // namespace icn
