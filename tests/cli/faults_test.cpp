// SPDX-License-Identifier: MIT
// Faults while writing (SPEC section 2): a folder we may not write, a full disk, an interrupted
// run, two runs into one folder. Each leaves the previous outputs exactly as they were (compared
// by checksum) and says what happened with a non-zero status. Permission tests drop root with
// setpriv: as root, "not writable" proves nothing.
#include <chrono>
#include <map>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <gtest/gtest.h>

#include "engine/io/text_file.hpp"
#include "tests/support/test_support.hpp"

namespace icn {
namespace {

const std::string kSample = "datasets/sample/linqing-bearing";

std::map<std::string, std::string> checksums(const std::filesystem::path& folder) {
    std::map<std::string, std::string> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) {
            out[entry.path().lexically_relative(folder).string()] =
                sha256_hex(testing::read_text(entry.path()));
        }
    }
    return out;
}

std::string analyze_args(const std::filesystem::path& out) {
    return "'" ICN_BINARY "' --quiet analyze " + kSample +
           " --chain bearing --region 371581 --out '" + out.string() + "'";
}

// A folder holding a previous report.
std::filesystem::path previous_report(const testing::TempDir& dir) {
    const auto out = dir / "out";
    const auto first = testing::run_shell(analyze_args(out));
    EXPECT_EQ(first.status, 0) << first.err;
    return out;
}

}  // namespace

TEST(Faults, NotWritableFolderAsAnUnprivilegedUser) {
    if (std::string why; !testing::can_drop_privileges(why)) GTEST_SKIP() << why;
    testing::TempDir dir;
    const auto out = previous_report(dir);
    // Everything the unprivileged run reads is a world-readable copy: the checkout may lie in a
    // private folder.
    const auto world = testing::unprivileged_copy(dir);
    const auto before = checksums(dir.path());
    // The parent is root's and not writable by nobody (65534).
    const auto run = testing::run_shell(
        "setpriv --reuid=65534 --regid=65534 --clear-groups " +
            testing::shell_quote((world / "icn").string()) +
            " --quiet analyze linqing-bearing --chain ./bearing --region 371581 --criteria "
            "criteria/national-2022.csv --out " +
            testing::shell_quote(out.string()),
        world);
    EXPECT_EQ(run.status, 1) << run.err;
    EXPECT_NE(run.err.find("cannot"), std::string::npos) << run.err;
    EXPECT_EQ(checksums(dir.path()), before);
}

TEST(Faults, DiskFullLeavesThePreviousReport) {
    testing::TempDir dir;
    const auto out = previous_report(dir);
    const auto before = checksums(out);
    // 64 KiB per file: report.json and the diagrams do not fit.
    const auto run = testing::run_shell("ulimit -f 64 && " + analyze_args(out));
    EXPECT_EQ(run.status, 1) << run.err;
    EXPECT_NE(run.err.find("cannot write"), std::string::npos) << run.err;
    EXPECT_EQ(checksums(out), before);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        EXPECT_EQ(entry.path().filename(), "out") << "left behind: " << entry.path();
    }
}

TEST(Faults, InterruptedRunsLeaveThePreviousReport) {
    testing::TempDir dir;
    // A cluster large enough that analyze takes a while.
    const auto big = (dir / "big").string();
    ASSERT_EQ(
        testing::run_icn({"--quiet", "generate", "--chain", "bearing", "--out", big, "--firms",
                          "150000", "--links", "900000", "--no-products", "--years", "0"})
            .status,
        0);
    const auto out = previous_report(dir);
    const auto before = checksums(out);
    for (const int signal : {SIGINT, SIGTERM}) {
        const pid_t pid = ::fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) {
            ::execl(ICN_BINARY, ICN_BINARY, "--quiet", "analyze", big.c_str(), "--chain",
                    (testing::source_dir() / "models/chains/bearing").c_str(), "--region", "371581",
                    "--out", out.c_str(), static_cast<char*>(nullptr));
            ::_exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(700));
        ::kill(pid, signal);
        int status = 0;
        ::waitpid(pid, &status, 0);
        ASSERT_TRUE(WIFEXITED(status)) << "killed by a signal instead of leaving by itself";
        EXPECT_EQ(WEXITSTATUS(status), 128 + signal);
        EXPECT_EQ(checksums(out), before);
    }
    // The next run clears what the interrupted ones staged.
    ASSERT_EQ(testing::run_shell(analyze_args(out)).status, 0);
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        const auto name = entry.path().filename().string();
        EXPECT_TRUE(name == "out" || name == "big") << "left behind: " << name;
    }
}

TEST(Faults, TwoRunsIntoOneFolderDoNotInterleave) {
    testing::TempDir dir;
    const auto out = dir / "out";
    const std::string zh = analyze_args(out) + " --lang zh";
    const std::string en = analyze_args(out) + " --lang en";
    const auto both = testing::run_shell("(" + zh + " & " + en + " & wait)");
    EXPECT_EQ(both.status, 0) << both.err;
    // Whichever came last, its files are all there and all of one language.
    const std::string json = testing::read_text(out / "report.json");
    const std::string html = testing::read_text(out / "report.html");
    const bool json_en = json.find("\"lang\": \"en\"") != std::string::npos;
    const bool html_en = html.find("lang=\"en\"") != std::string::npos;
    EXPECT_EQ(json_en, html_en);
    EXPECT_TRUE(std::filesystem::exists(out / "chain.svg"));
}

}  // namespace icn

namespace icn {
namespace {

// report.json without the stamp lines that name the time and the command line.
std::string without_stamp(const std::string& json) {
    std::string out;
    std::size_t start = 0;
    while (start < json.size()) {
        const std::size_t end = json.find('\n', start);
        const std::string line = json.substr(start, end - start);
        if (line.find("\"generated_at\"") == std::string::npos &&
            line.find("\"command_line\"") == std::string::npos) {
            out += line + "\n";
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

// A generated cluster whose links.csv is large enough to be read in parts.
std::string generated(const testing::TempDir& dir) {
    const auto data = (dir / "data").string();
    const auto gen =
        testing::run_icn({"--quiet", "generate", "--chain", "bearing", "--out", data, "--firms",
                          "40000", "--links", "600000", "--no-products", "--years", "0"});
    EXPECT_EQ(gen.status, 0) << gen.err;
    return data;
}

}  // namespace

TEST(Faults, SameReportForAnyThreadCount) {
    testing::TempDir dir;
    const std::string data = generated(dir);
    std::string first_json, first_leaders;
    for (const char* threads : {"1", "2", "7"}) {
        const auto out = dir / (std::string("out") + threads);
        const auto run = testing::run_icn({"--quiet", "--threads", threads, "analyze", data,
                                           "--chain", "bearing", "--region", "371581", "--out",
                                           out.string(), "--formats", "json,csv"});
        ASSERT_EQ(run.status, 0) << run.err;
        const std::string json = without_stamp(testing::read_text(out / "report.json"));
        const std::string leaders = testing::read_text(out / "leaders.csv");
        if (first_json.empty()) {
            first_json = json;
            first_leaders = leaders;
            continue;
        }
        EXPECT_EQ(json, first_json) << threads << " threads";
        EXPECT_EQ(leaders, first_leaders) << threads << " threads";
    }
}

TEST(Faults, OutOfMemoryIsExitOneWithAMessage) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "AddressSanitizer reserves more address space than any ulimit -v here allows";
#else
    testing::TempDir dir;
    const std::string data = generated(dir);
    const auto out = dir / "out";
    ASSERT_EQ(testing::run_icn({"--quiet", "analyze", data, "--chain", "bearing", "--region",
                                "371581", "--out", out.string()})
                  .status,
              0);
    const auto before = checksums(out);
    // Address-space limits from too small to load the program's libraries up to enough: each
    // run ends by itself with exit 1 and a message (or succeeds), never with an abort.
    int refused = 0;
    for (const int limit : {70000, 90000, 120000, 140000, 170000}) {
        const auto run = testing::run_shell("ulimit -v " + std::to_string(limit) +
                                                " && '" ICN_BINARY
                                                "' --lang en --quiet "
                                                "analyze " +
                                                testing::shell_quote(data) +
                                                " --chain bearing --region 371581 --out " +
                                                testing::shell_quote(out.string()),
                                            dir.path());
        EXPECT_TRUE(run.status == 0 || run.status == 1 || run.status == 127)
            << "limit " << limit << ": status " << run.status << "\n"
            << run.err;
        EXPECT_EQ(run.err.find("terminate called"), std::string::npos) << run.err;
        if (run.status == 1) {
            ++refused;
            EXPECT_NE(run.err.find("icn: out of memory while "), std::string::npos) << run.err;
            EXPECT_EQ(checksums(out), before) << "limit " << limit;
        }
    }
    EXPECT_GT(refused, 0) << "no limit made icn run out of memory";
#endif
}

}  // namespace icn
