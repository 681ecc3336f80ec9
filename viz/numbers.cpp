// SPDX-License-Identifier: MIT
#include "viz/numbers.hpp"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace icn {

std::string plain_decimal(double value) {
    if (!std::isfinite(value)) return "";
    if (value == 0) return "0";
    const std::string shortest = fmt::format("{}", value);  // round-trips exactly
    const std::size_t e = shortest.find_first_of("eE");
    if (e == std::string::npos) return shortest;
    const bool negative = shortest[0] == '-';
    const std::string mantissa = shortest.substr(negative ? 1 : 0, e - (negative ? 1 : 0));
    const int exponent = std::atoi(shortest.c_str() + e + 1);
    std::string digits;
    std::size_t dot = mantissa.find('.');
    if (dot == std::string::npos) dot = mantissa.size();
    for (char c : mantissa) {
        if (c != '.') digits += c;
    }
    const long point = static_cast<long>(dot) + exponent;  // digits before the decimal point
    std::string out = negative ? "-" : "";
    if (point <= 0) {
        out += "0." + std::string(static_cast<std::size_t>(-point), '0') + digits;
    } else if (static_cast<std::size_t>(point) >= digits.size()) {
        out += digits + std::string(static_cast<std::size_t>(point) - digits.size(), '0');
    } else {
        out += digits.substr(0, static_cast<std::size_t>(point)) + "." +
               digits.substr(static_cast<std::size_t>(point));
    }
    return out;
}

}  // namespace icn
