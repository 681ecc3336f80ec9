// SPDX-License-Identifier: MIT
// Looks up a firm by its id: an open-addressing hash table of firm indices.
// It stores no strings; a probe compares against the firms' own ids, so 1,000,000 firms cost
// 16 MB here. Time: O(1) expected per lookup.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "models/firm.hpp"

namespace icn {

std::uint64_t hash_bytes(std::string_view text);

class FirmIndex {
public:
    // Indexes firms[i].id for every i; the first of equal ids wins.
    void build(const std::vector<Firm>& firms);
    // Inserts firm `index`; returns the index already holding that id, if any.
    std::optional<std::uint32_t> insert(const std::vector<Firm>& firms, std::uint32_t index);
    std::optional<std::uint32_t> find(const std::vector<Firm>& firms, std::string_view id) const;
    void reserve(std::size_t count);

private:
    void grow(const std::vector<Firm>& firms);
    std::vector<std::uint32_t> slots_;   // firm index + 1; 0 = empty
    std::vector<std::uint32_t> hashes_;  // low 32 bits of the id's hash, for a quick reject
    std::size_t size_ = 0;
};

}  // namespace icn
