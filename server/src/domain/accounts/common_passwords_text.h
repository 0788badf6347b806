// The text of server/data/common-passwords.txt, compiled into the binary by
// server/cmake/embed_text.cmake (the definition is generated at build time).
// One password a line, each line ending in '\n'. Read it through
// common_passwords.h; this header exists for that file and its test.
//
// Thread-safety: returns a view of constant static storage.
#pragma once

#include <string_view>

namespace securebase::domain {

std::string_view CommonPasswordsText();

}  // namespace securebase::domain
