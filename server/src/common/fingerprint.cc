#include "common/fingerprint.h"

#include <fmt/format.h>

#include <cstdint>

namespace securebase {

std::string Fingerprint(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

}  // namespace securebase
