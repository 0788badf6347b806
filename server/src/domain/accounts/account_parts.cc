#include "domain/accounts/account_parts.h"

#include "common/random.h"
#include "common/token_hash.h"

namespace securebase::domain {

Result<std::string> IssueToken(const AccountParts& parts, TokenPurpose purpose,
                               std::string_view user_id, std::string_view new_email) {
  const std::string token = RandomHex(32);
  AccountToken t;
  t.id = HashToken(token);
  t.purpose = purpose;
  t.user_id = std::string(user_id);
  t.new_email = std::string(new_email);
  t.created_at = parts.clock.Now();
  t.expires_at = Instant{
      t.created_at.millis +
      std::chrono::duration_cast<std::chrono::milliseconds>(TokenLifetime(purpose)).count()};
  if (auto ok = parts.tokens.Create(t); !ok) return std::unexpected(ok.error());
  return token;
}

std::unexpected<Error> InvalidToken() {
  return Refuse(ErrorCode::kInvalidArgument, "invalid-token",
                "This link has expired or has already been used. You can ask for a new one.");
}

}  // namespace securebase::domain
