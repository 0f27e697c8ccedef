#include <chrono>
#include <vector>

#include "bot/engine/scheduler/scheduler.hpp"
#include "bot/share_links.hpp"

namespace advocacy::engine {

using namespace std::chrono;

bool is_paused(const storage::User& user, LocalDate today) {
    return user.paused_indefinitely || (user.paused_until && sys_days(*user.paused_until) >= sys_days(today));
}

bool campaign_runs_on(const storage::Campaign& campaign, LocalDate day) {
    if (campaign.status != storage::CampaignStatus::active) return false;
    if (campaign.start_date && sys_days(day) < sys_days(*campaign.start_date)) return false;
    if (campaign.end_date && sys_days(day) > sys_days(*campaign.end_date)) return false;
    return true;
}

bool push_due(const ProgramSettings& program, const storage::User& user, const date::time_zone* zone,
              sys_seconds now, LocalDate today) {
    if (!program.working_days.contains(local_weekday(today))) return false;
    if (is_paused(user, today)) return false;
    const auto due = at_local_time(today, program.push_time, zone) + stagger_offset(user.id, today, program.stagger_window);
    return now >= due;
}

namespace {

// Deliveries the planner creates per write job (one commit for the batch instead of one per user).
constexpr std::size_t kPlanBatch = 256;

storage::NewDelivery new_delivery(Context& ctx, const storage::Campaign& campaign, const storage::Content& content,
                                  const storage::User& user, LocalDate day) {
    storage::NewDelivery d;
    d.content_id = content.id;
    d.user_id = user.id;
    d.campaign_id = campaign.id;
    d.local_date = day;
    for (std::string_view network : kNetworks) {
        d.tokens.push_back({make_token(ctx.random), 0, std::string(network), storage::LinkKind::intent});
        d.tokens.push_back({make_token(ctx.random), 0, std::string(network), storage::LinkKind::post});
    }
    return d;
}

}  // namespace

std::optional<storage::Delivery> create_delivery(Context& ctx, const storage::Campaign& campaign,
                                                 const storage::Content& content, const storage::User& user,
                                                 LocalDate day) {
    return ctx.deliveries.create(new_delivery(ctx, campaign, content, user, day));
}

void PushPlanner::run(PushSender* sender) {
    const auto now = ctx_.now();
    const long today_number = floor<days>(now).time_since_epoch().count();
    if (today_number != last_purge_day_) {
        // Local days are at most a day away from the UTC day: older entries can never match again.
        std::erase_if(done_, [&](const auto& key) { return std::get<2>(key) < today_number - 2; });
        last_purge_day_ = today_number;
    }
    for (const auto& ws : ctx_.users.workspaces()) {
        const ProgramSettings program = ctx_.program(ws.id);
        for (const auto& campaign : ctx_.campaigns.in_workspace(ws.id)) {
            if (campaign.status == storage::CampaignStatus::active) plan_campaign(campaign, program, sender);
        }
    }
}

void PushPlanner::plan_campaign(const storage::Campaign& campaign, const ProgramSettings& program,
                                PushSender* sender) {
    const auto now = ctx_.now();
    std::vector<storage::NewDelivery> batch;
    std::vector<DoneKey> batch_keys;
    std::vector<const storage::User*> batch_users;  // into `audience`, alive for the whole loop
    // Remembered once committed; if one of them failed, none of this batch is, and the next tick asks storage.
    const auto flush = [&] {
        if (batch.empty()) return;
        const auto created = ctx_.deliveries.create_many(batch);
        done_.insert(batch_keys.begin(), batch_keys.end());
        for (std::size_t i = 0; sender && i < created.size(); ++i) {
            if (!created[i]) continue;
            for (auto& token : batch[i].tokens) token.delivery_id = created[i]->id;
            sender->send(*created[i], {batch_users[i], &batch[i].tokens});
        }
        batch.clear();
        batch_keys.clear();
        batch_users.clear();
    };
    const auto audience = ctx_.users.audience(campaign.workspace_id, campaign.audience);
    for (const auto& user : audience) {
        const auto* zone = ctx_.zone_of(user, program);
        const LocalDate today = local_date(now, zone);
        const auto key = std::tuple{campaign.id, user.id, static_cast<long>(sys_days(today).time_since_epoch().count())};
        if (done_.contains(key)) continue;
        if (!campaign_runs_on(campaign, today) || !push_due(program, user, zone, now, today)) continue;

        const LocalDate from = user.frequency == storage::Frequency::weekly ? iso_week_monday(today) : today;
        if (!ctx_.deliveries.for_user_between(user.id, campaign.id, from, today).empty()) {
            done_.insert(key);
            continue;
        }
        const auto content = ctx_.contents.next_for(campaign.id, user.id, today, i18n::lang_code(ctx_.lang_of(user)));
        if (!content) continue;  // nothing new to send: content added later today still goes out
        batch.push_back(new_delivery(ctx_, campaign, *content, user, today));
        batch_keys.push_back(key);
        batch_users.push_back(&user);
        if (batch.size() >= kPlanBatch) flush();
    }
    flush();
}

}  // namespace advocacy::engine
