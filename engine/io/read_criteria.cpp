// SPDX-License-Identifier: MIT
#include "engine/io/read_criteria.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "engine/io/csv.hpp"
#include "engine/io/read_dataset.hpp"
#include "engine/io/reader_support.hpp"
#include "engine/io/values.hpp"
#include "engine/util/message.hpp"

namespace icn {

const std::vector<std::string>& known_measures() {
    static const std::vector<std::string> measures = {"area_km2",
                                                      "output_each_year",
                                                      "sme_output_share",
                                                      "main_industry_share",
                                                      "output_growth",
                                                      "leading_firms",
                                                      "collaboration_network",
                                                      "innovation",
                                                      "digitalisation",
                                                      "green",
                                                      "openness",
                                                      "governance",
                                                      "negative_list"};
    return measures;
}

CriteriaStandard read_criteria(TextFile file, Issues& issues) {
    CriteriaStandard standard;
    standard.file = file.display;
    standard.id = std::filesystem::path(file.display).stem().string();
    const std::string& display = file.display;
    static const std::vector<std::string> columns = {
        "id",        "name_zh", "name_en", "measure",   "comparison",
        "threshold", "unit",    "source",  "advice_zh", "advice_en"};
    CsvParser parser(file.text, display, issues);
    CsvRecord record;
    if (!parser.next(record)) {
        issues.error(display, 1,
                     "empty file: expected a header row (id,name_zh,name_en,measure,...)");
        return standard;
    }
    std::map<std::string, std::size_t> at;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
        const std::string name(trim(record.fields[i]));
        if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
            issues.error(display, 1,
                         msg("unknown column '{}' (known: id, name_zh, name_en, "
                             "measure, comparison, threshold, unit, source, "
                             "advice_zh, advice_en)",
                             name));
            continue;
        }
        at[name] = i;
    }
    for (const char* required : {"id", "name_zh", "measure", "comparison", "threshold", "source"}) {
        if (!at.count(required)) {
            issues.error(display, 1, msg("missing required column '{}'", required));
        }
    }
    if (issues.has_errors()) return standard;
    const std::size_t width = record.fields.size();
    const auto field = [&](const CsvRecord& r, const char* name) -> std::string {
        const auto it = at.find(name);
        return it == at.end() ? std::string() : std::string(trim(r.fields[it->second]));
    };
    std::map<std::string, std::uint32_t> first;
    while (parser.next(record)) {
        if (record.bad) continue;
        const std::uint32_t line = record.line;
        if (record.fields.size() != width) {
            issues.error(
                display, line,
                msg("ragged row: {} fields, but the header has {}", record.fields.size(), width));
            continue;
        }
        Criterion c;
        c.line = line;
        c.id = field(record, "id");
        c.name_zh = field(record, "name_zh");
        c.name_en = field(record, "name_en");
        c.measure = field(record, "measure");
        c.comparison_text = field(record, "comparison");
        c.threshold_text = field(record, "threshold");
        c.unit = field(record, "unit");
        c.source = field(record, "source");
        c.advice_zh = field(record, "advice_zh");
        c.advice_en = field(record, "advice_en");
        bool ok = true;
        const auto fail = [&](std::string message) {
            issues.error(display, line, std::move(message));
            ok = false;
        };
        if (c.id.empty()) fail("empty id");
        if (c.name_zh.empty()) fail(fmt::format("criterion '{}': empty name_zh", c.id));
        const auto& measures = known_measures();
        if (std::find(measures.begin(), measures.end(), c.measure) == measures.end()) {
            fail(
                fmt::format("unknown measure '{}' (known: area_km2, output_each_year, "
                            "sme_output_share, main_industry_share, output_growth, leading_firms, "
                            "or a judgement aspect)",
                            c.measure));
        }
        if (c.source.empty()) fail(fmt::format("criterion '{}': missing source", c.id));
        if (c.comparison_text == ">=")
            c.comparison = Comparison::at_least;
        else if (c.comparison_text == ">")
            c.comparison = Comparison::more_than;
        else if (c.comparison_text == "<=")
            c.comparison = Comparison::at_most;
        else if (c.comparison_text == "<")
            c.comparison = Comparison::less_than;
        else if (c.comparison_text == "judgement")
            c.comparison = Comparison::judgement;
        else
            fail(fmt::format("comparison '{}' is not one of >=, >, <=, <, judgement",
                             c.comparison_text));
        if (ok && c.comparison != Comparison::judgement) {
            std::vector<std::string_view> parts;
            std::string_view rest = c.threshold_text;
            for (std::size_t bar; (bar = rest.find('|')) != std::string_view::npos;) {
                parts.push_back(rest.substr(0, bar));
                rest.remove_prefix(bar + 1);
            }
            parts.push_back(rest);
            const std::size_t want = c.measure == "leading_firms" ? 2 : 1;
            for (std::string_view part : parts) {
                if (const auto v = parse_number(part)) c.thresholds.push_back(*v);
            }
            if (parts.size() != want || c.thresholds.size() != want) {
                fail(fmt::format(
                    "threshold '{}' must be {}", c.threshold_text,
                    want == 2 ? "two numbers A|B (top firms | specialised SMEs)" : "a number"));
            }
        }
        if (!c.id.empty()) {
            auto [it, inserted] = first.emplace(c.id, line);
            if (!inserted) {
                fail(fmt::format("duplicate criterion id '{}' (first at line {})", c.id,
                                 it->second));
            }
        }
        if (!ok) continue;
        standard.criteria.push_back(std::move(c));
    }
    return standard;
}

std::optional<CriteriaStandard> load_criteria(const std::string& criteria, Issues& issues) {
    std::error_code ec;
    std::filesystem::path path = criteria;
    std::string display = criteria;
    if (!std::filesystem::is_regular_file(path, ec)) {
        bool found = false;
        for (const auto& chains : chain_search_path()) {
            const auto candidate = chains.parent_path() / "criteria" / (criteria + ".csv");
            if (std::filesystem::is_regular_file(candidate, ec)) {
                path = candidate;
                display = "models/criteria/" + criteria + ".csv";
                found = true;
                break;
            }
        }
        if (!found) {
            issues.error(criteria, 0,
                         "no such criteria file, nor the id of a shipped standard "
                         "(models/criteria/)");
            return std::nullopt;
        }
    }
    auto file = read_text_file(path, display, issues);
    if (!file) return std::nullopt;
    CriteriaStandard standard = read_criteria(std::move(*file), issues);
    if (issues.has_errors()) return std::nullopt;
    return standard;
}

}  // namespace icn
