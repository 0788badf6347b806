// An in-memory LessonProgressRepository: the reference behaviour for the
// contract suite and a fast fake for domain tests. Save is an upsert that
// never moves opened_at, like the SQL one.
//
// Thread-safety: every method takes one mutex; safe from any thread.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "domain/course/lesson_progress.h"

namespace securebase::fakes {

class MemoryLessonProgressRepository final : public domain::LessonProgressRepository {
 public:
  Result<std::vector<domain::LessonProgress>> ForUser(std::string_view user_id) override {
    std::lock_guard lock(mu_);
    std::vector<domain::LessonProgress> out;
    for (const auto& [key, row] : rows_) {
      if (key.first == user_id) out.push_back(row);
    }
    return out;
  }

  Result<std::optional<domain::LessonProgress>> Find(std::string_view user_id,
                                                     std::string_view lesson_id) override {
    std::lock_guard lock(mu_);
    auto it = rows_.find({std::string(user_id), std::string(lesson_id)});
    if (it == rows_.end()) return std::nullopt;
    return it->second;
  }

  Status Save(const domain::LessonProgress& progress) override {
    std::lock_guard lock(mu_);
    auto [it, inserted] = rows_.try_emplace({progress.user_id, progress.lesson_id}, progress);
    if (!inserted) {
      const Instant opened = it->second.opened_at;
      it->second = progress;
      it->second.opened_at = opened;
    }
    return {};
  }

 private:
  std::mutex mu_;
  std::map<std::pair<std::string, std::string>, domain::LessonProgress> rows_;
};

}  // namespace securebase::fakes
