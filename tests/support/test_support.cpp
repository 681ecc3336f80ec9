// SPDX-License-Identifier: MIT
#include "tests/support/test_support.hpp"

#include <cstdlib>
#include <fstream>
#include <iconv.h>
#include <random>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

namespace icn::testing {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "icn-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

void write_text(const std::filesystem::path& path, const std::string& content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::string shell_quote(const std::string& arg) {
    std::string out = "'";
    for (char c : arg) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}

RunResult run_shell(const std::string& command, const std::filesystem::path& cwd) {
    static std::mt19937_64 names(std::random_device{}());
    const auto stamp = names();
    const auto tmp = std::filesystem::temp_directory_path();
    const auto out_path = tmp / fmt::format("icn-run-{}.out", stamp);
    const auto err_path = tmp / fmt::format("icn-run-{}.err", stamp);
    const std::filesystem::path dir = cwd.empty() ? source_dir() : cwd;
    const std::string line =
        fmt::format("cd {} && {} >{} 2>{}", shell_quote(dir.string()), command,
                    shell_quote(out_path.string()), shell_quote(err_path.string()));
    const int raw = std::system(line.c_str());
    RunResult result;
    if (WIFEXITED(raw))
        result.status = WEXITSTATUS(raw);
    else if (WIFSIGNALED(raw))
        result.status = 128 + WTERMSIG(raw);
    result.out = read_text(out_path);
    result.err = read_text(err_path);
    std::error_code ec;
    std::filesystem::remove(out_path, ec);
    std::filesystem::remove(err_path, ec);
    return result;
}

RunResult run_icn(const std::vector<std::string>& args, const std::filesystem::path& cwd) {
    std::string command = shell_quote(ICN_BINARY);
    for (const auto& arg : args) command += " " + shell_quote(arg);
    return run_shell(command, cwd);
}

std::string encode_as(const std::string& utf8, const char* encoding) {
    iconv_t cd = iconv_open(encoding, "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw std::runtime_error("iconv_open failed");
    std::string out(utf8.size() * 4 + 8, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size();
    char* o = out.data();
    std::size_t out_left = out.size();
    iconv(cd, &in, &in_left, &o, &out_left);
    iconv_close(cd);
    out.resize(out.size() - out_left);
    return out;
}

bool can_drop_privileges(std::string& why) {
    if (::geteuid() != 0 || run_shell("command -v setpriv").status != 0) {
        why = "needs root and setpriv to drop privileges";
        return false;
    }
    // The run reads only a copy in a world-readable temporary folder, so that a checkout in a
    // private folder (root's home is mode 700) does not matter.
    TempDir dir;
    const auto world = unprivileged_copy(dir);
    if (run_shell("setpriv --reuid=65534 --regid=65534 --clear-groups " +
                  shell_quote((world / "icn").string()) + " --version")
            .status != 0) {
        why = "user 65534 cannot run a copy of icn in " + dir.path().string();
        return false;
    }
    return true;
}

std::filesystem::path unprivileged_copy(const TempDir& dir) {
    namespace fs = std::filesystem;
    const fs::path world = dir / "world";
    fs::create_directories(world);
    fs::copy_file(ICN_BINARY, world / "icn", fs::copy_options::overwrite_existing);
    fs::copy(source_dir() / "datasets/sample/linqing-bearing", world / "linqing-bearing",
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    fs::copy(source_dir() / "models/chains/bearing", world / "bearing",
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    fs::copy(source_dir() / "models/criteria", world / "criteria",
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    for (const fs::path& p : {dir.path(), world}) fs::permissions(p, fs::perms(0755));
    for (const auto& entry : fs::recursive_directory_iterator(world)) {
        fs::permissions(entry.path(), entry.is_directory() ? fs::perms(0755) : fs::perms(0644));
    }
    fs::permissions(world / "icn", fs::perms(0755));
    return world;
}

std::filesystem::path source_dir() { return ICN_SOURCE_DIR; }

std::filesystem::path shared_data_dir() {
    return std::filesystem::path(ICN_SOURCE_DIR).parent_path() / "shared" / "data";
}

}  // namespace icn::testing
