#include "common/random.h"

#include <sodium.h>

#include <vector>

namespace securebase {

bool InitRandom() {
  return sodium_init() >= 0;
}

std::string RandomHex(std::size_t bytes) {
  std::vector<unsigned char> raw(bytes);
  randombytes_buf(raw.data(), raw.size());
  std::string out(bytes * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), raw.data(), raw.size());
  out.pop_back();
  return out;
}

std::string NewId() {
  return RandomHex(16);
}

}  // namespace securebase
