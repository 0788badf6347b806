// TestDatabase: a fresh, migrated database for one test, on SQLite (a new
// file in a temporary folder) or PostgreSQL (a new schema in the throwaway
// server whose URL the harness puts in SB_TEST_POSTGRES_URL). Dropped at
// the end of the test.
//
// Without SB_TEST_POSTGRES_URL the PostgreSQL variants fail with a message
// saying how to run them: `make test` always provides one.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "common/clock.h"
#include "storage/database.h"

namespace securebase::testing {

enum class TestBackend { kSqlite, kPostgresql };

const char* BackendName(TestBackend b);

class TestDatabase {
 public:
  // migrate=false leaves the schema empty (for migrator tests).
  explicit TestDatabase(TestBackend backend, bool migrate = true);
  ~TestDatabase();

  storage::Database& db() { return *db_; }
  const storage::DatabaseUrl& url() const { return url_; }
  // Another connection pool on the same database (a second "instance").
  std::unique_ptr<storage::Database> OpenAnother(std::size_t pool_size = 4) const;

 private:
  TestBackend backend_;
  storage::DatabaseUrl url_;
  std::filesystem::path dir_;
  std::string schema_;
  std::unique_ptr<storage::Database> db_;
};

}  // namespace securebase::testing
