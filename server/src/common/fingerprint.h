// A fast, stable 64-bit fingerprint of some bytes (FNV-1a), as 16 hex
// characters: for change detection (ETags, migration checksums), never for
// secrets (see token_hash.h for those).
#pragma once

#include <string>
#include <string_view>

namespace securebase {

std::string Fingerprint(std::string_view bytes);

}  // namespace securebase
