// "#channel" audiences refreshed from the platform's member lists before pushes are planned.
#include <exception>
#include <set>
#include <utility>

#include "bot/engine/scheduler/scheduler.hpp"
#include "bot/log/log.hpp"

namespace advocacy::engine {

using namespace std::chrono;

namespace {

// "#General" -> "general": one sync per channel however campaigns spell it (storage compares names NOCASE too).
std::string channel_of(const std::string& audience) {
    std::string out = audience.substr(1);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

void ChannelSync::set_directory(Platform platform, ChannelDirectory* directory) {
    if (directory) {
        directories_[platform] = directory;
    } else {
        directories_.erase(platform);
    }
}

void ChannelSync::run() {
    if (directories_.empty()) return;
    for (const auto& ws : ctx_.users.workspaces()) {
        const auto platform = platform_from_string(ws.platform);
        if (!platform) continue;
        const auto directory = directories_.find(*platform);
        if (directory == directories_.end()) continue;
        std::set<std::string> channels;
        for (const auto& campaign : ctx_.campaigns.in_workspace(ws.id)) {
            if (campaign.status == storage::CampaignStatus::active && campaign.audience.size() > 1 &&
                campaign.audience[0] == '#') {
                channels.insert(channel_of(campaign.audience));
            }
        }
        for (const auto& channel : channels) sync(ws, *directory->second, channel);
    }
}

void ChannelSync::sync(const storage::Workspace& ws, ChannelDirectory& directory, const std::string& channel) {
    const auto now = ctx_.now();
    const auto key = std::pair{ws.id, channel};
    auto due = next_due_.find(key);
    if (due == next_due_.end()) {
        const auto synced = ctx_.users.channel_synced_at(ws.id, channel);
        due = next_due_.emplace(key, synced ? *synced + kChannelSyncInterval : sys_seconds{}).first;
    }
    if (now < due->second) return;

    std::optional<std::vector<std::string>> members;
    std::string error = "the platform could not list the members";
    try {
        members = directory.channel_members(ws.external_id, channel);
    } catch (const std::exception& e) {
        error = e.what();
    }
    if (!members) {
        due->second = now + kChannelSyncRetry;
        log::warn("engine", "channel members not synced, keeping the last known ones",
                  {{"workspace", ws.external_id}, {"channel", channel}, {"error", error}});
        return;
    }
    const auto change = ctx_.users.set_channel_members(ws.id, channel, *members, now);
    due->second = now + kChannelSyncInterval;
    log::info("engine", "channel members synced",
              {{"workspace", ws.external_id},
               {"channel", channel},
               {"members", std::to_string(members->size())},
               {"joined", std::to_string(change.joined)},
               {"left", std::to_string(change.left)},
               {"new_users", std::to_string(change.new_users)}});
}

}  // namespace advocacy::engine
