// SPDX-License-Identifier: MIT
// Writes a folder of outputs so that it never ends half-written (SPEC section 2): files go into
// a staging folder beside the target, which is swapped in by one rename at commit(); a lock on
// the parent folder keeps two runs from interleaving. Without commit() (an error, an exception)
// the staging folder is removed and the target is left exactly as it was.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace icn {

// The machine failed us (permission, disk full): exit status 1.
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class StagedOutput {
public:
    explicit StagedOutput(std::filesystem::path target);
    ~StagedOutput();
    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    // Where to write `name` inside the staging folder (for libraries that write files).
    std::filesystem::path path(std::string_view name) const { return staging_ / name; }
    // Writes `content` to `name` in the staging folder; throws OutputError on any failure.
    void write(std::string_view name, std::string_view content);
    void commit();

    const std::filesystem::path& target() const { return target_; }
    const std::filesystem::path& staging() const { return staging_; }

private:
    std::filesystem::path target_;
    std::filesystem::path staging_;
    int lock_fd_ = -1;
    bool committed_ = false;
};

// Writes a whole file, throwing OutputError with the reason on failure (ENOSPC, EACCES, ...).
void write_file(const std::filesystem::path& path, std::string_view content);

}  // namespace icn
