#pragma once
// Small HTTP pieces every dashboard route uses: the security headers, strict query and cookie parsing, and the
// visitor's language.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "bot/i18n/catalog.hpp"
#include "bot/server/http_message.hpp"

namespace advocacy::dashboard {

inline constexpr std::string_view kSessionCookie = "advocacy_dashboard";
// 256 random bits, base64url without padding.
inline constexpr std::size_t kSessionCookieChars = 43;

// Adds Cache-Control: no-store, the Content-Security-Policy, nosniff and no-referrer (replacing a Cache-Control
// already set). Every /admin response goes through it.
server::HttpResponse secured(server::HttpResponse response);

// The query's parameters, percent-decoded. nullopt when malformed, when a name repeats, or when there are more
// than a handful (no dashboard URL has more than three).
std::optional<std::map<std::string, std::string>> query_parameters(std::string_view query);

// The session cookie's value when the request carries exactly one, well formed (43 base64url characters);
// nullopt otherwise. Bounded: oversized Cookie headers and cookie lists are not read.
std::optional<std::string> session_cookie(const server::HttpRequest& request);

// The first language of Accept-Language the catalog has (en or fr), else English.
i18n::Lang visitor_lang(const server::HttpRequest& request);

}  // namespace advocacy::dashboard
