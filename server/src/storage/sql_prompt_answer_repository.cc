#include "storage/sql_prompt_answer_repository.h"

#include <soci/soci.h>

#include <string>

namespace securebase::storage {

using domain::SealedPromptAnswer;

Result<std::vector<SealedPromptAnswer>> SqlPromptAnswerRepository::ForLesson(
    std::string_view user_id, std::string_view lesson_id) {
  return db_.Read("prompt_answers.for_lesson",
                  [&](soci::session& sql) -> Result<std::vector<SealedPromptAnswer>> {
                    const std::string user(user_id), lesson(lesson_id);
                    SealedPromptAnswer a;
                    long long updated = 0;
                    soci::statement st =
                        (sql.prepare << "SELECT user_id, lesson_id, prompt_id, sealed_text, "
                                        "updated_at FROM prompt_answers "
                                        "WHERE user_id = :user AND lesson_id = :lesson "
                                        "ORDER BY prompt_id",
                         soci::use(user), soci::use(lesson), soci::into(a.user_id),
                         soci::into(a.lesson_id), soci::into(a.prompt_id),
                         soci::into(a.sealed_text), soci::into(updated));
                    st.execute();
                    std::vector<SealedPromptAnswer> out;
                    while (st.fetch()) {
                      a.updated_at = Instant{updated};
                      out.push_back(a);
                    }
                    return out;
                  });
}

Status SqlPromptAnswerRepository::Save(const SealedPromptAnswer& a) {
  return db_.Write("prompt_answers.save", [&](soci::session& sql) -> Status {
    const long long updated = a.updated_at.millis;
    sql << "INSERT INTO prompt_answers (user_id, lesson_id, prompt_id, sealed_text, updated_at) "
           "VALUES (:user, :lesson, :prompt, :text, :updated) "
           "ON CONFLICT (user_id, lesson_id, prompt_id) DO UPDATE SET "
           "sealed_text = excluded.sealed_text, updated_at = excluded.updated_at",
        soci::use(a.user_id), soci::use(a.lesson_id), soci::use(a.prompt_id),
        soci::use(a.sealed_text), soci::use(updated);
    return {};
  });
}

Status SqlPromptAnswerRepository::Delete(std::string_view user_id, std::string_view lesson_id,
                                         std::string_view prompt_id) {
  return db_.Write("prompt_answers.delete", [&](soci::session& sql) -> Status {
    const std::string user(user_id), lesson(lesson_id), prompt(prompt_id);
    sql << "DELETE FROM prompt_answers WHERE user_id = :user AND lesson_id = :lesson "
           "AND prompt_id = :prompt",
        soci::use(user), soci::use(lesson), soci::use(prompt);
    return {};
  });
}

}  // namespace securebase::storage
