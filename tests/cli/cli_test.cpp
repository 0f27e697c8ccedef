// The command line, in-process (exit codes, output) and once as a real subprocess.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <sys/wait.h>

#include "bot/cli/cli.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using advocacy::testing::TempDir;

struct Run {
    int code = 0;
    std::string out;
    std::string err;
};

Run run_cli(std::vector<std::string_view> args, std::map<std::string, std::string> env = {}) {
    std::ostringstream out, err;
    const int code = advocacy::cli::run(args, out, err, [env](std::string_view name) -> std::optional<std::string> {
        const auto it = env.find(std::string(name));
        if (it == env.end()) return std::nullopt;
        return it->second;
    });
    return {code, out.str(), err.str()};
}

std::string source_dir() {
    if (const char* dir = std::getenv("ADVOCACY_SOURCE_DIR")) return dir;
    return std::string(__FILE__).substr(0, std::string(__FILE__).rfind("/tests/"));
}

void write_file(const std::filesystem::path& p, const std::string& text) {
    std::ofstream(p) << text;
}

}  // namespace

TEST_CASE("check-config accepts the example file and prints a one-line summary") {
    const auto file = source_dir() + "/config/advocacy.example.toml";
    const auto r = run_cli({"check-config", file},
                           {{"SLACK_BOT_TOKEN", "xoxb-test-token"}, {"SLACK_SIGNING_SECRET", "s3cr3t-signing"}});
    CHECK(r.err.empty());
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("config OK", 0) == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
    CHECK(r.out.find("xoxb-test-token") == std::string::npos);
    CHECK(r.out.find("s3cr3t-signing") == std::string::npos);
}

TEST_CASE("check-config reports every problem of a broken file with its line and exits 1") {
    TempDir dir;
    const auto file = dir.file("broken.toml");
    write_file(file,
               "[program]\n"
               "push_time = \"25:00\"\n"
               "time_zone = \"Mars/Olympus\"\n"
               "[slack]\n"
               "enabled = true\n"
               "bot_token_env = \"NOT_SET_ANYWHERE\"\n"
               "signing_secret_env = \"NOT_SET_EITHER\"\n");
    const auto r = run_cli({"check-config", file.string()});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    const std::string prefix = file.string() + ":";
    CHECK(r.err.find(prefix + "2:") != std::string::npos);
    CHECK(r.err.find(prefix + "3:") != std::string::npos);
    CHECK(r.err.find("NOT_SET_ANYWHERE") != std::string::npos);
    CHECK(r.err.find("NOT_SET_EITHER") != std::string::npos);
}

TEST_CASE("check-config on a missing file says so") {
    const auto r = run_cli({"check-config", "/nonexistent/advocacy.toml"});
    CHECK(r.code == 1);
    CHECK(r.err.find("/nonexistent/advocacy.toml") != std::string::npos);
}

TEST_CASE("unknown subcommands and missing arguments are usage errors") {
    CHECK(run_cli({"frobnicate"}).code == 2);
    CHECK(run_cli({"check-config"}).code == 2);
    CHECK(run_cli({}).code == 2);
    const auto help = run_cli({"help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("check-config") != std::string::npos);
}

TEST_CASE("migrate creates the database named in the config") {
    TempDir dir;
    const auto file = dir.file("bot.toml");
    write_file(file, "[storage]\ndatabase = \"data.db\"\n");
    const auto r = run_cli({"migrate", file.string()});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(std::filesystem::exists(dir.file("data.db")));
}

TEST_CASE("the real binary exits 1 on a broken config and 0 on --version") {
    TempDir dir;
    const auto file = dir.file("bad.toml");
    write_file(file, "[server]\nport = \"eighty\"\n");
    const std::string bin = ADVOCACY_BOT_BINARY;
    const auto status = std::system((bin + " check-config " + file.string() + " 2>" + dir.file("err").string()).c_str());
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 1);
    std::ifstream err(dir.file("err"));
    std::string line;
    std::getline(err, line);
    CHECK(line.rfind(file.string() + ":2:", 0) == 0);

    const auto v = std::system((bin + " --version >/dev/null").c_str());
    REQUIRE(WIFEXITED(v));
    CHECK(WEXITSTATUS(v) == 0);
}
