#include "bot/share_links.hpp"

#include <boost/url.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>
#include <utility>
#include <vector>

namespace {

// Fills every request with a fixed byte pattern, to check the encoding against known base64url output.
class PatternRandom final : public advocacy::RandomSource {
public:
    explicit PatternRandom(std::vector<unsigned char> pattern) : pattern_(std::move(pattern)) {}
    void fill(std::span<std::byte> out) override {
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::byte>(pattern_[i % pattern_.size()]);
    }

private:
    std::vector<unsigned char> pattern_;
};

bool is_base64url(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

// The decoded query params of a URL, in order (what the receiving site will read).
std::vector<std::pair<std::string, std::string>> decoded_params(const std::string& url) {
    auto parsed = boost::urls::parse_uri(url);
    REQUIRE(parsed);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& p : parsed->params(boost::urls::encoding_opts{false, false, false})) {
        out.emplace_back(p.key, p.value);
    }
    return out;
}

}  // namespace

TEST_CASE("make_token: 22 characters of unpadded base64url from 16 random bytes", "[share_links]") {
    SECTION("known encodings, including the two URL-safe substitutions") {
        PatternRandom counting({0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
                                0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f});
        CHECK(advocacy::make_token(counting) == "AAECAwQFBgcICQoLDA0ODw");
        PatternRandom ones({0xff});  // '/' in standard base64
        CHECK(advocacy::make_token(ones) == "_____________________w");
        PatternRandom pluses({0xfb, 0xef, 0xbe});  // '+' in standard base64
        CHECK(advocacy::make_token(pluses) == "---------------------w");
    }
    SECTION("reproducible with a seeded source, different across seeds") {
        advocacy::SeededRandom a(42), b(42), c(43);
        const auto ta = advocacy::make_token(a);
        CHECK(ta == advocacy::make_token(b));
        CHECK(ta != advocacy::make_token(c));
        CHECK(ta != advocacy::make_token(a));  // the stream moves on
    }
    SECTION("secure tokens are URL-safe and unique") {
        advocacy::SecureRandom random;
        std::set<std::string> seen;
        for (int i = 0; i < 2000; ++i) {
            const auto t = advocacy::make_token(random);
            REQUIRE(t.size() == 22);
            REQUIRE(is_base64url(t));
            seen.insert(t);
        }
        CHECK(seen.size() == 2000);
    }
}

TEST_CASE("tracked_destination adds the UTM parameters", "[share_links]") {
    SECTION("a bare URL") {
        CHECK(advocacy::tracked_destination("https://example.com/post", "linkedin", "q4-launch") ==
              "https://example.com/post?utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=q4-launch");
    }
    SECTION("a URL without a path gets the root path") {
        CHECK(advocacy::tracked_destination("https://example.com", "x", "c") ==
              "https://example.com/?utm_source=x&utm_medium=employee_advocacy&utm_campaign=c");
        CHECK(advocacy::tracked_destination("https://example.com#top", "x", "c") ==
              "https://example.com/?utm_source=x&utm_medium=employee_advocacy&utm_campaign=c#top");
    }
    SECTION("keeps the URL's own query and fragment") {
        CHECK(advocacy::tracked_destination("https://example.com/blog/post?id=42&lang=fr#section-2", "x", "spring") ==
              "https://example.com/blog/post?id=42&lang=fr&utm_source=x&utm_medium=employee_advocacy"
              "&utm_campaign=spring#section-2");
        CHECK(advocacy::tracked_destination("http://example.com/?q=a%20b&x=1%2B1#top", "facebook", "c") ==
              "http://example.com/?q=a%20b&x=1%2B1&utm_source=facebook&utm_medium=employee_advocacy"
              "&utm_campaign=c#top");
    }
    SECTION("replaces existing utm parameters of those names, once each, and keeps the others") {
        const auto url = advocacy::tracked_destination(
            "https://example.com/a?utm_source=newsletter&ref=home&utm_medium=email&utm_source=dup&utm_content=hero",
            "facebook", "launch");
        CHECK(url == "https://example.com/a?utm_source=facebook&ref=home&utm_medium=employee_advocacy"
                     "&utm_content=hero&utm_campaign=launch");
        const auto params = decoded_params(url);
        CHECK(std::count_if(params.begin(), params.end(), [](const auto& p) { return p.first == "utm_source"; }) == 1);
    }
    SECTION("percent-encodes campaign slugs with spaces or accents") {
        const auto url = advocacy::tracked_destination("https://example.com/", "linkedin", "rentrée 2026 & co");
        CHECK(url == "https://example.com/?utm_source=linkedin&utm_medium=employee_advocacy"
                     "&utm_campaign=rentr%C3%A9e%202026%20%26%20co");
        const auto params = decoded_params(url);
        REQUIRE(params.size() == 3);
        CHECK(params[2] == std::pair<std::string, std::string>{"utm_campaign", "rentrée 2026 & co"});
    }
    SECTION("a URL pasted with raw spaces or non-ASCII characters is encoded, not rejected") {
        const char* pasted = "https://example.com/café/menu du jour?q=crème brûlée#bas de page";
        CHECK(advocacy::tracked_destination(pasted, "x", "c") ==
              "https://example.com/caf%C3%A9/menu%20du%20jour?q=cr%C3%A8me%20br%C3%BBl%C3%A9e&utm_source=x"
              "&utm_medium=employee_advocacy&utm_campaign=c#bas%20de%20page");
    }
    SECTION("only http and https URLs with a host") {
        for (const char* bad : {"ftp://example.com/file", "javascript:alert(1)", "mailto:a@example.com",
                                "example.com/no-scheme", "https://", "", "   ", "https://exa mple.com/"}) {
            INFO(bad);
            CHECK_THROWS_AS(advocacy::tracked_destination(bad, "x", "c"), std::invalid_argument);
            CHECK_FALSE(advocacy::normalize_content_url(bad).has_value());
        }
        CHECK(advocacy::normalize_content_url("HTTPS://Example.com/Path") == "HTTPS://Example.com/Path");
        CHECK(advocacy::normalize_content_url(" https://example.com/x \n") == "https://example.com/x");
        CHECK(advocacy::normalize_content_url("https://example.com/100%/x%2Fy%zz") ==
              "https://example.com/100%25/x%2Fy%25zz");
        CHECK(advocacy::normalize_content_url("http://127.0.0.1:8080/a?b=c#d") == "http://127.0.0.1:8080/a?b=c#d");
    }
}

TEST_CASE("post_link and intent_link", "[share_links]") {
    CHECK(advocacy::post_link("https://advocacy.example.com", "AbC-_9") == "https://advocacy.example.com/r/AbC-_9");
    CHECK(advocacy::intent_link("https://advocacy.example.com", "AbC-_9") == "https://advocacy.example.com/s/AbC-_9");
    CHECK(advocacy::post_link("https://advocacy.example.com/", "t") == "https://advocacy.example.com/r/t");
    CHECK(advocacy::intent_link("http://127.0.0.1:8080", "t") == "http://127.0.0.1:8080/s/t");
    CHECK(advocacy::post_link("https://example.com/advocacy/", "t") == "https://example.com/advocacy/r/t");
}

TEST_CASE("share_intent_url per network", "[share_links]") {
    const std::string shared = "https://bot.example.com/r/AbC-_x9";
    const std::string text = "Proud of our team & our 100% renewable plan! #employee";

    SECTION("LinkedIn takes only the URL") {
        const auto url = advocacy::share_intent_url("linkedin", shared, text);
        CHECK(url == "https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fbot.example.com%2Fr%2FAbC-_x9");
        CHECK(decoded_params(url) == std::vector<std::pair<std::string, std::string>>{{"url", shared}});
    }
    SECTION("X takes the text and the URL") {
        const auto url = advocacy::share_intent_url("x", shared, text);
        CHECK(url == "https://twitter.com/intent/tweet?text=Proud%20of%20our%20team%20%26%20our%20100%25%20renewable"
                     "%20plan%21%20%23employee&url=https%3A%2F%2Fbot.example.com%2Fr%2FAbC-_x9");
        CHECK(decoded_params(url) == std::vector<std::pair<std::string, std::string>>{{"text", text}, {"url", shared}});
    }
    SECTION("Facebook takes only the URL, as u") {
        const auto url = advocacy::share_intent_url("facebook", shared, text);
        CHECK(url == "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fbot.example.com%2Fr%2FAbC-_x9");
        CHECK(decoded_params(url) == std::vector<std::pair<std::string, std::string>>{{"u", shared}});
    }
    SECTION("French text and a shared URL with its own query survive intact") {
        const std::string fr = "Fière de l'équipe ! Et vous ? #collaborateur";
        const std::string with_query = "https://bot.example.com/r/t?a=1&b=2+3#frag";
        const auto url = advocacy::share_intent_url("x", with_query, fr);
        CHECK(url == "https://twitter.com/intent/tweet?text=Fi%C3%A8re%20de%20l%27%C3%A9quipe%20%21%20Et%20vous%20%3F"
                     "%20%23collaborateur&url=https%3A%2F%2Fbot.example.com%2Fr%2Ft%3Fa%3D1%26b%3D2%2B3%23frag");
        using Params = std::vector<std::pair<std::string, std::string>>;
        CHECK(decoded_params(url) == Params{{"text", fr}, {"url", with_query}});
    }
    SECTION("unknown networks are refused") {
        CHECK_THROWS_AS(advocacy::share_intent_url("myspace", shared, text), std::invalid_argument);
    }
    SECTION("every listed network has an intent URL and a label") {
        for (const auto network : advocacy::kNetworks) {
            CHECK_NOTHROW(advocacy::share_intent_url(network, shared, text));
            CHECK(advocacy::network_label(network) != network);
        }
    }
}

TEST_CASE("network_label", "[share_links]") {
    CHECK(advocacy::network_label("linkedin") == "LinkedIn");
    CHECK(advocacy::network_label("x") == "X");
    CHECK(advocacy::network_label("facebook") == "Facebook");
    CHECK(advocacy::network_label("mastodon") == "mastodon");
}

TEST_CASE("is_link_preview_crawler", "[share_links]") {
    SECTION("link-preview fetchers, as they really announce themselves") {
        for (const char* ua : {
                 "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
                 "Twitterbot/1.0",
                 "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                 "Facebot",
                 "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                 "Slackbot 1.0 (+https://api.slack.com/robots)",
                 "Slack-ImgProxy (+https://api.slack.com/robots)",
                 "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
                 "TelegramBot (like TwitterBot)",
                 "WhatsApp/2.23.20.0 A",
                 "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                 "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                 "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com",
                 "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                 "Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)",
                 "Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)",
                 "Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)",
                 "Pinterestbot/1.0 (+http://www.pinterest.com/bot.html)",
                 "http.rb/5.1.1 (Mastodon/4.2.1; +https://mastodon.social/)",
                 "linkedinbot/1.0",            // case-insensitive
                 "FACEBOOKEXTERNALHIT/1.1",
             }) {
            INFO(ua);
            CHECK(advocacy::is_link_preview_crawler(ua));
        }
    }
    SECTION("people in browsers and in-app browsers are counted") {
        for (const char* ua : {
                 "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/119.0.0.0 Safari/537.36",
                 "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/119.0.0.0 Safari/537.36 Edg/119.0.2151.72",
                 "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
                 "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                 "Version/17.1 Safari/605.1.15",
                 "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                 "Version/17.1 Mobile/15E148 Safari/604.1",
                 "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/119.0.6045.163 Mobile Safari/537.36",
                 "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
                 "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) "
                 "Chrome/118.0.0.0 Mobile Safari/537.36",
                 // In-app browsers: a person who tapped the link inside the LinkedIn or Facebook app.
                 "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                 "Mobile/15E148 [LinkedInApp]/9.29.6",
                 "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                 "Mobile/15E148 [FBAN/FBIOS;FBAV/432.0.0.29.102;FBBV/523066441;FBDV/iPhone14,5;FBMD/iPhone;FBSN/iOS]",
                 "Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 "
                 "(KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.163 Mobile Safari/537.36 TwitterAndroid",
                 "",
             }) {
            INFO(ua);
            CHECK_FALSE(advocacy::is_link_preview_crawler(ua));
        }
    }
}
