#pragma once
// `/advocacy content add` with no arguments opens a modal (views.open) with one field per part of the command; its
// view_submission is checked field by field (errors shown inline, under the field) and becomes the same
// `content add ...` command the engine already understands.
#include <boost/json/object.hpp>

#include <map>
#include <string>
#include <string_view>

namespace advocacy::slack {

inline constexpr std::string_view kContentAddCallback = "advocacy_content_add";

// The modal view ("fr" for French labels, anything else English). `metadata` comes back in the submission.
boost::json::object content_add_modal(std::string_view lang, const std::string& metadata);

struct ContentAddSubmission {
    std::map<std::string, std::string> errors;  // block_id -> message; empty when valid
    std::string command_text;                   // "content add 3 https://... title=\"...\" ..." when valid
};

// Reads the submitted view's state.values.
ContentAddSubmission read_content_add(const boost::json::object& view, std::string_view lang);

// A value as a double-quoted string of the command language (\" and \\ escaped).
std::string quoted_value(std::string_view value);

// True when the slash command text asks for the modal ("content add" and nothing else).
bool wants_content_modal(std::string_view command_text);

}  // namespace advocacy::slack
