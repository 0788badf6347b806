#include "storage/sql_rate_counter_repository.h"

#include <soci/soci.h>

#include <string>

namespace securebase::storage {

Result<long> SqlRateCounterRepository::Hit(std::string_view key, Instant window_start) {
  const std::string k(key);
  const long long start = window_start.millis;
  return db_.Write("rate_counters.hit", [&](soci::session& sql) -> Result<long> {
    long long hits = 0;
    sql << "INSERT INTO rate_counters (key, window_start, hits) VALUES (:k, :w, 1) "
           "ON CONFLICT (key) DO UPDATE SET "
           // A later window starts again from one; an earlier one (an instance
           // whose clock lags) counts in the current window, never resets it.
           "hits = CASE WHEN excluded.window_start > rate_counters.window_start THEN 1 "
           "ELSE rate_counters.hits + 1 END, "
           "window_start = CASE WHEN excluded.window_start > rate_counters.window_start "
           "THEN excluded.window_start ELSE rate_counters.window_start END RETURNING hits",
        soci::use(k), soci::use(start), soci::into(hits);
    return static_cast<long>(hits);
  });
}

Result<long> SqlRateCounterRepository::DeleteOlderThan(Instant before) {
  const long long cutoff = before.millis;
  return db_.Write("rate_counters.delete_old", [&](soci::session& sql) -> Result<long> {
    soci::statement st =
        (sql.prepare << "DELETE FROM rate_counters WHERE window_start < :b", soci::use(cutoff));
    st.execute(true);
    return static_cast<long>(st.get_affected_rows());
  });
}

}  // namespace securebase::storage
