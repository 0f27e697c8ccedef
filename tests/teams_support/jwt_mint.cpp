#include "tests/teams_support/jwt_mint.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>

#include "adapters/teams/auth/base64url.hpp"

namespace advocacy::testing {

namespace json = boost::json;
using teams::base64url_encode;

namespace {

std::string hmac(std::string_view alg, std::string_view secret, std::string_view data) {
    const EVP_MD* md = alg == "HS256" ? EVP_sha256() : alg == "HS384" ? EVP_sha384() : EVP_sha512();
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!HMAC(md, secret.data(), static_cast<int>(secret.size()), reinterpret_cast<const unsigned char*>(data.data()),
              data.size(), out, &size)) {
        throw std::runtime_error("HMAC failed");
    }
    return std::string(reinterpret_cast<const char*>(out), size);
}

std::string signature_for(const MintOptions& options, std::string_view signing_input) {
    if (options.alg.starts_with("RS")) {
        if (!options.key) throw std::invalid_argument("mint: " + options.alg + " needs a key");
        return options.key->sign(options.alg, signing_input);
    }
    if (options.alg == "HS256" || options.alg == "HS384" || options.alg == "HS512") {
        return hmac(options.alg, options.hmac_secret, signing_input);
    }
    return {};
}

}  // namespace

std::string mint(std::string_view claims_json, const MintOptions& options) {
    json::object header{{"alg", options.alg}, {"typ", "JWT"}};
    if (!options.kid.empty()) header["kid"] = options.kid;
    for (const auto& field : options.extra_header) header[field.key()] = field.value();
    const std::string signing_input = base64url_encode(json::serialize(header)) + "." + base64url_encode(claims_json);
    return signing_input + "." + base64url_encode(signature_for(options, signing_input));
}

std::string mint(const json::object& claims, const MintOptions& options) {
    return mint(json::serialize(claims), options);
}

std::string assemble_jwt(std::string_view header_json, std::string_view payload_json, std::string_view signature) {
    return base64url_encode(header_json) + "." + base64url_encode(payload_json) + "." + base64url_encode(signature);
}

std::string with_payload(std::string_view token, std::string_view claims_json) {
    const auto first = token.find('.');
    const auto last = token.rfind('.');
    if (first == std::string_view::npos || first == last) throw std::invalid_argument("with_payload: not a JWT");
    return std::string(token.substr(0, first + 1)) + base64url_encode(claims_json) + std::string(token.substr(last));
}

json::object connector_claims(std::string_view app_id, std::string_view service_url, std::chrono::sys_seconds now,
                              std::string_view issuer, std::chrono::seconds lifetime) {
    const auto epoch = now.time_since_epoch().count();
    return json::object{{"iss", issuer},
                        {"aud", app_id},
                        {"serviceurl", service_url},
                        {"nbf", epoch},
                        {"exp", epoch + lifetime.count()}};
}

}  // namespace advocacy::testing
