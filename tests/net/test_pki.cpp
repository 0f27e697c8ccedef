#include "tests/net/test_pki.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>

namespace advocacy::testing {

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;

void check(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("test PKI: ") + what);
}

Key new_key() {
    Key key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    check(key != nullptr, "key generation");
    return key;
}

void add_extension(X509* cert, X509V3_CTX* ctx, int nid, const char* value) {
    X509_EXTENSION* ext = X509V3_EXT_nconf_nid(nullptr, ctx, nid, value);
    check(ext != nullptr, "extension");
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

// issuer == nullptr: self-signed CA.
Cert make_cert(EVP_PKEY* key, const char* common_name, long serial, X509* issuer, EVP_PKEY* issuer_key,
               const char* subject_alt_names) {
    Cert cert(X509_new(), X509_free);
    X509* x = cert.get();
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), serial);
    X509_gmtime_adj(X509_getm_notBefore(x), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 24 * 3600);
    X509_set_pubkey(x, key);
    X509_NAME* name = X509_get_subject_name(x);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("advocacy-bot tests"),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(common_name), -1, -1,
                               0);
    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) : name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer ? issuer : x, x, nullptr, nullptr, 0);
    if (!issuer) {
        add_extension(x, &ctx, NID_basic_constraints, "critical,CA:TRUE");
        add_extension(x, &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
        add_extension(x, &ctx, NID_subject_key_identifier, "hash");
    } else {
        add_extension(x, &ctx, NID_basic_constraints, "critical,CA:FALSE");
        add_extension(x, &ctx, NID_key_usage, "critical,digitalSignature");
        add_extension(x, &ctx, NID_ext_key_usage, "serverAuth");
        add_extension(x, &ctx, NID_subject_key_identifier, "hash");
        add_extension(x, &ctx, NID_authority_key_identifier, "keyid:always");
        add_extension(x, &ctx, NID_subject_alt_name, subject_alt_names);
    }
    check(X509_sign(x, issuer_key, EVP_sha256()) > 0, "signing");
    return cert;
}

template <class Write>
std::string to_pem(Write write) {
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    check(write(bio.get()) == 1, "PEM encoding");
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, static_cast<std::size_t>(n));
}

std::string cert_pem(X509* cert) {
    return to_pem([cert](BIO* b) { return PEM_write_bio_X509(b, cert); });
}

std::string key_pem(EVP_PKEY* key) {
    return to_pem([key](BIO* b) { return PEM_write_bio_PrivateKey(b, key, nullptr, nullptr, 0, nullptr, nullptr); });
}

}  // namespace

TestPki make_test_pki() {
    const Key ca_key = new_key();
    const Cert ca = make_cert(ca_key.get(), "advocacy-bot test CA", 1, nullptr, ca_key.get(), nullptr);
    const Key localhost_key = new_key();
    const Cert localhost =
        make_cert(localhost_key.get(), "localhost", 2, ca.get(), ca_key.get(), "DNS:localhost,IP:127.0.0.1");
    const Key other_key = new_key();
    const Cert other = make_cert(other_key.get(), "other.example", 3, ca.get(), ca_key.get(), "DNS:other.example");
    return TestPki{cert_pem(ca.get()), cert_pem(localhost.get()), key_pem(localhost_key.get()),
                   cert_pem(other.get()), key_pem(other_key.get())};
}

}  // namespace advocacy::testing
