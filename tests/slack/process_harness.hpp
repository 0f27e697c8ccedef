#pragma once
// Running the real advocacy-bot binary from a test: a free loopback port, a child process (stdout and stderr to
// files) killed if the test ends first, and reading its output. Shared by the HTTP-mode and Socket Mode suites.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace advocacy::slack_test {

// A port nobody listens on right now (the config file needs a real one).
inline std::uint16_t free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

struct Process {
    pid_t pid = -1;
    std::future<int> exit_code;

    Process(const std::vector<std::string>& args, const std::vector<std::string>& extra_env,
            const std::filesystem::path& out, const std::filesystem::path& err) {
        std::vector<std::string> env;
        for (char** e = environ; *e; ++e) env.emplace_back(*e);
        env.insert(env.end(), extra_env.begin(), extra_env.end());
        std::vector<char*> argv, envp;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
        envp.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data()) == 0);
        posix_spawn_file_actions_destroy(&actions);
        exit_code = std::async(std::launch::async, [p = pid] {
            int status = 0;
            ::waitpid(p, &status, 0);
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        });
    }
    ~Process() {
        if (exit_code.valid() && exit_code.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            ::kill(pid, SIGKILL);
        }
    }
    std::optional<int> wait(std::chrono::seconds timeout) {
        if (exit_code.wait_for(timeout) != std::future_status::ready) return std::nullopt;
        return exit_code.get();
    }
};

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A config for `serve` on `port` against the fake Web API at `api`: HTTP mode (signing secret from
// TEST_SLACK_SIGNING_SECRET) or Socket Mode (app token from TEST_SLACK_APP_TOKEN, one connection).
// `slack_extra`: more lines for the [slack] section.
inline std::string serve_config(std::uint16_t port, const std::string& api, const std::filesystem::path& db,
                                bool socket = false, const std::string& slack_extra = "") {
    return "[server]\nlisten_address = \"127.0.0.1\"\nport = " + std::to_string(port) +
           "\npublic_base_url = \"https://advocacy.acme.example\"\nshutdown_grace_seconds = 5\n"
           "[storage]\ndatabase = \"" + db.string() + "\"\n"
           "[slack]\nenabled = true\nmode = \"" + (socket ? "socket" : "http") + "\"\napi_base_url = \"" + api + "\"\n"
           "bot_token_env = \"TEST_SLACK_BOT_TOKEN\"\n" +
           (socket ? "app_token_env = \"TEST_SLACK_APP_TOKEN\"\nsocket_connections = 1\n"
                   : "signing_secret_env = \"TEST_SLACK_SIGNING_SECRET\"\n") +
           "slash_command = \"/advocacy\"\n" + slack_extra +
           "[admins]\nslack = [\"UADMIN\"]\n";
}

}  // namespace advocacy::slack_test
