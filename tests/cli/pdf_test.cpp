// SPDX-License-Identifier: MIT
// report.pdf, printed by headless Chromium where Debian's chromium is installed: A4, the report's
// Chinese text (fonts embedded), sections on pages of their own. Without Chromium the default
// formats leave the PDF out with a note, and asking for it is bad usage naming the package.
#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

namespace icn {
namespace {

const std::string kSample = "datasets/sample/linqing-bearing";

}  // namespace

TEST(Pdf, TheReportPrintsOnA4WithChineseText) {
    if (testing::run_shell("command -v chromium && command -v pdftotext && command -v pdfinfo")
            .status != 0) {
        GTEST_SKIP() << "needs Debian's chromium and poppler-utils (scripts/setup.sh --browser)";
    }
    testing::TempDir dir;
    const auto out = dir / "out";
    const auto run =
        testing::run_icn({"--quiet", "analyze", kSample, "--chain", "bearing", "--region", "371581",
                          "--out", out.string(), "--formats", "pdf,json"});
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_TRUE(std::filesystem::exists(out / "report.pdf"));
    EXPECT_FALSE(std::filesystem::exists(out / "report.html"));  // not asked for
    const std::string pdf = (out / "report.pdf").string();
    const auto info = testing::run_shell("pdfinfo " + testing::shell_quote(pdf));
    EXPECT_NE(info.out.find("(A4)"), std::string::npos) << info.out;
    const auto pages = testing::run_shell("pdfinfo " + testing::shell_quote(pdf) +
                                          " | awk '/^Pages:/ {print $2}'");
    EXPECT_GE(std::stoi(pages.out), 6);  // the sections start on pages of their own
    const auto text = testing::run_shell("pdftotext " + testing::shell_quote(pdf) + " -");
    for (const char* expected : {"诊断报告", "二、集群凝聚度", "三、链主企业", "40亿元"}) {
        EXPECT_NE(text.out.find(expected), std::string::npos) << expected;
    }
    // Every font embedded: the "emb" column of pdffonts says yes on every line.
    const auto fonts = testing::run_shell("pdffonts " + testing::shell_quote(pdf));
    const std::size_t emb = fonts.out.find("emb");
    ASSERT_NE(emb, std::string::npos) << fonts.out;
    std::size_t lines = 0;
    std::size_t start = fonts.out.find('\n', fonts.out.find('\n') + 1) + 1;
    while (start < fonts.out.size()) {
        const std::size_t end = fonts.out.find('\n', start);
        const std::string line = fonts.out.substr(start, end - start);
        if (line.size() > emb + 3) {
            ++lines;
            EXPECT_EQ(line.substr(emb, 3), "yes") << line;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    EXPECT_GT(lines, 0u);
}

TEST(Pdf, WithoutChromiumTheDefaultSaysSoAndAskingIsBadUsage) {
    testing::TempDir dir;
    const std::string env = "ICN_CHROMIUM=/nonexistent/chromium ";
    const auto asked = testing::run_shell(env + "'" ICN_BINARY "' --lang en analyze " + kSample +
                                          " --chain bearing --region 371581 --formats pdf --out " +
                                          testing::shell_quote((dir / "a").string()));
    EXPECT_EQ(asked.status, 2);
    EXPECT_NE(asked.err.find("apt-get install chromium"), std::string::npos) << asked.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "a"));
    const auto fallback = testing::run_shell(env + "'" ICN_BINARY "' --lang en analyze " + kSample +
                                             " --chain bearing --region 371581 --out " +
                                             testing::shell_quote((dir / "b").string()));
    EXPECT_EQ(fallback.status, 0) << fallback.err;
    EXPECT_NE(fallback.err.find("note: no report.pdf: Debian's chromium is not installed"),
              std::string::npos)
        << fallback.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "b" / "report.html"));
    EXPECT_FALSE(std::filesystem::exists(dir / "b" / "report.pdf"));
}

}  // namespace icn
