// SPDX-License-Identifier: MIT
// Excel workbooks (.xlsx, Office Open XML) as the table readers see CSV (SPEC section 1): each
// visible sheet becomes CSV text with one line per spreadsheet row, so that row n of the sheet is
// line n and every problem is reported as FILE!SHEET:ROW. The package is read with libzip and
// the XML with expat, streaming, within stated limits (a zip bomb or a runaway sheet is refused,
// never expanded). Shared and inline strings, numbers as Excel stores them (integral values
// written without a decimal point, so a region code never becomes 4.10311E+05), booleans,
// cached formula results. Among the first ten rows, those that hold at most one cell before the
// first row of two or more (a title above the header, often merged across the columns) become
// blank lines; a line break inside a cell becomes a space.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/io/text_file.hpp"
#include "models/issue.hpp"

namespace icn {

inline constexpr std::size_t kMaxXlsxEntryBytes = std::size_t{512} << 20;  // 512 MiB expanded
inline constexpr std::size_t kMaxXlsxBytes = std::size_t{512} << 20;       // 512 MiB on disk

struct XlsxSheet {
    std::string name;
    std::string part;  // the sheet's XML inside the package, e.g. xl/worksheets/sheet1.xml
    bool hidden = false;
};

class XlsxWorkbook {
public:
    // Reads the package and its sheet list; nullopt (with an error naming `display`) for a file
    // that is not a readable .xlsx.
    static std::optional<XlsxWorkbook> open(const std::filesystem::path& path,
                                            const std::string& display, Issues& issues);
    // The same from the package's bytes (tests and fuzzers).
    static std::optional<XlsxWorkbook> from_bytes(std::string bytes, const std::string& display,
                                                  Issues& issues);

    const std::vector<XlsxSheet>& sheets() const { return sheets_; }
    // The visible sheet whose name is one of `names` (compared trimmed, ASCII case folded).
    const XlsxSheet* find_sheet(const std::vector<std::string>& names) const;
    const XlsxSheet* first_visible_sheet() const;

    // The sheet as CSV text; its display is "FILE!SHEET", its checksum the workbook's.
    std::optional<TextFile> sheet_text(const XlsxSheet& sheet, Issues& issues) const;

    const std::string& display() const { return display_; }
    const std::string& sha256() const { return sha256_; }

private:
    std::string display_;
    std::string bytes_;  // the whole package
    std::string sha256_;
    std::vector<XlsxSheet> sheets_;
    std::vector<std::string> shared_strings_;
};

// Converts one worksheet's XML to CSV text (exposed for tests and fuzzers).
std::optional<std::string> sheet_xml_to_csv(const std::string& xml,
                                            const std::vector<std::string>& shared_strings,
                                            const std::string& display, Issues& issues);

}  // namespace icn
