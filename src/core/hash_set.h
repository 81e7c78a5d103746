// A small hash set for the core: the keys in a vector (iterated in insertion order, until an erase
// moves the last key into the gap) and an open-addressing table of their positions, probed
// linearly, at most half full, erased from by backward shift (no tombstones); and a map built on
// it. They stand in for std::unordered_set/map in the page's wasm, where libc++'s node-based
// tables and their prime sizes cost more code than this (issue 10); at 100,000 keys it is as fast.
#pragma once

#include <algorithm>  // std::remove_if
#include <cstddef>
#include <cstdint>
#include <functional>  // std::hash
#include <utility>     // std::pair
#include <vector>

namespace trash {

template <class Key, class Hash = std::hash<Key>>
class HashSet {
public:
    HashSet() = default;
    template <class It>
    HashSet(It first, It last) {
        insert(first, last);
    }

    bool empty() const { return keys_.empty(); }
    size_t size() const { return keys_.size(); }
    const Key* begin() const { return keys_.data(); }
    const Key* end() const { return keys_.data() + keys_.size(); }

    // The key in the set, or nullptr; its position (find(key) - begin()) holds until an erase.
    const Key* find(const Key& key) const {
        if (slots_.empty()) return nullptr;
        const uint32_t slot = slots_[Probe(key)];
        return slot ? &keys_[slot - 1] : nullptr;
    }
    size_t count(const Key& key) const { return find(key) ? 1 : 0; }

    // True when the key was not in the set yet.
    bool insert(const Key& key) { return Place(key).second; }
    // The key's position (begin()[position] == key) and whether it was new, inserted at the end.
    std::pair<size_t, bool> Place(const Key& key) {
        if ((keys_.size() + 1) * 2 > slots_.size()) Rebuild(slots_.empty() ? 16 : slots_.size() * 2);
        uint32_t& slot = slots_[Probe(key)];
        if (slot) return {slot - 1, false};
        keys_.push_back(key);
        slot = static_cast<uint32_t>(keys_.size());
        return {keys_.size() - 1, true};
    }
    template <class It>
    void insert(It first, It last) {
        for (; first != last; ++first) insert(*first);
    }

    // 1 when the key was in the set (the last key then takes its place in the vector), else 0.
    size_t erase(const Key& key) {
        if (slots_.empty()) return 0;
        size_t hole = Probe(key);
        if (!slots_[hole]) return 0;
        const uint32_t position = slots_[hole] - 1;
        // Backward shift: a later key of the same run moves into the hole unless its home slot
        // lies after the hole (then the hole would hide it from its own probe).
        const size_t mask = slots_.size() - 1;
        for (size_t i = (hole + 1) & mask; slots_[i]; i = (i + 1) & mask) {
            const size_t home = Hash()(keys_[slots_[i] - 1]) & mask;
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                slots_[hole] = slots_[i];
                hole = i;
            }
        }
        slots_[hole] = 0;
        const size_t last = keys_.size() - 1;
        if (position != last) {
            slots_[Probe(keys_[last])] = position + 1;
            keys_[position] = std::move(keys_[last]);
        }
        keys_.pop_back();
        return 1;
    }

    template <class Pred>
    void EraseIf(Pred pred) {
        const auto kept = std::remove_if(keys_.begin(), keys_.end(), pred);
        if (kept == keys_.end()) return;
        keys_.erase(kept, keys_.end());
        Rebuild(slots_.size());
    }

    void clear() {
        keys_.clear();
        slots_.clear();
    }

private:
    // The slot holding the key, or the empty slot where it would go. The table is never full.
    size_t Probe(const Key& key) const {
        const size_t mask = slots_.size() - 1;
        size_t i = Hash()(key) & mask;
        while (slots_[i] && !(keys_[slots_[i] - 1] == key)) i = (i + 1) & mask;
        return i;
    }
    void Rebuild(size_t slotCount) {  // a power of two, at least twice the keys
        slots_.assign(slotCount, 0);
        for (size_t k = 0; k < keys_.size(); ++k) slots_[Probe(keys_[k])] = static_cast<uint32_t>(k + 1);
    }

    std::vector<Key> keys_;
    std::vector<uint32_t> slots_;  // 0: empty; else a key's position + 1
};

// A map that is only added to: its keys in a HashSet, each key's value at the key's position in a
// vector beside it (an erase would move the last key, so there is none).
template <class Key, class Value, class Hash = std::hash<Key>>
class HashMap {
public:
    size_t size() const { return keys_.size(); }
    // The key's value; a default-constructed one when the key is new.
    Value& operator[](const Key& key) {
        const auto [position, added] = keys_.Place(key);
        if (added) values_.emplace_back();
        return values_[position];
    }
    Value* find(const Key& key) {
        const Key* found = keys_.find(key);
        return found ? &values_[size_t(found - keys_.begin())] : nullptr;
    }
    void clear() {
        keys_.clear();
        values_.clear();
    }

private:
    HashSet<Key, Hash> keys_;
    std::vector<Value> values_;
};

}  // namespace trash
