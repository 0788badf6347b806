// AccountEraser: removes one account and everything that names it, in one
// transaction, so a deletion is never half done. What goes, table by table,
// is in docs/privacy.md ("Deleting an account"); in short: the account row
// and every row keyed by it (sessions, links, two-factor, check-ins,
// practice, course progress and answers, journal, shares, waitlist places,
// her session notes about them), their unsent mail, and the throttle and
// rate counters keyed by them. Bookings are kept for the practitioner's
// records, de-identified: no client, no intake answers, no location, no
// idempotency key. The audit log keeps its rows (they name ids only).
//
// Implementations: storage/sql_account_eraser (SQLite, PostgreSQL); on
// SQLite deleted content is overwritten (secure_delete) and the WAL is
// truncated afterwards where no reader holds it.
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"

namespace securebase::domain {

struct Erasure {
  std::string user_id;
  std::string email;  // normalized: their unsent mail is found by it
  // Hashed keys of login_failures and rate_counters rows that name the
  // account (by id or email).
  std::vector<std::string> counter_keys;
};

struct ErasureReport {
  long bookings_kept = 0;  // de-identified
  long mail_forgotten = 0;
};

class AccountEraser {
 public:
  virtual ~AccountEraser() = default;

  // kNotFound when there is no such account (nothing changes).
  virtual Result<ErasureReport> Erase(const Erasure& erasure) = 0;
};

}  // namespace securebase::domain
