// SPDX-License-Identifier: MIT
#include "viz/child_process.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

namespace icn {
namespace {

volatile std::sig_atomic_t g_child = 0;

}  // namespace

pid_t child_process_group() { return static_cast<pid_t>(g_child); }

std::optional<std::filesystem::path> find_program(const char* env_var,
                                                  std::initializer_list<const char*> names) {
    if (const char* env = std::getenv(env_var); env != nullptr && *env != '\0') {
        if (::access(env, X_OK) == 0) return std::filesystem::path(env);
        return std::nullopt;
    }
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
    for (const char* name : names) {
        std::size_t start = 0;
        while (start <= dirs.size()) {
            const std::size_t end = std::min(dirs.find(':', start), dirs.size());
            const std::filesystem::path candidate =
                std::filesystem::path(dirs.substr(start, end - start)) / name;
            if (!candidate.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
            start = end + 1;
        }
    }
    return std::nullopt;
}

std::string run_program(const std::string& tool, const std::vector<std::string>& args,
                        double seconds, const std::filesystem::path& stdout_file) {
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) return fmt::format("cannot start {}", tool);
    if (pid == 0) {
        ::setpgid(0, 0);  // its own group: a time-out ends every process it started
        const int null = ::open("/dev/null", O_RDWR);
        const int out = stdout_file.empty()
                            ? null
                            : ::open(stdout_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (null >= 0) {
            ::dup2(null, STDIN_FILENO);
            ::dup2(null, STDERR_FILENO);
        }
        if (out >= 0) ::dup2(out, STDOUT_FILENO);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::setpgid(pid, pid);  // also here, so that the group exists before any signal arrives
    g_child = static_cast<std::sig_atomic_t>(pid);
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    int status = 0;
    for (;;) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) break;
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            g_child = 0;
            return fmt::format("{} did not finish within {:.0f} s", tool, seconds);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(-pid, SIGKILL);  // helpers it may have left behind
    g_child = 0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return fmt::format("{} failed (status {})", tool,
                           WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    }
    return {};
}

TemporaryFolder::TemporaryFolder(const std::string& prefix) {
    std::string name = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (::mkdtemp(name.data()) != nullptr) path_ = name;
}

TemporaryFolder::~TemporaryFolder() {
    if (path_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace icn
