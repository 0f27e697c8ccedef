#pragma once
// Requests and responses as route handlers see them: plain data, no Beast types, so handlers (Slack, Teams,
// playground, tracked links) compile without Beast's templates.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace advocacy::server {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method;  // "GET", "POST"...
    std::string target;  // as sent: path + query
    std::string path;    // decoded-free path part of target
    std::string query;   // after '?', without it
    Headers headers;
    std::string body;    // exact received bytes (signatures are computed over them)
    std::string remote_address;

    // Case-insensitive header lookup; empty when absent.
    std::string_view header(std::string_view name) const;
};

struct HttpResponse {
    int status = 200;
    std::string content_type = "text/plain; charset=utf-8";
    std::string body;
    Headers headers;  // extra headers (Location, Set-Cookie...)

    static HttpResponse text(int status, std::string body);
    static HttpResponse json(int status, std::string body);
    static HttpResponse html(int status, std::string body);
    static HttpResponse redirect(std::string location);  // 302
};

// Standard reason phrases are Beast's; this is for logs and error bodies.
std::string_view status_text(int status);

}  // namespace advocacy::server
