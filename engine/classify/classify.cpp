// SPDX-License-Identifier: MIT
#include "engine/classify/classify.hpp"

#include <algorithm>
#include <map>

#include "engine/io/csv.hpp"
#include "engine/io/text_file.hpp"
#include "engine/io/values.hpp"
#include "engine/util/message.hpp"

namespace icn {
namespace {

constexpr double kIndustryScore = 2.0;
constexpr double kGroupScore = 1.0;
constexpr double kProposeAt = 1.0;
constexpr double kAmbiguousShare = 0.75;

// The rows of a small CSV with a header, as maps from column name to trimmed cell.
struct Row {
    std::uint32_t line = 0;
    std::map<std::string, std::string> cells;
};

std::optional<std::vector<Row>> read_rows(const std::filesystem::path& path,
                                          const std::string& display, Issues& issues) {
    auto file = read_text_file(path, display, issues);
    if (!file) return std::nullopt;
    CsvParser parser(file->text, display, issues);
    CsvRecord record;
    std::vector<std::string> header;
    std::vector<Row> rows;
    while (parser.next(record)) {
        if (header.empty()) {
            for (std::string_view field : record.fields) header.push_back(ascii_lower(trim(field)));
            continue;
        }
        if (record.bad) continue;
        Row row;
        row.line = record.line;
        for (std::size_t i = 0; i < record.fields.size() && i < header.size(); ++i) {
            row.cells[header[i]] = std::string(trim(record.fields[i]));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string digits_of(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c >= '0' && c <= '9') out += c;
    }
    return out;
}

}  // namespace

ClassifierModel read_classifier(const std::filesystem::path& folder, const std::string& display,
                                const ChainTemplate& chain, Issues& issues) {
    ClassifierModel model;
    const std::string industries = (std::filesystem::path(display) / "industries.csv").string();
    if (const auto rows = read_rows(folder / "industries.csv", industries, issues)) {
        for (const Row& row : *rows) {
            const auto segment =
                chain.find(row.cells.count("segment") ? row.cells.at("segment") : "");
            const std::string code =
                digits_of(row.cells.count("industry") ? row.cells.at("industry") : "");
            if (!segment) {
                issues.error(industries, row.line, "segment is not a segment of the template");
                continue;
            }
            if (code.size() < 3 || code.size() > 4) {
                issues.error(
                    industries, row.line,
                    msg("industry {} is not a GB/T 4754 group or class (3 or 4 digits)", code));
                continue;
            }
            model.by_industry[code].push_back(*segment);
        }
    }
    const std::string keywords = (std::filesystem::path(display) / "keywords.csv").string();
    if (const auto rows = read_rows(folder / "keywords.csv", keywords, issues)) {
        for (const Row& row : *rows) {
            const auto segment =
                chain.find(row.cells.count("segment") ? row.cells.at("segment") : "");
            const std::string text = row.cells.count("keyword") ? row.cells.at("keyword") : "";
            const auto weight =
                parse_number(row.cells.count("weight") ? row.cells.at("weight") : "1");
            if (!segment || text.empty() || !weight || !(*weight > 0)) {
                issues.error(keywords, row.line,
                             "expected segment (of the template), keyword and a weight > 0");
                continue;
            }
            model.keywords.push_back({*segment, text, *weight});
        }
    }
    return model;
}

Proposal classify(const Firm& firm, const ClassifierModel& model, std::size_t segment_count) {
    Proposal p;
    std::vector<double> score(segment_count, 0);
    std::vector<std::vector<Evidence>> why(segment_count);
    std::string code = digits_of(firm.industry);
    if (code.size() == 3 && model.by_industry.count("0" + code) != 0) {
        code = "0" + code;  // a class such as 0939 that lost its leading zero in Excel
        p.industry_padded = true;
    }
    if (!code.empty()) {
        if (const auto it = model.by_industry.find(code); it != model.by_industry.end()) {
            for (std::uint32_t s : it->second) {
                score[s] += kIndustryScore;
                why[s].push_back({EvidenceKind::industry, code, kIndustryScore});
            }
        } else if (code.size() == 4) {
            if (const auto group = model.by_industry.find(code.substr(0, 3));
                group != model.by_industry.end()) {
                for (std::uint32_t s : group->second) {
                    score[s] += kGroupScore;
                    why[s].push_back({EvidenceKind::industry, code.substr(0, 3), kGroupScore});
                }
            }
        }
    }
    const struct {
        const std::string* text;
        EvidenceKind kind;
        double factor;
    } fields[] = {{&firm.name, EvidenceKind::name, 1.5},
                  {&firm.products, EvidenceKind::products, 1.2},
                  {&firm.scope, EvidenceKind::scope, 1.0}};
    for (const auto& field : fields) {
        for (const auto& k : model.keywords) {
            if (field.text->find(k.text) == std::string::npos) continue;
            const double w = k.weight * field.factor;
            score[k.segment] += w;
            why[k.segment].push_back({field.kind, k.text, w});
        }
    }
    std::size_t best = segment_count, second = segment_count;
    for (std::size_t s = 0; s < segment_count; ++s) {
        if (score[s] <= 0) continue;
        if (best == segment_count || score[s] > score[best]) {
            second = best;
            best = s;
        } else if (second == segment_count || score[s] > score[second]) {
            second = s;
        }
    }
    if (best == segment_count || score[best] < kProposeAt) return p;
    const double runner = second == segment_count ? 0.0 : score[second];
    p.segment = static_cast<std::uint32_t>(best);
    if (second != segment_count) p.runner_up = static_cast<std::uint32_t>(second);
    p.confidence = score[best] / (score[best] + runner) * std::min(1.0, score[best] / 2.0);
    p.ambiguous = runner >= kAmbiguousShare * score[best];
    p.evidence = why[best];
    return p;
}

void apply_classified(const std::filesystem::path& file, const std::string& display,
                      Dataset& dataset, const ChainTemplate& chain, Issues& issues) {
    const auto rows = read_rows(file, display, issues);
    if (!rows) return;
    for (const Row& row : *rows) {
        const auto cell = [&](const char* name) {
            const auto it = row.cells.find(name);
            return it == row.cells.end() ? std::string() : it->second;
        };
        const auto accept = parse_bool(cell("accept"));
        if (!accept) {
            issues.error(display, row.line,
                         msg("accept {} is not a yes/no value (1/0, 是/否)", cell("accept")));
            continue;
        }
        if (!*accept) continue;
        const auto firm = dataset.find_firm(cell("id"));
        if (!firm) {
            issues.error(display, row.line, msg("unknown firm '{}': not in firms.csv", cell("id")));
            continue;
        }
        std::vector<std::uint32_t> labels;
        const std::string proposed = cell("proposed_segment");  // split_list gives views into it
        for (std::string_view label : split_list(proposed)) {
            if (!chain.find_label(label)) {
                issues.error(display, row.line,
                             msg("segment '{}' is not in chain template '{}'", label, chain.id));
                continue;
            }
            const auto known = dataset.find_segment_label(label);
            std::uint32_t index = 0;
            if (known) {
                index = *known;
            } else {
                index = static_cast<std::uint32_t>(dataset.segment_labels.size());
                dataset.segment_labels.emplace_back(label);
            }
            labels.push_back(index);
        }
        if (labels.empty()) {
            issues.error(display, row.line,
                         msg("firm '{}' is accepted but has no proposed_segment", cell("id")));
            continue;
        }
        dataset.firms[*firm].segments = labels;
    }
}

}  // namespace icn
