#include "storage/slug.hpp"

#include <algorithm>

namespace advocacy::storage {

namespace {
void trim_dashes(std::string& s) {
    while (!s.empty() && s.back() == '-') s.pop_back();
    std::size_t lead = 0;
    while (lead < s.size() && s[lead] == '-') ++lead;
    s.erase(0, lead);
}
}  // namespace

std::string slugify(std::string_view name) {
    std::string slug;
    bool pending_dash = false;
    for (char ch : name) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        const bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (!keep) {
            pending_dash = true;
            continue;
        }
        if (pending_dash && !slug.empty()) slug += '-';
        pending_dash = false;
        slug += ch;
        if (slug.size() >= max_slug_length) break;
    }
    slug.resize(std::min(slug.size(), max_slug_length));
    trim_dashes(slug);
    return slug.empty() ? "campaign" : slug;
}

std::string slug_with_suffix(const std::string& base, int n) {
    if (n <= 1) return base;
    const std::string suffix = "-" + std::to_string(n);
    std::string head = base.substr(0, max_slug_length - suffix.size());
    trim_dashes(head);
    if (head.empty()) head = "campaign";
    return head + suffix;
}

}  // namespace advocacy::storage
