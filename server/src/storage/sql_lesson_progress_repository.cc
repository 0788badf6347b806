#include "storage/sql_lesson_progress_repository.h"

#include <soci/soci.h>

#include <string>

namespace securebase::storage {

using domain::LessonProgress;

namespace {

// The columns every read takes, in this order (see Bind).
constexpr const char* kColumns =
    "SELECT user_id, lesson_id, opened_at, completed_at, position, updated_at "
    "FROM lesson_progress ";

// A row as SOCI fills it, turned into the domain value.
struct Row {
  LessonProgress p;
  long long opened = 0, completed = 0, updated = 0;
  soci::indicator completed_ind = soci::i_null;

  LessonProgress Take() {
    p.opened_at = Instant{opened};
    p.completed_at = completed_ind == soci::i_ok ? std::optional(Instant{completed}) : std::nullopt;
    p.updated_at = Instant{updated};
    return p;
  }
};

}  // namespace

Result<std::vector<LessonProgress>> SqlLessonProgressRepository::ForUser(std::string_view user_id) {
  return db_.Read(
      "lesson_progress.for_user", [&](soci::session& sql) -> Result<std::vector<LessonProgress>> {
        const std::string user(user_id);
        Row r;
        soci::statement st =
            (sql.prepare << std::string(kColumns) + "WHERE user_id = :user ORDER BY lesson_id",
             soci::use(user), soci::into(r.p.user_id), soci::into(r.p.lesson_id),
             soci::into(r.opened), soci::into(r.completed, r.completed_ind),
             soci::into(r.p.position), soci::into(r.updated));
        st.execute();
        std::vector<LessonProgress> out;
        while (st.fetch()) out.push_back(r.Take());
        return out;
      });
}

Result<std::optional<LessonProgress>> SqlLessonProgressRepository::Find(
    std::string_view user_id, std::string_view lesson_id) {
  return db_.Read(
      "lesson_progress.find", [&](soci::session& sql) -> Result<std::optional<LessonProgress>> {
        const std::string user(user_id), lesson(lesson_id);
        Row r;
        sql << std::string(kColumns) + "WHERE user_id = :user AND lesson_id = :lesson",
            soci::use(user), soci::use(lesson), soci::into(r.p.user_id), soci::into(r.p.lesson_id),
            soci::into(r.opened), soci::into(r.completed, r.completed_ind),
            soci::into(r.p.position), soci::into(r.updated);
        if (!sql.got_data()) return std::nullopt;
        return r.Take();
      });
}

Status SqlLessonProgressRepository::Save(const LessonProgress& p) {
  return db_.Write("lesson_progress.save", [&](soci::session& sql) -> Status {
    const long long opened = p.opened_at.millis;
    const long long completed = p.completed_at ? p.completed_at->millis : 0;
    soci::indicator completed_ind = p.completed_at ? soci::i_ok : soci::i_null;
    const long long updated = p.updated_at.millis;
    // ON CONFLICT ... DO UPDATE is spelled the same in SQLite and PostgreSQL.
    // opened_at is never moved once set.
    sql << "INSERT INTO lesson_progress (user_id, lesson_id, opened_at, completed_at, position, "
           "updated_at) VALUES (:user, :lesson, :opened, :completed, :position, :updated) "
           "ON CONFLICT (user_id, lesson_id) DO UPDATE SET completed_at = excluded.completed_at, "
           "position = excluded.position, updated_at = excluded.updated_at",
        soci::use(p.user_id), soci::use(p.lesson_id), soci::use(opened),
        soci::use(completed, completed_ind), soci::use(p.position), soci::use(updated);
    return {};
  });
}

}  // namespace securebase::storage
