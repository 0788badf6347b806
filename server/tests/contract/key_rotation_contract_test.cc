// Key rotation (app/key_rotation.h) on SQLite and PostgreSQL: every sealed
// table is re-sealed with the new key, an interrupted run resumes without
// making another key, an edit made meanwhile is never overwritten, and a
// value no key opens is reported and left exactly as it was.
//
// Rows are written with plain SQL and sealed with the same associated-data
// functions the services use (domain/*/..._sealing.h), so the journal's
// table is covered without its repository.
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/key_rotation.h"
#include "common/hex.h"
#include "common/random.h"
#include "common/secret_box.h"
#include "domain/accounts/two_factor_sealing.h"
#include "domain/course/prompt_answer_sealing.h"
#include "domain/journal/journal_sealing.h"
#include "domain/notes/note_sealing.h"
#include "domain/scheduling/booking_sealing.h"
#include "storage/sealed_tables.h"
#include "storage/sql_sealed_values.h"
#include "storage/sql_user_repository.h"
#include "support/sample_user.h"
#include "support/test_database.h"

namespace securebase {
namespace {

namespace fs = std::filesystem;
using app::CountKeyUse;
using app::KeyUseCounts;
using app::ResealAll;
using app::ResealOptions;
using app::RotateKeys;
using app::RotateOptions;
using testing::TestBackend;

constexpr long long kT0 = 1'800'000'000'000;

// One sealed value as the test wrote it: where it is and what it says.
struct Seeded {
  std::string table;
  std::vector<std::string> key;
  std::string text;
};

class KeyRotationContract : public ::testing::TestWithParam<TestBackend> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitRandom());
    db_ = std::make_unique<testing::TestDatabase>(GetParam());
    users_ = std::make_unique<storage::SqlUserRepository>(db_->db());
    values_ = std::make_unique<storage::SqlSealedValues>(db_->db());
    std::string pattern = (fs::temp_directory_path() / "sb-keys-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    auto box = SecretBox::LoadOrCreate(Files());
    ASSERT_TRUE(box) << box.error().message;
    box_ = std::make_unique<SecretBox>(*box);
    key_a_ = box_->CurrentKeyId();
  }

  void TearDown() override {
    values_.reset();
    users_.reset();
    db_.reset();
    fs::remove_all(dir_);
  }

  SecretBox::KeyFiles Files() const { return {dir_ / "secret.key", dir_ / "retired", {}}; }

  std::string NewUser() {
    domain::User u = testing::SampleUser(domain::Role::kLearner, Instant{kT0});
    EXPECT_TRUE(users_->Create(u));
    return u.id;
  }

  std::string SealHex(std::string_view text, const std::string& ad) {
    auto sealed = box_->Seal(text, ad);
    EXPECT_TRUE(sealed);
    return ToHex(*sealed);
  }

  void Exec(const std::string& what, const std::function<void(soci::session&)>& fn) {
    auto ok = db_->db().Write("test." + what, [&](soci::session& sql) -> Status {
      fn(sql);
      return {};
    });
    ASSERT_TRUE(ok) << ok.error().message;
  }

  // Writes rows straight into a table, holding `hex` in the sealed column.
  void PutTwoFactor(const std::string& user, const std::string& hex) {
    Exec("two_factor", [&](soci::session& sql) {
      sql << "INSERT INTO two_factor (user_id, sealed_secret, confirmed_at, last_used_step, "
             "created_at) VALUES (:u, :s, NULL, 0, :t)",
          soci::use(user), soci::use(hex), soci::use(kT0);
    });
  }
  void PutAnswer(const std::string& user, const std::string& lesson, const std::string& prompt,
                 const std::string& hex) {
    Exec("answer", [&](soci::session& sql) {
      sql << "INSERT INTO prompt_answers (user_id, lesson_id, prompt_id, sealed_text, "
             "updated_at) VALUES (:u, :l, :p, :s, :t)",
          soci::use(user), soci::use(lesson), soci::use(prompt), soci::use(hex), soci::use(kT0);
    });
  }
  void PutJournal(const std::string& user, const std::string& id, const std::string& hex) {
    Exec("journal", [&](soci::session& sql) {
      sql << "INSERT INTO journal_entries (user_id, id, kind, occurred_at, created_at, "
             "updated_at, sealed_body) VALUES (:u, :i, 'reflection', :t, :t2, :t3, :s)",
          soci::use(user), soci::use(id), soci::use(kT0), soci::use(kT0), soci::use(kT0),
          soci::use(hex);
    });
  }

  void PutBooking(const std::string& id, const std::string& client, const std::string& hex,
                  long long start) {
    Exec("booking", [&](soci::session& sql) {
      const long long end = start + 3'000'000;
      sql << "INSERT INTO bookings (id, client_id, session_type_id, starts_at, ends_at, "
             "blocked_from, blocked_until, status, time_zone, country, region, video_url, "
             "sequence, late_cancel, request_fingerprint, sealed_intake, created_at, updated_at) "
             "VALUES (:i, :c, 'st_1', :s, :e, :s2, :e2, 'confirmed', 'Europe/London', 'GB', '', "
             "'', 0, 0, 'f', :h, :t, :t2)",
          soci::use(id), soci::use(client), soci::use(start), soci::use(end), soci::use(start),
          soci::use(end), soci::use(hex), soci::use(kT0), soci::use(kT0);
    });
  }

  void PutNote(const std::string& id, const std::string& author, const std::string& client,
               const std::string& hex) {
    Exec("note", [&](soci::session& sql) {
      sql << "INSERT INTO session_notes (id, author_id, client_id, booking_id, written_at, "
             "updated_at, sealed_text) VALUES (:i, :a, :c, NULL, :t, :t2, :s)",
          soci::use(id), soci::use(author), soci::use(client), soci::use(kT0), soci::use(kT0),
          soci::use(hex);
    });
  }

  // Seals `text` for the row with the current key and writes it.
  Seeded Seed(const std::string& table, const std::vector<std::string>& key,
              const std::string& text) {
    if (table == "two_factor") {
      PutTwoFactor(key[0], SealHex(text, domain::TwoFactorSecretAd(key[0])));
    } else if (table == "prompt_answers") {
      PutAnswer(key[0], key[1], key[2],
                SealHex(text, domain::PromptAnswerAd(key[1], key[2], key[0])));
    } else if (table == "bookings") {
      PutBooking(key[0], key[1], SealHex(text, domain::BookingIntakeAd(key[0], key[1])),
                 kT0 + 3'600'000LL * static_cast<long long>(++bookings_));
    } else if (table == "session_notes") {
      PutNote(key[0], key[1], key[2], SealHex(text, domain::SessionNoteAd(key[0], key[1], key[2])));
    } else {
      PutJournal(key[0], key[1], SealHex(text, domain::JournalBodyAd(key[1], key[0])));
    }
    return {table, key, text};
  }

  // Two learners with a second factor, three answers, two journal entries,
  // a booking and a practitioner's note each: enough rows that small
  // batches cross pages and users.
  std::vector<Seeded> SeedEveryTable() {
    std::vector<Seeded> out;
    const std::string practitioner = NewUser();
    for (int u = 0; u < 2; ++u) {
      const std::string user = NewUser();
      out.push_back(Seed("two_factor", {user}, "totp secret " + std::to_string(u)));
      for (const char* prompt : {"p-1", "p-2"}) {
        out.push_back(Seed("prompt_answers", {user, "hello", prompt},
                           "answer " + std::to_string(u) + prompt));
      }
      out.push_back(Seed("prompt_answers", {user, "a-breath", "p-1"}, "breath " + user));
      for (const char* id :
           {"0f6e8a52-0000-4000-8000-000000000001", "0f6e8a52-0000-4000-8000-000000000002"}) {
        out.push_back(Seed("journal_entries", {user, id}, "entry " + std::to_string(u) + " " + id));
      }
      out.push_back(Seed("bookings", {"bk_" + user, user}, "intake " + std::to_string(u)));
      out.push_back(
          Seed("session_notes", {"nt_" + user, practitioner, user}, "note " + std::to_string(u)));
    }
    return out;
  }

  const storage::SealedTable& Table(const std::string& name) {
    for (const auto& t : storage::SealedTables()) {
      if (t.table == name) return t;
    }
    ADD_FAILURE() << "no sealed table " << name;
    return storage::SealedTables().front();
  }

  // The hex stored for one row now ("" if the row is gone).
  std::string StoredHex(const std::string& table, const std::vector<std::string>& key) {
    auto page = values_->Page(Table(table), {}, 1000);
    EXPECT_TRUE(page);
    for (const auto& row : *page) {
      if (row.key == key) return row.sealed_hex;
    }
    return "";
  }

  // Checks every seeded value against a box holding only `key_file`: it
  // opens there, to the text seeded, and is sealed with that key.
  void ExpectAllOpenWithOnly(const fs::path& key_file, const std::vector<Seeded>& seeded) {
    auto only = SecretBox::Load({key_file, {}, {}});
    ASSERT_TRUE(only) << only.error().message;
    for (const auto& s : seeded) {
      const auto bytes = FromHex(StoredHex(s.table, s.key));
      ASSERT_TRUE(bytes) << s.table;
      EXPECT_EQ(only->UseOf(*bytes), SecretBox::KeyUse::kCurrent) << s.table;
      EXPECT_EQ(only->Open(*bytes, Table(s.table).associated_data(s.key)).value_or("(none)"),
                s.text)
          << s.table;
    }
  }

  std::map<std::string, KeyUseCounts> Counts() {
    auto counts = CountKeyUse(*values_, *box_, 2);
    EXPECT_TRUE(counts);
    std::map<std::string, KeyUseCounts> out;
    for (auto& c : *counts) out[c.table] = c;
    return out;
  }

  static int FilesIn(const fs::path& folder) {
    int n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(folder)) ++n;
    return n;
  }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<storage::SqlUserRepository> users_;
  std::unique_ptr<storage::SqlSealedValues> values_;
  fs::path dir_;
  std::unique_ptr<SecretBox> box_;
  std::uint32_t key_a_ = 0;
  int bookings_ = 0;
};

TEST_P(KeyRotationContract, EveryColumnWithSealedValuesIsInTheTableList) {
  // A sealed column missing from storage::SealedTables() would keep its
  // values on a retired key for ever. Sealed columns are named sealed_*.
  std::set<std::string> in_schema;
  auto ok = db_->db().Read("test.columns", [&](soci::session& sql) -> Status {
    std::string table, column;
    const std::string query =
        GetParam() == TestBackend::kSqlite
            ? "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p "
              "WHERE m.type = 'table' AND p.name LIKE 'sealed%'"
            : "SELECT table_name, column_name FROM information_schema.columns "
              "WHERE table_schema = current_schema() AND column_name LIKE 'sealed%'";
    soci::statement st = (sql.prepare << query, soci::into(table), soci::into(column));
    st.execute();
    while (st.fetch()) in_schema.insert(std::string(table).append(".").append(column));
    return {};
  });
  ASSERT_TRUE(ok) << ok.error().message;
  std::set<std::string> listed;
  for (const auto& t : storage::SealedTables()) {
    listed.insert(std::string(t.table) + "." + std::string(t.sealed_column));
  }
  EXPECT_EQ(in_schema, listed);
}

TEST_P(KeyRotationContract, RotatesEveryTableToANewKey) {
  const auto seeded = SeedEveryTable();
  const auto before = Counts();
  EXPECT_EQ(before.at("two_factor").current, 2u);
  EXPECT_EQ(before.at("prompt_answers").current, 6u);
  EXPECT_EQ(before.at("journal_entries").current, 4u);
  EXPECT_EQ(before.at("bookings").current, 2u);
  EXPECT_EQ(before.at("session_notes").current, 2u);

  std::vector<app::ResealCounts> progress;
  int batches = 0;
  RotateOptions options;
  options.reseal.batch = 2;
  int tables_done = 0;
  options.reseal.on_progress = [&](const app::ResealCounts& c, bool table_done) {
    (table_done ? tables_done : batches) += 1;
    progress.push_back(c);
  };
  int new_keys = 0;
  options.after_new_key = [&](const SecretBox::Rotation&) { ++new_keys; };
  auto report = RotateKeys(*values_, *box_, options);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->resumed);
  EXPECT_EQ(new_keys, 1);
  const std::uint32_t key_b = report->rotation.new_key_id;
  EXPECT_EQ(report->rotation.old_key_id, key_a_);
  EXPECT_NE(key_b, key_a_);
  EXPECT_EQ(box_->CurrentKeyId(), key_b);
  ASSERT_EQ(report->reseal.tables.size(), 5u);
  std::size_t resealed = 0;
  for (const auto& t : report->reseal.tables) {
    resealed += t.resealed;
    EXPECT_EQ(t.changed, 0u) << t.table;
    EXPECT_EQ(t.Unopenable(), 0u) << t.table;
  }
  EXPECT_EQ(resealed, seeded.size());
  EXPECT_FALSE(report->reseal.stopped_early);
  EXPECT_EQ(batches, 1 + 3 + 2 + 1 + 1);  // batches of two: 2, 6, 4, 2 and 2 rows
  EXPECT_EQ(tables_done, 5);
  EXPECT_EQ(progress.back().table, "session_notes");
  EXPECT_EQ(progress.back().resealed, 2u);

  ExpectAllOpenWithOnly(Files().current, seeded);
  for (const auto& [table, c] : Counts()) {
    EXPECT_EQ(c.retired + c.unknown + c.damaged, 0u) << table;
  }
  // Re-sealing changes the sealed column only.
  long long updated = 0;
  auto read = db_->db().Read("test.updated", [&](soci::session& sql) -> Status {
    sql << "SELECT MAX(updated_at) FROM prompt_answers", soci::into(updated);
    return {};
  });
  ASSERT_TRUE(read);
  EXPECT_EQ(updated, kT0);

  // The old key is kept, privately; the key file holds the new one.
  const fs::path kept = Files().retired_folder / (SecretBox::KeyIdText(key_a_) + ".key");
  EXPECT_EQ(report->rotation.retired_file, kept);
  struct stat st {};
  ASSERT_EQ(::stat(Files().current.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  ASSERT_EQ(::stat(kept.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  ASSERT_EQ(::stat(Files().retired_folder.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0700u);
  EXPECT_EQ(FilesIn(Files().retired_folder), 1);
  EXPECT_EQ(FilesIn(dir_), 2);  // secret.key and retired/

  // Rotating again makes a third key and moves everything to it.
  auto again = RotateKeys(*values_, *box_, options);
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->resumed);
  EXPECT_EQ(again->rotation.old_key_id, key_b);
  ExpectAllOpenWithOnly(Files().current, seeded);
  EXPECT_EQ(FilesIn(Files().retired_folder), 2);
}

TEST_P(KeyRotationContract, AnInterruptedRotationResumesWithoutAnotherKey) {
  const auto seeded = SeedEveryTable();
  RotateOptions options;
  options.reseal.batch = 2;
  options.reseal.max_batches = 1;  // "interrupted" after one batch
  auto first = RotateKeys(*values_, *box_, options);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->reseal.stopped_early);
  const std::uint32_t key_b = box_->CurrentKeyId();
  ASSERT_NE(key_b, key_a_);
  auto midway = Counts();
  std::size_t current = 0, retired = 0;
  for (const auto& [table, c] : midway) {
    current += c.current;
    retired += c.retired;
  }
  EXPECT_EQ(current, 2u);
  EXPECT_EQ(retired, seeded.size() - 2);

  // Run again, as an operator would: it resumes, makes no key.
  options.reseal.max_batches = 0;
  bool said_resuming = false;
  options.on_resume = [&](const std::vector<KeyUseCounts>&) { said_resuming = true; };
  options.after_new_key = [&](const SecretBox::Rotation&) { ADD_FAILURE() << "a new key"; };
  auto second = RotateKeys(*values_, *box_, options);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_TRUE(second->resumed);
  EXPECT_TRUE(said_resuming);
  EXPECT_EQ(second->rotation.new_key_id, 0u);
  EXPECT_EQ(box_->CurrentKeyId(), key_b);
  EXPECT_EQ(FilesIn(Files().retired_folder), 1);
  std::size_t resealed = 0;
  for (const auto& t : second->reseal.tables) resealed += t.resealed;
  EXPECT_EQ(resealed, seeded.size() - 2);
  ExpectAllOpenWithOnly(Files().current, seeded);
}

TEST_P(KeyRotationContract, AnEditMadeMeanwhileIsNeverOverwritten) {
  const std::string user = NewUser();
  for (const char* prompt : {"p-1", "p-2", "p-3"}) {
    Seed("prompt_answers", {user, "hello", prompt}, std::string("first words ") + prompt);
  }
  // The key changes; then, between reading a batch and writing it, the
  // learner edits one answer (through a server still on the old key) and
  // deletes another.
  auto rotation = SecretBox::RotateKeyFile(Files().current, Files().retired_folder);
  ASSERT_TRUE(rotation);
  auto server_box =
      SecretBox::Load({Files().retired_folder / (SecretBox::KeyIdText(key_a_) + ".key"), {}, {}});
  ASSERT_TRUE(server_box);
  ASSERT_TRUE(box_->Reload());

  ResealOptions options;
  options.batch = 3;
  int hooks = 0;
  options.before_write = [&](std::string_view table) {
    if (table != "prompt_answers" || hooks++ > 0) return;
    const std::string edited =
        ToHex(*server_box->Seal("edited words", domain::PromptAnswerAd("hello", "p-2", user)));
    Exec("edit", [&](soci::session& sql) {
      sql << "UPDATE prompt_answers SET sealed_text = :s WHERE user_id = :u AND prompt_id = 'p-2'",
          soci::use(edited), soci::use(user);
      sql << "DELETE FROM prompt_answers WHERE user_id = :u AND prompt_id = 'p-3'", soci::use(user);
    });
  };
  auto report = ResealAll(*values_, *box_, options);
  ASSERT_TRUE(report) << report.error().message;
  const auto& answers = report->tables.at(1);
  ASSERT_EQ(answers.table, "prompt_answers");
  EXPECT_EQ(answers.resealed, 1u);
  EXPECT_EQ(answers.changed, 2u);
  EXPECT_EQ(report->Changed(), 2u);

  // The edit stands (on the old key), the deleted answer stays deleted.
  const auto ad = domain::PromptAnswerAd("hello", "p-2", user);
  const auto p2 = FromHex(StoredHex("prompt_answers", {user, "hello", "p-2"}));
  ASSERT_TRUE(p2);
  EXPECT_EQ(box_->UseOf(*p2), SecretBox::KeyUse::kRetired);
  EXPECT_EQ(box_->Open(*p2, ad).value_or(""), "edited words");
  EXPECT_EQ(StoredHex("prompt_answers", {user, "hello", "p-3"}), "");
  EXPECT_EQ(Counts().at("prompt_answers").retired, 1u);

  // The next run finishes it, keeping the edited words.
  auto rest = ResealAll(*values_, *box_, {});
  ASSERT_TRUE(rest);
  ExpectAllOpenWithOnly(Files().current,
                        {{"prompt_answers", {user, "hello", "p-1"}, "first words p-1"},
                         {"prompt_answers", {user, "hello", "p-2"}, "edited words"}});
}

TEST_P(KeyRotationContract, AValueNoKeyOpensIsReportedAndLeftAsItIs) {
  const auto seeded = SeedEveryTable();
  const std::string user = NewUser();
  // Sealed with a key that is nowhere here.
  auto foreign = SecretBox::LoadOrCreate(dir_ / "foreign.key");
  ASSERT_TRUE(foreign);
  const std::string foreign_hex =
      ToHex(*foreign->Seal("foreign", domain::JournalBodyAd("e-foreign", user)));
  PutJournal(user, "e-foreign", foreign_hex);
  // Our key, but moved to another row: its associated data no longer fits.
  const std::string moved_hex = StoredHex(seeded[1].table, seeded[1].key);
  PutAnswer(user, "hello", "p-moved", moved_hex);
  // Not a sealed value at all.
  PutTwoFactor(user, "not hex at all");

  RotateOptions options;
  options.reseal.batch = 2;
  auto report = RotateKeys(*values_, *box_, options);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->resumed);
  EXPECT_EQ(report->reseal.Unopenable(), 3u);
  EXPECT_EQ(report->reseal.Damaged(), 1u);
  std::map<std::string, app::ResealCounts> by_table;
  for (const auto& t : report->reseal.tables) by_table[t.table] = t;
  EXPECT_EQ(by_table["journal_entries"].no_key, 1u);
  EXPECT_EQ(by_table["two_factor"].no_key, 1u);
  EXPECT_EQ(by_table["prompt_answers"].damaged, 1u);

  // Left byte for byte; everything else moved on.
  EXPECT_EQ(StoredHex("journal_entries", {user, "e-foreign"}), foreign_hex);
  EXPECT_EQ(StoredHex("prompt_answers", {user, "hello", "p-moved"}), moved_hex);
  EXPECT_EQ(StoredHex("two_factor", {user}), "not hex at all");
  ExpectAllOpenWithOnly(Files().current, seeded);
  const auto counts = Counts();
  EXPECT_EQ(counts.at("journal_entries").unknown, 1u);
  EXPECT_EQ(counts.at("two_factor").unknown, 1u);
  EXPECT_EQ(counts.at("prompt_answers").damaged, 1u);
  EXPECT_EQ(counts.at("prompt_answers").retired, 0u);

  // They do not hold later rotations back: the next run makes a new key.
  auto again = RotateKeys(*values_, *box_, options);
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->resumed);
  EXPECT_EQ(StoredHex("prompt_answers", {user, "hello", "p-moved"}), moved_hex);
}

std::string BackendLabel(const ::testing::TestParamInfo<TestBackend>& param) {
  return testing::BackendName(param.param);
}

INSTANTIATE_TEST_SUITE_P(Backends, KeyRotationContract,
                         ::testing::Values(TestBackend::kSqlite, TestBackend::kPostgresql),
                         BackendLabel);

}  // namespace
}  // namespace securebase
