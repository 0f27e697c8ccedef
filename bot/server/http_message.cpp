#include "bot/server/http_message.hpp"

#include <algorithm>
#include <cctype>

namespace advocacy::server {

namespace {
bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}
}  // namespace

std::string_view HttpRequest::header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
        if (iequals(k, name)) return v;
    }
    return {};
}

HttpResponse HttpResponse::text(int status, std::string body) {
    return HttpResponse{status, "text/plain; charset=utf-8", std::move(body), {}};
}

HttpResponse HttpResponse::json(int status, std::string body) {
    return HttpResponse{status, "application/json", std::move(body), {}};
}

HttpResponse HttpResponse::html(int status, std::string body) {
    return HttpResponse{status, "text/html; charset=utf-8", std::move(body), {}};
}

HttpResponse HttpResponse::redirect(std::string location) {
    HttpResponse r{302, "text/plain; charset=utf-8", "Found\n", {}};
    r.headers.emplace_back("Location", std::move(location));
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

std::string_view status_text(int status) {
    switch (status) {
        case 200: return "OK";
        case 204: return "No Content";
        case 302: return "Found";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 408: return "Request Timeout";
        case 413: return "Payload Too Large";
        case 431: return "Request Header Fields Too Large";
        case 500: return "Internal Server Error";
        case 503: return "Service Unavailable";
        default: return "";
    }
}

}  // namespace advocacy::server
