#pragma once
// The playground adapter: a local web chat. Browser <-> /playground/ws (JSON text frames) <-> the engine.
// It is both the WebSocket handler (inbound events) and the Outbox for the playground platform (pushes,
// leaderboard posts, notices). Conversations: "dm:<user>" per identity, and the shared channel "advocacy".
//
// Client -> server frames:
//   {"type":"hello","user":"amelie"}                       pick an identity; the server answers with its history
//   {"type":"text","conversation":"dm"|"advocacy","text":"/advocacy push"}
//   {"type":"action","message_id":"m12","action_id":"advocacy_shared","value":"3"}
//   {"type":"reaction","message_id":"m12"}                 the "I shared it" reaction
// Server -> client frames:
//   {"type":"identities","users":[...]}, {"type":"history","conversation":..,"messages":[..]},
//   {"type":"message","conversation":..,"message":{"id","from","text"|"body","replaces"?}}, {"type":"error","error":..}
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "bot/engine.hpp"
#include "bot/server/websocket.hpp"

namespace advocacy::playground {

inline constexpr std::string_view kWorkspace = "playground";
inline constexpr std::string_view kChannel = "advocacy";

class Playground final : public server::WsHandler, public Outbox {
public:
    explicit Playground(Engine& engine, std::size_t history_limit = 200);
    ~Playground() override;

    // server::WsHandler
    void on_open(const std::shared_ptr<server::WsConnection>& c, const server::HttpRequest& upgrade) override;
    void on_message(const std::shared_ptr<server::WsConnection>& c, const std::string& text) override;
    void on_close(const std::shared_ptr<server::WsConnection>& c) override;

    // Outbox: bot-initiated messages to "dm:<user>" (or a bare user id) and the "advocacy" channel.
    SendResult send(const Conversation& to, const Message& message) override;

private:
    struct Entry;
    struct Session;

    void handle_frame(const std::shared_ptr<server::WsConnection>& c, const std::string& text);
    void deliver_reply(const std::string& viewer, const std::string& conversation, const Reply& reply,
                       const std::string& clicked_message_id);
    std::string post(const std::string& conversation, std::string from, const Message* message, std::string text,
                     const std::string& visible_to, const std::string& replaces);
    void broadcast(const Entry& entry);
    void send_history(const std::shared_ptr<server::WsConnection>& c, const std::string& user);

    Engine& engine_;
    std::size_t history_limit_;
    std::mutex mutex_;
    std::uint64_t next_id_ = 1;
    std::map<std::string, std::vector<Entry>> history_;  // conversation -> entries, oldest first
    std::map<server::WsConnection*, Session> sessions_;
};

}  // namespace advocacy::playground
