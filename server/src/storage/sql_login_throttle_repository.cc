#include "storage/sql_login_throttle_repository.h"

#include <soci/soci.h>

#include <string>

namespace securebase::storage {

using domain::FailureRecord;

namespace {

std::optional<FailureRecord> Read(soci::session& sql, const std::string& key) {
  long long failures = 0, last = 0;
  sql << "SELECT failures, last_failure_at FROM login_failures WHERE key = :key", soci::use(key),
      soci::into(failures), soci::into(last);
  if (!sql.got_data()) return std::nullopt;
  return FailureRecord{static_cast<long>(failures), Instant{last}};
}

}  // namespace

Result<std::optional<FailureRecord>> SqlLoginThrottleRepository::Get(std::string_view key) {
  return db_.Read("login_failures.get",
                  [&](soci::session& sql) -> Result<std::optional<FailureRecord>> {
                    return Read(sql, std::string(key));
                  });
}

Result<FailureRecord> SqlLoginThrottleRepository::RecordFailure(std::string_view key, Instant now,
                                                                Instant forget_before) {
  return db_.Write("login_failures.record", [&](soci::session& sql) -> Result<FailureRecord> {
    const std::string k(key);
    const long long at = now.millis;
    const long long at_again = now.millis;
    const long long forget = forget_before.millis;
    // One statement: two instances counting the same key at once both count.
    sql << "INSERT INTO login_failures (key, failures, last_failure_at) VALUES (:key, 1, :now) "
           "ON CONFLICT (key) DO UPDATE SET "
           "failures = CASE WHEN login_failures.last_failure_at < :forget_before THEN 1 "
           "ELSE login_failures.failures + 1 END, "
           "last_failure_at = :now_again",
        soci::use(k), soci::use(at), soci::use(forget), soci::use(at_again);
    auto record = Read(sql, k);
    if (!record) return Internal("A recorded sign-in failure could not be read back.");
    return *record;
  });
}

Status SqlLoginThrottleRepository::Clear(std::string_view key) {
  return db_.Write("login_failures.clear", [&](soci::session& sql) -> Status {
    const std::string k(key);
    sql << "DELETE FROM login_failures WHERE key = :key", soci::use(k);
    return {};
  });
}

Result<long> SqlLoginThrottleRepository::DeleteOlderThan(Instant before) {
  return db_.Write("login_failures.delete_old", [&](soci::session& sql) -> Result<long> {
    const long long at = before.millis;
    soci::statement st =
        (sql.prepare << "DELETE FROM login_failures WHERE last_failure_at < :before",
         soci::use(at));
    st.execute(true);
    return static_cast<long>(st.get_affected_rows());
  });
}

}  // namespace securebase::storage
