#pragma once
// Private: enum values are stored as their names (readable in the sqlite3 shell, checked by CHECK constraints).
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "storage/database.hpp"
#include "storage/records.hpp"

namespace advocacy::storage::sql {

template <class E>
struct EnumNames;

template <>
struct EnumNames<Frequency> {
    static constexpr std::string_view what = "frequency";
    static constexpr std::array<std::string_view, 2> names{"daily", "weekly"};
};
template <>
struct EnumNames<CampaignStatus> {
    static constexpr std::string_view what = "campaign status";
    static constexpr std::array<std::string_view, 4> names{"draft", "active", "paused", "archived"};
};
template <>
struct EnumNames<ContentStatus> {
    static constexpr std::string_view what = "content status";
    static constexpr std::array<std::string_view, 4> names{"pending", "published", "rejected", "removed"};
};
template <>
struct EnumNames<DeliveryState> {
    static constexpr std::string_view what = "delivery state";
    static constexpr std::array<std::string_view, 3> names{"pending", "sent", "failed"};
};
template <>
struct EnumNames<LinkKind> {
    static constexpr std::string_view what = "link kind";
    static constexpr std::array<std::string_view, 2> names{"intent", "post"};
};
template <>
struct EnumNames<InteractionKind> {
    static constexpr std::string_view what = "interaction kind";
    static constexpr std::array<std::string_view, 5> names{"why_asked", "intent_click", "post_click", "shared",
                                                           "skipped"};
};

template <class E>
std::string text(E value) {
    auto index = static_cast<std::size_t>(value);
    if (index >= EnumNames<E>::names.size())
        throw StorageError("invalid " + std::string(EnumNames<E>::what) + " value " + std::to_string(index));
    return std::string(EnumNames<E>::names[index]);
}

template <class E>
E parse_enum(std::string_view name) {
    const auto& names = EnumNames<E>::names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return static_cast<E>(i);
    throw StorageError("unknown " + std::string(EnumNames<E>::what) + " '" + std::string(name) + "' in database");
}

}  // namespace advocacy::storage::sql
