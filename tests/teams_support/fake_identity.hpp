#pragma once
// A fake Microsoft identity provider on 127.0.0.1 for the Teams tests (real HTTP over loopback, on FakeHttpServer):
//   GET  /v1/.well-known/openidconfiguration  OpenID metadata: issuer, jwks_uri (pointing at this server)
//   GET  /v1/.well-known/keys                 JWKS: the RSA keys set here, each with its "endorsements"
//   POST /<tenant>/oauth2/v2.0/token          OAuth2 client credentials (form body), for every tenant segment a
//                                             test asked token_url() for
// Keys can be added, rotated and removed while a test runs; each endpoint can be told to fail (500) or to answer
// garbage; requests are counted and token requests recorded. Tokens are minted with the same keys, so a test gets a
// valid Bot Connector token in one call (activity_token) and attack tokens through tests/teams_support/jwt_mint.hpp.
//
//   FakeIdentity idp;                                          // key "key-1" endorsed for "msteams"
//   OpenIdKeys keys(client, idp.metadata_url(), clock);
//   TokenValidator validator(keys, options /* issuer = idp.issuer(), app_id = "app" */, clock);
//   validator.validate(idp.authorization("app", service_url, clock.now()), "msteams", service_url);  // nullopt
#include <boost/json/object.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tests/net/fake_http_server.hpp"
#include "tests/teams_support/jwt_mint.hpp"
#include "tests/teams_support/test_rsa_key.hpp"

namespace advocacy::testing {

// One key of the JWKS.
struct FakeSigningKey {
    std::string kid;
    std::shared_ptr<const RsaTestKey> key;
    std::vector<std::string> endorsements{"msteams"};  // empty: served as []
};

// How an endpoint misbehaves.
enum class FakeOutage {
    none,
    server_error,  // 500 with a text body
    garbage,       // 200 with a body that is not JSON
    wrong_shape,   // 200 with JSON of the wrong shape ({"keys":7}, {"jwks_uri":42}, {"access_token":false})
};

// A forced answer of the token endpoint, e.g. {400, "invalid_client"}.
struct FakeTokenError {
    int status = 400;
    std::string error;  // OAuth "error" code
};

// One request to the token endpoint, as received.
struct TokenRequest {
    std::string tenant;        // the path segment before /oauth2/v2.0/token
    std::string content_type;
    std::map<std::string, std::string> form;  // decoded fields ("grant_type", "client_id", "client_secret", "scope")
};

class FakeIdentity {
public:
    static constexpr const char* default_issuer = "https://api.botframework.com";
    static constexpr const char* default_kid = "key-1";
    static constexpr const char* default_app_id = "00000000-0000-0000-0000-0000000000aa";
    static constexpr const char* default_app_password = "fake-client-secret-Zx9~";

    // Serves one key, default_kid (RsaTestKey::pooled(0)), endorsed for "msteams"; accepts the client
    // default_app_id / default_app_password.
    FakeIdentity();
    ~FakeIdentity();
    FakeIdentity(const FakeIdentity&) = delete;
    FakeIdentity& operator=(const FakeIdentity&) = delete;

    std::string metadata_url() const;  // http://127.0.0.1:<port>/v1/.well-known/openidconfiguration
    std::string jwks_url() const;
    std::string token_url(std::string_view tenant = "botframework.com") const;
    std::string issuer() const;
    void set_issuer(std::string issuer);  // what the metadata announces (and activity_token puts in "iss")

    // --- JWKS ---
    void add_key(FakeSigningKey key);  // replaces a key with the same kid
    void remove_key(std::string_view kid);
    void set_keys(std::vector<FakeSigningKey> keys);
    std::shared_ptr<const RsaTestKey> key(std::string_view kid) const;  // nullptr when not served
    void set_metadata_outage(FakeOutage outage);
    void set_jwks_outage(FakeOutage outage);
    int metadata_requests() const;
    int jwks_requests() const;

    // --- Token endpoint ---
    // Unknown client_id: 400 unauthorized_client; wrong secret: 401 invalid_client (error_description echoes the
    // secret it received, as a careless server might: the client must still never surface it).
    void set_client(std::string app_id, std::string app_password);
    void set_expires_in(std::chrono::seconds expires_in);  // default 3600 s
    void set_token_error(std::optional<FakeTokenError> error);  // answered to every request while set
    void set_token_outage(FakeOutage outage);
    std::vector<TokenRequest> token_requests() const;
    std::string last_access_token() const;  // "fake-access-token-<n>", n counting from 1; empty before any

    // --- Minting with the keys served here ---
    // RS256 token over `claims` signed with the key `kid` (which must have been added).
    std::string mint(const boost::json::object& claims, std::string_view kid = default_kid,
                     std::string alg = "RS256") const;
    // A genuine Bot Connector token: connector_claims(app_id, service_url, now, issuer()) signed with `kid`.
    std::string activity_token(std::string_view app_id, std::string_view service_url, std::chrono::sys_seconds now,
                               std::string_view kid = default_kid) const;
    std::string authorization(std::string_view app_id, std::string_view service_url, std::chrono::sys_seconds now,
                              std::string_view kid = default_kid) const;  // "Bearer " + activity_token(...)

    FakeHttpServer& server() { return *server_; }

private:
    FakeReply metadata_reply() const;
    FakeReply jwks_reply() const;
    FakeReply token_reply(const FakeRequest& request);
    int requests_to(std::string_view path) const;

    mutable std::mutex mutex_;
    std::string issuer_ = default_issuer;
    std::vector<FakeSigningKey> keys_;
    FakeOutage metadata_outage_ = FakeOutage::none;
    FakeOutage jwks_outage_ = FakeOutage::none;
    std::string app_id_ = default_app_id;
    std::string app_password_ = default_app_password;
    std::chrono::seconds expires_in_{3600};
    std::optional<FakeTokenError> token_error_;
    FakeOutage token_outage_ = FakeOutage::none;
    std::vector<TokenRequest> token_requests_;
    int tokens_issued_ = 0;
    FakeHandler token_handler_;  // shared by the routes of every tenant
    // Last member: destroyed first, so no handler runs against the state above while it goes.
    std::unique_ptr<FakeHttpServer> server_;
};

}  // namespace advocacy::testing
