// A learner's answer to a reflection prompt in a lesson, kept so it is
// there again when the lesson is reopened. The text is personal and is
// stored sealed (common/secret_box.h); the repository only ever sees the
// sealed form, hex-encoded.
//
// One answer per learner, lesson and prompt: saving again replaces it, and
// saving an empty answer removes it.
//
// Implementations: storage/sql_prompt_answer_repository (SQLite,
// PostgreSQL) and tests/fakes/memory_prompt_answer_repository; one contract
// suite.
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

struct SealedPromptAnswer {
  std::string user_id;
  std::string lesson_id;
  std::string prompt_id;
  std::string sealed_text;  // hex of SecretBox::Seal
  Instant updated_at;
};

class PromptAnswerRepository {
 public:
  virtual ~PromptAnswerRepository() = default;

  virtual Result<std::vector<SealedPromptAnswer>> ForLesson(std::string_view user_id,
                                                            std::string_view lesson_id) = 0;
  // Inserts or replaces the answer for (user_id, lesson_id, prompt_id).
  virtual Status Save(const SealedPromptAnswer& answer) = 0;
  virtual Status Delete(std::string_view user_id, std::string_view lesson_id,
                        std::string_view prompt_id) = 0;
};

}  // namespace securebase::domain
