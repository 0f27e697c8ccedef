#include "adapters/teams/auth/bot_token.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "bot/log/log.hpp"

namespace advocacy::teams {

namespace json = boost::json;

namespace {

std::string form_field(std::string_view key, std::string_view value) {
    boost::urls::encoding_opts opt;
    opt.space_as_plus = true;
    return boost::urls::encode(key, boost::urls::unreserved_chars, opt) + "=" +
           boost::urls::encode(value, boost::urls::unreserved_chars, opt);
}

// An OAuth error code is echoed only when it looks like one: the body is the server's, not ours to log blindly.
std::string oauth_error_code(const std::string& body) {
    boost::system::error_code ec;
    const auto value = json::parse(body, ec);
    if (ec || !value.is_object()) return {};
    const auto* error = value.get_object().if_contains("error");
    if (!error || !error->is_string()) return {};
    const std::string code(error->get_string());
    const auto code_char = [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; };
    const bool plausible = !code.empty() && code.size() <= 64 && std::all_of(code.begin(), code.end(), code_char);
    return plausible ? code : std::string{};
}

struct Grant {
    std::string access_token;
    std::chrono::seconds expires_in{0};
};

// RFC 6749: token types are case-insensitive.
bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

// expires_in as a positive number of seconds, at most a year; older endpoints send it as a string of digits.
std::optional<std::chrono::seconds> lifetime(const json::value& expires_in) {
    double seconds = 0;
    if (expires_in.is_number()) {
        seconds = expires_in.to_number<double>();
    } else if (expires_in.is_string()) {
        const std::string_view text = expires_in.get_string();
        const auto digit = [](char c) { return c >= '0' && c <= '9'; };
        if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), digit)) return std::nullopt;
        seconds = std::stod(std::string(text));
    }
    if (!(seconds > 0) || seconds > 366.0 * 24 * 3600) return std::nullopt;
    return std::chrono::seconds(static_cast<std::int64_t>(seconds));
}

std::optional<Grant> parse_grant(const std::string& body) {
    boost::system::error_code ec;
    const auto value = json::parse(body, ec);
    if (ec || !value.is_object()) return std::nullopt;
    const auto& object = value.get_object();
    const auto* token = object.if_contains("access_token");
    const auto* type = object.if_contains("token_type");
    const auto* expires = object.if_contains("expires_in");
    if (!token || !token->is_string() || token->get_string().empty()) return std::nullopt;
    if (type && (!type->is_string() || !iequals(type->get_string(), "Bearer"))) return std::nullopt;
    const auto seconds = expires ? lifetime(*expires) : std::nullopt;
    if (!seconds) return std::nullopt;
    return Grant{std::string(token->get_string()), *seconds};
}

}  // namespace

struct BotTokenProvider::Impl {
    net::HttpClient& client;
    BotTokenOptions options;
    const Clock& clock;

    std::mutex mutex;  // held across a fetch: one at a time, the others wait and then use its result
    std::optional<std::string> token;
    std::chrono::sys_seconds expires_at{};
    int fetches = 0;

    BotTokenResult fetch();
};

BotTokenResult BotTokenProvider::Impl::fetch() {
    ++fetches;
    net::ClientRequest request;
    request.method = "POST";
    request.url = options.token_url;
    request.content_type = "application/x-www-form-urlencoded";
    request.body = form_field("grant_type", "client_credentials") + "&" + form_field("client_id", options.app_id) +
                   "&" + form_field("client_secret", options.app_password) + "&" + form_field("scope", options.scope);
    request.rate_limit_key = "teams:token";
    const auto started = clock.now();
    const auto result = client.call(std::move(request));

    BotTokenResult out;
    if (!result.response) {
        out.error = "token endpoint unreachable: " + result.error;
    } else if (result.response->status != 200) {
        const auto code = oauth_error_code(result.response->body);
        const int status = result.response->status;
        out.permanent = (status == 400 || status == 401) && (code == "invalid_client" || code == "unauthorized_client");
        out.error = "token endpoint answered HTTP " + std::to_string(status) + (code.empty() ? "" : " " + code);
    } else if (auto grant = parse_grant(result.response->body)) {
        token = std::move(grant->access_token);
        expires_at = started + grant->expires_in;  // from the request's start: errs on the early side
        out.token = token;
        return out;
    } else {
        out.error = "token endpoint answered an unreadable token response";
    }
    log::warn("teams-auth", "bot token not obtained",
              {{"error", out.error}, {"permanent", out.permanent ? "yes" : "no"}});
    return out;
}

BotTokenProvider::BotTokenProvider(net::HttpClient& client, BotTokenOptions options, const Clock& clock)
    : impl_(std::make_unique<Impl>(client, std::move(options), clock)) {}

BotTokenProvider::~BotTokenProvider() = default;

BotTokenResult BotTokenProvider::token() {
    const std::lock_guard lock(impl_->mutex);
    const auto left = impl_->expires_at - impl_->clock.now();
    if (impl_->token && left > impl_->options.refresh_before_expiry) return BotTokenResult{impl_->token, {}, false};
    auto fetched = impl_->fetch();
    // The early refresh is a courtesy: while it fails, a token that has not expired yet still works.
    if (!fetched.token && impl_->token && left > std::chrono::seconds(0)) {
        return BotTokenResult{impl_->token, {}, false};
    }
    return fetched;
}

void BotTokenProvider::invalidate() {
    const std::lock_guard lock(impl_->mutex);
    impl_->token.reset();
}

int BotTokenProvider::fetch_count() const {
    const std::lock_guard lock(impl_->mutex);
    return impl_->fetches;
}

}  // namespace advocacy::teams
