// SPDX-License-Identifier: MIT
// Which firms are local: --region R, repeatable (SPEC 1.3).
// A code (all digits, GB/T 2260) matches by prefix after its trailing "00" pairs are dropped:
// 410300 (洛阳市) takes every 4103xx; 410311 takes that district alone. A name matches a firm's
// region exactly.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace icn {

class RegionSelector {
public:
    RegionSelector() = default;
    explicit RegionSelector(const std::vector<std::string>& regions);

    bool matches(std::string_view firm_region) const;
    bool empty() const { return prefixes_.empty() && names_.empty(); }
    const std::vector<std::string>& given() const { return given_; }

private:
    std::vector<std::string> given_;
    std::vector<std::string> prefixes_;
    std::vector<std::string> names_;
};

bool is_region_code(std::string_view text);  // non-empty and all ASCII digits

}  // namespace icn
