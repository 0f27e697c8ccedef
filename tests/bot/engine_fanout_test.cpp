// The daily fan-out keeps as many pushes in flight as the Outbox allows (threads for a blocking outbox, one thread
// for an asynchronous one), each delivery exactly once, each outcome recorded before its push leaves the window.
#include <catch2/catch.hpp>

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <stop_token>
#include <thread>

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

// A campaign with one item, pushed (queued) to `people` users named u0, u1... plus `others`, and the admin.
void queue_push(Harness& h, int people, const std::vector<std::string>& others = {}) {
    const long campaign = create_campaign(h, "\"Launch\" why=\"Because\"");
    REQUIRE(add_content(h, campaign, "https://example.com/a title=\"A\" why=\"W\" text=\"T\"") == 1);
    for (int i = 0; i < people; ++i) h.text(Person{"u" + std::to_string(i), "User", "en-US", "Europe/Paris"}, "hello");
    for (const auto& id : others) h.text(Person{id, "Other", "en-US", "Europe/Paris"}, "hello");
    REQUIRE(all_text(h.command(kAdmin, "push")).find("queued") != std::string::npos);
}

}  // namespace

TEST_CASE("engine fan-out: pushes go out concurrently up to the outbox's width, each exactly once") {
    Harness h(utc(2026, 10, 26, 7));  // Monday, before the 09:00 Paris push
    queue_push(h, 23);

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
// Asks the engine to stop during the `stop_at`-th send (as SIGTERM does through the scheduler loop). Blocking with
// a width of 1, or asynchronous (completing inside send_async) with a width of 4.
class StoppingOutbox final : public Outbox {
public:
    StoppingOutbox(Engine& engine, int stop_at, bool async) : engine_(engine), stop_at_(stop_at), async_(async) {}
    std::size_t max_concurrent_sends() const override { return async_ ? 4 : 1; }
    bool sends_async(const Conversation&) const override { return async_; }
    SendResult send(const Conversation&, const Message&) override {
        if (++sent == stop_at_) engine_.request_stop();
        return SendResult{true, "ref-" + std::to_string(sent), {}, false};
    }
    void send_async(const Conversation& to, const Message& message, std::function<void(SendResult)> done) override {
        done(send(to, message));
    }
    int sent = 0;

private:
    Engine& engine_;
    const int stop_at_;
    const bool async_;
};
}  // namespace

TEST_CASE("engine fan-out: a stop request ends the fan-out early, what was sent is recorded; the rest goes out after "
          "the restart") {
    const bool async = GENERATE(false, true);
    const int stop_at = async ? 3 : 1;  // asynchronous: several in flight when the stop comes
    INFO((async ? "asynchronous" : "blocking") << " outbox");
    Harness h(utc(2026, 10, 26, 7));
    queue_push(h, 5);

    StoppingOutbox stopping(*h.engine, stop_at, async);
    h.engine->tick(stopping);
    CHECK(stopping.sent == stop_at);
    h.engine->tick(stopping);  // a stopped engine does nothing
    CHECK(stopping.sent == stop_at);
    CHECK(h.deliveries().unsent(5).size() == static_cast<std::size_t>(6 - stop_at));  // 6 deliveries, the sent recorded

    h.restart();
    h.tick();
    CHECK(h.deliveries().unsent(5).empty());
}

namespace {

// An outbox that sends asynchronously: send_async() only queues; a completer thread answers the queued sends in
// groups of `width`, newest first (outcomes arrive out of order). At each send_async() it checks the bound a crash
// relies on: sends started minus deliveries recorded as sent never exceeds the window.
class AsyncOutbox final : public Outbox {
public:
    AsyncOutbox(std::size_t width, Harness& h, std::size_t total) : width_(width), h_(h), total_(total) {
        completer_ = std::jthread([this](std::stop_token stop) { complete(stop); });
    }
    ~AsyncOutbox() override { completer_.request_stop(); }

    std::size_t max_concurrent_sends() const override { return width_; }
    bool sends_async(const Conversation&) const override { return true; }
    SendResult send(const Conversation&, const Message&) override {
        blocking_sends = true;
        return SendResult{false, {}, "blocking send used", false};
    }
    void send_async(const Conversation& to, const Message& message, std::function<void(SendResult)> done) override {
        calling_threads.insert(std::this_thread::get_id());
        // Deliveries with no outcome recorded yet (read on the fan-out's thread).
        const auto unsent = h_.deliveries().unsent(100);
        const auto untouched = static_cast<std::size_t>(
            std::count_if(unsent.begin(), unsent.end(), [](const auto& d) { return d.attempts == 0; }));
        const std::lock_guard lock(mutex_);
        ++started_;
        unrecorded_peak = std::max(unrecorded_peak, started_ - (total_ - untouched));
        const auto* c = card(message);
        recipients.push_back({to.conversation_id, c ? c->content_id : 0});
        queued_.push_back({to.conversation_id, std::move(done)});
        peak = std::max(peak, queued_.size());
        ready_.notify_one();
    }

    std::size_t peak = 0;
    std::size_t unrecorded_peak = 0;
    bool blocking_sends = false;
    std::set<std::thread::id> calling_threads;
    std::vector<std::pair<std::string, std::int64_t>> recipients;

private:
    // Waits until `width` sends are queued (or every send of the push is), then answers them all.
    void complete(std::stop_token stop) {
        std::size_t answered = 0;
        for (;;) {
            std::vector<std::pair<std::string, std::function<void(SendResult)>>> batch;
            {
                std::unique_lock lock(mutex_);
                if (!ready_.wait(lock, stop, [&] {
                        return queued_.size() >= width_ || (answered + queued_.size() == total_ && !queued_.empty());
                    }))
                    return;
                batch = std::exchange(queued_, {});
            }
            for (auto it = batch.rbegin(); it != batch.rend(); ++it) {
                ++answered;
                // One user's DM fails for good, another's for now: both outcomes are recorded too.
                if (it->first == "dm-gone")
                    it->second(SendResult{false, {}, "user_not_found", true});
                else if (it->first == "dm-flaky")
                    it->second(SendResult{false, {}, "timeout", false});
                else
                    it->second(SendResult{true, "ref-" + it->first, {}, false});
            }
        }
    }

    const std::size_t width_;
    Harness& h_;
    const std::size_t total_;
    std::mutex mutex_;
    std::condition_variable_any ready_;
    std::size_t started_ = 0;
    std::vector<std::pair<std::string, std::function<void(SendResult)>>> queued_;
    std::jthread completer_;  // last: stopped and joined first
};

}  // namespace

TEST_CASE("engine fan-out: an asynchronous outbox gets its window from one thread; outcomes are recorded before "
          "the window moves on") {
    Harness h(utc(2026, 10, 26, 7));
    queue_push(h, 37, {"gone", "flaky"});
    const std::size_t total = 40;  // the 39 people and the admin
    REQUIRE(h.deliveries().unsent(100).size() == total);

    AsyncOutbox outbox(8, h, total);
    h.engine->tick(outbox);
    CHECK_FALSE(outbox.blocking_sends);
    CHECK(outbox.calling_threads == std::set<std::thread::id>{std::this_thread::get_id()});
    CHECK(outbox.peak == 8);
    // The window holds a send until its outcome is committed: never more than 8 sent and not recorded.
    CHECK(outbox.unrecorded_peak <= 8);
    CHECK(outbox.unrecorded_peak >= 1);
    REQUIRE(outbox.recipients.size() == total);
    std::set<std::string> recipients;
    for (const auto& [to, content] : outbox.recipients) {
        CHECK(content == 1);
        CHECK(recipients.insert(to).second);
    }
    // Every outcome recorded: the permanent failure given up, the transient one left to retry, the rest sent.
    const auto unsent = h.deliveries().unsent(5);
    REQUIRE(unsent.size() == 1);
    CHECK(unsent[0].attempts == 1);
    CHECK(unsent[0].last_error == "timeout");
    CHECK(h.deliveries().unsent(100).size() == 1);
}
