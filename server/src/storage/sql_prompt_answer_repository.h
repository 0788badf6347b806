// PromptAnswerRepository on SQL (SQLite and PostgreSQL through one code
// path). It stores and returns sealed text only; it never sees an answer.
//
// Thread-safety: safe from any thread (each call borrows its own session).
#pragma once

#include "domain/course/prompt_answer.h"
#include "storage/database.h"

namespace securebase::storage {

class SqlPromptAnswerRepository final : public domain::PromptAnswerRepository {
 public:
  explicit SqlPromptAnswerRepository(Database& db) : db_(db) {}

  Result<std::vector<domain::SealedPromptAnswer>> ForLesson(std::string_view user_id,
                                                            std::string_view lesson_id) override;
  Status Save(const domain::SealedPromptAnswer& answer) override;
  Status Delete(std::string_view user_id, std::string_view lesson_id,
                std::string_view prompt_id) override;

 private:
  Database& db_;
};

}  // namespace securebase::storage
