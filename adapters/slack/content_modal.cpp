#include "adapters/slack/content_modal.hpp"

#include <boost/json.hpp>

#include <array>
#include <charconv>

#include "adapters/slack/text_limits.hpp"
#include "config/values.hpp"

namespace advocacy::slack {

namespace json = boost::json;

namespace {

struct FieldSpec {
    std::string_view block_id;
    std::string_view en;
    std::string_view fr;
    bool multiline;
    bool optional;
    int max_length;
};

// Block ids are the command's option names (and "campaign", "url" for the two arguments).
constexpr std::array<FieldSpec, 6> kTextFields{{
    {"campaign", "Campaign id", "Numéro de campagne", false, false, 12},
    {"title", "Title", "Titre", false, false, 200},
    {"summary", "Summary", "Résumé", true, true, 1000},
    {"why", "Why it matters", "Pourquoi c'est important", true, false, 1000},
    {"text", "Suggested post", "Publication suggérée", true, false, 3000},
    {"url", "Link", "Lien", false, false, 2000},
}};

bool french(std::string_view lang) { return lang.starts_with("fr"); }

std::string_view label(const FieldSpec& f, std::string_view lang) { return french(lang) ? f.fr : f.en; }

json::object plain(std::string_view text) { return {{"type", "plain_text"}, {"text", text}, {"emoji", true}}; }

json::object input_block(const FieldSpec& f, std::string_view lang) {
    json::object element;
    if (f.block_id == "url") {
        element = {{"type", "url_text_input"}, {"action_id", "value"}};
    } else {
        element = {{"type", "plain_text_input"}, {"action_id", "value"}, {"multiline", f.multiline},
                   {"max_length", f.max_length}};
    }
    return {{"type", "input"},
            {"block_id", f.block_id},
            {"optional", f.optional},
            {"label", plain(label(f, lang))},
            {"element", std::move(element)}};
}

// state.values[block]["value"]: {"value": "..."} or {"selected_date": "..."}.
std::string submitted(const json::object& values, std::string_view block, std::string_view key) {
    const auto* b = values.if_contains(block);
    if (!b || !b->is_object()) return {};
    const auto* a = b->as_object().if_contains("value");
    if (!a || !a->is_object()) return {};
    const auto* v = a->as_object().if_contains(key);
    return v && v->is_string() ? clean_utf8(std::string_view(v->as_string())) : std::string{};
}

std::string trimmed(std::string s) {
    const auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    while (!s.empty() && blank(s.back())) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && blank(s[i])) ++i;
    return s.substr(i);
}

}  // namespace

bool wants_content_modal(std::string_view text) {
    std::string words;
    for (char c : text) {
        const bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (blank) {
            if (!words.empty() && words.back() != ' ') words.push_back(' ');
        } else {
            words.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        }
    }
    if (!words.empty() && words.back() == ' ') words.pop_back();
    return words == "content add";
}

std::string quoted_value(std::string_view value) {
    std::string out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

json::object content_add_modal(std::string_view lang, const std::string& metadata) {
    json::array blocks;
    for (const auto& f : kTextFields) blocks.push_back(input_block(f, lang));
    blocks.push_back(json::object{
        {"type", "input"},
        {"block_id", "on"},
        {"optional", true},
        {"label", plain(french(lang) ? "Première date de publication" : "First day it may be pushed")},
        {"element", json::object{{"type", "datepicker"}, {"action_id", "value"}}}});
    return {{"type", "modal"},
            {"callback_id", kContentAddCallback},
            {"private_metadata", metadata},
            {"title", plain(french(lang) ? "Ajouter un contenu" : "Add content")},
            {"submit", plain(french(lang) ? "Ajouter" : "Add")},
            {"close", plain(french(lang) ? "Annuler" : "Cancel")},
            {"blocks", std::move(blocks)}};
}

ContentAddSubmission read_content_add(const json::object& view, std::string_view lang) {
    ContentAddSubmission out;
    const json::object empty;
    const auto* state = view.if_contains("state");
    const auto* values_v = state && state->is_object() ? state->as_object().if_contains("values") : nullptr;
    const json::object& values = values_v && values_v->is_object() ? values_v->as_object() : empty;
    const bool fr = french(lang);

    std::map<std::string, std::string> v;
    for (const auto& f : kTextFields) {
        v[std::string(f.block_id)] = trimmed(submitted(values, f.block_id, "value"));
        if (!f.optional && v[std::string(f.block_id)].empty()) {
            out.errors[std::string(f.block_id)] = fr ? "Ce champ est obligatoire." : "This field is required.";
        }
    }
    const std::string on = submitted(values, "on", "selected_date");

    if (const auto& c = v["campaign"]; !c.empty()) {
        long long id = 0;
        const auto [end, ec] = std::from_chars(c.data(), c.data() + c.size(), id);
        if (ec != std::errc{} || end != c.data() + c.size() || id <= 0) {
            out.errors["campaign"] = fr ? "Un numéro de campagne (par exemple 3)." : "A campaign id (for example 3).";
        }
    }
    if (const auto& u = v["url"]; !u.empty() && !config::is_http_url(u)) {
        out.errors["url"] = fr ? "Une adresse http ou https." : "An http or https link.";
    }
    if (!on.empty() && !config::parse_date(on)) out.errors["on"] = fr ? "Date invalide." : "Not a valid date.";
    if (!out.errors.empty()) return out;

    std::string cmd = "content add " + v["campaign"] + " " + quoted_value(v["url"]);
    cmd += " title=" + quoted_value(v["title"]);
    cmd += " why=" + quoted_value(v["why"]);
    cmd += " text=" + quoted_value(v["text"]);
    if (!v["summary"].empty()) cmd += " summary=" + quoted_value(v["summary"]);
    if (!on.empty()) cmd += " on=" + on;
    out.command_text = std::move(cmd);
    return out;
}

}  // namespace advocacy::slack
