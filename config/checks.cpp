// Checks shared by several section readers.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <boost/url/parse.hpp>

#include "config/sections_internal.hpp"
#include "config/values.hpp"

namespace advocacy::config::detail {

std::optional<std::string> http_url(TableReader& r, std::string_view key) {
    auto text = r.string(key);
    if (!text) return std::nullopt;
    if (!is_http_url(*text)) {
        r.error(key, in_quotes(*text) + " is not an http or https URL with a host");
        return std::nullopt;
    }
    return text;
}

std::optional<std::string> base_url(TableReader& r, std::string_view key) {
    auto text = http_url(r, key);
    if (!text) return std::nullopt;
    const auto url = boost::urls::parse_uri(*text);
    if (url->has_query() || url->has_fragment()) {
        r.error(key, in_quotes(*text) + " must not have a query (?...) or a fragment (#...): paths are appended to it");
        return std::nullopt;
    }
    while (!text->empty() && text->back() == '/') text->pop_back();
    return text;
}

bool is_single_word(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F) return false;
    }
    return true;
}

FileRead read_whole_file(const std::filesystem::path& path) {
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) return {{}, std::strerror(errno)};
    FileRead out;
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, file.get())) > 0) out.content.append(buf, n);
    if (std::ferror(file.get())) return {{}, std::strerror(errno)};
    return out;
}

}  // namespace advocacy::config::detail
