// SPDX-License-Identifier: MIT
// Helpers for tests: temporary folders, files, running the icn binary.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace icn::testing {

inline constexpr std::uint64_t kTestSeed = 20261127;

// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

void write_text(const std::filesystem::path& path, const std::string& content);
std::string read_text(const std::filesystem::path& path);

struct RunResult {
    int status = -1;  // exit status, or 128 + signal
    std::string out;
    std::string err;
};

// Runs the icn binary with `args` in `cwd` (default: the repository root).
RunResult run_icn(const std::vector<std::string>& args, const std::filesystem::path& cwd = {});
// Runs a shell command line; captures stdout and stderr.
RunResult run_shell(const std::string& command, const std::filesystem::path& cwd = {});

// utf8 converted to another encoding with glibc iconv ("GBK", "UTF-16LE", ...).
std::string encode_as(const std::string& utf8, const char* encoding);

// Whether tests can run icn as the unprivileged user 65534 (root and setpriv); the reason in
// `why` when not.
bool can_drop_privileges(std::string& why);

// A world-readable copy, in `dir`/world, of what an unprivileged run needs: the icn binary
// (`icn`), the sample dataset (`linqing-bearing`), the bearing template (`bearing`) and the
// shipped criteria (`criteria`). Returns the folder.
std::filesystem::path unprivileged_copy(const TempDir& dir);

std::string shell_quote(const std::string& arg);

std::filesystem::path source_dir();
std::filesystem::path shared_data_dir();  // ../shared/data beside the repository

}  // namespace icn::testing
