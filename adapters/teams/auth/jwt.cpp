#include "adapters/teams/auth/jwt.hpp"

#include <openssl/evp.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <memory>

#include "adapters/teams/auth/base64url.hpp"

namespace advocacy::teams {

namespace {

std::optional<boost::json::object> json_object(std::string_view base64url) {
    const auto text = base64url_decode(base64url);
    if (!text) return std::nullopt;
    boost::system::error_code ec;
    auto value = boost::json::parse(*text, ec);
    if (ec || !value.is_object()) return std::nullopt;
    return std::move(value.get_object());
}

}  // namespace

std::optional<ParsedJwt> parse_jwt(std::string_view token) {
    const auto first = token.find('.');
    if (first == std::string_view::npos) return std::nullopt;
    const auto second = token.find('.', first + 1);
    if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) return std::nullopt;

    auto header = json_object(token.substr(0, first));
    auto claims = json_object(token.substr(first + 1, second - first - 1));
    auto signature = base64url_decode(token.substr(second + 1));
    if (!header || !claims || !signature) return std::nullopt;
    return ParsedJwt{std::move(*header), std::move(*claims), token.substr(0, second), std::move(*signature)};
}

const void* rsa_jws_digest(std::string_view alg) {
    if (alg == "RS256") return EVP_sha256();
    if (alg == "RS384") return EVP_sha384();
    if (alg == "RS512") return EVP_sha512();
    return nullptr;
}

bool verify_rsa_signature(std::string_view alg, void* public_key, std::string_view signing_input,
                          std::string_view signature) {
    const auto* md = static_cast<const EVP_MD*>(rsa_jws_digest(alg));
    auto* key = static_cast<EVP_PKEY*>(public_key);
    // The key must be RSA whatever the header says: no algorithm confusion with another key type.
    if (!md || !key || !EVP_PKEY_is_a(key, "RSA") || signature.empty()) return false;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, key) != 1) return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                            reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size()) == 1;
}

}  // namespace advocacy::teams
