#include "storage/sql_two_factor_repository.h"

#include <soci/soci.h>

#include <string>

namespace securebase::storage {

using domain::TwoFactorEnrollment;

namespace {

Status AlreadyConfirmed() {
  return Fail(ErrorCode::kConflict, "Two-factor sign-in is already set up for this account.");
}

// Whether the account has an enrolment, and whether it is confirmed.
std::optional<bool> ConfirmedState(soci::session& sql, const std::string& user) {
  long long confirmed = 0;
  soci::indicator confirmed_ind = soci::i_null;
  sql << "SELECT confirmed_at FROM two_factor WHERE user_id = :user", soci::use(user),
      soci::into(confirmed, confirmed_ind);
  if (!sql.got_data()) return std::nullopt;
  return confirmed_ind == soci::i_ok;
}

void InsertCodes(soci::session& sql, const std::string& user,
                 const std::vector<std::string>& hashes) {
  for (const auto& hash : hashes) {
    sql << "INSERT INTO recovery_codes (user_id, code_hash, used_at) VALUES (:user, :hash, NULL)",
        soci::use(user), soci::use(hash);
  }
}

}  // namespace

Status SqlTwoFactorRepository::BeginEnrollment(
    const TwoFactorEnrollment& enrollment, const std::vector<std::string>& recovery_code_hashes) {
  const bool postgres = db_.backend() == Backend::kPostgresql;
  return db_.Write("two_factor.begin", [&](soci::session& sql) -> Status {
    const std::string& user = enrollment.user_id;
    // Two enrolments of one account starting at once take turns: without
    // this, on PostgreSQL both would find none and one insert would fail.
    // (SQLite's BEGIN IMMEDIATE already lets one writer in at a time.)
    if (postgres) {
      sql << "SELECT id FROM users WHERE id = :user FOR NO KEY UPDATE", soci::use(user);
    }
    const auto state = ConfirmedState(sql, user);
    if (state && *state) return AlreadyConfirmed();
    sql << "DELETE FROM recovery_codes WHERE user_id = :user", soci::use(user);
    sql << "DELETE FROM two_factor WHERE user_id = :user", soci::use(user);
    const long long step = enrollment.last_used_step;
    const long long created = enrollment.created_at.millis;
    sql << "INSERT INTO two_factor (user_id, sealed_secret, confirmed_at, last_used_step, "
           "created_at) VALUES (:user, :secret, NULL, :step, :created)",
        soci::use(user), soci::use(enrollment.sealed_secret), soci::use(step), soci::use(created);
    InsertCodes(sql, user, recovery_code_hashes);
    return {};
  });
}

Result<std::optional<TwoFactorEnrollment>> SqlTwoFactorRepository::Find(std::string_view user_id) {
  return db_.Read("two_factor.find",
                  [&](soci::session& sql) -> Result<std::optional<TwoFactorEnrollment>> {
                    const std::string user(user_id);
                    TwoFactorEnrollment e;
                    long long confirmed = 0, step = 0, created = 0;
                    soci::indicator confirmed_ind = soci::i_null;
                    sql << "SELECT user_id, sealed_secret, confirmed_at, last_used_step, "
                           "created_at FROM two_factor WHERE user_id = :user",
                        soci::use(user), soci::into(e.user_id), soci::into(e.sealed_secret),
                        soci::into(confirmed, confirmed_ind), soci::into(step), soci::into(created);
                    if (!sql.got_data()) return std::nullopt;
                    if (confirmed_ind == soci::i_ok) e.confirmed_at = Instant{confirmed};
                    e.last_used_step = step;
                    e.created_at = Instant{created};
                    return e;
                  });
}

Status SqlTwoFactorRepository::Confirm(std::string_view user_id, Instant at, std::int64_t step) {
  return db_.Write("two_factor.confirm", [&](soci::session& sql) -> Status {
    const std::string user(user_id);
    const long long confirmed = at.millis;
    const long long used_step = step;
    soci::statement st =
        (sql.prepare << "UPDATE two_factor SET confirmed_at = :at, last_used_step = :step "
                        "WHERE user_id = :user AND confirmed_at IS NULL",
         soci::use(confirmed), soci::use(used_step), soci::use(user));
    st.execute(true);
    if (st.get_affected_rows() == 1) return {};
    if (ConfirmedState(sql, user)) return AlreadyConfirmed();
    return NotFound("Two-factor sign-in is not being set up for this account.");
  });
}

Result<bool> SqlTwoFactorRepository::UseStep(std::string_view user_id, std::int64_t step) {
  return db_.Write("two_factor.use_step", [&](soci::session& sql) -> Result<bool> {
    const std::string user(user_id);
    const long long used_step = step;
    const long long used_step_again = step;
    // Only a later step moves it on: a replayed code (or an older one) and
    // the loser of a race with the same code change nothing.
    soci::statement st = (sql.prepare << "UPDATE two_factor SET last_used_step = :step "
                                         "WHERE user_id = :user AND last_used_step < :step_again",
                          soci::use(used_step), soci::use(user), soci::use(used_step_again));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

Result<bool> SqlTwoFactorRepository::UseRecoveryCode(std::string_view user_id,
                                                     std::string_view code_hash, Instant at) {
  return db_.Write("two_factor.use_recovery_code", [&](soci::session& sql) -> Result<bool> {
    const std::string user(user_id);
    const std::string hash(code_hash);
    const long long used = at.millis;
    soci::statement st =
        (sql.prepare << "UPDATE recovery_codes SET used_at = :at "
                        "WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL",
         soci::use(used), soci::use(user), soci::use(hash));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

Result<long> SqlTwoFactorRepository::RecoveryCodesLeft(std::string_view user_id) {
  return db_.Read("two_factor.recovery_codes_left", [&](soci::session& sql) -> Result<long> {
    const std::string user(user_id);
    long long count = 0;
    sql << "SELECT COUNT(*) FROM recovery_codes WHERE user_id = :user AND used_at IS NULL",
        soci::use(user), soci::into(count);
    return static_cast<long>(count);
  });
}

Status SqlTwoFactorRepository::ReplaceRecoveryCodes(
    std::string_view user_id, const std::vector<std::string>& recovery_code_hashes) {
  return db_.Write("two_factor.replace_recovery_codes", [&](soci::session& sql) -> Status {
    const std::string user(user_id);
    // Locks the enrolment's row on PostgreSQL (SQLite's writer is alone):
    // a reset racing a renewal either removes the new codes with it or
    // finds nothing to renew.
    long long confirmed = 0;
    soci::indicator confirmed_ind = soci::i_null;
    const bool postgres = db_.backend() == Backend::kPostgresql;
    sql << (postgres ? "SELECT confirmed_at FROM two_factor WHERE user_id = :user FOR UPDATE"
                     : "SELECT confirmed_at FROM two_factor WHERE user_id = :user"),
        soci::use(user), soci::into(confirmed, confirmed_ind);
    if (!sql.got_data() || confirmed_ind != soci::i_ok) {
      return NotFound("Two-factor sign-in is not set up for this account.");
    }
    sql << "DELETE FROM recovery_codes WHERE user_id = :user", soci::use(user);
    InsertCodes(sql, user, recovery_code_hashes);
    return {};
  });
}

Result<bool> SqlTwoFactorRepository::Remove(std::string_view user_id) {
  return db_.Write("two_factor.remove", [&](soci::session& sql) -> Result<bool> {
    const std::string user(user_id);
    // The codes go with their enrolment (ON DELETE CASCADE); said here too
    // so the order never depends on the foreign key being enforced.
    sql << "DELETE FROM recovery_codes WHERE user_id = :user", soci::use(user);
    soci::statement st =
        (sql.prepare << "DELETE FROM two_factor WHERE user_id = :user", soci::use(user));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

}  // namespace securebase::storage
