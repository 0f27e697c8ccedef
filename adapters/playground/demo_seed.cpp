#include "adapters/playground/demo_seed.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "adapters/playground/demo_users.hpp"
#include "adapters/playground/playground.hpp"
#include "bot/calendar.hpp"
#include "bot/engine.hpp"
#include "storage/campaigns.hpp"
#include "storage/deliveries.hpp"
#include "storage/interactions.hpp"
#include "storage/users.hpp"

namespace advocacy::playground {

namespace {

struct SeedItem {
    const char* title;
    const char* url;
    const char* summary;
    const char* why;
    const char* text;
    const char* lang;  // "en" | "fr": French speakers get the French items first
};

// Drawn from the Hinge Research Institute / Social Media Today study on employee advocacy (shared/seed).
const SeedItem kItems[] = {
    {"Employee advocacy: what the research says",
     "https://example.com/blog/employee-advocacy-research",
     "Companies with a formal advocacy program grow faster: 31% of high-growth firms have one, more than twice the "
     "average.",
     "People trust people more than logos. Nearly 64% of advocates in formal programs say advocacy helped attract and "
     "develop new business: your post reaches buyers our ads never will.",
     "Interesting read on why companies whose people share their work grow faster. What has your experience been?",
     "en"},
    {"Pourquoi nos équipes partagent : 86 % des ambassadeurs y gagnent pour leur carrière",
     "https://example.com/fr/blog/ambassadeurs-carriere",
     "L'étude Hinge Research Institute : près de 86 % des ambassadeurs d'un programme formel disent que les réseaux "
     "sociaux ont eu un impact positif sur leur carrière.",
     "Partager, ce n'est pas seulement aider l'entreprise : c'est aussi développer votre visibilité et vos compétences, "
     "très recherchées aujourd'hui.",
     "Partager son expertise sur les réseaux, c'est bon pour l'entreprise… et pour sa carrière. Une étude à lire !",
     "fr"},
    {"We're hiring: 12 engineering roles in Paris and New York",
     "https://example.com/careers/engineering",
     "Backend, data and mobile roles, hybrid, with a team that ships every week.",
     "The best hires come through people who already work here. One share in your network can bring us a future "
     "colleague you would love to work with.",
     "My team is hiring! 12 engineering roles in Paris and New York. Happy to tell you what it's like to work here.",
     "en"},
    {"Webinaire : bien débuter sur LinkedIn en 20 minutes",
     "https://example.com/fr/webinaires/linkedin-20-minutes",
     "Un atelier express pour soigner son profil et publier avec confiance.",
     "72 % des salariés n'ont jamais reçu de formation aux réseaux sociaux. Ce webinaire répond aux questions que "
     "vos collègues n'osent pas poser.",
     "20 minutes pour prendre confiance sur LinkedIn : inscrivez-vous à notre webinaire gratuit.", "fr"},
    {"Customer story: how Northwind cut onboarding time by 40%",
     "https://example.com/customers/northwind",
     "Northwind's HR team explains how they rolled out our platform to 3,000 people in six weeks.",
     "Stories from real customers convince better than any feature list, and a short personal comment from you "
     "makes the post stand out in the feed.",
     "Proud of what we built with Northwind: onboarding time down 40%. Great story from their HR team.", "en"},
};

storage::User upsert_demo_user(Engine& engine, Outbox& outbox, const DemoUser& u) {
    const Conversation dm{Platform::playground, std::string(kWorkspace), "dm:" + std::string(u.id), true};
    Event joined{UserIdentity{Platform::playground, std::string(kWorkspace), std::string(u.id), std::string(u.name),
                              std::string(u.locale), std::string(u.time_zone)},
                 dm, UserJoined{}};
    for (const auto& m : engine.handle(joined).messages) outbox.send(dm, m);
    return {};
}


// --- Six weeks of history before this week, so the admin dashboard has real charts (docs/dashboard.md). It uses
// archived campaigns only: the active kick-off campaign stays untouched, so the first pushes are the same as ever.
// Jordan gets no delivery (the browser test counts his deliveries), only a couple of shares made outside chat.

struct PastCampaign {
    const char* name;
    const char* why;
    std::vector<std::pair<const char*, const char*>> items;  // title, url
};

const std::vector<PastCampaign>& past_campaigns() {
    static const std::vector<PastCampaign> campaigns = {
        {"Customer stories", "Customers telling their own story convince better than any feature list.",
         {{"How Fabrikam halved its support backlog", "https://example.com/customers/fabrikam"},
          {"Contoso's 90-day rollout, in their words", "https://example.com/customers/contoso"},
          {"Témoignage : la Caisse Horizon passe au numérique", "https://example.com/fr/clients/horizon"},
          {"Video: Tailspin's CTO on choosing us", "https://example.com/customers/tailspin-video"},
          {"Northwind, one year later: the numbers", "https://example.com/customers/northwind-one-year"}}},
        {"Careers fair season", "Referrals bring the best hires: your network is our best recruiter.",
         {{"Meet us at the Paris Tech Careers Fair", "https://example.com/careers/paris-fair"},
          {"A day in the life of our data team", "https://example.com/careers/data-team"},
          {"Stages 2027 : nos offres sont en ligne", "https://example.com/fr/carrieres/stages-2027"},
          {"Why our engineers stay: five stories", "https://example.com/careers/why-we-stay"}}},
        {"Security & trust week", "Trust is earned in public: show how seriously we take our customers' data.",
         {{"Our ISO 27001 certification, explained simply", "https://example.com/trust/iso-27001"},
          {"Five phishing tricks we saw this year", "https://example.com/blog/phishing-tricks"},
          {"Transparency report 2026", "https://example.com/trust/report-2026"},
          {"Sécurité : nos engagements en 5 points", "https://example.com/fr/confiance/engagements"}}},
        {"Autumn webinars", "A webinar seat is the easiest thing to say yes to: invite your network.",
         {{"Webinar: measuring what employee advocacy brings", "https://example.com/webinars/measuring-advocacy"},
          {"Webinaire : LinkedIn pour les équipes commerciales", "https://example.com/fr/webinaires/linkedin-ventes"}}},
    };
    return campaigns;
}

// A fixed hash: the same believable history on every fresh demo.
std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
    std::uint64_t x = a * 0x9E3779B97F4A7C15ULL + b + 0x632BE59BD9B4E5CCULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

struct HistoryPerson {
    storage::User user;
    int eagerness;  // out of 100: how often they act on what they get
};

struct Pushed {
    storage::Id content_id = 0;
    storage::Id campaign_id = 0;
    LocalDate day{};
};

class HistoryWriter {
public:
    HistoryWriter(storage::Database& db, const config::Config& config, storage::Id workspace, storage::Timestamp end)
        : deliveries_(db), interactions_(db), config_(config), workspace_(workspace), end_(end),
          zone_(zone_or(config.program.time_zone, "UTC")) {}

    // One pushed item to one person, and what they did with it (why, share button, share or skip, post clicks).
    void deliver(const HistoryPerson& p, const Pushed& item, std::uint64_t salt) {
        const auto* zone = zone_or(p.user.time_zone, config_.program.time_zone);
        const auto sent = at_local_time(item.day, std::chrono::hours(9), zone) +
                          std::chrono::minutes(static_cast<int>(mix(salt, 1) % 25));
        if (sent >= end_) return;
        // No link tokens: these clicks are recorded here, nobody will ever follow a history link.
        const auto delivery = deliveries_.create({item.content_id, p.user.id, item.campaign_id, item.day, {}});
        if (!delivery) return;
        deliveries_.mark_sent(delivery->id, "demo-history:" + std::to_string(delivery->id), sent);

        const auto roll = [&](int k) { return static_cast<int>(mix(salt, 100 + k) % 100); };
        auto at = sent + std::chrono::minutes(10 + roll(2) % 90);
        if (roll(3) < p.eagerness / 2) {
            interactions_.record_why(p.user.id, item.content_id, delivery->id, at);
            at += std::chrono::minutes(3);
        }
        const auto network = pick_network(roll(4));
        const bool clicked = roll(5) < p.eagerness;
        if (clicked) {
            click(*delivery, network, storage::LinkKind::intent, at);
            at += std::chrono::minutes(4);
        }
        if (!clicked || roll(6) >= 85 || at >= end_) {
            if (roll(7) < 40 && at < end_) interactions_.record_skip(p.user.id, item.content_id, delivery->id, at);
            return;
        }
        interactions_.record_share(p.user.id, item.content_id, delivery->id, points(at, config_.program.points.shared),
                                   at);
        // Colleagues and customers open the shared post over the next days; LinkedIn posts travel furthest.
        const int clicks = (network == "linkedin" ? 6 : 2) + roll(8) % (network == "linkedin" ? 14 : 6);
        for (int i = 0; i < clicks; ++i) {
            const auto when = at + std::chrono::minutes(20 + static_cast<int>(mix(salt, 200 + i) % (3 * 24 * 60)));
            if (when >= end_) continue;
            click(*delivery, network, storage::LinkKind::post, when);
        }
    }

    // A share recorded without a delivery (the person shared the item they saw elsewhere).
    void share_outside_chat(const storage::User& user, storage::Id content_id, storage::Timestamp at) {
        if (at >= end_) return;
        interactions_.record_share(user.id, content_id, std::nullopt, points(at, config_.program.points.shared), at);
    }

private:
    static std::string_view pick_network(int roll) {
        if (roll < 60) return "linkedin";
        return roll < 85 ? "x" : "facebook";
    }

    storage::PointsContext points(storage::Timestamp at, int value) const {
        return {workspace_, iso_week_key(at, zone_), value};
    }

    void click(const storage::Delivery& d, std::string_view network, storage::LinkKind kind, storage::Timestamp at) {
        const storage::LinkToken t{"", d.id, std::string(network), kind};
        interactions_.record_click(t, points(at, config_.program.points.post_click),
                                   config_.program.points.post_click_cap_per_item, at);
    }

    storage::Deliveries deliveries_;
    storage::Interactions interactions_;
    const config::Config& config_;
    storage::Id workspace_;
    storage::Timestamp end_;
    const date::time_zone* zone_;
};

void seed_history(storage::Database& db, const config::Config& config, storage::Id workspace, storage::Id admin_id,
                  storage::Timestamp now) {
    const auto zone = zone_or(config.program.time_zone, "UTC");
    const auto monday = iso_week_monday(local_date(now, zone));
    const auto end = at_local_time(monday, std::chrono::minutes(0), zone);  // history stops before this week
    const auto first_day = std::chrono::sys_days{monday} - std::chrono::weeks(6);

    storage::Users users(db);
    storage::Campaigns campaigns(db);
    storage::Contents contents(db);
    std::vector<HistoryPerson> people;
    std::optional<storage::User> jordan;
    for (const auto& u : demo_users()) {
        auto user = users.find_by_platform_id(workspace, std::string(u.id));
        if (!user) continue;
        if (u.admin) continue;  // Claire runs the program: her share of it is running it
        if (u.id == "jordan") {
            jordan = *user;
            continue;
        }
        const int eagerness = u.id == "amelie" ? 90 : u.id == "priya" ? 75 : 55;  // Amélie is the champion
        people.push_back({*user, eagerness});
    }

    // The items go out one every other working day, oldest campaign first, each to everyone then.
    std::vector<Pushed> schedule;
    int working_day = 0;
    for (auto day = first_day; day < std::chrono::sys_days{monday}; day += std::chrono::days(1)) {
        const auto weekday = std::chrono::weekday{day}.c_encoding();
        if (weekday == 0 || weekday == 6) continue;
        if (working_day++ % 2 == 0) schedule.push_back({0, 0, LocalDate{day}});
    }
    std::size_t next = 0;
    for (const auto& past : past_campaigns()) {
        const auto created = at_local_time(LocalDate{first_day}, std::chrono::hours(8), zone);
        const auto campaign = campaigns.create(
            storage::NewCampaign{workspace, past.name, past.why, "all", std::nullopt, std::nullopt, admin_id}, created);
        campaigns.set_status(campaign.id, storage::CampaignStatus::archived);
        for (const auto& [title, url] : past.items) {
            storage::NewContent c;
            c.campaign_id = campaign.id;
            c.title = title;
            c.url = url;
            c.suggested_text = title;
            const auto item = contents.add(c, created);
            if (next < schedule.size()) {
                schedule[next].content_id = item.id;
                schedule[next].campaign_id = campaign.id;
                ++next;
            }
        }
    }
    schedule.resize(next);

    HistoryWriter writer(db, config, workspace, end);
    std::uint64_t salt = 0;
    for (const auto& item : schedule) {
        for (const auto& p : people) writer.deliver(p, item, ++salt);
    }
    // Jordan shared two of them without going through chat.
    if (jordan && schedule.size() >= 4) {
        for (const auto& item : {schedule[1], schedule[schedule.size() - 2]}) {
            writer.share_outside_chat(*jordan, item.content_id,
                                      at_local_time(item.day, std::chrono::hours(11), zone_or(jordan->time_zone, "UTC")));
        }
    }
}

}  // namespace

bool needs_seed(storage::Database& db) {
    storage::Users users(db);
    for (const auto& w : users.workspaces()) {
        if (w.platform == "playground") return false;
    }
    return true;
}

void seed_demo(Engine& engine, Outbox& outbox, storage::Database& db, const config::Config& config, const Clock& clock) {
    const auto now = clock.now();
    storage::Users users(db);
    for (const auto& u : demo_users()) upsert_demo_user(engine, outbox, u);
    const auto workspace = users.ensure_workspace("playground", std::string(kWorkspace));
    storage::Id admin_id = 0;
    std::vector<storage::Id> employees;
    for (const auto& u : demo_users()) {
        const auto user = users.find_by_platform_id(workspace, std::string(u.id));
        if (!user) continue;
        users.set_group(user->id, std::string(u.group));
        if (u.admin) {
            admin_id = user->id;
        } else {
            employees.push_back(user->id);
        }
    }

    storage::Campaigns campaigns(db);
    storage::Contents contents(db);
    const auto campaign = campaigns.create(
        storage::NewCampaign{workspace, "Employee advocacy kick-off",
                             "Our people are our most credible voice. Every share puts our work in front of "
                             "people who trust you, not an ad.",
                             "all", std::nullopt, std::nullopt, admin_id},
        now);
    for (const auto& item : kItems) {
        storage::NewContent c;
        c.campaign_id = campaign.id;
        c.title = item.title;
        c.url = item.url;
        c.summary = item.summary;
        c.why = item.why;
        c.suggested_text = item.text;
        c.lang = item.lang;
        contents.add(c, now);
    }

    // Last campaign's shares, this week: the first leaderboard has people on it (with a tie), and the archived
    // campaign is never pushed again.
    const auto past = campaigns.create(
        storage::NewCampaign{workspace, "Autumn product launch", "The launch everyone worked on.", "all",
                             std::nullopt, std::nullopt, admin_id},
        now);
    campaigns.set_status(past.id, storage::CampaignStatus::archived);
    storage::NewContent launch;
    launch.campaign_id = past.id;
    launch.title = "Introducing Insights 2.0";
    launch.url = "https://example.com/blog/insights-2";
    launch.why = "Our biggest release of the year.";
    launch.suggested_text = "Insights 2.0 is out!";
    launch.lang = "en";
    const auto launch_item = contents.add(launch, now);
    launch.title = "Insights 2.0: the making-of";
    launch.url = "https://example.com/blog/insights-2-making-of";
    const auto making_of = contents.add(launch, now);

    const auto zone = zone_or(config.program.time_zone, "UTC");
    const storage::PointsContext points{workspace, iso_week_key(now, zone), config.program.points.shared};
    storage::Interactions interactions(db);
    const std::size_t sharers = std::min<std::size_t>(employees.size(), 3);
    for (std::size_t i = 0; i < sharers; ++i) {
        interactions.record_share(employees[i], launch_item.id, std::nullopt, points, now);
        if (i == 0) interactions.record_share(employees[i], making_of.id, std::nullopt, points, now);
    }

    seed_history(db, config, workspace, admin_id, now);
}

}  // namespace advocacy::playground
