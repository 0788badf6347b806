#include "domain/accounts/totp.h"

#include <oath.h>
#include <sodium.h>

#include <array>
#include <mutex>

#include "common/token_hash.h"

namespace securebase::domain {
namespace {

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// oath_init is not documented as safe to call concurrently or repeatedly;
// once per process is what it needs. oath_done is never called: the library
// holds no resources worth releasing at exit.
bool OathReady() {
  static std::once_flag once;
  static bool ready = false;
  std::call_once(once, [] { ready = oath_init() == OATH_OK; });
  return ready;
}

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

std::string PercentEncode(std::string_view text) {
  constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (IsUnreserved(c)) {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0f];
    }
  }
  return out;
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

}  // namespace

std::string NewTotpSecret() {
  std::string secret(kTotpSecretBytes, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string Base32Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += kBase32Alphabet[(buffer >> bits) & 0x1f];
    }
  }
  // The last group is padded with zero bits on the right (RFC 4648 §6).
  if (bits > 0) out += kBase32Alphabet[(buffer << (5 - bits)) & 0x1f];
  return out;
}

std::string OtpauthUri(std::string_view issuer, std::string_view account,
                       std::string_view secret_bytes) {
  const std::string encoded_issuer = PercentEncode(issuer);
  std::string uri = "otpauth://totp/";
  uri += encoded_issuer;
  uri += ':';
  uri += PercentEncode(account);
  uri += "?secret=";
  uri += Base32Encode(secret_bytes);
  uri += "&issuer=";
  uri += encoded_issuer;
  uri += "&algorithm=SHA1&digits=6&period=30";
  return uri;
}

std::int64_t TotpStep(Instant now) {
  return FloorDiv(now.millis, kTotpPeriodSeconds * 1000);
}

std::string TotpCode(std::string_view secret_bytes, std::int64_t step, int digits) {
  if (digits < 6 || digits > 8 || secret_bytes.empty() || !OathReady()) return "";
  // RFC 6238's counter is the step as an unsigned 64-bit number; steps
  // before 1970 wrap, which no authenticator will ever be asked for.
  std::array<char, 16> out{};
  const int rc = oath_hotp_generate(secret_bytes.data(), secret_bytes.size(),
                                    static_cast<std::uint64_t>(step), static_cast<unsigned>(digits),
                                    false, OATH_HOTP_DYNAMIC_TRUNCATION, out.data());
  if (rc != OATH_OK) return "";
  return std::string(out.data());
}

bool LooksLikeTotpCode(std::string_view code) {
  std::size_t digits = 0;
  for (char c : code) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != ' ')
      return false;
  }
  return digits == static_cast<std::size_t>(kTotpDigits);
}

std::optional<std::int64_t> MatchTotp(std::string_view secret_bytes, std::string_view code,
                                      Instant now, std::int64_t last_used_step) {
  std::string digits;
  for (char c : code) {
    if (c == ' ') continue;
    if (c < '0' || c > '9' || digits.size() == static_cast<std::size_t>(kTotpDigits)) {
      return std::nullopt;
    }
    digits += c;
  }
  if (digits.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;

  const std::int64_t current = TotpStep(now);
  std::optional<std::int64_t> matched;
  // All three steps are compared, whatever matches first, so that the time
  // taken says nothing about which step (if any) was right.
  for (std::int64_t step = current - 1; step <= current + 1; ++step) {
    const std::string expected = TotpCode(secret_bytes, step);
    if (expected.empty()) return std::nullopt;
    if (ConstantTimeEquals(expected, digits) && step > last_used_step) matched = step;
  }
  return matched;
}

}  // namespace securebase::domain
