// Where a two-factor secret is sealed: the associated data that binds a
// sealed TOTP secret to its table, column and owner (common/secret_box.h).
// Shared by the two-factor service, which seals and opens secrets, and by
// key rotation, which re-seals them with a new key.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

#include "common/secret_box.h"

namespace securebase::domain {

inline constexpr std::string_view kTwoFactorTable = "two_factor";
inline constexpr std::string_view kTwoFactorSealedColumn = "sealed_secret";

// One enrolment per account: the row is the account, so the owner is named twice.
inline std::string TwoFactorSecretAd(std::string_view user_id) {
  return AssociatedData(kTwoFactorTable, kTwoFactorSealedColumn, user_id, user_id);
}

}  // namespace securebase::domain
