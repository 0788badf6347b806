// An in-memory SettingsRepository: the reference behaviour the SQL
// implementations are held to by the contract suite, and a fast fake for
// domain tests.
#pragma once

#include <map>
#include <mutex>

#include "domain/settings/settings_repository.h"

namespace securebase::fakes {

class MemorySettingsRepository final : public domain::SettingsRepository {
 public:
  Result<std::optional<domain::Setting>> Get(std::string_view key) override {
    if (auto ok = domain::ValidateSettingKey(key); !ok) return std::unexpected(ok.error());
    std::lock_guard lock(mu_);
    const auto it = values_.find(std::string(key));
    if (it == values_.end()) return std::nullopt;
    return it->second;
  }

  Status Put(std::string_view key, std::string_view value, Instant now) override {
    if (auto ok = domain::ValidateSettingKey(key); !ok) return ok;
    std::lock_guard lock(mu_);
    values_[std::string(key)] = domain::Setting{std::string(key), std::string(value), now};
    return {};
  }

  Result<bool> PutIfAbsent(std::string_view key, std::string_view value, Instant now) override {
    if (auto ok = domain::ValidateSettingKey(key); !ok) return std::unexpected(ok.error());
    std::lock_guard lock(mu_);
    return values_
        .try_emplace(std::string(key), domain::Setting{std::string(key), std::string(value), now})
        .second;
  }

  Result<bool> Remove(std::string_view key) override {
    if (auto ok = domain::ValidateSettingKey(key); !ok) return std::unexpected(ok.error());
    std::lock_guard lock(mu_);
    return values_.erase(std::string(key)) == 1;
  }

 private:
  std::mutex mu_;
  std::map<std::string, domain::Setting> values_;
};

}  // namespace securebase::fakes
