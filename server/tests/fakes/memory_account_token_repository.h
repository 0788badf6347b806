// An in-memory AccountTokenRepository: the reference behaviour for the
// contract suite and a fast fake for domain tests.
//
// Thread-safety: every method takes one mutex; safe from any thread.
#pragma once

#include <map>
#include <mutex>
#include <string>

#include "domain/accounts/account_token_repository.h"

namespace securebase::fakes {

class MemoryAccountTokenRepository final : public domain::AccountTokenRepository {
 public:
  Status Create(const domain::AccountToken& token) override {
    std::lock_guard lock(mu_);
    if (tokens_.contains(token.id)) return Fail(ErrorCode::kConflict, "That already exists.");
    tokens_[token.id] = token;
    return {};
  }

  Result<std::optional<domain::AccountToken>> Consume(std::string_view id,
                                                      domain::TokenPurpose purpose,
                                                      Instant now) override {
    std::lock_guard lock(mu_);
    const auto it = tokens_.find(std::string(id));
    if (it == tokens_.end()) return std::nullopt;
    domain::AccountToken& t = it->second;
    if (t.purpose != purpose || t.used_at || !(t.expires_at > now)) return std::nullopt;
    t.used_at = now;
    return t;
  }

  Status ConsumeAllFor(std::string_view user_id, domain::TokenPurpose purpose,
                       Instant now) override {
    std::lock_guard lock(mu_);
    for (auto& [id, t] : tokens_) {
      if (t.user_id == user_id && t.purpose == purpose && !t.used_at) t.used_at = now;
    }
    return {};
  }

  Result<long> DeleteExpired(Instant before) override {
    std::lock_guard lock(mu_);
    return static_cast<long>(std::erase_if(
        tokens_, [&](const auto& entry) { return entry.second.expires_at < before; }));
  }

 private:
  std::mutex mu_;
  std::map<std::string, domain::AccountToken> tokens_;
};

}  // namespace securebase::fakes
