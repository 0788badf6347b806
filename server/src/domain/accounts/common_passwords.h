// The list of very common passwords that a new password may not be (see
// server/data/README.md for where it comes from). Matching ignores the case
// of ASCII letters only, and nothing is trimmed: " password" is not
// "password". Letters outside ASCII are compared as they are.
//
// Thread-safety: the list is built once, on first use, as a function-local
// static (initialised under the language's guarantee); afterwards it is only
// read, so both functions are safe from any thread.
#pragma once

#include <span>
#include <string_view>

namespace securebase::domain {

bool IsCommonPassword(std::string_view password);

// Every entry, sorted byte-wise, without duplicates, ASCII lower-case.
// Views into static storage. For tests and diagnostics.
std::span<const std::string_view> CommonPasswords();

}  // namespace securebase::domain
