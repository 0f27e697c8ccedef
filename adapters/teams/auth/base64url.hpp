#pragma once
// base64url without padding (RFC 4648 section 5), as JWTs and JWKs use it. Both directions go through OpenSSL's
// base64 (EVP_EncodeBlock / EVP_DecodeBlock) after translating the alphabet: no hand-written table.
#include <optional>
#include <string>
#include <string_view>

namespace advocacy::teams {

std::string base64url_encode(std::string_view bytes);

// nullopt for anything that is not canonical unpadded base64url (stray '=', '+', '/', whitespace, a length of
// 4k+1, or unused bits set): a token whose parts can be spelled two ways is not accepted.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace advocacy::teams
