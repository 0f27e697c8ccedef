#include "tests/teams_support/test_rsa_key.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <map>
#include <mutex>
#include <stdexcept>

#include "adapters/teams/auth/base64url.hpp"

namespace advocacy::testing {

namespace {

EVP_PKEY* pkey(const std::shared_ptr<void>& key) { return static_cast<EVP_PKEY*>(key.get()); }

void check(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("RsaTestKey: ") + what);
}

const EVP_MD* digest_for(std::string_view alg) {
    if (alg == "RS256") return EVP_sha256();
    if (alg == "RS384") return EVP_sha384();
    if (alg == "RS512") return EVP_sha512();
    throw std::invalid_argument("RsaTestKey: not an RSA JWT algorithm: " + std::string(alg));
}

std::string bignum_b64url(EVP_PKEY* key, const char* name) {
    BIGNUM* bn = nullptr;
    check(EVP_PKEY_get_bn_param(key, name, &bn) == 1, "reading a key parameter");
    std::string bytes(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
    BN_free(bn);
    return teams::base64url_encode(bytes);
}

}  // namespace

std::shared_ptr<const RsaTestKey> RsaTestKey::generate(int bits) {
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<std::size_t>(bits));
    check(key != nullptr, "key generation");
    return std::shared_ptr<const RsaTestKey>(new RsaTestKey(std::shared_ptr<void>(key, [](void* k) {
        EVP_PKEY_free(static_cast<EVP_PKEY*>(k));
    })));
}

std::shared_ptr<const RsaTestKey> RsaTestKey::pooled(std::size_t index) {
    static std::mutex mutex;
    static std::map<std::size_t, std::shared_ptr<const RsaTestKey>> pool;
    const std::lock_guard lock(mutex);
    auto& slot = pool[index];
    if (!slot) slot = generate();
    return slot;
}

std::string RsaTestKey::sign(std::string_view alg, std::string_view data) const {
    const EVP_MD* md = digest_for(alg);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    check(ctx && EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, pkey(key_)) == 1, "sign init");
    std::size_t size = 0;
    check(EVP_DigestSign(ctx.get(), nullptr, &size, reinterpret_cast<const unsigned char*>(data.data()),
                         data.size()) == 1,
          "signature size");
    std::string signature(size, '\0');
    check(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                         reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1,
          "signing");
    signature.resize(size);
    return signature;
}

std::string RsaTestKey::modulus_b64url() const { return bignum_b64url(pkey(key_), OSSL_PKEY_PARAM_RSA_N); }
std::string RsaTestKey::exponent_b64url() const { return bignum_b64url(pkey(key_), OSSL_PKEY_PARAM_RSA_E); }

std::string RsaTestKey::public_pem() const {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    check(bio && PEM_write_bio_PUBKEY(bio.get(), pkey(key_)) == 1, "PEM export");
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

std::string RsaTestKey::public_der() const {
    unsigned char* der = nullptr;
    const int size = i2d_PUBKEY(pkey(key_), &der);
    check(size > 0, "DER export");
    std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size));
    OPENSSL_free(der);
    return out;
}

}  // namespace advocacy::testing
