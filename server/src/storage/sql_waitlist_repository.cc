#include "storage/sql_waitlist_repository.h"

#include <soci/soci.h>

#include <string>

namespace securebase::storage {

using domain::WaitlistEntry;

namespace {

Result<std::vector<WaitlistEntry>> Select(soci::session& sql, const std::string& where,
                                          const std::string* client) {
  WaitlistEntry row;
  long long joined = 0, notified = 0;
  soci::indicator notified_ind = soci::i_null;
  soci::statement st(sql);
  st.alloc();
  st.prepare("SELECT id, client_id, session_type_id, joined_at, notified_at FROM waitlist " +
             where + " ORDER BY joined_at, id");
  if (client) st.exchange(soci::use(*client));
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(row.client_id));
  st.exchange(soci::into(row.session_type_id));
  st.exchange(soci::into(joined));
  st.exchange(soci::into(notified, notified_ind));
  st.define_and_bind();
  st.execute();
  std::vector<WaitlistEntry> out;
  while (st.fetch()) {
    WaitlistEntry e = row;
    e.joined_at = Instant{joined};
    e.notified_at =
        notified_ind == soci::i_ok ? std::optional<Instant>(Instant{notified}) : std::nullopt;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

Status SqlWaitlistRepository::Add(const WaitlistEntry& e) {
  auto added = db_.Write("waitlist.add", [&](soci::session& sql) -> Status {
    const long long joined = e.joined_at.millis;
    sql << "INSERT INTO waitlist (id, client_id, session_type_id, joined_at) VALUES (:id, "
           ":client, :type, :joined)",
        soci::use(e.id), soci::use(e.client_id), soci::use(e.session_type_id), soci::use(joined);
    return {};
  });
  if (!added && added.error().code == ErrorCode::kConflict) {
    return Refuse(ErrorCode::kConflict, "already-waiting",
                  "You are already on the waitlist for this kind of session.");
  }
  return added;
}

Result<bool> SqlWaitlistRepository::Remove(std::string_view client_id, std::string_view id) {
  const std::string client(client_id), key(id);
  return db_.Write("waitlist.remove", [&](soci::session& sql) -> Result<bool> {
    soci::statement st = (sql.prepare << "DELETE FROM waitlist WHERE client_id = :c AND id = :i",
                          soci::use(client), soci::use(key));
    st.execute(true);
    return st.get_affected_rows() > 0;
  });
}

Status SqlWaitlistRepository::RemoveForType(std::string_view client_id,
                                            std::string_view session_type_id) {
  const std::string client(client_id), type(session_type_id);
  return db_.Write("waitlist.remove_for_type", [&](soci::session& sql) -> Status {
    sql << "DELETE FROM waitlist WHERE client_id = :c AND session_type_id = :t", soci::use(client),
        soci::use(type);
    return {};
  });
}

Result<std::vector<WaitlistEntry>> SqlWaitlistRepository::All() {
  return db_.Read("waitlist.all", [&](soci::session& sql) { return Select(sql, "", nullptr); });
}

Result<std::vector<WaitlistEntry>> SqlWaitlistRepository::ForClient(std::string_view client_id) {
  const std::string client(client_id);
  return db_.Read("waitlist.for_client",
                  [&](soci::session& sql) { return Select(sql, "WHERE client_id = :c", &client); });
}

Result<bool> SqlWaitlistRepository::ClaimNotice(std::string_view id, Instant at,
                                                Instant not_since) {
  const std::string key(id);
  const long long when = at.millis, since = not_since.millis;
  return db_.Write("waitlist.claim_notice", [&](soci::session& sql) -> Result<bool> {
    soci::statement st =
        (sql.prepare << "UPDATE waitlist SET notified_at = :at WHERE id = :id AND (notified_at IS "
                        "NULL OR notified_at <= :since)",
         soci::use(when), soci::use(key), soci::use(since));
    st.execute(true);
    return st.get_affected_rows() > 0;
  });
}

}  // namespace securebase::storage
