// SPDX-License-Identifier: MIT
// cluster.json (optional): cluster-level facts no firm row carries (SPEC 1.1; keys in
// docs/input-format.md).
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/io/csv.hpp"
#include "engine/io/read_dataset.hpp"
#include "engine/io/reader_support.hpp"
#include "engine/io/values.hpp"
#include "engine/util/message.hpp"

namespace icn {
namespace {

constexpr double kMaxAreaKm2 = 1e7;  // larger than China

// The line of each object key's first occurrence (as written, escapes kept), found in one pass
// over the text, so that messages about keys cost linear time however many keys there are.
std::unordered_map<std::string, std::uint32_t> key_lines(const std::string& text) {
    std::unordered_map<std::string, std::uint32_t> lines;
    std::uint32_t line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\n') ++line;
        if (c != '"') {
            ++i;
            continue;
        }
        const std::size_t start = ++i;
        const std::uint32_t start_line = line;
        while (i < text.size() && text[i] != '"') {
            if (text[i] == '\\') ++i;
            if (i < text.size() && text[i] == '\n') ++line;
            ++i;
        }
        const std::size_t end = std::min(i, text.size());
        ++i;
        std::size_t j = i;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
        if (j < text.size() && text[j] == ':') {
            lines.emplace(text.substr(start, end - start), start_line);
        }
    }
    return lines;
}

}  // namespace

void read_cluster_json(const TextFile& file, Dataset& dataset, Issues& issues) {
    const std::string& display = file.display;
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(file.text);
    } catch (const nlohmann::json::out_of_range& e) {
        // A number beyond double's range, such as 1e999.
        std::string what = e.what();
        if (const auto colon = what.rfind(": "); colon != std::string::npos)
            what = what.substr(colon + 2);
        issues.error(display, 1, "not valid JSON: " + what);
        return;
    } catch (const nlohmann::json::parse_error& e) {
        const std::size_t byte = std::min<std::size_t>(e.byte, file.text.size());
        const auto line =
            1 + std::count(file.text.begin(),
                           file.text.begin() + static_cast<std::ptrdiff_t>(byte > 0 ? byte - 1 : 0),
                           '\n');
        std::string what = e.what();
        if (const auto colon = what.rfind(": "); colon != std::string::npos)
            what = what.substr(colon + 2);
        issues.error(display, static_cast<std::uint32_t>(line), "not valid JSON: " + what);
        return;
    } catch (const nlohmann::json::exception& e) {
        issues.error(display, 1, std::string("not valid JSON: ") + e.what());
        return;
    }
    if (!doc.is_object()) {
        issues.error(display, 1, "expected a JSON object {\"name\": ..., \"area_km2\": ...}");
        return;
    }
    ClusterInfo info;
    bool ok = true;
    const auto lines = key_lines(file.text);
    const auto line_of_key = [&](const std::string& key) -> std::uint32_t {
        const auto it = lines.find(key);
        return it == lines.end() ? 1 : it->second;
    };
    const auto fail = [&](const std::string& key, std::string message) {
        issues.error(display, line_of_key(key), std::move(message));
        ok = false;
    };
    for (const auto& [key, value] : doc.items()) {
        if (key == "name" || key == "county") {
            if (!value.is_string()) {
                fail(key, fmt::format("\"{}\" must be text", key));
                continue;
            }
            (key == "name" ? info.name : info.county) = value.get<std::string>();
        } else if (key == "area_km2") {
            if (!value.is_number() || !(value.get<double>() > 0) ||
                value.get<double>() > kMaxAreaKm2) {
                fail(key,
                     "\"area_km2\" must be a positive number (square kilometres), at most "
                     "10,000,000");
                continue;
            }
            info.area_km2 = value.get<double>();
        } else if (key == "main_industry") {
            if (value.is_string()) {
                info.main_industry.push_back(value.get<std::string>());
            } else if (value.is_array() &&
                       std::all_of(value.begin(), value.end(),
                                   [](const nlohmann::json& v) { return v.is_string(); })) {
                for (const auto& v : value) info.main_industry.push_back(v.get<std::string>());
            } else {
                fail(key, "\"main_industry\" must be a segment id or a list of segment ids");
            }
        } else if (key == "output_unit") {
            const auto factor =
                value.is_string() ? unit_in_wan_yuan(value.get<std::string>()) : std::nullopt;
            if (!factor) {
                fail(key,
                     fmt::format("\"output_unit\" {} is not one of 元, 千元, 万元, 百万元, 亿元",
                                 value.dump()));
                continue;
            }
            info.output_unit = value.get<std::string>();
            info.unit_in_wan_yuan = *factor;
        } else if (key == "total_output" || key == "output_by_year") {
            if (!value.is_object()) {
                fail(key, fmt::format("\"{}\" must map years to output, e.g. {{\"2023\": 420000}}",
                                      key));
                continue;
            }
            for (const auto& [year_text, amount] : value.items()) {
                const auto year = parse_int(year_text);
                if (!year || *year < 1900 || *year > 2200) {
                    fail(year_text, fmt::format("\"{}\": {} is not a year", key, year_text));
                    continue;
                }
                if (!amount.is_number() || !(amount.get<double>() >= 0) ||
                    amount.get<double>() > kMaxAmount) {
                    fail(year_text, fmt::format("\"{}\": output for {} must be a number from 0 to "
                                                "1e15",
                                                key, year_text));
                    continue;
                }
                info.total_output_by_year[*year] = amount.get<double>();
            }
        } else if (key == "region" || key == "description" || key == "notes" || key == "source") {
            // Informative keys, kept by the user's file only.
        } else {
            issues.warning(display, line_of_key(key),
                           msg("unknown key \"{}\" ignored (known: name, county, area_km2, "
                               "main_industry, output_unit, total_output)",
                               key));
        }
    }
    if (ok) dataset.cluster = std::move(info);
}

void read_cluster_sheet(const TextFile& file, Dataset& dataset, Issues& issues) {
    std::string text = file.text;
    CsvParser parser(text, file.display, issues);
    CsvRecord record;
    ClusterInfo info;
    bool ok = true;
    bool header = true;
    while (parser.next(record)) {
        if (record.fields.size() < 2) continue;
        const std::string key(trim(record.fields[0]));
        const std::string value(trim(record.fields[1]));
        if (header) {  // the first row names the columns (项目, 内容)
            header = false;
            continue;
        }
        if (value.empty() || detail::is_example(key)) continue;
        const auto number = [&]() -> std::optional<double> {
            const auto v = parse_number(value);
            if (!v || *v < 0 || *v > kMaxAmount) {
                issues.error(file.display, record.line,
                             msg("{} {} is not a number from 0 to 1e15", key, value));
                ok = false;
                return std::nullopt;
            }
            return v;
        };
        if (key.find("集群名称") != std::string::npos || key == "name") {
            info.name = value;
        } else if (key.find("县") != std::string::npos || key == "county") {
            info.county = value;
        } else if (key.find("面积") != std::string::npos || key == "area_km2") {
            if (const auto v = number(); v && *v > 0) info.area_km2 = v;
        } else if (key.find("主导产业") != std::string::npos || key == "main_industry") {
            for (std::string_view s : split_list(value)) info.main_industry.emplace_back(s);
        } else if (key.find("产值单位") != std::string::npos || key == "output_unit") {
            const auto factor = unit_in_wan_yuan(value);
            if (!factor) {
                issues.error(
                    file.display, record.line,
                    msg("output unit {} is not one of 元, 千元, 万元, 百万元, 亿元", value));
                ok = false;
                continue;
            }
            info.output_unit = value;
            info.unit_in_wan_yuan = *factor;
        } else if (const std::size_t at = key.find("年");
                   at != std::string::npos && key.find("产值") != std::string::npos) {
            const auto year = parse_int(std::string_view(key).substr(0, at));
            if (!year || *year < 1900 || *year > 2200) {
                issues.error(file.display, record.line, msg("{} does not begin with a year", key));
                ok = false;
                continue;
            }
            if (const auto v = number()) info.total_output_by_year[*year] = *v;
        } else {
            issues.warning(file.display, record.line,
                           msg("unknown item {} ignored (known: 集群名称, 所在县（区）, "
                               "面积（平方公里）, 主导产业（环节）, 产值单位, YYYY年总产值)",
                               key));
        }
    }
    if (ok) dataset.cluster = std::move(info);
}

}  // namespace icn
