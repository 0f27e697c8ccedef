// advocacy-bot entry point: everything lives in the library; main only sets the allocator up and forwards argv.
#include <cstdlib>  // first: it defines __GLIBC__
#include <iostream>
#include <string_view>
#include <vector>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "bot/cli/cli.hpp"

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // glibc gives each thread that allocates its own arena (up to 8 per core): the bot's ~10 threads each kept
    // what a burst had freed in theirs, which doubled the peak RSS of the share benchmark (bench/RESULTS.md, run
    // 4). Two arenas measured the same CPU per request. MALLOC_ARENA_MAX in the environment still decides.
    if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
#endif
    std::vector<std::string_view> args(argv + 1, argv + argc);
    return advocacy::cli::run(args, std::cout, std::cerr);
}
