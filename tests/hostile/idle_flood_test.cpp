// Many idle connections: each costs the server little memory, the one over [server.limits] max_connections gets a
// 503 and is closed, and other clients are still served.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

#include "tests/hostile/hostile_fixture.hpp"

using namespace advocacy;
using namespace advocacy::hostile_test;

namespace {

#if defined(__SANITIZE_THREAD__)
// ThreadSanitizer keeps shadow memory and a history per allocation and per thread: ~29 KiB per idle connection was
// measured under it against ~4.5 KiB without. The bound stays a bound, scaled.
constexpr std::size_t kSanitizerMemoryFactor = 8;
#else
constexpr std::size_t kSanitizerMemoryFactor = 1;
#endif

// The idle clients live in a child process, so the server (this process) and the clients each need only one file
// descriptor per connection. The child connects, reports how many connections it made, then waits until the
// parent closes the control pipe (or dies), and exits: its sockets close with it.
class IdleClients {
public:
    IdleClients(std::uint16_t port, std::size_t count) {
        int report[2], control[2];
        REQUIRE(::pipe(report) == 0);
        REQUIRE(::pipe(control) == 0);
        std::vector<int> fds(count, -1);  // allocated before fork: the child only makes system calls
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::close(report[0]);
            ::close(control[1]);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_port = htons(port);
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            std::size_t made = 0;
            for (; made < count; ++made) {
                fds[made] = ::socket(AF_INET, SOCK_STREAM, 0);
                if (fds[made] < 0 || ::connect(fds[made], reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) break;
            }
            (void)!::write(report[1], &made, sizeof made);
            char byte;
            (void)!::read(control[0], &byte, 1);  // returns when the parent closes its end
            ::_exit(0);
        }
        ::close(report[1]);
        ::close(control[0]);
        control_ = control[1];
        if (::read(report[0], &connected_, sizeof connected_) != sizeof connected_) connected_ = 0;
        ::close(report[0]);
    }
    ~IdleClients() { close_all(); }
    std::size_t connected() const { return connected_; }
    void close_all() {
        if (pid_ <= 0) return;
        ::close(control_);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

private:
    pid_t pid_ = -1;
    int control_ = -1;
    std::size_t connected_ = 0;
};

// As many descriptors as the hard limit allows; returns the soft limit now in force.
std::size_t raise_fd_limit() {
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    ::getrlimit(RLIMIT_NOFILE, &limit);
    return limit.rlim_cur;
}

}  // namespace

TEST_CASE("10,000 idle connections: bounded memory, 503 over max_connections, others served", "[hostile][idle]") {
    // The issue asks for 10,000; fewer only where the descriptor limit forbids it (said in the output).
    const std::size_t fd_limit = raise_fd_limit();
    const std::size_t idle = std::min<std::size_t>(10'000, fd_limit > 300 ? fd_limit - 300 : 0);
    if (idle < 10'000) WARN("RLIMIT_NOFILE is " << fd_limit << ": testing " << idle << " idle connections");
    REQUIRE(idle >= 500);

    auto limits = short_limits();
    limits.header_timeout = seconds(60);  // the flood must stay idle while it is measured
    limits.max_connections = idle + 1;    // room for exactly one more client
    HostileServer f(limits);
    REQUIRE(f.healthz_latency() < seconds(10));  // warm: the first request's allocations are not the flood's
    const std::size_t rss_before = rss_bytes();

    const auto start = steady_clock::now();
    IdleClients clients(f.port, idle);
    REQUIRE(clients.connected() == idle);
    REQUIRE(eventually([&] { return f.http->active_connections() == idle; }, seconds(60)));
    const auto opened = duration_cast<milliseconds>(steady_clock::now() - start);
    const std::size_t rss_after = rss_bytes();
    const double per_connection = static_cast<double>(rss_after - std::min(rss_after, rss_before)) / idle;
    std::printf("hostile: %zu idle connections opened in %lld ms; RSS %zu -> %zu KiB (%.0f bytes per connection)\n",
                idle, static_cast<long long>(opened.count()), rss_before / 1024, rss_after / 1024, per_connection);
    // A session waiting for its first byte holds its coroutine frames and socket, no read buffer.
    CHECK(per_connection < 16 * 1024 * kSanitizerMemoryFactor);

    // Another client, within the limit, is served promptly.
    int status = 0;
    const auto latency = f.healthz_latency(&status);
    CHECK(status == 200);
    CHECK(latency < kPrompt);
    std::printf("hostile: GET /healthz with %zu idle connections open: %lld ms\n", idle,
                static_cast<long long>(latency.count()));

    // Fill the last slot; the next connection is over the limit: 503 and closed.
    REQUIRE(eventually([&] { return f.http->active_connections() == idle; }, seconds(10)));
    testing::RawClient last(f.port);
    REQUIRE(eventually([&] { return f.http->active_connections() == idle + 1; }, seconds(10)));
    testing::RawClient over(f.port);
    const auto refused = over.read_response();
    REQUIRE(refused);
    CHECK(testing::status_of(*refused) == 503);
    CHECK(testing::header_of(*refused, "Retry-After") == "1");
    CHECK(over.wait_closed());

    // The flood goes away: its sessions end and the server serves everyone again.
    clients.close_all();
    CHECK(eventually([&] { return f.http->active_connections() <= 1; }, seconds(30)));
    CHECK(f.healthz_latency(&status) < kPrompt);
    CHECK(status == 200);
}
