// `advocacy-bot healthcheck [--url URL]`: exit 0 when GET URL answers 200, 1 otherwise. The container image's
// HEALTHCHECK uses it, since the slim image has no curl.
#include <chrono>
#include <string>

#include "bot/cli/subcommands.hpp"
#include "bot/net/http_client.hpp"

namespace advocacy::cli {

int healthcheck(const Context& ctx) {
    std::string url = "http://127.0.0.1:8080/healthz";
    if (ctx.args.size() == 2 && ctx.args[0] == "--url") {
        url = std::string(ctx.args[1]);
    } else if (!ctx.args.empty()) {
        ctx.err << "usage: advocacy-bot healthcheck [--url URL]   (default " << url << ")\n";
        return 2;
    }
    net::ClientOptions options;
    options.connect_timeout = std::chrono::seconds(2);
    options.request_timeout = std::chrono::seconds(3);
    options.retry.max_attempts = 1;  // the orchestrator retries; one probe must answer quickly
    options.retry.max_total_time = std::chrono::seconds(5);
    options.max_response_bytes = 64 * 1024;
    net::HttpClient client(options);
    const auto result = client.call({"GET", url, {}, "", "", "healthcheck"});
    if (result.ok() && result.response->status == 200) {
        ctx.out << "healthy: " << url << '\n';
        return 0;
    }
    ctx.err << "unhealthy: " << url << ": "
            << (result.ok() ? "HTTP " + std::to_string(result.response->status) : result.error) << '\n';
    return 1;
}

}  // namespace advocacy::cli
