#include "adapters/playground/demo_users.hpp"

#include <algorithm>

namespace advocacy::playground {

namespace {
constexpr DemoUser kUsers[] = {
    {"claire", "Claire Dubois (admin)", "en", "Europe/Paris", "Communications", true},
    {"amelie", "Amélie Laurent", "fr", "Europe/Paris", "Marketing", false},
    {"jordan", "Jordan Miller", "en", "America/New_York", "Sales", false},
    {"priya", "Priya Raman", "en", "Asia/Kolkata", "Engineering", false},
    {"lukas", "Lukas Becker", "en", "Europe/Berlin", "Engineering", false},
};
}  // namespace

std::span<const DemoUser> demo_users() { return kUsers; }

const DemoUser* find_demo_user(std::string_view id) {
    const auto it = std::find_if(std::begin(kUsers), std::end(kUsers), [&](const DemoUser& u) { return u.id == id; });
    return it == std::end(kUsers) ? nullptr : &*it;
}

}  // namespace advocacy::playground
