#include "storage/sql_journal_repository.h"

#include <soci/soci.h>

#include <optional>
#include <string>

#include "common/hex.h"

namespace securebase::storage {

using domain::JournalSaveOutcome;
using domain::SavedJournalRecord;
using domain::SealedJournalEntry;

namespace {

constexpr const char* kColumns =
    "SELECT id, user_id, kind, occurred_at, created_at, updated_at, sealed_body "
    "FROM journal_entries ";
// The same row without its body (an empty one in its place).
constexpr const char* kHeaderColumns =
    "SELECT id, user_id, kind, occurred_at, created_at, updated_at, '' FROM journal_entries ";
constexpr const char* kNewestFirst = "WHERE user_id = :user ORDER BY occurred_at DESC, id DESC";

// One journal_entries row, read by a prepared statement into these fields.
struct Row {
  std::string id, user_id, kind, sealed_hex;
  long long occurred = 0, created = 0, updated = 0;

  SealedJournalEntry Take() {
    SealedJournalEntry out;
    out.id = std::move(id);
    out.user_id = std::move(user_id);
    // The table's CHECK allows only the three; were it ever otherwise, the
    // body's own kind would differ and the entry would read as unreadable.
    out.kind = domain::JournalKindFromId(kind).value_or(domain::JournalKind::kTrigger);
    out.occurred_at = Instant{occurred};
    out.created_at = Instant{created};
    out.updated_at = Instant{updated};
    // A damaged column that is not hex reads as no body at all (which does
    // not open), so that one bad row never hides the rest.
    out.sealed_body = FromHex(sealed_hex).value_or(std::string());
    return out;
  }
};

template <class Bind>
std::vector<SealedJournalEntry> Query(soci::session& sql, const std::string& where, Bind bind,
                                      const char* columns = kColumns) {
  Row row;
  soci::statement st(sql);
  st.alloc();
  st.prepare(std::string(columns) + where);
  bind(st);
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(row.user_id));
  st.exchange(soci::into(row.kind));
  st.exchange(soci::into(row.occurred));
  st.exchange(soci::into(row.created));
  st.exchange(soci::into(row.updated));
  st.exchange(soci::into(row.sealed_hex));
  st.define_and_bind();
  std::vector<SealedJournalEntry> out;
  st.execute();
  while (st.fetch()) out.push_back(row.Take());
  return out;
}

std::optional<SealedJournalEntry> FindIn(soci::session& sql, const std::string& user,
                                         const std::string& id) {
  auto found = Query(sql, "WHERE user_id = :user AND id = :id", [&](soci::statement& st) {
    st.exchange(soci::use(user));
    st.exchange(soci::use(id));
  });
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

}  // namespace

Result<SavedJournalRecord> SqlJournalRepository::SaveOnce(const SealedJournalEntry& r) {
  return db_.Write("journal_entries.save", [&](soci::session& sql) -> Result<SavedJournalRecord> {
    const std::string kind(domain::JournalKindId(r.kind));
    const std::string sealed = ToHex(r.sealed_body);
    const long long occurred = r.occurred_at.millis, updated = r.updated_at.millis;
    if (auto existing = FindIn(sql, r.user_id, r.id)) {
      if (existing->kind != r.kind) {
        return SavedJournalRecord{JournalSaveOutcome::kKindDiffers, std::move(*existing)};
      }
      sql << "UPDATE journal_entries SET occurred_at = :occurred, updated_at = :updated, "
             "sealed_body = :sealed WHERE user_id = :user AND id = :id",
          soci::use(occurred), soci::use(updated), soci::use(sealed), soci::use(r.user_id),
          soci::use(r.id);
      SealedJournalEntry stored = r;
      stored.created_at = existing->created_at;
      return SavedJournalRecord{JournalSaveOutcome::kReplaced, std::move(stored)};
    }
    const long long created = r.created_at.millis;
    sql << "INSERT INTO journal_entries (user_id, id, kind, occurred_at, created_at, updated_at, "
           "sealed_body) VALUES (:user, :id, :kind, :occurred, :created, :updated, :sealed)",
        soci::use(r.user_id), soci::use(r.id), soci::use(kind), soci::use(occurred),
        soci::use(created), soci::use(updated), soci::use(sealed);
    return SavedJournalRecord{JournalSaveOutcome::kCreated, r};
  });
}

Result<SavedJournalRecord> SqlJournalRepository::Save(const SealedJournalEntry& r) {
  auto saved = SaveOnce(r);
  if (!saved && saved.error().code == ErrorCode::kConflict) {
    // Lost a race to insert this id: the winner's row is there now, and this
    // save replaces it (or finds another kind). A missing owner is a
    // conflict too, and fails the same way again.
    saved = SaveOnce(r);
  }
  return saved;
}

Result<std::optional<SealedJournalEntry>> SqlJournalRepository::Find(std::string_view user_id,
                                                                     std::string_view id) {
  return db_.Read("journal_entries.find",
                  [&](soci::session& sql) -> Result<std::optional<SealedJournalEntry>> {
                    return FindIn(sql, std::string(user_id), std::string(id));
                  });
}

Result<bool> SqlJournalRepository::Delete(std::string_view user_id, std::string_view id) {
  return db_.Write("journal_entries.delete", [&](soci::session& sql) -> Result<bool> {
    const std::string user(user_id), entry(id);
    soci::statement st = (sql.prepare << "DELETE FROM journal_entries WHERE user_id = :user AND "
                                         "id = :id",
                          soci::use(user), soci::use(entry));
    st.execute(true);
    return st.get_affected_rows() > 0;
  });
}

Result<std::vector<SealedJournalEntry>> SqlJournalRepository::All(std::string_view user_id) {
  return db_.Read(
      "journal_entries.all", [&](soci::session& sql) -> Result<std::vector<SealedJournalEntry>> {
        const std::string user(user_id);
        return Query(sql, kNewestFirst, [&](soci::statement& st) { st.exchange(soci::use(user)); });
      });
}

Result<std::vector<SealedJournalEntry>> SqlJournalRepository::Headers(std::string_view user_id) {
  return db_.Read("journal_entries.headers",
                  [&](soci::session& sql) -> Result<std::vector<SealedJournalEntry>> {
                    const std::string user(user_id);
                    return Query(
                        sql, kNewestFirst,
                        [&](soci::statement& st) { st.exchange(soci::use(user)); }, kHeaderColumns);
                  });
}

}  // namespace securebase::storage
