#include "bot/net/request_target.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <cctype>

namespace advocacy::net {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

bool is_token_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool valid_value(std::string_view v) {
    return std::none_of(v.begin(), v.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

}  // namespace

std::optional<RequestTarget> parse_request_target(std::string_view url, std::string& why) {
    const auto parsed = boost::urls::parse_uri(url);
    if (!parsed) {
        why = "the URL is not a valid absolute URI";
        return std::nullopt;
    }
    const boost::urls::url_view u = *parsed;
    RequestTarget t;
    if (u.scheme_id() == boost::urls::scheme::https) {
        t.tls = true;
    } else if (u.scheme_id() != boost::urls::scheme::http) {
        why = "only http and https URLs are supported";
        return std::nullopt;
    }
    if (u.has_userinfo()) {
        why = "credentials in the URL are not supported (use a header)";
        return std::nullopt;
    }
    switch (u.host_type()) {
        case boost::urls::host_type::name: t.host = u.host_name(); break;
        case boost::urls::host_type::ipv4: t.host = u.host_address(); t.host_is_ip = true; break;
        case boost::urls::host_type::ipv6: t.host = u.host_address(); t.host_is_ip = true; break;
        default: why = "the URL has no usable host"; return std::nullopt;
    }
    if (t.host.empty()) {
        why = "the URL has no host";
        return std::nullopt;
    }
    const std::uint16_t default_port = t.tls ? 443 : 80;
    t.port = default_port;
    if (u.has_port()) {
        const std::string_view digits = u.port();
        unsigned long value = 0;
        const bool numeric = !digits.empty() && digits.size() <= 5 &&
                             std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (numeric) value = std::stoul(std::string(digits));
        if (!numeric || value == 0 || value > 65535) {
            why = "the URL has an invalid port";
            return std::nullopt;
        }
        t.port = static_cast<std::uint16_t>(value);
    }
    const std::string bracketed = u.host_type() == boost::urls::host_type::ipv6 ? "[" + t.host + "]" : t.host;
    t.host_header = t.port == default_port ? bracketed : bracketed + ":" + std::to_string(t.port);
    t.target = u.encoded_path().empty() ? std::string("/") : std::string(u.encoded_path());
    if (t.target.front() != '/') {
        why = "the URL path must be absolute";
        return std::nullopt;
    }
    if (u.has_query()) t.target += "?" + std::string(u.encoded_query());
    t.origin = std::string(t.tls ? "https://" : "http://") + bracketed + ":" + std::to_string(t.port);
    return t;
}

std::string check_request_headers(const ClientRequest& request) {
    if (request.method.empty() || !std::all_of(request.method.begin(), request.method.end(), is_token_char))
        return "invalid method";
    if (!valid_value(request.content_type)) return "invalid Content-Type";
    for (const auto& [name, value] : request.headers) {
        if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char)) return "invalid header name";
        if (!valid_value(value)) return "invalid value for header " + name;
        for (const std::string_view managed : {"Host", "Content-Length", "Transfer-Encoding", "Connection"})
            if (iequals(name, managed)) return "header " + name + " is set by the client itself";
    }
    return {};
}

}  // namespace advocacy::net
