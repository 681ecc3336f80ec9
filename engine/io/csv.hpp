// SPDX-License-Identifier: MIT
// RFC 4180 CSV records over a UTF-8 buffer: quoted fields may hold commas, doubled quotes and
// newlines; CRLF or LF; blank lines skipped. Fields are views into the buffer, which the parser
// rewrites in place to undo doubled quotes, so the buffer must outlive the records.
// Time: O(bytes). Memory: one vector of views per record.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "models/issue.hpp"

namespace icn {

inline constexpr std::size_t kMaxFieldBytes = std::size_t{1} << 20;  // 1 MiB
inline constexpr std::size_t kMaxColumns = 4096;

struct CsvRecord {
    std::uint32_t line = 0;  // physical line where the record starts (header = 1)
    std::vector<std::string_view> fields;
    bool bad = false;  // a problem was reported for this record; do not interpret it
};

class CsvParser {
public:
    // `display` names the file in messages.
    CsvParser(std::string& text, std::string display, Issues& issues);
    // Parses only text[begin, end), whose first byte is on line `first_line`; `begin` must start
    // a record (used to split a file without quotes among threads).
    CsvParser(std::string& text, std::size_t begin, std::size_t end, std::uint32_t first_line,
              std::string display, Issues& issues);

    // Reads the next non-blank record; false at the end of the buffer.
    bool next(CsvRecord& record);
    std::uint32_t lines_read() const { return line_; }
    std::size_t offset() const { return pos_; }

private:
    std::string& text_;
    std::string display_;
    Issues& issues_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
    std::uint32_t line_ = 1;
};

// Splits a `;`-separated list (also the full-width ；), trimming each item and dropping empties.
std::vector<std::string_view> split_list(std::string_view text);

// Trims ASCII white space (and U+3000 ideographic space) at both ends.
std::string_view trim(std::string_view text);

}  // namespace icn
