#include "adapters/dashboard/pages.hpp"

#include <string>

#include "adapters/dashboard/http_helpers.hpp"

namespace advocacy::dashboard {

namespace {

constexpr std::string_view kCommand = "/advocacy dashboard";

std::string escape_html(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

// The catalog's *word* markup as <code> (it only ever marks the command to type).
std::string markup_to_html(std::string_view text) {
    std::string out;
    bool open = false;
    for (char c : text) {
        if (c == '*') {
            out += open ? "</code>" : "<code>";
            open = !open;
        } else {
            out += escape_html(std::string_view(&c, 1));
        }
    }
    if (open) out += "</code>";
    return out;
}

}  // namespace

server::HttpResponse notice_page(Notice notice, i18n::Lang lang) {
    const char* key = notice == Notice::link_refused   ? "dashboard.page.expired"
                      : notice == Notice::unauthorized ? "dashboard.page.unauthorized"
                                                       : "dashboard.page.signed_out";
    const std::string title = i18n::tr(lang, std::string(key) + "_title");
    const std::string text = i18n::tr(lang, std::string(key) + "_text", {{"command", kCommand}});
    std::string body = "<!doctype html>\n<html lang=\"" + std::string(i18n::lang_code(lang)) +
                       "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                       "<title>" + escape_html(title) + "</title></head>\n<body><main><h1>" + escape_html(title) +
                       "</h1>\n<p>" + markup_to_html(text) + "</p></main></body></html>\n";
    const int status = notice == Notice::signed_out ? 200 : 401;
    return secured(server::HttpResponse::html(status, std::move(body)));
}

}  // namespace advocacy::dashboard
