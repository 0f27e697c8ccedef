#include "adapters/slack/channel_directory.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "bot/log/log.hpp"

namespace advocacy::slack {

namespace json = boost::json;

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string str(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string{};
}

}  // namespace

SlackChannelDirectory::SlackChannelDirectory(WebApi& api, int page_limit)
    : api_(api), page_limit_(std::clamp(page_limit, 1, 1000)) {}

void SlackChannelDirectory::identify_from(const ApiResult& auth_test) {
    if (!auth_test.ok) return;
    const std::lock_guard lock(mutex_);
    bot_user_id_ = str(auth_test.reply, "user_id");
    team_id_ = str(auth_test.reply, "team_id");
}

bool SlackChannelDirectory::load_channels() {
    auto listed = api_.call_paged("conversations.list",
                                  {{"types", "public_channel,private_channel"}, {"exclude_archived", "true"}},
                                  "channels", page_limit_);
    if (!listed.last.ok) {
        log::warn("slack", "conversations.list failed", {{"error", listed.last.error}});
        return false;
    }
    std::unordered_map<std::string, std::string> ids;
    for (const auto& item : listed.items) {
        if (!item.is_object()) continue;
        const auto& channel = item.as_object();
        const std::string id = str(channel, "id");
        if (id.empty()) continue;
        ids[lower(id)] = id;
        if (const std::string name = str(channel, "name"); !name.empty()) ids[lower(name)] = id;
    }
    const std::lock_guard lock(mutex_);
    ids_ = std::move(ids);
    return true;
}

std::optional<std::string> SlackChannelDirectory::channel_id(const std::string& key) {
    const auto cached = [&]() -> std::optional<std::string> {
        const std::lock_guard lock(mutex_);
        const auto it = ids_.find(key);
        return it == ids_.end() ? std::nullopt : std::optional(it->second);
    };
    if (auto id = cached()) return id;
    // Unknown (new channel, renamed, first call): read the list again.
    if (!load_channels()) return std::nullopt;
    return cached();
}

std::optional<std::vector<std::string>> SlackChannelDirectory::channel_members(const std::string& workspace_external_id,
                                                                             const std::string& channel_name) {
    std::string bot;
    {
        const std::lock_guard lock(mutex_);
        if (!team_id_.empty() && workspace_external_id != team_id_) return std::nullopt;  // not this token's team
        bot = bot_user_id_;
    }
    const std::string key = lower(!channel_name.empty() && channel_name[0] == '#' ? channel_name.substr(1) : channel_name);
    if (key.empty()) return std::nullopt;
    const auto id = channel_id(key);
    if (!id) {
        log::warn("slack", "channel not found (or the bot cannot see it)", {{"channel", key}});
        return std::nullopt;
    }
    auto listed = api_.call_paged("conversations.members", {{"channel", *id}}, "members", page_limit_);
    if (!listed.last.ok) {
        log::warn("slack", "conversations.members failed", {{"channel", *id}, {"error", listed.last.error}});
        if (listed.last.error == "channel_not_found") {
            const std::lock_guard lock(mutex_);
            ids_.erase(key);  // renamed or deleted: resolve the name again next time
        }
        return std::nullopt;
    }
    std::vector<std::string> members;
    for (const auto& item : listed.items) {
        if (!item.is_string()) continue;
        std::string user(item.as_string());
        if (!user.empty() && user != bot) members.push_back(std::move(user));
    }
    return members;
}

}  // namespace advocacy::slack
