// SPDX-License-Identifier: MIT
// Chain templates: segments.csv and flows.csv in a folder (SPEC 1.2).
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <unistd.h>

#include <fmt/format.h>

#include "engine/io/read_dataset.hpp"
#include "engine/io/reader_support.hpp"
#include "engine/io/values.hpp"
#include "engine/util/message.hpp"

#ifndef ICN_SOURCE_CHAINS_DIR
#define ICN_SOURCE_CHAINS_DIR ""
#endif

namespace icn {
namespace {
enum SegmentColumn { kId, kName, kTier, kNameEn, kDescription, kSegmentWeight };
enum FlowColumn { kFrom, kTo, kFlowWeight };
}  // namespace

void read_segments(TextFile file, ChainTemplate& chain, Issues& issues) {
    using detail::quote_value;
    const std::string& display = file.display;
    CsvParser parser(file.text, display, issues);
    const auto maybe_header = read_header(Table::segments, parser, display, issues);
    if (!maybe_header) return;
    const Header& header = *maybe_header;
    CsvRecord record;
    std::map<std::string, std::uint32_t, std::less<>> first_line;
    while (parser.next(record)) {
        if (record.bad || !detail::check_width(record, header, display, issues)) continue;
        const std::uint32_t line = record.line;
        bool ok = true;
        Segment segment;
        segment.id = std::string(detail::cell(record, header, kId));
        segment.name = std::string(detail::cell(record, header, kName));
        segment.tier = std::string(detail::cell(record, header, kTier));
        segment.name_en = std::string(detail::cell(record, header, kNameEn));
        segment.description = std::string(detail::cell(record, header, kDescription));
        if (segment.id.empty()) {
            issues.error(display, line, "empty segment id");
            continue;
        }
        if (segment.id.find(';') != std::string::npos) {
            issues.error(display, line,
                         msg("segment id {} contains ';', which separates segments in "
                             "firms.csv",
                             quote_value(segment.id)));
            ok = false;
        }
        if (segment.name.empty()) {
            issues.error(display, line, msg("segment {}: empty name", quote_value(segment.id)));
            ok = false;
        }
        if (const auto stage = parse_tier(segment.tier)) {
            segment.stage = *stage;
        } else {
            issues.error(display, line,
                         msg("tier {} is not upstream, midstream, downstream (上游, 中游, "
                             "下游) or a stage number",
                             quote_value(segment.tier)));
            ok = false;
        }
        if (const auto weight =
                detail::number_cell(detail::cell(record, header, kSegmentWeight), "weight",
                                    detail::Bound::non_negative, display, line, issues, ok)) {
            segment.weight = *weight;
        }
        auto [it, inserted] = first_line.emplace(segment.id, line);
        if (!inserted) {
            issues.error(display, line,
                         msg("duplicate segment id {} (first at line {})", quote_value(segment.id),
                             it->second));
            continue;
        }
        (void)ok;
        chain.segments.push_back(std::move(segment));
    }
}

void read_flows(TextFile file, ChainTemplate& chain, Issues& issues) {
    using detail::quote_value;
    const std::string& display = file.display;
    CsvParser parser(file.text, display, issues);
    const auto maybe_header = read_header(Table::flows, parser, display, issues);
    if (!maybe_header) return;
    const Header& header = *maybe_header;
    CsvRecord record;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> first_line;
    while (parser.next(record)) {
        if (record.bad || !detail::check_width(record, header, display, issues)) continue;
        const std::uint32_t line = record.line;
        bool ok = true;
        Flow flow;
        const auto segment = [&](FlowColumn column, std::string_view role, std::uint32_t& out) {
            const std::string_view id = detail::cell(record, header, column);
            if (const auto index = chain.find(id)) {
                out = *index;
            } else {
                issues.error(
                    display, line,
                    msg("flow {} {} is not a segment of segments.csv", role, quote_value(id)));
                ok = false;
            }
        };
        segment(kFrom, "from", flow.from);
        segment(kTo, "to", flow.to);
        if (const auto weight =
                detail::number_cell(detail::cell(record, header, kFlowWeight), "weight",
                                    detail::Bound::non_negative, display, line, issues, ok)) {
            flow.weight = *weight;
        }
        if (!ok) continue;
        auto [it, inserted] = first_line.emplace(std::make_pair(flow.from, flow.to), line);
        if (!inserted) {
            issues.warning(
                display, line,
                msg("flow {} -> {} given again (first at line {}); ignored",
                    chain.segments[flow.from].id, chain.segments[flow.to].id, it->second));
            continue;
        }
        chain.flows.push_back(flow);
    }
}

void read_io_sectors(TextFile file, ChainTemplate& chain, Issues& issues) {
    const std::string& display = file.display;
    CsvParser parser(file.text, display, issues);
    CsvRecord record;
    if (!parser.next(record)) return;
    std::size_t segment_col = record.fields.size(), code_col = record.fields.size();
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const std::string_view name = trim(record.fields[i]);
        if (name == "segment") segment_col = i;
        if (name == "sector_code") code_col = i;
    }
    if (segment_col == record.fields.size() || code_col == record.fields.size()) {
        issues.error(display, record.line, "io_sectors.csv needs the columns segment,sector_code");
        return;
    }
    while (parser.next(record)) {
        if (record.bad) continue;
        if (record.fields.size() <= std::max(segment_col, code_col)) {
            issues.error(display, record.line, "too few fields");
            continue;
        }
        const std::string_view id = trim(record.fields[segment_col]);
        const std::string_view code = trim(record.fields[code_col]);
        const auto segment = chain.find(id);
        if (!segment) {
            issues.error(display, record.line,
                         msg("{} is not a segment of segments.csv", detail::quote_value(id)));
            continue;
        }
        if (code.empty()) {
            issues.error(display, record.line, "empty sector_code");
            continue;
        }
        chain.io_sectors.push_back({*segment, std::string(code)});
    }
}

ChainTemplate read_chain_template(const std::filesystem::path& folder, const std::string& display,
                                  Issues& issues) {
    ChainTemplate chain;
    chain.folder = display;
    chain.id = folder.filename().empty() ? folder.parent_path().filename().string()
                                         : folder.filename().string();
    const auto name = [&](const char* file) {
        return (std::filesystem::path(display) / file).string();
    };
    if (auto file = read_text_file(folder / "segments.csv", name("segments.csv"), issues)) {
        read_segments(std::move(*file), chain, issues);
    }
    if (auto file = read_text_file(folder / "flows.csv", name("flows.csv"), issues)) {
        read_flows(std::move(*file), chain, issues);
    }
    std::error_code ec;
    if (std::filesystem::exists(folder / "io_sectors.csv", ec)) {
        if (auto file = read_text_file(folder / "io_sectors.csv", name("io_sectors.csv"), issues)) {
            read_io_sectors(std::move(*file), chain, issues);
        }
    }
    std::ifstream readme(folder / "README.md");
    std::string line;
    while (std::getline(readme, line)) {
        if (line.rfind("# ", 0) == 0) {
            chain.title = line.substr(2);
            break;
        }
    }
    return chain;
}

std::vector<std::filesystem::path> chain_search_path() {
    std::vector<std::filesystem::path> paths;
    if (const char* env = std::getenv("ICN_CHAINS_DIR"); env != nullptr && *env != '\0') {
        paths.emplace_back(env);
    }
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) paths.push_back(exe.parent_path().parent_path() / "share" / "icn" / "chains");
    if (std::string_view(ICN_SOURCE_CHAINS_DIR).size() > 0)
        paths.emplace_back(ICN_SOURCE_CHAINS_DIR);
    return paths;
}

std::optional<std::filesystem::path> resolve_chain(const std::string& chain, Issues& issues,
                                                   std::string* display) {
    std::error_code ec;
    if (std::filesystem::is_directory(chain, ec)) {
        if (display != nullptr) *display = chain;
        return std::filesystem::path(chain);
    }
    const bool plain_id =
        !chain.empty() && chain.find('/') == std::string::npos && chain != "." && chain != "..";
    if (plain_id) {
        for (const auto& dir : chain_search_path()) {
            const auto candidate = dir / chain;
            if (std::filesystem::is_directory(candidate, ec)) {
                // Messages and stamps name a shipped template by where it ships, not by where
                // this machine keeps it.
                if (display != nullptr) *display = "models/chains/" + chain;
                return candidate;
            }
        }
    }
    // The shipped templates, and the one the user most likely meant (by id or by the Chinese
    // title of its README: `--chain 轴承` means bearing).
    std::vector<std::string> ids;
    std::filesystem::path shipped_dir;
    for (const auto& dir : chain_search_path()) {
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            if (entry.is_directory(ec)) ids.push_back(entry.path().filename().string());
        }
        if (!ids.empty()) {
            std::sort(ids.begin(), ids.end());
            shipped_dir = dir;
            break;
        }
    }
    std::string suggestion;
    std::size_t best = static_cast<std::size_t>(-1);
    const auto wanted = utf8_code_points(ascii_lower(chain));
    for (const std::string& id : ids) {
        Issues ignored;
        const ChainTemplate shipped = read_chain_template(shipped_dir / id, id, ignored);
        std::size_t score = edit_distance(wanted, utf8_code_points(id));
        if (score > std::max<std::size_t>(2, id.size() / 3)) score = static_cast<std::size_t>(-1);
        if (!chain.empty() && shipped.title.find(chain) != std::string::npos) score = 0;
        if (score < best) {
            best = score;
            suggestion = fmt::format("'{}' ({})", id, shipped.title);
        }
    }
    std::string list;
    for (const std::string& id : ids) list += (list.empty() ? "" : ", ") + id;
    issues.error(chain, 0,
                 msg("no such chain template: not a folder, nor the id of a shipped "
                     "template{}; shipped: {}",
                     suggestion.empty() ? "" : " (did you mean " + suggestion + "?)",
                     list.empty() ? "none found" : list));
    return std::nullopt;
}

}  // namespace icn
