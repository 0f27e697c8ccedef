#include "bot/dashboard/signing_key.hpp"

#include <array>
#include <cstddef>

#include "bot/clock.hpp"

namespace advocacy::dashboard {

namespace {
std::string draw_process_key() {
    std::array<std::byte, 32> bytes{};
    SecureRandom().fill(bytes);
    return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}
}  // namespace

const std::string& signing_key(const config::DashboardConfig& config) {
    if (!config.signing_key.empty()) return config.signing_key.value();
    static const std::string process_key = draw_process_key();  // thread-safe initialisation
    return process_key;
}

}  // namespace advocacy::dashboard
