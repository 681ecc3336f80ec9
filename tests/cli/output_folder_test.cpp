// SPDX-License-Identifier: MIT
// --out never costs the user a file (SPEC section 2): ICN writes a new or empty folder, or one
// carrying its manifest, and there replaces only the files it listed. Every refusal is exit 2
// with a message saying what to do, and every file in and around --out (inputs included) has
// the same checksum afterwards.
#include <map>

#include <gtest/gtest.h>

#include "engine/io/text_file.hpp"
#include "engine/util/staged_output.hpp"
#include "tests/support/test_support.hpp"

namespace icn {
namespace {

namespace fs = std::filesystem;

// Every regular file below `folder` (hidden ones too) with its checksum.
std::map<std::string, std::string> checksums(const fs::path& folder) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (entry.is_regular_file()) {
            out[entry.path().lexically_relative(folder).string()] =
                sha256_hex(testing::read_text(entry.path()));
        }
    }
    return out;
}

// A temporary folder holding a copy of the sample dataset in `ds`.
struct Workspace {
    testing::TempDir dir;
    fs::path dataset = dir / "ds";
    Workspace() {
        fs::copy(testing::source_dir() / "datasets/sample/linqing-bearing", dataset,
                 fs::copy_options::recursive);
    }
    testing::RunResult analyze(const std::string& out, const fs::path& cwd = {},
                               const std::string& data = {}) const {
        std::vector<std::string> args = {
            "--quiet",  "analyze", data.empty() ? dataset.string() : data, "--chain", "bearing",
            "--region", "371581"};
        if (!out.empty()) {
            args.push_back("--out");
            args.push_back(out);
        }
        return testing::run_icn(args, cwd.empty() ? dir.path() : cwd);
    }
};

// Runs analyze into `out` and expects a refusal that names `expected` and changes nothing.
void expect_refused(const Workspace& ws, const std::string& out, const std::string& expected,
                    const fs::path& cwd = {}, const std::string& data = {}) {
    const auto before = checksums(ws.dir.path());
    const auto run = ws.analyze(out, cwd, data);
    EXPECT_EQ(run.status, 2) << run.err;
    EXPECT_NE(run.err.find(expected), std::string::npos) << run.err;
    EXPECT_EQ(checksums(ws.dir.path()), before) << "a file changed for --out " << out;
}

}  // namespace

TEST(OutputFolder, RefusesTheDatasetItself) {
    Workspace ws;
    expect_refused(ws, ws.dataset.string(), "这是输入");
    EXPECT_TRUE(fs::exists(ws.dataset / "firms.csv"));
    EXPECT_TRUE(fs::exists(ws.dataset / "links.csv"));
}

TEST(OutputFolder, RefusesAFolderInsideOrAroundAnInput) {
    Workspace ws;
    expect_refused(ws, (ws.dataset / "report").string(), "位于输入");
    expect_refused(ws, ws.dir.path().string(), "位于其中", testing::source_dir());
}

TEST(OutputFolder, RefusesAFolderHoldingSomeoneElsesFiles) {
    Workspace ws;
    testing::write_text(ws.dir / "mydocs" / "申报材料.docx", "the application");
    expect_refused(ws, (ws.dir / "mydocs").string(), "申报材料.docx");
    EXPECT_EQ(testing::read_text(ws.dir / "mydocs" / "申报材料.docx"), "the application");
}

TEST(OutputFolder, RefusesRootHomeCurrentFileAndLinks) {
    Workspace ws;
    expect_refused(ws, "/", "根目录");
    expect_refused(ws, ".", "当前文件夹");
    testing::write_text(ws.dir / "home" / "keep.txt", "mine");
    const auto home =
        testing::run_shell("HOME=" + testing::shell_quote((ws.dir / "home").string()) +
                               " '" ICN_BINARY
                               "' --quiet analyze ds --chain "
                               "bearing --region 371581 --out " +
                               testing::shell_quote((ws.dir / "home").string()),
                           ws.dir.path());
    EXPECT_EQ(home.status, 2) << home.err;
    EXPECT_NE(home.err.find("主目录"), std::string::npos) << home.err;
    testing::write_text(ws.dir / "a-file", "not a folder");
    expect_refused(ws, (ws.dir / "a-file").string(), "不是文件夹");
    fs::create_directory_symlink(ws.dir / "nowhere", ws.dir / "dangling");
    expect_refused(ws, (ws.dir / "dangling").string(), "符号链接");
}

TEST(OutputFolder, ExplainsWhyTheDefaultIsRefusedInsideTheDataset) {
    Workspace ws;
    expect_refused(ws, "", "默认输出文件夹", ws.dataset, ".");
    EXPECT_FALSE(fs::exists(ws.dataset / "icn-out"));
    const auto run = testing::run_icn(
        {"--lang", "en", "--quiet", "analyze", ".", "--chain", "bearing", "--region", "371581"},
        ws.dataset);
    EXPECT_EQ(run.status, 2);
    EXPECT_NE(run.err.find("the default output folder"), std::string::npos) << run.err;
}

TEST(OutputFolder, ReplacesOnlyTheFilesItWrote) {
    Workspace ws;
    const auto out = ws.dir / "out";
    ASSERT_EQ(ws.analyze(out.string()).status, 0);
    const auto manifest = read_manifest(out);
    EXPECT_NE(std::find(manifest.begin(), manifest.end(), "report.json"), manifest.end());
    // The planner adds notes of their own, and a folder of them, to the report folder.
    testing::write_text(out / "批注.txt", "my notes");
    testing::write_text(out / "drafts" / "申报材料.docx", "draft");
    const auto run = ws.analyze(out.string());
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(testing::read_text(out / "批注.txt"), "my notes");
    EXPECT_EQ(testing::read_text(out / "drafts" / "申报材料.docx"), "draft");
    EXPECT_TRUE(fs::exists(out / "report.html"));
    // A file of the planner's that a new output would overwrite stops the run, changing nothing.
    fs::remove(out / "chain.svg");
    testing::write_text(out / "chain.svg", "mine");
    auto listed = read_manifest(out);
    listed.erase(std::remove(listed.begin(), listed.end(), "chain.svg"), listed.end());
    std::string text = testing::read_text(out / ".icn-manifest");
    text.replace(text.find("chain.svg\n"), 10, "");
    testing::write_text(out / ".icn-manifest", text);
    expect_refused(ws, out.string(), "chain.svg");
    EXPECT_EQ(testing::read_text(out / "chain.svg"), "mine");
    // Nothing staged is left beside it.
    for (const auto& entry : fs::directory_iterator(ws.dir.path())) {
        EXPECT_EQ(entry.path().filename().string().find("icn-staging"), std::string::npos)
            << entry.path();
    }
}

TEST(OutputFolder, ReadOnlyPreviousOutputLeavesNothingBehind) {
    if (std::string why; !testing::can_drop_privileges(why)) GTEST_SKIP() << why;
    Workspace ws;
    const auto world = testing::unprivileged_copy(ws.dir);
    const auto out = ws.dir / "out";
    ASSERT_EQ(ws.analyze(out.string()).status, 0);
    fs::permissions(ws.dir.path(), fs::perms(0777));  // the parent is writable for anyone
    fs::permissions(out, fs::perms(0555));            // the previous report is not
    const auto before = checksums(ws.dir.path());
    const auto run = testing::run_shell(
        "setpriv --reuid=65534 --regid=65534 --clear-groups ./icn --quiet analyze "
        "linqing-bearing --chain ./bearing --region 371581 --criteria criteria/national-2022.csv "
        "--out " +
            testing::shell_quote(out.string()),
        world);
    EXPECT_EQ(run.status, 1) << run.err;
    EXPECT_NE(run.err.find("cannot replace"), std::string::npos) << run.err;
    EXPECT_EQ(checksums(ws.dir.path()), before);
    for (const auto& entry : fs::directory_iterator(ws.dir.path())) {
        EXPECT_EQ(entry.path().filename().string().find("icn-staging"), std::string::npos)
            << entry.path();
    }
    fs::permissions(out, fs::perms(0755));
}

TEST(OutputFolder, GenerateFollowsTheSameRules) {
    Workspace ws;
    testing::write_text(ws.dir / "mine" / "keep.csv", "a,b\n");
    const auto before = checksums(ws.dir.path());
    const auto run = testing::run_icn(
        {"--quiet", "generate", "--chain", "bearing", "--out", (ws.dir / "mine").string()});
    EXPECT_EQ(run.status, 2) << run.err;
    EXPECT_EQ(checksums(ws.dir.path()), before);
}

}  // namespace icn
