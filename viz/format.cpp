// SPDX-License-Identifier: MIT
#include "viz/format.hpp"

#include <cmath>
#include <ctime>

#include <fmt/format.h>

#include "engine/analysis/diagnostics.hpp"
#include "engine/analysis/gaps.hpp"
#include "viz/messages.hpp"

namespace icn {
namespace {

constexpr int kMaxDecimals = 4;

// Decimals enough that `value` and `threshold`, both divided by `scale`, read differently
// when they differ (from `least`, at most kMaxDecimals).
int decimals_for(double value, std::optional<double> threshold, double scale, int least) {
    int d = least;
    if (!threshold || value == *threshold) return d;
    while (d < kMaxDecimals && fmt::format("{:.{}f}", value / scale, d) ==
                                   fmt::format("{:.{}f}", *threshold / scale, d)) {
        ++d;
    }
    return d;
}

// `value / scale` with `decimals`, rounded away from `threshold` when rounding to the nearest
// would show the threshold itself: a value under it is shown under it.
double shown(double value, std::optional<double> threshold, double scale, int decimals) {
    const double x = value / scale;
    if (!threshold || value == *threshold) return x;
    const double p = std::pow(10.0, decimals);
    if (fmt::format("{:.{}f}", x, decimals) !=
        fmt::format("{:.{}f}", *threshold / scale, decimals)) {
        return x;
    }
    return value < *threshold ? std::floor(x * p) / p : std::ceil(x * p) / p;
}

}  // namespace

std::string grouped(double value, int decimals) {
    std::string text = fmt::format("{:.{}f}", std::fabs(value), decimals);
    const std::size_t point = text.find('.');
    std::string whole = text.substr(0, point);
    const std::string fraction = point == std::string::npos ? "" : text.substr(point);
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
        out += whole[i];
    }
    const bool zero = text.find_first_not_of("0.") == std::string::npos;
    return (value < 0 && !zero ? "-" : "") + out + fraction;
}

std::string amount_text(std::optional<double> wan, std::string_view lang,
                        std::optional<double> against) {
    if (!wan || !std::isfinite(*wan)) return "—";
    const bool zh = lang == "zh";
    const double v = *wan;
    // The scale follows the larger of the amount and its threshold, so that both read alike.
    const double size = std::max(std::fabs(v), against ? std::fabs(*against) : 0.0);
    if (zh) {
        const bool yi = size >= 1e4;  // 1亿元 = 10,000万元
        const double scale = yi ? 1e4 : 1.0;
        const int d = decimals_for(v, against, scale, 1);
        return grouped(shown(v, against, scale, d), d) + (yi ? "亿元" : "万元");
    }
    const bool billion = size >= 1e5;  // 1 bn yuan = 100,000万元
    const double scale = billion ? 1e5 : 100.0;
    const int d = decimals_for(v, against, scale, 1);
    return grouped(shown(v, against, scale, d), d) + (billion ? " bn yuan" : " m yuan");
}

std::string percent_text(std::optional<double> share, std::optional<double> against) {
    if (!share || !std::isfinite(*share)) return "—";
    const int d = decimals_for(*share, against, 0.01, 1);
    return grouped(shown(*share, against, 0.01, d), d) + "%";
}

namespace {

bool is_amount(const Criterion& c) { return c.unit == "万元"; }
bool is_share(const Criterion& c) { return c.unit == "比例" || c.unit == "ratio"; }

}  // namespace

std::string threshold_text(const Criterion& c, std::string_view lang) {
    if (c.comparison == Comparison::judgement || c.thresholds.empty()) return "—";
    const char* op = c.comparison == Comparison::at_least    ? "≥ "
                     : c.comparison == Comparison::more_than ? "> "
                     : c.comparison == Comparison::at_most   ? "≤ "
                                                             : "< ";
    const bool zh = lang == "zh";
    std::string numbers;
    for (double t : c.thresholds) {
        if (!numbers.empty()) numbers += " | ";
        if (is_amount(c)) {
            // Thresholds are round figures: 40亿元, not 40.0亿元.
            numbers +=
                zh ? (t >= 1e4 ? fmt::format("{:g}亿元", t / 1e4) : fmt::format("{:g}万元", t))
                   : (t >= 1e5 ? fmt::format("{:g} bn yuan", t / 1e5)
                               : fmt::format("{:g} m yuan", t / 100));
        } else if (is_share(c)) {
            numbers += fmt::format("{:g}%", t * 100);
        } else {
            numbers += fmt::format("{:g}", t);
        }
    }
    if (!is_amount(c) && !is_share(c) && !c.unit.empty()) numbers += " " + c.unit;
    return op + numbers;
}

const char* status_text(std::optional<CriterionStatus> status, bool judgement,
                        std::string_view lang) {
    const bool zh = lang == "zh";
    if (!status) return "—";
    if (*status == CriterionStatus::pass) return zh ? "达标" : "pass";
    if (*status == CriterionStatus::fail) return zh ? "未达标" : "fail";
    if (judgement) return zh ? "待判断" : "judgement";
    return zh ? "数据不足" : "unknown";
}

std::string criterion_value_text(const CriterionResult& r, std::string_view lang) {
    const Criterion& c = *r.criterion;
    const std::optional<double> threshold =
        c.thresholds.empty() ? std::nullopt : std::optional<double>(c.thresholds.front());
    const bool zh = lang == "zh";
    if (!r.series.empty() && is_amount(c)) {
        std::string text;
        for (const auto& [year, value] : r.series) {
            text += fmt::format(fmt::runtime(zh ? "{}{}年 {}" : "{}{}: {}"),
                                text.empty() ? "" : (zh ? "；" : "; "), year,
                                amount_text(value, lang, threshold));
        }
        if (!r.series_source.empty()) {
            text += fmt::format(fmt::runtime(zh ? "（来自 {}）" : " (from {})"), r.series_source);
        }
        return text;
    }
    if (r.value && is_amount(c)) return amount_text(*r.value, lang, threshold);
    if (r.value && is_share(c)) return percent_text(*r.value, threshold);
    return r.value_text.text.empty() ? "—" : message_text(r.value_text, lang);
}

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    ::gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

std::string beijing_time(std::string_view iso_utc, std::string_view lang) {
    std::tm tm{};
    const std::string text(iso_utc);
    const char* end = ::strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (end == nullptr || *end != '\0') return text;
    const std::time_t utc = ::timegm(&tm) + 8 * 3600;  // UTC+8, no daylight saving
    std::tm local{};
    ::gmtime_r(&utc, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M", &local);
    return std::string(buffer) + (lang == "zh" ? "（北京时间）" : " (Beijing time)");
}

const char* gap_kind_text(GapKind kind, std::string_view lang) {
    const bool zh = lang == "zh";
    switch (kind) {
        case GapKind::missing:
            return zh ? "缺链" : "missing";
        case GapKind::weak:
            return zh ? "弱链" : "weak";
        case GapKind::broken:
            return zh ? "断链" : "broken flow";
        case GapKind::dependent:
            return zh ? "外部依赖" : "dependent";
    }
    return "";
}

std::string tag_text(std::string_view code, std::string_view lang) {
    struct Known {
        std::string_view code, zh, en;
    };
    static constexpr Known kKnown[] = {
        {"champion", "制造业单项冠军", "manufacturing single champion"},
        {"little_giant", "专精特新“小巨人”", "SRDI little giant"},
        {"srdi", "专精特新中小企业", "SRDI SME"},
        {"innovative", "创新型中小企业", "innovative SME"},
        {"hnte", "高新技术企业", "high-tech enterprise"},
    };
    for (const Known& k : kKnown) {
        if (k.code == code) return std::string(lang == "zh" ? k.zh : k.en);
    }
    return std::string(code);
}

}  // namespace icn
