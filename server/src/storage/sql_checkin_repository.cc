#include "storage/sql_checkin_repository.h"

#include <soci/soci.h>

#include <map>
#include <string>

namespace securebase::storage {

using domain::Checkin;
using domain::SavedCheckin;

namespace {

constexpr const char* kColumns =
    "SELECT id, user_id, questionnaire_id, questionnaire_version, taken_at, region, "
    "idempotency_key FROM checkins ";

// One checkins row, read by a prepared statement into these fields.
struct Row {
  Checkin c;
  long long taken = 0;
  std::string region, key;
  soci::indicator region_ind = soci::i_null, key_ind = soci::i_null;

  Checkin Take() {
    c.taken_at = Instant{taken};
    c.region = region_ind == soci::i_ok ? std::optional<std::string>(region) : std::nullopt;
    c.idempotency_key = key_ind == soci::i_ok ? std::optional<std::string>(key) : std::nullopt;
    return c;
  }
};

// The answers and scores of a check-in whose row was read.
void LoadDetails(soci::session& sql, Checkin& c) {
  std::string item;
  int answer = 0;
  soci::statement answers =
      (sql.prepare << "SELECT item_id, answer FROM checkin_answers WHERE checkin_id = :id",
       soci::use(c.id), soci::into(item), soci::into(answer));
  answers.execute();
  while (answers.fetch()) c.answers[item] = answer;

  std::string subscale;
  double score = 0;
  soci::statement scores = (sql.prepare << "SELECT subscale, score FROM checkin_scores "
                                           "WHERE checkin_id = :id ORDER BY position",
                            soci::use(c.id), soci::into(subscale), soci::into(score));
  scores.execute();
  while (scores.fetch()) c.scores.push_back(domain::SubscaleScore{subscale, score});
}

std::vector<Checkin> Fetch(soci::statement& st, Row& row, soci::session& sql) {
  std::vector<Checkin> out;
  st.execute();
  while (st.fetch()) out.push_back(row.Take());
  for (auto& c : out) LoadDetails(sql, c);
  return out;
}

std::optional<Checkin> FindByKey(soci::session& sql, const std::string& user,
                                 const std::string& key) {
  Row row;
  soci::statement st =
      (sql.prepare << std::string(kColumns) + "WHERE user_id = :user AND idempotency_key = :key",
       soci::use(user), soci::use(key), soci::into(row.c.id), soci::into(row.c.user_id),
       soci::into(row.c.questionnaire_id), soci::into(row.c.questionnaire_version),
       soci::into(row.taken), soci::into(row.region, row.region_ind),
       soci::into(row.key, row.key_ind));
  auto found = Fetch(st, row, sql);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

}  // namespace

Result<SavedCheckin> SqlCheckinRepository::Save(const Checkin& c) {
  auto saved = db_.Write("checkins.save", [&](soci::session& sql) -> Result<SavedCheckin> {
    if (c.idempotency_key) {
      if (auto existing = FindByKey(sql, c.user_id, *c.idempotency_key)) {
        return SavedCheckin{std::move(*existing), false};
      }
    }
    const long long taken = c.taken_at.millis;
    std::string region = c.region.value_or("");
    std::string key = c.idempotency_key.value_or("");
    soci::indicator region_ind = c.region ? soci::i_ok : soci::i_null;
    soci::indicator key_ind = c.idempotency_key ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO checkins (id, user_id, questionnaire_id, questionnaire_version, "
           "taken_at, region, idempotency_key) VALUES (:id, :user, :q, :version, :taken, "
           ":region, :key)",
        soci::use(c.id), soci::use(c.user_id), soci::use(c.questionnaire_id),
        soci::use(c.questionnaire_version), soci::use(taken), soci::use(region, region_ind),
        soci::use(key, key_ind);
    for (const auto& [item, answer] : c.answers) {
      sql << "INSERT INTO checkin_answers (checkin_id, item_id, answer) "
             "VALUES (:id, :item, :answer)",
          soci::use(c.id), soci::use(item), soci::use(answer);
    }
    int position = 0;
    for (const auto& s : c.scores) {
      sql << "INSERT INTO checkin_scores (checkin_id, subscale, position, score) "
             "VALUES (:id, :subscale, :position, :score)",
          soci::use(c.id), soci::use(s.subscale), soci::use(position), soci::use(s.score);
      ++position;
    }
    return SavedCheckin{c, true};
  });
  if (!saved && saved.error().code == ErrorCode::kConflict && c.idempotency_key) {
    // Lost a race with the same key: the winner's row is there now.
    auto existing =
        db_.Read("checkins.find_key", [&](soci::session& sql) -> Result<std::optional<Checkin>> {
          return FindByKey(sql, c.user_id, *c.idempotency_key);
        });
    if (existing && *existing) return SavedCheckin{std::move(**existing), false};
  }
  return saved;
}

Result<std::optional<Checkin>> SqlCheckinRepository::Find(std::string_view user_id,
                                                          std::string_view id_view) {
  return db_.Read("checkins.find", [&](soci::session& sql) -> Result<std::optional<Checkin>> {
    const std::string user(user_id), id(id_view);
    Row row;
    soci::statement st =
        (sql.prepare << std::string(kColumns) + "WHERE id = :id AND user_id = :user", soci::use(id),
         soci::use(user), soci::into(row.c.id), soci::into(row.c.user_id),
         soci::into(row.c.questionnaire_id), soci::into(row.c.questionnaire_version),
         soci::into(row.taken), soci::into(row.region, row.region_ind),
         soci::into(row.key, row.key_ind));
    auto found = Fetch(st, row, sql);
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
  });
}

Result<std::vector<Checkin>> SqlCheckinRepository::List(
    std::string_view user_id, std::optional<std::string_view> questionnaire_id) {
  return db_.Read("checkins.list", [&](soci::session& sql) -> Result<std::vector<Checkin>> {
    const std::string user(user_id);
    const std::string q(questionnaire_id.value_or(""));
    Row row;
    const std::string order = " ORDER BY taken_at DESC, id DESC";
    if (questionnaire_id) {
      soci::statement st =
          (sql.prepare << std::string(kColumns) +
                              "WHERE user_id = :user AND questionnaire_id = :q" + order,
           soci::use(user), soci::use(q), soci::into(row.c.id), soci::into(row.c.user_id),
           soci::into(row.c.questionnaire_id), soci::into(row.c.questionnaire_version),
           soci::into(row.taken), soci::into(row.region, row.region_ind),
           soci::into(row.key, row.key_ind));
      return Fetch(st, row, sql);
    }
    soci::statement st =
        (sql.prepare << std::string(kColumns) + "WHERE user_id = :user" + order, soci::use(user),
         soci::into(row.c.id), soci::into(row.c.user_id), soci::into(row.c.questionnaire_id),
         soci::into(row.c.questionnaire_version), soci::into(row.taken),
         soci::into(row.region, row.region_ind), soci::into(row.key, row.key_ind));
    return Fetch(st, row, sql);
  });
}

Result<std::vector<Checkin>> SqlCheckinRepository::LatestPerPerson(
    std::string_view questionnaire_id) {
  return db_.Read(
      "checkins.latest_per_person", [&](soci::session& sql) -> Result<std::vector<Checkin>> {
        const std::string q(questionnaire_id);
        // A check-in is a person's latest when none of theirs for the same
        // questionnaire is later (or as late with a greater id). Answers and
        // scores come in one query each for all of them, not two per check-in.
        const std::string latest =
            "FROM checkins c WHERE c.questionnaire_id = :q AND NOT EXISTS (SELECT 1 FROM checkins "
            "d "
            "WHERE d.user_id = c.user_id AND d.questionnaire_id = c.questionnaire_id AND "
            "(d.taken_at > c.taken_at OR (d.taken_at = c.taken_at AND d.id > c.id)))";
        Row row;
        std::vector<Checkin> out;
        std::map<std::string, std::size_t, std::less<>> index;
        {
          soci::statement st =
              (sql.prepare
                   << "SELECT c.id, c.user_id, c.questionnaire_id, c.questionnaire_version, "
                      "c.taken_at, c.region, c.idempotency_key " +
                          latest,
               soci::use(q), soci::into(row.c.id), soci::into(row.c.user_id),
               soci::into(row.c.questionnaire_id), soci::into(row.c.questionnaire_version),
               soci::into(row.taken), soci::into(row.region, row.region_ind),
               soci::into(row.key, row.key_ind));
          st.execute();
          while (st.fetch()) {
            index.emplace(row.c.id, out.size());
            out.push_back(row.Take());
          }
        }
        std::string checkin, name;
        int answer = 0;
        soci::statement answers =
            (sql.prepare << "SELECT a.checkin_id, a.item_id, a.answer FROM checkin_answers a WHERE "
                            "a.checkin_id IN (SELECT c.id " +
                                latest + ")",
             soci::use(q), soci::into(checkin), soci::into(name), soci::into(answer));
        answers.execute();
        while (answers.fetch()) {
          if (auto at = index.find(checkin); at != index.end())
            out[at->second].answers[name] = answer;
        }
        double score = 0;
        soci::statement scores =
            (sql.prepare << "SELECT s.checkin_id, s.subscale, s.score FROM checkin_scores s WHERE "
                            "s.checkin_id IN (SELECT c.id " +
                                latest + ") ORDER BY s.checkin_id, s.position",
             soci::use(q), soci::into(checkin), soci::into(name), soci::into(score));
        scores.execute();
        while (scores.fetch()) {
          if (auto at = index.find(checkin); at != index.end()) {
            out[at->second].scores.push_back(domain::SubscaleScore{name, score});
          }
        }
        return out;
      });
}

}  // namespace securebase::storage
