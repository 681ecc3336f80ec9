// SPDX-License-Identifier: MIT
#include "engine/io/text_file.hpp"

#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

namespace icn {
namespace {

const std::string kChinese =
    "id,name,region\nF1,临清市恒瑞轴承有限公司,371581\nF2,洛阳轴承集团股份有限公司,410311\n";

}  // namespace

TEST(TextFile, Utf8WithBomLosesTheBom) {
    Issues issues;
    const auto file = decode_text("\xEF\xBB\xBF" + kChinese, "f.csv", issues);
    ASSERT_TRUE(file);
    EXPECT_EQ(file->text, kChinese);
    EXPECT_EQ(file->encoding, "UTF-8");
    EXPECT_TRUE(issues.items().empty());
}

TEST(TextFile, GbkIsDetectedConvertedAndNoted) {
    const std::string gbk = testing::encode_as(kChinese, "GBK");
    ASSERT_NE(gbk, kChinese);
    Issues issues;
    const auto file = decode_text(gbk, "f.csv", issues);
    ASSERT_TRUE(file);
    EXPECT_EQ(file->encoding, "GB18030");
    EXPECT_EQ(file->text, kChinese);
    ASSERT_EQ(issues.items().size(), 1u);
    EXPECT_EQ(issues.items()[0].severity, Severity::note);
    EXPECT_FALSE(issues.has_errors());
}

TEST(TextFile, AStrayByteInUtf8IsAnErrorAtItsLineNotMojibake) {
    std::string text = kChinese + "F3,坏\xFF字节,371581\n";
    Issues issues;
    const auto file = decode_text(text, "f.csv", issues);
    ASSERT_TRUE(file);
    EXPECT_EQ(file->encoding, "UTF-8");
    ASSERT_EQ(issues.error_count(), 1u);
    EXPECT_EQ(issues.items()[0].line, 4u);
    EXPECT_NE(issues.items()[0].message.find("0xFF"), std::string::npos);
    EXPECT_NE(file->text.find("临清市恒瑞轴承有限公司"), std::string::npos);
}

TEST(TextFile, Utf16WithBomIsConverted) {
    const std::string utf16 = "\xFF\xFE" + testing::encode_as(kChinese, "UTF-16LE");
    Issues issues;
    const auto file = decode_text(utf16, "f.csv", issues);
    ASSERT_TRUE(file);
    EXPECT_EQ(file->text, kChinese);
}

TEST(TextFile, BinaryIsRefused) {
    Issues issues;
    EXPECT_FALSE(decode_text(std::string("PK\x03\x04\0\0", 6), "f.csv", issues));
    ASSERT_TRUE(issues.has_errors());
    EXPECT_NE(issues.items()[0].message.find("NUL"), std::string::npos);
}

TEST(TextFile, NeitherUtf8NorGb18030IsUnknown) {
    // Bytes 0x80 and 0xFF are invalid both as UTF-8 leads and as GB18030 leads.
    Issues issues;
    EXPECT_FALSE(decode_text("id\n\x80\xFF\x80\xFF\x80\xFF\n", "f.csv", issues));
    ASSERT_TRUE(issues.has_errors());
    EXPECT_NE(issues.items()[0].message.find("encoding unknown"), std::string::npos);
}

TEST(TextFile, MissingFileAndFolderAreErrorsWithoutLine) {
    Issues issues;
    EXPECT_FALSE(read_text_file("/nonexistent/firms.csv", "x/firms.csv", issues));
    EXPECT_FALSE(read_text_file("/tmp", "tmp", issues));
    ASSERT_EQ(issues.error_count(), 2u);
    EXPECT_EQ(format_issue(issues.items()[0]), "x/firms.csv: missing file");
    EXPECT_EQ(issues.items()[1].line, 0u);
}

TEST(TextFile, Sha256OfKnownInput) {
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace icn
