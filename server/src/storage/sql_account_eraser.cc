#include "storage/sql_account_eraser.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include "common/log.h"

namespace securebase::storage {

Result<domain::ErasureReport> SqlAccountEraser::Erase(const domain::Erasure& erasure) {
  auto report =
      db_.Write("account.erase", [&](soci::session& sql) -> Result<domain::ErasureReport> {
        const std::string& id = erasure.user_id;
        int found = 0;
        sql << "SELECT COUNT(*) FROM users WHERE id = :id", soci::use(id), soci::into(found);
        if (found == 0) return NotFound("There is no such account.");
        domain::ErasureReport r;
        // Kept for her records: when, what kind, what became of it. Nothing
        // of the person: no account, intake answers, place or zone, and no
        // key they chose. (The account's removal would set client_id to
        // NULL by itself; the rest needs saying.)
        soci::statement kept =
            (sql.prepare << "UPDATE bookings SET client_id = NULL, sealed_intake = '', "
                            "time_zone = 'UTC', country = '', region = '', "
                            "idempotency_key = NULL, request_fingerprint = '' "
                            "WHERE client_id = :id",
             soci::use(id));
        kept.execute(true);
        r.bookings_kept = static_cast<long>(kept.get_affected_rows());
        if (!erasure.email.empty()) {
          // Unsent mail to them, or naming them: a notice to her still on
          // its way carries their address in its invitation. (Sent mail
          // keeps no recipient, subject, body or invitation.) A plain
          // substring test: in LIKE, an address's "_" would match any
          // character.
          const std::string to = erasure.email;
          const bool pg = db_.backend() == Backend::kPostgresql;
          const char* contains = pg ? "strpos" : "instr";
          const std::string query = fmt::format(
              "DELETE FROM outbox WHERE recipient = :a OR {0}(body, :b) > 0 "
              "OR {0}(COALESCE(calendar, ''), :c) > 0",
              contains);
          soci::statement mail =
              (sql.prepare << query, soci::use(to), soci::use(to), soci::use(to));
          mail.execute(true);
          r.mail_forgotten = static_cast<long>(mail.get_affected_rows());
        }
        for (const std::string& key : erasure.counter_keys) {
          sql << "DELETE FROM login_failures WHERE key = :k", soci::use(key);
          sql << "DELETE FROM rate_counters WHERE key = :k", soci::use(key);
        }
        // Everything keyed by the account goes with it (ON DELETE CASCADE):
        // sessions, account_tokens, two_factor and recovery_codes,
        // lesson_progress, prompt_answers, checkins with their answers and
        // scores, practice_sessions, journal_entries, shares and
        // shared_journal_entries, waitlist, and session_notes about them.
        sql << "DELETE FROM users WHERE id = :id", soci::use(id);
        return r;
      });
  if (report && db_.backend() == Backend::kSqlite) {
    (void)db_.Read("account.erase.checkpoint", [](soci::session& sql) -> Status {
      int busy = 0, frames = 0, moved = 0;
      sql << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy), soci::into(frames),
          soci::into(moved);
      if (busy != 0) Log(LogLevel::kInfo, "account_erase_checkpoint_busy");
      return {};
    });
  }
  return report;
}

}  // namespace securebase::storage
