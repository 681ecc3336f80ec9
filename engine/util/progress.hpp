// SPDX-License-Identifier: MIT
// Progress of long work on stderr, only when stderr is a terminal and --quiet was not given.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace icn {

class Progress {
public:
    // Call once at start-up: quiet = --quiet. Progress shows only on a terminal.
    static void configure(bool quiet);
    static bool enabled();

    Progress(std::string label, std::size_t total);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void update(std::size_t done);  // cheap: prints at most five times a second
    void finish();

private:
    std::string label_;
    std::size_t total_;
    std::chrono::steady_clock::time_point last_;
    bool shown_ = false;
    bool finished_ = false;
};

}  // namespace icn
