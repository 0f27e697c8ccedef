#pragma once
// Share-intent URLs and tracked links (product.md, "Link tracking"), built with Boost.URL.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bot/clock.hpp"

namespace advocacy {

inline constexpr std::string_view kNetworks[] = {"linkedin", "x", "facebook"};

// 16 random bytes (128 bits) as unpadded base64url: 22 characters, URL-safe, never sequential.
std::string make_token(RandomSource& random);

// The content URL as the bot stores and redirects to it, or nullopt unless it is an absolute http/https URL with a
// host. Characters a URI cannot carry as is (spaces, non-ASCII, '"'...) are percent-encoded, existing %XX kept.
std::optional<std::string> normalize_content_url(std::string_view content_url);

// The content URL with utm_source=<network>, utm_medium=employee_advocacy, utm_campaign=<slug> added (replacing any
// existing utm_ of those names), keeping the URL's own query and fragment. This is where /r/<token> redirects.
// Throws std::invalid_argument when normalize_content_url() would reject content_url.
std::string tracked_destination(std::string_view content_url, std::string_view network, std::string_view campaign_slug);

// `PUBLIC_URL/r/<token>` and `PUBLIC_URL/s/<token>`.
std::string post_link(std::string_view public_base_url, std::string_view token);
std::string intent_link(std::string_view public_base_url, std::string_view token);

// The network's share-intent page for `shared_url` (+ `text` where the network takes one):
// linkedin: https://www.linkedin.com/sharing/share-offsite/?url=...
// x:        https://twitter.com/intent/tweet?text=...&url=...
// facebook: https://www.facebook.com/sharer/sharer.php?u=...
// Throws std::invalid_argument for a network not in kNetworks.
std::string share_intent_url(std::string_view network, std::string_view shared_url, std::string_view text);

// Network display name ("LinkedIn", "X", "Facebook"); an unknown network id is returned as is.
std::string_view network_label(std::string_view network);

// Link-preview crawlers (LinkedInBot, Twitterbot, facebookexternalhit, Slackbot...) by User-Agent: they get the
// redirect but are not counted as clicks.
bool is_link_preview_crawler(std::string_view user_agent);

}  // namespace advocacy
