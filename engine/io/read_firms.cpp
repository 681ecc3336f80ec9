// SPDX-License-Identifier: MIT
// firms.csv: one row per firm, local or not (SPEC 1.1).
#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/io/read_dataset.hpp"
#include "engine/io/reader_support.hpp"
#include "engine/io/values.hpp"
#include "engine/util/message.hpp"
#include "engine/util/progress.hpp"

namespace icn {
namespace {
enum Column {
    kId,
    kName,
    kRegion,
    kSegment,
    kSize,
    kLeader,
    kTags,
    kOutput,
    kEmployees,
    kRd,
    kLat,
    kLon,
    kIndustry,
    kScope,
    kProducts
};
}

void read_firms(TextFile file, Dataset& dataset, Issues& issues, ProgressSink* sink) {
    using detail::Bound;
    using detail::quote_value;
    const std::string& display = file.display;
    CsvParser parser(file.text, display, issues);
    const auto maybe_header =
        read_header(Table::firms, parser, display, issues, detail::dataset_unit(dataset));
    if (!maybe_header) return;
    const Header& header = *maybe_header;
    CsvRecord record;

    dataset.firm_extra.names = header.extra_names;
    dataset.firm_extra.values.assign(header.extra_names.size(), {});
    const std::size_t estimate =
        static_cast<std::size_t>(std::count(file.text.begin(), file.text.end(), '\n'));
    dataset.firms.reserve(estimate);
    std::unordered_map<std::string, std::uint32_t> segment_of;
    for (std::size_t i = 0; i < dataset.segment_labels.size(); ++i) {
        segment_of.emplace(dataset.segment_labels[i], static_cast<std::uint32_t>(i));
    }

    std::map<std::string, std::pair<std::uint32_t, std::size_t>> unknown_tags;  // line, count
    Progress progress(sink, "reading " + display, file.text.size());
    while (parser.next(record)) {
        progress.update(parser.offset());
        if (record.bad || !detail::check_width(record, header, display, issues)) continue;
        const std::uint32_t line = record.line;
        bool ok = true;
        Firm firm;
        firm.line = line;
        firm.id = std::string(detail::cell(record, header, kId));
        if (detail::is_example(firm.id)) continue;
        firm.name = std::string(detail::cell(record, header, kName));
        firm.region = std::string(detail::cell(record, header, kRegion));
        if (firm.id.empty()) {
            issues.row_error(display, line, "empty id: every firm needs an id");
            ok = false;
        }
        if (firm.name.empty()) {
            issues.row_error(display, line, msg("firm {}: empty name", quote_value(firm.id)));
            ok = false;
        }
        if (firm.region.empty()) {
            issues.row_error(display, line, msg("firm {}: empty region", quote_value(firm.id)));
            ok = false;
        }
        for (std::string_view label : split_list(detail::cell(record, header, kSegment))) {
            // Datasets use few labels: a scan beats hashing until there are many.
            std::uint32_t id = 0;
            const auto& labels = dataset.segment_labels;
            if (labels.size() <= 32) {
                id = static_cast<std::uint32_t>(std::find(labels.begin(), labels.end(), label) -
                                                labels.begin());
                if (id == labels.size()) {
                    dataset.segment_labels.emplace_back(label);
                    segment_of.emplace(std::string(label), id);
                }
            } else {
                auto [it, inserted] = segment_of.emplace(std::string(label),
                                                         static_cast<std::uint32_t>(labels.size()));
                if (inserted) dataset.segment_labels.emplace_back(label);
                id = it->second;
            }
            if (std::find(firm.segments.begin(), firm.segments.end(), id) == firm.segments.end()) {
                firm.segments.push_back(id);
            }
        }
        const std::string_view size_text = detail::cell(record, header, kSize);
        if (const auto size = parse_firm_size(size_text)) {
            firm.size = *size;
        } else {
            issues.row_error(display, line,
                             msg("size {} is not one of large, medium, small, micro "
                                 "(大型, 中型, 小型, 微型)",
                                 quote_value(size_text)));
            ok = false;
        }
        const std::string_view leader_text = detail::cell(record, header, kLeader);
        if (const auto leader = parse_bool(leader_text)) {
            firm.leader = *leader;
        } else {
            issues.row_error(display, line,
                             msg("leader {} is not a yes/no value (1/0, true/false, yes/no, "
                                 "y/n, 是/否)",
                                 quote_value(leader_text)));
            ok = false;
        }
        for (std::string_view tag : split_list(detail::cell(record, header, kTags))) {
            if (const auto code = parse_tag(tag)) {
                if (std::find(firm.tags.begin(), firm.tags.end(), *code) == firm.tags.end()) {
                    firm.tags.emplace_back(*code);
                }
                continue;
            }
            firm.tags.emplace_back(tag);  // kept as written, and warned about below
            auto [it, inserted] = unknown_tags.try_emplace(std::string(tag), line, 0);
            ++it->second.second;
        }
        const auto number = [&](Column column, std::string_view name, Bound bound) {
            return detail::number_cell(detail::cell(record, header, column), name, bound, display,
                                       line, issues, ok, header.scale[column]);
        };
        firm.output = number(kOutput, "output", Bound::non_negative);
        firm.employees = number(kEmployees, "employees", Bound::non_negative);
        firm.rd_expense = number(kRd, "rd_expense", Bound::non_negative);
        firm.industry = std::string(detail::cell(record, header, kIndustry));
        firm.scope = std::string(detail::cell(record, header, kScope));
        firm.products = std::string(detail::cell(record, header, kProducts));
        firm.lat = number(kLat, "lat", Bound::any);
        firm.lon = number(kLon, "lon", Bound::any);
        if (firm.lat && (*firm.lat < -90 || *firm.lat > 90)) {
            issues.row_error(display, line, msg("lat {} is outside [-90, 90]", *firm.lat));
            ok = false;
        }
        if (firm.lon && (*firm.lon < -180 || *firm.lon > 180)) {
            issues.row_error(display, line, msg("lon {} is outside [-180, 180]", *firm.lon));
            ok = false;
        }
        if (firm.id.empty()) continue;

        // A firm with bad cells still claims its id, so that its links do not all fail too.
        // With --skip-bad-rows a row with a bad cell is left out whole (its problems were
        // warnings); without it, the row still claims its id so that its links do not all fail
        // as unknown firms too, and the run ends with the errors anyway.
        if (!ok && issues.skip_bad_rows()) continue;
        dataset.firms.push_back(std::move(firm));
        for (std::size_t e = 0; e < header.extra_columns.size(); ++e) {
            dataset.firm_extra.values[e].emplace_back(record.fields[header.extra_columns[e]]);
        }
    }

    for (const auto& [tag, where] : unknown_tags) {
        issues.warning(
            display, where.first,
            msg("unknown tag {} ({} firm{}), kept as written but not counted by "
                "the criteria; accepted: {}",
                quote_value(tag), where.second, where.second == 1 ? "" : "s", kKnownTags));
    }

    // Index the ids. A row repeated exactly is merged with a warning; an id repeated with other
    // contents is an error at the later line, naming the first (with --skip-bad-rows, a
    // warning); either way the later row is dropped.
    const auto duplicates = dataset.firm_index.insert_all(dataset.firms);
    if (duplicates.empty()) return;
    const auto same = [&](std::size_t a, std::size_t b) {
        const Firm& x = dataset.firms[a];
        const Firm& y = dataset.firms[b];
        if (x.name != y.name || x.region != y.region || x.segments != y.segments ||
            x.tags != y.tags || x.size != y.size || x.leader != y.leader || x.output != y.output ||
            x.employees != y.employees || x.rd_expense != y.rd_expense || x.lat != y.lat ||
            x.lon != y.lon || x.industry != y.industry || x.scope != y.scope ||
            x.products != y.products) {
            return false;
        }
        for (const auto& column : dataset.firm_extra.values) {
            if (column[a] != column[b]) return false;
        }
        return true;
    };
    std::vector<bool> drop(dataset.firms.size(), false);
    for (const auto& [later, first] : duplicates) {
        if (same(later, first)) {
            issues.warning(display, dataset.firms[later].line,
                           msg("firm {} repeats line {} exactly; merged",
                               quote_value(dataset.firms[later].id), dataset.firms[first].line));
        } else {
            issues.row_error(display, dataset.firms[later].line,
                             msg("duplicate firm id {} (first at line {})",
                                 quote_value(dataset.firms[later].id), dataset.firms[first].line));
        }
        drop[later] = true;
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < dataset.firms.size(); ++i) {
        if (drop[i]) continue;
        if (kept != i) {
            dataset.firms[kept] = std::move(dataset.firms[i]);
            for (auto& column : dataset.firm_extra.values) column[kept] = std::move(column[i]);
        }
        ++kept;
    }
    dataset.firms.resize(kept);
    for (auto& column : dataset.firm_extra.values) column.resize(kept);
    dataset.firm_index.build(dataset.firms);
}

}  // namespace icn
