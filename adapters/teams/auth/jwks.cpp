#include "adapters/teams/auth/jwks.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "adapters/teams/auth/base64url.hpp"

namespace advocacy::teams {

namespace json = boost::json;

namespace {

constexpr int min_modulus_bits = 2048;  // anything shorter is not a Microsoft key and not safe to trust

std::optional<json::value> parse_json(std::string_view body) {
    boost::system::error_code ec;
    json::value value = json::parse(body, ec);
    if (ec) return std::nullopt;
    return value;
}

std::string_view string_field(const json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value && value->is_string() ? std::string_view(value->get_string()) : std::string_view{};
}

using BigNum = std::unique_ptr<BIGNUM, decltype(&BN_free)>;

BigNum big_endian(std::string_view bytes) {
    return BigNum(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()),
                            nullptr),
                  BN_free);
}

std::shared_ptr<const SigningKey> signing_key(const json::object& jwk) {
    if (string_field(jwk, "kty") != "RSA") return nullptr;
    if (jwk.contains("use") && string_field(jwk, "use") != "sig") return nullptr;  // an encryption key
    const auto kid = string_field(jwk, "kid");
    const auto n = base64url_decode(string_field(jwk, "n"));
    const auto e = base64url_decode(string_field(jwk, "e"));
    if (kid.empty() || !n || !e || n->empty() || e->empty()) return nullptr;
    auto key = rsa_public_key(*n, *e);
    if (!key || EVP_PKEY_get_bits(static_cast<EVP_PKEY*>(key.get())) < min_modulus_bits) return nullptr;

    auto out = std::make_shared<SigningKey>();
    out->kid = std::string(kid);
    out->public_key = std::move(key);
    if (const auto* endorsements = jwk.if_contains("endorsements"); endorsements && endorsements->is_array()) {
        for (const auto& e : endorsements->get_array()) {
            if (e.is_string()) out->endorsements.emplace_back(e.get_string());
        }
    }
    return out;
}

}  // namespace

std::shared_ptr<void> rsa_public_key(std::string_view modulus, std::string_view exponent) {
    const BigNum n = big_endian(modulus);
    const BigNum e = big_endian(exponent);
    std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)> build(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
    if (!n || !e || !build || !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) ||
        !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, e.get())) {
        return nullptr;
    }
    std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)> params(OSSL_PARAM_BLD_to_param(build.get()),
                                                                   OSSL_PARAM_free);
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr),
                                                                    EVP_PKEY_CTX_free);
    EVP_PKEY* key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        return nullptr;
    }
    return std::shared_ptr<void>(key, [](void* k) { EVP_PKEY_free(static_cast<EVP_PKEY*>(k)); });
}

std::optional<OpenIdMetadata> parse_openid_metadata(std::string_view body) {
    const auto value = parse_json(body);
    if (!value || !value->is_object()) return std::nullopt;
    OpenIdMetadata out{std::string(string_field(value->get_object(), "issuer")),
                       std::string(string_field(value->get_object(), "jwks_uri"))};
    if (!out.jwks_uri.starts_with("https://") && !out.jwks_uri.starts_with("http://")) return std::nullopt;
    return out;
}

std::optional<std::vector<std::shared_ptr<const SigningKey>>> parse_jwks(std::string_view body) {
    const auto value = parse_json(body);
    if (!value || !value->is_object()) return std::nullopt;
    const auto* keys = value->get_object().if_contains("keys");
    if (!keys || !keys->is_array()) return std::nullopt;
    std::vector<std::shared_ptr<const SigningKey>> out;
    for (const auto& jwk : keys->get_array()) {
        if (!jwk.is_object()) continue;
        if (auto key = signing_key(jwk.get_object())) out.push_back(std::move(key));
    }
    return out;
}

}  // namespace advocacy::teams
