#include "adapters/teams/auth/openid_keys.hpp"

#include <map>
#include <mutex>

#include "adapters/teams/auth/jwks.hpp"
#include "bot/log/log.hpp"

namespace advocacy::teams {

struct OpenIdKeys::Impl {
    // Spelled out: clang 14 (the fuzz build) lacks C++20's parenthesized aggregate initialization.
    Impl(net::HttpClient& c, std::string url, const Clock& k, OpenIdKeysOptions o)
        : client(c), metadata_url(std::move(url)), clock(k), options(o) {}

    net::HttpClient& client;
    std::string metadata_url;
    const Clock& clock;
    OpenIdKeysOptions options;

    std::mutex fetch_mutex;  // one fetch at a time; waiters re-check whether it already did their job
    mutable std::mutex mutex;  // guards what follows
    std::map<std::string, std::shared_ptr<const SigningKey>, std::less<>> keys;
    std::string issuer;
    std::optional<std::chrono::sys_seconds> last_success;
    std::optional<std::chrono::sys_seconds> last_attempt;
    int refreshes = 0;
    int failures = 0;

    // Why a refresh is due now for `kid` (nullptr when none is). Caller holds `mutex`.
    const char* refresh_reason(std::string_view kid) const;
    std::optional<std::string> get(const std::string& url, std::string& why);
    bool fetch(std::string_view reason);
};

const char* OpenIdKeys::Impl::refresh_reason(std::string_view kid) const {
    const auto now = clock.now();
    const bool attempted_recently = last_attempt && now - *last_attempt < options.unknown_kid_refresh_interval;
    // A failing endpoint is retried at the same pace as unknown kids, not once per request.
    if (attempted_recently) return nullptr;
    if (!last_success) return "no key set yet";
    if (now - *last_success >= options.max_age) return "key set older than max_age";
    if (!keys.contains(kid)) return "unknown kid";
    return nullptr;
}

std::optional<std::string> OpenIdKeys::Impl::get(const std::string& url, std::string& why) {
    net::ClientRequest request;
    request.method = "GET";
    request.url = url;
    request.headers = {{"Accept", "application/json"}};
    request.rate_limit_key = "teams:openid";
    const auto result = client.call(std::move(request));
    if (!result.response) {
        why = "unreachable: " + result.error;
        return std::nullopt;
    }
    if (result.response->status != 200) {
        why = "HTTP " + std::to_string(result.response->status);
        return std::nullopt;
    }
    return result.response->body;
}

bool OpenIdKeys::Impl::fetch(std::string_view reason) {
    log::info("teams-auth", "refreshing the signing keys", {{"reason", reason}});
    std::string why;
    const auto fail = [this](std::string_view step, std::string_view reason) {
        log::warn("teams-auth", "signing keys not refreshed, keeping the previous set",
                  {{"step", step}, {"reason", reason}});
        const std::lock_guard lock(mutex);
        // Stamped when the fetch ends, so callers arriving meanwhile wait for its result instead of being rate-limited.
        last_attempt = clock.now();
        ++failures;
        return false;
    };
    const auto metadata_body = get(metadata_url, why);
    if (!metadata_body) return fail("metadata", why);
    const auto metadata = parse_openid_metadata(*metadata_body);
    if (!metadata) return fail("metadata", "not an OpenID document with a jwks_uri");
    // No downgrade: keys announced by an https document must come over https too.
    if (metadata_url.starts_with("https://") && !metadata->jwks_uri.starts_with("https://")) {
        return fail("metadata", "jwks_uri is not https");
    }
    const auto jwks_body = get(metadata->jwks_uri, why);
    if (!jwks_body) return fail("jwks", why);
    const auto parsed = parse_jwks(*jwks_body);
    if (!parsed || parsed->empty()) return fail("jwks", "no usable RSA signing key");

    const std::lock_guard lock(mutex);
    keys.clear();
    for (const auto& key : *parsed) keys.emplace(key->kid, key);
    issuer = metadata->issuer;
    last_success = last_attempt = clock.now();
    ++refreshes;
    return true;
}

OpenIdKeys::OpenIdKeys(net::HttpClient& client, std::string metadata_url, const Clock& clock,
                       OpenIdKeysOptions options)
    : impl_(std::make_unique<Impl>(client, std::move(metadata_url), clock, options)) {}

OpenIdKeys::~OpenIdKeys() = default;

std::shared_ptr<const SigningKey> OpenIdKeys::find(std::string_view kid) {
    const auto lookup = [&]() -> std::shared_ptr<const SigningKey> {
        const auto it = impl_->keys.find(kid);
        return it == impl_->keys.end() ? nullptr : it->second;
    };
    {
        const std::lock_guard lock(impl_->mutex);
        if (!impl_->refresh_reason(kid)) return lookup();
    }
    const std::lock_guard fetching(impl_->fetch_mutex);
    const char* reason = nullptr;
    {
        const std::lock_guard lock(impl_->mutex);
        reason = impl_->refresh_reason(kid);  // another thread may have refreshed while we waited
    }
    if (reason) impl_->fetch(reason);
    const std::lock_guard lock(impl_->mutex);
    return lookup();
}

bool OpenIdKeys::refresh() {
    const std::lock_guard fetching(impl_->fetch_mutex);
    return impl_->fetch("requested");
}

std::string OpenIdKeys::issuer() const {
    const std::lock_guard lock(impl_->mutex);
    return impl_->issuer;
}

int OpenIdKeys::refresh_count() const {
    const std::lock_guard lock(impl_->mutex);
    return impl_->refreshes;
}

int OpenIdKeys::failure_count() const {
    const std::lock_guard lock(impl_->mutex);
    return impl_->failures;
}

}  // namespace advocacy::teams
