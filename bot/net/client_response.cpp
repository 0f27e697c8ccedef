// The small, network-free part of the public types.
#include <algorithm>
#include <cctype>

#include "bot/net/http_client.hpp"

namespace advocacy::net {

std::string ClientResponse::header(std::string_view name) const {
    const auto same = [name](const auto& field) {
        return field.first.size() == name.size() &&
               std::equal(name.begin(), name.end(), field.first.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
               });
    };
    const auto it = std::find_if(headers.begin(), headers.end(), same);
    return it == headers.end() ? std::string() : it->second;
}

}  // namespace advocacy::net
