// Stable names for ErrorCode and ValueType (logs, message keys, test output).
#include "commands/command.hpp"

namespace advocacy::commands {

std::string_view error_code_name(ErrorCode code) {
    switch (code) {
        case ErrorCode::empty: return "empty";
        case ErrorCode::unknown_command: return "unknown_command";
        case ErrorCode::unterminated_quote: return "unterminated_quote";
        case ErrorCode::bad_escape: return "bad_escape";
        case ErrorCode::missing_argument: return "missing_argument";
        case ErrorCode::unexpected_argument: return "unexpected_argument";
        case ErrorCode::unknown_option: return "unknown_option";
        case ErrorCode::duplicate_option: return "duplicate_option";
        case ErrorCode::missing_option: return "missing_option";
        case ErrorCode::bad_value: return "bad_value";
        case ErrorCode::too_long: return "too_long";
    }
    return "unknown";
}

std::string_view value_type_name(ValueType type) {
    switch (type) {
        case ValueType::word: return "word";
        case ValueType::text: return "text";
        case ValueType::id: return "id";
        case ValueType::url: return "url";
        case ValueType::date: return "date";
        case ValueType::time: return "time";
        case ValueType::weekdays: return "weekdays";
        case ValueType::weekday_time: return "weekday_time";
        case ValueType::time_zone: return "time_zone";
        case ValueType::user: return "user";
        case ValueType::audience: return "audience";
        case ValueType::period: return "period";
        case ValueType::count: return "count";
        case ValueType::choice: return "choice";
    }
    return "unknown";
}

}  // namespace advocacy::commands
