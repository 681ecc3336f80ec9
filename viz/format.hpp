// SPDX-License-Identifier: MIT
// Numbers for people (SPEC 4, text outputs: HTML, Markdown, stdout): amounts in 亿元 or 万元 by
// size with thousands separators, shares as percentages, counts with their measure word. One
// module for every text output. Machine-read outputs (JSON, CSV) keep the raw number instead.
// A figure shown beside a threshold is never rounded onto it: 39.96亿元 against 40亿元 shows
// "39.96亿元", not "40.0亿元".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace icn {

// 1234567.891 -> "1,234,567.9" (`decimals` after the point, rounded half away from zero).
std::string grouped(double value, int decimals);

// An amount given in 万元: "6,595.8亿元" from 1亿元 up, "8,790.0万元" below; in English
// "659.6 bn yuan" / "87.9 m yuan". `against` (万元): a threshold it is compared with; decimals
// are added (up to 4) until the shown amount differs from the shown threshold, when they differ.
// "—" for nullopt.
std::string amount_text(std::optional<double> wan, std::string_view lang,
                        std::optional<double> against = std::nullopt);

// A share as a percentage, one decimal ("52.8%"), with the same care beside a threshold
// (`against` is a share too); "—" for nullopt.
std::string percent_text(std::optional<double> share, std::optional<double> against = std::nullopt);

// An ISO 8601 UTC time ("2026-11-28T02:46:00Z") in Beijing time, as a Chinese reader dates a
// report: "2026-11-28 10:46（北京时间）"; in English "2026-11-28 10:46 (Beijing time)". The text
// unchanged when it is not such a time.
std::string beijing_time(std::string_view iso_utc, std::string_view lang);
// Now, as ISO 8601 UTC ("2026-11-28T02:46:00Z"): the report's stamp.
std::string utc_now();

// A firm tag (SPEC 1.1 code) as a reader knows it: srdi -> 专精特新中小企业, hnte -> 高新技术企业;
// in English "SRDI SME", "high-tech enterprise"; any other tag as written.
std::string tag_text(std::string_view code, std::string_view lang);

enum class GapKind;
// 缺链 / 弱链 / 断链 / 外部依赖 (missing / weak / broken flow / dependent).
const char* gap_kind_text(GapKind kind, std::string_view lang);

struct Criterion;
struct CriterionResult;
enum class CriterionStatus;

// A criterion's threshold as a planner reads it: "≥ 40亿元", "≥ 70%", "≤ 100 km²", "≥ 1 | 10 家".
std::string threshold_text(const Criterion& criterion, std::string_view lang);

// A criterion's verdict in words: 达标 / 未达标 / 待判断 (a descriptive aspect) / 数据不足; "—"
// for none.
const char* status_text(std::optional<CriterionStatus> status, bool judgement,
                        std::string_view lang);

// A criterion's value as a planner reads it, never rounded onto its threshold: amounts in 亿元
// (each year of a series), shares as percentages; the engine's own text for the rest.
std::string criterion_value_text(const CriterionResult& result, std::string_view lang);

}  // namespace icn
