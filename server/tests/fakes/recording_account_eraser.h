// An AccountEraser for tests of the domain and of the route table: it keeps
// each erasure asked of it, answers as told, and changes nothing else (the
// SQL eraser is tested against real databases through the API suite,
// tests/api/account-delete.test.ts).
//
// Thread-safety: safe from any thread.
#pragma once

#include <mutex>
#include <vector>

#include "domain/privacy/account_eraser.h"

namespace securebase::fakes {

class RecordingAccountEraser final : public domain::AccountEraser {
 public:
  Result<domain::ErasureReport> Erase(const domain::Erasure& erasure) override {
    std::lock_guard lock(mu_);
    erased_.push_back(erasure);
    return report_;
  }

  std::vector<domain::Erasure> Erased() {
    std::lock_guard lock(mu_);
    return erased_;
  }

  void Answer(Result<domain::ErasureReport> report) {
    std::lock_guard lock(mu_);
    report_ = std::move(report);
  }

 private:
  std::mutex mu_;
  std::vector<domain::Erasure> erased_;
  Result<domain::ErasureReport> report_ = domain::ErasureReport{};
};

}  // namespace securebase::fakes
