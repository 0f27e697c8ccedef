// The daily fan-out sends as many pushes at once as the Outbox allows, each delivery exactly once.
#include <catch2/catch.hpp>

#include <condition_variable>
#include <mutex>
#include <set>

#include "tests/bot/engine_harness.hpp"

using namespace advocacy;
using namespace advocacy::engine_test;

namespace {

// Holds every send until `width` of them are in flight together (or a generous timeout passes), so the test
// proves concurrency without measuring time.
class GatedOutbox final : public Outbox {
public:
    explicit GatedOutbox(std::size_t width) : width_(width) {}
    std::size_t max_concurrent_sends() const override { return width_; }

    SendResult send(const Conversation& to, const Message& message) override {
        std::unique_lock lock(mutex_);
        ++inside_;
        peak_ = std::max(peak_, inside_);
        gate_.notify_all();
        gate_.wait_for(lock, std::chrono::seconds(10), [&] { return peak_ >= width_; });
        --inside_;
        const auto* c = card(message);
        sent_.push_back({to.conversation_id, c ? c->content_id : 0});
        return SendResult{true, "ref-" + std::to_string(sent_.size()), {}, false};
    }

    std::size_t peak() const { return peak_; }
    const std::vector<std::pair<std::string, std::int64_t>>& sent() const { return sent_; }

private:
    std::size_t width_;
    std::mutex mutex_;
    std::condition_variable gate_;
    std::size_t inside_ = 0;
    std::size_t peak_ = 0;
    std::vector<std::pair<std::string, std::int64_t>> sent_;
};

}  // namespace

TEST_CASE("engine fan-out: pushes go out concurrently up to the outbox's width, each exactly once") {
    Harness h(utc(2026, 10, 26, 7));  // Monday, before the 09:00 Paris push
    const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
    REQUIRE(add_content(h, campaign, "https://example.com/a title=\"A\" why=\"W\" text=\"T\"") == 1);
    std::vector<Person> people;
    for (int i = 0; i < 23; ++i) {
        people.push_back(Person{"u" + std::to_string(i), "User " + std::to_string(i), "en-US", "Europe/Paris"});
        h.text(people.back(), "hello");
    }
    REQUIRE(all_text(h.command(kAdmin, "push")).find("queued") != std::string::npos);

    GatedOutbox outbox(8);
    h.engine->tick(outbox);
    CHECK(outbox.peak() == 8);
    REQUIRE(outbox.sent().size() == 24);  // the 23 people and the admin
    std::set<std::string> recipients;
    for (const auto& [to, content] : outbox.sent()) {
        CHECK(content == 1);
        CHECK(recipients.insert(to).second);
    }
    // Every outcome was recorded: nothing is left to send.
    h.engine->tick(outbox);
    CHECK(outbox.sent().size() == 24);
    CHECK(h.deliveries().unsent(5).empty());
}

namespace {
// Asks the engine to stop while the first push is being sent (as SIGTERM does through the scheduler loop).
class StoppingOutbox final : public Outbox {
public:
    explicit StoppingOutbox(Engine& engine) : engine_(engine) {}
    SendResult send(const Conversation&, const Message&) override {
        engine_.request_stop();
        return SendResult{true, "ref-" + std::to_string(++sent), {}, false};
    }
    int sent = 0;

private:
    Engine& engine_;
};
}  // namespace

TEST_CASE("engine fan-out: a stop request ends the fan-out early; the rest goes out after the restart") {
    Harness h(utc(2026, 10, 26, 7));
    const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
    REQUIRE(add_content(h, campaign, "https://example.com/a title=\"A\" why=\"W\" text=\"T\"") == 1);
    for (int i = 0; i < 5; ++i) h.text(Person{"s" + std::to_string(i), "S", "en-US", "Europe/Paris"}, "hello");
    REQUIRE(all_text(h.command(kAdmin, "push")).find("queued") != std::string::npos);

    StoppingOutbox stopping(*h.engine);
    h.engine->tick(stopping);
    CHECK(stopping.sent == 1);
    h.engine->tick(stopping);  // a stopped engine does nothing
    CHECK(stopping.sent == 1);
    CHECK(h.deliveries().unsent(5).size() == 5);

    h.restart();
    h.tick();
    CHECK(h.deliveries().unsent(5).empty());
}
