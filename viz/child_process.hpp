// SPDX-License-Identifier: MIT
// The optional run-time tools ICN calls (Chromium for report.pdf, pandoc for report.docx): found
// on PATH (or named by an environment variable) and run as a child process in a group of its own,
// given a time limit, with its output going to /dev/null or to a file.
#pragma once

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace icn {

// $`env_var` when set (nullopt when it names no executable), else the first of `names` on PATH.
std::optional<std::filesystem::path> find_program(const char* env_var,
                                                  std::initializer_list<const char*> names);

// Runs args[0] with args in a process group of its own; standard output goes to `stdout_file`
// (or /dev/null), standard error to /dev/null. Returns "" when it exited 0 within `seconds`,
// else what went wrong, in English, naming `tool` ("Chromium did not finish within 120 s").
std::string run_program(const std::string& tool, const std::vector<std::string>& args,
                        double seconds, const std::filesystem::path& stdout_file = {});

// The process group of the tool now running, 0 when none: a signal handler ending the run ends
// it too (async-signal-safe to read).
pid_t child_process_group();

// A new private folder under the system's temporary folder ("icn-docx-XXXXXX"), removed with
// everything in it when this goes out of scope.
class TemporaryFolder {
public:
    explicit TemporaryFolder(const std::string& prefix);
    ~TemporaryFolder();
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }
    bool ok() const { return !path_.empty(); }

private:
    std::filesystem::path path_;
};

}  // namespace icn
