// libFuzzer target: the /advocacy command language (tokenizer + parser), fed text straight from chat.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "commands/command.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)advocacy::commands::tokenize(text);
    const auto parsed = advocacy::commands::parse(text);
    // Touch what the engine reads back, so a dangling spec pointer or a bad optional shows up under ASan.
    if (const auto* command = std::get_if<advocacy::commands::ParsedCommand>(&parsed)) {
        (void)command->name();
        for (std::size_t i = 0; i < command->args.size(); ++i) (void)command->arg(i);
    } else {
        const auto& error = std::get<advocacy::commands::ParseError>(parsed);
        (void)advocacy::commands::error_code_name(error.code);
        if (error.spec) (void)error.spec->usage.size();
    }
    return 0;
}
