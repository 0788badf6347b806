#include "storage/sql_account_token_repository.h"

#include <soci/soci.h>

#include <string>

namespace securebase::storage {

using domain::AccountToken;
using domain::TokenPurpose;

Status SqlAccountTokenRepository::Create(const AccountToken& token) {
  return db_.Write("account_tokens.create", [&](soci::session& sql) -> Status {
    const std::string purpose = domain::TokenPurposeName(token.purpose);
    // No address is kept for links that do not need one.
    soci::indicator email_ind = token.new_email.empty() ? soci::i_null : soci::i_ok;
    const long long created = token.created_at.millis;
    const long long expires = token.expires_at.millis;
    long long used = 0;
    soci::indicator used_ind = soci::i_null;
    if (token.used_at) {
      used = token.used_at->millis;
      used_ind = soci::i_ok;
    }
    sql << "INSERT INTO account_tokens (id, purpose, user_id, new_email, created_at, "
           "expires_at, used_at) "
           "VALUES (:id, :purpose, :user, :email, :created, :expires, :used)",
        soci::use(token.id), soci::use(purpose), soci::use(token.user_id),
        soci::use(token.new_email, email_ind), soci::use(created), soci::use(expires),
        soci::use(used, used_ind);
    return {};
  });
}

Result<std::optional<AccountToken>> SqlAccountTokenRepository::Consume(std::string_view id,
                                                                       TokenPurpose purpose,
                                                                       Instant now) {
  return db_.Write(
      "account_tokens.consume", [&](soci::session& sql) -> Result<std::optional<AccountToken>> {
        const std::string key(id);
        const std::string purpose_name = domain::TokenPurposeName(purpose);
        const long long at = now.millis;
        const long long at_again = now.millis;
        // The conditions live in the UPDATE itself: a racing consumer waits
        // for the row and then finds used_at set, so only one changes it.
        soci::statement st =
            (sql.prepare
                 << "UPDATE account_tokens SET used_at = :now WHERE id = :id "
                    "AND purpose = :purpose AND used_at IS NULL AND expires_at > :now_again",
             soci::use(at), soci::use(key), soci::use(purpose_name), soci::use(at_again));
        st.execute(true);
        if (st.get_affected_rows() == 0) return std::nullopt;
        AccountToken t;
        std::string new_email;
        soci::indicator email_ind = soci::i_null;
        long long created = 0, expires = 0, used = 0;
        sql << "SELECT id, user_id, new_email, created_at, expires_at, used_at "
               "FROM account_tokens WHERE id = :id",
            soci::use(key), soci::into(t.id), soci::into(t.user_id),
            soci::into(new_email, email_ind), soci::into(created), soci::into(expires),
            soci::into(used);
        if (!sql.got_data()) return Internal("A consumed token could not be read back.");
        t.purpose = purpose;
        if (email_ind == soci::i_ok) t.new_email = std::move(new_email);
        t.created_at = Instant{created};
        t.expires_at = Instant{expires};
        t.used_at = Instant{used};
        return t;
      });
}

Status SqlAccountTokenRepository::ConsumeAllFor(std::string_view user_id, TokenPurpose purpose,
                                                Instant now) {
  return db_.Write("account_tokens.consume_all_for", [&](soci::session& sql) -> Status {
    const std::string user(user_id);
    const std::string purpose_name = domain::TokenPurposeName(purpose);
    const long long at = now.millis;
    sql << "UPDATE account_tokens SET used_at = :now WHERE user_id = :user "
           "AND purpose = :purpose AND used_at IS NULL",
        soci::use(at), soci::use(user), soci::use(purpose_name);
    return {};
  });
}

Result<long> SqlAccountTokenRepository::DeleteExpired(Instant before) {
  return db_.Write("account_tokens.delete_expired", [&](soci::session& sql) -> Result<long> {
    const long long at = before.millis;
    soci::statement st =
        (sql.prepare << "DELETE FROM account_tokens WHERE expires_at < :before", soci::use(at));
    st.execute(true);
    return static_cast<long>(st.get_affected_rows());
  });
}

}  // namespace securebase::storage
