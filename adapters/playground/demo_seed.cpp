#include "adapters/playground/demo_seed.hpp"

#include <string>
#include <vector>

#include "adapters/playground/demo_users.hpp"
#include "adapters/playground/playground.hpp"
#include "bot/calendar.hpp"
#include "bot/engine.hpp"
#include "storage/campaigns.hpp"
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
}

}  // namespace advocacy::playground
