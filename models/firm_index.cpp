// SPDX-License-Identifier: MIT
#include "models/firm_index.hpp"

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
    if (capacity > slots_.size()) {
        slots_.assign(capacity, 0);
        hashes_.assign(capacity, 0);
        size_ = 0;
    }
}

void FirmIndex::build(const std::vector<Firm>& firms) {
    slots_.clear();
    hashes_.clear();
    size_ = 0;
    reserve(firms.size());
    for (std::size_t i = 0; i < firms.size(); ++i) insert(firms, static_cast<std::uint32_t>(i));
}

void FirmIndex::grow(const std::vector<Firm>& firms) {
    std::vector<std::uint32_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, 0);
    hashes_.assign(slots_.size(), 0);
    size_ = 0;
    for (std::uint32_t slot : old) {
        if (slot != 0) insert(firms, slot - 1);
    }
}

std::optional<std::uint32_t> FirmIndex::insert(const std::vector<Firm>& firms,
                                               std::uint32_t index) {
    if ((size_ + 1) * 2 > slots_.size()) grow(firms);
    const std::uint64_t h = hash_bytes(firms[index].id);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t pos = h & mask;; pos = (pos + 1) & mask) {
        if (slots_[pos] == 0) {
            slots_[pos] = index + 1;
            hashes_[pos] = static_cast<std::uint32_t>(h);
            ++size_;
            return std::nullopt;
        }
        if (hashes_[pos] == static_cast<std::uint32_t>(h) &&
            firms[slots_[pos] - 1].id == firms[index].id) {
            return slots_[pos] - 1;
        }
    }
}

std::optional<std::uint32_t> FirmIndex::find(const std::vector<Firm>& firms,
                                             std::string_view id) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint64_t h = hash_bytes(id);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t pos = h & mask;; pos = (pos + 1) & mask) {
        const std::uint32_t slot = slots_[pos];
        if (slot == 0) return std::nullopt;
        if (hashes_[pos] == static_cast<std::uint32_t>(h) && firms[slot - 1].id == id) {
            return slot - 1;
        }
    }
}

}  // namespace icn
