#pragma once
// The few pages the server writes itself (the dashboard proper is the script's): sign-in refused, session needed,
// signed out. Plain HTML in the visitor's language, no script and no inline style (the CSP forbids both).
#include "bot/i18n/catalog.hpp"
#include "bot/server/http_message.hpp"

namespace advocacy::dashboard {

enum class Notice {
    link_refused,   // 401: the sign-in link is invalid, expired, reused or its user is no longer an admin
    unauthorized,   // 401: no live session
    signed_out,     // 200: after POST /admin/logout
};

server::HttpResponse notice_page(Notice notice, i18n::Lang lang);

}  // namespace advocacy::dashboard
