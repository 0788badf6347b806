// In-memory ShareRepository for unit tests (the contract of
// storage/sql_share_repository: server/tests/contract/
// share_repository_contract_test.cc). Unlike SQL it cannot see whose a
// journal entry is; the services check that before they Put.
//
// Thread-safety: safe from any thread.
#pragma once

#include <map>
#include <mutex>
#include <utility>
#include <vector>

#include "domain/sharing/share_repository.h"

namespace securebase::fakes {

class MemoryShareRepository final : public domain::ShareRepository {
 public:
  Status Put(const domain::Share& share) override {
    std::lock_guard lock(mu_);
    rows_[{share.learner_id, share.practitioner_id}] = share;
    return {};
  }
  Result<std::optional<domain::Share>> Find(std::string_view learner,
                                            std::string_view practitioner) override {
    std::lock_guard lock(mu_);
    const auto it = rows_.find({std::string(learner), std::string(practitioner)});
    if (it == rows_.end()) return std::nullopt;
    return it->second;
  }
  Result<std::vector<domain::Share>> ForLearner(std::string_view learner) override {
    std::lock_guard lock(mu_);
    std::vector<domain::Share> out;
    for (const auto& [key, s] : rows_) {
      if (key.first == learner) out.push_back(s);
    }
    return out;  // the map's order: by practitioner within a learner
  }
  Result<std::vector<domain::Share>> ForPractitioner(std::string_view practitioner) override {
    std::lock_guard lock(mu_);
    std::vector<domain::Share> out;
    for (const auto& [key, s] : rows_) {
      if (key.second == practitioner) out.push_back(s);
    }
    return out;  // by learner
  }
  Result<bool> Remove(std::string_view learner, std::string_view practitioner) override {
    std::lock_guard lock(mu_);
    return rows_.erase({std::string(learner), std::string(practitioner)}) > 0;
  }

 private:
  std::mutex mu_;
  std::map<std::pair<std::string, std::string>, domain::Share> rows_;
};

}  // namespace securebase::fakes
