#pragma once
// The engine on a real SQLite file in a temp dir, with a ManualClock, SeededRandom and a recording Outbox.
// Shared by tests/bot/engine_*_test.cpp and tests/scenarios/*.cpp.
#include <chrono>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "bot/engine.hpp"
#include "storage/database.hpp"
#include "storage/deliveries.hpp"
#include "storage/users.hpp"
#include "tests/support/temp_dir.hpp"

namespace advocacy::engine_test {

using namespace std::chrono;

inline sys_seconds utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0) {
    return sys_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm};
}

inline config::Config test_config() {
    config::Config c;
    c.server.public_base_url = "https://adv.example";
    c.program.time_zone = "Europe/Paris";
    c.program.default_locale = "en";
    c.program.push_time = hours{9};
    c.program.stagger_window = minutes{30};
    c.program.leaderboard_weekday = 5;
    c.program.leaderboard_time = hours{16};
    c.program.leaderboard_size = 10;
    c.program.disclosure_suffix = "#employee";
    c.admins.playground = {"admin"};
    return c;
}

struct Sent {
    Conversation to;
    Message message;
    sys_seconds at{};  // clock time of the send
};

// Records what the engine sends; can be told to fail.
class RecordingOutbox final : public Outbox {
public:
    SendResult send(const Conversation& to, const Message& message) override {
        ++attempts;
        if (failing) return SendResult{false, {}, "channel_not_found"};
        sent.push_back({to, message, clock ? clock->now() : sys_seconds{}});
        return SendResult{true, "ref-" + std::to_string(sent.size()), {}};
    }
    std::vector<Sent> take() {
        auto out = std::move(sent);
        sent.clear();
        return out;
    }
    std::vector<Sent> sent;
    int attempts = 0;
    bool failing = false;
    const Clock* clock = nullptr;
};

struct Person {
    std::string id;
    std::string name;
    std::string locale = "en-US";
    std::string time_zone = "Europe/Paris";
};

inline UserIdentity identity(const Person& p) {
    UserIdentity u;
    u.platform = Platform::playground;
    u.workspace_id = "playground";
    u.user_id = p.id;
    u.display_name = p.name;
    if (!p.locale.empty()) u.locale = p.locale;
    if (!p.time_zone.empty()) u.time_zone = p.time_zone;
    return u;
}

inline Conversation dm_of(const Person& p) {
    return Conversation{Platform::playground, "playground", "dm-" + p.id, true};
}

// Every text a message shows, one per line (fallback, headers, paragraphs, cards, fields, buttons, context).
inline std::string all_text(const Message& m) {
    std::string out;
    auto add = [&](const std::string& s) {
        if (!s.empty()) out += s + "\n";
    };
    for (const auto& block : m.blocks) {
        std::visit(
            [&](const auto& b) {
                using B = std::decay_t<decltype(b)>;
                if constexpr (std::is_same_v<B, HeaderBlock>) add(b.text);
                if constexpr (std::is_same_v<B, RichTextBlock>) {
                    std::string line;
                    for (const auto& s : b.spans) line += s.text;
                    add(line);
                }
                if constexpr (std::is_same_v<B, ContentCardBlock>) {
                    add(b.title);
                    add(b.summary);
                    add(b.suggested_text);
                }
                if constexpr (std::is_same_v<B, FieldsBlock>) {
                    for (const auto& f : b.fields) add(f.label + ": " + f.value);
                }
                if constexpr (std::is_same_v<B, ButtonsBlock>) {
                    for (const auto& btn : b.buttons) add("[" + btn.label + "]");
                }
                if constexpr (std::is_same_v<B, ContextBlock>) add(b.text);
            },
            block);
    }
    return out;
}

inline std::string all_text(const Reply& r) {
    std::string out;
    for (const auto& m : r.messages) out += all_text(m);
    return out;
}

inline std::vector<Button> buttons(const Message& m) {
    std::vector<Button> out;
    for (const auto& block : m.blocks) {
        if (const auto* b = std::get_if<ButtonsBlock>(&block)) out.insert(out.end(), b->buttons.begin(), b->buttons.end());
    }
    return out;
}

inline std::optional<Button> find_button(const Message& m, const std::string& action_id) {
    for (const auto& b : buttons(m))
        if (b.action_id == action_id) return b;
    return std::nullopt;
}

inline const ContentCardBlock* card(const Message& m) {
    for (const auto& block : m.blocks)
        if (const auto* c = std::get_if<ContentCardBlock>(&block)) return c;
    return nullptr;
}

struct Harness {
    explicit Harness(sys_seconds start = utc(2026, 10, 26, 7), config::Config cfg = test_config())
        : config(std::move(cfg)), clock(start) {
        outbox.clock = &clock;
        open();
    }

    void open() {
        db = storage::Database::open(dir.file("advocacy.sqlite"));
        engine = std::make_unique<Engine>(config, *db, clock, random);
    }
    // Destroys the engine and the database, then reopens the same file (a restart).
    void restart() {
        engine.reset();
        db.reset();
        open();
    }

    Reply send(const Person& p, EventKind kind, std::optional<Conversation> where = std::nullopt) {
        Event e{identity(p), where.value_or(dm_of(p)), std::move(kind)};
        return engine->handle(e);
    }
    Reply command(const Person& p, const std::string& text) { return send(p, CommandInvoked{text}); }
    Reply text(const Person& p, const std::string& text) { return send(p, TextMessage{text}); }
    Reply click(const Person& p, const std::string& action, const std::string& value) {
        return send(p, ButtonClicked{action, value, std::nullopt});
    }
    void tick() { engine->tick(outbox); }
    // Moves the clock forward in `step`s up to `until`, ticking at each step.
    void run_until(sys_seconds until, seconds step = minutes{5}) {
        while (clock.now() < until) {
            clock.advance(step);
            tick();
        }
    }

    storage::Users users() { return storage::Users(*db); }
    storage::Deliveries deliveries() { return storage::Deliveries(*db); }

    config::Config config;
    testing::TempDir dir;
    ManualClock clock;
    SeededRandom random{42};
    std::unique_ptr<storage::Database> db;
    std::unique_ptr<Engine> engine;
    RecordingOutbox outbox;
};

// The reply's text without the onboarding message a first contact gets.
inline std::string answer(const Reply& r) {
    std::string out;
    for (const auto& m : r.messages)
        if (m.kind != MessageKind::onboarding) out += all_text(m);
    return out;
}

inline const Person kAdmin{"admin", "Ada Admin", "en-US", "Europe/Paris"};

// Creates a campaign and returns its id (parsed from the "Campaign #N" reply).
inline long create_campaign(Harness& h, const std::string& args) {
    const Reply r = h.command(kAdmin, "campaign create " + args);
    const std::string text = all_text(r);
    const auto pos = text.find("Campaign #");
    if (pos == std::string::npos) return 0;
    return std::stol(text.substr(pos + 10));
}

inline long add_content(Harness& h, long campaign, const std::string& args) {
    const Reply r = h.command(kAdmin, "content add " + std::to_string(campaign) + " " + args);
    const std::string text = all_text(r);
    const auto pos = text.find("Content #");
    if (pos == std::string::npos) return 0;
    return std::stol(text.substr(pos + 9));
}

}  // namespace advocacy::engine_test
