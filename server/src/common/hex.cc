#include "common/hex.h"

#include <sodium.h>

#include <array>

namespace securebase {

std::string ToHex(std::string_view bytes) {
  std::string hex(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  hex.pop_back();
  return hex;
}

// A table lookup, not sodium_hex2bin: what is decoded here is ciphertext,
// which is no secret, and a search decodes megabytes of it per request
// (several times faster this way). Decode no secret with this.
std::optional<std::string> FromHex(std::string_view hex) {
  static constexpr auto kValues = [] {
    std::array<signed char, 256> v{};
    v.fill(-1);
    for (int i = 0; i < 10; ++i) v['0' + i] = static_cast<signed char>(i);
    for (int i = 0; i < 6; ++i) {
      v['a' + i] = static_cast<signed char>(10 + i);
      v['A' + i] = static_cast<signed char>(10 + i);
    }
    return v;
  }();
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = kValues[static_cast<unsigned char>(hex[2 * i])];
    const int lo = kValues[static_cast<unsigned char>(hex[2 * i + 1])];
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<char>((hi << 4) | lo);
  }
  return out;
}

}  // namespace securebase
