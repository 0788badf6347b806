// LessonProgressRepository on SQL (SQLite and PostgreSQL through one code
// path). Save is an upsert on (user_id, lesson_id).
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/course/lesson_progress.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlLessonProgressRepository final : public domain::LessonProgressRepository {
 public:
  explicit SqlLessonProgressRepository(Database& db) : db_(db) {}

  Result<std::vector<domain::LessonProgress>> ForUser(std::string_view user_id) override;
  Result<std::optional<domain::LessonProgress>> Find(std::string_view user_id,
                                                     std::string_view lesson_id) override;
  Status Save(const domain::LessonProgress& progress) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
