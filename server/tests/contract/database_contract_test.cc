// Database and Migrator behaviour that must hold on SQLite and PostgreSQL
// alike: transactions, error translation, and append-only migrations.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <atomic>
#include <latch>
#include <string>
#include <thread>

#include "storage/migrator.h"
#include "support/test_database.h"

namespace securebase {
namespace {

using testing::TestBackend;
using testing::TestDatabase;

class DatabaseContract : public ::testing::TestWithParam<TestBackend> {};

std::string Name(const ::testing::TestParamInfo<TestBackend>& info) {
  return testing::BackendName(info.param);
}

Status CreateScratchTable(storage::Database& db) {
  return db.Write("test.create", [](soci::session& sql) -> Status {
    sql << "CREATE TABLE scratch (id INTEGER PRIMARY KEY, note TEXT NOT NULL)";
    return {};
  });
}

int CountScratch(storage::Database& db) {
  auto n = db.Read("test.count", [](soci::session& sql) -> Result<int> {
    int count = -1;
    sql << "SELECT COUNT(*) FROM scratch", soci::into(count);
    return count;
  });
  return n ? *n : -1;
}

TEST_P(DatabaseContract, PingAnswers) {
  TestDatabase t(GetParam());
  EXPECT_TRUE(t.db().Ping());
}

TEST_P(DatabaseContract, WriteCommitsOnSuccess) {
  TestDatabase t(GetParam());
  ASSERT_TRUE(CreateScratchTable(t.db()));
  ASSERT_TRUE(t.db().Write("test.insert", [](soci::session& sql) -> Status {
    sql << "INSERT INTO scratch (id, note) VALUES (1, 'kept')";
    return {};
  }));
  EXPECT_EQ(CountScratch(t.db()), 1);
}

TEST_P(DatabaseContract, WriteRollsBackWhenTheFunctionFails) {
  TestDatabase t(GetParam());
  ASSERT_TRUE(CreateScratchTable(t.db()));
  const Status failed = t.db().Write("test.insert", [](soci::session& sql) -> Status {
    sql << "INSERT INTO scratch (id, note) VALUES (1, 'dropped')";
    return InvalidArgument("changed my mind");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().message, "changed my mind");
  EXPECT_EQ(CountScratch(t.db()), 0);
}

TEST_P(DatabaseContract, WriteRollsBackWhenTheFunctionThrows) {
  TestDatabase t(GetParam());
  ASSERT_TRUE(CreateScratchTable(t.db()));
  const Status failed = t.db().Write("test.insert", [](soci::session& sql) -> Status {
    sql << "INSERT INTO scratch (id, note) VALUES (1, 'dropped')";
    sql << "INSERT INTO no_such_table (x) VALUES (1)";
    return {};
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kInternal);
  EXPECT_EQ(CountScratch(t.db()), 0);
  // The pooled session is still usable afterwards.
  EXPECT_TRUE(t.db().Ping());
}

TEST_P(DatabaseContract, UniqueViolationIsAConflict) {
  TestDatabase t(GetParam());
  ASSERT_TRUE(CreateScratchTable(t.db()));
  const auto insert = [&] {
    return t.db().Write("test.insert", [](soci::session& sql) -> Status {
      sql << "INSERT INTO scratch (id, note) VALUES (7, 'x')";
      return {};
    });
  };
  ASSERT_TRUE(insert());
  const Status again = insert();
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(again.error().message, "That already exists.");
  EXPECT_EQ(CountScratch(t.db()), 1);
}

// Found in review: a row naming a missing row was kConflict on SQLite and
// kInternal on PostgreSQL. A session for an account that is not there (or
// was deleted a moment ago) is a conflict on both.
TEST_P(DatabaseContract, AForeignKeyViolationIsAConflict) {
  TestDatabase t(GetParam());
  const Status orphan = t.db().Write("test.orphan_session", [](soci::session& sql) -> Status {
    sql << "INSERT INTO sessions (id, user_id, two_factor, created_at, last_seen_at, "
           "idle_expires_at, absolute_expires_at) "
           "VALUES ('s1', 'no-such-user', 'not-required', 1, 1, 2, 2)";
    return {};
  });
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, ErrorCode::kConflict);
  EXPECT_EQ(orphan.error().message, "That refers to something that no longer exists.");
  auto rows = t.db().Read("test.count", [](soci::session& sql) -> Result<int> {
    int n = -1;
    sql << "SELECT COUNT(*) FROM sessions", soci::into(n);
    return n;
  });
  EXPECT_EQ(rows, 0);
}

// A value outside a CHECK or a missing NOT NULL value is a bug in the
// server, not something the person could resolve: kInternal on both.
TEST_P(DatabaseContract, ABrokenCheckOrNotNullRuleIsInternal) {
  TestDatabase t(GetParam());
  ASSERT_TRUE(CreateScratchTable(t.db()));
  ASSERT_TRUE(t.db().Write("test.create_checked", [](soci::session& sql) -> Status {
    sql << "CREATE TABLE checked (id INTEGER PRIMARY KEY, kind TEXT CHECK (kind IN ('a')))";
    return {};
  }));
  const Status check = t.db().Write("test.check", [](soci::session& sql) -> Status {
    sql << "INSERT INTO checked (id, kind) VALUES (1, 'b')";
    return {};
  });
  ASSERT_FALSE(check);
  EXPECT_EQ(check.error().code, ErrorCode::kInternal);
  const Status not_null = t.db().Write("test.not_null", [](soci::session& sql) -> Status {
    sql << "INSERT INTO scratch (id, note) VALUES (1, NULL)";
    return {};
  });
  ASSERT_FALSE(not_null);
  EXPECT_EQ(not_null.error().code, ErrorCode::kInternal);
}

TEST_P(DatabaseContract, MigrationsApplyOnceAndRecordTheirVersion) {
  TestDatabase t(GetParam(), /*migrate=*/false);
  FakeClock clock(Instant{1'700'000'000'000});
  const std::vector<storage::MigrationFile> files = {
      {"0001_first.sql", "CREATE TABLE first_table (id INTEGER PRIMARY KEY);\n"},
      {"0002_second.sql",
       "-- two statements in one file\nCREATE TABLE second_table (id INTEGER);\n"
       "INSERT INTO second_table (id) VALUES (42);\n"},
  };
  auto migrations = storage::SelectMigrations(files, t.db().backend());
  ASSERT_TRUE(migrations) << migrations.error().message;
  auto first = storage::Migrate(t.db(), *migrations, clock);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->from_version, 0);
  EXPECT_EQ(first->to_version, 2);
  EXPECT_EQ(first->applied.size(), 2u);
  auto second = storage::Migrate(t.db(), *migrations, clock);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_TRUE(second->applied.empty());
  EXPECT_EQ(storage::SchemaVersion(t.db()), 2);
  auto value = t.db().Read("test.read", [](soci::session& sql) -> Result<int> {
    int v = 0;
    sql << "SELECT id FROM second_table", soci::into(v);
    return v;
  });
  EXPECT_EQ(value, 42);
}

TEST_P(DatabaseContract, AChangedMigrationStopsStartUp) {
  TestDatabase t(GetParam(), /*migrate=*/false);
  FakeClock clock(Instant{1});
  std::vector<storage::MigrationFile> files = {
      {"0001_first.sql", "CREATE TABLE a (id INTEGER);\n"}};
  ASSERT_TRUE(storage::Migrate(t.db(), *storage::SelectMigrations(files, t.db().backend()), clock));
  files[0].sql = "CREATE TABLE a (id INTEGER, extra TEXT);\n";
  const auto changed =
      storage::Migrate(t.db(), *storage::SelectMigrations(files, t.db().backend()), clock);
  ASSERT_FALSE(changed);
  EXPECT_NE(changed.error().message.find("append-only"), std::string::npos)
      << changed.error().message;
}

TEST_P(DatabaseContract, ADatabaseNewerThanTheBinaryIsRefused) {
  TestDatabase t(GetParam(), /*migrate=*/false);
  FakeClock clock(Instant{1});
  const std::vector<storage::MigrationFile> two = {
      {"0001_a.sql", "CREATE TABLE a (id INTEGER);\n"},
      {"0002_b.sql", "CREATE TABLE b (id INTEGER);\n"}};
  ASSERT_TRUE(storage::Migrate(t.db(), *storage::SelectMigrations(two, t.db().backend()), clock));
  const std::vector<storage::MigrationFile> one = {two[0]};
  const auto older =
      storage::Migrate(t.db(), *storage::SelectMigrations(one, t.db().backend()), clock);
  ASSERT_FALSE(older);
  EXPECT_NE(older.error().message.find("newer securebase"), std::string::npos);
}

TEST_P(DatabaseContract, AFailingMigrationLeavesNoTrace) {
  TestDatabase t(GetParam(), /*migrate=*/false);
  FakeClock clock(Instant{1});
  const std::vector<storage::MigrationFile> files = {
      {"0001_ok.sql", "CREATE TABLE ok_table (id INTEGER);\n"},
      {"0002_broken.sql", "CREATE TABLE half (id INTEGER);\nTHIS IS NOT SQL;\n"}};
  const auto result =
      storage::Migrate(t.db(), *storage::SelectMigrations(files, t.db().backend()), clock);
  ASSERT_FALSE(result);
  EXPECT_EQ(storage::SchemaVersion(t.db()), 1);
  // The broken migration's first statement was rolled back with it.
  const auto half = t.db().Read("test.half", [](soci::session& sql) -> Status {
    int n = 0;
    sql << "SELECT COUNT(*) FROM half", soci::into(n);
    return {};
  });
  EXPECT_FALSE(half);
}

TEST_P(DatabaseContract, TheShippedMigrationsApply) {
  TestDatabase t(GetParam());  // migrates with the embedded files
  auto migrations = storage::SelectMigrations(storage::EmbeddedMigrations(), t.db().backend());
  ASSERT_TRUE(migrations);
  EXPECT_EQ(storage::SchemaVersion(t.db()), migrations->back().version);
}

// Found in review: SOCI appends bound values to what(), so a failing query
// could write an email into the log. Database errors are logged without them.
TEST_P(DatabaseContract, AFailingQueryNeverLogsItsValues) {
  TestDatabase t(GetParam());
  ASSERT_TRUE(CreateScratchTable(t.db()));
  const std::string secret = "someone.private@example.org";
  ::testing::internal::CaptureStderr();
  const Status failed = t.db().Write("test.leak", [&](soci::session& sql) -> Status {
    sql << "INSERT INTO no_such_table (note) VALUES (:v)", soci::use(secret);
    return {};
  });
  const Status typed = t.db().Write("test.leak2", [&](soci::session& sql) -> Status {
    int n = 0;
    sql << "SELECT id FROM scratch WHERE note = :v", soci::use(secret), soci::into(n);
    sql << "SELECT note FROM scratch WHERE id = :v AND note = :w", soci::use(n), soci::use(secret),
        soci::into(n);  // a text column into an int: a conversion error
    return {};
  });
  const std::string logged = ::testing::internal::GetCapturedStderr();
  EXPECT_FALSE(failed);
  EXPECT_EQ(logged.find(secret), std::string::npos) << logged;
  EXPECT_NE(logged.find("test.leak"), std::string::npos) << "the failure itself is logged";
  (void)typed;
}

TEST_P(DatabaseContract, AWriteThatFailsForAnyOtherReasonRunsOnce) {
  TestDatabase t(GetParam());
  ASSERT_TRUE(CreateScratchTable(t.db()));
  int runs = 0;
  const auto insert = [&](soci::session& sql) -> Status {
    ++runs;
    sql << "INSERT INTO scratch (id, note) VALUES (1, 'once')";
    return {};
  };
  ASSERT_TRUE(t.db().Write("test.insert", insert));
  EXPECT_EQ(runs, 1);
  const Status again = t.db().Write("test.insert", insert);  // the same id: a conflict
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(runs, 2);
}

// A full disk: the write is refused as "storage-full" (503 to the client, an
// error log line for the operator), what was committed before is kept, and
// once there is room again the next write succeeds. SQLite hears it from its
// page limit, a stand-in for the disk's edge; PostgreSQL from disk_full
// (53100), raised here because a real one needs a full file system
// (tests/api/disk-full.sqlite.test.ts fills a real one).
TEST_P(DatabaseContract, AFullDiskIsStorageFullAndKeepsWhatWasCommitted) {
  TestDatabase t(GetParam());
  ASSERT_TRUE(CreateScratchTable(t.db()));
  ASSERT_TRUE(t.db().Write("test.insert", [](soci::session& sql) -> Status {
    sql << "INSERT INTO scratch (id, note) VALUES (1, 'kept')";
    return {};
  }));
  const bool sqlite = t.db().backend() == storage::Backend::kSqlite;
  ::testing::internal::CaptureStderr();
  const Status full = t.db().Write("test.fill", [&](soci::session& sql) -> Status {
    if (sqlite) {
      int pages = 0;
      sql << "PRAGMA page_count", soci::into(pages);
      sql << "PRAGMA max_page_count = " + std::to_string(pages);
      sql << "INSERT INTO scratch (id, note) VALUES (2, 'not kept')";
      sql << "INSERT INTO scratch (id, note) SELECT 3, printf('%.100000c', 'x')";
    } else {
      sql << "INSERT INTO scratch (id, note) VALUES (2, 'not kept')";
      sql << "DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'disk_full'; END $$";
    }
    return {};
  });
  const std::string logged = ::testing::internal::GetCapturedStderr();
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(full.error().type, "storage-full");
  EXPECT_NE(logged.find("db_disk_full"), std::string::npos) << logged;
  EXPECT_EQ(CountScratch(t.db()), 1);
  // Room again (on SQLite: the limit lifted on whichever session this is).
  ASSERT_TRUE(t.db().Write("test.insert", [&](soci::session& sql) -> Status {
    if (sqlite) sql << "PRAGMA max_page_count = 1073741823";
    sql << "INSERT INTO scratch (id, note) VALUES (2, 'kept too')";
    return {};
  }));
  EXPECT_EQ(CountScratch(t.db()), 2);
}

INSTANTIATE_TEST_SUITE_P(AllBackends, DatabaseContract,
                         ::testing::Values(TestBackend::kSqlite, TestBackend::kPostgresql), Name);

// SQLite-only: the durability and integrity settings are really applied on
// every pooled connection.
TEST(SqliteDatabase, EveryConnectionHasTheRequiredPragmas) {
  TestDatabase t(TestBackend::kSqlite);
  for (int i = 0; i < 8; ++i) {
    auto pragmas = t.db().Read("test.pragmas", [](soci::session& sql) -> Result<std::string> {
      std::string mode;
      int sync = -1, fk = -1, busy = -1;
      sql << "PRAGMA journal_mode", soci::into(mode);
      sql << "PRAGMA synchronous", soci::into(sync);
      sql << "PRAGMA foreign_keys", soci::into(fk);
      sql << "PRAGMA busy_timeout", soci::into(busy);
      return mode + "/" + std::to_string(sync) + "/" + std::to_string(fk) + "/" +
             std::to_string(busy);
    });
    ASSERT_TRUE(pragmas);
    EXPECT_EQ(*pragmas, "wal/2/1/5000");
  }
}

// PostgreSQL only: a write that loses a race (PostgreSQL rolls it back with a
// deadlock or serialization failure) is run again by Database::Write, in a
// new transaction, and succeeds; one that keeps losing gives up after five
// runs with "transaction-conflict".
Status CreateTwoRows(storage::Database& db) {
  return db.Write("test.rows", [](soci::session& sql) -> Status {
    sql << "CREATE TABLE scratch (id INTEGER PRIMARY KEY, note TEXT NOT NULL)";
    sql << "INSERT INTO scratch (id, note) VALUES (1, 'one'), (2, 'two')";
    return {};
  });
}

TEST(DatabasePostgresql, AWriteThatLostARaceRunsAgainAndSucceeds) {
  TestDatabase t(TestBackend::kPostgresql);
  ASSERT_TRUE(CreateTwoRows(t.db()));
  auto other = t.OpenAnother(2);
  // Each takes one row, waits until the other holds its own, then asks for
  // the other's: a real deadlock, which PostgreSQL breaks by rolling one
  // back (40P01). Only the first runs wait for each other.
  std::latch both_hold(2);
  std::atomic<int> runs_a{0}, runs_b{0};
  const auto crossed = [&](storage::Database& db, int mine, int theirs, std::atomic<int>& runs) {
    return db.Write("test.crossed", [&](soci::session& sql) -> Status {
      const int run = ++runs;
      sql << "UPDATE scratch SET note = note || '+' WHERE id = :id", soci::use(mine);
      if (run == 1) both_hold.arrive_and_wait();
      sql << "UPDATE scratch SET note = note || '+' WHERE id = :id", soci::use(theirs);
      return {};
    });
  };
  Status a, b;
  std::thread ta([&] { a = crossed(t.db(), 1, 2, runs_a); });
  std::thread tb([&] { b = crossed(*other, 2, 1, runs_b); });
  ta.join();
  tb.join();
  EXPECT_TRUE(a) << a.error().message;
  EXPECT_TRUE(b) << b.error().message;
  // One of them lost the race and ran again; both changes are there.
  EXPECT_EQ(runs_a + runs_b, 3);
  auto notes = t.db().Read("test.notes", [](soci::session& sql) -> Result<std::string> {
    std::string one, two;
    sql << "SELECT note FROM scratch WHERE id = 1", soci::into(one);
    sql << "SELECT note FROM scratch WHERE id = 2", soci::into(two);
    return one + "," + two;
  });
  ASSERT_TRUE(notes);
  EXPECT_EQ(*notes, "one++,two++");
}

TEST(DatabasePostgresql, AWriteThatKeepsLosingGivesUpAfterFiveRuns) {
  TestDatabase t(TestBackend::kPostgresql);
  int runs = 0;
  const Status lost = t.db().Write("test.always_loses", [&](soci::session& sql) -> Status {
    ++runs;
    sql << "DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'serialization_failure'; END $$";
    return {};
  });
  ASSERT_FALSE(lost);
  EXPECT_EQ(lost.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(lost.error().type, "transaction-conflict");
  EXPECT_EQ(runs, 5);
  // A read is never run again.
  runs = 0;
  const Status read = t.db().Read("test.read_loses", [&](soci::session& sql) -> Status {
    ++runs;
    sql << "DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = 'serialization_failure'; END $$";
    return {};
  });
  ASSERT_FALSE(read);
  EXPECT_EQ(runs, 1);
}

}  // namespace
}  // namespace securebase
