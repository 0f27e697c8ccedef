#include "tests/slack/fake_slack.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <thread>

#include "adapters/slack/form.hpp"

namespace advocacy::testing {

namespace json = boost::json;

FakeSlack::FakeSlack() {
    server::ServerOptions options;
    options.port = 0;
    options.worker_threads = 8;  // slow answers must not hold the others
    options.shutdown_grace = std::chrono::milliseconds(2000);
    server_ = std::make_unique<server::HttpServer>(options);
    port_ = server_->bind();
    auto handler = [this](const server::HttpRequest& req) { return answer(req); };
    server_->routes().add("POST", "/api/*", handler);
    server_->routes().add("POST", "/response/*", handler);
    server_->start();
}

FakeSlack::~FakeSlack() {
    server_->stop();
    server_->wait();
}

Scripted FakeSlack::rate_limited(int retry_after_seconds) {
    return Scripted{429, R"({"ok":false,"error":"ratelimited"})", {{"Retry-After", std::to_string(retry_after_seconds)}}, {}};
}

Scripted FakeSlack::error(const std::string& code) {
    return Scripted{200, json::serialize(json::object{{"ok", false}, {"error", code}}), {}, {}};
}

Scripted FakeSlack::server_error() { return Scripted{500, "internal error", {}, {}}; }

void FakeSlack::set_channels(std::vector<FakeChannel> channels, std::size_t page_size) {
    const std::lock_guard lock(mutex_);
    channels_ = std::move(channels);
    page_size_ = page_size;
}

namespace {

// One page of `items` from the offset in "cursor" ("page:<offset>"), with response_metadata.next_cursor ("" at the end).
json::object page_of(const json::array& items, const std::string& cursor, const std::string& limit, std::size_t page_size,
                     const std::string& list_key) {
    std::size_t offset = 0;
    if (cursor.starts_with("page:")) offset = std::stoul(cursor.substr(5));
    std::size_t size = page_size;
    if (!limit.empty()) size = std::min<std::size_t>(size, std::stoul(limit));
    json::array page;
    for (std::size_t i = offset; i < items.size() && i < offset + size; ++i) page.push_back(items[i]);
    const std::size_t next = offset + page.size();
    return json::object{{"ok", true},
                        {list_key, std::move(page)},
                        {"response_metadata", {{"next_cursor", next < items.size() ? "page:" + std::to_string(next) : ""}}}};
}

}  // namespace

void FakeSlack::set_socket_url(std::function<std::string()> next) {
    const std::lock_guard lock(mutex_);
    socket_url_ = std::move(next);
}

void FakeSlack::script(const std::string& method, std::vector<Scripted> answers) {
    const std::lock_guard lock(mutex_);
    for (auto& a : answers) scripts_[method].push_back(std::move(a));
}

std::string FakeSlack::default_reply(const std::string& method, const json::object& args) {
    const auto arg = [&](std::string_view k) {
        const auto* v = args.if_contains(k);
        return v && v->is_string() ? std::string(v->as_string()) : std::string{};
    };
    json::object reply{{"ok", true}};
    if (method == "conversations.open") {
        reply["channel"] = json::object{{"id", "D" + arg("users")}};
    } else if (method == "chat.postMessage") {
        reply["channel"] = arg("channel");
        reply["ts"] = std::to_string(1'700'000'000 + next_ts_++) + ".000100";
    } else if (method == "chat.update") {
        reply["channel"] = arg("channel");
        reply["ts"] = arg("ts");
    } else if (method == "chat.postEphemeral") {
        reply["message_ts"] = std::to_string(1'700'000'000 + next_ts_++) + ".000200";
    } else if (method == "users.info") {
        const std::string id = arg("user");
        reply["user"] = json::object{{"id", id},
                                     {"name", "name-" + id},
                                     {"real_name", "Real " + id},
                                     {"tz", "Europe/Paris"},
                                     {"locale", "en-US"},
                                     {"profile", json::object{{"display_name", "Display " + id}, {"real_name", "Real " + id}}}};
    } else if (method == "auth.test") {
        reply["user_id"] = "UBOT";
        reply["team_id"] = "T1";
    } else if (method == "conversations.list") {
        const std::string types = arg("types");
        json::array items;
        for (const auto& c : channels_) {
            if (c.is_archived && arg("exclude_archived") == "true") continue;
            if (types.find(c.is_private ? "private_channel" : "public_channel") == std::string::npos) continue;
            items.push_back(json::object{{"id", c.id},
                                         {"name", c.name},
                                         {"is_private", c.is_private},
                                         {"is_archived", c.is_archived},
                                         {"num_members", c.members.size()}});
        }
        return json::serialize(page_of(items, arg("cursor"), arg("limit"), page_size_, "channels"));
    } else if (method == "conversations.members") {
        for (const auto& c : channels_) {
            if (c.id != arg("channel")) continue;
            json::array items;
            for (const auto& m : c.members) items.push_back(json::string(m));
            return json::serialize(page_of(items, arg("cursor"), arg("limit"), page_size_, "members"));
        }
        return json::serialize(json::object{{"ok", false}, {"error", "channel_not_found"}});
    } else if (method == "apps.connections.open" && socket_url_) {
        reply["url"] = socket_url_();
    } else if (method == "response_url") {
        return "ok";
    } else {
        return json::serialize(json::object{{"ok", false}, {"error", "unknown_method"}});
    }
    return json::serialize(reply);
}

server::HttpResponse FakeSlack::answer(const server::HttpRequest& req) {
    RecordedCall call;
    call.path = req.path;
    call.method = req.path.starts_with("/api/") ? req.path.substr(5) : "response_url";
    call.authorization = std::string(req.header("Authorization"));
    call.content_type = std::string(req.header("Content-Type"));
    if (call.content_type.starts_with("application/json")) {
        boost::system::error_code ec;
        auto v = json::parse(req.body, ec);
        if (!ec && v.is_object()) call.args = v.as_object();
    } else if (auto form = slack::parse_form(req.body)) {
        for (const auto& [k, v] : *form) call.args[k] = v;
    }

    Scripted a;
    bool scripted = false;
    {
        const std::lock_guard lock(mutex_);
        auto& queue = scripts_[call.method];
        if (!queue.empty()) {
            a = std::move(queue.front());
            queue.pop_front();
            scripted = true;
        }
        if (!scripted || a.body.empty()) a.body = default_reply(call.method, call.args);
    }
    if (a.delay.count() > 0) std::this_thread::sleep_for(a.delay);  // the fake's own slowness, on demand
    server::HttpResponse response = server::HttpResponse::json(a.status, a.body);
    if (a.body == "ok") response = server::HttpResponse::text(a.status, a.body);
    for (auto& h : a.headers) response.headers.push_back(h);
    call.status = a.status;
    {
        const std::lock_guard lock(mutex_);
        calls_.push_back(std::move(call));
    }
    changed_.notify_all();
    return response;
}

std::vector<RecordedCall> FakeSlack::calls() const {
    const std::lock_guard lock(mutex_);
    return calls_;
}

std::vector<RecordedCall> FakeSlack::calls(const std::string& method) const {
    std::vector<RecordedCall> out;
    const std::lock_guard lock(mutex_);
    for (const auto& c : calls_)
        if (c.method == method) out.push_back(c);
    return out;
}

bool FakeSlack::wait_for(const std::function<bool(const std::vector<RecordedCall>&)>& pred,
                         std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return pred(calls_); });
}

bool FakeSlack::wait_for_count(const std::string& method, std::size_t n, std::chrono::milliseconds timeout) const {
    return wait_for(
        [&](const std::vector<RecordedCall>& calls) {
            std::size_t k = 0;
            for (const auto& c : calls)
                if (c.method == method && c.status == 200) ++k;
            return k >= n;
        },
        timeout);
}

}  // namespace advocacy::testing
