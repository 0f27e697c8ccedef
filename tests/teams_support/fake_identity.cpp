#include "tests/teams_support/fake_identity.hpp"

#include <boost/json.hpp>
#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

#include <algorithm>

namespace advocacy::testing {

namespace json = boost::json;

namespace {

constexpr const char* metadata_path = "/v1/.well-known/openidconfiguration";
constexpr const char* jwks_path = "/v1/.well-known/keys";

FakeReply json_reply(int status, const json::value& body) {
    return FakeReply{status, {{"Content-Type", "application/json; charset=utf-8"}}, json::serialize(body), {}, false};
}

// The misbehaving answer for `outage`, or nullopt to answer normally.
std::optional<FakeReply> outage_reply(FakeOutage outage, const json::object& wrong_shape) {
    switch (outage) {
        case FakeOutage::none: return std::nullopt;
        case FakeOutage::server_error: return FakeReply{500, {}, "internal error", {}, false};
        case FakeOutage::garbage:
            return FakeReply{200, {{"Content-Type", "text/html"}}, "<html>not json{", {}, false};
        case FakeOutage::wrong_shape: return json_reply(200, wrong_shape);
    }
    return std::nullopt;
}

std::map<std::string, std::string> decode_form(std::string_view body) {
    std::map<std::string, std::string> out;
    if (!boost::urls::parse_query(body)) return out;
    boost::urls::encoding_opts opt;
    opt.space_as_plus = true;
    for (const auto& param : boost::urls::params_view(body, opt)) out.emplace(param.key, param.value);
    return out;
}

json::object jwk(const FakeSigningKey& k) {
    json::array endorsements;
    for (const auto& e : k.endorsements) endorsements.emplace_back(e);
    return json::object{{"kty", "RSA"},
                        {"use", "sig"},
                        {"kid", k.kid},
                        {"n", k.key->modulus_b64url()},
                        {"e", k.key->exponent_b64url()},
                        {"endorsements", std::move(endorsements)}};
}

}  // namespace

FakeIdentity::FakeIdentity() : server_(std::make_unique<FakeHttpServer>()) {
    keys_.push_back(FakeSigningKey{default_kid, RsaTestKey::pooled(0)});
    server_->route(metadata_path, [this](const FakeRequest&, int) { return metadata_reply(); });
    server_->route(jwks_path, [this](const FakeRequest&, int) { return jwks_reply(); });
    token_handler_ = [this](const FakeRequest& request, int) { return token_reply(request); };
    token_url();  // registers the default tenant's route
}

FakeIdentity::~FakeIdentity() { server_.reset(); }

std::string FakeIdentity::metadata_url() const { return server_->url(metadata_path); }
std::string FakeIdentity::jwks_url() const { return server_->url(jwks_path); }

std::string FakeIdentity::token_url(std::string_view tenant) const {
    const std::string path = "/" + std::string(tenant) + "/oauth2/v2.0/token";
    server_->route(path, token_handler_);
    return server_->url(path);
}

std::string FakeIdentity::issuer() const {
    const std::lock_guard lock(mutex_);
    return issuer_;
}

void FakeIdentity::set_issuer(std::string issuer) {
    const std::lock_guard lock(mutex_);
    issuer_ = std::move(issuer);
}

void FakeIdentity::add_key(FakeSigningKey key) {
    const std::lock_guard lock(mutex_);
    std::erase_if(keys_, [&](const FakeSigningKey& k) { return k.kid == key.kid; });
    keys_.push_back(std::move(key));
}

void FakeIdentity::remove_key(std::string_view kid) {
    const std::lock_guard lock(mutex_);
    std::erase_if(keys_, [&](const FakeSigningKey& k) { return k.kid == kid; });
}

void FakeIdentity::set_keys(std::vector<FakeSigningKey> keys) {
    const std::lock_guard lock(mutex_);
    keys_ = std::move(keys);
}

std::shared_ptr<const RsaTestKey> FakeIdentity::key(std::string_view kid) const {
    const std::lock_guard lock(mutex_);
    const auto it = std::find_if(keys_.begin(), keys_.end(), [&](const FakeSigningKey& k) { return k.kid == kid; });
    return it == keys_.end() ? nullptr : it->key;
}

void FakeIdentity::set_metadata_outage(FakeOutage outage) {
    const std::lock_guard lock(mutex_);
    metadata_outage_ = outage;
}

void FakeIdentity::set_jwks_outage(FakeOutage outage) {
    const std::lock_guard lock(mutex_);
    jwks_outage_ = outage;
}

int FakeIdentity::requests_to(std::string_view path) const {
    const auto all = server_->requests();
    const auto to_path = [&](const FakeRequest& r) { return r.path == path; };
    return static_cast<int>(std::count_if(all.begin(), all.end(), to_path));
}

int FakeIdentity::metadata_requests() const { return requests_to(metadata_path); }
int FakeIdentity::jwks_requests() const { return requests_to(jwks_path); }

void FakeIdentity::set_client(std::string app_id, std::string app_password) {
    const std::lock_guard lock(mutex_);
    app_id_ = std::move(app_id);
    app_password_ = std::move(app_password);
}

void FakeIdentity::set_expires_in(std::chrono::seconds expires_in) {
    const std::lock_guard lock(mutex_);
    expires_in_ = expires_in;
}

void FakeIdentity::set_token_error(std::optional<FakeTokenError> error) {
    const std::lock_guard lock(mutex_);
    token_error_ = std::move(error);
}

void FakeIdentity::set_token_outage(FakeOutage outage) {
    const std::lock_guard lock(mutex_);
    token_outage_ = outage;
}

std::vector<TokenRequest> FakeIdentity::token_requests() const {
    const std::lock_guard lock(mutex_);
    return token_requests_;
}

std::string FakeIdentity::last_access_token() const {
    const std::lock_guard lock(mutex_);
    return tokens_issued_ == 0 ? std::string{} : "fake-access-token-" + std::to_string(tokens_issued_);
}

std::string FakeIdentity::mint(const json::object& claims, std::string_view kid, std::string alg) const {
    auto signer = key(kid);
    if (!signer) throw std::invalid_argument("FakeIdentity::mint: no key " + std::string(kid));
    return testing::mint(claims, MintOptions(std::move(alg), std::string(kid), std::move(signer)));
}

std::string FakeIdentity::activity_token(std::string_view app_id, std::string_view service_url,
                                         std::chrono::sys_seconds now, std::string_view kid) const {
    return mint(connector_claims(app_id, service_url, now, issuer()), kid);
}

std::string FakeIdentity::authorization(std::string_view app_id, std::string_view service_url,
                                        std::chrono::sys_seconds now, std::string_view kid) const {
    return "Bearer " + activity_token(app_id, service_url, now, kid);
}

FakeReply FakeIdentity::metadata_reply() const {
    const std::lock_guard lock(mutex_);
    if (auto bad = outage_reply(metadata_outage_, {{"jwks_uri", 42}})) return *bad;
    return json_reply(200, json::object{{"issuer", issuer_},
                                        {"authorization_endpoint", "https://invalid.example/v1/.well-known/no"},
                                        {"jwks_uri", jwks_url()},
                                        {"id_token_signing_alg_values_supported", json::array{"RS256"}},
                                        {"token_endpoint_auth_methods_supported", json::array{"private_key_jwt"}}});
}

FakeReply FakeIdentity::jwks_reply() const {
    const std::lock_guard lock(mutex_);
    if (auto bad = outage_reply(jwks_outage_, {{"keys", 7}})) return *bad;
    json::array keys;
    for (const auto& k : keys_) keys.push_back(jwk(k));
    return json_reply(200, json::object{{"keys", std::move(keys)}});
}

FakeReply FakeIdentity::token_reply(const FakeRequest& request) {
    const std::lock_guard lock(mutex_);
    const auto form = decode_form(request.body);
    const auto tenant_end = request.path.find('/', 1);
    token_requests_.push_back(
        TokenRequest{request.path.substr(1, tenant_end - 1), request.header("Content-Type"), form});
    if (auto bad = outage_reply(token_outage_, {{"access_token", false}})) return *bad;
    const auto field = [&](const char* name) {
        const auto it = form.find(name);
        return it == form.end() ? std::string{} : it->second;
    };
    const auto error = [](int status, const std::string& code, const std::string& description) {
        return json_reply(status, json::object{{"error", code}, {"error_description", description}});
    };
    if (token_error_) return error(token_error_->status, token_error_->error, "forced by the test");
    if (request.method != "POST") return error(405, "invalid_request", "POST only");
    if (field("grant_type") != "client_credentials") {
        return error(400, "unsupported_grant_type", "client_credentials only");
    }
    if (field("client_id") != app_id_) return error(400, "unauthorized_client", "AADSTS700016: application not found");
    if (field("client_secret") != app_password_) {
        return error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided: " + field("client_secret"));
    }
    if (field("scope").empty()) return error(400, "invalid_scope", "scope is required");
    ++tokens_issued_;
    return json_reply(200, json::object{{"token_type", "Bearer"},
                                        {"expires_in", expires_in_.count()},
                                        {"ext_expires_in", expires_in_.count()},
                                        {"access_token", "fake-access-token-" + std::to_string(tokens_issued_)}});
}

}  // namespace advocacy::testing
