#pragma once
// Where a request goes and what goes on its first line: parsed once per call from ClientRequest::url (Boost.URL),
// validated before anything touches the network. No Asio here.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bot/net/http_client.hpp"

namespace advocacy::net {

struct RequestTarget {
    bool tls = false;
    std::string host;         // name or IP literal (IPv6 without brackets): for DNS, SNI, host-name verification
    bool host_is_ip = false;  // no SNI for IP literals (RFC 6066); verification matches the IP SAN
    std::uint16_t port = 0;
    std::string host_header;  // "host" or "host:port" when the port is not the scheme's default
    std::string target;       // origin-form: path and query, e.g. "/api/chat.postMessage?x=1"
    std::string origin;       // "https://host:port": the connection pool's key
};

// nullopt and a reason (that never repeats the URL: its query may carry a token) when `url` is not usable.
std::optional<RequestTarget> parse_request_target(std::string_view url, std::string& why);

// Header names and values that would break the request framing (CR, LF, NUL, bad token characters) and headers the
// client manages itself (Host, Content-Length, Transfer-Encoding, Connection) are refused: empty when all is well.
std::string check_request_headers(const ClientRequest& request);

}  // namespace advocacy::net
