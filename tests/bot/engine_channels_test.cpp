// "#channel" audiences synced from a ChannelDirectory before pushes are planned: exactly the members get pushes,
// leavers stop after the next sync, a failing directory keeps the last known members, syncs are spaced out.
#include <catch2/catch.hpp>

#include <map>
#include <stdexcept>

#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {

const Person kAlice{"alice", "Alice", "en-US", "Europe/Paris"};
const Person kBruno{"bruno", "Bruno", "fr-FR", "Europe/Paris"};
const Person kCarla{"carla", "Carla", "en-US", "Europe/Paris"};

class FakeDirectory final : public ChannelDirectory {
public:
    std::optional<std::vector<std::string>> channel_members(const std::string& workspace,
                                                            const std::string& channel) override {
        calls.push_back(workspace + "/" + channel);
        if (throwing) throw std::runtime_error("directory exploded");
        if (failing) return std::nullopt;
        const auto it = members.find(channel);
        if (it == members.end()) return std::nullopt;
        return it->second;
    }
    std::map<std::string, std::vector<std::string>> members;
    std::vector<std::string> calls;
    bool failing = false;
    bool throwing = false;
};

// Content pushes per conversation id.
std::map<std::string, int> pushes(const std::vector<Sent>& sent) {
    std::map<std::string, int> n;
    for (const auto& s : sent)
        if (s.message.kind == MessageKind::content) ++n[s.to.conversation_id];
    return n;
}

long channel_campaign(Harness& h, const std::string& audience = "#general") {
    const long id = create_campaign(h, "\"Channel news\" why=\"w\" audience=" + audience);
    REQUIRE(id > 0);
    for (int i = 0; i < 10; ++i)
        REQUIRE(add_content(h, id, "https://example.com/c/" + std::to_string(i) + " title=\"T\" why=\"w\" text=\"t\"") > 0);
    return id;
}

}  // namespace

TEST_CASE("engine channels: a #channel campaign pushes exactly to the channel's members") {
    Harness h;  // Monday 2026-10-26, 08:00 in Paris
    FakeDirectory directory;
    h.engine->set_channel_directory(Platform::playground, &directory);
    h.text(kAlice, "hi");
    h.text(kBruno, "hi");
    h.text(kCarla, "hi");  // known to the bot, not in the channel
    // zoe never talked to the bot: she is created from the member list and reached by her platform id.
    directory.members["general"] = {"alice", "bruno", "zoe"};
    channel_campaign(h, "#General");

    h.run_until(utc(2026, 10, 26, 12));
    CHECK(directory.calls == std::vector<std::string>{"playground/general"});
    CHECK(pushes(h.outbox.take()) == std::map<std::string, int>{{"dm-alice", 1}, {"dm-bruno", 1}, {"zoe", 1}});

    // zoe's first message to the bot is still her first contact: she gets the onboarding message, once.
    const Person zoe{"zoe", "Zoe", "en-US", "Europe/Paris"};
    const auto has_onboarding = [](const Reply& r) {
        for (const auto& m : r.messages)
            if (m.kind == MessageKind::onboarding) return true;
        return false;
    };
    CHECK(has_onboarding(h.text(zoe, "hi")));
    CHECK_FALSE(has_onboarding(h.text(zoe, "hi")));
    CHECK_FALSE(has_onboarding(h.text(kAlice, "hi")));
}

TEST_CASE("engine channels: a member who left stops getting pushes after the next sync") {
    Harness h;
    FakeDirectory directory;
    h.engine->set_channel_directory(Platform::playground, &directory);
    h.text(kAlice, "hi");
    h.text(kBruno, "hi");
    directory.members["general"] = {"alice", "bruno"};
    channel_campaign(h);
    h.run_until(utc(2026, 10, 26, 12));
    CHECK(pushes(h.outbox.take()) == std::map<std::string, int>{{"dm-alice", 1}, {"dm-bruno", 1}});

    directory.members["general"] = {"alice"};  // bruno left the channel
    h.run_until(utc(2026, 10, 27, 12));
    CHECK(directory.calls.size() >= 2);
    CHECK(pushes(h.outbox.take()) == std::map<std::string, int>{{"dm-alice", 1}});
    CHECK(h.users().find_by_platform_id(1, "bruno").has_value());  // still a user, just not in the channel
}

TEST_CASE("engine channels: a failing directory keeps the last known members") {
    Harness h;
    FakeDirectory directory;
    h.engine->set_channel_directory(Platform::playground, &directory);
    h.text(kAlice, "hi");
    h.text(kBruno, "hi");
    directory.members["general"] = {"alice", "bruno"};
    channel_campaign(h);
    h.run_until(utc(2026, 10, 26, 12));
    CHECK(pushes(h.outbox.take()).size() == 2);

    SECTION("nullopt") { directory.failing = true; }
    SECTION("an exception") { directory.throwing = true; }
    directory.members["general"] = {};
    const auto calls = directory.calls.size();
    h.run_until(utc(2026, 10, 27, 12));
    CHECK(directory.calls.size() > calls);  // it was asked, and failed
    CHECK(pushes(h.outbox.take()) == std::map<std::string, int>{{"dm-alice", 1}, {"dm-bruno", 1}});

    // Once the directory answers again, its answer wins (here: nobody left in the channel).
    directory.failing = directory.throwing = false;
    h.run_until(utc(2026, 10, 28, 12));
    CHECK(pushes(h.outbox.take()).empty());
}

TEST_CASE("engine channels: a channel is not asked again before the interval, even after a restart") {
    Harness h;
    FakeDirectory directory;
    h.engine->set_channel_directory(Platform::playground, &directory);
    directory.members["general"] = {"alice"};
    channel_campaign(h);
    channel_campaign(h, "#GENERAL");  // two campaigns, one channel: one sync
    h.tick();
    CHECK(directory.calls.size() == 1);  // right away the first time
    h.run_until(h.clock.now() + hours(5) + minutes(55), minutes(1));
    CHECK(directory.calls.size() == 1);
    h.restart();
    h.engine->set_channel_directory(Platform::playground, &directory);
    h.tick();
    CHECK(directory.calls.size() == 1);  // the sync time is on disk
    h.clock.advance(minutes(5));
    h.tick();
    CHECK(directory.calls.size() == 2);  // 6 hours later
    h.tick();
    CHECK(directory.calls.size() == 2);

    // A failed attempt is retried after a short delay, not at every tick.
    directory.failing = true;
    h.clock.advance(hours(6));
    h.tick();
    h.tick();
    CHECK(directory.calls.size() == 3);
    h.clock.advance(minutes(15));
    h.tick();
    CHECK(directory.calls.size() == 4);

    // Without a directory nothing is asked (and note_channel audiences keep working).
    h.engine->set_channel_directory(Platform::playground, nullptr);
    h.clock.advance(hours(7));
    h.tick();
    CHECK(directory.calls.size() == 4);
}

TEST_CASE("engine channels: paused, archived and non-channel campaigns are not synced") {
    Harness h;
    FakeDirectory directory;
    h.engine->set_channel_directory(Platform::playground, &directory);
    const long paused = channel_campaign(h, "#paused");
    h.command(kAdmin, "campaign pause " + std::to_string(paused));
    create_campaign(h, "\"Everyone\" why=\"w\"");
    create_campaign(h, "\"Sales\" why=\"w\" audience=group:Sales");
    h.tick();
    CHECK(directory.calls.empty());
    // A directory for another platform is not asked about playground channels.
    Harness other;
    FakeDirectory slack_directory;
    other.engine->set_channel_directory(Platform::slack, &slack_directory);
    channel_campaign(other);
    other.tick();
    CHECK(slack_directory.calls.empty());
}
