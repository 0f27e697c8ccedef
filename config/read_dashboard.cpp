// [dashboard]: the admin dashboard (docs/dashboard.md): on or off, earned media value, session lifetime, and the key
// that signs sign-in links.
#include <cmath>

#include "config/secrets_internal.hpp"
#include "config/sections_internal.hpp"

namespace advocacy::config::detail {
namespace {

constexpr std::int64_t kMaxSessionHours = 720;  // 30 days
constexpr std::size_t kMinSigningKeyBytes = 32;  // HMAC-SHA256: a shorter key is guessable sooner than the MAC
constexpr double kMaxValuePerClick = 1e6;        // beyond that, a typo

bool is_currency_code(std::string_view text) {
    if (text.size() != 3) return false;
    for (char c : text)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

// TableReader has no float accessor; a TOML integer ("value_per_click = 1") is accepted as well.
void read_value_per_click(TableReader& r, const toml::table* table, DashboardConfig& out) {
    const toml::node* node = table ? table->get("value_per_click") : nullptr;
    if (!node) return;
    double value = 0;
    if (const auto* f = node->as_floating_point())
        value = f->get();
    else if (const auto* i = node->as_integer())
        value = static_cast<double>(i->get());
    else {
        r.error("value_per_click", "expected a number, such as 0.75");
        return;
    }
    if (!std::isfinite(value) || value < 0 || value > kMaxValuePerClick)
        r.error("value_per_click", "must be a number from 0 to 1000000 (the value of one click, e.g. 0.75)");
    else
        out.value_per_click = value;
}

}  // namespace

void read_dashboard(TableReader& top, const LoadContext& ctx, DashboardConfig& out) {
    const toml::table* table = top.section("dashboard");
    TableReader r(top.diagnostics(), table, "dashboard",
                  {{"enabled", "value_per_click", "currency", "session_hours", "signing_key_env", "signing_key_file"},
                   {}});
    if (const auto v = r.boolean("enabled")) out.enabled = *v;
    read_value_per_click(r, table, out);
    if (const auto v = r.string("currency")) {
        if (is_currency_code(*v))
            out.currency = *v;
        else
            r.error("currency", in_quotes(*v) + " is not a currency code (expected three capital letters, e.g. \"EUR\")");
    }
    if (const auto v = r.integer("session_hours")) {
        if (*v >= 1 && *v <= kMaxSessionHours)
            out.session_lifetime = std::chrono::hours{*v};
        else
            r.error("session_hours", std::to_string(*v) + " is out of range (1-" + std::to_string(kMaxSessionHours) + ")");
    }
    // Optional: without a key, each process draws its own (links die with a restart, sessions do not).
    const bool named = r.has("signing_key_env") || r.has("signing_key_file");
    out.signing_key = read_secret(r, ctx, {"signing_key", "ADVOCACY_DASHBOARD_SIGNING_KEY"}, named);
    if (!out.signing_key.empty() && out.signing_key.value().size() < kMinSigningKeyBytes) {
        const std::string_view key = r.has("signing_key_file") ? "signing_key_file" : "signing_key_env";
        r.error(key, "the signing key from " + out.signing_key.source() + " is " +
                         std::to_string(out.signing_key.value().size()) + " bytes long (at least " +
                         std::to_string(kMinSigningKeyBytes) + ", e.g. `openssl rand -base64 48`)");
        out.signing_key = {};
    }
    r.report_unknown_keys();
}

}  // namespace advocacy::config::detail
