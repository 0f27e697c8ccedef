// advocacy-bot entry point: everything lives in the library; main only forwards argv.
#include <iostream>
#include <string_view>
#include <vector>

#include "bot/cli/cli.hpp"

int main(int argc, char** argv) {
    std::vector<std::string_view> args(argv + 1, argv + argc);
    return advocacy::cli::run(args, std::cout, std::cerr);
}
