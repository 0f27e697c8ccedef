#pragma once
// A throwaway certificate authority made at test time with the OpenSSL C API (no `openssl` binary needed):
// a CA, a server certificate for localhost/127.0.0.1 and one for another host name, all signed by the CA.
#include <string>

namespace advocacy::testing {

struct TestPki {
    std::string ca_pem;
    std::string localhost_cert_pem;  // SAN: DNS:localhost, IP:127.0.0.1
    std::string localhost_key_pem;
    std::string other_cert_pem;      // SAN: DNS:other.example (valid, but not for localhost)
    std::string other_key_pem;
};

TestPki make_test_pki();

}  // namespace advocacy::testing
