#include "storage/sql_practice_session_repository.h"

#include <soci/soci.h>

#include <string>

namespace securebase::storage {

using domain::PracticeSession;
using domain::SavedPracticeSession;

namespace {

constexpr const char* kColumns =
    "SELECT id, user_id, practice_id, started_at, duration_seconds, distress_before, "
    "distress_after, recorded_at FROM practice_sessions ";
constexpr const char* kNewestFirst = " ORDER BY started_at DESC, id DESC";

// One practice_sessions row, read by a prepared statement into these fields.
struct Row {
  PracticeSession s;
  long long started = 0, recorded = 0;
  int before = 0, after = 0;
  soci::indicator before_ind = soci::i_null, after_ind = soci::i_null;

  PracticeSession Take() const {
    PracticeSession out = s;
    out.started_at = Instant{started};
    out.recorded_at = Instant{recorded};
    out.distress_before = before_ind == soci::i_ok ? std::optional<int>(before) : std::nullopt;
    out.distress_after = after_ind == soci::i_ok ? std::optional<int>(after) : std::nullopt;
    return out;
  }
};

// Prepares `where` (which binds its own parameters through `bind`) with the
// row's columns as output, and reads every row.
template <class Bind>
std::vector<PracticeSession> Query(soci::session& sql, const std::string& where, Bind bind) {
  Row row;
  soci::statement st(sql);
  st.alloc();
  st.prepare(std::string(kColumns) + where);
  bind(st);
  st.exchange(soci::into(row.s.id));
  st.exchange(soci::into(row.s.user_id));
  st.exchange(soci::into(row.s.practice_id));
  st.exchange(soci::into(row.started));
  st.exchange(soci::into(row.s.duration_seconds));
  st.exchange(soci::into(row.before, row.before_ind));
  st.exchange(soci::into(row.after, row.after_ind));
  st.exchange(soci::into(row.recorded));
  st.define_and_bind();
  std::vector<PracticeSession> out;
  st.execute();
  while (st.fetch()) out.push_back(row.Take());
  return out;
}

std::optional<PracticeSession> FindIn(soci::session& sql, const std::string& user,
                                      const std::string& id) {
  auto found = Query(sql, "WHERE user_id = :user AND id = :id", [&](soci::statement& st) {
    st.exchange(soci::use(user));
    st.exchange(soci::use(id));
  });
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

}  // namespace

Result<SavedPracticeSession> SqlPracticeSessionRepository::Save(const PracticeSession& s) {
  auto saved =
      db_.Write("practice_sessions.save", [&](soci::session& sql) -> Result<SavedPracticeSession> {
        if (auto existing = FindIn(sql, s.user_id, s.id)) {
          return SavedPracticeSession{std::move(*existing), false};
        }
        const long long started = s.started_at.millis, recorded = s.recorded_at.millis;
        int before = s.distress_before.value_or(0), after = s.distress_after.value_or(0);
        soci::indicator before_ind = s.distress_before ? soci::i_ok : soci::i_null;
        soci::indicator after_ind = s.distress_after ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO practice_sessions (user_id, id, practice_id, started_at, "
               "duration_seconds, distress_before, distress_after, recorded_at) VALUES (:user, "
               ":id, :practice, :started, :duration, :before, :after, :recorded)",
            soci::use(s.user_id), soci::use(s.id), soci::use(s.practice_id), soci::use(started),
            soci::use(s.duration_seconds), soci::use(before, before_ind),
            soci::use(after, after_ind), soci::use(recorded);
        return SavedPracticeSession{s, true};
      });
  if (!saved && saved.error().code == ErrorCode::kConflict) {
    // Lost a race with the same id: the winner's row is there now. (A
    // missing owner is a conflict too, and finds nothing here.)
    auto existing = db_.Read("practice_sessions.find",
                             [&](soci::session& sql) -> Result<std::optional<PracticeSession>> {
                               return FindIn(sql, s.user_id, s.id);
                             });
    if (existing && *existing) return SavedPracticeSession{std::move(**existing), false};
  }
  return saved;
}

Result<std::optional<PracticeSession>> SqlPracticeSessionRepository::Find(std::string_view user_id,
                                                                          std::string_view id) {
  return db_.Read("practice_sessions.find",
                  [&](soci::session& sql) -> Result<std::optional<PracticeSession>> {
                    return FindIn(sql, std::string(user_id), std::string(id));
                  });
}

Result<std::vector<PracticeSession>> SqlPracticeSessionRepository::List(
    std::string_view user_id, std::optional<Instant> before, std::size_t limit) {
  return db_.Read(
      "practice_sessions.list", [&](soci::session& sql) -> Result<std::vector<PracticeSession>> {
        const std::string user(user_id);
        const long long n = static_cast<long long>(limit);
        if (!before) {
          return Query(sql, std::string("WHERE user_id = :user") + kNewestFirst + " LIMIT :n",
                       [&](soci::statement& st) {
                         st.exchange(soci::use(user));
                         st.exchange(soci::use(n));
                       });
        }
        const long long until = before->millis;
        return Query(sql,
                     std::string("WHERE user_id = :user AND started_at < :before") + kNewestFirst +
                         " LIMIT :n",
                     [&](soci::statement& st) {
                       st.exchange(soci::use(user));
                       st.exchange(soci::use(until));
                       st.exchange(soci::use(n));
                     });
      });
}

Result<std::vector<PracticeSession>> SqlPracticeSessionRepository::All(std::string_view user_id) {
  return db_.Read("practice_sessions.all",
                  [&](soci::session& sql) -> Result<std::vector<PracticeSession>> {
                    const std::string user(user_id);
                    return Query(sql, std::string("WHERE user_id = :user") + kNewestFirst,
                                 [&](soci::statement& st) { st.exchange(soci::use(user)); });
                  });
}

}  // namespace securebase::storage
