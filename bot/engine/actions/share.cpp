#include "bot/engine/actions/content_actions.hpp"
#include "bot/engine/actions/lookup.hpp"
#include "bot/engine/messages/content_message.hpp"
#include "bot/engine/messages/text.hpp"
#include "bot/log/log.hpp"

namespace advocacy::engine {

namespace {

// The card's share links come from the user's delivery of this item (looked up by the caller, once).
Reply card_or_text(Request& r, const ContentInWorkspace& item, const std::optional<storage::Delivery>& delivery,
                   CardState state, std::string note, AnswerStyle style) {
    Reply reply;
    if (style == AnswerStyle::new_message) {
        reply.messages.push_back(text_message(note));
        return reply;
    }
    std::vector<storage::LinkToken> tokens;
    if (delivery) tokens = r.ctx.deliveries.tokens_for(delivery->id);
    Message m = content_message(r.lang, r.ctx.config, ContentCard{item.content, item.campaign, tokens, state, note});
    m.replace_original = true;
    reply.messages.push_back(std::move(m));
    return reply;
}

std::optional<storage::Id> id_of(const std::optional<storage::Delivery>& d) {
    return d ? std::optional<storage::Id>(d->id) : std::nullopt;
}

// The item (in the user's workspace) and the user's delivery of it, read in one snapshot.
struct Clicked {
    std::optional<ContentInWorkspace> item;
    std::optional<storage::Delivery> delivery;
};

Clicked clicked(Request& r, storage::Id content_id) {
    Clicked out;
    r.ctx.db.read([&](storage::Connection&) {
        out.item = content_in_workspace(r, content_id);
        if (out.item) out.delivery = r.ctx.deliveries.find_for(r.user.id, content_id);
    });
    return out;
}

Reply not_found(Request& r) {
    Reply reply;
    reply.messages.push_back(private_message(r.tr("content.not_found")));
    return reply;
}

}  // namespace

Reply share_content(Request& r, storage::Id content_id, AnswerStyle style) {
    const auto [item, delivery] = clicked(r, content_id);
    if (!item) return not_found(r);
    const int points = r.ctx.config.program.points.shared;
    const std::string week = r.week();
    storage::RecordOutcome outcome;
    try {
        outcome = r.ctx.interactions.record_share(r.user.id, content_id, id_of(delivery),
                                                  {r.user.workspace_id, week, points}, r.ctx.now());
    } catch (const std::exception& e) {
        // Disk full, read-only file...: never say "recorded" for a share that is not on disk. The card stays open
        // so the same button works once storage is back.
        log::error("engine", "share not recorded", {{"content", std::to_string(content_id)}, {"error", e.what()}});
        return card_or_text(r, *item, delivery, CardState::open, r.tr("share.not_recorded"), style);
    }
    // Read after the commit (a new snapshot: it counts this share), the count and the card's links together.
    Reply reply;
    r.ctx.db.read([&](storage::Connection&) {
        const std::string shares = std::to_string(r.ctx.leaderboard.week_shares(r.user.id, week));
        std::string note = outcome == storage::RecordOutcome::recorded
                               ? r.tr("share.recorded", {{"points", std::to_string(points)}, {"shares", shares}})
                               : r.tr("share.already", {{"shares", shares}});
        reply = card_or_text(r, *item, delivery, CardState::shared, std::move(note), style);
    });
    return reply;
}

Reply skip_content(Request& r, storage::Id content_id, AnswerStyle style) {
    const auto [item, delivery] = clicked(r, content_id);
    if (!item) return not_found(r);
    r.ctx.interactions.record_skip(r.user.id, content_id, id_of(delivery), r.ctx.now());
    return card_or_text(r, *item, delivery, CardState::skipped, r.tr("skip.recorded"), style);
}

}  // namespace advocacy::engine
