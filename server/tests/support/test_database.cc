#include "support/test_database.h"

#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdlib>
#include <random>

#include "storage/migrator.h"

namespace securebase::testing {
namespace {

std::string RandomSuffix() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  return std::to_string(rng());
}

std::string PostgresUrl() {
  const char* url = std::getenv("SB_TEST_POSTGRES_URL");  // NOLINT(concurrency-mt-unsafe)
  if (!url || !*url) {
    ADD_FAILURE() << "SB_TEST_POSTGRES_URL is not set. Run the suite with `make test`, which "
                     "starts a throwaway PostgreSQL (scripts/test-postgres start).";
    return {};
  }
  return url;
}

}  // namespace

const char* BackendName(TestBackend b) {
  return b == TestBackend::kSqlite ? "SQLite" : "PostgreSQL";
}

TestDatabase::TestDatabase(TestBackend backend, bool migrate) : backend_(backend) {
  if (backend == TestBackend::kSqlite) {
    dir_ = std::filesystem::temp_directory_path() / ("sb-test-" + RandomSuffix());
    std::filesystem::create_directories(dir_);
    url_ = *storage::ParseDatabaseUrl("sqlite://" + (dir_ / "test.db").string());
  } else {
    const std::string base = PostgresUrl();
    if (base.empty()) throw std::runtime_error("no PostgreSQL for this test");
    schema_ = "t" + RandomSuffix();
    {
      soci::session admin(soci::postgresql, storage::ParseDatabaseUrl(base)->target);
      admin << "CREATE SCHEMA " + schema_;
    }
    // Every connection of this test's pool works inside its own schema.
    const char* sep = base.find('?') == std::string::npos ? "?" : "&";
    url_ = *storage::ParseDatabaseUrl(base + sep + "options=-csearch_path%3D" + schema_);
  }
  auto opened = storage::Database::Open(url_, 8);
  if (!opened) throw std::runtime_error(opened.error().message);
  db_ = std::move(*opened);
  if (migrate) {
    SystemClock clock;
    auto migrations = storage::SelectMigrations(storage::EmbeddedMigrations(), url_.backend);
    if (!migrations) throw std::runtime_error(migrations.error().message);
    auto report = storage::Migrate(*db_, *migrations, clock);
    if (!report) throw std::runtime_error(report.error().message);
  }
}

TestDatabase::~TestDatabase() {
  db_.reset();
  if (backend_ == TestBackend::kSqlite) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  } else if (!schema_.empty()) {
    try {
      soci::session admin(soci::postgresql, storage::ParseDatabaseUrl(PostgresUrl())->target);
      admin << "DROP SCHEMA " + schema_ + " CASCADE";
    } catch (const std::exception& e) {
      ADD_FAILURE() << "could not drop test schema: " << e.what();
    }
  }
}

std::unique_ptr<storage::Database> TestDatabase::OpenAnother(std::size_t pool_size) const {
  auto opened = storage::Database::Open(url_, pool_size);
  if (!opened) throw std::runtime_error(opened.error().message);
  return std::move(*opened);
}

}  // namespace securebase::testing
