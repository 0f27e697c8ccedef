#include "tests/teams/fake_connector.hpp"

#include <boost/json.hpp>
#include <boost/url/decode_view.hpp>

namespace advocacy::testing {

namespace json = boost::json;

namespace {

constexpr std::string_view kPrefix = "/amer/v3/conversations";

std::string decoded(std::string_view s) {
    const boost::urls::decode_view view(s);
    return std::string(view.begin(), view.end());
}

// Splits "/amer/v3/conversations[/{id}/activities[/{activity}]]" into the operation and its ids.
void classify(const std::string& method, std::string_view path, ConnectorCall& call) {
    call.operation = "unknown";
    if (!path.starts_with(kPrefix)) return;
    std::string_view rest = path.substr(kPrefix.size());
    if (rest.empty() || rest == "/") {
        if (method == "POST") call.operation = "create_conversation";
        return;
    }
    rest.remove_prefix(1);
    const auto slash = rest.find('/');
    if (slash == std::string_view::npos) return;
    call.conversation_id = decoded(rest.substr(0, slash));
    std::string_view tail = rest.substr(slash);
    if (tail == "/activities" && method == "POST") {
        call.operation = "send";
    } else if (tail.starts_with("/activities/") && method == "PUT") {
        call.operation = "update";
        call.activity_id = decoded(tail.substr(std::string_view("/activities/").size()));
    }
}

}  // namespace

FakeConnector::FakeConnector() {
    server::ServerOptions options;
    options.port = 0;
    options.worker_threads = 8;
    options.shutdown_grace = std::chrono::milliseconds(2000);
    server_ = std::make_unique<server::HttpServer>(options);
    port_ = server_->bind();
    auto handler = [this](const server::HttpRequest& req) { return answer(req); };
    server_->routes().add("POST", "/amer/*", handler);
    server_->routes().add("PUT", "/amer/*", handler);
    server_->start();
}

FakeConnector::~FakeConnector() {
    server_->stop();
    server_->wait();
}

ConnectorScript FakeConnector::throttled(int retry_after_seconds) {
    return {429, R"({"error":{"code":"Throttled","message":"slow down"}})", {{"Retry-After", std::to_string(retry_after_seconds)}}};
}

ConnectorScript FakeConnector::forbidden(const std::string& code) {
    return {403, json::serialize(json::object{{"error", {{"code", code}, {"message", "forbidden"}}}}), {}};
}

ConnectorScript FakeConnector::status(int code) { return {code, R"({"error":{"code":"Scripted"}})", {}}; }

void FakeConnector::script(const std::string& operation, std::vector<ConnectorScript> answers) {
    const std::lock_guard lock(mutex_);
    for (auto& a : answers) scripts_[operation].push_back(std::move(a));
}

void FakeConnector::block_conversation(const std::string& conversation_id) {
    const std::lock_guard lock(mutex_);
    blocked_.insert(conversation_id);
}

server::HttpResponse FakeConnector::answer(const server::HttpRequest& req) {
    ConnectorCall call;
    call.method = req.method;
    call.path = req.path;
    call.authorization = std::string(req.header("Authorization"));
    classify(req.method, req.path, call);
    boost::system::error_code ec;
    const json::value body = json::parse(req.body, ec);
    if (!ec && body.is_object()) call.body = body.as_object();

    server::HttpResponse response = server::HttpResponse::json(200, "{}");
    {
        const std::lock_guard lock(mutex_);
        auto& queue = scripts_[call.operation];
        if (!queue.empty()) {
            const ConnectorScript s = std::move(queue.front());
            queue.pop_front();
            response = server::HttpResponse::json(s.status, s.body);
            response.headers = s.headers;
        } else if (ec || !body.is_object()) {
            response = server::HttpResponse::json(400, R"({"error":{"code":"BadSyntax"}})");
        } else if (blocked_.contains(call.conversation_id)) {
            response = server::HttpResponse::json(403, R"({"error":{"code":"ConversationBlockedByUser"}})");
        } else if (call.operation == "create_conversation") {
            const auto* members = call.body.if_contains("members");
            std::string user;
            if (members && members->is_array() && !members->as_array().empty() && members->as_array()[0].is_object()) {
                if (const auto* id = members->as_array()[0].as_object().if_contains("id"); id && id->is_string())
                    user = std::string(id->as_string());
            }
            call.reply_id = "a:chat-" + user;
        } else if (call.operation == "send") {
            call.reply_id = "1:" + std::to_string(next_activity_++);
        } else if (call.operation == "update") {
            call.reply_id = call.activity_id;
        } else {
            response = server::HttpResponse::json(404, R"({"error":{"code":"NotFound"}})");
        }
        if (!call.reply_id.empty()) response = server::HttpResponse::json(200, json::serialize(json::object{{"id", call.reply_id}}));
        response.headers.emplace_back("X-Correlating-OperationId", "op-" + std::to_string(calls_.size() + 1));
        call.status = response.status;
        calls_.push_back(std::move(call));
    }
    changed_.notify_all();
    return response;
}

std::vector<ConnectorCall> FakeConnector::calls() const {
    const std::lock_guard lock(mutex_);
    return calls_;
}

std::vector<ConnectorCall> FakeConnector::calls(const std::string& operation) const {
    std::vector<ConnectorCall> out;
    for (auto& c : calls())
        if (c.operation == operation) out.push_back(std::move(c));
    return out;
}

bool FakeConnector::wait_for(const std::function<bool(const std::vector<ConnectorCall>&)>& pred,
                             std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return pred(calls_); });
}

bool FakeConnector::wait_for_count(const std::string& operation, std::size_t n, std::chrono::milliseconds timeout) const {
    return wait_for(
        [&](const std::vector<ConnectorCall>& calls) {
            std::size_t count = 0;
            for (const auto& c : calls) count += c.operation == operation && c.status >= 200 && c.status < 300;
            return count >= n;
        },
        timeout);
}

}  // namespace advocacy::testing
