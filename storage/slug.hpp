#pragma once
// Private: campaign slugs (used as utm_campaign): lowercase ASCII letters and digits, other runs become one '-',
// no leading/trailing '-', at most 48 characters, "campaign" when nothing is left.
#include <cstddef>
#include <string>
#include <string_view>

namespace advocacy::storage {

inline constexpr std::size_t max_slug_length = 48;

std::string slugify(std::string_view name);
// `base` with "-n" appended (n >= 2), shortened so the result still fits max_slug_length; n <= 1 gives `base`.
std::string slug_with_suffix(const std::string& base, int n);

}  // namespace advocacy::storage
