// See in_memory_http_client.hpp. Single-threaded, like the fuzzers that use it.
#include "fuzz/in_memory_http_client.hpp"

#include <map>
#include <utility>

#include "bot/net/http_client.hpp"

namespace advocacy::fuzz {
namespace {

std::map<std::string, std::string>& documents() {
    static std::map<std::string, std::string> docs;
    return docs;
}

}  // namespace

void serve(std::string url, std::string body) { documents()[std::move(url)] = std::move(body); }

}  // namespace advocacy::fuzz

namespace advocacy::net {

struct HttpClient::Impl {};

HttpClient::HttpClient(ClientOptions) : impl_(std::make_unique<Impl>()) {}
HttpClient::~HttpClient() = default;

ClientResult HttpClient::call(ClientRequest request) {
    ClientResult result;
    result.attempts = 1;
    result.response = ClientResponse{};
    const auto& docs = fuzz::documents();
    const auto it = docs.find(request.url);
    if (request.method != "GET" || it == docs.end()) {
        result.response->status = 404;
        return result;
    }
    result.response->status = 200;
    result.response->headers = {{"Content-Type", "application/json"}};
    result.response->body = it->second;
    return result;
}

void HttpClient::send(ClientRequest request, std::function<void(ClientResult)> done) { done(call(std::move(request))); }

}  // namespace advocacy::net
