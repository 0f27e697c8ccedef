#include "bot/engine/actions/content_actions.hpp"
#include "bot/engine/actions/lookup.hpp"
#include "bot/engine/messages/content_message.hpp"
#include "bot/engine/messages/text.hpp"
#include "bot/log/log.hpp"

namespace advocacy::engine {

namespace {

Reply card_or_text(Request& r, const ContentInWorkspace& item, CardState state, std::string note, AnswerStyle style) {
    Reply reply;
    if (style == AnswerStyle::new_message) {
        reply.messages.push_back(text_message(note));
        return reply;
    }
    std::vector<storage::LinkToken> tokens;
    if (auto delivery = r.ctx.deliveries.find_for(r.user.id, item.content.id)) {
        tokens = r.ctx.deliveries.tokens_for(delivery->id);
    }
    Message m = content_message(r.lang, r.ctx.config, ContentCard{item.content, item.campaign, tokens, state, note});
    m.replace_original = true;
    reply.messages.push_back(std::move(m));
    return reply;
}

std::optional<storage::Id> delivery_id_for(Request& r, storage::Id content_id) {
    if (auto d = r.ctx.deliveries.find_for(r.user.id, content_id)) return d->id;
    return std::nullopt;
}

Reply not_found(Request& r) {
    Reply reply;
    reply.messages.push_back(private_message(r.tr("content.not_found")));
    return reply;
}

}  // namespace

Reply share_content(Request& r, storage::Id content_id, AnswerStyle style) {
    auto item = content_in_workspace(r, content_id);
    if (!item) return not_found(r);
    const int points = r.ctx.config.program.points.shared;
    const std::string week = r.week();
    storage::RecordOutcome outcome;
    try {
        outcome = r.ctx.interactions.record_share(r.user.id, content_id, delivery_id_for(r, content_id),
                                                  {r.user.workspace_id, week, points}, r.ctx.now());
    } catch (const std::exception& e) {
        // Disk full, read-only file...: never say "recorded" for a share that is not on disk. The card stays open
        // so the same button works once storage is back.
        log::error("engine", "share not recorded", {{"content", std::to_string(content_id)}, {"error", e.what()}});
        return card_or_text(r, *item, CardState::open, r.tr("share.not_recorded"), style);
    }
    const std::string shares = std::to_string(r.ctx.leaderboard.week_shares(r.user.id, week));
    std::string note = outcome == storage::RecordOutcome::recorded
                           ? r.tr("share.recorded", {{"points", std::to_string(points)}, {"shares", shares}})
                           : r.tr("share.already", {{"shares", shares}});
    return card_or_text(r, *item, CardState::shared, std::move(note), style);
}

Reply skip_content(Request& r, storage::Id content_id, AnswerStyle style) {
    auto item = content_in_workspace(r, content_id);
    if (!item) return not_found(r);
    r.ctx.interactions.record_skip(r.user.id, content_id, delivery_id_for(r, content_id), r.ctx.now());
    return card_or_text(r, *item, CardState::skipped, r.tr("skip.recorded"), style);
}

}  // namespace advocacy::engine
