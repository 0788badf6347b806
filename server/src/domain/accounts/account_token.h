// AccountToken: a one-time link sent by mail — confirm an email address,
// reset a password, confirm a new email. The mail carries the token; the
// database keeps only its hash, when it expires and whether it was used.
//
// Thread-safety: plain values.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "common/clock.h"

namespace securebase::domain {

enum class TokenPurpose { kVerifyEmail, kResetPassword, kChangeEmail };

const char* TokenPurposeName(TokenPurpose purpose);  // "verify-email"...

// How long each kind of link works (issue #3: 24 h to verify, 1 h to reset).
std::chrono::minutes TokenLifetime(TokenPurpose purpose);

struct AccountToken {
  std::string id;  // HashToken(token)
  TokenPurpose purpose = TokenPurpose::kVerifyEmail;
  std::string user_id;
  std::string new_email;  // kChangeEmail only
  Instant created_at;
  Instant expires_at;
  std::optional<Instant> used_at;
};

}  // namespace securebase::domain
