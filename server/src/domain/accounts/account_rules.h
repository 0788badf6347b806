// The rules an account's fields must meet, in one place, shared by sign-up,
// the first-run setup, `securebase user add` and profile changes. Each
// failure is InvalidArgument naming the field, in words a person can act on.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/error.h"

namespace securebase::domain {

// Trims surrounding white space and lower-cases the address, so one person
// cannot hold two accounts by changing case. Refuses what cannot be a
// deliverable address: over 254 characters, no single '@', an empty or
// over-64-character local part, a domain without a dot, spaces or control
// characters.
Result<std::string> NormalizeEmail(std::string_view email);

// 8 to 256 characters (Unicode code points, not bytes), any script, no
// composition rules, never truncated. The text must be valid UTF-8.
Status CheckPasswordLength(std::string_view password);

// The rule for a password someone is choosing (sign-up, setup, `user add`,
// and later password changes and resets): CheckPasswordLength, and not one
// of the very common passwords in common_passwords.h. Log-in checks only the
// length, so a password chosen before the list grew still works.
Status CheckNewPassword(std::string_view password);

// 1 to 80 characters after trimming, valid UTF-8, no control characters.
Result<std::string> NormalizeDisplayName(std::string_view name);

// A name in the IANA time-zone database ("Europe/London"), checked against
// the system's copy of it.
Status CheckTimeZone(std::string_view zone);

// Number of code points in valid UTF-8, or -1 when the text is not UTF-8.
long Utf8Length(std::string_view text);

}  // namespace securebase::domain
