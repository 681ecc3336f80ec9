// SPDX-License-Identifier: MIT
// The bad-input corpus: tests/data/bad/<case>/ holds the files of one problem and expect.txt:
// line 1 the icn arguments (run from tests/data/bad), line 2 "status N", then lines that must
// each appear in stderr, whole. Every problem of SPEC section 2 has a case.
#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

namespace icn {
namespace {

std::filesystem::path corpus() { return testing::source_dir() / "tests" / "data" / "bad"; }

std::vector<std::string> cases() {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(corpus())) {
        if (entry.is_directory()) names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> split_args(const std::string& line) {
    std::vector<std::string> args;
    std::istringstream in(line);
    std::string word;
    while (in >> word) args.push_back(word);
    return args;
}

class BadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInput, ExitStatusFileLineAndMessage) {
    std::ifstream expect(corpus() / GetParam() / "expect.txt");
    std::string args_line, status_line, line;
    std::getline(expect, args_line);
    std::getline(expect, status_line);
    ASSERT_EQ(status_line.rfind("status ", 0), 0u);
    const int status = std::stoi(status_line.substr(7));
    std::vector<std::string> args = split_args(args_line);
    args.insert(args.begin(), {"--lang", "en"});
    const auto result = testing::run_icn(args, corpus());
    EXPECT_EQ(result.status, status) << result.err;
    std::vector<std::string> lines;
    std::istringstream err(result.err);
    while (std::getline(err, line)) lines.push_back(line);
    while (std::getline(expect, line)) {
        if (line.empty()) continue;
        const bool found = std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
            return l.rfind(line, 0) == 0;  // the expected text starts the line
        });
        EXPECT_TRUE(found) << "expected a line starting with:\n  " << line << "\nstderr was:\n"
                           << result.err;
    }
}

// The same case in Chinese, the default: the same status, every problem at the same FILE:LINE,
// worded in Chinese (no English sentence left for a message the catalog knows).
TEST_P(BadInput, SameProblemsInChinese) {
    std::ifstream expect(corpus() / GetParam() / "expect.txt");
    std::string args_line, status_line, line;
    std::getline(expect, args_line);
    std::getline(expect, status_line);
    const int status = std::stoi(status_line.substr(7));
    const auto zh = testing::run_icn(split_args(args_line), corpus());
    EXPECT_EQ(zh.status, status) << zh.err;
    while (std::getline(expect, line)) {
        if (line.empty() || line.rfind("icn", 0) == 0) continue;
        const std::size_t colon = line.find(": ");
        if (colon == std::string::npos) continue;
        const std::string where = line.substr(0, colon) + "：";
        EXPECT_NE(zh.err.find(where), std::string::npos)
            << "no Chinese line at " << where << "\nstderr was:\n"
            << zh.err;
    }
    for (const char* english : {"unknown supplier", "missing required column", "duplicate firm id",
                                "ragged row", "unterminated quote", "missing file"}) {
        EXPECT_EQ(zh.err.find(english), std::string::npos) << english << "\n" << zh.err;
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, BadInput, ::testing::ValuesIn(cases()),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace icn
