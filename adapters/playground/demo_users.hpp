#pragma once
// The people a playground visitor can play: employees in several time zones and languages, and one admin.
#include <span>
#include <string_view>

namespace advocacy::playground {

struct DemoUser {
    std::string_view id;
    std::string_view name;
    std::string_view locale;
    std::string_view time_zone;
    std::string_view group;
    bool admin = false;
};

std::span<const DemoUser> demo_users();
const DemoUser* find_demo_user(std::string_view id);

}  // namespace advocacy::playground
