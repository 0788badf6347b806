// Database is the one door to SQL: a pool of SOCI sessions on SQLite or
// PostgreSQL (chosen by the URL), and the two ways to use one:
//
//   db.Read("settings.get", [&](soci::session& sql) -> Result<T> { ... });
//   db.Write("settings.put", [&](soci::session& sql) -> Result<T> { ... });
//
// Write runs the function in a transaction (BEGIN IMMEDIATE on SQLite, so a
// writer takes the lock before it reads; BEGIN on PostgreSQL), commits when it
// returns a value and rolls back when it returns an error or throws. When
// PostgreSQL rolls the transaction back because it raced another (a deadlock,
// 40P01, or a serialization failure, 40001), Write runs the function again in
// a new transaction, up to five times in all, after a short random pause, so
// the loser sees what the winner committed; only then does the caller see
// "transaction-conflict". So a Write function must be safe to run again: it
// changes nothing outside the session but its own locals and its result.
// (SQLite's BEGIN IMMEDIATE makes writers wait in turn, so it never retries.)
// Database errors become Error values here and only here: a unique or
// exclusion violation is kConflict, a busy/unreachable/full database is
// kUnavailable (a full disk with the type "storage-full", logged as
// db_disk_full for the operator), anything else kInternal. Each call is timed into the
// securebase_db_seconds histogram under its operation name.
//
// Calls block: from the HTTP layer they run on the blocking pool, never on an
// I/O thread.
//
// Thread-safety: safe from any number of threads; each call borrows its own
// session (and waits for one when all are in use).
#pragma once

#include <soci/connection-pool.h>
#include <soci/session.h>

#include <chrono>
#include <exception>
#include <memory>
#include <string_view>
#include <type_traits>

#include "common/error.h"
#include "common/metrics.h"
#include "storage/database_url.h"

namespace securebase::storage {

class Database {
 public:
  // Opens pool_size connections and applies the SQLite pragmas to each.
  static Result<std::unique_ptr<Database>> Open(const DatabaseUrl& url, std::size_t pool_size,
                                                MetricsRegistry* metrics = nullptr);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return url_.backend; }
  const DatabaseUrl& url() const { return url_; }

  template <class F>
  auto Read(std::string_view op, F&& fn) -> std::invoke_result_t<F, soci::session&> {
    return Run(op, /*write=*/false, std::forward<F>(fn));
  }

  template <class F>
  auto Write(std::string_view op, F&& fn) -> std::invoke_result_t<F, soci::session&> {
    return Run(op, /*write=*/true, std::forward<F>(fn));
  }

  // A trivial query: is the database there and answering?
  Status Ping();

 private:
  Database(DatabaseUrl url, std::size_t pool_size, MetricsRegistry* metrics);

  // How many times a write that lost a race is run in all.
  static constexpr int kWriteAttempts = 5;

  template <class F>
  auto Run(std::string_view op, bool write, F&& fn) -> std::invoke_result_t<F, soci::session&> {
    const auto started = std::chrono::steady_clock::now();
    std::invoke_result_t<F, soci::session&> result = Fail(ErrorCode::kInternal, "not run");
    for (int attempt = 1;; ++attempt) {
      bool again = false;
      try {
        Lease lease(pool_);
        soci::session& sql = lease.session();
        try {
          EnsureConnected(sql);
          if (write) Begin(sql);
          try {
            result = fn(sql);
          } catch (...) {
            if (write) Rollback(sql);
            throw;
          }
          if (write) {
            if (result)
              Commit(sql);
            else
              Rollback(sql);
          }
        } catch (const std::exception& e) {
          // Rolled back already: above when the function threw, by PostgreSQL
          // when COMMIT failed.
          again = write && attempt < kWriteAttempts && LostARace(e);
          if (!again) result = std::unexpected(Translate(op, e, ConnectionLost(sql)));
        }
      } catch (const std::exception& e) {
        result = std::unexpected(Translate(op, e, true));
      }
      if (!again) break;
      PauseBeforeRetry(op, attempt);  // with the session back in the pool
    }
    Observe(op, started, result.has_value());
    return result;
  }

  // One pooled session, borrowed for one call and given back at scope exit.
  // The pool's own session rather than a soci::session(pool) proxy: the proxy
  // keeps a copy of the connection pointer, which a failed reconnect frees
  // (SOCI 4.0), so the next look at the proxy read freed memory and crashed
  // the server while PostgreSQL restarted (durability.postgresql.test.ts).
  class Lease {
   public:
    explicit Lease(soci::connection_pool& pool) : pool_(pool), position_(pool.lease()) {}
    ~Lease() { pool_.give_back(position_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    soci::session& session() { return pool_.at(position_); }

   private:
    soci::connection_pool& pool_;
    std::size_t position_;
  };

  // A deadlock or serialization failure: PostgreSQL rolled this transaction
  // back in favour of another, and running it again may succeed.
  static bool LostARace(const std::exception& e) noexcept;
  static void PauseBeforeRetry(std::string_view op, int attempt);

  void EnsureConnected(soci::session& sql);
  void Begin(soci::session& sql);
  void Commit(soci::session& sql);
  void Rollback(soci::session& sql) noexcept;
  bool ConnectionLost(soci::session& sql) const noexcept;
  Error Translate(std::string_view op, const std::exception& e, bool connection_lost) const;
  void Observe(std::string_view op, std::chrono::steady_clock::time_point started, bool ok);

  DatabaseUrl url_;
  soci::connection_pool pool_;
  std::size_t pool_size_;
  MetricsRegistry* metrics_;
};

}  // namespace securebase::storage
