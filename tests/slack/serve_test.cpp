// The real binary: `advocacy-bot manifest slack --config FILE` and `advocacy-bot serve FILE` against the fake Slack,
// stopped with SIGTERM.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "adapters/slack/signature.hpp"
#include "tests/server/raw_client.hpp"
#include "tests/slack/fake_slack.hpp"
#include "tests/slack/slack_fixture.hpp"
#include "tests/support/temp_dir.hpp"

extern char** environ;

using namespace advocacy;
namespace json = boost::json;

namespace {

// A port nobody listens on right now (the config file needs a real one).
std::uint16_t free_port() {
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

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string config_text(std::uint16_t port, const std::string& api, const std::filesystem::path& db) {
    return "[server]\nlisten_address = \"127.0.0.1\"\nport = " + std::to_string(port) +
           "\npublic_base_url = \"https://advocacy.acme.example\"\nshutdown_grace_seconds = 5\n"
           "[storage]\ndatabase = \"" + db.string() + "\"\n"
           "[slack]\nenabled = true\nmode = \"http\"\napi_base_url = \"" + api + "\"\n"
           "bot_token_env = \"TEST_SLACK_BOT_TOKEN\"\nsigning_secret_env = \"TEST_SLACK_SIGNING_SECRET\"\n"
           "slash_command = \"/advocacy\"\n"
           "[admins]\nslack = [\"UADMIN\"]\n";
}

// GET path; 0 when nothing answers.
int get_status(std::uint16_t port, const std::string& path, std::string* body = nullptr) {
    try {
        testing::RawClient c(port, std::chrono::seconds(5));
        if (!c.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n")) return 0;
        const auto r = c.read_response();
        if (!r) return 0;
        if (body) *body = testing::body_of(*r);
        return testing::status_of(*r);
    } catch (const std::exception&) {
        return 0;  // not listening yet
    }
}

}  // namespace

TEST_CASE("manifest slack --config prints the manifest without needing the tokens") {
    testing::TempDir dir;
    const auto cfg = dir.file("advocacy.toml");
    std::ofstream(cfg) << config_text(8443, "https://slack.com/api", dir.file("x.db"));
    Process p({ADVOCACY_BOT_BINARY, "manifest", "slack", "--config", cfg.string()}, {}, dir.file("out"), dir.file("err"));
    REQUIRE(p.wait(std::chrono::seconds(30)) == 0);
    const auto m = json::parse(read_file(dir.file("out"))).as_object();
    CHECK(m.at("settings").at("event_subscriptions").at("request_url").as_string() ==
          "https://advocacy.acme.example/slack/events");
    CHECK(m.at("features").at("slash_commands").at(0).at("command").as_string() == "/advocacy");

    Process bad({ADVOCACY_BOT_BINARY, "manifest", "teams", "--config", cfg.string()}, {}, dir.file("out2"), dir.file("err2"));
    CHECK(bad.wait(std::chrono::seconds(30)) == 2);
    CHECK(read_file(dir.file("err2")).find("only: slack") != std::string::npos);
}

TEST_CASE("serve answers Slack, reports ready, and stops cleanly on SIGTERM") {
    testing::FakeSlack fake;
    testing::TempDir dir;
    const auto port = free_port();
    const auto cfg = dir.file("advocacy.toml");
    std::ofstream(cfg) << config_text(port, fake.api_base(), dir.file("serve.db"));
    Process p({ADVOCACY_BOT_BINARY, "serve", cfg.string()},
              {"TEST_SLACK_BOT_TOKEN=xoxb-serve-token", std::string("TEST_SLACK_SIGNING_SECRET=") + slack_test::kSecret},
              dir.file("out"), dir.file("err"));

    // Ready when /readyz says so (auth.test against the fake succeeded); bounded.
    std::string ready;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (get_status(port, "/readyz", &ready) != 200) {
        REQUIRE(std::chrono::steady_clock::now() < deadline);
        REQUIRE(p.exit_code.wait_for(std::chrono::milliseconds(100)) == std::future_status::timeout);
    }
    CHECK(ready.find(R"("slack":"ok")") != std::string::npos);
    CHECK(fake.calls("auth.test").size() == 1);
    CHECK(fake.calls("auth.test")[0].authorization == "Bearer xoxb-serve-token");

    const std::string body = slack_test::form_body({{"team_id", "T1"}, {"channel_id", "C1"}, {"user_id", "UADMIN"},
                                                    {"command", "/advocacy"}, {"text", "help"}});
    const auto ts = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::system_clock::now().time_since_epoch()).count());
    testing::RawClient c(port);
    REQUIRE(c.send("POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                   "Content-Length: " + std::to_string(body.size()) + "\r\nX-Slack-Request-Timestamp: " + ts +
                   "\r\nX-Slack-Signature: " + slack::compute_signature(slack_test::kSecret, ts, body) + "\r\n\r\n" + body));
    const auto r = c.read_response();
    REQUIRE(r);
    CHECK(testing::status_of(*r) == 200);
    CHECK(json::parse(testing::body_of(*r)).at("response_type").as_string() == "ephemeral");

    ::kill(p.pid, SIGTERM);
    CHECK(p.wait(std::chrono::seconds(30)) == 0);
    CHECK(read_file(dir.file("out")).find("stopped") != std::string::npos);
    CHECK(read_file(dir.file("err")).find("xoxb-serve-token") == std::string::npos);  // never logged
}

TEST_CASE("serve refuses a token Slack rejects") {
    testing::FakeSlack fake;
    fake.script("auth.test", {testing::FakeSlack::error("invalid_auth")});
    testing::TempDir dir;
    const auto cfg = dir.file("advocacy.toml");
    std::ofstream(cfg) << config_text(free_port(), fake.api_base(), dir.file("serve.db"));
    Process p({ADVOCACY_BOT_BINARY, "serve", cfg.string()},
              {"TEST_SLACK_BOT_TOKEN=xoxb-bad", std::string("TEST_SLACK_SIGNING_SECRET=") + slack_test::kSecret},
              dir.file("out"), dir.file("err"));
    CHECK(p.wait(std::chrono::seconds(30)) == 1);
    CHECK(read_file(dir.file("err")).find("invalid_auth") != std::string::npos);
}
