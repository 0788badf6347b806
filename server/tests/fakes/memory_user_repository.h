// An in-memory UserRepository: the reference behaviour for the contract
// suite and a fast fake for domain tests.
#pragma once

#include <algorithm>
#include <map>
#include <mutex>

#include "domain/accounts/user_repository.h"

namespace securebase::fakes {

class MemoryUserRepository final : public domain::UserRepository {
 public:
  Status Create(const domain::User& user) override {
    std::lock_guard lock(mu_);
    for (const auto& [id, u] : users_) {
      if (u.email == user.email || id == user.id) {
        return Fail(ErrorCode::kConflict, "That already exists.");
      }
    }
    users_[user.id] = user;
    return {};
  }

  Status Update(const domain::User& user) override {
    std::lock_guard lock(mu_);
    const auto it = users_.find(user.id);
    if (it == users_.end()) return NotFound("There is no such account.");
    for (const auto& [id, u] : users_) {
      if (id != user.id && u.email == user.email)
        return Fail(ErrorCode::kConflict, "That already exists.");
    }
    domain::User& stored = it->second;
    stored.email = user.email;
    stored.display_name = user.display_name;
    stored.password_hash = user.password_hash;
    stored.time_zone = user.time_zone;
    stored.country = user.country;
    stored.email_verified_at = user.email_verified_at;
    stored.updated_at = user.updated_at;
    return {};
  }

  Result<std::optional<domain::User>> FindById(std::string_view id) override {
    std::lock_guard lock(mu_);
    const auto it = users_.find(std::string(id));
    if (it == users_.end()) return std::nullopt;
    return it->second;
  }

  Result<std::vector<domain::User>> FindByIds(const std::vector<std::string>& ids) override {
    std::lock_guard lock(mu_);
    std::vector<domain::User> out;
    for (const auto& [id, u] : users_) {
      if (std::find(ids.begin(), ids.end(), id) != ids.end()) out.push_back(u);
    }
    return out;
  }

  Result<std::optional<domain::User>> FindByEmail(std::string_view email) override {
    std::lock_guard lock(mu_);
    for (const auto& [id, u] : users_) {
      if (u.email == email) return u;
    }
    return std::nullopt;
  }

  Result<std::optional<domain::User>> FirstWithRole(domain::Role role) override {
    std::lock_guard lock(mu_);
    std::optional<domain::User> first;
    for (const auto& [id, u] : users_) {
      if (u.role != role) continue;
      if (!first || u.created_at < first->created_at ||
          (u.created_at == first->created_at && u.id < first->id)) {
        first = u;
      }
    }
    return first;
  }

  Result<std::vector<domain::User>> WithRole(domain::Role role) override {
    std::lock_guard lock(mu_);
    std::vector<domain::User> out;
    for (const auto& [id, u] : users_) {
      if (u.role == role) out.push_back(u);
    }
    std::ranges::sort(out, [](const auto& a, const auto& b) {
      return std::pair(a.created_at, a.id) < std::pair(b.created_at, b.id);
    });
    return out;
  }

  Result<long> CountWithRole(domain::Role role) override {
    std::lock_guard lock(mu_);
    long n = 0;
    for (const auto& [id, u] : users_) n += u.role == role ? 1 : 0;
    return n;
  }

 private:
  std::mutex mu_;
  std::map<std::string, domain::User> users_;
};

}  // namespace securebase::fakes
