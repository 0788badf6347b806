#include "storage/sql_note_repository.h"

#include <soci/soci.h>

#include <optional>
#include <string>

#include "common/hex.h"

namespace securebase::storage {

using domain::SealedSessionNote;

namespace {

constexpr const char* kColumns =
    "SELECT id, author_id, client_id, booking_id, written_at, updated_at, sealed_text "
    "FROM session_notes ";

// One session_notes row, read by a prepared statement into these fields.
struct Row {
  std::string id, author_id, client_id, booking_id, sealed_hex;
  soci::indicator booking_ind = soci::i_null;
  long long written = 0, updated = 0;

  SealedSessionNote Take() {
    SealedSessionNote out;
    out.id = std::move(id);
    out.author_id = std::move(author_id);
    out.client_id = std::move(client_id);
    if (booking_ind == soci::i_ok) out.booking_id = std::move(booking_id);
    // A NULL leaves the buffer as the previous row had it: reset for the next.
    booking_ind = soci::i_null;
    out.written_at = Instant{written};
    out.updated_at = Instant{updated};
    // A damaged column that is not hex reads as no text at all (which does
    // not open), so that one bad row never hides the rest.
    out.sealed_text = FromHex(sealed_hex).value_or(std::string());
    return out;
  }
};

template <class Bind>
std::vector<SealedSessionNote> Query(soci::session& sql, const std::string& where, Bind bind) {
  Row row;
  soci::statement st(sql);
  st.alloc();
  st.prepare(std::string(kColumns) + where);
  bind(st);
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(row.author_id));
  st.exchange(soci::into(row.client_id));
  st.exchange(soci::into(row.booking_id, row.booking_ind));
  st.exchange(soci::into(row.written));
  st.exchange(soci::into(row.updated));
  st.exchange(soci::into(row.sealed_hex));
  st.define_and_bind();
  std::vector<SealedSessionNote> out;
  st.execute();
  while (st.fetch()) out.push_back(row.Take());
  return out;
}

}  // namespace

Status SqlNoteRepository::Insert(const SealedSessionNote& n) {
  return db_.Write("session_notes.insert", [&](soci::session& sql) -> Status {
    const std::string booking = n.booking_id.value_or(std::string());
    soci::indicator booking_ind = n.booking_id ? soci::i_ok : soci::i_null;
    const std::string sealed = ToHex(n.sealed_text);
    const long long written = n.written_at.millis, updated = n.updated_at.millis;
    sql << "INSERT INTO session_notes (id, author_id, client_id, booking_id, written_at, "
           "updated_at, sealed_text) VALUES (:id, :author, :client, :booking, :written, "
           ":updated, :sealed)",
        soci::use(n.id), soci::use(n.author_id), soci::use(n.client_id),
        soci::use(booking, booking_ind), soci::use(written), soci::use(updated), soci::use(sealed);
    return {};
  });
}

Result<std::optional<SealedSessionNote>> SqlNoteRepository::Find(std::string_view author_id,
                                                                 std::string_view id) {
  return db_.Read(
      "session_notes.find", [&](soci::session& sql) -> Result<std::optional<SealedSessionNote>> {
        const std::string author(author_id), note(id);
        auto found = Query(sql, "WHERE author_id = :author AND id = :id", [&](soci::statement& st) {
          st.exchange(soci::use(author));
          st.exchange(soci::use(note));
        });
        if (found.empty()) return std::nullopt;
        return std::move(found.front());
      });
}

Result<bool> SqlNoteRepository::UpdateText(std::string_view author_id, std::string_view id,
                                           const std::string& sealed_text, Instant updated_at) {
  return db_.Write("session_notes.update", [&](soci::session& sql) -> Result<bool> {
    const std::string author(author_id), note(id), sealed = ToHex(sealed_text);
    const long long updated = updated_at.millis;
    soci::statement st =
        (sql.prepare << "UPDATE session_notes SET sealed_text = :sealed, "
                        "updated_at = :updated WHERE author_id = :author AND "
                        "id = :id",
         soci::use(sealed), soci::use(updated), soci::use(author), soci::use(note));
    st.execute(true);
    return st.get_affected_rows() > 0;
  });
}

Result<bool> SqlNoteRepository::Delete(std::string_view author_id, std::string_view id) {
  return db_.Write("session_notes.delete", [&](soci::session& sql) -> Result<bool> {
    const std::string author(author_id), note(id);
    soci::statement st = (sql.prepare << "DELETE FROM session_notes WHERE author_id = :author AND "
                                         "id = :id",
                          soci::use(author), soci::use(note));
    st.execute(true);
    return st.get_affected_rows() > 0;
  });
}

Result<std::vector<SealedSessionNote>> SqlNoteRepository::About(std::string_view author_id,
                                                                std::string_view client_id) {
  return db_.Read("session_notes.about",
                  [&](soci::session& sql) -> Result<std::vector<SealedSessionNote>> {
                    const std::string author(author_id), client(client_id);
                    return Query(sql,
                                 "WHERE author_id = :author AND client_id = :client "
                                 "ORDER BY written_at DESC, id DESC",
                                 [&](soci::statement& st) {
                                   st.exchange(soci::use(author));
                                   st.exchange(soci::use(client));
                                 });
                  });
}

Result<std::vector<SealedSessionNote>> SqlNoteRepository::UnchangedSince(Instant before,
                                                                         std::size_t limit) {
  return db_.Read("session_notes.unchanged_since",
                  [&](soci::session& sql) -> Result<std::vector<SealedSessionNote>> {
                    const long long t = before.millis;
                    const long long n = static_cast<long long>(limit);
                    return Query(sql, "WHERE updated_at < :t ORDER BY updated_at, id LIMIT :n",
                                 [&](soci::statement& st) {
                                   st.exchange(soci::use(t));
                                   st.exchange(soci::use(n));
                                 });
                  });
}

Result<bool> SqlNoteRepository::DeleteIfUnchangedSince(std::string_view id, Instant before) {
  return db_.Write("session_notes.delete_expired", [&](soci::session& sql) -> Result<bool> {
    const std::string note(id);
    const long long t = before.millis;
    soci::statement st =
        (sql.prepare << "DELETE FROM session_notes WHERE id = :id AND updated_at < :t",
         soci::use(note), soci::use(t));
    st.execute(true);
    return st.get_affected_rows() > 0;
  });
}

}  // namespace securebase::storage
