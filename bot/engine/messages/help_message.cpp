#include "bot/engine/messages/help_message.hpp"

#include <string>

#include "bot/engine/messages/text.hpp"
#include "commands/command.hpp"

namespace advocacy::engine {

std::string help_key(std::string_view command_name) {
    std::string key = "help.cmd.";
    for (char ch : command_name) key += (ch == ' ' || ch == '-') ? '_' : ch;
    return key;
}

Message help_message(i18n::Lang lang, bool is_admin, std::string_view topic) {
    std::vector<std::string> everyone;
    std::vector<std::string> admin;
    for (const auto& spec : commands::command_table()) {
        if (!topic.empty() && spec.name.substr(0, spec.name.find(' ')) != topic) continue;
        if (spec.admin_only && !is_admin) continue;
        const std::string line = i18n::tr(lang, "help.line", {{"usage", spec.usage}, {"description", i18n::tr(lang, help_key(spec.name))}});
        (spec.admin_only ? admin : everyone).push_back(line);
    }
    Message m;
    const std::string title = i18n::tr(lang, "help.title");
    m.blocks.push_back(HeaderBlock{title});
    m.fallback_text = title;
    if (!everyone.empty()) append_paragraphs(m, i18n::tr(lang, "help.everyone") + '\n' + join_lines(everyone));
    if (!admin.empty()) append_paragraphs(m, i18n::tr(lang, "help.admins") + '\n' + join_lines(admin));
    if (everyone.empty() && admin.empty()) append_paragraphs(m, i18n::tr(lang, "help.no_topic"));
    append_paragraphs(m, i18n::tr(lang, "help.free_text"));
    return m;
}

}  // namespace advocacy::engine
