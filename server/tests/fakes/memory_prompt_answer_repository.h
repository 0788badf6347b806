// An in-memory PromptAnswerRepository: the reference behaviour for the
// contract suite and a fast fake for domain tests.
//
// Thread-safety: every method takes one mutex; safe from any thread.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "domain/course/prompt_answer.h"

namespace securebase::fakes {

class MemoryPromptAnswerRepository final : public domain::PromptAnswerRepository {
 public:
  Result<std::vector<domain::SealedPromptAnswer>> ForLesson(std::string_view user_id,
                                                            std::string_view lesson_id) override {
    std::lock_guard lock(mu_);
    std::vector<domain::SealedPromptAnswer> out;
    for (const auto& [key, answer] : answers_) {
      if (std::get<0>(key) == user_id && std::get<1>(key) == lesson_id) out.push_back(answer);
    }
    return out;
  }

  Status Save(const domain::SealedPromptAnswer& answer) override {
    std::lock_guard lock(mu_);
    answers_[{answer.user_id, answer.lesson_id, answer.prompt_id}] = answer;
    return {};
  }

  Status Delete(std::string_view user_id, std::string_view lesson_id,
                std::string_view prompt_id) override {
    std::lock_guard lock(mu_);
    answers_.erase({std::string(user_id), std::string(lesson_id), std::string(prompt_id)});
    return {};
  }

  // For tests: what the store holds, to check it is sealed.
  std::vector<domain::SealedPromptAnswer> All() {
    std::lock_guard lock(mu_);
    std::vector<domain::SealedPromptAnswer> out;
    for (const auto& [key, answer] : answers_) out.push_back(answer);
    return out;
  }

 private:
  std::mutex mu_;
  std::map<std::tuple<std::string, std::string, std::string>, domain::SealedPromptAnswer> answers_;
};

}  // namespace securebase::fakes
