#include "tests/faults/fault_front.hpp"

#include <utility>

namespace advocacy::testing {

using namespace std::chrono;

const char* fault_name(Fault fault) {
    switch (fault) {
        case Fault::none: return "none";
        case Fault::refused: return "refused";
        case Fault::slow: return "slow";
        case Fault::server_error: return "server_error";
        case Fault::garbage: return "garbage";
        case Fault::cut_mid_body: return "cut_mid_body";
        case Fault::rate_limited: return "rate_limited";
    }
    return "?";
}

namespace {

net::ClientOptions forwarder_options() {
    net::ClientOptions o;
    o.retry.max_attempts = 1;  // the front reports what the fake did; the bot's client does the retrying
    o.max_connections_per_host = 64;
    o.max_in_flight_per_key = 64;
    o.request_timeout = seconds(20);
    return o;
}

}  // namespace

FaultFront::FaultFront(std::string backend, milliseconds slow_hold)
    : backend_(std::move(backend)), slow_hold_(slow_hold), forwarder_(forwarder_options()) {
    listen();
}

FaultFront::~FaultFront() {
    std::unique_ptr<FakeHttpServer> server;
    {
        const std::lock_guard lock(mutex_);
        server.swap(server_);
    }
    server.reset();  // outside the lock: its workers may be in answer()
}

void FaultFront::listen() {
    auto server = std::make_unique<FakeHttpServer>(std::nullopt, port_);
    server->route("*", [this](const FakeRequest& request, int) { return answer(request); });
    const std::lock_guard lock(mutex_);
    port_ = server->port();
    server_ = std::move(server);
}

void FaultFront::set(Fault fault, milliseconds window) {
    std::unique_ptr<FakeHttpServer> stopped;
    bool restart = false;
    {
        const std::lock_guard lock(mutex_);
        fault_ = fault;
        until_.reset();
        if (window > milliseconds(0)) until_ = steady_clock::now() + window;
        if (fault == Fault::refused) stopped.swap(server_);
        restart = fault != Fault::refused && !server_;
    }
    stopped.reset();  // closes the port and every open connection, like a crashed platform
    if (restart) listen();
}

FakeReply FaultFront::answer(const FakeRequest& request) {
    Fault fault;
    int retry_after = 1;
    {
        const std::lock_guard lock(mutex_);
        fault = fault_;
        if (until_) {
            const auto left = *until_ - steady_clock::now();
            if (left <= steady_clock::duration::zero()) {
                fault = Fault::none;
            } else {
                retry_after = static_cast<int>(ceil<seconds>(left).count());
            }
        }
    }
    const FakeHeaders json_type{{"Content-Type", "application/json"}};
    switch (fault) {
        case Fault::server_error:
            ++faulted_;
            return FakeReply{500, {{"Content-Type", "text/plain"}}, "internal error"};
        case Fault::garbage:
            ++faulted_;
            return FakeReply{200, {{"Content-Type", "text/html"}}, "<html><body><h1>502 Bad Gateway</h1>\x01\xff{"};
        case Fault::cut_mid_body: {
            ++faulted_;
            FakeReply r{200, json_type, R"({"ok":true,"channel":"D0CUT","ts":"1700000000.000100","message":{}})"};
            r.cut_after = r.body.size() / 2;
            return r;
        }
        case Fault::rate_limited:
            ++faulted_;
            return FakeReply{429, {{"Content-Type", "application/json"}, {"Retry-After", std::to_string(retry_after)}},
                             R"({"ok":false,"error":"ratelimited"})"};
        case Fault::none:
        case Fault::refused:  // a request accepted just before the port closed
        case Fault::slow:
            break;
    }

    net::ClientRequest forward;
    forward.method = request.method;
    forward.url = backend_ + request.target;
    forward.content_type = request.header("Content-Type");
    forward.body = request.body;
    for (const auto& [name, value] : request.headers) {
        if (name == "Authorization" || name == "authorization") forward.headers.emplace_back(name, value);
    }
    const net::ClientResult result = forwarder_.call(std::move(forward));
    ++forwarded_;
    FakeReply reply;
    if (!result.response) {
        reply.status = 502;
        reply.body = "front: " + result.error;
    } else {
        reply.status = result.response->status;
        reply.body = result.response->body;
        for (const char* name : {"Content-Type", "Retry-After"}) {
            const std::string value = result.response->header(name);
            if (!value.empty()) reply.headers.emplace_back(name, value);
        }
    }
    if (fault == Fault::slow) {
        ++faulted_;
        reply.delay = slow_hold_;
    }
    return reply;
}

}  // namespace advocacy::testing
