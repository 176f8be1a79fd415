// A throwaway self-signed certificate for 127.0.0.1, made with the OpenSSL API, for tests that
// serve HTTPS (the TLS guards, the recorder's HTTPS upstream).
#pragma once

#include <string>

namespace chatmock::testing {

/// Writes the certificate and its P-256 key as PEM; false on any OpenSSL or file failure.
bool write_self_signed(const std::string& cert_path, const std::string& key_path);

}  // namespace chatmock::testing
