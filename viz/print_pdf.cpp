// SPDX-License-Identifier: MIT
#include "viz/print_pdf.hpp"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

namespace icn {
namespace {

volatile std::sig_atomic_t g_printing = 0;

}  // namespace

pid_t printing_process_group() { return static_cast<pid_t>(g_printing); }

std::optional<std::filesystem::path> find_chromium() {
    if (const char* env = std::getenv("ICN_CHROMIUM"); env != nullptr && *env != '\0') {
        if (::access(env, X_OK) == 0) return std::filesystem::path(env);
        return std::nullopt;
    }
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
    for (const char* name : {"chromium", "chromium-browser", "google-chrome"}) {
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

std::string print_pdf(const std::filesystem::path& chromium, const std::filesystem::path& html,
                      const std::filesystem::path& pdf, double seconds) {
    // A profile of its own, so that nothing of the user's browser is touched or needed.
    std::string profile_template =
        (std::filesystem::temp_directory_path() / "icn-chromium-XXXXXX").string();
    if (::mkdtemp(profile_template.data()) == nullptr) return "cannot make a temporary profile";
    const std::filesystem::path profile = profile_template;
    const std::vector<std::string> args = {
        chromium.string(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-pdf-header-footer",
        "--user-data-dir=" + profile.string(),
        "--print-to-pdf=" + std::filesystem::absolute(pdf).string(),
        "file://" + std::filesystem::absolute(html).string(),
    };
    std::vector<char*> argv;
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        std::filesystem::remove_all(profile);
        return "cannot start Chromium";
    }
    if (pid == 0) {
        ::setpgid(0, 0);  // its own group: a time-out ends every process it started
        const int null = ::open("/dev/null", O_RDWR);
        if (null >= 0) {
            ::dup2(null, STDIN_FILENO);
            ::dup2(null, STDOUT_FILENO);
            ::dup2(null, STDERR_FILENO);
        }
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::setpgid(pid, pid);  // also here, so that the group exists before any signal arrives
    g_printing = static_cast<std::sig_atomic_t>(pid);
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    int status = 0;
    bool done = false;
    while (!done) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid) {
            done = true;
        } else if (std::chrono::steady_clock::now() > deadline) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            g_printing = 0;
            std::filesystem::remove_all(profile);
            return fmt::format("Chromium did not finish within {:.0f} s", seconds);
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    ::kill(-pid, SIGKILL);  // helpers it may have left behind
    g_printing = 0;
    std::error_code ec;
    std::filesystem::remove_all(profile, ec);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        return fmt::format("Chromium failed (status {})",
                           WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    }
    if (!std::filesystem::exists(pdf, ec) || std::filesystem::file_size(pdf, ec) == 0) {
        return "Chromium wrote no PDF";
    }
    return {};
}

}  // namespace icn
