// SPDX-License-Identifier: MIT
// report.docx, written by pandoc where Debian's pandoc is installed: the chapters of an
// application's cluster section, real Word tables (the diagnostics with value, threshold,
// conclusion and source), the diagrams as PNG images, CJK fonts, A4. Read back with the standard
// library's zip and XML readers, and, where LibreOffice is installed, rendered to PDF pages.
// Without pandoc the default formats leave the docx out with a note, and asking for it is bad
// usage naming the package.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/support/test_support.hpp"

namespace icn {
namespace {

const std::string kSample = "datasets/sample/linqing-bearing";

nlohmann::json inspect(const std::filesystem::path& docx) {
    const auto run =
        testing::run_shell("/usr/bin/python3 '" ICN_SOURCE_DIR "/tests/support/inspect_docx.py' " +
                           testing::shell_quote(docx.string()));
    EXPECT_EQ(run.status, 0) << run.err;
    return nlohmann::json::parse(run.out);
}

}  // namespace

TEST(Docx, TheReportReadsLikeAnApplicationsClusterSection) {
    if (testing::run_shell("command -v pandoc").status != 0) {
        GTEST_SKIP() << "needs Debian's pandoc (scripts/setup.sh installs it)";
    }
    testing::TempDir dir;
    const auto out = dir / "out";
    const auto run =
        testing::run_icn({"--quiet", "analyze", kSample, "--chain", "bearing", "--region", "371581",
                          "--out", out.string(), "--formats", "docx,json"});
    ASSERT_EQ(run.status, 0) << run.err;
    ASSERT_TRUE(std::filesystem::exists(out / "report.docx"));
    const nlohmann::json doc = inspect(out / "report.docx");

    std::vector<std::string> headings;
    for (const auto& p : doc["paragraphs"]) {
        if (p["style"].get<std::string>().rfind("Heading1", 0) == 0) headings.push_back(p["text"]);
    }
    const std::vector<std::string> chapters = {"一、集群基本情况", "二、产业链图谱与缺口",
                                               "三、链主与协作网络", "四、认定条件对照",
                                               "附：数据与方法"};
    EXPECT_EQ(headings, chapters);
    EXPECT_EQ(doc["paragraphs"][0]["style"], "Title");

    // Real tables; the diagnostics one has value, threshold, conclusion and source, and each of
    // its rows a conclusion in words.
    ASSERT_GE(doc["tables"].size(), 6u);
    const nlohmann::json* diagnostics = nullptr;
    for (const auto& table : doc["tables"]) {
        if (table[0][0] == "条件") diagnostics = &table;
    }
    ASSERT_NE(diagnostics, nullptr);
    EXPECT_EQ((*diagnostics)[0],
              nlohmann::json({"条件", "集群数值", "标准", "结论", "说明与建议", "依据"}));
    const nlohmann::json report = nlohmann::json::parse(testing::read_text(out / "report.json"));
    EXPECT_EQ(diagnostics->size(), report["diagnostics"]["criteria"].size() + 1);
    for (std::size_t i = 1; i < diagnostics->size(); ++i) {
        const std::string status = (*diagnostics)[i][3];
        EXPECT_TRUE(status == "达标" || status == "未达标" || status == "待判断" ||
                    status == "数据不足")
            << status;
        EXPECT_FALSE((*diagnostics)[i][5].get<std::string>().empty());  // the source
    }
    bool output_row = false;
    for (std::size_t i = 1; i < diagnostics->size(); ++i) {
        const std::string value = (*diagnostics)[i][1];
        if (value.find("亿元") != std::string::npos) output_row = true;
    }
    EXPECT_TRUE(output_row);  // amounts in 亿元, as in every text output

    // The chain, the network and at least one view of a segment with a gap, as PNG images.
    ASSERT_FALSE(report["gaps"].empty());
    EXPECT_GE(doc["media"].size(), 3u);
    for (const auto& [name, png] : doc["media"].items()) EXPECT_TRUE(png.get<bool>()) << name;
    EXPECT_EQ(doc["hyperlinks"], 0);
    // 宋体 / 黑体 for Chinese text, A4.
    const auto fonts = doc["east_asian_fonts"].get<std::vector<std::string>>();
    EXPECT_NE(std::find(fonts.begin(), fonts.end(), "SimSun"), fonts.end());
    EXPECT_NE(std::find(fonts.begin(), fonts.end(), "SimHei"), fonts.end());
    EXPECT_EQ(doc["page"], nlohmann::json({11906, 16838}));

    // Rendered as a reader's word processor would, where LibreOffice is installed.
    if (testing::run_shell("command -v libreoffice && command -v pdftotext").status == 0) {
        const auto pdf =
            testing::run_shell("cd " + testing::shell_quote(out.string()) +
                               " && HOME=" + testing::shell_quote(dir.path().string()) +
                               " libreoffice --headless --convert-to pdf --outdir "
                               "rendered report.docx");
        ASSERT_EQ(pdf.status, 0) << pdf.err;
        const auto text = testing::run_shell(
            "pdftotext " + testing::shell_quote((out / "rendered" / "report.pdf").string()) + " -");
        for (const char* expected : {"集群基本情况", "认定条件对照", "本地配套率", "待判断"}) {
            EXPECT_NE(text.out.find(expected), std::string::npos) << expected;
        }
        const auto images = testing::run_shell(
            "pdfimages -list " + testing::shell_quote((out / "rendered" / "report.pdf").string()) +
            " | tail -n +3 | wc -l");
        EXPECT_GE(std::stoi(images.out), 3) << images.out;
    }
}

TEST(Docx, WithoutPandocTheDefaultSaysSoAndAskingIsBadUsage) {
    testing::TempDir dir;
    const std::string env = "ICN_PANDOC=/nonexistent/pandoc ";
    const auto asked = testing::run_shell(env + "'" ICN_BINARY "' --lang en analyze " + kSample +
                                          " --chain bearing --region 371581 --formats docx --out " +
                                          testing::shell_quote((dir / "a").string()));
    EXPECT_EQ(asked.status, 2);
    EXPECT_NE(asked.err.find("apt-get install pandoc"), std::string::npos) << asked.err;
    EXPECT_FALSE(std::filesystem::exists(dir / "a"));
    const auto fallback =
        testing::run_shell(env + "'" ICN_BINARY "' --lang en analyze " + kSample +
                           " --chain bearing --region 371581 --formats json,docx,html --out " +
                           testing::shell_quote((dir / "b").string()));
    EXPECT_EQ(fallback.status, 2);  // asked explicitly among others: still bad usage
    const auto by_default = testing::run_shell(env + "'" ICN_BINARY "' --lang en analyze " +
                                               kSample + " --chain bearing --region 371581 --out " +
                                               testing::shell_quote((dir / "c").string()));
    EXPECT_EQ(by_default.status, 0) << by_default.err;
    EXPECT_NE(by_default.err.find("note: no report.docx: Debian's pandoc is not installed"),
              std::string::npos)
        << by_default.err;
    EXPECT_TRUE(std::filesystem::exists(dir / "c" / "report.html"));
    EXPECT_FALSE(std::filesystem::exists(dir / "c" / "report.docx"));
}

}  // namespace icn
