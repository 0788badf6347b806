#include "storage/sql_settings_repository.h"

#include <soci/soci.h>

namespace securebase::storage {

using domain::Setting;
using domain::ValidateSettingKey;

Result<std::optional<Setting>> SqlSettingsRepository::Get(std::string_view key) {
  if (auto ok = ValidateSettingKey(key); !ok) return std::unexpected(ok.error());
  return db_.Read("settings.get", [&](soci::session& sql) -> Result<std::optional<Setting>> {
    Setting s;
    s.key = std::string(key);
    long long updated = 0;
    sql << "SELECT value, updated_at FROM settings WHERE key = :k", soci::use(s.key),
        soci::into(s.value), soci::into(updated);
    if (!sql.got_data()) return std::nullopt;
    s.updated_at = Instant{updated};
    return s;
  });
}

Status SqlSettingsRepository::Put(std::string_view key, std::string_view value, Instant now) {
  if (auto ok = ValidateSettingKey(key); !ok) return ok;
  return db_.Write("settings.put", [&](soci::session& sql) -> Status {
    const std::string k(key), v(value);
    const long long t = now.millis;
    // ON CONFLICT ... DO UPDATE is spelled the same in SQLite and PostgreSQL.
    sql << "INSERT INTO settings (key, value, updated_at) VALUES (:k, :v, :t) "
           "ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = "
           "excluded.updated_at",
        soci::use(k), soci::use(v), soci::use(t);
    return {};
  });
}

Result<bool> SqlSettingsRepository::PutIfAbsent(std::string_view key, std::string_view value,
                                                Instant now) {
  if (auto ok = ValidateSettingKey(key); !ok) return std::unexpected(ok.error());
  return db_.Write("settings.put_if_absent", [&](soci::session& sql) -> Result<bool> {
    const std::string k(key), v(value);
    const long long t = now.millis;
    soci::statement st = (sql.prepare << "INSERT INTO settings (key, value, updated_at) "
                                         "VALUES (:k, :v, :t) ON CONFLICT (key) DO NOTHING",
                          soci::use(k), soci::use(v), soci::use(t));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

Result<bool> SqlSettingsRepository::Remove(std::string_view key) {
  if (auto ok = ValidateSettingKey(key); !ok) return std::unexpected(ok.error());
  return db_.Write("settings.remove", [&](soci::session& sql) -> Result<bool> {
    const std::string k(key);
    soci::statement st = (sql.prepare << "DELETE FROM settings WHERE key = :k", soci::use(k));
    st.execute(true);
    return st.get_affected_rows() == 1;
  });
}

}  // namespace securebase::storage
