#pragma once
// RSA key pairs for the Teams tests, made with OpenSSL at run time (no key files in the repository). 2048-bit
// generation takes a noticeable fraction of a second, so tests take keys from a process-wide pool: pooled(i) is
// generated on first use and the same key afterwards.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace advocacy::testing {

class RsaTestKey {
public:
    static std::shared_ptr<const RsaTestKey> pooled(std::size_t index);
    static std::shared_ptr<const RsaTestKey> generate(int bits = 2048);

    // PKCS#1 v1.5 signature over `data` for "RS256" / "RS384" / "RS512" (throws for anything else).
    std::string sign(std::string_view alg, std::string_view data) const;

    std::string modulus_b64url() const;   // JWK "n"
    std::string exponent_b64url() const;  // JWK "e"
    std::string public_pem() const;       // "-----BEGIN PUBLIC KEY-----" (SubjectPublicKeyInfo)
    std::string public_der() const;       // the same, DER bytes
    void* evp_pkey() const { return key_.get(); }  // EVP_PKEY*, for tests that talk to OpenSSL directly

private:
    explicit RsaTestKey(std::shared_ptr<void> key) : key_(std::move(key)) {}
    std::shared_ptr<void> key_;  // EVP_PKEY*
};

}  // namespace advocacy::testing
