// SPDX-License-Identifier: MIT
// Looks up a firm by its id: an open-addressing hash table of firm indices.
// It stores no strings; a probe compares against the firms' own ids, so 1,000,000 firms cost
// 64 MB here. Time: O(1) expected per lookup.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
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
    // Inserts firms [0, firms.size()) in order, prefetching ahead; returns (later, first) index
    // pairs of duplicate ids, the later ones not inserted.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> insert_all(const std::vector<Firm>& firms);
    std::optional<std::uint32_t> find(const std::vector<Firm>& firms, std::string_view id) const;
    // Looks up ids[i] into out[i] (kNotFound when absent) for a batch, prefetching the table and
    // the firms so that the cache misses of the batch overlap: about 3x faster on 1M firms.
    static constexpr std::uint32_t kNotFound = 0xFFFFFFFFu;
    void find_batch(const std::vector<Firm>& firms, const std::string_view* ids, std::size_t count,
                    std::uint32_t* out) const;
    void reserve(std::size_t count);

private:
    // 32 bytes: ids of up to 23 bytes (firm codes, 18-character credit codes) are kept inline,
    // so that a lookup touches one cache line; longer ids are compared in the firm list.
    static constexpr std::size_t kInline = 23;
    struct Slot {
        std::uint32_t firm = 0;  // firm index + 1; 0 = empty
        std::uint32_t hash = 0;  // high 32 bits of the id's hash, for a quick reject
        std::uint8_t length = 0;
        char key[kInline] = {};
    };
    static bool same(const Slot& slot, std::uint32_t tag, const std::vector<Firm>& firms,
                     std::string_view id);
    void grow(const std::vector<Firm>& firms);
    std::vector<Slot> slots_;
    std::size_t size_ = 0;
};

}  // namespace icn
