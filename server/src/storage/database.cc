#include "storage/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <filesystem>
#include <random>
#include <thread>

#include "common/log.h"

namespace securebase::storage {
namespace {

// Applied to every SQLite connection: the durability and concurrency rules
// from docs/architecture.md (WAL, fsync on every commit, foreign keys, a
// busy wait instead of an immediate SQLITE_BUSY, and deletes that overwrite).
void ApplySqlitePragmas(soci::session& sql) {
  sql << "PRAGMA journal_mode=WAL";
  sql << "PRAGMA synchronous=FULL";
  sql << "PRAGMA foreign_keys=ON";
  sql << "PRAGMA busy_timeout=5000";
  // Deleted content is overwritten with zeros rather than left in free
  // pages: a deleted journal entry or account is gone from the file, not
  // just unlinked (docs/privacy.md).
  sql << "PRAGMA secure_delete=ON";
}

// Once per process, before SQLite's first connection (later calls change
// nothing): its memory statistics take one global lock around every
// allocation SQLite makes, so the pool threads preparing statements at once
// queued on it (bench/notes.md has the profile). Nothing reads them.
void ConfigureSqliteOnce() {
  static const int configured = sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)configured;
}

void OpenOne(soci::session& sql, const DatabaseUrl& url) {
  if (url.backend == Backend::kSqlite) {
    ConfigureSqliteOnce();
    sql.open(soci::sqlite3, "db=" + url.target);
    // Extended result codes tell a unique violation from a foreign-key or
    // CHECK one, which PostgreSQL's SQLSTATEs tell apart too (Translate).
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    sqlite3_extended_result_codes(backend->conn_, 1);
    ApplySqlitePragmas(sql);
  } else {
    // A bound on each connection attempt (unless the URL sets one), so that a
    // reconnect to a database host that does not answer fails in seconds,
    // with a 503, rather than after the system's TCP timeout of minutes.
    std::string target = url.target;
    if (target.find("connect_timeout=") == std::string::npos) target += " connect_timeout='5'";
    sql.open(soci::postgresql, target);
  }
}

Error AlreadyExists() {
  return Error{ErrorCode::kConflict, "That already exists.", {}};
}

// A row that names another which is not (or no longer) there: most often an
// account deleted while something was being saved for it.
Error MissingReference() {
  return Error{ErrorCode::kConflict, "That refers to something that no longer exists.", {}};
}

// No room left on the disk (SQLite's FULL, PostgreSQL's 53100 disk_full):
// nothing of this write was kept, what was committed before is intact, reads
// go on, and writes work again as soon as the operator frees space.
Error StorageFull(std::string_view op) {
  Log(LogLevel::kError, "db_disk_full",
      {{"op", op}, {"message", "The disk holding the database is full: free some space."}});
  return Error{ErrorCode::kUnavailable,
               "The server has run out of room to save this just now. Everything saved before "
               "is safe; please try again a little later.",
               {},
               "storage-full"};
}

}  // namespace

Database::Database(DatabaseUrl url, std::size_t pool_size, MetricsRegistry* metrics)
    : url_(std::move(url)), pool_(pool_size), pool_size_(pool_size), metrics_(metrics) {
  if (metrics_) {
    metrics_->Describe("securebase_db_seconds", "Time spent in database calls, by operation.");
    metrics_->Describe("securebase_db_errors_total", "Database calls that failed, by operation.");
  }
}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::Open(const DatabaseUrl& url, std::size_t pool_size,
                                                 MetricsRegistry* metrics) {
  if (pool_size == 0) pool_size = 1;
  if (url.backend == Backend::kSqlite) {
    const auto parent = std::filesystem::path(url.target).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      return Unavailable("Cannot create the database folder " + parent.string() + ": " +
                         ec.message());
    }
  }
  std::unique_ptr<Database> db(new Database(url, pool_size, metrics));
  try {
    for (std::size_t i = 0; i < pool_size; ++i) OpenOne(db->pool_.at(i), url);
  } catch (const std::exception& e) {
    return Unavailable("Cannot open the database " + url.redacted + ": " + e.what());
  }
  return db;
}

bool Database::LostARace(const std::exception& e) noexcept {
  const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e);
  if (!pg) return false;
  const std::string state = pg->sqlstate();
  return state == "40P01" || state == "40001";
}

void Database::PauseBeforeRetry(std::string_view op, int attempt) {
  // Random, so two losers do not meet again at the same moment; longer each
  // time (up to 5, 10, 20, 40 ms), so five tries stay well under a second.
  thread_local std::minstd_rand jitter{std::random_device{}()};
  std::uniform_int_distribution<int> pause(1, 5 << (attempt - 1));
  Log(LogLevel::kInfo, "db_write_retried", {{"op", op}, {"attempt", attempt + 1}});
  std::this_thread::sleep_for(std::chrono::milliseconds(pause(jitter)));
}

void Database::EnsureConnected(soci::session& sql) {
  // A PostgreSQL restart drops every pooled connection; reconnect lazily so
  // the service recovers by itself.
  if (url_.backend == Backend::kPostgresql && !sql.is_connected()) sql.reconnect();
}

void Database::Begin(soci::session& sql) {
  if (url_.backend == Backend::kSqlite)
    sql << "BEGIN IMMEDIATE";
  else
    sql << "BEGIN";
}

void Database::Commit(soci::session& sql) {
  sql << "COMMIT";
}

void Database::Rollback(soci::session& sql) noexcept {
  try {
    sql << "ROLLBACK";
  } catch (...) {
    // The transaction is already gone (connection lost): nothing to undo.
  }
}

bool Database::ConnectionLost(soci::session& sql) const noexcept {
  return url_.backend == Backend::kPostgresql && !sql.is_connected();
}

Error Database::Translate(std::string_view op, const std::exception& e,
                          bool connection_lost) const {
  Error unavailable{ErrorCode::kUnavailable, "The database is unavailable right now.", {}};
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    const int code = lite->result();
    const int primary = code & 0xff;
    // The same conflicts as PostgreSQL's 23505, 23P01 and 23503 below (a
    // trigger's RAISE is SQLite's stand-in for an exclusion constraint). A
    // broken NOT NULL or CHECK rule is a bug in the server, so it is logged
    // as kInternal, as 23502 and 23514 are there.
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY ||
        code == SQLITE_CONSTRAINT_ROWID || code == SQLITE_CONSTRAINT_TRIGGER)
      return AlreadyExists();
    if (code == SQLITE_CONSTRAINT_FOREIGNKEY) return MissingReference();
    if (primary == SQLITE_FULL) return StorageFull(op);
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_IOERR ||
        primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY) {
      Log(LogLevel::kWarn, "db_unavailable", {{"op", op}, {"sqlite_code", primary}});
      return unavailable;
    }
    // get_error_message(), never what(): SOCI appends the SQL and its bound
    // values to what(), and those can be emails or journal text.
    Log(LogLevel::kError, "db_error",
        {{"op", op}, {"sqlite_code", code}, {"what", lite->get_error_message()}});
    return Error{ErrorCode::kInternal, "The database reported an unexpected error.", {}};
  }
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    const std::string state = pg->sqlstate();
    if (state == "23505" || state == "23P01") return AlreadyExists();
    if (state == "23503") return MissingReference();
    if (state == "53100") return StorageFull(op);
    // Two transactions waited on each other (an exclusion constraint checked
    // by both) or could not be serialized: one was rolled back. A write has
    // already been run again (Run) as often as it will be.
    if (state == "40P01" || state == "40001") {
      Log(LogLevel::kWarn, "db_transaction_conflict", {{"op", op}, {"sqlstate", state}});
      return Error{ErrorCode::kUnavailable,
                   "The database was busy. Please try again.",
                   {},
                   "transaction-conflict"};
    }
    if (connection_lost || state.starts_with("08") || state.starts_with("57") ||
        state.starts_with("53")) {
      Log(LogLevel::kWarn, "db_unavailable", {{"op", op}, {"sqlstate", state}});
      return unavailable;
    }
    // PostgreSQL's messages can quote values ("Key (x)=(...)"): log the state only.
    Log(LogLevel::kError, "db_error", {{"op", op}, {"sqlstate", state}});
    return Error{ErrorCode::kInternal, "The database reported an unexpected error.", {}};
  }
  if (connection_lost) {
    Log(LogLevel::kWarn, "db_unavailable", {{"op", op}});
    return unavailable;
  }
  const auto* soci_error = dynamic_cast<const soci::soci_error*>(&e);
  Log(LogLevel::kError, "db_error",
      {{"op", op},
       {"what", soci_error ? soci_error->get_error_message() : std::string("exception")}});
  return Error{ErrorCode::kInternal, "The database reported an unexpected error.", {}};
}

void Database::Observe(std::string_view op, std::chrono::steady_clock::time_point started,
                       bool ok) {
  if (!metrics_) return;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  metrics_->GetHistogram("securebase_db_seconds", {{"op", op}}).Observe(seconds);
  if (!ok) metrics_->GetCounter("securebase_db_errors_total", {{"op", op}}).Add();
}

Status Database::Ping() {
  return Read("ping", [](soci::session& sql) -> Status {
    int one = 0;
    sql << "SELECT 1", soci::into(one);
    if (one != 1) return Unavailable("The database did not answer a trivial query.");
    return {};
  });
}

}  // namespace securebase::storage
