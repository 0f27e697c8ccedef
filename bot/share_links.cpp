#include "bot/share_links.hpp"

#include <boost/url.hpp>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <iterator>
#include <stdexcept>

namespace advocacy {

namespace {

namespace urls = boost::urls;

// encodeURIComponent: everything but ALPHA / DIGIT / "-" / "." / "_" / "~" is percent-encoded (space is %20),
// so a value survives any query parser (no '&', '=', '+', '#', '?' or '/' left bare).
std::string encode_component(std::string_view s) {
    return urls::encode(urls::string_view{s.data(), s.size()}, urls::unreserved_chars);
}

// Characters a URI may carry as is (besides '%'); anything else (space, non-ASCII, '"', '<', '{'...) is
// percent-encoded before parsing, so a URL pasted from a browser bar ("https://ex.com/café?q=a b") is accepted in
// its encoded form, as browsers do.
constexpr auto kUriChars = urls::unreserved_chars + urls::gen_delim_chars + urls::sub_delim_chars;

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Existing %XX escapes are kept; a '%' that starts none ("100%") is itself encoded, as "%25".
std::string encode_uri_leniently(std::string_view raw) {
    std::string out;
    std::size_t i = 0;
    while (i < raw.size()) {
        const std::size_t pct = raw.find('%', i);
        const std::string_view run = raw.substr(i, pct == std::string_view::npos ? std::string_view::npos : pct - i);
        out += urls::encode(urls::string_view{run.data(), run.size()}, kUriChars);
        if (pct == std::string_view::npos) break;
        if (pct + 2 < raw.size() && is_hex(raw[pct + 1]) && is_hex(raw[pct + 2])) {
            out.append(raw.substr(pct, 3));
            i = pct + 3;
        } else {
            out += "%25";
            i = pct + 1;
        }
    }
    return out;
}

std::optional<urls::url> parse_http_url(std::string_view raw) {
    const auto trimmed_begin = raw.find_first_not_of(" \t\r\n");
    if (trimmed_begin == std::string_view::npos) return std::nullopt;
    raw = raw.substr(trimmed_begin, raw.find_last_not_of(" \t\r\n") - trimmed_begin + 1);
    const std::string encoded = encode_uri_leniently(raw);
    auto parsed = urls::parse_uri(encoded);
    if (!parsed) return std::nullopt;
    const auto scheme = parsed->scheme_id();
    if (scheme != urls::scheme::http && scheme != urls::scheme::https) return std::nullopt;
    if (!parsed->has_authority() || parsed->encoded_host().empty()) return std::nullopt;
    const std::string host = parsed->host();  // decoded: a space or control character there is no real host
    if (std::any_of(host.begin(), host.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; })) {
        return std::nullopt;
    }
    urls::url u{*parsed};
    // "https://ex.com?a" -> "https://ex.com/?a", as browsers send it.
    if (u.encoded_path().empty()) u.set_path_absolute(true);
    return u;
}

std::string_view trim_trailing_slashes(std::string_view s) {
    while (!s.empty() && s.back() == '/') s.remove_suffix(1);
    return s;
}

// `base` + "/<kind>/<token>", keeping any path prefix of the base ("https://h/advocacy" -> "https://h/advocacy/r/..").
std::string tracked_link(std::string_view public_base_url, std::string_view kind, std::string_view token) {
    const std::string_view base = trim_trailing_slashes(public_base_url);
    auto parsed = urls::parse_uri(urls::string_view{base.data(), base.size()});
    if (parsed && parsed->has_authority() && !parsed->has_query() && !parsed->has_fragment()) {
        urls::url u{*parsed};
        auto segments = u.segments();
        segments.push_back(urls::string_view{kind.data(), kind.size()});
        segments.push_back(urls::string_view{token.data(), token.size()});
        return std::string(u.buffer());
    }
    // Not an absolute URL (config validation should have caught it): still build the link, encoded.
    std::string out(base);
    out += '/';
    out += kind;
    out += '/';
    out += encode_component(token);
    return out;
}

bool contains_ignore_case(std::string_view haystack, std::string_view needle) {
    const auto lower = [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
    const auto it = std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                                [&](char a, char b) { return lower(a) == lower(b); });
    return it != haystack.end();
}

// User-Agent fragments of link-preview fetchers (unfurlers, social cards, search engines that render previews).
// Specific names only: a bare "bot" would also match phones such as "CUBOT" and in-app browsers.
constexpr std::string_view kCrawlerMarkers[] = {
    "linkedinbot",          // LinkedIn
    "twitterbot",           // X / Twitter cards
    "facebookexternalhit",  // Facebook, Instagram, Messenger previews
    "facebot",              // Facebook
    "facebookcatalog",
    "meta-externalagent",
    "slackbot",             // Slackbot-LinkExpanding, Slackbot 1.0
    "slack-imgproxy",
    "discordbot",
    "telegrambot",
    "whatsapp",             // WhatsApp/2.x link previews (WhatsApp opens links in the system browser)
    "skypeuripreview",      // Skype and Microsoft Teams previews
    "microsoftpreview",
    "teams-linkpreview",
    "googlebot",
    "google-inspectiontool",
    "googleother",
    "bingbot",
    "bingpreview",
    "applebot",             // iMessage / Spotlight previews
    "embedly",
    "redditbot",
    "pinterestbot",
    "pinterest/0.",
    "iframely",
    "vkshare",
    "xing-contenttabreceiver",
    "mastodon/",            // Mastodon instances fetching link cards
    "yandexbot",
    "duckduckbot",
    "baiduspider",
    "yahoo! slurp",
    "qwantify",
    "line-poker",           // LINE
    "kakaotalk-scrap",
    "flipboardproxy",
    "nuzzel",
    "bitlybot",
    "bufferbot",
    "opengraph",
    "google web preview",
    "yahoo link preview",
};

}  // namespace

std::string make_token(RandomSource& random) {
    std::array<std::byte, 16> bytes{};
    random.fill(bytes);
    // EVP_EncodeBlock writes standard padded base64 (4 * ceil(16 / 3) = 24 chars + NUL); make it base64url.
    std::array<unsigned char, 4 * ((bytes.size() + 2) / 3) + 1> out{};
    const int n = EVP_EncodeBlock(out.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                                  static_cast<int>(bytes.size()));
    std::string token(reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(n));
    while (!token.empty() && token.back() == '=') token.pop_back();
    for (char& c : token) {
        if (c == '+') c = '-';
        else if (c == '/') c = '_';
    }
    return token;
}

std::optional<std::string> normalize_content_url(std::string_view content_url) {
    auto u = parse_http_url(content_url);
    if (!u) return std::nullopt;
    return std::string(u->buffer());
}

std::string tracked_destination(std::string_view content_url, std::string_view network,
                                std::string_view campaign_slug) {
    auto u = parse_http_url(content_url);
    if (!u) throw std::invalid_argument("not an http(s) URL: " + std::string(content_url));
    auto params = u->encoded_params();
    // set() replaces the first param of that name in place and erases any other: one value each, order kept.
    params.set("utm_source", encode_component(network));
    params.set("utm_medium", "employee_advocacy");
    params.set("utm_campaign", encode_component(campaign_slug));
    return std::string(u->buffer());
}

std::string post_link(std::string_view public_base_url, std::string_view token) {
    return tracked_link(public_base_url, "r", token);
}

std::string intent_link(std::string_view public_base_url, std::string_view token) {
    return tracked_link(public_base_url, "s", token);
}

std::string share_intent_url(std::string_view network, std::string_view shared_url, std::string_view text) {
    urls::url u;
    if (network == "linkedin") {
        u = urls::url{"https://www.linkedin.com/sharing/share-offsite/"};
        u.encoded_params().append({"url", encode_component(shared_url)});
    } else if (network == "x") {
        u = urls::url{"https://twitter.com/intent/tweet"};
        if (!text.empty()) u.encoded_params().append({"text", encode_component(text)});
        u.encoded_params().append({"url", encode_component(shared_url)});
    } else if (network == "facebook") {
        u = urls::url{"https://www.facebook.com/sharer/sharer.php"};
        u.encoded_params().append({"u", encode_component(shared_url)});
    } else {
        throw std::invalid_argument("unknown network: " + std::string(network));
    }
    return std::string(u.buffer());
}

std::string_view network_label(std::string_view network) {
    if (network == "linkedin") return "LinkedIn";
    if (network == "x") return "X";
    if (network == "facebook") return "Facebook";
    return network;
}

bool is_link_preview_crawler(std::string_view user_agent) {
    return std::any_of(std::begin(kCrawlerMarkers), std::end(kCrawlerMarkers),
                       [&](std::string_view marker) { return contains_ignore_case(user_agent, marker); });
}

}  // namespace advocacy
