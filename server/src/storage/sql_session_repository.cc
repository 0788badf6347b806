#include "storage/sql_session_repository.h"

#include <soci/soci.h>

#include <string>

namespace securebase::storage {

using domain::Session;
using domain::TwoFactorState;

Status SqlSessionRepository::Create(const Session& session) {
  return db_.Write("sessions.create", [&](soci::session& sql) -> Status {
    const std::string two_factor = domain::TwoFactorStateName(session.two_factor);
    const long long created = session.created_at.millis;
    const long long seen = session.last_seen_at.millis;
    const long long idle = session.idle_expires_at.millis;
    const long long absolute = session.absolute_expires_at.millis;
    sql << "INSERT INTO sessions (id, user_id, two_factor, created_at, last_seen_at, "
           "idle_expires_at, absolute_expires_at) "
           "VALUES (:id, :user, :two_factor, :created, :seen, :idle, :absolute)",
        soci::use(session.id), soci::use(session.user_id), soci::use(two_factor),
        soci::use(created), soci::use(seen), soci::use(idle), soci::use(absolute);
    return {};
  });
}

namespace {

// Every session `column` = `key` names, with its account's role.
Result<std::vector<Session>> Select(soci::session& sql, const char* column,
                                    const std::string& key) {
  Session s;
  std::string role, two_factor;
  long long created = 0, seen = 0, idle = 0, absolute = 0;
  soci::statement st =
      (sql.prepare << "SELECT s.id, s.user_id, u.role, s.two_factor, s.created_at, "
                      "s.last_seen_at, s.idle_expires_at, s.absolute_expires_at "
                      "FROM sessions s JOIN users u ON u.id = s.user_id WHERE s."
                   << column << " = :key ORDER BY s.last_seen_at DESC, s.id",
       soci::use(key), soci::into(s.id), soci::into(s.user_id), soci::into(role),
       soci::into(two_factor), soci::into(created), soci::into(seen), soci::into(idle),
       soci::into(absolute));
  st.execute();
  std::vector<Session> out;
  while (st.fetch()) {
    auto parsed_role = domain::ParseRole(role);
    if (!parsed_role) return Internal("A stored account has an unknown role.");
    auto parsed_state = domain::ParseTwoFactorState(two_factor);
    if (!parsed_state) return std::unexpected(parsed_state.error());
    Session found = s;
    found.role = *parsed_role;
    found.two_factor = *parsed_state;
    found.created_at = Instant{created};
    found.last_seen_at = Instant{seen};
    found.idle_expires_at = Instant{idle};
    found.absolute_expires_at = Instant{absolute};
    out.push_back(std::move(found));
  }
  return out;
}

}  // namespace

Result<std::optional<Session>> SqlSessionRepository::Find(std::string_view id) {
  return db_.Read("sessions.find", [&](soci::session& sql) -> Result<std::optional<Session>> {
    auto found = Select(sql, "id", std::string(id));
    if (!found) return std::unexpected(found.error());
    if (found->empty()) return std::nullopt;
    return std::move(found->front());
  });
}

Result<std::vector<Session>> SqlSessionRepository::ForUser(std::string_view user_id) {
  return db_.Read("sessions.for_user",
                  [&](soci::session& sql) { return Select(sql, "user_id", std::string(user_id)); });
}

Status SqlSessionRepository::Touch(std::string_view id, Instant last_seen, Instant idle_expires) {
  return db_.Write("sessions.touch", [&](soci::session& sql) -> Status {
    const std::string key(id);
    const long long seen = last_seen.millis;
    const long long idle = idle_expires.millis;
    sql << "UPDATE sessions SET last_seen_at = :seen, idle_expires_at = :idle WHERE id = :id",
        soci::use(seen), soci::use(idle), soci::use(key);
    return {};
  });
}

Status SqlSessionRepository::SetTwoFactor(std::string_view id, TwoFactorState state) {
  return db_.Write("sessions.set_two_factor", [&](soci::session& sql) -> Status {
    const std::string key(id);
    const std::string name = domain::TwoFactorStateName(state);
    soci::statement st = (sql.prepare << "UPDATE sessions SET two_factor = :state WHERE id = :id",
                          soci::use(name), soci::use(key));
    st.execute(true);
    if (st.get_affected_rows() == 0) return NotFound("This session has ended.");
    return {};
  });
}

Status SqlSessionRepository::Delete(std::string_view id) {
  return db_.Write("sessions.delete", [&](soci::session& sql) -> Status {
    const std::string key(id);
    sql << "DELETE FROM sessions WHERE id = :id", soci::use(key);
    return {};
  });
}

Status SqlSessionRepository::DeleteForUser(std::string_view user_id, std::string_view keep_id) {
  return db_.Write("sessions.delete_for_user", [&](soci::session& sql) -> Status {
    const std::string user(user_id);
    // Ids are never empty, so an empty keep_id keeps nothing.
    const std::string keep(keep_id);
    sql << "DELETE FROM sessions WHERE user_id = :user AND id <> :keep", soci::use(user),
        soci::use(keep);
    return {};
  });
}

Result<long> SqlSessionRepository::DeleteExpired(Instant now) {
  return db_.Write("sessions.delete_expired", [&](soci::session& sql) -> Result<long> {
    const long long at = now.millis;
    const long long at_again = now.millis;
    soci::statement st = (sql.prepare << "DELETE FROM sessions WHERE idle_expires_at <= :now "
                                         "OR absolute_expires_at <= :now_again",
                          soci::use(at), soci::use(at_again));
    st.execute(true);
    return static_cast<long>(st.get_affected_rows());
  });
}

}  // namespace securebase::storage
