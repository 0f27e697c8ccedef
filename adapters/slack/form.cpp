#include "adapters/slack/form.hpp"

#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

namespace advocacy::slack {

std::optional<FormFields> parse_form(std::string_view body) {
    if (!boost::urls::parse_query(body)) return std::nullopt;
    boost::urls::encoding_opts opt;
    opt.space_as_plus = true;
    FormFields out;
    for (const auto& param : boost::urls::params_view(body, opt)) {
        if (param.key.empty()) {
            if (body.empty()) break;
            return std::nullopt;  // "=x" or "&&": not something Slack sends
        }
        out.emplace(param.key, param.value);
    }
    return out;
}

std::string_view field(const FormFields& form, std::string_view key) {
    const auto it = form.find(key);
    return it == form.end() ? std::string_view{} : std::string_view(it->second);
}

}  // namespace advocacy::slack
