// SPDX-License-Identifier: MIT
#include "models/firm_index.hpp"

#include <algorithm>
#include <cstring>

namespace icn {

std::uint64_t hash_bytes(std::string_view text) {
    // 64-bit multiply-mix over 8-byte words (in the spirit of wyhash); not for adversaries.
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
    std::uint64_t h = 0x243F6A8885A308D3ULL ^ (text.size() * kMul);
    const char* p = text.data();
    std::size_t n = text.size();
    while (n >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        h = (h ^ word) * kMul;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    std::uint64_t tail = 0;
    if (n > 0) std::memcpy(&tail, p, n);
    h = (h ^ tail) * kMul;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ULL;
    h ^= h >> 32;
    return h;
}

void FirmIndex::reserve(std::size_t count) {
    std::size_t capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    // Only before the first insert: growing later needs the firms (see grow()).
    if (capacity > slots_.size() && size_ == 0) slots_.assign(capacity, Slot{});
}

bool FirmIndex::same(const Slot& slot, std::uint32_t tag, const std::vector<Firm>& firms,
                     std::string_view id) {
    if (slot.hash != tag) return false;
    if (id.size() <= kInline) {
        return slot.length == id.size() && std::memcmp(slot.key, id.data(), id.size()) == 0;
    }
    return firms[slot.firm - 1].id == id;
}

void FirmIndex::build(const std::vector<Firm>& firms) {
    slots_.clear();
    size_ = 0;
    reserve(firms.size());
    for (std::size_t i = 0; i < firms.size(); ++i) insert(firms, static_cast<std::uint32_t>(i));
}

void FirmIndex::grow(const std::vector<Firm>& firms) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    size_ = 0;
    for (const Slot& slot : old) {
        if (slot.firm != 0) insert(firms, slot.firm - 1);
    }
}

std::optional<std::uint32_t> FirmIndex::insert(const std::vector<Firm>& firms,
                                               std::uint32_t index) {
    if ((size_ + 1) * 2 > slots_.size()) grow(firms);
    const std::uint64_t h = hash_bytes(firms[index].id);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t pos = h & mask;; pos = (pos + 1) & mask) {
        Slot& slot = slots_[pos];
        if (slot.firm == 0) {
            const std::string& id = firms[index].id;
            slot.firm = index + 1;
            slot.hash = tag;
            slot.length = static_cast<std::uint8_t>(std::min(id.size(), kInline + 1));
            if (id.size() <= kInline) std::memcpy(slot.key, id.data(), id.size());
            ++size_;
            return std::nullopt;
        }
        if (same(slot, tag, firms, firms[index].id)) return slot.firm - 1;
    }
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> FirmIndex::insert_all(
    const std::vector<Firm>& firms) {
    slots_.clear();
    size_ = 0;
    reserve(firms.size());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> duplicates;
    constexpr std::size_t kAhead = 16;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = 0; i < firms.size(); ++i) {
        if (i + kAhead < firms.size()) {
            __builtin_prefetch(&slots_[hash_bytes(firms[i + kAhead].id) & mask]);
        }
        if (const auto first = insert(firms, static_cast<std::uint32_t>(i))) {
            duplicates.emplace_back(static_cast<std::uint32_t>(i), *first);
        }
    }
    return duplicates;
}

std::optional<std::uint32_t> FirmIndex::find(const std::vector<Firm>& firms,
                                             std::string_view id) const {
    std::uint32_t out = kNotFound;
    find_batch(firms, &id, 1, &out);
    if (out == kNotFound) return std::nullopt;
    return out;
}

void FirmIndex::find_batch(const std::vector<Firm>& firms, const std::string_view* ids,
                           std::size_t count, std::uint32_t* out) const {
    if (slots_.empty()) {
        for (std::size_t i = 0; i < count; ++i) out[i] = kNotFound;
        return;
    }
    constexpr std::size_t kBatch = 64;
    std::uint64_t hashes[kBatch];
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t base = 0; base < count; base += kBatch) {
        const std::size_t n = std::min(kBatch, count - base);
        // 1. hash and prefetch the home slot
        for (std::size_t i = 0; i < n; ++i) {
            hashes[i] = hash_bytes(ids[base + i]);
            __builtin_prefetch(&slots_[hashes[i] & mask]);
        }
        // 2. probe
        for (std::size_t i = 0; i < n; ++i) {
            const auto tag = static_cast<std::uint32_t>(hashes[i] >> 32);
            out[base + i] = kNotFound;
            for (std::size_t pos = hashes[i] & mask;; pos = (pos + 1) & mask) {
                const Slot& slot = slots_[pos];
                if (slot.firm == 0) break;
                if (same(slot, tag, firms, ids[base + i])) {
                    out[base + i] = slot.firm - 1;
                    break;
                }
            }
        }
    }
}

}  // namespace icn
