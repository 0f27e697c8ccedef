#include "adapters/dashboard/http_helpers.hpp"

#include <boost/url/parse_query.hpp>

#include <algorithm>
#include <cctype>

namespace advocacy::dashboard {

namespace {

constexpr std::size_t kMaxQueryParameters = 8;
constexpr std::size_t kMaxCookieHeaderBytes = 4096;
constexpr std::size_t kMaxCookies = 64;
constexpr std::size_t kMaxAcceptLanguageBytes = 256;

bool is_base64url_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

void set_header(server::HttpResponse& r, std::string_view name, std::string value) {
    auto& h = r.headers;
    h.erase(std::remove_if(h.begin(), h.end(), [&](const auto& kv) { return iequals(kv.first, name); }), h.end());
    h.emplace_back(std::string(name), std::move(value));
}

}  // namespace

server::HttpResponse secured(server::HttpResponse response) {
    set_header(response, "Cache-Control", "no-store");
    set_header(response, "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    set_header(response, "X-Content-Type-Options", "nosniff");
    set_header(response, "Referrer-Policy", "no-referrer");
    return response;
}

std::optional<std::map<std::string, std::string>> query_parameters(std::string_view query) {
    std::map<std::string, std::string> out;
    if (query.empty()) return out;
    const auto parsed = boost::urls::parse_query(query);
    if (!parsed) return std::nullopt;
    for (const auto& param : *parsed) {
        if (out.size() >= kMaxQueryParameters) return std::nullopt;
        std::string key = param.key.decode();
        std::string value = param.has_value ? param.value.decode() : std::string{};
        if (!out.emplace(std::move(key), std::move(value)).second) return std::nullopt;  // a repeated name
    }
    return out;
}

std::optional<std::string> session_cookie(const server::HttpRequest& request) {
    std::optional<std::string> found;
    std::size_t cookies = 0;
    for (const auto& [name, value] : request.headers) {
        if (!iequals(name, "Cookie")) continue;
        if (value.size() > kMaxCookieHeaderBytes) return std::nullopt;
        std::string_view rest = value;
        while (!rest.empty()) {
            if (++cookies > kMaxCookies) return std::nullopt;
            const auto end = rest.find(';');
            const std::string_view pair = trim(rest.substr(0, end));
            rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
            const auto eq = pair.find('=');
            if (eq == std::string_view::npos || trim(pair.substr(0, eq)) != kSessionCookie) continue;
            if (found) return std::nullopt;  // two values: trust neither
            const std::string_view v = trim(pair.substr(eq + 1));
            if (v.size() != kSessionCookieChars || !std::all_of(v.begin(), v.end(), is_base64url_char)) return std::nullopt;
            found = std::string(v);
        }
    }
    return found;
}

i18n::Lang visitor_lang(const server::HttpRequest& request) {
    std::string_view header = request.header("Accept-Language");
    if (header.size() > kMaxAcceptLanguageBytes) header = header.substr(0, kMaxAcceptLanguageBytes);
    // In the order given (quality values are rarely out of order in practice); the first one we speak wins.
    while (!header.empty()) {
        const auto comma = header.find(',');
        std::string_view item = trim(header.substr(0, comma));
        header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
        item = trim(item.substr(0, item.find(';')));
        if (const auto lang = i18n::parse_lang(item)) return *lang;
    }
    return i18n::Lang::en;
}

}  // namespace advocacy::dashboard
