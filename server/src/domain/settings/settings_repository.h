// SettingsRepository keeps the site's own small, named values: settings the
// practitioner changes from the console and one-time values the server makes
// for itself (for example the hash of the first-run setup token).
//
// Keys are short lowercase names ("site.name"); values are text. Nothing here
// is personal data.
//
// Implementations: storage/sql_settings_repository (SQLite and PostgreSQL)
// and tests/fakes/memory_settings_repository; all pass the same contract
// suite (server/tests/contract/settings_repository_contract.h).
//
// Thread-safety: implementations are safe to call from several threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/error.h"

namespace securebase::domain {

struct Setting {
  std::string key;
  std::string value;
  Instant updated_at;
};

class SettingsRepository {
 public:
  virtual ~SettingsRepository() = default;

  // The setting, or nullopt when it was never set.
  virtual Result<std::optional<Setting>> Get(std::string_view key) = 0;

  // Creates or replaces the value.
  virtual Status Put(std::string_view key, std::string_view value, Instant now) = 0;

  // Creates the value only if the key is absent; true when this call created
  // it. Concurrent callers (threads or server instances) see exactly one true.
  virtual Result<bool> PutIfAbsent(std::string_view key, std::string_view value, Instant now) = 0;

  // Removes the key; true when it existed.
  virtual Result<bool> Remove(std::string_view key) = 0;
};

// Keys are 1..64 characters of [a-z0-9._-], starting with a letter.
Status ValidateSettingKey(std::string_view key);

}  // namespace securebase::domain
