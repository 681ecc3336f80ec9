// SPDX-License-Identifier: MIT
// Reads an input file into UTF-8 text, detecting its encoding (SPEC section 1):
// UTF-8 (BOM ignored) when nearly all non-ASCII bytes form valid UTF-8, the few invalid bytes
// being errors at their lines (replaced by U+FFFD so that reading goes on); GB18030 when the
// file mostly fails as UTF-8 but converts cleanly (with a note); UTF-16 with a BOM is converted;
// anything else is an error for the whole file.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "models/issue.hpp"

namespace icn {

inline constexpr std::size_t kMaxInputBytes = std::size_t{8} << 30;  // 8 GiB per file

struct TextFile {
    std::string display;   // path as the user would find it
    std::string text;      // UTF-8, no BOM
    std::string encoding;  // "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE"
    std::string sha256;    // of the bytes on disk
};

// Missing file, a folder or unreadable: an error without a line, and nullopt.
std::optional<TextFile> read_text_file(const std::filesystem::path& path, std::string display,
                                       Issues& issues);

// Converts raw bytes (as read from `display`) to UTF-8; exposed for tests and fuzzers.
std::optional<TextFile> decode_text(std::string bytes, std::string display, Issues& issues);

std::string sha256_hex(const std::string& bytes);

}  // namespace icn
