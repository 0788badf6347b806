#include "domain/accounts/recovery_codes.h"

#include <sodium.h>

#include <algorithm>
#include <cstdint>

#include "common/token_hash.h"

namespace securebase::domain {
namespace {

// Digits and lowercase letters less 0, 1, i, l and o.
constexpr std::string_view kAlphabet = "23456789abcdefghjkmnpqrstuvwxyz";

std::string NewRecoveryCode() {
  std::string code;
  for (int group = 0; group < kRecoveryCodeGroups; ++group) {
    if (group > 0) code += '-';
    for (int i = 0; i < kRecoveryCodeGroupLength; ++i) {
      // randombytes_uniform has no modulo bias.
      code += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
    }
  }
  return code;
}

}  // namespace

std::vector<std::string> NewRecoveryCodes(int count) {
  std::vector<std::string> codes;
  codes.reserve(count > 0 ? static_cast<std::size_t>(count) : 0);
  while (static_cast<int>(codes.size()) < count) {
    // Two equal codes are vanishingly unlikely, but a repeat would leave the
    // person with one code fewer than the page promises.
    std::string code = NewRecoveryCode();
    if (std::find(codes.begin(), codes.end(), code) == codes.end())
      codes.push_back(std::move(code));
  }
  return codes;
}

std::string NormalizeRecoveryCode(std::string_view input) {
  std::string out;
  out.reserve(input.size());
  for (char c : input) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '-') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string RecoveryCodeHash(std::string_view user_id, std::string_view code) {
  return HashToken(std::string(user_id) + ":" + NormalizeRecoveryCode(code));
}

}  // namespace securebase::domain
