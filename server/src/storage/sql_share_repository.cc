#include "storage/sql_share_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <string>

namespace securebase::storage {

using domain::Share;

namespace {

// The shares `column` = `key` names, each with its entries, ordered by the
// other party's id.
Result<std::vector<Share>> Select(soci::session& sql, const char* column, const std::string& key,
                                  const char* order) {
  Share row;
  int checkins = 0, practice = 0, course = 0;
  long long updated = 0;
  soci::statement st(sql);
  st.alloc();
  st.prepare(std::string("SELECT learner_id, practitioner_id, checkins, practice, course, "
                         "updated_at FROM shares WHERE ") +
             column + " = :k ORDER BY " + order);
  st.exchange(soci::use(key));
  st.exchange(soci::into(row.learner_id));
  st.exchange(soci::into(row.practitioner_id));
  st.exchange(soci::into(checkins));
  st.exchange(soci::into(practice));
  st.exchange(soci::into(course));
  st.exchange(soci::into(updated));
  st.define_and_bind();
  st.execute();
  std::vector<Share> out;
  std::map<std::pair<std::string, std::string>, std::size_t> index;
  while (st.fetch()) {
    Share s = row;
    s.checkins = checkins != 0;
    s.practice = practice != 0;
    s.course = course != 0;
    s.updated_at = Instant{updated};
    index[{s.learner_id, s.practitioner_id}] = out.size();
    out.push_back(std::move(s));
  }
  if (out.empty()) return out;

  std::string learner, practitioner, entry;
  soci::statement entries(sql);
  entries.alloc();
  entries.prepare(std::string("SELECT learner_id, practitioner_id, entry_id FROM "
                              "shared_journal_entries WHERE ") +
                  column + " = :k ORDER BY entry_id");
  entries.exchange(soci::use(key));
  entries.exchange(soci::into(learner));
  entries.exchange(soci::into(practitioner));
  entries.exchange(soci::into(entry));
  entries.define_and_bind();
  entries.execute();
  while (entries.fetch()) {
    const auto it = index.find({learner, practitioner});
    if (it != index.end()) out[it->second].journal_entry_ids.push_back(entry);
  }
  return out;
}

}  // namespace

Status SqlShareRepository::Put(const Share& s) {
  return db_.Write("shares.put", [&](soci::session& sql) -> Status {
    const int checkins = s.checkins ? 1 : 0, practice = s.practice ? 1 : 0,
              course = s.course ? 1 : 0;
    const long long updated = s.updated_at.millis;
    sql << "INSERT INTO shares (learner_id, practitioner_id, checkins, practice, course, "
           "updated_at) VALUES (:l, :p, :c, :pr, :co, :u) ON CONFLICT (learner_id, "
           "practitioner_id) DO UPDATE SET checkins = excluded.checkins, practice = "
           "excluded.practice, course = excluded.course, updated_at = excluded.updated_at",
        soci::use(s.learner_id), soci::use(s.practitioner_id), soci::use(checkins),
        soci::use(practice), soci::use(course), soci::use(updated);
    sql << "DELETE FROM shared_journal_entries WHERE learner_id = :l AND practitioner_id = :p",
        soci::use(s.learner_id), soci::use(s.practitioner_id);
    for (const auto& entry : s.journal_entry_ids) {
      sql << "INSERT INTO shared_journal_entries (learner_id, practitioner_id, entry_id) VALUES "
             "(:l, :p, :e)",
          soci::use(s.learner_id), soci::use(s.practitioner_id), soci::use(entry);
    }
    return {};
  });
}

Result<std::optional<Share>> SqlShareRepository::Find(std::string_view learner_id,
                                                      std::string_view practitioner_id) {
  auto mine = ForLearner(learner_id);
  if (!mine) return std::unexpected(mine.error());
  for (auto& s : *mine) {
    if (s.practitioner_id == practitioner_id) return std::move(s);
  }
  return std::nullopt;
}

Result<std::vector<Share>> SqlShareRepository::ForLearner(std::string_view learner_id) {
  const std::string key(learner_id);
  return db_.Read("shares.for_learner", [&](soci::session& sql) {
    return Select(sql, "learner_id", key, "practitioner_id");
  });
}

Result<std::vector<Share>> SqlShareRepository::ForPractitioner(std::string_view practitioner_id) {
  const std::string key(practitioner_id);
  return db_.Read("shares.for_practitioner", [&](soci::session& sql) {
    return Select(sql, "practitioner_id", key, "learner_id");
  });
}

Result<bool> SqlShareRepository::Remove(std::string_view learner_id,
                                        std::string_view practitioner_id) {
  const std::string learner(learner_id), practitioner(practitioner_id);
  return db_.Write("shares.remove", [&](soci::session& sql) -> Result<bool> {
    // The entries go with the row (ON DELETE CASCADE).
    soci::statement st =
        (sql.prepare << "DELETE FROM shares WHERE learner_id = :l AND practitioner_id = :p",
         soci::use(learner), soci::use(practitioner));
    st.execute(true);
    return st.get_affected_rows() > 0;
  });
}

}  // namespace securebase::storage
