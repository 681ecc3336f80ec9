// SPDX-License-Identifier: MIT
#include "engine/util/staged_output.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace icn {
namespace {

std::string errno_text(int code) { return std::strerror(code); }

// Staging folders of runs that died (killed, power cut) are removed when their PID is gone.
void remove_stale_staging(const std::filesystem::path& parent, const std::string& prefix) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(parent, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const std::string pid_text = name.substr(prefix.size());
        char* end = nullptr;
        const long pid = std::strtol(pid_text.c_str(), &end, 10);
        if (end == pid_text.c_str() || *end != '\0' || pid <= 0) continue;
        if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
        std::filesystem::remove_all(entry.path(), ec);
    }
}

}  // namespace

void write_file(const std::filesystem::path& path, std::string_view content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw OutputError(fmt::format("{}: cannot create: {}", path.string(), errno_text(errno)));
    }
    const char* data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            const int code = errno;
            ::close(fd);
            throw OutputError(fmt::format("{}: cannot write: {}", path.string(), errno_text(code)));
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    if (::close(fd) != 0) {
        throw OutputError(fmt::format("{}: cannot write: {}", path.string(), errno_text(errno)));
    }
}

StagedOutput::StagedOutput(std::filesystem::path target) : target_(std::move(target)) {
    if (target_.filename().empty()) target_ = target_.parent_path();
    std::filesystem::path parent = target_.parent_path();
    if (parent.empty()) parent = ".";
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) {
        throw OutputError(
            fmt::format("{}: cannot create the folder: {}", parent.string(), ec.message()));
    }
    lock_fd_ = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (lock_fd_ < 0 || ::flock(lock_fd_, LOCK_EX) != 0) {
        throw OutputError(
            fmt::format("{}: cannot lock the folder: {}", parent.string(), errno_text(errno)));
    }
    // Built with fmt: GCC 12 warns falsely (-Wrestrict) on operator+ chains of std::string.
    const std::string prefix = fmt::format(".{}.icn-staging-", target_.filename().string());
    remove_stale_staging(parent, prefix);
    staging_ = parent / (prefix + std::to_string(::getpid()));
    std::filesystem::remove_all(staging_, ec);
    if (::mkdir(staging_.c_str(), 0755) != 0) {
        const int code = errno;
        ::close(lock_fd_);
        lock_fd_ = -1;
        throw OutputError(
            fmt::format("{}: cannot write here: {}", parent.string(), errno_text(code)));
    }
}

StagedOutput::~StagedOutput() {
    if (!committed_) {
        std::error_code ec;
        std::filesystem::remove_all(staging_, ec);
    }
    if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

void StagedOutput::write(std::string_view name, std::string_view content) {
    write_file(staging_ / name, content);
}

void StagedOutput::commit() {
    std::error_code ec;
    const bool exists = std::filesystem::exists(std::filesystem::symlink_status(target_, ec));
    if (exists && !std::filesystem::is_directory(target_, ec)) {
        throw OutputError(fmt::format("{}: exists and is not a folder", target_.string()));
    }
    if (exists) {
        // Atomic swap: the target always holds either the old or the new outputs.
        if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) !=
            0) {
            throw OutputError(
                fmt::format("{}: cannot replace: {}", target_.string(), errno_text(errno)));
        }
        committed_ = true;
        std::filesystem::remove_all(staging_, ec);  // now holds the old outputs
    } else {
        if (::rename(staging_.c_str(), target_.c_str()) != 0) {
            throw OutputError(
                fmt::format("{}: cannot create: {}", target_.string(), errno_text(errno)));
        }
        committed_ = true;
    }
}

}  // namespace icn
