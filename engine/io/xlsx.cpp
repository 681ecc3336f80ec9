// SPDX-License-Identifier: MIT
#include "engine/io/xlsx.hpp"

#include <charconv>
#include <cmath>
#include <expat.h>
#include <fstream>
#include <functional>
#include <memory>
#include <system_error>
#include <unordered_map>
#include <zip.h>

#include <fmt/format.h>

#include "engine/io/csv.hpp"
#include "engine/io/values.hpp"
#include "engine/util/message.hpp"

namespace icn {
namespace {

constexpr std::string_view kRelationshipsNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr std::size_t kMaxColumn = 16384;  // Excel's XFD

// The local part of an expat name in namespace mode ("uri|local").
std::string_view local_name(const char* name) {
    const std::string_view n(name);
    const std::size_t bar = n.rfind('|');
    return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

std::string_view name_space(const char* name) {
    const std::string_view n(name);
    const std::size_t bar = n.rfind('|');
    return bar == std::string_view::npos ? std::string_view{} : n.substr(0, bar);
}

// One attribute's value by local name (and namespace, when given); "" when absent.
std::string_view attribute(const char** attrs, std::string_view local, std::string_view ns = {}) {
    for (int i = 0; attrs[i] != nullptr; i += 2) {
        if (local_name(attrs[i]) == local && (ns.empty() || name_space(attrs[i]) == ns)) {
            return attrs[i + 1];
        }
    }
    return {};
}

// A streaming XML pass with three callbacks; false (and `error`) when the XML is broken.
struct XmlPass {
    std::function<void(std::string_view, const char**)> start;
    std::function<void(std::string_view)> end;
    std::function<void(std::string_view)> text;
    std::string error;

    bool run(const std::string& xml) {
        std::unique_ptr<std::remove_pointer_t<XML_Parser>, decltype(&XML_ParserFree)> parser(
            XML_ParserCreateNS(nullptr, '|'), &XML_ParserFree);
        if (!parser) throw std::bad_alloc();
        XML_SetUserData(parser.get(), this);
        XML_SetElementHandler(
            parser.get(),
            [](void* self, const char* name, const char** attrs) {
                auto* pass = static_cast<XmlPass*>(self);
                if (pass->start) pass->start(local_name(name), attrs);
            },
            [](void* self, const char* name) {
                auto* pass = static_cast<XmlPass*>(self);
                if (pass->end) pass->end(local_name(name));
            });
        XML_SetCharacterDataHandler(parser.get(), [](void* self, const char* s, int len) {
            auto* pass = static_cast<XmlPass*>(self);
            if (pass->text) pass->text(std::string_view(s, static_cast<std::size_t>(len)));
        });
        // Fed in pieces, since XML_Parse takes an int length.
        constexpr std::size_t kPiece = std::size_t{1} << 24;
        std::size_t at = 0;
        do {
            const std::size_t n = std::min(kPiece, xml.size() - at);
            const bool last = at + n == xml.size();
            if (XML_Parse(parser.get(), xml.data() + at, static_cast<int>(n), last) ==
                XML_STATUS_ERROR) {
                error =
                    fmt::format("{} (XML line {})", XML_ErrorString(XML_GetErrorCode(parser.get())),
                                XML_GetCurrentLineNumber(parser.get()));
                return false;
            }
            at += n;
        } while (at < xml.size());
        return true;
    }
};

struct ZipDeleter {
    void operator()(zip_t* zip) const { zip_discard(zip); }
};
using Zip = std::unique_ptr<zip_t, ZipDeleter>;

Zip open_zip(const std::string& bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) return nullptr;
    zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (zip == nullptr) zip_source_free(source);
    zip_error_fini(&error);
    return Zip(zip);
}

enum class EntryStatus { ok, missing, too_big, broken };

// An entry of the package, expanded at most to `cap` bytes: a zip bomb is stopped, not
// inflated.
EntryStatus read_entry(zip_t* zip, const std::string& name, std::string& out) {
    out.clear();
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(zip, name.c_str(), 0, &stat) != 0) return EntryStatus::missing;
    // Refused on its declared size before anything is inflated; a package that understates it
    // is stopped by the count below.
    if ((stat.valid & ZIP_STAT_SIZE) != 0 && stat.size > kMaxXlsxEntryBytes) {
        return EntryStatus::too_big;
    }
    zip_file_t* file = zip_fopen(zip, name.c_str(), 0);
    if (file == nullptr) return EntryStatus::missing;
    char buffer[1 << 16];
    EntryStatus status = EntryStatus::ok;
    for (;;) {
        const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
        if (n < 0) {
            status = EntryStatus::broken;
            break;
        }
        if (n == 0) break;
        if (out.size() + static_cast<std::size_t>(n) > kMaxXlsxEntryBytes) {
            status = EntryStatus::too_big;
            break;
        }
        out.append(buffer, static_cast<std::size_t>(n));
    }
    zip_fclose(file);
    return status;
}

// "B12" -> column 1 (0-based); kMaxColumn when it is not a cell reference.
std::size_t column_of(std::string_view ref) {
    std::size_t column = 0;
    std::size_t i = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
        column = column * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
        if (column > kMaxColumn) return kMaxColumn;
        ++i;
    }
    return i == 0 ? kMaxColumn : column - 1;
}

// A number as Excel stores it, written as a table cell: integral values without a decimal
// point (410311, not 410311.0 or 4.10311E+05), others as the shortest text that reads back.
std::string number_text(std::string_view stored) {
    double value = 0;
    const auto [ptr, ec] = std::from_chars(stored.data(), stored.data() + stored.size(), value);
    if (ec != std::errc() || ptr != stored.data() + stored.size() || !std::isfinite(value)) {
        return std::string(stored);
    }
    if (value == std::floor(value) && std::fabs(value) < 1e15) {
        return fmt::format("{:.0f}", value + 0.0);
    }
    return fmt::format("{}", value);
}

void append_field(std::string& csv, std::string_view text) {
    bool quote = text.find_first_of(",\"") != std::string_view::npos;
    std::string cell;
    cell.reserve(text.size());
    for (char c : text) {
        // One spreadsheet row is one line, so that rows keep their numbers.
        if (c == '\n' || c == '\r') {
            if (!cell.empty() && cell.back() != ' ') cell += ' ';
            continue;
        }
        cell += c;
    }
    if (!quote) {
        csv += cell;
        return;
    }
    csv += '"';
    for (char c : cell) {
        if (c == '"') csv += '"';
        csv += c;
    }
    csv += '"';
}

}  // namespace

std::optional<std::string> sheet_xml_to_csv(const std::string& xml,
                                            const std::vector<std::string>& shared_strings,
                                            const std::string& display, Issues& issues) {
    std::string csv;
    std::size_t next_row = 1;  // the line the next row written will start
    bool header_seen = false;
    std::size_t width = 0;                                   // the header row's columns
    std::vector<std::pair<std::size_t, std::string>> cells;  // this row's
    std::size_t row_number = 0;
    std::size_t next_column = 0;
    std::string type, value, inline_text;
    std::size_t column = 0;
    bool in_value = false, in_inline = false, in_cell = false;
    bool bad = false;

    XmlPass pass;
    pass.start = [&](std::string_view name, const char** attrs) {
        if (name == "row") {
            cells.clear();
            next_column = 0;
            const std::string_view r = attribute(attrs, "r");
            std::size_t n = 0;
            const auto [ptr, ec] = std::from_chars(r.data(), r.data() + r.size(), n);
            row_number =
                (ec == std::errc() && ptr == r.data() + r.size() && n >= next_row) ? n : next_row;
        } else if (name == "c") {
            in_cell = true;
            const std::string_view r = attribute(attrs, "r");
            column = r.empty() ? next_column : column_of(r);
            type = std::string(attribute(attrs, "t"));
            value.clear();
            inline_text.clear();
        } else if (name == "v" && in_cell) {
            in_value = true;
        } else if (name == "t" && in_cell) {
            in_inline = true;
        }
    };
    pass.text = [&](std::string_view s) {
        if (in_value) value += s;
        if (in_inline) inline_text += s;
    };
    pass.end = [&](std::string_view name) {
        if (name == "v") {
            in_value = false;
        } else if (name == "t") {
            in_inline = false;
        } else if (name == "c") {
            in_cell = false;
            if (column >= kMaxColumn) {
                if (!bad) {
                    issues.error(display, static_cast<std::uint32_t>(row_number),
                                 msg("a cell beyond column {} (Excel's last)", kMaxColumn));
                }
                bad = true;
                return;
            }
            std::string text;
            if (type == "s") {
                std::size_t index = shared_strings.size();
                std::from_chars(value.data(), value.data() + value.size(), index);
                text = index < shared_strings.size() ? shared_strings[index] : std::string();
            } else if (type == "inlineStr") {
                text = inline_text;
            } else if (type == "b") {
                text = value == "1" ? "TRUE" : "FALSE";
            } else if (type == "str" || type == "e") {
                text = value;
            } else {
                text = number_text(value);
                // Excel keeps 15 significant digits: a longer number (an id, a 统一社会信用代码
                // typed into a number cell) has already been rounded. Refused, never guessed.
                double v = 0;
                const auto [ptr, ec] =
                    std::from_chars(value.data(), value.data() + value.size(), v);
                if (ec == std::errc() && ptr == value.data() + value.size() &&
                    std::fabs(v) >= 1e15 && v == std::floor(v)) {
                    issues.error(display, static_cast<std::uint32_t>(row_number),
                                 msg("a number of 16 or more digits ({}): Excel keeps only 15, so "
                                     "an id stored as a number has been rounded; format the column "
                                     "as text and enter the values again",
                                     text));
                    bad = true;
                }
            }
            next_column = column + 1;
            if (!text.empty()) cells.emplace_back(column, std::move(text));
        } else if (name == "row") {
            // Title rows above the header (one cell, often merged across) are blank lines.
            if (!header_seen && row_number <= 10 && cells.size() <= 1) cells.clear();
            std::sort(cells.begin(), cells.end());
            if (!header_seen && cells.size() >= 2) {
                header_seen = true;
                width = cells.back().first + 1;  // the header's columns
            }
            csv.append(row_number - next_row, '\n');  // rows Excel left out entirely
            std::size_t at = 0;
            for (const auto& [c, text] : cells) {
                for (; at < c; ++at) csv += ',';
                append_field(csv, text);
            }
            // Excel leaves empty cells out: a row is as wide as its header, unless wider.
            if (!cells.empty()) {
                for (++at; at < width; ++at) csv += ',';
            }
            csv += '\n';
            next_row = row_number + 1;
        }
    };
    if (!pass.run(xml)) {
        issues.error(display, 0, msg("not a readable worksheet: {}", pass.error));
        return std::nullopt;
    }
    if (bad) return std::nullopt;
    return csv;  // (a cell beyond Excel's columns or a rounded long number stops the sheet)
}

std::optional<XlsxWorkbook> XlsxWorkbook::open(const std::filesystem::path& path,
                                               const std::string& display, Issues& issues) {
    XlsxWorkbook book;
    book.display_ = display;
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::is_regular_file(status)) {
        issues.error(display, 0,
                     std::filesystem::exists(status) ? "is not a regular file" : "missing file");
        return std::nullopt;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || size > kMaxXlsxBytes) {
        issues.error(display, 0,
                     msg("file is {} bytes; the limit is {} bytes", size, kMaxXlsxBytes));
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string bytes(size, '\0');
    if (!in || (size > 0 && !in.read(bytes.data(), static_cast<std::streamsize>(size)))) {
        issues.error(display, 0, "cannot be opened for reading (permission?)");
        return std::nullopt;
    }
    return from_bytes(std::move(bytes), display, issues);
}

std::optional<XlsxWorkbook> XlsxWorkbook::from_bytes(std::string bytes, const std::string& display,
                                                     Issues& issues) {
    XlsxWorkbook book;
    book.display_ = display;
    if (bytes.size() > kMaxXlsxBytes) {
        issues.error(display, 0,
                     msg("file is {} bytes; the limit is {} bytes", bytes.size(), kMaxXlsxBytes));
        return std::nullopt;
    }
    book.bytes_ = std::move(bytes);
    book.sha256_ = sha256_hex(book.bytes_);
    if (book.bytes_.compare(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") == 0) {
        issues.error(display, 0,
                     "an old Excel .xls file (BIFF): open it in Excel or WPS and save it as "
                     "\"Excel Workbook (*.xlsx)\", or as \"CSV UTF-8\"");
        return std::nullopt;
    }
    const Zip zip = open_zip(book.bytes_);
    if (!zip) {
        issues.error(display, 0,
                     "not an Excel workbook (.xlsx is a zip package; this file is not one)");
        return std::nullopt;
    }
    const auto entry = [&](const std::string& name, std::string& out, bool required) {
        switch (read_entry(zip.get(), name, out)) {
            case EntryStatus::ok:
                return true;
            case EntryStatus::missing:
                if (required) {
                    issues.error(display, 0,
                                 msg("not an Excel workbook: the package has no {}", name));
                }
                return false;
            case EntryStatus::too_big:
                issues.error(display, 0,
                             msg("{} expands beyond {} bytes: refused (a zip bomb?)", name,
                                 kMaxXlsxEntryBytes));
                return false;
            case EntryStatus::broken:
                issues.error(display, 0,
                             msg("{} cannot be expanded: the package is damaged", name));
                return false;
        }
        return false;
    };

    // Sheets and where their XML lies.
    std::string xml;
    if (!entry("xl/_rels/workbook.xml.rels", xml, true)) return std::nullopt;
    std::unordered_map<std::string, std::string> target_of;
    XmlPass rels;
    rels.start = [&](std::string_view name, const char** attrs) {
        if (name != "Relationship") return;
        std::string target(attribute(attrs, "Target"));
        if (!target.empty() && target[0] == '/') {
            target.erase(0, 1);
        } else {
            target = "xl/" + target;
        }
        target_of[std::string(attribute(attrs, "Id"))] = target;
    };
    if (!rels.run(xml)) {
        issues.error(display, 0, msg("not a readable workbook: {}", rels.error));
        return std::nullopt;
    }
    if (!entry("xl/workbook.xml", xml, true)) return std::nullopt;
    XmlPass workbook;
    workbook.start = [&](std::string_view name, const char** attrs) {
        if (name != "sheet") return;
        XlsxSheet sheet;
        sheet.name = std::string(attribute(attrs, "name"));
        const std::string_view state = attribute(attrs, "state");
        sheet.hidden = state == "hidden" || state == "veryHidden";
        const auto it = target_of.find(std::string(attribute(attrs, "id", kRelationshipsNs)));
        if (it != target_of.end()) sheet.part = it->second;
        book.sheets_.push_back(std::move(sheet));
    };
    if (!workbook.run(xml)) {
        issues.error(display, 0, msg("not a readable workbook: {}", workbook.error));
        return std::nullopt;
    }

    // Shared strings (optional: a workbook of numbers has none). Rich text runs are joined;
    // phonetic guides (rPh) are not text of the cell.
    if (entry("xl/sharedStrings.xml", xml, false)) {
        XmlPass strings;
        bool in_t = false;
        int phonetic = 0;
        strings.start = [&](std::string_view name, const char**) {
            if (name == "si") book.shared_strings_.emplace_back();
            if (name == "rPh") ++phonetic;
            if (name == "t" && phonetic == 0) in_t = true;
        };
        strings.end = [&](std::string_view name) {
            if (name == "rPh") --phonetic;
            if (name == "t") in_t = false;
        };
        strings.text = [&](std::string_view s) {
            if (in_t && !book.shared_strings_.empty()) book.shared_strings_.back() += s;
        };
        if (!strings.run(xml)) {
            issues.error(display, 0, msg("not a readable workbook: {}", strings.error));
            return std::nullopt;
        }
    } else if (issues.has_errors()) {
        return std::nullopt;
    }
    return book;
}

const XlsxSheet* XlsxWorkbook::find_sheet(const std::vector<std::string>& names) const {
    for (const XlsxSheet& sheet : sheets_) {
        if (sheet.hidden) continue;
        const std::string name = ascii_lower(trim(sheet.name));
        for (const std::string& wanted : names) {
            if (name == ascii_lower(wanted)) return &sheet;
        }
    }
    return nullptr;
}

const XlsxSheet* XlsxWorkbook::first_visible_sheet() const {
    for (const XlsxSheet& sheet : sheets_) {
        if (!sheet.hidden) return &sheet;
    }
    return nullptr;
}

std::optional<TextFile> XlsxWorkbook::sheet_text(const XlsxSheet& sheet, Issues& issues) const {
    const std::string display = display_ + "!" + sheet.name;
    const Zip zip = open_zip(bytes_);
    std::string xml;
    if (!zip) return std::nullopt;
    switch (read_entry(zip.get(), sheet.part, xml)) {
        case EntryStatus::ok:
            break;
        case EntryStatus::missing:
            issues.error(display, 0, msg("the sheet's part {} is missing", sheet.part));
            return std::nullopt;
        case EntryStatus::too_big:
            issues.error(display, 0,
                         msg("{} expands beyond {} bytes: refused (a zip bomb?)", sheet.part,
                             kMaxXlsxEntryBytes));
            return std::nullopt;
        case EntryStatus::broken:
            issues.error(display, 0,
                         msg("{} cannot be expanded: the package is damaged", sheet.part));
            return std::nullopt;
    }
    auto csv = sheet_xml_to_csv(xml, shared_strings_, display, issues);
    if (!csv) return std::nullopt;
    TextFile file;
    file.display = display;
    file.text = std::move(*csv);
    file.encoding = "xlsx";
    file.sha256 = sha256_;
    return file;
}

}  // namespace icn
