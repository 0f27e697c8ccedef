#pragma once
// A link-time stand-in for net::HttpClient (bot/net/http_client.cpp is not linked into the fuzzers): GET answers
// come from documents registered here, in memory. It lets fuzz_jwt build the real OpenIdKeys key cache (metadata ->
// jwks_uri -> JWKS) from a fixed key set without Beast, threads or sockets.
#include <string>

namespace advocacy::fuzz {

// 200 with `body` for a GET of exactly `url`; any other request gets 404.
void serve(std::string url, std::string body);

}  // namespace advocacy::fuzz
