// Escaping a string for a JSON string literal, for the few places that write
// JSON by hand (log lines) where pulling in a JSON library is not worth it.
#pragma once

#include <string>
#include <string_view>

namespace securebase {

void AppendJsonEscaped(std::string& out, std::string_view text);

}  // namespace securebase
