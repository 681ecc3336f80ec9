// SPDX-License-Identifier: MIT
#include "engine/util/staged_output.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <pwd.h>
#include <set>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace icn {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kManifestHeader =
    "# icn output folder: icn replaces the files listed below and leaves every other file alone.";

std::string errno_text(int code) { return std::strerror(code); }

// Absolute, with symbolic links of the existing part resolved and `.`/`..` folded.
fs::path resolved(const fs::path& path) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    if (ec) absolute = path;
    fs::path out = fs::weakly_canonical(absolute, ec);
    if (ec) out = absolute.lexically_normal();
    if (out.has_filename() == false && out != out.root_path()) out = out.parent_path();
    return out;
}

// Whether `inner` is `outer` or lies below it (both resolved).
bool within(const fs::path& inner, const fs::path& outer) {
    auto i = inner.begin();
    for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
        if (o->empty()) continue;  // a trailing separator
        if (i == inner.end() || *i != *o) return false;
    }
    return true;
}

fs::path home_folder() {
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') return home;
    if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_dir != nullptr) {
        return pw->pw_dir;
    }
    return {};
}

// Staging folders of runs that died (killed, power cut) are removed when their PID is gone.
void remove_stale_staging(const fs::path& parent, const std::string& prefix) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(parent, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        const std::string pid_text = name.substr(prefix.size());
        char* end = nullptr;
        const long pid = std::strtol(pid_text.c_str(), &end, 10);
        if (end == pid_text.c_str() || *end != '\0' || pid <= 0) continue;
        if (kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
        fs::remove_all(entry.path(), ec);
    }
}

// Removes a folder ICN wrote, making its subfolders writable first if a user made them
// read-only, so that nothing is left behind.
void remove_tree(const fs::path& folder) {
    std::error_code ec;
    if (fs::remove_all(folder, ec) != static_cast<std::uintmax_t>(-1) && !ec) return;
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (it->is_directory(ec) && !it->is_symlink(ec)) {
            fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
        }
    }
    fs::permissions(folder, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(folder, ec);
}

// Hard-links `from` (a file, a link or a folder tree) to `to`: the user's files move into the
// new output folder without being copied or changed.
void link_tree(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    const auto status = fs::symlink_status(from, ec);
    if (fs::is_directory(status)) {
        fs::create_directory(to, ec);
        if (ec) {
            throw OutputError(
                fmt::format("{}: cannot keep this folder: {}", from.string(), ec.message()));
        }
        for (const auto& entry : fs::directory_iterator(from, ec)) {
            link_tree(entry.path(), to / entry.path().filename());
        }
        if (ec) throw OutputError(fmt::format("{}: cannot read: {}", from.string(), ec.message()));
        fs::permissions(to, status.permissions(), ec);
        return;
    }
    if (::linkat(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), 0) != 0) {
        throw OutputError(
            fmt::format("{}: cannot keep this file: {}", from.string(), errno_text(errno)));
    }
}

std::vector<std::string> files_below(const fs::path& folder) {
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
        if (!it->is_directory(ec)) out.push_back(it->path().lexically_relative(folder).string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string top_component(const std::string& relative) {
    return fs::path(relative).begin()->string();
}

}  // namespace

OutputRefused::OutputRefused(OutputRefusal reason_, fs::path target_, std::string detail_)
    : std::runtime_error(fmt::format("--out {}: refused ({}{}{})", target_.string(),
                                     static_cast<int>(reason_), detail_.empty() ? "" : ": ",
                                     detail_)),
      reason(reason_),
      target(std::move(target_)),
      detail(std::move(detail_)) {}

std::vector<std::string> read_manifest(const fs::path& folder) {
    std::ifstream in(folder / kManifestName);
    std::vector<std::string> files;
    std::string line;
    if (!in || !std::getline(in, line) || line != kManifestHeader) return files;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        files.push_back(line);
    }
    return files;
}

void check_output_folder(const fs::path& target, const std::vector<fs::path>& inputs) {
    std::error_code ec;
    if (target.empty()) throw OutputRefused(OutputRefusal::current, target, "");
    const auto status = fs::symlink_status(target, ec);
    if (fs::is_symlink(status)) throw OutputRefused(OutputRefusal::symlink, target, "");
    const bool exists = fs::exists(status);
    if (exists && !fs::is_directory(status)) {
        throw OutputRefused(OutputRefusal::not_a_folder, target, "");
    }
    const fs::path where = resolved(target);
    if (where == where.root_path()) throw OutputRefused(OutputRefusal::root, target, "");
    if (const fs::path home = home_folder(); !home.empty() && where == resolved(home)) {
        throw OutputRefused(OutputRefusal::home, target, "");
    }
    if (where == resolved(fs::current_path(ec))) {
        throw OutputRefused(OutputRefusal::current, target, "");
    }
    for (const fs::path& input : inputs) {
        if (input.empty()) continue;
        const fs::path in = resolved(input);
        if (in == where) throw OutputRefused(OutputRefusal::is_input, target, input.string());
        if (within(in, where)) {
            throw OutputRefused(OutputRefusal::contains_input, target, input.string());
        }
        if (within(where, in)) {
            throw OutputRefused(OutputRefusal::inside_input, target, input.string());
        }
    }
    if (!exists) return;
    if (fs::exists(target / kManifestName, ec)) return;
    std::vector<std::string> names;
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(target, ec)) {
        if (++count <= 3) names.push_back(entry.path().filename().string());
    }
    if (count == 0) return;
    std::string detail;
    for (const auto& name : names) detail += (detail.empty() ? "" : ", ") + name;
    if (count > names.size()) detail += fmt::format(", ... ({} in all)", count);
    throw OutputRefused(OutputRefusal::foreign_files, target, detail);
}

void write_file(const fs::path& path, std::string_view content) {
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

StagedOutput::StagedOutput(fs::path target, const std::vector<fs::path>& inputs, std::string writer)
    : target_(std::move(target)), inputs_(inputs), writer_(std::move(writer)) {
    if (target_.filename().empty()) target_ = target_.parent_path();
    check_output_folder(target_, inputs_);
    fs::path parent = target_.parent_path();
    if (parent.empty()) parent = ".";
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) {
        throw OutputError(
            fmt::format("{}: cannot create the folder: {}", parent.string(), ec.message()));
    }
    lock_fd_ = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (lock_fd_ < 0 || ::flock(lock_fd_, LOCK_EX) != 0) {
        throw OutputError(
            fmt::format("{}: cannot lock the folder: {}", parent.string(), errno_text(errno)));
    }
    // Under the lock: another run may have changed the folder since the caller's check.
    check_output_folder(target_, inputs_);
    if (fs::exists(target_, ec) && ::access(target_.c_str(), W_OK) != 0) {
        const int code = errno;
        ::close(lock_fd_);
        lock_fd_ = -1;
        throw OutputError(
            fmt::format("{}: cannot replace this folder: {}", target_.string(), errno_text(code)));
    }
    // Built with fmt: GCC 12 warns falsely (-Wrestrict) on operator+ chains of std::string.
    const std::string prefix = fmt::format(".{}.icn-staging-", target_.filename().string());
    remove_stale_staging(parent, prefix);
    staging_ = parent / (prefix + std::to_string(::getpid()));
    remove_tree(staging_);
    if (::mkdir(staging_.c_str(), 0755) != 0) {
        const int code = errno;
        ::close(lock_fd_);
        lock_fd_ = -1;
        throw OutputError(
            fmt::format("{}: cannot write here: {}", parent.string(), errno_text(code)));
    }
}

StagedOutput::~StagedOutput() {
    if (!committed_) remove_tree(staging_);
    if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

void StagedOutput::write(std::string_view name, std::string_view content) {
    write_file(staging_ / name, content);
}

void StagedOutput::commit() {
    std::error_code ec;
    check_output_folder(target_, inputs_);
    const std::vector<std::string> written = files_below(staging_);
    std::string manifest = fmt::format("{}\n# {}\n", kManifestHeader, writer_);
    for (const std::string& file : written) manifest += file + "\n";
    write_file(staging_ / kManifestName, manifest);

    const bool exists = fs::exists(fs::symlink_status(target_, ec));
    if (!exists) {
        if (::rename(staging_.c_str(), target_.c_str()) != 0) {
            throw OutputError(
                fmt::format("{}: cannot create: {}", target_.string(), errno_text(errno)));
        }
        committed_ = true;
        return;
    }
    // Files that the previous run did not write stay: they are linked into the new folder.
    std::set<std::string> ours;
    for (const std::string& file : read_manifest(target_)) ours.insert(top_component(file));
    std::set<std::string> now;
    for (const std::string& file : written) now.insert(top_component(file));
    for (const auto& entry : fs::directory_iterator(target_, ec)) {
        const std::string name = entry.path().filename().string();
        if (name == kManifestName || ours.count(name) != 0) continue;
        if (now.count(name) != 0)
            throw OutputRefused(OutputRefusal::would_overwrite, target_, name);
        link_tree(entry.path(), staging_ / name);
    }
    if (ec) throw OutputError(fmt::format("{}: cannot read: {}", target_.string(), ec.message()));
    // Atomic swap: the target always holds either the old or the new outputs.
    if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) != 0) {
        throw OutputError(
            fmt::format("{}: cannot replace: {}", target_.string(), errno_text(errno)));
    }
    committed_ = true;
    remove_tree(staging_);  // now holds the old outputs (and second links to the user's files)
}

}  // namespace icn
