// [server]: where the bot listens and the public URL its links use (limits and threads: read_server_capacity.cpp).
#include <boost/url/parse.hpp>

#include "config/sections_internal.hpp"

namespace advocacy::config::detail {
namespace {

bool is_ipv6(std::string_view s) { return static_cast<bool>(boost::urls::parse_ipv6_address(s)); }

bool is_host_name(std::string_view s) {
    if (s.empty() || s.size() > 253 || s.front() == '.' || s.front() == '-' || s.back() == '-') return false;
    for (char c : s) {
        const bool ok =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
        if (!ok) return false;
    }
    return true;
}

bool is_listen_address(std::string_view s) {
    return boost::urls::parse_ipv4_address(s) || is_ipv6(s) || is_host_name(s);
}

// The URL users reach the bot at when public_base_url is not set: fine on one machine, wrong in production.
std::string derived_public_url(const ServerConfig& s) {
    std::string host = s.listen_address;
    if (host == "0.0.0.0") host = "127.0.0.1";
    if (host == "::") host = "::1";
    if (is_ipv6(host)) host = "[" + host + "]";
    const char* scheme = s.tls_certificate ? "https" : "http";
    return std::string(scheme) + "://" + host + ":" + std::to_string(s.port);
}

std::optional<std::filesystem::path> tls_file(TableReader& r, const LoadContext& ctx, std::string_view key) {
    const auto text = r.string(key);
    if (!text) return std::nullopt;
    if (text->empty()) {
        r.error(key, "expected a file path");
        return std::nullopt;
    }
    auto path = ctx.resolve(*text);
    if (const auto read = read_whole_file(path); !read.error.empty()) {
        r.error(key, "cannot read " + in_quotes(path.string()) + ": " + read.error);
        return std::nullopt;
    }
    return path;
}

}  // namespace

void read_server(TableReader& top, const LoadContext& ctx, ServerConfig& out) {
    TableReader r(top.diagnostics(), top.section("server"), "server",
                  {{"listen_address", "port", "public_base_url", "tls_certificate", "tls_private_key",
                    "shutdown_grace_seconds", "io_threads", "worker_threads"},
                   {"limits"}});
    if (const auto v = r.string("listen_address")) {
        if (is_listen_address(*v))
            out.listen_address = *v;
        else
            r.error("listen_address", in_quotes(*v) + " is not an IP address or a host name");
    }
    if (const auto v = r.integer("port")) {
        if (*v >= 1 && *v <= 65535)
            out.port = static_cast<std::uint16_t>(*v);
        else
            r.error("port", std::to_string(*v) + " is out of range (1-65535)");
    }

    out.tls_certificate = tls_file(r, ctx, "tls_certificate");
    out.tls_private_key = tls_file(r, ctx, "tls_private_key");
    if (r.has("tls_certificate") && !r.has("tls_private_key"))
        r.error("tls_certificate", "set without tls_private_key (HTTPS needs both)");
    if (r.has("tls_private_key") && !r.has("tls_certificate"))
        r.error("tls_private_key", "set without tls_certificate (HTTPS needs both)");

    if (const auto url = base_url(r, "public_base_url"))
        out.public_base_url = *url;
    else if (!r.has("public_base_url"))
        out.public_base_url = derived_public_url(out);
    read_server_capacity(r, out);
    r.report_unknown_keys();
}

}  // namespace advocacy::config::detail
