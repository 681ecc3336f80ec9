// SPDX-License-Identifier: MIT
// How numbers are written in ICN's outputs. Machine-read files (CSV, xlsx) keep the number as
// computed, in plain decimal; text for people gets units and separators (viz/document.cpp).
#pragma once

#include <string>

namespace icn {

// The shortest decimal that reads back as exactly `value`, never in exponent notation
// ("14282600.5", "0.000012", "1000000000000000"); "" for NaN or infinity.
std::string plain_decimal(double value);

}  // namespace icn
