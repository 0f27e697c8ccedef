#pragma once
// The engine's ChannelDirectory for Slack: who is in "#name", for "#channel" campaign audiences. The name is resolved
// to the channel id with conversations.list (public and private channels the bot can see, archived ones left out,
// every page), cached; then conversations.members lists the members, every page. The bot's own user (from auth.test)
// is left out. Blocking: called from the engine's tick on the scheduler thread, through WebApi's per-method
// rate-limit queues. Any failure is nullopt (the engine keeps the last known members) and a warning in the log.
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "adapters/slack/web_api.hpp"
#include "bot/engine.hpp"

namespace advocacy::slack {

class SlackChannelDirectory final : public ChannelDirectory {
public:
    explicit SlackChannelDirectory(WebApi& api, int page_limit = 1000);

    // `channel_name` without '#', any case; a channel id ("C0123ABC") is accepted too.
    std::optional<std::vector<std::string>> channel_members(const std::string& workspace_external_id,
                                                            const std::string& channel_name) override;

    // Who the bot is, from an auth.test reply: its user id (left out of member lists) and its team (other
    // workspaces are not asked with this token). Ignored when the call failed. Thread-safe.
    void identify_from(const ApiResult& auth_test);

private:
    std::optional<std::string> channel_id(const std::string& key);
    bool load_channels();

    WebApi& api_;
    const int page_limit_;
    std::mutex mutex_;  // guards what follows; never held during a Web API call
    std::string bot_user_id_;
    std::string team_id_;
    std::unordered_map<std::string, std::string> ids_;  // lower-case channel name or id -> channel id
};

}  // namespace advocacy::slack
