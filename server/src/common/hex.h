// Lowercase hex for binary values stored as text (sealed secrets).
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace securebase {

std::string ToHex(std::string_view bytes);
// nullopt when the text is not an even number of hex digits (either case).
// Not constant-time: for ciphertext and other values that are no secret.
std::optional<std::string> FromHex(std::string_view hex);

}  // namespace securebase
